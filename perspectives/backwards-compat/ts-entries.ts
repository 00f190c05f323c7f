// Which files a JavaScript/TypeScript package offers, by import path: package.json `exports` (the
// `types` condition first, since declarations are the contract), else `types`/`typings`, `module`,
// `main`, else a root or `src/` index. A target the repository does not hold (`dist/index.js` before a
// build) is looked for as its declaration or as the source it is built from (`src/index.ts`).
import type { PackageManifest } from '../../src/model/types.js'

export interface EntryPoint {
  /** The import path users write: `.` for the package itself, `./sync` for a subpath. */
  subpath: string
  /** The repository file that describes it, preferring a `.d.ts`. */
  file: string
  /** Export conditions that lead to it (`types`, `import`, `require`, `default`). */
  conditions: string[]
}

const CONDITION_ORDER = ['types', 'typings', 'import', 'module', 'require', 'node', 'default']

function stem(path: string): string {
  return path.replace(/^\.\//, '').replace(/(\.d)?\.[cm]?[jt]sx?$/, '')
}

/** The repository file for a manifest target: itself, its declaration, or its source. */
export function resolveTarget(target: string, files: Set<string>): string | undefined {
  const clean = target.replace(/^\.\//, '')
  const base = stem(clean)
  const candidates = [clean]
  for (const ext of ['.d.ts', '.d.mts', '.d.cts', '.ts', '.mts', '.cts', '.tsx', '.js', '.mjs'])
    candidates.push(base + ext)
  for (const ext of ['/index.d.ts', '/index.ts', '/index.js']) candidates.push(base + ext)
  // dist/x.js, lib/x.js, build/x.js, esm/x.js are built from src/x.ts.
  const built = /^(dist|lib|build|esm|cjs|out)\/(?:(?:esm|cjs|src|types)\/)?(.*)$/.exec(base)
  if (built)
    for (const ext of ['.ts', '.tsx', '.mts', '.js']) candidates.push(`src/${built[2]}${ext}`)
  const declared = candidates.find((c) => files.has(c) && /\.d\.[cm]?ts$/.test(c))
  return declared ?? candidates.find((c) => files.has(c))
}

/** Flattens one `exports` value into its leaf targets with the conditions that lead to each. */
function leaves(
  value: unknown,
  conditions: string[] = []
): { target: string; conditions: string[] }[] {
  if (typeof value === 'string') return [{ target: value, conditions }]
  if (Array.isArray(value)) return value.flatMap((v) => leaves(v, conditions))
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      leaves(v, [...conditions, k])
    )
  return []
}

function rank(conditions: string[]): number {
  const scores = conditions.map((c) => {
    const i = CONDITION_ORDER.indexOf(c)
    return i < 0 ? CONDITION_ORDER.length : i
  })
  return scores.length === 0 ? CONDITION_ORDER.length : Math.min(...scores)
}

/** The `exports` map as subpath -> its targets (a bare string or a conditions object is the `.` subpath). */
export function exportSubpaths(
  exportsField: unknown
): Map<string, { target: string; conditions: string[] }[]> {
  const map = new Map<string, { target: string; conditions: string[] }[]>()
  if (exportsField === undefined || exportsField === null) return map
  const keyed =
    typeof exportsField === 'object' &&
    !Array.isArray(exportsField) &&
    Object.keys(exportsField).some((k) => k.startsWith('.'))
  if (!keyed) {
    map.set('.', leaves(exportsField))
    return map
  }
  for (const [key, value] of Object.entries(exportsField as Record<string, unknown>)) {
    if (key.startsWith('.')) map.set(key, leaves(value))
  }
  return map
}

/** The entry points of the root package, by subpath (no `*` patterns: those name no one file). */
export function entryPoints(
  manifest: PackageManifest | undefined,
  files: Set<string>
): EntryPoint[] {
  const found: EntryPoint[] = []
  if (manifest?.exports !== undefined) {
    for (const [subpath, targets] of exportSubpaths(manifest.exports)) {
      if (subpath.includes('*') || subpath.endsWith('/')) continue
      const ordered = [...targets].sort((a, b) => rank(a.conditions) - rank(b.conditions))
      for (const { target, conditions } of ordered) {
        const file = resolveTarget(target, files)
        if (file) {
          found.push({
            subpath,
            file,
            conditions: [...new Set(targets.flatMap((t) => t.conditions))]
          })
          break
        }
        void conditions
      }
    }
    if (found.length > 0) return found
  }
  for (const target of [manifest?.types, manifest?.main, 'index.js', 'src/index.ts']) {
    if (typeof target !== 'string') continue
    const file = resolveTarget(target, files)
    if (file) return [{ subpath: '.', file, conditions: [] }]
  }
  return []
}
