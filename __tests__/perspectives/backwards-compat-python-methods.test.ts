// Python classes: each public method gets rows called on an instance made as the project's tests make
// one (`box = Box(2, 3)` then `box.area()`), or without arguments when the constructor needs none;
// what is observed becomes `assert Box(2, 3).area() == 6` / `pytest.raises`. Real pytest.
import { beforeAll, describe, expect, it } from '@jest/globals'
import perspective from '../../perspectives/backwards-compat/index.js'
import { validateSpecs, type StageOutcome } from '../../src/execute/stage.js'
import type { RenderTarget } from '../../src/specs/types.js'
import { readFixture, runFixture } from './harness.js'
import {
  CI_PYTHON,
  fingerprint,
  fixtureWorkspace,
  validationOptions
} from '../execute/workspace.js'

const describePython = CI_PYTHON ? describe : describe.skip

describePython('Python methods observed on an instance (pytest)', () => {
  const target: RenderTarget = { framework: 'pytest', language: 'python' }
  let outcomes: StageOutcome[] = []
  let explored: string[] = []
  let identical = false
  beforeAll(async () => {
    const { run } = await runFixture(perspective, readFixture('execute/contract-py-class'), {
      target
    })
    const ws = await fixtureWorkspace('contract-py-class', { git: true })
    try {
      const before = await fingerprint(ws.dir)
      const items = run.specs.map((spec) => ({
        spec,
        draft: run.drafts?.get(spec.id),
        perspectiveId: 'backwards-compat'
      }))
      explored = items.flatMap((i) => (i.draft?.explore ? [i.draft.explore.body.symbol] : []))
      const result = await validateSpecs(
        items,
        validationOptions(ws.dir, target, { python: CI_PYTHON })
      )
      outcomes = [...result.outcomes.values()]
      identical = JSON.stringify(await fingerprint(ws.dir)) === JSON.stringify(before)
    } finally {
      await ws.remove()
    }
  }, 300_000)

  const titled = (title: string): StageOutcome => {
    const found = outcomes.find((o) => o.spec.title === title)
    if (!found)
      throw new Error(`no spec '${title}': ${outcomes.map((o) => o.spec.title).join(' / ')}`)
    return found
  }

  it('rows only for public methods called on an instance: no property, no private member', () => {
    expect(explored.sort()).toEqual([
      'Box.area',
      'Box.describe',
      'Box.resized',
      'Counter.next',
      'located',
      'positive'
    ])
  })

  it("the tests' own instance and call become the assertion, passing 3 of 3", () => {
    const area = titled('Box.area keeps its observed contract')
    expect(area.validation).toMatchObject({ status: 'passed', runs: 3 })
    expect(area.deliver).toBe(true)
    expect(area.spec.code).toContain('from shapes.box import Box')
    expect(area.spec.code).toContain('assert Box(2, 3).area() == 6')
    const describe = titled('Box.describe keeps its observed contract')
    expect(describe.validation).toMatchObject({ status: 'passed', runs: 3 })
    expect(describe.spec.code).toContain(
      "pytest.param(['cm'], '2x3 cm', id='as called in tests/test_box.py:9')"
    )
    expect(describe.spec.code).toContain("pytest.param(['example'], '2x3 example'")
    expect(describe.spec.code).toContain('assert Box(2, 3).describe(*args) == expected')
  })

  it('an error the tests expect is pinned with pytest.raises, next to a returned value', () => {
    const resized = titled('Box.resized keeps its observed contract')
    expect(resized.validation).toMatchObject({ status: 'passed', runs: 3 })
    expect(resized.spec.code).toContain('with pytest.raises(ValueError')
    expect(resized.spec.code).toContain("match=re.escape('factor must be positive')")
    expect(resized.spec.code).toContain('Box(2, 3).resized(0)')
    expect(resized.spec.code).toContain('assert Box(2, 3).resized(1) == [2, 3]')
  })

  it('a class the tests never make is made without arguments when its constructor needs none', () => {
    const next = titled('Counter.next keeps its observed contract')
    expect(next.validation).toMatchObject({ status: 'passed', runs: 3 })
    expect(next.spec.code).toContain('assert Counter().next() == 1')
  })

  it("a returned object of the project's own class is asserted by its type and truth value", () => {
    const positive = titled('positive keeps its observed contract')
    expect(positive.validation).toMatchObject({ status: 'passed', runs: 3 })
    expect(positive.deliver).toBe(true)
    expect(positive.spec.code).toContain("result = positive('example')")
    expect(positive.spec.code).toContain("assert type(result).__name__ == 'Invalid' and not result")
    expect(positive.spec.code).toContain('assert positive(3) == True')
  })

  it('a value naming the temporary copy (a path from the working directory) is never pinned', () => {
    const located = titled('located keeps its public signature')
    expect(located.spec.code).toContain('inspect.signature(located)')
    expect(located.spec.code).not.toContain('test-planning-run')
    expect(located.deliver).toBe(false)
  })

  it('leaves the workspace byte-identical', () => {
    expect(identical).toBe(true)
  })
})
