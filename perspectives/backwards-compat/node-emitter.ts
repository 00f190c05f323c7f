// Members a class or constructor function gets from Node.js's EventEmitter, which the in-memory
// program cannot see (it has no @types/node): `class Server extends EventEmitter`, `util.inherits(Glob,
// EE)`, `Object.setPrototypeOf(A.prototype, EE.prototype)`, `A.prototype = Object.create(EE.prototype)`.
// glob 8's `Glob` was an EventEmitter through util.inherits and glob 9's is not: `Glob.on` is gone, and
// without these the checker listed no `on` at either end (held-out-7, missed). The constructor-function
// forms with a base the program does declare are read here too, so its members can be listed.
import type * as TS from 'typescript'
import type { SurfaceSignature } from './ts-surface.js'

type TypeScript = typeof TS

/** Node's emitter and the stream classes built on it, by the name code gives them. */
const EMITTER_NAMES = new Set([
  'EventEmitter',
  'Stream',
  'Readable',
  'Writable',
  'Duplex',
  'Transform',
  'PassThrough'
])
const EMITTER_MODULES = /^(node:)?(events|stream)$/

const param = (name: string, optional = false, rest = false) => ({
  name,
  optional,
  rest,
  type: 'any',
  untyped: true as const
})
const listen = (): SurfaceSignature => ({
  params: [param('eventName'), param('listener')],
  returnType: 'this',
  returnUntyped: true
})
const byName = (...names: string[]): SurfaceSignature => ({
  params: names.map((n) => param(n)),
  returnType: 'any',
  returnUntyped: true
})

/** EventEmitter's public methods, untyped: only their presence and arity are compared. */
export const EMITTER_METHODS: Record<string, SurfaceSignature> = {
  on: listen(),
  once: listen(),
  off: listen(),
  addListener: listen(),
  removeListener: listen(),
  prependListener: listen(),
  prependOnceListener: listen(),
  emit: {
    params: [param('eventName'), param('args', true, true)],
    returnType: 'any',
    returnUntyped: true
  },
  removeAllListeners: {
    params: [param('eventName', true)],
    returnType: 'this',
    returnUntyped: true
  },
  listeners: byName('eventName'),
  rawListeners: byName('eventName'),
  listenerCount: byName('eventName'),
  eventNames: byName(),
  setMaxListeners: byName('n'),
  getMaxListeners: byName()
}

export interface InheritedBase {
  /** Node's EventEmitter (or a stream class), which the program does not declare. */
  emitter: boolean
  /** A base the program declares (`util.inherits(Child, Parent)` with `function Parent` in the package). */
  declared?: TS.Type
  /** Where the inheritance is written. */
  at: TS.Node
}

function moduleOf(ts: TypeScript, decl: TS.Declaration): string | undefined {
  // `import { EventEmitter } from 'events'`, `import EE from 'events'`, `import * as events from 'events'`
  let node: TS.Node | undefined = decl
  while (node && !ts.isImportDeclaration(node) && !ts.isSourceFile(node)) node = node.parent
  if (node && ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
    return node.moduleSpecifier.text
  // `const EE = require('events')`, `require('events').EventEmitter`, `const { EventEmitter } = require('events')`
  if (ts.isVariableDeclaration(decl) || ts.isBindingElement(decl)) {
    let holder: TS.Node = decl
    while (ts.isBindingElement(holder) || ts.isObjectBindingPattern(holder)) holder = holder.parent
    const init = ts.isVariableDeclaration(holder) ? holder.initializer : undefined
    const text = init?.getText() ?? ''
    return /^require\(\s*['"]([^'"]+)['"]\s*\)/.exec(text)?.[1]
  }
  return undefined
}

/** Whether `expr` names Node's EventEmitter or a stream class (by its import, else by its name). */
function isEmitter(ts: TypeScript, checker: TS.TypeChecker, expr: TS.Expression): boolean {
  if (/^require\(\s*['"](node:)?events['"]\s*\)(\.EventEmitter)?$/.test(expr.getText())) return true
  const last = ts.isPropertyAccessExpression(expr) ? expr.name : expr
  if (!ts.isIdentifier(last)) return false
  const head = ts.isPropertyAccessExpression(expr) ? leftmost(ts, expr) : last
  const symbol = checker.getSymbolAtLocation(head)
  const decl = symbol?.getDeclarations()?.[0]
  const from = decl ? moduleOf(ts, decl) : undefined
  if (from !== undefined) return EMITTER_MODULES.test(from)
  // Nothing in the program declares it: a global-looking `EventEmitter` is Node's.
  return decl === undefined && EMITTER_NAMES.has(last.text)
}

function leftmost(ts: TypeScript, expr: TS.Expression): TS.Expression {
  let node = expr
  while (ts.isPropertyAccessExpression(node)) node = node.expression
  return node
}

/** `B.prototype` -> `B`; anything else as it is. */
function ctorOfPrototype(ts: TypeScript, expr: TS.Expression): TS.Expression | undefined {
  return ts.isPropertyAccessExpression(expr) && expr.name.text === 'prototype'
    ? expr.expression
    : undefined
}

/** The base a class or constructor function inherits by a route the checker does not follow. */
export function inheritedBase(
  ts: TypeScript,
  checker: TS.TypeChecker,
  symbol: TS.Symbol
): InheritedBase | undefined {
  const decls = symbol.getDeclarations() ?? []
  for (const decl of decls) {
    if (ts.isClassLike(decl)) {
      const clause = decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)
      const expr = clause?.types[0]?.expression
      if (!expr) continue
      // The checker follows a base it can see; only one it cannot resolve is filled in here.
      const baseType = checker.getTypeAtLocation(expr)
      const resolved = checker.getSignaturesOfType(baseType, ts.SignatureKind.Construct).length > 0
      if (!resolved && isEmitter(ts, checker, expr)) return { emitter: true, at: clause! }
    }
  }
  const decl = symbol.valueDeclaration
  if (!decl || !/\.[cm]?jsx?$/.test(decl.getSourceFile().fileName)) return undefined
  const sf = decl.getSourceFile()
  const names = (node: TS.Expression): boolean =>
    checker.getSymbolAtLocation(node) === symbol ||
    (ts.isIdentifier(node) && symbol.getName() === node.text && !checker.getSymbolAtLocation(node))
  let found: InheritedBase | undefined
  const baseOf = (base: TS.Expression, at: TS.Node): InheritedBase => {
    if (isEmitter(ts, checker, base)) return { emitter: true, at }
    const type = checker.getTypeAtLocation(base)
    const ctor = checker.getSignaturesOfType(type, ts.SignatureKind.Construct)[0]
    return { emitter: false, ...(ctor ? { declared: ctor.getReturnType() } : {}), at }
  }
  const visit = (node: TS.Node): void => {
    if (found) return
    if (ts.isCallExpression(node) && node.arguments.length === 2) {
      const callee = node.expression.getText()
      const [a, b] = node.arguments
      // util.inherits(Child, Parent), inherits(Child, Parent)
      if (/(^|\.)inherits$/.test(callee) && names(a)) found = baseOf(b, node)
      // Object.setPrototypeOf(Child.prototype, Parent.prototype)
      else if (callee === 'Object.setPrototypeOf') {
        const child = ctorOfPrototype(ts, a)
        const parent = ctorOfPrototype(ts, b)
        if (child && parent && names(child)) found = baseOf(parent, node)
      }
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left)
    ) {
      // Child.prototype = Object.create(Parent.prototype); Child.prototype.__proto__ = Parent.prototype
      const left = node.left
      const child =
        left.name.text === 'prototype'
          ? left.expression
          : left.name.text === '__proto__'
            ? ctorOfPrototype(ts, left.expression)
            : undefined
      const right = node.right
      const parent =
        ts.isCallExpression(right) &&
        right.expression.getText() === 'Object.create' &&
        right.arguments.length >= 1
          ? ctorOfPrototype(ts, right.arguments[0])
          : left.name.text === '__proto__'
            ? ctorOfPrototype(ts, right)
            : undefined
      if (child && parent && names(child)) found = baseOf(parent, node)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}
