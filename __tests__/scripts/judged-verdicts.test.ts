// The judged findings as data: a tiny round folder written for this test (a packet, its verdicts, the
// repository's commit and a run's output) is read into rows, tallied into the precision table, and
// replayed against a later run's records (held-back findings included).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
// @ts-expect-error: a plain ESM script without type declarations
import { precisionTable, readRound } from '../../scripts/judged-verdicts.mjs'
// @ts-expect-error: a plain ESM script without type declarations
import { classes, replay, summary } from '../../scripts/replay-judged.mjs'

const ROUND = fileURLToPath(new URL('../fixtures/judged-round', import.meta.url))

interface Row {
  round: number
  repo: string
  commit: string | null
  judged: string
  id: string | null
  perspective: string
  message_id: string | null
  confidence: string | null
  file: string | null
  line: number | null
  claim: string
  worth: string
  source: string | null
}

describe('scripts/judged-verdicts.mjs', () => {
  const rows: Row[] = readRound({ round: 7, dir: ROUND, tool: 'abc1234' })

  it('joins each verdict to its packet entry, with the commit from repos.txt', () => {
    expect(rows.map((r) => [r.judged, r.perspective, r.message_id, r.claim, r.worth])).toEqual([
      ['F1', 'ci-cd', 'unpinnedAction', 'yes', 'yes'],
      ['F2', 'scope', 'untestedPublicUnit', 'no', 'no'],
      ['F3', 'test-coverage', 'uncoveredFunction', 'partly', 'no']
    ])
    expect(rows[0]).toMatchObject({
      round: 7,
      repo: 'demo',
      commit: '0123456789abcdef0123456789abcdef01234567',
      file: '.github/workflows/ci.yml',
      line: 12,
      confidence: 'high'
    })
  })

  it("names a report top the packet did not match from the run's own output", () => {
    expect(rows[2]).toMatchObject({
      id: 'test-coverage/uncoveredFunction/cccc',
      file: 'src/_inner.js',
      line: 5,
      confidence: 'high',
      source: 'top-2'
    })
  })

  it('counts partly as not true in the precision table', () => {
    const table: string = precisionTable(rows)
    expect(table).toContain('| scope | untestedPublicUnit | medium | 1 | 0 | 0 | 1 | 0% | 0 |')
    expect(table).toContain('| test-coverage | uncoveredFunction | high | 1 | 0 | 1 | 0 | 0% | 0 |')
    expect(table).toContain('| **all** | 3 | 1 | 1 | 1 | 33% | 1 |')
  })

  it('rejects a verdict whose id names no packet entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'judged-'))
    try {
      mkdirSync(join(dir, 'verdicts'))
      writeFileSync(join(dir, 'packet-x.json'), '[]')
      writeFileSync(
        join(dir, 'verdicts', 'verdict-x.json'),
        JSON.stringify([{ id: 'F1', claim: 'yes', worth: 'no', why: '' }])
      )
      expect(() => readRound({ round: 1, dir, tool: null })).toThrow(
        /verdict-x.json: F1 has no packet entry/
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('scripts/replay-judged.mjs', () => {
  it('matches judged findings to a later run, held-back ones included, and scores what is still reported', () => {
    const rows: Row[] = readRound({ round: 7, dir: ROUND, tool: 'abc1234' })
    const out = mkdtempSync(join(tmpdir(), 'replay-'))
    try {
      mkdirSync(join(out, 'latest'))
      writeFileSync(
        join(out, 'latest', 'ci-cd.json'),
        JSON.stringify({
          perspective_id: 'ci-cd',
          findings: [
            {
              id: 'ci-cd/unpinnedAction/aaaa',
              message_id: 'unpinnedAction',
              confidence: 'high',
              file: '.github/workflows/ci.yml',
              start_line: 14
            }
          ]
        })
      )
      writeFileSync(
        join(out, 'latest', 'scope.json'),
        JSON.stringify({
          perspective_id: 'scope',
          findings: [],
          details_json: JSON.stringify({
            calibrationHeld: [
              {
                id: 'scope/untestedPublicUnit/other',
                message_id: 'untestedPublicUnit',
                confidence: 'low',
                file: 'src/parse.js',
                start_line: 3
              }
            ]
          })
        })
      )
      const replayed = replay(rows, [{ round: 7, repo: 'demo', dir: out }])
      expect(
        replayed.map((r: Row & { still: boolean; held: boolean }) => [r.judged, r.still, r.held])
      ).toEqual([
        ['F1', true, false],
        ['F2', true, true],
        ['F3', false, false]
      ])
      expect(summary(replayed)).toEqual({
        before: { judged: 3, yes: 1, precision: 1 / 3 },
        still: { judged: 2, yes: 1, precision: 0.5 },
        reported: { judged: 1, yes: 1, precision: 1 }
      })
      expect(classes(replayed)).toEqual([
        {
          id: 'ci-cd/unpinnedAction',
          confidence: 'high',
          judged: 1,
          yes: 1,
          precision: 1,
          held: false
        },
        {
          id: 'scope/untestedPublicUnit',
          confidence: 'low',
          judged: 1,
          yes: 0,
          precision: 0,
          held: true
        }
      ])
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
