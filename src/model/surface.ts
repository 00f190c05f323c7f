// The product surface: every file the loader saw, classified as shipped, test, tooling, examples-docs,
// fixtures, vendored or generated, each with the reason. Shipped means what users of the package
// get: reachable from its entry points (package.json main/exports/bin/types/files, the packages a
// pyproject declares), inside its source folders (src/, lib/, Python packages), or imported from
// shipped code. A package without declared entry points falls back to "code that is not a test,
// tooling, an example or a fixture is shipped", and the reason says so.
import picomatch from 'picomatch'
import {
  type CiFile,
  FILE_CLASSES,
  type FileClass,
  type FileClassification,
  type LoadedRepository,
  type ModuleModel,
  type PackageManifest,
  type ProductSurface
} from './types.js'
import { isGeneratedPath, isVendoredPath } from '../repo/path-rules.js'
import {
  examplesRule,
  fixtureRule,
  isCode,
  type RuleMatch,
  testRule,
  toolingRule
} from './surface-rules.js'

export { FILE_CLASSES }
export type { FileClass, FileClassification, ProductSurface }

interface Package {
  dir: string
  manifest: PackageManifest
  /** Analysed or listed paths that are the package's declared entry points, with why. */
  entries: Map<string, string>
  /** Folder prefixes whose code is shipped, with why. */
  roots: { prefix: string; reason: string }[]
  /** package.json `files` as a matcher (relative to dir). */
  files?: (path: string) => boolean
  /** The package declares what it ships; otherwise its code falls back to shipped-unless-ruled-out. */
  declared: boolean
  /**
   * A private package.json in a sub-folder that declares no entry points and that no enclosing package lists
   * as a workspace: a benchmark or tooling project beside the product (immer's perf-testing/), not the product.
   */
  helperOf?: string
}

/** Source folders when no manifest owns a file. */
const DEFAULT_ROOTS = [
  { prefix: 'src/', reason: 'the source folder src/ (no package manifest)' },
  { prefix: 'lib/', reason: 'the source folder lib/ (no package manifest)' }
]
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']
const BUILD_DIRS = new Set([
  'dist',
  'build',
  'lib',
  'out',
  'esm',
  'cjs',
  'es',
  'types',
  'typings',
  'umd'
])
const NOT_A_PACKAGE =
  /^(tests?|docs?|examples?|benchmarks?|bench|scripts?|tools?|build|dist|site|website|docs_src|fixtures|testing|typings)$/i

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

function join(dir: string, rel: string): string {
  const clean = rel.replace(/^\.\//, '').replace(/\/+$/, '')
  const parts = (dir ? `${dir}/${clean}` : clean).split('/')
  const out: string[] = []
  for (const part of parts) {
    if (part === '.' || part === '') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return out.join('/')
}

/** String targets of package.json `exports`, however nested (conditions, subpaths). */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(exportTargets)
  if (value && typeof value === 'object') return Object.values(value).flatMap(exportTargets)
  return []
}

/** The source files a published path may be built from: itself, and the same name under src/ with TypeScript extensions. */
function sourceCandidates(path: string): string[] {
  const stem = path.replace(/\.d\.[cm]?ts$/, '').replace(/\.(?:[cm]?[jt]sx?)$/, '')
  const parts = stem.split('/')
  const candidates = [path]
  const stems = [stem]
  const at = parts.findIndex((p) => BUILD_DIRS.has(p))
  if (at >= 0) {
    const rest = parts.slice(at + 1)
    // dist/esm/index.js, dist/index.js -> src/index.ts
    for (let skip = 0; skip <= Math.min(2, rest.length - 1); skip++) {
      stems.push([...parts.slice(0, at), 'src', ...rest.slice(skip)].join('/'))
      stems.push([...parts.slice(0, at), ...rest.slice(skip)].join('/'))
    }
  }
  for (const s of stems)
    for (const ext of SOURCE_EXTENSIONS) candidates.push(`${s}${ext}`, `${s}/index${ext}`)
  return candidates
}

function nodePackage(manifest: PackageManifest, known: ReadonlySet<string>): Package {
  const dir = dirOf(manifest.path)
  const entries = new Map<string, string>()
  const roots: Package['roots'] = []
  const add = (rel: string, why: string): void => {
    if (rel.includes('*')) {
      const prefix = join(dir, rel.slice(0, rel.indexOf('*')).replace(/[^/]*$/, ''))
      const mapped = sourceCandidates(`${prefix}x.js`).map((c) => dirOf(c))
      for (const p of new Set([prefix, ...mapped]))
        if (p) roots.push({ prefix: `${p}/`, reason: why })
      return
    }
    for (const candidate of sourceCandidates(join(dir, rel))) {
      if (known.has(candidate)) {
        if (!entries.has(candidate)) entries.set(candidate, why)
        break
      }
    }
  }
  const at = manifest.path
  for (const [command, file] of Object.entries(manifest.bin))
    add(file, `the \`${command}\` command of ${at} (bin)`)
  if (manifest.main) add(manifest.main, `the main entry of ${at}`)
  if (manifest.types) add(manifest.types, `the type declarations of ${at}`)
  for (const target of exportTargets(manifest.exports))
    if (target.startsWith('./')) add(target, `an export of ${at} (${target})`)
  let files: Package['files']
  if (manifest.files && manifest.files.length > 0) {
    const patterns = manifest.files
      .filter((f) => !f.startsWith('!'))
      .flatMap((f) => {
        const clean = f.replace(/^\.\//, '').replace(/\/+$/, '')
        return [clean, `${clean}/**`]
      })
    const match = picomatch(patterns, { dot: true })
    files = (path) => match(path)
    // `files: ["dist"]` ships what src/ builds into it.
    if (manifest.files.some((f) => BUILD_DIRS.has(f.replace(/^\.\//, '').replace(/\/.*$/, '')))) {
      roots.push({
        prefix: dir ? `${dir}/src/` : 'src/',
        reason: `the source folder of the build output ${at} lists in files`
      })
    }
  }
  for (const folder of ['src', 'lib'])
    roots.push({
      prefix: dir ? `${dir}/${folder}/` : `${folder}/`,
      reason: `the source folder ${folder}/ of the package ${manifest.name ?? at}`
    })
  const declared =
    entries.size > 0 ||
    files !== undefined ||
    roots.length > 2 ||
    Object.keys(manifest.bin).length > 0 ||
    manifest.main !== undefined ||
    manifest.exports !== undefined
  return { dir, manifest, entries, roots, files, declared }
}

function pythonPackage(manifest: PackageManifest, paths: readonly string[]): Package {
  const dir = dirOf(manifest.path)
  const roots: Package['roots'] = []
  const entries = new Map<string, string>()
  const under = dir ? `${dir}/` : ''
  for (const declared of manifest.packages ?? []) {
    // `*` (every package folder) adds none: the folders with __init__.py below are those.
    if (declared === '*') continue
    const full = join(dir, declared)
    if (full.endsWith('.py')) entries.set(full, `a module ${manifest.path} declares`)
    else
      roots.push({
        prefix: `${full}/`,
        reason: `a package ${manifest.path} declares (${declared})`
      })
  }
  // Top-level packages: folders with __init__.py whose parent has none, at the package root or under src/.
  const inits = new Set(
    paths.filter((p) => p.startsWith(under) && p.endsWith('/__init__.py')).map(dirOf)
  )
  for (const pkg of inits) {
    const rel = pkg.slice(under.length)
    const parts = rel.split('/')
    const top = parts.length === 1 || (parts.length === 2 && parts[0] === 'src')
    if (!top || inits.has(dirOf(pkg)) || NOT_A_PACKAGE.test(parts[parts.length - 1])) continue
    roots.push({
      prefix: `${pkg}/`,
      reason: `the Python package ${parts[parts.length - 1]} (${rel}/__init__.py)`
    })
  }
  if (paths.some((p) => p.startsWith(`${under}src/`) && p.endsWith('.py')))
    roots.push({ prefix: `${under}src/`, reason: 'the src layout of the Python package' })
  const name = manifest.name?.toLowerCase().replace(/[-.]/g, '_')
  if (name) {
    for (const candidate of [`${under}${name}.py`, `${under}src/${name}.py`])
      if (paths.includes(candidate))
        entries.set(candidate, `the module named after the project ${manifest.name}`)
  }
  return { dir, manifest, entries, roots, declared: roots.length > 0 || entries.size > 0 }
}

/** The package a path belongs to: the one whose folder is the longest prefix. */
/** Marks the private, undeclared sub-folder packages that an enclosing package does not take in as a workspace. */
function markHelperProjects(packages: Package[]): void {
  for (const p of packages) {
    if (p.dir === '' || p.manifest.kind !== 'package.json' || !p.manifest.private || p.declared)
      continue
    const enclosing = packages.filter(
      (q) =>
        q !== p &&
        q.manifest.kind === 'package.json' &&
        (q.dir === '' || p.dir.startsWith(`${q.dir}/`))
    )
    // A workspace of a monorepo is a product package even when it is private (an application).
    const member = enclosing.some((q) =>
      q.manifest.workspaces.some((w) => picomatch(join(q.dir, w))(p.dir))
    )
    const shipping = enclosing.find((q) => q.declared)
    if (!member && shipping) p.helperOf = shipping.manifest.path
  }
}

function owner(path: string, packages: Package[]): Package | undefined {
  let best: Package | undefined
  for (const p of packages) {
    if (p.dir === '' || path.startsWith(`${p.dir}/`)) {
      if (!best || p.dir.length > best.dir.length) best = p
    }
  }
  return best
}

export interface SurfaceInput {
  repo: Pick<LoadedRepository, 'allPaths' | 'skippedPaths' | 'files'>
  manifests: readonly PackageManifest[]
  modules: readonly ModuleModel[]
  ci?: readonly CiFile[]
}

export function classifySurface(input: SurfaceInput): ProductSurface {
  const generated = new Set(input.repo.skippedPaths?.generated ?? [])
  const vendored = input.repo.skippedPaths?.vendored ?? []
  const paths = [
    ...new Set([...input.repo.allPaths, ...input.repo.files.map((f) => f.path)])
  ].filter((p) => !generated.has(p))
  const known = new Set(paths)
  const modules = new Map(input.modules.map((m) => [m.path, m]))

  const manifests = input.manifests.filter(
    (m) =>
      !fixtureRule(m.path) &&
      !testRule(m.path) &&
      !examplesRule(m.path) &&
      // A private package in a benchmark, scripts or tools folder is never published: whatever entry points
      // it declares (liquidjs's benchmark/ has a main), its code is tooling, not the product.
      !(m.private && toolingRule(m.path)) &&
      !isGeneratedPath(m.path) &&
      !isVendoredPath(m.path) &&
      !m.error
  )
  const packages: Package[] = []
  for (const m of manifests) {
    if (m.kind === 'package.json') packages.push(nodePackage(m, known))
    else if (m.kind === 'pyproject.toml' || m.kind === 'setup.cfg' || m.kind === 'setup.py') {
      if (!packages.some((p) => p.dir === dirOf(m.path) && p.manifest.kind !== 'package.json'))
        packages.push(pythonPackage(m, paths))
      else {
        // Several Python manifests in one folder: merge what they declare.
        const extra = pythonPackage(m, paths)
        const into = packages.find(
          (p) => p.dir === dirOf(m.path) && p.manifest.kind !== 'package.json'
        )!
        for (const [k, v] of extra.entries) into.entries.set(k, v)
        for (const r of extra.roots)
          if (!into.roots.some((x) => x.prefix === r.prefix)) into.roots.push(r)
        into.declared ||= extra.declared
      }
    }
  }

  markHelperProjects(packages)

  // Shipped by reach: entry points and what they import, through code that is not tests.
  const reached = new Map<string, string>()
  const queue: string[] = []
  for (const p of packages) {
    for (const [path, why] of p.entries) {
      if (!reached.has(path)) {
        reached.set(path, why)
        queue.push(path)
      }
    }
  }
  while (queue.length > 0) {
    const from = queue.shift()!
    const m = modules.get(from)
    if (!m) continue
    for (const imp of m.imports) {
      const to = imp.resolved
      if (!to || reached.has(to) || testRule(to) || fixtureRule(to)) continue
      reached.set(to, `imported by shipped ${from}`)
      queue.push(to)
    }
  }

  const ciText = (input.ci ?? []).map((c) => ({ path: c.path, text: c.text }))
  const files: FileClassification[] = []
  for (const path of paths) files.push(classifyOne(path, packages, reached, ciText))
  for (const path of generated)
    files.push({
      path,
      class: 'generated',
      reason: 'build output or generated code (skipped by the loader)'
    })
  for (const path of vendored)
    files.push({
      path,
      class: 'vendored',
      reason: 'third-party code (a vendored folder, linguist-vendored or a submodule)'
    })
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const counts = Object.fromEntries(FILE_CLASSES.map((c) => [c, 0])) as Record<FileClass, number>
  for (const f of files) counts[f.class]++
  return { files, counts, basis: describeBasis(packages) }
}

function classifyOne(
  path: string,
  packages: Package[],
  reached: Map<string, string>,
  ci: { path: string; text: string }[]
): FileClassification {
  const result = (match: RuleMatch | { class: FileClass; reason: string }): FileClassification => {
    const out: FileClassification = { path, class: match.class, reason: match.reason }
    if (match.class === 'tooling' && isCode(path)) {
      const runner = ci.find((c) => c.text.includes(path))
      if (runner) out.runByCi = runner.path
    }
    return out
  }
  if (isGeneratedPath(path))
    return result({ class: 'generated', reason: 'inside a build output folder (dist/, build/)' })
  const pkg = owner(path, packages)
  const entry = pkg?.entries.get(path)
  if (entry) return result({ class: 'shipped', reason: entry })
  const rule = fixtureRule(path) ?? testRule(path)
  if (rule) return result(rule)
  const reach = reached.get(path)
  if (reach) return result({ class: 'shipped', reason: reach })
  if (pkg?.helperOf && isCode(path))
    return result({
      class: 'tooling',
      reason: `inside ${pkg.dir}/, a private package (${pkg.manifest.path}) with no entry points that ${pkg.helperOf} does not list as a workspace: a tool or benchmark beside the product`
    })
  const root = pkg
    ? pkg.roots.find((r) => path.startsWith(r.prefix))
    : DEFAULT_ROOTS.find((r) => path.startsWith(r.prefix))
  // Inside a source folder, only tests and fixtures are not the product.
  if (root && isCode(path)) return result({ class: 'shipped', reason: `inside ${root.reason}` })
  const other = examplesRule(path) ?? toolingRule(path)
  if (other) return result(other)
  if (root) return result({ class: 'shipped', reason: `inside ${root.reason}` })
  const rel = pkg && pkg.dir ? path.slice(pkg.dir.length + 1) : path
  if (pkg?.files?.(rel))
    return result({ class: 'shipped', reason: `listed in the files of ${pkg.manifest.path}` })
  if (!isCode(path)) {
    if (pkg && rel === pkg.manifest.path.slice(pkg.dir ? pkg.dir.length + 1 : 0))
      return result({ class: 'shipped', reason: 'the package manifest' })
    return result({
      class: 'tooling',
      reason:
        'a project file that is not code (configuration, data or assets outside the source folders)'
    })
  }
  if (pkg?.declared && pkg.manifest.kind === 'package.json' && !pkg.files) {
    // npm publishes every file when package.json has no files list: a root-level module (pino's browser.js,
    // file.js) is in the tarball and reachable as `pkg/file`.
    return result({
      class: 'shipped',
      reason: `published with the package: ${pkg.manifest.path} has no files list, so npm ships it`
    })
  }
  if (pkg?.declared) {
    return result({
      class: 'tooling',
      reason: `not reachable from the entry points of ${pkg.manifest.path} and outside its source folders`
    })
  }
  return result({
    class: 'shipped',
    reason: pkg
      ? `${pkg.manifest.path} declares no entry points, so code that is not a test, tooling, an example or a fixture counts as shipped`
      : 'no package manifest declares entry points, so code that is not a test, tooling, an example or a fixture counts as shipped'
  })
}

function describeBasis(packages: Package[]): string[] {
  if (packages.length === 0)
    return [
      'No package manifest: code that is not a test, tooling, an example or a fixture counts as shipped.'
    ]
  return packages.map((p) => {
    const what = [
      p.entries.size > 0
        ? `${p.entries.size} entry ${p.entries.size === 1 ? 'point' : 'points'}`
        : '',
      p.files ? 'its files list' : '',
      p.roots.length > 0 ? `source folders ${p.roots.map((r) => r.prefix).join(', ')}` : ''
    ].filter(Boolean)
    return p.declared
      ? `${p.manifest.path}: ${what.join(', ')}`
      : `${p.manifest.path}: declares no entry points; code outside tests, tooling, examples and fixtures counts as shipped`
  })
}

/** The class of a path, or undefined when the surface does not know it. */
export function classOf(surface: ProductSurface | undefined, path: string): FileClass | undefined {
  if (!surface) return undefined
  let lo = 0
  let hi = surface.files.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const p = surface.files[mid].path
    if (p === path) return surface.files[mid].class
    if (p < path) lo = mid + 1
    else hi = mid - 1
  }
  return undefined
}
