// Hard-wired seams that are not worth a finding (judged false on the session-5 repositories, 0 of 6
// true): the claim "a test cannot hand it a fake" must hold where it is made.
import type { ModuleModel, PackageManifest } from '../../src/model/types.js'
import type { SeamKind } from './catalogue.js'
import type { SeamUse } from './seams.js'

/** Words in a unit's name that say the resource is its own job (`getFreePort`, `sleep`, `randomId`). */
const OWN_JOB: Partial<Record<SeamKind, ReadonlySet<string>>> = {
  network: new Set(['port', 'socket', 'listen']),
  clock: new Set(['sleep', 'delay', 'now', 'clock', 'timestamp', 'wait']),
  randomness: new Set(['random', 'uuid', 'nonce']),
  environment: new Set(['env', 'environ', 'environment']),
  filesystem: new Set(['tmp', 'temp', 'tmpdir', 'tempdir']),
  process: new Set(['spawn', 'exec'])
}

/** `getFreePort` -> get, free, port; `random_id` -> random, id. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase())
}

function ownJob(use: SeamUse): boolean {
  const job = OWN_JOB[use.kind]
  return job !== undefined && words(use.fn.name).some((w) => job.has(w))
}

/** Names used as a parameter's default anywhere: `{ sleep = defaultSleep }` lets callers replace it. */
function defaultValues(modules: ModuleModel[]): Set<string> {
  const out = new Set<string>()
  for (const m of modules)
    for (const f of m.functions)
      for (const p of f.params) if (p.defaultValue) out.add(p.defaultValue.trim())
  return out
}

/** What the tests name: string literals, call arguments as written, environment reads. */
interface TestText {
  strings: Set<string>
  args: { texts: string[] }[]
  env: Set<string>
}

function testText(tests: ModuleModel[]): TestText {
  const strings = new Set<string>()
  const args: { texts: string[] }[] = []
  const env = new Set<string>()
  for (const t of tests) {
    for (const s of t.strings) strings.add(s.value)
    for (const c of t.calls) args.push({ texts: (c.arguments ?? []).map((a) => a.text.trim()) })
    for (const r of t.envReads ?? []) env.add(r.name)
    // `process.env.X = '...'` in a test: the use is keyed `process.X` (names-used.ts).
    for (const key of Object.keys(t.nameUseLines ?? {}))
      if (key.startsWith('process.')) env.add(key.slice('process.'.length))
  }
  return { strings, args, env }
}

/** A test already sets the variable or patches the call (`jest.spyOn(Date, 'now')`, `vi.mock('axios')`). */
function testsTouch(use: SeamUse, text: TestText): boolean {
  if (use.envName) return text.strings.has(use.envName) || text.env.has(use.envName)
  if (use.source && text.strings.has(use.source)) return true
  const parts = use.via.split('.')
  const last = parts[parts.length - 1]
  const root = parts.slice(0, -1).join('.')
  return text.args.some(
    ({ texts }) =>
      texts.some((t) => t.replace(/^['"`]|['"`]$/g, '').endsWith(use.via)) ||
      (root !== '' &&
        texts.includes(root) &&
        texts.some((t) => t.replace(/^['"`]|['"`]$/g, '') === last))
  )
}

/** Packages that replace a module for a test (`jest.mock`, `vi.mock`, proxyquire, esmock...). */
const MODULE_MOCKERS = new Set([
  'jest',
  'vitest',
  'proxyquire',
  'esmock',
  'testdouble',
  'rewire',
  'mock-require',
  'quibble'
])

/** Seams a JavaScript test fakes in a line: files, the environment, the clock, randomness. */
const CHEAP_KINDS: ReadonlySet<SeamKind> = new Set([
  'filesystem',
  'environment',
  'clock',
  'randomness'
])

/** The module mockers the project's manifests name, if any. */
export function moduleMockers(manifests: readonly PackageManifest[]): string[] {
  const out = new Set<string>()
  for (const m of manifests)
    for (const d of [...m.devDependencies, ...m.dependencies]) if (MODULE_MOCKERS.has(d)) out.add(d)
  return [...out]
}

/**
 * A JavaScript file, environment, clock or randomness seam a test replaces in place (judged false on
 * nodemon, session 7: "a test cannot hand it a fake" is not so): a global (`process.env.X = ...`,
 * `jest.spyOn(Date, 'now')`), a call through a module object (`sinon.stub(fs, 'readFileSync')`), or any
 * import when a module mocker is installed. A named import with no mocker stays reported.
 */
function cheapToFakeInJs(use: SeamUse, mockers: readonly string[]): boolean {
  if (use.language === 'python' || !CHEAP_KINDS.has(use.kind)) return false
  return use.global || mockers.length > 0 || use.via.includes('.')
}

/**
 * The hard-wired uses not to report: every Python one (any module attribute can be patched with
 * monkeypatch or mock.patch, so "a test cannot hand it a fake" is false there), a JavaScript seam a
 * test fakes in place (cheapToFakeInJs), a unit whose own job
 * is the resource, a unit callers can replace through a parameter default, and one a test already
 * patches or sets.
 */
export function notReportedSeams(
  uses: SeamUse[],
  modules: ModuleModel[],
  tests: ModuleModel[],
  mockers: readonly string[] = []
): Set<SeamUse> {
  const defaults = defaultValues(modules)
  const text = testText(tests)
  const out = new Set<SeamUse>()
  for (const u of uses) {
    if (u.mode !== 'hard-wired') continue
    if (
      u.language === 'python' ||
      cheapToFakeInJs(u, mockers) ||
      ownJob(u) ||
      defaults.has(u.fn.name) ||
      defaults.has(u.unit) ||
      testsTouch(u, text)
    )
      out.add(u)
  }
  return out
}
