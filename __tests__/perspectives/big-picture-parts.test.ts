// The arithmetic of big-picture on hand-made results, where each number can be worked out by hand:
// the risk formula, every readiness verdict, the backlog's grouping, and reading old details.
import { buildBacklog } from '../../perspectives/big-picture/backlog.js'
import {
  compareWithPrevious,
  openFindings,
  storedOpenFindings
} from '../../perspectives/big-picture/changes.js'
import { optionDefaults } from '../../perspectives/define.js'
import { OPTIONS, type BigPictureOptions } from '../../perspectives/big-picture/options.js'
import { overallRisk, readiness } from '../../perspectives/big-picture/scores.js'
import { readSources } from '../../perspectives/big-picture/sources.js'
import {
  PERSPECTIVE_IDS,
  type Finding,
  type PerspectiveId,
  type PreviousResult,
  type SpecSummary
} from '../../perspectives/types.js'

const NOW = '2026-01-10T00:00:00.000Z'

function finding(perspective: PerspectiveId, id: string, over: Partial<Finding> = {}): Finding {
  return {
    id: `${perspective}/${id}`,
    perspective,
    messageId: id,
    title: `${id} found`,
    message: 'm',
    severity: 'medium',
    confidence: 'high',
    rationale: 'r',
    file: 'src/a.ts',
    startLine: 1,
    endLine: 1,
    snippet: 'x',
    symbol: null,
    lookedFor: null,
    where: [],
    cwe: null,
    tags: [],
    ...over
  }
}

function result(perspective: PerspectiveId, over: Partial<PreviousResult> = {}): PreviousResult {
  return {
    perspective,
    timestamp: NOW,
    commit: null,
    findings: [],
    risk: 0,
    status: 'ok',
    specs: [],
    metrics: {},
    origin: 'this-run',
    ...over
  }
}

/** Every other perspective with a clean result, then the overrides. */
function all(
  overrides: Partial<Record<PerspectiveId, Partial<PreviousResult>>> = {}
): PreviousResult[] {
  return PERSPECTIVE_IDS.filter((id) => id !== 'big-picture').map((id) =>
    result(id, overrides[id] ?? {})
  )
}

const sourcesOf = (results: PreviousResult[]) => readSources({ results, now: NOW })
const goodCoverage = { metrics: { functions: 10, estimate: 0, linesFound: 200, linePercent: 81.5 } }
const goodCompat = {
  metrics: { baseAvailable: 1, breaking: 0 },
  details: { version: { actual: 'patch' } }
}

describe('overall risk', () => {
  it('is half the riskiest perspective and half the mean', () => {
    const risk = overallRisk(
      sourcesOf([
        result('scope', { risk: 80 }),
        result('security', { risk: 20 }),
        result('ci-cd', { risk: 20 })
      ])
    )
    expect(risk).toEqual({
      value: 60,
      highest: 80,
      highestPerspective: 'scope',
      mean: 40,
      perspectives: 3
    })
  })

  it('leaves failed results out', () => {
    const risk = overallRisk(
      sourcesOf([result('scope', { risk: 10 }), result('security', { risk: 90, status: 'failed' })])
    )
    expect(risk.value).toBe(10)
  })
})

describe('readiness', () => {
  const verdict = (results: PreviousResult[]) =>
    readiness(sourcesOf(results), optionDefaults(OPTIONS) as BigPictureOptions, 21)

  it('is ready when every check passes', () => {
    const r = verdict(all({ 'test-coverage': goodCoverage, 'backwards-compat': goodCompat }))
    expect(r).toMatchObject({ verdict: 'ready', score: 100, passed: 6, failed: 0, unknown: 0 })
    expect(r.checks.find((c) => c.id === 'coverage')).toMatchObject({
      name: 'Tests cover at least 60% of lines',
      why: '82% of lines covered (coverage report)'
    })
  })

  it('is ready as far as known when a check cannot be decided', () => {
    const r = verdict(
      all({ 'test-coverage': goodCoverage, 'backwards-compat': { metrics: { baseAvailable: 0 } } })
    )
    expect(r).toMatchObject({ verdict: 'ready as far as known', score: 100, unknown: 1 })
    expect(r.checks.find((c) => c.id === 'semver')!.why).toBe(
      'backwards-compat had no base version to compare with'
    )
  })

  it('needs work when a non-blocking check fails, and says why', () => {
    const r = verdict(
      all({
        'test-coverage': {
          metrics: { functions: 10, linesFound: 200, linePercent: 45, estimate: 0 }
        },
        'backwards-compat': goodCompat
      })
    )
    expect(r).toMatchObject({ verdict: 'needs work', score: 83, failed: 1 })
    expect(r.checks.find((c) => c.id === 'coverage')).toMatchObject({
      state: 'fail',
      why: '45% of lines covered (coverage report)'
    })
  })

  it('never fails the coverage check on a static estimate: below the target it cannot be decided', () => {
    const r = verdict(
      all({
        'test-coverage': { metrics: { functions: 10, functionsReachedPercent: 45, estimate: 1 } },
        'backwards-compat': goodCompat
      })
    )
    expect(r).toMatchObject({ verdict: 'ready as far as known', failed: 0, unknown: 1 })
    expect(r.checks.find((c) => c.id === 'coverage')).toMatchObject({
      state: 'unknown',
      why: '45% of 10 functions reached (static estimate: a function tests may run counts half); below the target, but only a coverage report can tell'
    })
  })

  it('never lets a static-estimate finding make the plan "not ready"', () => {
    const high = finding('scope', 'untestedPublicUnit', {
      severity: 'high',
      confidence: 'high',
      file: 'src/a.ts',
      startLine: 1
    })
    const r = verdict(all({ scope: { findings: [{ ...high, tags: ['static-estimate'] }] } }))
    expect(r.checks.find((c) => c.id === 'no-confident-high')!.state).toBe('pass')
  })

  it('is not ready with a critical finding open', () => {
    const r = verdict(
      all({
        security: {
          findings: [
            finding('security', 'sqlInjection', {
              severity: 'critical',
              file: 'src/db.ts',
              startLine: 9
            })
          ]
        }
      })
    )
    expect(r.verdict).toBe('not ready')
    expect(r.checks[0]).toMatchObject({
      id: 'no-critical',
      state: 'fail',
      why: '1 critical findings, e.g. "sqlInjection found" (security, src/db.ts:9)'
    })
  })

  it('fails the CI check on ci-cd saying the tests do not run, and the semver check on a too-small bump', () => {
    const r = verdict(
      all({
        'ci-cd': {
          findings: [
            finding('ci-cd', 'testsNotTriggered', { severity: 'high', confidence: 'medium' })
          ]
        },
        'backwards-compat': {
          metrics: { baseAvailable: 1, breaking: 2 },
          findings: [
            finding('backwards-compat', 'versionBumpTooSmall', {
              severity: 'high',
              confidence: 'medium'
            })
          ]
        }
      })
    )
    expect(r.checks.find((c) => c.id === 'tests-in-ci')!.state).toBe('fail')
    expect(r.checks.find((c) => c.id === 'semver')!.state).toBe('fail')
    expect(r.verdict).toBe('needs work')
  })

  it('cannot decide the semver check when breaking changes meet no version number', () => {
    const r = verdict(
      all({
        'backwards-compat': {
          metrics: { baseAvailable: 1, breaking: 2 },
          details: { version: null }
        }
      })
    )
    expect(r.checks.find((c) => c.id === 'semver')).toMatchObject({
      state: 'unknown',
      why: '2 breaking change(s), and no version number was found at both ends to compare'
    })
    const bumped = verdict(
      all({
        'backwards-compat': {
          metrics: { baseAvailable: 1, breaking: 2 },
          details: { version: { actual: 'major' } }
        }
      })
    )
    expect(bumped.checks.find((c) => c.id === 'semver')).toMatchObject({
      state: 'pass',
      why: '2 breaking change(s), and the version bump covers them'
    })
  })

  it('fails completeness for each perspective without a usable result', () => {
    const results = all()
      .filter((r) => r.perspective !== 'edge-cases')
      .map((r) =>
        r.perspective === 'security' ? { ...r, status: 'failed' as const, error: 'boom' } : r
      )
    const check = verdict(results).checks.find((c) => c.id === 'complete')!
    expect(check).toEqual({
      id: 'complete',
      name: 'Every perspective has a current result',
      state: 'fail',
      why: 'edge-cases (missing); security (failed: boom)'
    })
  })
})

describe('backlog', () => {
  const spec = (id: string, over: Partial<SpecSummary> = {}): SpecSummary => ({
    id,
    title: `spec ${id}`,
    level: 'unit',
    priority: 'P2',
    fileName: `test/${id}.test.ts`,
    targetFile: 'src/a.ts',
    targetSymbol: 'parse',
    covers: [],
    ...over
  })

  it('makes one entry per target, folds repeated titles in, and ranks by the documented value', () => {
    const high = finding('failure-modes', 'throwingCall', { severity: 'high', confidence: 'high' })
    const low = finding('edge-cases', 'boundary', { severity: 'low', confidence: 'medium' })
    const sources = sourcesOf([
      result('failure-modes', {
        findings: [high],
        specs: [spec('f1', { priority: 'P1', covers: [high.id] })]
      }),
      result('edge-cases', {
        findings: [low],
        specs: [spec('e1', { covers: [low.id] }), spec('e2', { title: 'spec f1' })]
      }),
      result('scope', {
        specs: [spec('s1', { targetFile: 'src/b.ts', targetSymbol: 'run', priority: 'P3' })]
      })
    ])
    const backlog = buildBacklog(sources, new Set(['src/a.ts']))
    expect(backlog.specs).toBe(4)
    expect(backlog.duplicates).toBe(1)
    expect(backlog.entries.map((e) => [e.file, e.symbol, e.value, e.specs.length])).toEqual([
      // (P1 3 + high·high 5 + low·medium 0.6) × 1.5 for the hotspot
      ['src/a.ts', 'parse', 12.9, 2],
      ['src/b.ts', 'run', 1, 1]
    ])
  })
})

describe('changes since the previous big picture', () => {
  const sources = sourcesOf([
    result('security', { findings: [finding('security', 'a'), finding('security', 'b')] })
  ])

  it('reads back the open findings it stored', () => {
    const open = openFindings(sources)
    expect(storedOpenFindings(JSON.parse(JSON.stringify({ open })))).toEqual(open)
  })

  it('says so when the previous result does not list its open findings', () => {
    const previous = result('big-picture', { details: { somethingElse: true } })
    const changes = compareWithPrevious(openFindings(sources), previous)
    expect(changes.note).toMatch(/does not list its open findings/)
    expect(changes.newFindings).toEqual([])
  })

  it('refuses a malformed stored list rather than guessing', () => {
    expect(
      storedOpenFindings({
        open: { perspectives: { security: [['id', 'severe', null, null, 't']] } }
      })
    ).toBeNull()
  })
})
