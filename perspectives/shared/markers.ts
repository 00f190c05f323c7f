// Marker functions: a function whose body only raises, that the code compares by identity
// (`if schema is Extra:`) and that nothing calls by name (voluptuous's `Self` and `Extra`: "should never
// be called"). Tests that name one pass it as a value (a dictionary key, a schema), and the identity
// check takes it before anything would call it, so naming it is not running it.
import type { FunctionDecl, ModuleModel } from '../../src/model/types.js'

const IDENTITY = new Set(['is', 'is not'])

/** Names of Python top-level functions that are markers, as above. */
export function markerFunctions(modules: readonly ModuleModel[]): Set<string> {
  const called = new Set<string>()
  const compared = new Set<string>()
  for (const module of modules) {
    if (module.language !== 'python') continue
    for (const call of module.calls) called.add(call.name)
    if (module.isTest) continue
    for (const condition of module.conditions)
      for (const c of condition.comparisons)
        if (IDENTITY.has(c.operator))
          for (const side of [c.left, c.right]) compared.add(side.split('.').pop() ?? side)
  }
  const verdict = new Map<string, boolean>()
  for (const module of modules) {
    if (module.isTest || module.language !== 'python') continue
    for (const fn of module.functions) {
      if (fn.className || fn.qualifiedName !== fn.name || !compared.has(fn.name)) continue
      const marker = !called.has(fn.name) && onlyRaises(module, fn)
      verdict.set(fn.name, (verdict.get(fn.name) ?? true) && marker)
    }
  }
  return new Set([...verdict].filter(([, marker]) => marker).map(([name]) => name))
}

/** One `raise`, no branch, no call but the error's constructor. */
function onlyRaises(module: ModuleModel, fn: FunctionDecl): boolean {
  const throws = module.throws.filter((t) => t.enclosing === fn.qualifiedName)
  if (fn.complexity !== 1 || throws.length !== 1) return false
  const error = (throws[0].errorType ?? '').split('.').pop()
  return module.calls.every((c) => c.enclosing !== fn.qualifiedName || c.name === error)
}
