// Fixed waits in tests (`sleep`, `setTimeout`, `time.sleep`): reported when the wait gates an
// assertion that can race with it (sleep-gates.ts), one finding per file with the others counted.
import type { CallSite, Location, ModuleModel } from '../../src/model/types.js'
import { type TestFile, effectiveCallee } from './classify.js'
import { within } from '../kit/index.js'
import { evidenceAt, type Found, hookRanges, testAt, testLabel } from './context.js'
import { awaitedGate, type Gate, timerGate } from './sleep-gates.js'
import { fakeClock, type SmellInput } from './smells.js'
import { SLEEP_CALLS } from './signals.js'

function sleepMillis(call: CallSite, callee: string, unit: 'ms' | 's'): number | undefined {
  // The global setTimeout(fn, ms) takes the delay second; timers/promises setTimeout(ms) first.
  const arg =
    call.name === 'setTimeout' && !callee.startsWith('timers.promises')
      ? call.args[1]
      : call.args[0]
  if (arg === undefined) return undefined
  const text = arg.trim().replace(/_/g, '')
  if (!/^\d+(\.\d+)?(e\d+)?$/i.test(text)) return undefined
  const value = Number(text)
  return unit === 's' ? value * 1000 : value
}

/** Calls that end a test with a failure when handed an error. */
const FAILING_CALLS: ReadonlySet<string> = new Set(['reject', 'done', 'fail', 'cb', 'callback'])

/**
 * `setTimeout(() => reject(new Error('timed out')), 100)` raced against an event: a time-out that fails
 * the test when it wins, not a wait (judged false on koa's flushHeaders test). Read from the calls and
 * throws the model places inside the timer's callback.
 */
function failureGuard(file: TestFile, call: CallSite, callee: string): boolean {
  if (call.name !== 'setTimeout' || callee.startsWith('timers.promises')) return false
  const inside = (loc: CallSite['loc']) => loc !== call.loc && within(loc, call.loc)
  return (
    file.module.calls.some(
      (c) => c !== call && inside(c.loc) && FAILING_CALLS.has(c.name) && c.args.length > 0
    ) || file.module.throws.some((t) => inside(t.loc))
  )
}

/** Calls that block until the event arrives: what a test actually waits on. */
const BLOCKING_WAITS: ReadonlySet<string> = new Set([
  'recv',
  'receive',
  'receive_text',
  'receive_json',
  'receive_bytes',
  'read',
  'readline',
  'readexactly',
  'wait_for',
  'waitFor',
  'waitForEvent',
  'once'
])

/** The awaited expression a wait is: the call itself, or the awaited `new Promise` it resolves. */
function awaitedAs(module: ModuleModel, call: CallSite): CallSite | undefined {
  if (call.awaited) return call
  return module.calls.find(
    (c) => c.isNew && c.callee === 'Promise' && c.awaited && within(call.loc, c.loc)
  )
}

/**
 * `await asyncio.sleep(0.1)` then `await ws.recv()`: the awaited call after the sleep blocks for the
 * event, so the test does not wait on the sleep's length (judged false on the session-5 repositories).
 * The sleep is awaited itself or inside an awaited `new Promise`; the next awaited call of the same
 * test and function must be a blocking read or wait.
 */
function blockingWaitFollows(file: TestFile, call: CallSite): boolean {
  const outer = awaitedAs(file.module, call)
  const test = testAt(file, call.loc)
  if (!outer || !test) return false
  const after = (c: CallSite) =>
    c.loc.startLine > outer.loc.endLine ||
    (c.loc.startLine === outer.loc.endLine && c.loc.startColumn >= outer.loc.endColumn)
  const next = file.module.calls
    .filter(
      (c) => c.awaited && c.enclosing === outer.enclosing && after(c) && within(c.loc, test.loc)
    )
    .sort((a, b) => a.loc.startLine - b.loc.startLine || a.loc.startColumn - b.loc.startColumn)[0]
  return next !== undefined && BLOCKING_WAITS.has(next.name)
}

/**
 * Calls whose function argument is the test's own flow, not code handed to the subject: a test, hook or
 * suite registration, an event handler it listens with, a promise continuation.
 */
const TEST_FLOW: ReadonlySet<string> = new Set([
  'on',
  'once',
  'addListener',
  'addEventListener',
  'prependListener',
  'then',
  'catch',
  'finally',
  'test',
  'it',
  'describe',
  'suite',
  'serial',
  'only',
  'skip',
  'each',
  'concurrent',
  'before',
  'after',
  'beforeEach',
  'afterEach',
  'beforeAll',
  'afterAll',
  'step'
])

/**
 * A JavaScript wait inside a function the test hands to the code under test: a task given to
 * `queue.add(async () => { await delay(100) })`, a request handler `const fn = async () => { await
 * sleep(100) }` given to the server. That is simulated work, not the test waiting (judged false 5 times
 * in 7 on p-queue and micro, round 7). A named function declared in the test, or an inline function
 * argument of a call in it other than the test's own flow (TEST_FLOW) or `new Promise` (the classic
 * wait wrapper).
 */
function handedToCode(file: TestFile, call: CallSite, test: Location): boolean {
  const strictlyInside = (loc: Location) =>
    within(loc, test) &&
    !(loc.startLine === test.startLine && loc.endLine === test.endLine) &&
    within(call.loc, loc)
  if (file.module.functions.some((f) => strictlyInside(f.loc))) return true
  return file.module.calls.some(
    (c) =>
      c !== call &&
      strictlyInside(c.loc) &&
      !(c.isNew && c.callee === 'Promise') &&
      !TEST_FLOW.has(c.name) &&
      (c.arguments ?? []).some((a) => a.kind === 'function')
  )
}

/**
 * Python: a sleep in a helper the file hands to something else to run (`Thread(target=sleep_touch)`,
 * `executor.submit(helper)`): the delay is that helper's work, staged by the test, not the test waiting
 * (uvicorn's test_reload.py:35, round 8, partly).
 */
function handedOnPython(file: TestFile, call: CallSite): boolean {
  const name = call.enclosing?.split('.').pop()
  if (!name) return false
  return file.module.calls.some((c) =>
    c.args.some((a) => {
      const t = a.trim()
      return t === name || new RegExp(`^(target|func|fn|callback)\\s*=\\s*${name}$`).test(t)
    })
  )
}

/**
 * Python: a sleep in a function nested in a `test_*` function the model does not take for a test (a
 * method of a mixin, `class IntegrationTests(object)`, that test cases inherit): the nested function is
 * the work the test runs, as for a test it knows (peewee's worker coroutines, judged false in round 10).
 */
function nestedInTestFunction(call: CallSite): boolean {
  const outer = call.enclosing?.split('.').slice(0, -1) ?? []
  return outer.some((name) => /^test/.test(name))
}

function delayText(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(2))} s` : `${ms} ms`
}

/** The test a wait is in; else the named function (a helper tests call) or the hook holding it. */
function scopeOf(file: TestFile, call: CallSite): Location | undefined {
  const test = testAt(file, call.loc)
  if (test) return test.loc
  let best: Location | undefined
  for (const f of file.module.functions)
    if (within(call.loc, f.loc) && (!best || within(best, f.loc))) best = f.loc
  return best ?? hookRanges(file.module).find((h) => within(call.loc, h))
}

/**
 * What a JavaScript/TypeScript wait gates. A timer handed a callback runs it later (timerGate);
 * anything else the test awaits or runs in sequence gates what follows it (awaitedGate).
 */
function gateOf(file: TestFile, call: CallSite): Gate | undefined {
  const scope = scopeOf(file, call)
  if (!scope) return undefined
  const input = {
    calls: file.module.calls,
    functions: file.module.functions.map((f) => f.loc),
    scope
  }
  const first = call.arguments?.[0]
  const callback =
    call.name === 'setTimeout' &&
    !awaitedAs(file.module, call) &&
    (first?.kind === 'function' || first?.kind === 'identifier')
  return callback
    ? timerGate(input, call)
    : awaitedGate(input, (awaitedAs(file.module, call) ?? call).loc)
}

const GATE_TEXT: Record<Gate['how'], (line: number) => string> = {
  'asserts-after': (line) => `and then asserts (line ${line}) what it waited for`,
  'asserts-in-timer': (line) =>
    `and asserts (line ${line}) when the timer fires, whether or not what it expects has happened`,
  'ends-before-handler': (line) =>
    `and ends the test when the timer fires while its assertion (line ${line}) waits in an event handler, so a late event passes the test without checking`
}

interface Wait {
  call: CallSite
  ms: number
  gate?: Gate
}

export function checkSleeps(input: SmellInput): Found[] {
  const out: Found[] = []
  for (const file of input.files) {
    const faked = fakeClock(file) !== undefined
    const python = file.module.language === 'python'
    const waits: Wait[] = []
    for (const call of file.module.calls) {
      const callee = effectiveCallee(call, file.locals)
      const unit =
        SLEEP_CALLS[callee] ??
        SLEEP_CALLS[call.callee] ??
        (callee.endsWith('timers.promises.setTimeout') ? 'ms' : undefined)
      if (!unit) continue
      if (unit === 'ms' && faked) continue
      const ms = sleepMillis(call, callee, unit)
      if (ms === undefined || ms < input.minSleepMillis) continue
      // A sleep inside a loop polls for a condition with a bound; a sleep in a function nested in the
      // test (a callback, a lambda handed to an executor) is the workload under test, not a wait.
      if (file.module.loops.some((l) => within(call.loc, l.loc))) continue
      if (failureGuard(file, call, callee)) continue
      if (blockingWaitFollows(file, call)) continue
      const test = testAt(file, call.loc)
      if (python) {
        if (test && call.enclosing && call.enclosing !== test.name) continue
        if (!test && (handedOnPython(file, call) || nestedInTestFunction(call))) continue
        waits.push({ call, ms })
        continue
      }
      if (test && handedToCode(file, call, test.loc)) continue
      const gate = gateOf(file, call)
      if (gate) waits.push({ call, ms, gate })
    }
    if (waits.length === 0) continue
    // One finding per file: many waits in one file are one habit to change, not many problems.
    const [first, ...rest] = waits
    const test = testAt(file, first.call.loc)
    const path = file.module.path
    const longest = Math.max(...waits.map((w) => w.ms))
    const lines = rest.map((w) => w.call.loc.startLine)
    out.push({
      file,
      draft: {
        messageId: 'sleepInTest',
        data: {
          callee: first.call.callee,
          delay: delayText(first.ms),
          test: testLabel(test),
          file: path,
          args: (
            first.call.arguments?.map((a) => (a.kind === 'function' ? '…' : a.text)) ??
            first.call.args
          )
            .join(', ')
            .slice(0, 80),
          gate: first.gate
            ? GATE_TEXT[first.gate.how](first.gate.assertion.loc.startLine)
            : 'before it goes on',
          more:
            lines.length === 0
              ? ''
              : ` The file waits the same way ${lines.length} more time${lines.length === 1 ? '' : 's'} (line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 8).join(', ')}${lines.length > 8 ? ', …' : ''}).`
        },
        severity: longest >= 1000 ? 'medium' : 'low',
        confidence: test ? 'high' : 'medium',
        rationale:
          'A fixed wait races with the code it waits for: it flakes when the machine is slow and wastes time when it is fast.',
        evidence: evidenceAt(input.quote, path, first.call.loc),
        key: 'sleeps'
      }
    })
  }
  return out
}
