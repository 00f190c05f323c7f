// Strange input never crashes the Python extractor: random bytes, truncated source, deep nesting,
// a 5 MB line, replacement characters, an empty file. Each ends as a parsed or partial model.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ModuleModel } from '../../src/model/types.js'
import { extractPy } from './python-helpers.js'

/** A small deterministic generator, so a failure can be replayed. */
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
  for (const fn of model.functions) expect(fn.loc.endLine).toBeGreaterThanOrEqual(fn.loc.startLine)
}

const sample = readFileSync(
  join(process.cwd(), '__tests__', 'fixtures', 'model-py', 'mixed.py'),
  'utf8'
)

test('random bytes decoded as UTF-8', async () => {
  const next = random(42)
  for (let i = 0; i < 30; i++) {
    const bytes = Buffer.alloc(200 + Math.floor(next() * 3000))
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(next() * 256)
    wellFormed(await extractPy(bytes.toString('utf8')))
  }
})

test('truncated and mutated real source', async () => {
  const next = random(7)
  for (let cut = 0; cut < sample.length; cut += 37) {
    const model = await extractPy(sample.slice(0, cut))
    wellFormed(model)
  }
  const tokens = [
    '(',
    ')',
    ':',
    '\n    ',
    'def ',
    'class ',
    '"',
    "'''",
    'match ',
    'lambda',
    '\\',
    '@',
    'if '
  ]
  for (let i = 0; i < 60; i++) {
    const at = Math.floor(next() * sample.length)
    const token = tokens[Math.floor(next() * tokens.length)]
    wellFormed(await extractPy(sample.slice(0, at) + token + sample.slice(at)))
  }
})

test('10,000-deep nesting of parentheses, lists, calls and conditionals', async () => {
  const depth = 10_000
  const parens = await extractPy(`x = ${'('.repeat(depth)}1${')'.repeat(depth)}\n`)
  wellFormed(parens)
  expect(parens.variables.map((v) => v.name)).toEqual(['x'])
  wellFormed(await extractPy(`y = ${'['.repeat(depth)}${']'.repeat(depth)}\n`))
  const calls = await extractPy(`def f():\n    return ${'g('.repeat(depth)}0${')'.repeat(depth)}\n`)
  wellFormed(calls)
  expect(calls.calls).toHaveLength(depth)
  expect(calls.calls.every((c) => c.args[0].length <= 201 && c.enclosing === 'f')).toBe(true)
  const ternaries = await extractPy(`if ${'a if b == 1 else '.repeat(depth)}c:\n    pass\n`)
  wellFormed(ternaries)
  expect(ternaries.conditions.filter((c) => c.kind === 'ternary')).toHaveLength(depth)
  // Unclosed: the parser gives up part of the way; still a model.
  wellFormed(await extractPy(`z = ${'('.repeat(depth)}\n`))
})

test('a 5 MB single line', async () => {
  const items = Array.from({ length: 700_000 }, (_, i) => String(i % 10)).join(',')
  const text = `DATA = [${items}]\n`
  expect(text.length).toBeGreaterThan(1_400_000)
  const big = `${text.slice(0, -2)}${',"s"'.repeat(Math.ceil((5_000_000 - text.length) / 4))}]\n`
  expect(big.length).toBeGreaterThanOrEqual(5_000_000)
  const model = await extractPy(big)
  wellFormed(model)
  expect(model.variables.map((v) => [v.name, v.initKind])).toEqual([['DATA', 'array']])
  expect(model.strings.length).toBeLessThanOrEqual(10_000)
})

test('replacement characters from invalid UTF-8, NUL bytes and an empty file', async () => {
  const invalid = Buffer.from([
    0x64, 0x65, 0x66, 0x20, 0xff, 0xfe, 0x28, 0x29, 0x3a, 0x0a, 0x20, 0x20, 0x70, 0x61, 0x73, 0x73,
    0x0a
  ])
  wellFormed(await extractPy(invalid.toString('utf8')))
  wellFormed(await extractPy('def f(\u0000):\n    return "\uFFFD"\n'))
  const empty = await extractPy('')
  expect([empty.status, empty.lines, empty.functions.length, empty.imports.length]).toEqual([
    'parsed',
    0,
    0,
    0
  ])
})
