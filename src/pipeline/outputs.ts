// The action's outputs, computed from a finished plan. For `all`, the per-perspective outputs list
// every perspective, comma-separated, and the counts are totals; risk-score is the highest, or
// big-picture's overall risk when it ran (it already weighs the others).
import type { PlanOutcome } from './plan.js'

export const OUTPUT_NAMES = [
  'perspective-number',
  'perspective-id',
  'perspective-name',
  'next-perspective',
  'iteration',
  'findings',
  'specs',
  'risk-score',
  'results-file',
  'dataset-url',
  'commit-url'
] as const

export type Outputs = Record<(typeof OUTPUT_NAMES)[number], string>

export function planOutputs(outcome: PlanOutcome): Outputs {
  const { records } = outcome
  return {
    'perspective-number': records.map((r) => r.perspective_number).join(','),
    'perspective-id': records.map((r) => r.perspective_id).join(','),
    'perspective-name': records.map((r) => r.perspective_name).join(','),
    'next-perspective': outcome.next.id,
    iteration: String(outcome.iteration),
    findings: String(records.reduce((n, r) => n + r.finding_count, 0)),
    specs: String(records.reduce((n, r) => n + r.spec_count, 0)),
    'risk-score': String(
      records.find((r) => r.perspective_id === 'big-picture')?.risk_score ??
        records.reduce((n, r) => Math.max(n, r.risk_score), 0)
    ),
    'results-file': outcome.stored.local?.dataFile ?? '',
    'dataset-url': outcome.stored.hub?.datasetUrl ?? '',
    'commit-url': outcome.stored.hub?.commitUrl ?? ''
  }
}
