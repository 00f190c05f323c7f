// How a spec breaks a dependency and watches a log call, per test framework: jest.spyOn, vi.spyOn,
// node:test's mock.method, sinon for mocha; pytest's MonkeyPatch for Python. Only dependencies a test
// can replace from outside are chosen: globals (JSON, fetch), CommonJS/default module objects (the
// same object the code under test holds) and Python module attributes.
import type { CallSite } from '../../src/model/types.js'
import { pythonModuleName } from '../../src/specs/paths.js'
import type { TestFramework } from '../../src/specs/types.js'
import type { ModuleInfo } from './context.js'

/** A replaceable dependency: `object.method`, with what the test imports to reach `object`. */
export interface Seam {
  /** Expression for the object in the test (`JSON`, `fs`, `json`, `pkg.mod`). */
  object: string
  method: string
  /** Import the test needs for `object`: JS `{ from, names }`; Python `import from`. */
  importFrom?: string
  importNames?: string[]
  /** The code under test awaits it: the replacement rejects instead of throwing. */
  async: boolean
  /** How the dependency is written in the code (`fs.readFileSync`). */
  shown: string
}

const JS_GLOBALS = new Set(['JSON'])

export function findSeam(info: ModuleInfo, calls: CallSite[]): Seam | undefined {
  for (const call of calls) {
    const seam = info.dialect === 'js' ? jsSeam(info, call) : pySeam(info, call)
    if (seam) return seam
  }
  return undefined
}

function jsSeam(info: ModuleInfo, call: CallSite): Seam | undefined {
  if (call.isNew) return undefined
  const shown = call.callee
  if (call.receiver === undefined) {
    if (call.callee === 'fetch' && !info.imports.has('fetch') && !info.functions.has('fetch')) {
      return { object: 'globalThis', method: 'fetch', async: true, shown }
    }
    return undefined
  }
  if (!/^[A-Za-z_$][\w$]*$/.test(call.receiver) || !/^[A-Za-z_$][\w$]*$/.test(call.name))
    return undefined
  if (JS_GLOBALS.has(call.receiver) && !info.imports.has(call.receiver))
    return { object: call.receiver, method: call.name, async: call.awaited, shown }
  const local = info.imports.get(call.receiver)
  if (!local || local.resolved) return undefined
  // A default import or require() gives the module object a test can patch; a namespace import is sealed.
  const whole =
    (local.kind === 'esm' && local.imported === 'default') ||
    (local.kind === 'require' && local.imported === '*')
  if (!whole) return undefined
  const from = [
    'fs',
    'path',
    'os',
    'child_process',
    'http',
    'https',
    'net',
    'crypto',
    'zlib',
    'dns',
    'url',
    'util'
  ].includes(local.source)
    ? `node:${local.source}`
    : local.source
  return {
    object: call.receiver,
    method: call.name,
    importFrom: from,
    importNames: [`default as ${call.receiver}`],
    async: call.awaited,
    shown
  }
}

const PY_IDENTIFIER = /^[A-Za-z_]\w*$/

function pySeam(info: ModuleInfo, call: CallSite): Seam | undefined {
  if (!PY_IDENTIFIER.test(call.name)) return undefined
  if (call.receiver === undefined) {
    const local = info.imports.get(call.callee)
    const dotted = pythonModuleName(info.module.path)
    if (!local || local.imported === '*' || !dotted) return undefined
    // `from requests import get`: the module under test holds its own reference; patch that one.
    return {
      object: dotted,
      method: call.name,
      importFrom: dotted,
      importNames: [],
      async: call.awaited,
      shown: call.callee
    }
  }
  const parts = call.receiver.split('.')
  if (!parts.every((p) => PY_IDENTIFIER.test(p))) return undefined
  const local = info.imports.get(parts[0])
  if (!local || local.imported !== '*' || local.resolved) return undefined
  const object = [local.source, ...parts.slice(1)].join('.')
  return {
    object,
    method: call.name,
    importFrom: local.source,
    importNames: [],
    async: call.awaited,
    shown: call.callee
  }
}

/** Framework-specific JavaScript for replacing, spying and restoring. */
export interface JsMocking {
  imports: { from: string; names: string[] }[]
  /** Make `object.method` throw (or reject) `injected`. */
  fail(seam: Seam): string
  /** A silent spy on `console.method`, bound to `logged`. */
  spyLog(method: string): string
  /** Expression: the arguments of every call `logged` received, as an array of arrays. */
  loggedArgs: string
  /** Expression: whether `logged` was called. */
  loggedCalled: string
  restore: string
}

export function jsMocking(framework: Exclude<TestFramework, 'pytest'>): JsMocking {
  switch (framework) {
    case 'jest':
    case 'vitest': {
      const lib = framework === 'jest' ? 'jest' : 'vi'
      return {
        imports: [{ from: framework === 'jest' ? '@jest/globals' : 'vitest', names: [lib] }],
        fail: (s) =>
          `${lib}.spyOn(${s.object}, '${s.method}').${s.async ? 'mockRejectedValue(injected)' : 'mockImplementation(() => {\n  throw injected\n})'}`,
        spyLog: (m) => `const logged = ${lib}.spyOn(console, '${m}').mockImplementation(() => {})`,
        loggedArgs: 'logged.mock.calls',
        loggedCalled: 'logged.mock.calls.length > 0',
        restore: `${lib}.restoreAllMocks()`
      }
    }
    case 'node:test':
      return {
        imports: [{ from: 'node:test', names: ['mock'] }],
        fail: (s) =>
          `mock.method(${s.object}, '${s.method}', ${s.async ? 'async ' : ''}() => {\n  throw injected\n})`,
        spyLog: (m) => `const logged = mock.method(console, '${m}', () => {})`,
        loggedArgs: 'logged.mock.calls.map((call) => call.arguments)',
        loggedCalled: 'logged.mock.callCount() > 0',
        restore: 'mock.restoreAll()'
      }
    case 'mocha':
      return {
        imports: [{ from: 'sinon', names: ['default as sinon'] }],
        fail: (s) =>
          `sinon.stub(${s.object}, '${s.method}').${s.async ? 'rejects' : 'throws'}(injected)`,
        spyLog: (m) => `const logged = sinon.stub(console, '${m}')`,
        loggedArgs: 'logged.args',
        loggedCalled: 'logged.called',
        restore: 'sinon.restore()'
      }
  }
}
