// The bundled action end to end, under each Node runtime, against fake GitHub and Hugging Face
// servers on 127.0.0.1 (see harness.ts for how the runner is imitated).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { PERSPECTIVE_IDS } from '../../perspectives/types.js'
import { validateRecord } from '../../src/records/schema.js'
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
  type ActionRun,
  type Runtime
} from './harness.js'

const CURSOR = 'TEST_PLANNING_CURSOR'
const ADVICE =
  'add a fine-grained token (or GitHub App token) with "Variables: read and write" on this repository as a secret and pass it as `github-token`'
const OUTPUT_NAMES = Object.keys(
  (parse(readFileSync('action.yml', 'utf8')) as { outputs: Record<string, unknown> }).outputs
)

const { available, missing } = runtimes()
for (const m of missing) {
  console.log(`Skipping the end-to-end suite on ${m.name}: ${m.reason}`)
  describe.skip(`action end to end on ${m.name} (${m.reason})`, () => {
    it('runs', () => undefined)
  })
}

function records(workspace: string, run: ActionRun): PlanRecord[] {
  const file = run.outputs['results-file']
  expect(file.startsWith(join(workspace, '.test-planning', 'data'))).toBe(true)
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as PlanRecord)
}

/** Each finding points at the fixture: the file exists and holds the quoted text at its lines. */
function expectEvidenceInRepository(workspace: string, record: PlanRecord): void {
  for (const f of record.findings) {
    if (f.file === null) continue
    const lines = readFileSync(join(workspace, f.file), 'utf8').split('\n')
    const first = (f.snippet ?? '').split('\n')[0].trim()
    expect({
      id: f.id,
      found: lines
        .slice(f.start_line! - 1, f.end_line!)
        .join('\n')
        .includes(first)
    }).toEqual({ id: f.id, found: true })
  }
}

describe.each(available.map((r) => [r.name, r] as [string, Runtime]))(
  'action end to end on %s',
  (_name, runtime) => {
    let temp: string
    let actionDir: string
    let github: FakeGitHub
    let workspace: string

    beforeAll(async () => {
      await ensureBundle()
      temp = mkdtempSync(join(tmpdir(), 'e2e-action-'))
      actionDir = installAction(temp)
    }, 300_000)
    afterAll(() => rmSync(temp, { recursive: true, force: true }))

    beforeEach(async () => {
      github = await new FakeGitHub()
        .addToken('ghs_goodtoken123', 'write')
        .addToken('ghs_defaulttoken456', 'none')
        .start()
      workspace = mkdtempSync(join(temp, 'workspace-'))
      await makeRepository(workspace, FIXTURE_FILES)
    })
    afterEach(() => github.stop())

    const run = (
      inputs: Record<string, string> = {},
      extra: { runNumber?: number; env?: Record<string, string> } = {}
    ) =>
      runAction({
        runtime,
        actionDir,
        workspace,
        inputs: { 'github-token': 'ghs_goodtoken123', ...inputs },
        runNumber: extra.runNumber,
        env: { GITHUB_API_URL: github.url, ...extra.env }
      })

    it('the folder it runs from holds only action.yml and dist/', () => {
      expect(readdirSync(actionDir).sort()).toEqual(['action.yml', 'dist'])
    })

    it('two scheduled runs move the cursor 1 -> 2 -> 3, with outputs, summary and records', async () => {
      const first = await run()
      expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' })
      expect(Object.keys(first.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
      expect(first.outputs).toMatchObject({
        'perspective-number': '1',
        'perspective-id': 'scope',
        'next-perspective': 'failure-modes',
        iteration: '1',
        'dataset-url': '',
        'commit-url': ''
      })
      expect(github.variable('octo/widget', CURSOR)?.value).toBe(
        '{"next":"failure-modes","iteration":2}'
      )
      // Read (404), created (never an overwrite of a value that read as missing), read back.
      expect(github.calls()).toEqual([
        `GET /repos/octo/widget/actions/variables/${CURSOR}`,
        'POST /repos/octo/widget/actions/variables',
        `GET /repos/octo/widget/actions/variables/${CURSOR}`
      ])

      const [scope] = records(workspace, first)
      expect(validateRecord(scope)).toEqual([])
      expect(scope).toMatchObject({
        perspective_id: 'scope',
        status: 'ok',
        trigger: 'schedule',
        repository: 'octo/widget',
        iteration: 1
      })
      expect(scope.files_analysed).toBe(4)
      expect(Number(first.outputs.findings)).toBe(scope.finding_count)
      expect(Number(first.outputs.specs)).toBe(scope.spec_count)
      expect(Number(first.outputs['risk-score'])).toBe(scope.risk_score)
      expectEvidenceInRepository(workspace, scope)
      expect(first.summary).toContain('Scope')
      expect(first.stdout).toContain('::group::Choose the perspective')

      const second = await run()
      expect(second.code).toBe(0)
      expect(second.outputs).toMatchObject({
        'perspective-number': '2',
        'perspective-id': 'failure-modes',
        'next-perspective': 'integration-points',
        iteration: '2'
      })
      expect(github.variable('octo/widget', CURSOR)?.value).toBe(
        '{"next":"integration-points","iteration":3}'
      )
      const [failureModes] = records(workspace, second)
      expect(validateRecord(failureModes)).toEqual([])
      expect(failureModes).toMatchObject({
        perspective_id: 'failure-modes',
        status: 'ok',
        iteration: 2
      })
      expect(failureModes.finding_count).toBe(failureModes.findings.length)
      expectEvidenceInRepository(workspace, failureModes)
      expect(readdirSync(join(workspace, '.test-planning', 'latest')).sort()).toEqual([
        'failure-modes.json',
        'scope.json'
      ])
    })

    it('an explicit perspective runs it and leaves the cursor alone', async () => {
      github.setVariable('octo/widget', CURSOR, '{"next":"edge-cases","iteration":5}')
      const result = await run({ perspective: 'Security' })
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({
        'perspective-id': 'security',
        'perspective-number': '10',
        'next-perspective': 'edge-cases',
        iteration: '5'
      })
      expect(records(workspace, result)[0]).toMatchObject({
        perspective_id: 'security',
        trigger: 'manual'
      })
      expect(github.variable('octo/widget', CURSOR)?.value).toBe(
        '{"next":"edge-cases","iteration":5}'
      )
      expect(github.calls().filter((c) => !c.startsWith('GET'))).toEqual([])
    })

    it('`all` writes 15 records in rotation order and leaves the cursor alone', async () => {
      github.setVariable('octo/widget', CURSOR, '7')
      const result = await run({ perspective: 'all' })
      expect(result.code).toBe(0)
      const all = records(workspace, result)
      expect(all.map((r) => r.perspective_id)).toEqual([...PERSPECTIVE_IDS])
      for (const r of all)
        expect({ id: r.perspective_id, errors: validateRecord(r), trigger: r.trigger }).toEqual({
          id: r.perspective_id,
          errors: [],
          trigger: 'all'
        })
      expect(readdirSync(join(workspace, '.test-planning', 'latest'))).toHaveLength(15)
      expect(result.outputs['perspective-id'].split(',')).toEqual([...PERSPECTIVE_IDS])
      expect(result.outputs['next-perspective']).toBe('data-integrity')
      expect(github.variable('octo/widget', CURSOR)?.value).toBe('7')
      // big-picture sums up the fourteen results of this same run; its overview leads the summary.
      const big = all[14]
      const details = JSON.parse(big.details_json) as { perspectives: { origin: string }[] }
      expect(new Set(details.perspectives.map((p) => p.origin))).toEqual(new Set(['this-run']))
      expect(result.outputs['risk-score']).toBe(String(big.risk_score))
      expect(result.summary.indexOf('## 15. Big picture')).toBeLessThan(
        result.summary.indexOf('## 1. Scope')
      )
      expect(result.summary).toContain('### Overview\n\n**Overall risk:')
    })

    it('a token that gets 403 on variables still plans, outputs the next perspective and says what to configure', async () => {
      const result = await run({ 'github-token': 'ghs_defaulttoken456' }, { runNumber: 17 })
      expect(result.code).toBe(0)
      // Run number 17 -> perspective 2 in the fallback rotation.
      expect(result.outputs).toMatchObject({
        'perspective-id': 'failure-modes',
        'next-perspective': 'integration-points',
        iteration: '17'
      })
      expect(result.stdout).toMatch(
        /::warning::.*HTTP 403 \(Resource not accessible by integration\)/
      )
      expect(result.stdout).toContain(ADVICE)
      expect(result.summary).toContain('Variables: read and write')
      expect(github.calls()).toEqual([`GET /repos/octo/widget/actions/variables/${CURSOR}`])
    })

    it('without any github-token it plans too, with the same advice', async () => {
      const result = await run({ 'github-token': '' }, { runNumber: 31 })
      expect(result.code).toBe(0)
      expect(result.outputs['perspective-id']).toBe('scope')
      expect(result.stdout).toContain(ADVICE)
      expect(github.requests).toEqual([])
    })

    it('a corrupt cursor value is reported by name and replaced with a valid one', async () => {
      github.setVariable('octo/widget', CURSOR, '{"next": "banana"}')
      const result = await run({}, { runNumber: 4 })
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/::warning::.*bad value '\{"next": "banana"\}'/)
      expect(result.outputs).toMatchObject({
        'perspective-id': 'edge-cases',
        'next-perspective': 'performance'
      })
      expect(result.summary).toContain('bad value')
      expect(github.variable('octo/widget', CURSOR)?.value).toBe(
        '{"next":"performance","iteration":5}'
      )
    })

    it('a 502 from the API is retried and the run goes on', async () => {
      github.setVariable('octo/widget', CURSOR, '{"next":"scope","iteration":3}')
      github.failNext(1, 502)
      const result = await run()
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/HTTP 502; retry 1 of 3/)
      expect(github.calls().slice(0, 2)).toEqual([
        `GET /repos/octo/widget/actions/variables/${CURSOR}`,
        `GET /repos/octo/widget/actions/variables/${CURSOR}`
      ])
      expect(result.outputs['perspective-id']).toBe('scope')
      expect(github.variable('octo/widget', CURSOR)?.value).toBe(
        '{"next":"failure-modes","iteration":4}'
      )
    })

    it('never prints the tokens: masked before anything else, absent from summary and records', async () => {
      const hub = await new FakeHub()
        .addToken('hf_secrettoken789', { user: 'octo', role: 'write' })
        .start()
      try {
        const result = await run({
          'hf-token': 'hf_secrettoken789',
          'hf-dataset': 'octo/plans',
          'hf-endpoint': hub.url
        })
        expect(result.code).toBe(0)
        const lines = result.stdout.split('\n')
        expect(lines.slice(0, 2).sort()).toEqual([
          '::add-mask::ghs_goodtoken123',
          '::add-mask::hf_secrettoken789'
        ])
        const rest =
          lines.slice(2).join('\n') +
          result.stderr +
          result.summary +
          readFileSync(result.outputs['results-file'], 'utf8')
        expect(rest).not.toContain('ghs_goodtoken123')
        expect(rest).not.toContain('hf_secrettoken789')
      } finally {
        await hub.stop()
      }
    })

    it('uploads to the dataset, outputs its URLs, then advances the cursor', async () => {
      const hub = await new FakeHub().addToken('hf_writer', { user: 'octo', role: 'write' }).start()
      try {
        const result = await run({
          'hf-token': 'hf_writer',
          'hf-dataset': 'octo/plans',
          'hf-endpoint': hub.url
        })
        expect(result.code).toBe(0)
        expect(result.outputs['dataset-url']).toBe(`${hub.url}/datasets/octo/plans`)
        expect(result.outputs['commit-url']).toMatch(
          new RegExp(`^${hub.url}/datasets/octo/plans/commit/[0-9a-f]+$`)
        )
        expect(hub.userCommits('octo/plans')).toHaveLength(1)
        const latest = JSON.parse(hub.fileText('octo/plans', 'latest/scope.json')!) as PlanRecord
        expect(latest).toEqual(records(workspace, result)[0])
        expect(hub.dataset('octo/plans')?.private).toBe(false)
        expect(github.variable('octo/widget', CURSOR)?.value).toBe(
          '{"next":"failure-modes","iteration":2}'
        )
      } finally {
        await hub.stop()
      }
    })

    it('a failed upload keeps the local results, keeps the cursor, and fails the step (or warns)', async () => {
      const hub = await new FakeHub().addToken('hf_reader', { user: 'octo', role: 'read' }).start()
      try {
        github.setVariable('octo/widget', CURSOR, '{"next":"scope","iteration":8}')
        const failed = await run({
          'hf-token': 'hf_reader',
          'hf-dataset': 'octo/plans',
          'hf-endpoint': hub.url
        })
        expect(failed.code).toBe(1)
        expect(failed.stdout).toMatch(
          /::error::.*could not be uploaded to the Hugging Face dataset/
        )
        expect(existsSync(failed.outputs['results-file'])).toBe(true)
        expect(failed.outputs['next-perspective']).toBe('scope')
        expect(github.variable('octo/widget', CURSOR)?.value).toBe('{"next":"scope","iteration":8}')

        const warned = await run({
          'hf-token': 'hf_reader',
          'hf-dataset': 'octo/plans',
          'hf-endpoint': hub.url,
          'upload-failure': 'warn'
        })
        expect(warned.code).toBe(0)
        expect(github.variable('octo/widget', CURSOR)?.value).toBe('{"next":"scope","iteration":8}')
      } finally {
        await hub.stop()
      }
    })

    it('a bad input stops the run with one message naming the input and the accepted values', async () => {
      const result = await run({ 'fail-on': 'sometimes' })
      expect(result.code).toBe(1)
      expect(result.stdout).toContain(
        "::error::Configuration error: fail-on: 'sometimes' is not accepted. Use one of: none, critical, high, medium, low."
      )
      expect(result.outputs).toEqual({})
    })

    it('fail-on fails the step when a finding reaches the level', async () => {
      // ci-cd: the fixture has no CI (high); scope's one finding (an untested bin) is a minor class, rated info.
      const result = await run({ perspective: 'ci-cd', 'fail-on': 'low' })
      const ciCd = records(workspace, result)[0]
      const atLeastLow = ciCd.findings.filter((f) => f.severity !== 'info').length
      expect(atLeastLow).toBeGreaterThan(0)
      expect(result.code).toBe(1)
      expect(result.stdout).toContain(
        `::error::fail-on low: ${atLeastLow} finding(s) at low or above`
      )
    })
  }
)
