// What the test suite reaches, from the model's test files: which modules tests import and which of
// their symbols tests name. Imports through an index (`export * from './x'`, Python `__init__.py`
// importing from submodules) carry the reach on to the module that defines the symbol.
import type { CodeModel, ModuleModel } from '../../src/model/types.js'

export interface TestReach {
  /** Repository-relative paths of the test files. */
  testFiles: string[]
  /** Module path -> test files that import it (directly or through an index that re-exports it). */
  importedBy: Map<string, Set<string>>
  /** Module path -> symbol names that tests importing it reference. */
  referenced: Map<string, Set<string>>
  /** String literals written in test files (a CLI test names its command or a route's path). */
  strings: { file: string; value: string }[]
  /** Modules no test imports but that modules tests import depend on (transitively): run by tests, never targeted. */
  indirect: Set<string>
}

/**
 * How far the tests reach one unit: a test names it; a test imports its module; tests only import
 * modules that depend on its module; or nothing reaches it.
 */
export type UnitReach = 'referenced' | 'module-imported' | 'indirect' | 'unreached'

const MAX_PROPAGATION_ROUNDS = 8

/** Test files that cannot run where the tool runs (src/model/test-loading.ts): they reach nothing. */
export function unloadablePaths(model: CodeModel): Set<string> {
  return new Set((model.facts.unloadableTests ?? []).map((t) => t.path))
}

export function testReach(model: CodeModel): TestReach {
  const byPath = new Map(model.modules.map((m) => [m.path, m]))
  const unloadable = unloadablePaths(model)
  const importedBy = new Map<string, Set<string>>()
  const referenced = new Map<string, Set<string>>()
  const strings: TestReach['strings'] = []
  const testFiles: string[] = []
  for (const module of model.modules) {
    if (!module.isTest || unloadable.has(module.path)) continue
    testFiles.push(module.path)
    for (const s of module.strings) strings.push({ file: module.path, value: s.value })
    const symbols = module.test?.referencedSymbols ?? []
    for (const target of module.test?.importedModules ?? []) {
      add(importedBy, target, module.path)
      for (const symbol of symbols) add(referenced, target, symbol)
    }
  }
  importedByName(model, importedBy, unloadable)
  propagateThroughIndexes(byPath, importedBy, referenced)
  reachBaseClasses(model, byPath, importedBy, referenced)
  // A base class reached through an index (`from pkg import Base`) carries on to where it is defined.
  propagateThroughIndexes(byPath, importedBy, referenced)
  return {
    testFiles: testFiles.sort(),
    importedBy,
    referenced,
    strings,
    indirect: dependencies(byPath, importedBy)
  }
}

/** Everything the directly tested modules import, transitively, minus the directly tested ones. */
function dependencies(
  byPath: Map<string, ModuleModel>,
  importedBy: Map<string, Set<string>>
): Set<string> {
  const seen = new Set<string>(importedBy.keys())
  const stack = [...importedBy.keys()]
  const indirect = new Set<string>()
  while (stack.length > 0) {
    const module = byPath.get(stack.pop() as string)
    if (!module) continue
    for (const decl of module.imports) {
      for (const target of importedModules(decl, byPath, module.path)) {
        if (decl.typeOnly || seen.has(target) || byPath.get(target)?.isTest) continue
        seen.add(target)
        indirect.add(target)
        stack.push(target)
      }
    }
  }
  return indirect
}

/**
 * The modules an import loads: the resolved one, and for Python `from pkg import sub` the submodule
 * `pkg/sub.py` (or `pkg/sub/__init__.py`) each imported name may be.
 */
function importedModules(
  decl: ModuleModel['imports'][number],
  byPath: Map<string, ModuleModel>,
  from: string
): string[] {
  // A package's `__init__` importing its own submodules (`from pkg import sub` in pkg/__init__.py) resolves to itself.
  const selfPackage =
    decl.kind === 'python' &&
    !decl.resolved &&
    from.endsWith(`${decl.source.replace(/^\.+$/, '').split('.').join('/')}/__init__.py`)
      ? from
      : undefined
  const resolved = decl.resolved ?? selfPackage
  if (!resolved) return []
  const out = decl.resolved ? [decl.resolved] : []
  if (decl.kind === 'python' && /(^|\/)__init__\.py$/.test(resolved)) {
    const folder = resolved.slice(0, -'__init__.py'.length)
    for (const { imported } of decl.names) {
      if (imported === '*') continue
      for (const candidate of [`${folder}${imported}.py`, `${folder}${imported}/__init__.py`])
        if (byPath.has(candidate)) out.push(candidate)
    }
  }
  return out
}

export function unitReach(
  reach: TestReach,
  modulePath: string,
  names: readonly string[]
): UnitReach {
  const symbols = reach.referenced.get(modulePath)
  if (symbols && names.some((n) => symbols.has(n))) return 'referenced'
  if (reach.importedBy.has(modulePath)) return 'module-imported'
  return reach.indirect.has(modulePath) ? 'indirect' : 'unreached'
}

/** The first test file with a string literal containing `needle` (e.g. a command name or a route path). */
export function mentionedInTests(reach: TestReach, needle: string): string | undefined {
  if (needle.length < 2) return undefined
  return reach.strings.find((s) => s.value.includes(needle))?.file
}

/**
 * A test that imports an index reaches what the index takes from other modules: `export * from`,
 * `export { a } from`, or an import whose binding tests reference. Bounded rounds: chains of
 * indexes are short, and a cycle must not loop.
 */
function propagateThroughIndexes(
  byPath: Map<string, ModuleModel>,
  importedBy: Map<string, Set<string>>,
  referenced: Map<string, Set<string>>
): void {
  for (let round = 0; round < MAX_PROPAGATION_ROUNDS; round++) {
    let changed = false
    for (const [path, tests] of [...importedBy]) {
      const module = byPath.get(path)
      if (!module) continue
      const symbols = referenced.get(path) ?? new Set<string>()
      for (const { target, names } of forwardedImports(module, symbols)) {
        if (target === path) continue
        for (const test of tests) changed = add(importedBy, target, test) || changed
        for (const name of names) changed = add(referenced, target, name) || changed
      }
    }
    if (!changed) return
  }
}

/** Modules this one forwards to, with the names (as the target exports them) that tests reach. */
function forwardedImports(
  module: ModuleModel,
  symbols: Set<string>
): { target: string; names: string[] }[] {
  const out: { target: string; names: string[] }[] = []
  const resolvedBySource = new Map<string, string>()
  for (const decl of module.imports)
    if (decl.resolved) resolvedBySource.set(decl.source, decl.resolved)
  for (const exp of module.exports) {
    if (!exp.source) continue
    const target = resolvedBySource.get(exp.source)
    if (!target) continue
    if (exp.name === '*' || exp.kind === 'all') out.push({ target, names: [...symbols] })
    else if (symbols.has(exp.name)) out.push({ target, names: [exp.local ?? exp.name] })
  }
  for (const decl of module.imports) {
    if (!decl.resolved || decl.typeOnly) continue
    const names = decl.names
      .filter((n) => n.imported !== '*' && symbols.has(n.local))
      .map((n) => n.imported)
    if (names.length > 0) out.push({ target: decl.resolved, names })
  }
  return out
}

function add(map: Map<string, Set<string>>, key: string, value: string): boolean {
  let set = map.get(key)
  if (!set) map.set(key, (set = new Set()))
  if (set.has(value)) return false
  set.add(value)
  return true
}

/**
 * Modules tests load by name rather than by an import statement: `importlib.import_module("pkg.mod")`,
 * `python -m pkg.mod` in a subprocess, `require.resolve("./lib/x")` - a test string that is the module's
 * dotted name (src layouts without `src.`) or its path.
 */
function importedByName(
  model: CodeModel,
  importedBy: Map<string, Set<string>>,
  unloadable: ReadonlySet<string>
): void {
  const byName = new Map<string, string>()
  for (const module of model.modules) {
    if (module.isTest) continue
    byName.set(module.path, module.path)
    if (module.language !== 'python') continue
    const dotted = module.path
      .replace(/(\/__init__)?\.py$/, '')
      .split('/')
      .join('.')
    byName.set(dotted, module.path)
    if (dotted.startsWith('src.')) byName.set(dotted.slice(4), module.path)
  }
  for (const module of model.modules) {
    if (!module.isTest || unloadable.has(module.path)) continue
    for (const s of module.strings) {
      const target = byName.get(s.value)
      if (target && s.value.length > 2) add(importedBy, target, module.path)
    }
  }
}

const MAX_INHERITANCE_ROUNDS = 5

/**
 * A class tests name runs the methods it inherits: its bases (in its module, or imported by it) count
 * as named too, up the chain.
 */
function reachBaseClasses(
  model: CodeModel,
  byPath: Map<string, ModuleModel>,
  importedBy: Map<string, Set<string>>,
  referenced: Map<string, Set<string>>
): void {
  for (let round = 0; round < MAX_INHERITANCE_ROUNDS; round++) {
    let changed = false
    for (const module of model.modules) {
      if (module.isTest) continue
      const names = referenced.get(module.path)
      if (!names) continue
      for (const cls of module.classes) {
        if (!names.has(cls.name)) continue
        for (const base of cls.bases) {
          const baseName = base.split('.').pop() ?? base
          const origin = classOrigin(module, baseName, byPath)
          if (!origin) continue
          changed = add(referenced, origin, baseName) || changed
          for (const test of importedBy.get(module.path) ?? [])
            changed = add(importedBy, origin, test) || changed
        }
      }
    }
    if (!changed) return
  }
}

/** The module that defines class `name` as `module` sees it: its own, or the one it imports the name from. */
function classOrigin(
  module: ModuleModel,
  name: string,
  byPath: Map<string, ModuleModel>
): string | undefined {
  if (module.classes.some((c) => c.name === name)) return module.path
  for (const decl of module.imports) {
    if (!decl.resolved || !decl.names.some((n) => n.local === name)) continue
    const target = byPath.get(decl.resolved)
    if (target?.isTest) return undefined
    return decl.resolved
  }
  return undefined
}
