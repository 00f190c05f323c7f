// Big-picture needs the latest result of every other perspective. The pipeline reads them from the
// results folder and computes, in the same run, those that are missing, failed or older than
// max-result-age; those runs are stored like any other. Here the folder is filled by earlier CLI runs
// at earlier dates, one stored result is marked failed by hand, and the run is then read back.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { parseCli } from '../../src/config/cli-args.js'
import type { RunConfig } from '../../src/config/types.js'
import { recordingLogger } from '../../src/log.js'
import { cliEnvironment } from '../../src/pipeline/environment.js'
import { forRepository } from '../../src/pipeline/history.js'
import { planOutputs } from '../../src/pipeline/outputs.js'
import { runPlan } from '../../src/pipeline/plan.js'
import { buildSummary } from '../../src/report/summary.js'
import { validateRecord } from '../../src/records/schema.js'
import { makeRecord } from '../helpers/plan-records.js'
import { FIXTURE_FILES, makeRepository } from '../e2e/harness.js'

describe('results for big-picture', () => {
  let temp: string
  let repo: string
  let out: string
  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'results-'))
    repo = join(temp, 'repo')
    out = join(temp, 'out')
    await makeRepository(repo, FIXTURE_FILES)
  })
  afterAll(() => rmSync(temp, { recursive: true, force: true }))

  const config = (...args: string[]): RunConfig => {
    const command = parseCli(['plan', repo, '--out', out, ...args], temp, PERSPECTIVES)
    if (command.command !== 'plan') throw new Error('not plan')
    return command.config
  }
  const at = (iso: string) => () => new Date(iso)
  const plan = (perspective: string, now: string, ...args: string[]) =>
    runPlan(
      config('-p', perspective, ...args),
      cliEnvironment({}),
      recordingLogger(),
      PERSPECTIVES,
      at(now)
    )

  it('computes the missing, failed and stale ones, uses the recent ones, and stores every run', async () => {
    await plan('scope', '2026-11-22T20:00:00.000Z')
    await plan('security', '2026-10-20T20:00:00.000Z')
    await plan('edge-cases', '2026-11-23T20:00:00.000Z')
    const edgePath = join(out, 'latest', 'edge-cases.json')
    writeFileSync(
      edgePath,
      JSON.stringify({
        ...JSON.parse(readFileSync(edgePath, 'utf8')),
        status: 'failed',
        error: 'edge-cases failed: out of memory',
        findings: [],
        finding_count: 0
      })
    )

    const logger = recordingLogger()
    const outcome = await runPlan(
      config('-p', 'big-picture'),
      cliEnvironment({}),
      logger,
      PERSPECTIVES,
      at('2026-11-24T20:00:00.000Z')
    )
    const ids = outcome.records.map((r) => r.perspective_id)
    expect(ids).toEqual(PERSPECTIVES.map((p) => p.meta.id).filter((id) => id !== 'scope'))
    for (const record of outcome.records) expect(validateRecord(record)).toEqual([])
    expect(logger.text()).toContain(
      'info: security: computed now for the big picture (stored result older than 21 days)'
    )
    expect(logger.text()).toContain(
      'info: edge-cases: computed now for the big picture (stored result had failed)'
    )
    expect(logger.text()).toContain(
      'info: failure-modes: computed now for the big picture (no stored result)'
    )
    expect(logger.text()).toContain('info: 1 stored result(s) recent enough to use: scope')

    const big = outcome.records[outcome.records.length - 1]
    const details = JSON.parse(big.details_json) as {
      perspectives: { perspective: string; origin: string; ageDays: number }[]
    }
    const origin = Object.fromEntries(details.perspectives.map((p) => [p.perspective, p.origin]))
    expect(origin).toMatchObject({
      scope: 'history',
      security: 'computed-stale',
      'edge-cases': 'computed-failed',
      'failure-modes': 'computed-missing'
    })
    expect(details.perspectives.find((p) => p.perspective === 'scope')!.ageDays).toBe(2)
    expect(planOutputs(outcome)['risk-score']).toBe(String(big.risk_score))

    const summary = buildSummary(outcome.summary)
    expect(summary.split('\n')[0]).toBe(
      '# 🧪 Test plan: 15. Big picture (and 13 perspectives computed for it)'
    )
    expect(summary.indexOf('## 15. Big picture')).toBeGreaterThan(0)
    expect(summary.indexOf('## 15. Big picture')).toBeLessThan(
      summary.indexOf('## 2. Failure modes')
    )
    // Within its section the overview comes before the findings table.
    const section = summary.slice(
      summary.indexOf('## 15. Big picture'),
      summary.indexOf('## 2. Failure modes')
    )
    expect(section.indexOf('### Overview\n\n**Overall risk:')).toBeGreaterThan(0)
    expect(section.indexOf('### Overview')).toBeLessThan(section.indexOf('### Findings'))
  }, 180_000)

  it('computes nothing when every result is recent, and compares with the previous big picture', async () => {
    const logger = recordingLogger()
    const outcome = await runPlan(
      config('-p', 'big-picture'),
      cliEnvironment({}),
      logger,
      PERSPECTIVES,
      at('2026-11-25T20:00:00.000Z')
    )
    expect(outcome.records.map((r) => r.perspective_id)).toEqual(['big-picture'])
    const details = JSON.parse(outcome.records[0].details_json) as {
      changes: {
        previous: { timestamp: string }
        newCount: number
        resolvedCount: number
        unchanged: number
        notCompared: string[]
      }
    }
    expect(details.changes).toMatchObject({
      previous: { timestamp: '2026-11-24T20:00:00.000Z' },
      newCount: 0,
      resolvedCount: 0,
      notCompared: []
    })
    expect(logger.text()).not.toContain('computed now')
  }, 180_000)

  it('recomputes everything with --max-result-age 0', async () => {
    const outcome = await plan(
      'big-picture',
      '2026-11-26T20:00:00.000Z',
      '--max-result-age',
      '0',
      '--dry-run'
    )
    expect(outcome.records).toHaveLength(15)
  }, 180_000)

  it('refuses a max-result-age that is not a whole number of days', () => {
    expect(() => config('--max-result-age', 'two weeks')).toThrow(
      "--max-result-age: 'two weeks' is not accepted. Use a whole number from 0 to 3650."
    )
  })
})

describe('earlier results of another repository', () => {
  it('are set aside with a message that says how to keep them apart', () => {
    const mine = { ...makeRecord({ perspective: 0 }), repository: 'octo/widget' }
    const theirs = { ...makeRecord({ perspective: 9 }), repository: 'octo/other' }
    const snapshot = forRepository(
      {
        source: 'x',
        found: true,
        latest: new Map([
          ['scope', mine],
          ['security', theirs]
        ]),
        problems: []
      },
      'octo/widget'
    )
    expect([...snapshot.latest.keys()]).toEqual(['scope'])
    expect(snapshot.problems).toEqual([
      'the latest results of security belong to octo/other, not octo/widget, so they are not compared with; give each repository its own dataset (hf-dataset) or results folder'
    ])
  })
})
