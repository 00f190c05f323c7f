// Builds valid PlanRecords shaped like the real ones (every field present, null where absent) for
// tests of the dataset writer and the history reader.
import { PERSPECTIVE_IDS } from '../../perspectives/types.js'
import {
  SCHEMA_VERSION,
  type PlanRecord,
  type RecordFinding,
  type RecordSpec
} from '../../src/records/types.js'

export interface RecordShape {
  /** Index into PERSPECTIVE_IDS. */
  perspective?: number
  findings?: number
  specs?: number
  /** Ids for the findings instead of generated ones. */
  findingIds?: string[]
  timestamp?: string
  runId?: string
  commit?: string | null
  status?: PlanRecord['status']
  risk?: number
}

export function makeFinding(id: string, withLocation: boolean): RecordFinding {
  return {
    id,
    message_id: withLocation ? 'untested-export' : 'no-ci-tests',
    title: `Finding ${id}`,
    message: `Message for ${id}`,
    severity: withLocation ? 'high' : 'info',
    confidence: 'medium',
    rationale: 'Why it matters.',
    file: withLocation ? 'src/app.js' : null,
    start_line: withLocation ? 3 : null,
    end_line: withLocation ? 5 : null,
    snippet: withLocation ? 'export function run() {' : null,
    symbol: withLocation ? 'run' : null,
    looked_for: withLocation ? null : 'a workflow that runs the tests',
    where: withLocation ? [] : ['.github/workflows'],
    cwe: withLocation ? 'CWE-20' : null,
    tags: withLocation ? ['exports'] : []
  }
}

export function makeSpec(id: string, covers: string[]): RecordSpec {
  return {
    id,
    title: `Spec ${id}`,
    level: 'unit',
    priority: 'P2',
    framework: 'jest',
    language: 'javascript',
    file_name: `__tests__/${id}.test.js`,
    target_file: 'src/app.js',
    target_symbol: covers.length ? 'run' : null,
    target_line: covers.length ? 3 : null,
    rationale: 'Covers the finding.',
    covers,
    expected: 'run() returns 0',
    code: "test('run', () => { expect(run()).toBe(0) })\n",
    plan_only: false,
    validation: {
      status: 'passed',
      runs: 3,
      millis: 120,
      message: null,
      coverage_gain: null,
      claim: covers.length > 0 ? 'confirmed' : null
    }
  }
}

export function makeRecord(shape: RecordShape = {}): PlanRecord {
  const index = shape.perspective ?? 0
  const id = PERSPECTIVE_IDS[index]
  const findingIds =
    shape.findingIds ?? Array.from({ length: shape.findings ?? 2 }, (_, i) => `${id}-f${i + 1}`)
  const findings = findingIds.map((fid, i) => makeFinding(fid, i % 2 === 0))
  const specs = Array.from({ length: shape.specs ?? 1 }, (_, i) =>
    makeSpec(`${id}-s${i + 1}`, findingIds.slice(0, i))
  )
  const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 }
  for (const f of findings) counts[f.severity]++
  return {
    schema_version: SCHEMA_VERSION,
    tool_version: '0.1.0',
    iteration: index + 1,
    timestamp: shape.timestamp ?? '2026-11-24T19:35:29.123Z',
    perspective_number: index + 1,
    perspective_name: `Perspective ${id}`,
    perspective_id: id,
    question: `What does ${id} ask?`,
    repository: 'octo/widget',
    commit: shape.commit === undefined ? 'abcdef0123456789abcdef0123456789abcdef01' : shape.commit,
    ref: 'refs/heads/main',
    run_id: shape.runId ?? '1001',
    trigger: 'schedule',
    status: shape.status ?? 'ok',
    error: shape.status === 'failed' ? 'it broke' : null,
    summary: `${findings.length} findings`,
    risk_score: shape.risk ?? 42,
    finding_count: findings.length,
    severity_counts: counts,
    findings,
    spec_count: specs.length,
    specs,
    metrics: findings.length
      ? [
          { name: 'exports', value: 4 },
          { name: 'ratio', value: 0.5 }
        ]
      : [],
    details_json: JSON.stringify(findings.length ? { modules: ['src/app.js'] } : {}),
    framework: 'jest',
    files_analysed: 12,
    lines_analysed: 340,
    skipped: findings.length ? [{ reason: 'vendored', count: 2 }] : [],
    timings_ms: { load: 5, model: 20, analyse: 3, total: 30 }
  }
}

/** One record per perspective, as an `all` run writes them: some empty, some failed. */
export function makeAllRun(options: { timestamp?: string; runId?: string } = {}): PlanRecord[] {
  return PERSPECTIVE_IDS.map((_, i) => {
    const status = i === 7 ? 'failed' : i > 10 ? 'not-implemented' : 'ok'
    return makeRecord({
      perspective: i,
      findings: status !== 'ok' || i % 3 === 0 ? 0 : (i % 4) + 1,
      specs: status !== 'ok' || i % 2 === 0 ? 0 : 2,
      status,
      risk: (i * 7) % 100,
      timestamp: options.timestamp,
      runId: options.runId ?? 'all-1'
    })
  })
}
