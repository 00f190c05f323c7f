// Measured test reach: the project's suite runs once under coverage before the perspectives, and what it
// ran decides "tested" for them. node:test runs JavaScript as written (V8 offsets are the file's);
// pytest under coverage.py reports lines. A module never loaded ran nothing; tooling is not counted.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { fileRan, reachFacts } from '../../perspectives/shared/test-reach.js'
import { parseCli } from '../../src/config/cli-args.js'
import { measureSuiteReach, partialRun } from '../../src/execute/measure-reach.js'
import { pytestCollect } from '../../src/specs/collect.js'
import { MEASURED_REPORT } from '../../src/execute/reach-report.js'
import type { HeldFinding } from '../../src/pipeline/calibration.js'
import { recordingLogger } from '../../src/log.js'
import type { CodeModel } from '../../src/model/types.js'
import { classOf } from '../../src/model/surface.js'
import { analyseRepository, type Analysis } from '../../src/pipeline/analyse.js'
import { cliEnvironment } from '../../src/pipeline/environment.js'
import { runPlan } from '../../src/pipeline/plan.js'
import { CI_PYTHON, fixtureWorkspace } from './workspace.js'

const NOW = '2026-12-06T12:00:00.000Z'

async function analysed(dir: string, out: string): Promise<Analysis> {
  const command = parseCli(['plan', dir, '--out', out], dir, PERSPECTIVES)
  if (command.command !== 'plan') throw new Error('not plan')
  return analyseRepository(command.config, recordingLogger())
}

async function measure(analysis: Analysis, dir: string, options: { budgetMs?: number } = {}) {
  const texts = new Map(analysis.repo.files.map((f) => [f.path, f.text]))
  return measureSuiteReach({
    workspace: dir,
    exclude: [],
    target: analysis.target,
    mode: 'auto',
    secrets: [],
    budgetMs: options.budgetMs ?? 120_000,
    modules: analysis.model.modules,
    text: (path) => texts.get(path),
    shipped: (path) => {
      const cls = classOf(analysis.model.surface, path)
      return cls === undefined || cls === 'shipped'
    },
    now: NOW,
    python: CI_PYTHON
  })
}

function reachOf(model: CodeModel, path: string, name: string): string {
  const module = model.modules.find((m) => m.path === path)
  const fn = module?.functions.find((f) => f.qualifiedName === name)
  if (!module || !fn) throw new Error(`no ${name} in ${path}`)
  return reachFacts(model).functionReach(module, fn)
}

describe("measured reach with node:test started as the project's test script starts it", () => {
  let ws: { dir: string; remove(): Promise<void> }
  let out: string
  beforeAll(async () => {
    ws = await fixtureWorkspace('reach-node-preload')
    out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
  })
  afterAll(async () => {
    await ws.remove()
    await rm(out, { recursive: true, force: true })
  })

  it("runs the suite with the script's --require set-up and its variable, so it is measured", async () => {
    // The suite throws in its set-up without FIXTURE_GREETING and fails without the preloaded file.
    const analysis = await analysed(ws.dir, out)
    const measured = await measure(analysis, ws.dir)
    expect(measured.note).toMatch(/node:test ran 1 of 1 shipped files/)
    analysis.model.facts.coverage.push(measured.report!)
    expect(reachOf(analysis.model, 'src/greet.js', 'greet')).toBe('covered')
    expect(reachOf(analysis.model, 'src/greet.js', 'shout')).toBe('not-run')
  })
})

describe('measured reach with node:test (JavaScript run as written)', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let out: string
  beforeAll(async () => {
    ws = await fixtureWorkspace('reach-node-test')
    out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
  })
  afterAll(async () => {
    await ws.remove()
    await rm(out, { recursive: true, force: true })
  })

  it('reports each function as run or not, and never-loaded shipped files as not run', async () => {
    const analysis = await analysed(ws.dir, out)
    const measured = await measure(analysis, ws.dir)
    expect(measured.note).toMatch(/node:test ran 2 of 3 shipped files/)
    expect(measured.report).not.toBeNull()
    expect(measured.report!.path).toBe(MEASURED_REPORT)
    expect(measured.report!.files.map((f) => f.path)).toEqual([
      'src/never.js',
      'src/orphan.js',
      'src/shop.js'
    ])
    // The same measurement is kept as the baseline for coverage gain.
    expect(measured.baselines?.maps.get('node:test')?.kind).toBe('v8')

    analysis.model.facts.coverage.push(measured.report!)
    const model = analysis.model
    expect(reachOf(model, 'src/shop.js', 'used')).toBe('covered')
    expect(reachOf(model, 'src/shop.js', 'Cart.add')).toBe('covered')
    expect(reachOf(model, 'src/shop.js', 'unused')).toBe('not-run')
    expect(reachOf(model, 'src/shop.js', 'Cart.clear')).toBe('not-run')
    expect(reachOf(model, 'src/never.js', 'lonely')).toBe('not-run')
    expect(reachOf(model, 'src/orphan.js', 'orphan')).toBe('not-run')
    // Line by line: the `if` ran, the body of `unused` did not.
    const facts = reachFacts(model)
    expect(facts.isCovered('src/shop.js', 4)).toBe(true)
    expect(facts.isCovered('src/shop.js', 9)).toBe(false)
  })

  it('is not made when the suite may not run (validate: false) or has no time', async () => {
    const analysis = await analysed(ws.dir, out)
    const texts = new Map(analysis.repo.files.map((f) => [f.path, f.text]))
    const off = await measureSuiteReach({
      workspace: ws.dir,
      exclude: [],
      target: analysis.target,
      mode: 'false',
      secrets: [],
      budgetMs: 120_000,
      modules: analysis.model.modules,
      text: (p) => texts.get(p),
      shipped: () => true,
      now: NOW
    })
    expect(off).toMatchObject({
      report: null,
      baselines: null,
      note: expect.stringMatching(/validate: false/)
    })
    const none = await measure(analysis, ws.dir, { budgetMs: 0 })
    expect(none).toMatchObject({ report: null, note: expect.stringMatching(/suiteSeconds/) })
  })

  it('makes scope claim "never ran" from the measurement, and only for what never ran', async () => {
    const command = parseCli(
      ['plan', ws.dir, '--perspective', 'scope', '--out', join(out, 'plan')],
      ws.dir,
      PERSPECTIVES
    )
    if (command.command !== 'plan') throw new Error('not plan')
    const logger = recordingLogger()
    const outcome = await runPlan(
      command.config,
      cliEnvironment({}),
      logger,
      PERSPECTIVES,
      () => new Date(NOW)
    )
    expect(logger.messages('group')).toContain("Measure the suite's test reach")
    const findings = outcome.runs[0].findings.filter((f) => f.messageId === 'untestedPublicUnit')
    const named = findings.map((f) => `${f.file}:${f.symbol}`).sort()
    expect(named).toEqual([
      'src/never.js:lonely',
      'src/orphan.js:orphan',
      'src/shop.js:later',
      'src/shop.js:unused'
    ])
    for (const f of findings) expect(f.message).toContain(`${MEASURED_REPORT} shows it never ran`)
    // The measurement is named as the run's own, never as "the coverage report <a file>".
    expect(findings[0].message).toMatch(
      /is public .*the project's suite run here with coverage shows/
    )
    expect(findings[0].message).not.toMatch(/coverage report the project's suite/)
    // Tooling is not the product, and what the suite ran is not untested.
    expect(named.some((n) => n.startsWith('scripts/'))).toBe(false)
    // The suite ran once: validation reused the measurement.
    expect(logger.text()).not.toMatch(/Coverage gain not measured/)
  })
})

describe('measured reach with node:test, one process per test file (http-server)', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let out: string
  beforeAll(async () => {
    ws = await fixtureWorkspace('reach-node-test-processes')
    out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
  })
  afterAll(async () => {
    await ws.remove()
    await rm(out, { recursive: true, force: true })
  })

  it('counts a branch as run when any process ran it, though the others list it with count 0', async () => {
    const analysis = await analysed(ws.dir, out)
    const measured = await measure(analysis, ws.dir)
    expect(measured.note).toMatch(/node:test ran 1 of 1 shipped files \(exit code 0\)/)
    analysis.model.facts.coverage.push(measured.report!)
    const facts = reachFacts(analysis.model)
    // Each branch ran in one file's process only.
    expect(facts.isCovered('src/sign.js', 3)).toBe(true)
    expect(facts.isCovered('src/sign.js', 6)).toBe(true)
    // The branch no test takes is still not run, by line.
    expect(facts.isCovered('src/sign.js', 9)).toBe(false)
    expect(measured.report!.files[0].uncoveredLines).toEqual([9, 10, 11])
  })
})

describe('measured reach from a partial run (a test file fails to load; the suite exits 1)', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let out: string
  beforeAll(async () => {
    ws = await fixtureWorkspace('reach-node-test-partial')
    out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
  })
  afterAll(async () => {
    await ws.remove()
    await rm(out, { recursive: true, force: true })
  })

  it('uses what ran, and does not claim "never ran" for the module whose test could not load', async () => {
    const analysis = await analysed(ws.dir, out)
    const measured = await measure(analysis, ws.dir)
    expect(measured.note).toMatch(/exit code 1\); partial \(the suite exited with code 1\)/)
    expect(measured.report?.partial).toBe('the suite exited with code 1')
    expect(measured.report!.files.map((f) => f.path)).toEqual(['src/shop.js'])
    analysis.model.facts.coverage.push(measured.report!)
    const model = analysis.model
    expect(reachOf(model, 'src/shop.js', 'used')).toBe('covered')
    expect(reachOf(model, 'src/shop.js', 'unused')).toBe('not-run')
    // Left to the static estimate, which says it is one.
    expect(reachOf(model, 'src/late.js', 'late')).toMatch(/^estimated-/)
  })

  it('scope says the measurement was partial, and its "never ran" is not high', async () => {
    const command = parseCli(
      ['plan', ws.dir, '--perspective', 'scope', '--out', join(out, 'plan')],
      ws.dir,
      PERSPECTIVES
    )
    if (command.command !== 'plan') throw new Error('not plan')
    const outcome = await runPlan(
      command.config,
      cliEnvironment({}),
      recordingLogger(),
      PERSPECTIVES,
      () => new Date(NOW)
    )
    // A partial run's "never ran" is medium confidence, a class the judged calibration holds back: it is
    // kept in the record, not reported.
    const run = outcome.runs[0]
    expect(run.findings.filter((f) => f.messageId === 'untestedPublicUnit')).toEqual([])
    const held = (
      (run.details as { calibrationHeld?: HeldFinding[] }).calibrationHeld ?? []
    ).filter((h) => h.message_id === 'untestedPublicUnit')
    const unused = held.find((h) => h.file === 'src/shop.js' && h.message.includes('unused'))
    expect(unused?.message).toContain(
      `${MEASURED_REPORT} (partial: the suite exited with code 1) shows it never ran`
    )
    expect(unused?.confidence).toBe('medium')
    expect(['medium', 'low']).toContain(unused?.severity)
    // The module whose test never loaded is not "shown never ran".
    const late = held.find((h) => h.file === 'src/late.js')
    expect(late?.message ?? '').not.toContain('shows it never ran')
  })
})

describe('partialRun', () => {
  const target = (detected: string) =>
    ({ framework: 'node:test', language: 'javascript', layout: { detected } }) as never
  it("names another runner than the project's, and a failed run", () => {
    expect(partialRun('node:test', target('tap'), 0)).toBe(
      'the project runs its tests with tap; node:test ran them here'
    )
    expect(partialRun('node:test', target('tap'), 1)).toBe(
      'the project runs its tests with tap; node:test ran them here, and the suite exited with code 1'
    )
    expect(partialRun('node:test', target('node:test'), 0)).toBeUndefined()
  })

  it("names the test files pytest does not collect by their names when they are a third or more (peewee's runtests.py)", () => {
    const py = {
      framework: 'pytest',
      language: 'python',
      layout: { detected: 'pytest', collect: pytestCollect(undefined) }
    } as never
    const testFile = (path: string) =>
      ({
        path,
        language: 'python',
        test: { cases: [{ name: 'test_x', kind: 'test', loc: { startLine: 1, endLine: 2 } }] }
      }) as never
    const helper = { path: 'tests/base.py', language: 'python' } as never
    expect(
      partialRun('pytest', py, 0, [
        testFile('tests/models.py'),
        testFile('tests/fields.py'),
        testFile('tests/test_cli.py'),
        helper
      ])
    ).toBe(
      'pytest collects 1 of the 3 test files by their names here; tests/models.py and 1 more are not named as it collects them'
    )
    // One of four is not named test_*.py: the run is still the project's suite.
    expect(
      partialRun('pytest', py, 0, [
        testFile('tests/models.py'),
        testFile('tests/test_a.py'),
        testFile('tests/test_b.py'),
        testFile('tests/test_c.py')
      ])
    ).toBeUndefined()
  })
})

describe('measured reach with vitest (TypeScript, run from a transformed copy)', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let out: string
  beforeAll(async () => {
    ws = await fixtureWorkspace('reach-vitest-ts')
    out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
  })
  afterAll(async () => {
    await ws.remove()
    await rm(out, { recursive: true, force: true })
  })

  it('tells functions that ran from those that did not by unique names, and claims no line', async () => {
    const analysis = await analysed(ws.dir, out)
    const measured = await measure(analysis, ws.dir)
    // No line is claimed in a transformed file: its functions say that it ran (immer read "0 of 20").
    expect(measured.note).toMatch(/vitest ran 1 of 2 shipped files/)
    expect(measured.report).not.toBeNull()
    analysis.model.facts.coverage.push(measured.report!)
    const model = analysis.model
    expect(fileRan(reachFacts(model), 'src/shop.ts')).toBe(true)
    expect(fileRan(reachFacts(model), 'src/orphan.ts')).toBe(false)
    expect(reachOf(model, 'src/shop.ts', 'used')).toBe('covered')
    expect(reachOf(model, 'src/shop.ts', 'unused')).toBe('not-run')
    expect(reachOf(model, 'src/shop.ts', 'Cart.clear')).toBe('not-run')
    expect(reachOf(model, 'src/orphan.ts', 'orphan')).toBe('not-run')
    // `add` is a method of two classes: the name cannot say which ran, so the estimate speaks.
    expect(reachOf(model, 'src/shop.ts', 'Shelf.add')).toMatch(/^estimated-/)
    expect(reachFacts(model).isCovered('src/shop.ts', 7)).toBeUndefined()
  })
})

describe("measured reach with vitest run on the test script's project only", () => {
  let ws: { dir: string; remove(): Promise<void> }
  let out: string
  beforeAll(async () => {
    ws = await fixtureWorkspace('reach-vitest-projects')
    out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
  })
  afterAll(async () => {
    await ws.remove()
    await rm(out, { recursive: true, force: true })
  })

  it('runs `--project unit` as the script does, not the smoke project that needs a build', async () => {
    const analysis = await analysed(ws.dir, out)
    expect(analysis.target.layout?.runnerScript?.select).toEqual(['--project', 'unit'])
    const measured = await measure(analysis, ws.dir)
    // The smoke project fails without dist/: run with it, the suite would be partial.
    expect(measured.note).toMatch(/vitest ran 1 of 1 shipped files/)
    expect(measured.note).not.toMatch(/partial/)
    analysis.model.facts.coverage.push(measured.report!)
    expect(reachOf(analysis.model, 'src/sum.js', 'sum')).toBe('covered')
    expect(reachOf(analysis.model, 'src/sum.js', 'product')).toBe('not-run')
  })
})

describe('measured reach with mocha run through the scripts (nodemon: `test` runs `npm run spec`, mocha per file)', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let out: string
  beforeAll(async () => {
    ws = await fixtureWorkspace('reach-mocha-script')
    out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
  })
  afterAll(async () => {
    await ws.remove()
    await rm(out, { recursive: true, force: true })
  })

  it("runs the test script's files, and reads the coverage of the processes the tests start", async () => {
    const analysis = await analysed(ws.dir, out)
    expect(analysis.target.layout?.suitePaths).toEqual(['test/**/*.test.js'])
    expect(analysis.target.layout?.suitePerFile).toBe(true)
    const measured = await measure(analysis, ws.dir)
    // One mocha per file, as the script: in one process the second file's hook would fail (lib/lock.js).
    expect(measured.note).toMatch(/mocha ran 4 of 4 shipped files \(exit code 0\)/)
    analysis.model.facts.coverage.push(measured.report!)
    const model = analysis.model
    expect(reachOf(model, 'lib/words.js', 'shout')).toBe('covered')
    expect(reachOf(model, 'lib/words.js', 'whisper')).toBe('not-run')
    // Only the child process (`node lib/cli.js`) ran main.
    expect(reachOf(model, 'lib/cli.js', 'main')).toBe('covered')
  })
})

describe('measured reach with a mocha suite that leaves a handle open (multer)', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let out: string
  beforeAll(async () => {
    ws = await fixtureWorkspace('reach-mocha-open-handle')
    out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
  })
  afterAll(async () => {
    await ws.remove()
    await rm(out, { recursive: true, force: true })
  })

  it('runs mocha with --exit: the suite that finished its tests is measured, not killed at the limit', async () => {
    const analysis = await analysed(ws.dir, out)
    // Without --exit the interval keeps mocha alive past this budget and nothing is measured.
    const measured = await measure(analysis, ws.dir, { budgetMs: 30_000 })
    expect(measured.note).toMatch(/mocha ran 1 of 1 shipped files \(exit code 0\)/)
    analysis.model.facts.coverage.push(measured.report!)
    expect(reachOf(analysis.model, 'lib/index.js', 'upload')).toBe('covered')
    expect(reachOf(analysis.model, 'lib/index.js', 'remove')).toBe('not-run')
  }, 120_000)
})

describe("measured reach with mocha's tdd interface and a CLI the tests start through the shell", () => {
  const cases: [string, RegExp][] = [
    // ejs's shape: `npx jake test` (not followed) runs `mocha --u tdd`; the files call suite/setup/test.
    ['reach-mocha-tdd', /mocha ran 2 of 2 shipped files \(exit code 0\)/],
    // node --test runs the test file in a process of its own, which starts the CLI.
    ['reach-node-test-cli', /node:test ran 2 of 2 shipped files \(exit code 0\)/]
  ]
  for (const [fixture, note] of cases) {
    it(`${fixture}: the suite is measured, and the CLI's own process counts`, async () => {
      const ws = await fixtureWorkspace(fixture)
      const out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
      try {
        const analysis = await analysed(ws.dir, out)
        if (fixture === 'reach-mocha-tdd') expect(analysis.target.layout?.mochaUi).toBe('tdd')
        const measured = await measure(analysis, ws.dir)
        expect(measured.note).toMatch(note)
        analysis.model.facts.coverage.push(measured.report!)
        const model = analysis.model
        expect(reachOf(model, 'lib/size.js', 'formatSize')).toBe('covered')
        expect(reachOf(model, 'lib/size.js', 'roundSize')).toBe('not-run')
        // Only the CLI's process (`./bin/sizes.js 3kb` through a shell) ran these.
        expect(reachOf(model, 'bin/sizes.js', 'main')).toBe('covered')
        expect(reachOf(model, 'bin/sizes.js', 'usage')).toBe('not-run')
        if (fixture === 'reach-mocha-tdd')
          expect(reachOf(model, 'lib/size.js', 'parseSize')).toBe('covered')
      } finally {
        await ws.remove()
        await rm(out, { recursive: true, force: true })
      }
    }, 120_000)
  }
})

describe('measured reach of a shipped module through the build its tests load (ejs: lib/esm via lib/cjs)', () => {
  it('counts the functions its build ran, by name, and says which build', async () => {
    const ws = await fixtureWorkspace('reach-built-copy')
    const out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
    try {
      // The project's build step, as tsc would write it (CommonJS, same function names); git ignores it.
      await mkdir(join(ws.dir, 'lib/cjs'), { recursive: true })
      await writeFile(
        join(ws.dir, 'lib/cjs/words.js'),
        [
          "'use strict'",
          "Object.defineProperty(exports, '__esModule', { value: true })",
          'exports.spell = exports.whisper = exports.shout = void 0',
          "function shout(text) { return text.toUpperCase() + '!' }",
          'exports.shout = shout',
          "function whisper(text) { return text.toLowerCase() + '...' }",
          'exports.whisper = whisper',
          "function spell(text) { return text.split('').join('-') }",
          'exports.spell = spell',
          ''
        ].join('\n')
      )
      const git = (...args: string[]): void => {
        // Committed before the measurement's time, so the report is not older than the code.
        const date = '2026-01-01T00:00:00Z'
        execFileSync('git', ['-C', ws.dir, '-c', 'user.email=t@t', '-c', 'user.name=t', ...args], {
          stdio: 'ignore',
          env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }
        })
      }
      git('init', '-q')
      git('add', '-A')
      git('commit', '-q', '-m', 'fixture')
      const analysis = await analysed(ws.dir, out)
      expect(analysis.model.modules.map((m) => m.path)).not.toContain('lib/cjs/words.js')
      const measured = await measure(analysis, ws.dir)
      expect(measured.note).toMatch(
        /mocha ran 1 of 1 shipped files \(exit code 0; lib\/esm\/words\.js ran as its build lib\/cjs\/words\.js\)/
      )
      const file = measured.report!.files.find((f) => f.path === 'lib/esm/words.js')
      expect(file?.through).toBe('lib/cjs/words.js')
      // No line is claimed: the build's offsets are not the source's.
      expect([file?.linesFound, file?.uncoveredLines]).toEqual([0, []])
      analysis.model.facts.coverage.push(measured.report!)
      const model = analysis.model
      expect(reachOf(model, 'lib/esm/words.js', 'shout')).toBe('covered')
      expect(reachOf(model, 'lib/esm/words.js', 'spell')).toBe('covered')
      expect(reachOf(model, 'lib/esm/words.js', 'whisper')).toBe('not-run')
    } finally {
      await ws.remove()
      await rm(out, { recursive: true, force: true })
    }
  }, 120_000)
})

const describePy = CI_PYTHON ? describe : describe.skip

describePy('measured reach with pytest (coverage.py)', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let out: string
  beforeAll(async () => {
    ws = await fixtureWorkspace('reach-pytest')
    out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
  })
  afterAll(async () => {
    await ws.remove()
    await rm(out, { recursive: true, force: true })
  })

  it('measures functions, keeps pragmas and Protocol stubs out, and marks unimported modules not run', async () => {
    const analysis = await analysed(ws.dir, out)
    const measured = await measure(analysis, ws.dir)
    expect(measured.report).not.toBeNull()
    analysis.model.facts.coverage.push(measured.report!)
    const model = analysis.model
    expect(reachOf(model, 'shop/core.py', 'used')).toBe('covered')
    expect(reachOf(model, 'shop/core.py', 'Loud.greet')).toBe('covered')
    expect(reachOf(model, 'shop/core.py', 'unused')).toBe('not-run')
    expect(reachOf(model, 'shop/core.py', 'Loud.whisper')).toBe('not-run')
    expect(reachOf(model, 'shop/core.py', 'excluded')).toBe('excluded')
    expect(reachOf(model, 'shop/core.py', 'Greeter.greet')).toBe('excluded')
    expect(reachOf(model, 'shop/never.py', 'lonely')).toBe('not-run')
    // Only tests/test_xml.py calls to_xml, and it cannot be collected here: its importorskip target is
    // missing from this interpreter, so it gives no reach (the layout names the file and the module) and
    // to_xml never ran here, as the coverage report says.
    expect(measured.report?.skippedTests).toEqual({ count: 1, files: ['tests/test_xml.py'] })
    expect(measured.note).toContain('1 test skipped on this interpreter, in tests/test_xml.py')
    expect(analysis.model.facts.unloadableTests?.map((t) => t.path)).toEqual(['tests/test_xml.py'])
    expect(reachOf(model, 'shop/core.py', 'to_xml')).toBe('not-run')
  })
})

describePy('measured reach with pytest: every process the suite starts (coverage.py)', () => {
  let ws: { dir: string; remove(): Promise<void> }
  let out: string
  beforeAll(async () => {
    ws = await fixtureWorkspace('reach-pytest-processes')
    out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
  })
  afterAll(async () => {
    await ws.remove()
    await rm(out, { recursive: true, force: true })
  })

  it("combines the parallel data files of the project's config and measures subprocesses and workers", async () => {
    const analysis = await analysed(ws.dir, out)
    const measured = await measure(analysis, ws.dir)
    // `[run] parallel = true` wrote one data file per process: read as one after combining.
    expect(measured.note).toMatch(/pytest ran 4 of 5 shipped files/)
    expect(measured.report).not.toBeNull()
    analysis.model.facts.coverage.push(measured.report!)
    const model = analysis.model
    // `python -m relay` in a subprocess.
    expect(reachOf(model, 'relay/cli.py', 'main')).toBe('covered')
    expect(reachOf(model, 'relay/cli.py', 'shout')).toBe('covered')
    expect(reachOf(model, 'relay/cli.py', 'whisper')).toBe('not-run')
    // A multiprocessing worker (`concurrency = multiprocessing`).
    expect(reachOf(model, 'relay/work.py', 'square_into')).toBe('covered')
    expect(reachOf(model, 'relay/work.py', 'cube')).toBe('not-run')
    // A server child stopped by SIGTERM, as a dev-server fixture stops it (`sigterm = true`).
    expect(reachOf(model, 'relay/server.py', 'serve')).toBe('covered')
    expect(reachOf(model, 'relay/server.py', 'echo')).toBe('covered')
    expect(reachOf(model, 'relay/server.py', 'unused_route')).toBe('not-run')
    // The branch data of every process combined: the worker's line is in the baseline too.
    const baseline = measured.baselines?.maps.get('pytest')
    expect(baseline?.kind).toBe('python')
    if (baseline?.kind === 'python')
      expect(baseline.files.get('relay/work.py')?.lines.has(3)).toBe(true)
  })
})

describePy(
  'measured reach of a unittest suite pytest collects nothing of by its names (`python tests.py`)',
  () => {
    let ws: { dir: string; remove(): Promise<void> }
    let out: string
    beforeAll(async () => {
      ws = await fixtureWorkspace('reach-pytest-unittest')
      out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
    })
    afterAll(async () => {
      await ws.remove()
      await rm(out, { recursive: true, force: true })
    })

    it('hands pytest the test file by name, so the suite is measured and is no partial run', async () => {
      const analysis = await analysed(ws.dir, out)
      expect(partialRun('pytest', analysis.target, 0, analysis.model.modules)).toBeUndefined()
      const measured = await measure(analysis, ws.dir)
      expect(measured.note).toMatch(
        /^pytest ran \d+ of \d+ shipped files \(exit code 0\); this measurement decides/
      )
      analysis.model.facts.coverage.push(measured.report!)
      expect(reachOf(analysis.model, 'tidy/__init__.py', 'squash')).toBe('covered')
      expect(reachOf(analysis.model, 'tidy/__init__.py', 'shout')).toBe('covered')
      expect(reachOf(analysis.model, 'tidy/__init__.py', 'whisper')).toBe('not-run')
    })
  }
)

describe('measured reach when the test script hands the test files to a runner this tool does not know', () => {
  const cases: [string, string, RegExp | null, string][] = [
    // 75lb's test-runner shape (command-line-args, round 13): the files register cases with the runner.
    [
      'reach-foreign-runner',
      'registered cases are not run by node:test',
      /partial \(the project runs its tests with case-runner; node:test ran its test files here\)/,
      'not-run'
    ],
    // The twin: `node test/flags.js` runs the file's checks itself, so node:test measures the suite.
    ['reach-script-runner', 'a file run as a script', null, 'covered']
  ]
  for (const [fixture, what, partial, reach] of cases) {
    it(`${fixture}: ${what}`, async () => {
      const ws = await fixtureWorkspace(fixture)
      const out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
      try {
        const analysis = await analysed(ws.dir, out)
        const measured = await measure(analysis, ws.dir)
        if (partial) expect(measured.note).toMatch(partial)
        else expect(measured.note).toMatch(/this measurement decides "tested"/)
        analysis.model.facts.coverage.push(measured.report!)
        expect(reachOf(analysis.model, 'index.js', 'parseFlags')).toBe(reach)
        expect(analysis.target.layout?.foreignRunner).toBe(partial ? 'case-runner' : undefined)
      } finally {
        await ws.remove()
        await rm(out, { recursive: true, force: true })
      }
    })
  }
})

describePy('measured reach with pytest when a test file skips for an optional dependency', () => {
  // flask-wtf's tests/test_i18n.py (round 13): `pytest.importorskip("flask_wtf.i18n")` skips the file where
  // Flask-Babel is missing; CI installs it, so the module's functions are tested there.
  it('does not call the module it skips for uncovered; a function no test calls still is', async () => {
    const ws = await fixtureWorkspace('reach-pytest-optional')
    const out = await mkdtemp(join(tmpdir(), 'tp-reach-out-'))
    // The plan finds pytest on PATH, as a workflow's set-up-python step leaves it.
    const path = process.env.PATH
    process.env.PATH = `${dirname(CI_PYTHON!)}:${path}`
    try {
      const command = parseCli(
        ['plan', ws.dir, '--perspective', 'test-coverage', '--out', join(out, 'plan')],
        ws.dir,
        PERSPECTIVES
      )
      if (command.command !== 'plan') throw new Error('not plan')
      const outcome = await runPlan(
        command.config,
        cliEnvironment({}),
        recordingLogger(),
        PERSPECTIVES,
        () => new Date(NOW)
      )
      const named = outcome.runs[0].findings
        .filter((f) => f.messageId === 'uncoveredFunction')
        .map((f) => `${f.file}:${f.symbol}`)
      expect(named).toEqual(['optshop/core.py:unused_total'])
    } finally {
      process.env.PATH = path
      await ws.remove()
      await rm(out, { recursive: true, force: true })
    }
  })
})
