// Generic extractor for Go, Java, Rust, Ruby, C# and PHP: one iterative walk driven by per-language
// node-type tables (generic-langs.ts). Like the Python walker it uses a TreeCursor and an explicit
// frame stack (generic-frames.ts), never recursion over the syntax tree. This file holds the walk,
// declarations, calls and test cases; control flow is in generic-flow.ts.
//
// Conventions:
// - qualifiedName nests with dots through classes/structs/traits/modules (`Billing.Invoice.total`);
//   Go methods and Rust `impl` methods take their receiver type (`Server.Start`, `Point.new`).
// - exported: Go capitalised names; Java/C# `public` (interface members implicitly); Rust `pub`
//   (trait and trait-impl methods too); Ruby methods before `private`/`protected`; PHP unless
//   `private`/`protected`.
// - Anonymous functions (closures, lambdas, blocks) belong to their enclosing function.
// - Not extracted here: module variables and export lists (those fields stay empty).
import type { Node, Tree, TreeCursor } from 'web-tree-sitter'
import type {
  ClassDecl,
  FunctionDecl,
  ModuleModel,
  Parameter,
  SourceFile,
  TestCase
} from '../types.js'
import { emptyModule, loc, text } from './common.js'
import { GenericFlow } from './generic-flow.js'
import type { ScopeInfo } from './generic-frames.js'
import { dict, type GenericLanguage } from './generic-langs.js'
import {
  annotationsOf,
  frameworkFor,
  genericLiteral,
  IMPORT_TYPES,
  kids,
  modifierWords,
  readGenericImports,
  RSPEC,
  rubyRequire,
  STRING_TYPES,
  unquote,
  testByAnnotations
} from './generic-specials.js'

const MAX_ARGS = 50
/** Most string literals kept per module: a generated file can hold millions. */
const MAX_STRINGS = 10_000

const LANGUAGES: Record<string, GenericLanguage> = dict({
  go: 'go',
  java: 'java',
  rust: 'rust',
  ruby: 'ruby',
  csharp: 'csharp',
  php: 'php'
})

export function extractGeneric(source: SourceFile, tree: Tree, isTest: boolean): ModuleModel {
  const language = LANGUAGES[source.language]
  const model = emptyModule(source)
  model.isTest = isTest
  // The generic walker reads no guards, handlers or argument kinds: perspectives must not read their absence as "unguarded".
  model.unfilled = ['calls.context', 'calls.arguments', 'throws.context']
  if (!language) return model
  const walker = new GenericWalker(language, model, isTest)
  walker.run(tree)
  return model
}

class GenericWalker extends GenericFlow {
  private readonly cases: TestCase[] = []
  private readonly hints = new Set<string>()
  /** Rust `#[...]` attributes waiting for the item that follows them, by depth. */
  private attributes: { depth: number; texts: string[] } | undefined

  constructor(
    language: GenericLanguage,
    model: ModuleModel,
    private readonly isTest: boolean
  ) {
    super(language, model)
  }

  run(tree: Tree): void {
    const checkMissing = tree.rootNode.hasError
    const cursor = tree.walk()
    let depth = 0
    for (;;) {
      while (this.frames.length > 0 && this.frames[this.frames.length - 1].depth >= depth)
        this.frames.pop()
      const type = cursor.nodeType
      if (type === 'ERROR' || (checkMissing && cursor.nodeIsMissing)) this.model.syntaxErrors++
      if (this.pendingConditions.size > 0) {
        const cond = this.pendingConditions.get(cursor.nodeId)
        if (cond) {
          this.pendingConditions.delete(cursor.nodeId)
          this.frames.push({ kind: 'cond', depth, cond })
        }
      }
      if (cursor.nodeIsNamed && !type.includes('comment')) this.visit(cursor, type, depth)
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
    this.finish()
  }

  private visit(cursor: TreeCursor, type: string, depth: number): void {
    const t = this.table
    let attributes: string[] = []
    if (this.attributes && this.attributes.depth === depth && type !== 'attribute_item') {
      attributes = this.attributes.texts
      this.attributes = undefined
    }
    if (type === 'attribute_item') {
      if (!this.attributes || this.attributes.depth !== depth)
        this.attributes = { depth, texts: [] }
      this.attributes.texts.push(text(cursor.currentNode, 200).replace(/^#!?\[|\]$/g, ''))
      return
    }
    if (t.functions[type]) return this.visitFunction(cursor.currentNode, type, depth, attributes)
    if (t.classes[type]) return this.visitClass(cursor.currentNode, type, depth)
    if (IMPORT_TYPES[this.language].has(type)) {
      this.model.imports.push(...readGenericImports(this.language, cursor.currentNode))
      return
    }
    if (t.calls[type]) return this.visitCall(cursor.currentNode, type)
    if (t.conditions[type]) return this.visitCondition(cursor.currentNode, type, depth)
    if (t.loops[type]) return this.visitLoop(cursor.currentNode, type, depth)
    if (t.binary.has(type)) return this.visitBinary(cursor.currentNode)
    if (t.tries.has(type)) return this.visitTry(cursor.currentNode, depth)
    if (t.handlers.has(type)) return this.visitHandler(cursor.currentNode, depth)
    if (t.throwTypes.has(type))
      return this.visitThrow(cursor.currentNode, kids(cursor.currentNode)[0] ?? null)
    if (t.switches[type]) return this.visitSwitch(cursor.currentNode, type)
    if (t.decisions.has(type)) {
      const head = text(cursor.currentNode, 12)
      if (!/^(default\b|_\s*(=>|if\b)|else\b)/.test(head)) this.addComplexity()
      return
    }
    if (this.language === 'ruby' && type === 'identifier') return this.rubyVisibility(cursor, depth)
    if (this.language === 'ruby' && type === 'body_statement')
      return this.rubyImplicitTry(cursor.currentNode, depth)
    if (STRING_TYPES.has(type) && !type.startsWith('char') && type !== 'rune_literal')
      return this.visitString(cursor.currentNode)
    this.visitMember(cursor, type)
  }

  // ---- declarations ----

  private visitClass(node: Node, type: string, depth: number): void {
    const rule = this.table.classes[type]
    if (this.language === 'go') {
      // Only struct and interface types are class-like in Go.
      const kind = node.childForFieldName('type')?.type
      if (kind !== 'struct_type' && kind !== 'interface_type') return
    }
    let name = text(node.childForFieldName(rule.nameField), 200) || '<anonymous>'
    name = name.replace(/<.*$/s, '').replace(/\[.*$/s, '')
    const words = modifierWords(node)
    const implicitPublic =
      type === 'interface_declaration' ||
      type === 'trait_item' ||
      (type === 'impl_item' && node.childForFieldName('trait') !== null) ||
      (this.language === 'go' && node.childForFieldName('type')?.type === 'interface_type')
    const scope: ScopeInfo = {
      name,
      implicitPublic,
      rubyVisibility: 'public',
      bodyDepth: depth + 2,
      namespace: rule.namespace === true
    }
    if (!rule.scopeOnly) {
      const bases: string[] = []
      for (const field of rule.baseTypes ?? []) {
        const holder = node.childForFieldName(field) ?? kids(node).find((k) => k.type === field)
        if (!holder) continue
        for (const base of kids(holder)) {
          if (base.type === 'type_list') bases.push(...kids(base).map((b) => text(b)))
          else bases.push(text(base))
        }
      }
      const decl: ClassDecl = {
        name,
        qualifiedName: this.uniqueName([...this.scopePath(), name]),
        exported: this.isExported(name, words, this.enclosingClassScope()),
        bases,
        members: [],
        loc: loc(node)
      }
      this.model.classes.push(decl)
      scope.decl = decl
      if (this.language === 'go') this.goMembers(node, decl)
    }
    this.frames.push({ kind: 'scope', depth, scope })
  }

  private isExported(name: string, words: string[], scope: ScopeInfo | undefined): boolean {
    switch (this.language) {
      case 'go':
        return /^\p{Lu}/u.test(name)
      case 'java':
      case 'csharp':
        return words.includes('public') || (scope?.implicitPublic ?? false)
      case 'rust':
        return words.some((w) => w.startsWith('pub')) || (scope?.implicitPublic ?? false)
      case 'ruby':
        return (scope?.rubyVisibility ?? 'public') === 'public'
      case 'php':
        return !words.includes('private') && !words.includes('protected')
    }
  }

  private visitFunction(node: Node, type: string, depth: number, attributes: string[]): void {
    const rule = this.table.functions[type]
    const name = text(node.childForFieldName(rule.nameField), 200) || '<anonymous>'
    const words = modifierWords(node)
    let scope = this.enclosingClassScope()
    let className = scope && !scope.namespace ? (scope.decl?.name ?? scope.name) : undefined
    if (type === 'method_declaration' && this.language === 'go') {
      className = goReceiverType(node)
      scope = undefined
    }
    const isStatic = rule.static === true || words.includes('static')
    const kind: FunctionDecl['kind'] =
      rule.isConstructor || (className && (name === '__construct' || name === 'initialize'))
        ? 'constructor'
        : className
          ? 'method'
          : 'function'
    const path =
      this.language === 'go' && className ? [className, name] : [...this.scopePath(), name]
    const returnNode = rule.returnField ? node.childForFieldName(rule.returnField) : null
    const at = loc(node)
    const decl: FunctionDecl = {
      name,
      qualifiedName: this.uniqueName(path),
      kind,
      params: this.readParams(node.childForFieldName(rule.paramsField)),
      ...(returnNode ? { returnType: text(returnNode) } : {}),
      async:
        words.includes('async') ||
        node.children.some(
          (c) =>
            c?.type === 'async' || (c?.type === 'function_modifiers' && c.text.includes('async'))
        ),
      generator: false,
      exported: this.isExported(name, words, scope),
      ...(className ? { className } : {}),
      loc: at,
      complexity: 1,
      lines: at.endLine - at.startLine + 1
    }
    const annotations = [...annotationsOf(node), ...attributes]
    if (annotations.length > 0) decl.decorators = annotations
    this.model.functions.push(decl)
    if (scope?.decl) {
      scope.decl.members.push({
        name,
        kind: kind === 'constructor' ? 'constructor' : 'method',
        static: isStatic,
        visibility: visibilityOf(words, scope),
        loc: at
      })
    }
    if (this.isTest) this.functionTest(decl, type, annotations, scope)
    this.frames.push({ kind: 'fn', depth, decl })
  }

  private readParams(node: Node | null): Parameter[] {
    const out: Parameter[] = []
    for (const child of kids(node)) {
      const rule = this.table.params[child.type]
      if (!rule || rule.skip) continue
      const nameNodes = rule.nameField
        ? child.childrenForFieldName(rule.nameField).filter((n): n is Node => n !== null)
        : []
      if (nameNodes.length === 0) {
        const parts = kids(child)
        const found =
          child.type === 'identifier'
            ? child
            : (parts.find((k) => k.type === 'variable_declarator') ??
              parts.find((k) => k.type === 'identifier' || k.type === 'variable_name') ??
              parts.find((k) => k.type.includes('identifier') && !k.type.includes('type')))
        if (found)
          nameNodes.push(
            found.type === 'variable_declarator'
              ? (found.childForFieldName('name') ?? found)
              : found
          )
      }
      const typeNode = rule.typeField
        ? child.childForFieldName(rule.typeField)
        : kids(child).find((k) => k.type.includes('type'))
      const defaultNode = rule.defaultField ? child.childForFieldName(rule.defaultField) : null
      for (const nameNode of nameNodes) {
        out.push({
          name: text(nameNode).replace(/^[$&*]+/, ''),
          ...(typeNode ? { type: text(typeNode) } : {}),
          ...(defaultNode ? { defaultValue: text(defaultNode) } : {}),
          optional: defaultNode !== null,
          rest: rule.rest === true,
          ...(rule.keywordOnly ? { keywordOnly: true } : {})
        })
      }
    }
    return out
  }

  /** Fields of classes: Java/C# fields and properties, PHP properties, Rust struct fields. */
  private visitMember(cursor: TreeCursor, type: string): void {
    if (type !== 'field_declaration' && type !== 'property_declaration') return
    const scope = this.enclosingClassScope()
    if (!scope?.decl || this.language === 'go') return
    const node = cursor.currentNode
    const words = modifierWords(node)
    const names: Node[] = []
    const direct = node.childForFieldName('name')
    if (direct) names.push(direct)
    for (const child of kids(node)) {
      if (child.type === 'variable_declarator' || child.type === 'property_element') {
        const n = child.childForFieldName('name')
        if (n) names.push(n)
      } else if (child.type === 'variable_declaration') {
        for (const d of kids(child))
          if (d.type === 'variable_declarator') names.push(d.childForFieldName('name') ?? d)
      }
    }
    const declarator = node.childForFieldName('declarator')
    if (declarator) names.push(declarator.childForFieldName('name') ?? declarator)
    for (const n of names) {
      const name = text(n).replace(/^\$/, '')
      if (scope.decl.members.some((m) => m.name === name)) continue
      scope.decl.members.push({
        name,
        kind: 'property',
        static: words.includes('static'),
        visibility: visibilityOf(words, scope),
        loc: loc(node)
      })
    }
  }

  private goMembers(node: Node, decl: ClassDecl): void {
    const body = node.childForFieldName('type')
    const list =
      body?.type === 'struct_type'
        ? kids(body).find((k) => k.type === 'field_declaration_list')
        : body
    for (const field of kids(list)) {
      if (field.type === 'field_declaration') {
        for (const n of field.childrenForFieldName('name')) {
          if (n)
            decl.members.push({
              name: n.text,
              kind: 'property',
              static: false,
              visibility: /^\p{Lu}/u.test(n.text) ? 'public' : 'private',
              loc: loc(field)
            })
        }
      } else if (field.type === 'method_elem' || field.type === 'method_spec') {
        const n = text(field.childForFieldName('name'))
        decl.members.push({
          name: n,
          kind: 'method',
          static: false,
          visibility: 'public',
          loc: loc(field)
        })
      }
    }
  }

  /** A bare `private` / `protected` / `public` in a Ruby class body changes what follows. */
  private rubyVisibility(cursor: TreeCursor, depth: number): void {
    const word = cursor.nodeText
    if (word !== 'private' && word !== 'protected' && word !== 'public') return
    const scope = this.enclosingClassScope()
    if (scope && depth === scope.bodyDepth) scope.rubyVisibility = word
  }

  // ---- behaviour ----

  private visitCall(node: Node, type: string): void {
    const rule = this.table.calls[type]
    let callee = ''
    let name = ''
    let receiver: string | undefined
    const fn = rule.functionField ? node.childForFieldName(rule.functionField) : null
    if (fn) {
      callee = text(fn)
      const member = this.table.members[fn.type]
      if (member) {
        receiver = text(fn.childForFieldName(member[0]))
        name = text(fn.childForFieldName(member[1]))
      } else {
        name = callee
      }
    } else if (rule.nameField) {
      const recv = rule.receiverField ? node.childForFieldName(rule.receiverField) : null
      name = text(node.childForFieldName(rule.nameField))
      if (recv) receiver = text(recv)
      callee = sliceBefore(
        node,
        node.childForFieldName(rule.argsField ?? '') ?? node.childForFieldName('block')
      )
    } else {
      // PHP `new X(...)`: the class name is the first named child.
      const cls = kids(node)[0]
      callee = text(cls)
      name = callee
    }
    if (type === 'macro_invocation') {
      callee = `${callee}!`
      name = callee
    }
    const argsNode = rule.argsField
      ? node.childForFieldName(rule.argsField)
      : type === 'object_creation_expression'
        ? (kids(node).find((k) => k.type === 'arguments') ?? null)
        : null
    const args: string[] = []
    const keywords: string[] = []
    for (const arg of kids(argsNode)) {
      if (arg.type === 'pair') keywords.push(text(arg.childForFieldName('key')).replace(/:$/, ''))
      else if (arg.childForFieldName('name') && arg.type === 'argument')
        keywords.push(text(arg.childForFieldName('name')))
      if (args.length < MAX_ARGS) args.push(text(arg))
    }
    const enclosing = this.currentFunction()?.qualifiedName
    this.model.calls.push({
      callee,
      name,
      ...(receiver ? { receiver } : {}),
      args,
      ...(keywords.length > 0 ? { keywords } : {}),
      awaited: false,
      isNew: rule.isNew === true,
      ...(enclosing ? { enclosing } : {}),
      loc: loc(node)
    })
    this.callSpecials(node, callee, receiver, argsNode, type)
  }

  /** Go `panic(...)`, Rust `panic!`, Ruby `raise`, requires, RSpec blocks. */
  private callSpecials(
    node: Node,
    callee: string,
    receiver: string | undefined,
    argsNode: Node | null,
    type: string
  ): void {
    if (this.language === 'go' && callee === 'panic')
      this.visitThrow(node, kids(argsNode)[0] ?? null, true)
    else if (
      this.language === 'rust' &&
      type === 'macro_invocation' &&
      /^(panic|unreachable|todo|unimplemented)!$/.test(callee)
    ) {
      const tokens = kids(node).find((k) => k.type === 'token_tree')
      this.visitThrow(node, kids(tokens).find((k) => k.type === 'string_literal') ?? null, true)
    } else if (this.language === 'ruby' && !receiver) {
      if (callee === 'raise' || callee === 'fail') this.rubyRaise(node, argsNode)
      const required = rubyRequire(node)
      if (required) this.model.imports.push(required)
      if (this.isTest) this.rubyTestCall(node, callee, argsNode)
    }
  }

  /** A string literal's content as written (quotes removed, escapes kept), cut to 200 characters. */
  private visitString(node: Node): void {
    if (this.model.strings.length >= MAX_STRINGS) return
    const raw = node.text
    const value = raw.length > 400 ? `${unquote(raw.slice(0, 201))}…` : unquote(raw).slice(0, 200)
    const enclosing = this.currentFunction()?.qualifiedName
    this.model.strings.push({ value, ...(enclosing ? { enclosing } : {}), loc: loc(node) })
  }

  // ---- tests ----

  private functionTest(
    decl: FunctionDecl,
    type: string,
    annotations: string[],
    scope: ScopeInfo | undefined
  ): void {
    let isTest = false
    let skip = false
    switch (this.language) {
      case 'go':
        isTest =
          (type === 'function_declaration' &&
            /^(Test|Benchmark|Fuzz|Example)/.test(decl.name) &&
            decl.params.some((p) => /testing\.(T|B|F|M)\b/.test(p.type ?? ''))) ||
          (/^Example/.test(decl.name) && type === 'function_declaration')
        break
      case 'php':
        isTest =
          (decl.kind === 'method' && decl.name.startsWith('test')) ||
          annotations.some((a) => /^(\\?PHPUnit\\Framework\\Attributes\\)?Test\b/.test(a))
        break
      case 'ruby':
        isTest = decl.kind === 'method' && decl.name.startsWith('test_')
        break
      default: {
        const found = testByAnnotations(annotations)
        isTest = found.test
        skip = found.skip
        for (const a of annotations) this.hints.add(a.split('(')[0].trim())
      }
    }
    if (!isTest) return
    this.cases.push({
      name: decl.qualifiedName,
      kind: 'test',
      ...(skip ? { modifier: 'skip' as const } : {}),
      loc: decl.loc
    })
    if (
      scope?.decl &&
      !this.cases.some((c) => c.kind === 'suite' && c.name === scope.decl?.qualifiedName)
    ) {
      this.cases.push({ name: scope.decl.qualifiedName, kind: 'suite', loc: scope.decl.loc })
    }
  }

  private rubyTestCall(node: Node, callee: string, argsNode: Node | null): void {
    const spec = RSPEC[callee]
    if (!spec || !node.childForFieldName('block')) return
    this.hints.add('rspec')
    const first = kids(argsNode)[0]
    const literal = genericLiteral(first ?? null)
    const name = literal && typeof literal.value === 'string' ? literal.value : text(first)
    this.cases.push({
      name,
      kind: spec.kind,
      ...(spec.modifier ? { modifier: spec.modifier } : {}),
      loc: loc(node)
    })
  }

  private finish(): void {
    // Methods declared outside their type (Go receivers, Rust impl blocks) join its members.
    const byName = new Map(this.model.classes.map((c) => [c.name, c]))
    for (const fn of this.model.functions) {
      const owner = fn.className ? byName.get(fn.className) : undefined
      if (owner && !owner.members.some((m) => m.name === fn.name && m.kind !== 'property')) {
        owner.members.push({
          name: fn.name,
          kind: fn.kind === 'constructor' ? 'constructor' : 'method',
          static: false,
          visibility: fn.exported ? 'public' : 'private',
          loc: fn.loc
        })
      }
    }
    if (!this.isTest) return
    this.cases.sort(
      (a, b) => a.loc.startLine - b.loc.startLine || a.loc.startColumn - b.loc.startColumn
    )
    this.model.test = {
      framework: frameworkFor(this.language, this.hints),
      cases: this.cases,
      importedModules: [],
      referencedSymbols: []
    }
  }
}

function visibilityOf(
  words: string[],
  scope: ScopeInfo | undefined
): 'public' | 'protected' | 'private' {
  if (words.includes('private')) return 'private'
  if (words.includes('protected')) return 'protected'
  if (scope && scope.rubyVisibility !== 'public') return scope.rubyVisibility
  return 'public'
}

/** Go `func (s *Server) Start()`: the receiver's type name, `Server`. */
function goReceiverType(node: Node): string | undefined {
  const receiver = kids(node.childForFieldName('receiver'))[0]
  const type = receiver?.childForFieldName('type')
  if (!type) return undefined
  return type.text.replace(/^\*/, '').replace(/\[.*$/s, '')
}

/** The source from a node's start up to (not including) `stop`, cut to 200 characters. */
function sliceBefore(node: Node, stop: Node | null): string {
  const end = stop ? stop.startIndex : node.endIndex
  const value = node.text.slice(0, Math.min(end - node.startIndex, 200)).trim()
  return end - node.startIndex > 200 ? `${value}…` : value
}
