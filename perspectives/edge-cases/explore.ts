// Rows to try for a function whose arguments have no type to build a value from: the literal
// arguments the project's own tests pass it, its literal defaults, the catalogue's boundary values, and
// a few plain values. Nothing here claims a result: the validation stage calls each row and keeps
// those whose outcome it can observe (a plain value or a typed error) as the spec's assertions.
import {
  AS_CALLED_IN,
  type CallSpecBody,
  type SpecCase,
  type SpecValue
} from '../../src/specs/types.js'
import { argumentValue, type TestCall } from '../shared/test-calls.js'
import type { FunctionEntry } from './catalogue.js'
import { isPython } from './type-values.js'
import { declaredContract, literalDefault } from './specs.js'

export {
  argumentValue,
  callsOf,
  testCallsOf,
  type TestCall,
  type TestCalls
} from '../shared/test-calls.js'

const PLAIN_JS: SpecValue[] = ['example', '', 0, 1, -1, null, [], {}, true]
const PLAIN_PY: SpecValue[] = ['example', '', 0, 1, -1, null, [], {}, true]

const MAX_ROWS = 14
const MAX_PER_PARAM = 7
/** A function with lines the suite never ran tries more: the rows that reach them are the point. */
const MAX_ROWS_UNRUN = 22
const MAX_PER_PARAM_UNRUN = 11

function label(value: SpecValue): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/**
 * The lines of the conditions that guard a line the suite never ran (the condition's own line or its
 * body): the values compared there are the ones that can take the other side.
 */
export function guardingUnrun(entry: FunctionEntry, unrun: ReadonlySet<number>): Set<number> {
  const lines = new Set<number>()
  if (unrun.size === 0) return lines
  const starts = [...new Set(entry.conditions.map((c) => c.loc.startLine))].sort((a, b) => a - b)
  for (const c of entry.conditions) {
    // A JavaScript condition's place spans its statement; a Python one only its test expression, so
    // its body is taken as the lines up to the next condition (or the function's end).
    const end =
      c.loc.endLine > c.loc.startLine
        ? c.loc.endLine
        : (starts.find((s) => s > c.loc.startLine) ?? entry.fn.loc.endLine + 1) - 1
    for (let line = c.loc.startLine; line <= end; line++)
      if (unrun.has(line)) {
        lines.add(c.loc.startLine)
        break
      }
  }
  return lines
}

/**
 * The rows to try: each test call whose arguments are all literals, then each parameter varied over
 * its pool with the others held at their first value. Undefined when no row can be built. When the
 * suite left lines of the function unrun (`unrun`), each pool starts with the values of the
 * conditions guarding them, and more values are tried.
 */
export function exploreBody(
  entry: FunctionEntry,
  symbol: string,
  calls: readonly TestCall[],
  unrun: ReadonlySet<number> = new Set()
): CallSpecBody | undefined {
  const hot = guardingUnrun(entry, unrun)
  const maxRows = unrun.size > 0 ? MAX_ROWS_UNRUN : MAX_ROWS
  const maxPerParam = unrun.size > 0 ? MAX_PER_PARAM_UNRUN : MAX_PER_PARAM
  const { module, fn } = entry
  const language = module.language
  const python = isPython(language)
  const params = entry.params.filter((p) => !(python && p.param.keywordOnly))
  const required = (i: number): boolean =>
    !params[i].param.optional && params[i].param.defaultValue === undefined
  let lastRequired = -1
  let last = -1
  params.forEach((p, i) => {
    if (required(i)) lastRequired = last = i
    // An optional parameter compared in a condition guarding unrun lines is varied too.
    else if (p.values.some((v) => v.line !== undefined && hot.has(v.line))) last = i
  })
  const cases: SpecCase[] = []
  const seen = new Set<string>()
  const add = (name: string, args: SpecValue[]): void => {
    const key = JSON.stringify(args)
    if (seen.has(key) || cases.length >= maxRows) return
    seen.add(key)
    cases.push({ name, args, expect: { kind: 'does-not-throw' } })
  }
  // Calls as the tests write them.
  const written: SpecValue[][] = []
  for (const call of calls) {
    if (call.args.length > params.length || call.args.length < lastRequired + 1) continue
    const values = call.args.map((a) => argumentValue(a, language))
    if (values.some((v) => v === undefined)) continue
    written.push(values as SpecValue[])
    add(`${AS_CALLED_IN}${call.test}:${call.line}`, values as SpecValue[])
    if (written.length >= 4) break
  }
  // A pool per parameter up to the last required one.
  const pools: SpecValue[][] = []
  for (let i = 0; i <= last; i++) {
    const p = params[i]
    const pool: SpecValue[] = []
    const push = (v: SpecValue | undefined): void => {
      if (v === undefined || pool.length >= maxPerParam) return
      if (!pool.some((x) => JSON.stringify(x) === JSON.stringify(v))) pool.push(v)
    }
    for (const v of p.values) if (v.line !== undefined && hot.has(v.line)) push(v.value)
    for (const w of written) push(w[i])
    push(literalDefault(p.param))
    for (const v of p.values) push(v.value)
    for (const v of python ? PLAIN_PY : PLAIN_JS) push(v)
    pools.push(pool)
  }
  if (pools.length === 0) return cases.length > 0 ? body() : undefined
  const base = pools.map(
    (pool, i) =>
      written[0]?.[i] ?? (i > lastRequired ? literalDefault(params[i].param) : undefined) ?? pool[0]
  )
  for (const [k, pool] of pools.entries()) {
    for (const v of pool) {
      const args = base.slice()
      args[k] = v
      add(`${params[k].param.name} = ${label(v)}`, args)
    }
  }
  return cases.length > 0 ? body() : undefined

  function body(): CallSpecBody {
    return {
      kind: 'call',
      module: module.path,
      symbol,
      async: fn.async,
      cases,
      ...declaredContract(entry)
    }
  }
}
