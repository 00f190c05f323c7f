// Every column has one type across all rows an `all` run writes (and across runs), so a reader
// building one Arrow table from every data file never meets a type conflict.
import { describe, expect, it } from '@jest/globals'
import { recordColumns, typeMismatches } from '../../src/records/features.js'
import { toJsonLines } from '../../src/records/layout.js'
import { validateRecord } from '../../src/records/schema.js'
import { makeAllRun, makeRecord } from '../helpers/plan-records.js'

/** A column type as a reader infers it from JSON; null and empty lists fit any type. */
type Inferred =
  | { k: 'null' }
  | { k: 'scalar'; t: string }
  | { k: 'list'; of: Inferred }
  | { k: 'struct'; fields: Map<string, Inferred> }

function infer(value: unknown): Inferred {
  if (value === null) return { k: 'null' }
  if (Array.isArray(value))
    return {
      k: 'list',
      of: value.map(infer).reduce((a, b) => unify(a, b, '', []), { k: 'null' } as Inferred)
    }
  if (typeof value === 'object')
    return {
      k: 'struct',
      fields: new Map(Object.entries(value as object).map(([k, v]) => [k, infer(v)]))
    }
  return { k: 'scalar', t: typeof value }
}

/** The one type that fits both, recording every conflict (what a reader would fail on). */
function unify(a: Inferred, b: Inferred, at: string, conflicts: string[]): Inferred {
  if (a.k === 'null') return b
  if (b.k === 'null') return a
  if (a.k === 'scalar' && b.k === 'scalar') {
    if (a.t !== b.t) conflicts.push(`${at}: ${a.t} vs ${b.t}`)
    return a
  }
  if (a.k === 'list' && b.k === 'list')
    return { k: 'list', of: unify(a.of, b.of, `${at}[]`, conflicts) }
  if (a.k === 'struct' && b.k === 'struct') {
    const fields = new Map<string, Inferred>()
    for (const key of new Set([...a.fields.keys(), ...b.fields.keys()])) {
      if (!a.fields.has(key) || !b.fields.has(key))
        conflicts.push(`${at}.${key}: missing in some rows`)
      fields.set(
        key,
        unify(
          a.fields.get(key) ?? { k: 'null' },
          b.fields.get(key) ?? { k: 'null' },
          `${at}.${key}`,
          conflicts
        )
      )
    }
    return { k: 'struct', fields }
  }
  conflicts.push(`${at}: ${a.k} vs ${b.k}`)
  return a
}

describe('dataset columns', () => {
  const rows = [
    ...makeAllRun(),
    ...makeAllRun({ timestamp: '2026-11-25T00:00:00.000Z', runId: 'all-2' }),
    makeRecord({ commit: null })
  ]
    // What a reader gets: rows parsed back from the JSON Lines written.
    .flatMap((r) =>
      toJsonLines([r])
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    )

  it('builds rows with empty and non-empty findings, specs and metrics (the case that breaks inference)', () => {
    expect(rows.some((r) => (r.findings as unknown[]).length === 0)).toBe(true)
    expect(rows.some((r) => (r.findings as unknown[]).length > 0)).toBe(true)
    expect(rows.some((r) => (r.specs as unknown[]).length === 0)).toBe(true)
    expect(rows.some((r) => (r.specs as unknown[]).length > 0)).toBe(true)
  })

  it('every row validates against the record JSON Schema', () => {
    for (const row of rows) expect(validateRecord(row)).toEqual([])
  })

  it('every row has exactly the declared columns, each value of the declared type (null only where nullable)', () => {
    const columns = recordColumns()
    for (const [i, row] of rows.entries()) {
      expect(Object.keys(row)).toEqual(columns.map((c) => c.name))
      const problems = columns.flatMap((c) =>
        typeMismatches(row[c.name], c.type, `row ${i}.${c.name}`)
      )
      expect(problems).toEqual([])
    }
  })

  it('the union of all rows has one type per column, inferred from the data alone', () => {
    const conflicts: string[] = []
    const union = rows.map(infer).reduce((a, b) => unify(a, b, 'row', conflicts))
    expect(conflicts).toEqual([])
    // Every list column met at least one non-empty value, so its element type is known.
    const findings = (union as Extract<Inferred, { k: 'struct' }>).fields.get('findings')
    expect(findings).toMatchObject({ k: 'list', of: { k: 'struct' } })
  })

  it('the union check catches a perspective that types a column its own way', () => {
    const conflicts: string[] = []
    const odd = { ...rows[1], metrics: [{ name: 'x', value: '3' }] }
    ;[...rows, odd].map(infer).reduce((a, b) => unify(a, b, 'row', conflicts))
    expect(conflicts).toEqual(['row.metrics[].value: number vs string'])
  })

  it('detects a row whose column changes type', () => {
    const bad = {
      ...makeRecord(),
      risk_score: '42',
      commit: 7,
      findings: [{ ...makeRecord().findings[0], where: 'src' }]
    }
    const columns = recordColumns()
    const problems = columns.flatMap((c) =>
      typeMismatches((bad as Record<string, unknown>)[c.name], c.type, c.name)
    )
    expect(problems).toEqual([
      'commit: 7 is not string',
      'risk_score: "42" is not int64',
      'findings[0].where: not a list'
    ])
  })
})
