// The stages in process, as the CLI runs them: a recording logger shows what a user reads, and a
// perspective list with one that throws shows that one failure does not stop the others.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineOptions, definePerspective } from '../../perspectives/define.js'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { parseCli } from '../../src/config/cli-args.js'
import type { RunConfig } from '../../src/config/types.js'
import { recordingLogger } from '../../src/log.js'
import { cliEnvironment } from '../../src/pipeline/environment.js'
import { planOutputs } from '../../src/pipeline/outputs.js'
import { runPlan } from '../../src/pipeline/plan.js'
import { validateRecord } from '../../src/records/schema.js'
import { FIXTURE_FILES, makeRepository } from '../e2e/harness.js'

const broken = definePerspective({
  meta: { ...PERSPECTIVES[1].meta, implemented: true },
  options: defineOptions({}),
  analyse: () => {
    throw new Error('the model had no modules of the kind it needs')
  }
})
const withBroken = PERSPECTIVES.map((p) => (p.meta.number === 2 ? broken : p))

describe('runPlan', () => {
  let temp: string
  let repo: string
  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'plan-'))
    repo = join(temp, 'repo')
    await makeRepository(repo, FIXTURE_FILES)
  })
  afterAll(() => rmSync(temp, { recursive: true, force: true }))

  const config = (...args: string[]): RunConfig => {
    const command = parseCli(['plan', repo, ...args], temp, PERSPECTIVES)
    if (command.command !== 'plan') throw new Error('not plan')
    return command.config
  }
  const fixedNow = () => new Date('2026-11-24T20:00:00.000Z')

  it('logs each stage in order and stores a valid record', async () => {
    const logger = recordingLogger()
    const outcome = await runPlan(
      config('--out', join(temp, 'out-stages')),
      cliEnvironment({}),
      logger,
      PERSPECTIVES,
      fixedNow
    )
    expect(logger.messages('group')).toEqual([
      'Read earlier results',
      'Choose the perspective',
      'Load the repository',
      'Build the code model',
      "Measure the suite's test reach",
      'Run perspective scope',
      'Observe and run the specs',
      'Store results locally'
    ])
    expect(logger.text()).toMatch(/info: 4 source files to analyse/)
    expect(logger.text()).toMatch(/info: Specs are written for node:test \(javascript\)/)
    expect(outcome.records).toHaveLength(1)
    expect(validateRecord(outcome.records[0])).toEqual([])
    expect(outcome.records[0]).toMatchObject({
      timestamp: '2026-11-24T20:00:00.000Z',
      run_id: 'local',
      trigger: 'cli',
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      ref: 'main'
    })
    expect(planOutputs(outcome)).toMatchObject({
      'perspective-id': 'scope',
      'next-perspective': 'failure-modes',
      iteration: '1',
      'dataset-url': ''
    })
  })

  it('records a perspective that throws as failed and still runs the others', async () => {
    const logger = recordingLogger()
    const outcome = await runPlan(
      config('--out', join(temp, 'out-all'), '-p', 'all'),
      cliEnvironment({}),
      logger,
      withBroken,
      fixedNow
    )
    expect(outcome.records).toHaveLength(15)
    expect(outcome.records[1]).toMatchObject({
      perspective_id: 'failure-modes',
      status: 'failed',
      error: 'failure-modes failed: the model had no modules of the kind it needs'
    })
    expect(outcome.records[0].status).toBe('ok')
    expect(outcome.records.slice(2).every((r) => r.status !== 'failed')).toBe(true)
    expect(logger.messages('error')).toEqual([
      '2 failure-modes: failure-modes failed: the model had no modules of the kind it needs'
    ])
    for (const r of outcome.records) expect(validateRecord(r)).toEqual([])
  })

  it('does not analyse its own results folder when it sits inside the repository', async () => {
    const inside = config()
    const first = await runPlan(
      inside,
      cliEnvironment({}),
      recordingLogger(),
      PERSPECTIVES,
      fixedNow
    )
    expect(existsSync(join(repo, '.test-planning', 'latest', 'scope.json'))).toBe(true)
    const second = await runPlan(
      inside,
      cliEnvironment({}),
      recordingLogger(),
      PERSPECTIVES,
      fixedNow
    )
    expect(second.records[0].files_analysed).toBe(first.records[0].files_analysed)
    expect(second.records[0].perspective_id).toBe('failure-modes')
    rmSync(join(repo, '.test-planning'), { recursive: true, force: true })
  })

  it('dry-run writes nothing and leaves the cursor alone', async () => {
    const out = join(temp, 'out-dry')
    const logger = recordingLogger()
    const outcome = await runPlan(
      config('--out', out, '--dry-run'),
      cliEnvironment({}),
      logger,
      PERSPECTIVES,
      fixedNow
    )
    expect(existsSync(out)).toBe(false)
    expect(outcome.stored.local).toBeNull()
    expect(planOutputs(outcome)['results-file']).toBe('')
    expect(logger.text()).toContain('dry-run: nothing is written')
  })

  it('compares with the earlier results of the same perspective', async () => {
    const out = join(temp, 'out-history')
    await runPlan(
      config('--out', out, '-p', 'scope'),
      cliEnvironment({}),
      recordingLogger(),
      PERSPECTIVES,
      fixedNow
    )
    const again = await runPlan(
      config('--out', out, '-p', 'scope'),
      cliEnvironment({}),
      recordingLogger(),
      PERSPECTIVES,
      () => new Date('2026-11-24T21:00:00.000Z')
    )
    expect(again.summary.history).toEqual({ scope: { newFindings: 0, resolvedFindings: 0 } })
    expect(readFileSync(join(out, 'latest', 'scope.json'), 'utf8')).toContain(
      '2026-11-24T21:00:00.000Z'
    )
  })
})
