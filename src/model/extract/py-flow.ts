// Control flow in Python: raise sites, try/except, if/elif/else guards, loops, match statements
// and comparisons inside conditions. Part of the Python walker (see python.ts).
import type { Node } from 'web-tree-sitter'
import type { CatchHandler, Location, Loop, TryBlock } from '../types.js'
import { loc, text } from './common.js'
import { PyScopes } from './py-frames.js'
import { type ContextCache, newContextCache, siteContext } from './site-context.js'
import { literalOf, namedKids, readComparisons, readHandler, stringValue } from './py-syntax.js'

/**
 * A loop's extent without its `else:` clause, which runs at most once after the loop (a `+=` there is
 * not repeated: judged false on webob's `for ... else: header += ...`).
 */
function loopLoc(node: Node): Location {
  const whole = loc(node)
  const body = node.childForFieldName('body')
  if (!body || !node.childForFieldName('alternative')) return whole
  const end = loc(body)
  return { ...whole, endLine: end.endLine, endColumn: end.endColumn }
}

export abstract class PyFlow extends PyScopes {
  /** Early exits and defaults of each block, computed once (site-context.ts). */
  protected readonly contextCache: ContextCache = newContextCache()
  /** Nodes of the context types by depth on the walker's current path (holes for other types). */
  protected readonly contextNodes: (Node | undefined)[] = []
  protected contextDepth = 0

  protected visitRaise(node: Node): void {
    let expr: Node | null = null
    const cursor = node.walk()
    if (cursor.gotoFirstChild()) {
      do {
        if (
          cursor.nodeIsNamed &&
          cursor.nodeType !== 'comment' &&
          cursor.currentFieldName !== 'cause'
        ) {
          expr = cursor.currentNode
          break
        }
      } while (cursor.gotoNextSibling())
    }
    cursor.delete()
    const cause = node.childForFieldName('cause')
    let guard: string | undefined
    let handler: CatchHandler | undefined
    for (const frame of this.framesInFunction()) {
      if (frame.kind === 'if' && guard === undefined) guard = frame.guard
      if (frame.kind === 'except' && handler === undefined) handler = frame.handler
    }
    if (handler) handler.rethrows = true
    let errorType: string | undefined
    let message: string | undefined
    let rethrow = expr === null
    if (expr?.type === 'call') {
      errorType = text(expr.childForFieldName('function'))
      const first = namedKids(expr.childForFieldName('arguments'))[0]
      if (first?.type === 'string') message = stringValue(first)
    } else if (expr && (expr.type === 'identifier' || expr.type === 'attribute')) {
      const name = text(expr)
      if (this.isCaughtName(name)) rethrow = true
      else errorType = name
    }
    const enclosing = this.enclosing()
    const context = siteContext(node, 'py', this.contextCache, this.contextNodes, this.contextDepth)
    this.model.throws.push({
      ...(errorType ? { errorType } : {}),
      ...(message !== undefined ? { message } : {}),
      text: expr ? text(expr) : '',
      ...(guard !== undefined ? { guard } : {}),
      rethrow,
      ...(cause ? { cause: text(cause, 100) } : {}),
      ...(enclosing ? { enclosing } : {}),
      ...(context ? { context } : {}),
      loc: loc(node)
    })
  }

  protected isCaughtName(name: string): boolean {
    for (const frame of this.framesInFunction()) {
      if (frame.kind === 'except' && frame.handler.param === name) return true
    }
    return false
  }

  protected visitTry(node: Node, depth: number): void {
    const enclosing = this.enclosing()
    const block: TryBlock = {
      handlers: [],
      hasFinally: namedKids(node).some((c) => c.type === 'finally_clause'),
      ...(namedKids(node).some((c) => c.type === 'else_clause') ? { hasElse: true } : {}),
      ...(enclosing ? { enclosing } : {}),
      loc: loc(node)
    }
    this.model.tries.push(block)
    this.frames.push({ kind: 'try', depth, block })
  }

  protected visitExcept(node: Node, depth: number): void {
    this.addComplexity()
    const handler = readHandler(node)
    const top = this.frames[this.frames.length - 1]
    if (top?.kind === 'try') top.block.handlers.push(handler)
    this.frames.push({ kind: 'except', depth, handler })
  }

  protected visitIf(node: Node, type: string, depth: number): void {
    this.addComplexity()
    const condition = node.childForFieldName('condition')
    if (!condition) return
    const cond = this.addCondition(type === 'if_statement' ? 'if' : 'elif', condition)
    const typeChecking = cond.text === 'TYPE_CHECKING' || cond.text === 'typing.TYPE_CHECKING'
    this.frames.push({ kind: 'if', depth, guard: cond.text, typeChecking, node })
  }

  /** An `else:` of an if statement guards its body with the negated condition. */
  protected visitElse(depth: number, node: Node): void {
    const top = this.frames[this.frames.length - 1]
    if (top?.kind === 'if' && top.depth === depth - 1) {
      this.frames.push({
        kind: 'if',
        depth,
        guard: `not (${top.guard})`,
        typeChecking: false,
        node
      })
    }
  }

  /** The innermost branch, loop or except clause of the current function: where a binding may not run. */
  protected currentBranch(): Location | undefined {
    for (const frame of this.framesInFunction()) {
      if (frame.kind === 'class') return undefined
      if (frame.kind === 'loop') return frame.loop.loc
      if (frame.kind === 'except') return frame.handler.loc
      if (frame.kind === 'if' && frame.node) {
        // Looked up once per branch: a branch can hold many bindings.
        if (!frame.branch)
          frame.branch = loc(
            frame.node.childForFieldName(
              frame.node.type === 'else_clause' ? 'body' : 'consequence'
            ) ?? frame.node
          )
        return frame.branch
      }
    }
    return undefined
  }

  protected loopDepth(): number {
    let n = 1
    for (const frame of this.framesInFunction()) if (frame.kind === 'loop') n++
    return n
  }

  protected addLoop(
    node: Node,
    kind: Loop['kind'],
    header: string,
    iterates: string | undefined,
    depth: number,
    extent?: Location
  ): void {
    const enclosing = this.enclosing()
    const target = node.childForFieldName('left')
    const loop: Loop = {
      kind,
      depth: this.loopDepth(),
      ...(iterates !== undefined ? { iterates } : {}),
      header,
      ...(target?.type === 'identifier' ? { variable: target.text } : {}),
      ...(extent ? { extent } : {}),
      hasAwait: node.firstChild?.type === 'async',
      ...(enclosing ? { enclosing } : {}),
      loc: loopLoc(node)
    }
    this.model.loops.push(loop)
    this.frames.push({ kind: 'loop', depth, loop })
  }

  protected visitWhile(node: Node, depth: number): void {
    this.addComplexity()
    const condition = node.childForFieldName('condition')
    if (condition) this.addCondition('while', condition)
    this.addLoop(node, 'while', `while ${text(condition)}`, undefined, depth)
  }

  protected visitFor(node: Node, depth: number): void {
    this.addComplexity()
    const body = node.childForFieldName('body')
    const end = body ? Math.min(body.startIndex, node.startIndex + 200) : node.startIndex + 200
    const header = node.text
      .slice(0, end - node.startIndex)
      .trim()
      .replace(/:$/, '')
    this.addLoop(node, 'for', header, text(node.childForFieldName('right')), depth)
  }

  /** Each `for` of a comprehension is a loop; the frame lasts to the end of the comprehension. */
  protected visitComprehensionFor(node: Node, depth: number): void {
    this.addLoop(
      node,
      'comprehension',
      text(node),
      text(node.childForFieldName('right')),
      depth - 1,
      node.parent ? loc(node.parent) : undefined
    )
    // `[k for k, n in counts.items() if n > 1]`: an `if` clause keeps a subset of what it walks.
    if (node.parent && namedKids(node.parent).some((c) => c.type === 'if_clause'))
      this.model.loops[this.model.loops.length - 1].filtered = true
  }

  protected markAwaitInLoops(): void {
    for (const frame of this.framesInFunction())
      if (frame.kind === 'loop') frame.loop.hasAwait = true
  }

  protected visitCase(node: Node): void {
    this.addComplexity()
    const guard = node.childForFieldName('guard')
    const condition = guard ? namedKids(guard)[0] : undefined
    if (condition) this.addCondition('guard', condition)
  }

  protected visitMatch(node: Node): void {
    const subject = node.childForFieldName('subject')
    const subjectText = text(subject)
    const cases: string[] = []
    let hasDefault = false
    for (const clause of namedKids(node.childForFieldName('body'))) {
      if (clause.type !== 'case_clause') continue
      const patterns = namedKids(clause).filter((c) => c.type === 'case_pattern')
      const patternText = patterns.map((p) => text(p)).join(', ')
      cases.push(patternText)
      const guarded = clause.childForFieldName('guard') !== null
      const irrefutable =
        patterns.length === 1 &&
        (patternText === '_' ||
          (patterns[0].namedChild(0)?.type === 'dotted_name' && !patternText.includes('.')))
      if (irrefutable && !guarded) hasDefault = true
      this.addCaseCondition(clause, patterns, subjectText)
    }
    const enclosing = this.enclosing()
    this.model.switches.push({
      discriminant: subjectText,
      cases,
      hasDefault,
      kind: 'match',
      ...(enclosing ? { enclosing } : {}),
      loc: loc(node)
    })
  }

  /** `case 0 | 1:` compares the subject with literals. */
  protected addCaseCondition(clause: Node, patterns: Node[], subject: string): void {
    if (patterns.length !== 1) return
    const inner = patterns[0].namedChild(0)
    const alternatives = inner?.type === 'union_pattern' ? namedKids(inner) : inner ? [inner] : []
    const comparisons = []
    for (const alt of alternatives) {
      const literal = literalOf(alt)
      if (!literal) return
      comparisons.push({
        operator: '==',
        left: subject,
        right: text(alt),
        literal: literal.value,
        literalSide: 'right' as const
      })
    }
    if (comparisons.length === 0) return
    const enclosing = this.enclosing()
    this.model.conditions.push({
      kind: 'case',
      text: text(patterns[0]),
      comparisons,
      ...(enclosing ? { enclosing } : {}),
      loc: loc(clause)
    })
  }

  protected visitComparison(node: Node): void {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]
      if (frame.kind === 'fn') return
      if (frame.kind === 'cond') {
        frame.cond.comparisons.push(...readComparisons(node))
        return
      }
    }
  }
}
