// Who calls each function, across the repository: calls resolved by name through the module's own
// functions, `this`/`self` methods of the same class, and imports that resolved to a repository file.
// Test modules are not callers: a test calling a function to see it fail is not a caller handling it.
import type { CallerRef, CallSite, FunctionDecl, ModuleModel, TryContext } from './types.js'

/** A function called from thousands of places says nothing more with the thousand-and-first. */
const MAX_CALLERS = 200

/** Which failures the try around a call deals with; undefined when none does. */
export function handledBy(tryContext: TryContext | undefined): { catches: string[] } | undefined {
  if (!tryContext) return undefined
  const dealing = tryContext.handlers.filter((h) => h.action !== 'rethrow')
  if (dealing.length === 0) return undefined
  if (dealing.some((h) => h.types.length === 0)) return { catches: [] }
  return { catches: [...new Set(dealing.flatMap((h) => h.types))] }
}

function topLevel(m: ModuleModel): Map<string, FunctionDecl> {
  const out = new Map<string, FunctionDecl>()
  for (const f of m.functions)
    if (f.qualifiedName === f.name && !out.has(f.name)) out.set(f.name, f)
  return out
}

export function linkCallers(modules: ModuleModel[]): void {
  const byPath = new Map(modules.map((m) => [m.path, m]))
  const tops = new Map<string, Map<string, FunctionDecl>>()
  const topsOf = (m: ModuleModel): Map<string, FunctionDecl> => {
    let t = tops.get(m.path)
    if (!t) tops.set(m.path, (t = topLevel(m)))
    return t
  }
  for (const m of modules) {
    if (m.isTest || m.calls.length === 0) continue
    const byQualified = new Map(m.functions.map((f) => [f.qualifiedName, f]))
    // Local name -> the module and the name it imports there (named imports), or the whole module (namespaces).
    const named = new Map<string, { module: ModuleModel; name: string }>()
    const namespaces = new Map<string, ModuleModel>()
    for (const imp of m.imports) {
      const target = imp.resolved ? byPath.get(imp.resolved) : undefined
      if (!target) continue
      for (const n of imp.names) {
        if (n.local === '*') continue
        if (n.imported === '*') namespaces.set(n.local, target)
        else named.set(n.local, { module: target, name: n.imported })
      }
    }
    for (const call of m.calls) {
      const target = resolve(call, m, byQualified, named, namespaces, topsOf)
      if (!target) continue
      const list = (target.callers ??= [])
      if (list.length >= MAX_CALLERS) continue
      const handled = handledBy(call.context?.try)
      const ref: CallerRef = {
        path: m.path,
        line: call.loc.startLine,
        handled: handled !== undefined
      }
      if (call.enclosing !== undefined) ref.enclosing = call.enclosing
      if (handled) ref.catches = handled.catches
      list.push(ref)
    }
  }
}

function resolve(
  call: CallSite,
  m: ModuleModel,
  byQualified: Map<string, FunctionDecl>,
  named: Map<string, { module: ModuleModel; name: string }>,
  namespaces: Map<string, ModuleModel>,
  topsOf: (m: ModuleModel) => Map<string, FunctionDecl>
): FunctionDecl | undefined {
  if (call.receiver === undefined) {
    if (call.callee !== call.name) return undefined
    const local = topsOf(m).get(call.name)
    if (local) return local
    const imported = named.get(call.name)
    return imported ? topsOf(imported.module).get(imported.name) : undefined
  }
  if (call.receiver === 'this' || call.receiver === 'self' || call.receiver === 'cls') {
    const cls = call.enclosing?.split('.')[0]
    return cls ? byQualified.get(`${cls}.${call.name}`) : undefined
  }
  // A method of an object of functions the module declares (`const dirList = { list: async function
  // ... }` called as `dirList.list(...)`): fastify-static's only caller of list() catches its rejection.
  const member = byQualified.get(`${call.receiver}.${call.name}`)
  if (member && !call.receiver.includes('.')) return member
  const ns = namespaces.get(call.receiver)
  if (!ns) return undefined
  return topsOf(ns).get(call.name) ?? exportedObjectMember(ns, call.name)
}

/**
 * `module.exports = dirList` (or `export default dirList`) where dirList is an object of functions:
 * `require('./dirList').list` is the function qualified `dirList.list` there.
 */
function exportedObjectMember(m: ModuleModel, name: string): FunctionDecl | undefined {
  for (const e of m.exports) {
    if (e.kind !== 'commonjs' && e.kind !== 'default') continue
    const local = e.local ?? e.name
    const fn = m.functions.find((f) => f.qualifiedName === `${local}.${name}`)
    if (fn) return fn
  }
  return undefined
}
