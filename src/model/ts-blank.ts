// Type erasure by blanking, for TypeScript that the bundled tree-sitter grammar cannot read (variance
// annotations `in out T`, typed `static accessor` fields, very long type-level code): the TypeScript
// compiler parses the file, every type-only range is replaced by spaces (newlines kept, so every line
// and column stays where it was), and tree-sitter parses what is left. What the blanks took away
// (parameter and return types, exported type names) is read back from the compiler's tree.
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type * as TS from 'typescript'
import type { ExportDecl, ModuleModel } from './types.js'

type TypeScript = typeof TS

let loaded: Promise<TypeScript> | undefined

/** The compiler, loaded on first use only (a separate chunk in the bundle: most runs never need it). */
export function loadTypeScript(): Promise<TypeScript> {
  // The compiler is CommonJS and reads __filename while it loads; the ESM bundle has none to give it.
  const scope = globalThis as { __filename?: string; __dirname?: string }
  scope.__filename ??= fileURLToPath(import.meta.url)
  scope.__dirname ??= dirname(scope.__filename)
  loaded ??= import('typescript').then(
    (m) => (m as unknown as { default?: TypeScript }).default ?? (m as unknown as TypeScript)
  )
  return loaded
}

export interface Blanked {
  /** The text with type-only code replaced by spaces, same length and same lines. */
  text: string
  /** Syntax errors the TypeScript compiler itself reports (real errors in the file). */
  compilerErrors: number
  /** Function-likes with their declared types, by start line, to read back into the model. */
  signatures: Signature[]
  /** Exported interfaces and type aliases (blanked away, so given back as type exports). */
  typeExports: { name: string; line: number; column: number; endLine: number; endColumn: number }[]
}

interface Signature {
  line: number
  params: { name: string; type?: string }[]
  returnType?: string
}

function hasModifier(ts: TypeScript, node: TS.Node, kind: TS.SyntaxKind): boolean {
  return ts.canHaveModifiers(node)
    ? (ts.getModifiers(node) ?? []).some((m) => m.kind === kind)
    : false
}

export function blankTypes(ts: TypeScript, path: string, text: string): Blanked {
  const kind = path.endsWith('.tsx')
    ? ts.ScriptKind.TSX
    : /\.[cm]?ts$/.test(path)
      ? ts.ScriptKind.TS
      : path.endsWith('.jsx')
        ? ts.ScriptKind.JSX
        : ts.ScriptKind.JS
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind)
  const chars = text.split('')
  const blank = (start: number, end: number): void => {
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++)
      if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' '
  }
  /** From the `:` before a type annotation to the type's end. */
  const blankAnnotation = (type: TS.TypeNode): void => {
    let colon = type.getStart(file) - 1
    while (colon >= 0 && /\s/.test(text[colon])) colon--
    blank(text[colon] === ':' ? colon : type.getStart(file), type.end)
  }
  /** `<...>` around type parameters or arguments. */
  const blankAngles = (list: TS.NodeArray<TS.Node>): void => {
    let open = list.pos - 1
    while (open >= 0 && text[open] !== '<') open--
    let close = list.end
    while (close < text.length && text[close] !== '>') close++
    if (open >= 0 && close < text.length) blank(open, close + 1)
  }
  const signatures: Signature[] = []
  const typeExports: Blanked['typeExports'] = []
  const position = (at: number): { line: number; column: number } => {
    const p = file.getLineAndCharacterOfPosition(at)
    return { line: p.line + 1, column: p.character + 1 }
  }

  const visit = (node: TS.Node): void => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
      if (hasModifier(ts, node, ts.SyntaxKind.ExportKeyword)) {
        const start = position(node.getStart(file))
        const end = position(node.end)
        typeExports.push({
          name: node.name.text,
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column
        })
      }
      blank(node.getStart(file), node.end)
      return
    }
    if (
      hasModifier(ts, node, ts.SyntaxKind.DeclareKeyword) ||
      ts.isIndexSignatureDeclaration(node)
    ) {
      blank(node.getStart(file), node.end)
      return
    }
    // Overload signatures and abstract methods: no body, nothing but types.
    if (
      (ts.isFunctionDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isConstructorDeclaration(node)) &&
      node.body === undefined
    ) {
      blank(node.getStart(file), node.end)
      return
    }
    if (ts.isHeritageClause(node) && node.token === ts.SyntaxKind.ImplementsKeyword) {
      blank(node.getStart(file), node.end)
      return
    }
    if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
      visit(node.expression)
      blank(node.expression.end, node.end)
      return
    }
    if (ts.isTypeAssertionExpression(node)) {
      blank(node.getStart(file), node.expression.getStart(file))
      visit(node.expression)
      return
    }
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      signatures.push({
        line: position(node.getStart(file)).line,
        params: node.parameters.map((p) => ({
          name: p.name.getText(file),
          ...(p.type ? { type: p.type.getText(file) } : {})
        })),
        ...(node.type ? { returnType: node.type.getText(file) } : {})
      })
    }
    if (ts.isParameter(node) && ts.isIdentifier(node.name) && node.name.text === 'this') {
      // `this: T` is no parameter at run time: blank it and the comma after it.
      let end = node.end
      while (end < text.length && /\s/.test(text[end])) end++
      blank(node.getStart(file), text[end] === ',' ? end + 1 : node.end)
      return
    }
    // `static accessor x` trips the grammar; an auto-accessor is a property to the model.
    if (ts.isPropertyDeclaration(node)) {
      for (const m of ts.getModifiers(node) ?? [])
        if (m.kind === ts.SyntaxKind.AccessorKeyword) blank(m.getStart(file), m.end)
    }
    const typed = node as {
      type?: TS.TypeNode
      typeParameters?: TS.NodeArray<TS.Node>
      typeArguments?: TS.NodeArray<TS.Node>
    }
    if (typed.typeParameters && typed.typeParameters.length > 0) blankAngles(typed.typeParameters)
    if (typed.typeArguments && typed.typeArguments.length > 0 && !ts.isTypeReferenceNode(node))
      blankAngles(typed.typeArguments)
    if (
      typed.type &&
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isPropertyDeclaration(node) ||
        ts.isFunctionLike(node))
    ) {
      blankAnnotation(typed.type)
    }
    ts.forEachChild(node, visit)
  }
  ts.forEachChild(file, visit)
  const compilerErrors =
    (file as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0
  return { text: chars.join(''), compilerErrors, signatures, typeExports }
}

/** Gives back what blanking took from the model: declared parameter and return types, exported type names. */
export function restoreTypes(model: ModuleModel, blanked: Blanked): void {
  const byLine = new Map<number, Signature[]>()
  for (const s of blanked.signatures) byLine.set(s.line, [...(byLine.get(s.line) ?? []), s])
  for (const fn of model.functions) {
    const names = fn.params.map((p) => p.name)
    const match = (byLine.get(fn.loc.startLine) ?? []).find(
      (s) =>
        s.params.length === names.length &&
        s.params.every(
          (p, i) => p.name === names[i] || names[i].startsWith('{') || names[i].startsWith('[')
        )
    )
    if (!match) continue
    fn.params.forEach((p, i) => {
      const type = match.params[i].type
      if (type && !p.type) p.type = type
    })
    if (match.returnType && !fn.returnType) fn.returnType = match.returnType
  }
  const exported = new Set(model.exports.map((e) => e.name))
  for (const t of blanked.typeExports) {
    if (exported.has(t.name)) continue
    const decl: ExportDecl = {
      name: t.name,
      kind: 'type',
      loc: { startLine: t.line, startColumn: t.column, endLine: t.endLine, endColumn: t.endColumn }
    }
    model.exports.push(decl)
  }
}
