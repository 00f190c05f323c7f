// The layout shared by the local results folder and the Hugging Face dataset: the same relative
// paths in both, so one history reader serves both.
//   data/<year>/<compact UTC timestamp>-<run id>.jsonl   one file per run, its rows (path order = time order)
//   latest/<perspective id>.json                         the latest record of each perspective
//   badge.json                                           shields.io endpoint: latest risk
//   README.md                                            the dataset card
//   api.md                                               the public API at HEAD (backwards-compat)
import type { PlanRecord } from './types.js'

export const DATA_DIR = 'data'
export const LATEST_DIR = 'latest'
export const BADGE_PATH = 'badge.json'
export const CARD_PATH = 'README.md'
/** The public API as backwards-compat read it at HEAD (its `details.apiReport`), for people to read. */
export const API_REPORT_PATH = 'api.md'

/** `2026-11-24T19:35:29.123Z` -> `20261124T193529123Z`: sorts as text in time order. */
export function compactTimestamp(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) throw new Error(`not an ISO timestamp: ${iso}`)
  return d.toISOString().replace(/[-:.]/g, '')
}

export function dataFilePath(timestamp: string, runId: string): string {
  const safeRun = runId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'run'
  return `${DATA_DIR}/${new Date(timestamp).getUTCFullYear()}/${compactTimestamp(timestamp)}-${safeRun}.jsonl`
}

export function latestFilePath(perspectiveId: string): string {
  return `${LATEST_DIR}/${perspectiveId}.json`
}

/** JSON Lines: one record a line, ending with a newline. */
export function toJsonLines(records: PlanRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n'
}

export interface ShieldsBadge {
  schemaVersion: 1
  label: string
  message: string
  color: string
}

/** shields.io endpoint badge for the latest risk score. */
export function riskBadge(record: Pick<PlanRecord, 'risk_score' | 'perspective_id'>): ShieldsBadge {
  const risk = record.risk_score
  const color = risk >= 70 ? 'red' : risk >= 40 ? 'orange' : risk >= 15 ? 'yellow' : 'brightgreen'
  return {
    schemaVersion: 1,
    label: 'test-plan risk',
    message: `${risk}/100 (${record.perspective_id})`,
    color
  }
}

/** The files a run adds or replaces (the card is written by the sink that owns it). */
export function runFiles(records: PlanRecord[]): { path: string; content: string }[] {
  if (records.length === 0) return []
  const first = records[0]
  const files = [
    { path: dataFilePath(first.timestamp, first.run_id), content: toJsonLines(records) }
  ]
  // One line, not pretty-printed: the dataset card's `latest-<id>` configs load these files with the
  // `datasets` JSON loader, which reads JSON Lines (a multi-line object fails to load).
  for (const r of records)
    files.push({ path: latestFilePath(r.perspective_id), content: JSON.stringify(r) + '\n' })
  for (const r of records) {
    const report = apiReportOf(r.details_json)
    if (report !== undefined) files.push({ path: API_REPORT_PATH, content: report })
  }
  files.push({
    path: BADGE_PATH,
    content: JSON.stringify(riskBadge(records[records.length - 1])) + '\n'
  })
  return files
}

/** The API report a perspective returned in its details (backwards-compat), when there is one. */
function apiReportOf(detailsJson: string): string | undefined {
  try {
    const details = JSON.parse(detailsJson) as { apiReport?: unknown } | null
    return typeof details?.apiReport === 'string' ? details.apiReport : undefined
  } catch {
    return undefined
  }
}
