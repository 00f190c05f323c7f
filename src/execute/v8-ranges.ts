// V8 block coverage, per script, is a tree of ranges: a block is listed only where its count differs
// from the range around it, and the innermost range holding a byte says how often it ran. That holds
// inside one script of one process only. Two test files run by node --test are two processes: the
// first takes an `if` and lists its `else` with count 0, the second takes the `else` and lists the
// `if` with count 0. Pooling both lists and asking "innermost range" then says neither branch ran.
// So each script is first flattened into disjoint segments with their own counts, and the segments of
// all scripts are then added up: a byte ran when it ran in any process.
import type { V8Range } from './coverage.js'

/** One script's nested ranges as disjoint segments, each with the count of its innermost range. */
export function flattenScript(ranges: readonly V8Range[]): V8Range[] {
  const sorted = [...ranges].sort(
    (a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset
  )
  const out: V8Range[] = []
  const stack: V8Range[] = []
  let at = 0
  const emit = (to: number, count: number): void => {
    if (to > at) out.push({ startOffset: at, endOffset: to, count })
    at = Math.max(at, to)
  }
  for (const range of sorted) {
    while (stack.length > 0 && stack[stack.length - 1].endOffset <= range.startOffset) {
      const closed = stack.pop()!
      emit(closed.endOffset, closed.count)
    }
    const parent = stack[stack.length - 1]
    if (parent) emit(range.startOffset, parent.count)
    else at = range.startOffset
    // V8's ranges nest; one that does not is cut at its parent's end.
    const end = parent ? Math.min(range.endOffset, parent.endOffset) : range.endOffset
    stack.push({ startOffset: range.startOffset, endOffset: end, count: range.count })
  }
  while (stack.length > 0) {
    const closed = stack.pop()!
    emit(closed.endOffset, closed.count)
  }
  return out
}

/**
 * Disjoint segments of several scripts added up: each stretch covered by at least one script, with the
 * sum of their counts; neighbouring stretches with the same count are joined.
 */
export function addScripts(scripts: readonly (readonly V8Range[])[]): V8Range[] {
  const events: { at: number; count: number; depth: number }[] = []
  for (const segments of scripts)
    for (const s of segments) {
      events.push({ at: s.startOffset, count: s.count, depth: 1 })
      events.push({ at: s.endOffset, count: -s.count, depth: -1 })
    }
  events.sort((a, b) => a.at - b.at)
  const out: V8Range[] = []
  let count = 0
  let depth = 0
  for (let i = 0; i < events.length; i++) {
    count += events[i].count
    depth += events[i].depth
    const from = events[i].at
    const to = events[i + 1]?.at
    if (to === undefined || to === from || depth <= 0) continue
    const last = out[out.length - 1]
    if (last && last.endOffset === from && last.count === count) last.endOffset = to
    else out.push({ startOffset: from, endOffset: to, count })
  }
  return out
}
