// Shapes judged false in session 10 round 5 (koa-router, concurrently, dayjs, Box, cookiecutter,
// flask-cors), each asserted absent beside a twin still reported, by file and line, through each
// perspective's real pipeline (docs/evaluation/judged.md, "Session 11").
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import testCoverage from '../../perspectives/test-coverage/index.js'
import type { Finding } from '../../perspectives/types.js'
import { checkRun, runFixture } from './harness.js'

async function findings(
  perspective: Perspective<string, unknown>,
  files: Record<string, string>
): Promise<{ found: Finding[]; report: string }> {
  const result = await runFixture(perspective, files)
  expect(result.run.status).toBe('ok')
  expect(checkRun(result)).toEqual([])
  return { found: result.run.findings, report: result.run.report ?? '' }
}

/** `messageId file:line`, sorted. */
function rows(found: Finding[], file?: string): string[] {
  return found
    .filter((f) => file === undefined || f.file === file)
    .map((f) => `${f.messageId} ${f.file}:${f.startLine}`)
    .sort()
}

/** A function of complexity 4 over lines start..start+8. */
function branchy(name: string): string[] {
  return [
    `export function ${name}(a: number, b: number): number {`,
    '  let n = 0',
    '  if (a > 1) n += 1',
    '  if (b > 1) n += 2',
    '  if (a > b) n += 3',
    '  n += a',
    '  n += b',
    '  return n',
    '}'
  ]
}

/** An lcov record: every line of each function listed, run (1) or not (0). */
function lcov(records: { file: string; fns: { name: string; line: number; hits: number }[] }[]): string {
  const out: string[] = ['TN:']
  for (const r of records) {
    out.push(`SF:${r.file}`)
    for (const f of r.fns) out.push(`FN:${f.line},${f.name}`)
    for (const f of r.fns) out.push(`FNDA:${f.hits},${f.name}`)
    let found = 0
    let hit = 0
    for (const f of r.fns)
      for (let line = f.line + 1; line <= f.line + 7; line++) {
        out.push(`DA:${line},${f.hits}`)
        found++
        if (f.hits > 0) hit++
      }
    out.push(`LF:${found}`, `LH:${hit}`, 'end_of_record')
  }
  return out.join('\n') + '\n'
}

describe('judged in round 5: test-coverage, code left out of coverage or run out of process', () => {
  const pkg = JSON.stringify({
    name: 'runner',
    version: '1.0.0',
    bin: { runner: './dist/bin/runner.js' },
    devDependencies: { vitest: '^3.0.0' }
  })
  const base = {
    'package.json': pkg,
    'src/plan.ts': [...branchy('plan'), ...branchy('order')].join('\n') + '\n',
    'src/plan.spec.ts': "import { plan } from './plan'\nimport { it } from 'vitest'\nit('plans', () => { plan(1, 2) })\n",
    'bin/runner.ts': ['#!/usr/bin/env node', ...branchy('main')].join('\n') + '\n',
    'src/legacy.ts': [...branchy('legacy')].join('\n') + '\n'
  }
  const report = lcov([
    {
      file: 'src/plan.ts',
      fns: [
        { name: 'plan', line: 1, hits: 1 },
        { name: 'order', line: 10, hits: 0 }
      ]
    },
    { file: 'bin/runner.ts', fns: [{ name: 'main', line: 2, hits: 0 }] },
    { file: 'src/legacy.ts', fns: [{ name: 'legacy', line: 1, hits: 0 }] }
  ])

  it('a file outside vitest coverage.include, or under its exclude, is not "never ran"; an included unrun function is', async () => {
    // vitest.config.ts: include src/**/*.ts (bin/ outside), exclude src/legacy.ts. Absent: bin/runner.ts:2,
    // src/legacy.ts:1. Kept: src/plan.ts:10 (order never ran and the project measures it).
    const config = [
      "import { defineConfig } from 'vitest/config'",
      'export default defineConfig({',
      "  test: { coverage: { include: ['src/**/*.ts'], exclude: ['src/legacy.ts'] } }",
      '})',
      ''
    ].join('\n')
    const { found, report: text } = await findings(
      testCoverage as Perspective<string, unknown>,
      { ...base, 'vitest.config.ts': config, 'coverage/lcov.info': report }
    )
    expect(rows(found).filter((r) => r.startsWith('uncoveredFunction'))).toEqual([
      'uncoveredFunction src/plan.ts:10'
    ])
    expect(text).toContain('excluded from coverage by the project')
  })

  it('without the configuration all three are gaps (the twin of the case above)', async () => {
    const { found } = await findings(testCoverage as Perspective<string, unknown>, {
      ...base,
      'coverage/lcov.info': report
    })
    expect(rows(found).filter((r) => r.startsWith('uncoveredFunction'))).toEqual([
      'uncoveredFunction bin/runner.ts:2',
      'uncoveredFunction src/legacy.ts:1',
      'uncoveredFunction src/plan.ts:10'
    ])
  })

  it('a bin a test bundles and spawns is not "never ran"; package.json c8 exclude leaves a file out', async () => {
    // bin/runner.spec.ts builds bin/runner.ts with esbuild and spawns node on the bundle (concurrently's
    // shape): the report's zero is not measured. package.json#c8 excludes src/legacy.ts.
    const spec = [
      "import { spawnSync } from 'child_process'",
      "import { buildSync } from 'esbuild'",
      "import path from 'path'",
      "import { it } from 'vitest'",
      "it('runs', () => {",
      "  buildSync({ entryPoints: [path.join(__dirname, 'runner.ts')], bundle: true, outfile: '/tmp/r.js' })",
      "  spawnSync('node', ['/tmp/r.js'])",
      '})',
      ''
    ].join('\n')
    const { found } = await findings(testCoverage as Perspective<string, unknown>, {
      ...base,
      'package.json': JSON.stringify({ ...JSON.parse(pkg), c8: { exclude: ['src/legacy.ts'] } }),
      'bin/runner.spec.ts': spec,
      'coverage/lcov.info': report
    })
    expect(rows(found).filter((r) => r.startsWith('uncoveredFunction'))).toEqual([
      'uncoveredFunction src/plan.ts:10'
    ])
  })
})

describe('judged in round 5: test-coverage, Python', () => {
  const body = (name: string): string[] => [
    `def ${name}(a, b):`,
    '    n = 0',
    '    if a > 1:',
    '        n += 1',
    '    if b > 1:',
    '        n += 2',
    '    if a > b:',
    '        n += 3',
    '    return n'
  ]
  function coverageJson(files: Record<string, { run: number[]; missing: number[] }>): string {
    const out: Record<string, unknown> = {}
    for (const [file, { run, missing }] of Object.entries(files))
      out[file] = {
        executed_lines: run,
        missing_lines: missing,
        excluded_lines: [],
        summary: { covered_lines: run.length, num_statements: run.length + missing.length }
      }
    return JSON.stringify({
      meta: { format: 2, version: '7.4.4', branch_coverage: false },
      files: out,
      totals: {}
    })
  }
  const files = {
    'pyproject.toml': '[project]\nname = "pkg"\nversion = "1.0"\n',
    'pkg/__init__.py': '',
    'pkg/cli.py': [...body('main'), '', "if __name__ == '__main__':", '    main(1, 2)', ''].join('\n'),
    'pkg/compat.py': body('shim').join('\n') + '\n',
    'pkg/core.py': body('work').join('\n') + '\n',
    'tests/test_cli.py': [
      'import subprocess',
      'import sys',
      '',
      'def test_cli():',
      "    subprocess.run([sys.executable, '-m', 'pkg.cli'], check=True)",
      ''
    ].join('\n'),
    'coverage.json': coverageJson({
      'pkg/cli.py': { run: [1], missing: [2, 3, 4, 5, 6, 7, 8, 9, 11, 12] },
      'pkg/compat.py': { run: [1], missing: [2, 3, 4, 5, 6, 7, 8, 9] },
      'pkg/core.py': { run: [1], missing: [2, 3, 4, 5, 6, 7, 8, 9] }
    })
  }

  it('a module run by `python -m` in a subprocess, and one under coverage.py omit, are no gaps; an unrun module is', async () => {
    // .coveragerc omits pkg/compat.py; tests/test_cli.py runs pkg.cli through subprocess.run. Kept: pkg/core.py:1.
    const { found } = await findings(testCoverage as Perspective<string, unknown>, {
      ...files,
      '.coveragerc': '[run]\nomit =\n    */compat.py\n'
    })
    expect(rows(found).filter((r) => r.startsWith('uncoveredFunction'))).toEqual([
      'uncoveredFunction pkg/core.py:1'
    ])
  })

  it('the twin: no omit and no subprocess test, all three are gaps', async () => {
    const { found } = await findings(testCoverage as Perspective<string, unknown>, {
      ...files,
      'tests/test_cli.py': 'def test_nothing():\n    assert True\n'
    })
    expect(rows(found).filter((r) => r.startsWith('uncoveredFunction'))).toEqual([
      'uncoveredFunction pkg/cli.py:1',
      'uncoveredFunction pkg/compat.py:1',
      'uncoveredFunction pkg/core.py:1'
    ])
  })
})
