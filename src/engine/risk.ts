// The default risk score of a run (0-100), documented in README ("Risk score").
// Each finding weighs severity x confidence; the sum saturates so that a few critical findings
// dominate and hundreds of low ones cannot reach 100:
//   risk = round(100 * (1 - exp(-sum(weight) / 50)))
import type { Confidence, Finding, Severity } from '../../perspectives/types.js'

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
