// What leads the report is what the tool is sure of: a medium-confidence finding, however severe,
// stays in its perspective's section and does not reach "What to do next".
import { nextSteps } from '../../src/report/next-steps.js'
import { codeFinding, run } from './make-input.js'

const shipped = (): boolean => true

describe('which findings lead "What to do next"', () => {
  it('leads with a high-confidence finding and leaves a medium-confidence one of higher severity out', () => {
    const sure = codeFinding({
      id: 'test-coverage/uncovered/1',
      severity: 'medium',
      confidence: 'high',
      file: 'src/a.ts',
      startLine: 3
    })
    const guess = codeFinding({
      id: 'failure-modes/throws/2',
      severity: 'critical',
      confidence: 'medium',
      file: 'src/b.ts',
      startLine: 7
    })
    const steps = nextSteps([run({ findings: [guess, sure], specs: [] })], 10, shipped)
    expect(steps.map((s) => s.finding?.id)).toEqual([sure.id])
  })

  it('leaves out a sure finding outside shipped code or below medium severity', () => {
    const low = codeFinding({ id: 'x/low/1', severity: 'low', confidence: 'high' })
    const script = codeFinding({
      id: 'x/script/2',
      severity: 'high',
      confidence: 'high',
      file: 'scripts/release.js'
    })
    const steps = nextSteps(
      [run({ findings: [low, script], specs: [] })],
      10,
      (p) => !p.startsWith('scripts/')
    )
    expect(steps).toEqual([])
  })
})
