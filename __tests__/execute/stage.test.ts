// Observation and validation together, on rendered drafts: the observed values become the assertions,
// a planted defect is reported as a defect, a wrong claim is refuted, and what cannot be observed
// safely (a loop, an exit, the clock) is plan-only.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { validateSpecs, type StageResult } from '../../src/execute/stage.js'
import { renderSpec } from '../../src/specs/render.js'
import type { RenderTarget, SpecCase, SpecDraft } from '../../src/specs/types.js'
import { CI_PYTHON, fingerprint, fixtureWorkspace, validationOptions } from './workspace.js'

function draft(
  key: string,
  module: string,
  symbol: string,
  cases: SpecCase[],
  covers: string[] = []
): SpecDraft {
  return {
    key,
    title: key,
    level: 'unit',
    target: { file: module, symbol },
    rationale: 'r',
    covers,
    expected: 'e',
    priority: 'P2',
    body: { kind: 'call', module, symbol, async: false, cases }
  }
}

async function stage(
  fixture: string,
  target: RenderTarget,
  drafts: SpecDraft[]
): Promise<{ result: StageResult; identical: boolean }> {
  const ws = await fixtureWorkspace(fixture, { git: true })
  try {
    const before = await fingerprint(ws.dir)
    const items = drafts.map((d) => ({
      spec: renderSpec(d, target, 'edge-cases'),
      draft: d,
      perspectiveId: 'edge-cases'
    }))
    const result = await validateSpecs(
      items,
      validationOptions(ws.dir, target, { python: CI_PYTHON, coverage: 'engine' })
    )
    return {
      result,
      identical: JSON.stringify(await fingerprint(ws.dir)) === JSON.stringify(before)
    }
  } finally {
    await ws.remove()
  }
}

const idOf = (key: string): string =>
  renderSpec(
    draft(key, 'src/x.js', 'f', []),
    { framework: 'node:test', language: 'javascript' },
    'edge-cases'
  ).id

describe('node:test, JavaScript', () => {
  let out: { result: StageResult; identical: boolean }
  beforeAll(async () => {
    out = await stage('node-test-js', { framework: 'node:test', language: 'javascript' }, [
      draft('bulk', 'src/pricing.js', 'bulkDiscount', [
        { name: '99', args: [99], expect: { kind: 'does-not-throw' } },
        { name: '100', args: [100], expect: { kind: 'does-not-throw' } },
        { name: 'text', args: ['x'], expect: { kind: 'does-not-throw' } }
      ]),
      draft(
        'average-throws',
        'src/pricing.js',
        'average',
        [{ name: 'empty', args: [[]], expect: { kind: 'throws', errorType: 'TypeError' } }],
        ['f-throws']
      ),
      draft(
        'average-zero',
        'src/pricing.js',
        'average',
        [
          {
            name: 'empty',
            args: [[]],
            expect: { kind: 'returns', value: 0 },
            source: {
              kind: 'docstring',
              file: 'src/pricing.js',
              line: 8,
              quote: 'The mean of the values; 0 for an empty list'
            }
          }
        ],
        ['f-doc']
      ),
      // The same expectation with nothing the project says behind it: our guess, refuted.
      draft(
        'average-guess',
        'src/pricing.js',
        'average',
        [{ name: 'empty', args: [[]], expect: { kind: 'returns', value: 0 } }],
        ['f-guess']
      ),
      draft('spin', 'src/pricing.js', 'spin', [
        { name: 'call', args: [], expect: { kind: 'does-not-throw' } }
      ]),
      draft('quit', 'src/pricing.js', 'quit', [
        { name: 'call', args: [], expect: { kind: 'does-not-throw' } }
      ]),
      draft('stamp', 'src/pricing.js', 'stamp', [
        { name: 'call', args: [], expect: { kind: 'does-not-throw' } }
      ])
    ])
  }, 300_000)

  it('observed values become the assertions, and the spec passes 3 runs out of 3', () => {
    const o = out.result.outcomes.get(idOf('bulk'))!
    expect(o.validation).toMatchObject({ status: 'passed', runs: 3, claim: null })
    expect(o.deliver).toBe(true)
    expect(o.spec.code).toContain('0.05')
    expect(o.spec.code).toContain('0.1')
    expect(o.spec.code).toContain("name: 'TypeError', message: 'quantity must be a number'")
  })
  it('a planted defect (documented 0, observed NaN) is reported as a defect and shipped failing', () => {
    const o = out.result.outcomes.get(idOf('average-zero'))!
    expect(o.validation).toMatchObject({ status: 'failed', claim: 'defect' })
    expect(o.validation.message).toContain(
      'expected the value 0, observed the value {"$special":"NaN"}'
    )
    expect(o.validation.message).toContain(
      `expected by the project's docstring at src/pricing.js:8: "The mean of the values; 0 for an empty list"`
    )
    expect(o.deliver).toBe(true)
  })
  it('the same expectation as our own guess is refuted, not a defect, and not shipped', () => {
    const o = out.result.outcomes.get(idOf('average-guess'))!
    expect(o.validation.claim).toBe('refuted')
    expect(o.validation.message).toContain("the expectation was ours, not the project's")
    expect(o.deliver).toBe(false)
  })
  it('a predicted throw that does not happen is refuted and not shipped', () => {
    const o = out.result.outcomes.get(idOf('average-throws'))!
    expect(o.validation.claim).toBe('refuted')
    expect(o.deliver).toBe(false)
  })
  it('an infinite loop, a process.exit and a clock read are plan-only, with why, and the run goes on', () => {
    expect(out.result.outcomes.get(idOf('spin'))!.validation.message).toMatch(
      /^plan-only: the call did not return within/
    )
    expect(out.result.outcomes.get(idOf('quit'))!.validation.message).toBe(
      'plan-only: not observed: it exits the process'
    )
    expect(out.result.outcomes.get(idOf('stamp'))!.validation.message).toBe(
      'plan-only: not observed: its result depends on the clock'
    )
  })
  it('the workspace is byte-identical afterwards', () => {
    expect(out.identical).toBe(true)
  })
})

const describePython = CI_PYTHON ? describe : describe.skip
if (!CI_PYTHON)
  console.warn(
    'SKIPPED: pytest observation tests need TEST_PLANNING_PYTHON (the virtualenv .ci/run creates)'
  )

describePython('pytest', () => {
  let out: { result: StageResult; identical: boolean }
  beforeAll(async () => {
    out = await stage('pytest', { framework: 'pytest', language: 'python' }, [
      draft('bulk', 'shop/pricing.py', 'bulk_discount', [
        { name: '99', args: [99], expect: { kind: 'does-not-throw' } },
        { name: 'text', args: ['x'], expect: { kind: 'does-not-throw' } }
      ]),
      draft(
        'average-raises',
        'shop/pricing.py',
        'average',
        [{ name: 'empty', args: [[]], expect: { kind: 'throws', errorType: 'ZeroDivisionError' } }],
        ['f-raises']
      ),
      draft(
        'average-recovers',
        'shop/pricing.py',
        'average',
        [
          {
            name: 'empty',
            args: [[]],
            expect: { kind: 'does-not-throw' },
            source: {
              kind: 'docstring',
              file: 'shop/pricing.py',
              line: 16,
              quote: '0 for an empty list'
            }
          }
        ],
        ['f-recovers']
      ),
      draft(
        'average-guessed',
        'shop/pricing.py',
        'average',
        [{ name: 'empty', args: [[]], expect: { kind: 'does-not-throw' } }],
        ['f-guessed']
      ),
      draft('quit', 'shop/pricing.py', 'quit', [
        { name: 'call', args: [], expect: { kind: 'does-not-throw' } }
      ])
    ])
  }, 300_000)

  it('observed values become the assertions', () => {
    const o = out.result.outcomes.get(idOf('bulk'))!
    expect(o.validation).toMatchObject({ status: 'passed', runs: 3 })
    expect(o.spec.code).toContain('0.05')
    expect(o.spec.code).toContain('pytest.raises(TypeError')
  })
  it('a demonstrated failure mode is confirmed', () => {
    expect(out.result.outcomes.get(idOf('average-raises'))!.validation).toMatchObject({
      status: 'passed',
      claim: 'confirmed'
    })
  })
  it('a crash where the docstring says the code recovers is a defect', () => {
    const o = out.result.outcomes.get(idOf('average-recovers'))!
    expect(o.validation).toMatchObject({ status: 'failed', claim: 'defect' })
    expect(o.validation.message).toContain('observed ZeroDivisionError')
    expect(o.validation.message).toContain(`docstring at shop/pricing.py:16`)
  })
  it('the same crash against our own "does not raise" is a refuted claim', () => {
    const o = out.result.outcomes.get(idOf('average-guessed'))!
    expect(o.validation.claim).toBe('refuted')
    expect(o.deliver).toBe(false)
  })
  it('os._exit is plan-only', () => {
    expect(out.result.outcomes.get(idOf('quit'))!.validation.message).toBe(
      'plan-only: not observed: it exits the process'
    )
  })
  it('the workspace is byte-identical afterwards', () => {
    expect(out.identical).toBe(true)
  })
})
