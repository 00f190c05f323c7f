// Strange input never crashes the generic extractor, in any of its six languages.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Language, ModuleModel } from '../../src/model/types.js'
import { extractText } from './generic-helpers.js'

function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function wellFormed(model: ModuleModel): void {
  expect(['parsed', 'partial']).toContain(model.status)
  expect(model.status === 'partial').toBe(model.syntaxErrors > 0)
}

const fixtures: [Language, string, (inner: string) => string][] = [
  ['go', 'server.go', (e) => `package x\nfunc f() int { return ${e} }\n`],
  ['java', 'Service.java', (e) => `class A { int f() { return ${e}; } }\n`],
  ['rust', 'point.rs', (e) => `fn f() -> i32 { ${e} }\n`],
  ['ruby', 'invoice.rb', (e) => `def f\n  ${e}\nend\n`],
  ['csharp', 'Cart.cs', (e) => `class A { int F() { return ${e}; } }\n`],
  ['php', 'UserService.php', (e) => `<?php function f() { return ${e}; }\n`]
]

describe.each(fixtures)('%s', (language, file, wrap) => {
  const sample = readFileSync(
    join(process.cwd(), '__tests__', 'fixtures', 'model-generic', file),
    'utf8'
  )

  test('random bytes, truncated and mutated source, empty file', async () => {
    const next = random(language.length * 31)
    for (let i = 0; i < 8; i++) {
      const bytes = Buffer.alloc(100 + Math.floor(next() * 2000))
      for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(next() * 256)
      wellFormed(await extractText(language, bytes.toString('utf8'), true))
    }
    for (let cut = 0; cut < sample.length; cut += 53)
      wellFormed(await extractText(language, sample.slice(0, cut), true))
    for (let i = 0; i < 20; i++) {
      const at = Math.floor(next() * sample.length)
      wellFormed(
        await extractText(language, `${sample.slice(0, at)}{("\uFFFD${sample.slice(at)}`, true)
      )
    }
    const empty = await extractText(language, '')
    expect([empty.status, empty.functions.length, empty.imports.length]).toEqual(['parsed', 0, 0])
  })

  test('10,000-deep nested parentheses and calls', async () => {
    const depth = 10_000
    wellFormed(await extractText(language, wrap(`${'('.repeat(depth)}1${')'.repeat(depth)}`)))
    const nested = await extractText(language, wrap(`${'g('.repeat(depth)}1${')'.repeat(depth)}`))
    wellFormed(nested)
    expect(nested.calls.length).toBe(depth)
    expect(nested.calls.every((c) => c.args.every((a) => a.length <= 201))).toBe(true)
  })
})

test('a 5 MB single line (Java)', async () => {
  const body = Array.from({ length: 500_000 }, (_, i) => String(i % 10)).join(',')
  const text = `class A { int[] xs = { ${body} }; void f() { g(${'1,'.repeat(1_500_000)}1); } }`
  expect(text.length).toBeGreaterThanOrEqual(4_000_000)
  const model = await extractText('java', text + ' '.repeat(Math.max(0, 5_000_000 - text.length)))
  wellFormed(model)
  expect(model.functions.map((f) => f.qualifiedName)).toEqual(['A.f'])
  expect(model.calls[0].args).toHaveLength(50)
})

test('names that are Object.prototype members are ordinary names', async () => {
  const ruby = await extractText(
    'ruby',
    'constructor "x" do\nend\nhasOwnProperty 1\ntoString { }\n',
    true
  )
  wellFormed(ruby)
  expect(ruby.calls.map((c) => c.name)).toEqual(['constructor', 'hasOwnProperty', 'toString'])
  expect(ruby.test?.cases).toEqual([])
})
