// The risk of a run after its specs have run. The default formula itself (riskScore) is part of the
// contract (perspectives/contract.ts): a perspective may use it for its own risk.
import { riskScore } from '../../perspectives/contract.js'
import type { PerspectiveRun } from './types.js'

export { riskScore }

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
