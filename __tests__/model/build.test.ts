// buildModel over a small repository written by the test: every language routed to its extractor,
// imports resolved, tests linked to the sources they import and the symbols they use, stats counted.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { buildModel } from '../../src/model/build.js'
import type { CodeModel, ModuleModel } from '../../src/model/types.js'
import { collectFacts } from '../../src/repo/facts.js'
import { loadRepository } from '../../src/repo/loader.js'

const REPO: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fixture-app', main: 'dist/index.js' }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['src/lib/*'] } }
  }),
  'src/index.ts': `export { add, Calculator } from './math.js'\nexport * from './lib/format.js'\n`,
  'src/api.ts': `export { mul as times } from './ops/index.js'\n`,
  'src/ops/index.ts': `export * from './mul.js'\n`,
  'src/ops/mul.ts': `export function mul(a: number, b: number): number {\n  return a * b\n}\n`,
  'src/cjs-lib.js': `function helper() {}\nmodule.exports = { helper }\n`,
  '__tests__/api.test.ts': [
    `import { times } from '../src/api.js'`,
    `import cjs from '../src/cjs-lib.js'`,
    `test('times', () => { expect(times(2, 3)).toBe(6); cjs.helper() })`,
    ``
  ].join('\n'),
  'src/math.ts': `export function add(a: number, b: number): number {\n  return a + b\n}\nexport function sub(a: number, b: number): number {\n  return a - b\n}\nexport class Calculator {\n  total = 0\n}\n`,
  'src/lib/format.ts': `export const format = (n: number): string => n.toFixed(2)\nexport default function pad(s: string): string {\n  return s.padStart(8)\n}\n`,
  'src/legacy.js': `function legacy(x) {\n  return x * 2\n}\nfunction other() {}\nmodule.exports = { legacy, other }\n`,
  'src/broken.ts': `export function broken( {\n  return 1\n`,
  '__tests__/math.test.ts': [
    `import { add } from '../src/math.js'`,
    `import * as lib from '@lib/format'`,
    `import pad from '@lib/format'`,
    `import app from 'fixture-app'`,
    `const legacy = require('../src/legacy')`,
    `describe('math', () => {`,
    `  it('adds', () => { expect(add(1, 2)).toBe(3) })`,
    `  it.skip('formats', () => { lib.format(1); legacy.legacy(2); pad('x') })`,
    `  it('reads constants', () => { expect(legacy.other).toBeDefined() })`,
    `})`,
    ``
  ].join('\n'),
  'pkg/__init__.py': '',
  'pkg/core.py': `def area(w: float, h: float) -> float:\n    return w * h\n`,
  'tests/test_core.py': `from pkg.core import area\n\ndef test_area():\n    assert area(2, 3) == 6\n`,
  'cmd/main.go': `package main\n\nfunc main() {}\n`
}

let root: string
let model: CodeModel
const mod = (path: string): ModuleModel => {
  const m = model.modules.find((x) => x.path === path)
  if (!m) throw new Error(`no module ${path}`)
  return m
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'model-build-'))
  for (const [path, text] of Object.entries(REPO)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  const repo = await loadRepository(root, {})
  const facts = await collectFacts(repo, {})
  model = await buildModel(repo, facts)
})

afterAll(() => {
  rmSync(root, { recursive: true, force: true })
})

test('modules are sorted by path and every source file is there', () => {
  const paths = model.modules.map((m) => m.path)
  expect(paths).toEqual([...paths].sort())
  expect(paths).toEqual(
    expect.arrayContaining([
      'src/index.ts',
      'src/math.ts',
      'src/lib/format.ts',
      'src/legacy.js',
      'src/broken.ts',
      '__tests__/math.test.ts',
      'pkg/core.py',
      'tests/test_core.py',
      'cmd/main.go'
    ])
  )
})

test('each language goes to its extractor', () => {
  expect(mod('src/math.ts').functions.map((f) => f.name)).toEqual(['add', 'sub'])
  expect(mod('pkg/core.py').functions.map((f) => f.name)).toEqual(['area'])
  expect(mod('cmd/main.go').functions.map((f) => f.name)).toEqual(['main'])
  expect(
    mod('src/legacy.js')
      .functions.filter((f) => f.exported)
      .map((f) => f.name)
  ).toEqual(['legacy', 'other'])
})

test('a file with a syntax error is partial, with the errors counted, and the rest of the run goes on', () => {
  expect(mod('src/broken.ts').status).toBe('partial')
  expect(mod('src/broken.ts').syntaxErrors).toBeGreaterThan(0)
  expect(mod('src/math.ts').status).toBe('parsed')
})

test('imports are resolved: relative, .js to .ts, tsconfig paths, self-import, re-exports, require', () => {
  expect(mod('src/index.ts').imports.map((i) => i.resolved)).toEqual([
    'src/math.ts',
    'src/lib/format.ts'
  ])
  expect(mod('__tests__/math.test.ts').imports.map((i) => [i.source, i.resolved])).toEqual([
    ['../src/math.js', 'src/math.ts'],
    ['@lib/format', 'src/lib/format.ts'],
    ['@lib/format', 'src/lib/format.ts'],
    ['fixture-app', 'src/index.ts'],
    ['../src/legacy', 'src/legacy.js']
  ])
})

test('test files know the modules they import and the exported symbols they use', () => {
  const t = mod('__tests__/math.test.ts')
  expect(t.isTest).toBe(true)
  expect(t.test?.cases.map((c) => [c.name, c.modifier])).toEqual([
    ['math', undefined],
    ['adds', undefined],
    ['formats', 'skip'],
    ['reads constants', undefined]
  ])
  // index.ts only re-exports add: math.ts, where add is defined, counts as imported too.
  expect(t.test?.importedModules).toEqual([
    'src/index.ts',
    'src/legacy.js',
    'src/lib/format.ts',
    'src/math.ts'
  ])
  // add (named), format (namespace member call), default (pad), legacy (CommonJS member call),
  // other (member read without a call); sub is never used.
  expect(t.test?.referencedSymbols).toEqual(['add', 'default', 'format', 'legacy', 'other'])
  expect(mod('src/math.ts').isTest).toBe(false)
})

test('symbols imported through re-export chains lead to the module that defines them', () => {
  const t = mod('__tests__/api.test.ts')
  // times -> api.ts (export { mul as times } from) -> ops/index.ts (export *) -> ops/mul.ts
  expect(t.test?.importedModules).toEqual(['src/api.ts', 'src/cjs-lib.js', 'src/ops/mul.ts'])
  // A default import of a CommonJS module reaches its members like a namespace import.
  expect(t.test?.referencedSymbols).toEqual(['helper', 'times'])
})

test('Python tests are linked the same way', () => {
  const t = mod('tests/test_core.py')
  expect(t.isTest).toBe(true)
  expect(t.test?.importedModules).toEqual(['pkg/core.py'])
  expect(t.test?.referencedSymbols).toEqual(['area'])
})

test('stats add up', () => {
  const s = model.stats
  expect(s.files).toBe(model.modules.length)
  expect(s.parsed + s.partial).toBe(s.files)
  expect(s.partial).toBeGreaterThanOrEqual(1)
  expect(s.bytes).toBe(model.modules.reduce((n, m) => n + m.bytes, 0))
  expect(s.lines).toBe(model.modules.reduce((n, m) => n + m.lines, 0))
  expect(s.syntaxErrors).toBe(model.modules.reduce((n, m) => n + m.syntaxErrors, 0))
  // Every syntax error is named by its file.
  const named = model.modules
    .filter((m) => m.syntaxErrors > 0)
    .map((m) => ({ path: m.path, count: m.syntaxErrors }))
  expect(named.length).toBeGreaterThanOrEqual(1)
  expect([...(s.syntaxErrorFiles ?? [])].sort((a, b) => a.path.localeCompare(b.path))).toEqual(
    named
  )
  expect((s.syntaxErrorFiles ?? []).reduce((n, f) => n + f.count, 0)).toBe(s.syntaxErrors)
  expect(model.root).toBe(root)
})

describe('failures stay inside their file', () => {
  const facts = (): Parameters<typeof buildModel>[1] => model.facts

  test('an extractor that throws gives a partial module and the other files are built', async () => {
    const files = [
      { path: 'a.ts', language: 'typescript' as const, bytes: 20, text: 'export const a = 1\n' },
      { path: 'b.py', language: 'python' as const, bytes: 10, text: 'x = (1,\n' }
    ]
    const built = await buildModel(
      { root: '/r', files, skipped: model.skipped, allPaths: [] },
      facts(),
      {
        extractors: {
          typescript: () => {
            throw new Error('planted failure')
          }
        }
      }
    )
    expect(built.modules.map((m) => [m.path, m.status])).toEqual([
      ['a.ts', 'partial'],
      ['b.py', 'partial']
    ])
    expect(built.modules[1].syntaxErrors).toBeGreaterThan(0)
  })

  test('a parse that runs past its time limit is abandoned and the file kept as partial', async () => {
    const text = Array.from(
      { length: 20_000 },
      (_, i) => `export function f${i}(a: number) { return a + ${i} }`
    ).join('\n')
    const files = [
      { path: 'slow.ts', language: 'typescript' as const, bytes: text.length, text },
      { path: 'fine.ts', language: 'typescript' as const, bytes: 12, text: 'const x = 1\n' }
    ]
    const built = await buildModel(
      { root: '/r', files, skipped: model.skipped, allPaths: [] },
      facts(),
      { parseTimeoutMs: 0 }
    )
    expect(built.modules.find((m) => m.path === 'slow.ts')).toMatchObject({
      status: 'partial',
      functions: []
    })
    expect(built.stats.partial).toBeGreaterThanOrEqual(1)
  })
})
