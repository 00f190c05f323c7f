// The JavaScript/TypeScript renderer shared by jest, vitest, node:test and mocha. Each framework
// module supplies a dialect (its imports, how a todo and a table look, expect- or assert-style);
// this module builds the file. Output is ESM for both languages.
import type { CallSpecBody, SpecCase, SpecDraft, SpecExpectation, StepsSpecBody } from '../types.js'
import { hasCodeFor, jsString, renderJsValue } from '../values.js'
import { isBuiltin } from 'node:module'
import type { TestLayout } from '../layout-types.js'
import type { MochaUi } from '../mocha-ui.js'
import { isRepositoryPath, layoutImportSpecifier, moduleLanguage, normalisePath } from '../paths.js'
import { cleanCode, groupCases, headerLines, indent, NameSet, type CaseUnit } from './shared.js'

export interface JsDialect {
  framework: 'jest' | 'vitest' | 'node:test' | 'mocha'
  /** `expect(...)` matchers (jest, vitest), `node:assert/strict` (node:test, mocha) or chai's `expect` (mocha). */
  style: 'expect' | 'assert' | 'chai'
  /** Import lines for the framework's own functions (none for mocha's globals). */
  frameworkImports: string[]
  /** A test that cannot be written yet: reported as todo/pending, never as passing. */
  todo(title: string): string
  /** `it.each(table)` or a `for` loop declaring one `it` per row. */
  table: 'each' | 'loop'
  /** mocha's interface (layout `mochaUi`): the names of a suite and a test, and how the file is laid out. */
  ui?: MochaUi
}

export interface JsRenderInput {
  draft: SpecDraft
  perspectiveId: string
  language: 'typescript' | 'javascript'
  fileName: string
  /** The project's layout: module system, imports and assertion library to copy. */
  layout?: TestLayout
  /** Filled while rendering: executable tests and todos written, so a todo-only file is marked plan-only. */
  stats?: RenderStats
}

export interface RenderStats {
  tests: number
  todos: number
}

const BUILTIN_ERRORS = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError'
])
/** Names the rendered file declares or imports itself. */
const GENERATED_NAMES = new Set(
  'describe it expect assert result promise name args expected message error returningCases throwingCases safeCases'.split(
    ' '
  )
)
/** Names mocha's tdd, qunit and exports specs use besides those: a subject so named is aliased. */
const INTERFACE_NAMES = new Set(['suite', 'test', 'tests'])
const IDENTIFIER_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval'
  ).split(' ')
)

function camel(text: string, pascal: boolean): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean)
  return words
    .map((w, i) => (i === 0 && !pascal ? w[0].toLowerCase() : w[0].toUpperCase()) + w.slice(1))
    .join('')
}

function checkIdentifierPath(text: string, what: string, key: string): void {
  if (!IDENTIFIER_PATH.test(text))
    throw new Error(`spec '${key}': ${what} '${text}' is not a JavaScript identifier`)
}

/** How the subject is called. */
interface Subject {
  /** Expression to call: `parsePort`, `Port`, `Client.create`. */
  callee: string
  construct: boolean
  async: boolean
}

/** Import specifier -> what the file takes from it. */
type ImportMap = Map<string, { default?: string; named: Set<string>; namespace?: string }>

function addImport(
  imports: ImportMap,
  from: string,
  name: string,
  as: 'named' | 'default' | 'namespace'
): void {
  const entry = imports.get(from) ?? { named: new Set<string>() }
  if (as === 'named') entry.named.add(name)
  else if (as === 'default') entry.default = name
  else entry.namespace = name
  imports.set(from, entry)
}

function importLines(imports: ImportMap, commonjs: boolean): string[] {
  const lines: string[] = []
  for (const [from, entry] of imports) {
    if (commonjs) {
      lines.push(...requireLines(from, entry))
      continue
    }
    const named = [...entry.named].sort()
    const parts: string[] = []
    if (entry.default) parts.push(entry.default)
    if (entry.namespace) parts.push(`* as ${entry.namespace}`)
    if (named.length > 0) parts.push(`{ ${named.join(', ')} }`)
    lines.push(
      parts.length > 0
        ? `import ${parts.join(', ')} from ${jsString(from)}`
        : `import ${jsString(from)}`
    )
  }
  return lines
}

/** CommonJS: `module.exports` is the default export; named exports are its properties. */
function requireLines(
  from: string,
  entry: { default?: string; named: Set<string>; namespace?: string }
): string[] {
  const call = `require(${jsString(from)})`
  const lines: string[] = []
  const whole = entry.default ?? entry.namespace
  if (entry.default) lines.push(`const ${entry.default} = ${call}`)
  if (entry.namespace && entry.namespace !== entry.default)
    lines.push(`const ${entry.namespace} = ${entry.default ?? call}`)
  const named = [...entry.named].sort().map((n) => n.replace(/^(\S+) as (\S+)$/, '$1: $2'))
  if (named.length > 0) lines.push(`const { ${named.join(', ')} } = ${whole ?? call}`)
  if (lines.length === 0) lines.push(`${call}`)
  return lines
}

/** The dialect as the project writes it: jest's globals, chai for mocha, requires in CommonJS. */
function adapt(
  dialect: JsDialect,
  input: JsRenderInput
): { dialect: JsDialect; commonjs: boolean } {
  const layout = input.layout
  if (!layout || layout.framework !== dialect.framework) return { dialect, commonjs: false }
  // vitest transforms every test file as ESM; the others load JavaScript the way the package says.
  const commonjs =
    input.language === 'javascript' &&
    layout.moduleSystem === 'commonjs' &&
    dialect.framework !== 'vitest'
  let frameworkImports = dialect.frameworkImports
  if (dialect.framework === 'jest' && layout.frameworkImport === 'globals') frameworkImports = []
  if (commonjs) {
    frameworkImports = frameworkImports.map((line) =>
      line.replace(/^import \{ (.*) \} from (.*)$/, 'const { $1 } = require($2)')
    )
  }
  const style =
    dialect.framework === 'mocha' && layout.assertion === 'chai' ? 'chai' : dialect.style
  const ui = dialect.framework === 'mocha' ? layout.mochaUi : undefined
  if (ui && ui !== 'bdd') {
    const todo = dialect.todo
    return {
      dialect: {
        ...dialect,
        frameworkImports,
        style,
        ui,
        todo: (title) => todo(title).replace(/^it\(/, 'test(')
      },
      commonjs
    }
  }
  return { dialect: { ...dialect, frameworkImports, style }, commonjs }
}

/** The name a test is declared with: `it`, or `test` in mocha's tdd, qunit and exports interfaces. */
function testWord(dialect: JsDialect): string {
  return dialect.ui && dialect.ui !== 'bdd' ? 'test' : 'it'
}

/**
 * The file's body around its tests, in the interface's layout: `describe(title, ...)`, tdd's
 * `suite(title, ...)`, qunit's bare `suite(title)` above the tests, or for exports an object of tests
 * (`test` collects them) exported as the suite.
 */
function wrapSuite(
  dialect: JsDialect,
  title: string,
  block: string,
  commonjs: boolean,
  ts: boolean
): string {
  switch (dialect.ui) {
    case 'tdd':
      return `suite(${jsString(title)}, () => {\n${indent(block, '  ')}\n})`
    case 'qunit':
      return `suite(${jsString(title)})\n\n${block}`
    case 'exports': {
      const declare = ts
        ? [
            'const tests: Record<string, (() => unknown) | undefined> = {}',
            'const test = (name: string, fn?: () => unknown): void => {',
            '  tests[name] = fn',
            '}'
          ]
        : ['const tests = {}', 'const test = (name, fn) => {', '  tests[name] = fn', '}']
      const exported = commonjs
        ? `module.exports = { ${jsString(title)}: tests }`
        : `export default { ${jsString(title)}: tests }`
      return `${declare.join('\n')}\n\n${block}\n\n${exported}`
    }
    default:
      return `describe(${jsString(title)}, () => {\n${indent(block, '  ')}\n})`
  }
}

function errorTypeOf(expect: SpecExpectation): string | undefined {
  return expect.kind === 'throws' ? expect.errorType : undefined
}

export function renderJs(baseDialect: JsDialect, input: JsRenderInput): string {
  const { draft } = input
  const { dialect: counted, commonjs } = adapt(baseDialect, input)
  const stats = input.stats ?? { tests: 0, todos: 0 }
  input = { ...input, stats }
  const dialect: JsDialect = {
    ...counted,
    todo: (title) => {
      stats.todos++
      return counted.todo(title)
    }
  }
  const head = headerLines('//', draft, input.perspectiveId)
  const imports: ImportMap = new Map()
  let block: string
  if (draft.body.kind === 'call') block = renderCall(dialect, input, draft.body, imports)
  else if (draft.body.kind === 'steps') block = renderSteps(dialect, input, draft.body, imports)
  else throw new Error(`spec '${draft.key}': a file body is not rendered by ${dialect.framework}`)
  const assertImport =
    dialect.style === 'assert'
      ? [
          commonjs
            ? "const assert = require('node:assert/strict')"
            : "import assert from 'node:assert/strict'"
        ]
      : dialect.style === 'chai'
        ? [commonjs ? "const { expect } = require('chai')" : "import { expect } from 'chai'"]
        : []
  const importText = [
    ...dialect.frameworkImports,
    ...assertImport,
    ...importLines(imports, commonjs)
  ]
  const suite = wrapSuite(dialect, draft.title, block, commonjs, input.language === 'typescript')
  return `${[...head, ...importText].join('\n')}\n\n${suite}\n`
}

// ---- call bodies ----

function usableLocal(name: string): boolean {
  return (
    IDENTIFIER_PATH.test(name) &&
    !name.includes('.') &&
    !RESERVED.has(name) &&
    !GENERATED_NAMES.has(name)
  )
}

/** The local name of a module's default export: the module's file (or folder, for an index) in camelCase. */
function defaultLocal(modulePath: string, construct: boolean): string {
  const path = normalisePath(modulePath)
  const base =
    path
      .split('/')
      .pop()
      ?.replace(/\.[^.]+$/, '') ?? ''
  // A root `index.js` has no folder to be named after.
  const folder = path.includes('/') ? (path.split('/').slice(-2)[0] ?? '') : ''
  const name = camel(base === 'index' ? folder : base, construct)
  return name && usableLocal(name) ? name : construct ? 'Subject' : 'subject'
}

function renderCall(
  dialect: JsDialect,
  input: JsRenderInput,
  body: CallSpecBody,
  imports: ImportMap
): string {
  const { draft } = input
  const language = moduleLanguage(body.module)
  if (language !== 'typescript' && language !== 'javascript') {
    return dialect.todo(`${draft.title}: ${body.module} cannot be imported from ${input.language}`)
  }
  if (body.instance)
    return dialect.todo(`${draft.title}: methods on an instance are written for Python only`)
  const specifier = layoutImportSpecifier(input.fileName, body.module, input.layout)
  let local: string
  // A default export is imported as the default, even when the draft names it by its local name.
  const symbol =
    input.layout?.defaultExports?.[normalisePath(body.module)] === body.symbol
      ? 'default'
      : body.symbol
  if (symbol === 'default') {
    // Named by its local name where the project's layout knows it (`module.exports = parse`).
    const known = input.layout?.defaultExports?.[normalisePath(body.module)]
    local =
      body.symbol !== 'default' && usableLocal(body.symbol)
        ? body.symbol
        : known && usableLocal(known)
          ? known
          : defaultLocal(body.module, !!body.construct)
    addImport(imports, specifier, local, 'default')
  } else {
    checkIdentifierPath(body.symbol, 'symbol', draft.key)
    // A subject named like something the file declares (`assert`, `expect`, `args`) is imported under an alias.
    const head = body.symbol.split('.')[0]
    const taken =
      GENERATED_NAMES.has(head) || (dialect.ui !== undefined && INTERFACE_NAMES.has(head))
    const alias = taken ? `${head}UnderTest` : head
    local = alias + body.symbol.slice(head.length)
    addImport(imports, specifier, alias === head ? head : `${head} as ${alias}`, 'named')
  }
  const subject: Subject = { callee: local, construct: !!body.construct, async: body.async }
  for (const c of body.cases) {
    const type = errorTypeOf(c.expect)
    if (type === undefined || BUILTIN_ERRORS.has(type)) continue
    checkIdentifierPath(type, 'error type', draft.key)
    // Error classes the module defines are imported from it, next to the subject.
    addImport(imports, specifier, type.split('.')[0], 'named')
  }
  if (body.cases.length === 0) return dialect.todo(`${draft.title}: no cases given`)
  const units = groupCases(body.cases, (c) => classify(c))
  const names = new NameSet()
  return units.map((unit) => renderUnit(dialect, input, subject, unit, names)).join('\n\n')
}

function classify(c: SpecCase): { key: string } | { single: true } | { todo: string } {
  if (!c.args.every((a) => hasCodeFor(a, 'javascript')))
    return { todo: 'an argument has no JavaScript code' }
  const e = c.expect
  switch (e.kind) {
    case 'returns':
      return hasCodeFor(e.value, 'javascript')
        ? { key: 'returns' }
        : { todo: 'the expected value has no JavaScript code' }
    case 'does-not-throw':
      return { key: 'does-not-throw' }
    case 'throws':
      return { key: `throws:${e.errorType ?? ''}:${e.message !== undefined ? 'message' : ''}` }
    case 'satisfies':
      return e.javascript && e.javascript.trim() !== '' ? { single: true } : { todo: e.description }
  }
}

function callText(subject: Subject, args: string): string {
  return subject.construct ? `new ${subject.callee}(${args})` : `${subject.callee}(${args})`
}

function testOpen(dialect: JsDialect, title: string, async: boolean): string {
  return `${testWord(dialect)}(${title}, ${async ? 'async ' : ''}() => {`
}

/** Assertion lines for one expectation, with `call` the call expression (not awaited). */
function assertion(
  dialect: JsDialect,
  subject: Subject,
  call: string,
  e: SpecExpectation,
  expected: string,
  message: string,
  ts = false
): string[] {
  const aw = subject.async ? 'await ' : ''
  if (dialect.style === 'chai') return chaiAssertion(subject, call, e, expected, message, ts)
  if (dialect.style === 'expect') {
    switch (e.kind) {
      case 'returns':
        return [`expect(${aw}${call}).toEqual(${expected})`]
      case 'does-not-throw':
        return subject.async
          ? [`await expect(${call}).resolves.not.toThrow()`]
          : [`expect(() => ${call}).not.toThrow()`]
      case 'satisfies':
        return [`const result = ${aw}${call}`, `expect(${e.javascript?.trim()}).toBe(true)`]
      case 'throws': {
        const matchers = [e.errorType ?? '', e.message !== undefined ? message : ''].filter(Boolean)
        if (matchers.length === 0) matchers.push('')
        if (subject.async) {
          if (matchers.length === 1)
            return [`await expect(${call}).rejects.toThrow(${matchers[0]})`]
          return [
            `const promise = ${call}`,
            ...matchers.map((m) => `await expect(promise).rejects.toThrow(${m})`)
          ]
        }
        return matchers.map((m) => `expect(() => ${call}).toThrow(${m})`)
      }
    }
  }
  switch (e.kind) {
    case 'returns':
      // deepStrictEqual compares prototypes: a constructed object is compared by its own fields.
      if (subject.construct) return [`assert.deepStrictEqual({ ...${call} }, ${expected})`]
      return [`assert.deepStrictEqual(${aw}${call}, ${expected})`]
    case 'does-not-throw':
      return subject.async
        ? [`await assert.doesNotReject(() => ${call})`]
        : [`assert.doesNotThrow(() => ${call})`]
    case 'satisfies':
      return [`const result = ${aw}${call}`, `assert.ok(${e.javascript?.trim()})`]
    case 'throws': {
      const matcher = assertMatcher(e.errorType, e.message !== undefined ? message : undefined)
      const fn = subject.async ? 'await assert.rejects' : 'assert.throws'
      return [`${fn}(() => ${call}${matcher ? `, ${matcher}` : ''})`]
    }
  }
}

/** chai's `expect`; a rejected promise is caught and checked (chai alone has no `rejectedWith`). */
function chaiAssertion(
  subject: Subject,
  call: string,
  e: SpecExpectation,
  expected: string,
  message: string,
  ts: boolean
): string[] {
  const aw = subject.async ? 'await ' : ''
  switch (e.kind) {
    case 'returns':
      return subject.construct
        ? [`expect({ ...${call} }).to.deep.equal(${expected})`]
        : [`expect(${aw}${call}).to.deep.equal(${expected})`]
    case 'does-not-throw':
      return subject.async ? [`await ${call}`] : [`expect(() => ${call}).to.not.throw()`]
    case 'satisfies':
      return [`const result = ${aw}${call}`, `expect(${e.javascript?.trim()}).to.equal(true)`]
    case 'throws': {
      const hasMessage = e.message !== undefined
      if (!subject.async) {
        const args = [e.errorType ?? '', hasMessage ? message : ''].filter(Boolean).join(', ')
        return [`expect(() => ${call}).to.throw(${args})`]
      }
      const lines = [
        `let error${ts ? ': unknown' : ''}`,
        `try {`,
        `  await ${call}`,
        `} catch (caught) {`,
        `  error = caught`,
        `}`
      ]
      if (e.errorType) lines.push(`expect(error).to.be.an.instanceof(${e.errorType})`)
      else lines.push('expect(error).to.exist')
      if (hasMessage)
        lines.push(`expect(${ts ? '(error as Error)' : 'error'}.message).to.include(${message})`)
      return lines
    }
  }
}

/** node:assert's error matcher: a class, `{ name, message }`, or an instanceof check for own classes. */
function assertMatcher(type: string | undefined, message: string | undefined): string | undefined {
  // In a table the message is the row's `message` field: shorthand property.
  const property = message === 'message' ? 'message' : `message: ${message}`
  if (type === undefined) return message === undefined ? undefined : `{ ${property} }`
  if (message === undefined) return type
  if (BUILTIN_ERRORS.has(type)) return `{ name: ${jsString(type)}, ${property} }`
  return `(error) => error instanceof ${type} && error.message === ${message}`
}

function renderUnit(
  dialect: JsDialect,
  input: JsRenderInput,
  subject: Subject,
  unit: CaseUnit,
  names: NameSet
): string {
  if (unit.kind === 'todo') return dialect.todo(`${unit.case.name} (${unit.reason})`)
  if (input.stats) input.stats.tests++
  if (unit.kind === 'single') {
    const c = unit.case
    const call = callText(subject, c.args.map(renderJsValue).join(', '))
    const expected = c.expect.kind === 'returns' ? renderJsValue(c.expect.value) : ''
    const message =
      c.expect.kind === 'throws' && c.expect.message !== undefined ? jsString(c.expect.message) : ''
    const lines = assertion(
      dialect,
      subject,
      call,
      c.expect,
      expected,
      message,
      input.language === 'typescript'
    )
    return `${testOpen(dialect, jsString(c.name), subject.async)}\n${indent(lines.join('\n'), '  ')}\n})`
  }
  const first = unit.cases[0].expect
  const fields = ['name', 'args']
  if (first.kind === 'returns') fields.push('expected')
  if (first.kind === 'throws' && first.message !== undefined) fields.push('message')
  const rows = unit.cases.map((c) => {
    const parts = [`name: ${jsString(c.name)}`, `args: [${c.args.map(renderJsValue).join(', ')}]`]
    if (c.expect.kind === 'returns') parts.push(`expected: ${renderJsValue(c.expect.value)}`)
    if (c.expect.kind === 'throws' && c.expect.message !== undefined)
      parts.push(`message: ${jsString(c.expect.message)}`)
    return `{ ${parts.join(', ')} },`
  })
  const table = names.take(
    `${first.kind === 'does-not-throw' ? 'safe' : first.kind === 'throws' ? 'throwing' : 'returning'}Cases`
  )
  let declaration = `const ${table} = [`
  if (input.language === 'typescript') {
    const params = subject.construct
      ? `ConstructorParameters<typeof ${subject.callee}>`
      : `Parameters<typeof ${subject.callee}>`
    const extra = fields.includes('expected')
      ? '; expected: unknown'
      : fields.includes('message')
        ? '; message: string'
        : ''
    declaration = `const ${table}: { name: string; args: ${params}${extra} }[] = [`
  }
  const lines = assertion(
    dialect,
    subject,
    callText(subject, '...args'),
    first,
    'expected',
    'message',
    input.language === 'typescript'
  )
  const params = `{ ${fields.filter((f) => f !== 'name' || dialect.table === 'loop').join(', ')} }`
  const bodyText = indent(lines.join('\n'), '  ')
  const asyncWord = subject.async ? 'async ' : ''
  const loop =
    dialect.table === 'each'
      ? `it.each(${table})('$name', ${asyncWord}(${params}) => {\n${bodyText}\n})`
      : `for (const ${params} of ${table}) {\n${indent(`${testWord(dialect)}(name, ${asyncWord}() => {\n${bodyText}\n})`, '  ')}\n}`
  return `${declaration}\n${indent(rows.join('\n'), '  ')}\n]\n${loop}`
}

// ---- steps bodies ----

/** The package a bare specifier names: `fast-check`, `@scope/pkg` (from `@scope/pkg/sub`). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** Packages the steps import that the project does not declare (a spec importing them could not load). */
function missingPackages(body: StepsSpecBody, layout: TestLayout | undefined): string[] {
  if (!layout?.packages) return []
  const declared = new Set(layout.packages)
  const missing = new Set<string>()
  for (const imp of body.imports ?? []) {
    if (
      isRepositoryPath(imp.from) ||
      imp.from.startsWith('.') ||
      imp.from.startsWith('node:') ||
      imp.from.startsWith('bun:')
    )
      continue
    const name = packageOf(imp.from)
    if (isBuiltin(name) || declared.has(name.toLowerCase()) || name === layout.packageName) continue
    missing.add(name)
  }
  return [...missing].sort()
}

function renderSteps(
  dialect: JsDialect,
  input: JsRenderInput,
  body: StepsSpecBody,
  imports: ImportMap
): string {
  const { draft } = input
  const steps = body.steps.javascript
  if (steps === undefined || steps.trim() === '')
    return dialect.todo(`${draft.title} (no JavaScript steps written yet)`)
  const missing = missingPackages(body, input.layout)
  if (missing.length > 0) {
    return dialect.todo(
      `${draft.title} (needs ${missing.join(', ')}, which the project does not install: add it as a devDependency to run this spec)`
    )
  }
  for (const imp of body.imports ?? []) {
    const from = isRepositoryPath(imp.from)
      ? layoutImportSpecifier(input.fileName, imp.from, input.layout)
      : imp.from
    if (imp.names.length === 0) imports.set(from, imports.get(from) ?? { named: new Set() })
    for (const name of imp.names) {
      const spaced = name.trim().split(/\s+/)
      if (spaced.length === 3 && spaced[0] === 'default' && spaced[1] === 'as')
        addImport(imports, from, spaced[2], 'default')
      else if (spaced.length === 3 && spaced[0] === '*' && spaced[1] === 'as')
        addImport(imports, from, spaced[2], 'namespace')
      // `import { default }` is not valid: a bare default is imported under the module's name.
      else if (name.trim() === 'default')
        addImport(imports, from, defaultLocal(imp.from, false), 'default')
      else addImport(imports, from, name.trim(), 'named')
    }
  }
  const parts: string[] = []
  if (input.stats) input.stats.tests++
  const setup = body.setup?.javascript
  if (setup && setup.trim() !== '') parts.push(cleanCode(setup))
  parts.push(cleanCode(steps))
  return `${testOpen(dialect, jsString(draft.expected || draft.title), body.async)}\n${indent(parts.join('\n\n'), '  ')}\n})`
}
