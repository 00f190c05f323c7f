// The validation stage inside a planning run, as the CLI runs it on a project whose dependencies are
// installed: records carry each spec's validation, the results folder gets `specs/` at repository
// paths, the summary leads with what is ready to commit, and without installed dependencies the
// summary names the set-up step instead.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { parseCli } from '../../src/config/cli-args.js'
import { recordingLogger } from '../../src/log.js'
import { cliEnvironment } from '../../src/pipeline/environment.js'
import { runPlan, type PlanOutcome } from '../../src/pipeline/plan.js'
import { buildSummary } from '../../src/report/summary.js'
import { fingerprint, fixtureWorkspace } from './workspace.js'

const fixedNow = (): Date => new Date('2026-12-01T10:00:00.000Z')

async function plan(dir: string, out: string, ...flags: string[]): Promise<PlanOutcome> {
  const command = parseCli(
    ['plan', dir, '--perspective', 'edge-cases', '--out', out, ...flags],
    dir,
    PERSPECTIVES
  )
  if (command.command !== 'plan') throw new Error('not plan')
  return runPlan(command.config, cliEnvironment({}), recordingLogger(), PERSPECTIVES, fixedNow)
}

describe('a planning run with validate: auto on an installed project', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let out: string
  let outcome: PlanOutcome
  let before: Record<string, string>
  beforeAll(async () => {
    ws = await fixtureWorkspace('node-test-js', { git: true })
    out = `${ws.dir}-results`
    before = await fingerprint(ws.dir)
    outcome = await plan(ws.dir, out)
  }, 300_000)
  afterAll(async () => {
    await ws.remove()
    await rm(out, { recursive: true, force: true })
  })

  it('every spec row carries a validation, passing specs run 3 times', () => {
    const specs = outcome.records[0].specs
    expect(specs.length).toBeGreaterThan(0)
    const bulk = specs.find((s) => s.target_symbol === 'bulkDiscount')!
    expect(bulk.validation).toMatchObject({ status: 'passed', runs: 3, claim: 'confirmed' })
    expect(bulk.code).toContain('expected: 0.05')
  })
  it('the results folder gets specs/ at repository paths, only what passed', () => {
    const bulk = outcome.records[0].specs.find((s) => s.target_symbol === 'bulkDiscount')!
    expect(readFileSync(join(out, 'specs', ...bulk.file_name.split('/')), 'utf8')).toBe(bulk.code)
    for (const s of outcome.records[0].specs.filter(
      (x) => x.validation.status !== 'passed' && x.validation.claim !== 'defect'
    )) {
      expect(existsSync(join(out, 'specs', ...s.file_name.split('/')))).toBe(false)
    }
  })
  it('the summary leads with what is ready to commit', () => {
    const summary = buildSummary(outcome.summary)
    expect(summary.split('\n')[2]).toMatch(
      /^\*\*Ready to commit: \d+ tests? \(1 confirm findings, /
    )
  })
  it('the fixture has no suite, so every delivered spec adds coverage, and the summary counts them', () => {
    const bulk = outcome.records[0].specs.find((s) => s.target_symbol === 'bulkDiscount')!
    expect(bulk.validation.coverage_gain).toBeGreaterThan(0)
    const v = outcome.summary.validation!
    expect(v.coverage).toBe(v.ready)
    expect(buildSummary(outcome.summary).split('\n')[2]).toContain(`, ${v.ready} add coverage)`)
  })
  it('the workspace (the results folder is outside it here) is byte-identical', async () => {
    expect(await fingerprint(ws.dir)).toEqual(before)
  })
})

describe('validate: auto without installed dependencies', () => {
  let ws: { dir: string; remove(): Promise<void> }
  afterAll(() => ws.remove())
  it('runs nothing and names the set-up step', async () => {
    ws = await fixtureWorkspace('node-test-js')
    await rm(join(ws.dir, 'node_modules'))
    const outcome = await plan(ws.dir, join(ws.dir, '.test-planning'))
    expect(outcome.summary.validation?.skipped).toContain('`npm ci`')
    expect(buildSummary(outcome.summary)).toContain('**Specs not run:** the project')
    expect(outcome.records[0].specs.every((s) => s.validation.status === 'not-run')).toBe(true)
  }, 120_000)
})
