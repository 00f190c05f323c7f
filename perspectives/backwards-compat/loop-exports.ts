// CommonJS names that no declaration binds, because the file builds them from a list of string literals
// (proc-log 3: `for (const level of LEVELS) logger[level] = log(level)`, then `module.exports = logger`)
// or assigns them all at once (`Object.assign(module.exports, { a, b })`). The compiler sees `LEVELS`
// and nothing of `notice` or `error`; this finds each name with the assignment that gives it its value.
import type * as TS from 'typescript'

type TypeScript = typeof TS

export interface LoopProperty {
  /** `exports`: a property of the module's exports object; `default`: of the value `module.exports` is set to. */
  owner: 'exports' | 'default'
  name: string
  /** The assignment (or the object literal's property) that sets it. */
  at: TS.Node
  /** What gives it its value (an expression, or the object literal's method). */
  value: TS.Node
}

function isModuleExports(ts: TypeScript, node: TS.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'module' &&
    node.name.text === 'exports'
  )
}

/** The strings of an array literal made of string literals only (`['notice', 'error']`), else none. */
function stringList(ts: TypeScript, node: TS.Expression | undefined): string[] | undefined {
  if (!node || !ts.isArrayLiteralExpression(node) || node.elements.length === 0) return undefined
  const names = node.elements.map((e) =>
    ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? e.text : undefined
  )
  return names.every((n) => n !== undefined) ? (names as string[]) : undefined
}

/** Top-level `const LEVELS = ['a', 'b']` lists, and the local `module.exports = local` is set to. */
function fileFacts(
  ts: TypeScript,
  sf: TS.SourceFile
): { lists: Map<string, string[]>; exportedLocal?: string } {
  const lists = new Map<string, string[]>()
  let exportedLocal: string | undefined
  for (const statement of sf.statements) {
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) {
        const list = stringList(ts, d.initializer)
        if (list && ts.isIdentifier(d.name)) lists.set(d.name.text, list)
      }
    if (
      ts.isExpressionStatement(statement) &&
      ts.isBinaryExpression(statement.expression) &&
      statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      isModuleExports(ts, statement.expression.left) &&
      ts.isIdentifier(statement.expression.right)
    )
      exportedLocal = statement.expression.right.text
  }
  return { lists, exportedLocal }
}

/**
 * The properties a JavaScript file gives its exports through a loop over a literal list (`for … of`,
 * `.forEach`) or `Object.assign` with an object literal, on `exports`, `module.exports` or the local
 * that `module.exports` is set to. Only top-level statements are read: a loop inside a function runs
 * when it is called, not when the module loads.
 */
export function loopBuiltProperties(ts: TypeScript, sf: TS.SourceFile): LoopProperty[] {
  const { lists, exportedLocal } = fileFacts(ts, sf)
  const ownerOf = (target: TS.Expression): LoopProperty['owner'] | undefined => {
    if (ts.isIdentifier(target) && target.text === 'exports') return 'exports'
    if (isModuleExports(ts, target)) return exportedLocal ? 'default' : 'exports'
    if (exportedLocal && ts.isIdentifier(target) && target.text === exportedLocal) return 'default'
    return undefined
  }
  const found: LoopProperty[] = []
  const listOf = (node: TS.Expression): string[] | undefined =>
    ts.isIdentifier(node) ? lists.get(node.text) : stringList(ts, node)
  /** `target[variable] = value` statements in a loop body over `names`. */
  const readBody = (body: TS.Node, variable: string, names: string[]): void => {
    const visit = (node: TS.Node): void => {
      if (ts.isFunctionLike(node)) return
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isElementAccessExpression(node.left) &&
        ts.isIdentifier(node.left.argumentExpression) &&
        node.left.argumentExpression.text === variable
      ) {
        const owner = ownerOf(node.left.expression)
        if (owner)
          for (const name of names) found.push({ owner, name, at: node, value: node.right })
      }
      ts.forEachChild(node, visit)
    }
    visit(body)
  }
  for (const statement of sf.statements) {
    if (ts.isForOfStatement(statement)) {
      const names = listOf(statement.expression)
      const init = statement.initializer
      const variable =
        ts.isVariableDeclarationList(init) && ts.isIdentifier(init.declarations[0]?.name)
          ? init.declarations[0].name.text
          : undefined
      if (names && variable) readBody(statement.statement, variable, names)
      continue
    }
    if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) continue
    const call = statement.expression
    if (!ts.isPropertyAccessExpression(call.expression)) continue
    const method = call.expression.name.text
    // `LEVELS.forEach((level) => { logger[level] = … })`
    if (method === 'forEach') {
      const names = listOf(call.expression.expression)
      const callback = call.arguments[0]
      if (
        names &&
        callback &&
        (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) &&
        callback.parameters[0] &&
        ts.isIdentifier(callback.parameters[0].name)
      )
        readBody(callback.body, callback.parameters[0].name.text, names)
      continue
    }
    // `Object.assign(module.exports, { a, b: … })`
    if (
      method === 'assign' &&
      ts.isIdentifier(call.expression.expression) &&
      call.expression.expression.text === 'Object' &&
      call.arguments.length >= 2
    ) {
      const owner = ownerOf(call.arguments[0])
      if (!owner) continue
      for (const source of call.arguments.slice(1)) {
        if (!ts.isObjectLiteralExpression(source)) continue
        for (const p of source.properties) {
          if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
            found.push({ owner, name: p.name.text, at: p, value: p.initializer })
          else if (ts.isShorthandPropertyAssignment(p))
            found.push({ owner, name: p.name.text, at: p, value: p.name })
          else if (ts.isMethodDeclaration(p) && ts.isIdentifier(p.name))
            found.push({ owner, name: p.name.text, at: p, value: p })
        }
      }
    }
  }
  return found
}
