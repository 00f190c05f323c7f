// Reads small Python syntax pieces (parameters, literals, comparisons, except handlers, imports)
// from tree-sitter-python nodes. Each helper looks only at a node's direct children or a short
// chain of them, so none of them recurses over the syntax tree.
import type { Node } from 'web-tree-sitter'
import type { CatchHandler, Comparison, ImportDecl, ImportedName, Parameter } from '../types.js'
import { loc, text } from './common.js'

/** Named children without comments. */
export function namedKids(node: Node | null | undefined): Node[] {
  if (!node) return []
  const out: Node[] = []
  for (const child of node.namedChildren) if (child && child.type !== 'comment') out.push(child)
  return out
}

/**
 * Parameters of a `parameters` / `lambda_parameters` node.
 * `dropReceiver` removes the first ordinary parameter (`self`/`cls` of a method): it is bound by
 * Python, not passed by callers, so it is left out of the model whatever it is called.
 */
export function readParameters(node: Node | null, dropReceiver: boolean): Parameter[] {
  const params: Parameter[] = []
  let keywordOnly = false
  let dropped = !dropReceiver
  for (const child of namedKids(node)) {
    let param: Parameter | undefined
    switch (child.type) {
      case 'identifier':
      case 'tuple_pattern':
        param = { name: child.text, optional: false, rest: false }
        break
      case 'typed_parameter': {
        const inner = child.namedChild(0)
        const type = text(child.childForFieldName('type'))
        if (
          inner &&
          (inner.type === 'list_splat_pattern' || inner.type === 'dictionary_splat_pattern')
        ) {
          param = {
            name: splatName(inner),
            type,
            optional: false,
            rest: true,
            ...(inner.type === 'dictionary_splat_pattern' ? { kwargs: true } : {})
          }
          if (inner.type === 'list_splat_pattern') keywordOnly = true
        } else {
          param = { name: text(inner), type, optional: false, rest: false }
        }
        break
      }
      case 'default_parameter':
      case 'typed_default_parameter': {
        const type = child.childForFieldName('type')
        param = {
          name: text(child.childForFieldName('name')),
          ...(type ? { type: text(type) } : {}),
          defaultValue: text(child.childForFieldName('value')),
          optional: true,
          rest: false
        }
        break
      }
      case 'list_splat_pattern':
        param = { name: splatName(child), optional: false, rest: true }
        keywordOnly = true
        break
      case 'dictionary_splat_pattern':
        param = { name: splatName(child), optional: false, rest: true, kwargs: true }
        break
      case 'keyword_separator':
        keywordOnly = true
        dropped = true
        break
      case 'positional_separator':
        for (const p of params) p.positionalOnly = true
        if (!dropped) dropped = true
        break
      default:
        break
    }
    if (!param) continue
    if (!dropped) {
      dropped = true
      if (!param.rest) continue
    }
    if (keywordOnly && !param.rest) param.keywordOnly = true
    params.push(param)
  }
  return params
}

function splatName(node: Node): string {
  return text(node.namedChild(0) ?? node)
}

/** A Python literal's value: numbers, plain strings (as written, escapes kept), True/False/None. */
export function literalOf(
  node: Node | null
): { value: string | number | boolean | null } | undefined {
  if (!node) return undefined
  switch (node.type) {
    case 'integer':
    case 'float': {
      const n = Number(node.text.replace(/_/g, ''))
      return Number.isFinite(n) ? { value: n } : undefined
    }
    case 'unary_operator': {
      const arg = node.childForFieldName('argument')
      const op = node.childForFieldName('operator')?.type
      const inner = literalOf(arg)
      if (inner && typeof inner.value === 'number' && (op === '-' || op === '+')) {
        return { value: op === '-' ? -inner.value : inner.value }
      }
      return undefined
    }
    case 'string': {
      const value = stringValue(node)
      return value === undefined ? undefined : { value }
    }
    case 'true':
      return { value: true }
    case 'false':
      return { value: false }
    case 'none':
      return { value: null }
    default:
      return undefined
  }
}

/**
 * The characters between a string's quotes, as written (escapes are not decoded), cut to `max`.
 * `undefined` for f-strings with interpolations when `plainOnly` is set.
 */
export function stringValue(node: Node, max = 200, plainOnly = true): string | undefined {
  const first = node.firstChild
  const last = node.lastChild
  if (!first || !last || first.type !== 'string_start') return undefined
  if (plainOnly) {
    for (const child of node.namedChildren) if (child?.type === 'interpolation') return undefined
  }
  const start = first.endIndex
  const end = last.type === 'string_end' ? last.startIndex : node.endIndex
  if (end <= start) return ''
  const value = node.text.slice(
    start - node.startIndex,
    Math.min(end, start + max) - node.startIndex
  )
  return end - start > max ? `${value}…` : value
}

/** Comparisons of one `comparison_operator` node; a chain `0 < x < 10` gives two. */
export function readComparisons(node: Node): Comparison[] {
  const operands: Node[] = []
  const operators: string[] = []
  const cursor = node.walk()
  if (cursor.gotoFirstChild()) {
    do {
      if (cursor.currentFieldName === 'operators')
        operators.push(cursor.nodeText.replace(/\s+/g, ' '))
      else if (cursor.nodeIsNamed && cursor.nodeType !== 'comment')
        operands.push(cursor.currentNode)
    } while (cursor.gotoNextSibling())
  }
  cursor.delete()
  const out: Comparison[] = []
  for (let i = 0; i < operators.length && i + 1 < operands.length; i++) {
    const left = operands[i]
    const right = operands[i + 1]
    const comparison: Comparison = { operator: operators[i], left: text(left), right: text(right) }
    const rightLiteral = literalOf(right)
    const leftLiteral = rightLiteral ? undefined : literalOf(left)
    if (rightLiteral) {
      comparison.literal = rightLiteral.value
      comparison.literalSide = 'right'
    } else if (leftLiteral) {
      comparison.literal = leftLiteral.value
      comparison.literalSide = 'left'
    }
    out.push(comparison)
  }
  return out
}

const LOG_RECEIVERS = new Set([
  'logging',
  'logger',
  'log',
  'LOGGER',
  'LOG',
  '_logger',
  '_log',
  '_LOGGER'
])

/** `logging.warning(...)`, `logger.exception(...)`, `self.log.info(...)`, `print(...)`. */
function isLogCall(statement: Node): boolean {
  if (statement.type !== 'expression_statement') return false
  const call = statement.namedChild(0)
  if (!call || call.type !== 'call') return false
  const fn = call.childForFieldName('function')
  if (!fn) return false
  if (fn.type === 'identifier') return fn.text === 'print'
  if (fn.type !== 'attribute') return false
  const receiver = fn.childForFieldName('object')
  if (!receiver) return false
  const last = receiver.type === 'attribute' ? receiver.childForFieldName('attribute') : receiver
  return LOG_RECEIVERS.has(last?.text ?? '')
}

function isPassLike(statement: Node): boolean {
  if (statement.type === 'pass_statement') return true
  return statement.type === 'expression_statement' && statement.namedChild(0)?.type === 'ellipsis'
}

function isSwallowing(statement: Node): boolean {
  if (isPassLike(statement) || statement.type === 'continue_statement') return true
  if (statement.type !== 'return_statement') return false
  const value = statement.namedChild(0)
  return !value || value.type === 'none'
}

/**
 * An except clause. `rethrows` starts false; the walker sets it when the handler's body raises
 * (a bare `raise`, the bound name, or a new error: in each case the failure propagates).
 */
export function readHandler(node: Node): CatchHandler {
  const value = node.childForFieldName('value')
  let typeNode: Node | null = value
  let param: string | undefined
  if (value?.type === 'as_pattern') {
    typeNode = value.namedChild(0)
    const alias = value.childForFieldName('alias')
    param = text(alias?.namedChild(0) ?? alias)
  }
  const types = !typeNode
    ? []
    : typeNode.type === 'tuple' || typeNode.type === 'parenthesized_expression'
      ? namedKids(typeNode).map((t) => text(t))
      : [text(typeNode)]
  let body: Node | null = null
  for (const child of namedKids(node)) if (child.type === 'block') body = child
  const statements = namedKids(body)
  const handler: CatchHandler = {
    types,
    bare: !typeNode,
    empty: statements.every(isPassLike),
    onlyLogs: statements.some(isLogCall) && statements.every((s) => isLogCall(s) || isPassLike(s)),
    rethrows: false,
    swallows: statements.every(isSwallowing),
    loc: loc(node)
  }
  if (param) handler.param = param
  return handler
}

/**
 * Imports. Convention: a whole-module import is a namespace import, as in JavaScript's
 * `import * as c`: `import a.b` gives source 'a.b' and {imported: '*', local: 'a.b'} (code reaches
 * it as `a.b.x`); `import a.b as c` gives {imported: '*', local: 'c'}. `from m import x as y` gives
 * source 'm' and {imported: 'x', local: 'y'}; `from m import *` gives {imported: '*', local: '*'}.
 * Relative sources keep their dots: `from ..m import x` has source '..m', `from . import x` has '.'.
 */
export function readImports(node: Node, typeOnly: boolean): ImportDecl[] {
  const at = loc(node)
  if (node.type === 'import_statement') {
    const out: ImportDecl[] = []
    for (const child of node.childrenForFieldName('name')) {
      if (!child) continue
      const { imported, local } = importedName(child)
      out.push({
        source: imported,
        names: [{ imported: '*', local }],
        kind: 'python',
        typeOnly,
        loc: at
      })
    }
    return out
  }
  const moduleNode = node.childForFieldName('module_name')
  const source =
    node.type === 'future_import_statement'
      ? '__future__'
      : (moduleNode?.text ?? '').replace(/\s+/g, '')
  const names: ImportedName[] = []
  for (const child of node.childrenForFieldName('name')) if (child) names.push(importedName(child))
  for (const child of node.namedChildren) {
    if (child?.type === 'wildcard_import') names.push({ imported: '*', local: '*' })
  }
  return [{ source, names, kind: 'python', typeOnly, loc: at }]
}

function importedName(node: Node): ImportedName {
  if (node.type === 'aliased_import') {
    const name = (node.childForFieldName('name')?.text ?? '').replace(/\s+/g, '')
    return { imported: name, local: node.childForFieldName('alias')?.text ?? name }
  }
  const name = node.text.replace(/\s+/g, '')
  return { imported: name, local: name }
}

/** End of the last token that is not a comment: Python's own `ast` ends a block at its last statement. */
export function significantEnd(node: Node): { row: number; column: number } {
  let current = node
  for (;;) {
    let child = current.lastChild
    while (
      child &&
      (child.type === 'comment' ||
        (child.startIndex === child.endIndex && child !== current.firstChild))
    ) {
      child = child.previousSibling
    }
    if (!child) break
    current = child
  }
  return current.endPosition
}

/** Python's naming convention: `__x` private (name-mangled), `_x` protected, dunders public. */
export function visibilityOf(name: string): 'public' | 'protected' | 'private' {
  if (name.startsWith('__') && !name.endsWith('__')) return 'private'
  return name.startsWith('_') && !name.endsWith('__') ? 'protected' : 'public'
}
