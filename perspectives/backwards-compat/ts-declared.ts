// What the TypeScript compiler's nodes say about declarations, as text the surface keeps: type
// parameters with their constraints and defaults, JSDoc types as TypeScript reads them, whether a
// JavaScript body reads `arguments`, and a plain interface as an object type.
import type * as TS from 'typescript'
import type { SurfaceTypeParam } from './ts-surface.js'

type TypeScript = typeof TS

const MAX_TYPE = 400

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX_TYPE ? `${flat.slice(0, MAX_TYPE - 1)}…` : flat
}

/** Type parameters as declared, or undefined when there are none. */
export function typeParamsOf(
  decl: { typeParameters?: TS.NodeArray<TS.TypeParameterDeclaration> } | undefined
): SurfaceTypeParam[] | undefined {
  const params = decl?.typeParameters
  if (!params || params.length === 0) return undefined
  return params.map((t) => ({
    name: t.name.text,
    ...(t.constraint ? { constraint: clip(t.constraint.getText()) } : {}),
    ...(t.default ? { default: clip(t.default.getText()) } : {})
  }))
}

/**
 * A JSDoc type as a TypeScript type: `{boolean=}` is an optional `boolean` (the optional mark is the
 * parameter's), `{?boolean}` and `{boolean?}` a nullable one, `{!T}` a non-null `T`. Only the outer
 * marks are read; eslint-scope 6's `boolean=` -> `?boolean` widened the parameter (judged on held-out-6).
 */
export function jsDocTypeText(ts: TypeScript, node: TS.TypeNode): string {
  if (ts.isJSDocOptionalType(node) || ts.isJSDocNonNullableType(node))
    return jsDocTypeText(ts, node.type)
  if (ts.isJSDocNullableType(node)) return `${jsDocTypeText(ts, node.type)} | null`
  return clip(node.getText())
}

/** True when the function's body reads `arguments` (not inside a nested ordinary function). */
export function readsArguments(ts: TypeScript, decl: TS.SignatureDeclaration | undefined): boolean {
  const body = decl && 'body' in decl ? (decl as { body?: TS.Node }).body : undefined
  if (!body) return false
  let found = false
  const visit = (n: TS.Node): void => {
    if (found) return
    if (ts.isIdentifier(n) && n.text === 'arguments') found = true
    else if (!ts.isFunctionDeclaration(n) && !ts.isFunctionExpression(n)) ts.forEachChild(n, visit)
  }
  ts.forEachChild(body, visit)
  return found
}

/** The class, interface or alias that declares a member, and its type parameters. */
export function declaringGeneric(
  ts: TypeScript,
  decl: TS.Node | undefined
): SurfaceTypeParam[] | undefined {
  let node = decl?.parent
  while (node && ts.isTypeLiteralNode(node)) node = node.parent
  if (
    node &&
    (ts.isClassLike(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node))
  )
    return typeParamsOf(node)
  return undefined
}

/** An interface's members as an object type, when it is a plain one (no type parameters, no `extends`, one declaration). */
export function interfaceBody(ts: TypeScript, symbol: TS.Symbol): string | undefined {
  const decls = symbol.getDeclarations() ?? []
  if (decls.length !== 1 || !ts.isInterfaceDeclaration(decls[0])) return undefined
  const decl = decls[0]
  if (decl.typeParameters?.length || decl.heritageClauses?.length) return undefined
  const members = decl.members.map((m) => m.getText().replace(/[;,]?\s*$/, ';'))
  return clip(`{ ${members.join(' ')} }`)
}

/**
 * True when a JavaScript body gives the parameter a value of its own when the caller leaves it out:
 * `options = options || {}`, `options ??= {}`, `options != null ? options : emptyOptions`,
 * `if (options == null) options = {}` (abstract-leveldown 7's chained batch `put(key, value, options)`,
 * judged no break on held-out-9). Such a parameter is optional as much as one written `options = {}`.
 * A test that throws (`if (!options) throw …`) gives no value: the parameter stays required.
 */
export function defaultedInBody(ts: TypeScript, param: TS.ParameterDeclaration): boolean {
  if (!ts.isIdentifier(param.name)) return false
  const name = param.name.text
  const fn = param.parent as { body?: TS.Node }
  if (!fn.body) return false
  const isName = (n: TS.Node | undefined): boolean =>
    n !== undefined && ts.isIdentifier(n) && n.text === name
  const unwrap = (n: TS.Expression): TS.Expression =>
    ts.isParenthesizedExpression(n) ? unwrap(n.expression) : n
  const nothing = (n: TS.Expression): boolean =>
    n.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(n) && n.text === 'undefined') ||
    (ts.isVoidExpression(n) && ts.isLiteralExpression(n.expression))
  // `typeof x === 'undefined'` compares the parameter with nothing too.
  const typeofUndefined = (a: TS.Expression, b: TS.Expression): boolean =>
    ts.isTypeOfExpression(a) &&
    isName(unwrap(a.expression)) &&
    ts.isStringLiteral(b) &&
    b.text === 'undefined'
  /** `true` when the test holds exactly when the parameter is missing, `false` when it is given. */
  const missingWhen = (test: TS.Expression): boolean | undefined => {
    const t = unwrap(test)
    if (ts.isPrefixUnaryExpression(t) && t.operator === ts.SyntaxKind.ExclamationToken)
      return isName(unwrap(t.operand)) ? true : undefined
    if (isName(t)) return false
    if (!ts.isBinaryExpression(t)) return undefined
    const op = t.operatorToken.kind
    const equal =
      op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsEqualsToken
    const unequal =
      op === ts.SyntaxKind.ExclamationEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsEqualsToken
    if (!equal && !unequal) return undefined
    const [l, r] = [unwrap(t.left), unwrap(t.right)]
    const about =
      (isName(l) && nothing(r)) ||
      (isName(r) && nothing(l)) ||
      typeofUndefined(l, r) ||
      typeofUndefined(r, l)
    return about ? equal : undefined
  }
  const assignsIt = (s: TS.Statement): boolean => {
    const first = ts.isBlock(s) ? s.statements[0] : s
    return (
      first !== undefined &&
      ts.isExpressionStatement(first) &&
      ts.isBinaryExpression(first.expression) &&
      first.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      isName(first.expression.left)
    )
  }
  let found = false
  const visit = (n: TS.Node): void => {
    if (found) return
    // A nested function has its own parameters and runs at another time.
    if (ts.isFunctionLike(n)) return
    if (ts.isBinaryExpression(n) && isName(unwrap(n.left))) {
      const op = n.operatorToken.kind
      if (
        op === ts.SyntaxKind.BarBarEqualsToken ||
        op === ts.SyntaxKind.QuestionQuestionEqualsToken ||
        ((op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) &&
          !isCondition(ts, n))
      )
        found = true
    } else if (ts.isConditionalExpression(n)) {
      const missing = missingWhen(n.condition)
      if (
        (missing === false && isName(unwrap(n.whenTrue))) ||
        (missing === true && isName(unwrap(n.whenFalse)))
      )
        found = true
    } else if (
      ts.isIfStatement(n) &&
      missingWhen(n.expression) === true &&
      assignsIt(n.thenStatement)
    )
      found = true
    if (!found) ts.forEachChild(n, visit)
  }
  ts.forEachChild(fn.body, visit)
  return found
}

/** True when `n` is (part of) the test of an `if`, a loop or a `?:`: a choice, not a value given. */
function isCondition(ts: TypeScript, n: TS.Node): boolean {
  let node = n
  while (
    ts.isParenthesizedExpression(node.parent) ||
    (ts.isBinaryExpression(node.parent) &&
      [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(
        node.parent.operatorToken.kind
      )) ||
    (ts.isPrefixUnaryExpression(node.parent) &&
      node.parent.operator === ts.SyntaxKind.ExclamationToken)
  )
    node = node.parent
  const p = node.parent
  return (
    ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) &&
      p.expression === node) ||
    (ts.isConditionalExpression(p) && p.condition === node) ||
    (ts.isForStatement(p) && p.condition === node)
  )
}
