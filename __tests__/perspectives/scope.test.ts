// Perspective 1 (scope) on small repositories written for these tests: planted untested units, entry
// points and routes are asserted by file and line; the inventory, the ranking and the specs too.
import scope from '../../perspectives/scope/index.js'
import type { EntryPoint } from '../../perspectives/scope/entry-points.js'
import type { Inventory } from '../../perspectives/scope/inventory.js'
import type { RankedTarget } from '../../perspectives/scope/ranking.js'
import type { ScopeOptions } from '../../perspectives/scope/options.js'
import { readFixture, runFixture, testPerspective, type FixtureRun } from './harness.js'
import { editFile } from './edit-files.js'

interface Details {
  inventory: Inventory
  publicApi: { modules: Inventory['publicApi']; packageEntries: Inventory['packageEntries'] }
  entryPoints: (Omit<EntryPoint, 'loc'> & { line: number | null })[]
  targets: RankedTarget[]
  targetsTotal: number
  outOfScope: Inventory['outOfScope']
}

const details = (result: FixtureRun): Details => result.run.details as Details
const specFor = (result: FixtureRun, symbol: string) => {
  const spec = result.run.specs.find((s) => s.target.symbol === symbol)
  if (!spec)
    throw new Error(
      `no spec for ${symbol}; specs: ${result.run.specs.map((s) => s.title).join(' / ')}`
    )
  return spec
}

const tsFixture = readFixture('scope-ts')
const pyFixture = readFixture('scope-py')

const NO_TEST_FILE: Record<string, string> = {
  'package.json': '{ "name": "untested" }\n',
  'src/parse.ts':
    'export function parsePort(text: string): number {\n  const n = Number(text)\n  return Number.isInteger(n) ? n : 0\n}\n'
}

const FASTAPI: Record<string, string> = {
  'service/main.py': [
    'from fastapi import FastAPI',
    '',
    'app = FastAPI()',
    '',
    '',
    '@app.get("/items/{item_id}")',
    'def read_item(item_id: int) -> dict:',
    '    return {"id": item_id}',
    '',
    '',
    '@app.delete("/admin/cache")',
    'def clear_cache() -> None:',
    '    return None',
    ''
  ].join('\n'),
  'tests/test_api.py': [
    'import httpx',
    '',
    '',
    'def test_read_item():',
    '    response = httpx.get("http://127.0.0.1:8000/items/3")',
    '    assert response.status_code == 200',
    ''
  ].join('\n')
}

const COMPLEX_PRIVATE: Record<string, string> = {
  'lib/route.js': [
    'function classify(code) {',
    '  if (code === 1) return "a"',
    '  if (code === 2) return "b"',
    '  if (code === 3) return "c"',
    '  if (code === 4) return "d"',
    '  if (code === 5) return "e"',
    '  return code > 9 && code < 20 ? "teen" : "other"',
    '}',
    '',
    'export function route(code) {',
    '  return classify(code)',
    '}',
    ''
  ].join('\n'),
  'test/other.test.js': "test('nothing here', () => {\n  expect(1).toBe(1)\n})\n"
}

/**
 * A CommonJS module that is one function, required under another name by a tape-style test (judged
 * false on polka, session 5: "imports it but none references it"). `body` is the test's assertion.
 */
const oneFunctionRepo = (body: string): Record<string, string> => ({
  'package.json':
    '{ "name": "url-parts", "main": "index.js", "devDependencies": { "tape": "^5.0.0" } }\n',
  'index.js': [
    'module.exports = function (req) {',
    "  const at = req.url.indexOf('?')",
    '  return at === -1 ? { path: req.url } : { path: req.url.slice(0, at), query: req.url.slice(at + 1) }',
    '}',
    ''
  ].join('\n'),
  'tests/index.js': [
    "const test = require('tape')",
    "const parse = require('../index.js')",
    '',
    "test('splits the query', (t) => {",
    `  ${body}`,
    '  t.end()',
    '})',
    ''
  ].join('\n')
})

testPerspective<ScopeOptions>(scope, {
  valid: [
    { name: 'an empty repository has nothing to test', files: {} },
    {
      name: 'noTests and untestedPublicUnit near miss: parsePort gets a test beside it',
      files: {
        ...NO_TEST_FILE,
        'src/parse.test.ts':
          "import { parsePort } from './parse.js'\n\ntest('parses a port', () => expect(parsePort('8080')).toBe(8080))\n"
      }
    },
    {
      name: 'complexFunction near miss: a test imports route() and runs it',
      options: { complexityThreshold: 5 },
      files: editFile(COMPLEX_PRIVATE, 'test/other.test.js', [
        "test('nothing here', () => {\n  expect(1).toBe(1)\n})\n",
        "import { route } from '../lib/route.js'\n\ntest('routes the teens', () => {\n  expect(route(13)).toBe('teen')\n})\n"
      ])
    },
    {
      name: 'untestedPublicUnit near miss: the test calls the required one-function module by its own name',
      files: oneFunctionRepo("t.deepEqual(parse({ url: '/a?b=1' }), { path: '/a', query: 'b=1' })")
    },
    {
      name: 'a repository without source code has nothing to test',
      files: { 'README.md': '# Notes\n\nNo code here.\n' }
    },
    {
      name: 'a TypeScript repository whose public functions are all tested',
      files: {
        'package.json': '{ "name": "clean-ts", "devDependencies": { "jest": "^29.0.0" } }\n',
        'src/math.ts':
          'export function add(a: number, b: number): number {\n  return a + b\n}\n\nexport class Counter {\n  n = 0\n}\n',
        '__tests__/math.test.ts':
          "import { add, Counter } from '../src/math'\n\ntest('add', () => {\n  expect(add(1, 2)).toBe(3)\n  expect(new Counter().n).toBe(0)\n})\n"
      },
      check: (result) => {
        expect(result.run.risk).toBe(0)
        expect(details(result).targets.map((t) => [t.symbol, t.reach])).toEqual([
          ['add', 'referenced'],
          ['Counter', 'referenced']
        ])
      }
    },
    {
      name: 'a test that imports an index reaches the module the index re-exports',
      files: {
        'src/index.ts': "export * from './text.js'\n",
        'src/text.ts': 'export function shout(s: string): string {\n  return s.toUpperCase()\n}\n',
        'test/index.test.ts':
          "import { shout } from '../src/index.js'\n\nit('shouts', () => expect(shout('a')).toBe('A'))\n"
      }
    },
    {
      name: 'a Python package whose public functions are all tested',
      files: {
        'geometry/shapes.py':
          'def area(w: float, h: float) -> float:\n    return w * h\n\n\ndef _private(x):\n    return x\n',
        'tests/test_shapes.py':
          'from geometry.shapes import area\n\n\ndef test_area():\n    assert area(2, 3) == 6\n'
      }
    },
    {
      name: 'declaration files and test fixtures are not test targets',
      files: {
        'src/a.ts': 'export function a(): number {\n  return 1\n}\n',
        'types/extra.d.ts': 'export declare function extra(input: string): number\n',
        '__tests__/a.test.ts':
          "import { a } from '../src/a'\n\ntest('a', () => expect(a()).toBe(1))\n",
        '__tests__/fixtures/app/server.ts':
          "export function serve(port: number): void {\n  if (port < 0) throw new Error('port')\n}\n",
        '__tests__/fixtures/app/package.json':
          '{ "name": "fixture-app", "bin": { "fixture-app": "server.ts" } }\n'
      },
      options: { largeModuleLines: 1 },
      check: (result) => {
        const d = details(result)
        expect(d.outOfScope).toMatchObject({
          supportFiles: 1,
          supportLines: 3,
          supportExamples: ['__tests__/fixtures/app/server.ts']
        })
        expect(d.inventory.packages).toEqual([])
        expect(d.entryPoints).toEqual([])
        expect(d.targets.map((t) => t.symbol)).toEqual(['a'])
      }
    },
    {
      name: 'a repository of data tables without tests has no behaviour to test',
      files: { 'src/table.ts': 'export const CODES = [\n  200,\n  404,\n  500\n]\n' },
      options: { largeModuleLines: 2 }
    },
    {
      name: 'a CLI that a test runs by its path is tested',
      files: {
        'package.json': '{ "name": "tool", "bin": { "tool": "cli.js" } }\n',
        'cli.js': "#!/usr/bin/env node\nprocess.stdout.write('hi\\n')\n",
        'test/cli.test.js':
          "import { execFileSync } from 'node:child_process'\n\ntest('prints', () => {\n  expect(execFileSync('node', ['cli.js']).toString()).toBe('hi\\n')\n})\n"
      }
    }
  ],
  invalid: [
    {
      name: 'a CLI source with a #! line is an entry point; its emitted declaration file is not (micro, round 7)',
      files: {
        'src/bin/serve.ts': "#!/usr/bin/env node\nconsole.log('serving')\n",
        'types/src/bin/serve.d.ts': '#!/usr/bin/env node\nexport {}\n'
      },
      expected: [{ messageId: 'entryPointUntested', file: 'src/bin/serve.ts', line: 1 }]
    },
    {
      name: 'TypeScript: untested units, HTTP routes and a bin',
      files: tsFixture,
      expected: [
        { messageId: 'untestedPublicUnit', file: 'src/text.ts', line: 6 },
        { messageId: 'untestedPublicUnit', file: 'src/pricing.ts', line: 8 },
        { messageId: 'untestedPublicUnit', file: 'src/pricing.ts', line: 31 },
        { messageId: 'untestedRoute', file: 'src/server.ts', line: 7 },
        { messageId: 'untestedRoute', file: 'src/server.ts', line: 11 },
        { messageId: 'entryPointUntested', file: 'bin/slugger.js', line: 1 }
      ],
      check: (result) => {
        const d = details(result)
        expect(d.inventory.languages).toEqual([
          { language: 'typescript', files: 4, lines: 72, testFiles: 1, testLines: 7 },
          { language: 'javascript', files: 1, lines: 9, testFiles: 0, testLines: 0 }
        ])
        expect(d.inventory.totals).toEqual({
          files: 5,
          lines: 81,
          sourceFiles: 4,
          sourceLines: 74,
          testFiles: 1,
          testLines: 7
        })
        expect(d.inventory.packages).toEqual([
          {
            path: 'package.json',
            kind: 'package.json',
            name: 'scope-fixture-ts',
            version: '1.2.3',
            workspaces: [],
            modules: 4,
            lines: 74
          }
        ])
        expect(d.publicApi.packageEntries).toEqual([
          {
            manifest: 'package.json',
            field: 'main',
            key: 'main',
            spec: 'dist/text.js',
            module: 'src/text.ts'
          },
          {
            manifest: 'package.json',
            field: 'bin',
            key: 'slugger',
            spec: 'bin/slugger.js',
            module: 'bin/slugger.js'
          }
        ])
        expect(d.entryPoints.map((e) => [e.kind, e.name, e.file, e.line])).toEqual([
          ['bin', 'slugger', 'bin/slugger.js', 1],
          ['main', 'bin/slugger.js', 'bin/slugger.js', 1],
          ['cli', 'commander', 'bin/slugger.js', 2],
          ['http-route', 'GET /health', 'src/server.ts', 7],
          ['http-route', 'POST /orders/:id/price', 'src/server.ts', 11]
        ])
        // The branchy, imported, untested function first; the tested one last.
        expect(d.targets.map((t) => [t.symbol, t.reach])).toEqual([
          ['priceOrder', 'unreached'],
          ['Cart', 'unreached'],
          ['truncate', 'module-imported'],
          ['slugify', 'referenced']
        ])
        // Risk = share of the ranking weight tests do not reach: (68 + 45 + 33 x 0.5) / (68 + 45 + 33 + 19).
        expect(d.targets.map((t) => t.score)).toEqual([68, 45, 33, 19])
        expect(result.run.risk).toBe(78)
        const top = d.targets[0]
        expect(top.fanIn).toBe(1)
        expect(top.maxComplexity).toBeGreaterThanOrEqual(10)
        expect(result.run.metrics).toMatchObject({
          files: 5,
          sourceFiles: 4,
          testFiles: 1,
          publicSymbols: 4,
          publicFunctions: 3,
          publicClasses: 1,
          entryPoints: 5,
          httpRoutes: 2,
          untestedPublicSymbols: 3
        })
        const price = result.run.findings.find((f) => f.symbol === 'priceOrder')
        // Without a coverage report the claim is an estimate: at most medium, and low confidence.
        expect(price).toMatchObject({
          severity: 'medium',
          confidence: 'low',
          title: 'Untested public function priceOrder'
        })
        expect(price?.message).toContain('estimated')
        expect(price?.message).toContain('imported by 1 module')
        const truncate = result.run.findings.find((f) => f.symbol === 'truncate')
        expect(truncate).toMatchObject({ severity: 'low', confidence: 'low' })
        expect(truncate?.message).toContain(
          '1 test file (__tests__/text.test.ts) imports src/text.ts but none references it'
        )
        expect(result.run.findings.find((f) => f.messageId === 'entryPointUntested')?.snippet).toBe(
          '#!/usr/bin/env node'
        )
      }
    },
    {
      name: 'Python: untested units, a __main__ CLI and a Flask route',
      files: pyFixture,
      expected: [
        { messageId: 'untestedPublicUnit', file: 'inventory/stock.py', line: 12 },
        { messageId: 'untestedPublicUnit', file: 'inventory/stock.py', line: 22 },
        { messageId: 'untestedPublicUnit', file: 'inventory/cli.py', line: 6 },
        { messageId: 'untestedPublicUnit', file: 'inventory/api.py', line: 7 },
        { messageId: 'entryPointUntested', file: 'inventory/cli.py', line: 6 },
        { messageId: 'untestedRoute', file: 'inventory/api.py', line: 6 }
      ],
      check: (result) => {
        const d = details(result)
        expect(d.inventory.languages).toEqual([
          { language: 'python', files: 5, lines: 61, testFiles: 1, testLines: 5 }
        ])
        expect(d.inventory.packages).toEqual([
          {
            path: 'pyproject.toml',
            kind: 'pyproject.toml',
            name: 'inventory-fixture',
            version: '0.4.0',
            workspaces: [],
            modules: 4,
            lines: 56
          }
        ])
        expect(d.entryPoints.map((e) => [e.kind, e.name, e.file, e.line])).toEqual([
          ['bin', 'invctl', 'inventory/cli.py', 6],
          ['http-route', 'GET|POST /items', 'inventory/api.py', 6],
          ['main', 'inventory/cli.py', 'inventory/cli.py', 14],
          ['cli', 'argparse', 'inventory/cli.py', 1]
        ])
        expect(d.publicApi.modules.find((m) => m.path === 'inventory/stock.py')).toEqual({
          path: 'inventory/stock.py',
          symbols: [
            { name: 'restock', kind: 'function', line: 6 },
            { name: 'audit', kind: 'function', line: 12 },
            { name: 'Warehouse', kind: 'class', line: 22 }
          ],
          symbolsTotal: 3,
          all: ['restock', 'audit', 'Warehouse']
        })
        expect(d.targets.at(-1)).toMatchObject({ symbol: 'restock', reach: 'referenced' })
        expect(result.run.metrics).toMatchObject({
          publicSymbols: 5,
          entryPoints: 4,
          httpRoutes: 1,
          untestedPublicSymbols: 4,
          testFiles: 1
        })
      }
    },
    {
      name: 'a repository without any test file',
      files: NO_TEST_FILE,
      expected: [
        { messageId: 'noTests', file: null, line: null },
        { messageId: 'untestedPublicUnit', file: 'src/parse.ts', line: 1 }
      ],
      check: (result) => {
        const noTests = result.run.findings.find((f) => f.messageId === 'noTests')
        expect(noTests).toMatchObject({
          title: 'No tests for 1 source file',
          severity: 'high',
          where: ['src/']
        })
        expect(noTests?.lookedFor).toContain('*.test.*')
        expect(
          result.run.findings.find((f) => f.messageId === 'untestedPublicUnit')?.message
        ).toContain('the repository has no tests')
      }
    },
    {
      name: 'untestedPublicUnit: the test requires the one-function module but never calls it',
      files: oneFunctionRepo("t.is(typeof parse, 'function')"),
      expected: [{ messageId: 'untestedPublicUnit', file: 'index.js', line: 1 }]
    },
    {
      name: 'a module that tests run only through another module is reached indirectly',
      files: {
        'src/format.ts':
          "import { pad } from './pad.js'\n\nexport function format(n: number): string {\n  return pad(String(n), 4)\n}\n",
        'src/pad.ts':
          "export function pad(text: string, width: number): string {\n  return text.padStart(width, '0')\n}\n",
        'src/format.test.ts':
          "import { format } from './format.js'\n\ntest('pads', () => expect(format(7)).toBe('0007'))\n"
      },
      expected: [{ messageId: 'untestedPublicUnit', file: 'src/pad.ts', line: 1 }],
      check: (result) => {
        expect(details(result).targets.map((t) => [t.symbol, t.reach])).toEqual([
          ['pad', 'indirect'],
          ['format', 'referenced']
        ])
        const pad = result.run.findings[0]
        expect(pad.confidence).toBe('low')
        expect(pad.message).toContain(
          'no test imports src/pad.ts; tests run it only through the modules they import'
        )
      }
    },
    {
      name: 'FastAPI routes: one named by a test string, one not',
      files: FASTAPI,
      expected: [
        { messageId: 'untestedPublicUnit', file: 'service/main.py', line: 7 },
        { messageId: 'untestedPublicUnit', file: 'service/main.py', line: 12 },
        { messageId: 'untestedRoute', file: 'service/main.py', line: 11 }
      ],
      check: (result) => {
        expect(details(result).entryPoints.map((e) => e.name)).toEqual([
          'GET /items/{item_id}',
          'DELETE /admin/cache'
        ])
      }
    },
    {
      name: 'CommonJS exports and a Koa router',
      files: {
        'lib/routes.js': [
          "const Router = require('@koa/router')",
          '',
          'function register(router) {',
          "  router.get('/users/:id', (ctx) => {",
          '    ctx.body = { id: ctx.params.id }',
          '  })',
          '  return router',
          '}',
          '',
          'module.exports = { register, router: register(new Router()) }',
          ''
        ].join('\n'),
        'test/noop.test.js': "test('noop', () => {\n  expect(true).toBe(true)\n})\n"
      },
      expected: [
        { messageId: 'untestedPublicUnit', file: 'lib/routes.js', line: 3 },
        { messageId: 'untestedRoute', file: 'lib/routes.js', line: 4 }
      ]
    },
    {
      name: 'untestedRoute near miss: a test sends DELETE /admin/cache too',
      files: editFile(FASTAPI, 'tests/test_api.py', [
        '    assert response.status_code == 200\n',
        '    assert response.status_code == 200\n\n\ndef test_clear_cache():\n    response = httpx.delete("http://127.0.0.1:8000/admin/cache")\n    assert response.status_code == 200\n'
      ]),
      expected: [
        { messageId: 'untestedPublicUnit', file: 'service/main.py', line: 7 },
        { messageId: 'untestedPublicUnit', file: 'service/main.py', line: 12 }
      ]
    },
    {
      name: 'entryPointUntested near miss: a test runs the slugger CLI by its path',
      files: {
        ...tsFixture,
        '__tests__/slugger.test.ts': [
          "import { execFileSync } from 'node:child_process'",
          '',
          "test('slugger prints the slug', () => {",
          "  expect(execFileSync('node', ['bin/slugger.js', 'Hello World']).toString()).toBe('hello-world\\n')",
          '})',
          ''
        ].join('\n')
      },
      expected: [
        { messageId: 'untestedPublicUnit', file: 'src/text.ts', line: 6 },
        { messageId: 'untestedPublicUnit', file: 'src/pricing.ts', line: 8 },
        { messageId: 'untestedPublicUnit', file: 'src/pricing.ts', line: 31 },
        { messageId: 'untestedRoute', file: 'src/server.ts', line: 7 },
        { messageId: 'untestedRoute', file: 'src/server.ts', line: 11 }
      ]
    },
    {
      name: 'options: one finding of each kind and a lower large-module threshold',
      files: tsFixture,
      options: { maxFindingsPerKind: 1, largeModuleLines: 40 },
      expected: [
        { messageId: 'untestedPublicUnit', file: 'src/pricing.ts', line: 8 },
        { messageId: 'largeUntestedModule', file: 'src/pricing.ts', line: 1 },
        { messageId: 'untestedRoute', file: 'src/server.ts', line: 7 },
        { messageId: 'entryPointUntested', file: 'bin/slugger.js', line: 1 }
      ]
    },
    {
      name: 'a complex private function in a module no test imports',
      files: COMPLEX_PRIVATE,
      options: { complexityThreshold: 5 },
      expected: [
        { messageId: 'complexFunction', file: 'lib/route.js', line: 1 },
        { messageId: 'untestedPublicUnit', file: 'lib/route.js', line: 10 }
      ]
    }
  ]
})

describe('scope specs', () => {
  it('writes smoke specs for the top untested TypeScript units, as todos where types give no values', async () => {
    const result = await runFixture(scope, tsFixture)
    const keys = result.run.specs.map((s) => s.target.symbol)
    expect(keys).toEqual(['priceOrder', 'Cart', 'truncate'])
    const price = specFor(result, 'priceOrder')
    expect(price.title).toBe('priceOrder smoke test: TODO arrange order: Order')
    expect(price.framework).toBe('jest')
    expect(price.code).toContain('.todo(')
    expect(price.covers).toEqual([result.run.findings.find((f) => f.symbol === 'priceOrder')?.id])
    expect(price.priority).toBe('P2') // an estimated gap is at most medium
    expect(specFor(result, 'Cart').code).toContain("new Cart('example')")
    const truncate = specFor(result, 'truncate')
    expect(truncate.code).toContain("truncate('example', 1)")
    expect(truncate.code).toContain('result !== undefined')
  })

  it('writes pytest smoke specs for Python units', async () => {
    const result = await runFixture(scope, pyFixture)
    expect(result.run.specs.every((s) => s.framework === 'pytest')).toBe(true)
    expect(specFor(result, 'Warehouse').code).toContain("Warehouse('example')")
    const audit = specFor(result, 'audit')
    expect(audit.title).toBe('audit smoke test: TODO arrange records (untyped)')
    expect(audit.code).toContain('pytest.skip(')
    expect(specFor(result, 'items').code).toContain('items()')
    // `main` reads sys.argv: calling it bare would test pytest's own arguments, so it is a todo.
    const main = specFor(result, 'main')
    expect(main.title).toBe(
      'main smoke test: TODO arrange the command-line arguments (sys.argv) and capture the output'
    )
    expect(main.code).toContain('pytest.skip(')
    expect(main.code).not.toContain('main()')
  })

  it('limits the specs to maxSpecs', async () => {
    const result = await runFixture(scope, tsFixture, { options: { maxSpecs: 1 } })
    expect(result.run.specs.map((s) => s.target.symbol)).toEqual(['priceOrder'])
  })
})

describe('scope report and options', () => {
  it('escapes file names from the repository in the report', async () => {
    const result = await runFixture(scope, {
      'src/a|b<i>.ts': 'export function f(x: number): number {\n  return x\n}\n'
    })
    expect(result.run.report).toContain('#### Top test targets')
    expect(result.run.report).not.toContain('a|b<i>')
    expect(result.run.report).toContain('a&#124;b&#60;i&#62;.ts')
  })

  it('says there is nothing in scope for an empty repository', async () => {
    const result = await runFixture(scope, {})
    expect(result.run.findings).toEqual([])
    expect(result.run.specs).toEqual([])
    expect(result.run.report).toContain('nothing in scope')
    expect(result.run.metrics).toMatchObject({
      files: 0,
      publicSymbols: 0,
      untestedPublicSymbols: 0
    })
    expect(result.run.risk).toBe(0)
  })

  it('stops before the perspective runs on a bad option, naming it, its value and what it accepts', async () => {
    // Options are checked against the schema before analyse: a ConfigurationError, not a failed run.
    await expect(runFixture(scope, tsFixture, { options: { maxSpecs: -1 } })).rejects.toThrow(
      "perspectives.scope.maxSpecs: -1 is not accepted: scope's option maxSpecs takes a whole number of at least 0 (default 10)."
    )
  })
})
