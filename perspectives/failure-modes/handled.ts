// Whether a place in a function is inside a try whose handler catches what fails there. The model's
// TryBlock spans the whole statement; the protected body is what comes before the first handler, so a
// call inside a catch or finally block is not protected by that try.
import type {
  CatchHandler,
  Location,
  ModuleModel,
  ThrowSite,
  TryBlock
} from '../../src/model/types.js'
import { handlerCatches } from './catalogue.js'
import { startsBefore, within } from '../kit/index.js'

export type Effect = 'propagates' | 'handled' | 'swallowed'

export interface Handling {
  effect: Effect
  /** The handler that catches it, when one does. */
  handler?: CatchHandler
  tryLine?: number
  /** The handler throws an error of its own instead (recorded as an explicit throw): the type, when known. */
  convertedTo?: string
  /**
   * The handler looks at what it caught and rethrows only some of it (`if (e.code === 'ENOENT') return;
   * throw e`): the condition it rethrows under, e.g. `e.code === 'ENOENT'`.
   */
  selective?: string
}

export interface TryIndex {
  tries: Map<string, TryBlock[]>
  throws: ThrowSite[]
  /** Calls that turn their arguments' failures into results: `Promise.allSettled(...)`, Python's
   * `asyncio.gather(..., return_exceptions=True)`. */
  settling: Location[]
}

/** Index of a module's tries by enclosing function, for repeated look-ups. */
export function tryIndex(module: ModuleModel): TryIndex {
  const settling = module.calls
    .filter(
      (c) =>
        c.callee === 'Promise.allSettled' ||
        (c.callee === 'asyncio.gather' &&
          c.args.some((a) => /^return_exceptions\s*=\s*True$/.test(a.trim())))
    )
    .map((c) => c.loc)
  return { tries: triesByFunction(module), throws: module.throws, settling }
}

function triesByFunction(module: ModuleModel): Map<string, TryBlock[]> {
  const map = new Map<string, TryBlock[]>()
  for (const t of module.tries) {
    if (t.handlers.length === 0) continue // try/finally catches nothing
    const key = t.enclosing ?? ''
    const list = map.get(key) ?? []
    list.push(t)
    map.set(key, list)
  }
  return map
}

/**
 * `try: n = int(key) except ValueError: pass else: ...`: a typed handler beside an `else` clause is the
 * "no" answer of a test (is this key a number?), not an error dropped (judged false on pyflakes).
 */
function probe(t: TryBlock, handler: CatchHandler): boolean {
  return (
    t.hasElse === true &&
    !handler.bare &&
    handler.types.length > 0 &&
    !handler.types.some((x) => x === 'Exception' || x === 'BaseException')
  )
}

/**
 * A handler whose every re-raise of the caught error sits under a check of that error, made inside the
 * handler (`if (e.code !== 'ENOENT') throw e`, `if e.errno != errno.ENOENT: raise`): it deals with the
 * errors it expects and passes on the rest on purpose (judged false on fastify-static's statSync). The
 * check's text, else undefined.
 */
function selectiveRethrow(index: TryIndex, handler: CatchHandler): string | undefined {
  const param = handler.param
  if (!param) return undefined
  const rethrows = index.throws.filter((s) => s.rethrow && within(s.loc, handler.loc))
  if (rethrows.length === 0) return undefined
  const mentions = new RegExp(`(^|[^\\w$.])${param.replace(/\$/g, '\\$')}\\b`)
  let check: string | undefined
  for (const site of rethrows) {
    const guard = site.context?.guards.find(
      (g) =>
        g.line >= handler.loc.startLine &&
        (g.kind === 'if' || g.kind === 'else' || g.kind === 'early-exit') &&
        mentions.test(g.text)
    )
    if (!guard) return undefined
    check ??= guard.text
  }
  return check
}

/**
 * How an error raised at `loc` in function `enclosing` ends: caught by a handler of a try around it in
 * the same function (handled, or swallowed when the handler is empty, only logs or only passes), or
 * propagating out of the function. A handler that rethrows lets it propagate.
 */
export function handling(
  index: TryIndex,
  enclosing: string | undefined,
  loc: Location,
  caughtBy: readonly string[]
): Handling {
  let best: Handling | undefined
  let bestStart = -1
  for (const t of index.tries.get(enclosing ?? '') ?? []) {
    const firstHandler = t.handlers.reduce((a, h) => (startsBefore(h.loc, a.loc) ? h : a))
    if (startsBefore(loc, t.loc) || !startsBefore(loc, firstHandler.loc)) continue
    const handler = t.handlers.find((h) => handlerCatches(h.types, caughtBy))
    if (!handler) continue
    // A handler that throws its own error converts the failure (its throw is a mode of its own);
    // one that only rethrows what it caught lets it through.
    const converts = handler.rethrows
      ? index.throws.find((s) => !s.rethrow && within(s.loc, handler.loc))
      : undefined
    const selective = handler.rethrows && !converts ? selectiveRethrow(index, handler) : undefined
    if (handler.rethrows && !converts && selective === undefined) continue
    // The innermost try decides.
    if (t.loc.startLine < bestStart) continue
    bestStart = t.loc.startLine
    best = selective
      ? { effect: 'handled', handler, tryLine: t.loc.startLine, selective }
      : converts
        ? {
            effect: 'handled',
            handler,
            tryLine: t.loc.startLine,
            convertedTo: converts.errorType ?? 'another error'
          }
        : // Silent only when nothing happens or it is only logged; `return None` / `pass` after a typed except is a designed fallback.
          {
            effect:
              (handler.empty || handler.onlyLogs) && !probe(t, handler) ? 'swallowed' : 'handled',
            handler,
            tryLine: t.loc.startLine
          }
  }
  if (best) return best
  // Inside `Promise.allSettled(files.map(async (f) => { await fs.access(f) }))` a rejection is a result the
  // caller reads (lint-staged filters the rejected ones out on purpose: judged false in round 6).
  const settled = index.settling.find((at) => within(loc, at) && !sameStart(loc, at))
  return settled ? { effect: 'handled', tryLine: settled.startLine } : { effect: 'propagates' }
}

function sameStart(a: Location, b: Location): boolean {
  return a.startLine === b.startLine && a.startColumn === b.startColumn
}
