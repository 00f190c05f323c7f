// Which test files cannot run where the tool runs, so give no reach: a Python test module whose
// top-level imports (or `pytest.importorskip` targets, or those of a conftest pytest loads before it)
// the project's interpreter cannot find, and a JavaScript test file whose bare `import`/`require`
// Node cannot resolve from the file (node_modules up the tree, the package's `exports`). Imports
// inside a try, a function or any block are optional or conditional and never count as missing. The
// interpreter is asked once for every name, with `importlib.util.find_spec` (nothing is imported).
import { existsSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, posix } from 'node:path'
import {
  type MissingOptional,
  type OptionalBinding,
  optionalNoneBindings,
  usedAtImport
} from './optional-imports.js'
import type { CodeModel, ModuleModel, UnloadableTest } from './types.js'

/** What the project's interpreter said: the names it cannot find, and what it is (for version checks). */
export interface PythonAnswer {
  missing: string[]
  interpreter: PythonInterpreter
}

/** The interpreter the tool runs the project with: `sys.version_info[:3]`, `sys.platform`, `os.name`, `platform.system()`. */
export interface PythonInterpreter {
  version: number[]
  platform: string
  osName: string
  system: string
}

/** Asks the interpreter which of the names it cannot find; null when it could not answer. */
export type PythonAsk = (names: readonly string[]) => Promise<PythonAnswer | null>

export const FIND_SPEC_SCRIPT = [
  'import importlib.util, json, os, platform, sys',
  'missing = []',
  'for name in sys.argv[1:]:',
  '    try:',
  '        found = importlib.util.find_spec(name) is not None',
  '    except Exception:',
  '        found = False',
  '    if not found:',
  '        missing.append(name)',
  'print(json.dumps({"missing": missing, "interpreter": {"version": list(sys.version_info[:3]), "platform": sys.platform, "osName": os.name, "system": platform.system()}}))'
].join('\n')

export interface LoadingCheck {
  unloadable: UnloadableTest[]
  /** Names optional imports bind to None (or a placeholder) here: their package is not installed. */
  optionalMissing?: MissingOptional[]
  /** The project's Python, when one answered (version checks are read against it). */
  interpreter?: PythonInterpreter
  /** Why a language's test files were not checked (no interpreter, no node_modules). */
  notes: string[]
}

export async function findUnloadableTests(
  model: CodeModel,
  askPython: PythonAsk | null
): Promise<LoadingCheck> {
  const notes: string[] = []
  const tests = model.modules.filter((m) => m.isTest)
  const own = ownPythonNames(model.modules)
  const pyNeeds = new Map<string, { names: string[]; skip: string[] }>()
  for (const m of tests)
    if (m.language === 'python') {
      const needs = pythonNeeds(m, own)
      if (needs.names.length > 0 || needs.skip.length > 0) pyNeeds.set(m.path, needs)
    }
  const direct = new Map<string, string[]>()
  const skipped = new Set<string>()
  let interpreter: PythonInterpreter | undefined
  const optionalMissing: MissingOptional[] = []
  if (model.modules.some((m) => m.language === 'python')) {
    const all = new Set<string>()
    for (const n of pyNeeds.values()) for (const name of [...n.names, ...n.skip]) all.add(name)
    const optional = optionalBindings(model, own)
    for (const list of optional.values()) for (const b of list) all.add(b.module)
    const answer = askPython ? await askPython([...all].sort()) : null
    if (answer === null) {
      if (pyNeeds.size > 0)
        notes.push('Python test imports were not checked: no interpreter with pytest was found')
    } else {
      interpreter = answer.interpreter
      const gone = new Set(answer.missing)
      for (const [path, n] of pyNeeds) {
        const lost = [...new Set([...n.names, ...n.skip])].filter((x) => gone.has(x)).sort()
        if (lost.length === 0) continue
        direct.set(path, lost)
        if (lost.every((x) => n.skip.includes(x) && !n.names.includes(x))) skipped.add(path)
      }
      for (const m of model.modules)
        if (m.language === 'python' && !m.isTest)
          for (const [name, b] of noneBound(m, optional, gone))
            optionalMissing.push({ path: m.path, name, ...b })
      for (const m of tests) {
        if (m.language !== 'python' || direct.has(m.path)) continue
        const why = noneAtImport(model, m, optional, gone)
        if (why) direct.set(m.path, [why])
      }
    }
  }
  const jsTests = tests.filter((m) => m.language === 'javascript' || m.language === 'typescript')
  if (jsTests.length > 0) {
    if (!hasNodeModules(model.root))
      notes.push(
        'JavaScript test imports were not checked: no node_modules folder (dependencies not installed)'
      )
    else {
      const selfNames = new Set(model.facts.manifests.map((m) => m.name).filter(Boolean))
      const aliases = Object.keys(model.facts.tsPaths ?? {})
      for (const m of jsTests) {
        const lost: string[] = []
        for (const spec of jsNeeds(m, selfNames, aliases, linesOf(model.root, m.path))) {
          const why = unresolvedFrom(join(model.root, dirname(m.path)), spec)
          if (why) lost.push(why)
        }
        if (lost.length > 0) direct.set(m.path, [...new Set(lost)].sort())
      }
    }
  }
  return {
    unloadable: propagate(model.modules, direct, skipped),
    ...(interpreter ? { interpreter } : {}),
    ...(optionalMissing.length > 0 ? { optionalMissing } : {}),
    notes
  }
}

/** Each Python module's optional imports bound to None (optional-imports.ts), of packages not our own. */
function optionalBindings(
  model: CodeModel,
  own: ReadonlySet<string>
): Map<string, OptionalBinding[]> {
  const out = new Map<string, OptionalBinding[]>()
  for (const m of model.modules) {
    if (m.language !== 'python') continue
    const lines = linesOf(model.root, m.path) ?? []
    if (!lines.some((l) => /^try\s*:/.test(l))) continue
    const list = optionalNoneBindings(lines).filter((b) => !own.has(b.module))
    if (list.length > 0) out.set(m.path, list)
  }
  return out
}

/** The names a module has bound to None or a placeholder: its own optional imports, or imported from one of ours. */
function noneBound(
  m: ModuleModel,
  optional: ReadonlyMap<string, OptionalBinding[]>,
  gone: ReadonlySet<string>
): Map<string, { module: string; placeholder?: true }> {
  const out = new Map<string, { module: string; placeholder?: true }>()
  const add = (local: string, b: OptionalBinding): void => {
    if (gone.has(b.module))
      out.set(local, { module: b.module, ...(b.placeholder ? { placeholder: true as const } : {}) })
  }
  for (const b of optional.get(m.path) ?? []) add(b.name, b)
  for (const d of m.imports) {
    if (d.kind !== 'python' || !d.resolved || !atTopLevel(m, d)) continue
    for (const { imported, local } of d.names) {
      const b = (optional.get(d.resolved) ?? []).find((x) => x.name === imported)
      if (b) add(local, b)
    }
  }
  return out
}

/**
 * A test file that reads an attribute of a name bound to None at import time (its own optional import,
 * or one it imports from a module of ours that binds it so): why it cannot be collected, or undefined.
 */
function noneAtImport(
  model: CodeModel,
  test: ModuleModel,
  optional: ReadonlyMap<string, OptionalBinding[]>,
  gone: ReadonlySet<string>
): string | undefined {
  const none = new Map<string, string>()
  for (const [name, b] of noneBound(test, optional, gone))
    if (!b.placeholder) none.set(name, b.module)
  if (none.size === 0) return undefined
  const lines = linesOf(model.root, test.path) ?? []
  const inFunction = (line: number): boolean =>
    test.functions.some((f) => f.loc.startLine <= line && line <= f.loc.endLine)
  for (const [name, module] of [...none].sort()) {
    const use = usedAtImport(lines, name, inFunction)
    if (use)
      return `${module} is not installed, so ${name} is None where the file reads ${use.text} (line ${use.line})`
  }
  return undefined
}

/** A conftest that cannot load stops every test below it; a test importing a test file that cannot load, too. */
function propagate(
  modules: readonly ModuleModel[],
  direct: ReadonlyMap<string, string[]>,
  skipped: ReadonlySet<string>
): UnloadableTest[] {
  const out = new Map<string, UnloadableTest>()
  for (const [path, missing] of direct)
    out.set(path, { path, missing, ...(skipped.has(path) ? { skipped: true as const } : {}) })
  const conftests = [...direct.keys()].filter(
    (p) => /(^|\/)conftest\.py$/.test(p) && !skipped.has(p)
  )
  for (const m of modules) {
    if (!m.isTest || out.has(m.path)) continue
    if (m.language === 'python') {
      const conftest = conftests.find((c) => {
        const dir = posix.dirname(c)
        return dir === '.' || m.path.startsWith(`${dir}/`)
      })
      if (conftest)
        out.set(m.path, { path: m.path, missing: direct.get(conftest) ?? [], via: conftest })
    }
  }
  // A test file importing another test file (a helper) that cannot load: transitively.
  for (let changed = true; changed;) {
    changed = false
    for (const m of modules) {
      if (!m.isTest || out.has(m.path)) continue
      const helper = m.imports.find(
        (d) =>
          d.resolved &&
          !d.typeOnly &&
          out.has(d.resolved) &&
          !out.get(d.resolved)?.skipped &&
          (m.language === 'python' ? atTopLevel(m, d) : d.kind !== 'dynamic')
      )
      if (helper?.resolved) {
        const from = out.get(helper.resolved) as UnloadableTest
        out.set(m.path, { path: m.path, missing: from.missing, via: helper.resolved })
        changed = true
      }
    }
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : 1))
}

/** The sentence the test layout and the "untested" reasons give for a file. */
export function unloadableText(t: UnloadableTest): string {
  const list = joinNames(t.missing)
  const verb = t.missing.length === 1 ? 'is' : 'are'
  const notInstalled = t.missing.every((x) => !x.includes(' '))
  const what = notInstalled ? `${list} ${verb} not installed` : list
  if (t.via && t.missing.some((x) => x.includes(' is None where ')))
    return `${t.path} cannot be collected here: it imports ${t.via}, where ${what}`
  if (t.via)
    return `${t.path} cannot be collected here: ${t.via} needs ${t.missing.length === 1 && notInstalled ? `${list}, which is not installed` : what}`
  if (t.skipped) return `${t.path} is skipped here: ${what} (pytest.importorskip)`
  return `${t.path} cannot be collected here: ${what}`
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/**
 * Python: written at column 1 (not in a try, an `if`, a function or a class). JavaScript: a static
 * `import`, or a `require` on an unindented line outside any try or function (a require inside a test's
 * callback fails that test only; the model lists no anonymous callbacks, so the line's indent decides).
 */
function atTopLevel(
  m: ModuleModel,
  d: { kind: string; loc: { startLine: number; startColumn: number } },
  lines?: readonly string[]
): boolean {
  const { loc } = d
  if (m.language === 'python') return loc.startColumn === 1
  if (d.kind === 'esm') return true
  const line = lines?.[loc.startLine - 1]
  if (line === undefined || /^\s/.test(line)) return false
  // `it('x', () => { require('y') })` on one line: inside a block opened before it.
  const before = line.slice(0, Math.max(0, loc.startColumn - 1))
  if (before.split('{').length > before.split('}').length) return false
  return (
    !m.functions.some((f) => f.loc.startLine < loc.startLine && loc.startLine <= f.loc.endLine) &&
    !m.tries.some((t) => t.loc.startLine <= loc.startLine && loc.startLine <= t.loc.endLine)
  )
}

function linesOf(root: string, path: string): string[] | undefined {
  try {
    return readFileSync(join(root, path), 'utf8').split('\n')
  } catch {
    return undefined
  }
}

/**
 * Names the repository's own Python code is imported by, never "missing": top-level packages and
 * modules (at the root or under `src/`), and the modules and packages beside a test file (pytest puts
 * a test's folder on the path, so `import helpers` finds `tests/helpers.py`). A module deeper inside a
 * package (`cattrs/preconf/msgspec.py`) is not importable as `msgspec`.
 */
function ownPythonNames(modules: readonly ModuleModel[]): Set<string> {
  const out = new Set<string>()
  const testDirs = new Set(
    modules.filter((m) => m.isTest && m.language === 'python').map((m) => posix.dirname(m.path))
  )
  const stem = (part: string): string => part.replace(/\.py$/, '')
  for (const m of modules) {
    if (m.language !== 'python') continue
    const parts = m.path.split('/')
    out.add(stem(parts[0]))
    if (parts[0] === 'src' && parts.length > 1) out.add(stem(parts[1]))
    // Beside a test file: the module itself, or the package folder holding it.
    for (let i = 1; i < parts.length; i++)
      if (testDirs.has(parts.slice(0, i).join('/'))) out.add(stem(parts[i]))
  }
  return out
}

/**
 * Python: absolute imports written at column 0 (not in a try, an `if`, a function or a class), and
 * `pytest.importorskip("x")` outside functions, by their top-level name.
 */
function pythonNeeds(
  m: ModuleModel,
  own: ReadonlySet<string>
): { names: string[]; skip: string[] } {
  const names = new Set<string>()
  for (const d of m.imports) {
    if (d.kind !== 'python' || d.resolved || d.source.startsWith('.') || d.source === '') continue
    if (!atTopLevel(m, d)) continue
    const top = d.source.split('.')[0]
    if (top === '__future__' || own.has(top)) continue
    names.add(top)
  }
  const skip = new Set<string>()
  for (const c of m.calls) {
    if (c.name !== 'importorskip' || c.enclosing) continue
    const first = c.arguments?.[0]
    const value =
      first?.kind === 'literal' ? /^['"]([A-Za-z_][\w.]*)['"]$/.exec(first.text.trim()) : null
    if (value && !own.has(value[1].split('.')[0])) skip.add(value[1].split('.')[0])
  }
  return { names: [...names].sort(), skip: [...skip].sort() }
}

const BUILTINS = new Set(builtinModules)

/** JavaScript: bare specifiers of imports and requires outside functions and tries. */
function jsNeeds(
  m: ModuleModel,
  selfNames: ReadonlySet<string | undefined>,
  aliases: readonly string[],
  lines: readonly string[] | undefined
): string[] {
  const out = new Set<string>()
  for (const d of m.imports) {
    if ((d.kind !== 'esm' && d.kind !== 'require') || d.typeOnly || d.resolved) continue
    const s = d.source
    if (!s || s.startsWith('.') || s.startsWith('/') || s.includes(':') || BUILTINS.has(s)) continue
    const name = packageOf(s)
    if (selfNames.has(name) || BUILTINS.has(name)) continue
    if (aliases.some((a) => matchesAlias(a, s))) continue
    if (!atTopLevel(m, d, lines)) continue
    out.add(s)
  }
  return [...out].sort()
}

function matchesAlias(alias: string, spec: string): boolean {
  const star = alias.indexOf('*')
  if (star < 0) return alias === spec
  return spec.startsWith(alias.slice(0, star)) && spec.endsWith(alias.slice(star + 1))
}

function packageOf(spec: string): string {
  const parts = spec.split('/')
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function hasNodeModules(root: string): boolean {
  for (let dir = root; ; dir = dirname(dir)) {
    if (isDir(join(dir, 'node_modules'))) return true
    if (dirname(dir) === dir) return false
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** Why Node cannot resolve `spec` from `fromDir`, or null when it can. */
export function unresolvedFrom(fromDir: string, spec: string): string | null {
  const name = packageOf(spec)
  const sub = spec.slice(name.length)
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const pkgDir = join(dir, 'node_modules', name)
    if (isDir(pkgDir)) {
      if (!sub) return null
      return subpathResolves(pkgDir, `.${sub}`) ? null : `${spec} (not exported by ${name})`
    }
    if (dirname(dir) === dir) return name
  }
}

function subpathResolves(pkgDir: string, subpath: string): boolean {
  let manifest: { exports?: unknown } = {}
  try {
    manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as typeof manifest
  } catch {
    // no manifest: files decide
  }
  const exp = manifest.exports
  if (exp !== undefined && exp !== null) {
    if (typeof exp !== 'object' || Array.isArray(exp)) return false
    const keys = Object.keys(exp)
    if (!keys.some((k) => k.startsWith('.'))) return false
    return keys.some((k) => {
      if (k === subpath) return true
      const star = k.indexOf('*')
      if (star >= 0)
        return subpath.startsWith(k.slice(0, star)) && subpath.endsWith(k.slice(star + 1))
      return k.endsWith('/') && subpath.startsWith(k)
    })
  }
  const base = join(pkgDir, subpath)
  return ['', '.js', '.json', '.cjs', '.mjs', '.node', '/index.js', '/package.json'].some((ext) =>
    existsSync(base + ext)
  )
}
