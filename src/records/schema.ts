// Validation of records against record.schema.json. The run validates every record before it writes
// anywhere; an invalid record is our bug, so the run stops and lists what is wrong.
import { Ajv, type ErrorObject } from 'ajv'
import schema from './record.schema.json' with { type: 'json' }
import type { PlanRecord } from './types.js'

export const RECORD_SCHEMA = schema

const validator = new Ajv({ allErrors: true, strict: true }).compile<PlanRecord>(schema)

function describe(error: ErrorObject): string {
  const at =
    error.instancePath === ''
      ? 'record'
      : `record${error.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}`
  if (error.keyword === 'additionalProperties')
    return `${at}: unexpected field '${(error.params as { additionalProperty: string }).additionalProperty}'`
  if (error.keyword === 'required')
    return `${at}: missing field '${(error.params as { missingProperty: string }).missingProperty}'`
  if (error.keyword === 'enum')
    return `${at}: ${error.message} (${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`
  return `${at}: ${error.message}`
}

/** Readable problems with a record; empty when it is valid. */
export function validateRecord(record: unknown): string[] {
  // Ajv's number type already refuses NaN and Infinity, which JSON would turn into null.
  if (validator(record)) return []
  return (validator.errors ?? []).map(describe)
}

export class InvalidRecordError extends Error {
  constructor(readonly problems: { perspective: string; errors: string[] }[]) {
    super(
      'A record does not match src/records/record.schema.json, so nothing was written (this is a bug in test-planning; please report it):\n' +
        problems
          .map((p) => `  ${p.perspective}:\n${p.errors.map((e) => `    - ${e}`).join('\n')}`)
          .join('\n')
    )
    this.name = 'InvalidRecordError'
  }
}

/** Throws InvalidRecordError listing every problem of every invalid record. */
export function assertValidRecords(records: readonly PlanRecord[]): void {
  const problems = records
    .map((r) => ({ perspective: String(r.perspective_id), errors: validateRecord(r) }))
    .filter((p) => p.errors.length > 0)
  if (problems.length > 0) throw new InvalidRecordError(problems)
}
