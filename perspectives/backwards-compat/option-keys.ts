// The option keys a function's options parameter takes. Untyped JavaScript names them nowhere but in
// the body (`options.secDecimalDigits`, `const {signal} = options`, `({signal} = {})`), so they are read
// there with the checker (a read counts only when the name refers to the parameter itself); a typed
// parameter's keys are the properties of its declared object type. Comparing the two sets is how an
// option renamed in untyped JavaScript (pretty-ms 4 -> 5) is seen.
import type * as TS from 'typescript'

type TypeScript = typeof TS

export interface OptionKeys {
  /** `file` when the key is read in another function the object was handed to. */
  keys?: { name: string; line: number; file?: string }[]
  keysFrom?: 'read' | 'type'
  keysOwner?: string
  /** The body hands the whole object on (a call, a spread, another variable): it may read more keys. */
  keysOpen?: boolean
}

/** Names that read the object's prototype, not an option. */
const NOT_OPTIONS = new Set([
  'hasOwnProperty',
  'toString',
  'valueOf',
  'constructor',
  'length',
  'then',
  'isPrototypeOf',
  'propertyIsEnumerable'
])

/** Parameter names that say "an options object" when the parameter has no default to say so. */
const OPTION_NAMES = new Set(['options', 'opts', 'option', 'config', 'settings', 'params'])

function lineOf(node: TS.Node): number {
  const sf = node.getSourceFile()
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1
}

function bindingKeys(
  ts: TypeScript,
  pattern: TS.ObjectBindingPattern
): { name: string; line: number }[] {
  const found: { name: string; line: number }[] = []
  for (const element of pattern.elements) {
    if (element.dotDotDotToken) continue
    const key = element.propertyName ?? element.name
    if (ts.isIdentifier(key) || ts.isStringLiteral(key))
      found.push({ name: key.text, line: lineOf(element) })
  }
  return found
}

type Key = { name: string; line: number; file?: string }

/**
 * How many functions deep an options object is followed to where its properties are read (glob 8:
 * `glob` -> `globSync` -> `GlobSync` -> `setopts`).
 */
const FOLLOW_DEPTH = 4

/**
 * Callees that check an options object against a schema and hand it back unchanged (schema-utils'
 * `validate(schema, options)`): they read no option for the caller, and unknown keys fail there.
 */
const VALIDATOR = /^(validate\w*|assert\w*|check\w*)$/

/** Keys the body reads from the parameter (untyped JavaScript). */
function readKeys(
  ts: TypeScript,
  checker: TS.TypeChecker,
  param: TS.ParameterDeclaration,
  symbol: TS.Symbol,
  fn: TS.SignatureDeclaration | undefined,
  followed: Set<TS.Node> = new Set(),
  backToCaller = false
): { keys: Key[]; open: boolean } {
  if (ts.isObjectBindingPattern(param.name))
    return { keys: bindingKeys(ts, param.name), open: false }
  const none = { keys: [], open: false }
  if (!ts.isIdentifier(param.name)) return none
  const defaultsToObject =
    param.initializer !== undefined && ts.isObjectLiteralExpression(param.initializer)
  // A parameter an options object was followed into may have any name (`setopts(self, pattern, options)`).
  if (followed.size === 0 && !defaultsToObject && !OPTION_NAMES.has(param.name.text)) return none
  const body = fn && 'body' in fn ? (fn as { body?: TS.Node }).body : undefined
  if (!body || !fn) return none
  followed.add(fn)
  const file = fn.getSourceFile().fileName.replace(/^\//, '')
  const found = new Map<string, Key>()
  let open = false
  const note = (name: string, node: TS.Node): void => {
    if (!found.has(name)) found.set(name, { name, line: lineOf(node), file })
  }
  const isParam = (node: TS.Node): boolean =>
    ts.isIdentifier(node) && checker.getSymbolAtLocation(node) === symbol
  const visit = (node: TS.Node): void => {
    if (ts.isPropertyAccessExpression(node) && isParam(node.expression)) {
      note(node.name.text, node)
    } else if (
      ts.isElementAccessExpression(node) &&
      isParam(node.expression) &&
      ts.isStringLiteral(node.argumentExpression)
    ) {
      note(node.argumentExpression.text, node)
    } else if (
      ts.isVariableDeclaration(node) &&
      node.initializer &&
      isParam(node.initializer) &&
      ts.isObjectBindingPattern(node.name)
    ) {
      for (const key of bindingKeys(ts, node.name))
        if (!found.has(key.name)) found.set(key.name, { ...key, file })
    } else if (keyLoop(ts, node, isParam)) {
      // `for (k in options) if (isRangeOption(k))` against a list of names (abstract-leveldown 6's
      // `'start end gt gte lt lte'.split(' ')`, missed on held-out-9): each listed name is a key read.
      for (const key of listedKeys(ts, checker, keyLoop(ts, node, isParam)!))
        if (!found.has(key.name)) found.set(key.name, key)
    }
    // `return options` to a caller that wrote `options = setup(options)`: the caller keeps reading
    // the same object under the name being followed (abstract-leveldown 6's `_setupIteratorOptions`).
    const returnedBack = backToCaller && ts.isReturnStatement(node.parent)
    if (isParam(node) && handedOn(ts, node) && !shuffled(ts, node, fn) && !returnedBack) {
      // Handed to a call: followed into the callee where the program declares it (glob 8's
      // `glob(pattern, options)` -> `new Glob(pattern, options)` -> `setopts(self, pattern, options)`,
      // held-out-7: eight removed options missed because the entry only hands the object on).
      const into = calleeParam(ts, checker, node, followed)
      if (into === 'closed') {
        // a validator, or a function already being read: nothing more is taken
      } else if (into) {
        const call = node.parent
        const back =
          ts.isBinaryExpression(call.parent) &&
          call.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
          call.parent.right === call &&
          isParam(call.parent.left)
        const deeper = readKeys(ts, checker, into.param, into.symbol, into.fn, followed, back)
        for (const key of deeper.keys) if (!found.has(key.name)) found.set(key.name, key)
        if (deeper.open) open = true
      } else open = true
    }
    ts.forEachChild(node, visit)
  }
  visit(body)
  const keys = [...found.values()].filter((k) => !NOT_OPTIONS.has(k.name))
  return { keys, open }
}

/**
 * The loop variable and body of a loop over the object's own keys: `for (k in options)`,
 * `for (const k of Object.keys(options))`, `Object.keys(options).forEach((k) => …)`.
 */
function keyLoop(
  ts: TypeScript,
  node: TS.Node,
  isParam: (n: TS.Node) => boolean
): { variable: TS.Identifier; body: TS.Node } | undefined {
  const keysOf = (e: TS.Expression): boolean =>
    ts.isCallExpression(e) &&
    ts.isPropertyAccessExpression(e.expression) &&
    ts.isIdentifier(e.expression.expression) &&
    e.expression.expression.text === 'Object' &&
    e.expression.name.text === 'keys' &&
    e.arguments.length === 1 &&
    isParam(e.arguments[0])
  const declared = (init: TS.ForInitializer): TS.Identifier | undefined => {
    if (ts.isVariableDeclarationList(init)) {
      const name = init.declarations[0]?.name
      return name && ts.isIdentifier(name) ? name : undefined
    }
    return ts.isIdentifier(init) ? init : undefined
  }
  if (ts.isForInStatement(node) && isParam(node.expression)) {
    const variable = declared(node.initializer)
    return variable ? { variable, body: node.statement } : undefined
  }
  if (ts.isForOfStatement(node) && keysOf(node.expression)) {
    const variable = declared(node.initializer)
    return variable ? { variable, body: node.statement } : undefined
  }
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'forEach' &&
    keysOf(node.expression.expression)
  ) {
    const fn = node.arguments[0]
    const first =
      fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? fn.parameters[0] : undefined
    return first && ts.isIdentifier(first.name) ? { variable: first.name, body: fn } : undefined
  }
  return undefined
}

/** The names of a list written in the source: `['a', 'b']` or `'a b'.split(' ')`, with where it is. */
function literalList(
  ts: TypeScript,
  checker: TS.TypeChecker,
  list: TS.Expression
): Key[] | undefined {
  const symbol = ts.isIdentifier(list) ? checker.getSymbolAtLocation(list) : undefined
  const decl = symbol?.valueDeclaration
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined
  const init = decl.initializer
  const sf = decl.getSourceFile()
  const at = (name: string): Key => ({
    name,
    line: lineOf(init),
    file: sf.fileName.replace(/^\//, '')
  })
  if (ts.isArrayLiteralExpression(init)) {
    if (!init.elements.every((e) => ts.isStringLiteral(e))) return undefined
    return init.elements.map((e) => at((e as TS.StringLiteral).text))
  }
  if (
    ts.isCallExpression(init) &&
    ts.isPropertyAccessExpression(init.expression) &&
    init.expression.name.text === 'split' &&
    ts.isStringLiteral(init.expression.expression) &&
    init.arguments.length === 1 &&
    ts.isStringLiteral(init.arguments[0])
  ) {
    const separator = (init.arguments[0] as TS.StringLiteral).text
    return init.expression.expression.text
      .split(separator)
      .filter((n) => n !== '')
      .map(at)
  }
  return undefined
}

/**
 * Names a loop over the object's keys tests each key against: `LIST.indexOf(k)` or `LIST.includes(k)`
 * in the loop, or in a function the loop hands the key to (`isRangeOption(k)`), where LIST is a list
 * of names written in the source. A key so tested is one the function treats as an option.
 */
function listedKeys(
  ts: TypeScript,
  checker: TS.TypeChecker,
  loop: { variable: TS.Identifier; body: TS.Node },
  depth = 0
): Key[] {
  const variable = checker.getSymbolAtLocation(loop.variable)
  if (!variable) return []
  const found: Key[] = []
  const isKey = (n: TS.Node): boolean =>
    ts.isIdentifier(n) && checker.getSymbolAtLocation(n) === variable
  const visit = (n: TS.Node): void => {
    if (ts.isCallExpression(n) && n.arguments.length === 1 && isKey(n.arguments[0])) {
      const callee = n.expression
      if (
        ts.isPropertyAccessExpression(callee) &&
        ['indexOf', 'includes'].includes(callee.name.text)
      )
        found.push(...(literalList(ts, checker, callee.expression) ?? []))
      else if (ts.isIdentifier(callee) && depth === 0) {
        // One call deep: `function isRangeOption (k) { return rangeOptions.indexOf(k) !== -1 }`.
        const decl = checker.getSymbolAtLocation(callee)?.valueDeclaration
        const param = decl && ts.isFunctionDeclaration(decl) ? decl.parameters[0] : undefined
        if (decl && param && ts.isIdentifier(param.name) && (decl as TS.FunctionDeclaration).body)
          found.push(
            ...listedKeys(
              ts,
              checker,
              { variable: param.name, body: (decl as TS.FunctionDeclaration).body! },
              depth + 1
            )
          )
      }
    }
    ts.forEachChild(n, visit)
  }
  visit(loop.body)
  return found
}

/**
 * `cb = options` inside `if (typeof options === 'function')`: arguments shifted between the function's
 * own parameters, not the options object handed on.
 */
function shuffled(ts: TypeScript, node: TS.Node, fn: TS.SignatureDeclaration): boolean {
  const parent = node.parent
  if (
    !ts.isBinaryExpression(parent) ||
    parent.right !== node ||
    parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken ||
    !ts.isIdentifier(parent.left)
  )
    return false
  const left = parent.left.text
  return fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === left)
}

/**
 * The function a declaration stands for, through the names CommonJS gives it on the way
 * (`var setopts = common.setopts` -> `exports.setopts = setopts` -> `function setopts`).
 */
function functionBehind(
  ts: TypeScript,
  checker: TS.TypeChecker,
  decl: TS.Node
): TS.Node | undefined {
  let node: TS.Node | undefined = decl
  for (let hop = 0; hop < 5 && node; hop += 1) {
    if (
      ts.isFunctionLike(node) ||
      ts.isClassLike(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node)
    )
      return node
    let expr: TS.Node | undefined
    if (ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node)) expr = node.initializer
    else if (ts.isBinaryExpression(node)) expr = node.right
    else if (ts.isPropertyAccessExpression(node) && ts.isBinaryExpression(node.parent))
      expr = node.parent.right
    else return undefined
    if (!expr) return undefined
    if (ts.isFunctionExpression(expr) || ts.isArrowFunction(expr) || ts.isClassExpression(expr))
      return expr
    const at = ts.isPropertyAccessExpression(expr) ? expr.name : expr
    let symbol = checker.getSymbolAtLocation(at)
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol)
    const next = symbol?.valueDeclaration ?? symbol?.getDeclarations()?.[0]
    if (!next || next === node) return undefined
    node = next
  }
  return undefined
}

/** The parameter of the called function that receives `node` (an argument), when the program declares it. */
function calleeParam(
  ts: TypeScript,
  checker: TS.TypeChecker,
  node: TS.Node,
  followed: Set<TS.Node>
):
  | { param: TS.ParameterDeclaration; symbol: TS.Symbol; fn: TS.SignatureDeclaration }
  | 'closed'
  | undefined {
  const call = node.parent
  if (!ts.isCallExpression(call) && !ts.isNewExpression(call)) return undefined
  const index = call.arguments?.indexOf(node as TS.Expression) ?? -1
  if (index < 0) return undefined
  // Babel's `(0, _schemaUtils.validate)(schema, options)` calls what the comma leaves.
  let callee: TS.Expression = call.expression
  while (
    ts.isParenthesizedExpression(callee) ||
    (ts.isBinaryExpression(callee) && callee.operatorToken.kind === ts.SyntaxKind.CommaToken)
  )
    callee = ts.isParenthesizedExpression(callee) ? callee.expression : callee.right
  const calleeName = ts.isPropertyAccessExpression(callee)
    ? callee.name.text
    : ts.isIdentifier(callee)
      ? callee.text
      : ''
  if (VALIDATOR.test(calleeName)) return 'closed'
  if (followed.size >= FOLLOW_DEPTH) return undefined
  let target = checker.getSymbolAtLocation(callee)
  if (target && target.flags & ts.SymbolFlags.Alias) target = checker.getAliasedSymbol(target)
  for (const decl of target?.getDeclarations() ?? []) {
    const fn = functionBehind(ts, checker, decl)
    const declared =
      fn && ts.isClassLike(fn)
        ? fn.members.find((m): m is TS.ConstructorDeclaration => ts.isConstructorDeclaration(m))
        : fn
    // `return new Glob(pattern, options, cb)` inside Glob: the keys are the ones being read.
    if (declared && followed.has(declared)) return 'closed'
    if (
      !declared ||
      !(
        ts.isFunctionDeclaration(declared) ||
        ts.isFunctionExpression(declared) ||
        ts.isArrowFunction(declared) ||
        ts.isMethodDeclaration(declared) ||
        ts.isConstructorDeclaration(declared)
      )
    )
      continue
    const param = declared.parameters[index]
    if (!param || param.dotDotDotToken || param.type) return undefined
    const symbol = ts.isIdentifier(param.name) ? checker.getSymbolAtLocation(param.name) : undefined
    if (!symbol && !ts.isObjectBindingPattern(param.name)) return undefined
    return { param, symbol: symbol ?? target!, fn: declared }
  }
  return undefined
}

/**
 * `hasOwnProperty.call(options, k)`, `Object.hasOwn(options, k)`: a test of one key, which reads no
 * option for anyone else (abstract-leveldown 7's `cleanRangeOptions`).
 */
function ownKeyTest(call: TS.CallExpression): boolean {
  const callee = call.expression.getText().replace(/\s+/g, '')
  return (
    /(^|\.)(hasOwnProperty|propertyIsEnumerable)\.call$/.test(callee) || callee === 'Object.hasOwn'
  )
}

/** The whole object passed to a call, spread into another, or stored under another name. */
function handedOn(ts: TypeScript, node: TS.Node): boolean {
  const parent = node.parent
  if (ts.isCallExpression(parent) && ownKeyTest(parent)) return false
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return parent.expression !== node
  if (ts.isSpreadAssignment(parent) || ts.isSpreadElement(parent)) return true
  if (ts.isVariableDeclaration(parent)) return ts.isIdentifier(parent.name)
  if (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) return true
  if (ts.isReturnStatement(parent)) return true
  return (
    ts.isBinaryExpression(parent) &&
    parent.right === node &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  )
}

/** Properties of a typed parameter's object type, and the type's name when it is a plain reference. */
function typeKeys(
  ts: TypeScript,
  checker: TS.TypeChecker,
  node: TS.TypeNode
): OptionKeys | undefined {
  const type = checker.getNonNullableType(checker.getTypeFromTypeNode(node))
  if (!(type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) return undefined
  // An index signature takes any key: nothing is missing from it.
  if (checker.getIndexInfosOfType(type).length > 0) return undefined
  const keys = checker.getPropertiesOfType(type).map((prop) => {
    const decl = prop.valueDeclaration ?? prop.getDeclarations()?.[0]
    return { name: prop.name, line: decl ? lineOf(decl) : 0 }
  })
  if (keys.length === 0) return undefined
  const written = ts.isTypeReferenceNode(node)
    ? ts.isIdentifier(node.typeName)
      ? node.typeName.text
      : node.typeName.right.text
    : undefined
  return { keys, keysFrom: 'type', ...(written ? { keysOwner: written } : {}) }
}

export function optionKeys(
  ts: TypeScript,
  checker: TS.TypeChecker,
  param: TS.ParameterDeclaration,
  symbol: TS.Symbol,
  fn: TS.SignatureDeclaration | undefined
): OptionKeys {
  const declared = param.type ?? ts.getJSDocType(param)
  if (declared) return typeKeys(ts, checker, declared) ?? {}
  if (!/\.[cm]?jsx?$/.test(param.getSourceFile().fileName)) return {}
  const { keys, open } = readKeys(ts, checker, param, symbol, fn)
  return keys.length > 0 ? { keys, keysFrom: 'read', ...(open ? { keysOpen: true } : {}) } : {}
}
