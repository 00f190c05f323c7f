// The keyword arguments a Python function takes through `**kwargs` and reads by name: `kwargs['x']`,
// `kwargs.get('x')`, `kwargs.pop('x')`, `kwargs.setdefault('x')`, followed into the package's own
// functions it hands them on to (`utils.args_to_enum(**kwargs)`, natsort 5). When it hands them to a
// function the package does not define, the keys taken there cannot be read: the set is open; so it is
// when `kwargs` is used any other way (stored, iterated, returned: the extractor's `kwargsEscapes`).
// `self.m(**kwargs)` is followed into the same class's `m` when no other class defines an `m`.
import type { CodeModel, FunctionDecl, ModuleModel } from '../../src/model/types.js'

export interface KwargsKeys {
  keys: { name: string; file: string; line: number }[]
  /** Handed on to a function outside the package (or one not found): more keys may be taken. */
  open: boolean
}

const READ_METHODS = new Set(['get', 'pop', 'setdefault'])
const MAX_DEPTH = 4

export type FunctionFinder = ((
  module: ModuleModel,
  name: string
) => { module: ModuleModel; fn: FunctionDecl } | undefined) & {
  /** True when a class of the package that extends `className` defines its own `name`. */
  overridden?: (className: string, name: string) => boolean
}

/** Finds the package function a call names: the module's own, else the one definition by that name. */
export function functionFinder(model: CodeModel): FunctionFinder {
  const byName = new Map<string, { module: ModuleModel; fn: FunctionDecl }[]>()
  const methods = new Set<string>()
  const bases = new Map<string, string[]>()
  for (const module of model.modules) {
    if (module.isTest || module.language !== 'python') continue
    for (const fn of module.functions) {
      if (fn.className) methods.add(`${fn.className}.${fn.name}`)
      if (fn.className || fn.qualifiedName.includes('.')) continue
      const list = byName.get(fn.name) ?? []
      list.push({ module, fn })
      byName.set(fn.name, list)
    }
  }
  for (const module of model.modules)
    if (!module.isTest && module.language === 'python')
      for (const cls of module.classes)
        bases.set(cls.name, [...(bases.get(cls.name) ?? []), ...cls.bases.map(lastPart)])
  const extendsClass = (name: string, base: string, depth = 0): boolean =>
    depth < 8 && (bases.get(name) ?? []).some((b) => b === base || extendsClass(b, base, depth + 1))
  const finder: FunctionFinder = (module, name) => {
    const found = byName.get(name) ?? []
    const own = found.find((f) => f.module === module)
    if (own) return own
    const imported = new Set(module.imports.map((i) => i.resolved).filter(Boolean))
    const reached = found.filter((f) => imported.has(f.module.path))
    if (reached.length === 1) return reached[0]
    return found.length === 1 ? found[0] : undefined
  }
  finder.overridden = (className, name) =>
    [...bases.keys()].some(
      (c) => c !== className && methods.has(`${c}.${name}`) && extendsClass(c, className)
    )
  return finder
}

/** `self.name` inside a method of `fn`'s class: that class's own `name`, when no other class has one. */
function ownMethod(
  module: ModuleModel,
  fn: FunctionDecl,
  name: string,
  find: FunctionFinder
): { module: ModuleModel; fn: FunctionDecl } | undefined {
  if (!fn.className) return undefined
  const own = module.functions.find((f) => f.name === name && f.className === fn.className)
  // Another class's `name` may override it (a subclass): which one runs is not known here.
  return own && find.overridden?.(fn.className, name) === false ? { module, fn: own } : undefined
}

/** `jws.PyJWS` -> `PyJWS`; `Generic[T]` -> `Generic`. */
function lastPart(base: string): string {
  const plain = base.split('[')[0].trim()
  return plain.slice(plain.lastIndexOf('.') + 1)
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
  const result: KwargsKeys = {
    keys: [],
    open: (module.kwargsEscapes ?? []).some(
      (e) => e.enclosing === fn.qualifiedName && e.param === name
    )
  }
  const add = (name: string, line: number, file = module.path): void => {
    if (!result.keys.some((k) => k.name === name)) result.keys.push({ name, file, line })
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
    const target =
      depth >= MAX_DEPTH || !plain
        ? undefined
        : ownObject
          ? ownMethod(module, fn, call.name, find)
          : find(module, call.name)
    if (!target) {
      result.open = true
      continue
    }
    // The keywords also bind the target's own parameters the call leaves unfilled (pyjwt's
    // `_validate_claims(payload, options, audience=None, ..., **kwargs)`).
    const args = call.arguments ?? []
    const byPosition = args.filter((a) => a.kind !== 'spread' && !a.keyword).length
    const byKeyword = new Set(args.map((a) => a.keyword).filter(Boolean))
    const own = target.fn.params.filter(
      (p) => !p.rest && !p.kwargs && p.name !== 'self' && p.name !== 'cls'
    )
    own.forEach((p, index) => {
      if (p.positionalOnly || byKeyword.has(p.name) || (!p.keywordOnly && index < byPosition))
        return
      add(p.name, target.fn.loc.startLine, target.module.path)
    })
    const inner = kwargsKeys(target.module, target.fn, find, depth + 1, seen)
    for (const key of inner?.keys ?? [])
      if (!result.keys.some((k) => k.name === key.name)) result.keys.push(key)
    // Open when the target's own `**` could not be read (already on the path: a recursion).
    if (inner?.open || (!inner && target.fn.params.some((p) => p.kwargs))) result.open = true
  }
  // `if 'start_pos' in kwargs: raise TypeError(...)`: a key the function refuses is not one it takes,
  // even when it hands the rest on to a function with that parameter (parso 0.7's `Grammar.parse`).
  const refused = new Set(
    module.throws
      .filter((t) => t.enclosing === fn.qualifiedName && t.guard)
      .map((t) => new RegExp(`^\\s*(['"])(\\w+)\\1\\s+in\\s+${name}\\s*$`).exec(t.guard ?? '')?.[2])
      .filter((key): key is string => key !== undefined)
  )
  if (refused.size > 0) result.keys = result.keys.filter((k) => !refused.has(k.name))
  return result
}
