// Fidelity: every function, method and class declaration the TypeScript compiler finds in the
// fixtures must appear in the model with the same name, parameters (names, types, defaults,
// optional, rest), return type, line, async, generator and exported flags, and the model must find
// nothing the compiler does not.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Language } from '../../src/model/types.js'
import { extractSnippet } from './js-helpers.js'
import { oracle } from './ts-oracle.js'

const dir = join(process.cwd(), '__tests__', 'fixtures', 'model-js')
const LANGUAGE: Record<string, Language> = {
  ts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  jsx: 'jsx'
}
const fixtures = readdirSync(dir).filter((f) => /\.(ts|tsx|js|jsx)$/.test(f))

test('the fixture set covers TS, TSX, JS (CommonJS and ESM) and JSX', () => {
  expect(fixtures).toEqual(
    expect.arrayContaining([
      'functions.ts',
      'classes.ts',
      'component.tsx',
      'commonjs.js',
      'esm-module.js',
      'widget.jsx'
    ])
  )
})

describe.each(fixtures)('%s', (file) => {
  const text = readFileSync(join(dir, file), 'utf8')
  const expected = oracle(file, text)

  test('has declarations to compare', () => {
    expect(expected.functions.length).toBeGreaterThan(2)
  })

  test('functions and methods agree with the TypeScript compiler', async () => {
    const model = await extractSnippet(text, {
      language: LANGUAGE[file.split('.').pop()!],
      path: file
    })
    expect(model.status).toBe('parsed')
    const actual = model.functions.map((f) => ({
      name: f.name,
      line: f.loc.startLine,
      params: f.params.map((p) => {
        const o: {
          name: string
          type?: string
          defaultValue?: string
          optional: boolean
          rest: boolean
        } = { name: p.name, optional: p.optional, rest: p.rest }
        if (p.type !== undefined) o.type = p.type
        if (p.defaultValue !== undefined) o.defaultValue = p.defaultValue
        return o
      }),
      ...(f.returnType !== undefined ? { returnType: f.returnType } : {}),
      async: f.async,
      generator: f.generator,
      exported: f.exported
    }))
    const byKey = (a: { name: string; line: number }, b: { name: string; line: number }): number =>
      a.line - b.line || a.name.localeCompare(b.name)
    expect(actual.sort(byKey)).toEqual([...expected.functions].sort(byKey))
  })

  test('classes agree with the TypeScript compiler', async () => {
    const model = await extractSnippet(text, {
      language: LANGUAGE[file.split('.').pop()!],
      path: file
    })
    const actual = model.classes.map((c) => ({
      name: c.name,
      line: c.loc.startLine,
      exported: c.exported
    }))
    expect(actual.sort((a, b) => a.line - b.line)).toEqual(
      [...expected.classes].sort((a, b) => a.line - b.line)
    )
  })
})
