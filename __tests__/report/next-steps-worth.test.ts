// What judges found worth acting on orders the report: a class judged worth a maintainer's time leads
// before a more severe class with no such record; a class judged true but rarely worth acting on (a job's
// timeout) never leads, is rated info by the pipeline and comes last in its perspective. The worth table
// is checked against the judged verdicts it was counted from.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  JUDGED_WORTH,
  MIN_RECORD,
  rateByWorth,
  worthOf,
  type Calibration
} from '../../src/pipeline/calibration.js'
import { riskScore } from '../../perspectives/contract.js'
import { byRisk, nextSteps } from '../../src/report/next-steps.js'
import { codeFinding, run, spec } from './make-input.js'

const shipped = (): boolean => true
const calibration: Calibration = {
  classes: [],
  report: [],
  worth: [
    { id: 'ci-cd/noPermissions', judged: 14, true: 14, worth: 12 },
    { id: 'ci-cd/noTimeout', judged: 56, true: 56, worth: 2 },
    // Neither worth nor minor, and true often enough to lead (next-steps-record.test.ts).
    { id: 'scope/untestedPublicUnit', judged: 57, true: 40, worth: 5 }
  ]
}

const permissions = codeFinding({
  id: 'ci-cd/noPermissions/1',
  perspective: 'ci-cd',
  messageId: 'noPermissions',
  severity: 'medium',
  confidence: 'high',
  file: '.github/workflows/ci.yml',
  startLine: 1
})
const timeout = codeFinding({
  id: 'ci-cd/noTimeout/2',
  perspective: 'ci-cd',
  messageId: 'noTimeout',
  severity: 'high',
  confidence: 'high',
  file: '.github/workflows/ci.yml',
  startLine: 9
})
const unit = codeFinding({
  id: 'scope/untestedPublicUnit/3',
  perspective: 'scope',
  messageId: 'untestedPublicUnit',
  severity: 'high',
  confidence: 'high',
  file: 'src/a.ts',
  startLine: 3
})

describe('ordering by what judges found worth acting on', () => {
  it('classes each judged worth, rarely worth and neither', () => {
    expect(worthOf(permissions, calibration)).toBe('worth')
    expect(worthOf(timeout, calibration)).toBe('minor')
    expect(worthOf(unit, calibration)).toBe('unknown')
  })

  it('leads with a worth class before a more severe unjudged one, and never with a minor one', () => {
    const steps = nextSteps(
      [run({ findings: [timeout, unit, permissions], specs: [] })],
      10,
      shipped,
      calibration
    )
    expect(steps.map((s) => s.finding?.id)).toEqual([permissions.id, unit.id])
  })

  it("puts a perspective's worth class first and its minor class last", () => {
    expect(byRisk([timeout, unit, permissions], shipped, calibration).map((f) => f.id)).toEqual([
      permissions.id,
      unit.id,
      timeout.id
    ])
  })

  it('rates a minor class info and lowers the risk it counted', () => {
    const before = run({
      findings: [timeout, permissions],
      specs: [],
      risk: riskScore([timeout, permissions])
    })
    const rated = rateByWorth(before, calibration)
    expect(rated.findings.map((f) => [f.id, f.severity])).toEqual([
      [timeout.id, 'info'],
      [permissions.id, 'medium']
    ])
    expect(rated.risk).toBe(riskScore([{ ...timeout, severity: 'info' }, permissions]))
    expect(rated.risk).toBeLessThan(before.risk)
  })
})

describe('the worth table', () => {
  it('is the count of the judged verdicts with a worth verdict, by class (rounds 1-4 and 6-13)', () => {
    const read = (
      name: string
    ): { perspective: string | null; message_id: string | null; claim: string; worth: string }[] =>
      JSON.parse(
        readFileSync(
          fileURLToPath(new URL(`../../docs/evaluation/${name}`, import.meta.url)),
          'utf8'
        )
      )
    const counts = new Map<string, { judged: number; true: number; worth: number }>()
    for (const r of [
      ...read('judged-verdicts.json'),
      ...read('judged-round6.json'),
      ...read('judged-round7.json'),
      ...read('judged-round8.json'),
      ...read('judged-round9.json'),
      ...read('judged-round10.json'),
      ...read('judged-round11.json'),
      ...read('judged-round12.json'),
      ...read('judged-round13.json')
    ]) {
      if (!r.perspective || !r.message_id || (r.worth !== 'yes' && r.worth !== 'no')) continue
      const id = `${r.perspective}/${r.message_id}`
      const c = counts.get(id) ?? { judged: 0, true: 0, worth: 0 }
      c.judged++
      if (r.claim === 'yes') c.true++
      if (r.worth === 'yes') c.worth++
      counts.set(id, c)
    }
    const expected = [...counts]
      .filter(([, c]) => c.judged >= MIN_RECORD)
      .map(([id, c]) => ({ id, ...c }))
      .sort((a, b) => a.id.localeCompare(b.id))
    expect(JUDGED_WORTH).toEqual(expected)
  })
})

describe('a spec standing on its own in the lead', () => {
  const validation = (status: 'passed' | 'not-run', gain: number | null) => ({
    status,
    runs: status === 'passed' ? 1 : 0,
    millis: 0,
    message: null,
    coverage_gain: gain,
    claim: null
  })
  // A medium-confidence finding does not lead; its unrun spec must not bring it back.
  const probe = codeFinding({
    id: 'security/codeInjection/1',
    perspective: 'security',
    messageId: 'codeInjection',
    severity: 'high',
    confidence: 'medium',
    file: 'src/config.py',
    startLine: 9
  })
  it("leads with a finding's spec only when it ran, passed and reached code the suite leaves unrun", () => {
    const steps = nextSteps(
      [
        run({
          findings: [probe],
          specs: [
            spec({
              id: 'unrun',
              covers: [probe.id],
              priority: 'P1',
              fileName: 'a.test.ts',
              validation: validation('not-run', null)
            }),
            spec({
              id: 'nothing-new',
              covers: [probe.id],
              priority: 'P1',
              fileName: 'b.test.ts',
              validation: validation('passed', 0)
            }),
            spec({
              id: 'adds',
              covers: [probe.id],
              priority: 'P1',
              fileName: 'c.test.ts',
              validation: validation('passed', 12)
            })
          ]
        })
      ],
      10,
      shipped,
      calibration
    )
    expect(steps.map((s) => s.spec?.id)).toEqual(['adds'])
  })
})
