// Sequential awaits in a loop whose iterations are provably independent, so they could run together.
// Judges found every looser rule false: ordered middleware (`await mw(ctx)`), a short-circuiting search
// (`if await p(x): return True`), a state machine whose steps append later steps. So a loop is reported
// only when its body has that one shape: each awaited call takes this iteration's element (or a value
// made from it in the same iteration) and its result is only collected (push/append/add/set, an index
// store); no condition, throw or inner loop in the body (no early exit), the iterated collection is not
// changed, and no value written by one iteration is read by a later one.
import type { CallSite } from '../../src/model/types.js'
import { type Found, type ModuleInput, symbolName } from './context.js'
import { contains, identifiers, type Region, shorten } from './regions.js'

const AWAIT_PACING =
  /(^|\.)(sleep|delay|wait|setTimeout|timeout|backoff|throttle|limit|acquire|lock)$/i
/** Calls that only collect a result. */
const COLLECTORS: ReadonlySet<string> = new Set(['push', 'append', 'add', 'set'])
/** Calls that change the collection they are called on. */
const MUTATORS: ReadonlySet<string> = new Set([
  'push',
  'append',
  'unshift',
  'splice',
  'insert',
  'extend',
  'add',
  'set',
  'pop',
  'shift',
  'remove',
  'delete',
  'clear',
  'update',
  'appendleft',
  'extendleft'
])
/** Condition kinds that branch inside a body; a `for` condition is the loop's own header. */
const BRANCHES: ReadonlySet<string> = new Set([
  'if',
  'elif',
  'while',
  'ternary',
  'case',
  'match',
  'guard'
])

const mentions = (text: string | undefined, names: Set<string>): boolean =>
  text !== undefined && identifiers(text).some((t) => names.has(t))

const before = (a: CallSite['loc'], b: CallSite['loc']): boolean =>
  a.startLine < b.startLine || (a.startLine === b.startLine && a.startColumn < b.startColumn)

/** The awaited calls of `r` when its iterations are independent; undefined otherwise. */
function independentAwaits(input: ModuleInput, r: Region): CallSite[] | undefined {
  const { module } = input
  const inBody = <T extends { enclosing?: string; loc: CallSite['loc'] }>(x: T) =>
    x.enclosing === r.owner && contains(r.loc, x.loc)
  // No early exit and no branch that could depend on an earlier iteration.
  if (module.conditions.some((c) => BRANCHES.has(c.kind) && contains(r.loc, c.loc))) return
  if (module.throws.some((t) => contains(r.loc, t.loc))) return
  if (module.loops.some((l) => l.loc !== r.loc && contains(r.loc, l.loc))) return
  const calls = module.calls.filter(inBody)
  const iterated = (r.iterates ?? '').trim()
  // The collection is not changed while it is walked (a queue of steps that adds steps).
  if (calls.some((c) => MUTATORS.has(c.name) && c.receiver?.trim() === iterated)) return
  const root = identifiers(iterated)[0]
  if (root && (module.assignments ?? []).some((a) => inBody(a) && a.name === root)) return
  // Accumulators (`offset += n`) carry a value from one iteration to the next.
  const bindings = (module.bindings ?? []).filter(inBody)
  if (bindings.some((b) => b.operator !== '=')) return
  if ((module.assignments ?? []).some((a) => inBody(a) && a.operator !== '=')) return
  const awaited = calls.filter((c) => c.awaited)
  if (awaited.length === 0 || awaited.some((c) => AWAIT_PACING.test(c.callee))) return
  const elements = new Set(r.bound.map((b) => b.name))
  const collectors = calls.filter(
    (c) => COLLECTORS.has(c.name) && c.receiver !== undefined && !c.awaited
  )
  const targets = new Set(collectors.flatMap((c) => identifiers(c.receiver ?? '').slice(0, 1)))
  const stores = (module.assignments ?? []).filter(
    (a) => inBody(a) && a.operator === '=' && a.target.includes('[')
  )
  for (const a of stores) targets.add(a.name)
  const collected = (call: CallSite, seen: Set<CallSite>): boolean => {
    if (seen.has(call)) return false
    seen.add(call)
    if (collectors.some((c) => contains(c.loc, call.loc) && c !== call)) return true
    if (stores.some((s) => s.loc.startLine === call.loc.startLine)) return true
    const name = call.assignedTo
    if (name === undefined) return false
    const named = new Set([name])
    if (collectors.some((c) => c.args.some((a) => mentions(a, named)))) return true
    // `const res = await fetch(u); out.push(await res.text())`: used by a call that is collected.
    return awaited.some(
      (o) =>
        o !== call &&
        (mentions(o.receiver, named) || o.args.some((a) => mentions(a, named))) &&
        collected(o, seen)
    )
  }
  for (const call of awaited) {
    // Values made in this iteration before the call: fresh per iteration.
    const fresh = new Set(bindings.filter((b) => before(b.loc, call.loc)).map((b) => b.name))
    const made = new Set([...elements, ...fresh])
    const takesElement = call.args.some((a) => mentions(a, made)) || mentions(call.receiver, fresh)
    if (!takesElement) return
    // Read before this iteration writes it: the previous iteration's value.
    const later = new Set(bindings.filter((b) => !before(b.loc, call.loc)).map((b) => b.name))
    if (call.args.some((a) => mentions(a, later) || mentions(a, targets))) return
    if (mentions(call.receiver, later) || mentions(call.receiver, targets)) return
    if (!collected(call, new Set())) return
  }
  return awaited
}

export function awaitInLoop(input: ModuleInput): Found[] {
  const { module, regions, quote } = input
  const found: Found[] = []
  const python = module.language === 'python'
  for (const r of regions.regions) {
    if (r.kind !== 'loop' || !r.hasAwait || r.asyncIteration || !r.overCollection) continue
    const awaited = independentAwaits(input, r)
    if (!awaited) continue
    const call = awaited[0]
    const symbol = symbolName(r.owner)
    const elements = r.bound.map((b) => b.name)
    const named = elements.filter((n) =>
      awaited.some((c) => c.args.some((a) => identifiers(a).includes(n)))
    )
    found.push({
      draft: {
        messageId: 'awaitInLoop',
        data: {
          callee: `${shorten(call.callee, 40)}`,
          symbol,
          loop: r.label,
          independence: `each call takes this iteration's ${named.join(', ')} and its result is only collected; the body has no early exit and reads nothing an earlier iteration wrote`,
          alternative: python
            ? '`asyncio.gather(...)`, bounded with a semaphore if the list is long'
            : '`Promise.all(items.map(...))`, in batches if the list is long'
        },
        severity: 'medium',
        confidence: 'medium',
        rationale:
          'The loop body only awaits a call on each element and collects the result, so the iterations do not depend on ' +
          'each other; what the callee does with shared state (a rate-limited API, a connection that serialises requests) is not read.',
        evidence: quote.evidence(module.path, {
          startLine: call.loc.startLine,
          endLine: call.loc.endLine
        }),
        key: `await:${symbol}:${call.callee}`,
        symbol,
        tags: ['latency']
      }
    })
  }
  return found
}
