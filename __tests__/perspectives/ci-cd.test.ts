// Perspective 14 (ci-cd) on small repositories written for these tests: each planted CI problem is
// asserted by message id, file and line; clean and empty repositories give nothing; the workflow spec
// parses as YAML and uses the repository's own commands.
import { parse, parseDocument } from 'yaml'
import ciCd from '../../perspectives/ci-cd/index.js'
import { classifyScript } from '../../perspectives/ci-cd/commands.js'
import type { CiOptions } from '../../perspectives/ci-cd/options.js'
import { splitScript } from '../../perspectives/ci-cd/shell.js'
import { minimumOf } from '../../perspectives/ci-cd/versions.js'
import {
  checkRun,
  readFixture,
  runFixture,
  testPerspective,
  type Case,
  type Cases,
  type FixtureRun,
  type FixtureSettings
} from './harness.js'
import { findingAt } from './case-helpers.js'
import { editFile, shifted, without } from './edit-files.js'
import type { ExpectedFinding } from './harness-checks.js'

/**
 * The cases below assert every check, the hygiene ones too: they run with `hygiene: findings`. The default
 * (hygiene as a checklist in the report) has its own tests at the end.
 */
function asFindings(cases: Cases<CiOptions>): Cases<CiOptions> {
  const each = (c: Case<CiOptions>): Case<CiOptions> => ({
    ...c,
    options: { hygiene: 'findings', ...c.options }
  })
  return { ...cases, valid: cases.valid.map(each), invalid: cases.invalid.map(each) }
}

const runCi = (files: Record<string, string>, settings: FixtureSettings<CiOptions> = {}) =>
  runFixture(ciCd, files, { ...settings, options: { hygiene: 'findings', ...settings.options } })

const tsFixture = readFixture('ci-cd-ts')
const pyFixture = readFixture('ci-cd-py')

const finding = (result: FixtureRun, messageId: string, file: string | null = null) =>
  findingAt(result, messageId, file ?? undefined)

const workflowSpec = (result: FixtureRun) => {
  const spec = result.run.specs.find((s) => s.language === 'yaml')
  if (!spec)
    throw new Error(`no YAML spec; specs: ${result.run.specs.map((s) => s.title).join(' / ')}`)
  return spec
}

/** A well-run TypeScript repository: every check satisfied. */
const CLEAN_TS: Record<string, string> = {
  'package.json': JSON.stringify(
    {
      name: 'clean-ci',
      engines: { node: '>=20' },
      scripts: { test: 'vitest run --coverage', lint: 'eslint .', build: 'tsc -p .' },
      devDependencies: { typescript: '^5.9.0', vitest: '^3.0.0', eslint: '^9.0.0' }
    },
    null,
    2
  ),
  'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
  'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
  'src/greet.ts': 'export function greet(name: string): string {\n  return `hello ${name}`\n}\n',
  'test/greet.test.ts':
    "import { expect, it } from 'vitest'\nimport { greet } from '../src/greet.js'\n\nit('greets', () => expect(greet('a')).toBe('hello a'))\n",
  '.github/workflows/ci.yml': [
    'name: CI',
    'on:',
    '  push:',
    '    branches: [main]',
    '  pull_request:',
    'permissions:',
    '  contents: read',
    'concurrency:',
    '  group: ci-${{ github.ref }}',
    '  cancel-in-progress: true',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 15',
    '    strategy:',
    '      matrix:',
    "        node-version: [20, 22, 'lts/*']",
    '    steps:',
    '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5',
    '      - uses: pnpm/action-setup@a7487c7e89a18df4991f7f222e4898a00d66ddda # v4',
    '      - uses: actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 # v5',
    '        with:',
    '          node-version: ${{ matrix.node-version }}',
    '          cache: pnpm',
    '      - run: pnpm install --frozen-lockfile',
    '      - run: pnpm run lint',
    '      - run: pnpm run build',
    '      - run: pnpm test',
    '      - uses: codecov/codecov-action@5a1091511ad55cbe89839c7260b706298ca349f7 # v5',
    ''
  ].join('\n')
}

const PIN_CHECKOUT = '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5'
const PIN_NODE = [
  '      - uses: actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 # v5',
  '        with:',
  '          node-version: 22',
  '          cache: npm'
]

/**
 * Shapes seen in real repositories that are not problems (each gave a false finding before): type tests
 * named test:types, a test of a fixture package after `cd`, a release workflow on tags, pull request
 * workflows on labels or merges, a downstream project's tests in another repository's checkout, and
 * nightly tests, a second test job when one job measures coverage already. Everything else is clean, so
 * the run must find nothing.
 */
const REAL_SHAPES_TS: Record<string, string> = {
  'package.json': JSON.stringify(
    {
      name: 'shapes',
      engines: { node: '>=22' },
      scripts: {
        test: 'vitest run',
        'test:coverage': 'vitest run --coverage',
        'test:types': 'tsd',
        lint: 'eslint .'
      },
      devDependencies: { typescript: '^5.9.0', vitest: '^3.0.0', eslint: '^9.0.0', tsd: '^0.33.0' }
    },
    null,
    2
  ),
  'package-lock.json': '{ "lockfileVersion": 3 }\n',
  'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
  'src/greet.ts': 'export function greet(name: string): string {\n  return `hello ${name}`\n}\n',
  'test/greet.test.ts':
    "import { expect, it } from 'vitest'\nimport { greet } from '../src/greet.js'\n\nit('greets', () => expect(greet('a')).toBe('hello a'))\n",
  'test/bundle/package.json': JSON.stringify(
    {
      name: 'bundle-check',
      private: true,
      scripts: { test: 'node check.mjs', 'check-size': 'node size.mjs' }
    },
    null,
    2
  ),
  '.github/workflows/ci.yml': [
    'on: [push, pull_request]',
    'permissions:',
    '  contents: read',
    'concurrency:',
    '  group: ci-${{ github.ref }}',
    '  cancel-in-progress: true',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 15',
    '    steps:',
    PIN_CHECKOUT,
    ...PIN_NODE,
    '      - run: npm ci',
    '      - run: npm run lint',
    '      - run: npm run test:coverage',
    '      - uses: codecov/codecov-action@5a1091511ad55cbe89839c7260b706298ca349f7 # v5',
    // The test job above measures coverage; this leg on Windows need not.
    '  windows:',
    '    runs-on: windows-latest',
    '    timeout-minutes: 15',
    '    steps:',
    PIN_CHECKOUT,
    ...PIN_NODE,
    '      - run: npm ci',
    '      - run: npm test',
    '  types:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 10',
    '    steps:',
    PIN_CHECKOUT,
    ...PIN_NODE,
    '      - run: npm ci',
    '      - run: npm run test:types',
    '  bundle:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 10',
    '    steps:',
    PIN_CHECKOUT,
    ...PIN_NODE,
    '      - run: npm ci',
    '      - run: |',
    '          cd test/bundle && npm install',
    '          npm test',
    '          npm run check-size',
    ''
  ].join('\n'),
  '.github/workflows/release.yml': [
    'on:',
    '  push:',
    "    tags: ['v*']",
    'permissions:',
    '  contents: read',
    'jobs:',
    '  publish:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 10',
    '    steps:',
    PIN_CHECKOUT,
    '      - run: npm publish',
    ''
  ].join('\n'),
  '.github/workflows/labels.yml': [
    'on:',
    '  pull_request:',
    '    types: [labeled, closed]',
    '  pull_request_target:',
    '    types: [closed]',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  note:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 5',
    '    steps:',
    '      - run: echo "labelled"',
    ''
  ].join('\n'),
  '.github/workflows/downstream.yml': [
    'on: [push, pull_request]',
    'permissions:',
    '  contents: read',
    'concurrency: downstream-${{ github.ref }}',
    'jobs:',
    '  consumer:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 20',
    '    steps:',
    PIN_CHECKOUT,
    '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5',
    '        with:',
    '          repository: other-org/consumer',
    '          path: consumer',
    '      - working-directory: consumer',
    '        run: npm install && npm run e2e',
    '  whole-workspace:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 20',
    '    steps:',
    '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5',
    '        with:',
    '          repository: other-org/plugin',
    '      - run: npm install && npm test && npm run integration',
    ''
  ].join('\n'),
  '.github/workflows/nightly.yml': [
    'on:',
    '  schedule:',
    "    - cron: '0 3 * * *'",
    'permissions:',
    '  contents: read',
    'jobs:',
    '  random-order:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 30',
    '    steps:',
    PIN_CHECKOUT,
    ...PIN_NODE,
    '      - run: npm ci',
    '      - run: npx vitest run --sequence.shuffle',
    ''
  ].join('\n')
}

/** CLEAN_TS with its test script and workflow changed: for the coverage cases. */
function cleanWith(
  testScript: string,
  extra: Record<string, string>,
  dropUpload: boolean
): Record<string, string> {
  const pkg = JSON.parse(CLEAN_TS['package.json']) as { scripts: Record<string, string> }
  pkg.scripts.test = testScript
  const workflow = CLEAN_TS['.github/workflows/ci.yml']
    .split('\n')
    .filter((line) => !(dropUpload && line.includes('codecov')))
    .join('\n')
  return {
    ...CLEAN_TS,
    'package.json': JSON.stringify(pkg, null, 2),
    '.github/workflows/ci.yml': workflow,
    ...extra
  }
}

const TS_EXPECTED: ExpectedFinding[] = [
  { messageId: 'testsNotTriggered', file: '.github/workflows/ci.yml', line: 2 },
  { messageId: 'noConcurrency', file: '.github/workflows/ci.yml', line: 2 },
  { messageId: 'noPermissions', file: '.github/workflows/ci.yml', line: 2 },
  { messageId: 'noTimeout', file: '.github/workflows/ci.yml', line: 6 },
  { messageId: 'runtimeMinimumUntested', file: '.github/workflows/ci.yml', line: 10 },
  { messageId: 'unpinnedAction', file: '.github/workflows/ci.yml', line: 12 },
  { messageId: 'unpinnedAction', file: '.github/workflows/ci.yml', line: 13 },
  { messageId: 'noDependencyCache', file: '.github/workflows/ci.yml', line: 16 },
  { messageId: 'missingScript', file: '.github/workflows/ci.yml', line: 19 },
  { messageId: 'noCoverage', file: '.github/workflows/ci.yml', line: 20 },
  { messageId: 'writeAllPermissions', file: '.github/workflows/triage.yml', line: 6 },
  { messageId: 'pullRequestTargetCheckout', file: '.github/workflows/triage.yml', line: 15 },
  { messageId: 'scriptInjection', file: '.github/workflows/triage.yml', line: 19 },
  { messageId: 'unpinnedAction', file: '.github/workflows/triage.yml', line: 20 },
  { messageId: 'unpinnedAction', file: '.github/actions/setup/action.yml', line: 6 },
  { messageId: 'scriptInjection', file: '.github/actions/setup/action.yml', line: 7 },
  { messageId: 'lintNotRun', file: null, line: null },
  { messageId: 'typeCheckNotRun', file: null, line: null }
]
const PY_EXPECTED: ExpectedFinding[] = [
  {
    messageId: 'runtimeBelowSupported',
    file: '.github/workflows/python-tests.yml',
    line: 10
  },
  { messageId: 'coverageNotKept', file: '.github/workflows/python-tests.yml', line: 18 },
  { messageId: 'noDependencyCache', file: '.github/actions/python-deps/action.yml', line: 8 },
  { messageId: 'lintNotRun', file: null, line: null },
  { messageId: 'typeCheckNotRun', file: null, line: null }
]

const CI = '.github/workflows/ci.yml'
const TRIAGE = '.github/workflows/triage.yml'
const SETUP_ACTION = '.github/actions/setup/action.yml'
const PY_TESTS = '.github/workflows/python-tests.yml'
const PIN = '1111111111111111111111111111111111111111'

const UV_LINT_ONLY: Record<string, string> = {
  'pyproject.toml':
    '[project]\nname = "tool"\nrequires-python = ">=3.11"\n\n[tool.pytest.ini_options]\naddopts = "-q"\n',
  'uv.lock': 'version = 1\n',
  'tool/main.py': 'def run() -> int:\n    return 0\n',
  'tests/test_main.py': 'from tool.main import run\n\n\ndef test_run():\n    assert run() == 0\n',
  '.github/workflows/lint.yml': [
    'on: [push, pull_request]',
    'permissions:',
    '  contents: read',
    'concurrency: lint-${{ github.ref }}',
    'jobs:',
    '  ruff:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 5',
    '    steps:',
    '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8',
    '      - run: pipx run ruff check .',
    ''
  ].join('\n')
}

/** A Python project whose CI runs its tests through tox (or make): `run` is the workflow's command. */
const TESTS_YML = '.github/workflows/tests.yml'

/** Two jobs set up uv with its cache on; the second repeats the anchored step through an alias. */
const UV_ALIAS: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "tool"\nrequires-python = ">=3.10"\n',
  'uv.lock': 'version = 1\n',
  'tool/main.py': 'def run() -> int:\n    return 0\n',
  'tests/test_main.py': 'from tool.main import run\n\n\ndef test_run():\n    assert run() == 0\n',
  [TESTS_YML]: [
    'on: [push, pull_request]', //                                                 1
    'permissions:', //                                                             2
    '  contents: read', //                                                         3
    'concurrency: tests-${{ github.ref }}', //                                     4
    'jobs:', //                                                                    5
    '  lint:', //                                                                  6
    '    runs-on: ubuntu-latest', //                                               7
    '    timeout-minutes: 10', //                                                  8
    '    steps:', //                                                               9
    '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8', //  10
    '      - &setup-uv', //                                                        11
    '        name: Set up uv', //                                                  12
    '        uses: astral-sh/setup-uv@1111111111111111111111111111111111111111', // 13
    '        with:', //                                                            14
    '          enable-cache: true', //                                             15
    '      - run: uv sync --frozen', //                                            16
    '      - run: uv run ruff check . && uv run mypy tool', //                     17
    '  tests:', //                                                                 18
    '    runs-on: ubuntu-latest', //                                               19
    '    timeout-minutes: 10', //                                                  20
    '    steps:', //                                                               21
    '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8', //  22
    '      - *setup-uv', //                                                        23
    '      - run: uv sync --frozen', //                                            24
    '      - run: uv run pytest --cov=tool --cov-report=term-missing tests', //     25
    ''
  ].join('\n')
}

/** A release workflow whose build job calls a reusable workflow of the repository that sets `contents: read`. */
const REUSABLE_RELEASE: Record<string, string> = {
  'src/a.ts': 'export const a = 1\n',
  '.github/workflows/release.yml': [
    'on:',
    '  release:',
    '    types: [published]',
    'jobs:',
    '  build:',
    '    uses: ./.github/workflows/build.yml',
    '  publish:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 5',
    '    needs: [build]',
    '    permissions:',
    '      id-token: write',
    '    steps:',
    '      - run: echo publish',
    ''
  ].join('\n'),
  '.github/workflows/build.yml': [
    'on: workflow_call',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 5',
    '    steps:',
    '      - run: echo build',
    ''
  ].join('\n')
}

function throughTasks(run: string, extra: Record<string, string>): Record<string, string> {
  return {
    'pyproject.toml': '[project]\nname = "tool"\nrequires-python = ">=3.10"\n',
    'tool/main.py': 'def run() -> int:\n    return 0\n',
    'tests/test_main.py': 'from tool.main import run\n\n\ndef test_run():\n    assert run() == 0\n',
    '.github/workflows/tests.yml': [
      'on: [push, pull_request]', //                                  1
      'permissions:', //                                              2
      '  contents: read', //                                          3
      'concurrency: tests-${{ github.ref }}', //                      4
      'jobs:', //                                                     5
      '  tests:', //                                                  6
      '    runs-on: ubuntu-latest', //                                7
      '    timeout-minutes: 10', //                                   8
      '    strategy:', //                                             9
      '      matrix:', //                                             10
      '        toxenv: [py, flake8]', //                              11
      '    steps:', //                                                12
      '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8', // 13
      '      - uses: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065', // 14
      '        with:', //                                             15
      "          python-version: '3.10'", //                          16
      '          cache: pip', //                                      17
      '      - run: pip install tox ruff mypy', //                    18
      '      - run: ruff check . && mypy tool', //                    19
      `      - run: ${run}`, //                                       20
      ''
    ].join('\n'),
    ...extra
  }
}

/**
 * jsonschema's shape (round 9): CI lists the nox sessions in one job and runs each in a matrix; the sessions
 * measure coverage, type-check and lint. Nothing else in the workflow does.
 */
function throughNox(noxfile: string): Record<string, string> {
  return {
    'pyproject.toml': [
      '[project]',
      'name = "tool"',
      'requires-python = ">=3.10"',
      '',
      '[tool.ruff]',
      'line-length = 100',
      '',
      '[tool.mypy]',
      'strict = true',
      ''
    ].join('\n'),
    'tool/main.py': 'def run() -> int:\n    return 0\n',
    'tests/test_main.py': 'from tool.main import run\n\n\ndef test_run():\n    assert run() == 0\n',
    'noxfile.py': noxfile,
    '.github/workflows/tests.yml': [
      'on: [push, pull_request]', //                                  1
      'permissions:', //                                              2
      '  contents: read', //                                          3
      'concurrency: tests-${{ github.ref }}', //                      4
      'jobs:', //                                                     5
      '  list:', //                                                   6
      '    runs-on: ubuntu-latest', //                                7
      '    timeout-minutes: 5', //                                    8
      '    outputs:', //                                              9
      '      sessions: ${{ steps.list.outputs.sessions }}', //        10
      '    steps:', //                                                11
      '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8', // 12
      '      - id: list', //                                          13
      '        run: echo sessions=$(uvx nox --list-sessions --json) >> $GITHUB_OUTPUT', // 14
      '  tests:', //                                                  15
      '    needs: list', //                                           16
      '    runs-on: ubuntu-latest', //                                17
      '    timeout-minutes: 10', //                                   18
      '    strategy:', //                                             19
      '      matrix:', //                                             20
      '        session: ${{ fromJson(needs.list.outputs.sessions) }}', // 21
      '    steps:', //                                                22
      '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8', // 23
      '      - uses: astral-sh/setup-uv@1111111111111111111111111111111111111111', // 24
      '        with:', //                                             25
      '          enable-cache: true', //                              26
      '      - run: uvx nox -s "${{ matrix.session }}" -- coverage', // 27
      ''
    ].join('\n')
  }
}

/** A noxfile whose default sessions (through a local `session` wrapper) run coverage, mypy and ruff. */
const NOXFILE = [
  'import nox',
  '',
  'nox.options.sessions = []',
  '',
  '',
  'def session(default=True, **kwargs):',
  '    def _session(fn):',
  '        if default:',
  '            nox.options.sessions.append(kwargs.get("name", fn.__name__))',
  '        return nox.session(**kwargs)(fn)',
  '',
  '    return _session',
  '',
  '',
  '@session(python=["3.11", "3.12"])',
  '@nox.parametrize("extra", ["", "[format]"])',
  'def tests(session, extra):',
  '    session.install(f".{extra}", "pytest")',
  '    if session.posargs and session.posargs[0] == "coverage":',
  '        session.install("coverage[toml]")',
  '        session.run(',
  '            "coverage",',
  '            "run",',
  '            *session.posargs[1:],',
  '            "-m",',
  '            "pytest",',
  '            env={"X": "1"},',
  '        )',
  '    else:',
  '        session.run("pytest", *session.posargs)',
  '',
  '',
  '@session(tags=["typing"])',
  'def typing(session):',
  '    session.install("mypy")',
  '    session.run("mypy", "tool")',
  '',
  '',
  '@session(tags=["style"])',
  'def style(session):',
  '    session.install("ruff")',
  '    session.run("ruff", "check", "tool", "tests")',
  ''
].join('\n')

/** pycodestyle's shape: tox.ini's base environment measures coverage with coverage.py. */
const TOX_INI_COVERAGE = [
  '[tox]',
  'envlist = py, pypy3',
  '',
  '[testenv]',
  'deps =',
  '    coverage',
  '    pytest',
  'commands =',
  '    python -m tool --version',
  '    coverage run -m pytest tests',
  '    coverage report',
  '',
  '[testenv:flake8]',
  'skip_install = true',
  'deps = flake8',
  'commands =',
  '    flake8 tool',
  ''
].join('\n')

const NO_CI: Record<string, string> = {
  'package.json': '{ "name": "no-ci", "scripts": { "test": "node --test" } }\n',
  'src/a.js': 'export const a = 1\n',
  'test/a.test.js':
    "import test from 'node:test'\nimport { a } from '../src/a.js'\n\ntest('a', () => { if (a !== 1) throw new Error('a') })\n"
}

const TRAVIS_NODE = "language: node_js\nnode_js:\n  - '18'\n"

const LINT_ONLY: Record<string, string> = {
  'package.json': '{ "name": "lint-only", "scripts": { "test": "mocha", "lint": "eslint ." } }\n',
  'yarn.lock': '# yarn lockfile v1\n',
  'lib/x.js': 'module.exports = 1\n',
  'test/x.test.js':
    "const x = require('../lib/x')\nit('x', () => { if (x !== 1) throw new Error() })\n",
  '.gitlab-ci.yml': 'build:\n  script:\n    - yarn install\n',
  '.github/workflows/lint.yml': [
    'on: [push, pull_request]',
    'permissions: {}',
    'concurrency: lint-${{ github.ref }}',
    'jobs:',
    '  lint:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 5',
    '    steps:',
    '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8',
    '      - run: yarn lint',
    ''
  ].join('\n')
}

const BROKEN_YAML: Record<string, string> = {
  'src/a.ts': 'export const a = 1\n',
  '.github/workflows/broken.yml': 'on: push\njobs:\n  a: [\n'
}

/** Near misses of the TypeScript fixture: one problem fixed the way its message advises. */
const TS_NEAR_MISSES: {
  name: string
  files: Record<string, string>
  expected: ExpectedFinding[]
  check?: (result: FixtureRun) => void
}[] = [
  {
    name: 'TypeScript fixture near miss: the tests also run on pull_request',
    files: editFile(tsFixture, CI, [
      '    branches: [main]\n',
      '    branches: [main]\n  pull_request:\n'
    ]),
    expected: shifted(without(TS_EXPECTED, 'testsNotTriggered'), CI, 4, 1)
  },
  {
    name: 'TypeScript fixture near miss: the workflow has a concurrency group',
    files: editFile(tsFixture, CI, ['jobs:\n', 'concurrency: ci-${{ github.ref }}\njobs:\n']),
    expected: shifted(without(TS_EXPECTED, 'noConcurrency'), CI, 4, 1)
  },
  {
    name: 'TypeScript fixture near miss: the workflow reads contents only',
    files: editFile(tsFixture, CI, ['jobs:\n', 'permissions:\n  contents: read\njobs:\n']),
    expected: shifted(without(TS_EXPECTED, 'noPermissions'), CI, 4, 2)
  },
  {
    // One finding a workflow, not one a job (round 6's judges: "the same point repeated for every job").
    name: 'TypeScript fixture: two jobs without a timeout are one finding, at the test job',
    files: editFile(tsFixture, CI, [
      'jobs:\n',
      'jobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo docs\n'
    ]),
    expected: shifted(TS_EXPECTED, CI, 5, 4),
    check: (result) =>
      expect(finding(result, 'noTimeout').message).toContain(
        'Jobs docs and test in .github/workflows/ci.yml set no `timeout-minutes`, so a hung test'
      )
  },
  {
    name: 'TypeScript fixture near miss: the test job has a timeout',
    files: editFile(tsFixture, CI, [
      '    runs-on: ubuntu-latest\n',
      '    runs-on: ubuntu-latest\n    timeout-minutes: 15\n'
    ]),
    expected: shifted(without(TS_EXPECTED, 'noTimeout'), CI, 7, 1)
  },
  {
    name: 'TypeScript fixture near miss: the matrix tests the supported minimum, Node.js 18',
    files: editFile(tsFixture, CI, ['node: [20, 22]', 'node: [18, 20, 22]']),
    expected: without(TS_EXPECTED, 'runtimeMinimumUntested')
  },
  {
    // Readers' problems of judged rounds 9-11 (sade's Node 6-14, needle's 4-18, query-string's 18-20): the
    // newest version CI tests is past its end of life (FIXED_NOW is 2026-01-01: Node 18 ended 2025-04-30).
    name: 'TypeScript fixture: the matrix ends at Node.js 18, past its end of life',
    files: editFile(
      // needle's `18.x` is a concrete major, not an alias that follows releases.
      editFile(tsFixture, CI, ['node: [20, 22]', 'node: [18.x, 14, 16]']),
      'package.json',
      ['"node": ">=18"', '"node": ">=14"']
    ),
    expected: [
      ...without(TS_EXPECTED, 'runtimeMinimumUntested'),
      { messageId: 'runtimeNewestEnded', file: CI, line: 10 }
    ],
    check: (result) => {
      const ended = finding(result, 'runtimeNewestEnded')
      expect(ended.title).toBe(
        'Node.js 18, the newest version CI tests, reached its end of life on 2025-04-30'
      )
      expect(ended.message).toContain('set up only 14, 16, 18. Node.js 18 has had no fixes')
      expect(ended.message).toContain('(Node.js 20 and newer) are never tested')
    }
  },
  {
    name: 'TypeScript fixture near miss: the old matrix also tests lts/*',
    files: editFile(
      editFile(tsFixture, CI, ['node: [20, 22]', "node: [14, 16, 18, 'lts/*']"]),
      'package.json',
      ['"node": ">=18"', '"node": ">=14"']
    ),
    expected: without(TS_EXPECTED, 'runtimeMinimumUntested')
  },
  {
    name: 'TypeScript fixture near miss: the package supports only Node.js below 19',
    files: editFile(
      editFile(tsFixture, CI, ['node: [20, 22]', 'node: [14, 16, 18]']),
      'package.json',
      ['"node": ">=18"', '"node": ">=14 <19"']
    ),
    expected: without(TS_EXPECTED, 'runtimeMinimumUntested')
  },
  {
    name: 'TypeScript fixture near miss: every action pinned to a commit SHA',
    files: editFile(
      editFile(
        editFile(
          tsFixture,
          CI,
          ['actions/checkout@v4', `actions/checkout@${PIN} # v4`],
          ['actions/setup-node@v4', `actions/setup-node@${PIN} # v4`]
        ),
        TRIAGE,
        ['some-org/labeler@main', `some-org/labeler@${PIN}`]
      ),
      SETUP_ACTION,
      ['third-party/setup-tools@v1', `third-party/setup-tools@${PIN} # v1`]
    ),
    expected: without(TS_EXPECTED, 'unpinnedAction')
  },
  {
    name: 'TypeScript fixture near miss: setup-node caches npm',
    files: editFile(tsFixture, CI, [
      '          node-version: ${{ matrix.node }}\n',
      '          node-version: ${{ matrix.node }}\n          cache: npm\n'
    ]),
    expected: shifted(without(TS_EXPECTED, 'noDependencyCache'), CI, 15, 1)
  },
  {
    name: 'TypeScript fixture near miss: the build script CI runs is in package.json',
    files: editFile(tsFixture, 'package.json', [
      '"typecheck": "tsc --noEmit"',
      '"typecheck": "tsc --noEmit",\n    "build": "node scripts/build.mjs"'
    ]),
    expected: without(TS_EXPECTED, 'missingScript')
  },
  {
    name: 'TypeScript fixture near miss: the triage workflow asks for the two scopes it writes',
    files: editFile(tsFixture, TRIAGE, [
      'permissions: write-all\n',
      'permissions:\n  issues: write\n  pull-requests: write\n'
    ]),
    expected: shifted(without(TS_EXPECTED, 'writeAllPermissions'), TRIAGE, 6, 2)
  },
  {
    name: 'TypeScript fixture near miss: pull_request_target checks out the base, not the pull request head',
    files: editFile(tsFixture, TRIAGE, [
      '        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n',
      ''
    ]),
    expected: shifted(without(TS_EXPECTED, 'pullRequestTargetCheckout'), TRIAGE, 15, -2)
  },
  {
    name: 'TypeScript fixture near miss: the titles reach the scripts through env',
    files: editFile(
      editFile(
        tsFixture,
        TRIAGE,
        [
          '      - name: Greet\n',
          '      - name: Greet\n        env:\n          TITLE: ${{ github.event.issue.title }}\n'
        ],
        ['echo "Title: ${{ github.event.issue.title }}"', 'echo "Title: $TITLE"']
      ),
      SETUP_ACTION,
      [
        '    - run: echo "${{ github.event.pull_request.title }}"\n',
        '    - run: echo "$TITLE"\n      env:\n        TITLE: ${{ github.event.pull_request.title }}\n'
      ]
    ),
    expected: shifted(without(TS_EXPECTED, 'scriptInjection'), TRIAGE, 16, 2)
  },
  {
    name: 'TypeScript fixture near miss: CI runs the lint script',
    files: editFile(tsFixture, CI, [
      '      - run: npm ci\n',
      '      - run: npm ci\n      - run: npm run lint\n'
    ]),
    expected: shifted(without(TS_EXPECTED, 'lintNotRun'), CI, 16, 1)
  },
  {
    // npm runs `pretest` before `npm test` by itself (validator.js lints there, round 6).
    name: 'TypeScript fixture near miss: the pretest script npm runs before the tests lints',
    files: editFile(tsFixture, 'package.json', [
      '"test": "jest",',
      '"pretest": "npm run lint",\n    "test": "jest",'
    ]),
    expected: without(TS_EXPECTED, 'lintNotRun')
  },
  {
    name: 'TypeScript fixture near miss: CI runs the typecheck script',
    files: editFile(tsFixture, CI, [
      '      - run: npm ci\n',
      '      - run: npm ci\n      - run: npm run typecheck\n'
    ]),
    expected: shifted(without(TS_EXPECTED, 'typeCheckNotRun'), CI, 16, 1)
  }
]

/** A Python project whose CI runs a checker over example files; line 25 names one that was deleted. */
const DELETED_EXAMPLE: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "fixer"\n[tool.pytest.ini_options]\ntestpaths = ["test"]\n',
  'fixer.py': 'def fix(text):\n    return text.strip()\n',
  'test/test_fixer.py':
    'from fixer import fix\n\n\ndef test_fix():\n    assert fix(" a ") == "a"\n',
  'test/check.py': 'import sys\nprint(sys.argv[1:])\n',
  'test/example.py': 'x = 1\n',
  '.github/workflows/ci.yml': [
    'on: [push, pull_request]',
    'permissions:',
    '  contents: read',
    'concurrency: ci-${{ github.ref }}',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 10',
    '    steps:',
    '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8',
    '      - uses: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065',
    '        with:',
    '          cache: pip',
    '      - run: python -m pip install pytest pytest-cov',
    '      - run: python -m pytest --cov=fixer --cov-report=xml',
    '      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02',
    '        with:',
    '          path: coverage.xml',
    '      - run: python test/check.py test/example.py > test/out.txt',
    '      - run: python fixer.py --out test/made.py',
    '      - run: |',
    '          python test/check.py test/made.py',
    '          python test/check.py dist/fixer.py',
    '          python test/check.py test/example.py',
    '          python test/check.py test/example_with_reduce.py',
    ''
  ].join('\n')
}

testPerspective<CiOptions>(
  ciCd,
  asFindings({
    valid: [
      {
        name: 'missingFile near miss: the example the checker runs on is in the repository',
        files: { ...DELETED_EXAMPLE, 'test/example_with_reduce.py': 'y = 2\n' }
      },
      { name: 'an empty repository has nothing to run', files: {} },
      {
        // dpath's tests.yml (judged round 11): an action runs tox, and tox.ini runs nose2.
        name: 'Python near miss: an action named for tox runs the tests',
        files: editFile(UV_LINT_ONLY, '.github/workflows/lint.yml', [
          '      - run: pipx run ruff check .\n',
          '      - run: pipx run ruff check .\n      - uses: ymyzk/run-tox-gh-actions@1111111111111111111111111111111111111111\n'
        ])
      },
      { name: 'a repository without source code needs no CI', files: { 'README.md': '# Notes\n' } },
      {
        name: 'a TypeScript repository with a good workflow',
        files: CLEAN_TS,
        check: (result) => {
          expect(result.run.specs).toEqual([])
          expect(result.run.metrics).toMatchObject({ workflows: 1, jobs: 1, steps: 8, testJobs: 1 })
          expect(result.run.report).toContain('No problems found')
        }
      },
      {
        name: 'real-world shapes that are not problems: type tests, fixture packages, tags, labels, other repositories, nightly runs',
        files: REAL_SHAPES_TS,
        check: (result) => {
          // The downstream jobs' three commands are read but kept apart: they build and test other repositories.
          expect(result.run.metrics).toMatchObject({
            workflows: 5,
            foreignCommands: 5,
            'findings.noCoverage': 0,
            'findings.missingScript': 0,
            'findings.noConcurrency': 0
          })
        }
      },
      {
        name: 'a TypeScript repository whose test fixtures are small Python projects',
        files: {
          ...CLEAN_TS,
          '__tests__/fixtures/shop-py/pyproject.toml':
            '[project]\nname = "shop"\nrequires-python = ">=3.9"\n',
          '__tests__/fixtures/shop-py/shop/cart.py': 'def total(items):\n    return sum(items)\n',
          '__tests__/fixtures/shop-py/tests/test_cart.py':
            'from shop.cart import total\n\n\ndef test_total():\n    assert total([1, 2]) == 3\n'
        },
        check: (result) => {
          const details = result.run.details as { project: { python: unknown } }
          expect(details.project.python).toBeNull()
        }
      },
      {
        name: 'a Python repository whose tests run in GitLab CI',
        files: {
          'app/core.py': 'def double(x):\n    return 2 * x\n',
          'tests/test_core.py':
            'from app.core import double\n\n\ndef test_double():\n    assert double(2) == 4\n',
          '.gitlab-ci.yml':
            'test:\n  image: python:3.12\n  script:\n    - pip install pytest\n    - python -m pytest -q\n'
        },
        check: (result) => {
          const details = result.run.details as {
            otherCi: { path: string; system: string; runs: string[] }[]
          }
          expect(details.otherCi).toEqual([
            { path: '.gitlab-ci.yml', system: 'gitlab-ci', runs: ['install', 'test'], error: null }
          ])
        }
      },
      {
        name: 'coverage switched on in vitest.config.ts and uploaded (near miss of coverageNotKept)',
        files: cleanWith(
          'vitest run',
          {
            'vitest.config.ts':
              "export default { test: { coverage: { enabled: true, provider: 'v8' } } }\n"
          },
          false
        )
      },
      {
        // Judged false on kleur and sirv (round 8): the Report step uploads with Codecov's bash uploader.
        name: "coverage uploaded by Codecov's uploader fetched in place (near miss of coverageNotKept)",
        files: editFile(throughTasks('coverage run -m pytest tests', {}), TESTS_YML, [
          '      - run: coverage run -m pytest tests\n',
          '      - run: coverage run -m pytest tests\n      - run: bash <(curl -s https://codecov.io/bash)\n'
        ])
      },
      {
        // uvicorn (round 8): `scripts/coverage` enforces a 100% gate; its body is not read, so nothing is claimed.
        name: 'coverage measured by a repository script the check does not read (near miss of coverageNotKept)',
        files: throughTasks('scripts/test && scripts/coverage', {
          'scripts/test': '#!/bin/sh -e\ncoverage run -m pytest tests\n',
          'scripts/coverage': '#!/bin/sh -e\ncoverage report --fail-under=100\n'
        })
      },
      {
        // isort (round 8): the second job repeats the anchored setup-uv step, cache on, through `- *setup-uv`.
        name: 'a cached setup step repeated through a YAML alias (near miss of noDependencyCache)',
        files: UV_ALIAS
      },
      {
        // isort (round 8): release.yml's build job calls build.yml, whose `permissions: contents: read` limit it.
        name: 'a job calling a local reusable workflow that limits its token (near miss of noPermissions)',
        files: REUSABLE_RELEASE
      },
      {
        name: "Python: CI runs the repository's own scripts (scripts/test, scripts/check), read by their names; coverage measured by the unread scripts/coverage.sh is not claimed lost (uvicorn, round 8)",
        files: {
          'pyproject.toml':
            '[project]\nname = "pkg"\nrequires-python = ">=3.10"\n\n[tool.pytest.ini_options]\naddopts = "-q"\n\n[tool.ruff]\nline-length = 100\n\n[tool.mypy]\nstrict = true\n',
          'pkg/core.py': 'def double(x: int) -> int:\n    return 2 * x\n',
          'tests/test_core.py':
            'from pkg.core import double\n\n\ndef test_double():\n    assert double(2) == 4\n',
          '.github/workflows/test-suite.yml': [
            'on:',
            '  push:',
            '    branches: [main]',
            '  pull_request:',
            'permissions:',
            '  contents: read',
            'concurrency: tests-${{ github.ref }}',
            'jobs:',
            '  tests:',
            '    runs-on: ubuntu-latest',
            '    timeout-minutes: 15',
            '    strategy:',
            '      matrix:',
            "        python-version: ['3.10', '3.13']",
            '    steps:',
            '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8',
            '      - uses: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065',
            '        with:',
            '          python-version: ${{ matrix.python-version }}',
            '          cache: pip',
            '      - run: scripts/install',
            '      - run: scripts/check',
            '      - run: ./scripts/test',
            '      - run: bash scripts/coverage.sh',
            ''
          ].join('\n')
        },
        // Before, the tests, the linter and the type checker were all reported as never run.
        check: (result) => {
          expect(result.run.metrics).toMatchObject({
            testJobs: 1,
            'findings.testCommandNotRun': 0,
            'findings.lintNotRun': 0,
            'findings.typeCheckNotRun': 0
          })
        }
      },
      {
        name: 'a TypeScript repository whose tests run in GitLab CI (near miss of noCi)',
        files: { ...NO_CI, '.gitlab-ci.yml': 'test:\n  script:\n    - npm ci\n    - npm test\n' }
      },
      {
        // Judged false on superagent (session 7): Travis runs `npm test` for `language: node_js` when the
        // file sets no `script`.
        name: 'a Travis file for node_js with no script runs npm test by default (near miss of otherCiNoTests)',
        files: { ...NO_CI, '.travis.yml': TRAVIS_NODE }
      },
      {
        name: 'the GitLab file runs the tests too (near miss of otherCiNoTests)',
        files: editFile(LINT_ONLY, '.gitlab-ci.yml', [
          '    - yarn install\n',
          '    - yarn install\n    - yarn test\n'
        ])
      }
    ],
    invalid: [
      {
        // autopep8 (judged round 7's reader): CI ran its checker on a deleted example and passed, checking
        // nothing. Files a step writes or an earlier step names, and build output, are not misses.
        name: 'missingFile: a CI step names an example file the repository no longer has',
        files: DELETED_EXAMPLE,
        expected: [{ messageId: 'missingFile', file: '.github/workflows/ci.yml', line: 25 }],
        check: (result) => {
          expect(finding(result, 'missingFile').title).toBe(
            '.github/workflows/ci.yml runs a command on test/example_with_reduce.py, which is not in the repository'
          )
        }
      },
      {
        name: 'TypeScript: every planted workflow problem',
        files: tsFixture,
        expected: TS_EXPECTED,
        check: (result) => {
          const missing = finding(result, 'missingScript')
          expect(missing.message).toContain('npm run build')
          expect(missing.message).toContain('it has: lint, test, typecheck')
          expect(missing.severity).toBe('high')
          const minimum = finding(result, 'runtimeMinimumUntested')
          expect(minimum.title).toBe(
            'Node.js 18 is supported but not tested in .github/workflows/ci.yml'
          )
          expect(minimum.message).toContain('the test jobs (test) set up only 20, 22')
          // First-party tags are low, a third-party branch is high, a third-party tag medium.
          const pins = result.run.findings.filter((f) => f.messageId === 'unpinnedAction')
          expect(pins.map((f) => [f.snippet?.trim(), f.severity])).toEqual([
            ['- uses: some-org/labeler@main', 'high'],
            ['- uses: third-party/setup-tools@v1', 'medium'],
            ['- uses: actions/checkout@v4', 'low'],
            ['- uses: actions/setup-node@v4', 'low']
          ])
          // Reached from a workflow triggered by issues/pull_request_target: critical.
          const injections = result.run.findings.filter((f) => f.messageId === 'scriptInjection')
          expect(injections.map((f) => f.severity)).toEqual(['critical', 'critical'])
          expect(injections.map((f) => f.title)).toEqual([
            'github.event.pull_request.title is expanded inside a script in .github/actions/setup/action.yml',
            'github.event.issue.title is expanded inside a script in .github/workflows/triage.yml'
          ])
          expect(finding(result, 'pullRequestTargetCheckout').cwe).toBe('CWE-829')
          expect(finding(result, 'testsNotTriggered').title).toBe(
            'Tests in .github/workflows/ci.yml do not run on pull_request'
          )
          expect(finding(result, 'typeCheckNotRun').confidence).toBe('low') // ts-jest checks the files tests import
          expect(result.run.metrics).toMatchObject({
            workflows: 2,
            jobs: 2,
            localActions: 1,
            'findings.unpinnedAction': 4,
            'findings.noCi': 0
          })
          expect(result.run.report).toContain(
            '| <code>.github/workflows/ci.yml</code> | push | 1 | install, tests | <code>npm test</code> |'
          )
        }
      },
      {
        name: 'tests without coverage: no flag, no config',
        files: cleanWith('vitest run', {}, false),
        expected: [{ messageId: 'noCoverage', file: '.github/workflows/ci.yml', line: 28 }],
        check: (result) => expect(finding(result, 'noCoverage').confidence).toBe('medium')
      },
      {
        name: 'coverage switched on in vitest.config.ts but never uploaded',
        files: cleanWith(
          'vitest run',
          {
            'vitest.config.ts':
              "export default { test: { coverage: { enabled: true, provider: 'v8' } } }\n"
          },
          true
        ),
        expected: [{ messageId: 'coverageNotKept', file: '.github/workflows/ci.yml', line: 28 }],
        check: (result) =>
          expect(finding(result, 'coverageNotKept').message).toContain(
            'with coverage on in vitest.config.ts'
          )
      },
      {
        name: "coverage switched on in the config file the test script names (serve's config/vitest.ts), never uploaded",
        files: cleanWith(
          'vitest run --config config/vitest.ts',
          { 'config/vitest.ts': 'export default { test: { coverage: { enabled: true } } }\n' },
          true
        ),
        expected: [{ messageId: 'coverageNotKept', file: '.github/workflows/ci.yml', line: 28 }],
        check: (result) =>
          expect(finding(result, 'coverageNotKept').message).toContain(
            'with coverage on in config/vitest.ts'
          )
      },
      {
        name: 'near miss: the config file the test script names leaves coverage off',
        files: cleanWith(
          'vitest run --config config/vitest.ts',
          { 'config/vitest.ts': "export default { test: { environment: 'node' } }\n" },
          true
        ),
        expected: [{ messageId: 'noCoverage', file: '.github/workflows/ci.yml', line: 28 }]
      },
      {
        name: 'Python: tox -e from a variable runs tox.ini environments that measure coverage, not uploaded',
        files: throughTasks('tox -e $TOXENV', { 'tox.ini': TOX_INI_COVERAGE }),
        expected: [{ messageId: 'coverageNotKept', file: '.github/workflows/tests.yml', line: 20 }]
      },
      {
        name: 'Python near miss: the tox environments run pytest without coverage',
        files: throughTasks('tox -e $TOXENV', {
          'tox.ini': TOX_INI_COVERAGE.replace(
            '    coverage run -m pytest tests\n    coverage report\n',
            '    pytest tests\n'
          )
        }),
        expected: [{ messageId: 'noCoverage', file: '.github/workflows/tests.yml', line: 20 }]
      },
      {
        name: "Python: tox's {envpython} -m pytest measures coverage through [pytest] addopts (--cov)",
        files: throughTasks('tox -e $TOXENV', {
          'tox.ini': [
            '[tox]',
            'envlist = py312',
            '[testenv]',
            'commands = {envpython} -m pytest {posargs:--verbose} tests',
            '[pytest]',
            'addopts = --disable-pytest-warnings',
            '    --cov-append --cov=tool',
            ''
          ].join('\n')
        }),
        expected: [{ messageId: 'coverageNotKept', file: '.github/workflows/tests.yml', line: 20 }]
      },
      {
        name: 'Python: `python -Im tox` (isolated mode joined with -m) runs tox too',
        files: throughTasks('python -Im tox -e $TOXENV', { 'tox.ini': TOX_INI_COVERAGE }),
        expected: [{ messageId: 'coverageNotKept', file: '.github/workflows/tests.yml', line: 20 }]
      },
      {
        name: 'Python near miss: [pytest] addopts without --cov',
        files: throughTasks('tox -e $TOXENV', {
          'tox.ini': [
            '[tox]',
            'envlist = py312',
            '[testenv]',
            'commands = {envpython} -m pytest {posargs:--verbose} tests',
            '[pytest]',
            'addopts = --disable-pytest-warnings',
            ''
          ].join('\n')
        }),
        expected: [{ messageId: 'noCoverage', file: '.github/workflows/tests.yml', line: 20 }]
      },
      {
        name: "Python: `tox run` runs pyproject's [tool.tox] env_list, whose base commands run pytest --cov",
        files: throughTasks('uv run --group dev tox run', {
          'pyproject.toml': [
            '[project]',
            'name = "tool"',
            'requires-python = ">=3.10"',
            '',
            '[tool.tox]',
            'env_list = ["py3.12", "typing"]',
            '',
            '[tool.tox.env_run_base]',
            'commands = [["pytest", "--cov=tool", "--basetemp={env_tmp_dir}"]]',
            '',
            '[tool.tox.env.typing]',
            'commands = [["mypy"]]',
            ''
          ].join('\n')
        }),
        expected: [{ messageId: 'coverageNotKept', file: '.github/workflows/tests.yml', line: 20 }]
      },
      {
        name: "Python near miss (werkzeug's shape): [tool.tox]'s base commands run pytest without coverage",
        files: throughTasks('uv run --group dev tox run', {
          'pyproject.toml': [
            '[project]',
            'name = "tool"',
            'requires-python = ">=3.10"',
            '',
            '[tool.tox]',
            'env_list = ["py3.12", "typing"]',
            '',
            '[tool.tox.env_run_base]',
            'commands = [["pytest", "-v", "--tb=short"]]',
            '',
            '[tool.tox.env.typing]',
            'commands = [["mypy"]]',
            ''
          ].join('\n')
        }),
        expected: [{ messageId: 'noCoverage', file: '.github/workflows/tests.yml', line: 20 }]
      },
      {
        name: "Python: nox runs the noxfile's sessions, which measure coverage, type-check and lint (jsonschema)",
        files: throughNox(NOXFILE),
        expected: [{ messageId: 'coverageNotKept', file: '.github/workflows/tests.yml', line: 27 }]
      },
      {
        name: 'Python near miss: the nox sessions run pytest only; listing the sessions runs nothing',
        files: throughNox(
          [
            'import nox',
            '',
            '',
            '@nox.session(python=["3.12"])',
            'def tests(session):',
            '    session.install(".", "pytest")',
            '    session.run("pytest", *session.posargs)',
            '',
            '',
            '@nox.session(name="typing", default=False)',
            'def types(session):',
            '    session.run("mypy", "tool")',
            ''
          ].join('\n')
        ),
        expected: [
          { messageId: 'noCoverage', file: '.github/workflows/tests.yml', line: 27 },
          { messageId: 'lintNotRun', file: null, line: null }
        ]
      },
      {
        name: 'Python: make test runs a recipe (and its prerequisite) that measures coverage',
        files: throughTasks('make test', {
          Makefile: [
            'PY := python3',
            '',
            '.PHONY: test install',
            'install:',
            '\t$(PY) -m pip install -e .',
            '',
            'test: install',
            '\t$(PY) -m pytest --cov=tool tests',
            ''
          ].join('\n')
        }),
        expected: [{ messageId: 'coverageNotKept', file: '.github/workflows/tests.yml', line: 20 }]
      },
      ...TS_NEAR_MISSES,
      {
        name: 'Python: reusable workflow and composite action',
        files: pyFixture,
        expected: PY_EXPECTED,
        check: (result) => {
          // The reusable workflow runs on its caller's push and pull_request: no trigger finding.
          const below = finding(result, 'runtimeBelowSupported')
          expect(below.title).toBe('Job pytest tests Python 3.8, below the supported 3.9')
          expect(finding(result, 'lintNotRun').message).toContain('`ruff check`')
          expect(finding(result, 'typeCheckNotRun').message).toContain('`mypy`')
        }
      },
      {
        // molten's shape (judged round 9): Python 3.6-3.9 tested, 3.9 ended 2025-10-31.
        name: 'Python fixture: the matrix ends at 3.9, past its end of life',
        files: editFile(pyFixture, PY_TESTS, ["['3.8', '3.11']", "['3.8', '3.9']"]),
        expected: [...PY_EXPECTED, { messageId: 'runtimeNewestEnded', file: PY_TESTS, line: 10 }]
      },
      {
        name: 'Python fixture near miss: the matrix starts at the supported 3.9',
        files: editFile(pyFixture, PY_TESTS, ["['3.8', '3.11']", "['3.9', '3.11']"]),
        expected: without(PY_EXPECTED, 'runtimeBelowSupported')
      },
      {
        name: 'Python: CI only lints, so pytest never runs (uv project)',
        files: UV_LINT_ONLY,
        expected: [{ messageId: 'testCommandNotRun', file: null, line: null }],
        check: (result) => {
          expect(finding(result, 'testCommandNotRun').message).toContain(
            'the repository has 1 Python test file'
          )
          const workflow = parse(workflowSpec(result).code) as {
            jobs: {
              python: {
                strategy: { matrix: Record<string, unknown[]> }
                steps: { uses?: string; run?: string }[]
              }
            }
          }
          expect(workflow.jobs.python.strategy.matrix['python-version']).toEqual(['3.11', '3.x'])
          expect(workflow.jobs.python.steps.map((s) => s.run ?? s.uses?.split('@')[0])).toEqual([
            'actions/checkout',
            'astral-sh/setup-uv',
            'uv sync --all-extras --all-groups',
            // pytest-cov is not a dependency of the project: uv adds it for the run.
            'uv run --with pytest-cov pytest --cov --cov-report=xml',
            'actions/upload-artifact'
          ])
        }
      },
      {
        name: 'uv project near miss: the workflow also runs pytest',
        files: editFile(UV_LINT_ONLY, '.github/workflows/lint.yml', [
          '      - run: pipx run ruff check .\n',
          '      - run: pipx run ruff check .\n      - uses: astral-sh/setup-uv@1111111111111111111111111111111111111111\n      - run: uv run pytest\n'
        ]),
        expected: [{ messageId: 'noCoverage', file: '.github/workflows/lint.yml', line: 13 }]
      },
      {
        name: 'Python: tests run on pull requests only',
        files: {
          'app/core.py': 'def double(x):\n    return 2 * x\n',
          'tests/test_core.py':
            'from app.core import double\n\n\ndef test_double():\n    assert double(2) == 4\n',
          'requirements-dev.txt': 'pytest\npytest-cov\n',
          '.github/workflows/pr.yml': [
            'name: PR checks',
            'on:',
            '  pull_request:',
            'permissions:',
            '  contents: read',
            'concurrency: pr-${{ github.ref }}',
            'jobs:',
            '  test:',
            '    runs-on: ubuntu-latest',
            '    timeout-minutes: 10',
            '    steps:',
            '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8',
            '      - uses: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065',
            '        with:',
            "          python-version: '3.x'",
            '          cache: pip',
            '      - run: pip install -r requirements-dev.txt',
            '      - run: python -m pytest --cov=app --cov-report=xml',
            '      - uses: codecov/codecov-action@5a1091511ad55cbe89839c7260b706298ca349f7',
            ''
          ].join('\n')
        },
        expected: [{ messageId: 'testsNotTriggered', file: '.github/workflows/pr.yml', line: 2 }],
        check: (result) => {
          const f = finding(result, 'testsNotTriggered')
          expect([f.severity, f.title]).toEqual([
            'medium',
            'Tests in .github/workflows/pr.yml do not run on push'
          ])
          expect(f.message).toContain('commits pushed straight to a branch')
          expect(workflowSpec(result).code).toContain(
            'run: python -m pip install -r requirements-dev.txt'
          )
        }
      },
      {
        name: 'a TypeScript repository without CI',
        files: NO_CI,
        expected: [{ messageId: 'noCi', file: null, line: null }],
        check: (result) => {
          const noCi = finding(result, 'noCi')
          expect(noCi.message).toContain('`npm test`')
          expect(noCi.where).toContain('.github/workflows/*.yml')
        }
      },
      {
        name: 'a Travis file for node_js whose own script runs no tests',
        files: { ...NO_CI, '.travis.yml': `${TRAVIS_NODE}script: node src/a.js\n` },
        expected: [
          { messageId: 'testCommandNotRun', file: null, line: null },
          { messageId: 'otherCiNoTests', file: null, line: null }
        ]
      },
      {
        name: 'a workflow that lints but never runs the tests, and a GitLab file that runs none',
        files: LINT_ONLY,
        expected: [
          { messageId: 'testCommandNotRun', file: null, line: null },
          { messageId: 'otherCiNoTests', file: null, line: null }
        ],
        check: (result) => {
          expect(finding(result, 'testCommandNotRun').title).toBe('No CI step runs `yarn test`')
          const spec = workflowSpec(result)
          expect(spec.code).toContain('yarn install --frozen-lockfile')
          expect(spec.code).toContain('run: npx --yes c8 --reporter=lcov --reporter=text yarn test') // mocha has no coverage flag
        }
      },
      {
        name: 'Jenkins runs the tests; pnpm scripts by bare name; a workspace script is not checked here',
        files: {
          'package.json':
            '{ "name": "jenkins", "scripts": { "test": "vitest run --coverage", "lint": "biome check ." } }\n',
          'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
          'src/a.ts': 'export const a = 1\n',
          'test/a.test.ts': "import { it } from 'vitest'\nit('a', () => {})\n",
          Jenkinsfile:
            "pipeline {\n  agent any\n  stages {\n    stage('test') {\n      steps {\n        sh 'pnpm install && pnpm test'\n      }\n    }\n  }\n}\n",
          '.github/workflows/checks.yml': [
            'on: [push, pull_request]',
            'permissions:',
            '  contents: read',
            'concurrency: checks-${{ github.ref }}',
            'jobs:',
            '  lint:',
            '    runs-on: ubuntu-latest',
            '    timeout-minutes: 5',
            '    steps:',
            '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8',
            '      - run: pnpm lint && pnpm --filter web run e2e',
            '      - run: pnpm run --if-present format',
            '      - run: pnpm run release',
            ''
          ].join('\n')
        },
        expected: [{ messageId: 'missingScript', file: '.github/workflows/checks.yml', line: 13 }],
        check: (result) => {
          const details = result.run.details as { otherCi: { path: string; runs: string[] }[] }
          expect(details.otherCi).toEqual([
            {
              path: 'Jenkinsfile',
              system: 'jenkins',
              runs: ['coverage', 'install', 'test'],
              error: null
            }
          ])
          expect(finding(result, 'missingScript').message).toContain('`pnpm run release`')
        }
      },
      {
        name: 'a self-repository reference ($/path) reaches the local action',
        files: {
          'src/a.ts': 'export const a = 1\n',
          '.github/actions/ci-setup/action.yml':
            'name: CI setup\nruns:\n  using: composite\n  steps:\n    - uses: someone/setup-thing@v2\n',
          '.github/workflows/self.yml': [
            'on: workflow_dispatch',
            'permissions: {}',
            'jobs:',
            '  setup:',
            '    runs-on: ubuntu-latest',
            '    timeout-minutes: 5',
            '    steps:',
            '      - uses: $/.github/actions/ci-setup',
            ''
          ].join('\n')
        },
        expected: [
          { messageId: 'unpinnedAction', file: '.github/actions/ci-setup/action.yml', line: 5 }
        ],
        check: (result) =>
          expect(finding(result, 'unpinnedAction').message).toContain('(called by job setup)')
      },
      {
        name: 'the second job without the aliased setup step installs without a cache',
        files: editFile(UV_ALIAS, TESTS_YML, ['      - *setup-uv\n', '']),
        expected: [{ messageId: 'noDependencyCache', file: TESTS_YML, line: 23 }]
      },
      {
        name: 'the called workflow sets no permissions: the calling workflow is open',
        files: editFile(REUSABLE_RELEASE, '.github/workflows/build.yml', [
          'permissions:\n  contents: read\n',
          ''
        ]),
        expected: [{ messageId: 'noPermissions', file: '.github/workflows/release.yml', line: 1 }]
      },
      {
        // uvicorn and isort (round 8): 'high' overstated where the job holds nothing, or for a release branch.
        name: 'a third-party branch ref is high only in a job holding a secret or write access',
        files: {
          'src/a.ts': 'export const a = 1\n',
          '.github/workflows/gate.yml': [
            'on:', //                                                      1
            '  release:', //                                               2
            '    types: [published]', //                                   3
            'permissions:', //                                             4
            '  contents: read', //                                         5
            'jobs:', //                                                    6
            '  gate:', //                                                  7
            '    runs-on: ubuntu-latest', //                               8
            '    timeout-minutes: 2', //                                   9
            '    steps:', //                                               10
            '      - uses: some-org/all-green@main', //                    11
            '  deploy:', //                                                12
            '    runs-on: ubuntu-latest', //                               13
            '    timeout-minutes: 2', //                                   14
            '    steps:', //                                               15
            '      - uses: some-org/deploy@main', //                       16
            '        with:', //                                            17
            '          token: ${{ secrets.DEPLOY_TOKEN }}', //               18
            '  publish:', //                                               19
            '    runs-on: ubuntu-latest', //                               20
            '    timeout-minutes: 2', //                                   21
            '    permissions:', //                                         22
            '      id-token: write', //                                    23
            '    steps:', //                                               24
            '      - uses: pypa/gh-action-pypi-publish@release/v1', //     25
            ''
          ].join('\n')
        },
        expected: [
          { messageId: 'unpinnedAction', file: '.github/workflows/gate.yml', line: 11 },
          { messageId: 'unpinnedAction', file: '.github/workflows/gate.yml', line: 16 },
          { messageId: 'unpinnedAction', file: '.github/workflows/gate.yml', line: 25 }
        ],
        check: (result) =>
          expect(
            [...result.run.findings]
              .sort((a, b) => (a.startLine ?? 0) - (b.startLine ?? 0))
              .map((f) => [f.startLine, f.severity, /a tag can be moved/.test(f.message)])
          ).toEqual([
            [11, 'medium', false],
            [16, 'high', false],
            [25, 'medium', true]
          ])
      },
      {
        name: 'a workflow that is not valid YAML',
        files: BROKEN_YAML,
        expected: [{ messageId: 'invalidWorkflow', file: '.github/workflows/broken.yml', line: 3 }]
      },
      {
        name: 'near miss: the flow sequence closed, so the workflow parses',
        files: editFile(BROKEN_YAML, '.github/workflows/broken.yml', ['  a: [\n', '  a: []\n']),
        expected: [
          { messageId: 'noConcurrency', file: '.github/workflows/broken.yml', line: 1 },
          { messageId: 'noPermissions', file: '.github/workflows/broken.yml', line: 1 }
        ]
      },
      {
        name: 'a pull_request title in run: on an unprivileged trigger is high',
        files: {
          'src/a.ts': 'export const a = 1\n',
          '.github/workflows/pr.yml': [
            'on: pull_request',
            'permissions:',
            '  contents: read',
            'concurrency: pr-${{ github.ref }}',
            'jobs:',
            '  echo:',
            '    runs-on: ubuntu-latest',
            '    timeout-minutes: 2',
            '    steps:',
            '      - run: echo ${{ github.head_ref }} ${{ github.sha }}',
            '      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea',
            '        with:',
            '          script: |',
            '            const title = "${{ github.event.pull_request.title }}"',
            '            console.log(title, "${{ github.event.pull_request.number }}")',
            ''
          ].join('\n')
        },
        expected: [
          { messageId: 'scriptInjection', file: '.github/workflows/pr.yml', line: 10 },
          { messageId: 'scriptInjection', file: '.github/workflows/pr.yml', line: 14 }
        ],
        check: (result) => {
          const [shell, script] = result.run.findings
          expect([shell.severity, shell.cwe, shell.title]).toEqual([
            'high',
            'CWE-94',
            'github.head_ref is expanded inside a script in .github/workflows/pr.yml'
          ])
          expect(script.message).toContain('straight into a github-script JavaScript')
          expect(script.message).toContain('whoever opens the pull request')
        }
      }
    ]
  })
)

describe('ci-cd specs', () => {
  test("the TypeScript workflow snippet parses and uses the repository's commands and versions", async () => {
    const result = await runCi(tsFixture)
    const spec = workflowSpec(result)
    expect(spec.fileName).toBe('.github/workflows/tests.yml') // ci.yml exists already
    const doc = parseDocument(spec.code)
    expect(doc.errors).toEqual([])
    const workflow = parse(spec.code) as {
      on: Record<string, unknown>
      permissions: Record<string, string>
      jobs: {
        node: {
          'timeout-minutes': number
          strategy: { matrix: Record<string, unknown[]> }
          steps: { uses?: string; run?: string; with?: Record<string, unknown> }[]
        }
      }
    }
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request'])
    expect(workflow.permissions).toEqual({ contents: 'read' })
    const job = workflow.jobs.node
    expect(job['timeout-minutes']).toBe(15)
    // engines ">=18" gives 18; the versions the repository tests already (20, 22) stay; lts/* follows new releases.
    expect(job.strategy.matrix['node-version']).toEqual([18, 20, 22, 'lts/*'])
    expect(job.steps.map((s) => s.run).filter(Boolean)).toEqual([
      'npm ci',
      'npm run lint',
      'npm run typecheck',
      'npm test -- --coverage'
    ])
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({
      cache: 'npm',
      'cache-dependency-path': 'package-lock.json'
    })
    // Tags with a comment asking to pin; never an invented SHA.
    expect(spec.code).not.toMatch(/[0-9a-f]{40}/)
    expect(
      spec.code.match(/# pin: replace the tag with the full 40-character commit SHA/g)?.length
    ).toBe(3)
    expect(spec.covers.length).toBeGreaterThan(5)
    expect(spec.priority).toBe('P1')
  })

  test("the snippet runs the repository's own coverage script and repeats no lint or type check that CI runs already", async () => {
    const files = cleanWith('vitest run', {}, false)
    const pkg = JSON.parse(files['package.json']) as { scripts: Record<string, string> }
    pkg.scripts['test:ci'] = 'vitest run --coverage --reporter=junit'
    pkg.scripts['test:watch'] = 'vitest --coverage'
    files['package.json'] = JSON.stringify(pkg, null, 2)
    const result = await runCi(files)
    expect(result.run.findings.map((f) => `${f.messageId}@${f.file}:${f.startLine}`)).toEqual([
      'noCoverage@.github/workflows/ci.yml:28'
    ])
    const spec = workflowSpec(result)
    expect(parseDocument(spec.code).errors).toEqual([])
    const workflow = parse(spec.code) as { jobs: { node: { steps: { run?: string }[] } } }
    // CI runs `pnpm run lint` and `pnpm run build` (tsc) already: the snippet adds only what is missing.
    expect(workflow.jobs.node.steps.map((s) => s.run).filter(Boolean)).toEqual([
      'pnpm install --frozen-lockfile',
      'pnpm run test:ci'
    ])
  })

  test('the Python workflow snippet installs, lints, type-checks and runs pytest with coverage', async () => {
    const result = await runCi(pyFixture)
    const spec = workflowSpec(result)
    const workflow = parse(spec.code) as {
      jobs: Record<
        string,
        { strategy: { matrix: Record<string, unknown[]> }; steps: { run?: string }[] }
      >
    }
    expect(Object.keys(workflow.jobs)).toEqual(['python'])
    expect(workflow.jobs.python.strategy.matrix['python-version']).toEqual(['3.9', '3.x'])
    expect(workflow.jobs.python.steps.map((s) => s.run).filter(Boolean)).toEqual([
      'python -m pip install -e .',
      'python -m pip install pytest pytest-cov ruff mypy',
      'ruff check .',
      'mypy .',
      'pytest --cov --cov-report=xml'
    ])
  })
})

describe('ci-cd stable ids and options', () => {
  test('finding ids do not change when lines move', async () => {
    const first = await runCi(tsFixture)
    const shifted = {
      ...tsFixture,
      '.github/workflows/ci.yml': `# a comment that moves every line down\n${tsFixture['.github/workflows/ci.yml']}`
    }
    const second = await runCi(shifted)
    expect(second.run.findings.map((f) => f.id).sort()).toEqual(
      first.run.findings.map((f) => f.id).sort()
    )
    const lines = (r: FixtureRun) =>
      r.run.findings.filter((f) => f.file === '.github/workflows/ci.yml').map((f) => f.startLine)
    expect(lines(second)).toEqual(lines(first).map((l) => (l === null ? null : l + 1)))
  })

  test('maxFindingsPerCheck caps each check and the metrics still count all', async () => {
    const result = await runCi(tsFixture, { options: { maxFindingsPerCheck: 1 } })
    expect(result.run.findings.filter((f) => f.messageId === 'unpinnedAction')).toHaveLength(1)
    expect(result.run.metrics['findings.unpinnedAction']).toBe(4)
  })

  test('first-party tags can be left out', async () => {
    const result = await runCi(tsFixture, { options: { reportFirstPartyTags: false } })
    expect(
      result.run.findings
        .filter((f) => f.messageId === 'unpinnedAction')
        .map((f) => f.snippet?.trim())
    ).toEqual(['- uses: some-org/labeler@main', '- uses: third-party/setup-tools@v1'])
  })

  test('stops before the perspective runs on a bad option, naming it, its value and what it accepts', async () => {
    // Options are checked against the schema before analyse: a ConfigurationError, not a failed run.
    await expect(runCi(tsFixture, { options: { maxFindingsPerCheck: -1 } })).rejects.toThrow(
      "perspectives.ci-cd.maxFindingsPerCheck: -1 is not accepted: ci-cd's option maxFindingsPerCheck takes a whole number of at least 0 (default 25)."
    )
  })
})

describe('ci-cd helpers', () => {
  const kinds = (script: string, scripts: Record<string, string> = {}) =>
    classifyScript(script, { scripts }).map((c) => [
      c.text,
      [...c.kinds].sort(),
      c.scripts.map((s) => s.name)
    ])

  test('commands are split at separators outside quotes and expressions, with continuations', () => {
    expect(
      splitScript(
        'npm ci && npm test\necho "a && b" ; pytest \\\n  --cov\nrun ${{ a || b }} | tee x'
      )
    ).toEqual([
      { lineIndex: 0, words: ['npm', 'ci'], text: 'npm ci' },
      { lineIndex: 0, words: ['npm', 'test'], text: 'npm test' },
      { lineIndex: 1, words: ['echo', 'a && b'], text: 'echo "a && b"' },
      { lineIndex: 1, words: ['pytest', '--cov'], text: 'pytest    --cov' },
      { lineIndex: 3, words: ['run', '${{', 'a', '||', 'b', '}}'], text: 'run ${{ a || b }}' },
      { lineIndex: 3, words: ['tee', 'x'], text: 'tee x' }
    ])
  })

  test('package scripts are followed to what they run', () => {
    const scripts = {
      ci: 'npm run lint && npm run cover',
      lint: 'eslint .',
      cover: 'c8 node --test',
      build: 'tsc -p .'
    }
    expect(kinds('npm run ci', scripts)).toEqual([
      ['npm run ci', ['coverage', 'lint', 'test'], ['ci']]
    ])
    expect(kinds('npm run build', scripts)).toEqual([['npm run build', ['typecheck'], ['build']]])
    expect(kinds('yarn jest --coverage')).toEqual([
      ['yarn jest --coverage', ['coverage', 'test'], []]
    ])
    expect(kinds('poetry run python -m pytest -q')).toEqual([
      ['poetry run python -m pytest -q', ['test'], []]
    ])
    expect(kinds('coverage run -m unittest discover')).toEqual([
      ['coverage run -m unittest discover', ['coverage', 'test'], []]
    ])
    expect(kinds('python -m pip install -e .[test]')).toEqual([
      ['python -m pip install -e .[test]', ['install'], []]
    ])
    expect(kinds('ruff format --check . && ruff check .')).toEqual([
      ['ruff format --check .', [], []],
      ['ruff check .', ['lint'], []]
    ])
    expect(kinds('npx tsc --version')).toEqual([['npx tsc --version', [], []]])
    // A script's body wins over its name: `test-docs` that builds the docs is no test; an unknown body falls back to the name.
    expect(
      kinds('pnpm run test-docs', {
        'test-docs': 'pnpm run docs-build',
        'docs-build': 'vitepress build'
      })
    ).toEqual([['pnpm run test-docs', [], ['test-docs']]])
    expect(kinds('npm run test:e2e', { 'test:e2e': 'node scripts/e2e.js' })).toEqual([
      ['npm run test:e2e', ['test'], ['test:e2e']]
    ])
    // Options with values before the wrapped command; tox environments named for a tool.
    expect(kinds('pipx run ruff check . && uvx mypy src')).toEqual([
      ['pipx run ruff check .', ['lint'], []],
      ['uvx mypy src', ['typecheck'], []]
    ])
    expect(kinds('uv run --locked --group dev tox run -e typing,style')).toEqual([
      ['uv run --locked --group dev tox run -e typing,style', ['lint', 'typecheck'], []]
    ])
    // tox 4 selects environments by factor (-f) or label (-m) too: structlog's typing job.
    expect(kinds('uvx --with tox-uv tox run -f typing')).toEqual([
      ['uvx --with tox-uv tox run -f typing', ['typecheck'], []]
    ])
    expect(kinds('tox run -m tests')).toEqual([['tox run -m tests', ['test'], []]])
    // A make target named for tests with coverage measures it (httpie's `make test-cover`).
    expect(kinds('make test-cover')).toEqual([['make test-cover', ['coverage', 'test'], []]])
    // Type tests (tsd, tstyche, a test:types script) check types; a test script that also runs them still runs tests.
    const typed = {
      'test:types': 'tstyche',
      'test:ci': 'npm run unit && npm run test:types',
      unit: 'borp'
    }
    expect(kinds('npm run test:types', typed)).toEqual([
      ['npm run test:types', ['typecheck'], ['test:types']]
    ])
    expect(kinds('npm run test:ci', typed)).toEqual([
      ['npm run test:ci', ['test', 'typecheck'], ['test:ci']]
    ])
    expect(kinds('npx tsd')).toEqual([['npx tsd', ['typecheck'], []]])
    // Make targets are read by their names too.
    expect(kinds('make typecheck && make -j2 lint && make test-no-cov')).toEqual([
      ['make typecheck', ['typecheck'], []],
      ['make -j2 lint', ['lint'], []],
      ['make test-no-cov', ['test'], []]
    ])
    // Other task runners' targets too, and the package scripts a parallel runner names (round 5: cookiecutter
    // lints through `just lint-check`; concurrently's CI runs `concurrently "pnpm:lint" "pnpm:test --coverage"`).
    expect(kinds('just lint-check && task type-check')).toEqual([
      ['just lint-check', ['lint'], []],
      ['task type-check', ['typecheck'], []]
    ])
    const parallel = { lint: 'eslint', test: 'vitest --project unit', build: 'tsc --build' }
    expect(
      kinds(
        'concurrently --prefix none --group "pnpm:build" "pnpm:lint" "pnpm:test --coverage"',
        parallel
      )
    ).toEqual([
      [
        'concurrently --prefix none --group "pnpm:build" "pnpm:lint" "pnpm:test --coverage"',
        ['lint', 'test', 'typecheck'],
        []
      ]
    ])
    expect(kinds('run-p lint test', parallel)).toEqual([['run-p lint test', ['lint', 'test'], []]])
    // A command concurrently runs that is not a package script is not read as one.
    expect(kinds('concurrently "node server.js" "echo lint"', parallel)).toEqual([
      ['concurrently "node server.js" "echo lint"', [], []]
    ])
    // Repository scripts are read by their names; their text is not in the model.
    const unread = (script: string) =>
      classifyScript(script, { scripts: {} }).map((c) => [[...c.kinds].sort(), c.unread ?? []])
    expect(
      unread('./scripts/test && bash ci/coverage.sh && scripts/check && __test__/verify-basic.sh')
    ).toEqual([
      [['test'], ['scripts/test']],
      [['coverage', 'test'], ['ci/coverage.sh']],
      [[], ['scripts/check']],
      [[], ['__test__/verify-basic.sh']]
    ])
    expect(unread('node_modules/.bin/jest && /usr/bin/env true')).toEqual([
      [['test'], []],
      [[], []]
    ])
  })

  test('version ranges give their minimum', () => {
    expect(minimumOf('>=18')).toEqual({ major: 18, minor: 0 })
    expect(minimumOf('^16.14 || >=18')).toEqual({ major: 16, minor: 14 })
    expect(minimumOf('>=3.9,<4')).toEqual({ major: 3, minor: 9 })
    expect(minimumOf('~=3.10')).toEqual({ major: 3, minor: 10 })
    expect(minimumOf('18.x - 22')).toEqual({ major: 18, minor: 0 })
    expect(minimumOf('*')).toBeNull()
    expect(minimumOf('<20 || >=22')).toBeNull()
  })

  test('facts carry what the perspective needs: local actions, lock and tool files, pyproject tools', async () => {
    const ts = await runCi(tsFixture)
    expect(ts.model.facts.actions?.map((a) => a.path)).toEqual(['.github/actions/setup/action.yml'])
    expect(ts.model.facts.toolFiles).toEqual(['package-lock.json', 'tsconfig.json'])
    const py = await runCi(pyFixture)
    expect(py.model.facts.manifests.find((m) => m.kind === 'pyproject.toml')?.tools).toEqual([
      'mypy',
      'pytest',
      'ruff'
    ])
  })
})

describe('ci-cd on strange input', () => {
  test('odd but valid YAML shapes, aliases, empty files and a huge run: block do not break the run', async () => {
    const huge = Array.from(
      { length: 3000 },
      (_, i) => `          echo ${i} && npm run step${i % 7}`
    ).join('\n')
    const result = await runCi({
      'package.json': '{ "name": "odd", "scripts": { "test": "jest" } }\n',
      'src/a.js': 'export const a = 1\n',
      '.github/workflows/empty.yml': '',
      '.github/workflows/scalar.yml': 'just a string\n',
      '.github/workflows/list.yml': '- on\n- jobs\n',
      '.github/workflows/shapes.yml': [
        'on: { push: null, pull_request: { types: [opened] } }',
        'defaults: &d { run: { shell: bash } }',
        'jobs:',
        '  a:',
        '    runs-on: [self-hosted]',
        '    steps: not-a-list',
        '  b: [1, 2]',
        '  c:',
        '    strategy: { matrix: "${{ fromJSON(inputs.m) }}" }',
        '    steps:',
        '      - run:',
        '      - uses:',
        '      - 42',
        '      - run: |',
        huge,
        ''
      ].join('\n'),
      '.github/actions/loop/action.yml':
        'runs:\n  using: composite\n  steps:\n    - uses: ./.github/actions/loop\n'
    })
    expect(result.run.error).toBeNull()
    expect(result.run.status).toBe('ok')
    expect(checkRun(result)).toEqual([])
    // 3000 calls of missing scripts are capped per check; the metric counts them all.
    expect(result.run.findings.filter((f) => f.messageId === 'missingScript')).toHaveLength(25)
    expect(result.run.metrics['findings.missingScript']).toBe(3000)
  })
})

describe('ci-cd hygiene checklist (the default)', () => {
  test('timeouts, concurrency, caches and first-party tags are listed in the report, not reported', async () => {
    const listed = await runFixture(ciCd, tsFixture)
    const reported = await runCi(tsFixture)
    const hygiene = ['noTimeout', 'noConcurrency', 'noDependencyCache']
    expect(listed.run.findings.filter((f) => hygiene.includes(f.messageId))).toEqual([])
    expect(
      listed.run.findings.filter((f) => f.messageId === 'unpinnedAction').map((f) => f.severity)
    ).toEqual(['high', 'medium'])
    // The same items the findings setting reports, each one line of the checklist with its place.
    const moved = reported.run.findings.filter(
      (f) =>
        hygiene.includes(f.messageId) || (f.messageId === 'unpinnedAction' && f.severity === 'low')
    )
    expect(moved.length).toBeGreaterThan(3)
    expect(listed.run.metrics.hygieneChecklist).toBe(moved.length)
    expect(listed.run.report).toContain(`**CI hygiene checklist** (${moved.length})`)
    for (const f of moved) expect(listed.run.report).toContain(`${f.file}:${f.startLine}`)
    expect(listed.run.findings.length).toBe(reported.run.findings.length - moved.length)
    // The workflow spec still fills every gap, the checklist's included.
    const body = (r: FixtureRun) => workflowSpec(r).code.replace(/^# Covers:.*\n/m, '')
    expect(body(listed)).toBe(body(reported))
    expect(workflowSpec(listed).code).not.toMatch(/# Covers:.*(noTimeout|noConcurrency)/)
    expect(workflowSpec(listed).code).toContain('timeout-minutes')
  })

  test('a clean repository has no checklist', async () => {
    const result = await runFixture(ciCd, CLEAN_TS)
    expect(result.run.findings).toEqual([])
    expect(result.run.report).not.toContain('CI hygiene checklist')
    expect(result.run.metrics.hygieneChecklist).toBe(0)
  })
})
