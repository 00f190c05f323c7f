// pytest: plain functions and `assert`, `@pytest.mark.parametrize` tables with ids, `pytest.raises`
// with `match=re.escape(...)`, `pytest.skip` for what cannot be written yet. Coroutines run through
// `asyncio.run` so no plugin (pytest-asyncio, anyio) is needed.
import { posix } from 'node:path'
import type { CallSpecBody, SpecCase, SpecDraft, SpecExpectation, StepsSpecBody } from '../types.js'
import { equalityKind, hasCodeFor, pyString, renderPyValue, type PythonImports } from '../values.js'
import {
  isRepositoryPath,
  moduleLanguage,
  normalisePath,
  pythonModuleName,
  snakeCase
} from '../paths.js'
import {
  cleanCode,
  commentText,
  groupCases,
  headerLines,
  indent,
  NameSet,
  type CaseUnit
} from './shared.js'

export interface PytestRenderInput {
  draft: SpecDraft
  perspectiveId: string
  fileName: string
  /** Folders on the import path (a src layout, pytest's `pythonpath`), from the project's layout. */
  pythonRoots?: readonly string[]
  /** Distribution names the project declares (lower-case, `-` for `_`); undefined when unknown. */
  packages?: readonly string[]
  /** Module path -> optional packages it needs to import (layout `optionalImports`): the spec skips without them. */
  optionalImports?: Readonly<Record<string, readonly string[]>>
  /** Filled while rendering: executable tests written (a file of skips only is plan-only). */
  stats?: { tests: number; todos: number }
}

const BUILTIN_EXCEPTIONS = new Set(
  (
    'BaseException Exception ArithmeticError AssertionError AttributeError BufferError EOFError FloatingPointError ' +
    'ImportError IndexError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError ' +
    'NotImplementedError OSError OverflowError RecursionError ReferenceError RuntimeError StopIteration ' +
    'StopAsyncIteration SyntaxError SystemError SystemExit TypeError UnboundLocalError UnicodeError ' +
    'UnicodeDecodeError UnicodeEncodeError ValueError ZeroDivisionError FileNotFoundError FileExistsError ' +
    'PermissionError TimeoutError ConnectionError ConnectionRefusedError ConnectionResetError BrokenPipeError ' +
    'IsADirectoryError NotADirectoryError InterruptedError ChildProcessError ProcessLookupError BlockingIOError ' +
    'IOError EnvironmentError ExceptionGroup BaseExceptionGroup'
  ).split(' ')
)
/** Names the rendered file imports or binds itself. */
const GENERATED_NAMES = new Set(
  'pytest re math asyncio datetime importlib pathlib args expected message result scenario'.split(
    ' '
  )
)
/** Third-party test helpers specs may import, by import name -> distribution name. */
const TEST_HELPER_PACKAGES: Record<string, string> = {
  hypothesis: 'hypothesis',
  freezegun: 'freezegun',
  responses: 'responses',
  respx: 'respx',
  time_machine: 'time-machine',
  pytest_mock: 'pytest-mock',
  pytest_asyncio: 'pytest-asyncio'
}
const PY_PATH = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/

/** Collects imports; renders them grouped the way isort would (stdlib, pytest, the code under test). */
class PyImports {
  readonly values: PythonImports = new Set()
  readonly local: string[] = []
  /** Optional packages the code under test needs: skipped on before it is imported. */
  readonly skips = new Set<string>()
  stdlib(line: string): void {
    this.values.add(line)
  }
  lines(): string[] {
    const std = [...this.values].filter((l) => l.startsWith('import ')).sort()
    const stdFrom = [...this.values].filter((l) => l.startsWith('from ')).sort()
    const skips = [...this.skips].sort().map((n) => `pytest.importorskip(${pyString(n)})`)
    const groups = [[...std, ...stdFrom], ['import pytest'], skips, this.local].filter(
      (g) => g.length > 0
    )
    return groups
      .map((g) => g.join('\n'))
      .join('\n\n')
      .split('\n')
  }
}

export function renderPytest(input: PytestRenderInput): string {
  const { draft } = input
  const imports = new PyImports()
  let body: string
  if (draft.body.kind === 'call') body = renderCall(input, draft.body, imports)
  else if (draft.body.kind === 'steps') body = renderSteps(input, draft.body, imports)
  else throw new Error(`spec '${draft.key}': a file body is not rendered by pytest`)
  return `${[...headerLines('#', draft, input.perspectiveId), ...imports.lines()].join('\n')}\n\n\n${body}\n`
}

/** `test_` and the text as lower-case words (free text: 'returns NaN' -> test_returns_nan). */
function testName(names: NameSet, text: string): string {
  const words =
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'case'
  return names.take(`test_${words.slice(0, 60).replace(/_+$/, '')}`)
}

function skipTest(names: NameSet, title: string, reason: string): string {
  return `def ${testName(names, title)}():\n    pytest.skip(${pyString(`TODO: ${reason}`)})`
}

/** Imports the subject; returns the local name to call, or a reason it cannot be imported. */
function importSubject(
  input: PytestRenderInput,
  body: CallSpecBody,
  imports: PyImports,
  extra: string[]
): string | { cannot: string } {
  if (body.symbol === 'default')
    return { cannot: `${body.module} has no default export in Python; name the function to call` }
  if (!PY_PATH.test(body.symbol))
    throw new Error(`spec '${input.draft.key}': symbol '${body.symbol}' is not a Python name`)
  // A subject named like something the file imports or binds itself (`re`, `args`) gets an alias.
  const head = body.symbol.split('.')[0]
  const alias = GENERATED_NAMES.has(head) ? `${head}_under_test` : head
  const names = [...new Set([alias === head ? head : `${head} as ${alias}`, ...extra])].sort()
  skipWithout(input, normalisePath(body.module), imports)
  const dotted = pythonModuleName(body.module, input.pythonRoots)
  if (dotted) {
    imports.local.push(`from ${dotted} import ${names.join(', ')}`)
  } else {
    // Not importable by name (a folder with a '-', a script): load it from its path.
    imports.stdlib('import importlib.util')
    imports.stdlib('import pathlib')
    const depth = posix
      .dirname(normalisePath(input.fileName))
      .split('/')
      .filter((p) => p !== '.').length
    imports.local.push(
      `_ROOT = pathlib.Path(__file__).resolve().parents[${depth}]`,
      `_SPEC = importlib.util.spec_from_file_location('module_under_test', _ROOT / ${pyString(normalisePath(body.module))})`,
      '_MODULE = importlib.util.module_from_spec(_SPEC)',
      '_SPEC.loader.exec_module(_MODULE)',
      ...names.map((n) => {
        const [name, , local] = n.split(' ')
        return `${local ?? name} = _MODULE.${name}`
      })
    )
  }
  return alias + body.symbol.slice(head.length)
}

/** The project's optional packages the module needs (python-optional.ts) become `pytest.importorskip` lines. */
function skipWithout(input: PytestRenderInput, modulePath: string, imports: PyImports): void {
  for (const name of input.optionalImports?.[modulePath] ?? []) imports.skips.add(name)
}

/** The same for an import written by its dotted name (`pkg.ext.numpy`, or a name imported from it). */
function skipWithoutDotted(input: PytestRenderInput, dotted: string, imports: PyImports): void {
  for (const [path, names] of Object.entries(input.optionalImports ?? {})) {
    const name = pythonModuleName(path, input.pythonRoots)
    if (name !== null && (dotted === name || dotted.startsWith(`${name}.`)))
      for (const n of names) imports.skips.add(n)
  }
}

function renderCall(input: PytestRenderInput, body: CallSpecBody, imports: PyImports): string {
  const { draft } = input
  const names = new NameSet()
  if (moduleLanguage(body.module) !== 'python') {
    return skipTest(names, draft.title, `${body.module} cannot be imported from Python`)
  }
  const extra: string[] = []
  for (const c of body.cases) {
    const type = c.expect.kind === 'throws' ? c.expect.errorType : undefined
    if (type === undefined || BUILTIN_EXCEPTIONS.has(type)) continue
    if (!PY_PATH.test(type))
      throw new Error(`spec '${draft.key}': error type '${type}' is not a Python name`)
    const head = type.split('.')[0]
    // `json.JSONDecodeError` names its module; `ValidationError` is defined by the module under test.
    if (type.includes('.') && head === head.toLowerCase())
      imports.stdlib(`import ${type.split('.').slice(0, -1).join('.')}`)
    else extra.push(head)
  }
  const subject = importSubject(input, body, imports, extra)
  if (typeof subject !== 'string') return skipTest(names, draft.title, subject.cannot)
  if (body.cases.length === 0) return skipTest(names, draft.title, `${draft.title}: no cases given`)
  const units = groupCases(body.cases, classify)
  // A method is called on a new instance: `Version(1, 2, 3).bump_major()`.
  const [owner, ...member] = subject.split('.')
  const callee = body.instance
    ? `${owner}(${body.instance.map((a) => renderPyValue(a, imports.values)).join(', ')}).${member.join('.')}`
    : subject
  const call = (args: string): string => {
    const text = `${callee}(${args})`
    if (!body.async) return text
    imports.stdlib('import asyncio')
    return `asyncio.run(${text})`
  }
  return units
    .map((u) => {
      if (u.kind !== 'todo' && input.stats) input.stats.tests++
      return renderUnit(u, call, imports, names, subject, !!body.construct)
    })
    .join('\n\n\n')
}

function classify(c: SpecCase): { key: string } | { single: true } | { todo: string } {
  if (!c.args.every((a) => hasCodeFor(a, 'python')))
    return { todo: 'an argument has no Python code' }
  const e = c.expect
  switch (e.kind) {
    case 'returns':
      if (!hasCodeFor(e.value, 'python')) return { todo: 'the expected value has no Python code' }
      return equalityKind(e.value) === 'plain' ? { key: 'returns' } : { single: true }
    case 'does-not-throw':
      return { key: 'does-not-throw' }
    case 'throws':
      return { key: `throws:${e.errorType ?? ''}:${e.message !== undefined ? 'message' : ''}` }
    case 'satisfies':
      return e.python && e.python.trim() !== '' ? { single: true } : { todo: e.description }
  }
}

function assertion(
  e: SpecExpectation,
  call: string,
  expected: string,
  message: string,
  imports: PyImports,
  kind: string,
  construct: boolean
): string[] {
  switch (e.kind) {
    case 'returns':
      if (kind === 'nan') {
        imports.stdlib('import math')
        return [`assert math.isnan(${call})`]
      }
      if (kind === 'negative-zero') {
        imports.stdlib('import math')
        return [`result = ${call}`, 'assert result == 0 and math.copysign(1.0, result) < 0']
      }
      // An instance is compared by its attributes (vars), the way a dict of expected fields reads.
      return [construct ? `assert vars(${call}) == ${expected}` : `assert ${call} == ${expected}`]
    case 'does-not-throw':
      return [`${call}  # must not raise`]
    case 'satisfies':
      return [`result = ${call}`, `assert ${e.python?.trim()}`]
    case 'throws': {
      let match = ''
      if (e.message !== undefined) {
        imports.stdlib('import re')
        match = `, match=re.escape(${message})`
      }
      return [`with pytest.raises(${e.errorType ?? 'Exception'}${match}):`, `    ${call}`]
    }
  }
}

function renderUnit(
  unit: CaseUnit,
  call: (args: string) => string,
  imports: PyImports,
  names: NameSet,
  subject: string,
  construct: boolean
): string {
  if (unit.kind === 'todo')
    return skipTest(names, unit.case.name, `${unit.case.name} (${unit.reason})`)
  if (unit.kind === 'single') {
    const c = unit.case
    const args = c.args.map((a) => renderPyValue(a, imports.values)).join(', ')
    const expected =
      c.expect.kind === 'returns' ? renderPyValue(c.expect.value, imports.values) : ''
    const message =
      c.expect.kind === 'throws' && c.expect.message !== undefined ? pyString(c.expect.message) : ''
    const kind = c.expect.kind === 'returns' ? equalityKind(c.expect.value) : 'plain'
    const lines = assertion(c.expect, call(args), expected, message, imports, kind, construct)
    return `def ${testName(names, c.name)}():\n${indent(lines.join('\n'), '    ')}`
  }
  const first = unit.cases[0].expect
  const fields = ['args']
  if (first.kind === 'returns') fields.push('expected')
  if (first.kind === 'throws' && first.message !== undefined) fields.push('message')
  const rows = unit.cases.map((c) => {
    const values = [`[${c.args.map((a) => renderPyValue(a, imports.values)).join(', ')}]`]
    if (c.expect.kind === 'returns') values.push(renderPyValue(c.expect.value, imports.values))
    if (c.expect.kind === 'throws' && c.expect.message !== undefined)
      values.push(pyString(c.expect.message))
    return `pytest.param(${values.join(', ')}, id=${pyString(c.name)}),`
  })
  const lines = assertion(first, call('*args'), 'expected', 'message', imports, 'plain', construct)
  const kindName = first.kind === 'throws' ? `raises_${first.errorType ?? 'exception'}` : first.kind
  const fieldTuple = `(${fields.map((f) => pyString(f)).join(', ')}${fields.length === 1 ? ',' : ''})`
  return [
    '@pytest.mark.parametrize(',
    `    ${fieldTuple},`,
    '    [',
    indent(rows.join('\n'), '        '),
    '    ],',
    ')',
    `def ${testName(names, snakeCase(`${subject}_${kindName}`))}(${fields.join(', ')}):`,
    indent(lines.join('\n'), '    ')
  ].join('\n')
}

// ---- steps bodies ----

function renderSteps(input: PytestRenderInput, body: StepsSpecBody, imports: PyImports): string {
  const { draft } = input
  const names = new NameSet()
  const steps = body.steps.python
  if (steps === undefined || steps.trim() === '')
    return skipTest(names, draft.title, `${draft.title} (no Python steps written yet)`)
  const missing = (body.imports ?? [])
    .map((imp) => imp.from.split('.')[0])
    .filter(
      (top) =>
        TEST_HELPER_PACKAGES[top] !== undefined &&
        input.packages !== undefined &&
        !input.packages.includes(TEST_HELPER_PACKAGES[top])
    )
  if (missing.length > 0) {
    const list = [...new Set(missing.map((m) => TEST_HELPER_PACKAGES[m]))].sort().join(', ')
    return skipTest(
      names,
      draft.title,
      `${draft.title} (needs ${list}, which the project does not install: add it to its test dependencies to run this spec)`
    )
  }
  for (const imp of body.imports ?? []) {
    if (isRepositoryPath(imp.from)) skipWithout(input, normalisePath(imp.from), imports)
    else skipWithoutDotted(input, imp.from, imports)
    const from = isRepositoryPath(imp.from)
      ? pythonModuleName(imp.from, input.pythonRoots)
      : imp.from
    if (from === null || !PY_PATH.test(from)) {
      throw new Error(
        `spec '${draft.key}': import source '${imp.from}' is not an importable Python module`
      )
    }
    imports.local.push(
      imp.names.length > 0 ? `from ${from} import ${imp.names.join(', ')}` : `import ${from}`
    )
  }
  const parts: string[] = []
  if (input.stats) input.stats.tests++
  const setup = body.setup?.python
  if (setup && setup.trim() !== '') parts.push(cleanCode(setup))
  parts.push(cleanCode(steps))
  const code = parts.join('\n\n')
  const name = testName(names, draft.title)
  const comment = `    # Expected: ${commentText(draft.expected)}`
  if (!body.async) return `def ${name}():\n${comment}\n${indent(code, '    ')}`
  imports.stdlib('import asyncio')
  return `def ${name}():\n${comment}\n    async def scenario():\n${indent(code, '        ')}\n\n    asyncio.run(scenario())`
}
