// Who in the repository receives an error that escapes a function, and which of those callers deal
// with it: in a try of their own, or further up (every call path from them reaches a try that
// catches it: pyjwt's bytes_to_number <- raw_to_der_signature <- ECAlgorithm.verify, which catches
// ValueError). A finding then says what the model saw instead of "it escapes to the caller" (judged
// partly true nearly every time in round 4: a caller handled it).
import type { CallerRef, CodeModel, FunctionDecl } from '../../src/model/types.js'
import { catchesAny } from '../shared/guards.js'

/** Module path -> qualified name -> function. */
export type FunctionIndex = Map<string, Map<string, FunctionDecl>>

export function functionIndex(model: CodeModel): FunctionIndex {
  const index: FunctionIndex = new Map()
  for (const m of model.modules)
    index.set(m.path, new Map(m.functions.map((f) => [f.qualifiedName, f])))
  return index
}

export interface CallerView {
  /** Calls of the function from the repository's non-test code. */
  total: number
  /** Calls that catch the error, in their own try or further up every path from them. */
  catching: CallerRef[]
  /** The calls that let it through. */
  open: CallerRef[]
  /** A catch further up: the first such chain (`raw_to_der_signature <- ECAlgorithm.verify`). */
  via?: string
}

/** How far up the call graph a catch is looked for: a caller's caller's caller. */
const MAX_DEPTH = 3

/**
 * The function's callers split by whether they deal with an error of `types` (Python handler names;
 * empty: any handler). Undefined without a function.
 */
export function callerView(
  fn: FunctionDecl | undefined,
  types: string[],
  index: FunctionIndex,
  depth = MAX_DEPTH,
  seen: Set<FunctionDecl> = new Set()
): CallerView | undefined {
  if (!fn) return undefined
  const callers = fn.callers ?? []
  const view: CallerView = { total: callers.length, catching: [], open: [] }
  seen.add(fn)
  for (const c of callers) {
    if (c.handled && catchesAny(c.catches, types)) {
      view.catching.push(c)
      continue
    }
    const up = c.enclosing !== undefined ? index.get(c.path)?.get(c.enclosing) : undefined
    if (up && depth > 1 && !seen.has(up)) {
      const above = callerView(up, types, index, depth - 1, seen)
      if (above && above.total > 0 && above.open.length === 0) {
        view.catching.push(c)
        view.via ??= [up.qualifiedName, above.via ?? above.catching[0]?.enclosing]
          .filter((x): x is string => x !== undefined)
          .join(' <- ')
        continue
      }
    }
    view.open.push(c)
  }
  seen.delete(fn)
  return view
}

/** `raw_to_der_signature in jwt/utils.py:90`. */
export function callerPlace(c: CallerRef): string {
  return `${c.enclosing ?? 'module level'} in ${c.path}:${c.line}`
}
