// A call's arguments by kind (JavaScript/TypeScript): what a perspective asks instead of reading text.
import type { Node } from 'web-tree-sitter'
import type { CallArgument } from '../types.js'
import { loc } from './common.js'
import { literalValue } from './js-literals.js'
import { type JsState, slice } from './js-state.js'

const KINDS: Record<string, CallArgument['kind']> = {
  identifier: 'identifier',
  this: 'identifier',
  member_expression: 'member',
  subscript_expression: 'member',
  call_expression: 'call',
  new_expression: 'call',
  await_expression: 'call',
  template_string: 'template',
  object: 'object',
  array: 'array',
  arrow_function: 'function',
  function_expression: 'function',
  function: 'function',
  generator_function: 'function',
  spread_element: 'spread'
}

export function jsArgument(state: JsState, node: Node): CallArgument {
  let n: Node | null = node
  while (n && n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)
  const text = slice(state, node, 200)
  if (!n) return { kind: 'other', text }
  if (n.type === 'undefined' || (n.type === 'identifier' && text === 'undefined'))
    return { kind: 'literal', text, value: null }
  // A template with substitutions is built at run time; one without is a plain string.
  if (
    n.type === 'template_string' &&
    n.namedChildren.some((c) => c?.type === 'template_substitution')
  )
    return { kind: 'template', text }
  const literal = literalValue(state, n)
  if (literal !== undefined)
    return { kind: 'literal', text, value: literal.value as CallArgument['value'] }
  const kind = KINDS[n.type] ?? 'other'
  // A callback's place: what runs later (a timer's or an event handler's body) is told by it.
  return kind === 'function' ? { kind, text, loc: loc(n) } : { kind, text }
}
