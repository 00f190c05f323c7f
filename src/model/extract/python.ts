// Python extractor: one iterative pass over a tree-sitter-python tree fills a ModuleModel.
// The walk uses a TreeCursor and an explicit frame stack (py-frames.ts), never recursion over the
// tree, so a 10,000-deep nesting cannot overflow the call stack. This file holds the walk itself,
// declarations, calls and strings; control flow is in py-flow.ts, assignments in py-assign.ts,
// the public API and test cases in py-api.ts.
//
// Conventions (see also py-syntax.ts for imports and parameters):
// - Docstrings (first statement string of a module, class or function) are not string literals.
// - Lambdas assigned to a name (`f = lambda x: x`) are functions of kind 'lambda'; other lambdas are
//   part of their enclosing function (their branches count towards its complexity).
// - qualifiedName nests with dots (`Class.method`, `outer.inner`); a repeated name (a property's
//   getter and setter) gets `#2`, `#3`.
// - Complexity: 1 + if, elif, for, while, except, each and/or, conditional expression, comprehension
//   if clause, match case.
import type { Node, Tree, TreeCursor } from 'web-tree-sitter'
import type { CallArgument, ClassDecl, FunctionDecl, ModuleModel, SourceFile } from '../types.js'
import { pyRaisesNotImplemented, pyEmptyBody } from './abstract-body.js'
import { pyArgument } from './py-arguments.js'
import { consoleScriptsOf } from './py-setup.js'
import { PY_CONTEXT_TYPES, siteContext } from './site-context.js'
import { emptyModule, loc, text } from './common.js'
import {
  finishPythonModule,
  newPyModuleState,
  type PyClassInfo,
  type PyFunctionInfo,
  type PyModuleState
} from './py-api.js'
import { visitPyAssignment } from './py-assign.js'
import { notePyBinding } from './py-bindings.js'
import { PyFlow } from './py-flow.js'
import {
  namedKids,
  readImports,
  readParameters,
  significantEnd,
  stringValue,
  visibilityOf
} from './py-syntax.js'

/** Most string literals kept per module: a generated file can hold millions. */
const MAX_STRINGS = 10_000
/** Most argument texts kept per call. */
const MAX_ARGS = 50

/** Most `name.attr` reads kept per test file (a generated test can hold millions). */
const MAX_ATTRIBUTE_READS = 5_000
/** A module object as written before an attribute: `stock`, `shop.util.text`. */
const DOTTED_NAME = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/

export function extractPython(source: SourceFile, tree: Tree, isTest: boolean): ModuleModel {
  const walker = new PythonWalker(source, tree, isTest)
  walker.run()
  const model = finishPythonModule(walker.state)
  if (model.test) model.test.memberReferences = walker.memberReferences()
  return model
}

class PythonWalker extends PyFlow {
  readonly state: PyModuleState
  /** The module's text: binding values are sliced from it (a node's `text` copies all of it first). */
  private readonly sourceText: string
  /** Lambda nodes (by id) bound to a name by an assignment. */
  private readonly namedLambdas = new Map<number, string>()
  private readonly docstrings = new Set<number>()
  /** Call nodes (by id) whose result an assignment binds to a plain name (`s = f()`, `s = await f()`). */
  private readonly boundCalls = new Map<number, string>()
  /** Node types along the current path, by depth (`node.parent` costs O(depth) in tree-sitter). */
  private readonly pathTypes: string[] = []
  /** The `decorated_definition` on the current path, if any, by depth. */
  private decorated: { depth: number; node: Node } | undefined
  /** Test files: every `name.attr` / `a.b.attr` read, kept when `name` / `a.b` turns out to be an import. */
  private readonly attributeReads = new Set<string>()

  constructor(
    source: SourceFile,
    private readonly tree: Tree,
    isTest: boolean
  ) {
    const model = emptyModule(source)
    model.isTest = isTest
    super(model)
    this.state = newPyModuleState(model)
    this.sourceText = source.text
  }

  run(): void {
    const root = this.tree.rootNode
    const checkMissing = root.hasError
    this.markDocstring(root)
    const cursor = this.tree.walk()
    let depth = 0
    for (;;) {
      const frames = this.frames
      while (frames.length > 0 && frames[frames.length - 1].depth >= depth) frames.pop()
      const type = cursor.nodeType
      this.pathTypes[depth] = type
      // Enclosing branches, blocks and tries, by depth: what site-context.ts reads for each call and raise.
      this.contextNodes[depth] = PY_CONTEXT_TYPES.has(type) ? cursor.currentNode : undefined
      this.contextDepth = depth
      if (type === 'ERROR' || (checkMissing && cursor.nodeIsMissing)) this.model.syntaxErrors++
      if (this.pendingConditions.size > 0) {
        const cond = this.pendingConditions.get(cursor.nodeId)
        if (cond) {
          this.pendingConditions.delete(cursor.nodeId)
          frames.push({ kind: 'cond', depth, cond })
        }
      }
      if (type !== 'comment' && cursor.nodeIsNamed) this.visit(cursor, type, depth)
      if (cursor.gotoFirstChild()) {
        depth++
        continue
      }
      let done = false
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          done = true
          break
        }
        depth--
      }
      if (done) break
    }
    cursor.delete()
    if (this.model.syntaxErrors > 0) this.model.status = 'partial'
  }

  private visit(cursor: TreeCursor, type: string, depth: number): void {
    switch (type) {
      case 'decorated_definition':
        this.decorated = { depth, node: cursor.currentNode }
        return
      case 'function_definition':
        return this.visitFunction(cursor.currentNode, depth)
      case 'class_definition':
        return this.visitClass(cursor.currentNode, depth)
      case 'lambda': {
        const name = this.namedLambdas.get(cursor.nodeId)
        if (name !== undefined) this.visitNamedLambda(cursor.currentNode, name, depth)
        return
      }
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        this.model.imports.push(...readImports(cursor.currentNode, this.inTypeChecking()))
        return
      case 'assignment': {
        const node = cursor.currentNode
        const left = node.childForFieldName('left')
        const right = node.childForFieldName('right')
        this.noteBoundCall(left, right)
        this.noteBinding(node, left, right)
        if (left?.type === 'attribute' && right?.type === 'identifier')
          this.noteHandedOn(right, 'attribute')
        return visitPyAssignment(node, this.assignmentContext())
      }
      case 'augmented_assignment': {
        const node = cursor.currentNode
        this.noteBinding(node, node.childForFieldName('left'), node.childForFieldName('right'))
        return visitPyAssignment(node, this.assignmentContext())
      }
      case 'call':
        return this.visitCall(cursor.currentNode, depth)
      case 'raise_statement':
        return this.visitRaise(cursor.currentNode)
      case 'try_statement':
        return this.visitTry(cursor.currentNode, depth)
      case 'except_clause':
      case 'except_group_clause':
        return this.visitExcept(cursor.currentNode, depth)
      case 'if_statement':
      case 'elif_clause':
        return this.visitIf(cursor.currentNode, type, depth)
      case 'else_clause':
        return this.visitElse(depth, cursor.currentNode)
      case 'while_statement':
        return this.visitWhile(cursor.currentNode, depth)
      case 'for_statement':
        return this.visitFor(cursor.currentNode, depth)
      case 'for_in_clause':
        return this.visitComprehensionFor(cursor.currentNode, depth)
      case 'conditional_expression': {
        this.addComplexity()
        const node = cursor.currentNode
        const condition = namedKids(node)[1]
        if (condition) this.addCondition('ternary', condition)
        return
      }
      case 'boolean_operator':
        return this.addComplexity()
      case 'if_clause':
        if (cursor.currentFieldName !== 'guard') this.addComplexity()
        return
      case 'case_clause':
        return this.visitCase(cursor.currentNode)
      case 'match_statement':
        return this.visitMatch(cursor.currentNode)
      case 'comparison_operator':
        return this.visitComparison(cursor.currentNode)
      case 'yield': {
        const fn = this.currentFunction()
        if (fn) fn.decl.generator = true
        const value = cursor.currentNode.namedChild(0)
        if (value?.type === 'identifier') this.noteHandedOn(value, 'yield')
        return
      }
      case 'return_statement': {
        const value = cursor.currentNode.namedChild(0)
        if (value?.type === 'identifier') this.noteHandedOn(value, 'return')
        return
      }
      case 'await':
        return this.markAwaitInLoops()
      case 'string':
        return this.visitString(cursor.currentNode)
      case 'subscript':
        return this.visitSubscript(cursor.currentNode, cursor.currentFieldName, depth)
      case 'identifier':
        return this.noteKwargsEscape(cursor, depth)
      case 'attribute':
        if (this.model.isTest) this.noteAttribute(cursor.currentNode)
        return
      default:
        return
    }
  }

  /**
   * `stock.reserve`, `pricing.TAX`, `shop.util.text.title`: a read through a name that may be a module
   * (`from . import stock`, `import shop.util.text`). Calls, class references and constants alike, so
   * that build.ts can turn reads through module imports into referenced symbols.
   */
  private noteAttribute(node: Node): void {
    if (this.attributeReads.size >= MAX_ATTRIBUTE_READS) return
    const object = node.childForFieldName('object')
    const attribute = node.childForFieldName('attribute')
    if (!object || !attribute || (object.type !== 'identifier' && object.type !== 'attribute'))
      return
    const head = text(object, 200)
    if (DOTTED_NAME.test(head)) this.attributeReads.add(`${head}.${text(attribute, 100)}`)
  }

  /** The attribute reads whose object is a name the file imports (`import a.b as x`, `from . import sub`). */
  memberReferences(): string[] {
    const locals = new Set<string>()
    for (const decl of this.model.imports)
      for (const n of decl.names) if (n.local !== '*') locals.add(n.local)
    const out: string[] = []
    for (const read of this.attributeReads)
      if (locals.has(read.slice(0, read.lastIndexOf('.')))) out.push(read)
    return out.sort()
  }

  private markDocstring(scope: Node | null): void {
    const first = namedKids(scope)[0]
    if (first?.type !== 'expression_statement') return
    const only = namedKids(first)
    if (
      only.length === 1 &&
      (only[0].type === 'string' || only[0].type === 'concatenated_string')
    ) {
      this.docstrings.add(only[0].id)
      for (const part of namedKids(only[0])) this.docstrings.add(part.id)
      const at = loc(only[0])
      ;(this.model.docstrings ??= []).push([at.startLine, at.endLine])
    }
  }

  // ---- declarations ----

  /** Decorator expressions of the def/class at `depth`, without the `@`. */
  private decoratorsOf(depth: number): string[] {
    const wrapper = this.decorated
    if (
      !wrapper ||
      wrapper.depth !== depth - 1 ||
      this.pathTypes[depth - 1] !== 'decorated_definition'
    )
      return []
    const out: string[] = []
    for (const child of namedKids(wrapper.node)) {
      if (child.type === 'decorator') out.push(text(child.namedChild(0)))
    }
    return out
  }

  private visitFunction(node: Node, depth: number): void {
    const name = text(node.childForFieldName('name'), 200) || '<anonymous>'
    const scope = this.currentScope()
    const cls = scope?.kind === 'class' ? scope.cls : undefined
    const decorators = this.decoratorsOf(depth)
    const isStatic = decorators.includes('staticmethod')
    const params = readParameters(
      node.childForFieldName('parameters'),
      cls !== undefined && !isStatic
    )
    const returnType = node.childForFieldName('return_type')
    const kind = !cls
      ? 'function'
      : name === '__init__'
        ? 'constructor'
        : decorators.some(
              (d) => d === 'property' || d.endsWith('.getter') || d.endsWith('cached_property')
            )
          ? 'getter'
          : decorators.some((d) => d.endsWith('.setter'))
            ? 'setter'
            : 'method'
    const at = declLoc(node)
    const decl: FunctionDecl = {
      name,
      qualifiedName: this.uniqueName(name),
      kind,
      params,
      ...(returnType ? { returnType: text(returnType) } : {}),
      async: node.firstChild?.type === 'async',
      generator: false,
      exported: false,
      loc: at,
      complexity: 1,
      lines: at.endLine - at.startLine + 1,
      ...(decorators.length > 0 ? { decorators } : {}),
      ...(pyRaisesNotImplemented(node.childForFieldName('body'))
        ? { raisesNotImplemented: true as const }
        : {}),
      ...(cls && pyEmptyBody(node.childForFieldName('body')) ? { emptyBody: true as const } : {})
    }
    if (cls && kind !== 'function') {
      decl.className = cls.decl.name
      if (!cls.decl.members.some((m) => m.name === name && m.kind === kind)) {
        cls.decl.members.push({
          name,
          kind,
          static: isStatic || decorators.includes('classmethod'),
          visibility: visibilityOf(name),
          loc: at
        })
      }
    }
    this.model.functions.push(decl)
    const info: PyFunctionInfo = { decl, decorators, topLevel: scope === undefined, cls }
    this.state.functions.push(info)
    this.frames.push({ kind: 'fn', depth, fn: info })
    this.markDocstring(node.childForFieldName('body'))
  }

  private visitNamedLambda(node: Node, name: string, depth: number): void {
    const scope = this.currentScope()
    const cls = scope?.kind === 'class' ? scope.cls : undefined
    const at = loc(node)
    const decl: FunctionDecl = {
      name,
      qualifiedName: this.uniqueName(name),
      kind: 'lambda',
      params: readParameters(node.childForFieldName('parameters'), false),
      async: false,
      generator: false,
      exported: false,
      loc: at,
      complexity: 1,
      lines: at.endLine - at.startLine + 1
    }
    if (cls) decl.className = cls.decl.name
    this.model.functions.push(decl)
    const info: PyFunctionInfo = { decl, decorators: [], topLevel: scope === undefined, cls }
    this.state.functions.push(info)
    this.frames.push({ kind: 'fn', depth, fn: info })
  }

  private visitClass(node: Node, depth: number): void {
    const name = text(node.childForFieldName('name'), 200) || '<anonymous>'
    const scope = this.currentScope()
    const bases = namedKids(node.childForFieldName('superclasses'))
      .filter((b) => b.type !== 'keyword_argument')
      .map((b) => text(b))
    const decl: ClassDecl = {
      name,
      qualifiedName: this.uniqueName(name),
      exported: false,
      bases,
      members: [],
      loc: declLoc(node)
    }
    this.model.classes.push(decl)
    const outer = scope?.kind === 'class' ? scope.cls : undefined
    const info: PyClassInfo = {
      decl,
      decorators: this.decoratorsOf(depth),
      topLevel: scope === undefined,
      outer
    }
    this.state.classes.push(info)
    this.frames.push({ kind: 'class', depth, cls: info })
    this.markDocstring(node.childForFieldName('body'))
  }

  private assignmentContext(): Parameters<typeof visitPyAssignment>[1] {
    const scope = this.currentScope()
    return {
      state: this.state,
      moduleScope: scope === undefined,
      cls: scope?.kind === 'class' ? scope.cls : undefined,
      constructorOf:
        scope?.kind === 'fn' && scope.fn.decl.kind === 'constructor' ? scope.fn.cls : undefined,
      namedLambdas: this.namedLambdas,
      enclosing: scope?.kind === 'fn' ? this.enclosing() : undefined
    }
  }

  // ---- behaviour ----

  /** A value bound to a local name, inside a function or at module level (a class body's names are attributes). */
  private noteBinding(node: Node, left: Node | null, right: Node | null): void {
    const scope = this.currentScope()
    if (scope?.kind === 'class' || !left || !right) return
    notePyBinding(
      node,
      left,
      right,
      this.sourceText,
      this.model,
      scope ? this.enclosing() : undefined,
      () => this.currentBranch()
    )
  }

  /** `return sock`, `yield sock`, `self.sock = sock`: the function hands the local on whole. */
  private noteHandedOn(value: Node, how: 'return' | 'yield' | 'attribute'): void {
    const enclosing = this.enclosing()
    if (!enclosing) return
    ;(this.model.handedOn ??= []).push({
      name: text(value, 100),
      how,
      enclosing,
      line: value.startPosition.row + 1
    })
  }

  /** `s = f()`: remembered so that the call, visited next, knows the name its result is kept under. */
  private noteBoundCall(left: Node | null, value: Node | null): void {
    let right = value
    if (left?.type !== 'identifier' || !right) return
    if (right.type === 'await') right = right.namedChild(0)
    if (right?.type === 'call') this.boundCalls.set(right.id, text(left, 100))
  }

  private visitCall(node: Node, depth: number): void {
    const parent = this.pathTypes[depth - 1]
    const awaited = parent === 'await'
    const fn = node.childForFieldName('function')
    const argsNode = node.childForFieldName('arguments')
    const callee = text(fn)
    let name = callee
    let receiver: string | undefined
    if (fn?.type === 'attribute') {
      name = text(fn.childForFieldName('attribute'))
      receiver = text(fn.childForFieldName('object'))
    }
    const args: string[] = []
    const structured: CallArgument[] = []
    const keywords: string[] = []
    if (argsNode?.type === 'argument_list') {
      for (const arg of namedKids(argsNode)) {
        if (arg.type === 'keyword_argument') keywords.push(text(arg.childForFieldName('name')))
        if (args.length < MAX_ARGS) {
          args.push(text(arg))
          structured.push(pyArgument(arg))
        }
      }
    } else if (argsNode) {
      args.push(text(argsNode))
      structured.push(pyArgument(argsNode))
    }
    if (
      name === 'setup' &&
      (!receiver || receiver === 'setuptools') &&
      argsNode &&
      !this.enclosing()
    ) {
      const scripts = consoleScriptsOf(argsNode)
      if (scripts) this.model.consoleScripts = { ...this.model.consoleScripts, ...scripts }
    }
    const context = siteContext(
      node,
      'py',
      this.contextCache,
      this.contextNodes,
      depth,
      fn?.type === 'attribute' ? fn.childForFieldName('object') : null
    )
    const enclosing = this.enclosing()
    this.model.calls.push({
      callee,
      name,
      ...(receiver !== undefined ? { receiver } : {}),
      args,
      ...(keywords.length > 0 ? { keywords } : {}),
      awaited,
      isNew: false,
      ...(enclosing ? { enclosing } : {}),
      ...(parent === 'expression_statement' ? { statement: true } : {}),
      ...(this.boundCalls.has(node.id)
        ? { assignedTo: this.boundCalls.get(node.id) as string }
        : {}),
      ...(parent === 'with_item' ||
      (parent === 'as_pattern' && this.pathTypes[depth - 2] === 'with_item')
        ? { managed: true }
        : {}),
      ...(context ? { context } : {}),
      arguments: structured,
      loc: loc(node)
    })
  }

  private importsOsEnviron(): boolean {
    return this.model.imports.some(
      (d) =>
        d.source === 'os' && d.names.some((n) => n.imported === 'environ' && n.local === 'environ')
    )
  }

  /** `os.environ['X']` reads an environment variable (a write or `del` does not). */
  private visitSubscript(node: Node, field: string | null, depth: number): void {
    const value = node.childForFieldName('value')
    if (!value || (value.type !== 'attribute' && value.type !== 'identifier')) return
    if (value.type === 'identifier') this.noteKwargsRead(node, value.text)
    const object = text(value, 20)
    if (object !== 'os.environ' && object !== 'environ') return
    // A bare `environ` is os.environ only when imported from os: a WSGI `environ` parameter is a request's dict.
    if (object === 'environ' && !this.importsOsEnviron()) return
    const parent = this.pathTypes[depth - 1]
    if ((parent === 'assignment' || parent === 'augmented_assignment') && field === 'left') return
    if (parent === 'delete_statement') return
    const key = node.childForFieldName('subscript')
    const name = key?.type === 'string' ? stringValue(key, 100) : undefined
    const enclosing = this.enclosing()
    const reads = (this.model.envReads ??= [])
    reads.push({
      name: name ?? '*',
      hasDefault: false,
      ...(enclosing ? { enclosing } : {}),
      loc: loc(node)
    })
  }

  /** `kwargs['x']` where `kwargs` is the enclosing function's `**` parameter. */
  private noteKwargsRead(node: Node, name: string): void {
    const fn = this.currentFunction()
    if (!fn || !fn.decl.params.some((p) => p.kwargs && p.name === name)) return
    const key = node.childForFieldName('subscript')
    if (key?.type !== 'string') return
    const value = stringValue(key, 100)
    if (!value) return
    ;(this.model.kwargsReads ??= []).push({
      param: name,
      key: value,
      enclosing: fn.decl.qualifiedName,
      loc: loc(node)
    })
  }

  /**
   * A use of a function's `**kwargs` name other than a read by key or a `**kwargs` handed to a call:
   * the function may take any keyword, so kwargs-keys.ts treats its keys as open.
   */
  private noteKwargsEscape(cursor: TreeCursor, depth: number): void {
    let owner: PyFunctionInfo | undefined
    let innermost = true
    let name: string | undefined
    for (let i = this.frames.length - 1; i >= 0 && !owner; i--) {
      const frame = this.frames[i]
      if (frame.kind !== 'fn') continue
      if (frame.fn.decl.params.some((p) => p.kwargs)) {
        name ??= cursor.currentNode.text
        if (frame.fn.decl.params.some((p) => p.kwargs && p.name === name)) owner = frame.fn
      }
      if (!owner) innermost = false
    }
    if (!owner || name === undefined) return
    const parent = this.pathTypes[depth - 1]
    const field = cursor.currentFieldName
    if (innermost) {
      if (parent === 'dictionary_splat_pattern') return
      if (parent === 'dictionary_splat' && this.pathTypes[depth - 2] === 'argument_list') return
      const node = cursor.currentNode
      if (parent === 'subscript' && field === 'value') {
        if (node.parent?.childForFieldName('subscript')?.type === 'string') return
      }
      if (parent === 'attribute' && field === 'object' && this.pathTypes[depth - 2] === 'call') {
        const method = node.parent?.childForFieldName('attribute')?.text
        if (method === 'get' || method === 'pop' || method === 'setdefault') return
      }
    }
    const escapes = (this.model.kwargsEscapes ??= [])
    const enclosing = owner.decl.qualifiedName
    if (!escapes.some((e) => e.enclosing === enclosing && e.param === name))
      escapes.push({ param: name, enclosing })
  }

  private visitString(node: Node): void {
    if (this.docstrings.has(node.id) || this.model.strings.length >= MAX_STRINGS) return
    const value = stringValue(node, 200, false)
    if (value === undefined) return
    const enclosing = this.enclosing()
    this.model.strings.push({ value, ...(enclosing ? { enclosing } : {}), loc: loc(node) })
  }
}

/** A def/class location: from `def`/`class` (decorators excluded, as in `ast`) to its last statement. */
function declLoc(node: Node): ReturnType<typeof loc> {
  const at = loc(node)
  const end = significantEnd(node)
  at.endLine = end.row + 1
  at.endColumn = end.column + 1
  return at
}
