// Perspective 2 (failure-modes) on small repositories written for these tests: each planted throw,
// throwing call and unchecked optional is asserted by file and line; the FMEA scores and their order,
// the specs (parsed by the real parsers, and the Python ones run by pytest against the fixture) too.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import failureModes from '../../perspectives/failure-modes/index.js'
import type { FailureOptions } from '../../perspectives/failure-modes/options.js'
import { pythonSyntaxErrors, tsSyntaxErrors } from '../specs/helpers.js'
import { readFixture, runFixture, testPerspective, type FixtureRun } from './harness.js'
import { editFile, without } from './edit-files.js'
import type { ExpectedFinding } from './harness-checks.js'

interface FmeaRow {
  rpn: number
  severity: number
  occurrence: number
  detection: number
  kind: string
  file: string
  line: number
  where: string
  effect: string
  reach: string
  tests: string
  inputs: string[]
  guard: string | null
  errorType: string | null
  finding: string | null
}

const fmea = (result: FixtureRun): FmeaRow[] => (result.run.details as { fmea: FmeaRow[] }).fmea
const row = (result: FixtureRun, file: string, line: number, kind: string): FmeaRow => {
  const found = fmea(result).find((r) => r.file === file && r.line === line && r.kind === kind)
  if (!found) throw new Error(`no ${kind} row at ${file}:${line}`)
  return found
}
const specTitled = (result: FixtureRun, start: string) => {
  const spec = result.run.specs.find((s) => s.title.startsWith(start))
  if (!spec)
    throw new Error(
      `no spec titled '${start}…'; specs: ${result.run.specs.map((s) => s.title).join(' / ')}`
    )
  return spec
}

const tsFixture = readFixture('failure-modes-ts')
const pyFixture = readFixture('failure-modes-py')
const hasPytest = spawnSync('python3', ['-c', 'import pytest'], { stdio: 'ignore' }).status === 0

const TS_EXPECTED: ExpectedFinding[] = [
  { messageId: 'awaitedIo', file: 'src/net.ts', line: 2 },
  { messageId: 'throwingCall', file: 'src/net.ts', line: 2 },
  { messageId: 'uncheckedOptional', file: 'src/config.ts', line: 36 },
  { messageId: 'throwingCall', file: 'src/config.ts', line: 10 },
  { messageId: 'throwingCall', file: 'src/config.ts', line: 6 },
  { messageId: 'throwingCall', file: 'src/config.ts', line: 16 }
]
/** A module whose risky calls are all caught, checked or on literals. */
const SAFE_TS =
  'export function parse(text: string): unknown {\n  try {\n    return JSON.parse(text)\n  } catch (error) {\n    return { error: String(error) }\n  }\n}\n' +
  '\nexport const DEFAULTS = JSON.parse(\'{"retries": 3}\')\n' +
  '\nexport function tidy(text: string, suffix?: string): string {\n  return suffix === undefined ? text.trim() : text.trim() + suffix.trim()\n}\n' +
  "\nexport function pad(text: string, fill?: string): string {\n  return text + (fill?.trim() ?? ' ')\n}\n"
const URL_TS =
  "import { existsSync, readFileSync } from 'node:fs'\n\n" +
  "export function readOptional(path: string): string | null {\n  return existsSync(path) ? readFileSync(path, 'utf8') : null\n}\n\n" +
  'export class UrlError extends Error {}\n\n' +
  "export function parseUrl(text: string): URL {\n  try {\n    return new URL(text)\n  } catch {\n    throw new UrlError('not a URL')\n  }\n}\n\n" +
  "export const NAMES = ['a'].map(function (name) {\n  if (name === '') throw new Error('empty')\n  return name\n})\n"

/**
 * Reading the package's own package.json beside a module (judged false on json-server, session 5:
 * `new URL('../package.json', import.meta.url)` cannot throw, nor can parsing the shipped file);
 * `file` is what the URL is built from.
 */
const ownFileRepo = (file: string): Record<string, string> => ({
  'package.json':
    '{"name":"cli","version":"1.0.0","type":"module","devDependencies":{"jest":"^29.0.0"}}',
  'src/version.ts': [
    "import { readFileSync } from 'node:fs'",
    '',
    'export function version(name: string): string {',
    `  const pkg = JSON.parse(readFileSync(new URL(${file}, import.meta.url), 'utf8'))`,
    '  return `${name} ${pkg.version}`',
    '}',
    ''
  ].join('\n')
})

/** A Decimal rounded to an int (judged false on falcon, session 5) beside text converted to one. */
const roundRepo = (argument: string): Record<string, string> => ({
  'pyproject.toml': '[project]\nname = "shop"\n',
  'shop/rounding.py': `def round_to_int(dec):\n    return int(${argument})\n`
})

testPerspective<FailureOptions>(failureModes, {
  valid: [
    {
      name: "throwingCall near miss: the package's own package.json, by a literal URL beside the module",
      files: ownFileRepo("'../package.json'")
    },
    {
      name: 'throwingCall near miss: int() of the number a Decimal method returns',
      files: roundRepo('dec.to_integral_value()')
    },
    {
      // Judged intended on bottle, httpie and structlog: a raise is a designed error. One the
      // project's tests expect (directly, or through a subclass that inherits the raising
      // constructor) needs nothing; one no test expects gets a spec that pins it, not a finding.
      name: 'Python: raises are contracts; a spec pins the ones no test expects',
      files: {
        'tpl/__init__.py': '',
        'tpl/core.py': [
          'class TemplateError(Exception):',
          '    pass',
          '',
          '',
          'class BaseTemplate:',
          '    def __init__(self, name=None):',
          '        if not name:',
          '            raise TemplateError("no template name")',
          '        self.name = name',
          '',
          '',
          'class SimpleTemplate(BaseTemplate):',
          '    pass',
          '',
          '',
          'def shift(parts, count):',
          '    if not 0 < count <= len(parts):',
          '        raise AssertionError("cannot shift")',
          '    return parts[count:]',
          '',
          '',
          'def render(template, values):',
          '    found = lookup(values, template.name)',
          '    if found is None:',
          '        raise RuntimeError("nothing to render")',
          '    return found',
          '',
          '',
          'def lookup(values, name):',
          '    return values.get(name)',
          ''
        ].join('\n'),
        'tests/test_core.py': [
          'import pytest',
          '',
          'from tpl.core import SimpleTemplate, TemplateError, render, shift',
          '',
          '',
          'def test_missing_name():',
          '    with pytest.raises(TemplateError):',
          '        SimpleTemplate(name=None)',
          '',
          '',
          'def test_shift_too_far():',
          '    with pytest.raises(AssertionError):',
          '        shift(["a"], 3)',
          '',
          '',
          'def test_render():',
          '    assert render(SimpleTemplate("a"), {"a": 1}) == 1',
          ''
        ].join('\n')
      },
      check: (result) => {
        expect(row(result, 'tpl/core.py', 8, 'throw').tests).toBe('asserted')
        expect(row(result, 'tpl/core.py', 18, 'throw').tests).toBe('asserted')
        expect(row(result, 'tpl/core.py', 25, 'throw').tests).not.toBe('asserted')
        expect(result.run.specs.map((s) => s.title)).toEqual([
          expect.stringContaining('render throws RuntimeError')
        ])
        expect(result.run.metrics).toMatchObject({ designedThrows: 1, argumentContracts: 2 })
      }
    },
    { name: 'an empty repository has no failure modes', files: {} },
    {
      name: 'functions whose whole body is a throw: raising is their contract, not a way they fail',
      files: {
        'src/errors.ts':
          'export class UsageError extends Error {}\n\nexport function fail(message: string): never {\n  throw new UsageError(message)\n}\n',
        'cli/context.py':
          'class UsageError(Exception):\n    pass\n\n\nclass Context:\n    def fail(self, message):\n        """Aborts with a usage error."""\n        raise UsageError(message, self)\n'
      }
    },
    {
      name: 'TypeScript whose risky calls are caught, checked or on literals',
      files: {
        'src/safe.ts': SAFE_TS
      }
    },
    {
      name: 'Python whose conversions are caught and whose optional is checked',
      files: {
        'app/convert.py':
          'def to_int(text):\n    try:\n        return int(text)\n    except (TypeError, ValueError):\n        return -1\n' +
          '\n\ndef name_of(user=None):\n    if user:\n        return user.strip()\n    return "anonymous"\n'
      }
    },
    {
      name: 'modes under the minimum RPN give no findings but stay in the table',
      files: {
        'src/a.ts':
          "export function check(n: number): number {\n  if (n < 0) throw new RangeError('negative')\n  return n\n}\n",
        '__tests__/a.test.ts':
          "import { check } from '../src/a'\n\ntest('negative', () => {\n  expect(() => check(-1)).toThrow(RangeError)\n})\n"
      },
      options: { minRpn: 200 },
      check: (result) => {
        expect(fmea(result).map((r) => [r.rpn, r.tests, r.finding])).toEqual([
          [48, 'asserted', null]
        ])
        expect(result.run.report).toContain('1 have a test asserting the error')
      }
    },
    {
      name: 'argument checks are contracts with specs (a construct spec for a constructor), not findings; an optional passed on to a call first is left alone',
      files: {
        'src/pool.ts':
          'export class Pool {\n  constructor(readonly size: number) {\n    if (size <= 0) throw new RangeError(`size must be positive, got ${size}`)\n  }\n}\n\n' +
          'export function label(name: string, options?: { upper: boolean }): string {\n  const settings = normalise(options)\n  return settings.upper ? options.toString() : name\n}\n\n' +
          "function normalise(options?: { upper: boolean }): { upper: boolean; name: string } {\n  return { upper: false, name: '', ...options }\n}\n",
        'lib/legacy.js':
          "export function repeat(text, times) {\n  if (typeof text !== 'string') throw new TypeError('text must be a string')\n  return text.repeat(times)\n}\n"
      },
      target: { framework: 'vitest', language: 'typescript' },
      check: (result) => {
        // Plain JavaScript: the untyped trailing parameter is left out, the guard's typeof gives a number.
        const legacy = specTitled(result, 'repeat throws TypeError').code
        expect(legacy).toContain('expect(() => repeat(1)).toThrow(TypeError)')
        expect(legacy).toContain("toThrow('text must be a string')")
        const spec = specTitled(result, 'new Pool(…) throws RangeError when guard size <= 0')
        expect(spec.code).toContain('expect(() => new Pool(0)).toThrow(RangeError)')
        expect(spec.code).toContain('RangeError')
        expect(tsSyntaxErrors(spec.code, spec.fileName)).toEqual([])
      }
    },
    {
      name: 'empty names filtered out before the map, not thrown inside its callback (near miss of explicitThrow)',
      files: {
        'src/url.ts': URL_TS.replace(
          "export const NAMES = ['a'].map(function (name) {\n  if (name === '') throw new Error('empty')\n  return name\n})\n",
          "export const NAMES = ['a'].filter((name) => name !== '')\n"
        )
      }
    }
  ],
  invalid: [
    {
      name: 'throwingCall: a file the caller names, read and parsed',
      files: ownFileRepo('name'),
      expected: [
        { messageId: 'throwingCall', file: 'src/version.ts', line: 4 },
        { messageId: 'throwingCall', file: 'src/version.ts', line: 4 },
        { messageId: 'throwingCall', file: 'src/version.ts', line: 4 }
      ]
    },
    {
      name: 'throwingCall: int() of the text the caller passes',
      files: roundRepo('dec'),
      expected: [{ messageId: 'throwingCall', file: 'shop/rounding.py', line: 2 }]
    },
    {
      name: 'TypeScript: throws, throwing calls, awaited I/O and an unchecked optional',
      files: tsFixture,
      expected: TS_EXPECTED,
      check: async (result) => {
        const rows = fmea(result)
        // Sorted by RPN, highest first.
        expect(rows.map((r) => r.rpn)).toEqual([...rows.map((r) => r.rpn)].sort((a, b) => b - a))
        // Untested public function, caller-controlled input, escaping: S7 x O8 x D10.
        expect(row(result, 'src/net.ts', 2, 'call')).toMatchObject({
          rpn: 560,
          effect: 'propagates',
          reach: 'public',
          tests: 'unreached',
          inputs: ['address']
        })
        // Tests name parseConfig but assert no error from it; they assert setRetries' RangeError.
        expect(row(result, 'src/config.ts', 6, 'call')).toMatchObject({
          severity: 7,
          occurrence: 8,
          detection: 6,
          tests: 'referenced'
        })
        expect(row(result, 'src/config.ts', 25, 'throw')).toMatchObject({
          rpn: 48,
          tests: 'asserted',
          guard: 'n < 0',
          errorType: 'RangeError'
        })
        // Caught and dropped vs caught and handled.
        expect(row(result, 'src/config.ts', 16, 'call')).toMatchObject({
          effect: 'swallowed',
          severity: 3
        })
        expect(row(result, 'src/net.ts', 8, 'call')).toMatchObject({
          effect: 'handled',
          severity: 2,
          finding: null
        })
        // shout checks its optional suffix: no row.
        expect(rows.some((r) => r.where === 'shout')).toBe(false)
        // Throws that reject a bad argument are the functions' contracts: no finding, a spec instead.
        expect(result.run.findings.some((f) => f.messageId === 'explicitThrow')).toBe(false)
        expect(row(result, 'src/config.ts', 31, 'throw')).toMatchObject({
          finding: null,
          effectText: "rejecting a bad name is pickMode's contract: no finding, a spec checks it"
        })
        expect(result.run.metrics).toMatchObject({
          failureModes: 9,
          explicitThrows: 2,
          throwingCalls: 6,
          uncheckedOptionals: 1,
          handled: 1,
          swallowed: 1,
          argumentContracts: 2
        })

        // Specs: the guard literal gives the argument; own error classes are imported and asserted with the message.
        const pickSpec = specTitled(result, 'pickMode throws ConfigError')
        expect(pickSpec.code).toContain(
          "expect(() => pickMode('fast-unexpected')).toThrow(ConfigError)"
        )
        expect(pickSpec.code).toContain("toThrow('unknown mode')")
        expect(specTitled(result, 'greet throws TypeError').code).toContain(
          "expect(() => greet('example', undefined)).toThrow(TypeError)"
        )
        expect(specTitled(result, 'fetchJson rejects TypeError').code).toContain(
          "await expect(fetchJson('not a url')).rejects.toThrow(TypeError)"
        )
        expect(specTitled(result, 'safeParse recovers').code).toContain("safeParse('{not json')")
        expect(specTitled(result, 'loadConfig readFileSync fails: TODO').code).toContain('it.todo(')
        // The asserted setRetries mode needs no new spec.
        expect(result.run.specs.some((s) => s.title.startsWith('setRetries'))).toBe(false)
        for (const spec of result.run.specs) {
          expect([spec.fileName, tsSyntaxErrors(spec.code, spec.fileName)]).toEqual([
            spec.fileName,
            []
          ])
          // A contract spec (pickMode) covers no finding; every other covers one.
          expect(spec.covers.length).toBe(spec.title.startsWith('pickMode') ? 0 : 1)
        }
        expect(result.run.report).toContain('#### FMEA (sorted by RPN)')
      }
    },
    {
      name: "TypeScript fixture near miss: greet's optional prefix read with ?. and a default",
      files: editFile(tsFixture, 'src/config.ts', [
        'return prefix.trim() + name',
        "return (prefix?.trim() ?? '') + name"
      ]),
      expected: without(TS_EXPECTED, 'uncheckedOptional')
    },
    {
      name: 'TypeScript fixture near miss: fetchJson catches the rejected fetch and rethrows with the address',
      files: editFile(tsFixture, 'src/net.ts', [
        '  const response = await fetch(new URL(address))\n  return response.json()\n',
        '  try {\n    const response = await fetch(new URL(address))\n    return await response.json()\n  } catch (error) {\n    throw new Error(`cannot fetch ${address}`, { cause: error })\n  }\n'
      ]),
      expected: without(TS_EXPECTED, 'awaitedIo').filter((e) => e.file !== 'src/net.ts')
    },
    {
      // lint-staged's shape (judged false in round 6): inside Promise.allSettled a rejection is a result.
      name: 'a rejected access inside Promise.allSettled is a result; the Promise.all twin rejects',
      files: {
        'src/present.ts': [
          "import fs from 'node:fs/promises'",
          '',
          'export async function presentFiles(names: string[]): Promise<string[]> {',
          '  const results = await Promise.allSettled(',
          '    names.map(async (name) => {',
          '      await fs.access(name)',
          '      return name',
          '    })',
          '  )',
          "  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))",
          '}',
          '',
          'export async function allFiles(names: string[]): Promise<string[]> {',
          '  return await Promise.all(',
          '    names.map(async (name) => {',
          '      await fs.access(name)',
          '      return name',
          '    })',
          '  )',
          '}',
          ''
        ].join('\n')
      },
      expected: [{ messageId: 'awaitedIo', file: 'src/present.ts', line: 16 }]
    },
    {
      name: "the safe module with parse's JSON.parse not caught",
      files: {
        'src/safe.ts': SAFE_TS.replace(
          '  try {\n    return JSON.parse(text)\n  } catch (error) {\n    return { error: String(error) }\n  }\n',
          '  return JSON.parse(text)\n'
        )
      },
      expected: [{ messageId: 'throwingCall', file: 'src/safe.ts', line: 2 }]
    },
    {
      name: 'Python: a guarded raise, conversions, file and JSON reads and an unchecked Optional',
      files: pyFixture,
      expected: [
        { messageId: 'uncheckedOptional', file: 'billing/rates.py', line: 33 },
        { messageId: 'throwingCall', file: 'billing/rates.py', line: 14 },
        { messageId: 'throwingCall', file: 'billing/rates.py', line: 10 },
        { messageId: 'throwingCall', file: 'billing/rates.py', line: 15 },
        { messageId: 'throwingCall', file: 'billing/rates.py', line: 20 }
      ],
      check: async (result) => {
        expect(row(result, 'billing/rates.py', 28, 'throw')).toMatchObject({
          tests: 'asserted',
          errorType: 'RateError',
          guard: 'rate > 1'
        })
        expect(row(result, 'billing/rates.py', 10, 'call')).toMatchObject({
          tests: 'referenced',
          errorType: 'ValueError'
        })
        expect(row(result, 'billing/rates.py', 15, 'call')).toMatchObject({
          inputs: [],
          occurrence: 5
        })
        expect(row(result, 'billing/rates.py', 20, 'call')).toMatchObject({ effect: 'swallowed' })
        expect(fmea(result).some((r) => r.where === 'describe')).toBe(false)
        expect(specTitled(result, 'label throws AttributeError').code).toContain(
          "label('example', None)"
        )
        expect(specTitled(result, 'parse_amount throws ValueError').code).toContain(
          'with pytest.raises(ValueError):'
        )
        // A method of a class built without arguments: construct it, call the method with the guard's value.
        const ledger = specTitled(result, 'Ledger.add throws ValueError when guard amount < 0').code
        expect(ledger).toContain(
          "instance = Ledger()\n    with pytest.raises(ValueError, match=re.escape('negative amount')):\n        instance.add(-1)"
        )
        const errors = await pythonSyntaxErrors(result.run.specs.map((s) => s.code))
        expect(errors).toEqual(result.run.specs.map(() => null))
        if (hasPytest) {
          // The specs are real tests: run them against the fixture. Each call spec passes, each todo skips.
          const root = mkdtempSync(join(tmpdir(), 'failure-modes-py-'))
          try {
            for (const [path, text] of Object.entries(result.files)) {
              mkdirSync(dirname(join(root, path)), { recursive: true })
              writeFileSync(join(root, path), text)
            }
            result.run.specs.forEach((s, i) =>
              writeFileSync(join(root, 'tests', `test_spec_${i}.py`), s.code)
            )
            const run = spawnSync(
              'python3',
              ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests'],
              { cwd: root, encoding: 'utf8' }
            )
            const calls = result.run.specs.filter((s) => !s.code.includes('pytest.skip(')).length
            expect(run.stdout).toMatch(
              new RegExp(`\\b${calls + 2} passed, ${result.run.specs.length - calls} skipped\\b`)
            )
          } finally {
            rmSync(root, { recursive: true, force: true })
          }
        }
      }
    },
    {
      name: 'a catch that throws its own error, an existence check and an inline callback',
      files: {
        'src/url.ts': URL_TS
      },
      // The UrlError that parseUrl converts new URL's failure into is designed: a contract with a
      // spec, no finding. The throw inside a callback is a finding: no caller can catch it there.
      expected: [{ messageId: 'explicitThrow', file: 'src/url.ts', line: 18 }],
      check: (result) => {
        // new URL is caught and converted: handled, its UrlError is the mode that escapes.
        expect(row(result, 'src/url.ts', 11, 'call')).toMatchObject({
          effect: 'handled',
          finding: null
        })
        expect(row(result, 'src/url.ts', 13, 'throw')).toMatchObject({
          effect: 'propagates',
          finding: null
        })
        expect(row(result, 'src/url.ts', 18, 'throw')).toMatchObject({
          reach: 'callback',
          severity: 6
        })
        // The value new URL fails on reaches the catch that throws UrlError.
        const spec = specTitled(result, 'parseUrl throws UrlError when text = "not a url"').code
        expect(spec).toContain("parseUrl('not a url')")
        expect(spec).toContain('UrlError')
        expect(fmea(result).some((r) => r.line === 4)).toBe(false)
      }
    },
    {
      name: 'module-level code, methods and repeated calls get todo specs and distinct ids',
      files: {
        'src/store.ts':
          "import { readFileSync } from 'node:fs'\n\nexport const SETTINGS = JSON.parse(readFileSync(process.env.SETTINGS_FILE ?? 'settings.json', 'utf8'))\n\n" +
          'export class Store {\n  load(text: string): unknown {\n    const first = JSON.parse(text)\n    const second = JSON.parse(text)\n    return [first, second]\n  }\n}\n'
      },
      expected: [
        { messageId: 'throwingCall', file: 'src/store.ts', line: 3 },
        { messageId: 'throwingCall', file: 'src/store.ts', line: 3 },
        { messageId: 'throwingCall', file: 'src/store.ts', line: 7 },
        { messageId: 'throwingCall', file: 'src/store.ts', line: 8 }
      ],
      check: async (result) => {
        const load = result.run.findings.find(
          (f) => f.startLine === 3 && f.title.startsWith('readFileSync')
        )
        expect(load?.message).toContain('importing the module fails')
        expect(row(result, 'src/store.ts', 7, 'call')).toMatchObject({
          reach: 'public',
          where: 'Store.load'
        })
        expect(new Set(result.run.findings.map((f) => f.id)).size).toBe(4)
        // Module-level failures are todos; the method's are concrete steps on an instance built without arguments.
        const todos = result.run.specs.filter((s) => s.title.includes('TODO arrange'))
        expect(todos.map((s) => s.title)).toEqual([
          expect.stringContaining(
            'src/store.ts (module level) JSON.parse fails: TODO arrange the module state'
          ),
          expect.stringContaining(
            'src/store.ts (module level) readFileSync fails: TODO arrange the module state'
          )
        ])
        const method = result.run.specs.filter((s) =>
          s.title.startsWith('Store.load throws SyntaxError')
        )
        expect(method.length).toBe(2)
        expect(method[0].code).toContain(
          "const instance = new Store()\n    assert.throws(() => instance.load('{not json'), SyntaxError)"
        )
        const jest = await runFixture(failureModes, result.files, {
          target: { framework: 'jest', language: 'typescript' }
        })
        expect(jest.run.specs.find((s) => s.title.startsWith('Store.load'))?.code).toContain(
          "expect(() => instance.load('{not json')).toThrow(SyntaxError)"
        )
        for (const spec of result.run.specs)
          expect(tsSyntaxErrors(spec.code, spec.fileName)).toEqual([])
      }
    }
  ]
})

describe('failure-modes: options', () => {
  it('stops before the perspective runs on a bad option, naming it, its value and what it accepts', async () => {
    // Options are checked against the schema before analyse: a ConfigurationError, not a failed run.
    await expect(
      runFixture(
        failureModes,
        { 'src/a.ts': 'export const a = 1\n' },
        { options: { maxFindings: -1 } }
      )
    ).rejects.toThrow(
      "perspectives.failure-modes.maxFindings: -1 is not accepted: failure-modes's option maxFindings takes a whole number from 0 to 100000 (default 100)."
    )
  })

  it('caps findings and says how many more there are', async () => {
    const result = await runFixture(failureModes, tsFixture, { options: { maxFindings: 2 } })
    expect(result.run.findings.length).toBe(2)
    expect(result.run.metrics.findingsOverCap).toBe(4)
    expect(result.run.report).toContain('…and 4 more findings over the cap of 2.')
  })
})
