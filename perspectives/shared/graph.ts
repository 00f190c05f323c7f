// The internal import graph from resolved imports: who imports whom, and which names they take.
import type { CodeModel, ImportedName } from '../../src/model/types.js'

export interface Importer {
  /** The importing module. */
  from: string
  names: ImportedName[]
}

/** Module path -> the non-test modules that import it (type-only imports excluded). */
export function importersOf(model: CodeModel): Map<string, Importer[]> {
  const map = new Map<string, Importer[]>()
  for (const module of model.modules) {
    if (module.isTest) continue
    for (const decl of module.imports) {
      if (!decl.resolved || decl.typeOnly || decl.resolved === module.path) continue
      let list = map.get(decl.resolved)
      if (!list) map.set(decl.resolved, (list = []))
      const existing = list.find((i) => i.from === module.path)
      if (existing) existing.names.push(...decl.names)
      else list.push({ from: module.path, names: [...decl.names] })
    }
  }
  return map
}

/** How many modules import the module at all. */
export function moduleFanIn(importers: Map<string, Importer[]>, path: string): number {
  return importers.get(path)?.length ?? 0
}

/**
 * How many modules import a symbol: by one of its exported names, or the whole module (a namespace
 * import, `import pkg.mod`, a bare `require`) since those can reach every export.
 */
export function symbolFanIn(
  importers: Map<string, Importer[]>,
  path: string,
  names: readonly string[]
): number {
  let n = 0
  for (const importer of importers.get(path) ?? []) {
    const whole = importer.names.length === 0 || importer.names.some((x) => x.imported === '*')
    if (whole || importer.names.some((x) => names.includes(x.imported))) n++
  }
  return n
}
