// pytest `python_files` that names a file rather than a pattern (`tests.py`, as voluptuous sets it):
// every spec is a folder of its own holding a file of that exact name, and the folders are packages
// (`__init__.py`) so the same basenames do not clash; real pytest collects all of them from the fixture's
// own config (__tests__/fixtures/layout-pytest-exact). Several patterns: the first with a `*` names specs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import type { RepositoryFacts } from '../../src/model/types.js'
import { pythonLayout } from '../../src/specs/layout-python.js'
import { packageInits } from '../../src/specs/python-packages.js'
import { prepareFixture, run, type PreparedFixture } from './layout-fixture.js'

const PYTHON = process.env.TEST_PLANNING_PYTHON ?? 'python3'
const pytestAvailable =
  spawnSync(PYTHON, ['-m', 'pytest', '--version'], { encoding: 'utf8' }).status === 0

describe('pytest python_files = "tests.py" (no wildcard)', () => {
  let f: PreparedFixture
  beforeAll(async () => {
    f = await prepareFixture('layout-pytest-exact')
  }, 120_000)
  afterAll(() => f?.cleanup())

  it('puts each spec in a folder of its own under testpaths, in a file named tests.py', () => {
    const layout = f.target.layout
    expect(layout?.exactFile).toBe('tests.py')
    expect(layout?.testDir).toBe('gauges/tests')
    expect(layout?.notes.join(' ')).toContain('python_files (tests.py) names files, not a pattern')
    const files = f.specs.map((s) => s.fileName)
    expect(files.length).toBeGreaterThan(3)
    for (const file of files) expect(file).toMatch(/^gauges\/tests\/test_[a-z0-9_]+\/tests\.py$/)
    // One folder per spec file: the folder names are distinct.
    expect(new Set(files.map((p) => p.split('/')[2])).size).toBe(new Set(files).size)
    // The writer made each folder a package; the project's own tests/__init__.py is left alone.
    for (const file of new Set(files))
      expect(existsSync(join(f.root, file.replace(/tests\.py$/, '__init__.py')))).toBe(true)
  })

  ;(pytestAvailable ? it : it.skip)(
    'loads every generated file under the project config (python_files and testpaths)',
    async () => {
      const out = join(f.root, 'pytest.xml')
      const result = await run(
        PYTHON,
        ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${out}`],
        f.root
      )
      const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' })
      const doc = xml.parse(readFileSync(out, 'utf8')) as {
        testsuites: { testsuite: { errors: string; testcase?: unknown } }
      }
      const raw = doc.testsuites.testsuite.testcase as
        | { classname: string; error?: unknown }[]
        | { classname: string; error?: unknown }
        | undefined
      const cases = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]
      expect(Number(doc.testsuites.testsuite.errors)).toBe(0)
      // `gauges.tests.test_x.tests` -> gauges/tests/test_x/tests.py
      const loaded = new Set(
        cases
          .filter((c) => c.error === undefined)
          .map((c) => `${c.classname.replace(/\./g, '/')}.py`)
      )
      expect(loaded.has('gauges/tests/tests.py')).toBe(true)
      const missing = [...new Set(f.specs.map((s) => s.fileName))].filter((p) => !loaded.has(p))
      expect({ missing, out: missing.length > 0 ? result.stdout.slice(-2000) : '' }).toEqual({
        missing: [],
        out: ''
      })
    },
    120_000
  )
})

describe('python_files with several patterns, and the package files', () => {
  const facts = (pythonFiles: string[]): RepositoryFacts =>
    ({
      manifests: [],
      testConfigs: [{ runner: 'pytest', file: 'pytest.ini', pythonFiles }]
    }) as unknown as RepositoryFacts

  it('names specs by the first pattern with a wildcard, whatever its place', () => {
    const layout = pythonLayout(facts(['tests.py', 'check_*.py']), [])
    expect(layout.exactFile).toBeUndefined()
    expect(layout.naming).toEqual({ prefix: 'check_', suffix: '' })
    const suffixed = pythonLayout(facts(['*_spec.py', 'test_*.py']), [])
    expect(suffixed.naming).toEqual({ prefix: '', suffix: '_spec' })
  })

  it('uses the first file name when no pattern has a wildcard', () => {
    expect(pythonLayout(facts(['tests.py', 'checks.py']), []).exactFile).toBe('tests.py')
    expect(pythonLayout(facts(['test_*.py']), []).exactFile).toBeUndefined()
    expect(pythonLayout(facts([]), []).naming).toEqual({ prefix: 'test_', suffix: '' })
  })

  it('asks for an __init__.py only where Python spec basenames clash, never over an existing one', () => {
    expect(
      packageInits(
        ['t/test_a/tests.py', 't/test_b/tests.py', 't/test_c.py', 'x/a.test.ts', 'y/a.test.ts'],
        (p) => p === 't/test_b/__init__.py'
      )
    ).toEqual(['t/test_a/__init__.py'])
    expect(packageInits(['tests/test_a.py', 'tests/test_b.py'])).toEqual([])
  })
})
