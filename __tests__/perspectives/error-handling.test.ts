// Perspective 8 (error-handling) on small repositories written for these tests: each planted problem
// is asserted by message id, file and line; clean and empty repositories give nothing; rendered specs
// parse (TypeScript with the compiler API, Python with `ast`); ids are stable between runs.
import errorHandling from '../../perspectives/error-handling/index.js'
import type { ErrorHandlingOptions } from '../../perspectives/error-handling/options.js'
import { readFixture, runFixture, testPerspective, type FixtureRun } from './harness.js'
import { pythonParses, typeScriptErrors, findingAt } from './case-helpers.js'
import { editFile, without } from './edit-files.js'
import type { ExpectedFinding } from './harness-checks.js'
import { EXIT_REPORTED, EXIT_SCRIPT_NEAR_MISS } from './error-handling-judged7.js'

const tsFixture = readFixture('error-handling-ts')
const pyFixture = readFixture('error-handling-py')

const TS_EXPECTED: ExpectedFinding[] = [
  { messageId: 'floatingPromise', file: 'src/cli.ts', line: 9 },
  { messageId: 'swallowedError', file: 'src/store.ts', line: 12 },
  { messageId: 'logOnlyCatch', file: 'src/store.ts', line: 19 },
  { messageId: 'lostCause', file: 'src/store.ts', line: 29 },
  { messageId: 'floatingPromise', file: 'src/store.ts', line: 34 },
  { messageId: 'floatingPromise', file: 'src/store.ts', line: 35 },
  { messageId: 'floatingPromise', file: 'src/store.ts', line: 36 },
  { messageId: 'thenWithoutCatch', file: 'src/store.ts', line: 40 },
  { messageId: 'throwNonError', file: 'src/store.ts', line: 44 },
  { messageId: 'throwNonError', file: 'src/store.ts', line: 45 },
  { messageId: 'exitInLibrary', file: 'src/store.ts', line: 50 },
  { messageId: 'noErrorListener', file: 'src/store.ts', line: 55 },
  { messageId: 'noErrorListener', file: 'src/store.ts', line: 60 },
  { messageId: 'noErrorListener', file: 'src/store.ts', line: 60 },
  { messageId: 'unclosedResource', file: 'src/store.ts', line: 64 }
]

const PY_EXPECTED: ExpectedFinding[] = [
  { messageId: 'unclosedResource', file: 'pkg/core.py', line: 16 },
  { messageId: 'bareExcept', file: 'pkg/core.py', line: 17 },
  { messageId: 'swallowedError', file: 'pkg/core.py', line: 31 },
  { messageId: 'logOnlyCatch', file: 'pkg/core.py', line: 38 },
  { messageId: 'floatingPromise', file: 'pkg/core.py', line: 43 },
  { messageId: 'floatingPromise', file: 'pkg/core.py', line: 44 },
  { messageId: 'floatingPromise', file: 'pkg/core.py', line: 45 },
  { messageId: 'exitInLibrary', file: 'pkg/core.py', line: 49 },
  { messageId: 'unclosedResource', file: 'pkg/core.py', line: 53 }
]

/** Near misses: the TypeScript fixture with src/store.ts fixed in one place, and what it still reports. */
const storeFixed = (edits: [string, string][], ...fixedIds: string[]) => ({
  files: editFile(tsFixture, 'src/store.ts', ...edits),
  expected: without(TS_EXPECTED, ...fixedIds)
})

const finding = (result: FixtureRun, messageId: string, line: number) =>
  findingAt(result, messageId, undefined, line)

const CLEAN_TS: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'clean',
    type: 'module',
    devDependencies: { typescript: '^5.9.0' }
  }),
  'src/io.ts': [
    "import fs from 'node:fs'",
    '',
    'export async function load(path: string): Promise<unknown> {',
    '  try {',
    "    return JSON.parse(await fs.promises.readFile(path, 'utf8'))",
    '  } catch (error) {',
    '    throw new Error(`cannot load ${path}`, { cause: error })',
    '  }',
    '}',
    '',
    'export function start(): void {',
    "  void load('a.json')",
    "  load('b.json').catch(() => undefined)",
    "  load('c.json').then(() => undefined, () => undefined)",
    '}',
    '',
    'export function stream(path: string): fs.ReadStream {',
    '  const s = fs.createReadStream(path)',
    "  s.on('error', () => undefined)",
    '  return s',
    '}',
    '',
    'export async function head(path: string): Promise<string> {',
    '  const handle = await fs.promises.open(path)',
    '  try {',
    "    return (await handle.readFile('utf8')).slice(0, 10)",
    '  } finally {',
    '    await handle.close()',
    '  }',
    '}',
    '',
    'export function wrap(fn: () => number): number {',
    '  try {',
    '    return fn()',
    '  } catch (e) {',
    '    throw e',
    '  }',
    '}',
    ''
  ].join('\n'),
  // Tests may swallow errors as they like: they are not the product.
  'test/io.test.ts':
    "import { it } from 'node:test'\nit('x', () => {\n  try {\n    JSON.parse('x')\n  } catch {}\n})\n"
}

const CLEAN_PY: Record<string, string> = {
  'app/io.py': [
    'import asyncio',
    'import json',
    '',
    'try:',
    '    import yaml',
    'except ImportError:',
    '    yaml = None',
    '',
    '',
    'def load(path):',
    '    with open(path) as handle:',
    '        return json.load(handle)',
    '',
    '',
    'def parse(text):',
    '    try:',
    '        return json.loads(text)',
    '    except ValueError as err:',
    '        raise RuntimeError("bad payload") from err',
    '',
    '',
    'async def refresh(key):',
    '    return key',
    '',
    '',
    'async def kick(key):',
    '    await refresh(key)',
    '    task = asyncio.create_task(refresh(key))',
    '    await task',
    ''
  ].join('\n')
}

// Judged deliberate on yamllint, tenacity and polka (session 5): the cancel-then-await idiom, a parse
// error dropped where the module's own parse reports it, an empty catch whose comment says it falls
// back on purpose. A Python raise inside an except keeps the caught one as __context__.
const DELIBERATE_PY = [
  'import asyncio',
  'import json',
  '',
  '',
  'async def stop(task):',
  '    task.cancel()',
  '    try:',
  '        await task',
  '    except asyncio.CancelledError:',
  '        pass',
  '',
  '',
  'def quick_check(text):',
  '    try:',
  '        json.loads(text)',
  '    except json.JSONDecodeError:',
  '        pass',
  '    return text',
  '',
  '',
  'def load(text):',
  '    try:',
  '        return json.loads(text)',
  '    except json.JSONDecodeError:',
  '        raise ValueError("bad config")',
  ''
].join('\n')

const DELIBERATE_TS = [
  'export function readPort(text: string): number {',
  '  try {',
  '    return JSON.parse(text).port',
  '  } catch {',
  '    // not JSON: fall back to the default port on purpose',
  '  }',
  '  return 8080',
  '}',
  ''
].join('\n')

testPerspective<ErrorHandlingOptions>(errorHandling, {
  valid: [
    {
      name: 'an empty repository has nothing to handle',
      files: {},
      check: (r) => expect(r.run.report).toContain('No JavaScript, TypeScript or Python')
    },
    {
      name: 'a command main() defined after @overload stubs may end the process (the model names it main#3)',
      files: {
        'shop/core.py': [
          'import sys',
          'import typing as t',
          '',
          '',
          'class Command:',
          '    @t.overload',
          '    def main(self, args: list) -> t.NoReturn: ...',
          '',
          '    @t.overload',
          '    def main(self, args: None = None) -> t.NoReturn: ...',
          '',
          '    def main(self, args=None):',
          '        sys.exit(0)',
          ''
        ].join('\n')
      }
    },
    {
      name: 'a TypeScript module that handles every failure',
      files: CLEAN_TS,
      check: (result) => {
        expect(result.run.specs).toEqual([])
        expect(result.run.report).toContain('No problems found')
        expect(result.run.metrics).toMatchObject({ modules: 1, handlers: 2, findings: 0 })
      }
    },
    { name: 'a Python module that handles every failure', files: CLEAN_PY },
    {
      name: 'deliberate patterns are left alone',
      files: {
        'package.json': JSON.stringify({ name: 'deliberate', type: 'module' }),
        // Fire-and-forget of an async function that catches its own errors cannot lose one.
        'src/send.ts': [
          'async function flush(queue: string[], abort: (e: unknown) => void): Promise<void> {',
          '  try {',
          '    await Promise.all(queue.map(async (q) => q))',
          '  } catch (err) {',
          '    abort(err)',
          '  }',
          '}',
          '',
          'export function send(queue: string[], abort: (e: unknown) => void): void {',
          '  flush(queue, abort)',
          '}',
          ''
        ].join('\n'),
        // Benchmarks are programs: exiting there is their job.
        'benchmarks/run.js': 'export function done() {\n  process.exit(0)\n}\n',
        'app/log.py': [
          'import logging',
          '',
          'try:',
          '    import ujson as json',
          'except ImportError:',
          '    pass',
          '',
          '',
          'def to_file(name):',
          '    stream = open(name, "a")',
          '    return logging.StreamHandler(stream)',
          ''
        ].join('\n')
      }
    },
    {
      name: 'deliberate swallows: cancel then await, a parse error the module reports elsewhere, an explained fallback',
      files: {
        'pyproject.toml': '[project]\nname = "pkg"\n',
        'pkg/__init__.py': '',
        'pkg/tasks.py': DELIBERATE_PY
      }
    },
    {
      name: 'an empty catch whose comment says it falls back on purpose',
      files: { 'src/port.ts': DELIBERATE_TS }
    }
  ],
  invalid: [
    EXIT_REPORTED,
    EXIT_SCRIPT_NEAR_MISS,
    {
      name: 'the same swallows without their reasons are reported',
      files: {
        'pyproject.toml': '[project]\nname = "pkg"\n',
        'pkg/__init__.py': '',
        'pkg/tasks.py': DELIBERATE_PY.replace('task.cancel()', 'task.done()').replace(
          'raise ValueError("bad config")',
          'return None'
        )
      },
      expected: [
        { messageId: 'swallowedError', file: 'pkg/tasks.py', line: 9 },
        { messageId: 'swallowedError', file: 'pkg/tasks.py', line: 16 },
        { messageId: 'swallowedError', file: 'pkg/tasks.py', line: 24 }
      ]
    },
    {
      name: 'an empty catch with only a TODO is reported',
      files: {
        'src/port.ts': DELIBERATE_TS.replace('fall back to the default port on purpose', 'TODO')
      },
      expected: [{ messageId: 'swallowedError', file: 'src/port.ts', line: 4 }]
    },
    {
      // Judged false on httpie and bottle: a narrow except that drops an expected absence (an optional
      // key or file, try-int-then-text parsing, Ctrl-C at the top of a server) is control flow. The
      // OSError swallow beside them still loses a real failure and is reported.
      name: 'Python: expected-absence excepts are control flow; an OSError swallow is not',
      files: {
        'pkg/__init__.py': '',
        'pkg/config.py': [
          'import json',
          'import os',
          '',
          '',
          'def read_config(path, options):',
          '    try:',
          '        options.pop("backlog")',
          '    except KeyError:',
          '        pass',
          '    try:',
          '        with open(path) as f:',
          '            return json.load(f)',
          '    except FileNotFoundError:',
          '        return {}',
          '',
          '',
          'def token(text):',
          '    try:',
          '        return int(text)',
          '    except ValueError:',
          '        return None',
          '',
          '',
          'def serve(server):',
          '    try:',
          '        server.run()',
          '    except KeyboardInterrupt:',
          '        pass',
          '',
          '',
          'def save(path, text):',
          '    try:',
          '        os.remove(path)',
          '    except OSError:',
          '        pass',
          ''
        ].join('\n')
      },
      expected: [{ messageId: 'swallowedError', file: 'pkg/config.py', line: 34 }]
    },
    {
      name: 'TypeScript: every planted problem',
      files: tsFixture,
      expected: TS_EXPECTED,
      check: (result) => {
        // A top-level call in the bin entry point is less severe than one inside library code.
        expect(finding(result, 'floatingPromise', 9).severity).toBe('medium')
        expect(finding(result, 'floatingPromise', 34).severity).toBe('high')
        expect(finding(result, 'floatingPromise', 36).confidence).toBe('medium') // resolved through an import
        expect(finding(result, 'floatingPromise', 35).message).toContain('fs.promises')
        expect(finding(result, 'lostCause', 29).title).toBe(
          'Error raised in parseOrFail() in src/store.ts drops the caught error'
        )
        expect(finding(result, 'throwNonError', 44).title).toBe(
          'Throws a string in check() in src/store.ts'
        )
        expect(finding(result, 'exitInLibrary', 50).severity).toBe('high')
        expect(finding(result, 'unclosedResource', 64).message).toContain(
          'closes it only on the success path'
        )
        expect(result.run.metrics['findings.noErrorListener']).toBe(3)
        // Specs: concrete failure injection where the dependency can be replaced, todos elsewhere.
        const { specs } = result.run
        expect(specs.length).toBeGreaterThan(5)
        for (const spec of specs) expect(typeScriptErrors(spec.code)).toEqual([])
        const cause = specs.find((s) => s.covers.includes(finding(result, 'lostCause', 29).id))
        expect(cause?.code).toContain("jest.spyOn(JSON, 'parse')")
        expect(cause?.code).toContain('expect(Object(caught).cause).toBe(injected)')
        const logs = specs.find((s) => s.covers.includes(finding(result, 'logOnlyCatch', 19).id))
        expect(logs?.code).toContain("jest.spyOn(fs, 'readFileSync')")
        expect(logs?.code).toContain("import fs from 'node:fs'")
        expect(logs?.code).toContain("jest.spyOn(console, 'error')")
        const floating = specs.find((s) =>
          s.covers.includes(finding(result, 'floatingPromise', 34).id)
        )
        expect(floating?.code).toContain('it.todo(')
        expect(result.run.report).toContain('| emitters without an &#39;error&#39; listener | 3 |')
      }
    },
    {
      name: 'TypeScript specs for node:test, vitest and mocha',
      files: {
        ...tsFixture,
        'package.json': tsFixture['package.json']
          .replace('"test": "jest"', '"test": "node --test"')
          .replace('"jest": "^29.7.0", ', '')
      },
      options: { maxFindingsPerKind: 1 },
      expected: [
        { messageId: 'swallowedError', file: 'src/store.ts', line: 12 },
        { messageId: 'logOnlyCatch', file: 'src/store.ts', line: 19 },
        { messageId: 'lostCause', file: 'src/store.ts', line: 29 },
        { messageId: 'floatingPromise', file: 'src/store.ts', line: 34 },
        { messageId: 'thenWithoutCatch', file: 'src/store.ts', line: 40 },
        { messageId: 'throwNonError', file: 'src/store.ts', line: 44 },
        { messageId: 'exitInLibrary', file: 'src/store.ts', line: 50 },
        { messageId: 'noErrorListener', file: 'src/store.ts', line: 60 },
        { messageId: 'unclosedResource', file: 'src/store.ts', line: 64 }
      ],
      check: async (result) => {
        expect(result.run.metrics.findings).toBe(15) // counted before the cap
        expect(result.run.report).toContain('(9 kept, the rest over the per-kind cap)')
        const cause = result.run.specs.find((s) =>
          s.covers.includes(finding(result, 'lostCause', 29).id)
        )
        expect(cause?.code).toContain("mock.method(JSON, 'parse'")
        for (const spec of result.run.specs) expect(typeScriptErrors(spec.code)).toEqual([])
        for (const framework of ['vitest', 'mocha'] as const) {
          const other = await runFixture(errorHandling, result.files, {
            target: { framework, language: 'typescript' }
          })
          for (const spec of other.run.specs) expect(typeScriptErrors(spec.code)).toEqual([])
          const code = other.run.specs.map((s) => s.code).join('\n')
          expect(code).toContain(
            framework === 'vitest'
              ? "vi.spyOn(JSON, 'parse')"
              : "sinon.stub(JSON, 'parse').throws(injected)"
          )
        }
      }
    },
    {
      // Best-effort clean-up in a finally block is deliberate (judged so on werkzeug, session 8 round 3).
      name: 'clean-up in a finally block is not reported; Promise.allSettled is reported low',
      files: {
        'package.json': JSON.stringify({ name: 'cleanup', type: 'module' }),
        'src/job.ts': [
          "import fs from 'node:fs'",
          '',
          'export async function job(dir: string, tasks: Promise<unknown>[]): Promise<void> {',
          '  try {',
          '    await Promise.all(tasks)',
          '  } catch (error) {',
          '    throw new Error(`job in ${dir} failed`, { cause: error })',
          '  } finally {',
          '    try {',
          '      fs.rmSync(dir, { recursive: true })',
          '    } catch (error) {',
          "      console.debug('could not clean up', error)",
          '    }',
          '  }',
          '  Promise.allSettled(tasks).then((results) => results.length)',
          '}',
          ''
        ].join('\n')
      },
      expected: [{ messageId: 'thenWithoutCatch', file: 'src/job.ts', line: 15 }],
      check: (result) => {
        expect(finding(result, 'thenWithoutCatch', 15).severity).toBe('low')
      }
    },
    {
      name: 'Python: every planted problem',
      files: pyFixture,
      expected: PY_EXPECTED,
      check: (result) => {
        expect(finding(result, 'bareExcept', 17).severity).toBe('high')
        expect(finding(result, 'floatingPromise', 43).message).toContain('coroutine never runs')
        expect(finding(result, 'floatingPromise', 44).message).toContain('weak reference')
        expect(finding(result, 'floatingPromise', 45).confidence).toBe('medium')
        expect(finding(result, 'unclosedResource', 16).severity).toBe('low')
        for (const spec of result.run.specs) pythonParses(spec.code)
      }
    },
    {
      name: 'logOnlyCatch near miss: the settings read rethrows with the cause instead of only logging',
      ...storeFixed(
        [
          [
            "console.error('could not read settings', err)",
            "throw new Error('could not read settings', { cause: err })"
          ]
        ],
        'logOnlyCatch'
      )
    },
    {
      name: 'lostCause near miss: the new error keeps the caught one as its cause',
      ...storeFixed(
        [["throw new Error('invalid JSON')", "throw new Error('invalid JSON', { cause: err })"]],
        'lostCause'
      )
    },
    {
      name: 'thenWithoutCatch near miss: the fetch chain ends in a catch that reports the failure',
      ...storeFixed(
        [
          [
            'fetch(url).then((res) => res.json())',
            "fetch(url).then((res) => res.json()).catch((err) => console.error('report failed', err))"
          ]
        ],
        'thenWithoutCatch'
      )
    },
    {
      name: 'throwNonError near miss: check() throws Error objects (a RangeError, an Error with a code)',
      ...storeFixed(
        [
          ["throw 'negative value'", "throw new RangeError('negative value')"],
          [
            "throw { code: 'TOO_BIG' }",
            "throw Object.assign(new RangeError('too big'), { code: 'TOO_BIG' })"
          ]
        ],
        'throwNonError'
      )
    },
    {
      name: 'exitInLibrary near miss: mustHave() throws instead of ending the process',
      ...storeFixed(
        [['if (!name) process.exit(1)', "if (!name) throw new Error('a name is required')"]],
        'exitInLibrary'
      )
    },
    {
      name: "noErrorListener near miss: the child and both streams get the caller's error handler",
      ...storeFixed(
        [
          [
            'export function run(cmd: string): void {',
            'export function run(cmd: string, onError: (err: Error) => void): void {'
          ],
          ["child.on('exit', () => undefined)", "child.on('error', onError)"],
          [
            'export function copy(from: string, to: string): void {',
            'export function copy(from: string, to: string, onError: (err: Error) => void): void {'
          ],
          [
            'fs.createReadStream(from).pipe(fs.createWriteStream(to))',
            "fs.createReadStream(from).on('error', onError).pipe(fs.createWriteStream(to).on('error', onError))"
          ]
        ],
        'noErrorListener'
      )
    },
    {
      name: 'unclosedResource near miss: firstLine() closes the handle in a finally block',
      ...storeFixed(
        [
          [
            "  const text = await handle.readFile('utf8')\n  await handle.close()\n  return text.split('\\n')[0]\n",
            "  try {\n    return (await handle.readFile('utf8')).split('\\n')[0]\n  } finally {\n    await handle.close()\n  }\n"
          ]
        ],
        'unclosedResource'
      )
    },
    {
      name: 'bareExcept near miss: load() catches only the bad JSON it expects (ValueError)',
      files: editFile(pyFixture, 'pkg/core.py', ['    except:\n', '    except ValueError:\n']),
      expected: without(PY_EXPECTED, 'bareExcept')
    },
    {
      name: 'floatingPromise near miss: kick() awaits the coroutines and the task it starts',
      files: editFile(
        pyFixture,
        'pkg/core.py',
        ['    refresh(key)\n', '    await refresh(key)\n'],
        ['    asyncio.create_task(refresh(key))', '    await asyncio.create_task(refresh(key))'],
        ['    fetch_remote(key)', '    await fetch_remote(key)']
      ),
      expected: without(PY_EXPECTED, 'floatingPromise')
    }
  ]
})

describe('error-handling specs for modules at the repository root', () => {
  it('import the module under test as a repository file, not as a package', async () => {
    const files = {
      'pyproject.toml': '[project]\nname = "flat"\n',
      'agent.py': [
        'from util import connect',
        '',
        '',
        'def open_agent():',
        '    try:',
        '        return connect()',
        '    except Exception:',
        '        pass',
        ''
      ].join('\n'),
      'util.py': 'def connect():\n    return 1\n'
    }
    const result = await runFixture(errorHandling, files)
    expect(result.run.findings.map((f) => [f.messageId, f.file, f.startLine])).toEqual([
      ['swallowedError', 'agent.py', 7]
    ])
    const [spec] = result.run.specs
    expect(spec.code).toContain('from agent import open_agent')
    expect(spec.code).toContain("patch.setattr(agent, 'connect', fail)")
    pythonParses(spec.code)
  })
})

describe('error-handling options', () => {
  it('stops before the perspective runs on a bad option, naming it, its value and what it accepts', async () => {
    // Options are checked against the schema before analyse: a ConfigurationError, not a failed run.
    await expect(
      runFixture(errorHandling, { 'a.py': 'x = 1\n' }, { options: { maxSpecs: -1 } })
    ).rejects.toThrow(
      "perspectives.error-handling.maxSpecs: -1 is not accepted: error-handling's option maxSpecs takes a whole number of at least 0 (default 20)."
    )
  })
})
