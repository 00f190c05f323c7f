// mocha's interfaces: which one a project's tests are written in (its command's --ui, .mocharc, package.json,
// else the test files' own globals), and specs written in it that load and pass under real mocha with that
// interface only (mocha defines no `describe` under tdd, so a bdd spec would not load there).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { ModuleModel, TestRunnerConfig } from '../../src/model/types.js'
import type { TestLayout } from '../../src/specs/layout-types.js'
import { mochaInterface, uiFlag, type MochaUi } from '../../src/specs/mocha-ui.js'
import { renderSpec } from '../../src/specs/render.js'
import type { SpecCase, SpecDraft } from '../../src/specs/types.js'

const PROJECT = resolve('.')

function testFile(path: string, globals: string[]): ModuleModel {
  return {
    path,
    language: 'javascript',
    isTest: true,
    test: {
      framework: 'mocha',
      cases: [],
      importedModules: [],
      referencedSymbols: [],
      globals
    }
  } as unknown as ModuleModel
}

const rc = (ui: string): TestRunnerConfig => ({ runner: 'mocha', file: '.mocharc.yml', ui })
const manifest = (ui: string): TestRunnerConfig => ({
  runner: 'mocha',
  file: 'package.json#mocha',
  ui
})
const TDD_FILE = testFile('test/a.js', ['setup', 'suite', 'test'])
const BDD_FILE = testFile('test/b.js', ['describe', 'it'])

describe('uiFlag', () => {
  it('reads --ui, -u, --u and the joined forms, quoted or not', () => {
    expect(uiFlag(['mocha', '--ui', 'tdd', 'test'])).toBe('tdd')
    expect(uiFlag(['mocha', '-u', 'qunit'])).toBe('qunit')
    expect(uiFlag(['./node_modules/.bin/mocha', '--u', 'tdd'])).toBe('tdd')
    expect(uiFlag(['mocha', '--ui=exports'])).toBe('exports')
    expect(uiFlag(['mocha', '"--ui"', '"tdd"'])).toBe('tdd')
    expect(uiFlag(['mocha', '--reporter', 'spec', 'test'])).toBeNull()
    // `-u` at the end names nothing.
    expect(uiFlag(['mocha', '-u'])).toBeNull()
  })
})

describe('mochaInterface', () => {
  it("follows mocha's precedence: the command's flag, then .mocharc, then package.json#mocha", () => {
    expect(
      mochaInterface({
        flag: { value: 'tdd', where: 'the test script passes --ui' },
        configs: [rc('bdd')],
        tests: [BDD_FILE]
      })
    ).toEqual({ ui: 'tdd', reason: 'the test script passes --ui tdd' })
    expect(mochaInterface({ configs: [manifest('bdd'), rc('qunit')], tests: [] })).toEqual({
      ui: 'qunit',
      reason: '.mocharc.yml sets ui qunit'
    })
    expect(mochaInterface({ configs: [manifest('tdd')], tests: [BDD_FILE] })).toEqual({
      ui: 'tdd',
      reason: 'package.json#mocha sets ui tdd'
    })
    // A config that says bdd is mocha's default: nothing to say.
    expect(mochaInterface({ configs: [rc('bdd')], tests: [TDD_FILE] })).toEqual({ ui: 'bdd' })
  })

  it('takes tdd from the test files when nothing says: suite/test/setup and no describe/it', () => {
    expect(mochaInterface({ configs: [], tests: [TDD_FILE, TDD_FILE, BDD_FILE] }).ui).toBe('tdd')
    expect(mochaInterface({ configs: [], tests: [TDD_FILE, BDD_FILE] }).ui).toBe('bdd')
    expect(mochaInterface({ configs: [], tests: [BDD_FILE] })).toEqual({ ui: 'bdd' })
    expect(mochaInterface({ configs: [], tests: [] })).toEqual({ ui: 'bdd' })
    // `test(` alone is tdd's too (mocha's bdd has no `test`).
    expect(mochaInterface({ configs: [], tests: [testFile('test/c.js', ['test'])] }).ui).toBe('tdd')
  })

  it("writes a project's own interface module like its test files, and says so", () => {
    const decided = mochaInterface({
      flag: { value: './test/ui.js', where: 'the test script passes --ui' },
      configs: [],
      tests: [TDD_FILE]
    })
    expect(decided.ui).toBe('tdd')
    expect(decided.note).toMatch(/own interface \.\/test\/ui\.js: specs are written in mocha's tdd/)
  })
})

// ---- rendered specs under real mocha ----

const SIZE_JS = `'use strict'
class SizeError extends Error {}
function parseSize(text) {
  if (typeof text !== 'string') throw new TypeError('size must be a string')
  const match = /^(\\d+)(kb|b)$/.exec(text)
  if (!match) throw new SizeError('not a size: ' + text)
  return Number(match[1]) * (match[2] === 'kb' ? 1024 : 1)
}
async function loadSize(text) {
  return parseSize(text)
}
module.exports = { parseSize, loadSize, SizeError }
`

const CASES: SpecCase[] = [
  { name: 'reads 2kb', args: ['2kb'], expect: { kind: 'returns', value: 2048 } },
  { name: 'reads 7b', args: ['7b'], expect: { kind: 'returns', value: 7 } },
  {
    name: 'rejects 2gb',
    args: ['2gb'],
    expect: { kind: 'throws', errorType: 'SizeError', message: 'not a size: 2gb' }
  },
  { name: 'rejects a number', args: [2], expect: { kind: 'throws', errorType: 'TypeError' } },
  { name: 'is quick', args: ['1b'], expect: { kind: 'satisfies', description: 'under 1 ms' } }
]

function draft(symbol: string, async = false): SpecDraft {
  return {
    key: `ui:${symbol}`,
    title: `${symbol} reads sizes`,
    level: 'unit',
    target: { file: 'lib/size.js', symbol },
    rationale: 'sizes come from users',
    covers: [],
    expected: 'sizes parse, others throw',
    priority: 'P1',
    body: { kind: 'call', module: 'lib/size.js', symbol, async, cases: CASES }
  }
}

function layout(ui: MochaUi | undefined, moduleSystem: 'commonjs' | 'esm'): TestLayout {
  return {
    detected: 'mocha',
    framework: 'mocha',
    language: 'javascript',
    moduleSystem,
    extension: moduleSystem === 'esm' ? '.mjs' : '.js',
    placement: 'flat',
    testDir: 'test',
    naming: { prefix: '', suffix: '.test' },
    collect: { include: ['test/*.{js,cjs,mjs}'], exclude: [], regex: [] },
    importStyle: 'relative',
    importExtension: 'none',
    assertion: 'node:assert',
    frameworkImport: 'globals',
    ...(ui ? { mochaUi: ui } : {}),
    pythonRoots: [],
    runnerCommand: ['npx', 'mocha'],
    reason: 'test',
    notes: []
  }
}

function runMocha(cwd: string, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(PROJECT, 'node_modules/mocha/bin/mocha.js'), '--reporter', 'json', ...args],
      { cwd, env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => done({ code: error ? Number(error.code ?? 1) : 0, stdout })
    )
  })
}

interface MochaJson {
  stats: { passes: number; failures: number; pending: number }
  passes: { fullTitle: string }[]
  failures: { fullTitle: string; err: { message: string } }[]
}

describe('specs in each interface load and pass under mocha given only that interface', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'mocha-ui-'))
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  const uis: MochaUi[] = ['tdd', 'qunit', 'exports']
  for (const ui of uis) {
    for (const moduleSystem of ['commonjs', 'esm'] as const) {
      it(`${ui}, ${moduleSystem}`, async () => {
        const dir = join(root, `${ui}-${moduleSystem}`)
        const target = {
          framework: 'mocha' as const,
          language: 'javascript' as const,
          layout: layout(ui, moduleSystem)
        }
        const specs = [
          renderSpec(draft('parseSize'), target, 'edge-cases'),
          renderSpec(draft('loadSize', true), target, 'failure-modes')
        ]
        const files: Record<string, string> = { 'lib/size.js': SIZE_JS }
        for (const spec of specs) files[spec.fileName] = spec.code
        for (const [path, text] of Object.entries(files)) {
          await mkdir(dirname(join(dir, path)), { recursive: true })
          await writeFile(join(dir, path), text)
        }
        for (const spec of specs) {
          expect(spec.code).not.toMatch(/\b(describe|it)\(/)
          if (ui === 'tdd') expect(spec.code).toMatch(/^suite\('/m)
          if (ui === 'qunit') expect(spec.code).toMatch(/^suite\('[^']*'\)$/m)
        }
        const result = await runMocha(dir, ['--ui', ui, ...specs.map((s) => s.fileName)])
        const report = JSON.parse(result.stdout) as MochaJson
        expect(report.failures.map((f) => `${f.fullTitle}: ${f.err.message}`)).toEqual([])
        // 2 returning rows, 1 SizeError, 1 TypeError (each table or single test), per subject.
        expect(report.stats.passes).toBe(8)
        // The satisfies case without code is a pending test, never a pass (exports: an empty suite).
        expect(report.stats.pending).toBe(ui === 'exports' ? 0 : 2)
        // The same files under bdd do not load: the interface is what makes them run.
        if (ui === 'tdd') {
          const bdd = await runMocha(
            dir,
            specs.map((s) => s.fileName)
          )
          expect(bdd.code).not.toBe(0)
        }
      }, 60_000)
    }
  }

  it('bdd (no mochaUi) stays describe/it', () => {
    const target = {
      framework: 'mocha' as const,
      language: 'javascript' as const,
      layout: layout(undefined, 'commonjs')
    }
    const code = renderSpec(draft('parseSize'), target, 'edge-cases').code
    expect(code).toMatch(/^describe\('parseSize reads sizes', \(\) => \{$/m)
    expect(code).toMatch(/^ {4}it\(name, \(\) => \{$/m)
    expect(code).not.toMatch(/suite\(|test\(/)
  })
})
