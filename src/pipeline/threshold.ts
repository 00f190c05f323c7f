// The fail-on threshold: does any finding reach the chosen severity?
import { SEVERITY_ORDER } from '../../perspectives/contract.js'
import type { Severity } from '../../perspectives/types.js'
import type { PerspectiveRun } from '../engine/types.js'
import type { FailOn } from '../config/types.js'

/** Findings at or above the level; empty for `none`. */
export function findingsAtOrAbove(
  runs: readonly PerspectiveRun[],
  level: FailOn
): { id: string; severity: Severity }[] {
  if (level === 'none') return []
  const limit = SEVERITY_ORDER[level]
  return runs.flatMap((r) =>
    r.findings
      .filter((f) => SEVERITY_ORDER[f.severity] <= limit)
      .map((f) => ({ id: f.id, severity: f.severity }))
  )
}

export function thresholdMessage(runs: readonly PerspectiveRun[], level: FailOn): string | null {
  const hits = findingsAtOrAbove(runs, level)
  if (hits.length === 0) return null
  const shown = hits
    .slice(0, 5)
    .map((h) => `${h.id} (${h.severity})`)
    .join(', ')
  return `fail-on ${level}: ${hits.length} finding(s) at ${level} or above: ${shown}${hits.length > 5 ? `, and ${hits.length - 5} more` : ''}`
}
