// Boundary values read from the code: every comparison of a parameter (or its length) with a literal
// gives the values on both sides of it. `n > 100` gives 100 and 101, `n >= 0` gives -1 and 0,
// `len(s) == 0` gives "" and "a", `x.length > 3` gives lengths 3 and 4, `s === 'x'` gives 'x' and a
// near miss. The compared expression is mapped back to a parameter by its text as the model
// recorded it: the parameter's name, `name.length` / `name?.length`, or `len(name)`.
import type { Comparison, Condition } from '../../src/model/types.js'
import type { SpecValue } from '../../src/specs/types.js'
import type { CandidateValue, TypeInfo } from './type-values.js'

/** What a comparison is about: the parameter itself or its length. */
export interface Subject {
  param: string
  length: boolean
}

/** A comparison normalised so that the parameter side is on the left. */
export interface Boundary {
  subject: Subject
  operator: string
  literal: string | number | boolean | null | 'undefined'
  /** The literal is a BigInt (`0n`, kept as written in `literal`): its values are BigInts, never strings. */
  bigint?: true
  text: string
  line: number
}

const FLIP: Record<string, string> = { '>': '<', '>=': '<=', '<': '>', '<=': '>=' }
const LIMIT_LENGTH = 1000

/** `n`, `(n)`, `s.length`, `s?.length`, `len(s)` against the parameter names; undefined otherwise. */
export function subjectOf(expression: string, params: ReadonlySet<string>): Subject | undefined {
  let t = expression.trim()
  while (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1).trim()
  if (params.has(t)) return { param: t, length: false }
  const member = /^([A-Za-z_$][\w$]*)\??\.length$/.exec(t)
  if (member && params.has(member[1])) return { param: member[1], length: true }
  const len = /^len\(\s*([A-Za-z_]\w*)\s*\)$/.exec(t)
  if (len && params.has(len[1])) return { param: len[1], length: true }
  return undefined
}

/** The comparisons of a condition that vary a parameter against a literal, parameter side first. */
export function boundariesOf(condition: Condition, params: ReadonlySet<string>): Boundary[] {
  const out: Boundary[] = []
  for (const c of condition.comparisons) {
    const b = boundaryOf(c, params, condition.loc.startLine)
    if (b) out.push(b)
  }
  return out
}

const OPERATORS = new Set(['>', '>=', '<', '<=', '==', '===', '!=', '!==', 'is', 'is not'])

export function boundaryOf(
  c: Comparison,
  params: ReadonlySet<string>,
  line: number
): Boundary | undefined {
  if (!OPERATORS.has(c.operator)) return undefined
  let subjectText: string
  let operator = c.operator
  let literal: Boundary['literal']
  // JavaScript's `undefined` may arrive as a null literal: the text tells them apart.
  const literalOf = (text: string, value: Comparison['literal']): Boundary['literal'] =>
    value === null && text.trim() === 'undefined' ? 'undefined' : (value as Boundary['literal'])
  if (c.literalSide === 'right' && c.literal !== undefined) {
    subjectText = c.left
    literal = literalOf(c.right, c.literal)
  } else if (c.literalSide === 'left' && c.literal !== undefined) {
    subjectText = c.right
    literal = literalOf(c.left, c.literal)
    operator = FLIP[operator] ?? operator
  } else if (c.right.trim() === 'undefined') {
    subjectText = c.left
    literal = 'undefined'
  } else if (c.left.trim() === 'undefined') {
    subjectText = c.right
    literal = 'undefined'
  } else return undefined
  const subject = subjectOf(subjectText, params)
  if (!subject) return undefined
  return {
    subject,
    operator,
    literal,
    ...(c.literalBigint ? { bigint: true as const } : {}),
    text: `${c.left} ${c.operator} ${c.right}`,
    line
  }
}

/** A boundary where an off-by-one or a near miss can hide: a number, a length or a string, not a null or boolean check. */
export function isValueBoundary(b: Boundary): boolean {
  return (
    b.subject.length ||
    typeof b.literal === 'number' ||
    (typeof b.literal === 'string' && b.literal !== 'undefined')
  )
}

function decimals(n: number): number {
  const s = String(n)
  const dot = s.indexOf('.')
  return dot < 0 || s.includes('e') ? 0 : s.length - dot - 1
}

/** The numbers on both sides of `x <op> n`: the side where it holds and the side where it does not. */
export function numbersAround(operator: string, n: number): number[] {
  const places = decimals(n)
  const step = places === 0 ? 1 : Number(`1e-${places + 1}`)
  const round = (x: number): number => (places === 0 ? x : Number(x.toFixed(places + 1)))
  switch (operator) {
    case '>':
    case '<=':
      return [n, round(n + step)]
    case '>=':
    case '<':
      return [round(n - step), n]
    case '==':
    case '===':
    case '!=':
    case '!==':
    case 'is':
    case 'is not':
      return [round(n - step), n, round(n + step)]
    default:
      return []
  }
}

/** A string that almost equals `s`: the other letter case, else a trailing space. */
export function nearMiss(s: string): string {
  const upper = s.toUpperCase()
  if (upper !== s) return upper
  const lower = s.toLowerCase()
  return lower !== s ? lower : `${s} `
}

const EQUALITY = new Set(['==', '===', '!=', '!==', 'is', 'is not'])

/** The values one boundary gives for its parameter, checked against what the parameter's type allows. */
export function boundaryValues(b: Boundary, info: TypeInfo, python: boolean): CandidateValue[] {
  const source = `\`${b.text}\` (line ${b.line})`
  const make = (value: SpecValue, label: string): CandidateValue => ({
    value,
    label,
    source,
    line: b.line
  })
  const { literal } = b
  if (b.bigint) {
    if (
      python ||
      b.subject.length ||
      typeof literal !== 'string' ||
      !['unknown', 'number', 'integer'].includes(info.kind)
    )
      return []
    const n = BigInt(literal.replace(/n$/, ''))
    const around = numbersAround(b.operator, 0).map((d) => n + BigInt(d))
    return around.map((v) => make({ $bigint: v.toString() }, `${v}n`))
  }
  if (b.subject.length) {
    if (typeof literal !== 'number' || !Number.isInteger(literal)) return []
    const lengths = numbersAround(b.operator, literal).filter((n) => n >= 0 && n <= LIMIT_LENGTH)
    if (info.kind === 'array') {
      const element = info.elements?.[0]
      if (element === undefined)
        return lengths.filter((n) => n === 0).map((n) => make([], `length ${n}`))
      return lengths
        .filter((n) => n <= 50)
        .map((n) =>
          make(
            Array.from({ length: n }, () => element),
            `length ${n}`
          )
        )
    }
    if (info.kind !== 'string' && info.kind !== 'unknown') return []
    return lengths.map((n) =>
      make(n <= 20 ? 'a'.repeat(n) : { $repeat: 'a', times: n }, `length ${n}`)
    )
  }
  if (literal === null) {
    if (!EQUALITY.has(b.operator)) return []
    if (!python && info.typed && !info.nullable) return []
    return [make(null, python ? 'None' : 'null')]
  }
  if (literal === 'undefined') {
    if (python || (info.typed && !info.undefinable)) return []
    return [make({ $special: 'undefined' }, 'undefined')]
  }
  if (typeof literal === 'number') {
    if (!['number', 'integer', 'float', 'unknown'].includes(info.kind)) return []
    if (info.kind === 'integer' && !Number.isInteger(literal)) return []
    return numbersAround(b.operator, literal).map((n) => make(n, String(n)))
  }
  if (typeof literal === 'boolean') {
    if (!EQUALITY.has(b.operator) || !['boolean', 'unknown'].includes(info.kind)) return []
    const label = (v: boolean): string => (python ? (v ? 'True' : 'False') : String(v))
    return [make(literal, label(literal)), make(!literal, label(!literal))]
  }
  // A string literal: equality gives the literal and a near miss; ordering comparisons are left alone.
  // Escapes may be recorded as written (Python keeps `\\n` as two characters): such a literal is left out.
  if (!EQUALITY.has(b.operator) || literal.includes('\\')) return []
  if (info.kind === 'literals') {
    return (info.literals ?? []).includes(literal) ? [make(literal, JSON.stringify(literal))] : []
  }
  if (info.kind !== 'string' && info.kind !== 'unknown') return []
  const miss = nearMiss(literal)
  return [make(literal, JSON.stringify(literal)), make(miss, `${JSON.stringify(miss)} (near miss)`)]
}
