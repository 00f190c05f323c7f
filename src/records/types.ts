// One dataset row per perspective run (BRIEF section 6). snake_case throughout, every field present
// (null when absent), so that every row of every perspective has the same column types.
// The JSON Schema in src/records/record.schema.json is the authority; this type mirrors it.

export const SCHEMA_VERSION = 1

export interface RecordFinding {
  id: string
  message_id: string
  title: string
  message: string
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info'
  confidence: 'high' | 'medium' | 'low'
  rationale: string
  file: string | null
  start_line: number | null
  end_line: number | null
  snippet: string | null
  symbol: string | null
  looked_for: string | null
  where: string[]
  cwe: string | null
  tags: string[]
}

/** What running a spec with the project's own runner said; one type on every row (not-run when it was not run). */
export interface RecordValidation {
  status: 'passed' | 'failed' | 'error' | 'flaky' | 'skipped' | 'not-run'
  runs: number
  millis: number
  message: string | null
  /**
   * What the spec runs of the project's code beyond the project's own suite: new lines plus new
   * branches (coverage.py) or new V8 blocks (Node runners); null when not measured.
   */
  coverage_gain: number | null
  /** For a spec that demonstrates findings: confirmed, defect, or refuted. */
  claim: 'confirmed' | 'defect' | 'refuted' | null
}

export interface RecordSpec {
  id: string
  title: string
  level: 'unit' | 'integration' | 'e2e'
  priority: 'P1' | 'P2' | 'P3'
  framework: string
  language: string
  file_name: string
  target_file: string
  target_symbol: string | null
  target_line: number | null
  rationale: string
  covers: string[]
  expected: string
  code: string
  /** Only todos/skips: part of the plan, not a test file to deliver. */
  plan_only: boolean
  validation: RecordValidation
}

export interface PlanRecord {
  schema_version: number
  tool_version: string
  /** Kept from the old worker: the rotation's run counter. */
  iteration: number
  /** Kept from the old worker: ISO 8601 UTC. */
  timestamp: string
  perspective_number: number
  perspective_name: string
  perspective_id: string
  question: string
  repository: string
  commit: string | null
  ref: string | null
  run_id: string
  trigger: 'schedule' | 'manual' | 'all' | 'cli'
  status: 'ok' | 'failed' | 'not-implemented'
  error: string | null
  summary: string
  risk_score: number
  finding_count: number
  severity_counts: { critical: number; high: number; medium: number; low: number; info: number }
  findings: RecordFinding[]
  spec_count: number
  specs: RecordSpec[]
  /** A list, not a map: perspectives have different metrics and a map would change the column type. */
  metrics: { name: string; value: number }[]
  /** Perspective-specific detail as JSON text (one string column for all perspectives). */
  details_json: string
  framework: string
  files_analysed: number
  lines_analysed: number
  skipped: { reason: string; count: number }[]
  timings_ms: { load: number; model: number; analyse: number; total: number }
}
