// The strongest check: rendered specs run against real code in their real runner, pass when the code
// does what the spec says, and fail when it does not.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, spawnSync } from 'node:child_process'
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { renderSpec } from '../../src/specs/render.js'
import type { CallSpecBody, RenderTarget, SpecCase, SpecDraft } from '../../src/specs/types.js'

const PROJECT = resolve('.')

// A small module written for these tests: a port parser with the usual ways to fail.
const PORT_JS = `export class PortError extends Error {}
export function parsePort(text) {
  if (typeof text !== 'string') throw new TypeError('port must be a string')
  if (text.trim() === '') throw new PortError('empty port')
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new RangeError('port out of range: ' + text)
  return n
}
export async function loadPort(text) {
  await null
  return parsePort(text)
}
export class Endpoint {
  constructor(host, port) {
    this.host = host
    this.port = parsePort(port)
  }
}
export default function describePort(n) {
  return { port: n, privileged: n < 1024, label: "port's \\"" + n + '"\\n' }
}
`

const PORT_TS = `export class PortError extends Error {}
export function parsePort(text: string): number {
  if (typeof text !== 'string') throw new TypeError('port must be a string')
  if (text.trim() === '') throw new PortError('empty port')
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new RangeError('port out of range: ' + text)
  return n
}
export async function loadPort(text: string): Promise<number> {
  await null
  return parsePort(text)
}
export class Endpoint {
  readonly port: number
  constructor(readonly host: string, port: string) {
    this.port = parsePort(port)
  }
}
`

const PORT_PY = `class PortError(Exception):
    pass


def parse_port(text):
    if not isinstance(text, str):
        raise TypeError('port must be a string')
    if text.strip() == '':
        raise PortError('empty port')
    try:
        n = int(text)
    except ValueError:
        raise ValueError(f'port out of range: {text}') from None
    if n < 1 or n > 65535:
        raise ValueError(f'port out of range: {text}')
    return n


async def load_port(text):
    return parse_port(text)
`

const JS_CASES: SpecCase[] = [
  { name: 'accepts 80', args: ['80'], expect: { kind: 'returns', value: 80 } },
  { name: 'accepts 65535', args: ['65535'], expect: { kind: 'returns', value: 65535 } },
  {
    name: 'rejects 0',
    args: ['0'],
    expect: { kind: 'throws', errorType: 'RangeError', message: 'port out of range: 0' }
  },
  {
    name: 'rejects \'x\' "quoted"',
    args: ['x'],
    expect: { kind: 'throws', errorType: 'RangeError', message: 'port out of range: x' }
  },
  { name: 'rejects a number', args: [8080], expect: { kind: 'throws', errorType: 'TypeError' } },
  {
    name: 'rejects undefined',
    args: [{ $special: 'undefined' }],
    expect: { kind: 'throws', message: 'port must be a string' }
  },
  {
    name: 'rejects blanks',
    args: [{ $repeat: ' ', times: 3 }],
    expect: { kind: 'throws', errorType: 'PortError', message: 'empty port' }
  },
  { name: 'rejects empty', args: [''], expect: { kind: 'throws', errorType: 'PortError' } },
  { name: 'accepts 1', args: ['1'], expect: { kind: 'does-not-throw' } },
  { name: 'accepts 443', args: ['443'], expect: { kind: 'does-not-throw' } },
  {
    name: 'is an integer',
    args: ['8080'],
    expect: {
      kind: 'satisfies',
      javascript: 'Number.isInteger(result) && result === 8080',
      python: 'result == 8080',
      description: 'an integer'
    }
  },
  {
    name: 'is fast',
    args: ['1'],
    expect: { kind: 'satisfies', description: 'parses in under a millisecond' }
  }
]

const PY_CASES: SpecCase[] = [
  { name: 'accepts 80', args: ['80'], expect: { kind: 'returns', value: 80 } },
  { name: 'accepts 65535', args: ['65535'], expect: { kind: 'returns', value: 65535 } },
  {
    name: 'rejects 0',
    args: ['0'],
    expect: { kind: 'throws', errorType: 'ValueError', message: 'port out of range: 0' }
  },
  {
    name: "rejects 'x' (regex chars .*)",
    args: ['.*'],
    expect: { kind: 'throws', errorType: 'ValueError', message: 'port out of range: .*' }
  },
  { name: 'rejects a number', args: [8080], expect: { kind: 'throws', errorType: 'TypeError' } },
  {
    name: 'rejects None',
    args: [null],
    expect: { kind: 'throws', message: 'port must be a string' }
  },
  {
    name: 'rejects blanks',
    args: [{ $repeat: ' ', times: 3 }],
    expect: { kind: 'throws', errorType: 'PortError', message: 'empty port' }
  },
  { name: 'accepts 1', args: ['1'], expect: { kind: 'does-not-throw' } },
  { name: 'accepts 443', args: ['443'], expect: { kind: 'does-not-throw' } },
  {
    name: 'is 8080',
    args: ['8080'],
    expect: {
      kind: 'satisfies',
      python: 'result == 8080 and isinstance(result, int)',
      description: 'an int'
    }
  },
  {
    name: 'is fast',
    args: ['1'],
    expect: { kind: 'satisfies', description: 'parses in under a millisecond' }
  }
]

function call(
  module: string,
  symbol: string,
  cases: SpecCase[],
  extra: Partial<CallSpecBody> = {}
): SpecDraft {
  return {
    key: `run:${module}#${symbol}:${String(extra.async ?? false)}`,
    title: `${symbol} validates ports`,
    level: 'unit',
    target: { file: module, symbol },
    rationale: 'ports reach listen()',
    covers: [],
    expected: 'valid ports parse, invalid ones raise',
    priority: 'P1',
    body: { kind: 'call', module, symbol, async: false, cases, ...extra }
  }
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {}
): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        done({ code, output: `${stdout}\n${stderr}` })
      }
    )
  })
}

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'specs-run-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

async function writeRepo(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, name)
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
  return dir
}

/** `# pass 9` style counters from node's TAP reporter. */
function tapCount(output: string, what: string): number {
  const match = new RegExp(`^# ${what} (\\d+)$`, 'm').exec(output)
  return match ? Number(match[1]) : -1
}

describe('node:test specs run with node --test', () => {
  const target: RenderTarget = { framework: 'node:test', language: 'javascript' }

  it('pass against code that does what they say, with todo tests reported as todo', async () => {
    const specs = [
      renderSpec(call('src/net/port.js', 'parsePort', JS_CASES), target, 'failure-modes'),
      renderSpec(
        call('src/net/port.js', 'loadPort', JS_CASES, { async: true }),
        target,
        'failure-modes'
      ),
      renderSpec(
        call(
          'src/net/port.js',
          'Endpoint',
          [
            {
              name: 'keeps the port',
              args: ['localhost', '8080'],
              expect: { kind: 'returns', value: { host: 'localhost', port: 8080 } }
            },
            {
              name: 'rejects a bad port',
              args: ['localhost', '0'],
              expect: { kind: 'throws', errorType: 'RangeError', message: 'port out of range: 0' }
            }
          ],
          { construct: true }
        ),
        target,
        'scope'
      ),
      renderSpec(
        call('src/net/port.js', 'default', [
          {
            name: 'describes 80',
            args: [80],
            expect: {
              kind: 'returns',
              value: { port: 80, privileged: true, label: 'port\'s "80"\n' }
            }
          },
          {
            name: 'describes 8080',
            args: [8080],
            expect: {
              kind: 'returns',
              value: { port: 8080, privileged: false, label: 'port\'s "8080"\n' }
            }
          }
        ]),
        target,
        'scope'
      )
    ]
    specs.push(
      renderSpec(
        {
          ...call('src/net/port.js', 'loadPort', []),
          key: 'steps',
          body: {
            kind: 'steps',
            module: 'src/net/steps.js',
            imports: [{ from: 'src/net/port.js', names: ['loadPort', 'default as describePort'] }],
            setup: { javascript: 'const text = String(8000 + 80)' },
            steps: {
              javascript:
                'const port = await loadPort(text)\nassert.equal(describePort(port).privileged, false)'
            },
            async: true
          }
        },
        target,
        'integration-points'
      )
    )
    const files: Record<string, string> = {
      'package.json': '{ "type": "module" }\n',
      'src/net/port.js': PORT_JS
    }
    for (const spec of specs) files[spec.fileName] = spec.code
    expect(new Set(specs.map((s) => s.fileName)).size).toBe(5)
    const dir = await writeRepo('node-pass', files)
    const result = await run(
      process.execPath,
      ['--test', '--test-reporter=tap', ...specs.map((s) => s.fileName)],
      dir
    )
    expect({ code: result.code, fail: tapCount(result.output, 'fail') }).toEqual({
      code: 0,
      fail: 0
    })
    // 11 written cases + 1 todo in each of the parsePort and loadPort files, 2 in each of the next two, 1 steps test.
    expect(tapCount(result.output, 'todo')).toBe(2)
    expect(tapCount(result.output, 'pass')).toBe(11 + 11 + 2 + 2 + 1)
    expect(result.output).toContain('rejects \'x\' "quoted"')
  })

  it('fail when the code breaks the expectation', async () => {
    const wrong: SpecCase[] = [
      { name: 'claims 80 parses to 81', args: ['80'], expect: { kind: 'returns', value: 81 } },
      { name: 'claims 0 is fine', args: ['0'], expect: { kind: 'does-not-throw' } },
      {
        name: 'claims the wrong error type',
        args: ['0'],
        expect: { kind: 'throws', errorType: 'TypeError' }
      },
      {
        name: 'claims the wrong message',
        args: ['0'],
        expect: { kind: 'throws', errorType: 'RangeError', message: 'other' }
      },
      {
        name: 'claims an own error with the wrong message',
        args: [''],
        expect: { kind: 'throws', errorType: 'PortError', message: 'nope' }
      },
      { name: 'claims 1 throws', args: ['1'], expect: { kind: 'throws' } },
      {
        name: 'claims a property that is false',
        args: ['1'],
        expect: { kind: 'satisfies', javascript: 'result > 1', description: 'x' }
      }
    ]
    const spec = renderSpec(call('src/net/port.js', 'parsePort', wrong), target, 'edge-cases')
    const asyncSpec = renderSpec(
      call('src/net/port.js', 'loadPort', wrong, { async: true }),
      target,
      'edge-cases'
    )
    const dir = await writeRepo('node-fail', {
      'package.json': '{ "type": "module" }\n',
      'src/net/port.js': PORT_JS,
      [spec.fileName]: spec.code,
      [asyncSpec.fileName]: asyncSpec.code
    })
    const result = await run(
      process.execPath,
      ['--test', '--test-reporter=tap', spec.fileName, asyncSpec.fileName],
      dir
    )
    expect(result.code).not.toBe(0)
    expect(tapCount(result.output, 'fail')).toBe(wrong.length * 2)
    expect(tapCount(result.output, 'pass')).toBe(0)
  })
})

describe('jest specs run with jest', () => {
  it('pass for true expectations and fail for false ones, sync and async, it.each included', async () => {
    const target: RenderTarget = { framework: 'jest', language: 'javascript' }
    const good = renderSpec(call('src/port.js', 'parsePort', JS_CASES), target, 'failure-modes')
    const goodAsync = renderSpec(
      call('src/port.js', 'loadPort', JS_CASES, { async: true }),
      target,
      'failure-modes'
    )
    const bad = renderSpec(
      call(
        'src/port.js',
        'Endpoint',
        [
          {
            name: 'claims port 81',
            args: ['h', '80'],
            expect: { kind: 'returns', value: { host: 'h', port: 81 } }
          },
          { name: 'claims no throw', args: ['h', '0'], expect: { kind: 'does-not-throw' } }
        ],
        { construct: true }
      ),
      target,
      'scope'
    )
    const dir = await writeRepo('jest', {
      'package.json': '{ "type": "module" }\n',
      'jest.config.json': '{ "testEnvironment": "node", "transform": {} }\n',
      'src/port.js': PORT_JS,
      [good.fileName]: good.code,
      [goodAsync.fileName]: goodAsync.code,
      [bad.fileName]: bad.code
    })
    await symlink(join(PROJECT, 'node_modules'), join(dir, 'node_modules'), 'dir')
    const result = await run(
      process.execPath,
      [
        '--experimental-vm-modules',
        '--no-warnings',
        join(PROJECT, 'node_modules/jest/bin/jest.js'),
        '--ci',
        '--json',
        `--outputFile=${join(dir, 'result.json')}`,
        '--no-watchman',
        '--rootDir',
        dir
      ],
      dir
    )
    const json = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as {
      numPassedTests: number
      numFailedTests: number
      numTodoTests: number
      testResults: { name: string; status: string }[]
    }
    expect(result.code).toBe(1)
    expect({
      passed: json.numPassedTests,
      failed: json.numFailedTests,
      todo: json.numTodoTests
    }).toEqual({ passed: 22, failed: 2, todo: 2 })
    const status = Object.fromEntries(
      json.testResults.map((r) => [r.name.slice(dir.length + 1), r.status])
    )
    expect(status).toEqual({
      [good.fileName]: 'passed',
      [goodAsync.fileName]: 'passed',
      [bad.fileName]: 'failed'
    })
  })
})

describe('TypeScript specs type-check against the real signatures', () => {
  it('jest and node:test TypeScript output compiles under strict NodeNext, and a wrong-typed row does not', async () => {
    const ts = (await import('typescript')).default
    const specs = (['jest', 'node:test'] as const).flatMap((framework) => {
      const target: RenderTarget = { framework, language: 'typescript' }
      const stringCases = JS_CASES.filter(
        (c) => typeof c.args[0] === 'string' || c.name === 'is fast'
      )
      return [
        renderSpec(call('src/net/port.ts', 'parsePort', stringCases), target, 'edge-cases'),
        renderSpec(
          call('src/net/port.ts', 'loadPort', stringCases, { async: true }),
          target,
          'edge-cases'
        ),
        renderSpec(
          call(
            'src/net/port.ts',
            'Endpoint',
            [
              {
                name: 'a',
                args: ['h', '1'],
                expect: { kind: 'returns', value: { host: 'h', port: 1 } }
              },
              {
                name: 'b',
                args: ['h', '2'],
                expect: { kind: 'returns', value: { host: 'h', port: 2 } }
              }
            ],
            { construct: true }
          ),
          target,
          'scope'
        )
      ]
    })
    const wrong = renderSpec(
      call('src/net/port.ts', 'parsePort', [
        { name: 'number row', args: [80], expect: { kind: 'returns', value: 80 } },
        { name: 'string row', args: ['80'], expect: { kind: 'returns', value: 80 } }
      ]),
      { framework: 'jest', language: 'typescript' },
      'wrong'
    )
    const files: Record<string, string> = {
      'package.json': '{ "type": "module" }\n',
      'src/net/port.ts': PORT_TS
    }
    for (const spec of [...specs, wrong]) files[spec.fileName] = spec.code
    const dir = await writeRepo('typecheck', files)
    await symlink(join(PROJECT, 'node_modules'), join(dir, 'node_modules'), 'dir')
    const options: import('typescript').CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['node'],
      skipLibCheck: true
    }
    const program = ts.createProgram(
      [...specs, wrong].map((s) => join(dir, s.fileName)),
      options
    )
    const byFile = new Map<string, string[]>()
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const file = d.file ? d.file.fileName.slice(dir.length + 1) : '(global)'
      byFile.set(file, [
        ...(byFile.get(file) ?? []),
        ts.flattenDiagnosticMessageText(d.messageText, ' ')
      ])
    }
    expect([...byFile.keys()]).toEqual([wrong.fileName])
    expect(byFile.get(wrong.fileName)?.join('\n')).toContain(
      "Type 'number' is not assignable to type 'string'"
    )
  })
})

const pytestCheck = spawnSync('python3', ['-m', 'pytest', '--version'], { encoding: 'utf8' })
const pytestAvailable = pytestCheck.status === 0
if (!pytestAvailable) {
  console.warn(
    `Skipping the pytest run: 'python3 -m pytest --version' failed (${pytestCheck.error?.message ?? pytestCheck.stderr}). The rendered Python is still parsed in render.test.ts.`
  )
}

describe('pytest specs run with python3 -m pytest', () => {
  ;(pytestAvailable ? it : it.skip)(
    'pass for true expectations, skip todos, and fail for false ones',
    async () => {
      const target: RenderTarget = { framework: 'pytest', language: 'python' }
      const good = renderSpec(
        call('src/shop/port.py', 'parse_port', PY_CASES),
        target,
        'failure-modes'
      )
      const goodAsync = renderSpec(
        call('src/shop/port.py', 'load_port', PY_CASES, { async: true }),
        target,
        'failure-modes'
      )
      const bad = renderSpec(
        call('src/shop/port.py', 'parse_port', [
          { name: 'claims 80 is 81', args: ['80'], expect: { kind: 'returns', value: 81 } },
          { name: 'claims 0 is fine', args: ['0'], expect: { kind: 'does-not-throw' } },
          {
            name: 'claims a TypeError',
            args: ['0'],
            expect: { kind: 'throws', errorType: 'TypeError' }
          },
          {
            name: 'claims another message',
            args: ['0'],
            expect: { kind: 'throws', errorType: 'ValueError', message: 'port out of range: 00' }
          }
        ]),
        target,
        'edge-cases'
      )
      const steps = renderSpec(
        {
          ...call('src/shop/port.py', 'load_port', []),
          key: 'steps',
          body: {
            kind: 'steps',
            module: 'src/shop/flows.py',
            imports: [{ from: 'src/shop/port.py', names: ['load_port', 'PortError'] }],
            setup: { python: 'text = str(8000 + 80)' },
            steps: {
              python:
                'assert await load_port(text) == 8080\ntry:\n    await load_port("  ")\nexcept PortError:\n    pass\nelse:\n    raise AssertionError("no PortError")'
            },
            async: true
          }
        },
        target,
        'integration-points'
      )
      const dir = await writeRepo('pytest', {
        [steps.fileName]: steps.code,
        'src/shop/__init__.py': '',
        'src/shop/port.py': PORT_PY,
        'pyproject.toml': '[tool.pytest.ini_options]\npythonpath = ["src"]\n',
        [good.fileName]: good.code,
        [goodAsync.fileName]: goodAsync.code,
        [bad.fileName]: bad.code
      })
      const result = await run(
        'python3',
        [
          '-m',
          'pytest',
          '-q',
          '-p',
          'no:cacheprovider',
          '-rs',
          ...[good, goodAsync, bad, steps].map((s) => s.fileName)
        ],
        dir,
        {
          PYTHONDONTWRITEBYTECODE: '1'
        }
      )
      expect(result.output).toContain('short test summary')
      expect(result.code).toBe(1)
      const summary = /^=* ?(\d+ failed.*) in [\d.]+s/m.exec(result.output)?.[1]
      // 10 written cases in each good file, one skipped todo each, 1 steps test; 4 false claims fail.
      expect(summary).toBe('4 failed, 21 passed, 2 skipped')
      expect(result.output).toContain('TODO: is fast (parses in under a millisecond)')
    }
  )
})
