// Where the code hands an instance of one class of ours to a place typed as another class of ours
// (`const p: Pen = new Marker()`, `sketch(new Marker())` for `sketch(p: Pen)`, `return marker` from a
// function declared to return a Pen, `x as Pen`). TypeScript compares classes by shape, so such code
// compiles when Marker has every member of Pen; a receiver typed Pen may then be a Marker. Collected
// from the type checker over the repository's files, so a receiver's class can be read by name plus
// these flows rather than by every class of the same shape.
import type * as TS from 'typescript'

type TypeScript = typeof TS

/**
 * Target class name -> the classes of ours whose instances flow into places typed as it; `*` among
 * them: an untyped value is assigned there in JavaScript (`x = make()` over `let x = new Foo()`),
 * which the checker does not count, so the place may hold anything.
 */
export type ClassFlows = ReadonlyMap<string, ReadonlySet<string>>
export const UNTYPED_FLOW = '*'

export function classFlows(
  ts: TypeScript,
  checker: TS.TypeChecker,
  program: TS.Program,
  repoFiles: ReadonlySet<string>
): ClassFlows {
  const out = new Map<string, Set<string>>()
  const classNames = (type: TS.Type | undefined): string[] => {
    if (!type) return []
    const parts = type.isUnion() ? type.types : [type]
    const names: string[] = []
    for (const part of parts) {
      const symbol = part.getSymbol()
      if (!symbol || !(symbol.flags & ts.SymbolFlags.Class)) continue
      const declared = (symbol.getDeclarations() ?? []).find(
        (d): d is TS.ClassDeclaration | TS.ClassExpression =>
          (ts.isClassDeclaration(d) || ts.isClassExpression(d)) &&
          d.name !== undefined &&
          repoFiles.has(d.getSourceFile().fileName)
      )
      if (declared?.name) names.push(declared.name.text)
    }
    return names
  }
  const add = (into: string, from: string): void => {
    let set = out.get(into)
    if (!set) out.set(into, (set = new Set()))
    set.add(from)
  }
  const flow = (source: TS.Expression, target: TS.Type | undefined, assigned = false): void => {
    const into = classNames(target)
    if (into.length === 0) return
    const type = checker.getTypeAtLocation(source)
    if (assigned && type.flags & ts.TypeFlags.Any && isJavaScript(source.getSourceFile().fileName))
      for (const t of into) add(t, UNTYPED_FLOW)
    for (const from of classNames(type)) for (const t of into) if (from !== t) add(t, from)
  }
  const contextual = (e: TS.Expression): void => flow(e, checker.getContextualType(e))
  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node))
      for (const arg of node.arguments ?? []) contextual(arg)
    else if (ts.isVariableDeclaration(node) && node.type && node.initializer)
      flow(node.initializer, checker.getTypeFromTypeNode(node.type))
    else if (ts.isPropertyDeclaration(node) && node.type && node.initializer)
      flow(node.initializer, checker.getTypeFromTypeNode(node.type))
    else if (
      (ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) &&
      node.initializer &&
      ts.getJSDocType(node)
    )
      // JavaScript: `/** @type {Pen} */ const p = new Marker()`.
      flow(node.initializer, checker.getTypeAtLocation(node.name))
    else if (ts.isParenthesizedExpression(node) && ts.getJSDocTypeTag(node))
      // JavaScript's cast: `/** @type {Pen} */ (marker)`.
      flow(underCasts(ts, node.expression), checker.getTypeAtLocation(node))
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken)
      flow(node.right, checker.getTypeAtLocation(node.left), true)
    else if (ts.isReturnStatement(node) && node.expression) contextual(node.expression)
    else if (ts.isPropertyAssignment(node)) contextual(node.initializer)
    else if (ts.isShorthandPropertyAssignment(node))
      flow(node.name, checker.getContextualType(node.name))
    else if (ts.isArrayLiteralExpression(node)) for (const e of node.elements) contextual(e)
    else if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node))
      // `new Ring() as unknown as Square`: the value under every cast is what flows.
      flow(underCasts(ts, node.expression), checker.getTypeFromTypeNode(node.type))
    else if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) contextual(node.body)
    else if (ts.isParameter(node) && node.type && node.initializer)
      flow(node.initializer, checker.getTypeFromTypeNode(node.type))
    ts.forEachChild(node, visit)
  }
  for (const sf of program.getSourceFiles()) if (repoFiles.has(sf.fileName)) visit(sf)
  return out
}

function underCasts(ts: TypeScript, e: TS.Expression): TS.Expression {
  let out = e
  while (
    ts.isAsExpression(out) ||
    ts.isTypeAssertionExpression(out) ||
    ts.isParenthesizedExpression(out) ||
    ts.isNonNullExpression(out) ||
    ts.isSatisfiesExpression(out)
  )
    out = out.expression
  return out
}

const isJavaScript = (path: string): boolean => /\.[cm]?jsx?$/.test(path)
