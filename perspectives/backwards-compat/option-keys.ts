// The option keys a function's options parameter takes. Untyped JavaScript names them nowhere but in
// the body (`options.secDecimalDigits`, `const {signal} = options`, `({signal} = {})`), so they are read
// there with the checker (a read counts only when the name refers to the parameter itself); a typed
// parameter's keys are the properties of its declared object type. Comparing the two sets is how an
// option renamed in untyped JavaScript (pretty-ms 4 -> 5) is seen.
import type * as TS from 'typescript'

type TypeScript = typeof TS

export interface OptionKeys {
  keys?: { name: string; line: number }[]
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

/** Keys the body reads from the parameter (untyped JavaScript). */
function readKeys(
  ts: TypeScript,
  checker: TS.TypeChecker,
  param: TS.ParameterDeclaration,
  symbol: TS.Symbol,
  fn: TS.SignatureDeclaration | undefined
): { keys: { name: string; line: number }[]; open: boolean } {
  if (ts.isObjectBindingPattern(param.name))
    return { keys: bindingKeys(ts, param.name), open: false }
  const none = { keys: [], open: false }
  if (!ts.isIdentifier(param.name)) return none
  const defaultsToObject =
    param.initializer !== undefined && ts.isObjectLiteralExpression(param.initializer)
  if (!defaultsToObject && !OPTION_NAMES.has(param.name.text)) return none
  const body = fn && 'body' in fn ? (fn as { body?: TS.Node }).body : undefined
  if (!body) return none
  const found = new Map<string, number>()
  let open = false
  const isParam = (node: TS.Node): boolean =>
    ts.isIdentifier(node) && checker.getSymbolAtLocation(node) === symbol
  const visit = (node: TS.Node): void => {
    if (ts.isPropertyAccessExpression(node) && isParam(node.expression)) {
      const name = node.name.text
      if (!found.has(name)) found.set(name, lineOf(node))
    } else if (
      ts.isElementAccessExpression(node) &&
      isParam(node.expression) &&
      ts.isStringLiteral(node.argumentExpression)
    ) {
      const name = node.argumentExpression.text
      if (!found.has(name)) found.set(name, lineOf(node))
    } else if (
      ts.isVariableDeclaration(node) &&
      node.initializer &&
      isParam(node.initializer) &&
      ts.isObjectBindingPattern(node.name)
    ) {
      for (const key of bindingKeys(ts, node.name))
        if (!found.has(key.name)) found.set(key.name, key.line)
    } else if (isParam(node) && handedOn(ts, node)) {
      open = true
    }
    ts.forEachChild(node, visit)
  }
  visit(body)
  const keys = [...found]
    .filter(([name]) => !NOT_OPTIONS.has(name))
    .map(([name, line]) => ({ name, line }))
  return { keys, open }
}

/** The whole object passed to a call, spread into another, or stored under another name. */
function handedOn(ts: TypeScript, node: TS.Node): boolean {
  const parent = node.parent
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
