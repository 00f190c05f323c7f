// Imports and exports of JavaScript/TypeScript modules: ESM, TypeScript `import x = require()`,
// CommonJS `require()` / `module.exports` / `exports.x`, dynamic `import()`.
import type { Node } from 'web-tree-sitter'
import type { ExportDecl, ImportedName } from '../types.js'
import { loc } from './common.js'
import { stringValue } from './js-literals.js'
import { type JsState, slice } from './js-state.js'

function hasToken(node: Node, token: string, stopAt?: string): boolean {
  const n = node.childCount
  for (let i = 0; i < n; i++) {
    const t = node.child(i)?.type
    if (t === token) return true
    if (t === stopAt) return false
  }
  return false
}

function specifierNames(state: JsState, list: Node, kind: 'import' | 'export'): ImportedName[] {
  const names: ImportedName[] = []
  for (const spec of list.namedChildren) {
    if (!spec || (spec.type !== 'import_specifier' && spec.type !== 'export_specifier')) continue
    const name = slice(state, spec.childForFieldName('name'), 100)
    const alias = spec.childForFieldName('alias')
    const aliasText = alias ? slice(state, alias, 100) : name
    names.push(
      kind === 'import'
        ? { imported: name, local: aliasText }
        : { imported: name, local: aliasText }
    )
  }
  return names
}

function sourceOf(state: JsState, node: Node): string | undefined {
  const src = node.childForFieldName('source')
  if (!src) return undefined
  state.specifierStrings.add(src.startIndex)
  return stringValue(state, src, 500)
}

export function handleImport(state: JsState, node: Node): void {
  const names: ImportedName[] = []
  let source: string | undefined
  let kind: 'esm' | 'require' = 'esm'
  for (const child of node.namedChildren) {
    if (!child) continue
    if (child.type === 'import_clause') {
      for (const part of child.namedChildren) {
        if (!part) continue
        if (part.type === 'identifier')
          names.push({ imported: 'default', local: slice(state, part, 100) })
        else if (part.type === 'namespace_import') {
          names.push({ imported: '*', local: slice(state, part.namedChild(0), 100) })
        } else if (part.type === 'named_imports')
          names.push(...specifierNames(state, part, 'import'))
      }
    } else if (child.type === 'import_require_clause') {
      kind = 'require'
      names.push({ imported: '*', local: slice(state, child.namedChild(0), 100) })
      source = sourceOf(state, child)
    }
  }
  source ??= sourceOf(state, node)
  if (source === undefined) return
  state.model.imports.push({
    source,
    names,
    kind,
    typeOnly: hasToken(node, 'type', 'import_clause') || usedOnlyAsTypes(state, node, names),
    loc: loc(node)
  })
}

/**
 * Whether TypeScript drops this import from the emitted code: every name it binds is read only in type
 * positions (tree-sitter's `type_identifier`), never as a value (node-cron's `import { TimeMatcher }`
 * used only as a parameter type makes no runtime cycle). Namespace imports and side-effect imports stay.
 */
function usedOnlyAsTypes(state: JsState, node: Node, names: readonly ImportedName[]): boolean {
  if (state.model.language !== 'typescript' || names.length === 0) return false
  if (names.some((n) => n.imported === '*')) return false
  const locals = new Set(names.map((n) => n.local))
  const root = node.tree.rootNode
  const outside = (id: Node | null): id is Node =>
    id !== null &&
    locals.has(id.text) &&
    (id.startIndex >= node.endIndex || id.endIndex <= node.startIndex)
  const values = ['identifier', 'shorthand_property_identifier']
  if (root.descendantsOfType(values).some(outside)) return false
  // An import never read at all is left as it is: only a use as a type says what it is for.
  return root.descendantsOfType('type_identifier').some(outside)
}

const DECLARATION_KIND: Record<string, ExportDecl['kind']> = {
  function_declaration: 'function',
  generator_function_declaration: 'function',
  function_signature: 'function',
  class_declaration: 'class',
  abstract_class_declaration: 'class',
  interface_declaration: 'type',
  type_alias_declaration: 'type',
  enum_declaration: 'variable',
  internal_module: 'variable',
  module: 'variable',
  lexical_declaration: 'variable',
  variable_declaration: 'variable'
}

/** Names bound by a pattern (`{ a, b: c }` gives a and c), walked without recursion. */
function patternNames(state: JsState, pattern: Node): string[] {
  const out: string[] = []
  const stack: Node[] = [pattern]
  while (stack.length > 0 && out.length < 100) {
    const n = stack.pop()!
    if (n.type === 'identifier' || n.type === 'shorthand_property_identifier_pattern')
      out.push(slice(state, n, 100))
    else if (n.type === 'pair_pattern') {
      const v = n.childForFieldName('value')
      if (v) stack.push(v)
    } else if (n.type === 'assignment_pattern') {
      const l = n.childForFieldName('left')
      if (l) stack.push(l)
    } else for (const c of n.namedChildren) if (c) stack.push(c)
  }
  return out
}

function exportDeclaration(state: JsState, decl: Node, isDefault: boolean, at: Node): void {
  let d = decl
  if (d.type === 'ambient_declaration' && d.namedChild(0)) d = d.namedChild(0)!
  const kind = DECLARATION_KIND[d.type]
  state.exportedAt.add(d.startIndex)
  if (d.type === 'lexical_declaration' || d.type === 'variable_declaration') {
    for (const declarator of d.namedChildren) {
      if (declarator?.type !== 'variable_declarator') continue
      const nameNode = declarator.childForFieldName('name')
      if (!nameNode) continue
      for (const name of patternNames(state, nameNode)) {
        state.exportedNames.add(name)
        state.model.exports.push({ name, kind: 'variable', loc: loc(at) })
      }
    }
    return
  }
  const nameNode = d.childForFieldName('name')
  const name = nameNode ? slice(state, nameNode, 100) : undefined
  if (isDefault) {
    const e: ExportDecl = { name: 'default', kind: 'default', loc: loc(at) }
    if (name) e.local = name
    state.model.exports.push(e)
  } else if (name) {
    state.model.exports.push({ name, kind: kind ?? 'variable', loc: loc(at) })
  }
}

export function handleExport(state: JsState, node: Node): void {
  const isDefault = hasToken(node, 'default')
  const declaration = node.childForFieldName('declaration')
  if (declaration) {
    exportDeclaration(state, declaration, isDefault, node)
    return
  }
  const source = sourceOf(state, node)
  const typeOnly = hasToken(node, 'type', 'export_clause')
  let clause: Node | null = null
  let namespace: Node | null = null
  for (const child of node.namedChildren) {
    if (child?.type === 'export_clause') clause = child
    else if (child?.type === 'namespace_export') namespace = child
  }
  if (source !== undefined) {
    const importNames: ImportedName[] = []
    if (clause) {
      for (const { imported, local } of specifierNames(state, clause, 'export')) {
        const e: ExportDecl = { name: local, kind: 'reexport', source, loc: loc(node) }
        if (imported !== local) e.local = imported
        state.model.exports.push(e)
        importNames.push({ imported, local })
      }
    } else if (namespace) {
      const name = slice(state, namespace.namedChild(0), 100)
      state.model.exports.push({ name, local: '*', kind: 'reexport', source, loc: loc(node) })
      importNames.push({ imported: '*', local: name })
    } else {
      state.model.exports.push({ name: '*', kind: 'all', source, loc: loc(node) })
      importNames.push({ imported: '*', local: '*' })
    }
    state.model.imports.push({ source, names: importNames, kind: 'esm', typeOnly, loc: loc(node) })
    return
  }
  if (clause) {
    for (const { imported, local } of specifierNames(state, clause, 'export')) {
      const e: ExportDecl = { name: local, kind: typeOnly ? 'type' : 'variable', loc: loc(node) }
      if (imported !== local) e.local = imported
      state.exportedNames.add(imported)
      state.model.exports.push(e)
    }
    return
  }
  // `export default <expression>` or TypeScript `export = <expression>`.
  const value =
    node.childForFieldName('value') ??
    node.namedChildren.find((c) => c !== null && c.type !== 'comment') ??
    null
  if (!value) return
  state.exportedAt.add(value.startIndex)
  state.bindings.set(value.startIndex, { name: 'default', exported: true })
  const e: ExportDecl = {
    name: 'default',
    kind: isDefault ? 'default' : 'commonjs',
    loc: loc(node)
  }
  if (value.type === 'identifier') {
    e.local = slice(state, value, 100)
    state.exportedNames.add(e.local)
  }
  state.model.exports.push(e)
}

/** `module.exports = ...`, `module.exports.x = ...`, `exports.x = ...`. Returns true when it was one. */
export function handleCommonJsExport(state: JsState, node: Node): boolean {
  const left = node.childForFieldName('left')
  if (!left || left.type !== 'member_expression') return false
  const leftText = slice(state, left, 120)
  const right = node.childForFieldName('right')
  if (!right) return false
  if (leftText === 'module.exports') {
    state.exportedAt.add(right.startIndex)
    if (right.type === 'object') {
      for (const prop of right.namedChildren) {
        if (!prop) continue
        if (prop.type === 'shorthand_property_identifier') {
          const name = slice(state, prop, 100)
          state.exportedNames.add(name)
          state.model.exports.push({ name, kind: 'commonjs', loc: loc(prop) })
        } else if (prop.type === 'pair') {
          const key = prop.childForFieldName('key')
          const value = prop.childForFieldName('value')
          const name =
            key?.type === 'string' ? (stringValue(state, key) ?? '') : slice(state, key, 100)
          const e: ExportDecl = { name, kind: 'commonjs', loc: loc(prop) }
          if (value?.type === 'identifier') {
            e.local = slice(state, value, 100)
            state.exportedNames.add(e.local)
          } else if (value) state.exportedAt.add(value.startIndex)
          state.model.exports.push(e)
        } else if (prop.type === 'method_definition') {
          const name = slice(state, prop.childForFieldName('name'), 100)
          state.model.exports.push({ name, kind: 'commonjs', loc: loc(prop) })
        }
      }
      return true
    }
    const e: ExportDecl = { name: 'default', kind: 'commonjs', loc: loc(node) }
    if (right.type === 'identifier') {
      e.local = slice(state, right, 100)
      state.exportedNames.add(e.local)
    } else if (
      right.type === 'call_expression' &&
      slice(state, right.childForFieldName('function'), 20) === 'require'
    ) {
      // `module.exports = require('./impl')` re-exports everything of another module.
      const arg = right.childForFieldName('arguments')?.namedChild(0)
      const source = stringValue(state, arg)
      if (source !== undefined) {
        state.model.exports.push({ name: '*', kind: 'all', source, loc: loc(node) })
        return true
      }
    } else {
      const own = right.childForFieldName('name')
      if (own) e.local = slice(state, own, 100)
    }
    state.model.exports.push(e)
    return true
  }
  const object = left.childForFieldName('object')
  const objectText = slice(state, object, 40)
  if (objectText === 'exports' || objectText === 'module.exports') {
    const name = slice(state, left.childForFieldName('property'), 100)
    const e: ExportDecl = { name, kind: 'commonjs', loc: loc(node) }
    if (right.type === 'identifier') {
      e.local = slice(state, right, 100)
      state.exportedNames.add(e.local)
    } else state.exportedAt.add(right.startIndex)
    state.model.exports.push(e)
    return true
  }
  return false
}

/** Names bound from a `require()` / `import()` result by its declaration. */
function boundNames(state: JsState, call: Node): ImportedName[] {
  let p = call.parent
  if (p?.type === 'await_expression') p = p.parent
  if (!p) return []
  if (p.type === 'member_expression') {
    const prop = slice(state, p.childForFieldName('property'), 100)
    const decl =
      p.parent?.type === 'variable_declarator' ? p.parent.childForFieldName('name') : null
    return [{ imported: prop, local: decl?.type === 'identifier' ? slice(state, decl, 100) : prop }]
  }
  if (p.type !== 'variable_declarator') return []
  const name = p.childForFieldName('name')
  if (!name) return []
  if (name.type === 'identifier') return [{ imported: '*', local: slice(state, name, 100) }]
  if (name.type !== 'object_pattern') return []
  const names: ImportedName[] = []
  for (const prop of name.namedChildren) {
    if (!prop) continue
    if (prop.type === 'shorthand_property_identifier_pattern') {
      const n = slice(state, prop, 100)
      names.push({ imported: n, local: n })
    } else if (prop.type === 'pair_pattern') {
      const value = prop.childForFieldName('value')
      const local = value?.type === 'assignment_pattern' ? value.childForFieldName('left') : value
      names.push({
        imported: slice(state, prop.childForFieldName('key'), 100),
        local: slice(state, local, 100)
      })
    } else if (prop.type === 'object_assignment_pattern') {
      const left = prop.childForFieldName('left')
      const n = slice(state, left, 100)
      names.push({ imported: n, local: n })
    }
  }
  return names
}

/** `require('x')` and `import('x')` calls. Returns true when the call was one. */
export function handleRequireOrDynamicImport(state: JsState, node: Node, fnNode: Node): boolean {
  const isImport = fnNode.type === 'import'
  if (!isImport && (fnNode.type !== 'identifier' || slice(state, fnNode, 10) !== 'require'))
    return false
  const arg = node.childForFieldName('arguments')?.namedChild(0)
  const source = stringValue(state, arg, 500)
  if (source === undefined || !arg) return false
  state.specifierStrings.add(arg.startIndex)
  state.model.imports.push({
    source,
    names: boundNames(state, node),
    kind: isImport ? 'dynamic' : 'require',
    typeOnly: false,
    loc: loc(node)
  })
  return true
}
