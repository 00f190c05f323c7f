// PerspectiveRun (what the engine produced) + facts about the run -> PlanRecord (one dataset row):
// snake_case, every field present, metrics as a sorted list, details as JSON text.
import type { Finding } from '../../perspectives/types.js'
import type { PerspectiveRun } from '../engine/types.js'
import type { TestSpec } from '../specs/types.js'
import { redactDeep } from '../util/redact.js'
import { SCHEMA_VERSION, type PlanRecord, type RecordFinding, type RecordSpec } from './types.js'

export interface RunInfo {
  toolVersion: string
  iteration: number
  /** ISO 8601 UTC start of the run (shared by all records of the run). */
  timestamp: string
  repository: string
  commit: string | null
  ref: string | null
  runId: string
  trigger: PlanRecord['trigger']
  /** The framework specs were rendered for (e.g. `jest`). */
  framework: string
  filesAnalysed: number
  linesAnalysed: number
  skipped: Record<string, { count: number }>
  timings: { load: number; model: number }
}

export function toRecordFinding(f: Finding): RecordFinding {
  return {
    id: f.id,
    message_id: f.messageId,
    title: f.title,
    message: f.message,
    severity: f.severity,
    confidence: f.confidence,
    rationale: f.rationale,
    file: f.file,
    start_line: f.startLine,
    end_line: f.endLine,
    snippet: f.snippet,
    symbol: f.symbol,
    looked_for: f.lookedFor,
    where: [...f.where],
    cwe: f.cwe,
    tags: [...f.tags]
  }
}

export function toRecordSpec(s: TestSpec): RecordSpec {
  return {
    id: s.id,
    title: s.title,
    level: s.level,
    priority: s.priority,
    framework: s.framework,
    language: s.language,
    file_name: s.fileName,
    target_file: s.target.file,
    target_symbol: s.target.symbol ?? null,
    target_line: s.target.line ?? null,
    rationale: s.rationale,
    covers: [...s.covers],
    expected: s.expected,
    code: s.code,
    plan_only: s.planOnly === true,
    validation: s.validation
      ? { ...s.validation }
      : {
          status: 'not-run',
          runs: 0,
          millis: 0,
          message: 'not validated',
          coverage_gain: null,
          claim: null
        }
  }
}

function severityCounts(findings: readonly Finding[]): PlanRecord['severity_counts'] {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}

/** One line for dataset readers: what the run found, or why it found nothing. */
export function runSummary(run: PerspectiveRun): string {
  if (run.status === 'not-implemented') {
    return `${run.meta.title} is not implemented yet: nothing was analysed and no findings were invented.`
  }
  if (run.status === 'failed') return `${run.meta.title} failed: ${run.error ?? 'unknown error'}`
  const counts = severityCounts(run.findings)
  const parts = (['critical', 'high', 'medium', 'low', 'info'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
  const found =
    run.findings.length === 0
      ? 'no findings'
      : `${run.findings.length} finding${run.findings.length === 1 ? '' : 's'} (${parts.join(', ')})`
  const line = `${run.meta.title}: ${found}, ${run.specs.length} spec${run.specs.length === 1 ? '' : 's'}, risk ${run.risk}/100.`
  return run.headline ? `${line} ${run.headline}` : line
}

export function buildRecord(run: PerspectiveRun, info: RunInfo): PlanRecord {
  const metrics = Object.entries(run.metrics)
    .filter(([, value]) => typeof value === 'number' && Number.isFinite(value))
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const skipped = Object.entries(info.skipped)
    .filter(([, s]) => s.count > 0)
    .map(([reason, s]) => ({ reason, count: s.count }))
    .sort((a, b) => a.reason.localeCompare(b.reason))
  // The engine redacted the run already; this is the last line for what the record adds (summary, error).
  return redactDeep({
    schema_version: SCHEMA_VERSION,
    tool_version: info.toolVersion,
    iteration: info.iteration,
    timestamp: info.timestamp,
    perspective_number: run.meta.number,
    perspective_name: run.meta.title,
    perspective_id: run.meta.id,
    question: run.meta.question,
    repository: info.repository,
    commit: info.commit,
    ref: info.ref,
    run_id: info.runId,
    trigger: info.trigger,
    status: run.status,
    error: run.error,
    summary: runSummary(run),
    risk_score: run.risk,
    finding_count: run.findings.length,
    severity_counts: severityCounts(run.findings),
    findings: run.findings.map(toRecordFinding),
    spec_count: run.specs.length,
    specs: run.specs.map(toRecordSpec),
    metrics,
    details_json: JSON.stringify(run.details ?? null) ?? 'null',
    framework: info.framework,
    files_analysed: info.filesAnalysed,
    lines_analysed: info.linesAnalysed,
    skipped,
    timings_ms: {
      load: Math.round(info.timings.load),
      model: Math.round(info.timings.model),
      analyse: Math.round(run.millis),
      total: Math.round(info.timings.load + info.timings.model + run.millis)
    }
  })
}
