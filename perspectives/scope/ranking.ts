// Ranked test targets: which public units to test first. The formula is documented in README.md:
//   score = 100 * (0.25 * size + 0.30 * complexity + 0.20 * fanIn + 0.25 * untested)
// Each component is in [0, 1]; size, complexity and fan-in grow logarithmically and saturate, so one
// giant function cannot drown every other signal.
import type { Importer } from '../shared/graph.js'
import { symbolFanIn } from '../shared/graph.js'
import type { TestReach, UnitReach } from '../shared/reach.js'
import { unitReach } from '../shared/reach.js'
import type { MeasuredReach } from '../shared/test-reach.js'
import type { PublicUnit } from '../shared/units.js'

export const WEIGHTS = { size: 0.25, complexity: 0.3, fanIn: 0.2, untested: 0.25 } as const
/** Values at which a component saturates at 1. */
export const SATURATION = { lines: 200, maxComplexity: 20, sumComplexity: 60, fanIn: 10 } as const
export const UNTESTED_VALUE: Record<UnitReach, number> = {
  unreached: 1,
  indirect: 0.75,
  'module-imported': 0.5,
  referenced: 0
}

export interface RankedTarget {
  rank: number
  file: string
  symbol: string
  kind: PublicUnit['kind']
  line: number
  score: number
  lines: number
  maxComplexity: number
  sumComplexity: number
  fanIn: number
  reach: UnitReach
  /** From a coverage report that still describes the file; absent when the reach is the static estimate. */
  measured?: MeasuredReach
  components: { size: number; complexity: number; fanIn: number; untested: number }
}

/** log2(1 + x) / log2(1 + cap), capped at 1: 0 at 0, 1 at the cap. */
export function saturate(x: number, cap: number): number {
  if (x <= 0) return 0
  return Math.min(1, Math.log2(1 + x) / Math.log2(1 + cap))
}

export function scoreUnit(
  unit: PublicUnit,
  fanIn: number,
  reach: UnitReach
): { score: number; components: RankedTarget['components'] } {
  const components = {
    size: round2(saturate(unit.lines, SATURATION.lines)),
    complexity: round2(
      0.7 * saturate(unit.maxComplexity, SATURATION.maxComplexity) +
        0.3 * saturate(unit.sumComplexity, SATURATION.sumComplexity)
    ),
    fanIn: round2(saturate(fanIn, SATURATION.fanIn)),
    untested: UNTESTED_VALUE[reach]
  }
  const score =
    100 *
    (WEIGHTS.size * components.size +
      WEIGHTS.complexity * components.complexity +
      WEIGHTS.fanIn * components.fanIn +
      WEIGHTS.untested * components.untested)
  return { score: Math.round(score), components }
}

/** Every public unit scored and sorted: highest score first, then by file and name for a stable order. */
export function rankTargets(
  units: PublicUnit[],
  importers: Map<string, Importer[]>,
  reach: TestReach,
  measuredOf: (unit: PublicUnit) => MeasuredReach | undefined = () => undefined
): RankedTarget[] {
  const ranked = units.map((unit) => {
    const fanIn = symbolFanIn(importers, unit.module, unit.exportNames)
    const measured = measuredOf(unit)
    // A report decides: what ran (or is excluded by the project) is tested, what never ran is not.
    const unitReached: UnitReach =
      measured === 'not-run'
        ? 'unreached'
        : measured
          ? 'referenced'
          : unitReach(reach, unit.module, [...unit.exportNames, unit.name])
    const { score, components } = scoreUnit(unit, fanIn, unitReached)
    return {
      rank: 0,
      file: unit.module,
      symbol: unit.qualifiedName,
      kind: unit.kind,
      line: unit.loc.startLine,
      score,
      lines: unit.lines,
      maxComplexity: unit.maxComplexity,
      sumComplexity: unit.sumComplexity,
      fanIn,
      reach: unitReached,
      ...(measured ? { measured } : {}),
      components
    }
  })
  ranked.sort(
    (a, b) => b.score - a.score || a.file.localeCompare(b.file) || a.symbol.localeCompare(b.symbol)
  )
  ranked.forEach((t, i) => (t.rank = i + 1))
  return ranked
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}

/**
 * The run's risk (0-100): the share of the ranking's weight that tests do not reach,
 *   risk = 100 * sum(score * untested) / sum(score)
 * so it reads "how much of what matters is untested", whatever the size of the repository and
 * however many findings the caps let through. Undefined without targets (the default formula applies).
 */
export function scopeRisk(targets: RankedTarget[]): number | undefined {
  let weight = 0
  let untested = 0
  for (const t of targets) {
    weight += t.score
    untested += t.score * t.components.untested
  }
  return weight > 0 ? Math.round((100 * untested) / weight) : undefined
}
