// Perspective 13 (mocking-strategy) on small repositories written for these tests: each planted seam and
// mock problem is asserted by message id, file and line; clean and empty repositories give nothing;
// rendered specs parse (TypeScript with the compiler API, Python with `ast`); ids are stable between runs.
import mocking from '../../perspectives/mocking-strategy/index.js'
import type { MockingOptions } from '../../perspectives/mocking-strategy/options.js'
import { readFixture, runFixture, testPerspective, type FixtureRun } from './harness.js'
import { editFile } from './edit-files.js'
import { pythonParses, typeScriptErrors } from './case-helpers.js'

const tsFixture = readFixture('mocking-strategy-ts')
const pyFixture = readFixture('mocking-strategy-py')

const spec = (result: FixtureRun, title: string) => {
  const found = result.run.specs.find((s) => s.title.startsWith(title))
  if (!found)
    throw new Error(
      `no spec titled '${title}…'; got ${result.run.specs.map((s) => s.title).join(' | ')}`
    )
  return found
}

const CLEAN_TS: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'clean',
    type: 'module',
    devDependencies: { vitest: '^3.0.0' }
  }),
  'src/price.ts': [
    'export interface Clock {',
    '  now(): number',
    '}',
    '',
    'export function total(items: number[]): number {',
    '  return items.reduce((a, b) => a + b, 0)',
    '}',
    '',
    'export function expired(at: number, clock: Clock): boolean {',
    '  return clock.now() > at',
    '}',
    ''
  ].join('\n'),
  'test/price.test.ts': [
    "import { afterEach, expect, it, vi } from 'vitest'",
    "import { expired, total } from '../src/price'",
    '',
    'afterEach(() => {',
    '  vi.restoreAllMocks()',
    '})',
    '',
    "it('adds', () => {",
    "  vi.spyOn(Math, 'max')",
    '  expect(total([1, 2])).toBe(3)',
    '  expect(expired(1, { now: () => 2 })).toBe(true)',
    '})',
    ''
  ].join('\n')
}

const CLEAN_PY: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "clean"\n',
  'shop/__init__.py': '',
  'shop/price.py': [
    'import time',
    '',
    '',
    'def total(items: list) -> int:',
    '    return sum(items)',
    '',
    '',
    'def expired(at: float, clock=time.time) -> bool:',
    '    return clock() > at',
    ''
  ].join('\n'),
  'tests/test_price.py': [
    'from unittest import mock',
    '',
    'from shop import price',
    '',
    '',
    'def test_expired():',
    '    patcher = mock.patch("shop.price.time")',
    '    patcher.start()',
    '    try:',
    '        assert price.expired(0.0, clock=lambda: 1.0)',
    '    finally:',
    '        patcher.stop()',
    ''
  ].join('\n')
}

/** Seams a test can already replace, and one it cannot (judged false on the session-5 repositories). */
const seamRepo = (
  labelBody: string,
  testSetup: string,
  devDependencies = '{"mocha":"^10.0.0"}'
): Record<string, string> => ({
  'package.json': `{"name":"util","devDependencies":${devDependencies}}`,
  'src/util.js': [
    "const { readFileSync } = require('node:fs')",
    '',
    'function waitMs(ms) {',
    '  return new Promise((resolve) => setTimeout(resolve, ms))',
    '}',
    '',
    'function currentTime() {',
    '  return Date.now()',
    '}',
    '',
    'function expiresAt(ttl, clock = currentTime) {',
    '  return clock() + ttl',
    '}',
    '',
    'function apiBase() {',
    '  return process.env.API_BASE',
    '}',
    '',
    'function label(name) {',
    labelBody,
    '}',
    '',
    'module.exports = { waitMs, currentTime, expiresAt, apiBase, label }',
    ''
  ].join('\n'),
  'test/util.test.js': [
    "const { apiBase, label } = require('../src/util')",
    '',
    "test('reads the base', () => {",
    testSetup,
    "  expect(apiBase()).toBe('http://127.0.0.1:1')",
    "  expect(label('a')).toContain('a@')",
    '})',
    ''
  ].join('\n')
})

const PROMPT_FILES: Record<string, string> = {
  'app/__init__.py': '',
  'app/prompt.py': [
    'import getpass',
    '',
    '',
    'class Credentials:',
    '    def _ask(self, prompt):',
    '        return getpass.getpass(prompt)',
    '',
    '    def password(self, user):',
    '        secret = self._ask(f"{user}: ")',
    '        if not secret:',
    '            raise ValueError("empty password")',
    '        return secret.strip()',
    ''
  ].join('\n'),
  'tests/test_prompt.py': [
    'from unittest.mock import patch',
    '',
    'from app.prompt import Credentials',
    '',
    '',
    'def test_password():',
    '    with patch("app.prompt.Credentials._ask", return_value=" pw "):',
    '        assert Credentials().password("me") == "pw"',
    '',
    '',
    'def test_password_logic():',
    '    with patch("app.prompt.Credentials.password", return_value="x"):',
    '        assert Credentials().password("me") == "x"',
    ''
  ].join('\n')
}

testPerspective<MockingOptions>(mocking, {
  valid: [
    { name: 'empty repository', files: {} },
    {
      name: 'hardWiredSeam near miss: proxyquire is installed, so a test replaces the fs import',
      files: seamRepo(
        "  return `${name}@${readFileSync(name, 'utf8')}@${Date.now()}`",
        '  expect(apiBase).toBeDefined()',
        '{"mocha":"^10.0.0","proxyquire":"^2.1.3"}'
      )
    },
    {
      name: 'hardWiredSeam near miss: the test sets the variable, and label() takes the replaceable clock',
      files: seamRepo(
        '  return `${name}@${currentTime()}`',
        "  process.env.API_BASE = 'http://127.0.0.1:1'"
      )
    },
    {
      name: 'Python: no seam is reported (any attribute is patchable), the isolating spec is still written',
      files: {
        'pyproject.toml':
          '[project]\nname = "web"\n\n[dependency-groups]\ntest = ["pytest", "responses"]\n',
        'pkg/__init__.py': '',
        'pkg/web.py': [
          'from http import cookiejar',
          '',
          'import requests',
          '',
          'TIMEOUT = 5',
          '',
          '',
          'def build(url: str) -> object:',
          '    return requests.Request("GET", url)',
          '',
          '',
          'def host(request: object) -> str:',
          '    return cookiejar.request_host(request)',
          '',
          '',
          'def send(url: str) -> int:',
          '    return requests.post(url, timeout=TIMEOUT).status_code',
          ''
        ].join('\n'),
        'tests/test_web.py':
          'from unittest import mock\n\nfrom pkg import web\n\n\ndef test_send():\n    with mock.patch("pkg.web.TIMEOUT", 1):\n        assert web.build("x") is not None\n'
      },
      check: ({ run }) => {
        const net = spec(
          { run } as FixtureRun,
          'send() is isolated from the network with responses'
        )
        expect(net.code).toContain('mocked.add(responses.POST')
        for (const s of run.specs) pythonParses(s.code)
      }
    },
    {
      name: 'clean TypeScript: the clock is injected, spies restored in afterEach',
      files: CLEAN_TS
    },
    {
      name: 'clean Python: the clock is a default parameter, the patcher is stopped, time is patched where used',
      files: CLEAN_PY
    },
    {
      name: 'restoreMocks: true in jest.config.js restores every spy',
      files: {
        'package.json': JSON.stringify({ name: 'cfg', devDependencies: { jest: '^29.0.0' } }),
        'jest.config.js': 'export default { restoreMocks: true }\n',
        'src/a.js': 'export function a(x) {\n  return x + 1\n}\n',
        'test/a.test.js':
          "import { a } from '../src/a.js'\nit('a', () => {\n  jest.spyOn(Math, 'max')\n  expect(a(1)).toBe(2)\n})\n"
      }
    },
    {
      name: 'the logic test patches the adapter, not the method it tests (near miss of subjectMocked)',
      files: editFile(PROMPT_FILES, 'tests/test_prompt.py', [
        'patch("app.prompt.Credentials.password", return_value="x")',
        'patch("app.prompt.Credentials._ask", return_value="x")'
      ])
    }
  ],
  invalid: [
    {
      // Judged false on nodemon (session 7): the clock and a variable are globals a test sets in place.
      name: "hardWiredSeam: a named fs import no test can replace without a module mocker; the clock and a variable (globals), a sleep, a caller-replaceable default and a test's variable are not",
      files: seamRepo(
        "  return `${name}@${readFileSync(name, 'utf8')}@${Date.now()}`",
        '  expect(apiBase).toBeDefined()'
      ),
      expected: [{ messageId: 'hardWiredSeam', file: 'src/util.js', line: 20 }]
    },
    {
      // Judged false on httpie: patching the project's own thin wrapper around getpass is the
      // adapter seam done right; patching the module's business logic is still reported.
      name: "Python: patching the project's own adapter is the right seam; patching its logic is not",
      files: PROMPT_FILES,
      expected: [{ messageId: 'subjectMocked', file: 'tests/test_prompt.py', line: 12 }]
    },
    {
      // Judged false on koa: listen() makes the app's own server, which tests reach through
      // supertest or app.callback(); an outgoing request beside it is still a seam to control.
      name: 'a server the unit starts is not a network seam; a request it sends is',
      files: {
        'package.json': '{"name":"app","devDependencies":{"jest":"^29.0.0"}}',
        'src/app.js': [
          "const http = require('node:http')",
          "const https = require('node:https')",
          '',
          'class Application {',
          '  listen(port) {',
          '    return http.createServer(this.callback()).listen(port)',
          '  }',
          '',
          '  callback() {',
          '    return (req, res) => res.end()',
          '  }',
          '',
          '  ping(url) {',
          '    return https.get(url)',
          '  }',
          '}',
          '',
          'module.exports = { Application }',
          ''
        ].join('\n'),
        'test/app.test.js': [
          "const { Application } = require('../src/app')",
          "test('callback', () => expect(typeof new Application().callback()).toBe('function'))",
          ''
        ].join('\n')
      },
      expected: [{ messageId: 'hardWiredSeam', file: 'src/app.js', line: 14 }]
    },
    {
      name: 'TypeScript: hard-wired seams, the subject mocked, own and third-party mocks, unrestored spies',
      files: tsFixture,
      expected: [
        // The clock, the fs import and the variable (lines 10, 14, 27): jest fakes them in place.
        { messageId: 'hardWiredSeam', file: 'src/weather.ts', line: 5 },
        { messageId: 'subjectMocked', file: 'test/weather.test.ts', line: 6 },
        { messageId: 'ownModuleMocked', file: 'test/weather.test.ts', line: 7 },
        { messageId: 'foreignTypeMocked', file: 'test/weather.test.ts', line: 8 },
        { messageId: 'mockNotRestored', file: 'test/weather.test.ts', line: 11 },
        { messageId: 'foreignTypeMocked', file: 'test/weather.test.ts', line: 12 }
      ],
      check: ({ run }) => {
        const axios = run.findings.find((f) => f.startLine === 5)
        expect(axios?.title).toBe(
          'forecast() in src/weather.ts reaches the network directly through axios.get'
        )
        expect(axios?.severity).toBe('medium')
        expect(run.findings.find((f) => f.messageId === 'subjectMocked')?.severity).toBe('high')
        expect(run.findings.find((f) => f.messageId === 'mockNotRestored')?.title).toBe(
          '2 jest.spyOn call(s) in test/weather.test.ts never restored'
        )
        const details = run.details as {
          seams: { unit: string; seam: string; mode: string; via: string }[]
        }
        // Injected seams: a default parameter and a constructor argument, attributed to the method using it.
        expect(details.seams).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              unit: 'status',
              seam: 'network',
              mode: 'injected',
              via: 'fetchImpl'
            }),
            expect.objectContaining({
              unit: 'Cache.put',
              seam: 'clock',
              mode: 'injected',
              via: 'clock'
            })
          ])
        )
        expect(details.seams.some((s) => s.unit === 'status' && s.mode === 'hard-wired')).toBe(
          false
        )
        expect(run.metrics.hardWired).toBe(5)
        expect(run.metrics.injected).toBe(2)
        expect(run.report).toContain('| network | 1 | 1 |')
        const clock = spec({ run } as FixtureRun, 'stamp() is isolated from the clock')
        expect(clock.code).toContain('jest.useFakeTimers()')
        expect(clock.code).toContain("jest.setSystemTime(new Date('2026-01-01T00:00:00.000Z'))")
        expect(clock.code).toContain('jest.useRealTimers()')
        expect(clock.covers).toEqual([
          axios ? run.findings.find((f) => f.startLine === 10)?.id : ''
        ])
        const net = spec({ run } as FixtureRun, 'forecast() is isolated from the network')
        expect(net.code).toContain("import { setupServer } from 'msw/node'")
        expect(net.code).toContain('expect(seen.length).toBeGreaterThan(0)')
        // The test already spies on Math.random: token()'s seam is not reported, nor specified again.
        expect(run.findings.some((f) => f.startLine === 23)).toBe(false)
        expect(spec({ run } as FixtureRun, 'region()').code).toContain(
          "process.env['AWS_REGION'] = 'example'"
        )
        expect(spec({ run } as FixtureRun, 'loadConfig()').code).toContain('it.todo(')
        for (const s of run.specs) expect(typeScriptErrors(s.code)).toEqual([])
      }
    },
    {
      name: 'Python: hard-wired seams, a patched subject, an own-module patch, a patcher never stopped, boto3 mocked',
      files: pyFixture,
      expected: [
        { messageId: 'subjectMocked', file: 'tests/test_service.py', line: 7 },
        { messageId: 'mockNotRestored', file: 'tests/test_service.py', line: 15 },
        { messageId: 'foreignTypeMocked', file: 'tests/test_service.py', line: 20 },
        { messageId: 'ownModuleMocked', file: 'tests/test_service.py', line: 25 }
      ],
      check: ({ run }) => {
        const details = run.details as {
          seams: { unit: string; seam: string; mode: string; via: string }[]
        }
        expect(details.seams).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              unit: 'timed',
              seam: 'clock',
              mode: 'injected',
              via: 'clock'
            })
          ])
        )
        // Patching `app.service.time` replaces the clock where it is used: not a mock of own code.
        expect(
          run.findings.some(
            (f) => f.snippet?.includes('app.service.time') && f.messageId !== 'mockNotRestored'
          )
        ).toBe(false)
        const net = spec(
          { run } as FixtureRun,
          'fetch_user() is isolated from the network with responses'
        )
        expect(net.code).toContain("mocked.add(responses.GET, re.compile(r'.*'), json={})")
        expect(spec({ run } as FixtureRun, 'elapsed()').code).toContain(
          "mp.setattr(time, 'time', lambda: 1767225600.0)"
        )
        expect(spec({ run } as FixtureRun, 'today()').code).toContain(
          "with freeze_time('2026-01-01T00:00:00.000Z'):"
        )
        expect(spec({ run } as FixtureRun, 'pick()').code).toContain('random.seed(1234)')
        expect(spec({ run } as FixtureRun, 'home()').code).toContain(
          "mp.setenv('HOME_DIR', 'example')"
        )
        for (const s of run.specs) pythonParses(s.code)
      }
    },
    {
      name: 'a unit with two hard-wired seams gets todo specs that name the other fake',
      files: {
        'package.json': JSON.stringify({
          name: 'poll',
          type: 'module',
          devDependencies: { vitest: '^3.0.0' }
        }),
        'src/poll.ts': [
          'export async function poll(url: string): Promise<number> {',
          '  const started = Date.now()',
          '  const res = await fetch(url)',
          '  return res.status + started',
          '}',
          ''
        ].join('\n')
      },
      // The clock (line 2) is faked in place: its spec is written, not a finding.
      expected: [{ messageId: 'hardWiredSeam', file: 'src/poll.ts', line: 3 }],
      check: ({ run }) => {
        expect(run.specs).toHaveLength(2)
        for (const s of run.specs) {
          expect(s.code).toContain('it.todo(')
          expect(typeScriptErrors(s.code)).toEqual([])
        }
        expect(run.specs.map((s) => s.title).join(' | ')).toContain(
          'TODO: also fake its network (msw (setupServer) or nock)'
        )
      }
    },
    {
      name: 'maxFindings caps the findings and the report says how many more',
      files: tsFixture,
      options: { maxFindings: 2 },
      expected: [
        { messageId: 'subjectMocked', file: 'test/weather.test.ts', line: 6 },
        { messageId: 'hardWiredSeam', file: 'src/weather.ts', line: 5 }
      ],
      check: ({ run }) => {
        expect(run.metrics.findings).toBe(6)
        expect(run.report).toContain('…and 4 more findings.')
      }
    }
  ]
})

describe('mocking-strategy specs per framework', () => {
  for (const framework of ['vitest', 'node:test', 'mocha'] as const) {
    it(`renders the clock and network set-up for ${framework}`, async () => {
      const result = await runFixture(mocking, tsFixture, {
        target: { framework, language: 'typescript' }
      })
      const clock = spec(result, 'stamp() is isolated from the clock')
      const expected = {
        vitest: 'vi.useFakeTimers()',
        'node:test':
          "mock.timers.enable({ apis: ['Date', 'setTimeout', 'setInterval'], now: Date.parse('2026-01-01T00:00:00.000Z') })",
        mocha: "const clock = sinon.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00.000Z') })"
      }[framework]
      expect(clock.code).toContain(expected)
      for (const s of result.run.specs) expect(typeScriptErrors(s.code)).toEqual([])
    })
  }

  it('stops before the perspective runs on a bad option, naming it, its value and what it accepts', async () => {
    // Options are checked against the schema before analyse: a ConfigurationError, not a failed run.
    await expect(runFixture(mocking, CLEAN_TS, { options: { maxSpecs: -1 } })).rejects.toThrow(
      "perspectives.mocking-strategy.maxSpecs: -1 is not accepted: mocking-strategy's option maxSpecs takes a whole number of at least 0 (default 20)."
    )
  })
})
