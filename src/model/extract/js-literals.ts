// Reading literal values out of JavaScript/TypeScript literal nodes.
import type { Node } from 'web-tree-sitter'
import { type JsState, slice } from './js-state.js'

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0'
}

/** Decodes the escapes of a string literal's body (the text between the quotes). */
export function decodeEscapes(body: string): string {
  if (!body.includes('\\')) return body
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (c !== '\\' || i + 1 >= body.length) {
      out += c
      continue
    }
    const e = body[++i]
    if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e]
    else if (e === 'x' && i + 2 < body.length + 1) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16) || 0)
      i += 2
    } else if (e === 'u' && body[i + 1] === '{') {
      const close = body.indexOf('}', i)
      const code = parseInt(body.slice(i + 2, close), 16)
      out += Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : ''
      i = close === -1 ? body.length : close
    } else if (e === 'u') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16) || 0)
      i += 4
    } else if (e === '\n') {
      // line continuation
    } else out += e
  }
  return out
}

/**
 * The value of a string literal, or of a template literal without substitutions; undefined otherwise.
 * Values are cut to `max` characters.
 */
export function stringValue(
  state: JsState,
  node: Node | null | undefined,
  max = 200
): string | undefined {
  if (!node) return undefined
  if (node.type !== 'string' && node.type !== 'template_string') return undefined
  if (node.type === 'template_string') {
    for (const child of node.namedChildren)
      if (child?.type === 'template_substitution') return undefined
  }
  const body = state.source.slice(
    node.startIndex + 1,
    Math.min(node.endIndex - 1, node.startIndex + 1 + max * 2)
  )
  const value = decodeEscapes(body)
  return value.length > max ? value.slice(0, max) : value
}

export type LiteralValue = string | number | boolean | null

/** The value of a literal operand (number, string, boolean, null, undefined, negative number). */
export function literalValue(
  state: JsState,
  operand: Node | null | undefined
): { value: LiteralValue; bigint?: true } | undefined {
  let node = operand
  // Parentheses are unwrapped in a loop: `((((1))))` may nest thousands deep.
  while (node && node.type === 'parenthesized_expression') node = node.namedChild(0)
  if (!node) return undefined
  let sign = 1
  if (node.type === 'unary_expression') {
    const op = node.childForFieldName('operator')?.type
    const arg = node.childForFieldName('argument')
    if ((op !== '-' && op !== '+') || arg?.type !== 'number') return undefined
    if (op === '-') sign = -1
    node = arg
  }
  switch (node.type) {
    case 'number': {
      const raw = slice(state, node, 60).replaceAll('_', '')
      if (raw.endsWith('n')) return { value: sign < 0 ? `-${raw}` : raw, bigint: true }
      const n = Number(raw)
      return Number.isNaN(n) ? { value: raw } : { value: sign * n }
    }
    case 'string':
    case 'template_string': {
      const v = stringValue(state, node)
      return v === undefined ? undefined : { value: v }
    }
    case 'true':
      return { value: true }
    case 'false':
      return { value: false }
    case 'null':
    case 'undefined':
      return { value: null }
    case 'identifier':
      return slice(state, node, 10) === 'undefined' ? { value: null } : undefined
    default:
      return undefined
  }
}
