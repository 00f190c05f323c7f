// The inventory: what the repository is made of (languages, packages, modules, public API) and what
// was left out of the analysis (skipped files by reason, test files).
import type { CodeModel, ModuleModel, PackageManifest } from '../../src/model/types.js'
import type { PublicUnit } from '../shared/units.js'

export interface LanguageRow {
  language: string
  files: number
  lines: number
  testFiles: number
  testLines: number
}

export interface PackageRow {
  path: string
  kind: PackageManifest['kind']
  name: string | null
  version: string | null
  workspaces: string[]
  /** Source modules under the manifest's folder (the nearest manifest wins). */
  modules: number
  lines: number
}

export interface ModuleRow {
  path: string
  language: string
  lines: number
  publicSymbols: number
}

export interface PublicApiModule {
  path: string
  /** The first 100 public units of the module. */
  symbols: { name: string; kind: 'function' | 'class'; line: number }[]
  symbolsTotal: number
  /** Python `__all__`, when declared. */
  all: string[] | null
}

export interface PackageEntry {
  manifest: string
  field: 'main' | 'exports' | 'bin'
  /** The bin command, or the `exports` condition path (`.` / `./sub` / `.>import`). */
  key: string
  /** As written in the manifest. */
  spec: string
  /** The analysed module it names, when one matches. */
  module: string | null
}

export interface Inventory {
  totals: {
    files: number
    lines: number
    sourceFiles: number
    sourceLines: number
    testFiles: number
    testLines: number
  }
  languages: LanguageRow[]
  packages: PackageRow[]
  modules: ModuleRow[]
  modulesListed: number
  publicApi: PublicApiModule[]
  packageEntries: PackageEntry[]
  outOfScope: {
    skipped: { reason: string; count: number; examples: string[] }[]
    testFiles: number
    testLines: number
    /** Files in fixtures, test data, mocks and snapshots folders: parsed, but inputs of tests. */
    supportFiles: number
    supportLines: number
    supportExamples: string[]
  }
}

const MAX_MODULES_LISTED = 1000
const MAX_API_MODULES = 500
const MAX_API_SYMBOLS = 100
const PACKAGE_KINDS: ReadonlySet<PackageManifest['kind']> = new Set([
  'package.json',
  'pyproject.toml',
  'setup.cfg',
  'setup.py',
  'go.mod',
  'Cargo.toml',
  'pom.xml'
])

export function buildInventory(
  model: CodeModel,
  unitsByModule: Map<string, PublicUnit[]>,
  support: ModuleModel[] = []
): Inventory {
  const source = model.modules.filter((m) => !m.isTest)
  const tests = model.modules.filter((m) => m.isTest)
  const sum = (ms: ModuleModel[]): number => ms.reduce((n, m) => n + m.lines, 0)
  const byPath = new Set(model.modules.map((m) => m.path))
  const publicApi = source
    .map((m): PublicApiModule => ({
      path: m.path,
      symbols: (unitsByModule.get(m.path) ?? [])
        .slice(0, MAX_API_SYMBOLS)
        .map((u) => ({ name: u.name, kind: u.kind, line: u.loc.startLine })),
      symbolsTotal: unitsByModule.get(m.path)?.length ?? 0,
      all: m.all ? [...m.all] : null
    }))
    .filter((m) => m.symbols.length > 0 || m.all !== null)
  return {
    totals: {
      files: model.modules.length,
      lines: sum(model.modules),
      sourceFiles: source.length,
      sourceLines: sum(source),
      testFiles: tests.length,
      testLines: sum(tests)
    },
    languages: languageRows(model.modules),
    packages: packageRows(model.facts.manifests, source),
    modules: source.slice(0, MAX_MODULES_LISTED).map((m) => ({
      path: m.path,
      language: m.language,
      lines: m.lines,
      publicSymbols: unitsByModule.get(m.path)?.length ?? 0
    })),
    modulesListed: Math.min(source.length, MAX_MODULES_LISTED),
    publicApi: publicApi.slice(0, MAX_API_MODULES),
    packageEntries: packageEntries(model.facts.manifests, byPath),
    outOfScope: {
      skipped: Object.entries(model.skipped)
        .filter(([, v]) => v.count > 0)
        .map(([reason, v]) => ({ reason, count: v.count, examples: v.examples.slice(0, 5) }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
      testFiles: tests.length,
      testLines: sum(tests),
      supportFiles: support.length,
      supportLines: sum(support),
      supportExamples: support.slice(0, 5).map((m) => m.path)
    }
  }
}

function languageRows(modules: ModuleModel[]): LanguageRow[] {
  const rows = new Map<string, LanguageRow>()
  for (const m of modules) {
    let row = rows.get(m.language)
    if (!row)
      rows.set(
        m.language,
        (row = { language: m.language, files: 0, lines: 0, testFiles: 0, testLines: 0 })
      )
    row.files++
    row.lines += m.lines
    if (m.isTest) {
      row.testFiles++
      row.testLines += m.lines
    }
  }
  return [...rows.values()].sort(
    (a, b) => b.lines - a.lines || a.language.localeCompare(b.language)
  )
}

/** The folder a manifest describes, '' for the root. */
export function manifestDir(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

function packageRows(manifests: PackageManifest[], source: ModuleModel[]): PackageRow[] {
  const packages = manifests.filter((m) => PACKAGE_KINDS.has(m.kind))
  const rows = packages.map((m): PackageRow => ({
    path: m.path,
    kind: m.kind,
    name: m.name ?? null,
    version: m.version ?? null,
    workspaces: [...m.workspaces],
    modules: 0,
    lines: 0
  }))
  // Several manifests can share a folder (package.json beside pyproject.toml): the first one counts.
  const byDir = new Map<string, PackageRow>()
  for (const row of rows)
    if (!byDir.has(manifestDir(row.path))) byDir.set(manifestDir(row.path), row)
  for (const module of source) {
    for (let dir = manifestDir(module.path); ; dir = manifestDir(dir)) {
      const row = byDir.get(dir)
      if (row) {
        row.modules++
        row.lines += module.lines
        break
      }
      if (dir === '') break
    }
  }
  return rows.sort((a, b) => a.path.localeCompare(b.path))
}

function packageEntries(manifests: PackageManifest[], modules: Set<string>): PackageEntry[] {
  const entries: PackageEntry[] = []
  for (const m of manifests) {
    if (m.kind !== 'package.json') continue
    const dir = manifestDir(m.path)
    if (m.main)
      entries.push({
        manifest: m.path,
        field: 'main',
        key: 'main',
        spec: m.main,
        module: resolveTarget(dir, m.main, modules)
      })
    for (const [key, spec] of exportLeaves(m.exports)) {
      entries.push({
        manifest: m.path,
        field: 'exports',
        key,
        spec,
        module: resolveTarget(dir, spec, modules)
      })
    }
  }
  for (const m of manifests) {
    for (const [command, spec] of Object.entries(m.bin).sort(([a], [b]) => a.localeCompare(b))) {
      entries.push({
        manifest: m.path,
        field: 'bin',
        key: command,
        spec,
        module: resolveTarget(manifestDir(m.path), spec, modules)
      })
    }
  }
  return entries
}

const MAX_EXPORT_LEAVES = 100

/** The string targets inside package.json `exports`, with the condition path that leads to each. */
export function exportLeaves(exports: unknown): [string, string][] {
  const leaves: [string, string][] = []
  const stack: [string, unknown][] = [['.', exports]]
  while (stack.length > 0 && leaves.length < MAX_EXPORT_LEAVES) {
    const [key, value] = stack.pop() as [string, unknown]
    if (typeof value === 'string') leaves.push([key, value])
    else if (Array.isArray(value))
      for (let i = value.length - 1; i >= 0; i--) stack.push([key, value[i]])
    else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>)
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i]
        stack.push([k.startsWith('.') ? k : `${key}>${k}`, v])
      }
    }
  }
  return leaves
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']
const BUILD_DIRS = ['dist/', 'lib/', 'build/', 'out/']

/**
 * The analysed module a manifest target names. JavaScript paths may name build output
 * (`dist/cli.js`), so the same path with a source extension and under `src/` is tried too.
 * Python entry points (`pkg.cli:main`) name a module by its dotted path.
 */
export function resolveTarget(dir: string, spec: string, modules: Set<string>): string | null {
  const prefix = dir === '' ? '' : `${dir}/`
  if (
    !spec.includes('/') &&
    /^[A-Za-z_][\w.]*(:[\w.]+)?$/.test(spec) &&
    !SOURCE_EXTENSIONS.some((e) => spec.endsWith(e))
  ) {
    const dotted = spec.split(':')[0].split('.').join('/')
    for (const base of ['', 'src/']) {
      for (const candidate of [
        `${prefix}${base}${dotted}.py`,
        `${prefix}${base}${dotted}/__init__.py`,
        `${prefix}${base}${dotted}/__main__.py`
      ]) {
        if (modules.has(candidate)) return candidate
      }
    }
    if (spec.includes(':')) return null // a Python entry whose module was not analysed; otherwise try it as a path
  }
  const clean = normalise(`${prefix}${spec}`)
  if (clean === null) return null
  const stems = [clean]
  for (const build of BUILD_DIRS) {
    const at = clean.indexOf(build)
    if (at === 0 || (at > 0 && clean[at - 1] === '/'))
      stems.push(`${clean.slice(0, at)}src/${clean.slice(at + build.length)}`)
  }
  for (const stem of stems) {
    if (modules.has(stem)) return stem
    const dot = stem.lastIndexOf('.')
    const base = dot > stem.lastIndexOf('/') ? stem.slice(0, dot) : stem
    for (const ext of SOURCE_EXTENSIONS) if (modules.has(base + ext)) return base + ext
    for (const ext of SOURCE_EXTENSIONS)
      if (modules.has(`${stem}/index${ext}`)) return `${stem}/index${ext}`
  }
  return null
}

/** `a/./b/../c` -> `a/c`; null when the path leaves the repository. */
function normalise(path: string): string | null {
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length === 0) return null
      out.pop()
    } else out.push(part)
  }
  return out.join('/')
}
