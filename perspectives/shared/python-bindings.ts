// Which of the repository's modules a bare Python name can mean. Python resolves a plain name in the
// module's own scopes, then its imports, then the built-ins, so `diff(...)` in a test that never
// imports a `diff` is a local variable or a parameter, not deepdiff's command-line `diff`, and
// `grep` imported from the package is the `grep` the package's `__init__` re-exports, not another
// module's function of the same name. Anything the model cannot follow (a star import, an import it
// could not resolve, a name the imported module does not visibly define) leaves the name unrestricted.
import type { ModuleModel } from '../../src/model/types.js'

const MAX_HOPS = 8

/**
 * For a Python module: the paths of the modules whose function or class a bare name can be bound
 * to, `[]` when none of ours (a local, a parameter, a built-in, a library's name), or undefined when
 * the model cannot tell.
 */
export function pythonBinding(
  module: ModuleModel,
  byPath: ReadonlyMap<string, ModuleModel>
): (name: string) => string[] | undefined {
  const memo = new Map<string, string[] | undefined>()
  return (name) => {
    if (!memo.has(name)) memo.set(name, bindingIn(module, name, byPath, 0, true))
    return memo.get(name)
  }
}

function bindingIn(
  module: ModuleModel,
  name: string,
  byPath: ReadonlyMap<string, ModuleModel>,
  hops: number,
  user: boolean
): string[] | undefined {
  if (hops > MAX_HOPS || module.language !== 'python') return undefined
  const out = new Set<string>()
  if (defines(module, name)) out.add(module.path)
  let found = out.size > 0
  for (const decl of module.imports) {
    if (decl.kind !== 'python') continue
    for (const { imported, local } of decl.names) {
      if (imported === '*' && local === '*') {
        // `from m import *`: whatever m binds (or, unresolved, anything).
        const target = decl.resolved ? byPath.get(decl.resolved) : undefined
        if (!target) return undefined
        const inner = bindingIn(target, name, byPath, hops + 1, false)
        if (inner === undefined) return undefined
        for (const p of inner) out.add(p)
        if (inner.length > 0) found = true
        continue
      }
      if (local !== name) continue
      found = true
      // `import a.b as name`: a module object, never one of our functions.
      if (imported === '*') continue
      if (!decl.resolved) {
        // A library's name, or one of ours the model did not resolve (unknown).
        if (decl.source.startsWith('.')) return undefined
        continue
      }
      const target = byPath.get(decl.resolved)
      if (!target) return undefined
      const inner = bindingIn(target, imported, byPath, hops + 1, false)
      // `from pkg import submodule` and names the target gets some other way: unknown.
      if (inner === undefined || inner.length === 0) return undefined
      for (const p of inner) out.add(p)
    }
  }
  // A module reached through an import that does not visibly bind the name: unknown (a `__getattr__`,
  // an assignment). The module the name is used in: a local or a built-in.
  if (!found) return user ? [] : undefined
  return [...out].sort()
}

/** A function, method or class of the name anywhere in the module (a class body may name its own methods). */
function defines(module: ModuleModel, name: string): boolean {
  return (
    module.functions.some((f) => f.name === name) || module.classes.some((c) => c.name === name)
  )
}
