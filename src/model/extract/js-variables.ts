// Module-level variables of JavaScript/TypeScript and whether they are mutable state.
import type { Node } from 'web-tree-sitter'
import type { ModuleVariable } from '../types.js'
import { loc } from './common.js'
import { type JsState, slice } from './js-state.js'

const LITERALS = new Set([
  'number',
  'string',
  'template_string',
  'true',
  'false',
  'null',
  'undefined',
  'regex',
  'unary_expression'
])

function initKindOf(
  state: JsState,
  value: Node | null
): { kind: ModuleVariable['initKind']; frozen: boolean } {
  let v = value
  let frozen = false
  // `x as const`, `x satisfies T`, `(x)`, `await x`: look at x.
  for (let i = 0; v && i < 8; i++) {
    if (v.type === 'as_expression' || v.type === 'satisfies_expression') {
      if (
        slice(state, v.lastNamedChild ?? v.lastChild, 10) === 'const' ||
        v.lastChild?.type === 'const'
      )
        frozen = true
      v = v.namedChild(0)
    } else if (
      v.type === 'parenthesized_expression' ||
      v.type === 'await_expression' ||
      v.type === 'non_null_expression'
    ) {
      v = v.namedChild(0)
    } else break
  }
  if (!v) return { kind: 'none', frozen }
  switch (v.type) {
    case 'array':
      return { kind: 'array', frozen }
    case 'object':
      return { kind: 'object', frozen }
    case 'new_expression': {
      const ctor = slice(state, v.childForFieldName('constructor'), 20)
      if (ctor === 'Map' || ctor === 'WeakMap') return { kind: 'map', frozen }
      if (ctor === 'Set' || ctor === 'WeakSet') return { kind: 'set', frozen }
      return { kind: 'other', frozen }
    }
    case 'call_expression':
      return {
        kind: 'call',
        frozen: frozen || slice(state, v.childForFieldName('function'), 20) === 'Object.freeze'
      }
    default:
      return { kind: LITERALS.has(v.type) ? 'literal' : 'other', frozen }
  }
}

/** A top-level `const`/`let`/`var` statement. */
export function handleModuleDeclaration(state: JsState, node: Node, exported: boolean): void {
  let declaration: ModuleVariable['declaration'] = 'var'
  if (node.type === 'lexical_declaration') {
    declaration = slice(state, node.childForFieldName('kind'), 5) === 'let' ? 'let' : 'const'
  }
  for (const d of node.namedChildren) {
    if (d?.type !== 'variable_declarator') continue
    const nameNode = d.childForFieldName('name')
    if (!nameNode) continue
    const { kind, frozen } = initKindOf(state, d.childForFieldName('value'))
    const collection = kind === 'array' || kind === 'object' || kind === 'map' || kind === 'set'
    state.model.variables.push({
      name: slice(state, nameNode, 100),
      declaration,
      initKind: kind,
      mutable: declaration !== 'const' || (collection && !frozen),
      exported,
      loc: loc(d)
    })
  }
}
