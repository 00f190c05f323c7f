// Values that take each side of an uncovered condition: a parameter compared with a literal gives the
// literal and its neighbour (`n > 100` gives 100 and 101), so a table can run both branches.
import type { Comparison, Condition, FunctionDecl, ThrowSite } from '../../src/model/types.js'

export interface BoundaryCase {
  param: string
  value: string | number
  /** Whether the comparison holds for this value. */
  holds: boolean
  comparison: string
}

const FLIP: Record<string, string> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=' }

/** The parameter a comparison reads directly (`n`, or `self.n`-free plain names only), and the operator seen from it. */
function paramSide(
  c: Comparison,
  params: ReadonlySet<string>
): { param: string; operator: string } | undefined {
  if (c.literal === undefined || c.literal === null || typeof c.literal === 'boolean')
    return undefined
  const other = c.literalSide === 'left' ? c.right.trim() : c.left.trim()
  if (!params.has(other)) return undefined
  const operator = c.literalSide === 'left' ? (FLIP[c.operator] ?? c.operator) : c.operator
  return { param: other, operator }
}

function holds(
  operator: string,
  value: string | number,
  literal: string | number
): boolean | undefined {
  switch (operator) {
    case '>':
      return value > literal
    case '>=':
      return value >= literal
    case '<':
      return value < literal
    case '<=':
      return value <= literal
    case '==':
    case '===':
      return value === literal
    case '!=':
    case '!==':
      return value !== literal
    default:
      return undefined
  }
}

/** Both sides of each single-comparison condition on a parameter; nothing for compound or computed conditions. */
export function boundaryCases(fn: FunctionDecl, conditions: readonly Condition[]): BoundaryCase[] {
  const params = new Set(fn.params.map((p) => p.name))
  const out: BoundaryCase[] = []
  const seen = new Set<string>()
  for (const condition of conditions) {
    if (condition.comparisons.length !== 1) continue
    const c = condition.comparisons[0]
    const side = paramSide(c, params)
    if (!side) continue
    const literal = c.literal as string | number
    const values: (string | number)[] =
      typeof literal === 'number'
        ? [literal - 1, literal, literal + 1]
        : [literal, `${literal}-other`]
    for (const value of values) {
      const h = holds(side.operator, value, literal)
      if (h === undefined) continue
      const key = `${side.param}=${JSON.stringify(value)}`
      if (seen.has(key)) continue
      // Two values per comparison: the literal and the neighbour on the other side of it.
      if (
        typeof literal === 'number' &&
        value !== literal &&
        holds(side.operator, literal, literal) === h
      )
        continue
      seen.add(key)
      out.push({
        param: side.param,
        value,
        holds: h,
        comparison: `${c.left} ${c.operator} ${c.right}`
      })
    }
  }
  return out
}

/** The throw a boundary value triggers: a throw whose guard is exactly that comparison and the value makes it hold. */
export function throwFor(
  caseValue: BoundaryCase,
  throws: readonly ThrowSite[]
): ThrowSite | undefined {
  if (!caseValue.holds) return undefined
  return throws.find(
    (t) => t.guard !== undefined && normalise(t.guard) === normalise(caseValue.comparison)
  )
}

const normalise = (text: string): string => text.replace(/^\(|\)$/g, '').replace(/\s+/g, '')
