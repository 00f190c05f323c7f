// Receiver types from the TypeScript type checker, for JavaScript and TypeScript files: `x.get()` runs
// `get` of the class the checker gives `x` (a declared type, `new Foo()` through a variable, a function's
// return type, JSDoc `@param {Foo}` / `@type {Foo}` in a JavaScript file), so a same-named method of
// another class stays unreached. The local facts of receiver-types.ts see one file; the checker follows
// types across files. Only classes declared in the repository count; anything else (`any`, an
// interface, a library's type, a type parameter) leaves the use as it was: every `get` may run.
// The facts are written into the model as `ann:Foo.get` (Foo's family: a subclass may be passed).
import type * as TS from 'typescript'
import { loadTypeScript } from './ts-blank.js'
import { type ClassFlows, classFlows, UNTYPED_FLOW } from './ts-class-flows.js'
import { inMemoryProgram } from './ts-program.js'
import type { ModuleModel, SourceFile } from './types.js'

type TypeScript = typeof TS

const JS_FAMILY = new Set(['javascript', 'typescript', 'tsx', 'jsx'])
/** Above this the checker's cost outweighs the refinement: names decide, as without it. */
const MAX_FILES = 600
const MAX_BYTES = 6 * 1024 * 1024

/**
 * Adds the checker's receiver facts to the JavaScript/TypeScript modules: a line's member uses of a
 * method name move from `nameUseLines` (any class's method) to `typedUseLines` (the typed class's)
 * when the checker types every receiver of that name on the line.
 */
export async function addCheckerReceivers(
  files: readonly SourceFile[],
  modules: readonly ModuleModel[]
): Promise<void> {
  const jsModules = modules.filter((m) => JS_FAMILY.has(m.language))
  // Every method name: a receiver typed as another class, or a read of a data property of the same
  // name, leaves even a method no other function shares the name of unreached.
  const methodNames = new Set<string>()
  for (const m of jsModules)
    if (!m.isTest) for (const fn of m.functions) if (fn.className) methodNames.add(fn.name)
  if (methodNames.size === 0) return
  // Only files with a member use of such a name still untyped: else there is nothing to narrow (the
  // program loads the files they import on its own).
  const wanted = new Set(
    jsModules
      .filter((m) =>
        // Locally typed uses too: the checker's fact stands by where the local one does not resolve.
        [...Object.keys(m.nameUseLines ?? {}), ...Object.keys(m.typedUseLines ?? {})].some(
          (key) => {
            const dot = key.lastIndexOf('.')
            return dot >= 0 && key.slice(0, dot) !== 'self' && methodNames.has(key.slice(dot + 1))
          }
        )
      )
      .map((m) => m.path)
  )
  if (wanted.size === 0) return
  const sources = files.filter((f) => JS_FAMILY.has(f.language))
  const bytes = sources.reduce((sum, f) => sum + f.bytes, 0)
  if (sources.length > MAX_FILES || bytes > MAX_BYTES) return
  const byPath = new Map(jsModules.map((m) => [m.path, m]))
  const ts = await loadTypeScript()
  const texts = new Map(sources.map((f) => [f.path, f.text]))
  const program = inMemoryProgram(
    ts,
    { paths: [...texts.keys()], text: (path) => texts.get(path) },
    // Every class file too: any class with the typed one's members may be passed instead.
    sources
      .filter((f) => wanted.has(f.path) || (byPath.get(f.path)?.classes.length ?? 0) > 0)
      .map((f) => f.path)
  )
  const checker = program.getTypeChecker()
  const repoFiles = new Set(sources.map((f) => `/${f.path}`))
  const shapes = classShapes(ts, checker, program, repoFiles)
  const accessors = new Set(shapes.flatMap((s) => [...s.accessors]))
  const flows = classFlows(ts, checker, program, repoFiles)
  for (const file of sources) {
    const module = wanted.has(file.path) ? byPath.get(file.path) : undefined
    const sf = program.getSourceFile(`/${file.path}`)
    if (!module || !sf || !module.nameUseLines) continue
    // A class type is that class, and the classes the code is seen handing to places typed as it. In
    // unchecked JavaScript too: the checker's type there comes from what was built (`new Foo()`, a
    // factory's return, `require` of a class) or from JSDoc, and a value handed on to a place of
    // another type (an assignment, an argument, a return, a JSDoc cast) is a flow; where the checker
    // has no type (an untyped parameter) the receiver stays unknown.
    const receivers: Receivers = {
      classesOf: (type) => classesOf(ts, checker, type, repoFiles, shapes, flows),
      dataOnly: (access) => dataProperty(ts, checker, access, repoFiles, accessors)
    }
    apply(module, typedLines(ts, checker, sf, methodNames, receivers))
  }
}

interface Receivers {
  /** Class names (`A|B` fact parts) a value of the type can be, `[]` for none of ours; undefined: unsure. */
  classesOf: (type: TS.Type) => string[] | undefined
  /** The member read is a data property declared in the repository: it runs no method. */
  dataOnly: (access: TS.PropertyAccessExpression) => boolean
}

/** A class of the repository: the member names of its instances and of the class itself. */
interface ClassShape {
  name: string
  instance: ReadonlySet<string>
  statics: ReadonlySet<string>
  /** Its `get` / `set` accessors: reading a property of that name may run one. */
  accessors: ReadonlySet<string>
}

function classShapes(
  ts: TypeScript,
  checker: TS.TypeChecker,
  program: TS.Program,
  repoFiles: ReadonlySet<string>
): ClassShape[] {
  const out: ClassShape[] = []
  const names = (type: TS.Type): Set<string> =>
    new Set(checker.getPropertiesOfType(type).map((p) => p.getName()))
  for (const sf of program.getSourceFiles()) {
    if (!repoFiles.has(sf.fileName)) continue
    const visit = (node: TS.Node): void => {
      if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name) {
        const symbol = checker.getSymbolAtLocation(node.name)
        if (symbol)
          out.push({
            // `export default class Foo`: the symbol is `default`, the model's class is Foo.
            name: node.name.text,
            instance: names(checker.getDeclaredTypeOfSymbol(symbol)),
            statics: names(checker.getTypeOfSymbolAtLocation(symbol, node)),
            accessors: new Set(
              node.members
                .filter((m) => ts.isGetAccessor(m) || ts.isSetAccessor(m))
                .map((m) => m.name.getText())
            )
          })
      }
      ts.forEachChild(node, visit)
    }
    visit(sf)
  }
  return out
}

/** line -> method name -> the facts of its typed receivers, or null when one of them is not typed. */
type LineFacts = Map<number, Map<string, Set<string> | null>>

function typedLines(
  ts: TypeScript,
  checker: TS.TypeChecker,
  sf: TS.SourceFile,
  methodNames: ReadonlySet<string>,
  receivers: Receivers
): LineFacts {
  const out: LineFacts = new Map()
  const visit = (node: TS.Node): void => {
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.name) &&
      methodNames.has(node.name.text) &&
      node.expression.kind !== ts.SyntaxKind.ThisKeyword &&
      node.expression.kind !== ts.SyntaxKind.SuperKeyword
    ) {
      const line = sf.getLineAndCharacterOfPosition(node.name.getStart(sf)).line + 1
      let names = out.get(line)
      if (!names) out.set(line, (names = new Map()))
      const type = checker.getTypeAtLocation(node.expression)
      // A type without the member is a wrong guess (unchecked JavaScript): the receiver is unknown.
      const classes = !checker.getPropertyOfType(type.getNonNullableType(), node.name.text)
        ? undefined
        : receivers.dataOnly(node)
          ? 'data'
          : receivers.classesOf(type)
      const known = names.get(node.name.text)
      if (known === null) {
        // One untyped receiver of the name on the line keeps the whole line untyped.
      } else if (!classes) names.set(node.name.text, null)
      else {
        const facts = known ?? new Set<string>()
        // `data:` a data property (it runs nothing); `none:` an interface no class of ours fits.
        facts.add(
          classes === 'data' ? 'data:' : classes.length === 0 ? 'none:' : `ann:${classes.join('|')}`
        )
        names.set(node.name.text, facts)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

/**
 * The repository's classes a value of this type can be an instance (or the constructor) of; else
 * undefined. Types are structural: any class with every member of the typed one may be passed where
 * it is expected (`let item = new Box(); item = new Bag()`), so those count too.
 */
function classesOf(
  ts: TypeScript,
  checker: TS.TypeChecker,
  type: TS.Type,
  repoFiles: ReadonlySet<string>,
  shapes: readonly ClassShape[],
  flows?: ClassFlows
): string[] | undefined {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return undefined
  if (type.isUnion()) {
    const out = new Set<string>()
    for (const part of type.types) {
      if (part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) continue
      const classes = classesOf(ts, checker, part, repoFiles, shapes, flows)
      if (!classes) return undefined
      for (const c of classes) out.add(c)
    }
    return out.size > 0 ? [...out].sort() : undefined
  }
  if (!(type.flags & ts.TypeFlags.Object)) return undefined
  const symbol = type.getSymbol()
  if (!symbol) return undefined
  const declarations = symbol.getDeclarations() ?? []
  if (declarations.length === 0) return undefined
  if (!declarations.every((d) => repoFiles.has(d.getSourceFile().fileName))) return undefined
  // An optional member need not be there: a class without it still fits the type.
  const members = checker
    .getPropertiesOfType(type)
    .filter((p) => !(p.flags & ts.SymbolFlags.Optional))
    .map((p) => p.getName())
  const shaped = (statics: boolean): string[] =>
    shapes
      .filter((shape) => {
        const has = statics ? shape.statics : shape.instance
        return members.every((m) => has.has(m))
      })
      .map((shape) => shape.name)
  // An interface of ours: any class with its shape (none: only object literals, whose functions
  // the graph keeps for JavaScript receivers).
  if (symbol.flags & ts.SymbolFlags.Interface && !(symbol.flags & ts.SymbolFlags.Class))
    return members.length > 0 ? [...new Set(shaped(false))].sort() : undefined
  if (!(symbol.flags & ts.SymbolFlags.Class)) return undefined
  // `export default class Foo`: the symbol is `default`; the class keeps its own name.
  const declared = declarations.find(
    (d): d is TS.ClassDeclaration | TS.ClassExpression =>
      (ts.isClassDeclaration(d) || ts.isClassExpression(d)) && d.name !== undefined
  )
  const name = declared?.name?.text ?? symbol.getName()
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || name === 'default') return undefined
  // `Foo.create()` reads the class itself (a class handed to a place typed `typeof Foo` is a flow
  // too); `x.get()` an instance.
  const handed = [...(flows?.get(name) ?? [])]
  if (flows && !handed.includes(UNTYPED_FLOW)) return [...new Set([name, ...handed])].sort()
  // An untyped value assigned to a place of the type: any class of its shape may be there.
  const statics = checker.getTypeOfSymbolAtLocation(symbol, declarations[0]) === type
  const others = handed.filter((c) => c !== UNTYPED_FLOW)
  return [...new Set([name, ...others, ...shaped(statics)])].sort()
}

/**
 * `options.strip` where `strip` is declared in the repository as a property whose type is not callable
 * (`strip?: boolean` in an interface): the read runs no method, unless some class has an accessor of
 * the name (a class instance may stand for the interface).
 */
function dataProperty(
  ts: TypeScript,
  checker: TS.TypeChecker,
  access: TS.PropertyAccessExpression,
  repoFiles: ReadonlySet<string>,
  accessors: ReadonlySet<string>
): boolean {
  if (accessors.has(access.name.text)) return false
  const symbol = checker.getSymbolAtLocation(access.name)
  const declarations = symbol?.getDeclarations() ?? []
  if (!symbol || declarations.length === 0) return false
  const data = declarations.every(
    (d) =>
      repoFiles.has(d.getSourceFile().fileName) &&
      (ts.isPropertySignature(d) || ts.isPropertyDeclaration(d))
  )
  if (!data) return false
  const type = checker.getTypeOfSymbolAtLocation(symbol, access)
  const flags = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter
  const parts = type.isUnion() ? type.types : [type]
  return parts.every(
    (t) =>
      !(t.flags & flags) &&
      t.getCallSignatures().length === 0 &&
      t.getConstructSignatures().length === 0 &&
      // An object type may hold a function among its members, but is not called itself; `object`
      // or an empty literal type could be anything.
      !(t.flags & ts.TypeFlags.NonPrimitive) &&
      !(t.flags & ts.TypeFlags.Object && checker.getPropertiesOfType(t).length === 0)
  )
}

/** Moves the fully typed lines of each method name from `nameUseLines` to `typedUseLines`. */
function apply(module: ModuleModel, lines: LineFacts): void {
  const uses = module.nameUseLines ?? {}
  const typed = { ...(module.typedUseLines ?? {}) }
  let changed = false
  for (const [line, names] of lines)
    for (const [name, facts] of names) {
      if (!facts) continue
      // Only where a use of the name on the line is still untyped: a local fact (receiver-types.ts,
      // `new Foo()` itself) is narrower than the checker's structural one and stays.
      let removed = false
      for (const key of Object.keys(uses)) {
        const dot = key.lastIndexOf('.')
        if (dot < 0 || key.slice(dot + 1) !== name || key.slice(0, dot) === 'self') continue
        const kept = uses[key].filter((l) => l !== line)
        if (kept.length === uses[key].length) continue
        if (kept.length > 0) uses[key] = kept
        else delete uses[key]
        removed = true
      }
      // A line the local facts typed keeps them; the checker's stand by (`chk:`) for when the graph
      // cannot resolve the local one (`object()` re-exported under another name).
      const local =
        !removed &&
        Object.entries(module.typedUseLines ?? {}).some(
          ([key, list]) =>
            !key.startsWith('chk:') && key.endsWith(`.${name}`) && list.includes(line)
        )
      if (!removed && !local) continue
      changed = true
      for (const fact of facts) {
        const key = `${removed ? '' : 'chk:'}${fact}.${name}`
        const list = typed[key] ?? []
        if (!list.includes(line)) typed[key] = [...list, line].sort((a, b) => a - b)
      }
    }
  if (changed) module.typedUseLines = typed
}
