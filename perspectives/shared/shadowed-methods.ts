// Methods no call can run: a base class's method that every subclass overrides, in a class that nothing
// builds itself. `v.visit_node()` on a visitor then runs the subclass's override, whatever `v` is; the
// base's body runs only through a `super()` call that lands on it. Judged on lark's ForestVisitor, whose
// default `visit_*_in/out` never ran because each visitor the tests build overrides them (issue 11).
// Conservative on every side: a class counts as built when its name is used anywhere but in a class's
// bases (a call, a type, a string, `Base.m(self)`, an alias) or its module is bound whole (a default
// import, `require`, `import *`), subclasses include test classes, a name several modules define is
// left alone, and a subclass that may inherit the method keeps it alive.
import type { CodeModel, FunctionDecl, ModuleModel } from '../../src/model/types.js'

/** Methods that run without being named: construction, protocols, accessors. */
const IMPLICIT = /^(__\w+__|constructor|toString|toJSON|valueOf|then|\[.*\])$/

const short = (base: string): string =>
  base
    .replace(/[(<[].*$/s, '')
    .trim()
    .split('.')
    .pop() ?? base

export function shadowedMethods(model: CodeModel): Set<FunctionDecl> {
  const definers = new Map<string, number>()
  const basesOf = new Map<string, string[]>()
  const methodsOf = new Map<string, Set<string>>()
  for (const module of model.modules) {
    for (const cls of module.classes) {
      definers.set(cls.name, (definers.get(cls.name) ?? 0) + 1)
      basesOf.set(cls.name, [...(basesOf.get(cls.name) ?? []), ...cls.bases.map(short)])
    }
    for (const fn of module.functions)
      if (fn.className) {
        let set = methodsOf.get(fn.className)
        if (!set) methodsOf.set(fn.className, (set = new Set()))
        set.add(fn.name)
      }
  }
  const subclassesOf = new Map<string, string[]>()
  for (const [cls, bases] of basesOf)
    for (const base of bases) subclassesOf.set(base, [...(subclassesOf.get(base) ?? []), cls])
  const used = namesUsedOutsideBases(model)
  const out = new Set<FunctionDecl>()
  for (const module of model.modules) {
    if (module.isTest) continue
    for (const fn of module.functions) {
      const cls = fn.className
      if (!cls || IMPLICIT.test(fn.name) || fn.kind !== 'method') continue
      if (definers.get(cls) !== 1 || used.has(cls)) continue
      const subclasses = subclassesOf.get(cls) ?? []
      if (subclasses.length === 0) continue
      // A subclass that does not define it inherits it (one that does hides it from all classes below;
      // a name several classes share is not told apart, so it keeps the method alive).
      if (subclasses.some((sub) => definers.get(sub) !== 1 || !methodsOf.get(sub)?.has(fn.name)))
        continue
      if (superMayLand(model, cls, fn.name, basesOf, methodsOf)) continue
      out.add(fn)
    }
  }
  return out
}

/**
 * Whether a `super()` call of the name (`super().m()`, `super(C, self).m()`, `super.m()`) in some
 * class may land on `base`'s method: a path from one of that class's bases up to `base` on which no
 * other class defines the name.
 */
function superMayLand(
  model: CodeModel,
  base: string,
  name: string,
  basesOf: ReadonlyMap<string, string[]>,
  methodsOf: ReadonlyMap<string, Set<string>>
): boolean {
  const reaches = (from: string, seen: Set<string>): boolean => {
    if (from === base) return true
    if (seen.has(from) || methodsOf.get(from)?.has(name)) return false
    seen.add(from)
    return (basesOf.get(from) ?? []).some((b) => reaches(b, seen))
  }
  for (const module of model.modules)
    for (const call of module.calls) {
      if (call.name !== name || !/^super\b/.test(call.callee)) continue
      const owner = enclosingClass(module, call.enclosing)
      // A super call outside a method we can place: any base may be meant.
      if (!owner) return true
      if ((basesOf.get(owner) ?? []).some((b) => reaches(b, new Set()))) return true
    }
  return false
}

function enclosingClass(module: ModuleModel, enclosing: string | undefined): string | undefined {
  if (!enclosing) return undefined
  return module.functions.find((f) => f.qualifiedName === enclosing)?.className
}

/**
 * Every name used anywhere (tests included) except where it names a class's base: the last and first
 * segments of each use, names in typed receiver facts, aliases of imports, and whole-identifier strings.
 */
function namesUsedOutsideBases(model: CodeModel): Set<string> {
  const used = new Set<string>()
  const byPath = new Map(model.modules.map((m) => [m.path, m]))
  for (const module of model.modules) {
    const baseLines = new Map<string, Set<number>>()
    for (const cls of module.classes)
      for (const base of cls.bases) {
        const name = short(base)
        let lines = baseLines.get(name)
        if (!lines) baseLines.set(name, (lines = new Set()))
        for (let l = cls.loc.startLine; l <= cls.loc.startLine + 2; l++) lines.add(l)
      }
    for (const [key, lines] of Object.entries(module.nameUseLines ?? {})) {
      const parts = key.split('.').filter(Boolean)
      const last = parts[parts.length - 1]
      for (const part of [parts[0], last])
        if (part && lines.some((l) => !baseLines.get(part)?.has(l))) used.add(part)
    }
    for (const key of Object.keys(module.typedUseLines ?? {}))
      for (const part of key.split(/[:.|]/)) used.add(part)
    for (const fact of Object.values(module.factories ?? {}))
      for (const part of fact.split(/[:.|]/)) used.add(part)
    for (const decl of module.imports) {
      for (const { imported, local } of decl.names) if (imported !== local) used.add(imported)
      // A default or whole-module binding (`import Codec from './codec'`, `const C = require('./c')`)
      // or an unnamed load builds classes under names we do not see: all of that module's count.
      // (`import * as NS` and Python's `import mod` are read as `NS.C` / `mod.C`, which name the class.)
      const whole =
        decl.kind !== 'python' &&
        (decl.names.length === 0 ||
          decl.kind === 'dynamic' ||
          decl.names.some(
            (n) => n.imported === 'default' || (decl.kind === 'require' && n.imported === '*')
          ))
      const target = whole && decl.resolved ? byPath.get(decl.resolved) : undefined
      for (const cls of target?.classes ?? []) used.add(cls.name)
    }
    // `export { Codec as Default }`: used under the exported name.
    for (const exp of module.exports) if (exp.local && exp.local !== exp.name) used.add(exp.local)
    for (const str of module.strings) if (/^[A-Za-z_$][\w$]*$/.test(str.value)) used.add(str.value)
  }
  return used
}
