// Sample argument values derived from declared parameter types and defaults, for smoke specs.
// A parameter whose type says nothing we can build (an interface, an untyped JS parameter) has no
// sample: the spec must then say what to arrange instead of passing something made up.
import type { Language, Parameter } from '../../src/model/types.js'
import type { SpecValue } from '../../src/specs/types.js'

export type ArgumentPlan =
  | { ok: true; args: SpecValue[] }
  /** Parameters that need a value and whose type gives none. */
  | { ok: false; unknown: Parameter[] }

const UNDEFINED: SpecValue = { $special: 'undefined' }

/**
 * Positional arguments up to the last required parameter. Optional parameters before it get
 * undefined (JS) or are left to their defaults (Python keyword parameters are never required here).
 */
export function planArguments(params: readonly Parameter[], language: Language): ArgumentPlan {
  const python = language === 'python'
  const positional = params.filter(
    (p) => !p.rest && !(python && (p.name === 'self' || p.name === 'cls'))
  )
  const required = (p: Parameter): boolean => !p.optional && p.defaultValue === undefined
  const unknown = positional.filter((p) => required(p) && p.keywordOnly).slice()
  let last = -1
  positional.forEach((p, i) => {
    if (required(p) && !p.keywordOnly) last = i
  })
  const args: SpecValue[] = []
  for (let i = 0; i <= last; i++) {
    const p = positional[i]
    if (!required(p)) {
      if (python) break // cannot skip a positional parameter in Python; a later required one makes it keyword
      args.push(UNDEFINED)
      continue
    }
    const value = sampleForType(p.type, language)
    if (value === undefined) unknown.push(p)
    else args.push(value)
  }
  return unknown.length > 0 ? { ok: false, unknown } : { ok: true, args }
}

/** A value of the declared type, or undefined when the type (or its absence) gives none. */
export function sampleForType(type: string | undefined, language: Language): SpecValue | undefined {
  if (!type) return undefined
  const t = type.trim()
  return language === 'python' ? pythonSample(t) : typeScriptSample(t)
}

function typeScriptSample(t: string): SpecValue | undefined {
  const members = splitTopLevel(t, '|')
  if (members.length > 1) {
    if (members.includes('null')) return null
    if (members.includes('undefined')) return UNDEFINED
    for (const m of members) {
      const v = typeScriptSample(m)
      if (v !== undefined) return v
    }
    return undefined
  }
  const literal = literalValue(t)
  if (literal !== undefined) return literal
  if (t.endsWith('[]')) return []
  if (/^(readonly\s+)?(Array|ReadonlyArray|Set|Iterable)<.*>$/.test(t))
    return t.includes('Set<') ? undefined : []
  switch (t) {
    case 'string':
      return 'example'
    case 'number':
      return 1
    case 'bigint':
      return { $code: { javascript: '1n' } }
    case 'boolean':
      return true
    case 'null':
      return null
    case 'undefined':
    case 'void':
      return UNDEFINED
    case 'object':
    case '{}':
      return {}
    case 'Date':
      return { $date: '2024-01-01T00:00:00.000Z' }
    case 'RegExp':
      return { $code: { javascript: '/example/' } }
  }
  if (/^Record<\s*string\s*,/.test(t)) return {}
  return undefined
}

function pythonSample(t: string): SpecValue | undefined {
  const members = splitTopLevel(t, '|')
  if (members.length > 1) return members.includes('None') ? null : pythonSample(members[0])
  const generic = /^(?:typing\.)?(\w+)\s*\[(.*)\]$/.exec(t)
  const head = generic ? generic[1] : t.replace(/^typing\./, '')
  switch (head) {
    case 'str':
      return 'example'
    case 'int':
      return 1
    case 'float':
      return 1.5
    case 'bool':
      return true
    case 'None':
    case 'Optional':
      return null
    case 'list':
    case 'List':
    case 'Sequence':
    case 'Iterable':
      return []
    case 'dict':
    case 'Dict':
    case 'Mapping':
      return {}
    case 'bytes':
      return { $code: { python: "b'example'" } }
    case 'Literal': {
      const first = generic ? splitTopLevel(generic[2], ',')[0] : undefined
      return first === undefined ? undefined : literalValue(first)
    }
  }
  return undefined
}

/** A string, number or boolean literal type (`'a'`, `"b"`, `3`, `true`). */
function literalValue(t: string): SpecValue | undefined {
  if (t.length >= 2 && (t[0] === "'" || t[0] === '"') && t.endsWith(t[0])) return t.slice(1, -1)
  if (t === 'true' || t === 'True') return true
  if (t === 'false' || t === 'False') return false
  if (t !== '' && Number.isFinite(Number(t))) return Number(t)
  return undefined
}

/** Splits a type on a separator outside brackets and quotes: `A<B | C> | D` on `|` gives two parts. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quote = ''
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      if (ch === quote) quote = ''
    } else if (ch === '"' || ch === "'") quote = ch
    else if ('<([{'.includes(ch)) depth++
    else if ('>)]}'.includes(ch)) depth--
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i).trim())
      start = i + 1
    }
  }
  parts.push(text.slice(start).trim())
  return parts.filter((p) => p !== '')
}
