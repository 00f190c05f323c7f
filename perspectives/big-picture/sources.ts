// The results big-picture works from: the latest result of every other perspective, as the engine
// gave them (AnalyseContext.results), with how old each is and where it came from.
import {
  PERSPECTIVE_IDS,
  type AnalyseContext,
  type Finding,
  type PerspectiveId,
  type PreviousResult,
  type ResultOrigin
} from '../types.js'
import { daysBetween } from '../../src/util/time.js'
import { round1, severityCounts, type SeverityCounts } from './weights.js'

export interface SourceRow {
  perspective: PerspectiveId
  number: number
  /** Null when there is no result at all (a perspective that could not run). */
  origin: ResultOrigin | null
  timestamp: string | null
  commit: string | null
  ageDays: number | null
  status: 'ok' | 'failed' | 'not-implemented' | 'missing'
  error: string | null
  risk: number
  findings: number
  severities: SeverityCounts
}

export interface Sources {
  /** Results that can be used (status ok), in rotation order. */
  usable: PreviousResult[]
  /** One row per other perspective, in rotation order, for the report. */
  rows: SourceRow[]
  /** Every finding of the usable results. */
  findings: Finding[]
}

const OTHERS = PERSPECTIVE_IDS.filter((id) => id !== 'big-picture')

function ageDays(timestamp: string, now: string): number | null {
  const days = daysBetween(timestamp, now)
  return Number.isNaN(days) ? null : round1(Math.max(0, days))
}

export function readSources(
  context: Pick<AnalyseContext<unknown>, 'results' | 'history' | 'now'>
): Sources {
  // Without the engine's results (a caller that did not prepare them), stored history is the best there is.
  const given =
    context.results ?? (context.history ?? []).filter((r) => r.perspective !== 'big-picture')
  const byId = new Map(given.map((r) => [r.perspective, r]))
  const rows: SourceRow[] = []
  const usable: PreviousResult[] = []
  for (const id of OTHERS) {
    const result = byId.get(id)
    const status = result ? (result.status ?? 'ok') : 'missing'
    if (result && status === 'ok') usable.push(result)
    rows.push({
      perspective: id,
      number: PERSPECTIVE_IDS.indexOf(id) + 1,
      origin: result?.origin ?? null,
      timestamp: result?.timestamp ?? null,
      commit: result?.commit ?? null,
      ageDays: result ? ageDays(result.timestamp, context.now) : null,
      status,
      error: result?.error ?? null,
      risk: status === 'ok' && result ? result.risk : 0,
      findings: status === 'ok' && result ? result.findings.length : 0,
      severities: severityCounts(status === 'ok' && result ? result.findings : [])
    })
  }
  return { usable, rows, findings: usable.flatMap((r) => r.findings) }
}
