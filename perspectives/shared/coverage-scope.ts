// Files the project leaves out of coverage on purpose (its c8/nyc/vitest/jest/coverage.py scope) and
// files its tests run out of process (a spawned command, a bundle built from the source): for both, a
// report showing no line run is not "the tests never ran it" (round 5: concurrently's bin/, outside its
// coverage.include and run by a test through an esbuild bundle and `spawn('node', ...)`).
import picomatch from 'picomatch'
import type { CodeModel, CoverageScope, ModuleModel } from '../../src/model/types.js'

const glob = (pattern: string): ((path: string) => boolean) =>
  picomatch(pattern.replace(/^\.\//, ''), { dot: true })

/** coverage.py patterns are fnmatch: `*` crosses `/`; a relative one is taken from the root. */
function fnmatch(pattern: string): (path: string) => boolean {
  const body = pattern
    .replace(/^\.\//, '')
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  const re = new RegExp(`^${body}$`)
  // `*/tests/*` is matched against absolute paths: a leading `/` stands for the root's.
  return (path) => re.test(path) || re.test(`/${path}`)
}

/** jest's patterns are regular expressions over the absolute path; `<rootDir>` is the root. */
function jestPattern(pattern: string): (path: string) => boolean {
  let re: RegExp
  try {
    re = new RegExp(pattern.replace(/<rootDir>\/?/g, '/'))
  } catch {
    return () => false
  }
  return (path) => re.test(`/${path}`)
}

/** Why a scope leaves the file out, or null. */
function leftOut(scope: CoverageScope, path: string): string | null {
  const match = scope.tool === 'coverage.py' ? fnmatch : glob
  const where = `${scope.file}`
  for (const p of scope.ignorePatterns ?? [])
    if (jestPattern(p)(path)) return `coveragePathIgnorePatterns '${p}' in ${where}`
  for (const p of scope.exclude ?? [])
    if (match(p)(path))
      return `${scope.tool === 'coverage.py' ? 'omit' : 'exclude'} '${p}' in ${where}`
  const include = scope.include ?? []
  for (const p of include.filter((i) => i.startsWith('!')))
    if (match(p.slice(1))(path)) return `include '${p}' in ${where}`
  const positive = include.filter((i) => !i.startsWith('!'))
  if (positive.length > 0 && !positive.some((p) => match(p)(path)))
    return `outside include ${positive.map((p) => `'${p}'`).join(', ')} in ${where}`
  return null
}

/** The reason the project's coverage configuration leaves `path` out, or null. */
export function coverageConfigExclusion(model: CodeModel): (path: string) => string | null {
  const scopes = model.facts.coverageScopes ?? []
  const cache = new Map<string, string | null>()
  return (path) => {
    if (scopes.length === 0) return null
    let reason = cache.get(path)
    if (reason === undefined) {
      reason = null
      for (const s of scopes) if ((reason = leftOut(s, path))) break
      cache.set(path, reason)
    }
    return reason
  }
}

/** Calls that run code in another process, or build a bundle of it to run. */
const SPAWN =
  /^(?:(?:child_process|cp|childProcess)\.)?(?:spawn|spawnSync|exec|execSync|execFile|execFileSync|fork|execa|execaNode|execaSync|execaCommand|spawnWithWrapper)$/
const PY_SPAWN = /^subprocess\.(?:run|Popen|call|check_call|check_output)$/
const BUNDLERS = new Set(['esbuild', 'rollup', 'webpack', 'tsup', 'vite'])

function runsOutOfProcess(test: ModuleModel): boolean {
  if (test.calls.some((c) => SPAWN.test(c.callee) || PY_SPAWN.test(c.callee))) return true
  return test.imports.some((i) => BUNDLERS.has(i.source))
}

/** The strings a test would use to start a module: its path, its file name, its dotted module name. */
function needles(module: ModuleModel): { contains: string[]; exact: string[] } {
  const path = module.path
  const base = path.split('/').pop() ?? path
  const stem = path.replace(/\.[^./]+$/, '')
  const contains = [path, stem.includes('/') ? stem : '', base.length >= 6 ? base : ''].filter(
    Boolean
  )
  // Python: `-m pkg.cli`, or `-m pkg` for a package's __main__.
  const exact: string[] = []
  if (module.language === 'python') {
    const dotted = stem
      .replace(/^src\//, '')
      .split('/')
      .join('.')
    exact.push(dotted.replace(/\.__main__$/, ''))
  }
  return { contains, exact }
}

/**
 * The test file that runs `module` out of process: it spawns a command or builds a bundle, and names the
 * module (path, file name, `-m` name) in a string. Undefined when none does.
 */
export function subprocessRunners(model: CodeModel): (module: ModuleModel) => string | undefined {
  const tests = model.modules.filter((m) => m.isTest && runsOutOfProcess(m))
  const cache = new Map<string, string | undefined>()
  return (module) => {
    if (tests.length === 0 || module.isTest) return undefined
    if (cache.has(module.path)) return cache.get(module.path)
    const { contains, exact } = needles(module)
    const found = tests.find((t) =>
      t.strings.some((s) => exact.includes(s.value) || contains.some((n) => s.value.includes(n)))
    )?.path
    cache.set(module.path, found)
    return found
  }
}
