// Links modules after extraction: resolves imports to repository files, and tells each test file
// which source modules it imports and which of their exported symbols it references.
import type { ImportResolver } from './resolve.js'
import type { ImportDecl, ModuleModel } from './types.js'

const MAX_HOPS = 10

type ModuleIndex = Map<string, ModuleModel>

/** The module a re-export or `export *` names, when it resolved inside the repository. */
function sourceModule(
  m: ModuleModel,
  source: string | undefined,
  byPath: ModuleIndex
): ModuleModel | undefined {
  if (source === undefined) return undefined
  const path = m.imports.find((i) => i.source === source && i.resolved)?.resolved
  return path ? byPath.get(path) : undefined
}

/** Names a module offers to importers, following `export * from` chains inside the repository. */
function exportedSymbols(
  target: ModuleModel,
  byPath: ModuleIndex,
  cache: Map<string, Set<string>>
): Set<string> {
  const cached = cache.get(target.path)
  if (cached) return cached
  const names = new Set<string>()
  cache.set(target.path, names)
  const queue: ModuleModel[] = [target]
  const seen = new Set<string>([target.path])
  while (queue.length > 0) {
    const m = queue.shift()!
    for (const e of m.exports) {
      if (e.kind === 'all') {
        const next = sourceModule(m, e.source, byPath)
        if (next && !seen.has(next.path)) {
          seen.add(next.path)
          queue.push(next)
        }
      } else if (m === target || e.name !== 'default') names.add(e.name)
    }
    for (const f of m.functions) if (f.exported && f.qualifiedName === f.name) names.add(f.name)
    for (const c of m.classes) if (c.exported && c.qualifiedName === c.name) names.add(c.name)
    for (const v of m.variables) if (v.exported) names.add(v.name)
    if (m.all) for (const n of m.all) names.add(n)
  }
  return names
}

/**
 * The module that defines `name` when `target` only re-exports it (`export { add } from './math'`,
 * `export * from './math'`): a test importing the package index tests math too.
 */
function originOf(
  target: ModuleModel,
  name: string,
  byPath: ModuleIndex,
  cache: Map<string, Set<string>>
): ModuleModel {
  let m = target
  let wanted = name
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const direct = m.exports.find((e) => e.name === wanted && e.kind !== 'all')
    if (direct) {
      if (direct.kind !== 'reexport' || direct.local === '*') return m
      const next = sourceModule(m, direct.source, byPath)
      if (!next) return m
      wanted = direct.local ?? wanted
      m = next
      continue
    }
    const via = m.exports
      .filter((e) => e.kind === 'all')
      .map((e) => sourceModule(m, e.source, byPath))
      .find((next) => next !== undefined && exportedSymbols(next, byPath, cache).has(wanted))
    if (!via) return m
    m = via
  }
  return m
}

export function resolveImports(modules: ModuleModel[], resolver: ImportResolver): void {
  for (const m of modules) {
    for (const imp of m.imports) {
      const resolved = resolver.resolve(m.path, imp)
      if (resolved !== undefined && resolved !== m.path) imp.resolved = resolved
    }
  }
}

/** `ns.member` texts of a test that go through `local`: the member names. */
/** `module.exports = function ...` (or `= name` of a function): the module is that function. */
function isOneFunction(target: ModuleModel): boolean {
  return target.exports.some(
    (e) =>
      e.name === 'default' &&
      e.kind === 'commonjs' &&
      target.functions.some((f) => f.qualifiedName === (e.local ?? 'default'))
  )
}

/** The test calls `local(...)` itself (not a member of it). */
function callsBinding(m: ModuleModel, local: string): boolean {
  return m.calls.some((c) => c.callee === local && !c.receiver)
}

function membersThrough(m: ModuleModel, local: string): string[] {
  const prefix = `${local}.`
  const members: string[] = []
  for (const text of [...(m.test?.memberReferences ?? []), ...m.calls.map((c) => c.callee)]) {
    if (text.startsWith(prefix)) members.push(text.slice(prefix.length).split('.')[0])
  }
  return members
}

/**
 * Python has no export control: a test that imports or reads `_helper` by name (`from m import _helper`,
 * `mod._helper()`) names a top-level function or class of `m` that is private only by convention.
 */
function namedPrivate(imp: ImportDecl, target: ModuleModel, name: string): boolean {
  if (imp.kind !== 'python' || !name.startsWith('_') || name.startsWith('__')) return false
  return (
    target.functions.some((f) => f.qualifiedName === name) ||
    target.classes.some((c) => c.qualifiedName === name)
  )
}

/** Fills `test.importedModules` and `test.referencedSymbols` of every test module. */
export function linkTests(modules: ModuleModel[], resolver: ImportResolver): void {
  const byPath: ModuleIndex = new Map(modules.map((m) => [m.path, m]))
  const cache = new Map<string, Set<string>>()
  for (const m of modules) {
    if (!m.test) continue
    const imported = new Set<string>()
    const referenced = new Set<string>()
    const reference = (target: ModuleModel, name: string): void => {
      referenced.add(name)
      const origin = originOf(target, name, byPath, cache)
      if (!origin.isTest) imported.add(origin.path)
    }
    for (const imp of m.imports) {
      const target = imp.resolved ? byPath.get(imp.resolved) : undefined
      if (!target) continue
      if (!target.isTest) imported.add(target.path)
      const offered = exportedSymbols(target, byPath, cache)
      for (const { imported: name, local } of imp.names) {
        // A default import of a CommonJS module (no `default` export) is the whole module, like `* as`.
        const wholeModule = name === '*' || (name === 'default' && !offered.has('default'))
        if (wholeModule) {
          // `const send = require('../send')` of a module that is one function (`module.exports =
          // function ...`): calling the binding calls that function, the module's default export.
          if (name === '*' && isOneFunction(target) && callsBinding(m, local))
            reference(target, 'default')
          for (const member of membersThrough(m, local))
            if (offered.has(member) || namedPrivate(imp, target, member)) reference(target, member)
          continue
        }
        if (offered.has(name) || namedPrivate(imp, target, name)) reference(target, name)
        if (imp.kind !== 'python') continue
        // `from pkg import mod` / `from . import mod` may name a submodule: what the test reads through
        // `mod.` is then that module's (an `__init__` that also binds the name keeps its reference above).
        const sub = resolver.resolve(m.path, {
          ...imp,
          source: `${imp.source}${imp.source.endsWith('.') ? '' : '.'}${name}`
        })
        const subModule = sub && sub !== target.path ? byPath.get(sub) : undefined
        if (!subModule || subModule.isTest) continue
        imported.add(subModule.path)
        const subOffered = exportedSymbols(subModule, byPath, cache)
        for (const member of membersThrough(m, local))
          if (subOffered.has(member) || namedPrivate(imp, subModule, member))
            reference(subModule, member)
      }
    }
    m.test.importedModules = [...imported].sort()
    m.test.referencedSymbols = [...referenced].sort()
  }
}
