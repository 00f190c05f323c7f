// Control flow and call sites of JavaScript/TypeScript: calls, throws, try/catch, conditions with their
// literal comparisons, loops, switches, complexity.
import type { Node } from 'web-tree-sitter'
import type {
  CallArgument,
  CallSite,
  CatchHandler,
  Comparison,
  Condition,
  Loop,
  SwitchStatement,
  ThrowSite,
  TryBlock
} from '../types.js'
import { loc } from './common.js'
import { literalValue, stringValue } from './js-literals.js'
import {
  enclosingFunction,
  enclosingName,
  type JsState,
  type NewFrame,
  slice,
  topFrame
} from './js-state.js'
import { jsArgument } from './js-arguments.js'
import { type ContextCache, siteContext } from './site-context.js'

const ARG_MAX = 200
const CONDITION_MAX = 200
const MAX_ARGS = 20

export const COMPARISON_OPERATORS = new Set([
  '<',
  '<=',
  '>',
  '>=',
  '==',
  '===',
  '!=',
  '!==',
  'in',
  'instanceof'
])

function contextCache(state: JsState): ContextCache {
  return (state.contextCache ??= new Map()) as ContextCache
}

/** One more decision point for the enclosing named function. */
export function addDecision(state: JsState): void {
  const fn = enclosingFunction(state)
  if (fn) fn.complexity++
}

function withEnclosing<T extends { enclosing?: string }>(state: JsState, item: T): T {
  const name = enclosingName(state)
  if (name !== undefined) item.enclosing = name
  return item
}

function unwrapParens(node: Node | null): Node | null {
  let n = node
  while (n && n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)
  return n
}

export function handleAwait(state: JsState, node: Node): void {
  const arg = unwrapParens(node.namedChild(0))
  if (arg) state.awaited.add(arg.id)
  // An await inside a loop body (not inside a nested function) makes the loop sequential; loops
  // further out learn it when this one closes (popFrames).
  const loop = topFrame(state)?.loopFrame?.loop
  if (loop) loop.hasAwait = true
}

/** `f();` drops what f returns: noted before the call is visited (a statement comes first in the walk). */
export function handleExpressionStatement(state: JsState, node: Node): void {
  const expr = unwrapParens(
    node.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? null
  )
  if (expr) state.statements.add(expr.id)
}

/** `const s = f()` / `s = await f()`: the call's result is kept under a plain name. */
export function noteBinding(state: JsState, name: Node | null, value: Node | null): void {
  if (name?.type === 'member_expression' || name?.type === 'subscript_expression') {
    // `this.sessions[id] = JSON.stringify(s)`: where the call's whole value is kept.
    let v = unwrapParens(value)
    if (v?.type === 'await_expression') v = unwrapParens(v.namedChild(0))
    if (v?.type === 'call_expression' || v?.type === 'new_expression')
      state.storedAt.set(v.id, slice(state, name, 100))
    return
  }
  if (name?.type !== 'identifier') return
  let v = unwrapParens(value)
  if (v?.type === 'await_expression') v = unwrapParens(v.namedChild(0))
  if (!v) return
  const bound = slice(state, name, 100)
  if (v.type === 'call_expression' || v.type === 'new_expression') state.assignedTo.set(v.id, bound)
  // The calls the value is built from (`Math.random() * 1e6`, `Math.floor(Math.random() * n)`).
  if (FUNCTION_NODES.has(v.type)) return
  const stack = [...v.namedChildren]
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node || FUNCTION_NODES.has(node.type)) continue
    if (node.type === 'call_expression' || node.type === 'new_expression')
      state.boundWithin.set(node.id, bound)
    for (const child of node.namedChildren) stack.push(child)
  }
}

const FUNCTION_NODES = new Set([
  'arrow_function',
  'function_expression',
  'function',
  'class',
  'class_body',
  'method_definition'
])

/** Records a call site; returns the callee node. */
export function handleCall(state: JsState, node: Node, isNew: boolean): Node | null {
  // One call for all children is cheaper than field look-ups; this runs for every call site.
  // call_expression: function [?.] [type_arguments] arguments; new_expression: new constructor [type_arguments] [arguments].
  const children = node.children
  const fnNode = children[isNew ? 1 : 0] ?? null
  const last = children[children.length - 1] ?? null
  const lastType = last?.type
  const argsNode =
    lastType === 'arguments' || (!isNew && lastType === 'template_string') ? last : null
  const callee = slice(state, fnNode, 200)
  let name = callee
  let receiver: string | undefined
  const fnType = fnNode?.type
  if (fnType === 'member_expression') {
    const parts = fnNode!.children
    name = slice(state, parts[parts.length - 1], 100)
    receiver = slice(state, parts[0], 200)
  } else if (fnType === 'subscript_expression') {
    name = slice(state, fnNode.childForFieldName('index'), 100)
    receiver = slice(state, fnNode.childForFieldName('object'), 200)
  }
  const args: string[] = []
  const structured: CallArgument[] = []
  if (argsNode) {
    if (argsNode.type === 'template_string') {
      args.push(slice(state, argsNode, ARG_MAX))
      structured.push(jsArgument(state, argsNode))
    } else {
      for (const a of argsNode.namedChildren) {
        if (!a || a.type === 'comment') continue
        if (args.length >= MAX_ARGS) break
        args.push(slice(state, a, ARG_MAX))
        structured.push(jsArgument(state, a))
      }
    }
  }
  const call: CallSite = {
    callee,
    name,
    args,
    awaited: state.awaited.has(node.id),
    isNew,
    loc: loc(node)
  }
  call.arguments = structured
  if (receiver !== undefined) call.receiver = receiver
  const receiverNode =
    fnType === 'member_expression' || fnType === 'subscript_expression'
      ? fnNode!.childForFieldName('object')
      : null
  const ancestors = state.contextAncestors ?? []
  const context = siteContext(
    node,
    'js',
    contextCache(state),
    ancestors,
    ancestors.length,
    receiverNode
  )
  if (context) call.context = context
  if (state.statements.has(node.id)) call.statement = true
  const boundTo = state.assignedTo.get(node.id)
  if (boundTo !== undefined) call.assignedTo = boundTo
  const stored = state.storedAt.get(node.id)
  if (stored !== undefined) call.storedAt = stored
  const within = state.boundWithin.get(node.id)
  if (within !== undefined) call.boundWithin = within
  state.model.calls.push(withEnclosing(state, call))
  return fnNode
}

/** Whether `name` is the parameter of an enclosing catch clause of the same function. */
function catchParamInScope(state: JsState, name: string): boolean {
  let frame = topFrame(state)?.catchFrame
  for (let i = 0; frame && i < 64; i++) {
    if (frame.catchParam === name) return true
    frame = frame.outerCatch
  }
  return false
}

export function handleThrow(state: JsState, node: Node): void {
  const expr = unwrapParens(
    node.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? null
  )
  const site: ThrowSite = { text: slice(state, expr, 200), rethrow: false, loc: loc(node) }
  if (expr?.type === 'new_expression' || expr?.type === 'call_expression') {
    const ctor = expr.childForFieldName(expr.type === 'new_expression' ? 'constructor' : 'function')
    if (expr.type === 'new_expression') site.errorType = slice(state, ctor, 100)
    const first = expr.childForFieldName('arguments')?.namedChild(0)
    const message = stringValue(state, first)
    if (message !== undefined) site.message = message
  } else if (expr?.type === 'identifier') {
    const name = slice(state, expr, 100)
    if (catchParamInScope(state, name)) site.rethrow = true
    else site.errorType = name
  } else if (expr && (expr.type === 'string' || expr.type === 'template_string')) {
    const message = stringValue(state, expr)
    if (message !== undefined) site.message = message
  }
  const frame = topFrame(state)
  if (frame?.guardText !== undefined) site.guard = frame.guardText
  const handler = frame?.catchFrame?.handler
  if (handler) handler.rethrows = true
  const ancestors = state.contextAncestors ?? []
  const context = siteContext(node, 'js', contextCache(state), ancestors, ancestors.length)
  if (context) site.context = context
  state.model.throws.push(withEnclosing(state, site))
}

const LOG_RECEIVERS = new Set(['console', 'logger', 'log', 'this.logger', 'this.log', 'core'])

function isLoggingStatement(state: JsState, stmt: Node): boolean {
  if (stmt.type !== 'expression_statement') return false
  let call = stmt.namedChild(0)
  if (call?.type === 'await_expression') call = call.namedChild(0)
  if (call?.type !== 'call_expression') return false
  const fn = call.childForFieldName('function')
  if (fn?.type !== 'member_expression') return false
  return LOG_RECEIVERS.has(slice(state, fn.childForFieldName('object'), 40))
}

function isSwallowingStatement(state: JsState, stmt: Node): boolean {
  if (
    stmt.type === 'continue_statement' ||
    stmt.type === 'break_statement' ||
    stmt.type === 'empty_statement'
  )
    return true
  if (stmt.type === 'return_statement') {
    const value = stmt.namedChildren.find((c) => c !== null && c.type !== 'comment')
    return (
      !value ||
      value.type === 'undefined' ||
      value.type === 'null' ||
      slice(state, value, 10) === 'undefined'
    )
  }
  return false
}

function catchHandler(state: JsState, clause: Node): CatchHandler {
  const param = clause.childForFieldName('parameter')
  const body = clause.childForFieldName('body')
  const statements = body
    ? body.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment')
    : []
  const handler: CatchHandler = {
    types: [],
    bare: false,
    empty: statements.length === 0,
    onlyLogs: statements.length > 0 && statements.every((s) => isLoggingStatement(state, s)),
    rethrows: false,
    swallows: statements.every((s) => isSwallowingStatement(state, s)),
    loc: loc(clause)
  }
  if (param) handler.param = slice(state, param, 100)
  // `types` stays empty: a JavaScript catch clause catches everything (`catch (e: unknown)` is no filter).
  return handler
}

export function handleTry(state: JsState, node: Node): void {
  const handlers: CatchHandler[] = []
  const clause = node.childForFieldName('handler')
  if (clause) {
    const handler = catchHandler(state, clause)
    state.catchHandlers.set(clause.startIndex, handler)
    handlers.push(handler)
  }
  const tryBlock = {
    handlers,
    hasFinally: node.childForFieldName('finalizer') !== null,
    loc: loc(node)
  }
  state.model.tries.push(withEnclosing<TryBlock>(state, tryBlock))
}

/** The frame for a catch clause: handler of the innermost try recorded for it. */
export function enterCatch(state: JsState, node: Node): NewFrame {
  addDecision(state)
  const handler = state.catchHandlers.get(node.startIndex)
  const end = node.endIndex
  const param = node.childForFieldName('parameter')
  const frame: NewFrame = { end, branchNode: node }
  if (handler) frame.handler = handler
  if (param?.type === 'identifier') frame.catchParam = slice(state, param, 100)
  return frame
}

function conditionOf(state: JsState, kind: Condition['kind'], expr: Node, at: Node): Condition {
  const inner = unwrapParens(expr) ?? expr
  return withEnclosing<Condition>(state, {
    kind,
    text: slice(state, inner, CONDITION_MAX),
    comparisons: [],
    loc: loc(at)
  })
}

/** A frame carrying a condition whose comparisons are collected while the walk is inside it. */
export function conditionFrame(
  state: JsState,
  kind: Condition['kind'],
  expr: Node | null,
  at: Node
): NewFrame {
  const frame: NewFrame = { end: at.endIndex }
  if (kind === 'if' || kind === 'ternary') frame.branchNode = at
  if (!expr || expr.type === ';' || expr.type === 'empty_statement') return frame
  const condition = conditionOf(state, kind, expr, at)
  state.model.conditions.push(condition)
  frame.condition = condition
  frame.condStart = expr.startIndex
  frame.condEnd = expr.endIndex
  if (kind === 'if') frame.guard = condition.text
  return frame
}

/** `require.main === module`, or the ESM idiom `import.meta.url === pathToFileURL(process.argv[1]).href`. */
function isMainCheck(left: string, right: string): boolean {
  if (
    (left === 'require.main' && right === 'module') ||
    (right === 'require.main' && left === 'module')
  )
    return true
  return (
    (left === 'import.meta.url' && right.includes('process.argv[1]')) ||
    (right === 'import.meta.url' && left.includes('process.argv[1]'))
  )
}

export function handleBinary(state: JsState, node: Node): void {
  // One call for all children is cheaper than three field look-ups: this runs for every operator.
  const children = node.children
  let i = 1
  while (i < children.length - 1 && children[i]?.type === 'comment') i++
  const op = children[i]?.type ?? ''
  if (op === '&&' || op === '||' || op === '??') {
    addDecision(state)
    return
  }
  if (!COMPARISON_OPERATORS.has(op)) return
  const left = children[0]
  const right = children[children.length - 1]
  const leftText = slice(state, left, 100)
  const rightText = slice(state, right, 100)
  if ((op === '===' || op === '==') && isMainCheck(leftText, rightText)) state.model.hasMain = true
  // The condition being read is one of the innermost frames; looking a few up is enough, and keeps
  // comparisons outside any condition from scanning deep stacks.
  const start = node.startIndex
  const frames = state.frames
  for (let i = frames.length - 1; i >= 0 && i >= frames.length - 8; i--) {
    const f = frames[i]
    if (f.fn !== undefined) return
    if (f.condition && start >= f.condStart! && node.endIndex <= f.condEnd!) {
      f.condition.comparisons.push(comparison(state, op, left, right, leftText, rightText))
      return
    }
  }
}

function comparison(
  state: JsState,
  operator: string,
  left: Node | null,
  right: Node | null,
  leftText: string,
  rightText: string
): Comparison {
  const c: Comparison = { operator, left: leftText, right: rightText }
  const r = literalValue(state, right)
  if (r) {
    c.literal = r.value
    c.literalSide = 'right'
    if (r.bigint) c.literalBigint = true
  } else {
    const l = literalValue(state, left)
    if (l) {
      c.literal = l.value
      c.literalSide = 'left'
      if (l.bigint) c.literalBigint = true
    }
  }
  return c
}

/** A switch statement; each `case` also becomes a condition comparing the discriminant to the case value. */
export function handleSwitch(state: JsState, node: Node): void {
  const value = unwrapParens(node.childForFieldName('value'))
  const discriminant = slice(state, value, 200)
  const cases: string[] = []
  let hasDefault = false
  const body = node.childForFieldName('body')
  for (const c of body?.namedChildren ?? []) {
    if (!c) continue
    if (c.type === 'switch_default') hasDefault = true
    else if (c.type === 'switch_case') {
      const v = c.childForFieldName('value')
      cases.push(slice(state, v, 100))
      addDecision(state)
      const condition = conditionOf(state, 'case', v ?? c, c)
      condition.comparisons.push(
        comparison(state, '===', value, v, discriminant, slice(state, v, 100))
      )
      state.model.conditions.push(condition)
    }
  }
  state.model.switches.push(
    withEnclosing<SwitchStatement>(state, {
      discriminant,
      cases,
      hasDefault,
      kind: 'switch',
      loc: loc(node)
    })
  )
}

/** What a counting loop runs over: `items` in `for (let i = 0; i < items.length; i++)`. */
function countedOver(state: JsState, condition: Node | null): string | undefined {
  let c = condition
  if (c?.type === 'expression_statement') c = c.namedChild(0)
  if (c?.type !== 'binary_expression') return undefined
  const right = c.childForFieldName('right')
  if (
    right?.type === 'member_expression' &&
    slice(state, right.childForFieldName('property'), 10) === 'length'
  ) {
    return slice(state, right.childForFieldName('object'), 200)
  }
  return right ? slice(state, right, 200) : undefined
}

export function enterLoop(state: JsState, node: Node): NewFrame {
  addDecision(state)
  const body = node.childForFieldName('body')
  const headerEnd =
    node.type === 'do_statement' ? node.endIndex : (body?.startIndex ?? node.endIndex)
  const header = state.source
    .slice(node.startIndex, Math.min(headerEnd, node.startIndex + 200))
    .trim()
  let kind: Loop['kind']
  let iterates: string | undefined
  let conditionNode: Node | null = null
  let conditionKind: Condition['kind'] = 'while'
  let hasAwait = false
  switch (node.type) {
    case 'for_in_statement': {
      const op = node.childForFieldName('operator')?.type
      kind = op === 'in' ? 'for-in' : 'for-of'
      iterates = slice(state, node.childForFieldName('right'), 200)
      hasAwait = node.child(1)?.type === 'await'
      break
    }
    case 'for_statement':
      kind = 'for'
      conditionNode = node.childForFieldName('condition')
      conditionKind = 'for'
      iterates = countedOver(state, conditionNode)
      break
    case 'do_statement':
      kind = 'do-while'
      conditionNode = node.childForFieldName('condition')
      break
    default:
      kind = 'while'
      conditionNode = node.childForFieldName('condition')
      break
  }
  const loop: Loop = withEnclosing<Loop>(state, {
    kind,
    depth: (topFrame(state)?.loopCount ?? 0) + 1,
    header: header.length > 200 ? `${header}…` : header,
    hasAwait,
    loc: loc(node)
  })
  if (iterates !== undefined) loop.iterates = iterates
  state.model.loops.push(loop)
  if (conditionNode?.type === 'expression_statement') conditionNode = conditionNode.namedChild(0)
  const frame = conditionFrame(state, conditionKind, conditionNode, node)
  frame.loop = loop
  frame.branchNode = node
  return frame
}
