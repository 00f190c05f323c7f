// Perspective 4 (edge-cases) on small repositories written for these tests: planted off-by-one loops,
// switches without a default and untested boundaries are asserted by file and line; the catalogue's
// values, the specs' expectations (throw on the rejecting side of a guard, todo where undecidable)
// and that every rendered spec parses.
import { nearMiss, numbersAround } from '../../perspectives/edge-cases/boundaries.js'
import edgeCases from '../../perspectives/edge-cases/index.js'
import type { EdgeOptions } from '../../perspectives/edge-cases/options.js'
import type { TestSpec } from '../../src/specs/types.js'
import { pythonSyntaxErrors, tsSyntaxErrors } from '../specs/helpers.js'
import { readFixture, runFixture, testPerspective, type FixtureRun } from './harness.js'
import { edited } from './case-helpers.js'

interface CatalogueRow {
  file: string
  function: string
  callable: boolean
  params: {
    name: string
    kind: string
    values: { label: string; source: string; line: number | null }[]
  }[]
  boundaries: { param: string; operator: string; literal: unknown; line: number }[]
}

const catalogue = (result: FixtureRun): CatalogueRow[] =>
  (result.run.details as { catalogue: CatalogueRow[] }).catalogue
const row = (result: FixtureRun, fn: string): CatalogueRow => {
  const found = catalogue(result).find((r) => r.function === fn)
  if (!found)
    throw new Error(
      `no catalogue row for ${fn}: ${catalogue(result)
        .map((r) => r.function)
        .join(', ')}`
    )
  return found
}
const spec = (result: FixtureRun, symbol: string): TestSpec => {
  const found = result.run.specs.find((s) => s.target.symbol === symbol)
  if (!found)
    throw new Error(`no spec for ${symbol}: ${result.run.specs.map((s) => s.title).join(' / ')}`)
  return found
}
const labels = (r: CatalogueRow, param: string): string[] =>
  r.params.find((p) => p.name === param)?.values.map((v) => v.label) ?? []

async function expectSpecsParse(result: FixtureRun): Promise<void> {
  const js = result.run.specs.filter((s) => s.language !== 'python')
  for (const s of js)
    expect({ file: s.fileName, errors: tsSyntaxErrors(s.code, s.fileName) }).toEqual({
      file: s.fileName,
      errors: []
    })
  const py = result.run.specs.filter((s) => s.language === 'python')
  const errors = await pythonSyntaxErrors(py.map((s) => s.code))
  expect(errors).toEqual(py.map(() => null))
}

const tsFixture = readFixture('edge-cases-ts')
const pyFixture = readFixture('edge-cases-py')

testPerspective<EdgeOptions>(edgeCases, {
  valid: [
    { name: 'an empty repository has no boundaries', files: {} },
    {
      name: 'a tested function with guarded boundaries, a loop to length - 1 and a switch with a default',
      files: {
        'package.json': '{ "name": "clean", "devDependencies": { "jest": "^29.0.0" } }\n',
        'src/page.ts': [
          'export function page(items: string[], size: number): string[] {',
          "  if (size <= 0) throw new RangeError('size must be positive')",
          '  const out: string[] = []',
          '  for (let i = 0; i < items.length && i < size; i++) out.push(items[i])',
          '  return out',
          '}',
          '',
          'export function kind(code: number): string {',
          '  switch (code) {',
          '    case 1:',
          "      return 'one'",
          '    default:',
          "      return 'many'",
          '  }',
          '}',
          ''
        ].join('\n'),
        '__tests__/page.test.ts':
          "import { kind, page } from '../src/page.js'\n\ntest('page', () => {\n  expect(page(['a'], 1)).toEqual(['a'])\n  expect(kind(1)).toBe('one')\n})\n"
      },
      check: async (result) => {
        const r = row(result, 'page')
        expect(labels(r, 'size').slice(0, 2)).toEqual(['0', '1'])
        expect(result.run.specs.map((s) => s.target.symbol)).toEqual(['page', 'kind'])
        await expectSpecsParse(result)
      }
    },
    {
      name: 'a table of length + 1 and a reassigned parameter are not boundaries to report',
      files: {
        'src/distance.js': [
          'export function distance(a, b) {',
          '  const d = []',
          '  for (let i = 0; i <= a.length; i++) d[i] = [i]',
          '  for (let j = 1; j <= b.length; j++) d[0][j] = j + a[j - 1]',
          '  return d',
          '}',
          '',
          'export function parts(args) {',
          "  args = args.split(',')",
          '  if (args.length === 2) return args',
          '  return []',
          '}',
          ''
        ].join('\n')
      },
      check: (result) => {
        // The loops' `<=` comparisons have no literal; `args` is compared only after it was reassigned.
        expect(catalogue(result).map((r) => [r.function, r.boundaries.length])).toEqual([
          ['distance', 0]
        ])
        expect(result.run.metrics.loops).toBe(2)
      }
    },
    {
      name: 'a comparison with undefined gives undefined, not null',
      files: {
        'lib/opt.js':
          'export function opt(x, n) {\n  if (x === undefined) return 0\n  if (n !== null) return n\n  return x\n}\n',
        'test/opt.test.js':
          "import { opt } from '../lib/opt.js'\n\ntest('opt', () => expect(opt()).toBe(0))\n"
      },
      check: (result) => {
        expect(labels(row(result, 'opt'), 'x')).toEqual(['undefined'])
        expect(labels(row(result, 'opt'), 'n')).toEqual(['null'])
      }
    },
    {
      name: 'a function inside an exported namespace is catalogued but not imported by its own name',
      files: {
        'src/ns.ts':
          "export namespace util {\n  export const isA = (s: string): boolean => {\n    if (s === 'a') return true\n    return false\n  }\n}\n"
      },
      check: (result) => {
        expect(row(result, 'isA').callable).toBe(false)
        expect(result.run.specs).toEqual([])
      }
    },
    {
      name: 'an untyped parameter the function calls or maps over is not taken for a string',
      files: {
        'lib/use.js':
          "export function use(fn, list) {\n  if (fn.length > 1) return fn(list)\n  if (list.length === 0) return []\n  return list.join(',')\n}\n",
        'test/use.test.js':
          "import { use } from '../lib/use.js'\n\ntest('use', () => expect(use((x) => x, [])).toEqual([]))\n"
      },
      check: (result) => {
        const r = row(result, 'use')
        expect(r.params.map((p) => [p.name, p.kind])).toEqual([
          ['fn', 'unknown'],
          ['list', 'array']
        ])
        expect(labels(r, 'fn')).toEqual([])
        expect(labels(r, 'list')).toEqual(['length 0'])
      }
    },
    {
      name: 'a switch followed by a return and a side-effect switch in a loop are not flagged',
      files: {
        'lib/route.js': [
          'export function route(method) {',
          '  switch (method) {',
          "    case 'GET':",
          "      return 'read'",
          '  }',
          "  return 'other'",
          '}',
          '',
          'export function count(tokens) {',
          '  const seen = {}',
          '  for (const t of tokens) {',
          '    switch (t) {',
          "      case 'a':",
          '        seen.a = true',
          '    }',
          '  }',
          '  return seen',
          '}',
          ''
        ].join('\n'),
        'test/route.test.js':
          "import { route, count } from '../lib/route.js'\n\ntest('route', () => {\n  expect(route('GET')).toBe('read')\n  expect(count([])).toEqual({})\n})\n"
      }
    }
  ],
  invalid: [
    {
      name: 'near miss: the same switch with a default',
      files: edited(
        tsFixture,
        'src/limits.ts',
        "      return 'Beta'\n  }",
        "      return 'Beta'\n    default:\n      return undefined\n  }"
      ),
      expected: [
        { messageId: 'untestedBoundary', file: 'src/limits.ts', line: 2 },
        { messageId: 'offByOneLoop', file: 'src/limits.ts', line: 11 },
        { messageId: 'untestedBoundary', file: 'src/limits.ts', line: 20 }
      ]
    },
    {
      name: 'near miss: the same loop stops before length',
      files: edited(tsFixture, 'src/limits.ts', 'i <= items.length', 'i < items.length'),
      expected: [
        { messageId: 'untestedBoundary', file: 'src/limits.ts', line: 2 },
        { messageId: 'switchWithoutDefault', file: 'src/limits.ts', line: 19 },
        { messageId: 'untestedBoundary', file: 'src/limits.ts', line: 20 }
      ]
    },
    {
      name: 'near miss: the test also calls clampPercent and label',
      files: edited(
        edited(
          tsFixture,
          '__tests__/names.test.ts',
          "import { colour, initials, step } from '../src/names.js'",
          "import { colour, initials, step } from '../src/names.js'\nimport { clampPercent, label } from '../src/limits.js'"
        ),
        '__tests__/names.test.ts',
        "    expect(colour(3)).toBe('unknown')",
        "    expect(colour(3)).toBe('unknown')\n    expect(clampPercent(101)).toBe(100)\n    expect(label('a')).toBe('Alpha')"
      ),
      expected: [
        { messageId: 'offByOneLoop', file: 'src/limits.ts', line: 11 },
        { messageId: 'switchWithoutDefault', file: 'src/limits.ts', line: 19 }
      ]
    },
    {
      name: 'TypeScript: a loop to length inclusive, a switch without default, untested boundaries',
      files: tsFixture,
      expected: [
        { messageId: 'untestedBoundary', file: 'src/limits.ts', line: 2 },
        { messageId: 'offByOneLoop', file: 'src/limits.ts', line: 11 },
        { messageId: 'switchWithoutDefault', file: 'src/limits.ts', line: 19 },
        { messageId: 'untestedBoundary', file: 'src/limits.ts', line: 20 }
      ],
      check: async (result) => {
        const clamp = row(result, 'clampPercent')
        expect(clamp.boundaries.map((b) => [b.param, b.operator, b.literal, b.line])).toEqual([
          ['value', '<', 0, 2],
          ['value', '>', 100, 5]
        ])
        expect(labels(clamp, 'value')).toEqual([
          '-1',
          '0',
          '100',
          '101',
          '1',
          '0.5',
          '-0',
          'Number.MAX_SAFE_INTEGER',
          'Number.MIN_SAFE_INTEGER',
          'NaN',
          'Infinity',
          '-Infinity'
        ])
        expect(clamp.params[0].values[0].source).toBe('`value < 0` (line 2)')
        expect(labels(row(result, 'label'), 'kind').slice(0, 4)).toEqual([
          '"a"',
          '"A" (near miss)',
          '"b"',
          '"B" (near miss)'
        ])
        expect(labels(row(result, 'initials'), 'name').slice(0, 2)).toEqual([
          'length 0',
          'length 1'
        ])
        // The literal union parameter takes only its members; the switch over it is exhaustive, so no finding.
        expect(labels(row(result, 'step'), 'direction')).toEqual(['"up"', '"down"'])

        const clampSpec = spec(result, 'clampPercent')
        expect(clampSpec.framework).toBe('jest')
        expect(clampSpec.code).toContain(
          "{ name: 'value = -1 (line 2)', args: [-1], message: 'negative percent' }"
        )
        expect(clampSpec.code).toContain('.toThrow(RangeError)')
        expect(clampSpec.code).toContain("{ name: 'value = 0 (line 2)', args: [0] }")
        expect(clampSpec.code).toContain("{ name: 'value = 101 (line 5)', args: [101] }")
        expect(clampSpec.code).toContain('it.each(safeCases)')
        expect(clampSpec.code).toMatch(/it\.todo\('results on both sides of each boundary/)
        const untested = result.run.findings.find(
          (f) => f.messageId === 'untestedBoundary' && f.symbol === 'clampPercent'
        )
        expect(clampSpec.covers).toEqual([untested?.id])
        expect(clampSpec.priority).toBe('P1')
        expect(spec(result, 'sumFirst').covers).toEqual([
          result.run.findings.find((f) => f.messageId === 'offByOneLoop')?.id
        ])
        const loop = result.run.findings.find((f) => f.messageId === 'offByOneLoop')
        expect(loop?.snippet).toBe('  for (let i = 0; i <= items.length; i++) {')
        expect(loop?.message).toContain('`i <= items.length` and reads `items[i]`')
        const sw = result.run.findings.find((f) => f.messageId === 'switchWithoutDefault')
        expect(sw?.message).toContain(
          "handles 'a', 'b' and has no default branch: any other value ('other')"
        )
        expect(sw?.severity).toBe('medium')
        expect(result.run.metrics['findings.untestedBoundary']).toBe(2)
        expect(result.run.report).toContain('#### Edge-case catalogue')
        await expectSpecsParse(result)
      }
    },
    {
      name: 'Python: a while loop to len() inclusive, a match without a wildcard, untested boundaries',
      files: pyFixture,
      expected: [
        { messageId: 'untestedBoundary', file: 'inventory/stock.py', line: 2 },
        { messageId: 'offByOneLoop', file: 'inventory/stock.py', line: 12 },
        { messageId: 'switchWithoutDefault', file: 'inventory/stock.py', line: 19 },
        { messageId: 'untestedBoundary', file: 'inventory/stock.py', line: 20 },
        { messageId: 'untestedBoundary', file: 'inventory/names.py', line: 16 },
        { messageId: 'untestedBoundary', file: 'inventory/names.py', line: 24 },
        { messageId: 'untestedBoundary', file: 'inventory/names.py', line: 33 }
      ],
      check: async (result) => {
        const reserve = row(result, 'reserve')
        expect(labels(reserve, 'quantity')).toEqual(['0', '1', '-1', '2**53 - 1', '-(2**53 - 1)'])
        const code = spec(result, 'reserve').code
        expect(code).toContain(
          "pytest.param([0], 'quantity must be positive', id='quantity = 0 (line 2)')"
        )
        // The default of `available` (10) is read, so the second guard is decided too.
        expect(code).toContain(
          "pytest.param([(2**53 - 1)], 'not enough stock', id='quantity = 2**53 - 1')"
        )
        expect(code).toContain("pytest.param([1, 0], 'not enough stock', id='available = 0')")
        expect(code).toContain("pytest.param([1], id='quantity = 1 (line 2)')")
        expect(code).toContain('with pytest.raises(ValueError, match=re.escape(message)):')
        expect(labels(row(result, 'initials'), 'name').slice(0, 2)).toEqual([
          'length 0',
          'length 1'
        ])
        expect(spec(result, 'initials').code).toContain(
          "pytest.param([''], id='name = length 0 (line 2)')"
        )
        const match = result.run.findings.find((f) => f.messageId === 'switchWithoutDefault')
        expect(match?.message).toContain('returns None')
        // `not (1 <= method <= 3)`: a negated Python chain is decided on both sides.
        const pick = spec(result, 'pick').code
        expect(pick).toContain("pytest.param([0], 'invalid method', id='method = 0 (line 16)')")
        expect(pick).toContain("pytest.param([4], 'invalid method', id='method = 4 (line 16)')")
        expect(pick).toContain("pytest.param([3], id='method = 3 (line 16)')")
        const untested = result.run.findings.find((f) => f.symbol === 'pick')
        expect(untested).toMatchObject({ severity: 'medium', confidence: 'medium' })
        expect(untested?.message).toContain('tests import its module but none names it')
        // A raise inside `if strict:` fires when the default (True) holds and `n > 10`.
        const limit = spec(result, 'limit').code
        expect(limit).toContain("pytest.param([11], 'too big', id='n = 11 (line 33)')")
        expect(limit).toContain("pytest.param([10], id='n = 10 (line 33)')")
        // An `elif` raise needs the earlier branches false; `not isinstance(...)` cannot be decided.
        const flag = spec(result, 'parse_flag').code
        expect(flag).not.toContain('pytest.raises')
        expect(flag).toContain('decide whether it throws at line 27 (`strict`)')
        await expectSpecsParse(result)
      }
    },
    {
      name: 'a guard in an else branch of JavaScript stays undecided; a negated Python else is decided',
      files: {
        'src/sign.js': [
          'export function sign(n) {',
          '  if (n > 0) {',
          '    return 1',
          '  } else {',
          "    throw new Error('not positive')",
          '  }',
          '}',
          ''
        ].join('\n'),
        'pkg/sign.py': [
          'def sign(n: int) -> int:',
          '    if n > 0:',
          '        return 1',
          '    else:',
          '        raise ValueError("not positive")',
          ''
        ].join('\n')
      },
      expected: [
        { messageId: 'untestedBoundary', file: 'src/sign.js', line: 2 },
        { messageId: 'untestedBoundary', file: 'pkg/sign.py', line: 2 }
      ],
      check: async (result) => {
        const js = result.run.specs.find((s) => s.target.file === 'src/sign.js')
        const py = result.run.specs.find((s) => s.target.file === 'pkg/sign.py')
        expect(js?.code).toContain(
          "it.todo('n = 0 (line 2) (decide whether it throws at line 5 (`n > 0`))')"
        )
        expect(js?.code).not.toContain('assert.throws')
        expect(py?.code).toContain("pytest.param([0], 'not positive', id='n = 0 (line 2)')")
        expect(py?.code).toContain("pytest.param([1], id='n = 1 (line 2)')")
        await expectSpecsParse(result)
      }
    },
    {
      name: 'other languages: a Java loop to length inclusive that reads the element',
      files: {
        'src/main/java/Sum.java': [
          'public class Sum {',
          '  public static int total(int[] xs) {',
          '    int s = 0;',
          '    for (int i = 0; i <= xs.length; i++) { s += xs[i]; }',
          '    return s;',
          '  }',
          '}',
          ''
        ].join('\n')
      },
      expected: [{ messageId: 'offByOneLoop', file: 'src/main/java/Sum.java', line: 4 }],
      check: (result) => {
        // Java types are not read and nothing compares xs with a literal: nothing to catalogue or call.
        expect(catalogue(result)).toEqual([])
        expect(result.run.specs).toEqual([])
      }
    },
    {
      name: 'findings are capped per kind and the metrics count all',
      files: {
        'src/loops.ts': [
          'export function a(xs: number[]): number {',
          '  let s = 0',
          '  for (let i = 0; i <= xs.length; i++) s += xs[i]',
          '  return s',
          '}',
          'export function b(xs: number[]): number {',
          '  let i = 0',
          '  while (xs.length >= i) i += xs[i]',
          '  return i',
          '}',
          ''
        ].join('\n')
      },
      options: { maxFindingsPerKind: 1, maxSpecs: 0 },
      expected: [{ messageId: 'offByOneLoop', file: 'src/loops.ts', line: 3 }],
      check: (result) => {
        expect(result.run.metrics['findings.offByOneLoop']).toBe(2)
        expect(result.run.specs).toEqual([])
      }
    }
  ]
})

describe('values on both sides of a boundary', () => {
  it('gives the side where the comparison holds and the side where it does not', () => {
    expect(numbersAround('>', 100)).toEqual([100, 101])
    expect(numbersAround('>=', 0)).toEqual([-1, 0])
    expect(numbersAround('<', 10)).toEqual([9, 10])
    expect(numbersAround('<=', 5)).toEqual([5, 6])
    expect(numbersAround('===', 3)).toEqual([2, 3, 4])
    expect(numbersAround('>', 0.5)).toEqual([0.5, 0.51])
    expect(numbersAround('in', 1)).toEqual([])
  })

  it('makes a near miss of a string literal', () => {
    expect(nearMiss('get')).toBe('GET')
    expect(nearMiss('GET')).toBe('get')
    expect(nearMiss('/')).toBe('/ ')
    expect(nearMiss('')).toBe(' ')
  })
})

describe('edge-cases options', () => {
  it('stops before the perspective runs on a bad option, naming it, its value and what it accepts', async () => {
    // Options are checked against the schema before analyse: a ConfigurationError, not a failed run.
    await expect(
      runFixture(
        edgeCases,
        { 'a.ts': 'export const x = 1\n' },
        { options: { maxValuesPerParam: 0 } }
      )
    ).rejects.toThrow(
      "perspectives.edge-cases.maxValuesPerParam: 0 is not accepted: edge-cases's option maxValuesPerParam takes a whole number of at least 1 (default 14)."
    )
  })
})
