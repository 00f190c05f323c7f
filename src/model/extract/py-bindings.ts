// Values bound to plain local names in Python (LocalBinding in the model): `x = v`, `x: T = v`, `x += v`
// and `a, b = v` inside functions and at module level, so a reader can follow a value copied into a
// local (`cmd = 'ls ' + d; os.system(cmd)`). Called by the walker for each assignment node; values are
// sliced from the source without copying the whole node.
import type { Node } from 'web-tree-sitter'
import type { Location, ModuleModel } from '../types.js'
import { addBindings, BINDING_VALUE_MAX, bindingsFull } from './bindings-common.js'
import { loc } from './common.js'

/** Names taken from one unpacking target. */
const MAX_TARGET_NAMES = 64

/** The plain names a target binds: `x`, `a, b`, `(a, [b, *c])`. */
function targetNames(target: Node): Node[] {
  if (target.type === 'identifier') return [target]
  const out: Node[] = []
  const stack: Node[] = [target]
  while (stack.length > 0 && out.length < MAX_TARGET_NAMES) {
    const node = stack.pop()!
    switch (node.type) {
      case 'identifier':
        out.push(node)
        break
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'list_splat_pattern':
      case 'parenthesized_expression':
        for (let i = node.namedChildCount - 1; i >= 0; i--) {
          const child = node.namedChild(i)
          if (child) stack.push(child)
        }
        break
      default:
        // Attributes and subscripts (`self.x`, `d[k]`) are writes through an object, not local names.
        break
    }
  }
  return out
}

function sliced(source: string, node: Node): string {
  const start = node.startIndex
  const end = node.endIndex
  return end - start <= BINDING_VALUE_MAX
    ? source.slice(start, end)
    : `${source.slice(start, start + BINDING_VALUE_MAX)}…`
}

/**
 * Records the bindings of an `assignment` or `augmented_assignment` node, given its sides (the walker has
 * looked them up already). `enclosing` is the innermost function; the walker calls this only inside a
 * function or at module level (not in a class body).
 */
export function notePyBinding(
  node: Node,
  left: Node,
  right: Node,
  source: string,
  model: ModuleModel,
  enclosing: string | undefined,
  branchOf: () => Location | undefined
): void {
  let value = right
  if (bindingsFull(model)) return
  const augmented = node.type === 'augmented_assignment'
  // `a = b = v`: both names are bound to v (the inner assignment is visited on its own).
  while (!augmented && value.type === 'assignment') {
    const inner: Node | null = value.childForFieldName('right')
    if (!inner) return
    value = inner
  }
  if (value.type === 'lambda') return
  const names = targetNames(left)
  if (names.length === 0) return
  const operator = augmented ? (node.childForFieldName('operator')?.type ?? '') : '='
  const text = sliced(source, value)
  const branch = branchOf()
  // `a, b = v`: which element of v each name holds (a flat target of plain names only).
  const flat =
    (left.type === 'pattern_list' || left.type === 'tuple_pattern') &&
    left.namedChildren.every((c) => c?.type === 'identifier')
  addBindings(
    model,
    names.map((name) => sliced(source, name)),
    {
      operator,
      value: text,
      loc: loc(node),
      ...(enclosing !== undefined ? { enclosing } : {}),
      ...(branch ? { branch } : {})
    },
    flat ? names.map((_, i) => i) : undefined
  )
}
