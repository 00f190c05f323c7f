// The judged calibration: a class independent judges found mostly untrue (fewer than half of at least five
// judged) is held back from the findings, the risk and the lead list, counted and kept; a class they
// found true stays; the config file re-enables a held class; a held finding whose spec showed a defect is
// reported after all.
import {
  DEFAULT_CALIBRATION,
  heldByClass,
  holdBack,
  isHeld,
  JUDGED_CLASSES,
  restoreDefects,
  trustOf,
  type Calibration
} from '../../src/pipeline/calibration.js'
import { riskScore } from '../../perspectives/contract.js'
import { buildSummary } from '../../src/report/summary.js'
import { buildTerminalReport } from '../../src/report/terminal.js'
import { codeFinding, input, meta, run, spec } from '../report/make-input.js'

const POOR = { id: 'scope/untestedPublicUnit', confidence: ['low'] as const, judged: 37, true: 0 }
const STRONG = { id: 'ci-cd/unpinnedAction', judged: 53, true: 52 }
const FEW = { id: 'security/xss', judged: 4, true: 0 }
const calibration: Calibration = { classes: [POOR, STRONG, FEW], report: [] }

const estimate = codeFinding({
  id: 'scope/untestedPublicUnit/1',
  perspective: 'scope',
  messageId: 'untestedPublicUnit',
  confidence: 'low',
  severity: 'medium'
})
const measured = codeFinding({
  id: 'scope/untestedPublicUnit/2',
  perspective: 'scope',
  messageId: 'untestedPublicUnit',
  confidence: 'high',
  severity: 'high',
  file: 'src/other.ts'
})
const pinned = codeFinding({
  id: 'ci-cd/unpinnedAction/3',
  perspective: 'ci-cd',
  messageId: 'unpinnedAction',
  confidence: 'high',
  severity: 'medium',
  file: '.github/workflows/ci.yml'
})
const xss = codeFinding({
  id: 'security/xss/4',
  perspective: 'security',
  messageId: 'xss',
  confidence: 'medium'
})

describe('trust of a judged class', () => {
  it('holds under half true with at least five judged, calls 80% strong, and leaves a small sample unproven', () => {
    expect(trustOf(POOR)).toBe('held')
    expect(trustOf(STRONG)).toBe('strong')
    expect(trustOf(FEW)).toBe('unproven')
    expect(trustOf({ id: 'x/y', judged: 10, true: 5 })).toBe('unproven')
  })

  it('matches a class by perspective, message id and the confidences it names', () => {
    expect(isHeld(estimate, calibration)).toBe(true)
    expect(isHeld(measured, calibration)).toBe(false)
    expect(isHeld(pinned, calibration)).toBe(false)
    expect(isHeld(xss, calibration)).toBe(false)
  })
})

describe('holdBack', () => {
  const scopeRun = run({
    findings: [estimate, measured],
    specs: [spec({ id: 'scope/spec/1', covers: [estimate.id] })]
  })
  scopeRun.risk = riskScore(scopeRun.findings)

  it('moves a held class out of the findings and the risk, keeps its spec and records it in the details', () => {
    const held = holdBack(scopeRun, calibration)
    expect(held.findings.map((f) => f.id)).toEqual([measured.id])
    expect(held.held?.map((f) => f.id)).toEqual([estimate.id])
    expect(held.specs.map((s) => s.id)).toEqual(['scope/spec/1'])
    expect(held.risk).toBe(riskScore([measured]))
    expect(held.metrics['calibration.held']).toBe(1)
    expect(held.details).toMatchObject({
      calibrationHeld: [
        {
          id: estimate.id,
          class: 'scope/untestedPublicUnit',
          judged: '0 of 37 judged true',
          confidence: 'low'
        }
      ]
    })
    expect(heldByClass(held, calibration)).toEqual([{ judgedClass: POOR, count: 1 }])
  })

  it('reports a held class the config file names again, by class or by perspective', () => {
    for (const report of [['scope/untestedPublicUnit'], ['scope'], ['all']]) {
      const again = holdBack(scopeRun, { ...calibration, report })
      expect(again.findings.map((f) => f.id)).toEqual([estimate.id, measured.id])
      expect(again.held).toBeUndefined()
    }
  })

  it('keeps a risk the perspective computed itself', () => {
    const own = { ...scopeRun, risk: 77 }
    expect(holdBack(own, calibration).risk).toBe(77)
  })

  it('reports a held finding after all when its spec showed a defect', () => {
    const held = holdBack(scopeRun, calibration)
    const ran = {
      ...held,
      specs: held.specs.map((s) => ({
        ...s,
        validation: {
          status: 'failed' as const,
          runs: 3,
          millis: 1,
          message: 'observed TypeError',
          coverage_gain: null,
          claim: 'defect' as const
        }
      }))
    }
    const restored = restoreDefects(ran)
    expect(restored.findings.map((f) => f.id).sort()).toEqual([estimate.id, measured.id].sort())
    expect(restored.held).toEqual([])
    expect(restored.details).toMatchObject({ calibrationHeld: [] })
  })
})

describe('the default table', () => {
  it('holds the classes judged poor and keeps the strong ones', () => {
    const held = JUDGED_CLASSES.filter((c) => trustOf(c) === 'held').map((c) => c.id)
    const strong = JUDGED_CLASSES.filter((c) => trustOf(c) === 'strong').map((c) => c.id)
    expect(held).toContain('failure-modes/throwingCall')
    expect(held).toContain('data-integrity/unvalidatedInput')
    expect(strong).toContain('ci-cd/unpinnedAction')
    // Round 5's judges found no mocking-strategy claim true (0 of 17; 0 of 5 before).
    expect(held).toEqual(
      expect.arrayContaining(['mocking-strategy/ownModuleMocked', 'mocking-strategy/hardWiredSeam'])
    )
    const throwing = codeFinding({
      perspective: 'failure-modes',
      messageId: 'throwingCall',
      confidence: 'high'
    })
    expect(isHeld(throwing, DEFAULT_CALIBRATION)).toBe(true)
    // Scope's static "untested" estimate (low confidence) is held; what a coverage report measured is not.
    expect(isHeld(estimate, DEFAULT_CALIBRATION)).toBe(true)
    expect(isHeld(measured, DEFAULT_CALIBRATION)).toBe(false)
    expect(isHeld(pinned, DEFAULT_CALIBRATION)).toBe(false)
  })
})

describe('what the reports say of held findings', () => {
  const throwing = codeFinding({
    id: 'failure-modes/throwingCall/9',
    perspective: 'failure-modes',
    messageId: 'throwingCall',
    confidence: 'high',
    severity: 'high',
    title: 'JSON.parse in load can throw SyntaxError'
  })
  const failureRun = holdBack(
    run({
      meta: meta(2, 'failure-modes', 'Failure modes', 'What can fail?'),
      findings: [throwing],
      specs: []
    })
  )

  it('the summary names the held class, its judged figure and the config key, not the finding', () => {
    expect(failureRun.findings).toEqual([])
    const summary = buildSummary(input({ runs: [failureRun] }))
    expect(summary).toContain('No findings reported from this perspective.')
    expect(summary).toMatch(
      /Held back: 1 finding of classes independent judges found mostly untrue: 1 <code>failure-modes\/throwingCall<\/code> at high confidence \(judged \d+ of \d+ true\)/
    )
    expect(summary).toContain('<code>calibration.report</code>')
    expect(summary).not.toContain('JSON.parse in load can throw SyntaxError')
  })

  it('the terminal report says the same in one line', () => {
    const text = buildTerminalReport(input({ runs: [failureRun] }))
    expect(text).toMatch(
      /Held back: 1 finding of classes .* failure-modes\/throwingCall at high confidence/
    )
    expect(text).not.toContain('JSON.parse in load can throw SyntaxError')
  })
})
