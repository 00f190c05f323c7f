// The JSDoc `@example` lines of a module's named functions that state a result, read by the
// TypeScript compiler's parser, for the defect probe to run as Python's doctest runs a docstring:
// `camelCase('$catDog') === 'catDog'`, `ms('2h') // => 7200000`, `R.add(1, 2) //=> 3`. Only a call of
// the documented function (by name, or on a namespace: `R.add`) on the left and a plain value on the right (a literal, an array or object
// of them) count: anything else (a variable set up earlier, a prose result) is no stated result.
import type * as TS from 'typescript'

type TypeScript = typeof TS

export interface JsExample {
  /** The documented function (the example's callee). */
  name: string
  /** The call as written: `camelCase('$catDog')`. */
  call: string
  /** The arguments' text, without the parentheses. */
  args: string
  /** The stated result as written: `'catDog'`. */
  want: string
  /** The example line in the file (1-based). */
  line: number
}

/** `expr === value`, `expr == value`, `expr // => value`, `expr //=> value`, `expr // returns value`. */
const STATED = [
  /^(?<call>.+?)\s*;?\s*\/\/\s*(?:=>|->|returns?:?|→)\s*(?<want>.+?)\s*$/,
  /^(?<call>.+?)\s*={2,3}\s*(?<want>.+?)\s*;?\s*$/
]

function parseExpression(ts: TypeScript, text: string): TS.Expression | null {
  const source = ts.createSourceFile(
    'example.ts',
    `(${text})`,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS
  )
  if (source.statements.length !== 1) return null
  const statement = source.statements[0]
  if (!ts.isExpressionStatement(statement)) return null
  // A parse error shows as missing tokens: the text is no expression.
  if ((source as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length) return null
  let e = statement.expression
  while (ts.isParenthesizedExpression(e)) e = e.expression
  return e
}

/** A value written out: literals, negative numbers, arrays and objects of them. */
function plainValue(ts: TypeScript, e: TS.Expression): boolean {
  if (
    ts.isStringLiteral(e) ||
    ts.isNumericLiteral(e) ||
    ts.isNoSubstitutionTemplateLiteral(e) ||
    ts.isBigIntLiteral(e) ||
    e.kind === ts.SyntaxKind.TrueKeyword ||
    e.kind === ts.SyntaxKind.FalseKeyword ||
    e.kind === ts.SyntaxKind.NullKeyword
  )
    return true
  if (ts.isIdentifier(e)) return e.text === 'undefined' || e.text === 'NaN' || e.text === 'Infinity'
  if (ts.isPrefixUnaryExpression(e))
    return e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)
  if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => plainValue(ts, x))
  if (ts.isObjectLiteralExpression(e))
    return e.properties.every(
      (p) =>
        ts.isPropertyAssignment(p) &&
        (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) &&
        plainValue(ts, p.initializer)
    )
  return false
}

/** Arguments written out too: a call on values the example sets up earlier cannot be replayed alone. */
function plainArgument(ts: TypeScript, e: TS.Expression): boolean {
  return plainValue(ts, e) || (ts.isArrowFunction(e) && !!e.body)
}

/** The stated results in one `@example` text, of calls to `name`. */
export function statedResults(
  ts: TypeScript,
  name: string,
  text: string,
  firstLine: number
): JsExample[] {
  const out: JsExample[] = []
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/^\s*\*?\s?/, '').trim()
    if (!line || line.startsWith('//')) continue
    for (const re of STATED) {
      const m = re.exec(line)
      if (!m?.groups) continue
      const call = parseExpression(ts, m.groups.call)
      const want = parseExpression(ts, m.groups.want)
      if (!call || !want || !ts.isCallExpression(call) || !plainValue(ts, want)) continue
      // The function by name, or on the package's namespace as its readers import it (`R.add(2, 3)`).
      const callee = call.expression
      const named =
        ts.isIdentifier(callee) ||
        (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression))
      if (!named || (ts.isIdentifier(callee) ? callee.text : callee.name.text) !== name) continue
      if (!call.arguments.every((a) => plainArgument(ts, a))) continue
      const args = call.arguments.map((a) => a.getText()).join(', ')
      out.push({
        name,
        call: ts.isIdentifier(callee) ? call.getText() : `${name}(${args})`,
        args,
        want: want.getText(),
        line: firstLine + i
      })
      break
    }
  }
  return out
}

/** The stated results of every `@example` on `fn` (a function declaration or the variable holding it). */
export function examplesOf(
  ts: TypeScript,
  source: TS.SourceFile,
  name: string,
  fn: TS.Node
): JsExample[] {
  // JSDoc sits on the declaration: the variable for `const f = () => ...`.
  const host =
    (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent)
      ? fn.parent
      : fn
  const out: JsExample[] = []
  for (const tag of ts.getJSDocTags(host)) {
    if (tag.tagName.text !== 'example') continue
    const text = source.text.slice(tag.tagName.end, tag.end)
    const first = source.getLineAndCharacterOfPosition(tag.tagName.end).line + 1
    out.push(...statedResults(ts, name, text, first))
  }
  return out
}
