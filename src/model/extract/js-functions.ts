// Functions, methods and classes of JavaScript/TypeScript: names from their bindings, parameters,
// return types, modifiers, class members.
import type { Node } from 'web-tree-sitter'
import type { ClassDecl, ClassMember, FunctionDecl, FunctionKind, Parameter } from '../types.js'
import { loc } from './common.js'
import { jsEmptyBody, jsThrowsNotImplemented } from './abstract-body.js'
import {
  type Binding,
  enclosingContainer,
  type JsState,
  type NewFrame,
  scopePrefix,
  slice,
  uniqueName,
  unwrapValue
} from './js-state.js'

const TYPE_MAX = 200

/** Text of a type annotation without its leading `:`. */
function typeText(state: JsState, annotation: Node | null): string | undefined {
  if (!annotation) return undefined
  const first = annotation.firstChild
  if (first && first.type === ':') {
    const start = first.endIndex
    const end = Math.min(annotation.endIndex, start + TYPE_MAX + 1)
    const t = state.source.slice(start, end).trim()
    return annotation.endIndex > end ? `${t}…` : t
  }
  return slice(state, annotation, TYPE_MAX)
}

function parameterFrom(state: JsState, node: Node): Parameter | undefined {
  switch (node.type) {
    case 'required_parameter':
    case 'optional_parameter': {
      const pattern = node.childForFieldName('pattern')
      if (!pattern || pattern.type === 'this') return undefined
      const rest = pattern.type === 'rest_pattern'
      const nameNode = rest ? pattern.namedChild(0) : pattern
      const value = node.childForFieldName('value')
      return {
        name: slice(state, nameNode),
        type: typeText(state, node.childForFieldName('type')),
        defaultValue: value ? slice(state, value) : undefined,
        optional: node.type === 'optional_parameter' || value !== null,
        rest
      }
    }
    case 'identifier':
    case 'object_pattern':
    case 'array_pattern':
      return { name: slice(state, node), optional: false, rest: false }
    case 'assignment_pattern': {
      const right = node.childForFieldName('right')
      return {
        name: slice(state, node.childForFieldName('left')),
        defaultValue: right ? slice(state, right) : undefined,
        optional: true,
        rest: false
      }
    }
    case 'rest_pattern':
      return { name: slice(state, node.namedChild(0)), optional: false, rest: true }
    default:
      return undefined
  }
}

export function parametersOf(state: JsState, fn: Node): Parameter[] {
  const single = fn.childForFieldName('parameter')
  if (single) return [{ name: slice(state, single), optional: false, rest: false }]
  const list = fn.childForFieldName('parameters')
  if (!list) return []
  const params: Parameter[] = []
  for (const child of list.namedChildren) {
    if (!child) continue
    const p = parameterFrom(state, child)
    if (p) {
      if (p.type === undefined) delete p.type
      if (p.defaultValue === undefined) delete p.defaultValue
      params.push(p)
    }
  }
  return params
}

interface Modifiers {
  async: boolean
  generator: boolean
  static: boolean
  get: boolean
  set: boolean
  accessibility?: string
}

function modifiersOf(state: JsState, node: Node): Modifiers {
  const m: Modifiers = { async: false, generator: false, static: false, get: false, set: false }
  const n = node.childCount
  for (let i = 0; i < n; i++) {
    const c = node.child(i)
    if (!c) continue
    switch (c.type) {
      case 'async':
        m.async = true
        break
      case '*':
        m.generator = true
        break
      case 'static':
        m.static = true
        break
      case 'get':
        m.get = true
        break
      case 'set':
        m.set = true
        break
      case 'accessibility_modifier':
        m.accessibility = slice(state, c, 20)
        break
      case 'formal_parameters':
      case 'statement_block':
        return m
    }
  }
  return m
}

/** Name of a property key: `foo`, `'foo'` -> foo, `[expr]` -> [expr], `#x`. */
function keyName(state: JsState, key: Node | null): string {
  if (!key) return '<anonymous>'
  if (key.type === 'string') return slice(state, key, 100).slice(1, -1)
  return slice(state, key, 100)
}

const FUNCTION_VALUES = new Set([
  'arrow_function',
  'function_expression',
  'function',
  'generator_function',
  'class'
])

/** Records the name a function, class or object literal gets from where it is bound. */
function bind(state: JsState, value: Node | null, binding: Binding): void {
  const v = unwrapValue(value)
  if (!v) return
  if (FUNCTION_VALUES.has(v.type)) state.bindings.set(v.startIndex, binding)
  else if (v.type === 'object')
    state.objectBindings.set(v.startIndex, { scope: binding.name, exported: binding.exported })
}

/** `const f = () => {}`, `const api = {...}`. */
export function handleDeclarator(state: JsState, node: Node): void {
  const name = node.childForFieldName('name')
  if (name?.type !== 'identifier') return
  bind(state, node.childForFieldName('value'), { name: slice(state, name, 100), locNode: node })
}

/** `x.y = function () {}`, `exports.run = () => {}`, `module.exports = {...}`. */
export function handleAssignment(state: JsState, node: Node): void {
  const left = node.childForFieldName('left')
  const right = node.childForFieldName('right')
  if (!left || !right) return
  const leftText = slice(state, left, 100)
  const exported = leftText.startsWith('module.exports') || leftText.startsWith('exports.')
  const v = unwrapValue(right)
  if (v?.type === 'object') {
    state.objectBindings.set(
      v.startIndex,
      leftText === 'module.exports' ? { exported: true } : { scope: leftText }
    )
    return
  }
  if (left.type === 'member_expression') {
    // `module.exports = function parse() {}` keeps its own name; an anonymous one is the default export.
    const own = leftText === 'module.exports' ? v?.childForFieldName('name') : null
    const name =
      leftText === 'module.exports'
        ? own
          ? slice(state, own, 100)
          : 'default'
        : slice(state, left.childForFieldName('property'), 100)
    bind(state, right, { name, exported })
  } else if (left.type === 'identifier') bind(state, right, { name: leftText })
}

/** `{ key: () => {} }` inside an object literal. */
export function handlePair(state: JsState, node: Node): void {
  const value = unwrapValue(node.childForFieldName('value'))
  if (!value || !FUNCTION_VALUES.has(value.type)) return
  const container = enclosingContainer(state)
  state.bindings.set(value.startIndex, {
    name: keyName(state, node.childForFieldName('key')),
    scope: container?.isObject ? container.scope : undefined,
    exported: container?.isObject ? container.objectExported : undefined
  })
}

/** A class field initialised with a function: `handler = () => {}`. */
export function handleField(state: JsState, node: Node): void {
  const value = unwrapValue(node.childForFieldName('value'))
  if (!value || !FUNCTION_VALUES.has(value.type)) return
  const name = keyName(state, node.childForFieldName('name') ?? node.childForFieldName('property'))
  state.bindings.set(value.startIndex, { name, field: node })
}

/** A decorator; kept until the method it stands before is handled. */
export function handleDecorator(state: JsState, node: Node): void {
  const expr = node.namedChild(0)
  state.pendingDecorators.push({
    text: slice(state, expr ?? node, 200),
    start: node.startIndex,
    end: node.endIndex
  })
}

/** The decorators written directly before `start` (only blank space between them and the method). */
function takeDecorators(state: JsState, start: number): string[] {
  const pending = state.pendingDecorators
  if (pending.length === 0) return []
  const taken: string[] = []
  let next = start
  for (let i = pending.length - 1; i >= 0; i--) {
    const d = pending[i]
    if (d.end > next || state.source.slice(d.end, next).trim() !== '') break
    taken.unshift(d.text)
    next = d.start
  }
  state.pendingDecorators = []
  return taken
}

/** An object literal: a frame that names the functions defined in it. */
export function enterObject(state: JsState, node: Node): NewFrame {
  const b = state.objectBindings.get(node.startIndex)
  const frame: NewFrame = { end: node.endIndex, isObject: true }
  if (b?.scope !== undefined) frame.scope = b.scope
  if (b?.exported) frame.objectExported = true
  return frame
}

/**
 * Handles a function-like node: registers a FunctionDecl (or an anonymous frame for callbacks)
 * and returns the frame to push.
 */
export function enterFunction(state: JsState, node: Node): NewFrame {
  const type = node.type
  const own = node.childForFieldName('name')
  let kind: FunctionKind = type === 'arrow_function' ? 'arrow' : 'function'
  let name: string | undefined
  let scope: string | undefined
  let locNode: Node = node
  let exported = state.exportedAt.has(node.startIndex)
  const mods = modifiersOf(state, node)
  let container = enclosingContainer(state)

  const decorators = takeDecorators(state, node.startIndex)
  if (type === 'method_definition') {
    name = keyName(state, own)
    kind = mods.get
      ? 'getter'
      : mods.set
        ? 'setter'
        : name === 'constructor'
          ? 'constructor'
          : 'method'
    if (container?.isObject) {
      scope = container.scope
      exported ||= container.objectExported === true
    }
  } else if (type === 'function_declaration' || type === 'generator_function_declaration') {
    name = own ? slice(state, own, 100) : 'default'
    container = undefined
  } else {
    const b = state.bindings.get(node.startIndex)
    name = b?.name ?? (own ? slice(state, own, 100) : undefined)
    scope = b?.scope
    if (b?.locNode) locNode = b.locNode
    exported ||= b?.exported === true
    if (b?.field) mods.accessibility = modifiersOf(state, b.field).accessibility
    else container = undefined
  }
  if (name === undefined) return { end: node.endIndex, fn: null }
  const cls = container && !container.isObject ? container : undefined

  const prefix = scope ?? scopePrefix(state)
  const qualifiedName = uniqueName(state, prefix ? `${prefix}.${name}` : name)
  const location = loc(locNode)
  const fnLoc = loc(node)
  const returnType = typeText(state, node.childForFieldName('return_type'))
  const decl: FunctionDecl = {
    name,
    qualifiedName,
    kind,
    params: parametersOf(state, node),
    async: mods.async,
    generator: mods.generator || type.startsWith('generator_function'),
    exported,
    loc: { ...location, endLine: fnLoc.endLine, endColumn: fnLoc.endColumn },
    complexity: 1,
    lines: fnLoc.endLine - location.startLine + 1
  }
  if (returnType !== undefined) decl.returnType = returnType
  if (decorators.length > 0) decl.decorators = decorators
  if (jsThrowsNotImplemented(node.childForFieldName('body'))) decl.raisesNotImplemented = true
  if (cls?.className !== undefined) decl.className = cls.className
  if (cls?.className !== undefined && jsEmptyBody(node.childForFieldName('body')))
    decl.emptyBody = true
  if (cls?.classDecl) {
    const isPublic =
      mods.accessibility !== 'private' &&
      mods.accessibility !== 'protected' &&
      !name.startsWith('#')
    state.methods.push({ fn: decl, cls: cls.classDecl, isPublic })
  }
  state.model.functions.push(decl)
  return { end: node.endIndex, fn: decl }
}

function memberOf(state: JsState, node: Node): ClassMember | undefined {
  const mods = modifiersOf(state, node)
  let kind: ClassMember['kind']
  let nameNode: Node | null
  switch (node.type) {
    case 'method_definition':
    case 'method_signature':
    case 'abstract_method_signature':
      nameNode = node.childForFieldName('name')
      kind = mods.get ? 'getter' : mods.set ? 'setter' : 'method'
      if (!mods.get && !mods.set && nameNode && slice(state, nameNode, 20) === 'constructor')
        kind = 'constructor'
      break
    case 'public_field_definition':
    case 'field_definition':
      nameNode = node.childForFieldName('name') ?? node.childForFieldName('property')
      kind = 'property'
      break
    default:
      return undefined
  }
  const name = keyName(state, nameNode)
  const visibility = name.startsWith('#')
    ? 'private'
    : mods.accessibility === 'private' || mods.accessibility === 'protected'
      ? mods.accessibility
      : 'public'
  return { name, kind, static: mods.static, visibility, loc: loc(node) }
}

/** Handles a class declaration or expression and returns the frame to push. */
export function enterClass(state: JsState, node: Node): NewFrame {
  const own = node.childForFieldName('name')
  let name: string
  let exported = state.exportedAt.has(node.startIndex)
  if (own) name = slice(state, own, 100)
  else if (node.type === 'class') {
    const b = state.bindings.get(node.startIndex)
    name = b?.name ?? '<anonymous>'
    exported ||= b?.exported === true
  } else name = 'default'
  const bases: string[] = []
  const implemented: string[] = []
  const members: ClassMember[] = []
  for (const child of node.namedChildren) {
    if (!child) continue
    if (child.type === 'class_heritage') {
      for (const clause of child.namedChildren) {
        if (!clause) continue
        if (clause.type === 'extends_clause') {
          const value = clause.childForFieldName('value')
          if (value) bases.push(slice(state, value, 100))
        } else if (clause.type === 'implements_clause') {
          for (const t of clause.namedChildren)
            if (t) {
              bases.push(slice(state, t, 100))
              implemented.push(slice(state, t, 100))
            }
        } else {
          // JavaScript: `class A extends B` puts the expression directly under class_heritage.
          bases.push(slice(state, clause, 100))
        }
      }
    } else if (child.type === 'class_body') {
      for (const m of child.namedChildren) {
        const member = m ? memberOf(state, m) : undefined
        if (member) members.push(member)
      }
    }
  }
  const prefix = scopePrefix(state)
  const qualifiedName = uniqueName(state, prefix ? `${prefix}.${name}` : name)
  const location = loc(node)
  const first = node.children.find((c) => c !== null && c.type !== 'decorator')
  if (first && first.startIndex > node.startIndex) {
    location.startLine = first.startPosition.row + 1
    location.startColumn = first.startPosition.column + 1
  }
  const decl: ClassDecl = {
    name,
    qualifiedName,
    exported,
    bases,
    ...(implemented.length > 0 ? { implements: implemented } : {}),
    members,
    loc: location
  }
  state.model.classes.push(decl)
  return { end: node.endIndex, scope: qualifiedName, className: name, classDecl: decl }
}
