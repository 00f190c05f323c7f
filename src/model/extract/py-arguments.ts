// A call's arguments by kind (Python): what a perspective asks instead of reading text.
import type { Node } from 'web-tree-sitter'
import type { CallArgument } from '../types.js'
import { text } from './common.js'
import { literalOf } from './py-syntax.js'

const KINDS: Record<string, CallArgument['kind']> = {
  identifier: 'identifier',
  attribute: 'member',
  subscript: 'member',
  call: 'call',
  await: 'call',
  dictionary: 'object',
  dictionary_comprehension: 'object',
  list: 'array',
  tuple: 'array',
  set: 'array',
  list_comprehension: 'array',
  set_comprehension: 'array',
  generator_expression: 'array',
  lambda: 'function',
  list_splat: 'spread',
  dictionary_splat: 'spread'
}

export function pyArgument(node: Node): CallArgument {
  if (node.type === 'keyword_argument') {
    const value = node.childForFieldName('value')
    const inner = value ? pyArgument(value) : { kind: 'other' as const, text: '' }
    return { ...inner, text: text(node), keyword: text(node.childForFieldName('name'), 100) }
  }
  let n: Node | null = node
  while (n && n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)
  const t = text(node)
  if (!n) return { kind: 'other', text: t }
  if (n.type === 'string' && n.namedChildren.some((c) => c?.type === 'interpolation'))
    return { kind: 'template', text: t }
  const literal = literalOf(n)
  if (literal !== undefined) return { kind: 'literal', text: t, value: literal.value }
  return { kind: KINDS[n.type] ?? 'other', text: t }
}
