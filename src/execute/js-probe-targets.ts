// What the JavaScript/TypeScript defect probe (probe-js.ts) calls in one module, read by the
// TypeScript compiler's parser: each named function and each public method of a named class, with
// values for every required parameter from its declared type (annotation, JSDoc `@param {type}`, or
// the type of a literal default), and the round-trip pairs among them (`encode`/`decode`,
// `stringify`/`parse`). Whether a unit is reachable is decided at run time, from what the module
// exports. Pure: the caller reads the file.
import type * as TS from 'typescript'
import type { SpecValue } from '../specs/types.js'
import { defaultValues, roundTripValues, typeValues } from './js-type-values.js'
import { roundTripPairs, type RoundTripPair } from './probe-targets.js'
import type { DeclaredContract } from './package-contract.js'
import { examplesOf, type JsExample } from './js-examples.js'

type TypeScript = typeof TS

export interface JsUnit {
  /** The function's name, or the method's (`className` set). */
  name: string
  className?: string
  /** Values per required parameter, in order. */
  pools: SpecValue[][]
  /** Values for optional parameters by position (each varied alone, the ones before it left undefined). */
  optional: { index: number; values: SpecValue[] }[]
  /** The declared types, as written, for the report. */
  types: string[]
  /** Declared return type, when written. */
  returns: string | null
  line: number
}

export interface JsClass {
  name: string
  /** Values per required constructor parameter (none: `new C()`). */
  pools: SpecValue[][]
  types: string[]
}

export interface JsPair {
  encoder: string
  decoder: string
  className?: string
  /** The encoder's values (its only required parameter). */
  values: SpecValue[]
}

export interface JsProbeTarget {
  module: string
  language: 'javascript' | 'typescript'
  functions: JsUnit[]
  classes: JsClass[]
  pairs: JsPair[]
  /** Results the functions' JSDoc `@example` lines state (js-examples.ts). */
  examples: JsExample[]
}

interface Declared {
  /** Values per required parameter, or null when one has no type that makes values. */
  pools: SpecValue[][] | null
  /** Values for a parameter left out, by its position: its type's, or those of its literal default's type. */
  optional: { index: number; values: SpecValue[] }[]
  types: string[]
  /** Required parameters (no default, not optional, not rest). */
  required: number
  returns: string | null
}

function jsdocOptional(ts: TypeScript, p: TS.ParameterDeclaration): boolean {
  return ts.getJSDocParameterTags(p).some((tag) => tag.isBracketed)
}

function declared(ts: TypeScript, fn: TS.SignatureDeclaration): Declared {
  const pools: SpecValue[][] = []
  const types: string[] = []
  let ok = true
  let required = 0
  const optional: Declared['optional'] = []
  let index = -1
  for (const p of fn.parameters) {
    if (ts.isIdentifier(p.name) && p.name.text === 'this') continue
    index++
    const annotated = p.type ?? ts.getJSDocType(p)
    const leftOut =
      !!p.questionToken ||
      !!p.initializer ||
      !!p.dotDotDotToken ||
      jsdocOptional(ts, p) ||
      (annotated !== undefined && ts.isJSDocOptionalType(annotated))
    if (leftOut) {
      if (p.dotDotDotToken) continue
      const text = annotated?.getText()
      const values = text
        ? typeValues(ts, text)
        : p.initializer
          ? defaultValues(ts, p.initializer.getText())
          : null
      if (values) optional.push({ index, values })
      continue
    }
    required++
    const text = annotated?.getText()
    const values = text ? typeValues(ts, text) : null
    if (!values) ok = false
    else {
      pools.push(values)
      types.push(text ?? '')
    }
  }
  return { pools: ok ? pools : null, optional, types, required, returns: returnsOf(ts, fn) }
}

function returnsOf(ts: TypeScript, fn: TS.SignatureDeclaration): string | null {
  const node = fn.type ?? ts.getJSDocReturnType(fn)
  return node ? node.getText() : null
}

function nameOf(ts: TypeScript, node: TS.Node): string | null {
  if (
    (ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isMethodDeclaration(node)) &&
    node.name &&
    (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))
  )
    return node.name.text
  return null
}

function isPublicMethod(ts: TypeScript, m: TS.ClassElement): m is TS.MethodDeclaration {
  if (!ts.isMethodDeclaration(m) || !m.body) return false
  if (m.name && ts.isPrivateIdentifier(m.name)) return false
  const flags = ts.getCombinedModifierFlags(m)
  if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static))
    return false
  const name = nameOf(ts, m)
  return !!name && !name.startsWith('_')
}

/** Named function-likes anywhere in the file: declarations, `const f = () =>`, `exports.f = function`, `{ f() {} }`. */
function functionsOf(ts: TypeScript, source: TS.SourceFile): [string, TS.SignatureDeclaration][] {
  const out: [string, TS.SignatureDeclaration][] = []
  const visit = (node: TS.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.body) {
      const name = nameOf(ts, node)
      if (name) out.push([name, node])
    } else if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    ) {
      out.push([node.name.text, node.initializer])
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      (ts.isArrowFunction(node.right) || ts.isFunctionExpression(node.right))
    ) {
      out.push([node.left.name.text, node.right])
    } else if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    ) {
      out.push([node.name.text, node.initializer])
    } else if (ts.isMethodDeclaration(node) && ts.isObjectLiteralExpression(node.parent)) {
      const name = nameOf(ts, node)
      if (name) out.push([name, node])
    }
    if (!ts.isClassLike(node)) ts.forEachChild(node, visit)
    else ts.forEachChild(node, (child) => (ts.isClassLike(child) ? visit(child) : undefined))
  }
  visit(source)
  return out
}

/** Declares a `this` parameter, or (not an arrow) reads `this` outside its nested functions and classes. */
function boundToReceiver(ts: TypeScript, fn: TS.SignatureDeclaration): boolean {
  if (fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === 'this')) return true
  if (ts.isArrowFunction(fn)) return false
  let found = false
  const visit = (node: TS.Node): void => {
    if (found) return
    if (node.kind === ts.SyntaxKind.ThisKeyword) found = true
    else if (
      !ts.isFunctionDeclaration(node) &&
      !ts.isFunctionExpression(node) &&
      !ts.isMethodDeclaration(node) &&
      !ts.isClassLike(node)
    )
      ts.forEachChild(node, visit)
  }
  const body = (fn as TS.FunctionLikeDeclaration).body
  if (body) ts.forEachChild(body, visit)
  return found
}

function classesOf(ts: TypeScript, source: TS.SourceFile): TS.ClassDeclaration[] {
  const out: TS.ClassDeclaration[] = []
  const visit = (node: TS.Node): void => {
    if (ts.isClassDeclaration(node) && node.name) out.push(node)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

function lineOf(source: TS.SourceFile, node: TS.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
}

/** Normalised type text, to compare an encoder's and a decoder's declared types. */
function sameType(a: string | null, b: string | null): boolean {
  return !!a && !!b && a.replace(/\s+/g, '') === b.replace(/\s+/g, '')
}

/**
 * Pairs whose declared types agree: the decoder takes one parameter and, where both are written,
 * returns what the encoder takes; a `to_x`/`from_x` pair must change the value's type.
 */
function typedPairs(units: readonly JsUnit[], all: Map<string, Declared>): JsPair[] {
  const byName = new Map(units.map((u) => [u.name, u]))
  const out: JsPair[] = []
  for (const [enc, dec, how] of roundTripPairs([...byName.keys()]) as RoundTripPair[]) {
    const e = byName.get(enc)
    const d = all.get(dec)
    if (!e || !d || e.pools.length !== 1 || d.required !== 1) continue
    if (d.returns && !sameType(d.returns, e.types[0])) continue
    if (d.pools && d.types[0] && e.returns && !sameType(d.types[0], e.returns)) continue
    if (how === 'to-from' && (!e.returns || sameType(e.returns, e.types[0]))) continue
    out.push({
      encoder: enc,
      decoder: dec,
      ...(e.className ? { className: e.className } : {}),
      values: roundTripValues(e.pools[0])
    })
  }
  return out
}

/**
 * What the shipped declarations say of `name`: absent (not part of the package's contract), or the
 * parameter types of its first declared signature that makes values, which replace the source's.
 */
function contractOf(
  ts: TypeScript,
  declaredContract: DeclaredContract | null | undefined,
  name: string,
  own: Declared
): Declared | null {
  if (!declaredContract) return own
  if (!declaredContract.names.has(name)) return null
  for (const sig of declaredContract.signatures.get(name) ?? []) {
    const d = declared(ts, sig)
    if (d.pools) return { ...d, returns: d.returns ?? own.returns }
  }
  // Declared without a signature that makes values (a property, a type too wide): the source decides.
  return declaredContract.signatures.has(name) ? { ...own, pools: null } : own
}

/**
 * The probe target of one JavaScript/TypeScript module's text. With the package's shipped
 * declarations (package-contract.ts), only what they name is probed, with the values of their types.
 */
export function jsProbeTarget(
  ts: TypeScript,
  module: string,
  text: string,
  declaredContract?: DeclaredContract | null
): JsProbeTarget {
  const typescript = /\.[cm]?tsx?$/.test(module)
  const source = ts.createSourceFile(
    module,
    text,
    ts.ScriptTarget.Latest,
    true,
    typescript ? ts.ScriptKind.TS : ts.ScriptKind.JS
  )
  const named = functionsOf(ts, source)
  const counts = new Map<string, number>()
  for (const [name] of named) counts.set(name, (counts.get(name) ?? 0) + 1)
  const functions: JsUnit[] = []
  const every = new Map<string, Declared>()
  const examples: JsExample[] = []
  for (const [name, fn] of named) {
    // Two functions of one name: which one an export is cannot be told from the name.
    if (counts.get(name)! > 1) continue
    // A function written for a receiver (`this: Cheerio<T>`, or reading `this`) is a method lent to
    // a prototype; called bare, it fails on the missing receiver, which no caller of the package does.
    if (boundToReceiver(ts, fn)) continue
    const d = contractOf(ts, declaredContract, name, declared(ts, fn))
    if (!d) continue
    every.set(name, d)
    examples.push(...examplesOf(ts, source, name, fn))
    if (d.pools && d.required > 0)
      functions.push({
        name,
        pools: d.pools,
        optional: d.optional,
        types: d.types,
        returns: d.returns,
        line: lineOf(source, fn)
      })
  }
  const pairs = typedPairs(functions, every)
  const classes: JsClass[] = []
  for (const c of classesOf(ts, source)) {
    const name = c.name!.text
    if (declaredContract && !declaredContract.names.has(name)) continue
    const ctor = c.members.find(
      (m): m is TS.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body
    )
    const made: Pick<Declared, 'pools' | 'types'> = ctor
      ? declared(ts, ctor)
      : { pools: [], types: [] }
    if (!made.pools) continue
    const methods: JsUnit[] = []
    const own = new Map<string, Declared>()
    for (const m of c.members) {
      if (!isPublicMethod(ts, m)) continue
      const mName = nameOf(ts, m)!
      const d = contractOf(ts, declaredContract, mName, declared(ts, m))
      if (!d) continue
      own.set(mName, d)
      if (d.pools && d.required > 0)
        methods.push({
          name: mName,
          className: name,
          pools: d.pools,
          optional: d.optional,
          types: d.types,
          returns: d.returns,
          line: lineOf(source, m)
        })
    }
    if (methods.length === 0) continue
    classes.push({ name, pools: made.pools, types: made.types })
    functions.push(...methods)
    pairs.push(...typedPairs(methods, own))
  }
  return {
    module,
    language: typescript ? 'typescript' : 'javascript',
    functions,
    classes,
    pairs,
    examples
  }
}
