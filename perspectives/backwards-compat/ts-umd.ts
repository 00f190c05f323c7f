// A UMD module (`(function (root, factory) { … module.exports = factory() … }(this, function () { … }))`)
// exports nothing the compiler can see: the value users get is what the factory returns (mustache 3's
// `var mustache = { … }; mustache.to_html = …; return mustache`), or what it assigns on the `exports`
// object it is handed (`factory(exports)`). This finds those properties, with the node that gives each
// its value, so that they are read as the members of the module's `default`.
import type * as TS from 'typescript'

type TypeScript = typeof TS

export interface UmdProperty {
  name: string
  /** Where it is declared (the assignment or the object literal's property). */
  at: TS.Node
  /** What it is set to, when written (`undefined` placeholders in an object literal give none). */
  value?: TS.Expression
}

function unwrap(ts: TypeScript, node: TS.Expression): TS.Expression {
  let n = node
  while (ts.isParenthesizedExpression(n)) n = n.expression
  return n
}

function isFunctionLike(ts: TypeScript, node: TS.Node): node is TS.FunctionExpression {
  return ts.isFunctionExpression(node) || ts.isArrowFunction(node)
}

/** True when an identifier `name` occurs under `node`. */
function mentions(ts: TypeScript, node: TS.Node, name: string): boolean {
  let found = false
  const visit = (n: TS.Node): void => {
    if (found) return
    if (ts.isIdentifier(n) && n.text === name) found = true
    else ts.forEachChild(n, visit)
  }
  visit(node)
  return found
}

/** The wrapper and factory of a top-level UMD call, when the file is one. */
function umdCall(
  ts: TypeScript,
  sf: TS.SourceFile
): { wrapper: TS.FunctionExpression; factory: TS.FunctionExpression } | undefined {
  for (const statement of sf.statements) {
    if (!ts.isExpressionStatement(statement)) continue
    const call = unwrap(ts, statement.expression)
    if (!ts.isCallExpression(call)) continue
    const wrapper = unwrap(ts, call.expression)
    const factory = call.arguments.length > 0 ? unwrap(ts, call.arguments.at(-1)!) : undefined
    if (!isFunctionLike(ts, wrapper) || !factory || !isFunctionLike(ts, factory)) continue
    // The wrapper must hand the factory's result or `exports` to CommonJS.
    if (mentions(ts, wrapper, 'exports'))
      return {
        wrapper: wrapper as TS.FunctionExpression,
        factory: factory as TS.FunctionExpression
      }
  }
  return undefined
}

/** `target.name = value` statements at the top of a function body. */
function assignedOn(ts: TypeScript, body: TS.Block, target: string): UmdProperty[] {
  const found: UmdProperty[] = []
  for (const statement of body.statements) {
    if (!ts.isExpressionStatement(statement)) continue
    const e = statement.expression
    if (
      ts.isBinaryExpression(e) &&
      e.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(e.left) &&
      ts.isIdentifier(e.left.expression) &&
      e.left.expression.text === target
    )
      found.push({ name: e.left.name.text, at: statement, value: e.right })
  }
  return found
}

/** The properties of a UMD module's value, or undefined when the file is not a UMD module. */
export function umdProperties(ts: TypeScript, sf: TS.SourceFile): UmdProperty[] | undefined {
  const umd = umdCall(ts, sf)
  const body = umd?.factory.body
  if (!umd || !body || !ts.isBlock(body)) return undefined
  const returned = body.statements.find(ts.isReturnStatement)?.expression
  const byName = new Map<string, UmdProperty>()
  const keep = (p: UmdProperty): void => {
    const known = byName.get(p.name)
    if (!known || (!known.value && p.value)) byName.set(p.name, p)
  }
  if (returned && ts.isIdentifier(returned)) {
    // `var mustache = { … }; mustache.x = …; return mustache`
    const name = returned.text
    for (const statement of body.statements) {
      if (!ts.isVariableStatement(statement)) continue
      for (const d of statement.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || d.name.text !== name || !d.initializer) continue
        const init = unwrap(ts, d.initializer)
        if (!ts.isObjectLiteralExpression(init)) continue
        for (const prop of init.properties) {
          if (!prop.name || !(ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) continue
          const value =
            ts.isPropertyAssignment(prop) &&
            !(ts.isIdentifier(prop.initializer) && prop.initializer.text === 'undefined')
              ? prop.initializer
              : undefined
          keep({ name: prop.name.text, at: prop, ...(value ? { value } : {}) })
        }
      }
    }
    for (const p of assignedOn(ts, body, name)) keep(p)
  } else if (umd.factory.parameters.length > 0 && ts.isIdentifier(umd.factory.parameters[0].name)) {
    // `factory(exports)`: the first parameter is the exports object.
    for (const p of assignedOn(ts, body, umd.factory.parameters[0].name.text)) keep(p)
  }
  return byName.size > 0 ? [...byName.values()] : undefined
}
