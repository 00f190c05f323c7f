// The lead list orders by what independent judges found true: a finding of a class judged strong comes
// before a more severe one of a class without that record, and a held class that the config reports
// again comes last.
import type { Calibration } from '../../src/pipeline/calibration.js'
import { nextSteps } from '../../src/report/next-steps.js'
import { codeFinding, run, spec } from './make-input.js'

const shipped = (): boolean => true
const calibration: Calibration = {
  classes: [
    { id: 'ci-cd/noPermissions', judged: 9, true: 9 },
    { id: 'failure-modes/throwingCall', judged: 16, true: 1 }
  ],
  report: ['failure-modes']
}

describe('"What to do next" by judged trust', () => {
  it('puts a strong class first, then an unjudged one, then a held one reported again, whatever their severity', () => {
    const strong = codeFinding({
      id: 'ci-cd/noPermissions/1',
      perspective: 'ci-cd',
      messageId: 'noPermissions',
      severity: 'medium',
      confidence: 'high',
      file: '.github/workflows/ci.yml',
      startLine: 3
    })
    const unjudged = codeFinding({
      id: 'performance/new/2',
      perspective: 'performance',
      messageId: 'somethingNew',
      severity: 'high',
      confidence: 'high',
      file: 'src/b.ts',
      startLine: 2
    })
    const held = codeFinding({
      id: 'failure-modes/throwingCall/3',
      perspective: 'failure-modes',
      messageId: 'throwingCall',
      severity: 'critical',
      confidence: 'high',
      file: 'src/c.ts',
      startLine: 3
    })
    const steps = nextSteps(
      [run({ findings: [held, unjudged, strong], specs: [] })],
      10,
      shipped,
      calibration
    )
    expect(steps.map((s) => s.finding?.id)).toEqual([strong.id, unjudged.id, held.id])
  })

  it('keeps severity as the order within one trust level', () => {
    const medium = codeFinding({
      id: 'x/a/1',
      perspective: 'performance',
      messageId: 'a',
      severity: 'medium',
      confidence: 'high',
      startLine: 1
    })
    const high = codeFinding({
      id: 'x/b/2',
      perspective: 'performance',
      messageId: 'b',
      severity: 'high',
      confidence: 'high',
      startLine: 2
    })
    const steps = nextSteps(
      [run({ findings: [medium, high], specs: [] })],
      10,
      shipped,
      calibration
    )
    expect(steps.map((s) => s.finding?.id)).toEqual([high.id, medium.id])
  })
})

describe('"What to do next" and specs standing on their own', () => {
  const written = spec({
    id: 'edge-cases/ready/1',
    fileName: 'test/ready.test.ts',
    priority: 'P1',
    covers: [],
    target: { file: 'src/ready.ts', symbol: 'ready', line: 1 }
  })
  const todo = spec({
    id: 'edge-cases/todo/2',
    fileName: 'test/todo.test.ts',
    priority: 'P1',
    covers: [],
    planOnly: true,
    target: { file: 'src/todo.ts', symbol: 'todo', line: 1 }
  })
  const ofHeld = spec({
    id: 'failure-modes/held/3',
    fileName: 'test/held.test.ts',
    priority: 'P1',
    covers: ['failure-modes/throwingCall/held'],
    target: { file: 'src/held.ts', symbol: 'held', line: 1 }
  })

  it('leads with a written spec, not a plan item still to write nor the spec of a finding held back', () => {
    const steps = nextSteps(
      [run({ findings: [], specs: [todo, ofHeld, written] })],
      10,
      shipped,
      calibration
    )
    expect(steps.map((s) => s.spec?.id)).toEqual([written.id])
  })
})
