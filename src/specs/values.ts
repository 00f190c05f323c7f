// SpecValue -> source text, per language. Strings are written as plain quoted literals (never
// templates) with every character that could end or change the literal escaped.
import type { SpecValue } from './types.js'

export type ValueLanguage = 'javascript' | 'python'

type Special = Extract<SpecValue, { $special: string }>['$special']

const SPECIALS: ReadonlySet<string> = new Set<Special>([
  'undefined',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  'MAX_SAFE_INTEGER',
  'MIN_SAFE_INTEGER'
])

/** The tagged form of a value, or null for plain JSON. Only exact shapes count as tags. */
export function valueTag(
  value: SpecValue
):
  | { tag: 'special'; special: Special }
  | { tag: 'date'; iso: string }
  | { tag: 'bigint'; digits: string }
  | { tag: 'repeat'; text: string; times: number }
  | { tag: 'code'; code: { javascript?: string; python?: string } }
  | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const keys = Object.keys(value)
  const v = value as Record<string, unknown>
  if (keys.length === 1 && typeof v.$special === 'string' && SPECIALS.has(v.$special)) {
    return { tag: 'special', special: v.$special as Special }
  }
  if (keys.length === 1 && typeof v.$date === 'string') return { tag: 'date', iso: v.$date }
  if (keys.length === 1 && typeof v.$bigint === 'string') {
    if (!/^-?\d+$/.test(v.$bigint))
      throw new Error(
        `spec value { $bigint } needs digits with an optional sign, got '${v.$bigint}'`
      )
    return { tag: 'bigint', digits: v.$bigint }
  }
  if (keys.length === 2 && typeof v.$repeat === 'string' && typeof v.times === 'number') {
    if (!Number.isInteger(v.times) || v.times < 0) {
      throw new Error(
        `spec value { $repeat } needs a non-negative integer 'times', got ${String(v.times)}`
      )
    }
    return { tag: 'repeat', text: v.$repeat, times: v.times }
  }
  if (
    keys.length === 1 &&
    v.$code !== null &&
    typeof v.$code === 'object' &&
    !Array.isArray(v.$code)
  ) {
    return { tag: 'code', code: v.$code as { javascript?: string; python?: string } }
  }
  return null
}

/** True when every `$code` inside the value has code for the language. */
export function hasCodeFor(value: SpecValue, language: ValueLanguage): boolean {
  const stack: SpecValue[] = [value]
  while (stack.length > 0) {
    const current = stack.pop() as SpecValue
    if (current === null || typeof current !== 'object') continue
    const tag = valueTag(current)
    if (tag?.tag === 'code') {
      if (typeof tag.code[language] !== 'string' || tag.code[language]?.trim() === '') return false
      continue
    }
    if (tag) continue
    if (Array.isArray(current)) stack.push(...current)
    else stack.push(...Object.values(current as Record<string, SpecValue>))
  }
  return true
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0')
}

/**
 * Escapes one string for a quoted literal. Shared rules: backslash, the quote, common control
 * escapes, other controls and invisible separators as code escapes, lone surrogates escaped (they
 * cannot be written as UTF-8); paired surrogates (emoji) are kept as written.
 */
function escapeString(text: string, language: ValueLanguage): string {
  let out = "'"
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    const code = text.charCodeAt(i)
    if (ch === "'") out += "\\'"
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + text[i + 1]
        i++
      } else out += `\\u${hex(code, 4)}`
    } else if (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0xdc00 && code <= 0xdfff) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0xfeff
    ) {
      out += language === 'python' && code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`
    } else out += ch
  }
  return `${out}'`
}

export function jsString(text: string): string {
  return escapeString(text, 'javascript')
}

export function pyString(text: string): string {
  return escapeString(text, 'python')
}

const JS_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

function jsKey(key: string): string {
  // A quoted '__proto__' key would set the prototype; the computed form makes an own property.
  if (key === '__proto__') return `['__proto__']`
  return JS_IDENTIFIER.test(key) ? key : jsString(key)
}

function wrapCode(code: string, comment: string): string {
  const trimmed = code.trim()
  // A trailing line comment would swallow the closing parenthesis.
  return trimmed.includes('\n') || trimmed.includes(comment) ? `(\n${trimmed}\n)` : `(${trimmed})`
}

function jsNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN'
  if (n === Infinity) return 'Infinity'
  if (n === -Infinity) return '-Infinity'
  if (Object.is(n, -0)) return '-0'
  return String(n)
}

function pyNumber(n: number): string {
  if (Number.isNaN(n)) return "float('nan')"
  if (n === Infinity) return "float('inf')"
  if (n === -Infinity) return "-float('inf')"
  if (Object.is(n, -0)) return '-0.0'
  return String(n)
}

/** A JavaScript (and TypeScript) expression for the value. */
export function renderJsValue(value: SpecValue): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return jsNumber(value)
  if (typeof value === 'string') return jsString(value)
  if (Array.isArray(value)) return `[${value.map(renderJsValue).join(', ')}]`
  const tag = valueTag(value)
  if (tag) {
    switch (tag.tag) {
      case 'special':
        switch (tag.special) {
          case 'undefined':
            return 'undefined'
          case 'MAX_SAFE_INTEGER':
            return 'Number.MAX_SAFE_INTEGER'
          case 'MIN_SAFE_INTEGER':
            return 'Number.MIN_SAFE_INTEGER'
          default:
            return tag.special
        }
      case 'date':
        return `new Date(${jsString(tag.iso)})`
      case 'bigint':
        return `${tag.digits}n`
      case 'repeat':
        return `${jsString(tag.text)}.repeat(${tag.times})`
      case 'code': {
        const code = tag.code.javascript
        if (code === undefined || code.trim() === '')
          throw new Error('spec value has no JavaScript code')
        return wrapCode(code, '//')
      }
    }
  }
  const entries = Object.entries(value as Record<string, SpecValue>)
  if (entries.length === 0) return '{}'
  return `{ ${entries.map(([k, v]) => `${jsKey(k)}: ${renderJsValue(v)}`).join(', ')} }`
}

/** Python imports a rendered value needs (`from datetime import datetime`). */
export type PythonImports = Set<string>

/** A Python expression for the value; adds the imports it needs to `imports`. */
export function renderPyValue(value: SpecValue, imports: PythonImports): string {
  if (value === null) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return pyNumber(value)
  if (typeof value === 'string') return pyString(value)
  if (Array.isArray(value)) return `[${value.map((v) => renderPyValue(v, imports)).join(', ')}]`
  const tag = valueTag(value)
  if (tag) {
    switch (tag.tag) {
      case 'special':
        switch (tag.special) {
          case 'undefined':
            return 'None'
          case 'NaN':
            return "float('nan')"
          case 'Infinity':
            return "float('inf')"
          case '-Infinity':
            return "-float('inf')"
          case '-0':
            return '-0.0'
          case 'MAX_SAFE_INTEGER':
            return '(2**53 - 1)'
          case 'MIN_SAFE_INTEGER':
            return '-(2**53 - 1)'
        }
        break
      case 'date':
        imports.add('from datetime import datetime')
        // fromisoformat accepts a trailing 'Z' only from Python 3.11 on.
        return `datetime.fromisoformat(${pyString(tag.iso.replace(/Z$/, '+00:00'))})`
      case 'bigint':
        return tag.digits
      case 'repeat':
        return `(${pyString(tag.text)} * ${tag.times})`
      case 'code': {
        const code = tag.code.python
        if (code === undefined || code.trim() === '')
          throw new Error('spec value has no Python code')
        return wrapCode(code, '#')
      }
    }
  }
  const entries = Object.entries(value as Record<string, SpecValue>)
  return `{${entries.map(([k, v]) => `${pyString(k)}: ${renderPyValue(v, imports)}`).join(', ')}}`
}

/** Top-level values that `==` / deep equality cannot compare as the draft means. */
export function equalityKind(value: SpecValue): 'nan' | 'negative-zero' | 'plain' {
  const tag = valueTag(value)
  if (
    (typeof value === 'number' && Number.isNaN(value)) ||
    (tag?.tag === 'special' && tag.special === 'NaN')
  ) {
    return 'nan'
  }
  if (
    (typeof value === 'number' && Object.is(value, -0)) ||
    (tag?.tag === 'special' && tag.special === '-0')
  ) {
    return 'negative-zero'
  }
  return 'plain'
}
