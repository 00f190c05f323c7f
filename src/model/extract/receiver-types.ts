// Local, sure type facts about receivers, so the reach graph can tell which class's `m` a call
// `x.m()` runs: `x = Foo()` / `const x = new Foo()` (built by a call), a parameter or variable
// annotated with a class (`p: Foo`), `self.attr = Foo()` / `this.attr = new Foo()` then
// `self.attr.m()`. A name is typed only when every binding of it in its scope says the same thing
// (a loop variable, a `with ... as`, a tuple target, a `global` or a second, different value make it
// unknown); an attribute only when every assignment to that attribute name in the file agrees. The
// facts are kept as written (`call:Foo`, `new:lib.Foo`, `ann:Foo`): the graph resolves them against
// the repository's classes and factory functions, which one file cannot see.
import type { Node, Tree } from 'web-tree-sitter'
import type { Language } from '../types.js'

/** Member-name node id -> the type fact of its receiver, the member's name and line. */
export type TypedReceivers = Map<number, { fact: string; name: string; line: number }>

const PY_SCOPES = new Set(['module', 'function_definition', 'lambda', 'class_definition'])
const JS_SCOPES = new Set([
  'program',
  'function_declaration',
  'generator_function_declaration',
  'function_expression',
  'function',
  'generator_function',
  'arrow_function',
  'method_definition'
])
/** Python binders the facts do not follow: their names become unknown in their scope. */
const PY_OPAQUE_TARGETS = new Set([
  'for_statement',
  'for_in_clause',
  'as_pattern_target',
  'augmented_assignment',
  'global_statement',
  'case_pattern',
  'delete_statement'
])
const NO_FACT = null
/**
 * `None` / `null` / `undefined`: no method runs on it, so it does not make a name or an attribute
 * unknown (`self.lock = None` in `__init__`, `self.lock = FileLock(...)` later types `self.lock.acquire()`).
 * Left out of the agreement; a name that is only ever `None` stays unknown (another file may set it).
 */
const NIL = 'nil:'
/** The facts without the NILs, or the list as it was when nothing else is left. */
function withoutNil(list: readonly (string | null)[]): (string | null)[] {
  const rest = list.filter((f) => f !== NIL)
  return rest.length > 0 ? rest : list.length > 0 ? [NO_FACT] : []
}

interface Scope {
  node: Node
  bindings: Map<string, (string | null)[]>
}

/**
 * The typed receivers of a file, and its factories: function name -> the fact of what every one of
 * its `return`s builds (`def make(): return Foo()`, `static create() { return new Foo() }`).
 */
export function receiverTypes(
  tree: Tree,
  language: Language
): {
  typed: TypedReceivers
  factories: Record<string, string>
  /** `<fact>><callee root>` -> lines: a value of known type handed to a call (`new Parser(handler)`). */
  handed: Record<string, number[]>
} {
  const python = language === 'python'
  const js =
    language === 'javascript' ||
    language === 'typescript' ||
    language === 'tsx' ||
    language === 'jsx'
  const typed: TypedReceivers = new Map()
  const factories: Record<string, string> = {}
  const handed: Record<string, number[]> = {}
  if (!python && !js) return { typed, factories, handed }
  const scopeTypes = python ? PY_SCOPES : JS_SCOPES
  const scopes = new Map<number, Scope>()
  const attrs = new Map<string, (string | null)[]>()
  const scopeOf = (node: Node): Scope => {
    let n: Node | null = node.parent
    while (n && !scopeTypes.has(n.type)) n = n.parent
    return scopeFor(n ?? tree.rootNode)
  }
  const scopeFor = (at: Node): Scope => {
    let scope = scopes.get(at.id)
    if (!scope) scopes.set(at.id, (scope = { node: at, bindings: new Map() }))
    return scope
  }
  // A name assigned (not declared) in an inner function may be the outer one: it counts in every scope up.
  const bindUp = (from: Node, name: string, fact: string | null): void => {
    for (let n: Node | null = from; n; n = n.parent)
      if (scopeTypes.has(n.type)) bind(scopeFor(n), name, fact)
  }
  const bind = (scope: Scope, name: string, fact: string | null): void => {
    const list = scope.bindings.get(name)
    if (list) list.push(fact)
    else scope.bindings.set(name, [fact])
  }
  const bindAttr = (name: string, fact: string | null): void => {
    const list = attrs.get(name)
    if (list) list.push(fact)
    else attrs.set(name, [fact])
  }
  const value = python ? pyValue : jsValue
  const annotation = python ? pyAnnotation : tsAnnotation

  // Bindings.
  const walk = (node: Node): void => {
    if (python) pyBinding(node)
    else jsBinding(node)
    for (const child of node.namedChildren) if (child) walk(child)
  }
  const target = (left: Node, fact: string | null, scopeAt: Node): void => {
    if (left.type === 'identifier') bind(scopeOf(scopeAt), left.text, fact)
    else if (left.type === 'attribute' || left.type === 'member_expression') {
      const name = left.childForFieldName(python ? 'attribute' : 'property')
      if (name) bindAttr(name.text, fact)
    } else for (const id of identifiersIn(left)) bind(scopeOf(scopeAt), id.text, NO_FACT)
  }
  const pyBinding = (node: Node): void => {
    switch (node.type) {
      case 'assignment': {
        const left = node.childForFieldName('left')
        let right = node.childForFieldName('right')
        const type = node.childForFieldName('type')
        while (right?.type === 'assignment') right = right.childForFieldName('right')
        const fact = type ? annotation(type) : right ? value(right, node) : NO_FACT
        // A class body's `attr: Foo` or `attr = Foo()` also types `self.attr`.
        if (left?.type === 'identifier' && scopeOf(node).node.type === 'class_definition')
          bindAttr(left.text, fact)
        const plain = left?.type === 'identifier' || left?.type === 'attribute'
        if (left) target(left, plain ? fact : NO_FACT, node)
        break
      }
      case 'named_expression': {
        const name = node.childForFieldName('name')
        const v = node.childForFieldName('value')
        if (name) target(name, v ? value(v, node) : NO_FACT, node)
        break
      }
      case 'lambda': {
        const params = node.childForFieldName('parameters')
        if (params) for (const id of identifiersIn(params)) bind(scopeFor(node), id.text, NO_FACT)
        break
      }
      case 'nonlocal_statement':
        for (const id of identifiersIn(node)) bindUp(node, id.text, NO_FACT)
        break
      case 'function_definition':
      case 'class_definition': {
        const name = node.childForFieldName('name')
        if (name) bind(scopeOf(node), name.text, NO_FACT)
        if (node.type === 'function_definition') pyParameters(node)
        break
      }
      case 'aliased_import':
      case 'dotted_name':
        if (
          node.parent?.type === 'import_statement' ||
          node.parent?.type === 'import_from_statement'
        ) {
          const alias = node.childForFieldName('alias') ?? node.namedChild(0)
          if (alias) bind(scopeOf(node), alias.text, NO_FACT)
        }
        break
      default:
        if (PY_OPAQUE_TARGETS.has(node.type)) {
          const left =
            node.type === 'for_statement' || node.type === 'for_in_clause'
              ? node.childForFieldName('left')
              : node.type === 'augmented_assignment'
                ? node.childForFieldName('left')
                : node
          if (left) {
            if (node.type === 'global_statement')
              for (const id of identifiersIn(left)) bind(scopeFor(tree.rootNode), id.text, NO_FACT)
            target(left, NO_FACT, node)
          }
        }
    }
  }
  const pyParameters = (fn: Node): void => {
    const params = fn.childForFieldName('parameters')
    if (!params) return
    const scope = scopeFor(fn)
    const requests = fixtureRequests(fn)
    for (const p of params.namedChildren) {
      if (!p) continue
      const first = p.namedChild(0)
      const name =
        p.type === 'identifier'
          ? p
          : (p.childForFieldName('name') ?? (first?.type === 'identifier' ? first : null))
      const type =
        p.type === 'typed_parameter' || p.type === 'typed_default_parameter'
          ? p.childForFieldName('type')
          : null
      if (name?.type !== 'identifier') {
        for (const id of identifiersIn(p)) bind(scope, id.text, NO_FACT)
        continue
      }
      // A test's or a fixture's plain parameter is the fixture of its name (pytest injects it).
      const fixture =
        !type && p.type === 'identifier' && requests.has(name.text)
          ? `fixture:${name.text}`
          : NO_FACT
      bind(scope, name.text, type ? annotation(type) : fixture)
    }
  }
  const jsBinding = (node: Node): void => {
    switch (node.type) {
      case 'variable_declarator': {
        const name = node.childForFieldName('name')
        const type = node.childForFieldName('type')
        const v = node.childForFieldName('value')
        const fact = type ? annotation(type) : v ? value(v, node) : NO_FACT
        if (name) target(name, name.type === 'identifier' ? fact : NO_FACT, node)
        break
      }
      case 'assignment_expression':
      case 'augmented_assignment_expression':
      case 'update_expression': {
        const left = node.childForFieldName('left') ?? node.childForFieldName('argument')
        const right = node.childForFieldName('right')
        const fact = node.type === 'assignment_expression' && right ? value(right, node) : NO_FACT
        if (left?.type === 'identifier') bindUp(node, left.text, fact)
        else if (left?.type === 'member_expression') target(left, fact, node)
        else if (left) for (const id of identifiersIn(left)) bindUp(node, id.text, NO_FACT)
        break
      }
      case 'arrow_function': {
        const p = node.childForFieldName('parameter')
        if (p) bind(scopeFor(node), p.text, NO_FACT)
        break
      }
      case 'public_field_definition':
      case 'field_definition': {
        const name = node.childForFieldName('name') ?? node.childForFieldName('property')
        const type = node.childForFieldName('type')
        const v = node.childForFieldName('value')
        if (name) bindAttr(name.text, type ? annotation(type) : v ? value(v, node) : NO_FACT)
        break
      }
      case 'for_in_statement': {
        const left = node.childForFieldName('left')
        if (left) target(left, NO_FACT, node)
        break
      }
      case 'catch_clause': {
        const p = node.childForFieldName('parameter')
        const body = node.childForFieldName('body')
        if (p && body) for (const id of identifiersIn(p)) bind(scopeOf(body), id.text, NO_FACT)
        break
      }
      case 'function_declaration':
      case 'generator_function_declaration':
      case 'class_declaration': {
        const name = node.childForFieldName('name')
        if (name) bind(scopeOf(node), name.text, NO_FACT)
        break
      }
      case 'import_specifier':
      case 'namespace_import':
      case 'import_clause':
        for (const id of node.namedChildren)
          if (id?.type === 'identifier') bind(scopeOf(node), id.text, NO_FACT)
        break
      case 'formal_parameters': {
        const fn = node.parent
        if (!fn || !scopeTypes.has(fn.type)) break
        const scope = scopeFor(fn)
        for (const p of node.namedChildren) {
          if (!p) continue
          const pattern = p.childForFieldName('pattern') ?? p
          const type = p.childForFieldName('type')
          const plain = pattern.type === 'identifier' && !p.childForFieldName('value')
          if (pattern.type === 'identifier')
            bind(scope, pattern.text, plain && type ? annotation(type) : NO_FACT)
          else for (const id of identifiersIn(pattern)) bind(scope, id.text, NO_FACT)
        }
        break
      }
    }
  }
  walk(tree.rootNode)

  const selfName = (n: Node): boolean =>
    n.type === 'this' || (n.type === 'identifier' && (n.text === 'self' || n.text === 'cls'))
  const factOf = (list: (string | null)[] | undefined, depth = 0): string | null => {
    const fact = agreed(list)
    // `x = self._map`: the attribute's own fact, when it has one.
    if (fact?.startsWith('attr:'))
      return depth < 3 ? factOf(attrs.get(fact.slice('attr:'.length)), depth + 1) : null
    return fact
  }
  // Factories: every `return` of a named function builds the same thing.
  for (const fn of tree.rootNode.descendantsOfType(
    python
      ? ['function_definition']
      : ['function_declaration', 'method_definition', 'variable_declarator']
  )) {
    if (!fn) continue
    const name = fn.childForFieldName('name')
    let body = fn.childForFieldName('body')
    if (fn.type === 'variable_declarator') {
      const v = fn.childForFieldName('value')
      if (!v || (v.type !== 'arrow_function' && v.type !== 'function_expression')) continue
      body = v.childForFieldName('body')
      if (body && body.type !== 'statement_block') {
        const fact = value(body, body)
        if (name) addFactory(factories, name.text, fact ?? '')
        continue
      }
    }
    if (!name || !body) continue
    if (python) {
      const fixture = fixtureName(fn)
      if (fixture !== undefined) {
        // `fixture:client` -> what the fixture gives its tests ('?' when not sure).
        const valueOf = (n: Node): string | null =>
          n.type === 'identifier' ? lookup(n) : value(n, n)
        addFactory(
          factories,
          `fixture:${fixture}`,
          fixtureFact(fn, body, scopeTypes, valueOf) ?? '?'
        )
        continue
      }
      // `def make() -> Foo`: the annotation says what every call gives (a subclass too: `ann:`).
      const returns = fn.childForFieldName('return_type')
      const declared = returns ? pyAnnotation(returns) : null
      if (declared) {
        addFactory(factories, name.text, declared)
        continue
      }
    }
    // `return client` after `client = Foo(sock)`: the fact of the name there.
    const facts = withoutNil(
      returnsOf(body, scopeTypes).map((r) =>
        !r ? NO_FACT : r.type === 'identifier' ? lookup(r) : value(r, r)
      )
    )
    if (
      facts.length > 0 &&
      facts.every((f) => f !== null && f === facts[0]) &&
      !facts[0]?.startsWith('attr:')
    )
      addFactory(factories, name.text, facts[0] as string)
    // Another function of the name that builds something else (or nothing sure): no factory.
    else addFactory(factories, name.text, '')
  }

  // Uses: `x.m` with a typed `x`, `self.attr.m` / `this.attr.m` with a typed attribute.
  for (const member of tree.rootNode.descendantsOfType(
    python ? ['attribute'] : ['member_expression']
  )) {
    if (!member) continue
    const object = member.childForFieldName('object')
    const name = member.childForFieldName(python ? 'attribute' : 'property')
    if (!object || !name) continue
    let fact: string | null = null
    if (object.type === 'identifier' && !selfName(object)) fact = lookup(object)
    else if (
      object.type === 'call' ||
      object.type === 'new_expression' ||
      object.type === 'call_expression'
    ) {
      // `Foo().m()` / `new Foo().m()`: what the call builds, as for a name bound to it.
      if (!isSuper(object)) fact = value(object, member)
      else {
        // `super().m()`: m of the class's family (its bases, and a mixin's siblings).
        const cls = enclosingClass(member)
        if (cls) fact = `ann:${cls}`
      }
    } else if (isSuper(object)) {
      // `super().m()` / `super.m()`: m of the class's family (its bases, and a mixin's siblings).
      const cls = enclosingClass(member)
      if (cls) fact = `ann:${cls}`
    } else if (object.type === member.type) {
      const root = object.childForFieldName('object')
      const attr = object.childForFieldName(python ? 'attribute' : 'property')
      if (root && attr && selfName(root)) fact = factOf(attrs.get(attr.text))
    }
    if (fact) typed.set(name.id, { fact, name: name.text, line: name.startPosition.row + 1 })
  }
  // Values of known type handed to a call: the callee (a library's `new Parser(handler)`) may call
  // any of their methods.
  for (const call of tree.rootNode.descendantsOfType(
    python ? ['call'] : ['call_expression', 'new_expression']
  )) {
    const callee = call?.childForFieldName(
      python || call.type === 'call_expression' ? 'function' : 'constructor'
    )
    const args = call?.childForFieldName('arguments')
    if (!call || !callee || !args) continue
    let root: Node | null = callee
    while (root && (root.type === 'attribute' || root.type === 'member_expression'))
      root = root.childForFieldName('object')
    if (root?.type !== 'identifier') continue
    for (const arg of args.namedChildren) {
      const node = arg?.type === 'keyword_argument' ? arg.childForFieldName('value') : arg
      if (!node) continue
      const fact =
        node.type === 'identifier' && !selfName(node)
          ? lookup(node)
          : node.type === 'call' ||
              node.type === 'new_expression' ||
              node.type === 'call_expression'
            ? value(node, node)
            : null
      if (!fact || fact === NIL || fact.startsWith('attr:')) continue
      const key = `${fact}>${root.text}`
      const line = call.startPosition.row + 1
      const lines = handed[key] ?? (handed[key] = [])
      if (!lines.includes(line)) lines.push(line)
    }
  }
  function lookup(id: Node): string | null {
    let n: Node | null = id.parent
    let inFunction = false
    while (n) {
      if (scopeTypes.has(n.type)) {
        // A class body's names are not visible from its methods.
        const skip = python && n.type === 'class_definition' && inFunction
        const scope = scopes.get(n.id)
        if (!skip && scope?.bindings.has(id.text)) return factOf(scope.bindings.get(id.text))
        if (n.type !== 'class_definition') inFunction = true
      }
      n = n.parent
    }
    const root = scopes.get(tree.rootNode.id)
    return root?.bindings.has(id.text) ? factOf(root.bindings.get(id.text)) : null
  }
  return { typed, factories, handed }
}

/** The name a pytest fixture is requested by (`@pytest.fixture(name="x")` or its own), else undefined. */
function fixtureName(fn: Node): string | undefined {
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : null
  if (!decorated) return undefined
  for (const d of decorated.namedChildren) {
    if (d?.type !== 'decorator') continue
    const expr = d.namedChild(0)
    const callee = expr?.type === 'call' ? expr.childForFieldName('function') : expr
    const text = callee?.text ?? ''
    if (text !== 'fixture' && !text.endsWith('.fixture')) continue
    if (expr?.type === 'call')
      for (const arg of expr.childForFieldName('arguments')?.namedChildren ?? []) {
        if (arg?.type !== 'keyword_argument' || arg.childForFieldName('name')?.text !== 'name')
          continue
        const v = arg.childForFieldName('value')
        const content = v?.namedChildren.find((c) => c?.type === 'string_content')
        return content?.text
      }
    return fn.childForFieldName('name')?.text
  }
  return undefined
}

/** What a fixture gives: its return annotation (`Iterator[Foo]` -> Foo), or what every return/yield builds. */
function fixtureFact(
  fn: Node,
  body: Node,
  scopes: ReadonlySet<string>,
  valueOf: (n: Node) => string | null
): string | null {
  const returns = fn.childForFieldName('return_type')
  if (returns) {
    const inner = returns.type === 'type' ? returns.namedChild(0) : returns
    const head = inner?.type === 'generic_type' ? inner.namedChild(0)?.text : undefined
    if (head && /^(Iterator|Iterable|Generator|AsyncIterator|AsyncGenerator)$/.test(head)) {
      const arg = inner?.namedChild(1)?.namedChild(0)
      return arg ? pyAnnotation(arg) : null
    }
    return pyAnnotation(returns)
  }
  const values = [...returnsOf(body, scopes), ...yieldsOf(body, scopes)]
  const facts = withoutNil(values.map((v) => (v ? valueOf(v) : NO_FACT)))
  return facts.length > 0 &&
    facts.every((f) => f !== null && f === facts[0]) &&
    !facts[0]?.startsWith('attr:')
    ? facts[0]
    : null
}

/**
 * The parameters pytest fills with fixtures: those of a test function (`test*`, not a method's
 * `self`) or of a fixture, except names a `parametrize` on it (or its class) gives values instead.
 */
function fixtureRequests(fn: Node): Set<string> {
  const out = new Set<string>()
  const name = fn.childForFieldName('name')?.text ?? ''
  if (!name.startsWith('test') && fixtureName(fn) === undefined) return out
  const params = fn.childForFieldName('parameters')?.namedChildren ?? []
  const host = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent
  const inClass = host?.type === 'block' && host.parent?.type === 'class_definition'
  const decorators: string[] = []
  for (let n: Node | null = fn; n; n = n.parent)
    if (n.type === 'decorated_definition')
      for (const d of n.namedChildren) if (d?.type === 'decorator') decorators.push(d.text)
  params.forEach((p, i) => {
    if (p?.type !== 'identifier' || (inClass && i === 0)) return
    if (decorators.some((d) => d.includes('parametrize') && d.includes(p.text))) return
    out.add(p.text)
  })
  return out
}

/** The values of the `yield`s in a function body (not in nested functions). */
function yieldsOf(body: Node, scopes: ReadonlySet<string>): (Node | null)[] {
  const out: (Node | null)[] = []
  const visit = (n: Node): void => {
    for (const child of n.namedChildren) {
      if (!child || scopes.has(child.type) || child.type === 'class_definition') continue
      if (child.type === 'yield') out.push(child.namedChild(0))
      else visit(child)
    }
  }
  visit(body)
  return out
}

/**
 * The one fact every binding gives, or null. An annotation and constructions of the same class agree
 * (`server: Server` in the class body, `self.server = Server()` in `__init__`): the annotation, whose
 * family covers both.
 */
function agreed(list: readonly (string | null)[] | undefined): string | null {
  if (!list) return null
  list = withoutNil(list)
  if (list.length === 0 || list.some((f) => f === null)) return null
  const facts = new Set(list as string[])
  if (facts.size === 1) return list[0]
  const annotated = [...facts].find((f) => f.startsWith('ann:'))
  if (!annotated) return null
  const cls = annotated.slice('ann:'.length)
  return [...facts].every((f) => f === annotated || f === `call:${cls}` || f === `new:${cls}`)
    ? annotated
    : null
}

function addFactory(factories: Record<string, string>, name: string, fact: string): void {
  // Two functions of one name that build different things: no factory.
  const known = factories[name]
  factories[name] = known === undefined || known === fact ? fact : ''
}

/** The values of the `return`s in a function body (not in nested functions); null for a bare return. */
function returnsOf(body: Node, scopes: ReadonlySet<string>): (Node | null)[] {
  const out: (Node | null)[] = []
  const visit = (n: Node): void => {
    for (const child of n.namedChildren) {
      if (!child || scopes.has(child.type) || child.type === 'class_definition') continue
      if (child.type === 'return_statement') out.push(child.namedChild(0))
      else visit(child)
    }
  }
  visit(body)
  return out
}

function identifiersIn(node: Node): Node[] {
  if (node.type === 'identifier') return [node]
  return node
    .descendantsOfType(['identifier', 'shorthand_property_identifier_pattern'])
    .filter((n): n is Node => n !== null)
}

/** Literals and displays of built-in Python types: `{}` is a dict, whose `get` is not ours. */
const PY_LITERALS: Record<string, string> = {
  dictionary: 'dict',
  dictionary_comprehension: 'dict',
  list: 'list',
  list_comprehension: 'list',
  set: 'set',
  set_comprehension: 'set',
  tuple: 'tuple',
  string: 'str',
  concatenated_string: 'str',
  integer: 'int',
  float: 'float'
}
const JS_LITERALS: Record<string, string> = {
  array: 'Array',
  string: 'String',
  template_string: 'String',
  number: 'Number',
  regex: 'RegExp'
}

/** `Foo()` / `mod.Foo()` -> `call:Foo` / `call:mod.Foo`; `cls(...)` in a method -> `ann:<its class>`. */
function pyValue(node: Node, at: Node): string | null {
  if (node.type === 'none') return NIL
  const literal = PY_LITERALS[node.type]
  if (literal) return `call:${literal}`
  if (node.type === 'attribute') return selfAttribute(node, 'attribute')
  if (node.type !== 'call') return null
  const fn = node.childForFieldName('function')
  const callee = fn ? calleeText(fn, 'attribute') : null
  if (!callee) return null
  if (callee === 'cls') {
    const cls = enclosingClass(at)
    return cls ? `ann:${cls}` : null
  }
  if (callee === 'self' || callee.startsWith('self.') || callee.startsWith('cls.')) return null
  return `call:${callee}`
}

/** `new Foo()` -> `new:Foo`; `make()` / `Foo.create()` -> `call:make` / `call:Foo.create`. */
function jsValue(node: Node, _at: Node): string | null {
  if (node.type === 'null' || node.type === 'undefined') return NIL
  const literal = JS_LITERALS[node.type]
  if (literal) return `new:${literal}`
  if (node.type === 'member_expression') return selfAttribute(node, 'property')
  if (node.type === 'new_expression') {
    const c = node.childForFieldName('constructor')
    const callee = c ? calleeText(c, 'member_expression') : null
    return callee ? `new:${callee}` : null
  }
  if (node.type === 'call_expression') {
    const fn = node.childForFieldName('function')
    const callee = fn ? calleeText(fn, 'member_expression') : null
    return callee && !callee.startsWith('this.') ? `call:${callee}` : null
  }
  return null
}

/** `Foo` or `a.Foo` (a plain name, one level of module), else null. */
function calleeText(fn: Node, memberType: string): string | null {
  if (fn.type === 'identifier') return fn.text
  if (fn.type !== memberType) return null
  const object = fn.childForFieldName('object')
  const name = fn.childForFieldName(memberType === 'attribute' ? 'attribute' : 'property')
  if (object?.type !== 'identifier' && object?.type !== 'this') return null
  return name ? `${object.text}.${name.text}` : null
}

function enclosingClass(node: Node): string | undefined {
  for (let n = node.parent; n; n = n.parent)
    if (n.type === 'class_definition' || n.type === 'class_declaration' || n.type === 'class')
      return n.childForFieldName('name')?.text
  return undefined
}

/** `Foo`, `mod.Foo`, `"Foo"`, `Optional[Foo]`, `Foo | None` -> `ann:Foo`. */
function pyAnnotation(type: Node): string | null {
  const inner = type.type === 'type' ? type.namedChild(0) : type
  if (!inner) return null
  if (inner.type === 'identifier') return `ann:${inner.text}`
  if (inner.type === 'attribute') return `ann:${inner.childForFieldName('attribute')?.text ?? ''}`
  if (inner.type === 'string') {
    const content = inner.namedChildren.find((c) => c?.type === 'string_content')
    return content && /^[A-Za-z_]\w*$/.test(content.text) ? `ann:${content.text}` : null
  }
  if (inner.type === 'generic_type' && inner.namedChild(0)?.text === 'Optional') {
    const arg = inner.namedChild(1)?.namedChild(0)
    return arg ? pyAnnotation(arg) : null
  }
  if (inner.type === 'binary_operator') {
    const left = inner.childForFieldName('left')
    const right = inner.childForFieldName('right')
    if (right?.type === 'none' && left) return pyAnnotation(left)
  }
  return null
}

/** `: Foo`, `: ns.Foo`, `: Foo | null | undefined` -> `ann:Foo`. */
function tsAnnotation(type: Node): string | null {
  const inner = type.type === 'type_annotation' ? type.namedChild(0) : type
  if (!inner) return null
  if (inner.type === 'type_identifier') return `ann:${inner.text}`
  if (inner.type === 'nested_type_identifier')
    return `ann:${inner.namedChildren[inner.namedChildCount - 1]?.text ?? ''}`
  if (inner.type === 'union_type') {
    const parts = inner.namedChildren.filter(
      (c): c is Node =>
        c !== null &&
        !(c.type === 'literal_type' && /^(null|undefined)$/.test(c.text)) &&
        !(c.type === 'predefined_type' && c.text === 'undefined')
    )
    return parts.length === 1 ? tsAnnotation(parts[0]) : null
  }
  return null
}

/** `fact.member` -> lines (`call:Foo.get`, `ann:Foo.get`), for the model's `typedUseLines`. */
export function typedUseLines(typed: TypedReceivers): Record<string, number[]> {
  const out = new Map<string, Set<number>>()
  for (const { fact, name, line } of typed.values()) {
    const key = `${fact}.${name}`
    let lines = out.get(key)
    if (!lines) out.set(key, (lines = new Set()))
    lines.add(line)
  }
  const record: Record<string, number[]> = {}
  for (const [key, lines] of [...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    record[key] = [...lines].sort((a, b) => a - b)
  return record
}

/** `self.attr` / `this.attr` as a value: `attr:attr`, read through the file's assignments to it. */
function selfAttribute(node: Node, field: string): string | null {
  const object = node.childForFieldName('object')
  const name = node.childForFieldName(field)
  const self =
    object?.type === 'this' ||
    (object?.type === 'identifier' && (object.text === 'self' || object.text === 'cls'))
  return self && name ? `attr:${name.text}` : null
}

function isSuper(node: Node): boolean {
  if (node.type === 'super') return true
  return node.type === 'call' && node.childForFieldName('function')?.text === 'super'
}
