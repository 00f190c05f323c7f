// Generators for property-based specs, derived from a declared parameter type: fast-check arbitraries for
// TypeScript, hypothesis strategies for Python. A type that says nothing we can build from (a named
// interface, `any`, no annotation) gives no generator: the spec is then a todo naming what to write.
import { splitTopLevel } from '../shared/values.js'
import { words } from './context.js'

export type Generated =
  | { ok: true; code: string; /** What the generator produces, in words. */ domain: string }
  | { ok: false; missing: string }

/** Names that hold whole numbers (a count, an id, an index). */
const INTEGER_WORDS = new Set([
  'id',
  'count',
  'index',
  'idx',
  'n',
  'size',
  'length',
  'len',
  'port',
  'age',
  'year',
  'page',
  'limit',
  'offset',
  'version',
  'level',
  'depth',
  'total',
  'num',
  'number'
])

function integerByName(name: string): boolean {
  return words(name).some((w) => INTEGER_WORDS.has(w))
}

const MAX_DEPTH = 4

/** A fast-check arbitrary for a TypeScript type, named `name` for the number hint. */
export function fastCheckFor(type: string | undefined, name: string, depth = 0): Generated {
  if (!type || depth > MAX_DEPTH)
    return {
      ok: false,
      missing: `an arbitrary for ${name}${type ? ` (${type})` : ' (no declared type)'}`
    }
  const t = type.trim().replace(/^readonly\s+/, '')
  const union = splitTopLevel(t, '|')
  if (union.length > 1) {
    const literals = union.map(literalOf)
    if (literals.every((l) => l !== undefined))
      return {
        ok: true,
        code: `fc.constantFrom(${literals.join(', ')})`,
        domain: `one of ${literals.join(', ')}`
      }
    const rest = union.filter((m) => m !== 'null' && m !== 'undefined')
    if (rest.length === 1) {
      const inner = fastCheckFor(rest[0], name, depth + 1)
      if (!inner.ok) return inner
      const nil = union.includes('null') ? 'null' : 'undefined'
      return {
        ok: true,
        code: `fc.option(${inner.code}, { nil: ${nil} })`,
        domain: `${inner.domain} or ${nil}`
      }
    }
    const parts = union.map((m) => fastCheckFor(m, name, depth + 1))
    const bad = parts.find((p) => !p.ok)
    if (bad) return bad
    return {
      ok: true,
      code: `fc.oneof(${parts.map((p) => (p.ok ? p.code : '')).join(', ')})`,
      domain: t
    }
  }
  const literal = literalOf(t)
  if (literal !== undefined) return { ok: true, code: `fc.constant(${literal})`, domain: literal }
  const array = /^(.*)\[\]$/.exec(t) ?? /^(?:Array|ReadonlyArray)<(.*)>$/.exec(t)
  if (array) {
    const inner = fastCheckFor(array[1].replace(/^\((.*)\)$/, '$1'), name, depth + 1)
    return inner.ok
      ? { ok: true, code: `fc.array(${inner.code})`, domain: `array of ${inner.domain}` }
      : inner
  }
  const record = /^Record<\s*string\s*,(.*)>$/.exec(t)
  if (record) {
    const inner = fastCheckFor(record[1], name, depth + 1)
    return inner.ok
      ? {
          ok: true,
          code: `fc.dictionary(fc.string(), ${inner.code})`,
          domain: `string-keyed record of ${inner.domain}`
        }
      : inner
  }
  if (t.startsWith('{') && t.endsWith('}')) return objectLiteral(t, name, depth)
  switch (t) {
    case 'string':
      return { ok: true, code: 'fc.string()', domain: 'string' }
    case 'number':
      return integerByName(name)
        ? { ok: true, code: 'fc.integer()', domain: 'integer (by its name)' }
        : {
            ok: true,
            code: 'fc.double({ noNaN: true, noDefaultInfinity: true })',
            domain: 'finite number'
          }
    case 'boolean':
      return { ok: true, code: 'fc.boolean()', domain: 'boolean' }
    case 'bigint':
      return { ok: true, code: 'fc.bigInt()', domain: 'bigint' }
    case 'null':
      return { ok: true, code: 'fc.constant(null)', domain: 'null' }
    case 'Date':
      return { ok: true, code: 'fc.date({ noInvalidDate: true })', domain: 'valid Date' }
    case 'Uint8Array':
      return { ok: true, code: 'fc.uint8Array()', domain: 'byte array' }
  }
  return { ok: false, missing: `an arbitrary for ${name}: ${t}` }
}

/** `{ a: string; b?: number }` -> fc.record with the optional keys left out of requiredKeys. */
function objectLiteral(t: string, name: string, depth: number): Generated {
  const body = t.slice(1, -1).trim()
  const members = splitTopLevel(body.replace(/;/g, ','), ',')
  if (members.length === 0) return { ok: true, code: 'fc.constant({})', domain: 'empty object' }
  const fields: string[] = []
  const required: string[] = []
  for (const member of members) {
    const m = /^(readonly\s+)?([A-Za-z_$][\w$]*)(\?)?\s*:\s*(.+)$/.exec(member.trim())
    if (!m)
      return {
        ok: false,
        missing: `an arbitrary for ${name}: ${t} (member \`${member.trim()}\` is not a plain field)`
      }
    const inner = fastCheckFor(m[4], m[2], depth + 1)
    if (!inner.ok) return inner
    fields.push(`${m[2]}: ${inner.code}`)
    if (!m[3]) required.push(`'${m[2]}'`)
  }
  const opts =
    required.length === fields.length ? '' : `, { requiredKeys: [${required.join(', ')}] }`
  return {
    ok: true,
    code: `fc.record({ ${fields.join(', ')} }${opts})`,
    domain: `object of shape ${t}`
  }
}

function literalOf(t: string): string | undefined {
  if (
    t.length >= 2 &&
    (t[0] === "'" || t[0] === '"') &&
    t.endsWith(t[0]) &&
    !t.slice(1, -1).includes(t[0])
  )
    return `'${t.slice(1, -1).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
  if (t === 'true' || t === 'false') return t
  if (/^-?\d+(\.\d+)?$/.test(t)) return t
  return undefined
}

/** A hypothesis strategy for a Python annotation. */
export function hypothesisFor(type: string | undefined, name: string, depth = 0): Generated {
  if (!type || depth > MAX_DEPTH)
    return {
      ok: false,
      missing: `a strategy for ${name}${type ? ` (${type})` : ' (no annotation)'}`
    }
  const t = type.trim().replace(/^typing\./, '')
  const union = splitTopLevel(t, '|')
  if (union.length > 1) {
    const parts = union.map((m) =>
      m === 'None'
        ? ({ ok: true, code: 'st.none()', domain: 'None' } as Generated)
        : hypothesisFor(m, name, depth + 1)
    )
    const bad = parts.find((p) => !p.ok)
    if (bad) return bad
    return {
      ok: true,
      code: `st.one_of(${parts.map((p) => (p.ok ? p.code : '')).join(', ')})`,
      domain: t
    }
  }
  const generic = /^(\w+(?:\.\w+)?)\s*\[(.*)\]$/.exec(t)
  const head = (generic ? generic[1] : t).replace(/^typing\./, '')
  const args = generic ? splitTopLevel(generic[2], ',') : []
  const sub = (i: number): Generated => hypothesisFor(args[i], name, depth + 1)
  switch (head) {
    case 'str':
      return { ok: true, code: 'st.text()', domain: 'str' }
    case 'int':
      return { ok: true, code: 'st.integers()', domain: 'int' }
    case 'float':
      return {
        ok: true,
        code: 'st.floats(allow_nan=False, allow_infinity=False)',
        domain: 'finite float'
      }
    case 'bool':
      return { ok: true, code: 'st.booleans()', domain: 'bool' }
    case 'bytes':
      return { ok: true, code: 'st.binary()', domain: 'bytes' }
    case 'None':
      return { ok: true, code: 'st.none()', domain: 'None' }
    case 'Optional': {
      const inner = sub(0)
      return inner.ok
        ? {
            ok: true,
            code: `st.one_of(st.none(), ${inner.code})`,
            domain: `${inner.domain} or None`
          }
        : inner
    }
    case 'list':
    case 'List':
    case 'Sequence': {
      if (args.length !== 1) break
      const inner = sub(0)
      return inner.ok
        ? { ok: true, code: `st.lists(${inner.code})`, domain: `list of ${inner.domain}` }
        : inner
    }
    case 'dict':
    case 'Dict':
    case 'Mapping': {
      if (args.length !== 2) break
      const [k, v] = [sub(0), sub(1)]
      if (!k.ok) return k
      if (!v.ok) return v
      return {
        ok: true,
        code: `st.dictionaries(${k.code}, ${v.code})`,
        domain: `dict of ${k.domain} to ${v.domain}`
      }
    }
    case 'tuple':
    case 'Tuple': {
      if (args.length === 0 || args.includes('...')) break
      const parts = args.map((_, i) => sub(i))
      const bad = parts.find((p) => !p.ok)
      if (bad) return bad
      return {
        ok: true,
        code: `st.tuples(${parts.map((p) => (p.ok ? p.code : '')).join(', ')})`,
        domain: `tuple ${t}`
      }
    }
    case 'Literal': {
      if (args.length === 0) break
      return {
        ok: true,
        code: `st.sampled_from([${args.join(', ')}])`,
        domain: `one of ${args.join(', ')}`
      }
    }
  }
  return { ok: false, missing: `a strategy for ${name}: ${t}` }
}
