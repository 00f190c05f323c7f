// How much one finding weighs when big-picture adds findings up (hotspots, backlog, readiness). The
// scale is steep on purpose: one critical finding outweighs a file full of low ones.
import type { Confidence, Finding, Severity } from '../types.js'

// Counting by severity is the contract's: the tables read the same as the summary's.
export { countsText, SEVERITIES, severityCounts, type SeverityCounts } from '../contract.js'

export const SEVERITY_WEIGHT: Record<Severity, number> = {
  critical: 10,
  high: 5,
  medium: 2,
  low: 1,
  info: 0
}
export const CONFIDENCE_FACTOR: Record<Confidence, number> = { high: 1, medium: 0.6, low: 0.3 }

export function findingWeight(f: Pick<Finding, 'severity' | 'confidence'>): number {
  return SEVERITY_WEIGHT[f.severity] * CONFIDENCE_FACTOR[f.confidence]
}

export function moreSevere(a: Severity, b: Severity): boolean {
  return SEVERITY_WEIGHT[a] > SEVERITY_WEIGHT[b]
}

/** Rounds to one decimal: scores are for ranking and reading, not for arithmetic. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10
}
