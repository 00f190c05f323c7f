// The dataset's column types, derived from the record's JSON Schema (the one authority), in the
// form the `datasets` library reads from a dataset card (`dataset_info.features`).
//
// Why declare them: without declared features, `datasets` infers the types from the FIRST data
// file only and casts every other file to them. A first run whose rows all have empty `findings`
// would fix that column as a list of nulls, and every later file with real findings would fail to
// cast. Declared features make every file load the same way, whatever the first one holds.
import { RECORD_SCHEMA } from './schema.js'

export type Scalar = 'string' | 'int64' | 'float64' | 'bool'

export type ColumnType =
  | { kind: 'value'; dtype: Scalar; nullable: boolean }
  | { kind: 'struct'; fields: Column[] }
  | { kind: 'list'; of: ColumnType }

export interface Column {
  name: string
  type: ColumnType
}

interface SchemaNode {
  type?: string | string[]
  const?: unknown
  enum?: unknown[]
  $ref?: string
  properties?: Record<string, SchemaNode>
  required?: string[]
  items?: SchemaNode
}

type SchemaRoot = SchemaNode & { definitions?: Record<string, SchemaNode> }

const SCALARS: Record<string, Scalar> = {
  string: 'string',
  integer: 'int64',
  number: 'float64',
  boolean: 'bool'
}

/** The columns of a record, in the schema's order, with their types. */
export function recordColumns(schema: SchemaRoot = RECORD_SCHEMA as SchemaRoot): Column[] {
  const node = toType(schema, schema, '')
  if (node.kind !== 'struct') throw new Error('the record schema must describe an object')
  return node.fields
}

function toType(root: SchemaRoot, node: SchemaNode, at: string): ColumnType {
  if (node.$ref) {
    const name = node.$ref.replace('#/definitions/', '')
    const target = root.definitions?.[name]
    if (!target) throw new Error(`record schema: unresolved $ref ${node.$ref} at ${at || 'root'}`)
    return toType(root, target, at)
  }
  if (node.const !== undefined)
    return {
      kind: 'value',
      dtype: scalarOf(
        [
          typeof node.const === 'number'
            ? Number.isInteger(node.const)
              ? 'integer'
              : 'number'
            : typeof node.const
        ],
        at
      ),
      nullable: false
    }
  if (node.enum) {
    const kinds = [...new Set(node.enum.map((v) => (v === null ? 'null' : typeof v)))]
    return {
      kind: 'value',
      dtype: scalarOf(
        kinds.filter((k) => k !== 'null'),
        at
      ),
      nullable: kinds.includes('null')
    }
  }
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : []
  const nullable = types.includes('null')
  const nonNull = types.filter((t) => t !== 'null')
  if (nonNull.length === 1 && nonNull[0] === 'object') {
    if (nullable) throw new Error(`record schema: nullable object at ${at} has no dataset type`)
    const names = Object.keys(node.properties ?? {})
    return {
      kind: 'struct',
      fields: names.map((name) => ({
        name,
        type: toType(root, node.properties![name], `${at}.${name}`)
      }))
    }
  }
  if (nonNull.length === 1 && nonNull[0] === 'array') {
    if (!node.items) throw new Error(`record schema: array without items at ${at}`)
    return { kind: 'list', of: toType(root, node.items, `${at}[]`) }
  }
  return { kind: 'value', dtype: scalarOf(nonNull, at), nullable }
}

function scalarOf(kinds: string[], at: string): Scalar {
  const mapped = kinds.map((k) => SCALARS[k] ?? (k === 'bigint' ? 'int64' : undefined))
  if (mapped.length !== 1 || !mapped[0])
    throw new Error(`record schema: ${at} has no single column type (${kinds.join(', ')})`)
  return mapped[0]
}

/** `dataset_info.features` as the `datasets` library reads it from a card's YAML. */
export function cardFeatures(columns: Column[] = recordColumns()): unknown[] {
  return columns.map((c) => ({ name: c.name, ...featureBody(c.type) }))
}

function featureBody(type: ColumnType): Record<string, unknown> {
  switch (type.kind) {
    case 'value':
      return { dtype: type.dtype }
    case 'struct':
      return { struct: type.fields.map((f) => ({ name: f.name, ...featureBody(f.type) })) }
    case 'list':
      if (type.of.kind === 'value') return { list: type.of.dtype }
      if (type.of.kind === 'struct')
        return { list: type.of.fields.map((f) => ({ name: f.name, ...featureBody(f.type) })) }
      throw new Error('lists of lists are not used by the record')
  }
}

/** Where `value` does not fit `type` (empty when it fits): the one-type-per-column check. */
export function typeMismatches(value: unknown, type: ColumnType, at: string): string[] {
  switch (type.kind) {
    case 'value': {
      if (value === null)
        return type.nullable ? [] : [`${at}: null where the column is not nullable`]
      const ok =
        type.dtype === 'string'
          ? typeof value === 'string'
          : type.dtype === 'int64'
            ? Number.isInteger(value)
            : type.dtype === 'float64'
              ? typeof value === 'number' && Number.isFinite(value)
              : typeof value === 'boolean'
      return ok ? [] : [`${at}: ${JSON.stringify(value)} is not ${type.dtype}`]
    }
    case 'struct': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return [`${at}: not an object`]
      const v = value as Record<string, unknown>
      const extra = Object.keys(v)
        .filter((k) => !type.fields.some((f) => f.name === k))
        .map((k) => `${at}.${k}: not a declared column`)
      return [
        ...extra,
        ...type.fields.flatMap((f) =>
          f.name in v
            ? typeMismatches(v[f.name], f.type, `${at}.${f.name}`)
            : [`${at}.${f.name}: missing`]
        )
      ]
    }
    case 'list':
      if (!Array.isArray(value)) return [`${at}: not a list`]
      return value.flatMap((item, i) => typeMismatches(item, type.of, `${at}[${i}]`))
  }
}
