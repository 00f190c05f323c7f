// Behaviour specs from observation: the edge-cases perspective has no value to build for an untyped
// parameter, so it suggests rows (the tests' own literal arguments, boundary values, plain values);
// the validation stage calls them and writes what was observed as the assertions. Rows that read the
// clock or cannot be observed leave the todo as it was. Real runners (node:test, pytest).
import { beforeAll, describe, expect, it } from '@jest/globals'
import edgeCases from '../../perspectives/edge-cases/index.js'
import { validateSpecs, type StageOutcome } from '../../src/execute/stage.js'
import type { RenderTarget } from '../../src/specs/types.js'
import { readFixture, runFixture } from '../perspectives/harness.js'
import { CI_PYTHON, fingerprint, fixtureWorkspace, validationOptions } from './workspace.js'

interface Explored {
  outcomes: StageOutcome[]
  identical: boolean
  drafts: number
}

async function exploreFixture(fixture: string, target: RenderTarget): Promise<Explored> {
  const { run } = await runFixture(edgeCases, readFixture(`execute/${fixture}`), { target })
  const ws = await fixtureWorkspace(fixture, { git: true })
  try {
    const before = await fingerprint(ws.dir)
    const items = run.specs.map((spec) => ({
      spec,
      draft: run.drafts?.get(spec.id),
      perspectiveId: 'edge-cases'
    }))
    const result = await validateSpecs(
      items,
      validationOptions(ws.dir, target, { python: CI_PYTHON })
    )
    return {
      outcomes: [...result.outcomes.values()],
      identical: JSON.stringify(await fingerprint(ws.dir)) === JSON.stringify(before),
      drafts: [...(run.drafts?.values() ?? [])].filter((d) => d.explore).length
    }
  } finally {
    await ws.remove()
  }
}

const bySymbol = (out: Explored, symbol: string): StageOutcome => {
  const found = out.outcomes.find((o) => o.spec.target.symbol === symbol)
  if (!found)
    throw new Error(`no spec for ${symbol}: ${out.outcomes.map((o) => o.spec.title).join(' / ')}`)
  return found
}

describe('explore rows, node:test (JavaScript, untyped parameters)', () => {
  let out: Explored
  beforeAll(async () => {
    out = await exploreFixture('explore-js', { framework: 'node:test', language: 'javascript' })
  }, 300_000)

  it('a function the tests never call gets observed values as its assertions, passing 3 of 3', () => {
    const o = bySymbol(out, 'initials')
    expect(o.validation).toMatchObject({ status: 'passed', runs: 3, claim: null })
    expect(o.deliver).toBe(true)
    expect(o.spec.title).toBe(
      'initials on the values its tests and boundaries suggest, as observed'
    )
    expect(o.spec.planOnly).toBeFalsy()
    // 'example' -> 'E', '' -> '', and a number has no split: a TypeError, as observed.
    expect(o.spec.code).toMatch(/'example'[^\n]*'E'/)
    expect(o.spec.code).toContain("name: 'TypeError'")
    expect(o.spec.code).not.toContain('todo')
  })

  it("the tests' own literal arguments are a row, with the value the code returns for them", () => {
    const o = bySymbol(out, 'shorten')
    expect(o.deliver).toBe(true)
    expect(o.spec.code).toContain('as called in test/text.test.js:6')
    expect(o.spec.code).toMatch(/\['hello', 10\][^\n]*'hello'/)
  })

  it('a function that reads the clock stays a todo and is not delivered', () => {
    const o = bySymbol(out, 'stamp')
    expect(o.deliver).toBe(false)
    expect(o.spec.title).toContain('TODO arrange')
  })

  it('leaves the workspace byte-identical', () => {
    expect(out.drafts).toBe(3)
    expect(out.identical).toBe(true)
  })
})

const describePython = CI_PYTHON ? describe : describe.skip

describePython('explore rows, pytest (untyped parameters)', () => {
  let out: Explored
  beforeAll(async () => {
    out = await exploreFixture('explore-py', { framework: 'pytest', language: 'python' })
  }, 300_000)

  it('observed returns and builtin errors become pytest assertions, passing 3 of 3', () => {
    const o = bySymbol(out, 'initials')
    expect(o.validation).toMatchObject({ status: 'passed', runs: 3, claim: null })
    expect(o.deliver).toBe(true)
    expect(o.spec.code).toContain("'E'")
    expect(o.spec.code).toContain('pytest.raises(AttributeError')
  })

  it("the tests' literal call is a row; the clock reader stays a todo", () => {
    expect(bySymbol(out, 'shorten').spec.code).toContain('as called in tests/test_core.py:5')
    expect(bySymbol(out, 'stamp').deliver).toBe(false)
    expect(out.identical).toBe(true)
  })
})
