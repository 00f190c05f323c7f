// Failure-injection specs: break the dependency a finding is about (a call inside the try block, the
// promise API left floating) and assert what should happen — the error propagates with its cause
// (lostCause), or the code recovers the way it is written to (swallowedError, bareExcept and
// logOnlyCatch: no throw, and for log-only handlers the log carries the injected error). Where the
// subject cannot be called from a test, the dependency cannot be replaced from outside, or the
// intended outcome is unknowable (a floating promise, a non-Error throw, an exit), the spec is a todo
// that says what to inject and what to assert.
import type { FunctionDecl, Parameter } from '../../src/model/types.js'
import type { RenderTarget, SpecDraft, SpecValue } from '../../src/specs/types.js'
import { jsString, pyString, renderJsValue, renderPyValue } from '../../src/specs/values.js'
import { findingId } from '../contract.js'
import { exportNamesOf } from '../shared/units.js'
import { planArguments } from '../shared/values.js'
import { type Found, guardedCalls } from './context.js'
import { findSeam, jsMocking, type Seam } from './inject.js'
import { SPEC_PRIORITY } from '../kit/index.js'

const INJECTED = 'injected failure'

/** A function a test can import and call: top-level and exported. */
function callable(found: Found): { fn: FunctionDecl; name: string } | undefined {
  const fn = found.fn
  if (
    !fn ||
    !fn.exported ||
    fn.className ||
    fn.qualifiedName !== fn.name ||
    !['function', 'arrow'].includes(fn.kind)
  )
    return undefined
  if (found.info.dialect === 'python') return { fn, name: fn.name }
  const names = exportNamesOf(found.info.module, fn.name)
  const name = names.includes(fn.name) ? fn.name : names.find((n) => n !== 'default')
  return name ? { fn, name } : undefined
}

function args(params: Parameter[], found: Found): SpecValue[] | undefined {
  const plan = planArguments(params, found.info.module.language)
  return plan.ok ? plan.args : undefined
}

/** Runnable specs first (most severe first), then todos for the rest, up to maxSpecs. */
export function buildSpecs(found: Found[], target: RenderTarget, maxSpecs: number): SpecDraft[] {
  const runnable: SpecDraft[] = []
  const todos: SpecDraft[] = []
  const seen = new Set<string>()
  for (const f of found) {
    const spec = specFor(f, target)
    if (!spec || seen.has(spec.key)) continue
    seen.add(spec.key)
    const steps = spec.body.kind === 'steps' ? spec.body.steps : {}
    if (steps.javascript !== undefined || steps.python !== undefined) runnable.push(spec)
    else todos.push(spec)
  }
  return [...runnable, ...todos].slice(0, maxSpecs)
}

function specFor(found: Found, target: RenderTarget): SpecDraft | undefined {
  const { draft, info } = found
  const file = info.module.path
  const id = findingId('error-handling', draft.messageId, file, draft.key)
  const subject = callable(found)
  const where = found.fn ? `${found.fn.qualifiedName}()` : `module scope of ${file}`
  const base = {
    key: `${draft.messageId}:${file}#${draft.key}`,
    level: 'unit' as const,
    target: {
      file,
      ...(subject ? { symbol: subject.name } : {}),
      line: 'file' in draft.evidence ? draft.evidence.startLine : 1
    },
    rationale: draft.rationale,
    covers: [id],
    priority: SPEC_PRIORITY[draft.severity]
  }
  const todo = (title: string, expected: string): SpecDraft => ({
    ...base,
    title,
    expected,
    body: { kind: 'steps', module: file, steps: {}, async: found.fn?.async ?? false }
  })
  const handlerFinding =
    found.tryBlock &&
    ['swallowedError', 'logOnlyCatch', 'bareExcept', 'lostCause'].includes(draft.messageId)
  // Arguments run before the call that takes them: break the innermost dependency, the first to run.
  const byEnd = (calls: ReturnType<typeof guardedCalls>) =>
    [...calls].sort((a, b) => a.loc.endLine - b.loc.endLine || a.loc.endColumn - b.loc.endColumn)
  const seam =
    handlerFinding && found.tryBlock
      ? findSeam(info, byEnd(guardedCalls(info, found.tryBlock)))
      : undefined
  const values = subject ? args(subject.fn.params, found) : undefined
  const deps = found.tryBlock ? guardedCalls(info, found.tryBlock).map((c) => `${c.callee}()`) : []
  const dep = seam ? `${seam.shown}()` : (deps[0] ?? 'the guarded call')
  switch (draft.messageId) {
    case 'lostCause':
      if (subject && seam && values)
        return concrete(found, base, subject, seam, values, target, 'cause')
      return todo(
        `${where} keeps a failing ${dep} as the cause of its ${String(draft.data.errorType)} (TODO: arrange ${why(subject, seam, values)})`,
        `with ${dep} failing, ${where} raises ${String(draft.data.errorType)} whose cause is the original error`
      )
    case 'swallowedError':
    case 'bareExcept':
    case 'logOnlyCatch':
      if (subject && seam && values)
        return concrete(
          found,
          base,
          subject,
          seam,
          values,
          target,
          draft.messageId === 'logOnlyCatch' ? 'logs' : 'recovers'
        )
      return todo(
        `${where} reports or falls back when ${dep} fails (TODO: arrange ${why(subject, seam, values)}, then assert the intended outcome)`,
        `with ${dep} failing, ${where} either reports the failure to its caller or returns a fallback the caller can tell apart`
      )
    case 'floatingPromise':
      return todo(
        `${where} passes on a failure of ${String(draft.data.callee)}() (TODO: stub it to fail, assert the caller sees it)`,
        `a rejection of ${String(draft.data.callee)}() rejects ${where} (or is handled there), instead of becoming an unhandled rejection`
      )
    case 'thenWithoutCatch':
      return todo(
        `${where} handles a rejection of ${String(draft.data.source)} (TODO: stub it to reject)`,
        `a rejection of ${String(draft.data.source)} is caught or passed on, never left unhandled`
      )
    case 'throwNonError':
      return todo(
        `${where} throws an Error instead of ${String(draft.data.kind)} (TODO: arrange inputs that reach the throw)`,
        `the value thrown is an instance of Error with a message`
      )
    case 'exitInLibrary':
      return todo(
        `${where} throws instead of calling ${String(draft.data.callee)}() (TODO: stub the exit, arrange inputs that reach it)`,
        `${where} throws an error the caller can catch instead of ending the process`
      )
    case 'noErrorListener':
      return todo(
        `${where} reports an 'error' event of ${String(draft.data.callee)} (TODO: arrange the failing resource)`,
        `an 'error' event from ${String(draft.data.callee)} rejects or throws to the caller of ${where}`
      )
    case 'unclosedResource':
      return todo(
        `${where} closes what ${String(draft.data.callee)}() opened when it fails (TODO: arrange the failure and a spy on close)`,
        `the resource opened by ${String(draft.data.callee)}() is closed even when ${where} fails`
      )
  }
  return undefined
}

function why(subject: unknown, seam: Seam | undefined, values: SpecValue[] | undefined): string {
  if (!subject)
    return 'a way to reach this code from a test (it is not an exported top-level function)'
  if (!seam)
    return 'a replaceable dependency (the guarded calls are local or imported in a way a test cannot patch)'
  if (!values) return 'arguments for its parameters (their types give no value to build)'
  return 'the failure'
}

type Goal = 'cause' | 'recovers' | 'logs'

function concrete(
  found: Found,
  base: Omit<SpecDraft, 'title' | 'expected' | 'body'>,
  subject: { fn: FunctionDecl; name: string },
  seam: Seam,
  values: SpecValue[],
  target: RenderTarget,
  goal: Goal
): SpecDraft {
  const python = found.info.dialect === 'python'
  const name = subject.name
  const async = subject.fn.async
  const dep = `${seam.shown}()`
  const title =
    goal === 'cause'
      ? `${name}() keeps the ${dep} failure as the cause of the error it raises`
      : goal === 'logs'
        ? `${name}() recovers from a failing ${dep} and logs the failure`
        : `${name}() recovers from a failing ${dep} as its handler is written to`
  const expected =
    goal === 'cause'
      ? `with ${dep} failing, ${name}() ${async ? 'rejects' : 'throws'} an error whose cause is the injected one`
      : goal === 'logs'
        ? `with ${dep} failing, ${name}() does not throw and the log call receives the injected failure`
        : `with ${dep} failing, ${name}() returns without throwing (the handler swallows it: decide whether that is intended)`
  const imports = python ? pyImports(found, seam, name) : jsImports(found, seam, name, target)
  const code = python
    ? pyCode(found, seam, name, values, async, goal)
    : jsCode(found, seam, name, values, async, goal, target)
  if (code === undefined) {
    return {
      ...base,
      title: `${title} (TODO: arrange the log capture)`,
      expected,
      body: { kind: 'steps', module: found.info.module.path, steps: {}, async }
    }
  }
  return {
    ...base,
    title,
    expected,
    body: {
      kind: 'steps',
      module: found.info.module.path,
      imports,
      steps: python ? { python: code } : { javascript: code },
      async
    }
  }
}

/** The renderer takes a path with a folder (or `./`) as a repository file, anything else as a package. */
function repositoryImport(path: string): string {
  return path.includes('/') ? path : `./${path}`
}

function jsImports(
  found: Found,
  seam: Seam,
  name: string,
  target: RenderTarget
): { from: string; names: string[] }[] {
  const framework = target.framework === 'pytest' ? 'node:test' : target.framework
  const out = [
    ...jsMocking(framework).imports,
    { from: repositoryImport(found.info.module.path), names: [name] }
  ]
  if (seam.importFrom) out.push({ from: seam.importFrom, names: seam.importNames ?? [] })
  return out
}

function pyImports(found: Found, seam: Seam, name: string): { from: string; names: string[] }[] {
  // The renderer imports pytest itself.
  const out = [{ from: repositoryImport(found.info.module.path), names: [name] }]
  if (seam.importFrom && seam.importFrom !== 'pytest')
    out.push({ from: seam.importFrom, names: [] })
  return out
}

/** The console method a log-only handler calls, when it is one a test can spy on. */
function consoleMethod(found: Found): string | undefined {
  const handler = found.tryBlock?.handlers[found.handlerIndex ?? 0]
  if (!handler) return undefined
  const calls = found.info.callsByScope.get(found.tryBlock?.enclosing ?? '') ?? []
  const log = calls.find(
    (c) =>
      c.receiver === 'console' &&
      c.loc.startLine >= handler.loc.startLine &&
      c.loc.endLine <= handler.loc.endLine
  )
  return log?.name
}

function jsCode(
  found: Found,
  seam: Seam,
  name: string,
  values: SpecValue[],
  async: boolean,
  goal: Goal,
  target: RenderTarget
): string | undefined {
  const framework = target.framework === 'pytest' ? 'node:test' : target.framework
  const m = jsMocking(framework)
  const expectStyle = framework === 'jest' || framework === 'vitest'
  const call = `${async ? 'await ' : ''}${name}(${values.map(renderJsValue).join(', ')})`
  const lines = [`const injected = new Error(${jsString(INJECTED)})`, m.fail(seam)]
  if (goal === 'logs') {
    const method = consoleMethod(found)
    if (!method) return undefined
    lines.push(m.spyLog(method))
  }
  if (goal === 'cause') {
    lines.push(
      `const caught = ${async ? 'await (async ' : '('}() => {`,
      '  try {',
      `    ${call}`,
      '    return undefined',
      '  } catch (error) {',
      '    return error',
      '  } finally {',
      `    ${m.restore}`,
      '  }',
      '})()',
      expectStyle
        ? 'expect(caught).toBeInstanceOf(Error)'
        : 'assert.ok(caught instanceof Error, `expected an Error, got ${String(caught)}`)',
      expectStyle
        ? 'expect(Object(caught).cause).toBe(injected)'
        : 'assert.equal(Object(caught).cause, injected)'
    )
    return lines.join('\n')
  }
  lines.push('try {', `  ${call}`)
  if (goal === 'logs') {
    const seen = `JSON.stringify(${m.loggedArgs}.map((args) => args.map(String)))`
    lines.push(
      expectStyle ? '  expect(logged).toHaveBeenCalled()' : `  assert.ok(${m.loggedCalled})`,
      expectStyle
        ? `  expect(${seen}).toContain(${jsString(INJECTED)})`
        : `  assert.ok(${seen}.includes(${jsString(INJECTED)}))`
    )
  }
  lines.push('} finally {', `  ${m.restore}`, '}')
  return lines.join('\n')
}

function pyCode(
  found: Found,
  seam: Seam,
  name: string,
  values: SpecValue[],
  async: boolean,
  goal: Goal
): string | undefined {
  const valueImports = new Set<string>()
  const rendered = values.map((v) => renderPyValue(v, valueImports))
  if (valueImports.size > 0 || goal === 'logs') return undefined
  const call = `${async ? 'await ' : ''}${name}(${rendered.join(', ')})`
  const lines = [
    `injected = RuntimeError(${pyString(INJECTED)})`,
    '',
    `${seam.async ? 'async ' : ''}def fail(*args, **kwargs):`,
    '    raise injected',
    '',
    'with pytest.MonkeyPatch.context() as patch:',
    `    patch.setattr(${seam.object}, ${pyString(seam.method)}, fail)`
  ]
  if (goal === 'cause') {
    lines.push(
      '    with pytest.raises(Exception) as raised:',
      `        ${call}`,
      'assert raised.value.__cause__ is injected'
    )
  } else {
    lines.push(`    ${call}  # must not raise: the handler recovers`)
  }
  return lines.join('\n')
}
