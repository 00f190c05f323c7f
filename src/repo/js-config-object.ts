// Reading a JavaScript/TypeScript config file's exported object (vitest.config.ts, jest.config.js,
// .mocharc.js, ava.config.js) with tree-sitter. Only literal values are read; anything computed is
// reported as unread, never evaluated: config files are code and we do not run the target's code.
import type { Node } from 'web-tree-sitter'
import { createParser } from '../model/tree-sitter.js'
import { decodeEscapes } from '../model/extract/js-literals.js'

/** A literal value, or `COMPUTED` where the file computes it. */
export type ConfigValue =
  | string
  | number
  | boolean
  | null
  | ConfigValue[]
  | { [key: string]: ConfigValue }
  | typeof COMPUTED
export const COMPUTED = Symbol('computed')

export interface ConfigObject {
  /** The object the file exports, read as far as it is literal. */
  exported?: { [key: string]: ConfigValue }
  /** Every object literal found under a `test:` key (vitest inside a vite config). */
  testObjects: { [key: string]: ConfigValue }[]
}

function grammarFor(path: string): 'typescript' | 'javascript' {
  return /\.(c|m)?ts$/.test(path) ? 'typescript' : 'javascript'
}

function unwrap(node: Node | null): Node | null {
  let n = node
  while (
    n &&
    [
      'parenthesized_expression',
      'as_expression',
      'satisfies_expression',
      'non_null_expression',
      'await_expression'
    ].includes(n.type)
  ) {
    n = n.namedChild(0)
  }
  return n
}

function keyName(key: Node | null): string | undefined {
  if (!key) return undefined
  if (key.type === 'property_identifier' || key.type === 'identifier') return key.text
  if (key.type === 'string') return decodeEscapes(key.text.slice(1, -1))
  return undefined
}

/** Top-level `const name = <value>` declarations, for `export default config`. */
function declarations(root: Node): Map<string, Node> {
  const found = new Map<string, Node>()
  for (const statement of root.namedChildren) {
    if (!statement) continue
    const decl =
      statement.type === 'export_statement' ? statement.childForFieldName('declaration') : statement
    if (!decl || (decl.type !== 'lexical_declaration' && decl.type !== 'variable_declaration'))
      continue
    for (const d of decl.namedChildren) {
      if (d?.type !== 'variable_declarator') continue
      const name = d.childForFieldName('name')
      const value = d.childForFieldName('value')
      if (name?.type === 'identifier' && value) found.set(name.text, value)
    }
  }
  return found
}

/** The object an expression stands for: an object literal, `defineConfig({...})`, a named constant, an arrow returning one. */
function objectOf(node: Node | null, consts: Map<string, Node>, depth = 0): Node | null {
  const n = unwrap(node)
  if (!n || depth > 8) return null
  switch (n.type) {
    case 'object':
      return n
    case 'identifier':
    case 'shorthand_property_identifier': {
      const value = consts.get(n.text)
      return value ? objectOf(value, consts, depth + 1) : null
    }
    case 'call_expression': {
      // defineConfig({...}), defineProject(...), mergeConfig(base, defineConfig({...})): the last object argument.
      const args = n.childForFieldName('arguments')?.namedChildren ?? []
      for (let i = args.length - 1; i >= 0; i--) {
        const o = objectOf(args[i], consts, depth + 1)
        if (o) return o
      }
      return null
    }
    case 'arrow_function':
    case 'function_expression':
    case 'function': {
      const body = n.childForFieldName('body')
      if (body && body.type !== 'statement_block') return objectOf(body, consts, depth + 1)
      for (const s of body?.namedChildren ?? [])
        if (s?.type === 'return_statement') return objectOf(s.namedChild(0), consts, depth + 1)
      return null
    }
    default:
      return null
  }
}

export function readValue(node: Node | null, consts: Map<string, Node>, depth = 0): ConfigValue {
  const n = unwrap(node)
  if (!n || depth > 12) return COMPUTED
  switch (n.type) {
    case 'string':
      return decodeEscapes(n.text.slice(1, -1))
    case 'template_string':
      return n.namedChildren.some((c) => c?.type === 'template_substitution')
        ? COMPUTED
        : decodeEscapes(n.text.slice(1, -1))
    case 'number':
      return Number(n.text.replaceAll('_', ''))
    case 'true':
      return true
    case 'false':
      return false
    case 'null':
      return null
    case 'regex': {
      const pattern = n.childForFieldName('pattern')
      return pattern ? pattern.text : COMPUTED
    }
    case 'array':
      return n.namedChildren
        .filter((c): c is Node => !!c && c.type !== 'comment')
        .map((c) => readValue(c, consts, depth + 1))
    case 'object':
      return readObject(n, consts, depth + 1)
    case 'identifier': {
      const value = consts.get(n.text)
      return value ? readValue(value, consts, depth + 1) : COMPUTED
    }
    default:
      return COMPUTED
  }
}

function readObject(
  node: Node,
  consts: Map<string, Node>,
  depth = 0
): { [key: string]: ConfigValue } {
  const out: { [key: string]: ConfigValue } = {}
  for (const child of node.namedChildren) {
    if (!child) continue
    if (child.type === 'pair') {
      const key = keyName(child.childForFieldName('key'))
      if (key !== undefined) out[key] = readValue(child.childForFieldName('value'), consts, depth)
    } else if (child.type === 'shorthand_property_identifier') {
      out[child.text] = readValue(child, consts, depth)
    } else if (child.type === 'method_definition') {
      const key = keyName(child.childForFieldName('name'))
      if (key !== undefined) out[key] = COMPUTED
    }
  }
  return out
}

/** `export default X`, `module.exports = X`, `export = X`: the exported expression. */
function exportedExpression(root: Node): Node | null {
  for (const statement of root.namedChildren) {
    if (!statement) continue
    if (
      statement.type === 'export_statement' &&
      statement.children.some((c) => c?.type === 'default')
    ) {
      return statement.childForFieldName('value') ?? statement.childForFieldName('declaration')
    }
    if (statement.type === 'expression_statement') {
      const e = statement.namedChild(0)
      if (
        e?.type === 'assignment_expression' &&
        e.childForFieldName('left')?.text === 'module.exports'
      )
        return e.childForFieldName('right')
    }
  }
  return null
}

function collectTestObjects(
  node: Node,
  consts: Map<string, Node>,
  out: { [key: string]: ConfigValue }[]
): void {
  const stack: Node[] = [node]
  while (stack.length > 0) {
    const n = stack.pop() as Node
    if (n.type === 'pair' && keyName(n.childForFieldName('key')) === 'test') {
      const o = objectOf(n.childForFieldName('value'), consts)
      if (o) out.push(readObject(o, consts))
    } else if (n.type === 'shorthand_property_identifier' && n.text === 'test') {
      // `{ test }` with `const test = {...}` declared above.
      const o = objectOf(n, consts)
      if (o) out.push(readObject(o, consts))
    }
    for (const c of n.namedChildren) if (c) stack.push(c)
  }
}

export async function readConfigObject(path: string, text: string): Promise<ConfigObject> {
  const parser = await createParser(grammarFor(path))
  const tree = parser.parse(text)
  try {
    if (!tree) return { testObjects: [] }
    const root = tree.rootNode
    const consts = declarations(root)
    const exportedNode = objectOf(exportedExpression(root), consts)
    const testObjects: { [key: string]: ConfigValue }[] = []
    collectTestObjects(root, consts, testObjects)
    return { ...(exportedNode ? { exported: readObject(exportedNode, consts) } : {}), testObjects }
  } finally {
    tree?.delete()
    parser.delete()
  }
}
