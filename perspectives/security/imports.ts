// What a module took from a package: the names it binds to the whole module (`import * as cp`,
// `const cp = require('child_process')`, `import subprocess`) and the names it imported one by one.
import type { ModuleModel } from '../../src/model/types.js'

export interface PackageBindings {
  /** Local names bound to the whole module. */
  namespaces: Set<string>
  /** Local name -> imported name. */
  names: Map<string, string>
}

export function bindingsOf(module: ModuleModel, packages: readonly string[]): PackageBindings {
  const namespaces = new Set<string>()
  const names = new Map<string, string>()
  for (const decl of module.imports) {
    if (!packages.includes(decl.source)) continue
    if (decl.names.length === 0) namespaces.add(decl.source.split('.').pop() as string)
    for (const n of decl.names) {
      if (n.imported === '*' || n.imported === 'default') namespaces.add(n.local)
      else names.set(n.local, n.imported)
    }
  }
  return { namespaces, names }
}

/** The package function a call reaches (`cp.exec`, or `exec` imported from it), or undefined. */
export function packageFunction(
  bindings: PackageBindings,
  callee: string,
  receiver: string | undefined,
  name: string
): string | undefined {
  if (receiver !== undefined) {
    const head = receiver.split('.')[0]
    if (
      bindings.namespaces.has(receiver) ||
      (bindings.namespaces.has(head) && receiver.split('.').length <= 2)
    )
      return name
    return undefined
  }
  return bindings.names.get(callee)
}
