// What the engine and the perspectives compute the same way: a finding's id, the default risk score
// and the one severity order. With types.ts and define.ts this is the whole contract; src/ imports
// nothing else of perspectives/ but the registry (index.ts).
import { shortHash } from '../src/util/hash.js'
import type { Confidence, Finding, Severity } from './types.js'

/**
 * The id of a finding: the engine gives it with this function, and a spec names the findings it
 * covers with it before the engine has run. A repeat of the same id gets a `-2`, `-3` suffix.
 */
export function findingId(
  perspective: string,
  messageId: string,
  file: string | null,
  key: string
): string {
  return `${perspective}/${messageId}/${shortHash(`${file ?? ''}|${key}`)}`
}

/** Most severe first: the order of findings, tables and counts everywhere. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info']

/** A severity's place in SEVERITIES (0 = critical), for sorting. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  info: 4
}

export type SeverityCounts = Record<Severity, number>

export function severityCounts(findings: readonly Pick<Finding, 'severity'>[]): SeverityCounts {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}

/** `1 high, 3 medium`, or `none`. */
export function countsText(counts: SeverityCounts): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`)
  return parts.length > 0 ? parts.join(', ') : 'none'
}

// The default risk score of a run (0-100), documented in README ("Risk score").
// Each finding weighs severity x confidence; the sum saturates so that a few critical findings
// dominate and hundreds of low ones cannot reach 100:
//   risk = round(100 * (1 - exp(-sum(weight) / 50)))
export const SEVERITY_WEIGHT: Record<Severity, number> = {
  critical: 25,
  high: 10,
  medium: 4,
  low: 1,
  info: 0
}
export const CONFIDENCE_FACTOR: Record<Confidence, number> = { high: 1, medium: 0.7, low: 0.4 }

export function riskScore(findings: Pick<Finding, 'severity' | 'confidence'>[]): number {
  let sum = 0
  for (const f of findings) sum += SEVERITY_WEIGHT[f.severity] * CONFIDENCE_FACTOR[f.confidence]
  return Math.round(100 * (1 - Math.exp(-sum / 50)))
}
