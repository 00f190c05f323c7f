// The independent oracle for the fidelity tests: the TypeScript compiler's own parser
// (ts.createSourceFile), walked over declarations with its AST, not with tree-sitter.
import ts from 'typescript'

export interface OracleParam {
  name: string
  type?: string
  defaultValue?: string
  optional: boolean
  rest: boolean
}

export interface OracleFunction {
  name: string
  line: number
  params: OracleParam[]
  returnType?: string
  async: boolean
  generator: boolean
  exported: boolean
}

export interface OracleClass {
  name: string
  line: number
  exported: boolean
}

function scriptKind(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX
  if (path.endsWith('.js') || path.endsWith('.mjs') || path.endsWith('.cjs'))
    return ts.ScriptKind.JS
  return ts.ScriptKind.TS
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind)
}

function unwrap(e: ts.Expression | undefined): ts.Expression | undefined {
  let x = e
  while (
    x &&
    (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isSatisfiesExpression(x))
  )
    x = x.expression
  return x
}

function isFunctionValue(
  e: ts.Expression | undefined
): e is ts.ArrowFunction | ts.FunctionExpression {
  const x = unwrap(e)
  return !!x && (ts.isArrowFunction(x) || ts.isFunctionExpression(x))
}

export function oracle(
  path: string,
  text: string
): { functions: OracleFunction[]; classes: OracleClass[] } {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, scriptKind(path))
  const line = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1
  /** Start of a declaration, after its decorators. */
  const startOf = (node: ts.Node): number => {
    const decorators = ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined
    if (decorators && decorators.length > 0) {
      // getModifiers leaves decorators out: the first keyword after them, else the name.
      const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined
      const name = (node as { name?: ts.Node }).name
      const first = modifiers?.[0] ?? name
      if (first) return line(first.getStart(sf))
    }
    return line(node.getStart(sf))
  }

  // Local names exported by export lists, `export default name` and CommonJS assignments.
  const exportedNames = new Set<string>()
  const commonJsObjects = new Set<ts.Node>()
  for (const stmt of sf.statements) {
    if (
      ts.isExportDeclaration(stmt) &&
      !stmt.moduleSpecifier &&
      stmt.exportClause &&
      ts.isNamedExports(stmt.exportClause)
    ) {
      for (const el of stmt.exportClause.elements)
        exportedNames.add((el.propertyName ?? el.name).text)
    } else if (ts.isExportAssignment(stmt) && ts.isIdentifier(stmt.expression)) {
      exportedNames.add(stmt.expression.text)
    } else if (
      ts.isExpressionStatement(stmt) &&
      ts.isBinaryExpression(stmt.expression) &&
      stmt.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
    ) {
      const left = stmt.expression.left.getText(sf)
      const right = stmt.expression.right
      if (left === 'module.exports' && ts.isObjectLiteralExpression(right)) {
        commonJsObjects.add(right)
        for (const p of right.properties) {
          if (ts.isShorthandPropertyAssignment(p)) exportedNames.add(p.name.text)
          else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.initializer))
            exportedNames.add(p.initializer.text)
        }
      } else if (
        (left.startsWith('exports.') || left.startsWith('module.exports')) &&
        ts.isIdentifier(right)
      ) {
        exportedNames.add(right.text)
      }
    }
  }

  const functions: OracleFunction[] = []
  const classes: OracleClass[] = []
  const exportedClasses = new Set<ts.Node>()

  const params = (fn: ts.SignatureDeclaration): OracleParam[] =>
    fn.parameters
      .filter((p) => p.name.getText(sf) !== 'this')
      .map((p) => {
        const o: OracleParam = {
          name: p.name.getText(sf),
          optional: !!p.questionToken || !!p.initializer,
          rest: !!p.dotDotDotToken
        }
        if (p.type) o.type = p.type.getText(sf)
        if (p.initializer) o.defaultValue = p.initializer.getText(sf)
        return o
      })
  const add = (
    name: string,
    at: number,
    fn: ts.SignatureDeclaration & { body?: ts.Node },
    exported: boolean
  ): void => {
    const f: OracleFunction = {
      name,
      line: at,
      params: params(fn),
      async: hasModifier(fn, ts.SyntaxKind.AsyncKeyword),
      generator: !!(fn as ts.FunctionLikeDeclarationBase).asteriskToken,
      exported
    }
    if (fn.type) f.returnType = fn.type.getText(sf)
    functions.push(f)
  }
  const isTopLevel = (node: ts.Node): boolean => {
    for (let p = node.parent; p; p = p.parent) {
      if (ts.isFunctionLike(p) || ts.isClassLike(p)) return false
    }
    return true
  }
  const memberExported = (member: ts.ClassElement): boolean => {
    const cls = member.parent
    const isPrivate =
      hasModifier(member, ts.SyntaxKind.PrivateKeyword) ||
      hasModifier(member, ts.SyntaxKind.ProtectedKeyword) ||
      (member.name !== undefined && ts.isPrivateIdentifier(member.name))
    return exportedClasses.has(cls) && !isPrivate
  }

  // Iterative pre-order walk (parents before children, so classes are known before their members).
  const stack: ts.Node[] = [sf]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (ts.isFunctionDeclaration(node) && node.body) {
      const name = node.name?.text ?? 'default'
      add(
        name,
        startOf(node),
        node,
        hasModifier(node, ts.SyntaxKind.ExportKeyword) ||
          (isTopLevel(node) && exportedNames.has(name))
      )
    } else if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      const name = node.name?.text ?? 'default'
      const exported =
        hasModifier(node, ts.SyntaxKind.ExportKeyword) ||
        (isTopLevel(node) && exportedNames.has(name))
      if (exported) exportedClasses.add(node)
      classes.push({ name, line: startOf(node), exported })
    } else if (
      (ts.isMethodDeclaration(node) ||
        ts.isGetAccessor(node) ||
        ts.isSetAccessor(node) ||
        ts.isConstructorDeclaration(node)) &&
      node.body
    ) {
      const name = ts.isConstructorDeclaration(node) ? 'constructor' : node.name.getText(sf)
      const exported = ts.isClassLike(node.parent)
        ? memberExported(node)
        : commonJsObjects.has(node.parent)
      add(name, startOf(node), node, exported)
    } else if (ts.isPropertyDeclaration(node) && isFunctionValue(node.initializer)) {
      add(
        node.name.getText(sf),
        startOf(node),
        unwrap(node.initializer) as ts.ArrowFunction,
        memberExported(node)
      )
    } else if (ts.isPropertyAssignment(node) && isFunctionValue(node.initializer)) {
      add(
        node.name.getText(sf),
        startOf(node),
        unwrap(node.initializer) as ts.ArrowFunction,
        commonJsObjects.has(node.parent)
      )
    } else if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      isFunctionValue(node.initializer)
    ) {
      const statement = node.parent.parent
      const exported =
        (ts.isVariableStatement(statement) &&
          hasModifier(statement, ts.SyntaxKind.ExportKeyword)) ||
        (isTopLevel(node) && exportedNames.has(node.name.text))
      add(node.name.text, startOf(node), unwrap(node.initializer) as ts.ArrowFunction, exported)
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      isFunctionValue(node.right)
    ) {
      const left = node.left
      const leftText = left.getText(sf)
      const name = ts.isPropertyAccessExpression(left) ? left.name.text : leftText
      const exported = leftText.startsWith('exports.') || leftText.startsWith('module.exports')
      add(
        name,
        line(unwrap(node.right)!.getStart(sf)),
        unwrap(node.right) as ts.ArrowFunction,
        exported
      )
    }
    const children: ts.Node[] = []
    ts.forEachChild(node, (c) => {
      children.push(c)
    })
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i])
  }
  return { functions, classes }
}
