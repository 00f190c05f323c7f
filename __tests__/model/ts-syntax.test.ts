// Current TypeScript syntax (satisfies, accessor, const type parameters, decorators, template literal
// types, variance annotations): no syntax errors are reported for a valid file, and its functions,
// classes, calls, throws and exports are in the model, with their declared types. Where the bundled
// tree-sitter grammar leaves error nodes, the TypeScript compiler reads the file (src/model/ts-blank.ts).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildModule, ParserPool } from '../../src/model/build-module.js'
import { blankTypes, loadTypeScript } from '../../src/model/ts-blank.js'

const FIXTURE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'ts-syntax',
  'modern.ts'
)
const text = readFileSync(FIXTURE, 'utf8')
const pool = new ParserPool()
afterAll(() => pool.dispose())

async function model(path: string, source: string) {
  return buildModule({ path, language: 'typescript', bytes: source.length, text: source }, pool)
}

test('a file with each construct has no syntax errors and every function, class, call, throw and export', async () => {
  const m = await model('src/modern.ts', text)
  expect(m.syntaxErrors).toBe(0)
  expect(m.status).toBe('parsed')
  expect(m.functions.map((f) => f.qualifiedName)).toEqual(
    expect.arrayContaining([
      'Counter.increment',
      'first',
      'logged',
      'Service.run',
      'eventName',
      'Store.constructor',
      'Store.get'
    ])
  )
  expect(m.classes.map((c) => c.name)).toEqual(['Counter', 'Service', 'Store'])
  expect(m.exports.map((e) => e.name)).toEqual(
    expect.arrayContaining([
      'defaults',
      'Counter',
      'first',
      'Service',
      'EventName',
      'eventName',
      'Box',
      'Store'
    ])
  )
  expect(m.throws.map((t) => [t.errorType, t.loc.startLine])).toEqual([
    ['RangeError', 15],
    ['Error', 46]
  ])
  expect(m.calls.find((c) => c.callee === 'JSON.parse')?.loc.startLine).toBe(47)
  // Types blanked for tree-sitter are read back from the compiler.
  const get = m.functions.find((f) => f.qualifiedName === 'Store.get')!
  expect(get.params).toEqual([expect.objectContaining({ name: 'index', type: 'number' })])
  expect(get.returnType).toBe('T')
  expect(m.functions.find((f) => f.qualifiedName === 'first')?.params[0].type).toBe('T')
})

test.each([
  ['satisfies', 'export const a = { x: 1 } satisfies Record<string, number>\n'],
  ['accessor', 'export class A {\n  accessor x = 0\n  static accessor y: number = 1\n}\n'],
  [
    'const type parameter',
    'export function f<const T extends readonly unknown[]>(t: T): T {\n  return t\n}\n'
  ],
  [
    'decorators',
    'function d(v: unknown, c: unknown) { return v }\nexport class A {\n  @d\n  m(): void {}\n}\n'
  ],
  [
    'template literal types',
    'export type E<T extends string> = `on${Capitalize<T>}`\nexport function f(t: string): E<string> { return `on${t}` as E<string> }\n'
  ],
  ['variance annotations', 'export class S<in out T> {\n  get(t: T): T { return t }\n}\n']
])('%s: no syntax error is reported', async (_, source) => {
  const m = await model('src/x.ts', source)
  expect(m.syntaxErrors).toBe(0)
  expect(m.functions.length + m.exports.length).toBeGreaterThan(0)
})

test('a real syntax error is still counted, by the compiler', async () => {
  const m = await model('src/broken.ts', 'export function f(a: number {\n  return a\n}\n')
  expect(m.syntaxErrors).toBeGreaterThan(0)
  expect(m.status).toBe('partial')
})

test('blanking keeps every line and column', async () => {
  const ts = await loadTypeScript()
  const blanked = blankTypes(ts, 'src/modern.ts', text)
  expect(blanked.text.length).toBe(text.length)
  expect(blanked.text.split('\n').length).toBe(text.split('\n').length)
  expect(blanked.compilerErrors).toBe(0)
  const lines = blanked.text.split('\n')
  expect(lines[1]).toBe(
    "export const defaults = { port: 8080, host: 'localhost' }" + ' '.repeat(lines[1].length - 57)
  )
  expect(lines[31].trim()).toBe('')
})
