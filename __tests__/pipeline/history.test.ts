import type { HistorySnapshot } from '../../src/history/read.js'
import { latestPerspectiveNumber, mergeSnapshots } from '../../src/pipeline/history.js'
import { makeAllRun, makeRecord } from '../helpers/plan-records.js'

function snapshot(
  source: string,
  records: ReturnType<typeof makeRecord>[],
  problems: string[] = []
): HistorySnapshot {
  return {
    source,
    found: records.length > 0,
    latest: new Map(records.map((r) => [r.perspective_id, r])),
    problems
  }
}

describe('earlier results', () => {
  it('keeps the newer record of each perspective across the local folder and the dataset', () => {
    const older = makeRecord({
      perspective: 0,
      timestamp: '2026-11-20T10:00:00.000Z',
      runId: 'old'
    })
    const newer = makeRecord({
      perspective: 0,
      timestamp: '2026-11-21T10:00:00.000Z',
      runId: 'new'
    })
    const other = makeRecord({ perspective: 4, timestamp: '2026-11-19T10:00:00.000Z' })
    const merged = mergeSnapshots([
      snapshot('local', [older]),
      snapshot('dataset', [newer, other], ['latest/x.json: not valid JSON'])
    ])
    expect(merged.latest.get('scope')?.run_id).toBe('new')
    expect([...merged.latest.keys()].sort()).toEqual(['performance', 'scope'])
    expect(merged.problems).toEqual(['latest/x.json: not valid JSON'])
    expect(merged.source).toBe('local and dataset')
  })

  it('the latest perspective is the most recent one; in an `all` run, the last in rotation order', () => {
    expect(latestPerspectiveNumber(snapshot('s', []))).toBeNull()
    const a = makeRecord({ perspective: 6, timestamp: '2026-11-21T10:00:00.000Z' })
    const b = makeRecord({ perspective: 2, timestamp: '2026-11-22T10:00:00.000Z' })
    expect(latestPerspectiveNumber(snapshot('s', [a, b]))).toBe(3)
    expect(latestPerspectiveNumber(snapshot('s', makeAllRun()))).toBe(15)
    expect(latestPerspectiveNumber(snapshot('s', [...makeAllRun()].reverse()))).toBe(15)
  })
})
