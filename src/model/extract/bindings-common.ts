// What the JS/TS and Python extractors share about local bindings (LocalBinding in the model): the
// caps, and adding one binding per name a target binds.
import type { LocalBinding, Location, ModuleModel } from '../types.js'

/** A generated module of a million assignments must not make a million model entries. */
export const MAX_BINDINGS = 20_000
/** Enough for a built command, query or path; a 5 MB literal is cut. */
export const BINDING_VALUE_MAX = 300

/** Whether the module has room for more bindings. */
export function bindingsFull(model: ModuleModel): boolean {
  return (model.bindings?.length ?? 0) >= MAX_BINDINGS
}

/** One binding per name, all with the same value, location and scope, up to MAX_BINDINGS. */
export function addBindings(
  model: ModuleModel,
  names: string[],
  at: { operator: string; value: string; loc: Location; enclosing?: string; branch?: Location },
  elements?: (number | undefined)[]
): void {
  const bindings = (model.bindings ??= [])
  for (const [i, name] of names.entries()) {
    if (bindings.length >= MAX_BINDINGS) return
    const binding: LocalBinding = {
      name,
      operator: at.operator,
      value: at.value,
      loc: { ...at.loc }
    }
    if (at.enclosing !== undefined) binding.enclosing = at.enclosing
    if (at.branch) binding.branch = { ...at.branch }
    const element = elements?.[i]
    if (element !== undefined) binding.element = element
    bindings.push(binding)
  }
}
