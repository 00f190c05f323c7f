import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runFiles } from '../../src/records/layout.js'
import { InvalidRecordError } from '../../src/records/schema.js'
import type { PlanRecord } from '../../src/records/types.js'
import { writeLocalResults } from '../../src/sinks/local.js'
import { makeAllRun, makeRecord } from '../helpers/plan-records.js'

const catalogue = makeAllRun().map((r) => ({ id: r.perspective_id, title: r.perspective_name }))
const options = { dataset: 'octo/results', perspectives: catalogue }

function listAll(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listAll(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]
  )
}

describe('local results folder', () => {
  let dir: string
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'local-sink-')), 'results')
  })
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }))

  it('writes the same files at the same paths as the dataset, plus the card', async () => {
    const records = [makeRecord({ perspective: 2 })]
    const result = await writeLocalResults(dir, records, options)
    const expected = runFiles(records)
    for (const file of expected)
      expect(readFileSync(join(dir, file.path), 'utf8')).toBe(file.content)
    expect(listAll(dir).sort()).toEqual([...expected.map((f) => f.path), 'README.md'].sort())
    expect(result.dataFile).toBe(join(dir, 'data/2026/20261124T193529123Z-1001.jsonl'))
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('latest-integration-points')
  })

  it('keeps earlier runs and lists every perspective with a latest file on the card', async () => {
    await writeLocalResults(dir, [makeRecord({ perspective: 0, runId: 'a' })], options)
    await writeLocalResults(
      dir,
      [makeRecord({ perspective: 1, runId: 'b', timestamp: '2026-11-24T20:35:29.123Z' })],
      options
    )
    expect(
      listAll(dir)
        .filter((p) => p.startsWith('data/'))
        .sort()
    ).toEqual(['data/2026/20261124T193529123Z-a.jsonl', 'data/2026/20261124T203529123Z-b.jsonl'])
    expect(readdirSync(join(dir, 'latest')).sort()).toEqual(['failure-modes.json', 'scope.json'])
    const card = readFileSync(join(dir, 'README.md'), 'utf8')
    expect(card).toContain('latest-scope')
    expect(card).toContain('latest-failure-modes')
  })

  it('leaves no temporary files behind', async () => {
    await writeLocalResults(dir, makeAllRun(), options)
    expect(listAll(dir).filter((p) => p.endsWith('.tmp'))).toEqual([])
    expect(readdirSync(join(dir, 'latest'))).toHaveLength(15)
  })

  it('refuses an invalid record and writes nothing', async () => {
    const bad = { ...makeRecord(), risk_score: -1 } as PlanRecord
    await expect(writeLocalResults(dir, [bad], options)).rejects.toBeInstanceOf(InvalidRecordError)
    expect(existsSync(dir)).toBe(false)
  })
})
