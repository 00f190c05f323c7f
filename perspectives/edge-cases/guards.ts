// Which side of a guard throws. A throw/raise whose guard is a condition made only of comparisons
// (joined by one kind of `&&`/`||`/`and`/`or`) can be evaluated for a concrete argument: then the
// spec expects the throw on one side and no throw on the other. Anything we cannot evaluate stays
// unknown and the spec says so (a todo), never a guess.
import type { Comparison, Condition, ThrowSite } from '../../src/model/types.js'
import type { SpecValue } from '../../src/specs/types.js'
import { type Boundary, boundaryOf, subjectOf } from './boundaries.js'

export interface GuardedThrow {
  site: ThrowSite
  /** The condition the throw sits under, when found. */
  condition?: Condition
  /** The throw is in the else branch (Python records the guard as `not (...)`). */
  negated: boolean
  /** The branch is certain: false when a JavaScript `else` could put the throw on the other side. */
  known: boolean
  /**
   * Other conditions on the way to the throw: the ifs around it (must hold) and, for a Python `elif`/`else`,
   * the earlier branches of its chain (must not hold).
   */
  requires: { condition: Condition; holds: boolean }[]
}

export type RowOutcome =
  | { kind: 'throws'; site: ThrowSite; line: number }
  | { kind: 'passes' }
  | { kind: 'no-throw-site' }
  | { kind: 'unknown'; site?: ThrowSite }

const squash = (s: string): string => s.replace(/\s+/g, '')

/** Links each throw of the function to the condition that guards it. */
export function guardedThrows(
  throws: readonly ThrowSite[],
  conditions: readonly Condition[],
  python: boolean,
  lineText: (line: number) => string
): GuardedThrow[] {
  const out: GuardedThrow[] = []
  for (const site of throws) {
    if (site.rethrow) continue
    if (site.guard === undefined) {
      out.push({ site, negated: false, known: false, requires: [] })
      continue
    }
    const find = (text: string): Condition | undefined => {
      let found: Condition | undefined
      for (const c of conditions) {
        if (
          c.text !== text ||
          c.loc.startLine > site.loc.startLine ||
          (c.kind !== 'if' && c.kind !== 'elif')
        )
          continue
        if (!found || c.loc.startLine >= found.loc.startLine) found = c
      }
      return found
    }
    // The guard is an if's own condition, or (Python) `not (...)` of it for a throw in the else branch.
    let condition = find(site.guard)
    let negated = false
    const not = /^not \((.*)\)$/s.exec(site.guard)
    if (!condition && python && not) {
      condition = find(not[1])
      negated = condition !== undefined
    }
    let known = condition !== undefined && (python || !elseBetween(condition, site, lineText))
    const requires: GuardedThrow['requires'] = []
    if (condition && known) {
      if (python) {
        requires.push(
          ...chainBefore(condition, conditions).map((c) => ({ condition: c, holds: false }))
        )
        requires.push(
          ...pythonEnclosing(condition, site, conditions, lineText).map((c) => ({
            condition: c,
            holds: true
          }))
        )
      } else {
        for (const c of conditions) {
          if (c === condition || (c.kind !== 'if' && c.kind !== 'elif') || !contains(c, site))
            continue
          // The throw may be in this if's else branch: which side it needs is not known.
          if (elseBetween(c, site, lineText)) known = false
          requires.push({ condition: c, holds: true })
        }
      }
    }
    out.push({ site, ...(condition ? { condition } : {}), negated, known, requires })
  }
  return out
}

function contains(c: Condition, site: ThrowSite): boolean {
  const starts =
    c.loc.startLine < site.loc.startLine ||
    (c.loc.startLine === site.loc.startLine && c.loc.startColumn < site.loc.startColumn)
  const ends =
    c.loc.endLine > site.loc.startLine ||
    (c.loc.endLine === site.loc.startLine && c.loc.endColumn >= site.loc.endColumn)
  return starts && ends
}

/** The column (0-based) of the `if`/`elif` keyword of a Python condition (the model locates the expression). */
function statementColumn(c: Condition): number {
  return c.loc.startColumn - 1 - (c.kind === 'elif' ? 5 : 3)
}

/** The earlier branches of a Python if/elif chain, back to its `if`. */
function chainBefore(condition: Condition, conditions: readonly Condition[]): Condition[] {
  if (condition.kind !== 'elif') return []
  const column = statementColumn(condition)
  const before = conditions
    .filter(
      (c) =>
        (c.kind === 'if' || c.kind === 'elif') &&
        c.loc.startLine < condition.loc.startLine &&
        statementColumn(c) === column
    )
    .sort((a, b) => b.loc.startLine - a.loc.startLine)
  const chain: Condition[] = []
  for (const c of before) {
    chain.push(c)
    if (c.kind === 'if') break
  }
  return chain
}

const MAX_INDENT_SCAN = 400

/** Python ifs whose block holds the guard: every line between has a deeper indentation. */
function pythonEnclosing(
  condition: Condition,
  site: ThrowSite,
  conditions: readonly Condition[],
  lineText: (line: number) => string
): Condition[] {
  const out: Condition[] = []
  for (const c of conditions) {
    if (
      (c.kind !== 'if' && c.kind !== 'elif') ||
      c === condition ||
      c.loc.startLine >= condition.loc.startLine
    )
      continue
    if (condition.loc.startLine - c.loc.startLine > MAX_INDENT_SCAN) continue
    const column = statementColumn(c)
    if (column >= statementColumn(condition)) continue
    let inside = true
    for (let line = c.loc.endLine + 1; line <= site.loc.startLine && inside; line++) {
      const text = lineText(line)
      if (text.trim() === '' || text.trim().startsWith('#')) continue
      if (text.length - text.trimStart().length <= column) inside = false
    }
    if (inside) out.push(c)
  }
  return out
}

/** A JavaScript `else` between the `if` and the throw means the throw may sit in the else branch. */
function elseBetween(
  condition: Condition,
  site: ThrowSite,
  lineText: (line: number) => string
): boolean {
  for (let line = condition.loc.startLine; line <= site.loc.startLine; line++) {
    let text = lineText(line)
    if (line === site.loc.startLine) text = text.slice(0, Math.max(0, site.loc.startColumn - 1))
    if (line === condition.loc.startLine)
      text = text.slice(Math.max(0, condition.loc.startColumn - 1))
    if (/\belse\b/.test(text)) return true
  }
  return false
}

/** The numeric length of a value, or undefined when it has none. */
function lengthOf(value: SpecValue): number | undefined {
  if (typeof value === 'string') return [...value].length
  if (Array.isArray(value)) return value.length
  if (
    value !== null &&
    typeof value === 'object' &&
    '$repeat' in value &&
    typeof value.times === 'number'
  ) {
    return (value.$repeat as string).length * value.times
  }
  return undefined
}

/** A value as the runtime sees it, for the kinds comparisons can decide; undefined marks "cannot say". */
function runtimeOf(value: SpecValue): { v: unknown } | undefined {
  if (value === null || typeof value !== 'object') return { v: value }
  if (Array.isArray(value)) return undefined
  if ('$special' in value) {
    const map: Record<string, unknown> = {
      undefined,
      NaN: Number.NaN,
      Infinity: Number.POSITIVE_INFINITY,
      '-Infinity': Number.NEGATIVE_INFINITY,
      '-0': -0,
      MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER,
      MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER
    }
    return { v: map[value.$special as string] }
  }
  if ('$repeat' in value && typeof value.times === 'number')
    return { v: (value.$repeat as string).repeat(value.times) }
  return undefined
}

/** Whether `param <op> literal` holds for the value; undefined when the kinds do not compare plainly. */
export function holds(b: Boundary, value: SpecValue): boolean | undefined {
  const { operator, literal } = b
  const negate = operator === '!=' || operator === '!==' || operator === 'is not'
  let subject: unknown
  if (b.subject.length) {
    subject = lengthOf(value)
    if (subject === undefined) return undefined
  } else {
    const r = runtimeOf(value)
    if (!r) return undefined
    subject = r.v
  }
  if (literal === null || literal === 'undefined') {
    const loose = operator === '==' || operator === '!='
    const isNullish =
      literal === null
        ? loose
          ? subject === null || subject === undefined
          : subject === null
        : loose
          ? subject == null
          : subject === undefined
    if (!['==', '===', '!=', '!==', 'is', 'is not'].includes(operator)) return undefined
    return negate ? !isNullish : isNullish
  }
  if (typeof literal === 'number') {
    if (typeof subject !== 'number') return undefined
    switch (operator) {
      case '>':
        return subject > literal
      case '>=':
        return subject >= literal
      case '<':
        return subject < literal
      case '<=':
        return subject <= literal
      case '==':
      case '===':
      case 'is':
        return subject === literal
      case '!=':
      case '!==':
      case 'is not':
        return subject !== literal
    }
    return undefined
  }
  if (!['==', '===', '!=', '!==', 'is', 'is not'].includes(operator)) return undefined
  if (typeof subject !== typeof literal)
    return operator === '===' || operator === '!==' ? negate : undefined
  const equal = subject === literal
  return negate ? !equal : equal
}

/** The arguments of one call by parameter name (parameters left out are absent). */
export type Assignment = ReadonlyMap<string, SpecValue>

/** A number for `n` or `len(s)` from the arguments, when there is one. */
function numberOf(
  expression: string,
  args: Assignment,
  params: ReadonlySet<string>
): number | undefined {
  const subject = subjectOf(expression, params)
  const value = subject ? args.get(subject.param) : undefined
  if (!subject || value === undefined) return undefined
  if (subject.length) return lengthOf(value)
  const r = runtimeOf(value)
  return r && typeof r.v === 'number' ? r.v : undefined
}

/** `quantity > available`: two parameters (or their lengths) compared, both known numbers. */
function betweenParams(
  c: Comparison,
  args: Assignment,
  params: ReadonlySet<string>
): boolean | undefined {
  const left = numberOf(c.left, args, params)
  const right = numberOf(c.right, args, params)
  if (left === undefined || right === undefined) return undefined
  return holds(
    {
      subject: { param: '', length: false },
      operator: c.operator,
      literal: right,
      text: '',
      line: 0
    },
    left
  )
}

/** Evaluates a condition for the arguments: each comparison on a parameter, joined by one operator. */
export function evaluate(
  condition: Condition,
  args: Assignment,
  params: ReadonlySet<string>,
  python = false
): boolean | undefined {
  const parts = condition.comparisons
  if (parts.length === 0) return truthiness(condition.text, args, params, python)
  const results = parts.map((c) => {
    const b = boundaryOf(c, params, condition.loc.startLine)
    if (!b) return betweenParams(c, args, params)
    const value = args.get(b.subject.param)
    return value !== undefined ? holds(b, value) : undefined
  })
  return combine(squash(condition.text), parts, results)
}

/**
 * The condition's text as one kind of join of its comparisons: a single one, `&&`/`and`, `||`/`or`, a
 * Python chain (`1 <= m <= 3` is `1 <= m and m <= 3`), or the negation of one of those.
 */
function combine(
  text: string,
  parts: readonly Comparison[],
  results: readonly (boolean | undefined)[]
): boolean | undefined {
  const negated = /^(?:not|!)\((.*)\)$/s.exec(text)
  if (negated) {
    const inner = combine(negated[1], parts, results)
    return inner === undefined ? undefined : !inner
  }
  const pieces = parts.map((c) => squash(`${c.left}${c.operator}${c.right}`))
  if (pieces.length === 1) return text === pieces[0] ? results[0] : undefined
  const chain = squash(parts[0].left) + parts.map((c) => squash(`${c.operator}${c.right}`)).join('')
  const chained = parts.every((c, i) => i === 0 || squash(c.left) === squash(parts[i - 1].right))
  if (text === pieces.join('&&') || text === pieces.join('and') || (chained && text === chain)) {
    if (results.some((r) => r === false)) return false
    return results.every((r) => r === true) ? true : undefined
  }
  if (text === pieces.join('||') || text === pieces.join('or')) {
    if (results.some((r) => r === true)) return true
    return results.every((r) => r === false) ? false : undefined
  }
  return undefined
}

/** A value's truth as a condition sees it: JavaScript keeps empty arrays and objects true, Python does not. */
function truthy(value: SpecValue, python: boolean): boolean | undefined {
  if (Array.isArray(value)) return python ? value.length > 0 : true
  if (
    value !== null &&
    typeof value === 'object' &&
    !('$special' in value) &&
    !('$repeat' in value)
  ) {
    if ('$code' in value) return undefined
    if ('$date' in value) return true
    return python ? Object.keys(value).length > 0 : true
  }
  const r = runtimeOf(value)
  if (!r) return undefined
  // float('nan') is true in Python, NaN false in JavaScript.
  if (python && typeof r.v === 'number' && Number.isNaN(r.v)) return true
  return Boolean(r.v)
}

/** `!x`, `!x.length`, `not xs`, `x`, `len(xs)`: a parameter (or its length) tested for truth. */
function truthiness(
  text: string,
  args: Assignment,
  params: ReadonlySet<string>,
  python: boolean
): boolean | undefined {
  let t = text.trim()
  let negate = false
  const not = python ? /^not\s+(.*)$/s.exec(t) : /^!(.*)$/s.exec(t)
  if (not) {
    t = not[1]
    negate = true
  }
  const subject = subjectOf(t, params)
  if (!subject) return undefined
  const value = args.get(subject.param)
  if (value === undefined) return undefined
  let result: boolean | undefined
  if (subject.length) {
    const n = lengthOf(value)
    result = n === undefined ? undefined : n > 0
  } else result = truthy(value, python)
  return result === undefined ? undefined : negate ? !result : result
}

/**
 * What calling the function with these arguments does at its throw sites.
 * A throw counts only when its guard holds and no earlier condition that also holds could have
 * returned first; "passes" needs every throw site's guard to be known and false.
 */
export function outcomeFor(
  guarded: readonly GuardedThrow[],
  conditions: readonly Condition[],
  args: Assignment,
  params: ReadonlySet<string>,
  python = false
): RowOutcome {
  if (guarded.length === 0) return { kind: 'no-throw-site' }
  let unknown: ThrowSite | undefined
  const ordered = [...guarded].sort(
    (a, b) =>
      a.site.loc.startLine - b.site.loc.startLine || a.site.loc.startColumn - b.site.loc.startColumn
  )
  for (const g of ordered) {
    const r = g.condition && g.known ? evaluate(g.condition, args, params, python) : undefined
    let fires = r === undefined ? undefined : g.negated ? !r : r
    for (const need of g.requires) {
      if (fires === false) break
      const v = evaluate(need.condition, args, params, python)
      if (v === undefined) fires = undefined
      else if (v !== need.holds) fires = false
    }
    if (fires === false) continue
    if (fires === undefined) {
      unknown ??= g.site
      continue
    }
    if (unknown) return { kind: 'unknown', site: unknown }
    const guardLine = g.condition?.loc.startLine ?? g.site.loc.startLine
    const earlierExit = conditions.some(
      (c) =>
        c !== g.condition &&
        !g.requires.some((r) => r.condition === c) &&
        c.loc.startLine < guardLine &&
        c.loc.endLine < g.site.loc.startLine &&
        evaluate(c, args, params, python) === true
    )
    return earlierExit
      ? { kind: 'unknown', site: g.site }
      : { kind: 'throws', site: g.site, line: g.site.loc.startLine }
  }
  return unknown ? { kind: 'unknown', site: unknown } : { kind: 'passes' }
}
