// The results folder as the real `datasets` library reads it: the default config (every run's rows)
// and a `latest-<id>` config, with the spec `validation` column typed the same on every row. Needs the
// virtualenv `.ci/run` creates (datasets from the machine's wheel mirror).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeLocalResults } from '../../src/sinks/local.js'
import { makeRecord } from '../helpers/plan-records.js'

const PYTHON = process.env.TEST_PLANNING_PYTHON ?? null
const describeLoad = PYTHON ? describe : describe.skip
if (!PYTHON)
  console.warn(
    'SKIPPED: load_dataset tests need TEST_PLANNING_PYTHON (the virtualenv .ci/run creates)'
  )

const READ = `
import json, sys
from datasets import load_dataset
folder, config = sys.argv[1], sys.argv[2]
ds = load_dataset(folder, config, split='train') if config != 'default' else load_dataset(folder, split='train')
rows = [dict(r) for r in ds]
print(json.dumps({'n': len(rows), 'validation': [s['validation'] for r in rows for s in r['specs']], 'features': str(ds.features['specs'])}))
`

describeLoad('load_dataset on the results folder', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tp-load-'))
    const first = makeRecord({ perspective: 0, specs: 2 })
    // A spec that was not run and one with a measured coverage gain: the same struct on every row.
    first.specs[1].validation = {
      status: 'not-run',
      runs: 0,
      millis: 0,
      message: 'plan-only: it reaches the network',
      coverage_gain: null,
      claim: null
    }
    const second = makeRecord({ perspective: 1, specs: 1 })
    second.specs[0].validation = {
      status: 'failed',
      runs: 3,
      millis: 840,
      message: 'empty: expected 0, observed NaN',
      coverage_gain: 12.5,
      claim: 'defect'
    }
    await writeLocalResults(dir, [first], {
      dataset: 'octo/results',
      perspectives: [
        { id: first.perspective_id, title: 'a' },
        { id: second.perspective_id, title: 'b' }
      ]
    })
    await writeLocalResults(
      dir,
      [{ ...second, timestamp: '2026-11-25T10:00:00.000Z', run_id: 'r2' }],
      {
        dataset: 'octo/results',
        perspectives: [
          { id: first.perspective_id, title: 'a' },
          { id: second.perspective_id, title: 'b' }
        ]
      }
    )
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const load = (
    config: string
  ): { n: number; validation: Record<string, unknown>[]; features: string } =>
    JSON.parse(
      execFileSync(PYTHON!, ['-c', READ, dir, config], {
        encoding: 'utf8',
        env: {
          ...process.env,
          HF_DATASETS_OFFLINE: '1',
          HF_HUB_OFFLINE: '1',
          HF_HOME: join(dir, '.hf')
        }
      })
        .trim()
        .split('\n')
        .pop()!
    )

  it('the default config loads every run, validation typed as declared', () => {
    const out = load('default')
    expect(out.n).toBe(2)
    expect(out.validation).toEqual([
      { status: 'passed', runs: 3, millis: 120, message: null, coverage_gain: null, claim: null },
      {
        status: 'not-run',
        runs: 0,
        millis: 0,
        message: 'plan-only: it reaches the network',
        coverage_gain: null,
        claim: null
      },
      {
        status: 'failed',
        runs: 3,
        millis: 840,
        message: 'empty: expected 0, observed NaN',
        coverage_gain: 12.5,
        claim: 'defect'
      }
    ])
    expect(out.features).toContain("'coverage_gain': Value('float64')")
  }, 120_000)

  it("a latest-<id> config loads that perspective's latest row", () => {
    const second = makeRecord({ perspective: 1 })
    const out = load(`latest-${second.perspective_id}`)
    expect(out.n).toBe(1)
    expect(out.validation[0]).toMatchObject({ claim: 'defect' })
  }, 120_000)
})
