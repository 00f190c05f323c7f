// publishToHub against a Hub on 127.0.0.1 that speaks the protocol @huggingface/hub uses.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import {
  publishToHub,
  HubError,
  defaultDatasetName,
  resolveEndpoint,
  type HubOptions
} from '../../src/sinks/huggingface.js'
import { readHistory } from '../../src/history/read.js'
import { diffFindings } from '../../src/history/diff.js'
import type { PlanRecord } from '../../src/records/types.js'
import { FakeHub, type RecordedRequest } from '../helpers/fake-hub.js'
import { makeAllRun, makeRecord } from '../helpers/plan-records.js'

const TOKEN = 'hf_writeTokenSecret0123456789'
const READ_TOKEN = 'hf_readOnlyTokenSecret987654'
const DATASET = 'octo/autocoder-test-planning-results'

let hub: FakeHub
let logs: string[]
let waits: number[] = []

function options(extra: Partial<HubOptions> = {}): HubOptions {
  return {
    token: TOKEN,
    dataset: DATASET,
    endpoint: hub.url,
    timeoutMs: 5_000,
    retryBudgetMs: 30_000,
    // Waits are recorded, not slept: the retry logic runs for real without making the tests wait.
    retryPolicy: {
      baseDelayMs: 2,
      maxDelayMs: 5,
      sleep: async (ms: number) => void waits.push(ms)
    },
    logger: {
      info: (m) => logs.push(`info: ${m}`),
      warning: (m) => logs.push(`warning: ${m}`),
      debug: (m) => logs.push(`debug: ${m}`)
    },
    ...extra
  }
}

/** The file lines of the NDJSON commit bodies the Hub received, decoded. */
function committedFiles(
  requests: RecordedRequest[]
): { key: string; path: string; text: string }[][] {
  return requests
    .filter((r) => r.method === 'POST' && /\/commit\/main$/.test(r.url))
    .map((r) =>
      r.body
        .split('\n')
        .map((l) => JSON.parse(l) as { key: string; value: { path: string; content?: string } })
        .filter((e) => e.key !== 'header')
        .map((e) => ({
          key: e.key,
          path: e.value.path,
          text: e.value.content ? Buffer.from(e.value.content, 'base64').toString('utf8') : ''
        }))
    )
}

function commitRequests(): RecordedRequest[] {
  return hub.requests.filter((r) => r.method === 'POST' && /\/commit\/main$/.test(r.url))
}

beforeEach(async () => {
  logs = []
  waits = []
  hub = await new FakeHub().start()
  hub.addToken(TOKEN, { user: 'octo', role: 'write' })
  hub.addToken(READ_TOKEN, { user: 'octo', role: 'read' })
})

afterEach(async () => {
  await hub.stop()
})

describe('publishToHub', () => {
  it('creates a public dataset with its card and commits the run once', async () => {
    const record = makeRecord({ perspective: 0, findings: 2, specs: 1 })
    const result = await publishToHub([record], options())

    const repo = hub.dataset(DATASET)!
    expect(repo.private).toBe(false)
    const commits = hub.userCommits(DATASET)
    expect(commits).toHaveLength(1)
    expect(commits[0].title).toBe('test-planning: scope @ abcdef0')
    expect(result).toEqual({
      datasetUrl: `${hub.url}/datasets/${DATASET}`,
      commitUrl: `${hub.url}/datasets/${DATASET}/commit/${commits[0].oid}`,
      commitOid: commits[0].oid,
      created: true,
      files: [
        'data/2026/20261124T193529123Z-1001.jsonl',
        'latest/scope.json',
        'badge.json',
        'README.md'
      ]
    })

    // Sent the regular way (base64 in the NDJSON commit), no LFS or xet round trip.
    expect(committedFiles(hub.requests)[0].map((f) => f.key)).toEqual([
      'file',
      'file',
      'file',
      'file'
    ])
    expect(hub.requests.some((r) => r.url.includes('/info/lfs/'))).toBe(false)
    expect(hub.requests.some((r) => r.url === '/api/repos/create')).toBe(true)

    const data = hub.fileText(DATASET, 'data/2026/20261124T193529123Z-1001.jsonl')!
    expect(
      data
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l))
    ).toEqual([record])
    expect(JSON.parse(hub.fileText(DATASET, 'latest/scope.json')!)).toEqual(record)
    expect(JSON.parse(hub.fileText(DATASET, 'badge.json')!)).toMatchObject({
      schemaVersion: 1,
      message: '42/100 (scope)'
    })
    const card = hub.fileText(DATASET, 'README.md')!
    const front = parse(card.split('---\n')[1]) as {
      configs: { config_name: string; data_files: { split: string; path: string }[] }[]
    }
    expect(front.configs).toEqual([
      {
        config_name: 'default',
        default: true,
        data_files: [{ split: 'train', path: 'data/**/*.jsonl' }]
      },
      { config_name: 'latest-scope', data_files: [{ split: 'train', path: 'latest/scope.json' }] }
    ])
  })

  it('creates the dataset private when asked', async () => {
    await publishToHub([makeRecord()], options({ private: true }))
    expect(hub.dataset(DATASET)!.private).toBe(true)
    const create = hub.requests.find((r) => r.url === '/api/repos/create')!
    expect(JSON.parse(create.body)).toMatchObject({
      name: 'autocoder-test-planning-results',
      organization: 'octo',
      type: 'dataset',
      visibility: 'private'
    })
  })

  it('adds a second commit on the next run, rewrites the card only when it changes, and the history shows the earlier result', async () => {
    const first = makeRecord({
      perspective: 0,
      findingIds: ['a', 'b', 'c'],
      timestamp: '2026-11-24T10:00:00.000Z',
      runId: '1'
    })
    await publishToHub([first], options())

    // Read before writing: this is what the next run's summary compares with.
    const before = await readHistory({
      kind: 'hub',
      dataset: DATASET,
      endpoint: hub.url,
      token: TOKEN
    })
    expect(before.found).toBe(true)
    expect(before.problems).toEqual([])
    expect([...before.latest.keys()]).toEqual(['scope'])
    expect(before.latest.get('scope')).toEqual(first)

    const second = makeRecord({
      perspective: 0,
      findingIds: ['b', 'c', 'd', 'e'],
      timestamp: '2026-11-25T10:00:00.000Z',
      runId: '2'
    })
    const result = await publishToHub([second], options())
    expect(result.created).toBe(false)
    expect(hub.userCommits(DATASET)).toHaveLength(2)
    // Same perspectives, same card: not committed again.
    expect(committedFiles(hub.requests)[1].map((f) => f.path)).toEqual([
      'data/2026/20261125T100000000Z-2.jsonl',
      'latest/scope.json',
      'badge.json'
    ])
    expect(logs).toContain('debug: Dataset card unchanged')

    expect(diffFindings(before.latest.get('scope')!.findings, second.findings)).toEqual({
      newIds: ['d', 'e'],
      resolvedIds: ['a'],
      unchanged: 2
    })
    const after = await readHistory({ kind: 'hub', dataset: DATASET, endpoint: hub.url })
    expect(after.latest.get('scope')).toEqual(second)

    // A new perspective changes the card's configs, so the card goes into that commit.
    await publishToHub(
      [makeRecord({ perspective: 9, timestamp: '2026-11-26T10:00:00.000Z', runId: '3' })],
      options({
        perspectives: [
          { id: 'scope', title: 'Scope' },
          { id: 'security', title: 'Security' }
        ]
      })
    )
    expect(committedFiles(hub.requests)[2].map((f) => f.path)).toContain('README.md')
    expect(hub.fileText(DATASET, 'README.md')).toContain('config_name: latest-security')
    expect(hub.fileText(DATASET, 'README.md')).toContain('config_name: latest-scope')
  })

  it('commits all 15 perspectives as one commit with 15 rows in one JSON Lines file', async () => {
    const records = makeAllRun()
    await publishToHub(records, options())
    const commits = hub.userCommits(DATASET)
    expect(commits).toHaveLength(1)
    expect(commits[0].title).toBe('test-planning: 15 perspectives @ abcdef0')
    const dataFiles = [...commits[0].files.keys()].filter((p) => p.startsWith('data/'))
    expect(dataFiles).toEqual(['data/2026/20261124T193529123Z-all-1.jsonl'])
    const rows = hub
      .fileText(DATASET, dataFiles[0])!
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as PlanRecord)
    expect(rows.map((r) => r.perspective_id)).toEqual(records.map((r) => r.perspective_id))
    expect([...commits[0].files.keys()].filter((p) => p.startsWith('latest/'))).toHaveLength(15)
    expect((hub.fileText(DATASET, 'README.md')!.match(/config_name: latest-/g) ?? []).length).toBe(
      15
    )
  })

  it('explains the permission a read-only token lacks, without the token, and commits nothing', async () => {
    hub.seedDataset(DATASET)
    const error = await publishToHub([makeRecord()], options({ token: READ_TOKEN })).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(HubError)
    const hubError = error as HubError
    expect(hubError.kind).toBe('permission')
    expect(hubError.status).toBe(403)
    expect(hubError.message).toContain(
      `the token needs write access to the dataset ${DATASET}: create a token with 'Write' role or a fine-grained token with write access to that repository, and save it as the HF_TOKEN secret`
    )
    expect(hubError.message).not.toContain(READ_TOKEN)
    expect(hubError.stack ?? '').not.toContain(READ_TOKEN)
    expect(hub.userCommits(DATASET)).toHaveLength(0)
  })

  it('gives the same permission message for a token the Hub does not know (401)', async () => {
    const error = (await publishToHub(
      [makeRecord()],
      options({ token: 'hf_unknownToken000111222' })
    ).catch((e: unknown) => e)) as HubError
    expect(error.kind).toBe('permission')
    expect(error.status).toBe(401)
    expect(error.message).toContain('needs write access to the dataset')
    expect(error.message).not.toContain('hf_unknownToken000111222')
  })

  it('retries two 503s on the commit and applies it exactly once', async () => {
    hub.injectFault({ method: 'POST', path: /\/commit\/main$/, times: 2, status: 503 })
    const result = await publishToHub([makeRecord()], options())
    expect(commitRequests()).toHaveLength(3)
    expect(hub.userCommits(DATASET)).toHaveLength(1)
    expect(result.commitOid).toBe(hub.userCommits(DATASET)[0].oid)
    expect(logs.filter((l) => l.startsWith('warning:') && l.includes('503'))).toHaveLength(2)
  })

  it('does not commit twice when the commit landed but its answer was lost', async () => {
    hub.injectFault({
      method: 'POST',
      path: /\/commit\/main$/,
      times: 1,
      status: 502,
      afterApply: true
    })
    const result = await publishToHub([makeRecord()], options())
    expect(commitRequests()).toHaveLength(1)
    expect(hub.userCommits(DATASET)).toHaveLength(1)
    expect(result.commitOid).toBe(hub.userCommits(DATASET)[0].oid)
    expect(logs.some((l) => l.includes('landed although its answer failed'))).toBe(true)
  })

  it('retries 429 and 5xx on the other calls too, honouring Retry-After', async () => {
    hub.injectFault({
      method: 'GET',
      path: /^\/api\/datasets\/octo\/[^/]+$/,
      times: 1,
      status: 429,
      retryAfter: '0'
    })
    hub.injectFault({ method: 'POST', path: /\/preupload\/main$/, times: 2, status: 500 })
    await publishToHub([makeRecord()], options())
    expect(hub.userCommits(DATASET)).toHaveLength(1)
    expect(hub.requests.filter((r) => r.url.includes('/preupload/'))).toHaveLength(3)
  })

  it('retries a request that gets no answer', async () => {
    // Injected time: the hanging request is aborted the moment the Hub leaves it hanging, as its
    // time-out would; nothing waits for a real clock.
    const pending = new Set<AbortController>()
    hub.onHang = () => {
      for (const c of pending) c.abort(new DOMException('no answer', 'TimeoutError'))
    }
    const abortable: typeof fetch = async (input, init) => {
      const controller = new AbortController()
      pending.add(controller)
      try {
        return await fetch(input, {
          ...init,
          signal: init?.signal
            ? AbortSignal.any([init.signal, controller.signal])
            : controller.signal
        })
      } finally {
        pending.delete(controller)
      }
    }
    hub.injectFault({
      method: 'GET',
      path: /^\/api\/datasets\/octo\/[^/]+$/,
      times: 1,
      status: 0,
      hang: true
    })
    await publishToHub([makeRecord()], options({ fetch: abortable }))
    expect(hub.userCommits(DATASET)).toHaveLength(1)
    expect(
      hub.requests.filter(
        (r) => r.method === 'GET' && /^\/api\/datasets\/octo\/[^/]+$/.test(r.url.split('?')[0])
      ).length
    ).toBeGreaterThanOrEqual(2)
    expect(logs.some((l) => /retry/i.test(l))).toBe(true)
  })

  it('gives up when the budget is spent, with the status and what the Hub said', async () => {
    hub.seedDataset(DATASET)
    hub.injectFault({ method: 'POST', path: /\/commit\/main$/, times: 100, status: 503 })
    const error = (await publishToHub(
      [makeRecord()],
      options({ retryPolicy: { baseDelayMs: 2, maxDelayMs: 5, maxAttempts: 3 } })
    ).catch((e: unknown) => e)) as HubError
    expect(error).toBeInstanceOf(HubError)
    expect(error.kind).toBe('server')
    expect(error.message).toMatch(
      /^Hugging Face failed while committing the run \(HTTP 503: Service Unavailable \(injected\)\)/
    )
    expect(commitRequests()).toHaveLength(3)
    expect(hub.userCommits(DATASET)).toHaveLength(0)
  })

  it('does not retry other errors and reports the status and the Hub text', async () => {
    hub.injectFault({ method: 'POST', path: /\/preupload\/main$/, times: 5, status: 422 })
    const error = (await publishToHub([makeRecord()], options()).catch(
      (e: unknown) => e
    )) as HubError
    expect(error.kind).toBe('other')
    expect(error.status).toBe(422)
    expect(error.message).toContain('HTTP 422')
    expect(hub.requests.filter((r) => r.url.includes('/preupload/'))).toHaveLength(1)
  })

  it('uploads files the Hub routes to LFS through basic LFS transfer, never xet', async () => {
    hub.lfsThresholdBytes = 200
    const record = makeRecord({ findings: 4, specs: 2 })
    await publishToHub([record], options())
    const batch = hub.requests.find((r) => r.url.endsWith('/info/lfs/objects/batch'))!
    expect(JSON.parse(batch.body).transfers).toEqual(['basic', 'multipart'])
    expect(
      committedFiles(hub.requests)[0]
        .filter((f) => f.key === 'lfsFile')
        .map((f) => f.path)
    ).toContain('latest/scope.json')
    expect(JSON.parse(hub.fileText(DATASET, 'latest/scope.json')!)).toEqual(record)
  })

  it('sends the token only in Authorization headers and never logs it', async () => {
    hub.injectFault({ method: 'POST', path: /\/commit\/main$/, times: 1, status: 503 })
    await publishToHub([makeRecord()], options())
    await readHistory({ kind: 'hub', dataset: DATASET, endpoint: hub.url, token: TOKEN })
    let authorised = 0
    for (const r of hub.requests) {
      expect(r.url).not.toContain(TOKEN)
      expect(r.body).not.toContain(TOKEN)
      for (const [name, value] of Object.entries(r.headers)) {
        if (name === 'authorization') {
          expect(value).toBe(`Bearer ${TOKEN}`)
          authorised++
        } else expect(value).not.toContain(TOKEN)
      }
    }
    expect(authorised).toBeGreaterThan(5)
    expect(logs.length).toBeGreaterThan(0)
    for (const line of logs) expect(line).not.toContain(TOKEN)
  })

  it('refuses a malformed dataset name or token before any request', async () => {
    await expect(publishToHub([makeRecord()], options({ dataset: 'no-owner' }))).rejects.toThrow(
      /hf-dataset "no-owner" is not a dataset name/
    )
    await expect(
      publishToHub([makeRecord()], options({ token: 'ghp_notahubtoken' }))
    ).rejects.toThrow(/start with "hf_"/)
    expect(hub.requests).toHaveLength(0)
  })
})

describe('dataset name and endpoint', () => {
  it('defaults to HF_USERNAME or autocoder', () => {
    expect(defaultDatasetName({ HF_USERNAME: 'octo' })).toBe('octo/autocoder-test-planning-results')
    expect(defaultDatasetName({})).toBe('autocoder/autocoder-test-planning-results')
    expect(defaultDatasetName({ HF_USERNAME: '  ' })).toBe(
      'autocoder/autocoder-test-planning-results'
    )
  })

  it('takes the input, then HF_ENDPOINT, then huggingface.co', () => {
    expect(resolveEndpoint('https://hub.example/', { HF_ENDPOINT: 'https://mirror.example' })).toBe(
      'https://hub.example'
    )
    expect(resolveEndpoint(undefined, { HF_ENDPOINT: 'https://mirror.example/' })).toBe(
      'https://mirror.example'
    )
    expect(resolveEndpoint('', {})).toBe('https://huggingface.co')
    expect(() => resolveEndpoint('ftp://x', {})).toThrow(/must be an http\(s\) address/)
  })
})

describe('publishToHub input checks', () => {
  it('refuses a record that does not match the schema, before any request', async () => {
    const hub = await new FakeHub().start()
    try {
      const bad = { ...makeRecord(), risk_score: 'high' } as unknown as PlanRecord
      await expect(
        publishToHub([bad], { token: TOKEN, dataset: DATASET, endpoint: hub.url })
      ).rejects.toThrow(/does not match src\/records\/record\.schema\.json/)
      expect(hub.requests).toHaveLength(0)
    } finally {
      await hub.stop()
    }
  })
})
