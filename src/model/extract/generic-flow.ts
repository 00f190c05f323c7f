// Control flow for the generic extractor: throw/raise/panic sites, try/catch/rescue handlers,
// conditions with their literal comparisons, loops and switches.
import type { Node } from 'web-tree-sitter'
import type { CatchHandler, Comparison, Condition, Loop, TryBlock } from '../types.js'
import { loc, text } from './common.js'
import { GenericScopes } from './generic-frames.js'
import { COMPARISON_OPERATORS, isBooleanOperator } from './generic-langs.js'
import { genericLiteral, isLogCallee, kids } from './generic-specials.js'

export abstract class GenericFlow extends GenericScopes {
  protected visitThrow(node: Node, expr: Node | null, messageOnly = false): void {
    let errorType: string | undefined
    let message: string | undefined
    let rethrow = false
    if (messageOnly) {
      const literal = genericLiteral(expr)
      if (literal && typeof literal.value === 'string') message = literal.value
    } else if (!expr) {
      rethrow = true
    } else if (expr.type === 'object_creation_expression') {
      const typeNode =
        expr.childForFieldName('type') ??
        kids(expr).find((k) => k.type === 'name' || k.type === 'qualified_name') ??
        null
      errorType = text(typeNode).replace(/^\\/, '')
      const argsNode =
        expr.childForFieldName('arguments') ??
        kids(expr).find((k) => k.type === 'arguments') ??
        null
      const first = kids(argsNode)[0]
      const literal = genericLiteral(first?.type === 'argument' ? kids(first)[0] : first)
      if (literal && typeof literal.value === 'string') message = literal.value
    } else if (this.isCaughtName(expr.text)) {
      rethrow = true
    } else {
      errorType = text(expr)
    }
    this.addThrow(node, expr, errorType, message, rethrow)
  }

  protected rubyRaise(node: Node, argsNode: Node | null): void {
    const args = kids(argsNode)
    let errorType: string | undefined
    let message: string | undefined
    let rethrow = args.length === 0
    const first = args[0]
    if (first?.type === 'constant' || first?.type === 'scope_resolution') {
      errorType = text(first)
      const literal = genericLiteral(args[1] ?? null)
      if (literal && typeof literal.value === 'string') message = literal.value
    } else if (first?.type === 'string') {
      errorType = 'RuntimeError'
      const literal = genericLiteral(first)
      if (literal && typeof literal.value === 'string') message = literal.value
    } else if (first && this.isCaughtName(first.text)) {
      rethrow = true
    }
    this.addThrow(node, first ?? null, errorType, message, rethrow)
  }

  protected addThrow(
    node: Node,
    expr: Node | null,
    errorType: string | undefined,
    message: string | undefined,
    rethrow: boolean
  ): void {
    let guard: string | undefined
    let handler: CatchHandler | undefined
    for (const frame of this.framesInFunction()) {
      if (frame.kind === 'if' && guard === undefined) guard = frame.guard
      if (frame.kind === 'handler' && handler === undefined) handler = frame.handler
    }
    if (handler) handler.rethrows = true
    const enclosing = this.currentFunction()?.qualifiedName
    this.model.throws.push({
      ...(errorType ? { errorType } : {}),
      ...(message !== undefined ? { message } : {}),
      text: expr ? text(expr) : '',
      ...(guard !== undefined ? { guard } : {}),
      rethrow,
      ...(enclosing ? { enclosing } : {}),
      loc: loc(node)
    })
  }

  protected isCaughtName(name: string): boolean {
    const bare = name.replace(/^\$/, '')
    for (const frame of this.framesInFunction())
      if (frame.kind === 'handler' && frame.handler.param === bare) return true
    return false
  }

  protected visitTry(node: Node, depth: number): void {
    if (
      this.language === 'ruby' &&
      !kids(node).some((k) => k.type === 'rescue' || k.type === 'ensure')
    )
      return
    const enclosing = this.currentFunction()?.qualifiedName
    const block: TryBlock = {
      handlers: [],
      hasFinally: kids(node).some((k) => this.table.finallies.has(k.type)),
      ...(enclosing ? { enclosing } : {}),
      loc: loc(node)
    }
    this.model.tries.push(block)
    this.frames.push({ kind: 'try', depth, block })
  }

  /** Ruby methods and blocks may `rescue` without `begin`. */
  protected rubyImplicitTry(node: Node, depth: number): void {
    if (kids(node).some((k) => k.type === 'rescue' || k.type === 'ensure'))
      this.visitTry(node, depth)
  }

  protected visitHandler(node: Node, depth: number): void {
    this.addComplexity()
    let types: string[] = []
    let param: string | undefined
    let body: Node | null = node.childForFieldName('body')
    switch (this.language) {
      case 'java': {
        const formal = kids(node).find((k) => k.type === 'catch_formal_parameter')
        types = kids(kids(formal).find((k) => k.type === 'catch_type')).map((k) => text(k))
        param = formal?.childForFieldName('name')?.text
        break
      }
      case 'csharp': {
        const declaration = kids(node).find((k) => k.type === 'catch_declaration')
        if (declaration) {
          types = [text(declaration.childForFieldName('type'))]
          param = declaration.childForFieldName('name')?.text
        }
        break
      }
      case 'php': {
        const typeNode = node.childForFieldName('type')
        types =
          typeNode?.type === 'type_list'
            ? kids(typeNode).map((k) => text(k))
            : typeNode
              ? [text(typeNode)]
              : []
        param = node.childForFieldName('name')?.text.replace(/^\$/, '')
        break
      }
      case 'ruby': {
        types = kids(node.childForFieldName('exceptions')).map((k) => text(k))
        const variable = node.childForFieldName('variable')
        param = variable ? text(kids(variable)[0] ?? variable) : undefined
        break
      }
      default:
        break
    }
    if (!body)
      body =
        kids(node)
          .filter((k) => k.type === 'block' || k.type === 'compound_statement')
          .pop() ?? null
    const statements = kids(body)
    const handler: CatchHandler = {
      types,
      bare: types.length === 0,
      empty: statements.length === 0,
      onlyLogs: statements.length > 0 && statements.every((s) => this.isLogStatement(s)),
      rethrows: false,
      swallows: statements.every(
        (s) =>
          (/^(continue|break|next|return_statement|return)$/.test(s.type) &&
            kids(s).length === 0) ||
          s.type === 'continue_statement' ||
          s.type === 'break_statement'
      ),
      loc: loc(node)
    }
    if (param) handler.param = param
    const top = this.frames[this.frames.length - 1]
    if (top?.kind === 'try') top.block.handlers.push(handler)
    this.frames.push({ kind: 'handler', depth, handler })
  }

  protected isLogStatement(statement: Node): boolean {
    const call = statement.type === 'expression_statement' ? kids(statement)[0] : statement
    if (!call) return false
    const rule = this.table.calls[call.type]
    if (!rule) return false
    if (rule.functionField) {
      const fn = call.childForFieldName(rule.functionField)
      const member = fn ? this.table.members[fn.type] : undefined
      const callee = call.type === 'macro_invocation' ? `${text(fn)}!` : text(fn)
      return isLogCallee(
        member ? text(fn?.childForFieldName(member[1])) : callee,
        member ? text(fn?.childForFieldName(member[0])) : undefined
      )
    }
    const recv = rule.receiverField ? call.childForFieldName(rule.receiverField) : null
    return isLogCallee(
      text(call.childForFieldName(rule.nameField ?? '')),
      recv ? text(recv) : undefined
    )
  }

  protected visitCondition(node: Node, type: string, depth: number): void {
    const kind = this.table.conditions[type]
    this.addComplexity()
    const conditionNode = node.childForFieldName('condition')
    if (!conditionNode) return
    const cond = this.addCondition(kind, conditionNode)
    if (kind === 'if' || kind === 'elif') {
      const negated = type === 'unless' || type === 'unless_modifier'
      this.frames.push({ kind: 'if', depth, guard: negated ? `not (${cond.text})` : cond.text })
    }
  }

  protected visitLoop(node: Node, type: string, depth: number): void {
    const rule = this.table.loops[type]
    this.addComplexity()
    let loopDepth = 1
    for (const frame of this.framesInFunction()) if (frame.kind === 'loop') loopDepth++
    const body = node.childForFieldName(rule.bodyField)
    const end = body ? Math.min(body.startIndex, node.startIndex + 200) : node.startIndex + 200
    const header = node.text.slice(0, Math.max(0, end - node.startIndex)).trim()
    let iterates = rule.iteratesField ? node.childForFieldName(rule.iteratesField) : null
    if (this.language === 'go') {
      const range = kids(node).find((k) => k.type === 'range_clause')
      if (range) iterates = range.childForFieldName('right')
    } else if (this.language === 'php' && type === 'foreach_statement') {
      iterates = kids(node)[0] ?? null
    }
    const enclosing = this.currentFunction()?.qualifiedName
    const kind = this.language === 'go' && iterates ? 'for-of' : rule.kind
    const loop: Loop = {
      kind,
      depth: loopDepth,
      ...(iterates ? { iterates: text(iterates) } : {}),
      header,
      hasAwait: header.includes('await'),
      ...(enclosing ? { enclosing } : {}),
      loc: loc(node)
    }
    this.model.loops.push(loop)
    this.frames.push({ kind: 'loop', depth, loop })
    const condition = node.childForFieldName('condition')
    if (condition) this.addCondition(kind === 'for' ? 'for' : 'while', condition)
  }

  protected visitBinary(node: Node): void {
    const operator = node.childForFieldName('operator')?.type ?? ''
    if (isBooleanOperator(operator)) return this.addComplexity()
    if (!COMPARISON_OPERATORS.has(operator)) return
    let cond: Condition | undefined
    for (const frame of this.framesInFunction()) {
      if (frame.kind === 'cond') {
        cond = frame.cond
        break
      }
    }
    if (!cond) return
    const left = node.childForFieldName('left')
    const right = node.childForFieldName('right')
    const comparison: Comparison = { operator, left: text(left), right: text(right) }
    const rightLiteral = genericLiteral(right)
    const leftLiteral = rightLiteral ? undefined : genericLiteral(left)
    if (rightLiteral)
      Object.assign(comparison, { literal: rightLiteral.value, literalSide: 'right' })
    else if (leftLiteral)
      Object.assign(comparison, { literal: leftLiteral.value, literalSide: 'left' })
    cond.comparisons.push(comparison)
  }

  protected visitSwitch(node: Node, type: string): void {
    const rule = this.table.switches[type]
    const cases: string[] = []
    let hasDefault = false
    const scan = (holder: Node, level: number): void => {
      for (const child of kids(holder)) {
        if (rule.defaultTypes.includes(child.type)) {
          hasDefault = true
          cases.push('default')
        } else if (rule.caseTypes.includes(child.type)) {
          const head = text(child, 120)
            .split(/\n/)[0]
            .replace(/\s*(:|=>|then\b).*$/, '')
            .trim()
          if (/^(default\b|_$)/.test(head)) hasDefault = true
          cases.push(head)
        } else if (level < 2) {
          scan(child, level + 1)
        }
      }
    }
    scan(node, 0)
    const enclosing = this.currentFunction()?.qualifiedName
    this.model.switches.push({
      discriminant: text(node.childForFieldName(rule.valueField)).replace(/^\((.*)\)$/s, '$1'),
      cases,
      hasDefault,
      kind: this.language === 'rust' ? 'match' : 'switch',
      ...(enclosing ? { enclosing } : {}),
      loc: loc(node)
    })
  }
}
