// Big-picture's backlog, once the specs have run: entries whose delivered specs add coverage lead,
// most first; the rest keep big-picture's order; nothing moves when no gain was measured.
import { rankBacklogByCoverage } from '../../src/pipeline/backlog-rank.js'
import { meta, run } from '../report/make-input.js'

const entry = (file: string, ...ids: string[]) => ({ file, specs: ids.map((id) => ({ id })) })

const bigPicture = () =>
  run({
    meta: meta(15, 'big-picture', 'Big picture', 'Where do we stand?'),
    specs: [],
    details: {
      backlog: {
        total: 4,
        entries: [
          entry('a.ts', 's1'),
          entry('b.ts', 's2', 's3'),
          entry('c.ts', 's4'),
          entry('d.ts')
        ]
      }
    }
  })

const files = (r: ReturnType<typeof bigPicture>): string[] =>
  (r.details as { backlog: { entries: { file: string }[] } }).backlog.entries.map((e) => e.file)

describe("ranking big-picture's backlog by coverage gain", () => {
  it('puts entries whose specs add the most first, keeping the order otherwise', () => {
    const gains = new Map<string, number | null>([
      ['s1', 0],
      ['s2', 3],
      ['s3', 12],
      ['s4', 5]
    ])
    const [ranked] = rankBacklogByCoverage([bigPicture()], gains)
    expect(files(ranked)).toEqual(['b.ts', 'c.ts', 'a.ts', 'd.ts'])
    const entries = (ranked.details as { backlog: { entries: { coverageGain: unknown }[] } })
      .backlog.entries
    expect(entries.map((e) => e.coverageGain)).toEqual([12, 5, 0, null])
  })
  it('leaves the backlog as it is when coverage was not measured', () => {
    const original = bigPicture()
    const [same] = rankBacklogByCoverage([original], new Map([['s1', null]]))
    expect(same).toBe(original)
  })
  it('leaves other perspectives alone', () => {
    const other = run()
    expect(rankBacklogByCoverage([other], new Map([['s1', 4]]))[0]).toBe(other)
  })
})
