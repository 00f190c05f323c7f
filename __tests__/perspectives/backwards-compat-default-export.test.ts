// A CommonJS module that is one function (`module.exports = clamp`, as jshttp's packages are written)
// gets a contract spec from what is observed of it: the tests' literal call `clamp(5, 0, 10)` and
// plain values, each pinned as the value or error type observed. It is imported as the project's
// tests import it: `require` under mocha in a CommonJS project, a default import in an ESM spec.
// Real runners (mocha, node:test).
import { describe, expect, it } from '@jest/globals'
import perspective from '../../perspectives/backwards-compat/index.js'
import { validateSpecs, type StageOutcome } from '../../src/execute/stage.js'
import { detectLayout } from '../../src/specs/layout.js'
import type { RenderTarget } from '../../src/specs/types.js'
import { buildFixtureModel, readFixture, runFixture } from './harness.js'
import { fixtureWorkspace, validationOptions } from '../execute/workspace.js'

async function validated(target: RenderTarget): Promise<StageOutcome> {
  const { run } = await runFixture(perspective, readFixture('execute/contract-cjs'), { target })
  const ws = await fixtureWorkspace('contract-cjs')
  try {
    const items = run.specs.map((spec) => ({
      spec,
      draft: run.drafts?.get(spec.id),
      perspectiveId: 'backwards-compat'
    }))
    expect(items).toHaveLength(1)
    const result = await validateSpecs(items, validationOptions(ws.dir, target))
    return [...result.outcomes.values()][0]
  } finally {
    await ws.remove()
  }
}

describe('a CommonJS default export gets an observed contract spec', () => {
  it('mocha in a CommonJS project: required, the observed values pinned, passing 3 of 3', async () => {
    const { facts, model } = await buildFixtureModel(readFixture('execute/contract-cjs'))
    const layout = detectLayout(facts, model.modules, 'js')
    expect(layout.moduleSystem).toBe('commonjs')
    const outcome = await validated({ framework: 'mocha', language: 'javascript', layout })
    expect(outcome.validation).toMatchObject({ status: 'passed', runs: 3 })
    expect(outcome.deliver).toBe(true)
    expect(outcome.spec.title).toBe('clamp (the default export) keeps its observed contract')
    const code = outcome.spec.code
    expect(code).toContain("const clamp = require('../index.js')")
    expect(code).not.toContain('import ')
    // The suite's own call, with what the code returns for it.
    expect(code).toContain('as called in test/index.js:6')
    expect(code).toContain('assert.deepStrictEqual(clamp(5, 0, 10), 5)')
    // A string is not a number: the TypeError is part of the contract.
    expect(code).toContain("name: 'TypeError'")
    expect(code).toContain("message: 'value must be a number'")
  }, 300_000)

  it('node:test in ESM: a default import of the CommonJS module, passing 3 of 3', async () => {
    const outcome = await validated({ framework: 'node:test', language: 'javascript' })
    expect(outcome.validation).toMatchObject({ status: 'passed', runs: 3 })
    expect(outcome.spec.code).toContain("import subject from '../index.js'")
    expect(outcome.spec.code).not.toContain('import { default')
    expect(outcome.spec.code).not.toContain('require(')
  }, 300_000)
})
