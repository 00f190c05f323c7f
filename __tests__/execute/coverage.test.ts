// Coverage gain against the real runners: the project's own suite is measured once (V8 coverage for
// node:test, mocha and vitest; coverage.py for pytest), then each spec's first run; a spec calling
// code the suite never reaches gains, one repeating what the suite does gains nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { lastErrorLine, measureBaselines, type Baselines } from '../../src/execute/baseline.js'
import { openSession, runSpecFiles, type SpecFile } from '../../src/execute/validate.js'
import type { TestFramework } from '../../src/specs/types.js'
import { CI_PYTHON, fingerprint, fixtureWorkspace } from './workspace.js'

interface Case {
  fixture: string
  framework: TestFramework
  language: string
  /** The project's own suite: it calls bulkDiscount with a small quantity only. */
  suite: { path: string; code: string }
  /** A spec repeating the suite's call, one reaching the 100+ branch, one calling average. */
  specs: { same: string; branch: string; other: string }
  path: (name: string) => string
}

type JsFramework = 'node:test' | 'mocha' | 'vitest' | 'jest'

const JS_SPEC = (framework: JsFramework, call: string, expected: string) => {
  const imports =
    framework === 'jest'
      ? "import { it, expect } from '@jest/globals'\n"
      : framework === 'node:test'
        ? "import { it } from 'node:test'\nimport assert from 'node:assert/strict'\n"
        : framework === 'vitest'
          ? "import { it, expect } from 'vitest'\n"
          : "import assert from 'node:assert/strict'\n"
  const check =
    framework === 'vitest' || framework === 'jest'
      ? `expect(${call}).toBe(${expected})`
      : `assert.equal(${call}, ${expected})`
  const from = framework === 'vitest' ? '../src/pricing' : '../src/pricing.js'
  return `${imports}import { bulkDiscount, average } from '${from}'\nit('x', () => { ${check} })\n`
}

const js = (
  fixture: string,
  framework: JsFramework,
  language: string,
  dir: string,
  ext: string
): Case => ({
  fixture,
  framework,
  language,
  suite: { path: `${dir}/suite${ext}`, code: JS_SPEC(framework, 'bulkDiscount(10)', '0') },
  specs: {
    same: JS_SPEC(framework, 'bulkDiscount(20)', '0'),
    branch: JS_SPEC(framework, 'bulkDiscount(150)', '0.1'),
    other: JS_SPEC(framework, 'average([2, 4])', '3')
  },
  path: (name) => `${dir}/${name}${ext}`
})

const PY = (call: string, expected: string) =>
  `from shop.pricing import bulk_discount, average\n\ndef test_x():\n    assert ${call} == ${expected}\n`

const CASES: Case[] = [
  js('node-test-js', 'node:test', 'javascript', 'test', '.test.js'),
  js('mocha-js', 'mocha', 'javascript', 'test', '.spec.js'),
  js('vitest-ts', 'vitest', 'typescript', '__tests__', '.test.ts'),
  js('jest-ts', 'jest', 'typescript', '__tests__', '.test.ts'),
  ...(CI_PYTHON
    ? [
        {
          fixture: 'pytest',
          framework: 'pytest' as const,
          language: 'python',
          suite: { path: 'tests/test_suite.py', code: PY('bulk_discount(10)', '0') },
          specs: {
            same: PY('bulk_discount(20)', '0'),
            branch: PY('bulk_discount(150)', '0.1'),
            other: PY('average([2, 4])', '3')
          },
          path: (name: string) => `tests/test_${name}.py`
        }
      ]
    : [])
]
if (!CI_PYTHON)
  console.warn('SKIPPED: pytest coverage gain needs TEST_PLANNING_PYTHON (.ci/run makes it)')

describe.each(CASES)('coverage gain with $framework', (c) => {
  let ws: { dir: string; remove(): Promise<void> }
  let before: Record<string, string>
  let baselines: Baselines
  let results: Awaited<ReturnType<typeof runSpecFiles>>['results']
  beforeAll(async () => {
    ws = await fixtureWorkspace(c.fixture, { git: true })
    await mkdir(join(ws.dir, c.suite.path, '..'), { recursive: true })
    await writeFile(join(ws.dir, c.suite.path), c.suite.code)
    if (c.framework === 'mocha')
      await writeFile(join(ws.dir, '.mocharc.json'), '{ "spec": ["test/suite.spec.js"] }\n')
    before = await fingerprint(ws.dir)
    const session = await openSession({
      workspace: ws.dir,
      perFileMs: 60_000,
      totalMs: 600_000,
      python: CI_PYTHON,
      needsPython: c.framework === 'pytest'
    })
    try {
      baselines = await measureBaselines(session, new Map([[c.framework, c.language]]), {
        budgetMs: 120_000
      })
      const files: SpecFile[] = (['same', 'branch', 'other'] as const).map((name) => ({
        id: name,
        path: c.path(name),
        code: c.specs[name],
        framework: c.framework,
        language: c.language
      }))
      results = (
        await runSpecFiles(session, files, {
          perFileMs: 60_000,
          totalMs: 600_000,
          runs: 1,
          coverage: baselines
        })
      ).results
    } finally {
      await session.dispose()
    }
  }, 300_000)
  afterAll(() => ws.remove())

  it("measures the project's suite once", () => {
    expect(baselines.missing.get(c.framework)).toBeUndefined()
    expect(baselines.maps.get(c.framework)?.files.size).toBeGreaterThan(0)
  })
  it('a spec repeating what the suite runs adds nothing', () => {
    expect(results.get('same')).toMatchObject({ status: 'passed', coverageGain: 0 })
  })
  it('a spec reaching a branch the suite never takes adds coverage', () => {
    expect(results.get('branch')?.status).toBe('passed')
    expect(results.get('branch')?.coverageGain).toBeGreaterThan(0)
  })
  it('a spec calling a function the suite never calls adds coverage', () => {
    expect(results.get('other')?.status).toBe('passed')
    expect(results.get('other')?.coverageGain).toBeGreaterThan(0)
  })
  it('the workspace is byte-identical afterwards', async () => {
    expect(await fingerprint(ws.dir)).toEqual(before)
  })
})

describe('a suite that fails without running the product is no baseline', () => {
  it("node --test over files it cannot load or that refuse to run (other runners' tests): coverage gain not measured, with why", async () => {
    const ws = await fixtureWorkspace('node-test-js', { git: true })
    try {
      await mkdir(join(ws.dir, 'test'), { recursive: true })
      // Written for a runner with a loader hook: node --test cannot resolve the folder import.
      await writeFile(join(ws.dir, 'test/index.test.js'), "import * as suites from './suites'\n")
      // Written for ava: it loads the module, then refuses to run outside the ava CLI.
      await writeFile(
        join(ws.dir, 'test/ava.test.js'),
        "import { bulkDiscount } from '../src/pricing.js'\nthrow new Error('Test files must be run with the AVA CLI: ' + typeof bulkDiscount)\n"
      )
      const session = await openSession({
        workspace: ws.dir,
        perFileMs: 60_000,
        totalMs: 600_000,
        needsPython: false
      })
      try {
        const baselines = await measureBaselines(session, new Map([['node:test', 'javascript']]), {
          budgetMs: 120_000
        })
        expect(baselines.maps.size).toBe(0)
        expect(baselines.missing.get('node:test')).toBe(
          "the project's suite, run with node:test, failed (exit code 1; its last error line: \"'test failed'\") without running any of the product's code, so coverage gain is not measured"
        )
      } finally {
        await session.dispose()
      }
    } finally {
      await ws.remove()
    }
  }, 120_000)
})

describe("coverage gain counts the product's code only", () => {
  it('a spec reaching only files that do not count adds nothing', async () => {
    const ws = await fixtureWorkspace('node-test-js', { git: true })
    try {
      const session = await openSession({
        workspace: ws.dir,
        perFileMs: 60_000,
        totalMs: 600_000,
        needsPython: false
      })
      try {
        // Here src/ stands for a test helper folder: nothing under it counts.
        const counts = (path: string): boolean => !path.startsWith('src/')
        const baselines = await measureBaselines(session, new Map([['node:test', 'javascript']]), {
          budgetMs: 120_000,
          counts
        })
        const { results } = await runSpecFiles(
          session,
          [
            {
              id: 'other',
              path: 'test/other.test.js',
              code: JS_SPEC('node:test', 'average([2, 4])', '3'),
              framework: 'node:test',
              language: 'javascript'
            }
          ],
          { perFileMs: 60_000, totalMs: 600_000, runs: 1, coverage: baselines }
        )
        expect(results.get('other')).toMatchObject({ status: 'passed', coverageGain: 0 })
      } finally {
        await session.dispose()
      }
    } finally {
      await ws.remove()
    }
  }, 120_000)
})

describe('coverage gain when the suite cannot be measured', () => {
  it('says why and leaves the gain null: the suite is too slow', async () => {
    const ws = await fixtureWorkspace('node-test-js', { git: true })
    try {
      await mkdir(join(ws.dir, 'test'), { recursive: true })
      await writeFile(
        join(ws.dir, 'test/slow.test.js'),
        "import { it } from 'node:test'\nit('waits', () => new Promise((r) => setTimeout(r, 60_000)))\n"
      )
      const session = await openSession({
        workspace: ws.dir,
        perFileMs: 60_000,
        totalMs: 600_000,
        needsPython: false
      })
      try {
        const baselines = await measureBaselines(session, new Map([['node:test', 'javascript']]), {
          budgetMs: 3_000
        })
        expect(baselines.maps.size).toBe(0)
        expect(baselines.missing.get('node:test')).toMatch(/did not finish within \d+ s/)
        const { results } = await runSpecFiles(
          session,
          [
            {
              id: 'a',
              path: 'test/a.test.js',
              code: JS_SPEC('node:test', 'bulkDiscount(150)', '0.1'),
              framework: 'node:test',
              language: 'javascript'
            }
          ],
          { perFileMs: 60_000, totalMs: 600_000, runs: 1, coverage: baselines }
        )
        expect(results.get('a')).toMatchObject({ status: 'passed', coverageGain: null })
      } finally {
        await session.dispose()
      }
    } finally {
      await ws.remove()
    }
  }, 120_000)
})

describe("a suite whose coverage cannot start says the runner's own words", () => {
  it('names the last error line (a coverage plugin the environment lacks)', () => {
    expect(
      lastErrorLine(
        'Traceback (most recent call last):\n  File "plugin_support.py", line 45\n    __import__(module)\nModuleNotFoundError: No module named \'covdefaults\'\n\n'
      )
    ).toBe("ModuleNotFoundError: No module named 'covdefaults'")
    expect(lastErrorLine('  \n')).toBeNull()
    expect(lastErrorLine('x'.repeat(300))).toHaveLength(200)
  })
  const pythonIt = CI_PYTHON ? it : it.skip
  pythonIt(
    'pytest under coverage.py whose project config names a plugin this environment lacks: measured with our settings',
    async () => {
      const ws = await fixtureWorkspace('pytest', { git: true })
      try {
        await mkdir(join(ws.dir, 'tests'), { recursive: true })
        await writeFile(join(ws.dir, 'tests/test_suite.py'), PY('bulk_discount(10)', '0'))
        await writeFile(join(ws.dir, '.coveragerc'), '[run]\nplugins = no_such_coverage_plugin\n')
        const session = await openSession({
          workspace: ws.dir,
          perFileMs: 60_000,
          totalMs: 600_000,
          python: CI_PYTHON,
          needsPython: true
        })
        try {
          const baselines = await measureBaselines(session, new Map([['pytest', 'python']]), {
            budgetMs: 120_000
          })
          expect(baselines.missing.get('pytest')).toBeUndefined()
          const map = baselines.maps.get('pytest')
          expect(map?.kind).toBe('python')
          expect([...(map?.files.keys() ?? [])]).toContain('shop/pricing.py')
        } finally {
          await session.dispose()
        }
      } finally {
        await ws.remove()
      }
    },
    120_000
  )
})
