// Perspective 3 (integration-points) on small repositories written for these tests: each planted
// problem is asserted by message id, file and line; clean and empty repositories give nothing; the
// Mermaid map is escaped and capped; every rendered spec parses in its language.
import ts from 'typescript'
import integrationPoints from '../../perspectives/integration-points/index.js'
import { buildMermaid, mermaidLabel } from '../../perspectives/integration-points/mermaid.js'
import { stronglyConnected } from '../../perspectives/integration-points/module-graph.js'
import type { IntegrationOptions } from '../../perspectives/integration-points/options.js'
import { packageOf } from '../../perspectives/integration-points/catalogue.js'
import { samplePath } from '../../perspectives/integration-points/spec-code.js'
import { readFixture, runFixture, testPerspective, type FixtureRun } from './harness.js'
import { pythonParses, findingAt } from './case-helpers.js'
import { editFile, without } from './edit-files.js'
import type { ExpectedFinding } from './harness-checks.js'

const tsFixture = readFixture('integration-points-ts')
const pyFixture = readFixture('integration-points-py')

const finding = findingAt

/** Syntax errors of a TypeScript file, from the compiler's parser. */
function typeScriptSyntaxErrors(code: string): string[] {
  const out = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
  })
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

const CLEAN_TS: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'clean',
    type: 'module',
    scripts: { test: 'jest' },
    devDependencies: { jest: '^30.0.0' }
  }),
  'src/weather.ts': [
    "const base = process.env.WEATHER_URL ?? 'https://weather.example.com'",
    '',
    'export async function forecast(city: string): Promise<unknown> {',
    '  const response = await fetch(`${base}/${city}`, { signal: AbortSignal.timeout(3000) })',
    '  if (!response.ok) throw new Error(`forecast failed: ${response.status}`)',
    '  return response.json()',
    '}',
    ''
  ].join('\n'),
  'src/format.ts':
    "import { forecast } from './weather.js'\n\nexport async function line(city: string): Promise<string> {\n  return JSON.stringify(await forecast(city))\n}\n",
  'test/weather.test.ts':
    "import { forecast } from '../src/weather.js'\nimport { line } from '../src/format.js'\n\ntest('exists', () => {\n  expect(typeof forecast).toBe('function')\n  expect(typeof line).toBe('function')\n})\n"
}

const CLEAN_PY: Record<string, string> = {
  'shop/__init__.py': '',
  'shop/rates.py': [
    'import os',
    '',
    'import httpx',
    '',
    "RATES_URL = os.environ.get('RATES_URL', 'https://rates.example.com')",
    '',
    '',
    'def rate(currency):',
    "    return httpx.get(RATES_URL + '/' + currency, timeout=5).json()",
    ''
  ].join('\n'),
  'tests/test_rates.py':
    'from shop.rates import rate\n\n\ndef test_rate_is_callable():\n    assert callable(rate)\n'
}

const PY_EXPECTED: ExpectedFinding[] = [
  { messageId: 'envWithoutDefault', file: 'app/client.py', line: 5 },
  { messageId: 'untestedIntegration', file: 'app/client.py', line: 9 },
  { messageId: 'httpCallWithoutTimeout', file: 'app/client.py', line: 9 },
  { messageId: 'envWithoutDefault', file: 'app/client.py', line: 18 },
  { messageId: 'untestedIntegration', file: 'app/jobs.py', line: 5 },
  { messageId: 'importCycle', file: 'app/one.py', line: 1 },
  { messageId: 'untestedRoute', file: 'app/web.py', line: 11 }
]

/** A near miss: the Python fixture with one problem fixed, reporting all the rest. */
const pyFixed = (fixedId: string, path: string, ...edits: [string, string][]) => ({
  files: editFile(pyFixture, path, ...edits),
  expected: without(PY_EXPECTED, fixedId)
})

const ROUTES_AND_S3: Record<string, string> = {
  'web/pages/api/users/[id].ts':
    'export default function handler(req: unknown, res: { json(v: unknown): void }) {\n  res.json({ ok: true })\n}\n',
  'web/app/api/orders/route.ts':
    'export async function GET(): Promise<Response> {\n  return Response.json([])\n}\n',
  'site/urls.py':
    "from django.urls import path\n\nfrom . import views\n\nurlpatterns = [\n    path('articles/<int:year>/', views.year_archive),\n]\n",
  'site/views.py': 'def year_archive(request, year):\n    return year\n',
  'svc/api.py':
    "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.post('/items/{item_id}')\nasync def create(item_id: int):\n    return {'id': item_id}\n",
  'src/upload.ts': [
    "import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3'",
    '',
    'const { BUCKET } = process.env',
    'const s3 = new S3Client({})',
    '',
    'export async function upload(key: string, body: string): Promise<void> {',
    '  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }))',
    '}',
    ''
  ].join('\n')
}

/**
 * A variable compared with a value beside one read unchecked (judged false on the session-5 repositories);
 * flags made booleans where they are read (superagent's `Boolean(process.env.HTTP2_TEST)`, session 7).
 */
const envRepo = (tokenLine: string): Record<string, string> => ({
  'package.json': '{"name":"cfg","devDependencies":{"jest":"^29.0.0"}}',
  'src/config.js': [
    "const production = process.env.NODE_ENV === 'production'",
    "const verbose = '1' !== process.env.QUIET",
    tokenLine,
    'const http2 = Boolean(process.env.HTTP2_TEST)',
    'const debug = !!(process.env.DEBUG)',
    "const fast = (process.env.FAST) === '1'",
    '',
    'module.exports = { production, verbose, token, http2, debug, fast }',
    ''
  ].join('\n')
})

/**
 * Two TypeScript modules importing each other (judged false on superjson, session 5, when one edge takes
 * only a type that tsc removes): `shape` is what src/shapes.ts exports under the name Shape.
 */
const typeEdgeRepo = (shape: string, guard = ''): Record<string, string> => ({
  'package.json': '{"name":"geo","type":"module","devDependencies":{"jest":"^29.0.0"}}',
  'src/shapes.ts': [
    "import { area } from './area.js'",
    '',
    shape,
    '',
    'export function describe(s: Shape): string {',
    '  return `${s.name}: ${area(s)}`',
    '}',
    ''
  ].join('\n'),
  'src/area.ts': [
    "import { Shape } from './shapes.js'",
    '',
    'export function area(s: Shape): number {',
    ...(guard ? [guard] : []),
    '  return s.width * s.height',
    '}',
    ''
  ].join('\n')
})
const SHAPE_INTERFACE =
  'export interface Shape {\n  name: string\n  width: number\n  height: number\n}'
const SHAPE_CLASS =
  'export class Shape {\n  constructor(public name: string, public width: number, public height: number) {}\n}'

/**
 * A package whose `__init__` imports a submodule that imports the package back (judged partly true at
 * best on falcon and tenacity, session 5: the normal package pattern). `initHead` is what `__init__`
 * binds before it imports the submodule, `initTail` what it binds after; `use` how the submodule uses it.
 */
const packageRepo = (initHead: string, initTail: string, use: string): Record<string, string> => ({
  'pyproject.toml': '[project]\nname = "shop"\n',
  'shop/__init__.py': `${initHead}from shop.orders import place\n${initTail}`,
  'shop/orders.py': `${use}\n\n\ndef place(item):\n    return {'item': item, 'currency': CURRENCY_OF()}\n`
})
const CURRENCY = "CURRENCY = 'EUR'\n"

testPerspective<IntegrationOptions>(integrationPoints, {
  valid: [
    {
      name: 'importCycle near miss: the back edge takes only an interface, which tsc removes',
      files: typeEdgeRepo(SHAPE_INTERFACE),
      check: ({ run }) => expect(run.metrics).toMatchObject({ importCycles: 0, graphEdges: 1 })
    },
    {
      // node-cron's matcher-walker (session 8, judged false): tsc, esbuild and swc drop the import.
      name: 'importCycle near miss: the back edge takes a class read only as a type',
      files: typeEdgeRepo(SHAPE_CLASS),
      check: ({ run }) => expect(run.metrics).toMatchObject({ importCycles: 0, graphEdges: 1 })
    },
    {
      name: 'importCycle near miss: the submodule takes from its package what the package bound first',
      files: packageRepo(CURRENCY, '', 'from shop import CURRENCY\nCURRENCY_OF = lambda: CURRENCY'),
      check: ({ run }) => expect(run.metrics).toMatchObject({ importCycles: 0 })
    },
    {
      name: 'importCycle near miss: the submodule reads its package only inside functions',
      files: packageRepo(
        '',
        CURRENCY,
        'import shop\n\n\ndef CURRENCY_OF():\n    return shop.CURRENCY'
      ),
      check: ({ run }) => expect(run.metrics).toMatchObject({ importCycles: 0 })
    },
    {
      name: 'envWithoutDefault near miss: every variable is compared with a value',
      files: envRepo('const token = process.env.API_TOKEN !== undefined')
    },
    {
      name: 'an empty repository has no integration points',
      files: {},
      check: ({ run }) => expect(run.report).toContain('no analysed source modules')
    },
    {
      name: 'pure code without other systems says it found none',
      files: {
        'src/sum.ts': 'export function sum(a: number, b: number): number {\n  return a + b\n}\n'
      },
      check: ({ run }) => {
        expect(run.report).toContain('No integration points found in 1 module')
        expect(run.specs).toEqual([])
      }
    },
    {
      name: 'a tested TypeScript client with a timeout and a defaulted variable',
      files: CLEAN_TS,
      check: ({ run }) => {
        expect(run.metrics).toMatchObject({
          'points.http-client': 1,
          'points.env': 1,
          envVariables: 1,
          importCycles: 0,
          graphEdges: 1
        })
        expect(run.report).toContain('```mermaid')
      }
    },
    { name: 'a tested Python client with a timeout and a defaulted variable', files: CLEAN_PY },
    {
      name: 'timers, the clock, the Django ORM and pathlib are mapped; tested modules give no findings',
      files: {
        'src/poll.ts': [
          'export function poll(fn: () => void): number {',
          '  const started = Date.now()',
          '  setTimeout(fn, 10)',
          '  return new Date().getTime() - started',
          '}',
          ''
        ].join('\n'),
        'shop/__init__.py': '',
        'shop/report.py': [
          'import time',
          'from datetime import datetime',
          'from pathlib import Path',
          '',
          'from shop.models import Order',
          '',
          '',
          'def report(folder):',
          '    started = time.time()',
          '    rows = Order.objects.filter(paid=True).count()',
          "    Path(folder).joinpath('r.txt').write_text(f'{datetime.now()} {rows}')",
          '    return time.time() - started',
          ''
        ].join('\n'),
        'shop/models.py': 'class Order:\n    objects = None\n',
        'test/poll.test.ts':
          "import { poll } from '../src/poll.js'\n\ntest('polls', () => {\n  expect(typeof poll).toBe('function')\n})\n",
        'tests/test_report.py':
          'from shop.report import report\n\n\ndef test_report():\n    assert callable(report)\n'
      },
      check: ({ run }) => {
        expect(run.metrics).toMatchObject({
          'points.clock': 4,
          'points.database': 1,
          'points.filesystem': 1
        })
        const points = (
          run.details as {
            points: { kind: string; system: string; module: string; operations: string[] }[]
          }
        ).points
        const clock = points
          .filter((p) => p.kind === 'clock')
          .map((p) => `${p.module} ${p.system} ${p.operations.join(',')}`)
        expect(clock.sort()).toEqual([
          'shop/report.py datetime datetime.datetime.now',
          'shop/report.py time time.time',
          'src/poll.ts Date Date.now,new Date()',
          'src/poll.ts timers setTimeout'
        ])
        expect(points.find((p) => p.kind === 'database')).toMatchObject({
          system: 'django ORM',
          module: 'shop/report.py'
        })
        expect(points.find((p) => p.kind === 'filesystem')).toMatchObject({
          system: 'pathlib',
          operations: ['pathlib.Path.write_text']
        })
      }
    },
    {
      name: 'Python imports that do not run at load time make no cycle',
      files: {
        'pkg/__init__.py': 'from .core import run\n',
        'pkg/core.py': 'from . import helpers\n\n\ndef run():\n    return helpers.twice(1)\n',
        'pkg/helpers.py': [
          'import typing as t',
          '',
          'if t.TYPE_CHECKING:',
          '    from pkg.core import run',
          '',
          '',
          'def twice(x):',
          '    return 2 * x',
          '',
          '',
          'def again():',
          '    from pkg.core import run',
          '    return run()',
          ''
        ].join('\n')
      },
      check: ({ run }) => expect(run.metrics).toMatchObject({ importCycles: 0, graphEdges: 2 })
    }
  ],
  invalid: [
    {
      // Judged overstated on immer (session 7): src/internal.ts re-exports every member in a fixed order
      // and the members import each other only through it; that module decides the load order.
      name: 'importCycle: a direct cycle is reported; the internal-module pattern (a code-free re-export hub) is not',
      files: {
        'package.json': '{"name":"hub","type":"module"}',
        'src/internal.ts': "export * from './a'\nexport * from './b'\n",
        'src/a.ts': "import { b } from './internal'\nexport const a = () => b() + 1\n",
        'src/b.ts':
          "import { a } from './internal'\nexport const b = () => 1\nexport const c = () => a()\n",
        'src/x.ts': "import { y } from './y'\nexport const x = () => y()\n",
        'src/y.ts':
          "import { x } from './x'\nexport const y = () => 1\nexport const z = () => x()\n"
      },
      expected: [{ messageId: 'importCycle', file: 'src/x.ts', line: 1 }]
    },
    {
      name: 'importCycle: the back edge takes a class read as a value, which runs',
      files: typeEdgeRepo(
        SHAPE_CLASS,
        "  if (!(s instanceof Shape)) throw new TypeError('not a shape')"
      ),
      expected: [{ messageId: 'importCycle', file: 'src/area.ts', line: 1 }]
    },
    {
      name: 'importCycle: the submodule takes a name its package binds only after importing it',
      files: packageRepo('', CURRENCY, 'from shop import CURRENCY\nCURRENCY_OF = lambda: CURRENCY'),
      expected: [{ messageId: 'importCycle', file: 'shop/__init__.py', line: 1 }]
    },
    {
      name: 'importCycle: the submodule reads its package while it loads',
      files: packageRepo(
        '',
        CURRENCY,
        'import shop\n\nDEFAULT = shop.CURRENCY\nCURRENCY_OF = lambda: DEFAULT'
      ),
      expected: [{ messageId: 'importCycle', file: 'shop/__init__.py', line: 1 }]
    },
    {
      name: 'envWithoutDefault: a value used unchecked; variables compared with a value are not',
      files: envRepo('const token = process.env.API_TOKEN'),
      expected: [{ messageId: 'envWithoutDefault', file: 'src/config.js', line: 3 }]
    },
    {
      name: 'TypeScript: every planted integration problem',
      files: tsFixture,
      expected: [
        { messageId: 'envWithoutDefault', file: 'src/api.ts', line: 3 },
        { messageId: 'untestedIntegration', file: 'src/api.ts', line: 6 },
        { messageId: 'httpCallWithoutTimeout', file: 'src/api.ts', line: 6 },
        { messageId: 'httpCallWithoutTimeout', file: 'src/api.ts', line: 11 },
        { messageId: 'untestedIntegration', file: 'src/db.ts', line: 3 },
        { messageId: 'importCycle', file: 'src/discounts.ts', line: 1 },
        { messageId: 'untestedIntegration', file: 'src/release.ts', line: 4 },
        { messageId: 'untestedRoute', file: 'src/server.ts', line: 10 }
      ],
      check: (result) => {
        const http = finding(result, 'untestedIntegration', 'src/api.ts')
        expect(http.title).toBe('src/api.ts reaches HTTP services and no test imports it')
        expect(http.message).toContain(
          'through axios, fetch (3 call sites, first at line 6: fetch)'
        )
        expect(http.severity).toBe('medium') // estimated without a coverage report: at most medium
        expect(finding(result, 'untestedIntegration', 'src/release.ts').message).toContain(
          'child_process (1 call site'
        )
        expect(finding(result, 'httpCallWithoutTimeout', 'src/api.ts', 11).title).toBe(
          'axios.get in listOrders has no timeout'
        )
        expect(finding(result, 'importCycle', 'src/discounts.ts').message).toContain(
          'src/discounts.ts → src/prices.ts → src/discounts.ts'
        )
        expect(finding(result, 'untestedRoute', 'src/server.ts').title).toBe(
          'HTTP route POST /orders has no test'
        )
        expect(finding(result, 'envWithoutDefault', 'src/api.ts').message).toContain(
          'the code goes on with undefined'
        )
        // SERVICE_TOKEN is checked right after it is read; DATABASE_URL has a fallback.
        expect(
          result.run.findings.some(
            (f) => f.title.includes('SERVICE_TOKEN') || f.title.includes('DATABASE_URL')
          )
        ).toBe(false)
        expect(result.run.metrics).toMatchObject({
          routes: 2,
          untestedRoutes: 1,
          envVariables: 3,
          importCycles: 1,
          'points.database': 1,
          'points.filesystem': 1
        })
      }
    },
    {
      // With a coverage report the title says what was measured: the calls never ran, not "no test imports it".
      name: 'TypeScript: a coverage report where the HTTP calls of src/api.ts never ran',
      files: {
        ...tsFixture,
        'coverage/lcov.info':
          'SF:src/api.ts\n' +
          Array.from(
            { length: 18 },
            (_, i) => `DA:${i + 1},${[1, 3, 5].includes(i + 1) ? 1 : 0}`
          ).join('\n') +
          '\nend_of_record\n'
      },
      expected: [
        { messageId: 'envWithoutDefault', file: 'src/api.ts', line: 3 },
        { messageId: 'untestedIntegration', file: 'src/api.ts', line: 6 },
        { messageId: 'httpCallWithoutTimeout', file: 'src/api.ts', line: 6 },
        { messageId: 'httpCallWithoutTimeout', file: 'src/api.ts', line: 11 },
        { messageId: 'untestedIntegration', file: 'src/db.ts', line: 3 },
        { messageId: 'importCycle', file: 'src/discounts.ts', line: 1 },
        { messageId: 'untestedIntegration', file: 'src/release.ts', line: 4 },
        { messageId: 'untestedRoute', file: 'src/server.ts', line: 10 }
      ],
      check: (result) => {
        const http = finding(result, 'untestedIntegration', 'src/api.ts')
        expect(http.title).toBe(
          'src/api.ts reaches HTTP services and the suite never runs those calls'
        )
        expect(http.message).toContain('shows none of these calls ran')
        expect(finding(result, 'untestedIntegration', 'src/db.ts').title).toBe(
          'src/db.ts reaches a database and no test imports it'
        )
      }
    },
    {
      name: 'Python: every planted integration problem',
      files: pyFixture,
      expected: PY_EXPECTED,
      check: (result) => {
        // os.environ['X'] raises a KeyError that names the variable; os.getenv('X') says absence was expected: both low.
        expect(finding(result, 'envWithoutDefault', 'app/client.py', 5).severity).toBe('low')
        expect(finding(result, 'envWithoutDefault', 'app/client.py', 18).severity).toBe('low')
        expect(finding(result, 'envWithoutDefault', 'app/client.py', 5).message).toContain(
          'a KeyError naming only API_TOKEN stops it as soon as the module is imported'
        )
        expect(finding(result, 'httpCallWithoutTimeout', 'app/client.py').confidence).toBe('high')
        expect(finding(result, 'untestedRoute', 'app/web.py').title).toBe(
          'HTTP route POST /items has no test'
        )
        expect(finding(result, 'importCycle', 'app/one.py').confidence).toBe('medium')
      }
    },
    {
      name: 'one finding per kind when capped',
      files: tsFixture,
      options: { maxFindingsPerKind: 1 },
      expected: [
        { messageId: 'envWithoutDefault', file: 'src/api.ts', line: 3 },
        { messageId: 'untestedIntegration', file: 'src/api.ts', line: 6 },
        { messageId: 'httpCallWithoutTimeout', file: 'src/api.ts', line: 6 },
        { messageId: 'importCycle', file: 'src/discounts.ts', line: 1 },
        { messageId: 'untestedRoute', file: 'src/server.ts', line: 10 }
      ],
      check: ({ run }) => expect(run.metrics['findings.untestedIntegration']).toBe(3)
    },
    {
      name: 'httpCallWithoutTimeout near miss: fetch_stock() passes a timeout',
      ...pyFixed('httpCallWithoutTimeout', 'app/client.py', [
        "requests.get('https://stock.example.com/items/' + sku)",
        "requests.get('https://stock.example.com/items/' + sku, timeout=5)"
      ])
    },
    {
      name: 'importCycle near miss: app.two imports app.one inside the function that needs it',
      ...pyFixed(
        'importCycle',
        'app/two.py',
        ['from app.one import first\n', ''],
        [
          '    return first() + second()',
          '    from app.one import first\n\n    return first() + second()'
        ]
      )
    },
    {
      name: 'untestedRoute near miss: a test posts to /items through the Flask test client',
      files: editFile(
        pyFixture,
        'tests/test_store.py',
        [
          'from app.store import count_items\n',
          'from app.store import count_items\nfrom app.web import app\n'
        ],
        [
          "    assert '/health'.startswith('/')\n",
          "    assert '/health'.startswith('/')\n\n\ndef test_add_item():\n    response = app.test_client().post('/items', json={'sku': 'a1'})\n    assert response.status_code == 201\n"
        ]
      ),
      expected: without(PY_EXPECTED, 'untestedRoute')
    },
    {
      name: 'untestedIntegration near miss: a test uploads with the S3 client stubbed',
      files: {
        ...ROUTES_AND_S3,
        'test/upload.test.ts': [
          "import { S3Client } from '@aws-sdk/client-s3'",
          "import { upload } from '../src/upload.js'",
          '',
          "test('upload sends one object to S3', async () => {",
          "  const send = jest.spyOn(S3Client.prototype, 'send').mockResolvedValue({} as never)",
          "  await upload('a.txt', 'hello')",
          '  expect(send).toHaveBeenCalledTimes(1)',
          '})',
          ''
        ].join('\n')
      },
      expected: [
        { messageId: 'untestedRoute', file: 'site/urls.py', line: 6 },
        { messageId: 'envWithoutDefault', file: 'src/upload.ts', line: 3 },
        { messageId: 'untestedRoute', file: 'svc/api.py', line: 6 },
        { messageId: 'untestedRoute', file: 'web/app/api/orders/route.ts', line: 1 },
        { messageId: 'untestedRoute', file: 'web/pages/api/users/[id].ts', line: 1 }
      ]
    },
    {
      name: 'Next.js, Django and FastAPI routes, AWS and env destructuring',
      files: ROUTES_AND_S3,
      expected: [
        { messageId: 'untestedRoute', file: 'site/urls.py', line: 6 },
        { messageId: 'envWithoutDefault', file: 'src/upload.ts', line: 3 },
        { messageId: 'untestedIntegration', file: 'src/upload.ts', line: 4 },
        { messageId: 'untestedRoute', file: 'svc/api.py', line: 6 },
        { messageId: 'untestedRoute', file: 'web/app/api/orders/route.ts', line: 1 },
        { messageId: 'untestedRoute', file: 'web/pages/api/users/[id].ts', line: 1 }
      ],
      check: ({ run }) => {
        const titles = run.findings.map((f) => f.title)
        expect(titles).toEqual(
          expect.arrayContaining([
            'HTTP route ANY /api/users/[id] has no test',
            'HTTP route GET /api/orders has no test',
            'HTTP route ANY /articles/<int:year>/ has no test',
            'HTTP route POST /items/{item_id} has no test'
          ])
        )
        const aws = run.specs.find(
          (s) => s.target.file === 'src/upload.ts' && s.code.includes('mockClient')
        )
        expect(aws?.code).toContain("upload('example', 'example')")
        const fastapi = run.specs.find((s) => s.code.includes('TestClient(app)'))
        expect(fastapi?.code).toContain("client.request('POST', '/items/1')")
      }
    }
  ]
})

describe('integration-points specs', () => {
  it('writes contract specs with real set-up that parse as TypeScript and Python', async () => {
    for (const files of [tsFixture, pyFixture]) {
      const { run } = await runFixture(integrationPoints, files)
      expect(run.specs.length).toBeGreaterThan(3)
      for (const spec of run.specs) {
        if (spec.language === 'python') pythonParses(spec.code)
        else if (spec.language === 'typescript' || spec.language === 'javascript')
          expect(typeScriptSyntaxErrors(spec.code)).toEqual([])
      }
    }
  })

  it('drives HTTP failures through msw, a fake executable, a local server and a CI database', async () => {
    const { run } = await runFixture(integrationPoints, tsFixture)
    const byTitle = (part: string) => {
      const spec = run.specs.find((s) => s.title.includes(part))
      if (!spec)
        throw new Error(`no spec with '${part}': ${run.specs.map((s) => s.title).join(' / ')}`)
      return spec
    }
    const fetchUser = byTitle('fetchUser fails cleanly')
    expect(fetchUser.code).toContain("import { setupServer } from 'msw/node'")
    expect(fetchUser.code).toContain('status: 503')
    expect(fetchUser.code).toContain("delay('infinite')")
    expect(fetchUser.code).toContain('await assert.rejects(async () => fetchUser(1))')
    // It covers the untested-module finding and its own timeout finding, not the other function's.
    expect(fetchUser.covers).toEqual([
      finding({ run } as FixtureRun, 'untestedIntegration', 'src/api.ts').id,
      finding({ run } as FixtureRun, 'httpCallWithoutTimeout', 'src/api.ts', 6).id
    ])
    const git = byTitle('failing git')
    expect(git.code).toContain("writeFile(join(bin, 'git'), '#!/bin/sh\\necho")
    const route = byTitle('POST /orders')
    expect(route.code).toContain("app.listen(0, '127.0.0.1')")
    expect(route.code).toContain(
      "fetch(`${base}/orders`, { method: 'POST', body: '{\"truncated\":'"
    )
    const files = byTitle('loadConfig reports a missing file')
    expect(files.code).toContain('loadConfig(missing)')
    const services = run.specs.find((s) => s.language === 'yaml')
    expect(services?.code).toContain('image: postgres:17')
    expect(services?.code).toContain('run: npm test')
  })

  it('writes pytest specs with responses, importlib.reload and the Flask test client', async () => {
    const { run } = await runFixture(integrationPoints, {
      ...pyFixture,
      'app/prices.py':
        'import requests\n\n\ndef price(sku: str) -> float:\n    return requests.get("https://p.example.com/" + sku).json()["price"]\n',
      'app/catalogue.py': [
        'import httpx',
        '',
        '',
        'class Catalogue:',
        '    def __init__(self, base: str):',
        '        self.base = base',
        '',
        '    def item(self, sku: str):',
        '        return httpx.get(self.base + sku, timeout=3).json()',
        ''
      ].join('\n')
    })
    const catalogue = run.specs.find((s) => s.target.file === 'app/catalogue.py')
    expect(catalogue?.code).toContain('with respx.mock(assert_all_called=False) as mock:')
    expect(catalogue?.code).toContain("Catalogue('example').item('example')")
    expect(catalogue?.code).toContain('from app.catalogue import Catalogue')
    const price = run.specs.find((s) => s.target.symbol === 'price')
    expect(price?.code).toContain(
      'with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:'
    )
    expect(price?.code).toContain("price('example')")
    const token = run.specs.find((s) => s.title.includes('Without API_TOKEN'))
    expect(token?.code).toContain('importlib.reload(app.client)')
    const route = run.specs.find((s) => s.title.startsWith('POST /items'))
    expect(route?.code).toContain("client.open('/items', method='POST', data='{\"truncated\":'")
    for (const spec of run.specs) if (spec.language === 'python') pythonParses(spec.code)
  })
})

describe('integration-points environment specs', () => {
  it('unsets a variable read inside a function and expects an error naming it', async () => {
    const { run } = await runFixture(integrationPoints, {
      'src/keys.ts':
        'export function apiKey(): string {\n  return process.env.API_KEY as string\n}\n'
    })
    expect(run.findings.map((f) => [f.messageId, f.file, f.startLine, f.severity])).toEqual([
      ['envWithoutDefault', 'src/keys.ts', 2, 'medium']
    ])
    const spec = run.specs.find(
      (s) => s.title === 'Without API_KEY, apiKey fails with a message naming it'
    )
    expect(spec?.code).toContain("delete process.env['API_KEY']")
    expect(spec?.code).toContain(
      "await assert.rejects(async () => apiKey(), { message: new RegExp('API_KEY') })"
    )
    expect(spec?.covers).toEqual([run.findings[0].id])
    expect(typeScriptSyntaxErrors(spec?.code ?? '')).toEqual([])
  })
})

describe('integration-points map and module graph', () => {
  it('escapes labels and caps the map with "and N more"', async () => {
    const { run } = await runFixture(
      integrationPoints,
      {
        ...tsFixture,
        'src/we"ird]<b>.ts': `import { readFileSync } from 'node:fs'\n\nexport const text = (): string[] => ['a', 'b', 'c', 'd', 'e', 'f'].map((f) => readFileSync(f, 'utf8'))\nexport const more = (): string => readFileSync('g', 'utf8') + readFileSync('h', 'utf8') + readFileSync('i', 'utf8') + readFileSync('j', 'utf8') + readFileSync('k', 'utf8')\n`
      },
      { options: { maxMapModules: 2 } }
    )
    const diagram = (run.report ?? '').split('```mermaid\n')[1].split('```')[0]
    expect(diagram).not.toContain('we"ird')
    expect(diagram).toContain('we#34;ird#93;#60;b#62;.ts')
    expect(diagram.split('\n').filter((l) => /^ {2}m\d+\[/.test(l))).toHaveLength(2)
    expect(diagram).toMatch(/ {2}more\["#8230;and 5 more modules with \d+ call sites"\]\n$/)
  })

  it('draws ids that Mermaid accepts whatever the names', () => {
    const { diagram } = buildMermaid(
      [{ module: 'a b/c-d.ts', kind: 'cloud', system: '@aws-sdk/client-s3', count: 2 }],
      30
    )
    expect(diagram).toBe(
      [
        'flowchart LR',
        '  m0["a b/c-d.ts"]',
        '  subgraph k_cloud["Cloud and third-party SDKs"]',
        '    s0["@aws-sdk/client-s3"]',
        '  end',
        '  m0 -->|2| s0'
      ].join('\n')
    )
    expect(mermaidLabel('`end`|x')).toBe('#96;end#96;#124;x')
  })

  it('finds cycles in a 20,000-module chain without overflowing the stack', () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => `m${String(i).padStart(5, '0')}`)
    const out = new Map(nodes.map((n, i) => [n, [nodes[(i + 1) % nodes.length]]]))
    const components = stronglyConnected(nodes, out)
    expect(components).toHaveLength(1)
    expect(components[0]).toHaveLength(20_000)
  })

  it('matches packages by specifier, subpath, scope and Python prefix', () => {
    expect(packageOf('node:fs/promises')?.name).toBe('fs/promises')
    expect(packageOf('@aws-sdk/client-s3')).toEqual({
      name: '@aws-sdk/client-s3',
      entry: { kind: 'cloud' }
    })
    expect(packageOf('@aws-sdk/client-sqs')?.entry.kind).toBe('queue')
    expect(packageOf('@google-cloud/storage')?.entry.kind).toBe('cloud')
    expect(packageOf('google.cloud.storage')?.entry.kind).toBe('cloud')
    expect(packageOf('sqlalchemy.orm')?.name).toBe('sqlalchemy')
    expect(packageOf('axios/lib/core')?.name).toBe('axios')
    expect(packageOf('lodash')).toBeUndefined()
    expect(samplePath('/users/:id/posts/{post}/<int:n>/[slug]')).toBe('/users/1/posts/1/1/1')
  })

  it('stops before the perspective runs on a bad option, naming it, its value and what it accepts', async () => {
    // Options are checked against the schema before analyse: a ConfigurationError, not a failed run.
    await expect(
      runFixture(integrationPoints, tsFixture, { options: { maxMapModules: 0 } })
    ).rejects.toThrow(
      "perspectives.integration-points.maxMapModules: 0 is not accepted: integration-points's option maxMapModules takes a whole number of at least 1 (default 30)."
    )
  })
})
