// Strange input never crashes the model build, never overflows the stack, and every file ends as
// parsed or partial: random bytes, truncated and mutated source, 10,000-deep nesting, a 5 MB line,
// empty files.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildModel } from '../../src/model/build.js'
import type {
  Language,
  LoadedRepository,
  RepositoryFacts,
  SourceFile
} from '../../src/model/types.js'

const FACTS: RepositoryFacts = {
  manifests: [],
  ci: [],
  coverage: [],
  junit: [],
  git: { available: false, shallow: false, commitsExamined: 0, windowDays: 365, files: {} },
  tsPaths: {}
}

function repoOf(files: SourceFile[]): LoadedRepository {
  const skipped = {} as LoadedRepository['skipped']
  return { root: '/nowhere', files, skipped, allPaths: files.map((f) => f.path) }
}

function file(path: string, language: Language, text: string): SourceFile {
  return { path, language, bytes: Buffer.byteLength(text), text }
}

/** Deterministic pseudo-random bytes, decoded the way the loader decodes files. */
function randomText(seed: number, length: number): string {
  const bytes = new Uint8Array(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    bytes[i] = x >>> 24
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes)
}

async function build(files: SourceFile[]): Promise<Awaited<ReturnType<typeof buildModel>>> {
  // No parse deadline: these cases are about size and shape, and a loaded machine must not turn
  // a slow parse into a time-out (the deadline has its own test in build.test.ts).
  const model = await buildModel(repoOf(files), FACTS, { parseTimeoutMs: Number.POSITIVE_INFINITY })
  expect(model.modules).toHaveLength(files.length)
  for (const m of model.modules) expect(['parsed', 'partial']).toContain(m.status)
  return model
}

const fixtureDir = join(process.cwd(), '__tests__', 'fixtures', 'model-js')
const fixtures = readdirSync(fixtureDir).map((name) => ({
  name,
  text: readFileSync(join(fixtureDir, name), 'utf8')
}))
const LANG: Record<string, Language> = {
  ts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  jsx: 'jsx'
}

test('random bytes in every JavaScript dialect', async () => {
  const files: SourceFile[] = []
  for (let i = 0; i < 12; i++) {
    const lang = (['typescript', 'tsx', 'javascript', 'jsx'] as const)[i % 4]
    files.push(file(`random/${i}.${lang}`, lang, randomText(i + 1, 4000)))
  }
  const model = await build(files)
  expect(model.modules.some((m) => m.status === 'partial' && m.syntaxErrors > 0)).toBe(true)
})

test('truncated and mutated real source', async () => {
  const files: SourceFile[] = []
  for (const { name, text } of fixtures) {
    const lang = LANG[name.split('.').pop()!]
    for (const cut of [0.1, 0.37, 0.5, 0.83])
      files.push(file(`cut/${cut}-${name}`, lang, text.slice(0, Math.floor(text.length * cut))))
    // Delete every 97th character, then swap a brace for a parenthesis every 53rd.
    let mutated = ''
    for (let i = 0; i < text.length; i++) {
      if (i % 97 === 0) continue
      mutated += i % 53 === 0 && text[i] === '{' ? '(' : text[i]
    }
    files.push(file(`mutated/${name}`, lang, mutated))
  }
  const model = await build(files)
  const truncated = model.modules.find((m) => m.path === 'cut/0.5-functions.ts')!
  expect(truncated.status).toBe('partial')
  // What could be read before the cut is still there.
  expect(truncated.functions.map((f) => f.name)).toEqual(
    expect.arrayContaining(['plain', 'loadText'])
  )
})

test('10,000-deep nesting of brackets, parentheses, calls, blocks and binary operators', async () => {
  const n = 10_000
  const files = [
    file('deep/array.ts', 'typescript', `export const a = ${'['.repeat(n)}1${']'.repeat(n)}\n`),
    file(
      'deep/parens.ts',
      'typescript',
      `export const p = ${'('.repeat(n)}1${')'.repeat(n)} === ${'('.repeat(n)}2${')'.repeat(n)}\n`
    ),
    file('deep/calls.js', 'javascript', `${'f('.repeat(n)}0${')'.repeat(n)}\n`),
    file(
      'deep/blocks.js',
      'javascript',
      `function deep() {\n${'if (x) {'.repeat(n)}${'}'.repeat(n)}\n}\n`
    ),
    file('deep/arrows.ts', 'typescript', `const g = ${'() => '.repeat(n)}1\n`),
    file(
      'deep/binary.ts',
      'typescript',
      `const s = ${Array.from({ length: n }, (_, i) => `a${i}`).join(' && ')}\n`
    ),
    file('deep/unclosed.ts', 'typescript', `const u = ${'['.repeat(n)}\n`)
  ]
  const model = await build(files)
  const byPath = new Map(model.modules.map((m) => [m.path, m]))
  expect(byPath.get('deep/array.ts')!.variables.map((v) => v.name)).toEqual(['a'])
  expect(byPath.get('deep/calls.js')!.calls).toHaveLength(n)
  expect(byPath.get('deep/blocks.js')!.functions[0].complexity).toBe(n + 1)
  expect(byPath.get('deep/binary.ts')!.variables.map((v) => v.name)).toEqual(['s'])
  expect(byPath.get('deep/unclosed.ts')!.status).toBe('partial')
})

test('a 5 MB single line, and a 5 MB string literal', async () => {
  const numbers = `export const data = [${Array.from({ length: 800_000 }, (_, i) => i).join(',')}]`
  const literal = `export const text = "${'x'.repeat(5 * 1024 * 1024)}"`
  expect(numbers.length).toBeGreaterThan(5_000_000)
  const model = await build([
    file('big/numbers.ts', 'typescript', numbers),
    file('big/literal.js', 'javascript', literal)
  ])
  const m = model.modules.find((x) => x.path === 'big/literal.js')!
  expect(m.status).toBe('parsed')
  expect(m.strings[0].value).toHaveLength(200)
  expect(model.modules.find((x) => x.path === 'big/numbers.ts')!.variables[0].initKind).toBe(
    'array'
  )
})

test('empty and whitespace-only files', async () => {
  const model = await build([
    file('empty.ts', 'typescript', ''),
    file('blank.js', 'javascript', '\n\n  \n'),
    file('bom.ts', 'typescript', '\uFEFF')
  ])
  for (const m of model.modules) {
    expect(m.status).toBe('parsed')
    expect(m.functions).toEqual([])
  }
  expect(model.modules.find((m) => m.path === 'empty.ts')!.lines).toBe(0)
})
