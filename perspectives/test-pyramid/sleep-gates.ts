// Whether a fixed wait in a JavaScript/TypeScript test gates an assertion that can race with it. A
// wait that only lets things settle before the test acts (touches a file, restarts, sends a signal)
// and then waits for the resulting event, a pause in a clean-up hook, and a "nothing happened" window
// before a negative check are not flaky waits (judged false on nodemon, session 7).
import type { CallSite, Location } from '../../src/model/types.js'
import { within } from '../kit/index.js'

/** Names that end a callback-style test when called or handed on (`done`, `cleanup(p, done)`). */
const ENDERS: ReadonlySet<string> = new Set(['done', 'cb', 'callback', 'resolve', 'finish'])

/** tap/ava/node:test assertion methods on the test context (`t.is`, `t.equal`). */
const CONTEXT_ASSERTS: ReadonlySet<string> = new Set([
  'is',
  'not',
  'equal',
  'equals',
  'strictEqual',
  'deepEqual',
  'same',
  'strictSame',
  'ok',
  'notOk',
  'true',
  'false',
  'truthy',
  'falsy',
  'match',
  'assert'
])

/** An assertion call: `assert(...)`, `assert.x(...)`, `expect(...)...`, `t.is(...)`, `x.should...`. */
export function isAssertion(c: CallSite): boolean {
  const callee = c.callee
  // `assert(true, 'restarted')` checks nothing.
  const first = c.arguments?.[0]
  if (
    first?.kind === 'literal' &&
    first.value === true &&
    /^(assert|assert\.ok|t\.ok)$/.test(callee)
  )
    return false
  if (callee === 'assert' || callee.startsWith('assert.') || callee.startsWith('t.assert.'))
    return true
  if (callee.startsWith('expect(') || callee.startsWith('chai.expect(')) return true
  if (c.name === 'fail') return true
  if (callee.includes('.should.')) return true
  return c.receiver === 't' && CONTEXT_ASSERTS.has(c.name)
}

const literalIs = (c: CallSite, i: number, value: false | 0) => {
  const a = c.arguments?.[i]
  return a?.kind === 'literal' && a.value === value
}

/**
 * An assertion that something did not happen: `assert(false, 'should not restart')` in an event
 * handler, `assert(!restarted)`, `expect(spy).not.toHaveBeenCalled()`, `toHaveBeenCalledTimes(0)`,
 * `expect(called).toBe(false)`, `assert.fail()`. The wait before it is the window for the event that
 * must not come; no event exists to wait for instead.
 */
export function isNegativeAssertion(c: CallSite): boolean {
  if (c.name === 'fail') return true
  if (c.callee.includes('.not.') || /^(toBeFalsy|toBeUndefined|toBeNull)$/.test(c.name)) return true
  if (c.name === 'toHaveBeenCalledTimes' || c.name === 'toBeCalledTimes') return literalIs(c, 0, 0)
  if (c.name === 'toBe' || c.name === 'toEqual' || c.name === 'toStrictEqual')
    return literalIs(c, 0, false)
  if (c.receiver === 't' && (c.name === 'false' || c.name === 'falsy')) return true
  const first = c.arguments?.[0]
  if (c.callee === 'assert' || c.callee === 'assert.ok' || c.callee === 'assert.strictEqual') {
    if (first?.kind === 'literal' && first.value === false) return true
    if (first?.text.startsWith('!')) return true
    return c.name === 'strictEqual' && literalIs(c, 1, false)
  }
  if (c.callee === 'assert.equal') return literalIs(c, 1, false)
  // A count of zero is no sign: `queue.size` falls to 0 when the tasks it waited for have started.
  return c.callee === 'assert.isFalse' || c.callee === 'assert.notOk'
}

/**
 * Calls that stop the subject from acting (`queue.pause()`, `controller.abort()`, `emitter.off(...)`,
 * `clearInterval(id)`): a wait after one is the window in which nothing may happen, so what the test
 * asserts next is that nothing did (p-queue's `clear interval on pause`, judged false in round 7: a
 * slow machine cannot make it fail). Not `close`, `stop`, `abort` or `cancel`, which often take effect
 * later and are what the test waits for; and not when a resuming call comes between.
 */
const FREEZING_CALLS: ReadonlySet<string> = new Set([
  'pause',
  'unsubscribe',
  'off',
  'removeListener',
  'removeAllListeners',
  'clearInterval',
  'clearTimeout',
  'disable'
])
const RESUMING_CALLS: ReadonlySet<string> = new Set([
  'start',
  'resume',
  'unpause',
  'enable',
  'play'
])

export interface SleepScope {
  /** The calls of the file. */
  calls: readonly CallSite[]
  /** The named functions of the file (handlers in object literals: `{ output: function (d) {...} }`). */
  functions: readonly Location[]
  /** The test (or the helper function a test calls) the wait is in. */
  scope: Location
}

/** What a wait gates: the assertion it races with and how, or nothing to report. */
export interface Gate {
  assertion: CallSite
  how: 'asserts-after' | 'asserts-in-timer' | 'ends-before-handler'
}

const after = (c: CallSite, end: Location) =>
  c.loc.startLine > end.endLine ||
  (c.loc.startLine === end.endLine && c.loc.startColumn >= end.endColumn)

const positive = (c: CallSite) => isAssertion(c) && !isNegativeAssertion(c)

/**
 * An awaited wait (`await sleep(200)`, `await new Promise(r => setTimeout(r, 200))`): it gates the
 * assertions after it in its scope. None after it (a pause before clean-up or before an action whose
 * event ends the test), or only negative ones, is not a race.
 */
export function awaitedGate(input: SleepScope, wait: Location): Gate | undefined {
  const before = (c: CallSite) =>
    within(c.loc, input.scope) &&
    (c.loc.endLine < wait.startLine ||
      (c.loc.endLine === wait.startLine && c.loc.endColumn <= wait.startColumn))
  const freeze = input.calls
    .filter((c) => FREEZING_CALLS.has(c.name) && before(c))
    .sort((a, b) => b.loc.startLine - a.loc.startLine)[0]
  const resumed =
    freeze !== undefined &&
    input.calls.some((c) => RESUMING_CALLS.has(c.name) && before(c) && after(c, freeze.loc))
  if (freeze && !resumed) return undefined
  const following = input.calls.filter(
    (c) => after(c, wait) && within(c.loc, input.scope) && isAssertion(c)
  )
  const first = following.find(positive)
  return first ? { assertion: first, how: 'asserts-after' } : undefined
}

/** The functions in a scope: callbacks handed to calls and named functions. */
function callbacks(input: SleepScope): Location[] {
  const out = input.functions.filter((f) => within(f, input.scope))
  for (const c of input.calls) {
    if (!within(c.loc, input.scope)) continue
    for (const a of c.arguments ?? []) if (a.kind === 'function' && a.loc) out.push(a.loc)
  }
  return out
}

function innermost(spans: Location[], loc: Location): Location | undefined {
  let best: Location | undefined
  for (const s of spans) {
    if (!within(loc, s)) continue
    if (!best || within(s, best)) best = s
  }
  return best
}

/**
 * A timer with a callback (`setTimeout(() => {...}, 200)`, `setTimeout(done, 1000)`): the callback
 * runs after the delay while the events the test waits for arrive on their own. Reported when
 * - the callback asserts (`assert(found)`, where an output handler sets `found`): a slow event fails it;
 * - the callback ends the test (`done`, `cleanup(p, done)`, `once('exit', done)`) while a positive
 *   assertion sits in another callback (an event handler) that does not hold the timer: a slow event
 *   lets the test pass without checking anything.
 * A callback that only acts (touches a file, restarts, emits) and leaves the end to an event handler is
 * a pause before the action, not a race.
 */
export function timerGate(input: SleepScope, timer: CallSite): Gate | undefined {
  const fn = timer.arguments?.[0]
  const inside = input.calls.filter(
    (c) => c !== timer && within(c.loc, timer.loc) && !sameSpan(c.loc, timer.loc)
  )
  const enders = ENDERS
  const spans = callbacks(input)
  // Only what the timer's own body asserts runs when it fires; an assertion in a handler the body
  // registers (`run(app, { output: (d) => assert(...) })`) waits for its event.
  const asserted = inside.find((c) => {
    const holder = positive(c) && fn?.loc ? innermost(spans, c.loc) : undefined
    return holder !== undefined && fn?.loc !== undefined && sameSpan(holder, fn.loc)
  })
  if (asserted) return { assertion: asserted, how: 'asserts-in-timer' }
  const ends =
    (fn?.kind === 'identifier' && enders.has(fn.text)) ||
    inside.some(
      (c) =>
        (enders.has(c.name) && !c.receiver) ||
        (c.arguments ?? []).some((a) => a.kind === 'identifier' && enders.has(a.text))
    )
  if (!ends) return undefined
  const racing = input.calls.find((c) => {
    if (!within(c.loc, input.scope) || within(c.loc, timer.loc) || !positive(c)) return false
    const holder = innermost(spans, c.loc)
    return holder !== undefined && !within(timer.loc, holder)
  })
  return racing ? { assertion: racing, how: 'ends-before-handler' } : undefined
}

const sameSpan = (a: Location, b: Location) =>
  a.startLine === b.startLine &&
  a.startColumn === b.startColumn &&
  a.endLine === b.endLine &&
  a.endColumn === b.endColumn
