// Language-specific readers for the generic extractor: imports, visibility, literals, test
// conventions. Each reads one node and its direct children (no recursion over the tree).
import type { Node } from 'web-tree-sitter'
import type { ImportDecl, ImportedName, TestFileInfo } from '../types.js'
import { dict, type GenericLanguage } from './generic-langs.js'
import { loc, text } from './common.js'

export function kids(node: Node | null | undefined): Node[] {
  if (!node) return []
  const out: Node[] = []
  for (const child of node.namedChildren)
    if (child && !child.type.includes('comment')) out.push(child)
  return out
}

/** Node types that hold an import, per language. */
export const IMPORT_TYPES: Record<GenericLanguage, Set<string>> = {
  go: new Set(['import_spec']),
  java: new Set(['import_declaration']),
  rust: new Set(['use_declaration']),
  ruby: new Set(),
  csharp: new Set(['using_directive']),
  php: new Set([
    'namespace_use_clause',
    'require_expression',
    'require_once_expression',
    'include_expression',
    'include_once_expression'
  ])
}

/**
 * Imports as ImportDecl. Conventions: the whole package/namespace is `{imported: '*'}` (Go
 * packages, C# namespaces, Java/Rust wildcards, Ruby/PHP required files have no names); a single
 * item (`import java.util.List`, `use a::b::C`, PHP `use A\B\C as D`) is source = the path without
 * the item, name = the item.
 */
export function readGenericImports(language: GenericLanguage, node: Node): ImportDecl[] {
  const at = loc(node)
  const make = (
    source: string,
    names: ImportedName[],
    kind: ImportDecl['kind'] = 'other'
  ): ImportDecl => ({
    source,
    names,
    kind,
    typeOnly: false,
    loc: at
  })
  switch (language) {
    case 'go': {
      const path = unquote(text(node.childForFieldName('path')))
      const alias = node.childForFieldName('name')?.text
      return [make(path, [{ imported: '*', local: alias ?? path.split('/').pop() ?? path }])]
    }
    case 'java': {
      const target = kids(node).find(
        (k) => k.type === 'scoped_identifier' || k.type === 'identifier'
      )
      const path = text(target)
      if (kids(node).some((k) => k.type === 'asterisk'))
        return [make(path, [{ imported: '*', local: '*' }])]
      return [splitLast(path, '.', make)]
    }
    case 'rust':
      return readRustUse(node.childForFieldName('argument'), '', make)
    case 'csharp': {
      const parts = kids(node)
      const alias = node.childForFieldName('name')
      const target = parts.filter((p) => p.id !== alias?.id).pop()
      return [make(text(target), [{ imported: '*', local: alias ? alias.text : '*' }])]
    }
    case 'php': {
      if (node.type !== 'namespace_use_clause') {
        const arg = kids(node)[0]
        const value =
          arg && (arg.type === 'string' || arg.type === 'encapsed_string')
            ? unquote(arg.text)
            : text(arg)
        return [make(value, [], 'require')]
      }
      const name = kids(node).find((k) => k.type === 'qualified_name' || k.type === 'name')
      const alias = node.childForFieldName('alias')?.text
      const decl = splitLast(text(name).replace(/^\\/, ''), '\\', make)
      if (alias) decl.names = [{ imported: decl.names[0].imported, local: alias }]
      return [decl]
    }
    case 'ruby':
      return []
  }
}

/** Ruby `require 'x'` / `require_relative 'x'` / `load 'x'` (a call with no receiver). */
export function rubyRequire(node: Node): ImportDecl | undefined {
  const method = node.childForFieldName('method')?.text
  if (method !== 'require' && method !== 'require_relative' && method !== 'load') return undefined
  if (node.childForFieldName('receiver')) return undefined
  const arg = kids(node.childForFieldName('arguments'))[0]
  if (!arg || arg.type !== 'string') return undefined
  const source = unquote(arg.text)
  return {
    source: method === 'require_relative' && !source.startsWith('.') ? `./${source}` : source,
    names: [],
    kind: 'require',
    typeOnly: false,
    loc: loc(node)
  }
}

function splitLast(
  path: string,
  separator: string,
  make: (source: string, names: ImportedName[]) => ImportDecl
): ImportDecl {
  const at = path.lastIndexOf(separator)
  if (at < 0) return make(path, [{ imported: '*', local: path }])
  const item = path.slice(at + separator.length)
  return make(path.slice(0, at), [{ imported: item, local: item }])
}

function readRustUse(
  node: Node | null,
  prefix: string,
  make: (source: string, names: ImportedName[]) => ImportDecl
): ImportDecl[] {
  if (!node) return []
  const join = (a: string, b: string): string => (a && b ? `${a}::${b}` : a || b)
  switch (node.type) {
    case 'scoped_use_list': {
      const base = join(prefix, text(node.childForFieldName('path')))
      const names: ImportedName[] = []
      for (const item of kids(node.childForFieldName('list'))) {
        if (item.type === 'use_as_clause') {
          names.push({
            imported: text(item.childForFieldName('path')),
            local: text(item.childForFieldName('alias'))
          })
        } else if (item.type === 'use_wildcard') {
          names.push({ imported: '*', local: '*' })
        } else {
          const name = item.text.split('::').pop() ?? item.text
          names.push({ imported: name === 'self' ? '*' : item.text, local: name })
        }
      }
      return [make(base, names)]
    }
    case 'use_as_clause': {
      const path = text(node.childForFieldName('path'))
      const at = path.lastIndexOf('::')
      return [
        make(join(prefix, at < 0 ? path : path.slice(0, at)), [
          { imported: path.slice(at + 2), local: text(node.childForFieldName('alias')) }
        ])
      ]
    }
    case 'use_wildcard':
      return [make(join(prefix, text(kids(node)[0])), [{ imported: '*', local: '*' }])]
    default: {
      const path = join(prefix, node.text)
      const at = path.lastIndexOf('::')
      if (at < 0) return [make(path, [{ imported: '*', local: path }])]
      const item = path.slice(at + 2)
      return [make(path.slice(0, at), [{ imported: item, local: item }])]
    }
  }
}

/** A string literal's content: the text without its quotes and prefixes (escapes kept). */
export function unquote(raw: string): string {
  const open = /^[a-zA-Z@$]*(#*)("""|'''|["'`])/.exec(raw)
  if (!open) return raw
  const close = `${open[2]}${open[1]}`
  const body = raw.slice(open[0].length)
  return body.endsWith(close) ? body.slice(0, body.length - close.length) : body
}

const NUMBER_TYPES = new Set([
  'int_literal',
  'float_literal',
  'imaginary_literal',
  'decimal_integer_literal',
  'hex_integer_literal',
  'octal_integer_literal',
  'binary_integer_literal',
  'decimal_floating_point_literal',
  'integer_literal',
  'real_literal',
  'integer',
  'float'
])
export const STRING_TYPES = new Set([
  'interpreted_string_literal',
  'raw_string_literal',
  'string_literal',
  'string',
  'encapsed_string',
  'verbatim_string_literal',
  'character_literal',
  'char_literal',
  'rune_literal'
])

/** The value of a literal node, in any of the six grammars. */
export function genericLiteral(
  node: Node | null
): { value: string | number | boolean | null } | undefined {
  if (!node) return undefined
  const type = node.type
  if (NUMBER_TYPES.has(type)) {
    const cleaned = node.text.replace(/_/g, '')
    let n = Number(cleaned)
    if (!Number.isFinite(n) && !/^0x/i.test(cleaned)) n = Number(cleaned.replace(/[a-zA-Z]+$/, ''))
    return Number.isFinite(n) ? { value: n } : undefined
  }
  if (STRING_TYPES.has(type)) {
    if (kids(node).some((k) => k.type === 'interpolation' || k.type === 'variable_name'))
      return undefined
    return { value: unquote(text(node, 200)) }
  }
  if (type === 'true' || type === 'false' || type === 'boolean_literal' || type === 'boolean') {
    return { value: node.text.toLowerCase() === 'true' }
  }
  if (type === 'nil' || type === 'null_literal' || type === 'null' || type === 'none')
    return { value: null }
  if ((type === 'unary_expression' || type === 'unary') && /^-\s*[0-9.]/.test(node.text)) {
    const n = Number(node.text.replace(/[\s_]/g, ''))
    return Number.isFinite(n) ? { value: n } : undefined
  }
  return undefined
}

/** Modifier/visibility words written on a declaration (`public`, `static`, `pub`, ...). */
export function modifierWords(node: Node): string[] {
  const words: string[] = []
  for (const child of kids(node)) {
    switch (child.type) {
      case 'modifiers':
        for (const tok of child.children) if (tok && !tok.isNamed) words.push(tok.type)
        break
      case 'modifier':
      case 'visibility_modifier':
      case 'static_modifier':
        words.push(child.text.split('(')[0].trim())
        break
      default:
        break
    }
  }
  return words
}

/** Annotation / attribute names on a declaration (`Test`, `Fact(Skip = "x")`, `test`, `ignore`). */
export function annotationsOf(node: Node): string[] {
  const out: string[] = []
  for (const child of kids(node)) {
    if (child.type === 'modifiers') {
      for (const a of kids(child))
        if (a.type.endsWith('annotation')) out.push(text(a).replace(/^@/, ''))
    } else if (child.type === 'attribute_list') {
      for (const a of kids(child)) out.push(text(a))
      if (kids(child).length === 0) out.push(text(child).replace(/^#?\[|\]$/g, ''))
    }
  }
  return out
}

const TEST_ANNOTATIONS = new Set([
  'Test',
  'ParameterizedTest',
  'RepeatedTest',
  'TestFactory',
  'Fact',
  'Theory',
  'TestMethod',
  'TestCase',
  'DataTestMethod',
  'test'
])
const SKIP_ANNOTATIONS = new Set(['Disabled', 'Ignore', 'ignore'])

/** Whether annotations mark a test, and whether it is skipped. */
export function testByAnnotations(annotations: string[]): { test: boolean; skip: boolean } {
  let test = false
  let skip = false
  for (const a of annotations) {
    const name = a.split('(')[0].trim()
    const last = name.split(/::|\./).pop() ?? name
    if (TEST_ANNOTATIONS.has(last)) test = true
    if (SKIP_ANNOTATIONS.has(last) || /\bSkip\s*=/.test(a)) skip = true
  }
  return { test, skip }
}

export function frameworkFor(
  language: GenericLanguage,
  hints: Set<string>
): TestFileInfo['framework'] {
  switch (language) {
    case 'go':
      return 'go-test'
    case 'java':
      return 'junit'
    case 'rust':
      return 'cargo-test'
    case 'ruby':
      return hints.has('rspec') ? 'rspec' : 'minitest'
    case 'csharp':
      return hints.has('Fact') || hints.has('Theory')
        ? 'xunit'
        : hints.has('TestMethod')
          ? 'mstest'
          : 'nunit'
    case 'php':
      return 'phpunit'
  }
}

/** RSpec-style blocks: `describe`/`context` are suites, `it`/`specify`/`example` tests. */
export const RSPEC: Record<string, { kind: 'test' | 'suite'; modifier?: 'only' | 'skip' }> = dict({
  describe: { kind: 'suite' },
  context: { kind: 'suite' },
  feature: { kind: 'suite' },
  xdescribe: { kind: 'suite', modifier: 'skip' },
  xcontext: { kind: 'suite', modifier: 'skip' },
  fdescribe: { kind: 'suite', modifier: 'only' },
  fcontext: { kind: 'suite', modifier: 'only' },
  it: { kind: 'test' },
  specify: { kind: 'test' },
  example: { kind: 'test' },
  scenario: { kind: 'test' },
  xit: { kind: 'test', modifier: 'skip' },
  xspecify: { kind: 'test', modifier: 'skip' },
  xexample: { kind: 'test', modifier: 'skip' },
  skip: { kind: 'test', modifier: 'skip' },
  pending: { kind: 'test', modifier: 'skip' },
  fit: { kind: 'test', modifier: 'only' }
})

const LOG_NAMES = new Set([
  'log',
  'logger',
  'LOG',
  'LOGGER',
  'Log',
  'Logger',
  '_logger',
  'logging',
  'console',
  'Console',
  'out',
  'err',
  'fmt',
  'Debug',
  'Trace'
])
const PRINT_CALLS = new Set([
  'puts',
  'print',
  'p',
  'warn',
  'println',
  'printf',
  'echo',
  'error_log',
  'var_dump',
  'println!',
  'eprintln!',
  'dbg!',
  'print!',
  'eprint!'
])

/** A call whose receiver is a logger/console, or a print function. */
export function isLogCallee(callee: string, receiver: string | undefined): boolean {
  if (PRINT_CALLS.has(callee)) return true
  if (!receiver) return false
  const last = receiver.split(/\.|->|::/).pop() ?? receiver
  return LOG_NAMES.has(last.replace(/^\$/, ''))
}
