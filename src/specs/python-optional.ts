// Which optional packages a Python module needs before it can be imported, so a spec of it skips
// the way the project's own tests do (`pytest.importorskip("numpy")`) when they are not installed,
// rather than failing to load. A package is optional when the project says so: it is listed as an
// extra (`[project.optional-dependencies]`) and not as a requirement, the project's tests guard it
// with `pytest.importorskip`, or the project imports it under `try: ... except ImportError`. A module
// needs the optional packages it imports at its top level without such a guard, and those of the
// repository modules it imports that way (its package `__init__` files included).
import { posix } from 'node:path'
import type { ModuleModel, PackageManifest } from '../model/types.js'
import { packageName } from './layout-runner.js'

const IMPORT_ERRORS = new Set(['ImportError', 'ModuleNotFoundError', 'Exception', 'BaseException'])

/** Repository path of a Python module -> top-level import names to skip on, sorted; only modules that need any. */
export function optionalImports(
  manifests: readonly PackageManifest[],
  modules: readonly ModuleModel[]
): Record<string, string[]> {
  const python = modules.filter((m) => m.language === 'python')
  const optional = optionalNames(manifests, python)
  if (optional.size === 0) return {}
  const byPath = new Map(python.map((m) => [m.path, m]))
  const direct = new Map<string, { names: Set<string>; loads: string[] }>()
  for (const m of python) {
    if (m.isTest) continue
    const names = new Set<string>()
    const loads: string[] = []
    for (const decl of m.imports) {
      if (decl.kind !== 'python' || insideFunction(m, decl.loc.startLine) || guarded(m, decl.loc))
        continue
      if (decl.resolved) loads.push(decl.resolved)
      else if (!decl.source.startsWith('.')) {
        const top = importTop(decl.source)
        if (optional.has(top)) names.add(top)
      }
    }
    // Importing a.b.c runs a/__init__.py and a/b/__init__.py first.
    for (let dir = posix.dirname(m.path); dir !== '.' && dir !== ''; dir = posix.dirname(dir)) {
      const init = `${dir}/__init__.py`
      if (init !== m.path && byPath.has(init)) loads.push(init)
    }
    direct.set(m.path, { names, loads })
  }
  const out: Record<string, string[]> = {}
  for (const path of direct.keys()) {
    const needs = new Set<string>()
    const seen = new Set<string>([path])
    const queue = [path]
    while (queue.length > 0) {
      const entry = direct.get(queue.pop() as string)
      if (!entry) continue
      for (const n of entry.names) needs.add(n)
      for (const next of entry.loads)
        if (!seen.has(next)) {
          seen.add(next)
          queue.push(next)
        }
    }
    if (needs.size > 0) out[path] = [...needs].sort()
  }
  return out
}

/** Import names (lower-case, `_` for `-`) the project treats as optional. */
function optionalNames(
  manifests: readonly PackageManifest[],
  python: readonly ModuleModel[]
): Set<string> {
  const out = new Set<string>()
  const extras = new Set<string>()
  for (const m of manifests)
    for (const list of Object.values(m.extras ?? {}))
      for (const req of list) extras.add(distToImport(packageName(req)))
  // Extras are merged into `dependencies` by the manifest reader; one that is only an extra is optional.
  for (const name of extras) out.add(name)
  for (const m of python) {
    if (m.isTest) {
      for (const call of m.calls) {
        if (call.name !== 'importorskip') continue
        const first = call.arguments?.[0]
        const name = first?.kind === 'literal' ? stringValue(first.text) : undefined
        if (name) out.add(importTop(name))
      }
      continue
    }
    for (const decl of m.imports)
      if (
        decl.kind === 'python' &&
        !decl.resolved &&
        !decl.source.startsWith('.') &&
        guarded(m, decl.loc)
      )
        out.add(importTop(decl.source))
  }
  return out
}

/** The import sits in the protected body of a try with an `except ImportError` (or broader) clause. */
function guarded(m: ModuleModel, loc: { startLine: number; startColumn?: number }): boolean {
  // `if TYPE_CHECKING:` imports are for the type checker: nothing imports them at run time.
  if (typeOnly(m, loc)) return true
  return m.tries.some((t) => {
    const firstHandler = Math.min(...t.handlers.map((h) => h.loc.startLine))
    return (
      t.loc.startLine <= loc.startLine &&
      loc.startLine < firstHandler &&
      t.handlers.some(
        (h) =>
          h.bare ||
          h.types.length === 0 ||
          h.types.some((x) => IMPORT_ERRORS.has(x.split('.').pop() ?? x))
      )
    )
  })
}

/**
 * An indented module-level import whose nearest `if` above is `if TYPE_CHECKING:` (a condition's
 * location is its expression's, so the block is read from the import's indentation).
 */
function typeOnly(m: ModuleModel, loc: { startLine: number; startColumn?: number }): boolean {
  if (!loc.startColumn) return false
  const above = m.conditions
    .filter(
      (c) =>
        (c.kind === 'if' || c.kind === 'elif') &&
        c.loc.startLine < loc.startLine &&
        !insideFunction(m, c.loc.startLine)
    )
    .sort((a, b) => b.loc.startLine - a.loc.startLine)[0]
  return !!above && /^(?:typing\.)?TYPE_CHECKING$/.test(above.text.trim())
}

function insideFunction(m: ModuleModel, line: number): boolean {
  return m.functions.some((f) => f.loc.startLine <= line && line <= f.loc.endLine)
}

function importTop(source: string): string {
  return source.split('.')[0]
}

function distToImport(dist: string): string {
  return dist.replace(/-/g, '_')
}

/** The value of a plain string literal argument (`"numpy"`, `'numpy'`), else undefined. */
function stringValue(text: string): string | undefined {
  const t = text.trim()
  const quote = t[0]
  if ((quote !== '"' && quote !== "'") || t[t.length - 1] !== quote || t.length < 3)
    return undefined
  const inner = t.slice(1, -1)
  return /^[A-Za-z_][\w.]*$/.test(inner) ? inner : undefined
}
