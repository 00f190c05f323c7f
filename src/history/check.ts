// A minimal shape check for stored records read back as history: enough to trust the fields the
// comparison uses (perspective, time, findings' ids, risk). The JSON Schema is the full authority
// at write time; here a damaged or foreign file must become a reported problem, not a crash.
import type { PlanRecord } from '../records/types.js'

/** Null when `value` looks like a PlanRecord, else what is wrong with it. */
export function recordShapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'not a JSON object'
  const r = value as Record<string, unknown>
  if (typeof r.perspective_id !== 'string' || r.perspective_id === '')
    return 'perspective_id is missing or not a string'
  if (typeof r.timestamp !== 'string' || Number.isNaN(Date.parse(r.timestamp)))
    return 'timestamp is missing or not an ISO date'
  if (typeof r.risk_score !== 'number') return 'risk_score is missing or not a number'
  if (r.commit !== null && typeof r.commit !== 'string')
    return 'commit is neither a string nor null'
  if (!Array.isArray(r.findings)) return 'findings is not a list'
  for (const [i, f] of r.findings.entries()) {
    if (typeof f !== 'object' || f === null || typeof (f as { id?: unknown }).id !== 'string') {
      return `findings[${i}] has no string id`
    }
  }
  return null
}

export function isPlanRecord(value: unknown): value is PlanRecord {
  return recordShapeProblem(value) === null
}
