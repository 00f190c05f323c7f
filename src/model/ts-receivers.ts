// Receiver types from the TypeScript type checker, for JavaScript and TypeScript files: `x.get()` runs
// `get` of the class the checker gives `x` (a declared type, `new Foo()` through a variable, a function's
// return type, JSDoc `@param {Foo}` / `@type {Foo}` in a JavaScript file), so a same-named method of
// another class stays unreached. The local facts of receiver-types.ts see one file; the checker follows
// types across files. Only classes declared in the repository count; anything else (`any`, an
// interface, a library's type, a type parameter) leaves the use as it was: every `get` may run.
// The facts are written into the model as `ann:Foo.get` (Foo's family: a subclass may be passed).
import type * as TS from 'typescript'
import { loadTypeScript } from './ts-blank.js'
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
  // Only a name several functions share can be narrowed: with one definer, the typed use reaches it
  // as the name did (the checker's types cost seconds on a few hundred files).
  const definers = new Map<string, number>()
  for (const m of jsModules)
    if (!m.isTest)
      for (const fn of m.functions) definers.set(fn.name, (definers.get(fn.name) ?? 0) + 1)
  const methodNames = new Set<string>()
  for (const m of jsModules)
    if (!m.isTest)
      for (const fn of m.functions)
        if (fn.className && (definers.get(fn.name) ?? 0) > 1) methodNames.add(fn.name)
  if (methodNames.size === 0) return
  // Only files with a member use of such a name still untyped: else there is nothing to narrow (the
  // program loads the files they import on its own).
  const wanted = new Set(
    jsModules
      .filter((m) =>
        Object.keys(m.nameUseLines ?? {}).some((key) => {
          const dot = key.lastIndexOf('.')
          return dot >= 0 && key.slice(0, dot) !== 'self' && methodNames.has(key.slice(dot + 1))
        })
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
  for (const file of sources) {
    const module = wanted.has(file.path) ? byPath.get(file.path) : undefined
    const sf = program.getSourceFile(`/${file.path}`)
    if (!module || !sf || !module.nameUseLines) continue
    const lines = typedLines(ts, checker, sf, methodNames, (type) =>
      classesOf(ts, checker, type, repoFiles, shapes)
    )
    apply(module, lines)
  }
}

/** A class of the repository: the member names of its instances and of the class itself. */
interface ClassShape {
  name: string
  instance: ReadonlySet<string>
  statics: ReadonlySet<string>
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
            name: symbol.getName(),
            instance: names(checker.getDeclaredTypeOfSymbol(symbol)),
            statics: names(checker.getTypeOfSymbolAtLocation(symbol, node))
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
  classesOfType: (type: TS.Type) => string[] | undefined
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
      const classes = checker.getPropertyOfType(type.getNonNullableType(), node.name.text)
        ? classesOfType(type)
        : undefined
      const known = names.get(node.name.text)
      if (known === null) {
        // One untyped receiver of the name on the line keeps the whole line untyped.
      } else if (!classes || classes.length === 0) names.set(node.name.text, null)
      else {
        const facts = known ?? new Set<string>()
        facts.add(`ann:${classes.join('|')}`)
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
  shapes: readonly ClassShape[]
): string[] | undefined {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return undefined
  if (type.isUnion()) {
    const out = new Set<string>()
    for (const part of type.types) {
      if (part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) continue
      const classes = classesOf(ts, checker, part, repoFiles, shapes)
      if (!classes) return undefined
      for (const c of classes) out.add(c)
    }
    return out.size > 0 ? [...out].sort() : undefined
  }
  if (!(type.flags & ts.TypeFlags.Object)) return undefined
  const symbol = type.getSymbol()
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Class)) return undefined
  const declarations = symbol.getDeclarations() ?? []
  if (declarations.length === 0) return undefined
  if (!declarations.every((d) => repoFiles.has(d.getSourceFile().fileName))) return undefined
  const name = symbol.getName()
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || name === 'default') return undefined
  // `Foo.create()` reads the class itself; `x.get()` an instance.
  const statics = checker.getTypeOfSymbolAtLocation(symbol, declarations[0]) === type
  const members = checker.getPropertiesOfType(type).map((p) => p.getName())
  const out = new Set([name])
  for (const shape of shapes) {
    const has = statics ? shape.statics : shape.instance
    if (members.every((m) => has.has(m))) out.add(shape.name)
  }
  return [...out].sort()
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
      if (!removed) continue
      changed = true
      for (const fact of facts) {
        const key = `${fact}.${name}`
        const list = typed[key] ?? []
        if (!list.includes(line)) typed[key] = [...list, line].sort((a, b) => a - b)
      }
    }
  if (changed) module.typedUseLines = typed
}
