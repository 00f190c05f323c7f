// Environment variable reads that are not calls: `process.env.X`, `process.env['X']` and
// `const { X, Y = 'd' } = process.env`. Writes (`process.env.X = v`) are not reads.
import type { Node } from 'web-tree-sitter'
import type { EnvRead } from '../types.js'
import { loc } from './common.js'
import { stringValue } from './js-literals.js'
import { enclosingName, type JsState, slice } from './js-state.js'

const PROCESS_ENV = 'process.env'
const FALLBACK_OPERATORS = new Set(['??', '||'])
const COMPARISONS = new Set(['===', '!==', '==', '!='])

const same = (a: Node | null | undefined, b: Node): boolean =>
  !!a && a.startIndex === b.startIndex && a.endIndex === b.endIndex

/** Called for every member expression of a file that mentions process.env; cheap for the others. */
export function noteEnvRead(state: JsState, node: Node): void {
  if (
    node.endIndex - node.startIndex !== PROCESS_ENV.length ||
    !state.source.startsWith(PROCESS_ENV, node.startIndex)
  )
    return
  const parent = node.parent
  if (!parent) return
  if (parent.type === 'variable_declarator' && same(parent.childForFieldName('value'), node)) {
    const pattern = parent.childForFieldName('name')
    if (pattern?.type === 'object_pattern') destructured(state, pattern)
    return
  }
  let name: string
  if (parent.type === 'member_expression' && same(parent.childForFieldName('object'), node)) {
    name = slice(state, parent.childForFieldName('property'), 100)
  } else if (
    parent.type === 'subscript_expression' &&
    same(parent.childForFieldName('object'), node)
  ) {
    const index = parent.childForFieldName('index')
    name = (index && stringValue(state, index, 100)) ?? '*'
  } else return
  const outer = parent.parent
  if (outer?.type === 'assignment_expression' && same(outer.childForFieldName('left'), parent))
    return
  if (
    outer?.type === 'augmented_assignment_expression' &&
    same(outer.childForFieldName('left'), parent)
  )
    return
  if (outer?.type === 'unary_expression' && outer.text.startsWith('delete')) return
  const hasDefault =
    outer?.type === 'binary_expression' &&
    FALLBACK_OPERATORS.has(outer.childForFieldName('operator')?.type ?? '') &&
    same(outer.childForFieldName('left'), parent)
  push(state, { name, hasDefault, asFlag: readAsFlag(state, parent), at: parent })
}

/**
 * Whether the value read is made a boolean or compared right where it is read, through parentheses:
 * `Boolean(x)`, `!x`, `x === '1'`. Then an unset variable is simply false, on purpose.
 */
function readAsFlag(state: JsState, read: Node): boolean {
  let node = read
  let outer = node.parent
  while (outer?.type === 'parenthesized_expression') {
    node = outer
    outer = outer.parent
  }
  if (!outer) return false
  if (outer.type === 'unary_expression') return outer.childForFieldName('operator')?.type === '!'
  if (outer.type === 'binary_expression')
    return COMPARISONS.has(outer.childForFieldName('operator')?.type ?? '')
  if (outer.type === 'arguments') {
    const call = outer.parent
    const args = outer.namedChildren.filter((c) => c !== null)
    return (
      call?.type === 'call_expression' &&
      slice(state, call.childForFieldName('function'), 20) === 'Boolean' &&
      args.length === 1 &&
      same(args[0], node)
    )
  }
  return false
}

function destructured(state: JsState, pattern: Node): void {
  for (const child of pattern.namedChildren) {
    if (!child) continue
    if (child.type === 'shorthand_property_identifier_pattern')
      push(state, { name: slice(state, child, 100), hasDefault: false, at: child })
    else if (child.type === 'object_assignment_pattern') {
      push(state, {
        name: slice(state, child.childForFieldName('left'), 100),
        hasDefault: true,
        at: child
      })
    } else if (child.type === 'pair_pattern') {
      const key = child.childForFieldName('key')
      const value = child.childForFieldName('value')
      const keyName = key?.type === 'string' ? stringValue(state, key, 100) : slice(state, key, 100)
      push(state, {
        name: keyName ?? '*',
        hasDefault: value?.type === 'assignment_pattern',
        at: child
      })
    }
  }
}

function push(
  state: JsState,
  read: { name: string; hasDefault: boolean; asFlag?: boolean; at: Node }
): void {
  const reads = (state.model.envReads ??= [])
  const entry: EnvRead = { name: read.name, hasDefault: read.hasDefault, loc: loc(read.at) }
  if (read.asFlag) entry.asFlag = true
  const enclosing = enclosingName(state)
  if (enclosing !== undefined) entry.enclosing = enclosing
  reads.push(entry)
}
