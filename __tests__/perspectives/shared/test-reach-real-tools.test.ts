// Coverage reports made by the real tools, read by the shared reach: node's own test coverage (lcov,
// with a `node:coverage ignore next` function) and coverage.py (JSON, with `# pragma: no cover` and a
// configured exclude_lines). What ran is covered, what did not is not-run, what the project excludes is
// excluded - never untested.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { reachFacts } from '../../../perspectives/shared/test-reach.js'
import { buildModel } from '../../../src/model/build.js'
import type { ModuleModel } from '../../../src/model/types.js'
import { collectFacts } from '../../../src/repo/facts.js'
import { loadRepository } from '../../../src/repo/loader.js'

const PYTHON = process.env.TEST_PLANNING_PYTHON ?? 'python3'

function write(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
}

async function reachIn(root: string, path: string): Promise<Record<string, string>> {
  const repo = await loadRepository(root, {})
  const model = await buildModel(repo, await collectFacts(repo, {}))
  const module = model.modules.find((m) => m.path === path) as ModuleModel
  const facts = reachFacts(model)
  return Object.fromEntries(
    module.functions.map((fn) => [fn.qualifiedName, facts.functionReach(module, fn)])
  )
}

function hasCoveragePy(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import coverage, pytest'], { stdio: 'ignore' })
    return true
  } catch {
    // CI installs both (.ci/run sets TEST_PLANNING_PYTHON): there their absence is a failure.
    if (process.env.TEST_PLANNING_PYTHON)
      throw new Error('TEST_PLANNING_PYTHON is set, so coverage and pytest must be installed there')
    return false
  }
}

describe('shared test reach on reports the real tools write', () => {
  it("node's test coverage (lcov): ran, never ran, and a function under node:coverage ignore", async () => {
    const root = mkdtempSync(join(tmpdir(), 'reach-node-'))
    try {
      write(root, {
        'lib/calc.js': [
          'function used(a) {',
          '  return a + 1',
          '}',
          '/* node:coverage ignore next 3 */',
          'function ignored(a) {',
          '  return a - 1',
          '}',
          'function never(a) {',
          '  return a * 2',
          '}',
          'module.exports = { used, ignored, never }',
          ''
        ].join('\n'),
        'test/calc.test.js':
          "const test = require('node:test')\nconst assert = require('node:assert')\nconst { used } = require('../lib/calc.js')\ntest('used', () => assert.strictEqual(used(1), 2))\n"
      })
      mkdirSync(join(root, 'coverage'))
      execFileSync(
        process.execPath,
        [
          '--test',
          '--experimental-test-coverage',
          '--test-reporter=lcov',
          '--test-reporter-destination=coverage/lcov.info',
          'test/calc.test.js'
        ],
        {
          cwd: root,
          stdio: 'ignore'
        }
      )
      expect(existsSync(join(root, 'coverage/lcov.info'))).toBe(true)
      expect(await reachIn(root, 'lib/calc.js')).toEqual({
        used: 'covered',
        ignored: 'excluded',
        never: 'not-run'
      })
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  }, 60_000)

  it('coverage.py (JSON): ran, never ran, # pragma: no cover, and exclude_lines from the project configuration', async () => {
    if (!hasCoveragePy()) return
    const root = mkdtempSync(join(tmpdir(), 'reach-py-'))
    try {
      write(root, {
        'pyproject.toml':
          '[tool.coverage.report]\nexclude_lines = ["pragma: no cover", "raise NotImplementedError"]\n',
        'calc/__init__.py': '',
        'calc/ops.py': [
          'def used(a):',
          '    return a + 1',
          '',
          'def never(a):',
          '    return a * 2',
          '',
          'def debug(a):  # pragma: no cover',
          '    print(a)',
          '',
          'class Shape:',
          '    def area(self):',
          '        raise NotImplementedError',
          ''
        ].join('\n'),
        'tests/test_ops.py':
          'from calc.ops import used\n\ndef test_used():\n    assert used(1) == 2\n'
      })
      const env = { ...process.env, PYTHONPATH: root, PYTHONDONTWRITEBYTECODE: '1' }
      execFileSync(
        PYTHON,
        [
          '-m',
          'coverage',
          'run',
          '--source=calc',
          '-m',
          'pytest',
          '-q',
          '-p',
          'no:cacheprovider',
          'tests'
        ],
        { cwd: root, env, stdio: 'ignore' }
      )
      execFileSync(PYTHON, ['-m', 'coverage', 'json', '-o', 'coverage.json'], {
        cwd: root,
        env,
        stdio: 'ignore'
      })
      rmSync(join(root, '.coverage'), { force: true })
      expect(await reachIn(root, 'calc/ops.py')).toEqual({
        used: 'covered',
        never: 'not-run',
        debug: 'excluded',
        'Shape.area': 'excluded'
      })
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  }, 60_000)
})
