// Overall risk and readiness, each with a formula a maintainer can check by hand (README.md).
//
// Risk: half the riskiest perspective, half the mean of all of them, so one alarming area and a
//   broadly shaky code base both show, and a single perspective cannot be averaged away.
// Readiness: named checks that pass, fail, or cannot be decided from the results; the score is the
//   share of decided checks that pass.
import type { Finding, PreviousResult } from '../types.js'
import type { BigPictureOptions } from './options.js'
import type { Sources } from './sources.js'

export interface OverallRisk {
  value: number
  highest: number
  highestPerspective: string | null
  mean: number
  perspectives: number
}

export function overallRisk(sources: Sources): OverallRisk {
  const risks = sources.usable.map((r) => ({ id: r.perspective, risk: r.risk }))
  if (risks.length === 0)
    return { value: 0, highest: 0, highestPerspective: null, mean: 0, perspectives: 0 }
  const top = risks.reduce((a, b) => (b.risk > a.risk ? b : a))
  const mean = risks.reduce((n, r) => n + r.risk, 0) / risks.length
  return {
    value: Math.round(0.5 * top.risk + 0.5 * mean),
    highest: top.risk,
    highestPerspective: top.id,
    mean: Math.round(mean * 10) / 10,
    perspectives: risks.length
  }
}

export type CheckState = 'pass' | 'fail' | 'unknown'

export interface ReadinessCheck {
  id: string
  name: string
  state: CheckState
  /** What decided it, from the results (counts, the finding that fails it, or what was missing). */
  why: string
}

export interface Readiness {
  /** Share of decided checks that pass, 0-100; 0 when nothing could be decided. */
  score: number
  verdict: 'ready' | 'ready as far as known' | 'needs work' | 'not ready'
  passed: number
  failed: number
  unknown: number
  checks: ReadinessCheck[]
}

// ci-cd message ids meaning "the tests do not run in CI" (perspectives/ci-cd/messages.ts).
const NO_TESTS_IN_CI = new Set(['noCi', 'testCommandNotRun', 'testsNotTriggered', 'otherCiNoTests'])
// Checks whose failure alone means "not ready": something severe is known and open.
const BLOCKING = new Set(['no-critical', 'no-confident-high'])

function firstOf(findings: Finding[]): string {
  const f = findings[0]
  return `"${f.title}" (${f.perspective}${f.file ? `, ${f.file}${f.startLine ? `:${f.startLine}` : ''}` : ''})`
}

function find(sources: Sources, id: string): PreviousResult | undefined {
  return sources.usable.find((r) => r.perspective === id)
}

function severityCheck(
  id: string,
  name: string,
  sources: Sources,
  match: (f: Finding) => boolean,
  what: string
): ReadinessCheck {
  if (sources.usable.length === 0)
    return { id, name, state: 'unknown', why: 'no perspective has a result' }
  const hits = sources.findings.filter(match)
  return hits.length === 0
    ? {
        id,
        name,
        state: 'pass',
        why: `none among ${sources.findings.length} findings of ${sources.usable.length} perspectives`
      }
    : { id, name, state: 'fail', why: `${hits.length} ${what}, e.g. ${firstOf(hits)}` }
}

function testsInCi(sources: Sources): ReadinessCheck {
  const base = { id: 'tests-in-ci', name: 'Tests run in CI on push and pull requests' }
  const ci = find(sources, 'ci-cd')
  if (!ci) return { ...base, state: 'unknown', why: 'no ci-cd result' }
  const hits = ci.findings.filter((f) => NO_TESTS_IN_CI.has(f.messageId))
  return hits.length === 0
    ? { ...base, state: 'pass', why: 'ci-cd found the test command run on push and pull_request' }
    : { ...base, state: 'fail', why: firstOf(hits) }
}

function coverage(sources: Sources, target: number): ReadinessCheck {
  const base = { id: 'coverage', name: `Tests reach at least ${target}% of functions` }
  const result = find(sources, 'test-coverage')
  const m = result?.metrics
  if (!result || !m) return { ...base, state: 'unknown', why: 'no test-coverage result' }
  const functions = m.functions ?? 0
  if (functions === 0)
    return { ...base, state: 'unknown', why: 'test-coverage measured no functions' }
  // With a report, its line coverage; without one, the estimate weighs "may run" functions by half.
  const fromReport = m.estimate !== 1 && (m.linesFound ?? 0) > 0
  const reached = Math.round(fromReport ? (m.linePercent ?? 0) : (m.functionsReachedPercent ?? 0))
  const why = fromReport
    ? `${reached}% of lines covered (coverage report)`
    : `${reached}% of ${functions} functions reached (static estimate: a function tests may run counts half)`
  // A static estimate below the target is not a known failure: it never makes the plan "not ready" or "needs work".
  const state = reached >= target ? 'pass' : fromReport ? 'fail' : 'unknown'
  return {
    ...base,
    name: fromReport ? `Tests cover at least ${target}% of lines` : base.name,
    state,
    why:
      fromReport || state === 'pass'
        ? why
        : `${why}; below the target, but only a coverage report can tell`
  }
}

function versioning(sources: Sources): ReadinessCheck {
  const base = { id: 'semver', name: 'Breaking changes come with a major version' }
  const result = find(sources, 'backwards-compat')
  if (!result) return { ...base, state: 'unknown', why: 'no backwards-compat result' }
  if (result.metrics?.baseAvailable === 0)
    return {
      ...base,
      state: 'unknown',
      why: 'backwards-compat had no base version to compare with'
    }
  const hits = result.findings.filter((f) => f.messageId === 'versionBumpTooSmall')
  const breaking = result.metrics?.breaking ?? 0
  // Without a version number on both sides, "no bump too small" says nothing.
  const version = (result.details as { version?: { actual?: string } | null } | undefined)?.version
  if (hits.length === 0 && breaking > 0 && (!version || version.actual === 'unknown')) {
    return {
      ...base,
      state: 'unknown',
      why: `${breaking} breaking change(s), and no version number was found at both ends to compare`
    }
  }
  return hits.length === 0
    ? {
        ...base,
        state: 'pass',
        why:
          breaking === 0
            ? 'no breaking change since the base'
            : `${breaking} breaking change(s), and the version bump covers them`
      }
    : { ...base, state: 'fail', why: firstOf(hits) }
}

function complete(sources: Sources, maxAgeDays: number | undefined): ReadinessCheck {
  const base = { id: 'complete', name: 'Every perspective has a current result' }
  const missing = sources.rows.filter((r) => r.status !== 'ok')
  if (missing.length === 0) {
    return {
      ...base,
      state: 'pass',
      why: `all ${sources.rows.length}${maxAgeDays === undefined ? '' : `, none older than ${maxAgeDays} days`}`
    }
  }
  return {
    ...base,
    state: 'fail',
    why: missing
      .map((r) => `${r.perspective} (${r.status}${r.error ? `: ${r.error}` : ''})`)
      .join('; ')
  }
}

export function readiness(
  sources: Sources,
  options: BigPictureOptions,
  maxAgeDays: number | undefined
): Readiness {
  const checks = [
    severityCheck(
      'no-critical',
      'No critical findings',
      sources,
      (f) => f.severity === 'critical',
      'critical findings'
    ),
    // A static "untested" is an estimate: never the reason for "not ready".
    severityCheck(
      'no-confident-high',
      'No high-severity findings of high confidence',
      sources,
      (f) =>
        f.severity === 'high' && f.confidence === 'high' && !f.tags.includes('static-estimate'),
      'high-severity, high-confidence findings'
    ),
    testsInCi(sources),
    coverage(sources, options.coverageTarget),
    versioning(sources),
    complete(sources, maxAgeDays)
  ]
  const passed = checks.filter((c) => c.state === 'pass').length
  const failed = checks.filter((c) => c.state === 'fail').length
  const unknown = checks.length - passed - failed
  const decided = passed + failed
  const verdict: Readiness['verdict'] = checks.some((c) => c.state === 'fail' && BLOCKING.has(c.id))
    ? 'not ready'
    : failed > 0
      ? 'needs work'
      : unknown > 0
        ? 'ready as far as known'
        : 'ready'
  return {
    score: decided === 0 ? 0 : Math.round((100 * passed) / decided),
    verdict,
    passed,
    failed,
    unknown,
    checks
  }
}
