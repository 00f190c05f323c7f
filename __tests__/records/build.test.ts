import { PERSPECTIVES } from '../../perspectives/index.js'
import { buildRecord } from '../../src/records/build.js'
import { validateRecord } from '../../src/records/schema.js'
import { runInfo, scopeRun } from './fixtures.js'

describe('buildRecord', () => {
  it('maps a run to a valid record, snake_case, every field present', () => {
    const record = buildRecord(scopeRun(), runInfo)
    expect(validateRecord(record)).toEqual([])
    expect(record).toMatchObject({
      schema_version: 1,
      tool_version: '0.1.0',
      iteration: 7,
      timestamp: '2026-11-24T19:35:29.123Z',
      perspective_number: 1,
      perspective_id: 'scope',
      perspective_name: PERSPECTIVES[0].meta.title,
      question: PERSPECTIVES[0].meta.question,
      repository: 'octo/widget',
      commit: 'abcdef0123456789abcdef0123456789abcdef01',
      ref: 'main',
      run_id: '123456',
      trigger: 'schedule',
      status: 'ok',
      error: null,
      risk_score: 18,
      finding_count: 2,
      severity_counts: { critical: 0, high: 1, medium: 0, low: 1, info: 0 },
      spec_count: 1,
      framework: 'node:test',
      files_analysed: 4,
      lines_analysed: 80,
      timings_ms: { load: 10, model: 21, analyse: 12, total: 43 }
    })
    expect(record.findings[0]).toEqual({
      id: 'scope/untested-export/0123456789',
      message_id: 'untested-export',
      title: 'parse is exported and untested',
      message: 'src/parse.js exports parse; no test imports it.',
      severity: 'high',
      confidence: 'medium',
      rationale: 'Public API without a test.',
      file: 'src/parse.js',
      start_line: 3,
      end_line: 5,
      snippet: 'export function parse(text) {',
      symbol: 'parse',
      looked_for: null,
      where: [],
      cwe: null,
      tags: ['exports']
    })
    expect(record.findings[1]).toMatchObject({
      file: null,
      looked_for: 'test files (*.test.*, test_*.py)',
      where: ['test/', '__tests__/']
    })
    expect(record.specs[0]).toEqual({
      id: 'scope/smoke/1111111111',
      title: 'parse smoke test',
      level: 'unit',
      priority: 'P1',
      framework: 'node:test',
      language: 'javascript',
      file_name: 'test/parse.test.js',
      target_file: 'src/parse.js',
      target_symbol: 'parse',
      target_line: 3,
      rationale: 'Untested export.',
      covers: ['scope/untested-export/0123456789'],
      expected: 'parse returns an object',
      code: "import test from 'node:test'\n",
      plan_only: false,
      validation: {
        status: 'not-run',
        runs: 0,
        millis: 0,
        message: 'not validated',
        coverage_gain: null,
        claim: null
      }
    })
  })

  it('stores metrics as a list sorted by name and details as JSON text', () => {
    const record = buildRecord(scopeRun(), runInfo)
    expect(record.metrics).toEqual([
      { name: 'alpha', value: 1.5 },
      { name: 'modules', value: 4 },
      { name: 'zeta', value: 2 }
    ])
    expect(JSON.parse(record.details_json)).toEqual({
      targets: [{ file: 'src/parse.js', score: 3 }]
    })
    expect(record.skipped).toEqual([
      { reason: 'generated', count: 1 },
      { reason: 'vendored', count: 2 }
    ])
  })

  it('says plainly that a perspective is not implemented, inventing nothing', () => {
    const meta = PERSPECTIVES[9].meta
    const record = buildRecord(
      scopeRun({
        meta,
        status: 'not-implemented',
        findings: [],
        specs: [],
        metrics: {},
        details: null,
        risk: 0
      }),
      runInfo
    )
    expect(validateRecord(record)).toEqual([])
    expect(record).toMatchObject({
      perspective_id: 'security',
      status: 'not-implemented',
      finding_count: 0,
      details_json: 'null'
    })
    expect(record.summary).toBe(
      `${meta.title} is not implemented yet: nothing was analysed and no findings were invented.`
    )
  })

  it('records a failed perspective with its error', () => {
    const record = buildRecord(
      scopeRun({ status: 'failed', error: 'scope failed: boom', findings: [], specs: [], risk: 0 }),
      runInfo
    )
    expect(validateRecord(record)).toEqual([])
    expect(record).toMatchObject({
      status: 'failed',
      error: 'scope failed: boom',
      summary: `${PERSPECTIVES[0].meta.title} failed: scope failed: boom`
    })
  })

  it('summarises findings by severity', () => {
    expect(buildRecord(scopeRun(), runInfo).summary).toBe(
      `${PERSPECTIVES[0].meta.title}: 2 findings (1 high, 1 low), 1 spec, risk 18/100.`
    )
    expect(buildRecord(scopeRun({ findings: [], specs: [] }), runInfo).summary).toContain(
      'no findings, 0 specs'
    )
  })

  it('drops metrics that JSON cannot carry (NaN, Infinity)', () => {
    const record = buildRecord(
      scopeRun({ metrics: { ok: 1, nan: Number.NaN, inf: Number.POSITIVE_INFINITY } }),
      runInfo
    )
    expect(record.metrics).toEqual([{ name: 'ok', value: 1 }])
  })
})
