// Shapes judged false in judged round 6 (express, validator.js, lint-staged, flask, pyupgrade,
// itsdangerous; docs/evaluation/judged-session11.md), each asserted absent beside a twin still reported,
// by file and line, through each perspective's real pipeline (docs/evaluation/judged.md, "Session 12").
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import ciCd from '../../perspectives/ci-cd/index.js'
import dataIntegrity from '../../perspectives/data-integrity/index.js'
import errorHandling from '../../perspectives/error-handling/index.js'
import failureModes from '../../perspectives/failure-modes/index.js'
import scope from '../../perspectives/scope/index.js'
import security from '../../perspectives/security/index.js'
import testCoverage from '../../perspectives/test-coverage/index.js'
import testPyramid from '../../perspectives/test-pyramid/index.js'
import type { Finding } from '../../perspectives/types.js'
import { runFixture } from './harness.js'
import { findings } from './judged-helpers.js'

/** `messageId file:line`, sorted. */
function rows(found: Finding[], file?: string): string[] {
  return found
    .filter((f) => file === undefined || f.file === file)
    .map((f) => `${f.messageId} ${f.file}:${f.startLine}`)
    .sort()
}

const pyproject = '[project]\nname = "webapp"\nversion = "1.0"\n'

describe('judged in round 6: security, a file the developer names under the app root', () => {
  it('open_resource(resource) and from_pyfile(filename) joined onto the root are not traversal or injection; a locale name is', async () => {
    const app = [
      'import os', // 1
      '', // 2
      '', // 3
      'class App:', // 4
      '    def __init__(self, root_path):', // 5
      '        self.root_path = root_path', // 6
      '', // 7
      '    def open_resource(self, resource, mode="rb"):', // 8
      '        path = os.path.join(self.root_path, resource)', // 9
      '        return open(path, mode)', // 10
      '', // 11
      '    def from_pyfile(self, filename):', // 12
      '        filename = os.path.join(self.root_path, filename)', // 13
      '        d = {}', // 14
      '        with open(filename, mode="rb") as config_file:', // 15
      '            exec(compile(config_file.read(), filename, "exec"), d)', // 16
      '        return d', // 17
      '', // 18
      '    def load_locale(self, name):', // 19
      '        filename = os.path.join(self.root_path, "%s.dat" % name)', // 20
      '        with open(filename, "rb") as f:', // 21
      '            return f.read()', // 22
      '', // 23
      '    def run_snippet(self, source):', // 24
      '        exec(compile("value = " + source, "<snippet>", "exec"), {})', // 25
      ''
    ].join('\n')
    const found = await findings(security as Perspective<string, unknown>, {
      'pyproject.toml': pyproject,
      'webapp/__init__.py': 'from .app import App\n',
      'webapp/app.py': app
    })
    // Absent: 10 (resource), 15 and 16 (filename; compile's file name is no code). Kept: 21, a locale
    // name joined onto a path; 25, code built from a parameter.
    expect(rows(found)).toEqual([
      'codeInjection webapp/app.py:25',
      'pathTraversal webapp/app.py:21'
    ])
  })
})

describe("judged in round 6: failure-modes and data-integrity, the package's own manifest", () => {
  const files = {
    'package.json': JSON.stringify({
      name: 'stager',
      version: '1.0.0',
      type: 'module',
      main: 'lib/index.js'
    }),
    'lib/index.js':
      "export { getVersionNumber, loadConfig } from './cli.js'\nexport { getVersion } from './version.js'\n",
    'lib/cli.js': [
      "import { readFile } from 'node:fs/promises'", // 1
      "import path from 'node:path'", // 2
      "import { fileURLToPath } from 'node:url'", // 3
      '', // 4
      'export const getVersionNumber = async () => {', // 5
      '  const dirname = path.dirname(fileURLToPath(import.meta.url))', // 6
      "  const packageJsonFile = await readFile(path.join(dirname, '../package.json'), 'utf-8')", // 7
      '  const packageJson = JSON.parse(packageJsonFile)', // 8
      '  return packageJson.version', // 9
      '}', // 10
      '', // 11
      'export const loadConfig = async (configPath) => {', // 12
      '  const dirname = path.dirname(configPath)', // 13
      "  const text = await readFile(path.join(dirname, 'stager.json'), 'utf-8')", // 14
      '  return JSON.parse(text)', // 15
      '}', // 16
      ''
    ].join('\n'),
    'lib/version.js': [
      "import fs from 'node:fs/promises'", // 1
      '', // 2
      'export const getVersion = async () => {', // 3
      "  const packageJson = JSON.parse(await fs.readFile(new URL('../package.json', import.meta.url)))", // 4
      '  return packageJson.version', // 5
      '}', // 6
      '', // 7
      'export const readManifest = async (url) => {', // 8
      "  const manifest = JSON.parse(await fs.readFile(new URL('manifest.json', url)))", // 9
      '  return manifest.name', // 10
      '}', // 11
      ''
    ].join('\n')
  }

  it('reading package.json next to the module is not a failure mode; reading a path from the caller is', async () => {
    // Absent: cli.js:7 (a directory made from import.meta.url, bound to a local). Kept: cli.js:14.
    const found = await findings(failureModes as Perspective<string, unknown>, files)
    expect(rows(found, 'lib/cli.js').filter((r) => r.startsWith('awaitedIo'))).toEqual([
      'awaitedIo lib/cli.js:14'
    ])
  })

  it("the package's own package.json is not unvalidated input; a file under the caller's URL is", async () => {
    // Absent: version.js:4 (an awaited read of package.json beside the module). Kept: version.js:9.
    const found = await findings(dataIntegrity as Perspective<string, unknown>, files)
    expect(rows(found).filter((r) => r.startsWith('unvalidatedInput'))).toEqual([
      'unvalidatedInput lib/version.js:9'
    ])
  })
})

describe('judged in round 6: data-integrity, request values quoted in an exception message', () => {
  it("an exception class's constructor reading the form is not unvalidated input; a view reading it is", async () => {
    const debug = [
      'class DebugFilesKeyError(KeyError, AssertionError):', // 1
      '    def __init__(self, request, key):', // 2
      '        form_matches = request.form.getlist(key)', // 3
      '        buf = [f"no file {key!r} in request.files"]', // 4
      '        if form_matches:', // 5
      '            buf.append(", ".join(repr(x) for x in form_matches))', // 6
      '        self.msg = "".join(buf)', // 7
      '', // 8
      '', // 9
      'def save_upload(request, store):', // 10
      '    names = request.form.getlist("name")', // 11
      '    store.put(names[0], request.files["file"])', // 12
      ''
    ].join('\n')
    const found = await findings(dataIntegrity as Perspective<string, unknown>, {
      'pyproject.toml': pyproject,
      'webapp/__init__.py': 'from .debug import DebugFilesKeyError, save_upload\n',
      'webapp/debug.py': debug
    })
    // Absent: debug.py:3 (inside DebugFilesKeyError). Kept: debug.py:11.
    expect(rows(found).filter((r) => r.startsWith('unvalidatedInput'))).toEqual([
      'unvalidatedInput webapp/debug.py:11'
    ])
  })
})

describe("judged in round 6: security, a pattern over the runtime's type tag", () => {
  it("/\\[object (.*)]/ on Object.prototype.toString.call(input) is no ReDoS; on the caller's text it is", async () => {
    const typeOf = [
      'export function typeOf(input) {', // 1
      '  const rawObject = Object.prototype.toString.call(input).toLowerCase()', // 2
      '  const typeOfRegex = /\\[object (.*)]/g', // 3
      '  return typeOfRegex.exec(rawObject)[1]', // 4
      '}', // 5
      '', // 6
      'export function tagOf(input) {', // 7
      '  const raw = String(input).toLowerCase()', // 8
      '  const tagRegex = /\\[object (.*)]/g', // 9
      '  return tagRegex.exec(raw)[1]', // 10
      '}', // 11
      ''
    ].join('\n')
    const found = await findings(security as Perspective<string, unknown>, {
      'package.json': JSON.stringify({
        name: 'kinds',
        version: '1.0.0',
        type: 'module',
        main: 'lib/typeOf.js'
      }),
      'lib/typeOf.js': typeOf
    })
    // Absent: 4. Kept: 10.
    expect(rows(found).filter((r) => r.startsWith('redosOnInput'))).toEqual([
      'redosOnInput lib/typeOf.js:10'
    ])
  })
})

describe('judged in round 6: scope, a large module the tests load through the index', () => {
  /** A module of `n` small exported functions (3 lines each). */
  const big = (prefix: string, n: number): string =>
    Array.from(
      { length: n },
      (_, i) => `export function ${prefix}${i}(s) {\n  return s.length > ${i}\n}\n`
    ).join('')
  it('a validator the index re-exports and tests call by name is not "no test"; a module nothing loads is', async () => {
    const found = await findings(
      scope as Perspective<string, unknown>,
      {
        'package.json': JSON.stringify({
          name: 'checks',
          version: '1.0.0',
          type: 'module',
          main: 'src/index.js'
        }),
        'src/index.js': "import * as taxId from './lib/isTaxID.js'\nexport default { ...taxId }\n",
        'src/lib/isTaxID.js': big('isTaxID', 20),
        'src/lib/orphan.js': big('orphan', 20),
        'test/validators.test.js': [
          "import validator from '../src/index.js'",
          "test('isTaxID0', () => { expect(validator['isTaxID0']('ab')).toBe(true) })",
          ''
        ].join('\n')
      },
      { largeModuleLines: 40 }
    )
    // Absent: src/lib/isTaxID.js:1 (run through src/index.js). Kept: src/lib/orphan.js:1.
    expect(rows(found).filter((r) => r.startsWith('largeUntestedModule'))).toEqual([
      'largeUntestedModule src/lib/orphan.js:1'
    ])
  })
})

describe('judged in round 6: test-coverage, a share over a docstring-heavy file', () => {
  const comment = (n: number): string[] => [
    '  /**',
    ...Array.from({ length: n }, (_, i) => `   * note ${i}`),
    '   */'
  ]
  const source = [
    'export function appName(app) {', // 1
    ...comment(6), // 2-9
    "  if (app.importName === 'main') {", // 10
    '    const fn = app.file', // 11
    "    if (!fn) return 'main'", // 12
    "    return fn.split('.')[0]", // 13
    '  }', // 14
    '  return app.importName', // 15
    '}', // 16
    'export function documented(app) {', // 17
    ...comment(30), // 18-49
    '  return app.importName', // 50
    '}', // 51
    'export function helper(app) {', // 52
    '  const a = app.x', // 53
    '  return a + 1', // 54
    '}', // 55
    ''
  ].join('\n')
  const lcov = [
    'TN:',
    'SF:src/app.js',
    'FN:1,appName',
    'FN:17,documented',
    'FN:52,helper',
    'FNDA:5,appName',
    'FNDA:5,documented',
    'FNDA:0,helper',
    'DA:10,5',
    'DA:11,0',
    'DA:12,0',
    'DA:13,0',
    'DA:15,5',
    'DA:50,5',
    'DA:53,0',
    'DA:54,0',
    'LF:8',
    'LH:3',
    'end_of_record',
    ''
  ].join('\n')
  it('3 unrun lines of 5 are 60%, not 100%; a function that never ran is 100%', async () => {
    const found = await findings(testCoverage as Perspective<string, unknown>, {
      'package.json': JSON.stringify({
        name: 'apps',
        version: '1.0.0',
        type: 'module',
        main: 'src/app.js'
      }),
      'src/app.js': source,
      'test/app.test.js':
        "import { appName } from '../src/app.js'\ntest('name', () => appName({ importName: 'x' }))\n",
      'coverage/lcov.info': lcov
    })
    const titles = found
      .filter((f) => f.messageId === 'uncoveredFunction')
      .map((f) => `${f.file}:${f.startLine} ${f.title}`)
      .sort()
    expect(titles).toEqual([
      'src/app.js:1 appName has 60% of its lines uncovered',
      'src/app.js:52 helper has 100% of its lines uncovered'
    ])
  })
})

describe('judged in round 6: test-coverage, the covdefaults plugin omits __main__.py', () => {
  const files = (plugins: string): Record<string, string> => ({
    'setup.cfg': `[metadata]\nname = upgrader\n\n[coverage:run]\n${plugins}`,
    'upgrader/__init__.py': '',
    'upgrader/core.py': 'def main(argv=None):\n    if argv:\n        return 1\n    return 0\n',
    'upgrader/__main__.py':
      'from upgrader.core import main\n\nif __name__ == "__main__":\n    raise SystemExit(main())\n',
    'upgrader/extra.py': 'def extra(x):\n    if x:\n        return 1\n    return 2\n',
    'tests/test_core.py':
      'from upgrader.core import main\n\n\ndef test_main():\n    assert main() == 0\n',
    'coverage/lcov.info': [
      'TN:',
      'SF:upgrader/core.py',
      'FN:1,main',
      'FNDA:1,main',
      'DA:1,1',
      'DA:2,1',
      'DA:3,0',
      'DA:4,1',
      'LF:4',
      'LH:3',
      'end_of_record',
      ''
    ].join('\n')
  })
  it('with plugins = covdefaults, __main__.py is left out on purpose; extra.py is still missing', async () => {
    const found = await findings(
      testCoverage as Perspective<string, unknown>,
      files('plugins = covdefaults\n')
    )
    expect(rows(found).filter((r) => r.startsWith('fileNotInReport'))).toEqual([
      'fileNotInReport upgrader/extra.py:1'
    ])
  })
  it('without the plugin both are missing (the twin)', async () => {
    const found = await findings(
      testCoverage as Perspective<string, unknown>,
      files('branch = true\n')
    )
    expect(rows(found).filter((r) => r.startsWith('fileNotInReport'))).toEqual([
      'fileNotInReport upgrader/__main__.py:1',
      'fileNotInReport upgrader/extra.py:1'
    ])
  })
})

describe('judged in round 7: test-pyramid, a wait inside work handed to the code under test', () => {
  const pkg = JSON.stringify({
    name: 'queue',
    version: '1.0.0',
    type: 'module',
    main: 'source/index.js'
  })
  const source = 'export default class Queue {\n  add(fn) {\n    return fn()\n  }\n}\n'
  it('a delay inside a task given to queue.add or a handler given to a server is not a wait; one in the test body is', async () => {
    const tasks = [
      "import test from 'node:test'", // 1
      "import assert from 'node:assert/strict'", // 2
      "import delay from 'delay'", // 3
      "import Queue from '../source/index.js'", // 4
      '', // 5
      "test('runs the task', async () => {", // 6
      '  const queue = new Queue()', // 7
      '  const result = await queue.add(async () => {', // 8
      '    await delay(100)', // 9
      '    return 1', // 10
      '  })', // 11
      '  assert.equal(result, 1)', // 12
      '})', // 13
      '', // 14
      "test('serves the handler', async () => {", // 15
      '  const handler = async () => {', // 16
      '    await delay(100)', // 17
      "    return 'ok'", // 18
      '  }', // 19
      '  const queue = new Queue()', // 20
      "  assert.equal(await queue.add(handler), 'ok')", // 21
      '})', // 22
      ''
    ].join('\n')
    const waits = [
      "import test from 'node:test'", // 1
      "import assert from 'node:assert/strict'", // 2
      "import delay from 'delay'", // 3
      "import Queue from '../source/index.js'", // 4
      '', // 5
      "test('starts tasks', async () => {", // 6
      '  const queue = new Queue()', // 7
      '  queue.add(() => 1)', // 8
      '  await delay(20)', // 9
      '  assert.equal(queue.size, 0)', // 10
      '})', // 11
      ''
    ].join('\n')
    const found = await findings(testPyramid as Perspective<string, unknown>, {
      'package.json': pkg,
      'source/index.js': source,
      'test/tasks.js': tasks,
      'test/waits.js': waits
    })
    // Absent: tasks.js:9 and :17. Kept: waits.js:9.
    expect(rows(found).filter((r) => r.startsWith('sleepInTest'))).toEqual([
      'sleepInTest test/waits.js:9'
    ])
  })
})

describe('judged in round 7: ci-cd, coverage printed into the job log', () => {
  const workflow = (report: string): string =>
    [
      'name: tests', // 1
      'on: [push, pull_request]', // 2
      'permissions:', // 3
      '  contents: read', // 4
      'jobs:', // 5
      '  test:', // 6
      '    runs-on: ubuntu-latest', // 7
      '    timeout-minutes: 10', // 8
      '    steps:', // 9
      '      - uses: actions/checkout@v4', // 10
      '      - run: pip install -e . pytest pytest-cov', // 11
      `      - run: pytest --cov=dotenvy ${report}`, // 12
      ''
    ].join('\n')
  const files = (report: string): Record<string, string> => ({
    'pyproject.toml': '[project]\nname = "dotenvy"\nversion = "1.0"\n',
    'dotenvy/__init__.py': 'def load(path):\n    return path\n',
    'tests/test_load.py':
      'from dotenvy import load\n\n\ndef test_load():\n    assert load("a") == "a"\n',
    '.github/workflows/tests.yml': workflow(report)
  })
  it('--cov-report=term-missing keeps the table in the log; --cov-report=xml alone is lost with the runner', async () => {
    const printed = await findings(
      ciCd as Perspective<string, unknown>,
      files('--cov-report=term-missing')
    )
    expect(rows(printed).filter((r) => r.startsWith('coverageNotKept'))).toEqual([])
    const lost = await findings(ciCd as Perspective<string, unknown>, files('--cov-report=xml'))
    expect(rows(lost).filter((r) => r.startsWith('coverageNotKept'))).toEqual([
      'coverageNotKept .github/workflows/tests.yml:12'
    ])
  })
})

describe('judged in round 7: ci-cd, one unpinned action repeated per step', () => {
  it('the same action at the same ref in one file is one finding naming the other steps; another action is its own', async () => {
    const workflow = [
      'name: ci', // 1
      'on: [push]', // 2
      'permissions:', // 3
      '  contents: read', // 4
      'jobs:', // 5
      '  test:', // 6
      '    runs-on: ubuntu-latest', // 7
      '    timeout-minutes: 10', // 8
      '    steps:', // 9
      '      - uses: pnpm/action-setup@v4', // 10
      '      - run: pnpm test', // 11
      '  lint:', // 12
      '    runs-on: ubuntu-latest', // 13
      '    timeout-minutes: 10', // 14
      '    steps:', // 15
      '      - uses: pnpm/action-setup@v4', // 16
      '      - uses: pnpm/action-setup@v4', // 17
      '      - uses: codecov/codecov-action@v5', // 18
      '      - run: pnpm lint', // 19
      ''
    ].join('\n')
    const result = await runFixture(ciCd as Perspective<string, unknown>, {
      'package.json': JSON.stringify({
        name: 'served',
        version: '1.0.0',
        scripts: { test: 'node --test', lint: 'eslint .' }
      }),
      'index.js': 'module.exports = 1\n',
      'test/a.test.js': "require('node:test')('a', () => {})\n",
      '.github/workflows/ci.yml': workflow
    })
    const pins = result.run.findings.filter((f) => f.messageId === 'unpinnedAction')
    // Absent: 16 and 17 (pnpm/action-setup again). Kept: 10 (with the two others counted) and 18.
    expect(rows(pins)).toEqual([
      'unpinnedAction .github/workflows/ci.yml:10',
      'unpinnedAction .github/workflows/ci.yml:18'
    ])
    expect(pins.find((f) => f.startLine === 10)?.message).toContain('and 2 more steps of the file')
  })
})

describe('judged in round 7: error-handling, an exit in a helper only the bin calls', () => {
  it("handle() exported from lib/handler.js and called only by bin/cli.js may exit; lib/index.js's run() may not", async () => {
    const found = await findings(errorHandling as Perspective<string, unknown>, {
      'package.json': JSON.stringify({
        name: 'microserve',
        version: '1.0.0',
        main: 'lib/index.js',
        bin: { microserve: 'bin/cli.js' }
      }),
      'lib/handler.js': [
        'export async function handle(file) {', // 1
        '  try {', // 2
        '    return await import(file)', // 3
        '  } catch (err) {', // 4
        "    console.error('could not load', file)", // 5
        '    process.exit(1)', // 6
        '  }', // 7
        '}', // 8
        ''
      ].join('\n'),
      'lib/util.js': [
        'export function fail(message) {', // 1
        '  console.error(message)', // 2
        '  process.exit(1)', // 3
        '}', // 4
        ''
      ].join('\n'),
      'lib/index.js': [
        "import { fail } from './util.js'", // 1
        'export function run(handler) {', // 2
        "  if (typeof handler !== 'function') fail('no handler')", // 3
        '  return handler', // 4
        '}', // 5
        ''
      ].join('\n'),
      'bin/cli.js': [
        '#!/usr/bin/env node', // 1
        "import { handle } from '../lib/handler.js'", // 2
        'await handle(process.argv[2])', // 3
        ''
      ].join('\n')
    })
    // Absent: lib/handler.js:6. Kept: lib/util.js:3 (its caller is the library's entry).
    expect(rows(found).filter((r) => r.startsWith('exitInLibrary'))).toEqual([
      'exitInLibrary lib/util.js:3'
    ])
  })
})
