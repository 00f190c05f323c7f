// Perspective 12 (test-pyramid) on small repositories written for these tests: each planted smell is
// asserted by message id, file and line; the classification and shape are asserted with their
// numbers; a clean suite and an empty repository give nothing; rendered specs parse (TypeScript with
// the compiler API, Python with `ast`); ids are stable between runs (the harness runs every case twice).
import testPyramid from '../../perspectives/test-pyramid/index.js'
import type { TestPyramidOptions } from '../../perspectives/test-pyramid/options.js'
import { readFixture, runFixture, testPerspective, type FixtureRun } from './harness.js'
import { pythonParses, typeScriptErrors, findingAt } from './case-helpers.js'
import { editFile, shifted, without } from './edit-files.js'
import type { ExpectedFinding } from './harness-checks.js'
import {
  CLOCK_NEAR_MISS,
  CLOCK_REPORTED,
  NETWORK_NEAR_MISS,
  NETWORK_REPORTED,
  SLEEP_NEAR_MISS,
  SLEEP_REPORTED
} from './test-pyramid-judged.js'
import {
  SKIP_RANDOM_NEAR_MISS,
  SKIP_RANDOM_REPORTED,
  SLEEP_CALLBACKS_NEAR_MISS,
  SLEEP_CALLBACKS_REPORTED
} from './test-pyramid-judged7.js'

const tsFixture = readFixture('test-pyramid-ts')
const pyFixture = readFixture('test-pyramid-py')

interface FileDetail {
  path: string
  framework: string
  level: string
  declared: string | null
  tests: number
  reasons: { text: string; line: number; touch: string | null }[]
}

const details = (result: FixtureRun) =>
  result.run.details as {
    shape: string
    files: FileDetail[]
    counts: { tests: Record<string, number>; perRunner: Record<string, Record<string, number>> }
  }
const levelOf = (result: FixtureRun, path: string) =>
  details(result).files.find((f) => f.path === path)?.level

const finding = findingAt

/** A test file with `n` test cases of the given body. */
function cases(n: number, header: string, body: string, python = false): string {
  const out = [header]
  for (let i = 0; i < n; i++)
    out.push(
      python
        ? `def test_case_${i}():\n    ${body}\n`
        : `it('case ${i}', async () => {\n  ${body}\n})\n`
    )
  return out.join('\n')
}

/** A product and ten tests that start a real server and send it requests, one unit test. */
const serverSuite = (product: string): Record<string, string> => ({
  'package.json':
    '{ "name": "serve", "main": "lib/index.js", "scripts": { "test": "node --test" } }\n',
  'lib/index.js': product,
  'test/serve.test.js': cases(
    10,
    "const http = require('http')\nconst lib = require('../lib/index.js')\nconst { it } = require('node:test')",
    "const server = http.createServer(lib.handler)\n  await new Promise((r) => server.listen(0, '127.0.0.1', r))\n  await fetch(`http://127.0.0.1:${server.address().port}/`)\n  server.close()"
  ),
  'test/unit.test.js': cases(
    1,
    "const { it } = require('node:test')\nconst lib = require('../lib/index.js')",
    'lib.handler({}, { end() {} })'
  )
})
/** http-server's shape (session 7): the product creates the server its tests talk to. */
const SERVER_PRODUCT =
  "const http = require('http')\n\nexports.handler = (req, res) => res.end('ok')\nexports.createServer = () => http.createServer(exports.handler)\n"
/** The same tests around a product that is no server (a request handler helper only). */
const NOT_A_SERVER = "exports.handler = (req, res) => res.end('ok')\n"

const TS_EXPECTED: ExpectedFinding[] = [
  { messageId: 'networkInUnitTest', file: 'test/rates.test.ts', line: 4 },
  { messageId: 'testCanMoveDown', file: 'test/api.test.ts', line: 4 },
  { messageId: 'sharedMutableState', file: 'test/unit/price.test.ts', line: 4 },
  { messageId: 'focusedTest', file: 'test/unit/price.test.ts', line: 14 },
  { messageId: 'unseededRandom', file: 'test/unit/price.test.ts', line: 16 },
  { messageId: 'orderDependence', file: 'test/unit/price.test.ts', line: 21 },
  { messageId: 'skippedTest', file: 'test/unit/price.test.ts', line: 24 },
  { messageId: 'realClock', file: 'test/unit/price.test.ts', line: 25 },
  { messageId: 'sleepInTest', file: 'test/unit/price.test.ts', line: 29 }
]

const PRICE_TEST = 'test/unit/price.test.ts'

/** A near miss: the TypeScript fixture with one smell fixed in the unit test file. */
const priceFixed = (fixedId: string, ...edits: [string, string][]) => ({
  files: editFile(tsFixture, PRICE_TEST, ...edits),
  expected: without(TS_EXPECTED, fixedId)
})

const HOURGLASS: Record<string, string> = {
  'src/a.ts': 'export const a = 1\n',
  'test/a.test.ts': cases(6, "import { a } from '../src/a.js'", 'if (a !== 1) throw new Error()'),
  'tests/e2e/flow.test.ts': cases(4, '', 'await Promise.resolve()')
}

const UNTESTED: Record<string, string> = {
  'lib/a.js': 'export function a() {\n  return 1\n}\n',
  'lib/b.py': 'def b():\n    return 2\n'
}

const CLEAN_TS: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'clean',
    type: 'module',
    scripts: { test: 'jest' },
    devDependencies: { jest: '^29.7.0' }
  }),
  'src/sum.ts': 'export function sum(a: number, b: number): number {\n  return a + b\n}\n',
  'test/sum.test.ts': [
    "import { beforeEach, expect, it, jest } from '@jest/globals'",
    "import { sum } from '../src/sum.js'",
    '',
    'const calls: number[] = []',
    '',
    'beforeEach(() => {',
    '  calls.splice(0)',
    '  jest.useFakeTimers()',
    '})',
    '',
    "it('adds', () => {",
    '  calls.push(sum(1, 2))',
    '  expect(calls).toEqual([3])',
    '})',
    '',
    "it('adds later', async () => {",
    '  calls.push(sum(2, 2))',
    '  setTimeout(() => undefined, 1000)',
    '  jest.advanceTimersByTime(1000)',
    '  expect(Date.now()).toBeGreaterThan(0)',
    '})',
    ''
  ].join('\n')
}

const CLEAN_PY: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "clean"\nversion = "1.0.0"\n',
  'calc/__init__.py': '',
  'calc/ops.py': 'def add(a: int, b: int) -> int:\n    return a + b\n',
  'tests/test_ops.py': [
    'import random',
    'import sys',
    '',
    'import pytest',
    'from freezegun import freeze_time',
    'from datetime import datetime',
    '',
    'from calc.ops import add',
    '',
    'random.seed(7)',
    'LIMITS = {"max": 10}',
    '',
    '',
    '@freeze_time("2024-01-01")',
    'def test_add():',
    '    assert add(1, random.randint(0, 1)) <= LIMITS["max"]',
    '    assert datetime.now().year == 2024',
    '',
    '',
    '# A skip with a condition guards an environment; it is not a forgotten test.',
    '@pytest.mark.skipif(',
    '    sys.platform == "win32",',
    '    reason="posix only",',
    ')',
    'def test_posix_path():',
    '    assert add(1, 1) == 2',
    ''
  ].join('\n')
}

/** A pytest test that checks its Mock with a look-alike of an assertion (line 8), and one that asserts. */
const MOCK_LOOKALIKE = {
  'pyproject.toml':
    '[project]\nname = "notify"\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
  'notify/__init__.py': 'def notify(send, who):\n    send(who)\n',
  'tests/test_notify.py': [
    'from unittest import mock',
    'from notify import notify',
    '',
    '',
    'def test_sends():',
    '    send = mock.Mock()',
    "    notify(send, 'ann')",
    "    send.called_once_with('ann')",
    '',
    '',
    'def test_sends_checked():',
    '    send = mock.Mock()',
    "    notify(send, 'bob')",
    "    send.assert_called_once_with('bob')",
    ''
  ].join('\n')
}

testPerspective<TestPyramidOptions>(testPyramid, {
  valid: [
    {
      name: 'assertionChecksNothing near miss: the Mock is checked with its assertion',
      files: {
        ...MOCK_LOOKALIKE,
        'tests/test_notify.py': MOCK_LOOKALIKE['tests/test_notify.py'].replace(
          'send.called_once_with',
          'send.assert_called_once_with'
        )
      }
    },
    NETWORK_NEAR_MISS,
    {
      name: 'unhealthyShape near miss: the hourglass gets an integration layer of two database tests',
      files: {
        ...HOURGLASS,
        'test/integration/db.test.ts': cases(
          2,
          "import pg from 'pg'",
          'await new pg.Client().connect()'
        )
      },
      check: (result) => expect(details(result).shape).toBe('diamond')
    },
    {
      name: 'noTests near miss: the JavaScript module gets a test',
      files: {
        ...UNTESTED,
        'test/a.test.js':
          "import { a } from '../lib/a.js'\n\nit('returns 1', () => {\n  expect(a()).toBe(1)\n})\n"
      }
    },
    CLOCK_NEAR_MISS,
    SLEEP_NEAR_MISS,
    SLEEP_CALLBACKS_NEAR_MISS,
    SKIP_RANDOM_NEAR_MISS,
    {
      // An integration file that also unit-tests the function directly (httpie's test_output.py
      // shape): the function is unit-tested already, so there is nothing to move down.
      name: 'a direct unit test beside integration tests in the same file',
      files: {
        'app/__init__.py': '',
        'app/prices.py':
          'def apply_discount(price, percent):\n    return price - price * percent / 100\n',
        'tests/integration/test_prices.py': [
          'import sqlite3',
          '',
          'from app.prices import apply_discount',
          '',
          '',
          'def test_stores(tmp_path):',
          '    db = sqlite3.connect(str(tmp_path / "x.db"))',
          '    db.execute("create table t (v real)")',
          '    db.execute("insert into t values (?)", (apply_discount(100, 10),))',
          '',
          '',
          'def test_discount():',
          '    assert apply_discount(100, 10) == 90',
          ''
        ].join('\n')
      },
      check: (result) => {
        expect(levelOf(result, 'tests/integration/test_prices.py')).toBe('integration')
        expect(result.run.findings.filter((f) => f.messageId === 'testCanMoveDown')).toEqual([])
      }
    },
    {
      name: 'an empty repository has no suite to shape',
      files: {},
      check: (r) => expect(r.run.report).toContain('no source files and no tests')
    },
    {
      name: 'a TypeScript unit suite with fake timers and a reset hook',
      files: CLEAN_TS,
      check: (result) => {
        expect(levelOf(result, 'test/sum.test.ts')).toBe('unit')
        expect(result.run.specs).toEqual([])
        expect(result.run.report).toContain('No flakiness smells found')
        expect(result.run.metrics).toMatchObject({
          testFiles: 1,
          tests: 2,
          'tests.unit': 2,
          findings: 0
        })
      }
    },
    {
      name: 'JUnit XML results give the slowest tests',
      files: {
        ...CLEAN_TS,
        'junit.xml': [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<testsuites>',
          '  <testsuite name="sum" tests="3">',
          '    <testcase classname="sum" name="adds" time="0.004" file="test/sum.test.ts"/>',
          '    <testcase classname="sum" name="adds later" time="2.5" file="test/sum.test.ts"/>',
          '    <testcase classname="sum" name="adds &lt;big&gt; numbers" time="0.75"/>',
          '  </testsuite>',
          '</testsuites>',
          ''
        ].join('\n')
      },
      check: (result) => {
        const slowest = (
          result.run.details as {
            slowest: { name: string; seconds: number; file: string | null }[]
          }
        ).slowest
        expect(slowest.map((c) => [c.name, c.seconds, c.file])).toEqual([
          ['adds later', 2.5, 'test/sum.test.ts'],
          ['adds <big> numbers', 0.75, null],
          ['adds', 0.004, 'test/sum.test.ts']
        ])
        expect(result.run.metrics).toMatchObject({ junitCases: 3, slowestSeconds: 2.5 })
        expect(result.run.report).toContain('#### Slowest tests (JUnit XML)')
        expect(result.run.report).toContain(
          '| 2.50 | sum › adds later | <code>test/sum.test.ts</code> |'
        )
        expect(result.run.report).toContain('adds &#60;big&#62; numbers')
      }
    },
    {
      name: 'intercepted HTTP and local servers are not the real network',
      files: {
        'test/mocked.test.ts':
          "import nock from 'nock'\nimport { it } from '@jest/globals'\n\nit('reads', async () => {\n  nock('https://api.example.com').get('/x').reply(200)\n  await fetch('https://api.example.com/x')\n})\n",
        'test/local.test.ts':
          "import { it } from '@jest/globals'\n\nit('reads', async () => {\n  await fetch('http://localhost:3000/x')\n})\n",
        'tests/test_mocked.py':
          'import requests\nimport responses\n\n\n@responses.activate\ndef test_reads():\n    responses.get("https://api.example.com/x", json={})\n    requests.get("https://api.example.com/x")\n'
      },
      check: (result) => {
        expect(levelOf(result, 'test/mocked.test.ts')).toBe('unit')
        expect(levelOf(result, 'tests/test_mocked.py')).toBe('unit')
        expect(levelOf(result, 'test/local.test.ts')).toBe('integration')
      }
    },
    {
      name: 'a Python unit suite with a seed and a frozen clock',
      files: CLEAN_PY,
      check: (r) => expect(levelOf(r, 'tests/test_ops.py')).toBe('unit')
    },
    {
      name: 'unhealthyShape: a server product tested over HTTP has its tests at the right level',
      files: serverSuite(SERVER_PRODUCT)
    },
    {
      // Judged false on pyflakes (session 7): a command's main(args=...) run in-process on real files is
      // tested at its own level; the integration test of apply_discount beside it still is reported.
      name: "testCanMoveDown: a command's main() run on real files is at its own level",
      files: {
        'lint/__init__.py': '',
        'lint/api.py':
          'import sys\n\n\ndef check(text):\n    return [n for n, line in enumerate(text.splitlines()) if len(line) > 79]\n\n\ndef main(args=None):\n    for path in args or sys.argv[1:]:\n        with open(path) as f:\n            print(check(f.read()))\n',
        'tests/test_api.py':
          'from lint.api import main\n\n\ndef test_main_reads_files(tmp_path):\n    path = tmp_path / "a.py"\n    path.write_text("x = 1\\n")\n    main(args=[str(path)])\n',
        'tests/test_check.py':
          'from lint.api import check\n\n\ndef test_check():\n    assert check("x = 1") == []\n'
      }
    },
    {
      name: 'a healthy pyramid gives no shape verdict',
      files: {
        'src/a.ts': 'export const a = 1\n',
        'test/a.test.ts': cases(
          12,
          "import { a } from '../src/a.js'",
          'if (a !== 1) throw new Error()'
        ),
        'test/integration/db.test.ts': cases(
          4,
          "import pg from 'pg'",
          'await new pg.Client().connect()'
        ),
        'e2e/ui.spec.ts': cases(
          2,
          "import { test as it } from '@playwright/test'",
          'await Promise.resolve()'
        )
      },
      check: (result) => {
        expect(details(result).shape).toBe('pyramid')
        expect(details(result).counts.tests).toEqual({ unit: 12, integration: 4, e2e: 2 })
        expect(result.run.report).toContain(
          '**Shape: pyramid.** 12 unit (67%), 4 integration (22%), 2 end-to-end (11%) of 18 tests in 3 test files.'
        )
      }
    }
  ],
  invalid: [
    NETWORK_REPORTED,
    CLOCK_REPORTED,
    SLEEP_REPORTED,
    SLEEP_CALLBACKS_REPORTED,
    SKIP_RANDOM_REPORTED,
    {
      // Judged false on koa: a timer that rejects races an event and fails the test when it wins;
      // it is a time-out, not a wait. The plain wait beside it is still a sleep.
      name: 'a time-out raced against an event is not a sleep; a plain wait is',
      files: {
        'package.json': '{"name":"app","devDependencies":{"jest":"^29.0.0"}}',
        'src/flag.js': 'exports.flag = () => true\n',
        'test/flag.test.js': [
          "const { flag } = require('../src/flag')",
          '',
          "test('answers in time', async () => {",
          '  const answer = Promise.resolve(flag())',
          '  const timeout = new Promise((resolve, reject) =>',
          "    setTimeout(() => reject(new Error('no answer')), 500)",
          '  )',
          '  expect(await Promise.race([answer, timeout])).toBe(true)',
          '})',
          '',
          "test('waits', async () => {",
          '  await new Promise((resolve) => setTimeout(resolve, 500))',
          '  expect(flag()).toBe(true)',
          '})',
          ''
        ].join('\n')
      },
      expected: [{ messageId: 'sleepInTest', file: 'test/flag.test.js', line: 12 }]
    },
    {
      // serve (judged round 7): `expect(response.ok);` in ten tests asserts nothing. The matched
      // expectations beside it and an awaited `expect(...)` chain are real assertions.
      name: 'assertionChecksNothing: an expect() without a matcher, once per file with the other lines',
      files: {
        'package.json': '{"name":"srv","devDependencies":{"vitest":"^1.0.0"}}',
        'src/serve.ts': 'export const serve = async () => ({ ok: true, status: 200 })\n',
        'tests/serve.test.ts': [
          "import { expect, test } from 'vitest'",
          "import { serve } from '../src/serve'",
          '',
          "test('serves', async () => {",
          '  const response = await serve()',
          '  expect(response.ok);',
          '  expect(response.status).toBe(200)',
          '})',
          '',
          "test('serves again', async () => {",
          '  const response = await serve()',
          '  expect(response.ok)',
          '  await expect(serve()).resolves.toEqual({ ok: true, status: 200 })',
          '})',
          ''
        ].join('\n')
      },
      expected: [{ messageId: 'assertionChecksNothing', file: 'tests/serve.test.ts', line: 6 }],
      check: (result) => {
        const f = result.run.findings.find((x) => x.messageId === 'assertionChecksNothing')
        expect(f?.title).toBe("expect(response.ok) in test 'serves' checks nothing")
        expect(f?.message).toContain('The file has 1 more (line 12).')
      }
    },
    {
      // Python: `m.called_once_with(...)` is an attribute a Mock makes up, so it checks nothing;
      // `m.assert_called_once_with(...)` beside it is the assertion.
      name: 'assertionChecksNothing: a Mock look-alike of an assertion in a pytest test',
      files: MOCK_LOOKALIKE,
      expected: [{ messageId: 'assertionChecksNothing', file: 'tests/test_notify.py', line: 8 }]
    },
    {
      name: 'TypeScript: classification, smells and specs',
      files: tsFixture,
      expected: TS_EXPECTED,
      check: (result) => {
        expect(levelOf(result, 'test/unit/price.test.ts')).toBe('unit')
        expect(levelOf(result, 'test/api.test.ts')).toBe('integration')
        expect(levelOf(result, 'test/rates.test.ts')).toBe('integration')
        expect(levelOf(result, 'e2e/checkout.spec.ts')).toBe('e2e')
        const api = details(result).files.find((f) => f.path === 'test/api.test.ts')
        expect(api?.reasons.map((r) => r.text)).toEqual(['imports supertest', 'calls app.listen()'])
        expect(
          details(result)
            .files.find((f) => f.path === 'e2e/checkout.spec.ts')
            ?.reasons.map((r) => r.text)
        ).toEqual(['in folder e2e/', 'imports @playwright/test'])
        expect(details(result).counts.perRunner.jest).toEqual({ unit: 5, integration: 2, e2e: 1 })
        expect(details(result).shape).toBe('too few tests to judge')
        expect(finding(result, 'focusedTest', 'test/unit/price.test.ts', 14).title).toBe(
          "test 'adds random numbers' is focused with it.only"
        )
        expect(finding(result, 'sleepInTest', 'test/unit/price.test.ts', 29).title).toBe(
          "setTimeout() waits 250 ms in test 'waits for the cache'"
        )
        expect(finding(result, 'networkInUnitTest', 'test/rates.test.ts', 4).message).toContain(
          'reaches rates.example.com'
        )
        expect(finding(result, 'orderDependence', 'test/unit/price.test.ts', 21).title).toBe(
          "test 'remembers the last total' reads cache, which test 'adds numbers' writes"
        )
        const move = finding(result, 'testCanMoveDown', 'test/api.test.ts', 4)
        expect(move.title).toBe('applyDiscount() is tested only through integration tests')
        const spec = result.run.specs.find((s) => s.covers.includes(move.id))
        expect(spec?.code).toContain('applyDiscount(1, 1)')
        // createApp() starts a server itself: not a function to test in isolation.
        expect(result.run.findings.some((f) => f.symbol === 'createApp')).toBe(false)
        expect(result.run.specs).toHaveLength(2)
        for (const s of result.run.specs) expect(typeScriptErrors(s.code)).toEqual([])
        expect(result.run.report).toContain(
          '| <code>test/api.test.ts</code> | integration | 1 | sends HTTP requests to the app: imports supertest; starts a server: calls app.listen() |'
        )
      }
    },
    {
      name: 'Python: classification, smells and specs',
      files: pyFixture,
      expected: [
        { messageId: 'networkInUnitTest', file: 'tests/test_remote.py', line: 5 },
        { messageId: 'testCanMoveDown', file: 'tests/integration/test_store.py', line: 3 },
        { messageId: 'sharedMutableState', file: 'tests/test_prices.py', line: 9 },
        { messageId: 'unseededRandom', file: 'tests/test_prices.py', line: 21 },
        { messageId: 'orderDependence', file: 'tests/test_prices.py', line: 26 },
        { messageId: 'skippedTest', file: 'tests/test_prices.py', line: 30 },
        { messageId: 'realClock', file: 'tests/test_prices.py', line: 31 },
        { messageId: 'sleepInTest', file: 'tests/test_prices.py', line: 35 },
        { messageId: 'skippedTest', file: 'tests/test_prices.py', line: 40 }
      ],
      check: (result) => {
        expect(levelOf(result, 'tests/test_prices.py')).toBe('unit')
        expect(levelOf(result, 'tests/integration/test_store.py')).toBe('integration')
        expect(
          details(result)
            .files.find((f) => f.path === 'tests/integration/test_store.py')
            ?.reasons.map((r) => r.text)
        ).toEqual(['in folder tests/integration/', 'imports sqlite3', 'uses the tmp_path fixture'])
        expect(finding(result, 'sleepInTest', 'tests/test_prices.py', 35).title).toBe(
          "time.sleep() waits 500 ms in test 'test_waits'"
        )
        expect(finding(result, 'skippedTest', 'tests/test_prices.py', 30).message).toContain(
          '@pytest.mark.skip(reason="flaky")'
        )
        // An expected failure on a class is reported once, for the class, not for each of its tests.
        expect(finding(result, 'skippedTest', 'tests/test_prices.py', 40).title).toBe(
          "suite 'TestRounding' is switched off"
        )
        // save() opens the database itself: not a function to test in isolation.
        expect(result.run.findings.some((f) => f.symbol === 'save')).toBe(false)
        expect(result.run.specs).toHaveLength(2)
        for (const s of result.run.specs) pythonParses(s.code)
        const move = finding(result, 'testCanMoveDown', 'tests/integration/test_store.py', 3)
        expect(result.run.specs.find((s) => s.covers.includes(move.id))?.code).toContain(
          'apply_discount(1.5, 1.5)'
        )
      }
    },
    {
      // Judged on http-server and superagent (session 7): Math.random picking a port or a unique key
      // that no assertion reads is not a reproducibility problem; a drawn value an assertion reads is.
      name: 'unseededRandom: a random port or key no assertion reads is not reported; an asserted draw is',
      files: readFixture('test-pyramid-random-keys'),
      expected: [{ messageId: 'unseededRandom', file: 'test/amount.test.js', line: 6 }]
    },
    {
      name: 'an ice-cream cone is a repository-level verdict',
      files: {
        'src/a.ts': 'export const a = 1\n',
        'test/a.test.ts': cases(
          2,
          "import { a } from '../src/a.js'",
          'if (a !== 1) throw new Error()'
        ),
        'cypress/e2e/shop.cy.ts': cases(9, '', 'cy.visit("/")')
      },
      expected: [{ messageId: 'unhealthyShape', file: null, line: null }],
      check: (result) => {
        const verdict = result.run.findings[0]
        expect(verdict.title).toBe('The test suite is shaped like an ice-cream cone')
        expect(verdict.message).toContain(
          '2 unit (18%), 0 integration (0%), 9 end-to-end (82%) of 11 tests'
        )
        expect(verdict.where).toEqual(['cypress/e2e/shop.cy.ts'])
      }
    },
    {
      name: 'unit and end-to-end tests with nothing between them make an hourglass',
      files: HOURGLASS,
      expected: [{ messageId: 'unhealthyShape', file: null, line: null }],
      check: (result) => {
        const verdict = result.run.findings[0]
        expect(verdict.title).toBe('The test suite is shaped like an hourglass')
        expect(verdict.severity).toBe('low')
        expect(result.run.report).toContain('; no integration tests.')
      }
    },
    {
      name: 'integration tests with no unit base around a product that serves nothing itself',
      files: serverSuite(NOT_A_SERVER),
      expected: [{ messageId: 'unhealthyShape', file: null, line: null }]
    },
    {
      name: 'integration tests with no unit base',
      files: {
        'app/__init__.py': '',
        'app/db.py': 'def rows():\n    return []\n',
        'tests/test_db.py': cases(10, 'import psycopg\n', 'psycopg.connect("")', true),
        'tests/test_unit.py': cases(1, '', 'assert True', true)
      },
      expected: [{ messageId: 'unhealthyShape', file: null, line: null }],
      check: (result) => {
        expect(result.run.findings[0].title).toBe(
          'The test suite is shaped like a pyramid with no unit base'
        )
        expect(result.run.findings[0].message).toContain(
          'most tests need a database (1 file), and few check a unit on its own'
        )
      }
    },
    {
      name: 'source code without tests',
      files: UNTESTED,
      expected: [{ messageId: 'noTests', file: null, line: null }],
      check: (result) =>
        expect(result.run.findings[0].title).toBe('No tests for 2 javascript/python source files')
    },
    {
      name: 'focusedTest near miss: the .only is removed',
      ...priceFixed('focusedTest', ["it.only('adds random numbers'", "it('adds random numbers'"])
    },
    {
      name: 'skippedTest near miss: the skipped test runs again',
      ...priceFixed('skippedTest', ["it.skip('stamps the time'", "it('stamps the time'"])
    },
    {
      name: 'unseededRandom near miss: the test uses a fixed number instead of Math.random()',
      ...priceFixed('unseededRandom', ['const n = Math.random()', 'const n = 0.5'])
    },
    {
      name: 'sharedMutableState near miss: a beforeEach hook empties the shared array',
      files: editFile(
        tsFixture,
        PRICE_TEST,
        ['import { describe, ', 'import { beforeEach, describe, '],
        [
          "describe('total', () => {\n",
          "describe('total', () => {\n  beforeEach(() => seen.splice(0))\n"
        ]
      ),
      expected: shifted(without(TS_EXPECTED, 'sharedMutableState'), PRICE_TEST, 7, 1)
    },
    {
      name: 'orderDependence near miss: the test sets the cache entry it reads',
      files: editFile(tsFixture, PRICE_TEST, [
        "  it('remembers the last total', () => {\n",
        "  it('remembers the last total', () => {\n    cache.set('last', total([1, 2]))\n"
      ]),
      // No test reads what another wrote; the cache both write without a reset is still shared state.
      expected: [
        ...shifted(without(TS_EXPECTED, 'orderDependence'), PRICE_TEST, 20, 1),
        { messageId: 'sharedMutableState', file: PRICE_TEST, line: 5 }
      ]
    },
    {
      name: 'testCanMoveDown near miss: applyDiscount() gets a unit test of its own',
      files: editFile(
        tsFixture,
        PRICE_TEST,
        ['import { total } from', 'import { applyDiscount, total } from'],
        [
          '    expect(total([])).toBe(0)\n  })\n',
          "    expect(total([])).toBe(0)\n  })\n\n  it('discounts', () => {\n    expect(applyDiscount(100, 10)).toBe(90)\n  })\n"
        ]
      ),
      expected: without(TS_EXPECTED, 'testCanMoveDown')
    }
  ]
})

describe('test-pyramid options', () => {
  it('caps findings per kind and says how many there were', async () => {
    const { run } = await runFixture(testPyramid, pyFixture, {
      options: { maxFindingsPerKind: 1, maxSpecs: 1 }
    })
    expect(run.status).toBe('ok')
    expect(run.findings.filter((f) => f.messageId === 'skippedTest')).toHaveLength(1)
    expect(run.metrics['findings.skippedTest']).toBe(2)
    expect(run.specs).toHaveLength(1)
    expect(run.report).toContain('**9 findings** (8 kept, the rest over the per-kind cap).')
  })

  it('stops before the perspective runs on a bad option, naming it, its value and what it accepts', async () => {
    // Options are checked against the schema before analyse: a ConfigurationError, not a failed run.
    await expect(
      runFixture(testPyramid, tsFixture, { options: { minTestsForShape: -2 } })
    ).rejects.toThrow(
      "perspectives.test-pyramid.minTestsForShape: -2 is not accepted: test-pyramid's option minTestsForShape takes a whole number of at least 0 (default 10)."
    )
  })
})
