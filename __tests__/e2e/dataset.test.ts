// The Hugging Face dataset through the bundled action, as a runner runs it, against the fake hub on
// 127.0.0.1 (the real @huggingface/hub client inside the bundle talks to it).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { PlanRecord } from '../../src/records/types.js'
import { FakeGitHub } from '../helpers/fake-github.js'
import { FakeHub } from '../helpers/fake-hub.js'
import {
  ensureBundle,
  FIXTURE_FILES,
  installAction,
  makeRepository,
  runAction,
  runtimes,
  type Runtime
} from './harness.js'

const DATASET = 'octo/plans'
const TOKEN = 'hf_writer_e2e_secret'

// One runtime is enough here: action.test.ts runs the bundle under both Node versions.
const runtime: Runtime | undefined = runtimes().available[0]

function dataFiles(hub: FakeHub): string[] {
  const files = hub.dataset(DATASET)!.commits.at(-1)!.files
  return [...files.keys()].filter((path) => path.startsWith('data/')).sort()
}

;(runtime ? describe : describe.skip)('the results dataset through the bundled action', () => {
  let temp: string
  let actionDir: string
  let workspace: string
  let github: FakeGitHub
  let hub: FakeHub

  beforeAll(async () => {
    await ensureBundle()
    temp = mkdtempSync(join(tmpdir(), 'e2e-dataset-'))
    actionDir = installAction(temp)
  }, 300_000)
  afterAll(() => rmSync(temp, { recursive: true, force: true }))

  beforeEach(async () => {
    github = await new FakeGitHub().addToken('ghs_goodtoken123', 'write').start()
    hub = await new FakeHub().addToken(TOKEN, { user: 'octo', role: 'write' }).start()
    workspace = mkdtempSync(join(temp, 'workspace-'))
    await makeRepository(workspace, FIXTURE_FILES)
  })
  afterEach(async () => {
    await hub.stop()
    await github.stop()
  })

  const run = (inputs: Record<string, string> = {}) =>
    runAction({
      runtime: runtime!,
      actionDir,
      workspace,
      inputs: {
        'github-token': 'ghs_goodtoken123',
        'hf-token': TOKEN,
        'hf-dataset': DATASET,
        'hf-endpoint': hub.url,
        ...inputs
      },
      env: { GITHUB_API_URL: github.url }
    })

  it('the first run creates the dataset and its card; a second run adds a commit and compares with the first', async () => {
    const first = await run({ perspective: 'scope' })
    expect(first.code).toBe(0)
    expect(hub.dataset(DATASET)).toBeDefined()
    const card = hub.fileText(DATASET, 'README.md')!
    const front = parse(card.split('---')[1]) as {
      configs: { config_name: string; data_files: unknown }[]
    }
    expect(front.configs.find((c) => c.config_name === 'default')?.data_files).toEqual([
      { split: 'train', path: 'data/**/*.jsonl' }
    ])
    expect(hub.userCommits(DATASET)).toHaveLength(1)
    expect(first.summary).toContain('no earlier run to compare with')

    const second = await run({ perspective: 'scope' })
    expect(second.code).toBe(0)
    expect(hub.userCommits(DATASET)).toHaveLength(2)
    expect(dataFiles(hub)).toHaveLength(2)
    // Same commit analysed twice: every finding is known, none new, none resolved.
    expect(second.summary).toContain('**Since the last run:** 0 new, 0 resolved')
  })

  it('`all` adds one commit holding 15 rows in one data file', async () => {
    const result = await run({ perspective: 'all' })
    expect(result.code).toBe(0)
    expect(hub.userCommits(DATASET)).toHaveLength(1)
    const [file] = dataFiles(hub)
    const rows = hub
      .fileText(DATASET, file)!
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as PlanRecord)
    expect(rows.map((r) => r.perspective_number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    ])
  })

  it('big-picture on a fresh runner reads stored results from the dataset and computes only the missing ones', async () => {
    expect((await run({ perspective: 'scope' })).code).toBe(0)
    // A new runner: the workspace's local results folder is gone, the dataset is all there is.
    rmSync(join(workspace, '.test-planning'), { recursive: true, force: true })
    const result = await run({ perspective: 'big-picture' })
    expect(result.code).toBe(0)
    expect(hub.userCommits(DATASET)).toHaveLength(2)
    const rows = hub
      .fileText(DATASET, dataFiles(hub).at(-1)!)!
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as PlanRecord)
    expect(rows.map((r) => r.perspective_number)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    ])
    const details = JSON.parse(rows.at(-1)!.details_json) as {
      perspectives: { perspective: string; origin: string }[]
    }
    expect(details.perspectives.find((p) => p.perspective === 'scope')?.origin).toBe('history')
    expect(details.perspectives.filter((p) => p.origin === 'computed-missing')).toHaveLength(13)
    expect(result.summary.split('\n')[0]).toBe(
      '# 🧪 Test plan: 15. Big picture (and 13 perspectives computed for it)'
    )
  })

  it('two 503 answers on the commit, then success: the run is uploaded once and once only', async () => {
    hub.injectFault({ method: 'POST', path: /\/commit\//, times: 2, status: 503 })
    const result = await run({ perspective: 'scope' })
    expect(result.code).toBe(0)
    expect(
      hub.requests.filter((r) => r.method === 'POST' && /\/commit\//.test(r.url))
    ).toHaveLength(3)
    expect(hub.userCommits(DATASET)).toHaveLength(1)
    expect(result.outputs['commit-url']).toMatch(/\/datasets\/octo\/plans\/commit\/[0-9a-f]+$/)
    // The only place the token may appear is the runner's mask command, issued before anything else.
    const printed = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'))
    expect(printed.join('\n') + result.stderr + result.summary).not.toContain(TOKEN)
    expect(readFileSync(result.outputs['results-file'], 'utf8')).not.toContain(TOKEN)
  })
})
