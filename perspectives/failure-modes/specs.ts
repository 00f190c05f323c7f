// Specs that trigger a failure mode and assert its error: a call table with the arguments that reach
// it (triggers.ts), expecting the error type (and the message where it is a literal). When the
// arguments cannot be derived, or the failure sits in a method or in module-level code, the spec is a
// todo that says what to arrange — never a test that passes without checking anything.
import type { FunctionDecl } from '../../src/model/types.js'
import type { RenderTarget, SpecDraft, SpecExpectation } from '../../src/specs/types.js'
import { methodSteps } from './method-specs.js'
import type { Row } from './table.js'
import { planTrigger } from './triggers.js'
import { CODE_LANGUAGES, SPEC_PRIORITY } from '../kit/index.js'

const JS_BUILTIN = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError'
])
const PY_BUILTIN = new Set([
  'Exception',
  'ValueError',
  'TypeError',
  'KeyError',
  'IndexError',
  'LookupError',
  'AttributeError',
  'RuntimeError',
  'OSError',
  'FileNotFoundError',
  'PermissionError',
  'NotImplementedError',
  'ZeroDivisionError',
  'ArithmeticError',
  'OverflowError',
  'AssertionError',
  'UnicodeError',
  'UnicodeDecodeError',
  'TimeoutError',
  'ConnectionError',
  'IOError',
  'EnvironmentError',
  'StopIteration'
])

/** The error type as a spec can name it: built in, importable from the module under test, or `json.X`; else none. */
function assertableType(row: Row): string | undefined {
  const type = row.mode.errorType
  if (!type) return undefined
  const module = row.mode.module
  if (module.language === 'python') {
    if (PY_BUILTIN.has(type)) return type
    const head = type.split('.')[0]
    if (type.includes('.') && head === head.toLowerCase()) return type
    const local =
      module.classes.some((c) => c.name === type) ||
      module.imports.some((d) => d.names.some((n) => n.local === type))
    return local ? type : undefined
  }
  if (JS_BUILTIN.has(type)) return type
  return module.exports.some((e) => e.name === type && !e.source) ? type : undefined
}

/** Concrete specs (arguments derived) first, highest RPN first; todos fill the remaining places. */
export function buildSpecs(rows: Row[], maxSpecs: number, target: RenderTarget): SpecDraft[] {
  const concrete: SpecDraft[] = []
  const todo: SpecDraft[] = []
  for (const row of rows) {
    if (concrete.length >= maxSpecs) break
    if (!CODE_LANGUAGES.has(row.mode.module.language) || row.scores.tests === 'asserted') continue
    const spec = specFor(row, target)
    if (
      spec.body.kind === 'call' ||
      (spec.body.kind === 'steps' && Object.keys(spec.body.steps).length > 0)
    )
      concrete.push(spec)
    else if (todo.length < maxSpecs) todo.push(spec)
  }
  return [...concrete, ...todo].slice(0, maxSpecs)
}

/** How a test gets at a function it cannot import: an instance, the enclosing function, or a public caller. */
function reachVia(fn: FunctionDecl): string {
  if (fn.className) return `an instance of ${fn.className}`
  const dot = fn.qualifiedName.lastIndexOf('.')
  if (dot > 0) return `a call of ${fn.qualifiedName.slice(0, dot)} that reaches ${fn.name}`
  return `a public caller of ${fn.name} (it is not exported)`
}

function specFor(row: Row, target: RenderTarget): SpecDraft {
  const { mode } = row
  const fn = mode.fn
  const module = mode.module.path
  const errorType = assertableType(row)
  const shownType = mode.errorType ?? 'an error'
  const topLevel =
    fn &&
    fn.exported &&
    !fn.className &&
    !['method', 'constructor', 'getter', 'setter'].includes(fn.kind)
  // A constructor of an exported class is called as `new C(...)` / `C(...)`.
  const construct =
    !!fn?.className &&
    (fn.kind === 'constructor' || fn.name === '__init__') &&
    mode.module.classes.some((c) => c.name === fn.className && c.exported)
  const symbol = topLevel ? fn.name : fn?.className
  const base = {
    key: `failure:${row.key}`,
    level: 'unit' as const,
    target: { file: module, ...(symbol ? { symbol } : {}), line: mode.loc.startLine },
    rationale: `RPN ${row.scores.rpn} (S${row.scores.severity} × O${row.scores.occurrence} × D${row.scores.detection}): ${row.effectText}.`,
    covers: row.findingId ? [row.findingId] : [],
    priority: SPEC_PRIORITY[row.severity]
  }
  const plan = fn ? planTrigger(mode) : undefined
  const async = fn?.async ?? false
  const expect: SpecExpectation & { kind: 'throws' } = {
    kind: 'throws',
    ...(errorType ? { errorType } : {}),
    ...(mode.kind === 'throw' && mode.message !== undefined && mode.message.length > 0
      ? { message: mode.message }
      : {})
  }
  const expectedText =
    `${row.where}(…) ${async ? 'rejects' : 'throws'} ${errorType ?? `an error (${shownType} is not importable from ${module})`}` +
    (expect.message !== undefined ? ` with message "${expect.message}"` : '')
  if (fn && !topLevel && plan?.ok && mode.handling.effect === 'propagates') {
    const body = methodSteps(mode.module, fn, plan.args, expect, target)
    if (body)
      return {
        ...base,
        title: `${row.where} ${async ? 'rejects' : 'throws'} ${shownType} when ${plan.via}`,
        expected: expectedText,
        body
      }
  }
  if (construct && fn?.className && plan?.ok && mode.handling.effect === 'propagates') {
    return {
      ...base,
      title: `new ${fn.className}(…) throws ${shownType} when ${plan.via}`,
      expected: expectedText,
      body: {
        kind: 'call',
        module,
        symbol: fn.className,
        construct: true,
        async: false,
        cases: [{ name: plan.via, args: plan.args, expect }]
      }
    }
  }
  if (!topLevel || !plan || !plan.ok) {
    const arrange = !fn
      ? `the module state in which ${mode.text} fails when ${module} is imported`
      : !topLevel
        ? `${reachVia(fn)} and ${plan && !plan.ok ? plan.arrange : 'inputs that reach the failure'}`
        : (plan as { arrange: string }).arrange
    return {
      ...base,
      title: `${row.where} ${mode.kind === 'call' ? `${mode.call?.entry.operation} fails` : `throws ${shownType}`}: TODO arrange ${arrange}`,
      expected: `${row.where} ${async ? 'rejects' : 'throws'} ${shownType}${mode.message !== undefined ? ` with message "${mode.message}"` : ''}`,
      body: {
        kind: 'steps',
        module,
        imports: symbol ? [{ from: module, names: [symbol] }] : [],
        steps: {},
        async
      }
    }
  }
  if (mode.handling.effect !== 'propagates') {
    // Caught and dropped inside: trigger it and check that the function recovers instead of throwing.
    return {
      ...base,
      title: `${fn.name} recovers when ${plan.via} (${shownType} is caught inside)`,
      expected: `${fn.name}(…) does not ${async ? 'reject' : 'throw'}: ${row.effectText}`,
      body: {
        kind: 'call',
        module,
        symbol: fn.name,
        async,
        cases: [{ name: plan.via, args: plan.args, expect: { kind: 'does-not-throw' } }]
      }
    }
  }
  return {
    ...base,
    title: `${fn.name} ${async ? 'rejects' : 'throws'} ${shownType} when ${plan.via}`,
    expected: expectedText,
    body: {
      kind: 'call',
      module,
      symbol: fn.name,
      async,
      cases: [{ name: plan.via, args: plan.args, expect }]
    }
  }
}
