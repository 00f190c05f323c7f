// What a default or whole CommonJS binding (`const fs = require('./fs.js')`, `import fs from './fs.js'`)
// names, followed only to the module it was required from. The reach graph used to alias the local
// name to every module's default export by name, so any `fs` anywhere (a parameter of that name in
// another module) ran whatever any `module.exports = x` exported: graceful-fs's `legacy`, reached
// through `patch(fs)` in polyfills.js (docs/evaluation/reach.md, round R).
import type { ModuleModel } from '../../src/model/types.js'

/** A name a binding leads to, and the module that defines it (absent: not found, any of the name). */
export interface BoundName {
  name: string
  defs?: readonly string[]
}

/** The names a module's default export (or whole CommonJS export) is defined under. */
export function defaultNames(module: ModuleModel): string[] {
  const out: string[] = []
  for (const exp of module.exports)
    if (exp.name === 'default' || exp.kind === 'default' || exp.kind === 'commonjs')
      out.push(exp.local ?? exp.name)
  for (const fn of module.functions) if (fn.name === 'default') out.push(fn.name)
  return out
}

/** Local name -> what it names, for each default or whole CommonJS binding of a module of ours. */
export function wholeBindings(
  module: ModuleModel,
  byPath: ReadonlyMap<string, ModuleModel>
): Map<string, BoundName[]> {
  const out = new Map<string, BoundName[]>()
  if (module.language === 'python') return out
  for (const decl of module.imports) {
    const target = decl.resolved ? byPath.get(decl.resolved) : undefined
    if (!target) continue
    for (const { imported, local } of decl.names)
      if (local && (imported === 'default' || (decl.kind === 'require' && imported === '*')))
        out.set(local, [...(out.get(local) ?? []), ...exportedDefault(target, byPath, 0)])
  }
  return out
}

function exportedDefault(
  target: ModuleModel,
  byPath: ReadonlyMap<string, ModuleModel>,
  depth: number
): BoundName[] {
  const out = defaultNames(target).flatMap((name) => definitionsOf(name, target, byPath, depth))
  // `module.exports = require('./lib/a')`: the default of the module it hands on.
  for (const exp of target.exports) {
    if (exp.kind !== 'all' || depth >= 5) continue
    const decl = target.imports.find(
      (d) => d.kind === 'require' && d.source === exp.source && d.resolved
    )
    const next = decl?.resolved ? byPath.get(decl.resolved) : undefined
    if (next) out.push(...exportedDefault(next, byPath, depth + 1))
  }
  return out
}

/**
 * Where `name`, as the module sees it, is defined: the module itself (a function or class of the
 * name), or through its own imports (`module.exports = fs` after `var fs = require('./fs')`). A name
 * bound to a library or to a value is the module's own: no function elsewhere is reached by it.
 */
function definitionsOf(
  name: string,
  module: ModuleModel,
  byPath: ReadonlyMap<string, ModuleModel>,
  depth: number
): BoundName[] {
  const here: BoundName = { name, defs: [module.path] }
  if (module.functions.some((f) => f.name === name) || module.classes.some((c) => c.name === name))
    return [here]
  if (depth >= 5) return [{ name }]
  for (const decl of module.imports) {
    const found = decl.names.find((n) => n.local === name)
    if (!found) continue
    const target = decl.resolved ? byPath.get(decl.resolved) : undefined
    if (!target) return [here]
    if (found.imported === 'default' || (decl.kind === 'require' && found.imported === '*'))
      return exportedDefault(target, byPath, depth + 1)
    return definitionsOf(found.imported, target, byPath, depth + 1)
  }
  return [here]
}
