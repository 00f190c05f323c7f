// The project's test layout on five small repositories written for this (__tests__/fixtures/layout-*):
// the framework comes from configs and scripts, specs go where the project's runner collects them, in
// its language and module system, importing as its tests do; and every generated spec file is loaded
// by the real runner (vitest, mocha, jest, node --test, pytest) from the fixture's own config.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { collects } from '../../src/specs/collect.js'
import { renderSpec } from '../../src/specs/render.js'
import type { TestLayout } from '../../src/specs/layout-types.js'
import { prepareFixture, PROJECT, run, type PreparedFixture } from './layout-fixture.js'

const NODE = process.execPath
const bin = (path: string): string => join(PROJECT, 'node_modules', path)

function layoutOf(f: PreparedFixture): TestLayout {
  if (!f.target.layout) throw new Error('no layout detected')
  return f.target.layout
}

/** Files that must load, by path; the runner's view of each, for the failure message. */
function expectAllLoaded(f: PreparedFixture, loaded: Set<string>, detail: string): void {
  const files = [...new Set(f.specs.map((s) => s.fileName))].sort()
  expect(files.length).toBeGreaterThan(3)
  const missing = files.filter((file) => !loaded.has(file))
  if (missing.length > 0)
    throw new Error(`not loaded by the runner: ${missing.join(', ')}\n${detail.slice(0, 4000)}`)
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' })
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

describe('vitest with globals and an include glob', () => {
  let f: PreparedFixture
  beforeAll(async () => {
    f = await prepareFixture('layout-vitest')
    // A draft naming the default export by its local name, as a perspective may: loaded with the rest.
    const span = renderSpec(
      {
        key: 'span-by-name',
        title: 'span measures a range',
        level: 'unit',
        target: { file: 'src/range.ts', symbol: 'span' },
        rationale: 'the default export',
        covers: [],
        expected: 'the width',
        priority: 'P2',
        body: {
          kind: 'call',
          module: 'src/range.ts',
          symbol: 'span',
          async: false,
          cases: [{ name: 'width', args: [1, 3], expect: { kind: 'returns', value: 2 } }]
        }
      },
      f.target,
      'edge-cases'
    )
    f.specs.push({ ...span, fileName: span.fileName.replace('.test.ts', '.by-name.test.ts') })
    writeFileSync(join(f.root, f.specs[f.specs.length - 1].fileName), span.code)
  }, 120_000)
  afterAll(() => f?.cleanup())

  it('is detected from the script and config, with the include glob and globals', () => {
    const layout = layoutOf(f)
    expect(f.facts.testConfigs).toEqual([
      { runner: 'vitest', file: 'vitest.config.ts', include: ['tests/**/*.test.ts'], globals: true }
    ])
    expect([
      layout.framework,
      layout.language,
      layout.configFile,
      layout.placement,
      layout.testDir
    ]).toEqual(['vitest', 'typescript', 'vitest.config.ts', 'folder', 'tests'])
    expect(layout.collect.include).toEqual(['tests/**/*.test.ts'])
    expect(layout.runnerCommand).toEqual(['npx', 'vitest', 'run'])
    // The tests import `../src/range` without an extension: so do the specs.
    expect(layout.importExtension).toBe('none')
    for (const spec of f.specs)
      expect([spec.fileName, collects(layout, spec.fileName)]).toEqual([spec.fileName, true])
    const clamp = f.specs.find((s) => s.fileName === 'tests/range.clamp.edge-cases.test.ts')
    expect(clamp?.code).toContain("from '../src/range'")
  })

  it('writes a default export as a default import and a bigint as a bigint', () => {
    const spans = f.specs.filter(
      (s) => s.target.file === 'src/range.ts' && s.target.symbol === 'span'
    )
    expect(spans.length).toBeGreaterThan(1)
    for (const s of spans)
      expect(s.code).not.toMatch(/import \{[^}]*\b(default|span)\b[^}]*\} from/)
    expect(spans.map((s) => s.code).join('\n')).toContain("import span from '../src/range'")
    const bits = f.specs
      .filter((s) => s.target.file === 'src/bits.ts')
      .map((s) => s.code)
      .join('\n')
    expect(bits).not.toContain("'0n'")
    expect(bits).toContain('args: [-1n, 1]')
    expect(bits).toContain('args: [0n, 1]')
  })

  it('marks a spec of todos only as plan-only, and one with a test as not', () => {
    expect(
      f.specs.some(
        (s) => s.planOnly === true && /it\.todo\(/.test(s.code) && !/\bexpect\(/.test(s.code)
      )
    ).toBe(true)
    for (const s of f.specs.filter((x) => x.planOnly)) expect(s.code).not.toMatch(/\bexpect\(/)
    expect(f.specs.some((s) => s.planOnly === false && /\bexpect\(/.test(s.code))).toBe(true)
  })

  it('loads every generated file in vitest, collected by the fixture config', async () => {
    const out = join(f.root, 'vitest-report.json')
    const result = await run(
      NODE,
      [bin('vitest/vitest.mjs'), 'run', '--reporter=json', `--outputFile=${out}`],
      f.root
    )
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      testResults: { name: string; status: string; message?: string; assertionResults: unknown[] }[]
    }
    const loaded = new Set(
      report.testResults
        .filter((r) => r.assertionResults.length > 0)
        .map((r) => r.name.slice(f.root.length + 1))
    )
    expectAllLoaded(
      f,
      loaded,
      `${result.stderr}\n${JSON.stringify(report.testResults.filter((r) => r.assertionResults.length === 0))}`
    )
  }, 120_000)
})

describe('mocha with chai, CommonJS, a .mocharc spec glob', () => {
  let f: PreparedFixture
  beforeAll(async () => {
    f = await prepareFixture('layout-mocha')
  }, 120_000)
  afterAll(() => f?.cleanup())

  it('is detected from the script and .mocharc, CommonJS with chai', () => {
    const layout = layoutOf(f)
    expect([
      layout.framework,
      layout.language,
      layout.moduleSystem,
      layout.assertion,
      layout.configFile
    ]).toEqual(['mocha', 'javascript', 'commonjs', 'chai', '.mocharc.yml'])
    expect(layout.collect.include).toEqual(['test/unit/**/*.spec.js'])
    // mocha's default interface: nothing to say, describe/it as before.
    expect(layout.mochaUi).toBeUndefined()
    for (const spec of f.specs) {
      expect(spec.fileName).toMatch(/^test\/unit\/.*\.spec\.js$/)
      expect(spec.code).not.toMatch(/^import /m)
      expect(spec.code).toMatch(/^describe\(/m)
    }
    const parse = f.specs.find((s) => s.planOnly === false && s.target.symbol === 'parseSize')
    expect(parse?.code).toContain("const { expect } = require('chai')")
    expect(parse?.code).toContain("require('../../lib/size.js')")
  })

  it('loads every generated file in mocha, collected by the fixture config', async () => {
    const result = await run(NODE, [bin('mocha/bin/mocha.js'), '--reporter', 'json'], f.root)
    let report: { tests: { file: string }[]; pending: { file: string }[] }
    try {
      report = JSON.parse(result.stdout) as typeof report
    } catch {
      throw new Error(
        `mocha did not load the files:\n${result.stdout.slice(0, 2000)}\n${result.stderr.slice(0, 2000)}`
      )
    }
    const loaded = new Set(
      [...report.tests, ...report.pending].map((t) => t.file.slice(f.root.length + 1))
    )
    expectAllLoaded(f, loaded, result.stderr)
  }, 120_000)
})

describe("mocha's tdd interface (suite/test/setup), its flag in a script the test script runs", () => {
  let f: PreparedFixture
  beforeAll(async () => {
    f = await prepareFixture('layout-mocha-tdd')
  }, 120_000)
  afterAll(() => f?.cleanup())

  it('is detected as tdd, and specs are written with suite/test', () => {
    const layout = layoutOf(f)
    expect([layout.framework, layout.mochaUi, layout.moduleSystem, layout.assertion]).toEqual([
      'mocha',
      'tdd',
      'commonjs',
      'node:assert'
    ])
    expect(layout.reason).toMatch(
      /the package.json test script \(through the unit script\) runs mocha with --ui tdd/
    )
    const executable = f.specs.filter((s) => s.planOnly === false)
    expect(executable.length).toBeGreaterThan(0)
    for (const spec of f.specs) {
      expect(spec.fileName).toMatch(/^test\/[^/]+\.test\.js$/)
      expect(spec.code).toMatch(/^suite\(/m)
      expect(spec.code).not.toMatch(/\b(describe|it)\(/)
    }
  })

  it('loads every generated file under `mocha -u tdd test`, as the project runs it', async () => {
    const result = await run(
      NODE,
      [bin('mocha/bin/mocha.js'), '-u', 'tdd', 'test', '--reporter', 'json'],
      f.root
    )
    let report: {
      tests: { file: string }[]
      pending: { file: string }[]
      failures: { file: string; fullTitle: string; err: { message: string } }[]
    }
    try {
      report = JSON.parse(result.stdout) as typeof report
    } catch {
      throw new Error(
        `mocha did not load the files:\n${result.stdout.slice(0, 2000)}\n${result.stderr.slice(0, 2000)}`
      )
    }
    const loaded = new Set(
      [...report.tests, ...report.pending].map((t) => t.file.slice(f.root.length + 1))
    )
    expectAllLoaded(f, loaded, result.stderr)
    // The project's own two tests are among them and pass; no generated file fails to load.
    expect(loaded.has('test/cli.test.js')).toBe(true)
    expect(report.failures.filter((x) => x.fullTitle.includes('hook'))).toEqual([])
  }, 120_000)
})

describe('jest with testMatch', () => {
  let f: PreparedFixture
  beforeAll(async () => {
    f = await prepareFixture('layout-jest')
  }, 120_000)
  afterAll(() => f?.cleanup())

  it('is detected from jest.config.js, and specs take the testMatch folder and name', () => {
    const layout = layoutOf(f)
    expect(f.facts.testConfigs).toEqual([
      { runner: 'jest', file: 'jest.config.js', include: ['<rootDir>/checks/**/*.check.js'] }
    ])
    expect([
      layout.framework,
      layout.language,
      layout.moduleSystem,
      layout.frameworkImport
    ]).toEqual(['jest', 'javascript', 'commonjs', 'globals'])
    for (const spec of f.specs) expect(spec.fileName).toMatch(/^checks\/.*\.check\.js$/)
  })

  it('loads every generated file in jest', async () => {
    const out = join(f.root, 'jest-report.json')
    const result = await run(
      NODE,
      [bin('jest/bin/jest.js'), '--ci', '--json', `--outputFile=${out}`],
      f.root
    )
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      testResults: {
        name: string
        testExecError?: unknown
        assertionResults: unknown[]
        message: string
      }[]
    }
    const loaded = new Set(
      report.testResults
        .filter((r) => !r.testExecError && r.assertionResults.length > 0)
        .map((r) => r.name.slice(f.root.length + 1))
    )
    expectAllLoaded(
      f,
      loaded,
      `${result.stderr}\n${report.testResults.map((r) => r.message).join('\n')}`
    )
  }, 120_000)
})

describe('node:test from the test script', () => {
  let f: PreparedFixture
  beforeAll(async () => {
    f = await prepareFixture('layout-node-test')
  }, 120_000)
  afterAll(() => f?.cleanup())

  it('is detected from `node --test test/`, ESM with node:assert', () => {
    const layout = layoutOf(f)
    expect(f.facts.testConfigs).toEqual([])
    expect([
      layout.framework,
      layout.language,
      layout.moduleSystem,
      layout.assertion,
      layout.importExtension
    ]).toEqual(['node:test', 'javascript', 'esm', 'node:assert', '.js'])
    expect(layout.runnerCommand).toEqual(['node', '--test'])
    for (const spec of f.specs) expect(spec.fileName).toMatch(/^test\/.*\.test\.js$/)
  })

  it('loads every generated file with node --test', async () => {
    const files = [...new Set(f.specs.map((s) => s.fileName))]
    const loaded = new Set<string>()
    const problems: string[] = []
    for (const file of files) {
      const result = await run(NODE, ['--test', '--test-reporter=junit', file], f.root)
      const doc = xml.parse(result.stdout) as {
        testsuites?: { testcase?: unknown; testsuite?: unknown }
      }
      // A file that does not load is reported as one failing test named after the file.
      const failedFile = result.stdout.includes(`name="${join(f.root, file)}"`)
      if (doc.testsuites && !failedFile) loaded.add(file)
      else problems.push(`${file}: ${result.stdout.slice(0, 600)} ${result.stderr.slice(0, 600)}`)
    }
    expectAllLoaded(f, loaded, problems.join('\n'))
  }, 120_000)
})

const PYTHON = process.env.TEST_PLANNING_PYTHON ?? 'python3'
const pytestCheck = spawnSync(PYTHON, ['-m', 'pytest', '--version'], { encoding: 'utf8' })
const pytestAvailable = pytestCheck.status === 0
if (!pytestAvailable) {
  const why = `pytest not found for ${PYTHON} (${pytestCheck.error?.message ?? pytestCheck.stderr.trim()})`
  // CI installs it (.ci/run sets TEST_PLANNING_PYTHON): there its absence is a failure, not a skip.
  if (process.env.TEST_PLANNING_PYTHON)
    throw new Error(`${why}; TEST_PLANNING_PYTHON is set, so pytest must be there`)
  console.warn(
    `\n\n*** SKIPPING the pytest load check in layout.test.ts: ${why}. Run .ci/run, or set TEST_PLANNING_PYTHON to a python with pytest. ***\n\n`
  )
}

describe('pytest with testpaths, python_files and a src layout', () => {
  let f: PreparedFixture
  beforeAll(async () => {
    f = await prepareFixture('layout-pytest')
  }, 120_000)
  afterAll(() => f?.cleanup())

  it('is detected from [tool.pytest.ini_options], importing the package by its name', () => {
    const layout = layoutOf(f)
    expect(f.facts.testConfigs).toEqual([
      { runner: 'pytest', file: 'pyproject.toml', include: ['tests'], pythonFiles: ['check_*.py'] }
    ])
    expect([layout.framework, layout.testDir, layout.naming, layout.pythonRoots]).toEqual([
      'pytest',
      'tests',
      { prefix: 'check_', suffix: '' },
      ['src']
    ])
    for (const spec of f.specs) expect(spec.fileName).toMatch(/^tests\/check_[a-z0-9_]+\.py$/)
    const code = f.specs.map((s) => s.code).join('\n')
    expect(code).toContain('from tallies.counting import')
    expect(code).not.toContain('spec_from_file_location')
    expect(code).not.toMatch(/from src\./)
  })

  it('skips specs of modules that need an optional package, as the project tests do', () => {
    // plotting.py imports tallyplot (an extra, importorskip'd by tests/check_plotting.py); report.py
    // imports plotting; fast.py imports tallyjson under `except ImportError` and tallyplot under
    // `if TYPE_CHECKING:`, and loads without either.
    expect(layoutOf(f).optionalImports).toEqual({
      'src/tallies/plotting.py': ['tallyplot'],
      'src/tallies/report.py': ['tallyplot']
    })
    const importing = (module: string) =>
      f.specs.filter((s) => s.code.includes(`from tallies.${module} import`))
    for (const module of ['plotting', 'report']) {
      expect(importing(module).length).toBeGreaterThan(0)
      for (const spec of importing(module)) {
        const lines = spec.code.split('\n')
        const skip = lines.indexOf("pytest.importorskip('tallyplot')")
        expect(skip).toBeGreaterThan(lines.indexOf('import pytest'))
        expect(skip).toBeLessThan(lines.findIndex((l) => l.startsWith(`from tallies.${module}`)))
      }
    }
    for (const module of ['fast', 'counting']) {
      expect(importing(module).length).toBeGreaterThan(0)
      for (const spec of importing(module)) expect(spec.code).not.toContain('importorskip')
    }
  })

  ;(pytestAvailable ? it : it.skip)(
    'loads every generated file in pytest, collected by the fixture config',
    async () => {
      const out = join(f.root, 'pytest.xml')
      // PYTHONPATH=src stands for the installed package (`pip install -e .`), as in the project's own CI.
      const result = await run(
        PYTHON,
        ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${out}`],
        f.root,
        { PYTHONPATH: 'src' }
      )
      const doc = xml.parse(readFileSync(out, 'utf8')) as {
        testsuites: { testsuite: { testcase?: unknown } }
      }
      const cases = list(
        doc.testsuites.testsuite.testcase as
          { classname: string; name: string; error?: unknown; skipped?: unknown }[] | undefined
      )
      // A file skipped as a whole (`pytest.importorskip` of an absent optional package) is collected,
      // and reported under its module name with an empty classname and `skipped`.
      const skippedFiles = cases.filter(
        (c) => c.classname === '' && c.skipped !== undefined && c.error === undefined
      )
      const broken = new Set(
        cases
          .filter((c) => (c.classname === '' && c.skipped === undefined) || c.error !== undefined)
          .map((c) => c.name)
      )
      const loaded = new Set(
        [
          ...cases
            .filter((c) => c.classname !== '')
            .map((c) => `${c.classname.split('.').slice(0, 2).join('/')}.py`),
          ...skippedFiles.map((c) => `${c.name.replace(/\./g, '/')}.py`)
        ].filter((file) => !broken.has(file.replace(/\//g, '.').replace(/\.py$/, '')))
      )
      // tallyplot is not installed anywhere: the specs of plotting.py and report.py skip, not error.
      expect(skippedFiles.map((c) => c.name).some((n) => n.includes('plotting'))).toBe(true)
      expectAllLoaded(f, loaded, `${result.stdout.slice(-3000)}\n${[...broken].join(', ')}`)
    },
    120_000
  )
})
