// Shapes judged false or partly in judged round 7 (micro, p-queue, serve, microdot, python-dotenv,
// autopep8; docs/evaluation/judged-session12.md), and two real defects the judges found outside every
// rule, each asserted by file and line through each perspective's real pipeline beside a twin
// (docs/evaluation/judged.md, "Session 13").
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import dataIntegrity from '../../perspectives/data-integrity/index.js'
import edgeCases from '../../perspectives/edge-cases/index.js'
import performance from '../../perspectives/performance/index.js'
import security from '../../perspectives/security/index.js'
import testCoverage from '../../perspectives/test-coverage/index.js'
import userExperience from '../../perspectives/user-experience/index.js'
import testPyramid from '../../perspectives/test-pyramid/index.js'
import type { Finding } from '../../perspectives/types.js'
import { runFixture } from './harness.js'
import { findings, rows } from './judged-helpers.js'

const pyproject = '[project]\nname = "fixer"\nversion = "1.0"\n'

describe("judged in round 7: a Python ReDoS witness read with Python's `$` and `.`", () => {
  // autopep8.py:1347: '\x00'*N + '\n' is linear in Python, whose `$` matches before a final newline.
  const fixer = [
    'import re', // 1
    '', // 2
    '', // 3
    'def split_suffix(text):', // 4
    '    found = re.match(r"^\\s*([^\\s:]+)(.*)$", text)', // 5
    '    return found.groups() if found else None', // 6
    ''
  ].join('\n')
  const js = [
    'export function splitSuffix(text) {', // 1
    '  return /^\\s*([^\\s:]+)(.*)$/.exec(text)', // 2
    '}', // 3
    ''
  ].join('\n')

  it('performance: the Python witness has an inner line break; the same pattern in JavaScript keeps its trailing one', async () => {
    const found = await findings(performance as Perspective<string, unknown>, {
      'pyproject.toml': pyproject,
      'fixer/__init__.py': 'from .fix import split_suffix\n',
      'fixer/fix.py': fixer,
      'package.json': '{"name":"splitter","version":"1.0.0","type":"module","main":"index.js"}\n',
      'index.js': js
    })
    expect(rows(found, 'catastrophicRegex')).toEqual([
      'catastrophicRegex fixer/fix.py:5',
      'catastrophicRegex index.js:2'
    ])
    const py = found.find((f) => f.file === 'fixer/fix.py')
    const node = found.find((f) => f.file === 'index.js')
    // Python: never an attack ending in a lone '\n' (or '\r', which Python's `.` takes).
    expect(py?.message).not.toMatch(/\+ '\\n'[^+]*makes it/)
    expect(py?.message).not.toMatch(/'\\r'/)
    expect(py?.message).toContain('line break inside it')
    // JavaScript: `$` does not match before a final newline, so the trailing '\n' is the attack.
    expect(node?.message).toMatch(/'\\n'/)
    expect(node?.message).not.toContain('line break inside it')
  })

  it('security: the same for a public function matching its parameter', async () => {
    const found = await findings(security as Perspective<string, unknown>, {
      'pyproject.toml': pyproject,
      'fixer/__init__.py': 'from .fix import split_suffix\n',
      'fixer/fix.py': fixer
    })
    expect(rows(found, 'redosOnInput')).toEqual(['redosOnInput fixer/fix.py:5'])
    expect(found[0].message).not.toMatch(/\+ '\\n' makes it/)
    expect(found[0].message).toContain('line break inside it')
  })
})

describe('judged in round 7: test-pyramid, a wait before checking that nothing happened', () => {
  // p-queue test/advanced.ts:21: the queue is paused, then the test waits and checks the task stayed
  // queued. There is no event to wait for, and a slow machine cannot make it fail.
  const pkg = JSON.stringify({
    name: 'queue',
    version: '1.0.0',
    type: 'module',
    main: 'source/index.js'
  })
  const source =
    'export default class Queue {\n  add(fn) {\n    return fn()\n  }\n  pause() {}\n  start() {}\n}\n'
  it('a wait after pause() gates no race; without it, or resumed before the wait, it does', async () => {
    const waits = [
      "import test from 'node:test'", // 1
      "import assert from 'node:assert/strict'", // 2
      "import delay from 'delay'", // 3
      "import Queue from '../source/index.js'", // 4
      '', // 5
      "test('keeps tasks on pause', async () => {", // 6
      '  const queue = new Queue()', // 7
      '  queue.add(() => {', // 8
      '    queue.pause()', // 9
      '  })', // 10
      "  queue.add(() => 'task #1')", // 11
      '  await delay(300)', // 12
      '  assert.equal(queue.size, 1)', // 13
      '})', // 14
      ''
    ].join('\n')
    const twin = [
      "import test from 'node:test'", // 1
      "import assert from 'node:assert/strict'", // 2
      "import delay from 'delay'", // 3
      "import Queue from '../source/index.js'", // 4
      '', // 5
      "test('starts again', async () => {", // 6
      '  const queue = new Queue()', // 7
      '  queue.pause()', // 8
      "  queue.add(() => 'task #1')", // 9
      '  queue.start()', // 10
      '  await delay(300)', // 11
      '  assert.equal(queue.size, 0)', // 12
      '})', // 13
      ''
    ].join('\n')
    const found = await findings(testPyramid as Perspective<string, unknown>, {
      'package.json': pkg,
      'source/index.js': source,
      'test/pause.js': waits,
      'test/resume.js': twin
    })
    // Absent: pause.js:12. Kept: resume.js:11 (start() between the pause and the wait).
    expect(rows(found, 'sleepInTest')).toEqual(['sleepInTest test/resume.js:11'])
  })
})

describe('judged in round 7: data-integrity, an upload saved where the caller says', () => {
  // microdot multipart.py:181: `FileUpload.save(path_or_file)` writes in place; that is its contract.
  it('upload.save(path) is not a non-atomic write; a store handed the data, save(path, data), is', async () => {
    const upload = [
      'class FileUpload:', // 1
      '    def __init__(self, body):', // 2
      '        self.body = body', // 3
      '', // 4
      '    def save(self, path_or_file, chunk_size=1024):', // 5
      '        if isinstance(path_or_file, str):', // 6
      "            f = open(path_or_file, 'wb')", // 7
      '        else:', // 8
      '            f = path_or_file', // 9
      '        f.write(self.body)', // 10
      '        if f is not path_or_file:', // 11
      '            f.close()', // 12
      '', // 13
      '', // 14
      'class Store:', // 15
      '    def save(self, path, data):', // 16
      "        with open(path, 'w') as f:", // 17
      '            f.write(data)', // 18
      ''
    ].join('\n')
    const found = await findings(dataIntegrity as Perspective<string, unknown>, {
      'pyproject.toml': '[project]\nname = "uploads"\nversion = "1.0"\n',
      'uploads/__init__.py': 'from .files import FileUpload, Store\n',
      'uploads/files.py': upload
    })
    // Absent: 7. Kept: 17.
    expect(rows(found, 'nonAtomicWrite')).toEqual(['nonAtomicWrite uploads/files.py:17'])
  })
})

describe("judged in round 7: test-coverage, a Windows-only branch CI's Windows job runs", () => {
  // python-dotenv cli.py:204: run_command's uncovered third is the `sys.platform == "win32"` branch.
  const cli = [
    'import os', // 1
    'import sys', // 2
    'from subprocess import Popen', // 3
    '', // 4
    '', // 5
    'def run_command(command, env):', // 6
    '    cmd_env = os.environ.copy()', // 7
    '    cmd_env.update(env)', // 8
    '    if sys.platform == "win32":', // 9
    '        p = Popen(command, env=cmd_env)', // 10
    '        p.communicate()', // 11
    '        return p.returncode', // 12
    '    return os.spawnvpe(os.P_WAIT, command[0], command, cmd_env)', // 13
    '', // 14
    '', // 15
    'def quote_all(args):', // 16
    '    out = []', // 17
    '    for a in args:', // 18
    '        if " " in a:', // 19
    "            out.append('\"' + a + '\"')", // 20
    '        else:', // 21
    '            out.append(a)', // 22
    '    return out', // 23
    ''
  ].join('\n')
  const hits: [number, number][] = [
    [1, 1],
    [2, 1],
    [3, 1],
    [6, 1],
    [7, 1],
    [8, 1],
    [9, 1],
    [10, 0],
    [11, 0],
    [12, 0],
    [13, 1],
    [16, 1],
    [17, 1],
    [18, 1],
    [19, 1],
    [20, 0],
    [22, 1],
    [23, 1]
  ]
  const lcov = [
    'TN:',
    'SF:runner/cli.py',
    'FN:6,run_command',
    'FNDA:1,run_command',
    'FN:16,quote_all',
    'FNDA:1,quote_all',
    ...hits.map(([line, n]) => `DA:${line},${n}`),
    `LF:${hits.length}`,
    `LH:${hits.filter(([, n]) => n > 0).length}`,
    'end_of_record',
    ''
  ].join('\n')
  const workflow = (os: string): string =>
    [
      'name: tests',
      'on: [push]',
      'jobs:',
      '  test:',
      '    runs-on: ${{ matrix.os }}',
      '    strategy:',
      '      matrix:',
      `        os: [${os}]`,
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: pytest',
      ''
    ].join('\n')
  const files = (os: string): Record<string, string> => ({
    'pyproject.toml': '[project]\nname = "runner"\nversion = "1.0"\n',
    'runner/__init__.py': '',
    'runner/cli.py': cli,
    'tests/test_cli.py':
      'from runner.cli import quote_all, run_command\n\n\ndef test_quote():\n    assert quote_all(["a b"]) == [\'"a b"\']\n',
    '.github/workflows/test.yml': workflow(os),
    'coverage/lcov.info': lcov
  })
  const uncovered = (found: Finding[]) => rows(found, 'uncoveredFunction')

  it('with a windows-latest job, the branch is no gap; the other function still is', async () => {
    const found = await findings(
      testCoverage as Perspective<string, unknown>,
      files('ubuntu-latest, windows-latest')
    )
    expect(uncovered(found)).toEqual(['uncoveredFunction runner/cli.py:16'])
  })

  it('with CI on Linux only, the Windows branch is a gap (the twin)', async () => {
    const found = await findings(
      testCoverage as Perspective<string, unknown>,
      files('ubuntu-latest')
    )
    expect(uncovered(found)).toEqual([
      'uncoveredFunction runner/cli.py:16',
      'uncoveredFunction runner/cli.py:6'
    ])
  })
})

describe('judged in round 7: edge-cases, a flag that switches on a raise is no boundary', () => {
  // python-dotenv main.py:332: `find_dotenv(raise_error_if_not_found=True)` made the spec P1 and it led.
  it('the flag-only spec is P2; a spec with a compared literal and a throwing side stays P1', async () => {
    const finder = [
      'import os', // 1
      '', // 2
      '', // 3
      'def find_file(filename: str = ".env", raise_error_if_not_found: bool = False) -> str:', // 4
      '    path = os.path.join(os.getcwd(), filename)', // 5
      '    if os.path.exists(path):', // 6
      '        return path', // 7
      '    if raise_error_if_not_found:', // 8
      '        raise IOError("File not found")', // 9
      '    return ""', // 10
      '', // 11
      '', // 12
      'def page_size(size: int) -> int:', // 13
      '    if size > 100:', // 14
      '        raise ValueError("too large")', // 15
      '    return size', // 16
      ''
    ].join('\n')
    const result = await runFixture(edgeCases as Perspective<string, unknown>, {
      'pyproject.toml': '[project]\nname = "finder"\nversion = "1.0"\n',
      'finder/__init__.py': 'from .main import find_file, page_size\n',
      'finder/main.py': finder
    })
    expect(result.run.status).toBe('ok')
    const priority = (symbol: string) =>
      result.run.specs.find(
        (s) => s.target.symbol === symbol && s.title.endsWith('at its boundary values')
      )?.priority
    expect(priority('find_file')).toBe('P2')
    expect(priority('page_size')).toBe('P1')
  })
})

const cliPackage = JSON.stringify({
  name: 'static-server',
  version: '1.0.0',
  type: 'module',
  bin: { 'static-server': 'build/main.js' },
  dependencies: { arg: '5.0.2', commander: '12.0.0' }
})

describe('readers of round 7: an option declared and never read (serve --no-port-switching)', () => {
  const cli = [
    "import parseArgv from 'arg'", // 1
    '', // 2
    'const options = {', // 3
    "  '--help': Boolean,", // 4
    "  '--debug': Boolean,", // 5
    "  '--listen': String,", // 6
    "  '--no-port-switching': Boolean,", // 7
    "  '--no-clipboard': Boolean,", // 8
    "  '-d': '--debug',", // 9
    "  '-h': '--help',", // 10
    '}', // 11
    '', // 12
    'export const parseArguments = () => parseArgv(options)', // 13
    ''
  ].join('\n')
  const types = [
    'export interface Arguments {', // 1
    "  '--help': boolean;", // 2
    "  '--debug': boolean;", // 3
    "  '--listen': string;", // 4
    "  '--no-port-switching': boolean;", // 5
    "  '--no-clipboard': boolean;", // 6
    '}', // 7
    ''
  ].join('\n')
  const main = [
    "import { parseArguments } from './cli.js'", // 1
    '', // 2
    'const args = parseArguments()', // 3
    "if (args['--help']) console.log('usage: static-server [--debug] [--no-port-switching]')", // 4
    "const { '--no-clipboard': noClipboard } = args", // 5
    "console.log(args['--debug'], args['--listen'], noClipboard)", // 6
    ''
  ].join('\n')
  const program = [
    "import { Command } from 'commander'", // 1
    '', // 2
    'const program = new Command()', // 3
    "program.option('-p, --port <n>', 'the port')", // 4
    "program.option('--dry-run', 'print what would be done')", // 5
    'program.parse()', // 6
    'const opts = program.opts()', // 7
    'console.log(opts.port)', // 8
    ''
  ].join('\n')
  it('arg and commander: the unread flag is reported at its declaration; read, destructured and aliased ones are not', async () => {
    const found = await findings(userExperience as Perspective<string, unknown>, {
      'package.json': cliPackage,
      'source/cli.ts': cli,
      'source/types.ts': types,
      'source/main.ts': main,
      'source/program.ts': program
    })
    // Absent: --help, --debug, --listen (read), --no-clipboard (destructured), the aliases, --port
    // (opts.port), the type declarations. Kept: cli.ts:7 and program.ts:5.
    expect(rows(found, 'optionNeverRead')).toEqual([
      'optionNeverRead source/cli.ts:7',
      'optionNeverRead source/program.ts:5'
    ])
  })

  it('argparse: a dest never read is reported; none when the namespace is read wholesale', async () => {
    const tool = (read: string) =>
      [
        'import argparse', // 1
        '', // 2
        '', // 3
        'def main(argv=None):', // 4
        '    parser = argparse.ArgumentParser()', // 5
        "    parser.add_argument('--verbose', action='store_true', help='say more')", // 6
        "    parser.add_argument('--no-color', action='store_true', help='plain output')", // 7
        "    parser.add_argument('--out', dest='output', help='where')", // 8
        '    args = parser.parse_args(argv)', // 9
        `    ${read}`, // 10
        '    return 0', // 11
        ''
      ].join('\n')
    const files = (read: string): Record<string, string> => ({
      'pyproject.toml':
        '[project]\nname = "tool"\nversion = "1.0"\n\n[project.scripts]\ntool = "tool.cli:main"\n',
      'tool/__init__.py': '',
      'tool/cli.py': tool(read)
    })
    const unread = await findings(
      userExperience as Perspective<string, unknown>,
      files('print(args.verbose, args.output)')
    )
    expect(rows(unread, 'optionNeverRead')).toEqual(['optionNeverRead tool/cli.py:7'])
    const wholesale = await findings(
      userExperience as Perspective<string, unknown>,
      files('print(vars(args))')
    )
    expect(rows(wholesale, 'optionNeverRead')).toEqual([])
  })
})

describe('readers of round 7: click options never read', () => {
  it('a `--flag/--no-flag` pair is read by its first name; an unused parameter is reported', async () => {
    const cli = [
      'import click', // 1
      '', // 2
      '', // 3
      '@click.command()', // 4
      '@click.option("--header/--no-header", is_flag=True, default=True, help="add a header")', // 5
      '@click.option("--dry-run", is_flag=True, help="print only")', // 6
      '@click.option("-o", "--output-file", help="where")', // 7
      'def cli(header, dry_run, output_file):', // 8
      '    click.echo(f"{header} {output_file}")', // 9
      ''
    ].join('\n')
    const found = await findings(userExperience as Perspective<string, unknown>, {
      'pyproject.toml':
        '[project]\nname = "tool"\nversion = "1.0"\n\n[project.scripts]\ntool = "tool.cli:cli"\n',
      'tool/__init__.py': '',
      'tool/cli.py': cli
    })
    // Absent: 5 (header, read in an f-string), 7 (output_file). Kept: 6 (dry_run is never used).
    expect(rows(found, 'optionNeverRead')).toEqual(['optionNeverRead tool/cli.py:6'])
  })
})

describe('readers of round 7: a listen host dropped (serve, micro)', () => {
  it("a port-only re-entry or listen where the endpoint's host is known is reported; a host-guarded or host-keeping one is not", async () => {
    const server = [
      "import http from 'node:http'", // 1
      '', // 2
      'export const startServer = async (endpoint, busy) => {', // 3
      '  const server = http.createServer()', // 4
      "  const probe = endpoint.host ?? 'localhost'", // 5
      '  if (busy(endpoint.port, probe)) return startServer({ port: 0 }, busy)', // 6
      "  if (typeof endpoint.host === 'undefined') {", // 7
      '    server.listen(endpoint.port)', // 8
      '  } else {', // 9
      '    server.listen(endpoint.port, endpoint.host)', // 10
      '  }', // 11
      '  return server', // 12
      '}', // 13
      '', // 14
      'export const restart = async (endpoint, busy) => {', // 15
      '  const server = http.createServer()', // 16
      '  if (busy(endpoint.port, endpoint.host)) return restart({ port: 0, host: endpoint.host }, busy)', // 17
      '  server.listen(endpoint.port, endpoint.host)', // 18
      '  return server', // 19
      '}', // 20
      ''
    ].join('\n')
    const bin = [
      "import arg from 'arg'", // 1
      "import http from 'node:http'", // 2
      "import { parseEndpoint } from './endpoint.js'", // 3
      '', // 4
      'const args = arg({', // 5
      "  '--listen': parseEndpoint,", // 6
      "  '--port': parsePort,", // 7
      "  '-l': '--listen',", // 8
      '})', // 9
      '', // 10
      'function parsePort(text) {', // 11
      '  return Number(text)', // 12
      '}', // 13
      '', // 14
      "for (const endpoint of args['--listen']) {", // 15
      '  http.createServer().listen(endpoint)', // 16
      '}', // 17
      "for (const port of args['--port']) console.log(port)", // 18
      ''
    ].join('\n')
    const endpoint = [
      'export function parseEndpoint(text) {', // 1
      '  const url = new URL(text)', // 2
      '  return [url.port, url.hostname]', // 3
      '}', // 4
      ''
    ].join('\n')
    const found = await findings(userExperience as Perspective<string, unknown>, {
      'package.json': cliPackage,
      'source/server.js': server,
      'source/main.js': bin,
      'source/endpoint.js': endpoint
    })
    // Absent: server.js:8 (guarded by the host), :10 and :17-18 (the host passed on), main.js:18
    // (parsePort returns no array). Kept: server.js:6 and main.js:15.
    expect(rows(found, 'listenHostDropped')).toEqual([
      'listenHostDropped source/main.js:15',
      'listenHostDropped source/server.js:6'
    ])
  })
})

describe('judged in round 8: test-pyramid, uvu suites are tests', () => {
  // sirv: ~75 cases written `const types = suite('types'); types('case', fn)`, run by `uvu tests`.
  const pkg = JSON.stringify({
    name: 'static',
    version: '1.0.0',
    type: 'module',
    main: 'index.mjs',
    scripts: { test: 'uvu tests' },
    devDependencies: { uvu: '0.5.2' }
  })
  const source = [
    'export default function serve(dir) {',
    "  if (!dir) throw new Error('dir is required')",
    '  return () => dir',
    '}',
    ...Array.from({ length: 30 }, (_, i) => `export const value${i} = (x) => x + ${i}`),
    ''
  ].join('\n')
  const suiteTests = [
    "import { suite } from 'uvu'", // 1
    "import * as assert from 'uvu/assert'", // 2
    "import serve from '../index.mjs'", // 3
    '', // 4
    "const types = suite('types')", // 5
    '', // 6
    'types.before(() => {})', // 7
    '', // 8
    "types('exports a function', () => {", // 9
    "  assert.type(serve, 'function')", // 10
    '})', // 11
    '', // 12
    "types('throws without a dir', () => {", // 13
    '  assert.throws(() => serve())', // 14
    '})', // 15
    '', // 16
    'types.run()', // 17
    ''
  ].join('\n')
  it('a suite-bound local called with a name and a function is a test case; with no tests, noTests stays', async () => {
    const withTests = await findings(testPyramid as Perspective<string, unknown>, {
      'package.json': pkg,
      'index.mjs': source,
      'tests/serve.mjs': suiteTests
    })
    expect(rows(withTests, 'noTests')).toEqual([])
    const without = await findings(testPyramid as Perspective<string, unknown>, {
      'package.json': pkg,
      'index.mjs': source,
      'tests/serve.mjs': suiteTests.replace(/types\('[^']*', \(\) => \{\n[^\n]*\n\}\)\n/g, '')
    })
    expect(rows(without, 'noTests')).toEqual(['noTests null:null'])
  })
})

describe('judged in round 8: performance, work that depends on the loop body is not loop-invariant', () => {
  it('a pattern built in the loop body and a stringify in a per-item callback are absent; a constant one is kept', async () => {
    const py = [
      'import re', // 1
      '', // 2
      '', // 3
      'def known(patterns, text):', // 4
      '    out = []', // 5
      '    for known_pattern in patterns:', // 6
      '        regexp = "^" + known_pattern.replace("*", ".*") + "$"', // 7
      '        out.append(re.compile(regexp))', // 8
      '        if re.compile("^[a-z]+$").match(text):', // 9
      '            out.append(None)', // 10
      '    return out', // 11
      ''
    ].join('\n')
    const js = [
      'export function check(names, request) {', // 1
      '  return names.map((name) => {', // 2
      '    return request(name).then((response) => {', // 3
      '      if (!Array.isArray(response)) throw new Error(`got ${JSON.stringify(response)}`)', // 4
      '      return JSON.parse(\'{"a": 1}\')', // 5
      '    })', // 6
      '  })', // 7
      '}', // 8
      ''
    ].join('\n')
    const found = await findings(performance as Perspective<string, unknown>, {
      'pyproject.toml': pyproject,
      'fixer/__init__.py': 'from .known import known\n',
      'fixer/known.py': py,
      'package.json': '{"name":"checker","version":"1.0.0","type":"module","main":"index.js"}\n',
      'index.js': js
    })
    // Absent: known.py:8 (regexp is assigned in the body), index.js:4 (response is the callback's).
    // Kept: known.py:9 and index.js:5 (constant arguments).
    expect(rows(found, 'repeatedWorkInLoop')).toEqual([
      'repeatedWorkInLoop fixer/known.py:9',
      'repeatedWorkInLoop index.js:5'
    ])
  })
})

describe('judged in round 8: test-pyramid, a sleep in a helper run in a thread', () => {
  it('a helper handed to Thread(target=...) is staged work; a helper the test calls itself still waits', async () => {
    const tests = [
      'from pathlib import Path', // 1
      'from threading import Thread', // 2
      'from time import sleep', // 3
      '', // 4
      'from watcher import changed', // 5
      '', // 6
      '', // 7
      'def sleep_touch(path):', // 8
      '    sleep(0.1)', // 9
      '    path.touch()', // 10
      '', // 11
      '', // 12
      'def settle():', // 13
      '    sleep(0.5)', // 14
      '', // 15
      '', // 16
      'def test_reload(tmp_path):', // 17
      '    thread = Thread(target=sleep_touch, args=(tmp_path,))', // 18
      '    thread.start()', // 19
      '    thread.join()', // 20
      '    settle()', // 21
      '    assert changed(tmp_path)', // 22
      ''
    ].join('\n')
    const found = await findings(testPyramid as Perspective<string, unknown>, {
      'pyproject.toml': '[project]\nname = "watcher"\nversion = "1.0"\n',
      'watcher/__init__.py': 'def changed(path):\n    return path.exists()\n',
      'tests/test_reload.py': tests
    })
    // Absent: 9 (in the thread's target). Kept: 14 (settle() is the test's own wait).
    expect(rows(found, 'sleepInTest')).toEqual(['sleepInTest tests/test_reload.py:14'])
  })
})
