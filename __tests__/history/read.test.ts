// The history reader over a local results folder (the dataset path is exercised against the fake
// Hub in __tests__/sinks/huggingface.test.ts), the comparison, and the conversion for perspectives.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { compareWithPrevious, previousResults, readHistory } from '../../src/history/read.js'
import { diffFindings } from '../../src/history/diff.js'
import { toPreviousResult } from '../../src/history/previous.js'
import { runFiles } from '../../src/records/layout.js'
import { makeRecord } from '../helpers/plan-records.js'
import { FakeHub } from '../helpers/fake-hub.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function put(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true })
  await writeFile(join(dir, path), content)
}

describe('readHistory (local folder)', () => {
  it('returns nothing, and no problem, when the folder has no results yet', async () => {
    const snapshot = await readHistory({ kind: 'local', dir: join(dir, 'missing') })
    expect(snapshot).toMatchObject({ found: false, problems: [] })
    expect(snapshot.latest.size).toBe(0)
  })

  it('reads the latest record of each perspective from the files a run writes', async () => {
    const records = [makeRecord({ perspective: 0 }), makeRecord({ perspective: 9, findings: 0 })]
    for (const f of runFiles(records)) await put(f.path, f.content)
    const snapshot = await readHistory({ kind: 'local', dir })
    expect(snapshot.found).toBe(true)
    expect(snapshot.problems).toEqual([])
    expect(snapshot.latest.get('scope')).toEqual(records[0])
    expect(snapshot.latest.get('security')).toEqual(records[1])
  })

  it('reports damaged, foreign and misplaced files as problems and keeps the good ones', async () => {
    for (const f of runFiles([makeRecord({ perspective: 0 })])) await put(f.path, f.content)
    await put('latest/edge-cases.json', '{"perspective_id": "edge-cases", "timest')
    await put('latest/performance.json', JSON.stringify({ hello: 'world' }))
    await put('latest/security.json', JSON.stringify(makeRecord({ perspective: 1 })))
    await put(
      'latest/ci-cd.json',
      JSON.stringify({ ...makeRecord({ perspective: 13 }), findings: [{ title: 'no id' }] })
    )
    const snapshot = await readHistory({ kind: 'local', dir })
    expect([...snapshot.latest.keys()]).toEqual(['scope'])
    expect(snapshot.problems).toEqual([
      'latest/ci-cd.json: not a test-planning record: findings[0] has no string id',
      expect.stringMatching(/^latest\/edge-cases\.json: not valid JSON/),
      'latest/performance.json: not a test-planning record: perspective_id is missing or not a string',
      'latest/security.json: holds perspective "failure-modes", not the one its name says'
    ])
  })
})

describe('readHistory (dataset)', () => {
  it('treats a dataset that does not exist yet as a first run', async () => {
    const hub = await new FakeHub().start()
    try {
      const snapshot = await readHistory({ kind: 'hub', dataset: 'octo/none', endpoint: hub.url })
      expect(snapshot).toMatchObject({ found: false, problems: [] })
    } finally {
      await hub.stop()
    }
  })

  it('reports a failure to reach the Hub as a problem, not an exception', async () => {
    const hub = await new FakeHub().start()
    hub.seedDataset('octo/d', { files: { 'latest/scope.json': JSON.stringify(makeRecord()) } })
    hub.injectFault({ path: /\/tree\//, times: 10, status: 503 })
    try {
      const snapshot = await readHistory({
        kind: 'hub',
        dataset: 'octo/d',
        endpoint: hub.url,
        retryPolicy: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 }
      })
      expect(snapshot.found).toBe(false)
      expect(snapshot.problems).toEqual([
        expect.stringMatching(/^Hugging Face failed while reading earlier results \(HTTP 503/)
      ])
    } finally {
      await hub.stop()
    }
  })
})

describe('comparison', () => {
  it('splits findings into new, resolved and unchanged by id', () => {
    expect(
      diffFindings([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }, { id: 'd' }])
    ).toEqual({ newIds: ['c', 'd'], resolvedIds: ['a'], unchanged: 1 })
    expect(diffFindings([], [{ id: 'x' }])).toEqual({
      newIds: ['x'],
      resolvedIds: [],
      unchanged: 0
    })
    expect(diffFindings([{ id: 'x' }], [])).toEqual({
      newIds: [],
      resolvedIds: ['x'],
      unchanged: 0
    })
  })

  it('compares a new record with the snapshot, and says when there is nothing to compare with', async () => {
    for (const f of runFiles([makeRecord({ perspective: 0, findingIds: ['a', 'b'] })]))
      await put(f.path, f.content)
    const snapshot = await readHistory({ kind: 'local', dir })
    expect(
      compareWithPrevious(snapshot, makeRecord({ perspective: 0, findingIds: ['b', 'c'] }))
    ).toEqual({ newIds: ['c'], resolvedIds: ['a'], unchanged: 1 })
    expect(compareWithPrevious(snapshot, makeRecord({ perspective: 3 }))).toBeNull()
  })
})

describe('toPreviousResult', () => {
  it('turns a stored record back into the camelCase shape perspectives receive', () => {
    const record = makeRecord({ perspective: 0, findings: 2 })
    const previous = toPreviousResult(record)!
    expect(previous).toMatchObject({
      perspective: 'scope',
      timestamp: record.timestamp,
      commit: record.commit,
      risk: 42
    })
    expect(previous.findings[0]).toEqual({
      id: 'scope-f1',
      perspective: 'scope',
      messageId: 'untested-export',
      title: 'Finding scope-f1',
      message: 'Message for scope-f1',
      severity: 'high',
      confidence: 'medium',
      rationale: 'Why it matters.',
      file: 'src/app.js',
      startLine: 3,
      endLine: 5,
      snippet: 'export function run() {',
      symbol: 'run',
      lookedFor: null,
      where: [],
      cwe: 'CWE-20',
      tags: ['exports']
    })
    expect(previous.findings[1]).toMatchObject({
      file: null,
      startLine: null,
      lookedFor: 'a workflow that runs the tests',
      where: ['.github/workflows']
    })
  })

  it('skips perspectives this version does not know, and orders the rest by rotation', async () => {
    expect(toPreviousResult({ ...makeRecord(), perspective_id: 'retired-perspective' })).toBeNull()
    for (const f of runFiles([makeRecord({ perspective: 9 }), makeRecord({ perspective: 0 })]))
      await put(f.path, f.content)
    const snapshot = await readHistory({ kind: 'local', dir })
    expect(previousResults(snapshot).map((p) => p.perspective)).toEqual(['scope', 'security'])
  })
})
