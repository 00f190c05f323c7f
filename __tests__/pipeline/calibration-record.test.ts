// The record rule: every judged round's verdicts pooled by class decide what a class may claim. A class
// judged true less than a third of the time over at least four judged findings is held; one judged true less
// than half the time is held when no judge found one worth acting on, and rated at most low when one was;
// nothing held or rated low leads the report.
import {
  DEFAULT_CALIBRATION,
  holdBack,
  isHeld,
  JUDGED_WORTH,
  rateByWorth,
  recordOf,
  type Calibration
} from '../../src/pipeline/calibration.js'
import { riskScore } from '../../perspectives/contract.js'
import { nextSteps } from '../../src/report/next-steps.js'
import { buildSummary } from '../../src/report/summary.js'
import { codeFinding, input, meta, run } from '../report/make-input.js'

const shipped = (): boolean => true
const calibration: Calibration = {
  classes: [],
  report: [],
  worth: [
    { id: 'security/pathTraversal', judged: 8, true: 0, worth: 0 },
    { id: 'error-handling/exitInLibrary', judged: 36, true: 15, worth: 11 },
    { id: 'ci-cd/noPermissions', judged: 40, true: 38, worth: 37 },
    { id: 'security/xss', judged: 3, true: 0, worth: 0 }
  ]
}

const traversal = codeFinding({
  id: 'security/pathTraversal/1',
  perspective: 'security',
  messageId: 'pathTraversal',
  severity: 'high',
  confidence: 'high',
  file: 'src/migrate.py',
  startLine: 202
})
const exit = codeFinding({
  id: 'error-handling/exitInLibrary/2',
  perspective: 'error-handling',
  messageId: 'exitInLibrary',
  severity: 'high',
  confidence: 'high',
  file: 'src/lib.py',
  startLine: 12
})
const xss = codeFinding({
  id: 'security/xss/3',
  perspective: 'security',
  messageId: 'xss',
  severity: 'high',
  confidence: 'high',
  file: 'src/view.ts',
  startLine: 5
})

describe('recordOf', () => {
  it('holds a mostly untrue class never worth acting on, caps one worth acting on once, reports the rest', () => {
    expect(recordOf({ id: 'a/b', judged: 5, true: 2, worth: 0 })).toBe('held')
    expect(recordOf({ id: 'a/b', judged: 5, true: 2, worth: 1 })).toBe('low')
    expect(recordOf({ id: 'a/b', judged: 4, true: 2, worth: 0 })).toBe('reported')
    expect(recordOf({ id: 'a/b', judged: 3, true: 0, worth: 0 })).toBe('reported')
    expect(recordOf(undefined)).toBe('reported')
  })

  it('holds a class judged true less than a third of the time even when some were worth acting on', () => {
    // exitInLibrary after round 12: 11 of 40 true, 11 worth acting on.
    expect(recordOf({ id: 'a/b', judged: 40, true: 11, worth: 11 })).toBe('held')
    expect(recordOf({ id: 'a/b', judged: 3, true: 0, worth: 1 })).toBe('reported')
    expect(recordOf({ id: 'a/b', judged: 6, true: 2, worth: 1 })).toBe('low')
  })
})

describe('the record in the pipeline', () => {
  const securityRun = run({
    meta: meta(5, 'security', 'Security', 'What can be abused?'),
    findings: [traversal, xss],
    specs: []
  })
  securityRun.risk = riskScore(securityRun.findings)

  it('holds a held class out of the findings and names its record in the summary', () => {
    const held = holdBack(securityRun, calibration)
    expect(held.findings.map((f) => f.id)).toEqual([xss.id])
    expect(held.held?.map((f) => f.id)).toEqual([traversal.id])
    expect(held.details).toMatchObject({
      calibrationHeld: [{ id: traversal.id, judged: '0 of 8 judged true' }]
    })
    const summary = buildSummary(input({ runs: [held] }))
    expect(summary).toMatch(
      /Held back: 1 finding .*<code>security\/pathTraversal<\/code> \(judged 0 of 8 true over every judged round\)/
    )
  })

  it('reports a held class again when the config file names it', () => {
    expect(isHeld(traversal, { ...calibration, report: ['security/pathTraversal'] })).toBe(false)
  })

  it('rates a low class at most low, keeps a thinly judged class as its rule rates it', () => {
    const rated = rateByWorth(run({ findings: [exit, xss], specs: [] }), calibration)
    expect(rated.findings.map((f) => [f.id, f.severity])).toEqual([
      [exit.id, 'low'],
      [xss.id, 'high']
    ])
  })

  it("leaves a class whose own figures at the finding's confidence are strong as its rule rates it", () => {
    // scope's measured untestedPublicUnit: 9 of 9 at high, 13 of 63 pooled with the static estimates.
    const measured = { ...exit, confidence: 'high' as const }
    const strongAtHigh: Calibration = {
      ...calibration,
      classes: [
        { id: 'error-handling/exitInLibrary', confidence: ['high'], judged: 9, true: 9 },
        { id: 'security/pathTraversal', confidence: ['high'], judged: 9, true: 9 }
      ]
    }
    const rated = rateByWorth(run({ findings: [measured], specs: [] }), strongAtHigh)
    expect(rated.findings.map((f) => f.severity)).toEqual(['high'])
    expect(isHeld(traversal, strongAtHigh)).toBe(false)
    expect(isHeld({ ...traversal, confidence: 'medium' }, strongAtHigh)).toBe(true)
  })

  it('leads with neither a held nor a low class', () => {
    const runs = [
      rateByWorth(
        holdBack(run({ findings: [traversal, exit, xss], specs: [] }), calibration),
        calibration
      )
    ]
    expect(nextSteps(runs, 10, shipped, calibration).map((s) => s.finding?.id)).toEqual([xss.id])
    // Even a held finding that stayed in the findings (a restored or probed one) does not lead.
    const unheld = [run({ findings: [traversal, xss], specs: [] })]
    expect(nextSteps(unheld, 10, shipped, calibration).map((s) => s.finding?.id)).toEqual([xss.id])
  })
})

describe('the default record', () => {
  const ids = (r: string): string[] =>
    JUDGED_WORTH.filter((c) => recordOf(c) === r).map((c) => c.id)
  it('holds the classes judged mostly untrue and never worth acting on, caps the ones worth acting on once', () => {
    expect(ids('held')).toEqual(
      expect.arrayContaining([
        'security/pathTraversal',
        'security/sqlInjection',
        'failure-modes/observedDefect',
        'data-integrity/unvalidatedInput',
        'scope/complexFunction',
        // True less than a third of the time, though some were worth acting on.
        'error-handling/exitInLibrary',
        'failure-modes/awaitedIo',
        'failure-modes/throwingCall',
        'scope/untestedPublicUnit',
        'test-pyramid/sleepInTest'
      ])
    )
    expect(ids('low')).toEqual(
      expect.arrayContaining([
        'data-integrity/writesWithoutTransaction',
        'integration-points/untestedIntegration'
      ])
    )
    expect(ids('held')).not.toContain('test-coverage/uncoveredFunction')
    expect(ids('low')).not.toContain('performance/catastrophicRegex')
    expect(isHeld(traversal, DEFAULT_CALIBRATION)).toBe(true)
  })
})
