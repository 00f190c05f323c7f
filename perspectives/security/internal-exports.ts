// Functions a module exports but the package does not: helpers other modules of the package import. Their
// parameters are not the package's API, so they are input only when a caller passes traced input to them
// (tinyhttp's `acceptParams`, fed the developer's own `res.format` keys, judged false in session 12). The
// rest of the path is then found by the ordinary rounds: a caller in the same module carries its taint in.
import type { CodeModel, FunctionDecl, ModuleModel } from '../../src/model/types.js'
import { isPython } from './taint-entries.js'
import { originOf, type ModuleTaint } from './taint.js'

/** Surface reasons that name a declared entry point (src/model/surface.ts): a module importers reach by name. */
const ENTRY_REASON =
  /^(the `[^`]+` command of|the main entry of|the type declarations of|an export of)/

const EXTENSION = /\.(?:[cm]?[jt]sx?)$/

function stem(path: string): string {
  return path.replace(EXTENSION, '').replace(/\/index$/, '')
}

function resolveRelative(from: string, source: string): string | undefined {
  if (!source.startsWith('.')) return undefined
  const parts = from.split('/').slice(0, -1)
  for (const p of source.split('/')) {
    if (p === '' || p === '.') continue
    if (p === '..') parts.pop()
    else parts.push(p)
  }
  return stem(parts.join('/'))
}

/**
 * Per module path, the exported functions whose parameters are not entries: the module is no declared
 * entry point and no module re-exports from it, the function has callers in the repository, and every
 * caller in another module passes values with no traced input in them.
 */
export function internalExports(
  model: CodeModel,
  modules: ModuleModel[],
  taint: Map<string, ModuleTaint>
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  const files = model.surface?.files
  if (!files) return out
  const entries = new Set(files.filter((f) => ENTRY_REASON.test(f.reason)).map((f) => f.path))
  if (entries.size === 0) return out
  // Module stem -> the names other modules re-export from it ('*' for `export * from`).
  const reexported = new Map<string, Set<string>>()
  for (const m of model.modules)
    for (const e of m.exports)
      if ((e.kind === 'reexport' || e.kind === 'all') && e.source) {
        const target = resolveRelative(m.path, e.source)
        if (!target) continue
        let names = reexported.get(target)
        if (!names) reexported.set(target, (names = new Set()))
        names.add(e.kind === 'all' ? '*' : (e.local ?? e.name))
      }
  const byPath = new Map(model.modules.map((m) => [m.path, m]))
  for (const module of modules) {
    if (isPython(module) || entries.has(module.path)) continue
    const names = reexported.get(stem(module.path))
    if (names?.has('*')) continue
    for (const fn of module.functions) {
      if (!fn.exported || fn.className || fn.qualifiedName.includes('.')) continue
      if (names?.has(fn.name)) continue
      if (!fedOnlyUntraced(fn, module, byPath, taint)) continue
      let set = out.get(module.path)
      if (!set) out.set(module.path, (set = new Set()))
      set.add(fn.qualifiedName)
    }
  }
  return out
}

function fedOnlyUntraced(
  fn: FunctionDecl,
  module: ModuleModel,
  byPath: Map<string, ModuleModel>,
  taint: Map<string, ModuleTaint>
): boolean {
  const callers = fn.callers ?? []
  if (callers.length === 0) return false
  for (const ref of callers) {
    if (ref.path === module.path) continue
    const caller = byPath.get(ref.path)
    const callerTaint = taint.get(ref.path)
    if (!caller || caller.isTest) continue
    // Callers the security view does not read (tooling, examples) are not the product's callers.
    if (!callerTaint) continue
    const onLine = caller.calls.filter(
      (c) =>
        c.loc.startLine <= ref.line && c.loc.endLine >= ref.line && c.enclosing === ref.enclosing
    )
    const named = onLine.filter((c) => c.name === fn.name)
    const calls = named.length > 0 ? named : onLine
    if (calls.length === 0) return false
    for (const call of calls)
      if (call.args.some((a) => originOf(callerTaint, call.enclosing, a, call.loc))) return false
  }
  return true
}

/** Modules in view only because a CI workflow runs them: tooling, not the package (src/model/surface.ts). */
export function scriptModules(model: CodeModel, modules: ModuleModel[]): ModuleModel[] {
  const scripts = new Set(
    (model.surface?.files ?? [])
      .filter((f) => f.class === 'tooling' && f.runByCi)
      .map((f) => f.path)
  )
  return modules.filter((m) => scripts.has(m.path))
}
