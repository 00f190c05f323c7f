// Running the specs decides what leads the report: a finding its spec showed to be a defect goes to
// the top whatever its rank; a finding its spec refuted leaves "What to do next" and the risk.
import { riskAfterValidation, riskScore } from '../../src/engine/risk.js'
import type { RecordValidation } from '../../src/records/types.js'
import { nextSteps } from '../../src/report/next-steps.js'
import { codeFinding, run, spec } from './make-input.js'

const validation = (claim: RecordValidation['claim'], status: RecordValidation['status']) => ({
  status,
  runs: status === 'not-run' ? 0 : 3,
  millis: 900,
  message: null,
  coverage_gain: null,
  claim
})

const critical = codeFinding({
  id: 'failure-modes/throws/1',
  title: 'parseConfig throws on empty input',
  severity: 'critical',
  confidence: 'high',
  startLine: 10
})
const low = codeFinding({
  id: 'edge-cases/boundary/2',
  title: 'pad(-1) returns the input',
  severity: 'low',
  confidence: 'medium',
  file: 'src/pad.ts',
  startLine: 4
})
const medium = codeFinding({
  id: 'error-handling/swallowed/3',
  title: 'load swallows the read error',
  severity: 'medium',
  confidence: 'high',
  file: 'src/load.ts',
  startLine: 20
})

const shipped = (): boolean => true

describe('what running the specs changes in the report', () => {
  it('leaves a refuted finding out of "What to do next" and keeps the others in rank order', () => {
    const r = run({
      findings: [critical, medium],
      specs: [
        spec({ id: 's1', covers: [critical.id], validation: validation('refuted', 'not-run') }),
        spec({ id: 's2', covers: [medium.id], fileName: 'b.test.ts' })
      ]
    })
    const steps = nextSteps([r], 10, shipped)
    expect(steps.map((s) => s.finding?.id)).toEqual([medium.id])
  })

  it('puts a defect first, above a critical finding, even when its own rank would not lead', () => {
    const r = run({
      findings: [critical, low],
      specs: [
        spec({ id: 's1', covers: [critical.id], fileName: 'a.test.ts' }),
        spec({
          id: 's2',
          covers: [low.id],
          fileName: 'pad.test.ts',
          validation: validation('defect', 'failed')
        })
      ]
    })
    const steps = nextSteps([r], 10, shipped)
    expect(steps.map((s) => s.finding?.id)).toEqual([low.id, critical.id])
    expect(steps[0].spec?.id).toBe('s2')
  })

  it('a finding of a held class, reported after all through its failing spec, does not lead', () => {
    // scope/untestedPublicUnit at low confidence is held (judged 2 of 21 true); its smoke spec failed.
    const held = codeFinding({
      id: 'scope/untestedPublicUnit/9',
      messageId: 'untestedPublicUnit',
      title: 'Untested public class OnDup',
      severity: 'medium',
      confidence: 'low',
      file: 'src/dup.py',
      startLine: 38
    })
    const r = run({
      findings: [held, low],
      specs: [
        spec({
          id: 's1',
          covers: [held.id],
          fileName: 'dup.test.py',
          validation: validation('defect', 'failed')
        }),
        spec({
          id: 's2',
          covers: [low.id],
          fileName: 'pad.test.ts',
          validation: validation('defect', 'failed')
        })
      ]
    })
    expect(nextSteps([r], 10, shipped).map((s) => s.finding?.id)).toEqual([low.id])
  })

  it('keeps a finding one spec refuted and another confirmed', () => {
    const r = run({
      findings: [critical],
      specs: [
        spec({ id: 's1', covers: [critical.id], validation: validation('refuted', 'not-run') }),
        spec({
          id: 's2',
          covers: [critical.id],
          fileName: 'c.test.ts',
          validation: validation('confirmed', 'passed')
        })
      ]
    })
    expect(nextSteps([r], 10, shipped).map((s) => s.finding?.id)).toEqual([critical.id])
    expect(riskAfterValidation({ ...r, risk: riskScore(r.findings) })).toBe(riskScore(r.findings))
  })

  it('drops a refuted finding from the risk computed by the default formula', () => {
    const findings = [critical, medium]
    const r = run({
      findings,
      risk: riskScore(findings),
      specs: [spec({ covers: [critical.id], validation: validation('refuted', 'not-run') })]
    })
    expect(riskScore(findings)).toBe(44)
    expect(riskAfterValidation(r)).toBe(riskScore([medium]))
    expect(riskAfterValidation(r)).toBe(8)
  })

  it('keeps a risk the perspective computed its own way', () => {
    const r = run({
      findings: [critical, medium],
      risk: 63,
      specs: [spec({ covers: [critical.id], validation: validation('refuted', 'not-run') })]
    })
    expect(riskAfterValidation(r)).toBe(63)
  })
})

describe('a standalone spec that ran and showed nothing new (round 7, python-dotenv T2)', () => {
  const standalone = (coverage_gain: number | null) =>
    spec({
      id: 'edge-cases/spec/1',
      title: 'find_dotenv at its boundary values',
      covers: [],
      fileName: 'tests/test_find_dotenv_edge_cases.py',
      validation: {
        status: 'passed',
        runs: 3,
        millis: 900,
        message: null,
        coverage_gain,
        claim: null
      }
    })

  it('does not lead when it passed without reaching a line the suite leaves unrun', () => {
    const r = run({ findings: [], specs: [standalone(0)] })
    expect(nextSteps([r], 10, shipped)).toEqual([])
  })

  it('leads when it reached new lines, or when the gain was not measured', () => {
    for (const gain of [4, null]) {
      const r = run({ findings: [], specs: [standalone(gain)] })
      expect(nextSteps([r], 10, shipped).map((s) => s.spec?.id)).toEqual(['edge-cases/spec/1'])
    }
  })
})
