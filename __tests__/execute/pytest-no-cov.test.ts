// python-stdnum's setup.cfg asks pytest-cov for coverage in addopts: every spec run would measure the whole
// package (observe20: 24 specs killed at their time limit), so spec runs add `--no-cov`. A project whose
// addopts only name a report, or none, is run as it is.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { addoptsMeasureCoverage, runnerCommand } from '../../src/execute/runners.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tp-nocov-'))
  dirs.push(dir)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

describe('pytest addopts that ask for coverage', () => {
  it.each([
    ['setup.cfg', '[tool:pytest]\naddopts =\n    --doctest-modules\n    --cov=stdnum\n', true],
    ['pyproject.toml', '[tool.pytest.ini_options]\naddopts = ["-ra", "--cov", "pkg"]\n', true],
    ['pytest.ini', '[pytest]\naddopts = -ra --cov-report=term\n', false],
    ['tox.ini', '[pytest]\naddopts = -ra --strict-markers\n', false]
  ])('%s: %j', async (name, text, expected) => {
    expect(await addoptsMeasureCoverage(project({ [name]: text }))).toBe(expected)
  })

  it('adds --no-cov to a spec run only where addopts measure coverage', async () => {
    const ctx = (root: string) => ({
      root,
      node: process.execPath,
      python: '/usr/bin/python3',
      reportPath: join(root, 'report.xml'),
      testTimeoutMs: 1000
    })
    const covered = project({ 'setup.cfg': '[tool:pytest]\naddopts = --cov=stdnum\n' })
    const plain = project({ 'setup.cfg': '[tool:pytest]\naddopts = -ra\n' })
    const withCov = await runnerCommand(
      'pytest',
      join(covered, 'test_a.py'),
      'python',
      ctx(covered)
    )
    const without = await runnerCommand('pytest', join(plain, 'test_a.py'), 'python', ctx(plain))
    expect('args' in withCov && withCov.args).toContain('--no-cov')
    expect('args' in without && without.args).not.toContain('--no-cov')
  })
})
