// Shapes judged false in session 10 round 5 (koa-router, concurrently, dayjs, Box, cookiecutter,
// flask-cors), each asserted absent beside a twin still reported, by file and line, through each
// perspective's real pipeline (docs/evaluation/judged.md, "Session 11").
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import dataIntegrity from '../../perspectives/data-integrity/index.js'
import edgeCases from '../../perspectives/edge-cases/index.js'
import performance from '../../perspectives/performance/index.js'
import userExperience from '../../perspectives/user-experience/index.js'
import security from '../../perspectives/security/index.js'
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
function lcov(
  records: { file: string; fns: { name: string; line: number; hits: number }[] }[]
): string {
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
    'src/plan.spec.ts':
      "import { plan } from './plan'\nimport { it } from 'vitest'\nit('plans', () => { plan(1, 2) })\n",
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
    const { found, report: text } = await findings(testCoverage as Perspective<string, unknown>, {
      ...base,
      'vitest.config.ts': config,
      'coverage/lcov.info': report
    })
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

describe('found on fecha (session 11): test-coverage, a build the tests load', () => {
  it('the source and the other build of code whose UMD build the tests run are not "never ran"; what the run build left unrun is', async () => {
    // The tests require lib/dates.umd.js (alpha and beta ran, gamma did not); src/dates.ts and lib/dates.js
    // are the same functions, never loaded. Kept: lib/dates.umd.js:19 (gamma). Absent: every line of the others.
    const js = (name: string) =>
      branchy(name).map((l) => l.replace(/: number/g, '').replace(/^export /, ''))
    const body = ['alpha', 'beta', 'gamma']
    const src = body.flatMap((n) => branchy(n)).join('\n') + '\n'
    const built =
      body.flatMap((n) => js(n)).join('\n') + '\nmodule.exports = { alpha, beta, gamma }\n'
    const esm = body.flatMap((n) => js(n)).join('\n') + '\nexport { alpha, beta, gamma }\n'
    const fns = (hits: number[]) =>
      body.map((name, i) => ({ name, line: 1 + 9 * i, hits: hits[i] }))
    const { found } = await findings(testCoverage as Perspective<string, unknown>, {
      'package.json': JSON.stringify({
        name: 'dates',
        version: '1.0.0',
        main: 'lib/dates.umd.js',
        module: 'lib/dates.js'
      }),
      'src/dates.ts': src,
      'lib/dates.umd.js': built,
      'lib/dates.js': esm,
      'test.js': "const d = require('./lib/dates.umd')\nd.alpha(1, 2)\nd.beta(2, 1)\n",
      'coverage/lcov.info': lcov([
        { file: 'lib/dates.umd.js', fns: fns([1, 1, 0]) },
        { file: 'lib/dates.js', fns: fns([0, 0, 0]) },
        { file: 'src/dates.ts', fns: fns([0, 0, 0]) }
      ])
    })
    expect(rows(found).filter((r) => r.startsWith('uncoveredFunction'))).toEqual([
      'uncoveredFunction lib/dates.umd.js:19'
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
    'pkg/cli.py': [...body('main'), '', "if __name__ == '__main__':", '    main(1, 2)', ''].join(
      '\n'
    ),
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

describe('judged in round 5: security secrets', () => {
  it('a header name given to a *_CREDENTIALS constant is not a secret; a random value under that name is', async () => {
    // flask-cors's ACL_CREDENTIALS = 'Access-Control-Allow-Credentials' (judged false). Absent: 1, 2
    // (an environment variable's name). Kept: 3 (a random-looking value).
    const { found } = await findings(security as Perspective<string, unknown>, {
      'pkg/__init__.py': '',
      'pkg/headers.py': [
        "ACL_CREDENTIALS = 'Access-Control-Allow-Credentials'",
        "TOKEN_VARIABLE_SECRET = 'DEPLOY_SERVICE_ACCOUNT_TOKEN'",
        "CLIENT_CREDENTIALS = 'q8Zr4vLx9wKpE2mNs7YbT3'",
        ''
      ].join('\n')
    })
    expect(rows(found, 'pkg/headers.py')).toEqual(['hardcodedSecret pkg/headers.py:3'])
  })
})

describe('judged in round 5: performance', () => {
  it('a "seen" Set whose keys every caller passes as a literal is bounded; one keyed by outside data is not', async () => {
    // concurrently's assertDeprecated: deprecations.add(name), every call names a flag literally.
    // Absent: src/assert.ts:1. Kept: src/seen.ts:1 (the key is a request's id).
    const { found } = await findings(performance as Perspective<string, unknown>, {
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0' }),
      'src/assert.ts': [
        'const deprecations = new Set<string>()',
        'export function assertDeprecated(check: boolean, name: string, message: string): void {',
        '  if (!check && !deprecations.has(name)) {',
        '    console.warn(`${name} is deprecated. ${message}`)',
        '    deprecations.add(name)',
        '  }',
        '}',
        ''
      ].join('\n'),
      'src/index.ts': [
        "import { assertDeprecated } from './assert'",
        'export function run(options: { killOthers?: boolean; separator?: string }): void {',
        "  assertDeprecated(options.killOthers === undefined, 'killOthers', 'Use killOthersOn.')",
        "  assertDeprecated(options.separator === undefined, 'name-separator', 'Use commas.')",
        '}',
        ''
      ].join('\n'),
      'src/seen.ts': [
        'const seenCache = new Set<string>()',
        'export function remember(request: { id: string }): boolean {',
        '  if (seenCache.has(request.id)) return false',
        '  seenCache.add(request.id)',
        '  return true',
        '}',
        ''
      ].join('\n')
    })
    expect(rows(found).filter((r) => r.startsWith('unboundedCollection'))).toEqual([
      'unboundedCollection src/seen.ts:1'
    ])
  })

  it('a search inside a 24-iteration loop or over a list filtered to two literals is linear; over an input list it is O(n·m)', async () => {
    // dayjs's meridiemMatch (for i = 1..24: input.indexOf(...)) and concurrently's kill-others
    // (conditions filtered to 'failure'/'success', then conditions.includes(state) per command).
    // Absent: 4, 13. Kept: 21 (names.includes over every row).
    const { found } = await findings(performance as Perspective<string, unknown>, {
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0' }),
      'src/search.js': [
        'export function meridiemMatch(input, meridiem) {',
        '  let afternoon',
        '  for (let i = 1; i <= 24; i += 1) {',
        '    if (input.indexOf(meridiem(i)) > -1) {',
        '      afternoon = i > 12',
        '      break',
        '    }',
        '  }',
        '  return afternoon',
        '}',
        'export function closing(states, wanted) {',
        "  const conditions = wanted.filter((c) => c === 'failure' || c === 'success')",
        '  return states.filter((state) => conditions.includes(state))',
        '}',
        'export function pick(rows, names) {',
        '  const out = []',
        '  for (const row of rows) {',
        '    const value = row.value',
        '    const other = row.other',
        '    if (other) out.push(other)',
        '    if (names.includes(row.name)) out.push(value)',
        '  }',
        '  return out',
        '}',
        ''
      ].join('\n')
    })
    expect(rows(found).filter((r) => r.startsWith('searchInLoop'))).toEqual([
      'searchInLoop src/search.js:21'
    ])
  })

  it('a backtracking pattern applied only to a format parameter is not reported; the same pattern on parsed input is', async () => {
    // dayjs's REGEX_FORMAT: `str.replace(C.REGEX_FORMAT, ...)` with `const str = formatStr || DEFAULT`,
    // and `format.match(tokens)` in makeParser(format). Absent: src/constant.js:1, src/parse.js:1.
    // Kept: src/parse.js:2 (the same shape matched against `input`).
    const { found } = await findings(performance as Perspective<string, unknown>, {
      'package.json': JSON.stringify({ name: 'dates', version: '1.0.0', main: 'src/index.js' }),
      'src/constant.js': 'export const REGEX_FORMAT = /\\[([^\\]]+)]|YYYY|MM|DD/g\n',
      'src/index.js': [
        "import * as C from './constant'",
        'export function format(date, formatStr) {',
        "  const str = formatStr || 'YYYY-MM-DD'",
        '  return str.replace(C.REGEX_FORMAT, (match, $1) => $1 || String(date[match]))',
        '}',
        ''
      ].join('\n'),
      'src/parse.js': [
        'const tokens = /(\\[[^\\]]+\\])|YYYY|MM/g',
        'const values = /(\\[[^\\]]+\\])|\\d{4}|\\d{2}/g',
        'export function makeParser(format) {',
        '  return format.match(tokens)',
        '}',
        'export function read(input) {',
        '  return input.match(values)',
        '}',
        ''
      ].join('\n')
    })
    expect(rows(found).filter((r) => r.startsWith('catastrophicRegex'))).toEqual([
      'catastrophicRegex src/parse.js:2'
    ])
  })
})

describe('judged in round 5: edge-cases', () => {
  it('a switch whose function the file registers only under its case keys is covered; one registered under a key it lacks is not', async () => {
    // dayjs's locale translate(number, withoutSuffix, key): relativeTime { s: translate, m: translate, ... }.
    // Absent: src/cs.js:3. Kept: src/sk.js:3 (registered under 'y', which no case handles).
    const translate = (extra: string) =>
      [
        'export function translate(number, withoutSuffix, key) {',
        '  const result = `${number} `',
        '  switch (key) {',
        "    case 's':",
        "      return withoutSuffix ? 'seconds' : 'second'",
        "    case 'm':",
        "      return result + 'minutes'",
        "    case 'h':",
        "      return result + 'hours'",
        '  }',
        '}',
        `export const locale = { relativeTime: { s: translate, m: translate, h: translate${extra} } }`,
        ''
      ].join('\n')
    const { found } = await findings(edgeCases as Perspective<string, unknown>, {
      'package.json': JSON.stringify({ name: 'dates', version: '1.0.0' }),
      'src/cs.js': translate(''),
      'src/sk.js': translate(', y: translate')
    })
    expect(rows(found).filter((r) => r.startsWith('switchWithoutDefault'))).toEqual([
      'switchWithoutDefault src/sk.js:3'
    ])
  })
})

describe('judged in round 5: user-experience', () => {
  it('a bare raise every caller catches is a signal between functions; one a caller lets through reaches the user', async () => {
    // Absent: pkg/prompt.py:5 (read_choice raises ValueError(), its only caller catches it and asks again).
    // Kept: pkg/prompt.py:17 (load_answers raises ValueError(), its caller does not catch it).
    const { found } = await findings(userExperience as Perspective<string, unknown>, {
      'pyproject.toml':
        '[project]\nname = "pkg"\nversion = "1.0"\n[project.scripts]\npkg = "pkg.prompt:main"\n',
      'pkg/__init__.py': '',
      'pkg/prompt.py': [
        'import sys',
        '',
        'def read_choice(text, options):',
        '    if text not in options:',
        '        raise ValueError()',
        '    return text',
        '',
        'def ask(options):',
        '    while True:',
        '        try:',
        '            return read_choice(input(), options)',
        '        except ValueError:',
        '            continue',
        '',
        'def load_answers(path):',
        '    if not path:',
        '        raise ValueError()',
        '    return open(path).read()',
        '',
        'def main():',
        '    answers = load_answers(sys.argv[1])',
        "    print(ask(['a', 'b']), answers)",
        ''
      ].join('\n')
    })
    expect(rows(found).filter((r) => r.startsWith('genericErrorMessage'))).toEqual([
      'genericErrorMessage pkg/prompt.py:17'
    ])
  })
})

describe('judged in round 5: data-integrity', () => {
  it('a serializer writing to the filename it is given is not a non-atomic write; a store writing its own file is', async () => {
    // Box's `_to_json(obj, filename=None)`: `if filename: open(filename, 'w')`. Absent: 6 (optional
    // filename), 12 (a to_ serializer's path). Kept: 19 (the module's own state file, built by the function).
    const { found } = await findings(dataIntegrity as Perspective<string, unknown>, {
      'pyproject.toml': '[project]\nname = "pkg"\nversion = "1.0"\n',
      'pkg/__init__.py': '',
      'pkg/convert.py': [
        'import json',
        'import os',
        '',
        'def _to_json(obj, filename=None):',
        '    if filename:',
        "        with open(filename, 'w') as f:",
        '            json.dump(obj, f)',
        '    else:',
        '        return json.dumps(obj)',
        '',
        'def to_text(obj, path):',
        "    with open(path, 'w') as f:",
        '        f.write(str(obj))',
        '',
        'class Store:',
        '    def save(self, data):',
        "        target = os.path.join(self.folder, 'state.json')",
        '        text = json.dumps(data)',
        "        with open(target, 'w') as f:",
        '            f.write(text)',
        ''
      ].join('\n')
    })
    expect(rows(found).filter((r) => r.startsWith('nonAtomicWrite'))).toEqual([
      'nonAtomicWrite pkg/convert.py:19'
    ])
  })
})
