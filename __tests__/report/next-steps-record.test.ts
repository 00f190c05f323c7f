// A class whose pooled judged record is below two thirds true does not lead the report, held or not: the
// first items a maintainer reads must be right nine times in ten (round 12: 29 of 49 true). It neither enters
// "What to do next" nor heads its perspective's table; its own figures at the finding's confidence outrank the
// pooled record, and a spec that showed a defect still leads.
import { LEAD_FROM, weakRecord, type Calibration } from '../../src/pipeline/calibration.js'
import { byRisk, nextSteps } from '../../src/report/next-steps.js'
import { codeFinding, run, spec } from './make-input.js'

const shipped = (): boolean => true
const calibration: Calibration = {
  classes: [
    { id: 'test-coverage/uncoveredFunction', confidence: ['high'], judged: 65, true: 51 },
    { id: 'test-coverage/uncoveredFunction', confidence: ['medium'], judged: 25, true: 10 }
  ],
  report: [],
  worth: [
    // 8 of 16 true: reported (not below half), but weak.
    { id: 'ci-cd/coverageNotKept', judged: 16, true: 8, worth: 0 },
    { id: 'ci-cd/lintNotRun', judged: 5, true: 3, worth: 2 },
    { id: 'ci-cd/noPermissions', judged: 64, true: 62, worth: 57 },
    { id: 'test-coverage/uncoveredFunction', judged: 169, true: 110, worth: 60 },
    // Three verdicts: too few for a record.
    { id: 'ci-cd/thinClass', judged: 3, true: 1, worth: 0 }
  ]
}

const workflow = '.github/workflows/ci.yml'
const coverage = codeFinding({
  id: 'ci-cd/coverageNotKept/1',
  perspective: 'ci-cd',
  messageId: 'coverageNotKept',
  severity: 'high',
  confidence: 'high',
  file: workflow,
  startLine: 21
})
const lint = codeFinding({
  id: 'ci-cd/lintNotRun/2',
  perspective: 'ci-cd',
  messageId: 'lintNotRun',
  severity: 'medium',
  confidence: 'high',
  file: workflow,
  startLine: 30
})
const permissions = codeFinding({
  id: 'ci-cd/noPermissions/3',
  perspective: 'ci-cd',
  messageId: 'noPermissions',
  severity: 'medium',
  confidence: 'high',
  file: workflow,
  startLine: 1
})
const thin = codeFinding({
  id: 'ci-cd/thinClass/4',
  perspective: 'ci-cd',
  messageId: 'thinClass',
  severity: 'medium',
  confidence: 'high',
  file: workflow,
  startLine: 40
})
const measured = codeFinding({
  id: 'test-coverage/uncoveredFunction/5',
  perspective: 'test-coverage',
  messageId: 'uncoveredFunction',
  severity: 'medium',
  confidence: 'high',
  file: 'src/a.ts',
  startLine: 7
})

describe('a weak judged record', () => {
  it('is a record below two thirds true over at least four verdicts', () => {
    expect(LEAD_FROM).toBeCloseTo(2 / 3)
    expect(weakRecord(coverage, calibration)).toBe(true)
    expect(weakRecord(lint, calibration)).toBe(true)
    expect(weakRecord(permissions, calibration)).toBe(false)
    expect(weakRecord(thin, calibration)).toBe(false)
  })

  it("gives way to the class's own figures at the finding's confidence", () => {
    // 110 of 169 pooled is below two thirds; 51 of 65 at high confidence is not.
    expect(weakRecord(measured, calibration)).toBe(false)
    expect(weakRecord({ ...measured, confidence: 'medium' }, calibration)).toBe(true)
  })

  it('keeps the class out of "What to do next", whatever its severity or worth', () => {
    const steps = nextSteps(
      [
        run({ findings: [coverage, lint, permissions, thin], specs: [] }),
        run({ findings: [measured], specs: [] })
      ],
      10,
      shipped,
      calibration
    )
    expect(steps.map((s) => s.finding?.id)).toEqual([permissions.id, measured.id, thin.id])
  })

  it('still leads when its spec ran and showed the defect', () => {
    const shown = spec({
      covers: [coverage.id],
      validation: {
        status: 'failed',
        runs: 1,
        millis: 1,
        message: null,
        coverage_gain: null,
        claim: 'defect'
      }
    })
    const steps = nextSteps(
      [run({ findings: [coverage], specs: [shown] })],
      10,
      shipped,
      calibration
    )
    expect(steps.map((s) => s.finding?.id)).toEqual([coverage.id])
  })

  it("comes after the other findings in its perspective's table", () => {
    expect(
      byRisk([coverage, lint, thin, permissions], shipped, calibration).map((f) => f.id)
    ).toEqual([permissions.id, thin.id, lint.id, coverage.id])
  })
})
