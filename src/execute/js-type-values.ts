// Values of a declared JavaScript/TypeScript type, for the defect probe (probe-js.ts): a parameter's
// TypeScript annotation or JSDoc `@param {type}`, read by the TypeScript compiler's own parser, gives
// a few values a caller may pass (`string` -> '', 'a', ...; `'a' | 'b'` -> each literal; `number[]`
// -> [], [1]). A type that says too little to make a valid value (`any`, `object`, `Function`, a class
// or interface by name) gives none, so the unit is not called: a crash on a guessed value proves nothing.
import type * as TS from 'typescript'
import type { SpecValue } from '../specs/types.js'

type TypeScript = typeof TS

const STRINGS: SpecValue[] = ['', 'a', 'Hello, World! 1']
const NUMBERS: SpecValue[] = [0, 1, -1, 100, 1.5]
const BOOLEANS: SpecValue[] = [true, false]
const BIGINTS: SpecValue[] = [{ $bigint: '0' }, { $bigint: '1' }]
const UNDEFINED: SpecValue = { $special: 'undefined' }
/** More would make the call table grow past use: a few values per parameter. */
const MAX_VALUES = 8

/** The type node of `text` written as a JSDoc type (TypeScript's type syntax is a subset of it). */
function parseType(ts: TypeScript, text: string): TS.TypeNode | null {
  const source = ts.createSourceFile(
    'probe-type.js',
    `/** @type {${text}} */\nlet probed;\n`,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.JS
  )
  const statement = source.statements[0]
  if (!statement || !ts.isVariableStatement(statement)) return null
  const declaration = statement.declarationList.declarations[0]
  return (declaration && ts.getJSDocType(declaration)) ?? null
}

function dedupe(values: SpecValue[]): SpecValue[] {
  const seen = new Set<string>()
  return values.filter((v) => {
    const key = JSON.stringify(v)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function valuesOf(ts: TypeScript, node: TS.TypeNode, depth: number): SpecValue[] | null {
  if (depth > 4) return null
  const k = ts.SyntaxKind
  switch (node.kind) {
    case k.StringKeyword:
      return STRINGS
    case k.NumberKeyword:
      return NUMBERS
    case k.BooleanKeyword:
      return BOOLEANS
    case k.BigIntKeyword:
      return BIGINTS
    case k.UndefinedKeyword:
    case k.VoidKeyword:
      return [UNDEFINED]
    case k.NullKeyword:
      return [null]
  }
  if (ts.isParenthesizedTypeNode(node)) return valuesOf(ts, node.type, depth)
  if (ts.isLiteralTypeNode(node)) {
    const lit = node.literal
    if (ts.isStringLiteral(lit)) return [lit.text]
    if (ts.isNumericLiteral(lit)) return [Number(lit.text)]
    if (lit.kind === k.TrueKeyword) return [true]
    if (lit.kind === k.FalseKeyword) return [false]
    if (lit.kind === k.NullKeyword) return [null]
    if (ts.isPrefixUnaryExpression(lit) && ts.isNumericLiteral(lit.operand))
      return [-Number(lit.operand.text)]
    return null
  }
  if (ts.isUnionTypeNode(node)) {
    const out: SpecValue[] = []
    for (const member of node.types) {
      const v = valuesOf(ts, member, depth + 1)
      if (v === null) return null
      out.push(...v)
    }
    return dedupe(out).slice(0, MAX_VALUES)
  }
  // JSDoc `?string` (nullable) and `string=` (optional).
  if (ts.isJSDocNullableType(node)) {
    const v = valuesOf(ts, node.type, depth + 1)
    return v === null ? null : [...v, null]
  }
  if (ts.isJSDocNonNullableType(node) || ts.isJSDocOptionalType(node))
    return valuesOf(ts, node.type, depth + 1)
  if (ts.isArrayTypeNode(node)) return arrayValues(ts, node.elementType, depth)
  if (ts.isTypeOperatorNode(node) && node.operator === k.ReadonlyKeyword)
    return valuesOf(ts, node.type, depth + 1)
  if (ts.isTupleTypeNode(node)) {
    const items: SpecValue[] = []
    for (const element of node.elements) {
      if (!ts.isTypeNode(element) || ts.isNamedTupleMember(element)) return null
      const v = valuesOf(ts, element, depth + 1)
      if (!v || v.length === 0) return null
      items.push(typical(v))
    }
    return [items]
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText()
    const args = node.typeArguments ?? []
    if ((name === 'Array' || name === 'ReadonlyArray') && args.length === 1)
      return arrayValues(ts, args[0], depth)
    if (name === 'Record' && args.length === 2 && args[0].kind === k.StringKeyword)
      return recordValues(ts, args[1], depth)
    // JSDoc's capitalised primitives.
    if (name === 'String' && args.length === 0) return STRINGS
    if (name === 'Number' && args.length === 0) return NUMBERS
    if (name === 'Boolean' && args.length === 0) return BOOLEANS
    return null
  }
  if (ts.isTypeLiteralNode(node)) return objectValues(ts, node, depth)
  return null
}

/** The value a row uses when another parameter is varied: a non-empty one where there is. */
function typical(values: SpecValue[]): SpecValue {
  return values.length > 1 ? values[1] : values[0]
}

function arrayValues(ts: TypeScript, element: TS.TypeNode, depth: number): SpecValue[] | null {
  const inner = valuesOf(ts, element, depth + 1)
  if (inner === null) return null
  const some = inner.filter((v) => v !== '' && v !== 0).slice(0, 2)
  return some.length > 0 ? [[], some] : [[]]
}

function recordValues(ts: TypeScript, value: TS.TypeNode, depth: number): SpecValue[] | null {
  const inner = valuesOf(ts, value, depth + 1)
  if (inner === null || inner.length === 0) return null
  return [{}, { a: inner[inner.length - 1] }]
}

/** `{ a: string; b?: number }`: every required property with a typical value, then each varied. */
function objectValues(ts: TypeScript, node: TS.TypeLiteralNode, depth: number): SpecValue[] | null {
  const required: [string, SpecValue[]][] = []
  for (const member of node.members) {
    if (!ts.isPropertySignature(member) || !member.type) return null
    if (member.questionToken) continue
    const name = member.name
    if (!ts.isIdentifier(name) && !ts.isStringLiteral(name)) return null
    const v = valuesOf(ts, member.type, depth + 1)
    if (v === null || v.length === 0) return null
    required.push([name.text, v])
  }
  const base: Record<string, SpecValue> = Object.fromEntries(
    required.map(([n, v]) => [n, typical(v)])
  )
  const out: SpecValue[] = [base]
  for (const [n, v] of required) for (const x of v) out.push({ ...base, [n]: x })
  return dedupe(out).slice(0, MAX_VALUES)
}

/** Strings a round trip must bring back: spaces, URL and HTML characters, a newline, a quote. */
const ROUND_TRIP_STRINGS: SpecValue[] = [
  'a',
  '',
  'hello world',
  'a/b?c=1&d=\u00e9',
  '<p class="x">&amp;</p>',
  'line1\nline2',
  "it's 100%"
]

/** The values a round trip is tried with: more telling strings where the encoder takes a string. */
export function roundTripValues(values: SpecValue[]): SpecValue[] {
  return values === STRINGS ? ROUND_TRIP_STRINGS : values
}

/** Values of the declared type `text` (TypeScript or JSDoc syntax), or null when it says too little. */
export function typeValues(ts: TypeScript, text: string): SpecValue[] | null {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.endsWith('…')) return null
  const node = parseType(ts, trimmed)
  if (!node) return null
  const values = valuesOf(ts, node, 0)
  return values && values.length > 0 ? values : null
}

/** Values of the type a default value has (`sep = ','` -> strings), or null for anything but a literal. */
export function defaultValues(ts: TypeScript, text: string): SpecValue[] | null {
  const source = ts.createSourceFile(
    'probe-default.js',
    `(${text});`,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.JS
  )
  const statement = source.statements[0]
  if (!statement || !ts.isExpressionStatement(statement)) return null
  let e: TS.Expression = statement.expression
  while (ts.isParenthesizedExpression(e)) e = e.expression
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return STRINGS
  if (ts.isNumericLiteral(e)) return NUMBERS
  if (ts.isPrefixUnaryExpression(e) && ts.isNumericLiteral(e.operand)) return NUMBERS
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return BOOLEANS
  return null
}
