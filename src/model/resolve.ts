// Resolves import specifiers to files of the repository: JavaScript/TypeScript relative paths with
// extension probing, tsconfig `paths`, package self-imports (and workspace packages); Python absolute
// and relative module imports.
import { posix } from 'node:path'
import type { ImportDecl, PackageManifest, RepositoryFacts } from './types.js'

const JS_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.d.ts']
/** A `.js` written in an import may stand for the TypeScript source that compiles to it. */
const COMPILED_TO: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts']
}
const BUILD_DIRS = ['dist/', 'lib/', 'build/', 'out/', 'esm/', 'cjs/']
const PYTHON_ROOTS = ['', 'src/', 'lib/', 'python/']

export interface ImportResolver {
  /** Repository-relative path of the file `decl` imports from `fromPath`, if it is in the repository. */
  resolve(fromPath: string, decl: ImportDecl): string | undefined
}

function normalise(path: string): string | undefined {
  // `require('../../lib/cli/')` names the folder: drop the trailing slash so its index file is probed.
  const n = posix.normalize(path).replace(/(.)\/+$/, '$1')
  if (n.startsWith('../') || n === '..') return undefined
  return n.startsWith('./') ? n.slice(2) : n
}

function extensionOf(path: string): string {
  const base = posix.basename(path)
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot)
}

/** The first string target in a package.json `exports` condition object. */
function conditionTarget(value: unknown): string | undefined {
  const stack: unknown[] = [value]
  for (let guard = 0; stack.length > 0 && guard < 50; guard++) {
    const v = stack.shift()
    if (typeof v === 'string') return v
    if (Array.isArray(v)) stack.push(...v)
    else if (v && typeof v === 'object') {
      const obj = v as Record<string, unknown>
      for (const key of ['source', 'import', 'module', 'default', 'require', 'node', 'types'])
        if (key in obj) stack.push(obj[key])
    }
  }
  return undefined
}

function exportsTarget(exports: unknown, subpath: string): string | undefined {
  if (typeof exports === 'string' || Array.isArray(exports))
    return subpath === '.' ? conditionTarget(exports) : undefined
  if (!exports || typeof exports !== 'object') return undefined
  const map = exports as Record<string, unknown>
  const keys = Object.keys(map)
  if (!keys.some((k) => k.startsWith('.')))
    return subpath === '.' ? conditionTarget(map) : undefined
  if (subpath in map) return conditionTarget(map[subpath])
  for (const key of keys) {
    const star = key.indexOf('*')
    if (star === -1) continue
    const prefix = key.slice(0, star)
    const suffix = key.slice(star + 1)
    if (
      subpath.startsWith(prefix) &&
      subpath.endsWith(suffix) &&
      subpath.length >= prefix.length + suffix.length
    ) {
      const middle = subpath.slice(prefix.length, subpath.length - suffix.length)
      return conditionTarget(map[key])?.replaceAll('*', middle)
    }
  }
  return undefined
}

export function createResolver(
  files: Iterable<string>,
  facts: Pick<RepositoryFacts, 'tsPaths' | 'manifests'>
): ImportResolver {
  const fileSet = new Set(files)
  const packages = facts.manifests.filter(
    (m): m is PackageManifest & { name: string } => m.kind === 'package.json' && !!m.name
  )
  const pythonRoots = new Set(PYTHON_ROOTS)
  const mainByFolder = new Map<string, string>()
  for (const m of facts.manifests) {
    if (m.kind !== 'package.json' || !m.main) continue
    const dir = posix.dirname(m.path)
    const main = normalise(dir === '.' ? m.main : `${dir}/${m.main}`)
    if (main !== undefined) mainByFolder.set(dir === '.' ? '' : dir, main)
  }
  for (const m of facts.manifests) {
    if (m.kind === 'pyproject.toml' || m.kind === 'setup.py' || m.kind === 'setup.cfg') {
      const dir = posix.dirname(m.path)
      if (dir !== '.') {
        pythonRoots.add(`${dir}/`)
        pythonRoots.add(`${dir}/src/`)
      }
    }
  }

  /** Probes a path without or with a written extension, then as a folder with an index file. */
  function probeJs(base: string, viaMain = false): string | undefined {
    if (fileSet.has(base)) return base
    const ext = extensionOf(base)
    const stem = ext ? base.slice(0, -ext.length) : base
    for (const alt of COMPILED_TO[ext] ?? []) if (fileSet.has(stem + alt)) return stem + alt
    for (const e of JS_EXTENSIONS) if (fileSet.has(base + e)) return base + e
    // `require('../../')` from a test two folders down names the repository root: its index file.
    const folder = base === '' || base === '.' ? '' : `${base}/`
    for (const e of JS_EXTENSIONS)
      if (fileSet.has(`${folder}index${e}`)) return `${folder}index${e}`
    // A folder with a package.json (`require('../')` from a test): Node loads its `main`.
    const main = viaMain ? undefined : mainByFolder.get(base === '.' ? '' : base)
    if (main !== undefined && main !== base) return probeJs(main, true)
    return undefined
  }

  /** A build output path (`dist/index.js`) mapped back to its source when the output is not in the repository. */
  function probeBuilt(path: string): string | undefined {
    const direct = probeJs(path)
    if (direct) return direct
    for (const dir of BUILD_DIRS) {
      const at = path.indexOf(dir)
      if (at === -1 || (at > 0 && path[at - 1] !== '/')) continue
      const src = `${path.slice(0, at)}src/${path.slice(at + dir.length)}`
      const stem = src.endsWith('.d.ts') ? src.slice(0, -5) : src
      const found = probeJs(stem)
      if (found) return found
    }
    return undefined
  }

  function resolveTsPaths(spec: string): string | undefined {
    for (const [pattern, targets] of Object.entries(facts.tsPaths)) {
      const star = pattern.indexOf('*')
      let middle: string
      if (star === -1) {
        if (spec !== pattern) continue
        middle = ''
      } else {
        const prefix = pattern.slice(0, star)
        const suffix = pattern.slice(star + 1)
        if (
          !spec.startsWith(prefix) ||
          !spec.endsWith(suffix) ||
          spec.length < prefix.length + suffix.length
        )
          continue
        middle = spec.slice(prefix.length, spec.length - suffix.length)
      }
      for (const target of targets) {
        const path = normalise(target.replaceAll('*', middle))
        const found = path !== undefined ? probeJs(path) : undefined
        if (found) return found
      }
    }
    return undefined
  }

  function resolvePackage(spec: string): string | undefined {
    for (const pkg of packages) {
      if (spec !== pkg.name && !spec.startsWith(`${pkg.name}/`)) continue
      const dir = posix.dirname(pkg.path)
      const at = (p: string): string | undefined => normalise(dir === '.' ? p : `${dir}/${p}`)
      const subpath = spec === pkg.name ? '.' : `./${spec.slice(pkg.name.length + 1)}`
      const candidates: (string | undefined)[] = []
      if (pkg.exports !== undefined) candidates.push(exportsTarget(pkg.exports, subpath))
      if (subpath === '.') candidates.push(pkg.main, 'index', 'src/index')
      else candidates.push(subpath, `src/${subpath.slice(2)}`)
      for (const c of candidates) {
        const path = c !== undefined ? at(c) : undefined
        const found = path !== undefined ? probeBuilt(path) : undefined
        if (found) return found
      }
    }
    return undefined
  }

  function probePython(base: string): string | undefined {
    if (fileSet.has(`${base}.py`)) return `${base}.py`
    if (fileSet.has(`${base}/__init__.py`)) return `${base}/__init__.py`
    if (fileSet.has(`${base}.pyi`)) return `${base}.pyi`
    return undefined
  }

  function resolvePython(fromPath: string, spec: string): string | undefined {
    if (spec.startsWith('.')) {
      let dots = 0
      while (spec[dots] === '.') dots++
      let dir = posix.dirname(fromPath)
      for (let i = 1; i < dots; i++) dir = posix.dirname(dir)
      const rest = spec.slice(dots).replaceAll('.', '/')
      const base = normalise(rest ? (dir === '.' ? rest : `${dir}/${rest}`) : dir)
      if (base === undefined) return undefined
      return rest
        ? probePython(base)
        : fileSet.has(`${base}/__init__.py`)
          ? `${base}/__init__.py`
          : undefined
    }
    const rel = spec.replaceAll('.', '/')
    for (const root of pythonRoots) {
      const found = probePython(root + rel)
      if (found) return found
    }
    return undefined
  }

  return {
    resolve(fromPath, decl) {
      const spec = decl.source
      if (!spec) return undefined
      if (decl.kind === 'python') return resolvePython(fromPath, spec)
      if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
        const path = normalise(posix.join(posix.dirname(fromPath), spec))
        // Tests often load the build (`require('../lib/node')`, superagent): without the build in the
        // checkout, the import stands for the source it is built from.
        return path === undefined ? undefined : probeBuilt(path)
      }
      if (spec.startsWith('/') || spec.startsWith('node:')) return undefined
      return resolveTsPaths(spec) ?? resolvePackage(spec)
    }
  }
}
