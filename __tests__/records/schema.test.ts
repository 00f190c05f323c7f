import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildRecord } from '../../src/records/build.js'
import {
  assertValidRecords,
  InvalidRecordError,
  RECORD_SCHEMA,
  validateRecord
} from '../../src/records/schema.js'
import { SCHEMA_VERSION, type PlanRecord } from '../../src/records/types.js'
import { makeAllRun } from '../helpers/plan-records.js'
import { runInfo, scopeRun } from './fixtures.js'

type SchemaNode = {
  type?: unknown
  properties?: Record<string, SchemaNode>
  required?: string[]
  additionalProperties?: unknown
  items?: SchemaNode
  definitions?: Record<string, SchemaNode>
}

function objectNodes(node: SchemaNode, path = '#'): { path: string; node: SchemaNode }[] {
  const out: { path: string; node: SchemaNode }[] = []
  if (node.properties) out.push({ path, node })
  for (const [key, child] of Object.entries(node.properties ?? {}))
    out.push(...objectNodes(child, `${path}/properties/${key}`))
  for (const [key, child] of Object.entries(node.definitions ?? {}))
    out.push(...objectNodes(child, `${path}/definitions/${key}`))
  if (node.items) out.push(...objectNodes(node.items, `${path}/items`))
  return out
}

const record = (): PlanRecord => buildRecord(scopeRun(), runInfo)

describe('record schema', () => {
  it('is the checked-in file src/records/record.schema.json', () => {
    const file = JSON.parse(
      readFileSync(join(process.cwd(), 'src/records/record.schema.json'), 'utf8')
    )
    expect(RECORD_SCHEMA).toEqual(file)
  })

  it('forbids unknown fields and requires every field, at every level', () => {
    const nodes = objectNodes(RECORD_SCHEMA as SchemaNode)
    expect(nodes.length).toBeGreaterThanOrEqual(7)
    for (const { path, node } of nodes) {
      expect({ path, additionalProperties: node.additionalProperties }).toEqual({
        path,
        additionalProperties: false
      })
      expect({ path, required: [...(node.required ?? [])].sort() }).toEqual({
        path,
        required: Object.keys(node.properties!).sort()
      })
    }
  })

  it('names exactly the fields a built record has (the TypeScript type and the schema agree)', () => {
    const r = record()
    const schema = RECORD_SCHEMA as SchemaNode
    expect(Object.keys(schema.properties!).sort()).toEqual(Object.keys(r).sort())
    expect(Object.keys(schema.definitions!.finding.properties!).sort()).toEqual(
      Object.keys(r.findings[0]).sort()
    )
    expect(Object.keys(schema.definitions!.spec.properties!).sort()).toEqual(
      Object.keys(r.specs[0]).sort()
    )
    expect((schema.properties!.schema_version as { const: number }).const).toBe(SCHEMA_VERSION)
  })

  it('accepts records of all 15 perspectives, including failed and not implemented ones', () => {
    for (const r of makeAllRun())
      expect({ id: r.perspective_id, errors: validateRecord(r) }).toEqual({
        id: r.perspective_id,
        errors: []
      })
  })

  it.each<[string, (r: PlanRecord) => unknown, string]>([
    ['an extra field', (r) => ({ ...r, extra: 1 }), "record: unexpected field 'extra'"],
    [
      'a missing field',
      ({ risk_score: _risk, ...rest }) => rest,
      "record: missing field 'risk_score'"
    ],
    [
      'a bad severity',
      (r) => ({ ...r, findings: [{ ...r.findings[0], severity: 'severe' }] }),
      'record.findings[0].severity: must be equal to one of the allowed values (critical, high, medium, low, info)'
    ],
    ['a risk over 100', (r) => ({ ...r, risk_score: 101 }), 'record.risk_score: must be <= 100'],
    [
      'a line of 0',
      (r) => ({ ...r, findings: [{ ...r.findings[0], start_line: 0 }] }),
      'record.findings[0].start_line: must be >= 1'
    ],
    [
      'a local-time timestamp',
      (r) => ({ ...r, timestamp: '2026-11-24 19:35' }),
      'record.timestamp: must match pattern'
    ],
    ['an undefined commit', (r) => ({ ...r, commit: undefined }), "record: missing field 'commit'"],
    [
      'a NaN metric (JSON would store null)',
      (r) => ({ ...r, metrics: [{ name: 'x', value: Number.NaN }] }),
      'record.metrics[0].value: must be number'
    ]
  ])('rejects %s with a readable error', (_, mutate, message) => {
    expect(validateRecord(mutate(record())).join('\n')).toContain(message)
  })

  it('refuses a batch with any invalid record and lists every problem', () => {
    const bad = { ...record(), perspective_id: 'scope', trigger: 'cron' } as unknown as PlanRecord
    let error: unknown
    try {
      assertValidRecords([record(), bad])
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InvalidRecordError)
    expect((error as Error).message).toContain('nothing was written')
    expect((error as Error).message).toContain(
      'record.trigger: must be equal to one of the allowed values (schedule, manual, all, cli)'
    )
  })
})
