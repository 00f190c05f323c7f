// The names a file uses (reads, calls, passes on, reads as attributes) from the parser's identifier
// nodes, without the names it defines, imports or re-exports. The static test-reach estimate asks
// whether anything could run a function: a name nothing uses cannot be called by it.
import type { Node, Tree } from 'web-tree-sitter'
import type { Language } from '../types.js'

const PY_TYPES = ['identifier']
const JS_TYPES = [
  'identifier',
  'property_identifier',
  'shorthand_property_identifier',
  'private_property_identifier'
]
/** Parents whose identifiers are not uses: imports and re-exports. */
const NOT_USES = new Set([
  'import_specifier',
  'export_specifier',
  'namespace_import',
  'import_clause',
  'import_from_statement',
  'import_statement',
  'aliased_import',
  'dotted_name',
  'namespace_export'
])
/** Declarations whose `name` field defines the name rather than uses it. */
const DEFINING = new Set([
  'function_definition',
  'class_definition',
  'function_declaration',
  'generator_function_declaration',
  'class_declaration',
  'abstract_class_declaration',
  'method_definition',
  'variable_declarator',
  'function_expression'
])
const MAX_NAMES = 20_000

export function namesUsed(tree: Tree, language: Language): string[] {
  const python = language === 'python'
  const js =
    language === 'javascript' ||
    language === 'typescript' ||
    language === 'tsx' ||
    language === 'jsx'
  if (!python && !js) return []
  const names = new Set<string>()
  for (const node of tree.rootNode.descendantsOfType(python ? PY_TYPES : JS_TYPES)) {
    if (!node || names.size >= MAX_NAMES || !isUse(node)) continue
    names.add(node.text)
  }
  return [...names].sort()
}

function isUse(node: Node): boolean {
  const parent = node.parent
  if (!parent) return true
  if (NOT_USES.has(parent.type)) return false
  if (DEFINING.has(parent.type) && parent.childForFieldName('name')?.equals(node)) return false
  return true
}
