// What a parameter's declared type (or its literal default) says about the values it takes, and the
// boundary values of that kind: numbers 0, -1, 1, fractions, -0, the safe-integer limits, NaN and the
// infinities; strings empty, blank, very long, non-ASCII with an emoji, with a newline; arrays empty,
// one, many, duplicates; objects with no keys; dates invalid, at the epoch, on a leap day; and
// null/undefined/None where the type allows them. A type we cannot build (an interface, a class)
// gives no values: the catalogue says so instead of passing something made up.
import type { Language, Parameter } from '../../src/model/types.js'
import type { SpecValue } from '../../src/specs/types.js'
import { sampleForType, splitTopLevel } from '../shared/values.js'

export type ValueKind =
  | 'number'
  | 'integer'
  | 'float'
  | 'string'
  | 'boolean'
  | 'array'
  | 'object'
  | 'date'
  | 'literals'
  | 'unknown'

export interface TypeInfo {
  kind: ValueKind
  /** The declared type could be read (false for an untyped parameter: the code may still say what it is). */
  typed: boolean
  /** `null` / `None` is allowed. */
  nullable: boolean
  /** JavaScript `undefined` is allowed (optional or `| undefined`). */
  undefinable: boolean
  /** Sample elements of an array, distinct when the element type allows it. */
  elements?: SpecValue[]
  /** Members of a literal union / `Literal[...]`. */
  literals?: SpecValue[]
  /** Object types whose keys are all optional accept `{}`. */
  emptyObjectOk?: boolean
}

export interface CandidateValue {
  value: SpecValue
  /** How the catalogue shows it. */
  label: string
  /** Where it came from: `type number`, a condition's text. */
  source: string
  line?: number
}

const UNDEFINED: SpecValue = { $special: 'undefined' }
const EMOJI_TEXT = 'ünïcødé 😀'

export function isPython(language: Language): boolean {
  return language === 'python'
}

/** Reads the declared type; an untyped parameter with a literal default takes the default's kind. */
const JS_FAMILY: ReadonlySet<Language> = new Set(['typescript', 'tsx', 'javascript', 'jsx'])

export function typeInfo(param: Parameter, language: Language): TypeInfo {
  const python = isPython(language)
  const info: TypeInfo = { kind: 'unknown', typed: false, nullable: false, undefinable: false }
  // Other languages' type syntax is not read: their parameters count as untyped (the code may still say).
  if (!python && !JS_FAMILY.has(language)) return info
  info.undefinable = !python && param.optional
  if (param.type && param.type.trim() !== '') {
    info.typed = true
    const members = python
      ? pythonMembers(param.type.trim())
      : splitTopLevel(param.type.trim(), '|')
    const rest: string[] = []
    for (const m of members) {
      if (m === 'null' || m === 'None' || m === 'NoneType') info.nullable = true
      else if (m === 'undefined' || m === 'void') info.undefinable = true
      else rest.push(m)
    }
    if (rest.length === 1) Object.assign(info, kindOf(rest[0], python))
    else if (rest.length > 1) {
      const literals = rest.map(literalOf)
      if (literals.every((l) => l !== undefined))
        Object.assign(info, { kind: 'literals', literals })
    }
  } else if (param.defaultValue !== undefined) {
    Object.assign(info, kindOfDefault(param.defaultValue.trim()))
  }
  if (python && param.defaultValue?.trim() === 'None') info.nullable = true
  if (!info.typed && !python) {
    // An untyped JavaScript parameter takes anything, null and undefined included.
    info.nullable = true
    info.undefinable = true
  }
  return info
}

/** `Optional[X]` and `Union[X, None]` as a list of members, like `X | None`. */
function pythonMembers(type: string): string[] {
  const t = type.replace(/^typing\./, '')
  const optional = /^Optional\s*\[(.*)\]$/s.exec(t)
  if (optional) return [...pythonMembers(optional[1].trim()), 'None']
  const union = /^Union\s*\[(.*)\]$/s.exec(t)
  if (union) return splitTopLevel(union[1], ',').flatMap((m) => pythonMembers(m))
  return splitTopLevel(t, '|')
}

function literalOf(t: string): SpecValue | undefined {
  if (t.length >= 2 && (t[0] === "'" || t[0] === '"') && t.endsWith(t[0])) return t.slice(1, -1)
  if (t === 'true' || t === 'True') return true
  if (t === 'false' || t === 'False') return false
  if (t !== '' && Number.isFinite(Number(t))) return Number(t)
  return undefined
}

function kindOf(t: string, python: boolean): Partial<TypeInfo> {
  const literal = literalOf(t)
  if (literal !== undefined) return { kind: 'literals', literals: [literal] }
  return python ? pythonKind(t) : typeScriptKind(t)
}

function typeScriptKind(t: string): Partial<TypeInfo> {
  const array = /^(?:readonly\s+)?(.+)\[\]$/s.exec(t) ?? /^(?:Readonly)?Array<(.+)>$/s.exec(t)
  if (array) return { kind: 'array', elements: elementsOf(array[1].trim(), 'typescript') }
  switch (t) {
    case 'number':
      return { kind: 'number' }
    case 'string':
      return { kind: 'string' }
    case 'boolean':
      return { kind: 'boolean' }
    case 'Date':
      return { kind: 'date' }
    case 'object':
    case '{}':
      return { kind: 'object', emptyObjectOk: true }
  }
  if (/^(?:Readonly<\s*)?(?:Record<\s*string\s*,|Partial<)/.test(t))
    return { kind: 'object', emptyObjectOk: true }
  if (t.startsWith('{') && t.endsWith('}'))
    return { kind: 'object', emptyObjectOk: allKeysOptional(t.slice(1, -1)) }
  return { kind: 'unknown' }
}

/** `{ a?: number; b?: string }`: every member optional, so `{}` satisfies the type. */
function allKeysOptional(body: string): boolean {
  const members = splitTopLevel(body, ';').flatMap((m) => splitTopLevel(m, ','))
  return members.every((m) => /^(readonly\s+)?[\w$'"]+\?\s*:/.test(m) || m.startsWith('['))
}

function pythonKind(t: string): Partial<TypeInfo> {
  const generic = /^(?:typing\.)?([\w.]+)\s*\[(.*)\]$/s.exec(t)
  const head = (generic ? generic[1] : t).replace(/^(typing|datetime|collections\.abc)\./, '')
  switch (head) {
    case 'int':
      return { kind: 'integer' }
    case 'float':
      return { kind: 'float' }
    case 'str':
      return { kind: 'string' }
    case 'bool':
      return { kind: 'boolean' }
    case 'list':
    case 'List':
    case 'Sequence':
    case 'Iterable':
      return {
        kind: 'array',
        elements: generic ? elementsOf(splitTopLevel(generic[2], ',')[0] ?? '', 'python') : []
      }
    case 'dict':
    case 'Dict':
    case 'Mapping':
      return { kind: 'object', emptyObjectOk: true }
    case 'datetime':
    case 'date':
      return { kind: 'date' }
    case 'Literal': {
      const literals = generic ? splitTopLevel(generic[2], ',').map(literalOf) : []
      return literals.length > 0 && literals.every((l) => l !== undefined)
        ? { kind: 'literals', literals: literals as SpecValue[] }
        : { kind: 'unknown' }
    }
  }
  return { kind: 'unknown' }
}

/** Three distinct sample elements for numbers and strings, one for anything else we can build. */
function elementsOf(elementType: string, language: Language): SpecValue[] {
  const t = elementType.replace(/^\((.*)\)$/s, '$1').trim()
  if (t === 'number' || t === 'int' || t === 'float') return [1, 2, 3]
  if (t === 'string' || t === 'str') return ['a', 'b', 'c']
  const sample = sampleForType(t, language)
  return sample === undefined ? [] : [sample]
}

function kindOfDefault(text: string): Partial<TypeInfo> {
  const literal = literalOf(text)
  if (typeof literal === 'number') return { kind: 'number' }
  if (typeof literal === 'string') return { kind: 'string' }
  if (typeof literal === 'boolean') return { kind: 'boolean' }
  if (text === '[]') return { kind: 'array', elements: [] }
  if (text === '{}') return { kind: 'object', emptyObjectOk: true }
  return {}
}

/** The boundary values of the parameter's kind, in the order the catalogue lists them. */
export function typeValues(
  info: TypeInfo,
  language: Language,
  longLength: number,
  typeText: string
): CandidateValue[] {
  const python = isPython(language)
  const source = `type ${typeText}`
  const out: CandidateValue[] = []
  const add = (value: SpecValue, label: string): void => {
    out.push({ value, label, source })
  }
  switch (info.kind) {
    case 'number':
    case 'float':
    case 'integer': {
      add(0, '0')
      add(-1, '-1')
      add(1, '1')
      if (info.kind !== 'integer') {
        add(0.5, '0.5')
        add({ $special: '-0' }, '-0')
      }
      if (info.kind !== 'float') {
        add({ $special: 'MAX_SAFE_INTEGER' }, python ? '2**53 - 1' : 'Number.MAX_SAFE_INTEGER')
        add({ $special: 'MIN_SAFE_INTEGER' }, python ? '-(2**53 - 1)' : 'Number.MIN_SAFE_INTEGER')
      }
      if (info.kind !== 'integer') {
        add({ $special: 'NaN' }, python ? 'nan' : 'NaN')
        add({ $special: 'Infinity' }, python ? 'inf' : 'Infinity')
        add({ $special: '-Infinity' }, python ? '-inf' : '-Infinity')
      }
      break
    }
    case 'string':
      add('', 'empty')
      add(' ', 'whitespace')
      add({ $repeat: 'a', times: longLength }, `${longLength} characters`)
      add(EMOJI_TEXT, 'non-ASCII and emoji')
      add('line 1\nline 2', 'newline')
      break
    case 'boolean':
      add(true, python ? 'True' : 'true')
      add(false, python ? 'False' : 'false')
      break
    case 'array': {
      const elements = info.elements ?? []
      add([], 'empty')
      if (elements.length > 0) {
        add([elements[0]], 'one element')
        if (elements.length >= 3) add(elements.slice(0, 3), 'many')
        add([elements[0], elements[0]], 'duplicates')
      }
      break
    }
    case 'object':
      if (info.emptyObjectOk) add({}, 'no keys')
      break
    case 'date':
      if (!python) add({ $date: 'invalid' }, 'invalid date')
      add({ $date: '1970-01-01T00:00:00.000Z' }, 'epoch')
      add({ $date: '2024-02-29T00:00:00.000Z' }, 'leap day')
      break
    case 'literals':
      for (const l of info.literals ?? []) add(l, JSON.stringify(l))
      break
    case 'unknown':
      break
  }
  if (info.nullable && (info.typed || python)) add(null, python ? 'None' : 'null')
  if (info.undefinable && info.typed && !python) add(UNDEFINED, 'undefined')
  return out
}
