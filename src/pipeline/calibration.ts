// Judged calibration: classes of findings (perspective / message id / confidence) whose claims independent
// judges found mostly untrue are held back: not reported as findings, not in the risk, not in the report's
// lead list; counted and named in their perspective's section, kept in the records' details, and their
// specs stay in the plan as tests to write (with no claim of a defect). A held finding whose spec showed a
// defect when it ran is reported after all. The config file's `calibration.report` re-enables classes.
// The judged figures and how they were replayed: docs/evaluation/calibration.md.
import { riskScore } from '../../perspectives/contract.js'
import type { Confidence, Finding } from '../../perspectives/types.js'
import type { PerspectiveRun } from '../engine/types.js'

/** What independent judges found of one class, on findings the current code still reports. */
export interface JudgedClass {
  /** `perspective/messageId`. */
  id: string
  /** The confidences the figures are for (as the current code rates them); every confidence when absent. */
  confidence?: readonly Confidence[]
  judged: number
  /** Judged true ("partly" is not true). */
  true: number
  /**
   * The figures are the perspective's thinly judged classes pooled (each had fewer than MIN_JUDGED on its
   * own, together at least that many): docs/evaluation/calibration.md.
   */
  pooled?: boolean
  /** The figures are the class's pooled record over every judged round (JUDGED_WORTH, recordOf). */
  record?: boolean
}

/**
 * A class is held when fewer than half of at least this many judged findings were true. A class at one
 * confidence with this many judged stands on its own; thinner confidences are pooled within the class, and
 * classes still thinner are pooled within their perspective (scripts/replay-judged.mjs builds the table).
 */
export const MIN_JUDGED = 5
export const HOLD_BELOW = 0.5
/** A class leads the report's list before others when at least this share of as many judged was true. */
export const STRONG_FROM = 0.8

/**
 * Judged figures of what the current code still reports, replayed at 63820ab on the judged rounds' repositories
 * (docs/evaluation/calibration.md; printed by `scripts/replay-judged.mjs --ts`), with judged round 6's verdicts
 * added by class (docs/evaluation/judged-round6.json), and judged round 7's (judged-round7.json) for the shapes the
 * code still reports. Tuning data: the rounds these figures come from are not a measurement of the policy.
 */
export const JUDGED_CLASSES: readonly JudgedClass[] = [
  { id: 'backwards-compat/engineRaised', judged: 10, true: 7, pooled: true },
  { id: 'backwards-compat/exportRemoved', judged: 10, true: 7, pooled: true },
  { id: 'backwards-compat/memberRemoved', judged: 10, true: 7, pooled: true },
  { id: 'backwards-compat/parameterRemoved', judged: 10, true: 7, pooled: true },
  { id: 'backwards-compat/versionBumpTooSmall', judged: 10, true: 7, pooled: true },
  { id: 'big-picture/hotspot', confidence: ['high'], judged: 7, true: 2 },
  { id: 'big-picture/hotspot', confidence: ['medium'], judged: 12, true: 3 },
  { id: 'ci-cd/noConcurrency', confidence: ['high'], judged: 26, true: 24 },
  { id: 'ci-cd/noDependencyCache', confidence: ['medium'], judged: 16, true: 16 },
  { id: 'ci-cd/noPermissions', confidence: ['high'], judged: 21, true: 21 },
  { id: 'ci-cd/noTimeout', confidence: ['high'], judged: 66, true: 66 },
  { id: 'ci-cd/unpinnedAction', confidence: ['high'], judged: 81, true: 79 },
  { id: 'data-integrity/argumentMutation', judged: 5, true: 0, pooled: true },
  { id: 'data-integrity/localTimeParsing', judged: 5, true: 0, pooled: true },
  { id: 'data-integrity/nonAtomicWrite', confidence: ['medium'], judged: 6, true: 4 },
  // "Parsed without validating its shape": no judge found it true in rounds 1-4 and 8-10 (0 of 10: a settings
  // dict, a schema handed to its own loader, a generic converter, a schemaless import; judged-round10.json).
  { id: 'data-integrity/unvalidatedInput', judged: 10, true: 0 },
  { id: 'data-integrity/roundTripPair', judged: 5, true: 1 },
  // Round 6 (docs/evaluation/judged-session11.md): static boundary specs of units the suite runs, 0 of 6;
  // round 5 had 0 of 6 more (its per-finding verdicts were lost; not counted here).
  { id: 'edge-cases/untestedBoundary', confidence: ['medium'], judged: 6, true: 0 },
  { id: 'error-handling/bareExcept', judged: 11, true: 3, pooled: true },
  { id: 'error-handling/exitInLibrary', confidence: ['medium'], judged: 9, true: 5 },
  { id: 'error-handling/logOnlyCatch', judged: 11, true: 3, pooled: true },
  { id: 'error-handling/lostCause', judged: 11, true: 3, pooled: true },
  { id: 'error-handling/swallowedError', confidence: ['low'], judged: 5, true: 0 },
  { id: 'error-handling/swallowedError', confidence: ['medium'], judged: 9, true: 0 },
  { id: 'error-handling/thenWithoutCatch', judged: 11, true: 3, pooled: true },
  { id: 'error-handling/unclosedResource', judged: 11, true: 3, pooled: true },
  { id: 'failure-modes/throwingCall', confidence: ['high'], judged: 11, true: 2 },
  { id: 'failure-modes/throwingCall', confidence: ['medium'], judged: 18, true: 6 },
  { id: 'integration-points/envWithoutDefault', judged: 7, true: 1, pooled: true },
  { id: 'integration-points/importCycle', judged: 7, true: 1, pooled: true },
  { id: 'integration-points/untestedIntegration', judged: 7, true: 1, pooled: true },
  // mocking-strategy from judged round 5 (docs/evaluation/judged-session10.md) with rounds 1-4: 0 of 22 true.
  { id: 'mocking-strategy/ownModuleMocked', judged: 10, true: 0 },
  { id: 'mocking-strategy/subjectMocked', judged: 12, true: 0, pooled: true },
  { id: 'mocking-strategy/hardWiredSeam', judged: 12, true: 0, pooled: true },
  { id: 'mocking-strategy/mockNotRestored', judged: 12, true: 0, pooled: true },
  { id: 'performance/catastrophicRegex', confidence: ['high'], judged: 14, true: 12 },
  { id: 'performance/nestedLoops', judged: 8, true: 2, pooled: true },
  { id: 'performance/searchInLoop', judged: 8, true: 2, pooled: true },
  { id: 'performance/stringConcatInLoop', judged: 8, true: 2, pooled: true },
  // Round 7: microdot's open() of a local file in async methods (0 of 3), pooled with the thin classes.
  { id: 'performance/syncIoOnAsyncPath', judged: 8, true: 2, pooled: true },
  { id: 'performance/unboundedCollection', judged: 8, true: 2, pooled: true },
  // Scope rated every complexFunction medium at 63820ab; it now says low (estimate) or high (measured).
  { id: 'scope/complexFunction', judged: 8, true: 0 },
  { id: 'scope/untestedPublicUnit', confidence: ['high'], judged: 9, true: 9 },
  // Medium at 63820ab was the static estimate (or a partial run's report); the estimate is now rated low.
  { id: 'scope/untestedPublicUnit', confidence: ['medium', 'low'], judged: 21, true: 2 },
  { id: 'security/redosOnInput', confidence: ['medium'], judged: 10, true: 7 },
  { id: 'test-coverage/uncoveredFunction', confidence: ['high'], judged: 65, true: 51 },
  { id: 'test-coverage/uncoveredFunction', confidence: ['medium'], judged: 25, true: 10 },
  // Round 6 added 0 of 6 (validator.js: tests calling each validator by name through a helper).
  { id: 'test-coverage/untestedFunctionEstimate', confidence: ['low'], judged: 12, true: 4 },
  { id: 'test-pyramid/orderDependence', judged: 14, true: 3, pooled: true },
  { id: 'test-pyramid/realClock', judged: 14, true: 3, pooled: true },
  { id: 'test-pyramid/sharedMutableState', judged: 14, true: 3, pooled: true },
  { id: 'test-pyramid/skippedTest', judged: 14, true: 3, pooled: true },
  // Round 7 added 0 of 3 still reported (a wait before a negative check, two waits beside wall-clock
  // bounds); its 4 judged-false task-body delays are no longer reported (guards14).
  { id: 'test-pyramid/sleepInTest', confidence: ['high'], judged: 9, true: 3 },
  { id: 'test-pyramid/testCanMoveDown', judged: 14, true: 3, pooled: true },
  { id: 'test-pyramid/unhealthyShape', judged: 14, true: 3, pooled: true },
  { id: 'test-pyramid/unseededRandom', judged: 14, true: 3, pooled: true }
]

/**
 * The judged record of a class: every verdict an independent judge gave a finding of it, pooled over every
 * judged round (rounds 1-4 and 6-13, every confidence: docs/evaluation/judged-verdicts.json,
 * judged-round6.json ... judged-round13.json; classes with at least MIN_RECORD verdicts). It orders the report
 * by worth (worthOf) and decides what the record allows (recordOf).
 */
export interface JudgedWorth {
  /** `perspective/messageId`. */
  id: string
  judged: number
  true: number
  worth: number
}

/** A class's pooled record counts from this many judged findings (recordOf); the worth order from MIN_JUDGED. */
export const MIN_RECORD = 4

export const JUDGED_WORTH: readonly JudgedWorth[] = [
  { id: 'backwards-compat/defaultChanged', judged: 7, true: 0, worth: 0 },
  { id: 'backwards-compat/exportRemoved', judged: 4, true: 3, worth: 1 },
  { id: 'big-picture/hotspot', judged: 27, true: 5, worth: 3 },
  { id: 'ci-cd/coverageNotKept', judged: 17, true: 8, worth: 0 },
  { id: 'ci-cd/lintNotRun', judged: 6, true: 3, worth: 2 },
  { id: 'ci-cd/noConcurrency', judged: 38, true: 36, worth: 1 },
  { id: 'ci-cd/noCoverage', judged: 28, true: 22, worth: 3 },
  { id: 'ci-cd/noDependencyCache', judged: 23, true: 22, worth: 0 },
  { id: 'ci-cd/noPermissions', judged: 76, true: 74, worth: 65 },
  { id: 'ci-cd/noTimeout', judged: 80, true: 80, worth: 3 },
  { id: 'ci-cd/runtimeMinimumUntested', judged: 5, true: 3, worth: 4 },
  { id: 'ci-cd/typeCheckNotRun', judged: 4, true: 1, worth: 0 },
  { id: 'ci-cd/unpinnedAction', judged: 146, true: 141, worth: 42 },
  { id: 'data-integrity/argumentMutation', judged: 4, true: 0, worth: 0 },
  { id: 'data-integrity/nonAtomicWrite', judged: 22, true: 13, worth: 0 },
  { id: 'data-integrity/roundTripPair', judged: 5, true: 1, worth: 0 },
  { id: 'data-integrity/unvalidatedInput', judged: 10, true: 0, worth: 0 },
  { id: 'data-integrity/writesWithoutTransaction', judged: 5, true: 2, worth: 1 },
  { id: 'edge-cases/switchWithoutDefault', judged: 4, true: 2, worth: 0 },
  { id: 'edge-cases/untestedBoundary', judged: 10, true: 0, worth: 0 },
  { id: 'error-handling/bareExcept', judged: 6, true: 1, worth: 0 },
  { id: 'error-handling/exitInLibrary', judged: 40, true: 11, worth: 11 },
  { id: 'error-handling/floatingPromise', judged: 4, true: 0, worth: 0 },
  { id: 'error-handling/logOnlyCatch', judged: 7, true: 0, worth: 0 },
  { id: 'error-handling/swallowedError', judged: 11, true: 0, worth: 0 },
  { id: 'failure-modes/awaitedIo', judged: 17, true: 5, worth: 1 },
  { id: 'failure-modes/explicitThrow', judged: 4, true: 0, worth: 0 },
  { id: 'failure-modes/observedDefect', judged: 13, true: 0, worth: 0 },
  { id: 'failure-modes/throwingCall', judged: 55, true: 8, worth: 3 },
  { id: 'integration-points/envWithoutDefault', judged: 5, true: 0, worth: 0 },
  { id: 'integration-points/httpCallWithoutTimeout', judged: 9, true: 6, worth: 1 },
  { id: 'integration-points/importCycle', judged: 4, true: 0, worth: 0 },
  { id: 'integration-points/untestedIntegration', judged: 8, true: 3, worth: 2 },
  { id: 'integration-points/untestedRoute', judged: 10, true: 0, worth: 0 },
  { id: 'mocking-strategy/hardWiredSeam', judged: 4, true: 0, worth: 0 },
  { id: 'performance/catastrophicRegex', judged: 54, true: 36, worth: 19 },
  { id: 'performance/repeatedWorkInLoop', judged: 5, true: 0, worth: 0 },
  { id: 'performance/stringConcatInLoop', judged: 4, true: 0, worth: 0 },
  { id: 'performance/unboundedCollection', judged: 4, true: 1, worth: 1 },
  { id: 'scope/complexFunction', judged: 11, true: 0, worth: 0 },
  { id: 'scope/entryPointUntested', judged: 21, true: 17, worth: 3 },
  { id: 'scope/largeUntestedModule', judged: 8, true: 1, worth: 0 },
  { id: 'scope/untestedPublicUnit', judged: 89, true: 24, worth: 17 },
  { id: 'scope/untestedRoute', judged: 13, true: 0, worth: 0 },
  { id: 'security/pathTraversal', judged: 8, true: 0, worth: 0 },
  { id: 'security/redosOnInput', judged: 41, true: 33, worth: 6 },
  { id: 'security/sqlInjection', judged: 10, true: 0, worth: 0 },
  { id: 'test-coverage/fileNotInReport', judged: 4, true: 1, worth: 0 },
  { id: 'test-coverage/uncoveredFunction', judged: 204, true: 124, worth: 68 },
  { id: 'test-coverage/untestedFunctionEstimate', judged: 14, true: 6, worth: 0 },
  { id: 'test-pyramid/realClock', judged: 4, true: 0, worth: 0 },
  { id: 'test-pyramid/skippedTest', judged: 4, true: 3, worth: 0 },
  { id: 'test-pyramid/sleepInTest', judged: 27, true: 5, worth: 7 },
  { id: 'test-pyramid/unseededRandom', judged: 6, true: 0, worth: 0 },
  { id: 'user-experience/errorToStdout', judged: 8, true: 4, worth: 0 },
  { id: 'user-experience/genericErrorMessage', judged: 10, true: 0, worth: 0 },
  { id: 'user-experience/optionWithoutHelp', judged: 18, true: 17, worth: 4 }
]

/** A class leads when at least this share of its judged findings was worth acting on. */
export const WORTH_FROM = 1 / 3
/** A class judged true (STRONG_FROM) but worth acting on below this share is hygiene: rated info, shown last. */
export const MINOR_BELOW = 0.1

/**
 * `worth`: judges found the class worth a maintainer's time (noPermissions 12 of 14). `minor`: true but
 * rarely worth acting on (noTimeout 2 of 56, noDependencyCache 0 of 11, optionWithoutHelp 1 of 14).
 * `unknown`: neither, or too few verdicts.
 */
export type Worth = 'worth' | 'minor' | 'unknown'

export function worthOfClass(c: JudgedWorth | undefined): Worth {
  if (c === undefined || c.judged < MIN_JUDGED) return 'unknown'
  if (c.worth / c.judged >= WORTH_FROM) return 'worth'
  if (c.true / c.judged >= STRONG_FROM && c.worth / c.judged < MINOR_BELOW) return 'minor'
  return 'unknown'
}

/**
 * Below this share judged true, a class is held whatever its worth: two of three of its findings cost the
 * reader time for one that pays (round 12: exitInLibrary 11 of 40, awaitedIo 5 of 17, untestedPublicUnit pooled
 * with its estimates 17 of 70).
 */
export const HOLD_ALWAYS_BELOW = 1 / 3

/**
 * What a class's pooled record allows (docs/evaluation/calibration.md, "The record rule"): a class judged true
 * less than a third of the time over at least MIN_RECORD judged findings is `held`; one judged true less than
 * half the time is `held` when no judge found one worth acting on, and rated at most `low` when one was; any
 * other class is `reported` as its rules rate it.
 */
export type Record = 'held' | 'low' | 'reported'

export function recordOf(c: JudgedWorth | undefined): Record {
  if (c === undefined || c.judged < MIN_RECORD || c.true / c.judged >= HOLD_BELOW) return 'reported'
  if (c.true / c.judged < HOLD_ALWAYS_BELOW) return 'held'
  return c.worth > 0 ? 'low' : 'held'
}

/**
 * A class leads the report (its list of what to do next, the top of its perspective's table) only when at least
 * this share of its pooled record was judged true: a maintainer reads those first, and they must be right nine
 * times in ten (round 12: 29 of 49 first items true; coverageNotKept 8 of 16, errorToStdout 3 of 6 led).
 */
export const LEAD_FROM = 2 / 3

/**
 * The class's pooled record is below LEAD_FROM over at least MIN_RECORD judged findings, and its own figures
 * at the finding's confidence do not say otherwise (measured uncoveredFunction: 51 of 65 at high confidence,
 * 110 of 169 pooled with the estimates).
 */
export function weakRecord(
  f: Pick<Finding, 'perspective' | 'messageId' | 'confidence'>,
  calibration: Calibration = DEFAULT_CALIBRATION
): boolean {
  const r = recordOfFinding(f, calibration)
  if (r === undefined || r.judged < MIN_RECORD || r.true / r.judged >= LEAD_FROM) return false
  const c = classOf(f, calibration)
  const ownStrong =
    c !== undefined &&
    !c.pooled &&
    c.confidence !== undefined &&
    c.judged >= MIN_JUDGED &&
    c.true / c.judged >= LEAD_FROM
  return !ownStrong
}

function recordOfFinding(
  f: Pick<Finding, 'perspective' | 'messageId'>,
  calibration: Calibration
): JudgedWorth | undefined {
  const id = `${f.perspective}/${f.messageId}`
  return (calibration.worth ?? []).find((c) => c.id === id)
}

export function worthOf(
  f: Pick<Finding, 'perspective' | 'messageId'>,
  calibration: Calibration = DEFAULT_CALIBRATION
): Worth {
  const id = `${f.perspective}/${f.messageId}`
  return worthOfClass((calibration.worth ?? []).find((c) => c.id === id))
}

/** How a finding's class ranks for order: worth 2, unknown 1, minor 0. */
export function worthRank(
  f: Pick<Finding, 'perspective' | 'messageId'>,
  calibration: Calibration = DEFAULT_CALIBRATION
): number {
  const w = worthOf(f, calibration)
  return w === 'worth' ? 2 : w === 'minor' ? 0 : 1
}

/**
 * The run with the findings of minor classes rated info: true, kept in the plan and its records, but
 * neither counted in the risk nor read before what judges found worth acting on.
 */
export function rateByWorth(
  run: PerspectiveRun,
  calibration: Calibration = DEFAULT_CALIBRATION
): PerspectiveRun {
  if (run.status !== 'ok') return run
  if (!run.findings.some((f) => ratedSeverity(f, calibration) !== f.severity)) return run
  const findings = run.findings.map((f) => {
    const severity = ratedSeverity(f, calibration)
    return severity === f.severity ? f : { ...f, severity }
  })
  return { ...run, findings, risk: riskWithout(run, findings) }
}

/**
 * A minor class is rated info; a class whose record is mostly untrue but once worth acting on (recordOf
 * `low`) is rated at most low, so it never leads the report (leads needs medium).
 */
function ratedSeverity(f: Finding, calibration: Calibration): Finding['severity'] {
  if (f.severity === 'info') return f.severity
  if (worthOf(f, calibration) === 'minor') return 'info'
  if (
    f.severity !== 'low' &&
    !strongAtItsConfidence(f, calibration) &&
    recordOf(recordOfFinding(f, calibration)) === 'low'
  )
    return 'low'
  return f.severity
}

/**
 * The class's own figures at the finding's confidence say strong: they outrank the pooled record, which
 * mixes confidences (scope's measured `untestedPublicUnit`, 9 of 9 at high, 13 of 63 pooled with estimates).
 */
function strongAtItsConfidence(
  f: Pick<Finding, 'perspective' | 'messageId' | 'confidence'>,
  calibration: Calibration
): boolean {
  const c = classOf(f, calibration)
  return c !== undefined && !c.pooled && c.confidence !== undefined && trustOf(c) === 'strong'
}

export type Trust = 'held' | 'strong' | 'unproven'

export function trustOf(c: JudgedClass): Trust {
  if (c.judged < MIN_JUDGED) return 'unproven'
  const precision = c.true / c.judged
  return precision < HOLD_BELOW ? 'held' : precision >= STRONG_FROM ? 'strong' : 'unproven'
}

export interface Calibration {
  classes: readonly JudgedClass[]
  /** Classes reported although held: `perspective`, `perspective/messageId`, or `all`. */
  report: readonly string[]
  /** What judges found worth acting on, by class; none when absent. */
  worth?: readonly JudgedWorth[]
}

export const DEFAULT_CALIBRATION: Calibration = {
  classes: JUDGED_CLASSES,
  report: [],
  worth: JUDGED_WORTH
}

/** The judged class of a finding, if any. */
export function classOf(
  f: Pick<Finding, 'perspective' | 'messageId' | 'confidence'>,
  calibration: Calibration = DEFAULT_CALIBRATION
): JudgedClass | undefined {
  // An entry naming the finding's confidence first, else the class's entry for every confidence.
  const mine = calibration.classes.filter((c) => c.id === `${f.perspective}/${f.messageId}`)
  return mine.find((c) => c.confidence?.includes(f.confidence)) ?? mine.find((c) => !c.confidence)
}

function reEnabled(f: Pick<Finding, 'perspective' | 'messageId'>, report: readonly string[]) {
  return (
    report.includes('all') ||
    report.includes(f.perspective) ||
    report.includes(`${f.perspective}/${f.messageId}`)
  )
}

/**
 * The judged class that holds the finding back, if any: its class at its confidence when the replayed
 * figures hold it, else its class's pooled record when that holds it (recordOf).
 */
export function holdingClass(
  f: Pick<Finding, 'perspective' | 'messageId' | 'confidence'>,
  calibration: Calibration = DEFAULT_CALIBRATION
): JudgedClass | undefined {
  const c = classOf(f, calibration)
  if (c !== undefined && trustOf(c) === 'held') return c
  const r = recordOfFinding(f, calibration)
  if (r !== undefined && recordOf(r) === 'held' && !strongAtItsConfidence(f, calibration))
    return { id: r.id, judged: r.judged, true: r.true, record: true }
  return undefined
}

/** Whether the finding is held back by the calibration. */
export function isHeld(
  f: Pick<Finding, 'perspective' | 'messageId' | 'confidence'>,
  calibration: Calibration = DEFAULT_CALIBRATION
): boolean {
  return holdingClass(f, calibration) !== undefined && !reEnabled(f, calibration.report)
}

/** How a finding's class ranks for the lead list: strong 2, unproven 1, held 0. */
export function trustRank(
  f: Pick<Finding, 'perspective' | 'messageId' | 'confidence'>,
  calibration: Calibration = DEFAULT_CALIBRATION
): number {
  const c = classOf(f, calibration)
  const trust = c === undefined ? 'unproven' : trustOf(c)
  return trust === 'strong' ? 2 : trust === 'held' ? 0 : 1
}

/** A held finding as the records keep it (details.calibrationHeld). */
export interface HeldFinding {
  id: string
  message_id: string
  title: string
  message: string
  severity: Finding['severity']
  confidence: Confidence
  file: string | null
  start_line: number | null
  /** The judged class: `perspective/messageId` and its figures. */
  class: string
  judged: string
}

function heldRecord(f: Finding, c: JudgedClass): HeldFinding {
  return {
    id: f.id,
    message_id: f.messageId,
    title: f.title,
    message: f.message,
    severity: f.severity,
    confidence: f.confidence,
    file: f.file,
    start_line: f.startLine,
    class: c.id,
    judged: `${c.true} of ${c.judged} judged true`
  }
}

/** The run's risk over the findings it keeps, when it used the default formula over all of them. */
function riskWithout(run: PerspectiveRun, kept: Finding[]): number {
  return run.risk === Math.min(100, riskScore(run.findings)) ? riskScore(kept) : run.risk
}

function withDetails(details: unknown, held: HeldFinding[]): unknown {
  if (held.length === 0) return details
  if (details === null || details === undefined) return { calibrationHeld: held }
  if (typeof details !== 'object' || Array.isArray(details)) return details
  return { ...details, calibrationHeld: held }
}

/**
 * The run with its held classes moved out of the findings: into `held` (for the report and a later
 * defect), the details (for the records) and a `calibration.held` metric.
 */
export function holdBack(
  run: PerspectiveRun,
  calibration: Calibration = DEFAULT_CALIBRATION
): PerspectiveRun {
  if (run.status !== 'ok') return run
  const held = run.findings.filter((f) => isHeld(f, calibration))
  if (held.length === 0) return run
  const kept = run.findings.filter((f) => !held.includes(f))
  return {
    ...run,
    findings: kept,
    held: [...(run.held ?? []), ...held],
    risk: riskWithout(run, kept),
    metrics: { ...run.metrics, 'calibration.held': held.length },
    details: withDetails(
      run.details,
      held.map((f) => heldRecord(f, holdingClass(f, calibration)!))
    )
  }
}

/** A held finding whose spec showed a defect when it ran is reported after all (its claim is established). */
export function restoreDefects(run: PerspectiveRun): PerspectiveRun {
  const held = run.held ?? []
  if (held.length === 0) return run
  const shown = new Set(
    run.specs.filter((s) => s.validation?.claim === 'defect').flatMap((s) => s.covers)
  )
  const back = held.filter((f) => shown.has(f.id))
  if (back.length === 0) return run
  const still = held.filter((f) => !shown.has(f.id))
  const details = run.details as { calibrationHeld?: HeldFinding[] } | null
  return {
    ...run,
    findings: [...run.findings, ...back],
    held: still,
    metrics: { ...run.metrics, 'calibration.held': still.length },
    details:
      details && Array.isArray(details.calibrationHeld)
        ? {
            ...details,
            calibrationHeld: details.calibrationHeld.filter((h) => !shown.has(h.id))
          }
        : run.details
  }
}

/** Held findings counted per judged class, most first: the report's line under a perspective's findings. */
export function heldByClass(
  run: Pick<PerspectiveRun, 'held'>,
  calibration: Calibration = DEFAULT_CALIBRATION
): { judgedClass: JudgedClass; count: number }[] {
  // Keyed by class and confidence: a record's class is built afresh for each finding.
  const by = new Map<string, { judgedClass: JudgedClass; count: number }>()
  for (const f of run.held ?? []) {
    const c = holdingClass(f, calibration)
    if (!c) continue
    const key = `${c.id} ${c.confidence?.join('/') ?? ''}`
    const known = by.get(key)
    if (known) known.count++
    else by.set(key, { judgedClass: c, count: 1 })
  }
  return [...by.values()].sort(
    (a, b) => b.count - a.count || a.judgedClass.id.localeCompare(b.judgedClass.id)
  )
}
