// The keyword arguments a Python function takes through `**kwargs` and reads by name: `kwargs['x']`,
// `kwargs.get('x')`, `kwargs.pop('x')`, `kwargs.setdefault('x')`, followed into the package's own
// functions it hands them on to (`utils.args_to_enum(**kwargs)`, natsort 5). When it hands them to a
// function the package does not define, the keys taken there cannot be read: the set is open.
import type { CodeModel, FunctionDecl, ModuleModel } from '../../src/model/types.js'

export interface KwargsKeys {
  keys: { name: string; file: string; line: number }[]
  /** Handed on to a function outside the package (or one not found): more keys may be taken. */
  open: boolean
}

const READ_METHODS = new Set(['get', 'pop', 'setdefault'])
const MAX_DEPTH = 4

export type FunctionFinder = (
  module: ModuleModel,
  name: string
) => { module: ModuleModel; fn: FunctionDecl } | undefined

/** Finds the package function a call names: the module's own, else the one definition by that name. */
export function functionFinder(model: CodeModel): FunctionFinder {
  const byName = new Map<string, { module: ModuleModel; fn: FunctionDecl }[]>()
  for (const module of model.modules) {
    if (module.isTest || module.language !== 'python') continue
    for (const fn of module.functions) {
      if (fn.className || fn.qualifiedName.includes('.')) continue
      const list = byName.get(fn.name) ?? []
      list.push({ module, fn })
      byName.set(fn.name, list)
    }
  }
  return (module, name) => {
    const found = byName.get(name) ?? []
    const own = found.find((f) => f.module === module)
    if (own) return own
    const imported = new Set(module.imports.map((i) => i.resolved).filter(Boolean))
    const reached = found.filter((f) => imported.has(f.module.path))
    if (reached.length === 1) return reached[0]
    return found.length === 1 ? found[0] : undefined
  }
}

/** The keys `fn` reads from its `**` parameter, or undefined when it has none. */
export function kwargsKeys(
  module: ModuleModel,
  fn: FunctionDecl,
  find: FunctionFinder,
  depth = 0,
  seen: Set<FunctionDecl> = new Set()
): KwargsKeys | undefined {
  const param = fn.params.find((p) => p.kwargs)
  if (!param || seen.has(fn)) return undefined
  seen.add(fn)
  try {
    return readKwargs(module, fn, param.name, find, depth, seen)
  } finally {
    seen.delete(fn)
  }
}

function readKwargs(
  module: ModuleModel,
  fn: FunctionDecl,
  name: string,
  find: FunctionFinder,
  depth: number,
  seen: Set<FunctionDecl>
): KwargsKeys {
  const param = { name }
  const result: KwargsKeys = { keys: [], open: false }
  const add = (name: string, line: number): void => {
    if (!result.keys.some((k) => k.name === name))
      result.keys.push({ name, file: module.path, line })
  }
  for (const read of module.kwargsReads ?? []) {
    if (read.enclosing === fn.qualifiedName && read.param === param.name)
      add(read.key, read.loc.startLine)
  }
  for (const call of module.calls) {
    if (call.enclosing !== fn.qualifiedName) continue
    const first = call.arguments?.[0]
    if (
      call.receiver === param.name &&
      READ_METHODS.has(call.name) &&
      first?.kind === 'literal' &&
      typeof first.value === 'string'
    ) {
      add(first.value, call.loc.startLine)
      continue
    }
    // `g(**kwargs)`: the keys g reads are taken too.
    if (!call.arguments?.some((a) => a.kind === 'spread' && a.text === `**${param.name}`)) continue
    // A method of an object (`self.f`, `super().f`) is not looked up by name.
    const plain = !call.receiver || /^[A-Za-z_]\w*$/.test(call.receiver)
    const ownObject = call.receiver === 'self' || call.receiver === 'cls'
    const target = depth < MAX_DEPTH && plain && !ownObject ? find(module, call.name) : undefined
    const inner = target ? kwargsKeys(target.module, target.fn, find, depth + 1, seen) : undefined
    if (!inner) {
      result.open = true
      continue
    }
    for (const key of inner.keys)
      if (!result.keys.some((k) => k.name === key.name)) result.keys.push(key)
    if (inner.open) result.open = true
  }
  return result
}
