// The default risk score of a run (0-100), documented in README ("Risk score").
// Each finding weighs severity x confidence; the sum saturates so that a few critical findings
// dominate and hundreds of low ones cannot reach 100:
//   risk = round(100 * (1 - exp(-sum(weight) / 50)))
import type { Confidence, Finding, Severity } from '../../perspectives/types.js'
import type { PerspectiveRun } from './types.js'

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

/**
 * Findings running the specs refuted: every spec that demonstrates them was refuted, none confirmed
 * them or showed a defect. They stay in the records, out of the top of the report and the risk.
 */
export function refutedFindings(run: Pick<PerspectiveRun, 'specs'>): Set<string> {
  const refuted = new Set<string>()
  const upheld = new Set<string>()
  for (const s of run.specs) {
    const claim = s.validation?.claim
    for (const id of s.covers) {
      if (claim === 'refuted') refuted.add(id)
      else if (claim === 'confirmed' || claim === 'defect') upheld.add(id)
    }
  }
  for (const id of upheld) refuted.delete(id)
  return refuted
}

/**
 * The run's risk once its specs have run: refuted findings no longer weigh. A risk the perspective
 * computed itself (not the default formula over its findings) is kept as it is.
 */
export function riskAfterValidation(run: PerspectiveRun): number {
  if (run.status !== 'ok') return run.risk
  const refuted = refutedFindings(run)
  if (refuted.size === 0 || run.risk !== Math.min(100, riskScore(run.findings))) return run.risk
  return riskScore(run.findings.filter((f) => !refuted.has(f.id)))
}
