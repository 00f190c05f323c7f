// Public units: what other code (and so a test) can reach in a module. Exported top-level functions
// and exported classes; Python's public defs and `__all__` arrive already marked `exported` by the model.
import type { ClassDecl, FunctionDecl, Location, ModuleModel } from '../../src/model/types.js'

export interface PublicUnit {
  kind: 'function' | 'class'
  module: string
  language: ModuleModel['language']
  /** The declared name. */
  name: string
  qualifiedName: string
  /** The names other modules import it by (`default` for a default export); never empty. */
  exportNames: string[]
  loc: Location
  lines: number
  /** Cyclomatic complexity: the function's own, or for a class the largest of its methods. */
  maxComplexity: number
  /** Sum over the function, or over all methods of a class. */
  sumComplexity: number
  function?: FunctionDecl
  class?: ClassDecl
}

const NOT_TOP_LEVEL: ReadonlySet<FunctionDecl['kind']> = new Set([
  'method',
  'constructor',
  'getter',
  'setter'
])

/** TypeScript declaration files (`.d.ts`, `.d.mts`, `.d.cts`) describe code but hold none to run. */
export function isDeclarationFile(path: string): boolean {
  return /\.d\.[cm]?ts$/i.test(path)
}

export function publicUnits(module: ModuleModel): PublicUnit[] {
  if (module.isTest || isDeclarationFile(module.path)) return []
  const units: PublicUnit[] = []
  for (const fn of module.functions) {
    if (!fn.exported || fn.className || NOT_TOP_LEVEL.has(fn.kind)) continue
    units.push({
      kind: 'function',
      module: module.path,
      language: module.language,
      name: fn.name,
      qualifiedName: fn.qualifiedName,
      exportNames: exportNamesOf(module, fn.name),
      loc: fn.loc,
      lines: fn.lines,
      maxComplexity: fn.complexity,
      sumComplexity: fn.complexity,
      function: fn
    })
  }
  for (const cls of module.classes) {
    if (!cls.exported) continue
    const methods = methodsOf(module, cls)
    units.push({
      kind: 'class',
      module: module.path,
      language: module.language,
      name: cls.name,
      qualifiedName: cls.qualifiedName,
      exportNames: exportNamesOf(module, cls.name),
      loc: cls.loc,
      lines: cls.loc.endLine - cls.loc.startLine + 1,
      maxComplexity: methods.reduce((max, m) => Math.max(max, m.complexity), 1),
      sumComplexity: Math.max(
        1,
        methods.reduce((sum, m) => sum + m.complexity, 0)
      ),
      class: cls
    })
  }
  return units.sort(
    (a, b) => a.loc.startLine - b.loc.startLine || a.qualifiedName.localeCompare(b.qualifiedName)
  )
}

/** The functions declared inside a class (methods, constructor, accessors, nested helpers). */
export function methodsOf(module: ModuleModel, cls: ClassDecl): FunctionDecl[] {
  const prefix = `${cls.qualifiedName}.`
  return module.functions.filter(
    (f) => f.className === cls.name || f.qualifiedName.startsWith(prefix)
  )
}

/** The names a declaration is exported under: `export { a as b }` gives b, `export default a` gives default. */
export function exportNamesOf(module: ModuleModel, name: string): string[] {
  const names = new Set<string>()
  for (const exp of module.exports) {
    if (exp.source) continue
    if ((exp.local ?? exp.name) === name) names.add(exp.name)
  }
  if (names.size === 0) names.add(name)
  return [...names]
}

/** The name a test imports the unit by: its own name when exported under it, else the first alias. */
export function importName(unit: PublicUnit): string {
  if (unit.exportNames.includes(unit.name)) return unit.name
  return unit.exportNames.find((n) => n !== 'default') ?? unit.exportNames[0]
}
