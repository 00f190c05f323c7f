// Two small repositories written here (__tests__/fixtures/reach-overrides-py, -ts), each with the
// coverage report its own suite wrote when run with pytest + coverage.py and vitest + v8:
// - a base method every subclass overrides, in a class nothing builds itself, never runs: the static
//   estimate calls it untested (Visitor.enter, Handler.close, Codec.name); one a subclass inherits, one a
//   `super()` call lands on, and one in a class named elsewhere (`isinstance(x, Sink)`) may run;
// - a JavaScript static getter runs when `Class.NAME` is read, not when its class is built, and
//   `Formats.LONG` off a namespace import reads the module's binding, not the getter (When.LONG);
// - abstract methods (`@abstractmethod`, a body that only raises NotImplementedError or throws "not
//   implemented") are excluded, like a pragma, when their body did not run, and covered when it did.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { reachFacts } from '../../../perspectives/shared/test-reach.js'
import { buildModel } from '../../../src/model/build.js'
import type { CodeModel, ModuleModel } from '../../../src/model/types.js'
import { collectFacts } from '../../../src/repo/facts.js'
import { loadRepository } from '../../../src/repo/loader.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures')

/** The fixture's model, read from a copy outside this repository's git history. */
async function fixtureModel(name: string): Promise<CodeModel> {
  const root = mkdtempSync(join(tmpdir(), 'reach-overrides-'))
  try {
    cpSync(join(FIXTURES, name), root, { recursive: true })
    const repo = await loadRepository(root, {})
    return await buildModel(repo, await collectFacts(repo, {}))
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

/** `path:line name -> reach` for every function of the given files. */
function reachOf(model: CodeModel, paths: string[], withReport: boolean): Record<string, string> {
  const facts = reachFacts(
    withReport ? model : { ...model, facts: { ...model.facts, coverage: [] } }
  )
  const out: Record<string, string> = {}
  for (const path of paths) {
    const module = model.modules.find((m) => m.path === path) as ModuleModel
    for (const fn of module.functions)
      out[`${path}:${fn.loc.startLine} ${fn.qualifiedName}`] = facts.functionReach(module, fn)
  }
  return out
}

const untested = (reach: Record<string, string>): string[] =>
  Object.keys(reach)
    .filter((k) => reach[k] === 'estimated-untested')
    .sort()

describe('static reach: overridden bases, static getters, abstract methods', () => {
  it('Python: a base method every subclass overrides is untested; inherited, super-called and named ones may run', async () => {
    const model = await fixtureModel('reach-overrides-py')
    const paths = ['shapes/visitor.py', 'shapes/store.py']
    const estimate = reachOf(model, paths, false)
    expect(untested(estimate)).toEqual([
      'shapes/visitor.py:30 Handler.close',
      'shapes/visitor.py:6 Visitor.enter'
    ])
    // Printer inherits `leave`; Logged's `super().handle()` lands on Handler's; Sink is named.
    expect(estimate['shapes/visitor.py:9 Visitor.leave']).toBe('estimated-tested')
    expect(estimate['shapes/visitor.py:27 Handler.handle']).toBe('estimated-tested')
    expect(estimate['shapes/visitor.py:51 Sink.write']).toBe('estimated-tested')
    // Abstract: nothing to test, whatever the estimate.
    expect(estimate['shapes/store.py:6 Store.get']).toBe('excluded')
    expect(estimate['shapes/store.py:9 Store.put']).toBe('excluded')
    expect(estimate['shapes/store.py:13 Store.drop']).toBe('excluded')
    // A method that raises another error is concrete.
    expect(estimate['shapes/store.py:16 Store.check']).toBe('estimated-tested')

    // The finding says why it is an estimate: the class hierarchy, not a missing import.
    const bare = reachFacts({ ...model, facts: { ...model.facts, coverage: [] } })
    const visitor = model.modules.find((m) => m.path === 'shapes/visitor.py') as ModuleModel
    const overridden = visitor.functions
      .filter((fn) => bare.estimate(visitor, fn).overridden)
      .map((fn) => fn.qualifiedName)
    expect(overridden.sort()).toEqual(['Handler.close', 'Visitor.enter'])

    const measured = reachOf(model, paths, true)
    // The report agrees with the estimate's two claims.
    expect(measured['shapes/visitor.py:6 Visitor.enter']).toBe('not-run')
    expect(measured['shapes/visitor.py:30 Handler.close']).toBe('not-run')
    // Abstract bodies that did not run are excluded; one a test ran (to see it raise) is covered.
    expect(measured['shapes/store.py:6 Store.get']).toBe('excluded')
    expect(measured['shapes/store.py:9 Store.put']).toBe('excluded')
    expect(measured['shapes/store.py:13 Store.drop']).toBe('covered')
    expect(Object.values(measured)).not.toContain('estimated-untested')
  })

  it('TypeScript and JavaScript: overridden bases, static getters read by name, abstract bodies', async () => {
    const model = await fixtureModel('reach-overrides-ts')
    const paths = ['src/when.ts', 'src/codec.ts', 'src/legacy.js', 'src/formats.ts', 'src/shape.js']
    const estimate = reachOf(model, paths, false)
    const claims = untested(estimate)
    expect(claims).toContain('src/when.ts:8 When.LONG')
    expect(claims).toContain('src/codec.ts:8 Codec.name')
    // What tests read or call, a subclass's own methods, a member further down a namespace chain
    // (`Formats.registry.lookup`), and a method a subclass inherits.
    for (const ran of [
      'src/when.ts:4 When.SHORT',
      'src/when.ts:12 When.format',
      'src/formats.ts:5 Registry.lookup',
      'src/codec.ts:12 Codec.reject',
      'src/codec.ts:26 JsonCodec.name',
      'src/codec.ts:40 TextCodec.name',
      'src/legacy.js:6 Transport.close',
      'src/legacy.js:12 HttpTransport.send',
      // A default export built under another name (`import Figure from './shape.js'`).
      'src/shape.js:2 Shape.area'
    ])
      expect(claims).not.toContain(ran)
    expect(estimate['src/codec.ts:4 Codec.encode']).toBe('excluded')
    expect(estimate['src/legacy.js:2 Transport.send']).toBe('excluded')

    // Every claim is one the suite's own coverage report confirms.
    const measured = reachOf(model, paths, true)
    for (const claim of claims) expect(`${claim}: ${measured[claim]}`).toBe(`${claim}: not-run`)
    expect(measured['src/codec.ts:4 Codec.encode']).toBe('excluded')
    expect(measured['src/legacy.js:2 Transport.send']).toBe('excluded')
    // Three `encode`s in one lcov record: each count is paired with its own function.
    expect(measured['src/codec.ts:22 JsonCodec.encode']).toBe('covered')
    expect(measured['src/codec.ts:36 TextCodec.encode']).toBe('not-run')
  })
})
