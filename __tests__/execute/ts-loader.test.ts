// TypeScript without tsx: the unit is observed, and the node:test spec run, through a loader that
// transpiles each file with the project's own `typescript` and resolves `./x.js` to `./x.ts`. The
// fixture has an enum (emitted code) and NodeNext `.js` specifiers; real node:test runner.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { access, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runnerCommand } from '../../src/execute/runners.js'
import { validateSpecs, type StageResult } from '../../src/execute/stage.js'
import { renderSpec } from '../../src/specs/render.js'
import type { RenderTarget, SpecDraft } from '../../src/specs/types.js'
import { fingerprint, fixtureWorkspace, PROJECT, validationOptions } from './workspace.js'

const target: RenderTarget = { framework: 'node:test', language: 'typescript' }

const draft: SpecDraft = {
  key: 'shout',
  title: 'shout as observed',
  level: 'unit',
  target: { file: 'src/text.ts', symbol: 'shout' },
  rationale: 'r',
  covers: [],
  expected: 'e',
  priority: 'P2',
  body: {
    kind: 'call',
    module: 'src/text.ts',
    symbol: 'shout',
    async: false,
    cases: [
      { name: 'upper', args: ['hey'], expect: { kind: 'does-not-throw' } },
      { name: 'lower', args: ['Hey', { mode: 'lower' }], expect: { kind: 'does-not-throw' } },
      { name: 'empty', args: [''], expect: { kind: 'does-not-throw' } }
    ]
  }
}

describe('TypeScript observed and run without tsx (node:test)', () => {
  let result: StageResult
  let identical = false
  beforeAll(async () => {
    // This project installs typescript and neither tsx nor ts-node: the fixture sees the same.
    await expect(access(join(PROJECT, 'node_modules/tsx/package.json'))).rejects.toThrow()
    await expect(access(join(PROJECT, 'node_modules/ts-node/package.json'))).rejects.toThrow()
    const ws = await fixtureWorkspace('ts-no-tsx', { git: true })
    try {
      const before = await fingerprint(ws.dir)
      result = await validateSpecs(
        [{ spec: renderSpec(draft, target, 'edge-cases'), draft, perspectiveId: 'edge-cases' }],
        validationOptions(ws.dir, target)
      )
      identical = JSON.stringify(await fingerprint(ws.dir)) === JSON.stringify(before)
    } finally {
      await ws.remove()
    }
  }, 300_000)

  it('writes the observed values and error as the assertions, and the spec passes 3 of 3', () => {
    const [outcome] = [...result.outcomes.values()]
    expect(outcome.validation).toMatchObject({ status: 'passed', runs: 3 })
    expect(outcome.deliver).toBe(true)
    const code = outcome.spec.code
    // The enum comes from case.ts through './case.js': both values are what the code returns.
    expect(code).toMatch(/\['hey'\][^\n]*'HEY!'/)
    expect(code).toMatch(/\['Hey', \{ mode: 'lower' \}\][^\n]*'hey!'/)
    expect(code).toContain("name: 'RangeError'")
    expect(code).toContain("message: 'empty text'")
    expect(code).toContain("from '../src/text.js'")
  })

  it('leaves the workspace byte-identical', () => {
    expect(identical).toBe(true)
  })
})

describe('a project with neither tsx, ts-node nor typescript', () => {
  it('a TypeScript node:test spec is not run, and says which loader is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tp-no-ts-'))
    try {
      const command = await runnerCommand('node:test', join(dir, 'test/a.test.ts'), 'typescript', {
        root: dir,
        node: 'node',
        python: null,
        reportPath: join(dir, 'report.xml'),
        testTimeoutMs: 1_000
      })
      expect(command).toEqual({
        unavailable:
          "a TypeScript spec for node:test needs the project's own loader (tsx or ts-node) or its typescript package, and it has none"
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
