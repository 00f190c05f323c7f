// Reading runner configs (every format we accept) and deciding the layout from them, without running
// anything: the real-runner checks are in layout.test.ts.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { buildModel } from '../../src/model/build.js'
import { collectFacts } from '../../src/repo/facts.js'
import { loadRepository } from '../../src/repo/loader.js'
import { readTestConfigs } from '../../src/repo/test-config.js'
import { collects } from '../../src/specs/collect.js'
import { detectTargetWithReason } from '../../src/specs/detect.js'
import { renderSpec } from '../../src/specs/render.js'
import type { SpecDraft } from '../../src/specs/types.js'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

function write(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layout-detect-'))
  roots.push(root)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

async function configs(
  files: Record<string, string>
): Promise<{ configs: Awaited<ReturnType<typeof readTestConfigs>>; notes: string[] }> {
  const root = write(files)
  const notes: string[] = []
  return { configs: await readTestConfigs(root, Object.keys(files), notes), notes }
}

async function detect(files: Record<string, string>) {
  const root = write(files)
  const repo = await loadRepository(root, {})
  const facts = await collectFacts(repo, {})
  const model = await buildModel(repo, facts)
  return detectTargetWithReason(facts, model.modules)
}

describe('reading runner configs', () => {
  it('reads vitest inside a vite config through defineConfig and a named constant, and names what is computed', async () => {
    const { configs: found } = await configs({
      'vite.config.mts': `import { defineConfig } from 'vite'
const test = { include: ['src/**/*.spec.ts'], exclude: [...base], globals: process.env.G === '1', dir: 'src' }
export default defineConfig({ plugins: [], test })
`
    })
    expect(found).toEqual([
      {
        runner: 'vitest',
        file: 'vite.config.mts',
        include: ['src/**/*.spec.ts'],
        roots: ['src'],
        unread: ['exclude', 'globals']
      }
    ])
  })

  it('ignores a vite config without a test section', async () => {
    expect(
      (await configs({ 'vite.config.ts': 'export default { plugins: [] }\n' })).configs
    ).toEqual([])
  })

  it('reads jest from module.exports, from package.json and from JSON; testRegex and roots', async () => {
    const { configs: found } = await configs({
      'jest.config.cjs':
        "module.exports = { roots: ['<rootDir>/lib'], testRegex: '(/__tests__/.*|\\\\.spec)\\\\.js$', preset: 'ts-jest', transform: {} }\n",
      'package.json': JSON.stringify({
        name: 'x',
        jest: { testMatch: ['**/*.check.js'] },
        mocha: { spec: 'spec/*.js', recursive: true }
      })
    })
    expect(found).toEqual([
      {
        runner: 'jest',
        file: 'jest.config.cjs',
        roots: ['<rootDir>/lib'],
        testRegex: ['(/__tests__/.*|\\.spec)\\.js$'],
        preset: 'ts-jest',
        transform: true
      },
      { runner: 'jest', file: 'package.json#jest', include: ['**/*.check.js'] },
      { runner: 'mocha', file: 'package.json#mocha', include: ['spec/*.js'], recursive: true }
    ])
  })

  it('reads .mocharc in JSON with comments, YAML and JS; ava, jasmine, tap and bun by name', async () => {
    expect(
      (
        await configs({
          '.mocharc.jsonc':
            '{ // c\n "spec": ["test/**/*.spec.ts"], "require": "tsx", "extension": ["ts"], }'
        })
      ).configs
    ).toEqual([
      {
        runner: 'mocha',
        file: '.mocharc.jsonc',
        include: ['test/**/*.spec.ts'],
        extensions: ['ts'],
        requires: ['tsx']
      }
    ])
    expect(
      (
        await configs({
          '.mocharc.js':
            "'use strict'\nmodule.exports = { spec: 'test/unit', ignore: ['test/fixtures/**'] }\n"
        })
      ).configs
    ).toEqual([
      {
        runner: 'mocha',
        file: '.mocharc.js',
        include: ['test/unit'],
        exclude: ['test/fixtures/**']
      }
    ])
    const others = await configs({
      'ava.config.js': "export default { files: ['test/**/*.js'] }\n",
      'spec/support/jasmine.json': '{ "spec_dir": "spec", "spec_files": ["**/*[sS]pec.js"] }',
      '.taprc': 'include:\n  - test/*.ts\n',
      'bunfig.toml': '[test]\nroot = "./tests"\n'
    })
    expect(others.configs.map((c) => [c.runner, c.include ?? c.roots])).toEqual([
      ['ava', ['test/**/*.js']],
      ['jasmine', ['spec/**/*[sS]pec.js']],
      ['tap', ['test/*.ts']],
      ['bun', ['./tests']]
    ])
  })

  it('reads pytest from pytest.ini, tox.ini, setup.cfg, [tool.pytest.ini_options] and pytest 9 [tool.pytest]', async () => {
    const { configs: found } = await configs({
      'pytest.ini': '[pytest]\ntestpaths = tests\n    integration\npython_files = check_*.py\n',
      'tox.ini': '[tox]\nenvlist = py\n\n[pytest]\naddopts = -ra\n',
      'setup.cfg': '[metadata]\nname = x\n\n[tool:pytest]\ntestpaths = t\n',
      'pyproject.toml': '[tool.pytest.ini_options]\npythonpath = ["src"]\ntestpaths = ["tests"]\n'
    })
    expect(found).toEqual([
      {
        runner: 'pytest',
        file: 'pytest.ini',
        include: ['tests', 'integration'],
        pythonFiles: ['check_*.py']
      },
      { runner: 'pytest', file: 'tox.ini', requires: ['-ra'] },
      { runner: 'pytest', file: 'setup.cfg', include: ['t'] },
      { runner: 'pytest', file: 'pyproject.toml', include: ['tests'], pythonPath: ['src'] }
    ])
    expect(
      (
        await configs({
          'pyproject.toml': '[tool.pytest]\ntestpaths = ["tests"]\nminversion = "9.0"\n'
        })
      ).configs
    ).toEqual([{ runner: 'pytest', file: 'pyproject.toml', include: ['tests'] }])
  })

  it('turns an unreadable config into a note, not a failure', async () => {
    const { configs: found, notes } = await configs({ '.mocharc.yml': 'spec: [unclosed\n' })
    expect(found).toEqual([])
    expect(notes).toEqual([
      expect.stringMatching(
        /^\.mocharc\.yml could not be read as mocha configuration \(.+\); the test layout is guessed without it$/
      )
    ])
  })
})

describe('deciding the layout', () => {
  it('recognises ava, jasmine and bun:test by name and falls back to node:test with a note', async () => {
    for (const [runner, script] of [
      ['ava', 'ava'],
      ['jasmine', 'jasmine'],
      ['bun:test', 'bun test']
    ] as const) {
      const { target } = await detect({
        'package.json': JSON.stringify({ name: 'p', scripts: { test: script } }),
        'lib/a.js': 'export const a = 1\n'
      })
      expect([target.layout?.detected, target.framework]).toEqual([runner, 'node:test'])
      expect(target.layout?.notes).toEqual([
        expect.stringContaining(`${runner} has no renderer here: specs are written for node:test`)
      ])
    }
  })

  // Round O (docs/evaluation/reach.md): node-schedule's `tape test/*.js` and bunyan's `tap` read as node:test,
  // EventEmitter2's `mocha ./test/loader.js` collects no other file: specs there are run by nothing.
  it('tape and tap are detected as themselves, and their specs stay plan-only with the reason', async () => {
    for (const [runner, pkg] of [
      ['tape', { scripts: { test: 'nyc tape test/*.js' }, devDependencies: { tape: '5' } }],
      ['tape', { devDependencies: { tape: '5' } }],
      ['tap', { scripts: { test: 'tap test/*.test.js' } }]
    ] as const) {
      const { target } = await detect({
        'package.json': JSON.stringify({ name: 'p', ...pkg }),
        'lib/a.js': 'exports.add = function add(a, b) {\n  return a + b\n}\n'
      })
      const reason = `the project runs its tests with ${runner}, which specs are not written for: specs stay in the plan, not written to the repository`
      expect([target.layout?.detected, target.layout?.collectsNoSpec]).toEqual([runner, reason])
      expect(target.layout?.notes).toEqual([reason])
      expect(renderSpec(callDraft('lib/a.js', 'add'), target, 'scope').planOnly).toBe(true)
    }
  })

  it('a test script naming one loader file collects no generated spec; a glob or a folder does', async () => {
    const loader = await detect({
      'package.json': JSON.stringify({
        scripts: { test: 'mocha ./test/loader.js --exit --timeout=3000' },
        devDependencies: { mocha: '10' }
      }),
      'lib/a.js': 'exports.add = function add(a, b) {\n  return a + b\n}\n',
      'test/loader.js': "require('./a.test.js')\n",
      'test/a.test.js': "const { add } = require('../lib/a')\nit('adds', () => add(1, 2))\n"
    })
    const reason =
      'the test script runs test/loader.js alone, which loads the other test files itself, so no generated spec would be collected: specs stay in the plan, not written to the repository'
    expect([loader.target.layout?.detected, loader.target.layout?.collectsNoSpec]).toEqual([
      'mocha',
      reason
    ])
    expect(loader.target.layout?.notes).toContain(reason)
    expect(renderSpec(callDraft('lib/a.js', 'add'), loader.target, 'scope').planOnly).toBe(true)
    for (const test of ['mocha test/*.test.js', 'mocha test', 'mocha']) {
      const collected = await detect({
        'package.json': JSON.stringify({ scripts: { test }, devDependencies: { mocha: '10' } }),
        'lib/a.js': 'exports.add = function add(a, b) {\n  return a + b\n}\n',
        'test/loader.js': "require('./a.test.js')\n",
        'test/a.test.js': "const { add } = require('../lib/a')\nit('adds', () => add(1, 2))\n"
      })
      expect(collected.target.layout?.collectsNoSpec).toBeUndefined()
      expect(renderSpec(callDraft('lib/a.js', 'add'), collected.target, 'scope').planOnly).toBe(
        false
      )
    }
  })

  it('prefers the test script over a config of another runner, and the config over dependencies', async () => {
    const scripted = await detect({
      'package.json': JSON.stringify({
        scripts: { test: 'vitest run' },
        devDependencies: { jest: '1', vitest: '1' }
      }),
      'jest.config.js': 'module.exports = {}\n',
      'src/a.ts': 'export const a = 1\n'
    })
    expect(scripted.target.framework).toBe('vitest')
    const configured = await detect({
      'package.json': JSON.stringify({ devDependencies: { jest: '1', mocha: '1' } }),
      '.mocharc.json': '{}',
      'lib/a.js': 'exports.a = 1\n'
    })
    expect([configured.target.framework, configured.reason]).toEqual([
      'mocha',
      '.mocharc.json configures mocha; JavaScript'
    ])
  })

  it('follows the test script through the scripts it runs by name, and a runner started per file of a loop', async () => {
    const nodemon = await detect({
      'package.json': JSON.stringify({
        scripts: {
          test: 'npm run lint && npm run spec',
          lint: 'eslint lib',
          spec: 'for FILE in test/**/*.test.js; do TEST=1 mocha --exit --timeout 30000 $FILE; done'
        },
        devDependencies: { jest: '1', mocha: '1' }
      }),
      'lib/a.js': 'exports.a = 1\n'
    })
    expect(nodemon.target.framework).toBe('mocha')
    expect(nodemon.reason).toMatch(/^the package.json test script runs mocha/)
    expect(nodemon.target.layout?.suitePaths).toEqual(['test/**/*.test.js'])
    expect(nodemon.target.layout?.suitePerFile).toBe(true)
    // A loop over something else names no path; a script that runs itself ends.
    const other = await detect({
      'package.json': JSON.stringify({
        scripts: {
          test: 'yarn run unit',
          unit: 'for X in a b; do echo $X; done; mocha',
          loop: 'npm run loop'
        },
        devDependencies: { mocha: '1' }
      }),
      'lib/a.js': 'exports.a = 1\n'
    })
    expect(other.target.layout?.suitePaths).toBeUndefined()
    expect(other.target.layout?.suitePerFile).toBeUndefined()
  })

  it("keeps the test script's node:test preload flags and variables for the runner", async () => {
    const tsNode = await detect({
      'package.json': JSON.stringify({
        scripts: {
          'test:core':
            'TS_NODE_PROJECT=tsconfig.ts-node.json node --require ts-node/register --test test/*.test.ts',
          lint: 'eslint src'
        }
      }),
      'src/a.ts': 'export const a = 1\n',
      'test/a.test.ts': "import { it } from 'node:test'\nit('a', () => {})\n"
    })
    expect(tsNode.target.framework).toBe('node:test')
    expect(tsNode.target.layout?.runnerScript).toEqual({
      preload: ['--require', 'ts-node/register'],
      env: { TS_NODE_PROJECT: 'tsconfig.ts-node.json' }
    })
    // `--import=tsx` in one word and cross-env's variables; flags that preload nothing are left out.
    const crossEnv = await detect({
      'package.json': JSON.stringify({
        scripts: { test: 'cross-env NODE_ENV=test node --import=tsx --no-warnings --test' }
      }),
      'src/a.ts': 'export const a = 1\n'
    })
    expect(crossEnv.target.layout?.runnerScript).toEqual({
      preload: ['--import=tsx'],
      env: { NODE_ENV: 'test' }
    })
    // vitest's project choice and jest's config file are kept for the suite's run.
    const vitest = await detect({
      'package.json': JSON.stringify({
        scripts: { test: 'vitest --project unit', 'test:smoke': 'vitest run --project=smoke' }
      }),
      'src/a.js': 'export const a = 1\n'
    })
    expect(vitest.target.layout?.runnerScript).toEqual({
      preload: [],
      env: {},
      select: ['--project', 'unit']
    })
    const jest = await detect({
      'package.json': JSON.stringify({ scripts: { test: 'TZ=UTC jest -c jest.unit.js --ci' } }),
      'src/a.js': 'exports.a = 1\n'
    })
    expect(jest.target.layout?.runnerScript).toEqual({
      preload: [],
      env: { TZ: 'UTC' },
      select: ['-c', 'jest.unit.js']
    })
    // A plain `node --test` script gives the runner nothing of its own.
    const plain = await detect({
      'package.json': JSON.stringify({ scripts: { test: 'node --test' } }),
      'src/a.js': 'exports.a = 1\n'
    })
    expect(plain.target.layout?.runnerScript).toBeUndefined()
  })

  it("reads mocha's interface from a Makefile target the test script runs, .mocharc, package.json, or the files", async () => {
    const lib = { 'lib/a.js': 'module.exports = { a: (x) => x }\n' }
    const tdd = "const { a } = require('../lib/a')\nsuite('a', () => { test('x', () => {}) })\n"
    const bdd = "const { a } = require('../lib/a')\ndescribe('a', () => { it('x', () => {}) })\n"
    const pkg = (extra: object) =>
      JSON.stringify({ name: 'p', devDependencies: { mocha: '*' }, ...extra })
    // `make test` -> a recipe with `-u tdd` (and `diff -u` in another command, not mocha's).
    const viaMake = await detect({
      ...lib,
      'package.json': pkg({ scripts: { test: 'make test' } }),
      Makefile: 'test:\n\t./node_modules/.bin/mocha -u tdd --reporter dot test/ && diff -u a b\n',
      'test/a.js': bdd
    })
    expect(viaMake.target.layout?.mochaUi).toBe('tdd')
    expect(viaMake.reason).toMatch(
      /the package.json test script \(through Makefile target test\) runs mocha with --ui tdd/
    )
    const rc = await detect({
      ...lib,
      'package.json': pkg({ scripts: { test: 'mocha' } }),
      '.mocharc.json': '{ "ui": "qunit" }',
      'test/a.js': tdd
    })
    expect([rc.target.layout?.mochaUi, rc.reason]).toEqual([
      'qunit',
      expect.stringMatching(/\.mocharc\.json sets ui qunit/)
    ])
    const manifest = await detect({
      ...lib,
      'package.json': pkg({ scripts: { test: 'mocha' }, mocha: { ui: 'tdd' } }),
      'test/a.js': bdd
    })
    expect(manifest.target.layout?.mochaUi).toBe('tdd')
    // ejs's shape: `npx jake test` (not followed), no config; the files call suite/test only.
    const files = await detect({
      ...lib,
      'package.json': pkg({ scripts: { test: 'npx jake test' } }),
      'test/a.js': tdd,
      'test/b.js': "suite('b', () => { setup(() => {}); test('y', () => {}) })\n"
    })
    expect(files.target.layout?.mochaUi).toBe('tdd')
    expect(files.reason).toMatch(/the test files call mocha's tdd globals/)
    // The bdd twin: nothing set, nothing said.
    const twin = await detect({
      ...lib,
      'package.json': pkg({ scripts: { test: 'npx jake test' } }),
      'test/a.js': bdd
    })
    expect(twin.target.layout?.mochaUi).toBeUndefined()
    expect(twin.reason).not.toMatch(/tdd|ui/)
  })

  it('puts specs beside the code when the tests sit there, and honours a jest testRegex', async () => {
    const { target } = await detect({
      'package.json': JSON.stringify({ type: 'module', scripts: { test: 'vitest' } }),
      'src/util/math.ts': 'export function add(a: number, b: number): number { return a + b }\n',
      'src/util/math.test.ts':
        "import { it, expect } from 'vitest'\nimport { add } from './math.js'\nit('adds', () => expect(add(1, 2)).toBe(3))\n"
    })
    expect([target.layout?.placement, target.layout?.importExtension]).toEqual(['beside', '.js'])
    const spec = renderSpec(callDraft('src/util/math.ts', 'add'), target, 'edge-cases')
    expect(spec.fileName).toBe('src/util/math.add.edge-cases.test.ts')
    expect(spec.code).toContain("import { add } from './math.js'")

    const jest = await detect({
      'package.json': JSON.stringify({
        scripts: { test: 'jest' },
        jest: { testRegex: '/spec/.*\\.spec\\.js$' }
      }),
      'lib/add.js': 'exports.add = (a, b) => a + b\n'
    })
    const layout = jest.target.layout
    expect(layout && collects(layout, 'spec/add.spec.js')).toBe(true)
    expect(layout && collects(layout, 'test/add.test.js')).toBe(false)
    expect(renderSpec(callDraft('lib/add.js', 'add'), jest.target, 'scope').fileName).toMatch(
      /^spec\/.*\.spec\.js$/
    )
  })

  it('imports through the package name when the tests do, for the entry point only', async () => {
    const { target } = await detect({
      'package.json': JSON.stringify({
        name: 'tiny-lib',
        main: 'index.js',
        scripts: { test: 'node --test' }
      }),
      'index.js': "exports.size = require('./lib/size').size\n",
      'lib/size.js': 'exports.size = (x) => x.length\n',
      'test/size.test.js':
        "const { test } = require('node:test')\nconst { size } = require('tiny-lib')\ntest('size', () => size('ab'))\n"
    })
    expect([
      target.layout?.importStyle,
      target.layout?.packageEntry,
      target.layout?.moduleSystem
    ]).toEqual(['package', 'index.js', 'commonjs'])
    expect(renderSpec(callDraft('index.js', 'size'), target, 'scope').code).toContain(
      "const { size } = require('tiny-lib')"
    )
    expect(renderSpec(callDraft('lib/size.js', 'size'), target, 'scope').code).toContain(
      "const { size } = require('../lib/size.js')"
    )
  })

  it('renders a spec whose helper package is not installed as a plan-only todo that names it', async () => {
    const { target } = await detect({
      'package.json': JSON.stringify({
        scripts: { test: 'vitest' },
        devDependencies: { vitest: '3' }
      }),
      'src/a.ts': 'export const a = 1\n'
    })
    const draft: SpecDraft = {
      ...callDraft('src/a.ts', 'a'),
      body: {
        kind: 'steps',
        module: 'src/a.ts',
        imports: [
          { from: 'fast-check', names: ['default as fc'] },
          { from: 'src/a.ts', names: ['a'] }
        ],
        steps: { javascript: 'fc.assert(fc.property(fc.integer(), () => true))' },
        async: false
      }
    }
    const spec = renderSpec(draft, target, 'data-integrity')
    expect(spec.planOnly).toBe(true)
    expect(spec.code).toContain('needs fast-check, which the project does not install')
    expect(spec.code).not.toContain("from 'fast-check'")
  })
})

function callDraft(module: string, symbol: string): SpecDraft {
  return {
    key: `${module}#${symbol}`,
    title: `${symbol} works`,
    level: 'unit',
    target: { file: module, symbol },
    rationale: 'r',
    covers: [],
    expected: 'e',
    priority: 'P2',
    body: {
      kind: 'call',
      module,
      symbol,
      async: false,
      cases: [{ name: 'one', args: [1, 2], expect: { kind: 'returns', value: 3 } }]
    }
  }
}
