// Stored records back into the shape perspectives compare against (PreviousResult, camelCase).
import {
  PERSPECTIVE_IDS,
  type Finding,
  type PerspectiveId,
  type PreviousResult,
  type SpecSummary
} from '../../perspectives/types.js'
import type { PlanRecord, RecordFinding, RecordSpec } from '../records/types.js'

export function isPerspectiveId(id: string): id is PerspectiveId {
  return (PERSPECTIVE_IDS as readonly string[]).includes(id)
}

export function toFinding(f: RecordFinding, perspective: PerspectiveId): Finding {
  return {
    id: f.id,
    perspective,
    messageId: f.message_id,
    title: f.title,
    message: f.message,
    severity: f.severity,
    confidence: f.confidence,
    rationale: f.rationale,
    file: f.file,
    startLine: f.start_line,
    endLine: f.end_line,
    snippet: f.snippet,
    symbol: f.symbol,
    lookedFor: f.looked_for,
    where: [...(f.where ?? [])],
    cwe: f.cwe,
    tags: [...(f.tags ?? [])]
  }
}

export function toSpecSummary(s: RecordSpec): SpecSummary {
  return {
    id: s.id,
    title: s.title,
    level: s.level,
    priority: s.priority,
    fileName: s.file_name,
    targetFile: s.target_file,
    targetSymbol: s.target_symbol,
    covers: [...s.covers]
  }
}

/** details_json back to a value; undefined when it is not JSON (a hand-edited or truncated row). */
function parseDetails(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** Null for a perspective id this version does not know (a record from a newer or older tool). */
export function toPreviousResult(record: PlanRecord): PreviousResult | null {
  if (!isPerspectiveId(record.perspective_id)) return null
  const perspective = record.perspective_id
  return {
    perspective,
    timestamp: record.timestamp,
    commit: record.commit,
    findings: record.findings.map((f) => toFinding(f, perspective)),
    risk: record.risk_score,
    status: record.status,
    error: record.error,
    specs: record.specs.map(toSpecSummary),
    metrics: Object.fromEntries(record.metrics.map((m) => [m.name, m.value])),
    details: parseDetails(record.details_json),
    origin: 'history'
  }
}
