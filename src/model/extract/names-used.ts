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

/**
 * Each name the file uses, with the lines it is used on, for the reach graph (reach-graph.ts): which
 * function a use sits in decides whether tests can get to it. Stricter than `namesUsed`: a name only
 * exported (`module.exports = { f }`, `exports.f = f`, `export default f`), an object key (`{ f: 1 }`),
 * a keyword argument's name or a parameter is not a use that runs anything. An attribute read on a
 * chain that starts at a plain name (`json.dumps`, `path.posix.join`) is keyed `root.name`, so the
 * graph can tell a library's function from one of ours; one straight off `self`/`cls`/`this` is keyed
 * `self.name`, one on anything else `.name`; a bare name is keyed by itself (it cannot call a method).
 */
export function nameUseLines(
  tree: Tree,
  language: Language,
  /** Member names whose receiver's type is known (receiver-types.ts): kept in `typedUseLines` instead. */
  typed?: ReadonlyMap<number, unknown>
): Record<string, number[]> {
  const python = language === 'python'
  const js =
    language === 'javascript' ||
    language === 'typescript' ||
    language === 'tsx' ||
    language === 'jsx'
  if (!python && !js) return {}
  const out = new Map<string, Set<number>>()
  let count = 0
  for (const node of tree.rootNode.descendantsOfType(python ? PY_TYPES : JS_TYPES)) {
    if (!node || count >= MAX_USES || typed?.has(node.id) || !isUse(node) || !runs(node)) continue
    const root = receiverRoot(node)
    const key = root === undefined ? node.text : `${root}.${node.text}`
    let lines = out.get(key)
    if (!lines) out.set(key, (lines = new Set()))
    const line = node.startPosition.row + 1
    if (!lines.has(line)) {
      lines.add(line)
      count++
    }
  }
  const record: Record<string, number[]> = {}
  for (const [name, lines] of [...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    record[name] = [...lines].sort((a, b) => a - b)
  return record
}
const MAX_USES = 100_000

/**
 * How a member read is keyed: `a` for `a.b.c` (the plain name the chain starts at), `self` for a read
 * straight off `self`, `cls` or `this` (the graph narrows it to the class's family), `''` for a read on
 * anything else (`f().x`, `self.a.x`: an attribute, so a method's name); undefined for a bare name.
 */
function receiverRoot(node: Node): string | undefined {
  const parent = node.parent
  if (!parent) return undefined
  const member = parent.type === 'attribute' || parent.type === 'member_expression'
  if (!member) return undefined
  const field = parent.type === 'attribute' ? 'attribute' : 'property'
  if (!parent.childForFieldName(field)?.equals(node)) return undefined
  const direct = parent.childForFieldName('object')
  if (direct && isSelf(direct)) return 'self'
  let object = direct
  while (object && (object.type === 'attribute' || object.type === 'member_expression'))
    object = object.childForFieldName('object')
  if (!object || object.type !== 'identifier' || isSelf(object)) return ''
  return object.text
}

function isSelf(node: Node): boolean {
  if (node.type === 'this') return true
  if (node.type !== 'identifier' || (node.text !== 'self' && node.text !== 'cls')) return false
  // Python: `self` / `cls` is the instance or class only as the method's first parameter; a local
  // `cls = self._getTargetClass()` in a test is any class.
  let fn = node.parent
  while (fn && fn.type !== 'function_definition') fn = fn.parent
  if (!fn) return false
  const first = fn.childForFieldName('parameters')?.namedChild(0)
  const name = first?.type === 'identifier' ? first : first?.namedChild(0)
  return name?.text === node.text
}

/** Whether a use can run what it names (not only export it, name a key, a keyword or a parameter). */
function runs(node: Node): boolean {
  const parent = node.parent
  if (!parent) return true
  const field = (name: string): boolean => parent.childForFieldName(name)?.equals(node) ?? false
  if (parent.type === 'pair' && field('key')) return false
  if (parent.type === 'keyword_argument' && field('name')) return false
  if (parent.type === 'parameters' || parent.type === 'formal_parameters') return false
  if (
    (parent.type === 'default_parameter' || parent.type === 'typed_default_parameter') &&
    field('name')
  )
    return false
  if (parent.type === 'typed_parameter' || parent.type === 'required_parameter') {
    const first = parent.namedChild(0)
    if (first?.equals(node)) return false
  }
  if (parent.type === 'export_statement') return false
  if (inTypePosition(node)) return false
  return !exportedValue(node)
}

/** TypeScript nodes that hold types only: nothing inside them runs. */
const TYPE_ONLY = new Set([
  'type_annotation',
  'type_arguments',
  'type_parameters',
  'object_type',
  'interface_body',
  'interface_declaration',
  'type_alias_declaration',
  'literal_type',
  'lookup_type',
  'property_signature',
  'method_signature',
  'abstract_method_signature',
  'index_signature',
  'ambient_declaration'
])
/** Where the walk up can stop: a type never holds these. */
const RUNTIME_BOUNDARY = new Set([
  // Runtime-only expressions (types have union/intersection types, not operators): they also stop the walk
  // early in 10,000 nested `&&`, where each name's walk up would be quadratic.
  'binary_expression',
  'parenthesized_expression',
  'arguments',
  'statement_block',
  'class_body',
  'program',
  'expression_statement',
  'arrow_function',
  'function_expression',
  'call_expression'
])

/**
 * Whether a TypeScript node sits in a type (`{ strip?: boolean }`, an interface's `validateAt(): X`,
 * `as 'validateAt'`, `Schema['oneOf']`): a name or string there names a type's member, it runs nothing.
 */
export function inTypePosition(node: Node): boolean {
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (TYPE_ONLY.has(n.type)) return true
    if (RUNTIME_BOUNDARY.has(n.type)) return false
  }
  return false
}

/** `module.exports = f`, `module.exports = { f }`, `module.exports.f = f`, `exports.f = f`. */
function exportedValue(node: Node): boolean {
  let value: Node = node
  let parent = node.parent
  if (node.type === 'shorthand_property_identifier' && parent?.type === 'object') {
    value = parent
    parent = parent.parent
  } else if (parent?.type === 'pair' && parent.childForFieldName('value')?.equals(node)) {
    value = parent.parent as Node
    parent = value.parent
  }
  if (parent?.type !== 'assignment_expression') return false
  if (!parent.childForFieldName('right')?.equals(value)) return false
  const left = parent.childForFieldName('left')?.text ?? ''
  return (
    left === 'module.exports' || left.startsWith('module.exports.') || left.startsWith('exports.')
  )
}

function isUse(node: Node): boolean {
  const parent = node.parent
  if (!parent) return true
  if (NOT_USES.has(parent.type)) return false
  if (DEFINING.has(parent.type) && parent.childForFieldName('name')?.equals(node)) return false
  return true
}
