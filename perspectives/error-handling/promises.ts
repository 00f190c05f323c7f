// Promises and coroutines whose failure nobody sees: calls to async functions (or well-known promise
// APIs) used as statements, `.then(onFulfilled)` chains without a rejection handler, and Python
// coroutines called without await or tasks whose reference is dropped.
import type { CallSite, FunctionDecl } from '../../src/model/types.js'
import type { Confidence, Severity } from '../types.js'
import { type CheckInput, type Found, type ModuleInfo, whereText } from './context.js'
import { browserScript } from '../shared/browser.js'

/** Why the call returns a promise or coroutine, or undefined when nothing says it does. */
interface AsyncCallee {
  why: string
  confidence: Confidence
  kind: 'promise' | 'coroutine' | 'task'
  /** The callee's declaration, when it is in the repository (same module or a resolved import). */
  local?: { fn: FunctionDecl; info: ModuleInfo }
}

/**
 * An async function of the repository whose body is mostly one try, or ends in one, with handlers that
 * never re-throw (undici's `writeBlob(...) { assert(...); try { ... } catch (err) { abort(err) } }`): its
 * promise does not reject (set-up code before the try is taken not to throw), so calling it without
 * await is fire-and-forget by design, not a lost error.
 */
function catchesItsOwnErrors(info: ModuleInfo, fn: FunctionDecl): boolean {
  if (info.dialect !== 'js') return false
  return info.module.tries.some(
    (t) =>
      t.enclosing === fn.qualifiedName &&
      t.handlers.length > 0 &&
      t.handlers.every((h) => !h.rethrows) &&
      (t.loc.endLine - t.loc.startLine + 1 >= 0.6 * fn.lines || t.loc.endLine >= fn.loc.endLine - 2)
  )
}

const PROMISE_STATICS = new Set(['all', 'allSettled', 'race', 'any'])
const FS_PROMISES = new Set(['fs/promises'])
const TIMERS_PROMISES = 'timers/promises'

function exportedAsync(
  input: CheckInput,
  resolved: string | undefined,
  imported: string
): { fn: FunctionDecl; info: ModuleInfo } | undefined {
  const target = resolved ? input.byPath.get(resolved) : undefined
  if (!target) return undefined
  let name = imported
  if (imported === 'default') {
    const exp = target.module.exports.find((e) => e.name === 'default')
    name = exp?.local ?? 'default'
  }
  const fn = target.functions.get(name)
  return fn?.async && fn.exported ? { fn, info: target } : undefined
}

function classOf(enclosing: string | undefined, info: ModuleInfo): string | undefined {
  const fn = enclosing ? info.functions.get(enclosing) : undefined
  if (fn?.className) return enclosing!.slice(0, enclosing!.lastIndexOf('.'))
  return undefined
}

function asyncCallee(input: CheckInput, info: ModuleInfo, call: CallSite): AsyncCallee | undefined {
  const python = info.dialect === 'python'
  const kind = python ? 'coroutine' : 'promise'
  const own = (fn: FunctionDecl | undefined, how: string): AsyncCallee | undefined =>
    fn?.async && !fn.generator
      ? { why: how, confidence: 'high', kind, local: { fn, info } }
      : undefined
  const { callee, receiver, name } = call
  if (receiver === undefined) {
    const local = info.functions.get(callee)
    if (local && !local.className)
      return own(local, `is the async function declared at line ${local.loc.startLine}`)
    const imported = info.imports.get(callee)
    if (imported) {
      const local = exportedAsync(input, imported.resolved, imported.imported)
      if (local)
        return {
          why: `is async (imported from ${imported.resolved})`,
          confidence: 'medium',
          kind,
          local
        }
      if (
        !python &&
        (FS_PROMISES.has(imported.source) || imported.source === TIMERS_PROMISES) &&
        imported.imported !== '*' &&
        imported.imported !== 'default'
      ) {
        return {
          why: `returns a promise (${imported.imported} from ${imported.source})`,
          confidence: 'high',
          kind
        }
      }
    }
    if (!python && callee === 'fetch' && !info.functions.has('fetch') && !info.imports.has('fetch'))
      return { why: 'returns a promise (the fetch API)', confidence: 'high', kind }
    return undefined
  }
  if (receiver === 'this' || receiver === 'self' || receiver === 'cls') {
    const cls = classOf(call.enclosing, info)
    if (cls) return own(info.functions.get(`${cls}.${name}`), `is the async method ${cls}.${name}`)
    return undefined
  }
  const ns = info.imports.get(receiver)
  if (ns && ns.imported === '*') {
    const local = exportedAsync(input, ns.resolved, name)
    if (local)
      return { why: `is async (exported by ${ns.resolved})`, confidence: 'medium', kind, local }
    if (!python && ns.source === 'fs/promises')
      return { why: `returns a promise (${ns.source})`, confidence: 'high', kind }
  }
  if (!python) {
    if (receiver === 'Promise' && PROMISE_STATICS.has(name))
      return { why: `returns a promise (Promise.${name})`, confidence: 'high', kind }
    const head = receiver.split('.')[0]
    const fsLocal = info.imports.get(head)
    if (fsLocal && fsLocal.source === 'fs' && receiver === `${head}.promises`)
      return { why: 'returns a promise (fs.promises)', confidence: 'high', kind }
    if (fsLocal && fsLocal.source === 'fs/promises')
      return { why: 'returns a promise (fs/promises)', confidence: 'high', kind }
  } else {
    const asyncio = info.imports.get(receiver)
    if (receiver === 'asyncio' && asyncio?.source === 'asyncio') {
      if (name === 'create_task' || name === 'ensure_future')
        return { why: `schedules a task (asyncio.${name})`, confidence: 'high', kind: 'task' }
      if (name === 'sleep' || name === 'wait_for' || name === 'gather' || name === 'wait')
        return { why: `is a coroutine function (asyncio.${name})`, confidence: 'high', kind }
    }
  }
  return undefined
}

const CONSEQUENCE: Record<AsyncCallee['kind'], string> = {
  promise:
    'a rejection becomes an unhandled rejection (Node.js ends the process on one) and the code after it runs before the work is done',
  coroutine:
    'the coroutine never runs at all (Python only warns "coroutine was never awaited") and its errors are never raised',
  task: 'the event loop keeps only a weak reference to the task: it can be garbage-collected before it finishes, and its exception is never retrieved'
}

export function checkPromises(input: CheckInput): Found[] {
  const out: Found[] = []
  for (const info of input.modules) {
    // A page's script: a dropped promise there is a console message, not Node's unhandled-rejection exit.
    const page = browserScript(info.module)
    for (const call of info.module.calls) {
      if (call.statement && !call.awaited && !call.isNew && !page) {
        const target = asyncCallee(input, info, call)
        if (target && !(target.local && catchesItsOwnErrors(target.local.info, target.local.fn)))
          out.push(floating(input, info, call, target))
      }
      if (
        info.dialect === 'js' &&
        call.name === 'then' &&
        call.args.length === 1 &&
        call.receiver !== undefined
      ) {
        const found = thenWithoutCatch(input, info, call)
        if (found) out.push(found)
      }
    }
  }
  return out
}

function floating(input: CheckInput, info: ModuleInfo, call: CallSite, target: AsyncCallee): Found {
  const entryTop = call.enclosing === undefined && input.entryModules.has(info.module.path)
  const severity: Severity = entryTop ? 'medium' : 'high'
  const fn = call.enclosing ? info.functions.get(call.enclosing) : undefined
  return {
    info,
    ...(fn ? { fn } : {}),
    call,
    draft: {
      messageId: 'floatingPromise',
      data: {
        callee: call.callee,
        problem: target.kind === 'task' ? 'starts a task nobody keeps' : 'is called without await',
        where: whereText(info, call.enclosing),
        why: target.why,
        dropped:
          info.dialect === 'js'
            ? 'not awaited, returned, voided or given a rejection handler'
            : target.kind === 'task'
              ? 'the task is not stored or awaited'
              : 'not awaited',
        consequence: CONSEQUENCE[target.kind]
      },
      severity,
      confidence: target.confidence,
      rationale:
        `Severity ${severity}: ${entryTop ? 'a top-level call in a command-line entry point, where an unhandled rejection at least ends the program loudly' : 'a failure here is lost or ends the process from an unrelated place'}; ` +
        `confidence ${target.confidence}: the callee ${target.why}.`,
      evidence: input.quote.evidence(info.module.path, call.loc),
      key: `floating:${call.enclosing ?? '<module>'}:${call.callee}`,
      symbol: call.enclosing ?? '<module>'
    }
  }
}

function endsAfter(a: CallSite, b: CallSite): boolean {
  return (
    a.loc.endLine > b.loc.endLine ||
    (a.loc.endLine === b.loc.endLine && a.loc.endColumn > b.loc.endColumn)
  )
}

/** The calls of one chain start where it starts: `p.then(f).catch(g)` holds `p.then` and `p.then(f).catch`. */
function thenWithoutCatch(input: CheckInput, info: ModuleInfo, then: CallSite): Found | null {
  const chain = (info.callsByScope.get(then.enclosing ?? '') ?? []).filter(
    (c) =>
      c.loc.startLine === then.loc.startLine &&
      c.loc.startColumn === then.loc.startColumn &&
      endsAfter(c, then)
  )
  if (chain.some((c) => c.name === 'catch' || (c.name === 'then' && c.args.length >= 2)))
    return null
  // One finding per chain: the last `.then` of `p.then(a).then(b)` speaks for it.
  if (chain.some((c) => c.name === 'then')) return null
  let outer = then
  for (const c of chain) if (endsAfter(c, outer)) outer = c
  // Returned, awaited or kept: the rejection travels on to code we do not follow.
  if (!outer.statement || outer.awaited) return null
  const source = (then.receiver ?? '').replace(/\s+/g, ' ')
  const shown = source.length > 60 ? `${source.slice(0, 57)}…` : source
  const fn = then.enclosing ? info.functions.get(then.enclosing) : undefined
  // Promise.allSettled never rejects: only an error thrown by the handler itself goes unhandled.
  const settled = source.startsWith('Promise.allSettled(')
  const severity: Severity = settled ? 'low' : 'medium'
  return {
    info,
    ...(fn ? { fn } : {}),
    call: then,
    draft: {
      messageId: 'thenWithoutCatch',
      data: { where: whereText(info, then.enclosing), chain: `${shown}.then(…)`, source: shown },
      severity,
      confidence: 'high',
      rationale:
        `Severity ${severity}: the chain is a statement of its own with no .catch() and no second .then() argument, so nothing can observe its failure` +
        `${settled ? '; Promise.allSettled itself never rejects, so only an error thrown by the handler is at stake' : ''}.`,
      evidence: input.quote.evidence(info.module.path, then.loc),
      key: `then:${then.enclosing ?? '<module>'}:${shown}`,
      symbol: then.enclosing ?? '<module>'
    }
  }
}
