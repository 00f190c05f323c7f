// Assignments in a Python module: module variables, `__all__`, class attributes, `self.x` set in
// `__init__`, and lambdas bound to a name. Called by the walker for each assignment node.
import type { Node } from 'web-tree-sitter'
import type { AssignmentSite, Location, ModuleModel, ModuleVariable } from '../types.js'
import { loc } from './common.js'
import type { PyClassInfo, PyModuleState } from './py-api.js'
import { namedKids, stringValue, visibilityOf } from './py-syntax.js'

export interface AssignmentContext {
  state: PyModuleState
  /** Not inside any function or class. */
  moduleScope: boolean
  /** Directly in this class's body. */
  cls?: PyClassInfo
  /** Inside this class's `__init__`. */
  constructorOf?: PyClassInfo
  namedLambdas: Map<number, string>
  /** Qualified name of the enclosing function, when the assignment is inside one. */
  enclosing?: string
}

/** A module of generated assignments must not make a million model entries. */
const MAX_ASSIGNMENTS = 10_000
const STRING_CALLS: ReadonlySet<string> = new Set([
  'str',
  'repr',
  'format',
  'join',
  'upper',
  'lower',
  'strip',
  'replace'
])

export function visitPyAssignment(node: Node, ctx: AssignmentContext): void {
  const left = node.childForFieldName('left')
  if (!left) return
  let value = node.childForFieldName('right')
  if (ctx.enclosing !== undefined) {
    if (node.type === 'augmented_assignment' || left.type === 'subscript')
      recordWrite(node, left, value, ctx.state.model, ctx.enclosing)
    else if (
      (left.type === 'identifier' || left.type === 'attribute') &&
      valueKindOf(value) !== 'other'
    ) {
      recordWrite(node, left, value, ctx.state.model, ctx.enclosing)
    }
  }
  if (node.type === 'augmented_assignment') {
    if (
      ctx.moduleScope &&
      left.text === '__all__' &&
      node.childForFieldName('operator')?.type === '+='
    ) {
      readAll(ctx.state, value, true)
    }
    return
  }
  // `a = b = []`: the inner assignment is visited on its own; here only the value matters.
  while (value?.type === 'assignment') value = value.childForFieldName('right')
  if (left.type === 'identifier' && value?.type === 'lambda')
    ctx.namedLambdas.set(value.id, left.text)
  const annotated = node.childForFieldName('type') !== null
  if (ctx.moduleScope) {
    const targets = targetsOf(left)
    // `x, y = 1, []` pairs targets with values; any other unpacking is 'other'.
    const values = left.type === 'identifier' ? [value] : pairedValues(targets.length, value)
    targets.forEach((target, i) => {
      if (target.text === '__all__') readAll(ctx.state, value, false)
      addVariable(ctx.state, target.text, values[i], loc(target))
    })
  } else if (ctx.cls) {
    for (const target of targetsOf(left)) addProperty(ctx.cls, target.text, !annotated, loc(target))
  } else if (
    ctx.constructorOf &&
    left.type === 'attribute' &&
    left.childForFieldName('object')?.text === 'self'
  ) {
    const attribute = left.childForFieldName('attribute')
    if (attribute) addProperty(ctx.constructorOf, attribute.text, false, loc(left))
  }
}

function pairedValues(count: number, value: Node | null): (Node | null | 'unknown')[] {
  const items =
    value && (value.type === 'expression_list' || value.type === 'tuple') ? namedKids(value) : []
  return items.length === count ? items : new Array<'unknown'>(count).fill('unknown')
}

/** Names bound by an assignment target: `x`, `a, b`, `(a, b)`, `[a, b]`. */
function targetsOf(left: Node): Node[] {
  if (left.type === 'identifier') return [left]
  if (
    left.type === 'pattern_list' ||
    left.type === 'tuple_pattern' ||
    left.type === 'list_pattern'
  ) {
    return namedKids(left).filter((n) => n.type === 'identifier')
  }
  return []
}

/**
 * Class attributes are static (shared by instances) unless annotated: an annotated attribute is
 * how dataclasses, attrs, pydantic and typed classes declare instance fields.
 */
function addProperty(cls: PyClassInfo, name: string, isStatic: boolean, at: Location): void {
  if (cls.decl.members.some((m) => m.name === name)) return
  cls.decl.members.push({
    name,
    kind: 'property',
    static: isStatic,
    visibility: visibilityOf(name),
    loc: at
  })
}

const LITERAL_TYPES = new Set([
  'string',
  'concatenated_string',
  'integer',
  'float',
  'true',
  'false',
  'none',
  'tuple',
  'expression_list',
  'unary_operator'
])

function initKindOf(value: Node | null): ModuleVariable['initKind'] {
  if (!value) return 'none'
  switch (value.type) {
    case 'list':
    case 'list_comprehension':
      return 'array'
    case 'dictionary':
    case 'dictionary_comprehension':
      return 'object'
    case 'set':
    case 'set_comprehension':
      return 'set'
    case 'call':
      return 'call'
    default:
      return LITERAL_TYPES.has(value.type) ? 'literal' : 'other'
  }
}

/** UPPER_CASE names are constants by convention. */
function isConstantName(name: string): boolean {
  return /^_*[A-Z][A-Z0-9_]*$/.test(name)
}

/**
 * Module globals are mutable state (any function may rebind them with `global`), except
 * UPPER_CASE constants bound to a literal, a tuple or a frozenset.
 */
function addVariable(
  state: PyModuleState,
  name: string,
  value: Node | null | 'unknown',
  at: Location
): void {
  if (state.variableNames.has(name)) return
  state.variableNames.add(name)
  const initKind = value === 'unknown' ? 'other' : initKindOf(value)
  const frozen =
    initKind === 'literal' ||
    (initKind === 'call' &&
      value !== 'unknown' &&
      value?.childForFieldName('function')?.text === 'frozenset')
  state.model.variables.push({
    name,
    declaration: 'assignment',
    initKind,
    mutable: !(isConstantName(name) && frozen),
    exported: false,
    loc: at
  })
}

/** `__all__ = [...]` / `+= (...)`: a literal list of strings, or a dynamic one we cannot read. */
function readAll(state: PyModuleState, value: Node | null, extend: boolean): void {
  if (!value || (value.type !== 'list' && value.type !== 'tuple')) {
    state.allDynamic = true
    return
  }
  const entries = extend ? (state.allEntries ?? []) : []
  for (const item of namedKids(value)) {
    const name = item.type === 'string' ? stringValue(item, 200) : undefined
    if (name === undefined) {
      state.allDynamic = true
      return
    }
    entries.push({ name, loc: loc(item) })
  }
  state.allEntries = entries
}

/** Records a write through a name inside a function (see AssignmentSite in the model). */
function recordWrite(
  node: Node,
  left: Node,
  value: Node | null,
  model: ModuleModel,
  enclosing: string
): void {
  const sites = (model.assignments ??= [])
  if (sites.length >= MAX_ASSIGNMENTS) return
  let root: Node | null = left
  while (root && (root.type === 'subscript' || root.type === 'attribute')) {
    root = root.childForFieldName(root.type === 'subscript' ? 'value' : 'object')
  }
  if (!root || root.type !== 'identifier') return
  const operator =
    node.type === 'augmented_assignment' ? (node.childForFieldName('operator')?.type ?? '') : '='
  sites.push({
    target: left.text.slice(0, 200),
    name: root.text,
    operator,
    valueKind: valueKindOf(value),
    enclosing,
    loc: loc(node)
  })
}

const CONTAINER_NODES: Record<string, AssignmentSite['valueKind']> = {
  list: 'list',
  list_comprehension: 'list',
  tuple: 'tuple',
  set: 'set',
  set_comprehension: 'set',
  dictionary: 'dict',
  dictionary_comprehension: 'dict'
}
const CONTAINER_CALLS: Record<string, AssignmentSite['valueKind']> = {
  list: 'list',
  sorted: 'list',
  tuple: 'tuple',
  set: 'set',
  frozenset: 'set',
  dict: 'dict',
  defaultdict: 'dict',
  OrderedDict: 'dict',
  Counter: 'dict'
}

function valueKindOf(value: Node | null): AssignmentSite['valueKind'] {
  if (!value) return 'other'
  if (isStringValue(value)) return 'string'
  const node = CONTAINER_NODES[value.type]
  if (node) return node
  if (value.type === 'call') {
    const fn = value.childForFieldName('function')
    const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text
    if (name !== undefined && Object.hasOwn(CONTAINER_CALLS, name)) return CONTAINER_CALLS[name]
  }
  return 'other'
}

/** What the parser can tell is text: a string, a str()/format()/join() call, or `+`/`%` with one (one level deep). */
function isStringValue(value: Node | null, depth = 0): boolean {
  if (!value || depth > 2) return false
  switch (value.type) {
    case 'string':
    case 'concatenated_string':
      return true
    case 'call': {
      const fn = value.childForFieldName('function')
      const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text
      return name !== undefined && STRING_CALLS.has(name)
    }
    case 'binary_operator': {
      const op = value.childForFieldName('operator')?.type
      if (op !== '+' && op !== '%') return false
      return (
        isStringValue(value.childForFieldName('left'), depth + 1) ||
        isStringValue(value.childForFieldName('right'), depth + 1)
      )
    }
    case 'parenthesized_expression':
      return isStringValue(value.namedChild(0), depth + 1)
    default:
      return false
  }
}
