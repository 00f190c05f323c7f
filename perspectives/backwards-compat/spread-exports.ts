// A CommonJS object export with a spread (@npmcli/fs 2: `module.exports = { ...require('./fs.js'),
// copyFile: …, cp: … }`). Without the spread the binder gives each property as a named export; with it
// the binder gives one `export=` whose type the spread of an untyped module makes unknown, and the
// object was read as a namespace `default` without members. Its written properties are the module's
// named exports, as they would be without the spread; what the spread brings has no fixed name.
import type * as TS from 'typescript'

type TypeScript = typeof TS

/** The named properties of a `module.exports = { ...x, a, b: … }` object, or undefined for another shape. */
export function spreadObjectExports(
  ts: TypeScript,
  exportEquals: TS.Symbol
): TS.Symbol[] | undefined {
  const decl = exportEquals.valueDeclaration ?? exportEquals.getDeclarations()?.[0]
  if (!decl) return undefined
  const assignment = ts.isBinaryExpression(decl)
    ? decl
    : decl.parent && ts.isBinaryExpression(decl.parent)
      ? decl.parent
      : undefined
  const value = assignment?.right
  if (!value || !ts.isObjectLiteralExpression(value)) return undefined
  if (!value.properties.some((p) => ts.isSpreadAssignment(p))) return undefined
  const named: TS.Symbol[] = []
  for (const property of value.properties) {
    if (ts.isSpreadAssignment(property)) continue
    const symbol = (property as unknown as { symbol?: TS.Symbol }).symbol
    if (symbol && property.name && !ts.isComputedPropertyName(property.name)) named.push(symbol)
  }
  return named
}
