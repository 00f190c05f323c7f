// What dominates a site inside its function, read from the tree: the enclosing branches with their
// polarity, early exits and defaults before it, short-circuit and optional-chain context, and the
// nearest try with what its handlers do. One walk up the parents (bounded), with the early exits of
// each block computed once per block.
import type { Node } from 'web-tree-sitter'
import type { HandlerAction, SiteContext, SiteGuard, TryContext } from '../types.js'

export type ContextLanguage = 'js' | 'py'

const TEXT_MAX = 200
/** Deeper than any real nesting of statements; a 10,000-deep expression stops here. */
const MAX_ANCESTORS = 80
/** Preceding statements examined per block: a generated 50,000-statement block stays linear. */
const MAX_BLOCK_STATEMENTS = 400

/** Node types of JavaScript/TypeScript functions; the extractor (javascript.ts) shares this set. */
export const JS_FUNCTION_TYPES: ReadonlySet<string> = new Set([
  'function_declaration',
  'generator_function_declaration',
  'function_expression',
  'function',
  'generator_function',
  'arrow_function',
  'method_definition'
])
/** The search for a site's guards stops at these: its function, or the class it sits in. */
const JS_FUNCTIONS = new Set([...JS_FUNCTION_TYPES, 'class_declaration', 'class', 'class_body'])
const PY_FUNCTIONS = new Set(['function_definition', 'lambda', 'class_definition'])
const JS_BLOCKS = new Set(['statement_block'])
const PY_BLOCKS = new Set(['block', 'module'])
const JS_EXITS = new Set([
  'return_statement',
  'throw_statement',
  'break_statement',
  'continue_statement'
])
const PY_EXITS = new Set([
  'return_statement',
  'raise_statement',
  'break_statement',
  'continue_statement'
])
const LOG_ROOTS = new Set([
  'console',
  'logger',
  'log',
  'logging',
  'warnings',
  'this.logger',
  'this.log',
  'self.logger',
  'self.log',
  'self._logger',
  'core'
])
const LOG_FUNCTIONS = new Set(['print', 'warn', 'debug', 'info'])

/** Per-module cache: block id -> what its statements guard for later statements. */
export type ContextCache = Map<number, BlockGuard[]>

interface BlockGuard {
  /** Applies to sites starting at or after this index. */
  end: number
  guard: SiteGuard
}

export function newContextCache(): ContextCache {
  return new Map()
}

function cut(text: string): string {
  return text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX)}…` : text
}

function unwrap(node: Node | null): Node | null {
  let n = node
  while (n && n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)
  return n
}

function named(node: Node | null): Node[] {
  if (!node) return []
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment')
}

function guard(
  kind: SiteGuard['kind'],
  node: Node | null,
  holds: boolean,
  text?: string
): SiteGuard {
  return {
    kind,
    text: cut(text ?? unwrap(node)?.text ?? ''),
    holds,
    line: (node?.startPosition.row ?? 0) + 1
  }
}

/** Node types whose presence above a site the extractors track (their ancestor lists hold only these). */
export const JS_CONTEXT_TYPES = new Set([
  ...JS_FUNCTIONS,
  'if_statement',
  'else_clause',
  'ternary_expression',
  'binary_expression',
  'while_statement',
  'for_statement',
  'do_statement',
  'switch_case',
  'statement_block',
  'try_statement'
])
export const PY_CONTEXT_TYPES = new Set([
  ...PY_FUNCTIONS,
  'if_statement',
  'elif_clause',
  'else_clause',
  'conditional_expression',
  'boolean_operator',
  'while_statement',
  'case_clause',
  'block',
  'module',
  'try_statement'
])

/**
 * The guards and try around `site`, innermost first; undefined when there are none. `ancestors` are the
 * site's enclosing nodes of the context types, outermost first (the first `count` entries; holes allowed):
 * the extractors keep them as they walk, because `Node.parent` costs a walk down from the root each time.
 */
export function siteContext(
  site: Node,
  lang: ContextLanguage,
  cache: ContextCache,
  ancestors: readonly (Node | undefined)[],
  count: number,
  receiver?: Node | null
): SiteContext | undefined {
  const guards: SiteGuard[] = []
  let tryContext: TryContext | undefined
  if (receiver) receiverGuards(receiver, lang, guards)
  const functions = lang === 'js' ? JS_FUNCTIONS : PY_FUNCTIONS
  const blocks = lang === 'js' ? JS_BLOCKS : PY_BLOCKS
  let seen = 0
  let leaves: SiteContext['leaves']
  let innermostBlock = true
  for (let i = Math.min(count, ancestors.length) - 1; i >= 0 && seen < MAX_ANCESTORS; i--) {
    const parent = ancestors[i]
    if (!parent) continue
    seen++
    if (parent.startIndex > site.startIndex || parent.endIndex < site.endIndex) continue
    if (functions.has(parent.type)) break
    if (blocks.has(parent.type)) {
      if (innermostBlock) {
        innermostBlock = false
        const outer = ancestors[i - 1]
        leaves = blockLeaves(parent, !!outer && functions.has(outer.type) && holds(outer, parent))
      }
      for (const g of blockGuards(parent, lang, cache))
        if (g.end <= site.startIndex) guards.push(g.guard)
    } else if (lang === 'js') jsAncestor(parent, site, guards)
    else pyAncestor(parent, site, guards)
    if (
      !tryContext &&
      parent.type === 'try_statement' &&
      holds(parent.childForFieldName('body'), site)
    ) {
      tryContext = lang === 'js' ? jsTry(parent) : pyTry(parent)
    }
  }
  if (guards.length === 0 && !tryContext && !leaves) return undefined
  const context: SiteContext = tryContext ? { guards, try: tryContext } : { guards }
  if (leaves) context.leaves = leaves
  return context
}

/**
 * How the block a site sits in ends, when it leaves: its last statement returns, throws or breaks. A
 * function's own body ends with a return on every call, so there only a throw counts.
 */
function blockLeaves(block: Node, functionBody: boolean): SiteContext['leaves'] {
  const body = named(block)
  const last = body[body.length - 1]
  if (!last) return undefined
  if (last.type === 'throw_statement' || last.type === 'raise_statement') return 'throw'
  if (functionBody) return undefined
  if (last.type === 'return_statement') return 'return'
  if (last.type === 'break_statement') return 'break'
  return undefined
}

/** Whether `outer` spans `site`. */
function holds(outer: Node | null | undefined, site: Node): boolean {
  return !!outer && outer.startIndex <= site.startIndex && site.endIndex <= outer.endIndex
}

/** `a?.b.f()`: the receiver chain short-circuits; `(x || {}).f()`: the receiver has a default. */
function receiverGuards(receiver: Node, lang: ContextLanguage, out: SiteGuard[]): void {
  let n: Node | null = unwrap(receiver)
  for (let i = 0; n && i < 32; i++) {
    if (lang === 'js' && (n.type === 'binary_expression' || n.type === 'logical_expression')) {
      const op = n.childForFieldName('operator')?.type
      if (op === '||' || op === '??') out.push(guard('default', n.childForFieldName('left'), true))
      return
    }
    if (lang === 'py' && n.type === 'boolean_operator') {
      if (n.childForFieldName('operator')?.type === 'or')
        out.push(guard('default', n.childForFieldName('left'), true))
      return
    }
    if (
      lang === 'js' &&
      (n.type === 'member_expression' ||
        n.type === 'call_expression' ||
        n.type === 'subscript_expression')
    ) {
      const inner = n.childForFieldName(n.type === 'call_expression' ? 'function' : 'object')
      if (n.children.some((c) => c?.type === 'optional_chain'))
        out.push(guard('optional-chain', inner, true))
      n = unwrap(inner)
      continue
    }
    if (lang === 'py' && (n.type === 'attribute' || n.type === 'call' || n.type === 'subscript')) {
      n = unwrap(
        n.childForFieldName(
          n.type === 'call' ? 'function' : n.type === 'attribute' ? 'object' : 'value'
        )
      )
      continue
    }
    return
  }
}

function jsAncestor(parent: Node, child: Node, out: SiteGuard[]): void {
  switch (parent.type) {
    case 'if_statement': {
      const condition = parent.childForFieldName('condition')
      if (holds(parent.childForFieldName('consequence'), child))
        out.push(guard('if', condition, true))
      else if (
        holds(
          named(parent).find((c) => c.type === 'else_clause'),
          child
        )
      )
        out.push(guard('else', condition, false))
      return
    }
    case 'ternary_expression': {
      const condition = parent.childForFieldName('condition')
      if (holds(parent.childForFieldName('consequence'), child))
        out.push(guard('ternary', condition, true))
      else if (holds(parent.childForFieldName('alternative'), child))
        out.push(guard('ternary', condition, false))
      return
    }
    case 'binary_expression': {
      if (!holds(parent.childForFieldName('right'), child)) return
      const op = parent.childForFieldName('operator')?.type
      const left = parent.childForFieldName('left')
      if (op === '&&') out.push(guard('and', left, true))
      else if (op === '||') out.push(guard('or', left, false))
      else if (op === '??') out.push(guard('nullish', left, false))
      return
    }
    case 'while_statement':
    case 'for_statement':
    case 'do_statement':
      if (holds(parent.childForFieldName('body'), child)) {
        const condition = parent.childForFieldName('condition')
        if (condition && condition.type !== ';' && condition.text.trim() !== ';')
          out.push(guard('loop', condition, true))
      }
      return
    case 'switch_case':
      out.push(guard('case', parent.childForFieldName('value'), true))
      return
    default:
  }
}

function pyAncestor(parent: Node, child: Node, out: SiteGuard[]): void {
  switch (parent.type) {
    case 'if_statement': {
      const condition = parent.childForFieldName('condition')
      if (holds(parent.childForFieldName('consequence'), child)) {
        out.push(guard('if', condition, true))
        return
      }
      const clauses = named(parent).filter(
        (c) => c.type === 'elif_clause' || c.type === 'else_clause'
      )
      const inClause = clauses.findIndex((c) => holds(c, child))
      if (inClause < 0) return
      // Every earlier condition of the chain failed.
      out.push(guard('else', condition, false))
      for (const c of clauses.slice(0, inClause))
        if (c.type === 'elif_clause')
          out.push(guard('else', c.childForFieldName('condition'), false))
      return
    }
    case 'elif_clause':
      if (holds(parent.childForFieldName('consequence'), child))
        out.push(guard('if', parent.childForFieldName('condition'), true))
      return
    case 'conditional_expression': {
      const [whenTrue, condition, whenFalse] = named(parent)
      if (whenTrue && holds(whenTrue, child)) out.push(guard('ternary', condition ?? null, true))
      else if (whenFalse && holds(whenFalse, child))
        out.push(guard('ternary', condition ?? null, false))
      return
    }
    case 'boolean_operator': {
      if (!holds(parent.childForFieldName('right'), child)) return
      const op = parent.childForFieldName('operator')?.type
      const left = parent.childForFieldName('left')
      if (op === 'and') out.push(guard('and', left, true))
      else if (op === 'or') out.push(guard('or', left, false))
      return
    }
    case 'while_statement':
      if (holds(parent.childForFieldName('body'), child))
        out.push(guard('loop', parent.childForFieldName('condition'), true))
      return
    case 'case_clause': {
      const pattern = named(parent).find((c) => c.type === 'case_pattern')
      out.push(guard('case', pattern ?? null, true))
      return
    }
    default:
  }
}

/** What each statement of a block guards for the statements after it: early exits, asserts, defaults. */
function blockGuards(block: Node, lang: ContextLanguage, cache: ContextCache): BlockGuard[] {
  const cached = cache.get(block.id)
  if (cached) return cached
  const out: BlockGuard[] = []
  const statements = named(block).slice(0, MAX_BLOCK_STATEMENTS)
  for (const s of statements) {
    const g = lang === 'js' ? jsStatementGuard(s) : pyStatementGuard(s)
    if (g) out.push({ end: s.endIndex, guard: g })
  }
  cache.set(block.id, out)
  return out
}

function exitsJs(statement: Node | null): boolean {
  if (!statement) return false
  if (JS_EXITS.has(statement.type)) return true
  if (statement.type === 'statement_block') {
    const body = named(statement)
    return body.length > 0 && JS_EXITS.has(body[body.length - 1].type)
  }
  return false
}

/** The name an assignment statement writes, when it writes a plain name from a default: `x = x || v`. */
function jsDefaulted(statement: Node): string | undefined {
  if (statement.type !== 'expression_statement') return undefined
  const expr = unwrap(statement.namedChild(0))
  if (!expr) return undefined
  if (expr.type === 'augmented_assignment_expression') {
    const op = expr.childForFieldName('operator')?.type
    if (op === '||=' || op === '??=') return expr.childForFieldName('left')?.text
    return undefined
  }
  if (expr.type === 'assignment_expression') {
    const left = expr.childForFieldName('left')?.text
    const right = unwrap(expr.childForFieldName('right'))
    if (!left || right?.type !== 'binary_expression') return undefined
    const op = right.childForFieldName('operator')?.type
    if ((op === '||' || op === '??') && unwrap(right.childForFieldName('left'))?.text === left)
      return left
  }
  return undefined
}

function jsStatementGuard(s: Node): SiteGuard | undefined {
  if (s.type === 'if_statement') {
    if (s.childForFieldName('alternative')) return undefined
    const condition = s.childForFieldName('condition')
    const consequence = s.childForFieldName('consequence')
    if (exitsJs(consequence)) return guard('early-exit', condition, false)
    // `if (!x) x = {}`: x has a value after it.
    const body =
      consequence?.type === 'statement_block'
        ? named(consequence)
        : consequence
          ? [consequence]
          : []
    if (body.length === 1 && body[0].type === 'expression_statement') {
      const assigned = unwrap(body[0].namedChild(0))
      const target =
        assigned?.type === 'assignment_expression'
          ? assigned.childForFieldName('left')?.text
          : undefined
      if (target && condition?.text.includes(target))
        return guard('default', condition, true, target)
    }
    return undefined
  }
  const defaulted = jsDefaulted(s)
  return defaulted ? guard('default', s, true, defaulted) : undefined
}

function exitsPy(block: Node | null): boolean {
  const body = named(block)
  return body.length > 0 && PY_EXITS.has(body[body.length - 1].type)
}

function pyStatementGuard(s: Node): SiteGuard | undefined {
  if (s.type === 'assert_statement') return guard('assert', s.namedChild(0), true)
  if (s.type === 'if_statement') {
    if (s.childForFieldName('alternative')) return undefined
    const condition = s.childForFieldName('condition')
    const consequence = s.childForFieldName('consequence')
    if (exitsPy(consequence)) return guard('early-exit', condition, false)
    // `if x is None: x = {}`: x has a value after it.
    const body = named(consequence)
    if (body.length === 1 && body[0].type === 'expression_statement') {
      const assigned = body[0].namedChild(0)
      const target =
        assigned?.type === 'assignment' ? assigned.childForFieldName('left')?.text : undefined
      if (target && condition?.text.includes(target))
        return guard('default', condition, true, target)
    }
    return undefined
  }
  if (s.type === 'expression_statement') {
    const a = s.namedChild(0)
    if (a?.type !== 'assignment') return undefined
    const left = a.childForFieldName('left')?.text
    const right = unwrap(a.childForFieldName('right'))
    if (
      left &&
      right?.type === 'boolean_operator' &&
      right.childForFieldName('operator')?.type === 'or' &&
      right.childForFieldName('left')?.text === left
    ) {
      return guard('default', s, true, left)
    }
  }
  return undefined
}

function isLogCall(call: Node | null, lang: ContextLanguage): boolean {
  const c = unwrap(call)
  if (!c) return false
  const inner = c.type === 'await_expression' ? unwrap(c.namedChild(0)) : c
  if (inner?.type !== (lang === 'js' ? 'call_expression' : 'call')) return false
  const fn = inner.childForFieldName('function')
  if (!fn) return false
  if (fn.type === 'identifier') return LOG_FUNCTIONS.has(fn.text)
  const object = fn.childForFieldName('object')
  return object !== null && LOG_ROOTS.has(object.text)
}

function handlerAction(
  body: Node[],
  param: string | undefined,
  lang: ContextLanguage
): HandlerAction {
  if (body.length === 0) return 'swallow'
  const throwType = lang === 'js' ? 'throw_statement' : 'raise_statement'
  const thrown = body.find((s) => s.type === throwType)
  if (thrown) {
    const what = unwrap(thrown.namedChild(0))
    if (!what || (param !== undefined && what.text === param)) return 'rethrow'
    return 'convert'
  }
  const last = body[body.length - 1]
  if (last.type === 'return_statement') return 'return-default'
  if (
    body.every(
      (s) =>
        s.type === 'pass_statement' ||
        s.type === 'continue_statement' ||
        s.type === 'break_statement' ||
        s.type === 'empty_statement'
    )
  ) {
    return 'swallow'
  }
  if (body.every((s) => s.type === 'expression_statement' && isLogCall(s.namedChild(0), lang)))
    return 'log-only'
  return 'handle'
}

function jsTry(node: Node): TryContext {
  const handler = node.childForFieldName('handler')
  const handlers: TryContext['handlers'] = []
  if (handler) {
    const param = handler.childForFieldName('parameter')?.text
    handlers.push({
      types: [],
      action: handlerAction(named(handler.childForFieldName('body')), param, 'js')
    })
  }
  return {
    handlers,
    hasFinally: node.childForFieldName('finalizer') !== null,
    line: node.startPosition.row + 1
  }
}

function pyTry(node: Node): TryContext {
  const handlers: TryContext['handlers'] = []
  let hasFinally = false
  for (const clause of named(node)) {
    if (clause.type === 'finally_clause') hasFinally = true
    if (clause.type !== 'except_clause' && clause.type !== 'except_group_clause') continue
    const parts = named(clause)
    const block = parts.find((p) => p.type === 'block') ?? null
    const head = parts.filter((p) => p.type !== 'block')
    let types: string[] = []
    let param: string | undefined
    for (const h of head) {
      if (h.type === 'as_pattern') {
        const value = h.namedChild(0)
        param = h.childForFieldName('alias')?.text ?? h.namedChild(1)?.text
        types = value ? typesOf(value) : []
      } else if (h.type !== 'identifier' || types.length === 0) {
        types = [...types, ...typesOf(h)]
      } else {
        param = h.text
      }
    }
    handlers.push({ types, action: handlerAction(named(block), param, 'py') })
  }
  return { handlers, hasFinally, line: node.startPosition.row + 1 }
}

function typesOf(node: Node): string[] {
  const n = unwrap(node)
  if (!n) return []
  if (n.type === 'tuple') return named(n).map((c) => c.text)
  return [n.text]
}
