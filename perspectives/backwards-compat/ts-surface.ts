// The public surface of a JavaScript/TypeScript package read with the TypeScript compiler, entry point
// by entry point: every exported value and type, through re-exports and namespaces; the members of
// exported classes (inherited ones included: the checker lists them), interfaces, type literals, enums
// and the default export's object; call signatures and overloads with parameter optionality and types;
// return types. Shipped `.d.ts` files are preferred (they are the contract), JavaScript is read through
// its JSDoc. The files come from the code model's text; nothing is read from disk.
import type * as TS from 'typescript'
import { optionKeys } from './option-keys.js'
import { inMemoryProgram, type SourceFiles } from '../../src/model/ts-program.js'
import type { EntryPoint } from './ts-entries.js'
import { type UmdProperty, umdProperties } from './ts-umd.js'
import { bundledModuleRanges, declaredInside } from './ts-bundle.js'
import { spreadObjectExports } from './spread-exports.js'
import { EMITTER_METHODS, inheritedBase } from './node-emitter.js'
import type { LoopProperty } from './loop-exports.js'
import { loopBuiltProperties } from './loop-exports.js'
import { relate } from './type-order.js'
import {
  declaringGeneric,
  interfaceBody,
  jsDocTypeText,
  readsArguments,
  typeParamsOf,
  defaultedInBody
} from './ts-declared.js'

/** Types of the language and of Node.js that JSDoc names and a program without lib files cannot resolve. */
const BUILT_IN_TYPES = new Set([
  'Object',
  'Function',
  'Array',
  'String',
  'Number',
  'Boolean',
  'Symbol',
  'BigInt',
  'Promise',
  'Date',
  'RegExp',
  'Error',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Iterable',
  'Iterator',
  'AsyncIterable',
  'Generator',
  'ArrayBuffer',
  'Uint8Array',
  'Buffer',
  'ReadonlyArray',
  'Record',
  'Partial',
  'Readonly',
  'NodeJS',
  'EventEmitter',
  'Stream',
  'Readable',
  'Writable'
])

type TypeScript = typeof TS

export interface SurfaceParam {
  name: string
  optional: boolean
  rest: boolean
  type: string
  /**
   * The option keys this parameter takes: for an untyped JavaScript options parameter, the keys the
   * body reads from it (`options.compact`, `const {a} = options`, `({a, b} = {})`); for a typed one, the
   * properties of its object type. Set only when there are some.
   */
  keys?: { name: string; line: number; file?: string }[]
  /** `read` (untyped JavaScript, from the body) or `type` (the declared type's properties). */
  keysFrom?: 'read' | 'type'
  /** The declared type's name when it is a plain reference (`pretty.Options` -> `Options`). */
  keysOwner?: string
  /** Read keys only: the body hands the whole object on, so it may take more than it reads. */
  keysOpen?: boolean
  /** JavaScript with neither an annotation nor a JSDoc type: `any` here says nothing was declared. */
  untyped?: boolean
  /** A JSDoc type naming nothing the program declares (`{AsyncFunction}`): `any` to the checker. */
  unresolved?: boolean
  /** The written type with the type aliases it names replaced by what they stand for. */
  expanded?: string
  /** No declaration: the `...args` the checker gives a JavaScript function that reads `arguments`. */
  synthetic?: boolean
}

/** A type parameter as declared: `TReq extends http.IncomingMessage = http.IncomingMessage`. */
export interface SurfaceTypeParam {
  name: string
  constraint?: string
  default?: string
}

export interface SurfaceSignature {
  params: SurfaceParam[]
  returnType: string
  /** `<T extends X>` as written, for display. */
  typeParams?: string
  /** The signature's own type parameters, to read `req: TReq` as what a call without type arguments gets. */
  typeParameters?: SurfaceTypeParam[]
  /** JavaScript whose body reads `arguments`: it may take more than it names. */
  readsArguments?: boolean
  /** JavaScript without a JSDoc return type: the return type is the checker's guess from the body. */
  returnUntyped?: boolean
  /** JavaScript with a JSDoc `@returns` type: documentation no compiler checks for users. */
  returnJsDoc?: boolean
}

export type SurfaceKind =
  | 'function'
  | 'class'
  | 'interface'
  | 'type'
  | 'enum'
  | 'enum-member'
  | 'variable'
  | 'namespace'
  | 'method'
  | 'property'
  | 'constructor'

export interface SurfaceItem {
  /** `<subpath> <name>`: the same thing at base and HEAD has the same id. */
  id: string
  subpath: string
  /** Qualified public name: `parse`, `Client.get`, `default.sync`, `Options.timeout`. */
  name: string
  kind: SurfaceKind
  /** Call signatures (overloads each), or construct signatures for a class's `constructor`. */
  signatures?: SurfaceSignature[]
  /** The declared type of a property, variable or alias, as written. */
  type?: string
  optional?: boolean
  /** The class or interface a member is declared in when it is inherited (`Base`). */
  inheritedFrom?: string
  /** For a member: what holds it (a class's instances and a value's properties are read by users). */
  ownerKind?: SurfaceKind
  /**
   * The type parameters of the generic that declares it (a member of `class Registry<T = A>`) or of
   * the alias itself (`type Filter<TReq = IncomingMessage> = …`): users who name it without type
   * arguments get the defaults.
   */
  typeParameters?: SurfaceTypeParam[]
  /** An interface with neither type parameters nor `extends`, as an object type (`{ [name: string]: string; }`). */
  body?: string
  /** JavaScript with no JSDoc type: the property's type is the checker's guess from an assignment. */
  typeGuessed?: true
  /** A type alias whose members are listed one by one (a type literal or an intersection). */
  membersListed?: true
  file: string
  line: number
  /** The declaration's first line, trimmed, for quoting. */
  text: string
}

const MAX_ITEMS = 5000
const MAX_MEMBERS = 300
const MAX_TYPE = 400

function clip(text: string): string {
  // A comment inside a type (`| false // Use the template option instead`) is not the type, and
  // flattened it would swallow the rest of the line's type.
  const flat = text
    .replace(/(^|\s)\/\*[\s\S]*?\*\//g, '$1')
    .replace(/(^|\s)\/\/[^\n]*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
  return flat.length > MAX_TYPE ? `${flat.slice(0, MAX_TYPE - 1)}…` : flat
}

class Walker {
  readonly items = new Map<string, SurfaceItem>()
  private readonly seen = new Set<TS.Symbol>()

  constructor(
    private readonly ts: TypeScript,
    private readonly checker: TS.TypeChecker,
    private readonly subpath: string
  ) {}

  private add(item: Omit<SurfaceItem, 'id' | 'subpath'>): void {
    if (this.items.size >= MAX_ITEMS) return
    const id = `${this.subpath} ${item.name}`
    if (!this.items.has(id)) this.items.set(id, { ...item, id, subpath: this.subpath })
  }

  private where(decl: TS.Declaration | undefined): { file: string; line: number; text: string } {
    if (!decl) return { file: '', line: 0, text: '' }
    const sf = decl.getSourceFile()
    const start = decl.getStart(sf)
    const line = sf.getLineAndCharacterOfPosition(start).line
    const lineText = sf.text.split('\n')[line] ?? ''
    return { file: sf.fileName.replace(/^\//, ''), line: line + 1, text: clip(lineText) }
  }

  private resolve(symbol: TS.Symbol): TS.Symbol {
    return symbol.flags & this.ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol
  }

  private typeText(node: TS.TypeNode | undefined, type: TS.Type | undefined): string {
    if (node) return clip(node.getText())
    return type ? clip(this.checker.typeToString(type)) : 'any'
  }

  signature(sig: TS.Signature): SurfaceSignature {
    const ts = this.ts
    const decl = sig.getDeclaration() as TS.SignatureDeclaration | undefined
    const params = sig.getParameters().map((p): SurfaceParam => {
      const pdecl = p.valueDeclaration
      const param = pdecl && ts.isParameter(pdecl) ? pdecl : undefined
      const jsdoc = param && !param.type ? ts.getJSDocType(param) : undefined
      // `@param {Object} options` with `@param {boolean} [options.x]` lines is a type literal whose
      // text is those comment lines (descriptions included): the checker's type says what it is.
      const written = jsdoc && ts.isJSDocTypeLiteral(jsdoc) ? undefined : (param?.type ?? jsdoc)
      return {
        name: p.name,
        optional: param ? this.optional(param) : false,
        rest: param ? param.dotDotDotToken !== undefined : false,
        type:
          written && written === jsdoc
            ? jsDocTypeText(ts, written)
            : this.typeText(
                written,
                param ? this.checker.getTypeOfSymbolAtLocation(p, param) : undefined
              ),
        ...(param && !param.type && !jsdoc && /\.[cm]?jsx?$/.test(param.getSourceFile().fileName)
          ? { untyped: true }
          : {}),
        ...(param && !param.type && jsdoc && this.unresolved(jsdoc) ? { unresolved: true } : {}),
        ...(param?.type ? this.expandedType(param.type) : {}),
        ...(pdecl ? {} : { synthetic: true }),
        ...(param ? optionKeys(ts, this.checker, param, p, decl) : {})
      }
    })
    const returnNode = decl?.type ?? (decl ? ts.getJSDocReturnType(decl) : undefined)
    const typeParams = decl?.typeParameters?.map((t) => t.getText()).join(', ')
    const typeParameters = typeParamsOf(decl)
    const guessed =
      decl !== undefined &&
      (!returnNode || (!decl.type && this.unresolved(returnNode))) &&
      /\.[cm]?jsx?$/.test(decl.getSourceFile().fileName)
    const jsDocReturn =
      decl !== undefined &&
      !guessed &&
      !decl.type &&
      returnNode !== undefined &&
      /\.[cm]?jsx?$/.test(decl.getSourceFile().fileName)
    return {
      params,
      returnType: this.typeText(returnNode, sig.getReturnType()),
      ...(typeParams ? { typeParams: `<${typeParams}>` } : {}),
      ...(typeParameters ? { typeParameters } : {}),
      ...(decl && /\.[cm]?jsx?$/.test(decl.getSourceFile().fileName) && readsArguments(ts, decl)
        ? { readsArguments: true }
        : {}),
      ...(guessed ? { returnUntyped: true } : {}),
      ...(jsDocReturn ? { returnJsDoc: true } : {})
    }
  }

  /**
   * A written type whose references to type aliases (imported from another file or not) are replaced
   * by the aliases' own types, three levels at most: `env?: EnvType` with `type EnvType =
   * Record<string, unknown>` is the type it was (markdown-it-py 3's shape, on held-out-10, in Python).
   * Only plain references and the members of a union; nothing when no alias is named.
   */
  private expandedType(node: TS.TypeNode): { expanded: string } | Record<string, never> {
    const ts = this.ts
    const expand = (n: TS.TypeNode, depth: number): string => {
      if (depth < 3 && ts.isUnionTypeNode(n))
        return n.types.map((t) => expand(t, depth)).join(' | ')
      if (depth < 3 && ts.isParenthesizedTypeNode(n)) return `(${expand(n.type, depth)})`
      if (depth < 3 && ts.isTypeReferenceNode(n) && !n.typeArguments) {
        const symbol = this.checker.getSymbolAtLocation(n.typeName)
        const target = symbol ? this.resolve(symbol) : undefined
        const alias = target?.declarations?.find(ts.isTypeAliasDeclaration)
        if (alias && !alias.typeParameters) return `(${expand(alias.type, depth + 1)})`
      }
      return n.getText()
    }
    const text = clip(expand(node, 0))
    return text !== clip(node.getText()) ? { expanded: text } : {}
  }

  /**
   * A JSDoc type naming nothing the program declares (`{AsyncFunction}`, `{module:ControlFlow.QueueObject}`,
   * names of a documentation tool): the checker reads it as `any`, so it constrains no caller.
   */
  private unresolved(written: TS.TypeNode): boolean {
    const ts = this.ts
    let node = written
    // `{...T}`, `{T=}`, `{?T}`, `{!T}`: the name inside is what may resolve to nothing.
    while (
      ts.isJSDocVariadicType(node) ||
      ts.isJSDocOptionalType(node) ||
      ts.isJSDocNullableType(node) ||
      ts.isJSDocNonNullableType(node)
    )
      node = node.type
    if (/^\s*(\*|any|\?)\s*$/.test(node.getText())) return false
    if ((this.checker.getTypeFromTypeNode(node).flags & ts.TypeFlags.Any) === 0) return false
    // The program has no lib files: the language's own types (`Function`, `Promise`) read as `any`
    // too, yet they are declared types, compared by name.
    let builtIn = false
    const visit = (n: TS.Node): void => {
      if (ts.isTypeReferenceNode(n)) {
        let name: TS.EntityName = n.typeName
        while (ts.isQualifiedName(name)) name = name.left
        if (BUILT_IN_TYPES.has(name.text)) builtIn = true
      }
      ts.forEachChild(n, visit)
    }
    visit(node)
    return !builtIn
  }

  /**
   * The checker calls every untyped JavaScript parameter optional; a caller of `pad(text, fill)` still
   * has to pass `fill`, so in JavaScript only a default, a rest or a JSDoc `[name]` makes one optional.
   */
  private optional(param: TS.ParameterDeclaration): boolean {
    const ts = this.ts
    if (!/\.[cm]?jsx?$/.test(param.getSourceFile().fileName))
      return this.checker.isOptionalParameter(param)
    if (param.initializer || param.dotDotDotToken || param.questionToken) return true
    // `options = options || {}` in the body: a default written another way.
    if (defaultedInBody(ts, param)) return true
    // `@param {boolean=} inner`: Closure's optional mark.
    const jsdoc = ts.getJSDocType(param)
    if (jsdoc && ts.isJSDocOptionalType(jsdoc)) return true
    return ts.getJSDocParameterTags(param).some((tag) => tag.isBracketed)
  }

  /** True when the property's type is the owner's own type (`default: typeof delay`). */
  private selfAlias(prop: TS.Symbol, owner: TS.Type): boolean {
    const decl = prop.valueDeclaration ?? prop.getDeclarations()?.[0]
    if (!decl) return false
    const type = this.checker.getTypeOfSymbolAtLocation(prop, decl)
    return (
      type === owner || (type.getSymbol() !== undefined && type.getSymbol() === owner.getSymbol())
    )
  }

  private signaturesOf(type: TS.Type, kind: TS.SignatureKind): SurfaceSignature[] {
    return this.checker.getSignaturesOfType(type, kind).map((s) => this.signature(s))
  }

  /** One exported symbol under its public name, with what it contains. */
  exported(name: string, original: TS.Symbol, depth = 0): void {
    const ts = this.ts
    const symbol = this.resolve(original)
    const decls = symbol.getDeclarations() ?? []
    const decl = decls[0]
    const at = this.where(decl)
    const flags = symbol.flags
    if (this.seen.has(symbol) && depth > 0) {
      this.add({ name, kind: 'variable', ...at })
      return
    }
    this.seen.add(symbol)
    const valueType = decl ? this.checker.getTypeOfSymbolAtLocation(symbol, decl) : undefined
    if (flags & ts.SymbolFlags.Class) {
      this.add({ name, kind: 'class', ...at })
      if (valueType) {
        const ctors = this.signaturesOf(valueType, ts.SignatureKind.Construct)
        if (ctors.length > 0)
          this.add({ name: `${name}.constructor`, kind: 'constructor', signatures: ctors, ...at })
        this.members(name, valueType, true, 'class')
      }
      this.members(name, this.checker.getDeclaredTypeOfSymbol(symbol), false, 'class')
      this.inherited(name, symbol)
    } else if (flags & ts.SymbolFlags.Enum) {
      this.add({ name, kind: 'enum', ...at })
      for (const member of this.checker.getExportsOfModule(symbol)) {
        const d = member.valueDeclaration
        const value = d && ts.isEnumMember(d) ? this.checker.getConstantValue(d) : undefined
        this.add({
          name: `${name}.${member.name}`,
          kind: 'enum-member',
          ...(value !== undefined ? { type: JSON.stringify(value) } : {}),
          ...this.where(d)
        })
      }
    } else if (flags & ts.SymbolFlags.Function) {
      this.add({
        name,
        kind: 'function',
        signatures: valueType ? this.signaturesOf(valueType, ts.SignatureKind.Call) : [],
        ...at
      })
      if (valueType) this.members(name, valueType, true, 'function')
    } else if (flags & ts.SymbolFlags.Variable) {
      const node = decl && ts.isVariableDeclaration(decl) ? decl.type : undefined
      const sigs = valueType ? this.signaturesOf(valueType, ts.SignatureKind.Call) : []
      this.add({
        name,
        kind: sigs.length > 0 ? 'function' : 'variable',
        type: this.typeText(node, valueType),
        ...(sigs.length > 0 ? { signatures: sigs } : {}),
        ...at
      })
      if (valueType) {
        this.members(name, valueType, true, 'variable')
        this.instanceMembers(name, valueType, at)
      }
    } else if (flags & ts.SymbolFlags.Interface) {
      const body = interfaceBody(ts, symbol)
      this.add({ name, kind: 'interface', ...(body ? { body } : {}), ...at })
      const declared = this.checker.getDeclaredTypeOfSymbol(symbol)
      const calls = this.signaturesOf(declared, ts.SignatureKind.Call)
      if (calls.length > 0)
        this.add({ name: `${name}()`, kind: 'function', signatures: calls, ...at })
      this.members(name, declared, false, 'interface')
    } else if (flags & ts.SymbolFlags.TypeAlias) {
      const node = decl && ts.isTypeAliasDeclaration(decl) ? decl.type : undefined
      const typeParameters =
        decl && ts.isTypeAliasDeclaration(decl) ? typeParamsOf(decl) : undefined
      const listed = node && (ts.isTypeLiteralNode(node) || ts.isIntersectionTypeNode(node))
      this.add({
        name,
        kind: 'type',
        type: this.typeText(node, undefined),
        ...(typeParameters ? { typeParameters } : {}),
        ...(listed ? { membersListed: true as const } : {}),
        ...at
      })
      if (listed) this.members(name, this.checker.getDeclaredTypeOfSymbol(symbol), false, 'type')
    } else if (flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)) {
      // A CommonJS `module.exports = (ms, options) => …` is the module itself: callable.
      const sigs = valueType ? this.signaturesOf(valueType, ts.SignatureKind.Call) : []
      this.add({
        name,
        kind: sigs.length > 0 ? 'function' : 'namespace',
        ...(sigs.length > 0 ? { signatures: sigs } : {}),
        ...at
      })
    } else {
      // CommonJS `module.exports = { pad }` and other value-like symbols: callable or not (with the
      // type, so that a value the checker calls `any` is told from an object).
      const sigs = valueType ? this.signaturesOf(valueType, ts.SignatureKind.Call) : []
      this.add({
        name,
        kind: sigs.length > 0 ? 'function' : 'variable',
        ...(sigs.length > 0
          ? { signatures: sigs }
          : valueType
            ? { type: this.typeText(undefined, valueType) }
            : {}),
        ...at
      })
      if (valueType) this.instanceMembers(name, valueType, at)
    }
    // A namespace (declared, or merged with a function or class) contributes its exports.
    if (flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule) && depth < 4) {
      for (const inner of this.checker.getExportsOfModule(symbol))
        this.exported(`${name}.${inner.name}`, inner, depth + 1)
    }
  }

  /**
   * A class reached through a value (`exports.Pushgateway = require('./lib/pushgateway')`, whose file
   * ends `module.exports = Pushgateway`): its constructor and its instances' members, as a class
   * declaration gives them, so that the JavaScript reads like the declaration of the same class.
   */
  private instanceMembers(
    name: string,
    valueType: TS.Type,
    at: { file: string; line: number; text: string }
  ): void {
    const ts = this.ts
    const ctors = this.checker.getSignaturesOfType(valueType, ts.SignatureKind.Construct)
    if (ctors.length === 0) return
    this.add({
      name: `${name}.constructor`,
      kind: 'constructor',
      signatures: ctors.map((c) => this.signature(c)),
      ...at
    })
    this.members(name, ctors[0].getReturnType(), false, 'class')
    const symbol = valueType.getSymbol()
    if (symbol) this.inherited(name, symbol)
  }

  /**
   * Members inherited by a route the checker does not follow: Node's EventEmitter (the program has no
   * @types/node), `util.inherits`, `Object.setPrototypeOf`, a prototype assigned `Object.create(…)`.
   * Added after the type's own members, which take precedence (add keeps the first of a name).
   */
  private inherited(name: string, symbol: TS.Symbol): void {
    const base = inheritedBase(this.ts, this.checker, symbol)
    if (!base) return
    if (base.declared) this.members(name, base.declared, false, 'class')
    if (!base.emitter) return
    const at = this.where(base.at as TS.Declaration)
    for (const [method, signature] of Object.entries(EMITTER_METHODS))
      this.add({
        name: `${name}.${method}`,
        kind: 'method',
        signatures: [signature],
        optional: false,
        ownerKind: 'class',
        inheritedFrom: 'EventEmitter',
        ...at
      })
  }

  /**
   * Names the file builds in a loop or with `Object.assign` (loop-exports.ts), after the compiler's own
   * (which take precedence): members of the `default` when the module's value is set as a whole.
   */
  loopBuilt(properties: LoopProperty[]): void {
    const ts = this.ts
    const hasDefault = this.items.has(`${this.subpath} default`)
    for (const p of properties) {
      const member = p.owner === 'default' || hasDefault
      const name = member ? `default.${p.name}` : p.name
      const type = this.checker.getBaseTypeOfLiteralType(this.checker.getTypeAtLocation(p.value))
      const sigs = this.signaturesOf(type, ts.SignatureKind.Call)
      this.add({
        name,
        kind: sigs.length > 0 ? (member ? 'method' : 'function') : member ? 'property' : 'variable',
        ...(sigs.length > 0
          ? { signatures: sigs }
          : { type: this.typeText(undefined, type), typeGuessed: true as const }),
        ...(member ? { ownerKind: 'variable' as const } : {}),
        ...this.where(p.at as TS.Declaration)
      })
    }
  }

  /** A UMD module's value as the module's `default`, with the properties its factory gives it. */
  umd(properties: UmdProperty[], sf: TS.SourceFile): void {
    const ts = this.ts
    const first = sf.statements.find((s) => ts.isExpressionStatement(s))
    this.add({
      name: 'default',
      kind: 'variable',
      ...this.where(first as unknown as TS.Declaration)
    })
    for (const p of properties) {
      const written = p.value ? this.checker.getTypeAtLocation(p.value) : undefined
      // An object property holds its literal's base type (`version: '3.2.1'` is a string).
      const type = written && this.checker.getBaseTypeOfLiteralType(written)
      const sigs = type ? this.signaturesOf(type, ts.SignatureKind.Call) : []
      this.add({
        name: `default.${p.name}`,
        kind: sigs.length > 0 ? 'method' : 'property',
        ...(sigs.length > 0 ? { signatures: sigs } : { type: this.typeText(undefined, type) }),
        ownerKind: 'variable',
        ...this.where(p.at as unknown as TS.Declaration)
      })
    }
  }

  /**
   * The declaration that gives a property its type. A property of an intersection (`SharedOptions &
   * { encoding?: null | 'buffer' }`, minipass 7) has one declaration per part and the type of all of
   * them at once: the part whose written type the others hold, else the last (the part written to
   * narrow the others).
   */
  private narrowestDeclaration(prop: TS.Symbol): TS.Declaration | undefined {
    const ts = this.ts
    const decls = prop.getDeclarations() ?? []
    const typed = decls.filter(
      (d): d is TS.PropertySignature | TS.PropertyDeclaration =>
        (ts.isPropertySignature(d) || ts.isPropertyDeclaration(d)) && d.type !== undefined
    )
    if (typed.length < 2) return prop.valueDeclaration ?? decls[0]
    const text = (d: TS.PropertySignature | TS.PropertyDeclaration): string => d.type!.getText()
    return (
      typed.find((d) =>
        typed.every((o) => o === d || ['same', 'narrower'].includes(relate(text(o), text(d))))
      ) ?? typed[typed.length - 1]
    )
  }

  /** Public properties and methods of a type (inherited included), each with its signatures or type. */
  private members(owner: string, type: TS.Type, isStatic: boolean, ownerKind: SurfaceKind): void {
    const ts = this.ts
    if (!(type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) return
    const props = this.checker.getPropertiesOfType(type).slice(0, MAX_MEMBERS)
    for (const prop of props) {
      if (isStatic && prop.name === 'prototype') continue
      // `declare const x: X & { default: typeof x }; export = x`: the CommonJS interop alias of the
      // value itself (`require('x').default`), not a member of its own.
      if (owner === 'default' && prop.name === 'default' && this.selfAlias(prop, type)) continue
      // `_x` and `x_` (immer's `useProxies_`) mark members private by convention.
      if (/^[_#]|^__@|_$/.test(prop.name)) continue
      const decl = this.narrowestDeclaration(prop)
      if (decl) {
        const modifiers = ts.getCombinedModifierFlags(decl)
        if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue
      }
      const propType = decl ? this.checker.getTypeOfSymbolAtLocation(prop, decl) : undefined
      const isMethod =
        prop.flags & ts.SymbolFlags.Method ||
        (decl !== undefined && (ts.isMethodSignature(decl) || ts.isMethodDeclaration(decl)))
      const parent = decl?.parent
      const declaredIn =
        parent && (ts.isClassLike(parent) || ts.isInterfaceDeclaration(parent)) && parent.name
          ? parent.name.text
          : undefined
      const ownerName = owner.slice(owner.lastIndexOf('.') + 1)
      const name = `${owner}.${prop.name}`
      const node =
        decl && (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl))
          ? decl.type
          : undefined
      // A property holding a function (`sync: (...) => T`, `{ pad }`) is called like a method.
      const calls = propType ? this.signaturesOf(propType, ts.SignatureKind.Call) : []
      const sigs = isMethod || calls.length > 0 ? calls : undefined
      const guessed =
        !node &&
        decl !== undefined &&
        /\.[cm]?jsx?$/.test(decl.getSourceFile().fileName) &&
        !ts.getJSDocType(decl)
      this.add({
        name,
        kind: isMethod ? 'method' : 'property',
        ...(sigs ? { signatures: sigs } : { type: this.typeText(node, propType) }),
        ...(!sigs && guessed ? { typeGuessed: true as const } : {}),
        optional: (prop.flags & ts.SymbolFlags.Optional) !== 0,
        ownerKind,
        ...(() => {
          const typeParameters = declaringGeneric(ts, decl)
          return typeParameters ? { typeParameters } : {}
        })(),
        ...(declaredIn && declaredIn !== ownerName ? { inheritedFrom: declaredIn } : {}),
        ...this.where(decl)
      })
    }
  }
}

/**
 * A JSDoc `@typedef`/`@callback` in a JavaScript file: the compiler exports it from the module, but it
 * is the file's documentation, not something users import (estree-walker 3, held-out-7: the bundle's
 * `WalkerContext` typedef called a removed type that "no longer type-checks" in plain JavaScript).
 * Declarations the package ships (`.d.ts`) are read as they are.
 */
function jsDocTypedefOnly(ts: TypeScript, symbol: TS.Symbol): boolean {
  const decls = symbol.getDeclarations() ?? []
  return (
    decls.length > 0 &&
    decls.every(
      (d) =>
        (ts.isJSDocTypedefTag(d) || ts.isJSDocCallbackTag(d)) &&
        /\.[cm]?jsx?$/.test(d.getSourceFile().fileName)
    )
  )
}

/**
 * The language's mapped utility types, which live in the lib files the in-memory program leaves out:
 * without them `interface ProcessedOptions extends Required<Options>` has none of Options' members
 * (html-webpack-plugin 5, held-out-7: 17 members called removed). Declared as the lib declares them.
 */
const UTILITY_TYPES_FILE = '__test-planning__/utility-types.d.ts'
const UTILITY_TYPES = [
  'type Partial<T> = { [P in keyof T]?: T[P] };',
  'type Required<T> = { [P in keyof T]-?: T[P] };',
  'type Readonly<T> = { readonly [P in keyof T]: T[P] };',
  'type Pick<T, K extends keyof T> = { [P in K]: T[P] };',
  'type Record<K extends keyof any, T> = { [P in K]: T };',
  'type Exclude<T, U> = T extends U ? never : T;',
  'type Extract<T, U> = T extends U ? T : never;',
  'type Omit<T, K extends keyof any> = Pick<T, Exclude<keyof T, K>>;',
  'type NonNullable<T> = T & {};',
  ''
].join('\n')

function withUtilityTypes(files: SourceFiles): SourceFiles {
  // A repository that declares them itself keeps its own.
  if (files.paths.includes(UTILITY_TYPES_FILE)) return files
  return {
    paths: [...files.paths, UTILITY_TYPES_FILE],
    text: (path) => (path === UTILITY_TYPES_FILE ? UTILITY_TYPES : files.text(path))
  }
}

/**
 * The surface of every entry point, by item id. One program over the model's files, compiled in
 * memory (no lib: types are read as declared, and the checker is asked only about what is exported).
 */
export function readSurface(
  ts: TypeScript,
  entries: EntryPoint[],
  files: SourceFiles
): Map<string, SurfaceItem> {
  const program = inMemoryProgram(ts, withUtilityTypes(files), [
    UTILITY_TYPES_FILE,
    ...entries.map((e) => e.file)
  ])
  const checker = program.getTypeChecker()
  const surface = new Map<string, SurfaceItem>()
  for (const entry of entries) {
    const sf = program.getSourceFile(`/${entry.file}`)
    if (!sf) continue
    // A CommonJS file (`module.exports = …`) is a module to the binder but not to getSymbolAtLocation.
    const moduleSymbol =
      checker.getSymbolAtLocation(sf) ?? (sf as unknown as { symbol?: TS.Symbol }).symbol
    const walker = new Walker(ts, checker, entry.subpath)
    // A bundle's inlined modules bind `exports.x` of their own: not the file's exports.
    const inlined = /\.[cm]?js$/.test(entry.file) ? bundledModuleRanges(ts, sf) : []
    const own = (symbol: TS.Symbol): boolean =>
      inlined.length === 0 || !declaredInside(symbol, sf, inlined)
    if (moduleSymbol) {
      const exportEquals = moduleSymbol.exports?.get('export=' as TS.__String)
      const spread = exportEquals && own(exportEquals) && spreadObjectExports(ts, exportEquals)
      if (spread) for (const property of spread) walker.exported(property.name, property)
      else if (exportEquals && own(exportEquals)) walker.exported('default', exportEquals)
      for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
        // `export=` is read above; `__esModule` is the transpiler's interop marker, not an export; a
        // class given as `export =` lends the module its statics, and its `prototype` is not one.
        if (['export=', '__esModule', 'prototype'].includes(symbol.name)) continue
        if (!own(symbol)) continue
        if (jsDocTypedefOnly(ts, symbol)) continue
        walker.exported(symbol.name, symbol)
      }
    }
    // A UMD file exports nothing the compiler sees (at most a bare `default` for the `module.exports`
    // inside its wrapper): its factory's value is the module.
    if (walker.items.size <= 1 && /\.[cm]?js$/.test(entry.file)) {
      const properties = umdProperties(ts, sf)
      if (properties) {
        walker.items.clear()
        walker.umd(properties, sf)
      }
    }
    // A bundle whose entry value the compiler cannot see is still the module users load: its
    // `default`, of a shape not known here.
    if (walker.items.size === 0 && inlined.length > 0) walker.umd([], sf)
    if (/\.[cm]?js$/.test(entry.file)) walker.loopBuilt(loopBuiltProperties(ts, sf))
    for (const [id, item] of walker.items) surface.set(id, item)
  }
  return surface
}
