// Where each name is used, across the whole repository: called, passed as a value (a callback, an
// argument), bound, named in a string (`getattr(obj, "visit_x")`), read by tests as a member, or rendered
// as a JSX element. The static estimate asks it whether anything could run a function tests do not name.
import type { CodeModel } from '../../src/model/types.js'

/** A use of a name: the module, and the function it sits in (absent at module level). */
export interface NameUse {
  module: string
  enclosing?: string
  test: boolean
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/g
const WHOLE_IDENTIFIER = /^[A-Za-z_$][\w$]*$/

const cache = new WeakMap<CodeModel, Map<string, NameUse[]>>()

export function nameUses(model: CodeModel): Map<string, NameUse[]> {
  let uses = cache.get(model)
  if (uses) return uses
  uses = new Map()
  const add = (name: string, use: NameUse): void => {
    const list = uses?.get(name)
    if (list) {
      if (list.length < 50) list.push(use)
    } else uses?.set(name, [use])
  }
  for (const module of model.modules) {
    const at = (enclosing?: string): NameUse => ({
      module: module.path,
      ...(enclosing ? { enclosing } : {}),
      test: module.isTest
    })
    for (const call of module.calls) {
      add(call.name, at(call.enclosing))
      for (const arg of call.args)
        for (const id of arg.match(IDENTIFIER) ?? []) add(id, at(call.enclosing))
    }
    for (const binding of module.bindings ?? [])
      for (const id of binding.value.match(IDENTIFIER) ?? []) add(id, at(binding.enclosing))
    // `__all__` lists names to export, not uses.
    const listed = new Set(module.all ?? [])
    for (const s of module.strings)
      if (WHOLE_IDENTIFIER.test(s.value) && !listed.has(s.value)) add(s.value, at(s.enclosing))
    // Every other use the parser saw (a function stored in a table, passed on, read as an attribute).
    for (const name of module.namesUsed ?? []) add(name, at('\u0000file'))
    for (const member of module.test?.memberReferences ?? [])
      for (const id of member.split('.')) add(id, at())
    for (const element of module.jsxElements ?? [])
      add(element.name.split('.').pop() ?? element.name, at(element.enclosing))
  }
  cache.set(model, uses)
  return uses
}

/** Whether a function's name is used anywhere but inside the function itself (its own recursion). */
export function usedElsewhere(
  uses: Map<string, NameUse[]>,
  name: string,
  module: string,
  qualifiedName: string
): boolean {
  return (uses.get(name) ?? []).some((u) => u.module !== module || u.enclosing !== qualifiedName)
}
