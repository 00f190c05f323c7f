// Values bound to plain local names in JavaScript/TypeScript (LocalBinding in the model): what lets a
// reader follow a value copied into a local (`const cmd = 'ls ' + dir; exec(cmd)`). Recorded by the
// declarator and assignment handlers of the single pass (javascript.ts); patterns are walked with an
// explicit stack, values are sliced from the source without copying the whole node.
import type { Node } from 'web-tree-sitter'
import type { Location } from '../types.js'
import { addBindings, BINDING_VALUE_MAX, bindingsFull } from './bindings-common.js'
import { loc } from './common.js'
import { enclosingName, type Frame, type JsState, slice, topFrame } from './js-state.js'

/** Names taken from one destructuring pattern. */
const MAX_PATTERN_NAMES = 64

/** Values that are functions or classes: the model has them as functions and classes already. */
const DECLARATION_VALUES = new Set([
  'arrow_function',
  'function_expression',
  'function',
  'generator_function',
  'class'
])

/** The plain names a target binds: `x`, `{ a, b: c, ...d }`, `[e, , f = 1]`, nested. */
function targetNames(target: Node): Node[] {
  if (target.type === 'identifier') return [target]
  const out: Node[] = []
  const stack: Node[] = [target]
  while (stack.length > 0 && out.length < MAX_PATTERN_NAMES) {
    const node = stack.pop()!
    switch (node.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
        out.push(node)
        break
      case 'object_pattern':
      case 'array_pattern':
      case 'rest_pattern':
        for (let i = node.namedChildCount - 1; i >= 0; i--) {
          const child = node.namedChild(i)
          if (child) stack.push(child)
        }
        break
      case 'pair_pattern': {
        const value = node.childForFieldName('value')
        if (value) stack.push(value)
        break
      }
      case 'assignment_pattern':
      case 'object_assignment_pattern': {
        const left = node.childForFieldName('left')
        if (left) stack.push(left)
        break
      }
      default:
        // Member expressions (`[this.a] = v`), computed keys: not a local name.
        break
    }
  }
  return out
}

/**
 * `const x = v` (any scope; `function`/`class` values excluded), or `x = v` / `x += v` when `inFunction`
 * says the assignment is inside a function. `node` is the declarator or assignment (its location).
 */
export function noteLocalBinding(
  state: JsState,
  node: Node,
  target: Node | null,
  value: Node | null,
  operator: string
): void {
  if (!target || !value) return
  if (bindingsFull(state.model)) return
  let shown = value
  while (shown.type === 'parenthesized_expression' && shown.namedChildCount === 1)
    shown = shown.namedChild(0) ?? shown
  if (DECLARATION_VALUES.has(shown.type)) return
  const names = targetNames(target)
  if (names.length === 0) return
  const text = slice(state, value, BINDING_VALUE_MAX)
  const enclosing = enclosingName(state)
  const branchFrame = topFrame(state)?.branchFrame
  const branch = branchFrame ? branchOf(branchFrame, node.startIndex) : undefined
  addBindings(
    state.model,
    names.map((name) => slice(state, name, 100)),
    {
      operator,
      value: text,
      loc: loc(node),
      ...(enclosing !== undefined ? { enclosing } : {}),
      ...(branch ? { branch } : {})
    }
  )
}

/**
 * The branch of an if or ternary that holds `offset`, else the whole statement (a loop, a catch clause, the
 * condition). Looked up once per frame: a branch can hold many bindings.
 */
function branchOf(frame: Frame, offset: number): Location | undefined {
  const node = frame.branchNode
  if (!node) return undefined
  if (!frame.branches) {
    const parts =
      node.type === 'if_statement' || node.type === 'ternary_expression'
        ? [node.childForFieldName('consequence'), node.childForFieldName('alternative')]
        : []
    frame.branches = parts
      .filter((p): p is Node => p !== null)
      .map((p) => ({ start: p.startIndex, end: p.endIndex, node: p }))
    frame.branches.push({ start: node.startIndex, end: node.endIndex, node })
  }
  const branches = frame.branches
  const found =
    branches.find((b) => b.start <= offset && offset < b.end) ?? branches[branches.length - 1]
  return (found.loc ??= loc(found.node))
}

/** Inside a function, named or not (a callback's body): where plain assignments are recorded. */
export function insideFunction(state: JsState): boolean {
  return topFrame(state)?.inFunction === true
}
