import { beforeAll, describe, expect, it } from '@jest/globals'
import { effectiveTarget, renderSpec } from '../../src/specs/render.js'
import type {
  CallSpecBody,
  RenderTarget,
  SpecCase,
  SpecDraft,
  StepsSpecBody,
  TestSpec
} from '../../src/specs/types.js'
import { shortHash } from '../../src/util/hash.js'
import { draft, pythonSyntaxErrors, tsSyntaxErrors } from './helpers.js'

const JS_TARGETS: RenderTarget[] = [
  { framework: 'jest', language: 'typescript' },
  { framework: 'jest', language: 'javascript' },
  { framework: 'vitest', language: 'typescript' },
  { framework: 'vitest', language: 'javascript' },
  { framework: 'node:test', language: 'typescript' },
  { framework: 'node:test', language: 'javascript' },
  { framework: 'mocha', language: 'typescript' },
  { framework: 'mocha', language: 'javascript' }
]
const PYTEST: RenderTarget = { framework: 'pytest', language: 'python' }
const ALL_TARGETS = [...JS_TARGETS, PYTEST]

const HOSTILE = 'quote \' dq " backslash \\ newline \n tab \t ${x} `t` */ # 😀 \u2028 end'

/** Every expectation kind, twice where a table is possible, with every value kind among the args. */
function casesFor(python: boolean): SpecCase[] {
  const errorType = python ? 'ValueError' : 'RangeError'
  return [
    { name: 'returns a number', args: ['80'], expect: { kind: 'returns', value: 80 } },
    {
      name: `returns a hostile string ${HOSTILE}`,
      args: [HOSTILE],
      expect: { kind: 'returns', value: HOSTILE }
    },
    {
      name: 'returns nested data',
      args: [{ a: [1, null, true] }],
      expect: { kind: 'returns', value: { a: [1, null, true], 'b-c': {} } }
    },
    {
      name: 'handles undefined',
      args: [{ $special: 'undefined' }],
      expect: { kind: 'throws', errorType, message: 'no port' }
    },
    {
      name: 'handles NaN',
      args: [{ $special: 'NaN' }],
      expect: { kind: 'throws', errorType, message: `bad port: ${HOSTILE}` }
    },
    {
      name: 'handles infinities',
      args: [{ $special: 'Infinity' }, { $special: '-Infinity' }],
      expect: { kind: 'throws' }
    },
    { name: 'handles -0', args: [{ $special: '-0' }], expect: { kind: 'throws', message: 'zero' } },
    {
      name: 'handles huge',
      args: [{ $special: 'MAX_SAFE_INTEGER' }, { $special: 'MIN_SAFE_INTEGER' }],
      expect: { kind: 'throws', errorType: 'PortError' }
    },
    {
      name: 'handles dates',
      args: [{ $date: '2024-02-29T00:00:00Z' }],
      expect: { kind: 'does-not-throw' }
    },
    {
      name: 'handles long text',
      args: [{ $repeat: 'x', times: 70000 }],
      expect: { kind: 'does-not-throw' }
    },
    {
      name: 'handles code values',
      args: [{ $code: { javascript: 'new Map() // empty', python: 'dict() # empty' } }],
      expect: { kind: 'returns', value: null }
    },
    { name: 'returns NaN', args: ['nan'], expect: { kind: 'returns', value: NaN } },
    { name: 'returns -0', args: ['-0'], expect: { kind: 'returns', value: -0 } },
    {
      name: 'is an integer',
      args: ['8'],
      expect: {
        kind: 'satisfies',
        javascript: 'Number.isInteger(result)',
        python: 'isinstance(result, int)',
        description: 'an integer'
      }
    },
    {
      name: 'is below the limit',
      args: ['8'],
      expect: { kind: 'satisfies', description: 'the result is below the limit' }
    },
    {
      name: 'takes a JS-only value',
      args: [{ $code: { javascript: 'Symbol("s")' } }],
      expect: { kind: 'does-not-throw' }
    },
    {
      name: 'takes a Python-only value',
      args: [{ $code: { python: 'object()' } }],
      expect: { kind: 'does-not-throw' }
    }
  ]
}

function callBody(target: RenderTarget, overrides: Partial<CallSpecBody> = {}): CallSpecBody {
  const python = target.framework === 'pytest'
  return {
    kind: 'call',
    module: python ? 'src/mypkg/net/port.py' : 'src/net/port.ts',
    symbol: python ? 'parse_port' : 'parsePort',
    async: false,
    cases: casesFor(python),
    ...overrides
  }
}

function stepsBody(withCode: boolean, async: boolean, python = false): StepsSpecBody {
  return {
    kind: 'steps',
    module: python ? 'src/mypkg/server.py' : 'src/net/server.ts',
    imports: python
      ? [
          { from: 'src/mypkg/server.py', names: ['start_server'] },
          { from: 'urllib.request', names: [] }
        ]
      : [
          { from: 'src/net/server.ts', names: ['startServer'] },
          { from: 'node:http', names: ['default as http'] },
          { from: 'src/net/fixtures.js', names: ['* as fixtures'] }
        ],
    setup: withCode
      ? {
          javascript: '    const server = await startServer(0)\n    const url = server.url',
          python: 'server = start_server(0)'
        }
      : undefined,
    steps: withCode
      ? {
          javascript: "const response = await fetch(url + '/health')\nassert.ok(response.ok)",
          python: 'response = server.get("/health")\nassert response.ok'
        }
      : {},
    async
  }
}

interface Rendered {
  label: string
  target: RenderTarget
  spec: TestSpec
}

/** Everything the matrix renders, parsed once. */
const rendered: Rendered[] = []
let pythonErrors: (string | null)[] = []

function add(label: string, target: RenderTarget, d: SpecDraft): TestSpec {
  const spec = renderSpec(d, target, 'edge-cases')
  rendered.push({ label: `${label} [${target.framework}/${target.language}]`, target, spec })
  return spec
}

beforeAll(async () => {
  for (const target of ALL_TARGETS) {
    const python = target.framework === 'pytest'
    add('call sync', target, draft(callBody(target)))
    add('call async', target, draft(callBody(target, { async: true })))
    add(
      'construct',
      target,
      draft(callBody(target, { construct: true, symbol: python ? 'Port' : 'Port' }))
    )
    add('single case', target, draft(callBody(target, { cases: casesFor(python).slice(0, 1) })))
    add('hostile title', target, draft(callBody(target), { title: HOSTILE, expected: HOSTILE }))
    if (!python)
      add(
        'default export',
        target,
        draft(callBody(target, { symbol: 'default', module: 'src/net/parse-port.mts' }))
      )
    add('steps', target, draft(stepsBody(true, false, python), { key: 'steps-sync' }))
    add('steps async', target, draft(stepsBody(true, true, python), { key: 'steps-async' }))
    add(
      'steps missing code',
      target,
      draft(stepsBody(false, false, python), { key: 'steps-missing' })
    )
  }
  pythonErrors = await pythonSyntaxErrors(
    rendered.filter((r) => r.spec.language === 'python').map((r) => r.spec.code)
  )
})

function find(label: string, target: RenderTarget): TestSpec {
  const hit = rendered.find((r) => r.label === `${label} [${target.framework}/${target.language}]`)
  if (!hit) throw new Error(`not rendered: ${label}`)
  return hit.spec
}

describe('every rendered file parses', () => {
  it('JavaScript and TypeScript output has no syntax errors', () => {
    const js = rendered.filter((r) => r.spec.language !== 'python')
    expect(js.length).toBeGreaterThanOrEqual(60)
    const failures = js
      .map((r) => ({ label: r.label, errors: tsSyntaxErrors(r.spec.code, r.spec.fileName) }))
      .filter((f) => f.errors.length > 0)
    expect(failures).toEqual([])
  })

  it('Python output has no syntax errors', () => {
    const py = rendered.filter((r) => r.spec.language === 'python')
    expect(py.length).toBe(8)
    expect(
      py.map((r, i) => ({ label: r.label, error: pythonErrors[i] })).filter((f) => f.error !== null)
    ).toEqual([])
  })

  it('the parser check catches a broken file (the check can fail)', async () => {
    expect(tsSyntaxErrors('describe("x", () => {\n', 'a.test.ts')).not.toEqual([])
    expect(tsSyntaxErrors('const cases: unknown[] = []\n', 'a.test.js')).toEqual([
      'Type annotations can only be used in TypeScript files.'
    ])
    expect(tsSyntaxErrors('const cases: unknown[] = []\n', 'a.test.ts')).toEqual([])
    expect(await pythonSyntaxErrors(['def f(:\n  pass\n'])).not.toEqual([null])
  })

  it('every file starts with the generated-by header naming the spec and what it covers', () => {
    for (const r of rendered) {
      const prefix = r.spec.language === 'python' ? '#' : '//'
      const lines = r.spec.code.split('\n')
      expect(lines[0]).toBe(
        `${prefix} Generated by test-planning (perspective: edge-cases). Review before committing.`
      )
      expect(lines[1].startsWith(`${prefix} Spec: `)).toBe(true)
      expect(lines[2]).toBe(
        `${prefix} Covers: src/port.ts#parsePort (findings: failure-modes/throw/abc123)`
      )
    }
  })
})

describe('call bodies', () => {
  it('jest and vitest render tables with it.each and a $name title', () => {
    for (const framework of ['jest', 'vitest'] as const) {
      const code = find('call sync', { framework, language: 'typescript' }).code
      expect(code).toContain(
        `import { describe, expect, it } from '${framework === 'jest' ? '@jest/globals' : 'vitest'}'`
      )
      expect(code).toContain("it.each(returningCases)('$name', ({ args, expected }) => {")
      expect(code).toContain('expect(parsePort(...args)).toEqual(expected)')
      expect(code).toContain(
        'const returningCases: { name: string; args: Parameters<typeof parsePort>; expected: unknown }[] = ['
      )
      expect(code).toContain("it.each(throwingCases)('$name', ({ args, message }) => {")
      expect(code).toContain('expect(() => parsePort(...args)).toThrow(RangeError)')
      expect(code).toContain('expect(() => parsePort(...args)).toThrow(message)')
      expect(code).toContain('expect(() => parsePort(Infinity, -Infinity)).toThrow()')
      expect(code).toContain("expect(() => parsePort(-0)).toThrow('zero')")
      expect(code).toContain(
        'expect(() => parsePort(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER)).toThrow(PortError)'
      )
      expect(code).toContain(
        'const safeCases: { name: string; args: Parameters<typeof parsePort> }[] = ['
      )
      expect(code).toContain("{ name: 'handles dates', args: [new Date('2024-02-29T00:00:00Z')] },")
      expect(code).toContain("{ name: 'handles long text', args: ['x'.repeat(70000)] },")
      expect(code).toContain('expect(() => parsePort(...args)).not.toThrow()')
      expect(code).toContain(
        "const result = parsePort('8')\n    expect(Number.isInteger(result)).toBe(true)"
      )
      expect(code).toContain("it.todo('is below the limit (the result is below the limit)')")
      expect(code).toContain(
        "it.todo('takes a Python-only value (an argument has no JavaScript code)')"
      )
      expect(code).toContain(
        "{ name: 'handles code values', args: [(\n    new Map() // empty\n    )], expected: null },"
      )
      expect(code).toContain("import { PortError, parsePort } from '../../src/net/port.js'")
      const js = find('call sync', { framework, language: 'javascript' })
      expect(js.code).toContain('const returningCases = [')
      expect(js.code).not.toContain('Parameters<')
      expect(js.fileName).toBe('__tests__/net/port.parsePort.edge-cases.test.js')
    }
  })

  it('async calls await results and use rejects/resolves in jest and vitest', () => {
    const code = find('call async', { framework: 'vitest', language: 'typescript' }).code
    expect(code).toContain("it.each(returningCases)('$name', async ({ args, expected }) => {")
    expect(code).toContain('expect(await parsePort(...args)).toEqual(expected)')
    expect(code).toContain(
      'const promise = parsePort(...args)\n    await expect(promise).rejects.toThrow(RangeError)\n    await expect(promise).rejects.toThrow(message)'
    )
    expect(code).toContain(
      'await expect(parsePort(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER)).rejects.toThrow(PortError)'
    )
    expect(code).toContain('await expect(parsePort(...args)).resolves.not.toThrow()')
    expect(code).toContain("const result = await parsePort('8')")
  })

  it('node:test and mocha render tables as a for loop of it() with node:assert', () => {
    for (const framework of ['node:test', 'mocha'] as const) {
      const code = find('call sync', { framework, language: 'javascript' }).code
      expect(code).toContain("import assert from 'node:assert/strict'")
      if (framework === 'node:test')
        expect(code).toContain("import { describe, it } from 'node:test'")
      else expect(code).not.toContain("from 'node:test'")
      expect(code).toContain(
        'for (const { name, args, expected } of returningCases) {\n    it(name, () => {\n      assert.deepStrictEqual(parsePort(...args), expected)'
      )
      expect(code).toContain(
        "assert.throws(() => parsePort(...args), { name: 'RangeError', message })"
      )
      expect(code).toContain('assert.throws(() => parsePort(Infinity, -Infinity))\n')
      expect(code).toContain("assert.throws(() => parsePort(-0), { message: 'zero' })")
      expect(code).toContain(
        'assert.throws(() => parsePort(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER), PortError)'
      )
      expect(code).toContain('assert.doesNotThrow(() => parsePort(...args))')
      expect(code).toContain('assert.ok(Number.isInteger(result))')
      expect(code).not.toContain('it.each')
      const async = find('call async', { framework, language: 'typescript' }).code
      expect(async).toContain(
        "await assert.rejects(() => parsePort(...args), { name: 'RangeError', message })"
      )
      expect(async).toContain('await assert.doesNotReject(() => parsePort(...args))')
      expect(async).toContain('assert.deepStrictEqual(await parsePort(...args), expected)')
      expect(async).toContain(
        'for (const { name, args, expected } of returningCases) {\n    it(name, async () => {'
      )
    }
    expect(find('call sync', { framework: 'mocha', language: 'typescript' }).fileName).toBe(
      'test/net/port.parsePort.edge-cases.spec.ts'
    )
    expect(find('call sync', { framework: 'node:test', language: 'typescript' }).fileName).toBe(
      'test/net/port.parsePort.edge-cases.test.ts'
    )
  })

  it('an error class the module defines is imported from it and checked with instanceof when a message is given', () => {
    const d = draft(
      callBody(JS_TARGETS[5], {
        cases: [
          {
            name: 'own error',
            args: [1],
            expect: { kind: 'throws', errorType: 'PortError', message: 'bad' }
          }
        ]
      })
    )
    const code = renderSpec(d, { framework: 'node:test', language: 'javascript' }, 'x').code
    expect(code).toContain("import { PortError, parsePort } from '../../src/net/port.js'")
    expect(code).toContain(
      "assert.throws(() => parsePort(1), (error) => error instanceof PortError && error.message === 'bad')"
    )
  })

  it('what cannot be written is a todo, never a passing placeholder', () => {
    const todo = (t: RenderTarget): string => find('call sync', t).code
    expect(todo({ framework: 'node:test', language: 'typescript' })).toContain(
      "it.todo('is below the limit (the result is below the limit)')"
    )
    expect(todo({ framework: 'mocha', language: 'javascript' })).toContain(
      "it('TODO: is below the limit (the result is below the limit)') // no callback: mocha reports it as pending"
    )
    expect(todo(PYTEST)).toContain(
      "def test_is_below_the_limit():\n    pytest.skip('TODO: is below the limit (the result is below the limit)')"
    )
    expect(todo(PYTEST)).toContain(
      "pytest.skip('TODO: takes a JS-only value (an argument has no Python code)')"
    )
  })

  it('construct renders new Symbol(...) and types rows with ConstructorParameters', () => {
    const ts = find('construct', { framework: 'jest', language: 'typescript' }).code
    expect(ts).toContain('args: ConstructorParameters<typeof Port>')
    expect(ts).toContain('expect(new Port(...args)).toEqual(expected)')
    expect(ts).toContain("import { Port, PortError } from '../../src/net/port.js'")
    expect(find('construct', PYTEST).code).toContain('assert vars(Port(*args)) == expected')
    expect(find('construct', { framework: 'node:test', language: 'javascript' }).code).toContain(
      'assert.deepStrictEqual({ ...new Port(...args) }, expected)'
    )
  })

  it('a default export is imported as default under a name made from the file', () => {
    const spec = find('default export', { framework: 'vitest', language: 'typescript' })
    expect(spec.code).toContain(
      "import parsePort, { PortError } from '../../src/net/parse-port.mjs'"
    )
    expect(spec.fileName).toBe('__tests__/net/parse-port.edge-cases.test.ts')
  })

  it('a single case renders a plain test without a table', () => {
    const code = find('single case', { framework: 'jest', language: 'javascript' }).code
    expect(code).toContain(
      "it('returns a number', () => {\n    expect(parsePort('80')).toEqual(80)\n  })"
    )
    expect(code).not.toContain('it.each')
    expect(find('single case', PYTEST).code).toContain(
      "def test_returns_a_number():\n    assert parse_port('80') == 80"
    )
  })

  it('pytest renders parametrize tables with ids, pytest.raises with re.escape, and special equality', () => {
    const spec = find('call sync', PYTEST)
    expect(spec.fileName).toBe('tests/test_mypkg_net_port_parse_port_edge_cases.py')
    const code = spec.code
    expect(code).toContain(
      'import math\nimport re\nfrom datetime import datetime\n\nimport pytest\n\nfrom mypkg.net.port import PortError, parse_port\n'
    )
    expect(code).toContain(
      "@pytest.mark.parametrize(\n    ('args', 'expected'),\n    [\n        pytest.param(['80'], 80, id='returns a number'),"
    )
    expect(code).toContain(
      'def test_parse_port_returns(args, expected):\n    assert parse_port(*args) == expected'
    )
    expect(code).toContain(
      'def test_parse_port_raises_value_error(args, message):\n    with pytest.raises(ValueError, match=re.escape(message)):\n        parse_port(*args)'
    )
    expect(code).toContain("pytest.param([None], 'no port', id='handles undefined'),")
    expect(code).toContain(
      "def test_handles_infinities():\n    with pytest.raises(Exception):\n        parse_port(float('inf'), -float('inf'))"
    )
    expect(code).toContain(
      "with pytest.raises(Exception, match=re.escape('zero')):\n        parse_port(-0.0)"
    )
    expect(code).toContain(
      "pytest.param([datetime.fromisoformat('2024-02-29T00:00:00+00:00')], id='handles dates'),"
    )
    expect(code).toContain("pytest.param([('x' * 70000)], id='handles long text'),")
    expect(code).toContain("    ('args',),\n")
    expect(code).toContain(
      'def test_parse_port_does_not_throw(args):\n    parse_port(*args)  # must not raise'
    )
    expect(code).toContain("def test_returns_nan():\n    assert math.isnan(parse_port('nan'))")
    expect(code).toContain(
      "result = parse_port('-0')\n    assert result == 0 and math.copysign(1.0, result) < 0"
    )
    expect(code).toContain("result = parse_port('8')\n    assert isinstance(result, int)")
    const async = find('call async', PYTEST).code
    expect(async).toContain('import asyncio\n')
    expect(async).toContain('assert asyncio.run(parse_port(*args)) == expected')
  })

  it('pytest imports the module of a dotted error type and the module under test for its own', () => {
    const spec = renderSpec(
      draft(
        callBody(PYTEST, {
          cases: [
            {
              name: 'bad json',
              args: ['{'],
              expect: { kind: 'throws', errorType: 'json.JSONDecodeError' }
            },
            {
              name: 'bad config',
              args: [''],
              expect: { kind: 'throws', errorType: 'ConfigError', message: 'empty' }
            },
            {
              name: 'nested',
              args: [''],
              expect: { kind: 'throws', errorType: 'xml.etree.ElementTree.ParseError' }
            }
          ]
        })
      ),
      PYTEST,
      'x'
    )
    expect(spec.code).toContain('import json\nimport re\nimport xml.etree.ElementTree\n')
    expect(spec.code).toContain('from mypkg.net.port import ConfigError, parse_port')
    expect(spec.code).toContain(
      "with pytest.raises(json.JSONDecodeError):\n        parse_port('{')"
    )
    expect(spec.code).toContain("with pytest.raises(ConfigError, match=re.escape('empty')):")
  })

  it('pytest loads a module that is not importable by name from its path', () => {
    const spec = renderSpec(
      draft(callBody(PYTEST, { module: 'tools/my-scripts/fix.py' })),
      PYTEST,
      'scope'
    )
    expect(spec.code).toContain('_ROOT = pathlib.Path(__file__).resolve().parents[1]')
    expect(spec.code).toContain(
      "_SPEC = importlib.util.spec_from_file_location('module_under_test', _ROOT / 'tools/my-scripts/fix.py')"
    )
    expect(spec.code).toContain('parse_port = _MODULE.parse_port')
  })

  it('imports a subject named like a name the file uses under an alias', () => {
    const jsSpec = renderSpec(
      draft(callBody(JS_TARGETS[5], { symbol: 'assert', cases: casesFor(false).slice(0, 2) })),
      JS_TARGETS[5],
      'x'
    )
    expect(jsSpec.code).toContain(
      "import { assert as assertUnderTest } from '../../src/net/port.js'"
    )
    expect(jsSpec.code).toContain('assert.deepStrictEqual(assertUnderTest(...args), expected)')
    expect(tsSyntaxErrors(jsSpec.code, jsSpec.fileName)).toEqual([])
    const pySpec = renderSpec(
      draft(callBody(PYTEST, { symbol: 're.compile', cases: casesFor(true).slice(0, 2) })),
      PYTEST,
      'x'
    )
    expect(pySpec.code).toContain('from mypkg.net.port import re as re_under_test')
    expect(pySpec.code).toContain('assert re_under_test.compile(*args) == expected')
    const byPath = renderSpec(
      draft(callBody(PYTEST, { module: 'a-b/c.py', symbol: 'args' })),
      PYTEST,
      'x'
    )
    expect(byPath.code).toContain('args_under_test = _MODULE.args')
  })

  it('refuses symbols and error types that are not names, naming the spec', () => {
    const bad = draft(callBody(JS_TARGETS[0], { symbol: 'parse-port' }), { key: 'bad-symbol' })
    expect(() => renderSpec(bad, JS_TARGETS[0], 'x')).toThrow(
      "spec 'bad-symbol': symbol 'parse-port' is not a JavaScript identifier"
    )
    const badType = draft(
      callBody(PYTEST, {
        cases: [{ name: 'x', args: [], expect: { kind: 'throws', errorType: 'raise Foo()' } }]
      })
    )
    expect(() => renderSpec(badType, PYTEST, 'x')).toThrow(
      "error type 'raise Foo()' is not a Python name"
    )
  })
})

describe('steps bodies', () => {
  it('wraps setup and steps in one test with the imports, relative to the test file', () => {
    const code = find('steps async', { framework: 'node:test', language: 'typescript' }).code
    expect(code).toContain("import { startServer } from '../../src/net/server.js'")
    expect(code).toContain("import http from 'node:http'")
    expect(code).toContain("import * as fixtures from '../../src/net/fixtures.js'")
    expect(code).toContain(
      "  it('invalid ports raise a RangeError', async () => {\n    const server = await startServer(0)\n    const url = server.url\n\n    const response = await fetch(url + '/health')\n    assert.ok(response.ok)\n  })"
    )
  })

  it('renders a todo with the title when the language has no code', () => {
    expect(
      find('steps missing code', { framework: 'jest', language: 'typescript' }).code
    ).toContain("it.todo('parsePort rejects what is not a port (no JavaScript steps written yet)')")
    expect(find('steps missing code', PYTEST).code).toContain(
      "def test_parseport_rejects_what_is_not_a_port():\n    pytest.skip('TODO: parsePort rejects what is not a port (no Python steps written yet)')"
    )
    expect(find('steps', PYTEST).code).toContain(
      'from mypkg.server import start_server\nimport urllib.request'
    )
  })

  it('pytest runs async steps through asyncio.run and imports repository modules by dotted name', () => {
    const body: StepsSpecBody = {
      kind: 'steps',
      module: 'src/app/server.py',
      imports: [
        { from: 'src/app/server.py', names: ['start_server'] },
        { from: 'json', names: [] }
      ],
      setup: { python: 'server = await start_server(0)' },
      steps: { python: 'data = json.loads(await server.get("/"))\nassert data == {}' },
      async: true
    }
    const spec = renderSpec(
      draft(body, { title: 'Health endpoint answers' }),
      PYTEST,
      'integration-points'
    )
    expect(spec.framework).toBe('pytest')
    expect(spec.code).toContain('from app.server import start_server\nimport json')
    expect(spec.code).toContain(
      'def test_health_endpoint_answers():\n    # Expected: invalid ports raise a RangeError\n    async def scenario():\n        server = await start_server(0)\n\n        data = json.loads(await server.get("/"))\n        assert data == {}\n\n    asyncio.run(scenario())'
    )
  })
})

describe('renderSpec', () => {
  it('derives a stable id from the key and keeps the draft fields', () => {
    const d = draft(callBody(JS_TARGETS[0]), { key: 'smoke:src/net/port.ts#parsePort' })
    const spec = renderSpec(d, JS_TARGETS[0], 'scope')
    expect(spec.id).toBe(`scope/spec/${shortHash('smoke:src/net/port.ts#parsePort')}`)
    expect(renderSpec(d, JS_TARGETS[3], 'scope').id).toBe(spec.id)
    expect(renderSpec({ ...d, key: 'other' }, JS_TARGETS[0], 'scope').id).not.toBe(spec.id)
    const { code, fileName, id, framework, language, ...rest } = spec
    expect(rest).toEqual({
      title: d.title,
      level: d.level,
      target: d.target,
      rationale: d.rationale,
      covers: d.covers,
      expected: d.expected,
      priority: d.priority,
      planOnly: false
    })
    expect(rest.covers).not.toBe(d.covers)
    expect([framework, language, fileName, id.length > 0, code.length > 0]).toEqual([
      'jest',
      'typescript',
      '__tests__/net/port.parsePort.scope.test.ts',
      true,
      true
    ])
    expect('key' in spec || 'body' in spec).toBe(false)
  })

  it('is deterministic', () => {
    const d = draft(callBody(PYTEST))
    expect(renderSpec(d, PYTEST, 'edge-cases')).toEqual(renderSpec(d, PYTEST, 'edge-cases'))
  })

  it('lets the module language win when it differs from the repository target', () => {
    expect(effectiveTarget({ framework: 'jest', language: 'typescript' }, 'tools/gen.py')).toEqual(
      PYTEST
    )
    expect(effectiveTarget(PYTEST, 'web/app.ts')).toEqual({
      framework: 'node:test',
      language: 'typescript'
    })
    expect(effectiveTarget(PYTEST, 'web/app.mjs')).toEqual({
      framework: 'node:test',
      language: 'javascript'
    })
    expect(effectiveTarget({ framework: 'vitest', language: 'javascript' }, 'src/a.ts')).toEqual({
      framework: 'vitest',
      language: 'javascript'
    })
    const spec = renderSpec(
      draft(callBody(PYTEST)),
      { framework: 'mocha', language: 'typescript' },
      'scope'
    )
    expect(spec.framework).toBe('pytest')
    expect(spec.code).toContain('from mypkg.net.port import')
  })

  it('renders a todo when the module cannot be imported from the language (a Go file)', () => {
    const spec = renderSpec(
      draft(callBody(JS_TARGETS[0], { module: 'cmd/main.go', symbol: 'Run' })),
      JS_TARGETS[0],
      'scope'
    )
    expect(spec.code).toContain(
      "it.todo('parsePort rejects what is not a port: cmd/main.go cannot be imported from typescript')"
    )
    expect(spec.code).not.toContain('import { Run }')
    expect(tsSyntaxErrors(spec.code, spec.fileName)).toEqual([])
  })

  it('file bodies keep their content after a header, a #! line first, text untouched', async () => {
    const yaml = renderSpec(
      draft({
        kind: 'file',
        fileName: '.github/workflows/test.yml',
        language: 'yaml',
        content: 'on: [push]\njobs: {}\n'
      }),
      JS_TARGETS[0],
      'ci-cd'
    )
    expect(yaml.framework).toBe('none')
    expect(yaml.language).toBe('yaml')
    expect(yaml.fileName).toBe('.github/workflows/test.yml')
    expect(yaml.code).toBe(
      '# Generated by test-planning (perspective: ci-cd). Review before committing.\n# Spec: parsePort rejects what is not a port\n# Covers: src/port.ts#parsePort (findings: failure-modes/throw/abc123)\non: [push]\njobs: {}\n'
    )
    const script = renderSpec(
      draft({
        kind: 'file',
        fileName: 'bench/run.py',
        language: 'python',
        content: '#!/usr/bin/env python3\nprint("hi")\n'
      }),
      PYTEST,
      'performance'
    )
    expect(script.code.split('\n')[0]).toBe('#!/usr/bin/env python3')
    expect(script.code.split('\n')[1]).toContain('# Generated by test-planning')
    expect(script.code.endsWith('print("hi")\n')).toBe(true)
    expect(await pythonSyntaxErrors([script.code])).toEqual([null])
    const text = renderSpec(
      draft({ kind: 'file', fileName: 'NOTES.txt', language: 'text', content: 'as is' }),
      PYTEST,
      'x'
    )
    expect(text.code).toBe('as is')
    const ts = renderSpec(
      draft({
        kind: 'file',
        fileName: 'bench/a.ts',
        language: 'typescript',
        content: 'export {}\n'
      }),
      PYTEST,
      'x'
    )
    expect(ts.code.startsWith('// Generated by test-planning')).toBe(true)
    expect(tsSyntaxErrors(ts.code, 'a.ts')).toEqual([])
  })

  it('keeps a hostile title inside comments and string literals', () => {
    const spec = find('hostile title', { framework: 'jest', language: 'javascript' })
    const flat = HOSTILE.replace(/[\n\t\u2028]/g, ' ').replace(/ +/g, ' ')
    expect(spec.code.split('\n')[1]).toBe(`// Spec: ${flat}`)
    const title = /describe\(('(?:[^'\\]|\\.)*')/.exec(spec.code)?.[1] ?? ''
    expect(new Function(`return ${title}`)()).toBe(HOSTILE)
  })
})
