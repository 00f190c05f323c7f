// Mocks in existing tests: module mocks and patches of the project's own modules (over-mocking; worst
// when the module under test is itself replaced), spies and patches never restored, and hand-made
// mocks of third-party client packages the project does not own.
import { posix } from 'node:path'
import type { CallSite, ModuleModel } from '../../src/model/types.js'
import { pythonModuleName } from '../../src/specs/paths.js'
import { isForeignClientPackage } from './catalogue.js'

export type MockProblem =
  'subjectMocked' | 'ownModuleMocked' | 'mockNotRestored' | 'foreignTypeMocked'

export interface MockUse {
  problem: MockProblem
  test: string
  call: CallSite
  /** What is mocked: a repository path, a dotted Python target or a package. */
  target: string
  /** How: `jest.mock`, `mock.patch`, `sinon.stub`. */
  how: string
  /** Python patches one name inside the module (a partial mock); JS module mocks replace all of it. */
  partial?: boolean
  /** For mockNotRestored: how many such calls the file has. */
  count?: number
}

const JS_MODULE_MOCKS = new Set([
  'jest.mock',
  'vi.mock',
  'jest.doMock',
  'vi.doMock',
  'jest.unstable_mockModule',
  'mock.module',
  'td.replaceEsm',
  'td.replace',
  'proxyquire'
])
const JS_SPIES = new Set([
  'jest.spyOn',
  'vi.spyOn',
  'sinon.stub',
  'sinon.spy',
  'sinon.replace',
  'mock.method',
  'mock.getter',
  'mock.setter'
])
const JS_RESTORES = new Set([
  'mockRestore',
  'restoreAllMocks',
  'restore',
  'restoreAll',
  'unstubAllGlobals'
])
const PY_PATCH_NAMES = new Set([
  'patch',
  'mock.patch',
  'unittest.mock.patch',
  'mocker.patch',
  'patch.object',
  'mock.patch.object',
  'mocker.patch.object',
  'monkeypatch.setattr'
])

/** A string literal argument's value, or undefined for anything else. */
function literal(arg: string | undefined): string | undefined {
  if (!arg) return undefined
  const m = /^(['"`])([^'"`\\]*)\1$/.exec(arg.trim())
  return m ? m[2] : undefined
}

const EXTENSIONS = [
  '',
  '.ts',
  '.tsx',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
  '.mts',
  '.cts',
  '/index.ts',
  '/index.js',
  '/index.tsx'
]

/** A relative module specifier resolved against the test file, to a repository module path. */
function resolveRelative(test: string, spec: string, paths: Set<string>): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(test), spec))
  const stripped = base.replace(/\.(js|mjs|cjs|jsx)$/, '')
  for (const stem of [base, stripped])
    for (const ext of EXTENSIONS) if (paths.has(stem + ext)) return stem + ext
  return undefined
}

/** The module a test is about: same base name (`a.test.ts` -> `a.ts`, `test_a.py` -> `a.py`) among what it imports. */
function subjectsOf(test: ModuleModel, python: boolean): Set<string> {
  const base = posix
    .basename(test.path)
    .replace(/\.(test|spec)(?=\.)/, '')
    .replace(/^test_/, '')
    .replace(/_test(?=\.py$)/, '')
    .replace(/\.[^.]+$/, '')
  const imported = test.test?.importedModules ?? []
  const named = imported.filter((p) => {
    const b = posix.basename(p).replace(/\.[^.]+$/, '')
    return (
      b === base ||
      (b === 'index' || b === '__init__' ? posix.basename(posix.dirname(p)) === base : false)
    )
  })
  if (named.length > 0) return new Set(named)
  return new Set(!python && imported.length === 1 ? imported : [])
}

export interface MockContext {
  /** Repository module paths. */
  paths: Set<string>
  /** Python dotted module name -> path. */
  dotted: Map<string, string>
  /** Path -> module, to see what a dotted patch target names inside its module. */
  byPath: Map<string, ModuleModel>
  /** A jest/vitest config sets restoreMocks (or mockReset) for every test. */
  restoreConfigured: boolean
}

export function mockContext(modules: ModuleModel[], configText: string[]): MockContext {
  const dotted = new Map<string, string>()
  for (const m of modules) {
    if (m.language !== 'python' || m.isTest) continue
    const name = pythonModuleName(m.path)
    if (name) dotted.set(name, m.path)
  }
  const restoreConfigured = configText.some((t) => /\brestoreMocks["']?\s*:\s*true\b/.test(t))
  return {
    paths: new Set(modules.map((m) => m.path)),
    dotted,
    restoreConfigured,
    byPath: new Map(modules.map((m) => [m.path, m]))
  }
}

/** The repository module a dotted patch target (`pkg.mod.fn`) lives in: the longest module prefix. */
function dottedModule(
  target: string,
  dotted: Map<string, string>
): { path: string; rest: string[] } | undefined {
  const parts = target.split('.')
  for (let n = parts.length - 1; n >= 1; n--) {
    const found = dotted.get(parts.slice(0, n).join('.'))
    if (found) return { path: found, rest: parts.slice(n) }
  }
  return undefined
}

/**
 * What `pkg.mod.name` replaces: a name `pkg.mod` imports from outside the repository is the seam itself,
 * patched where it is used (good practice, not a mock of own code): undefined. A name imported from
 * another repository module is that module; anything else is code of `pkg.mod`.
 */
function ownTarget(found: { path: string; rest: string[] }, ctx: MockContext): string | undefined {
  const module = ctx.byPath.get(found.path)
  const first = found.rest[0]
  if (!module || first === undefined) return found.path
  for (const imp of module.imports) {
    if (!imp.names.some((n) => n.local === first)) continue
    return imp.resolved
  }
  return found.path
}

/** Lines at most in a function that only wraps an outside call. */
const ADAPTER_LINES = 6

/**
 * The patched name is the project's own thin wrapper around an outside call (`def _getpass(prompt):
 * return getpass.getpass(prompt)`): the adapter a test should fake instead of the library, which is
 * "don't mock what you don't own" done right (judged false on httpie).
 */
function ownAdapter(found: { path: string; rest: string[] }, ctx: MockContext): boolean {
  const module = ctx.byPath.get(found.path)
  const name = found.rest.join('.')
  const fn = module?.functions.find((f) => f.qualifiedName === name)
  if (!module || !fn || fn.loc.endLine - fn.loc.startLine + 1 > ADAPTER_LINES) return false
  const outside = new Set(
    module.imports
      .filter((imp) => !imp.resolved && !imp.source.startsWith('.'))
      .flatMap((imp) => imp.names.map((n) => n.local))
  )
  return module.calls.some(
    (c) => c.enclosing === fn.qualifiedName && outside.has(c.callee.split(/[.(]/)[0] ?? '')
  )
}

export function mocksOf(test: ModuleModel, ctx: MockContext): MockUse[] {
  if (!test.isTest) return []
  const python = test.language === 'python'
  const subjects = subjectsOf(test, python)
  const out: MockUse[] = []
  const own = (call: CallSite, how: string, resolved: string, shown: string): void => {
    out.push({
      problem: subjects.has(resolved) ? 'subjectMocked' : 'ownModuleMocked',
      test: test.path,
      call,
      target: shown === resolved ? resolved : `${shown} (${resolved})`,
      how,
      ...(python ? { partial: true } : {})
    })
  }
  const foreignImports = new Map<string, string>()
  for (const imp of test.imports) {
    if (imp.resolved || imp.source.startsWith('.') || !isForeignClientPackage(imp.source)) continue
    for (const n of imp.names) foreignImports.set(n.local, imp.source)
  }
  const seenTargets = new Set<string>()
  const spies: CallSite[] = []
  let restored = ctx.restoreConfigured && !python
  const starts: CallSite[] = []
  let stopped = false
  const patchers = new Set<string>()
  for (const call of test.calls) {
    if (python) {
      if (PY_PATCH_NAMES.has(call.callee) && call.assignedTo) patchers.add(call.assignedTo)
      if (call.name === 'stop' || call.name === 'stopall' || call.callee.endsWith('patch.stopall'))
        stopped = true
      if (
        call.name === 'start' &&
        call.receiver &&
        (/\bpatch(\.object)?\(/.test(call.receiver) || patchers.has(call.receiver))
      )
        starts.push(call)
      if (!PY_PATCH_NAMES.has(call.callee)) continue
      const target = literal(call.args[0])
      if (!target || !target.includes('.') || seenTargets.has(target)) continue
      // `pkg.mod.TIMEOUT`: a constant set for the test is configuration, not a replaced behaviour.
      if (/^[A-Z][A-Z0-9_]*$/.test(target.split('.').pop() ?? '')) continue
      seenTargets.add(target)
      const found = dottedModule(target, ctx.dotted)
      // The adapter faked under the logic that uses it; a test that then calls the adapter itself
      // tests the fake (subjectMocked, below).
      const patchedName = found?.rest[found.rest.length - 1]
      const callsIt = test.calls.some((c) => c !== call && c.name === patchedName)
      if (found && !callsIt && ownAdapter(found, ctx)) continue
      if (found) {
        const resolved = ownTarget(found, ctx)
        if (resolved) own(call, call.callee, resolved, target)
      } else if (isForeignClientPackage(target))
        out.push({ problem: 'foreignTypeMocked', test: test.path, call, target, how: call.callee })
      continue
    }
    if (JS_RESTORES.has(call.name)) restored = true
    if (JS_MODULE_MOCKS.has(call.callee)) {
      const spec = literal(call.args[0])
      if (!spec || seenTargets.has(spec)) continue
      seenTargets.add(spec)
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const resolved = resolveRelative(test.path, spec, ctx.paths)
        if (resolved) own(call, call.callee, resolved, spec)
      } else if (isForeignClientPackage(spec))
        out.push({
          problem: 'foreignTypeMocked',
          test: test.path,
          call,
          target: spec,
          how: call.callee
        })
      continue
    }
    if (JS_SPIES.has(call.callee) && call.args.length > 0) {
      spies.push(call)
      const root = call.args[0].split('.')[0]
      const pkg = foreignImports.get(root)
      if (pkg && !seenTargets.has(call.args[0])) {
        seenTargets.add(call.args[0])
        out.push({
          problem: 'foreignTypeMocked',
          test: test.path,
          call,
          target: `${call.args[0]} from ${pkg}`,
          how: call.callee
        })
      }
    }
  }
  if (!python && !restored && spies.length > 0) {
    out.push({
      problem: 'mockNotRestored',
      test: test.path,
      call: spies[0],
      target: spies[0].args.slice(0, 2).join(', '),
      how: spies[0].callee,
      count: spies.length
    })
  }
  if (python && !stopped && starts.length > 0) {
    out.push({
      problem: 'mockNotRestored',
      test: test.path,
      call: starts[0],
      target: starts[0].receiver ?? starts[0].callee,
      how: 'patch().start()',
      count: starts.length
    })
  }
  return out
}
