import { parseJsonc, stripJsonc } from '../../src/repo/jsonc.js'
import { readTsPaths } from '../../src/repo/tsconfig-paths.js'
import { cleanUp, tempDir, writeFiles } from './helpers.js'

afterEach(cleanUp)

describe('JSONC', () => {
  test('removes comments and trailing commas outside strings only', () => {
    const text =
      '{\n  // line comment\n  "url": "http://x/*y*/", /* block */\n  "list": [1, 2, /* c */ ],\n  "s": "a,]",\n}'
    expect(parseJsonc(text)).toEqual({ url: 'http://x/*y*/', list: [1, 2], s: 'a,]' })
    expect(stripJsonc('"esc\\"aped // not a comment"')).toBe('"esc\\"aped // not a comment"')
  })

  test('a BOM and an unterminated comment do not throw in the stripper', () => {
    expect(parseJsonc('\uFEFF{"a": 1}')).toEqual({ a: 1 })
    expect(stripJsonc('{"a": 1} /* open')).toBe('{"a": 1} ')
  })
})

describe('readTsPaths', () => {
  test('paths relative to baseUrl become repository paths', async () => {
    const root = tempDir()
    writeFiles(root, {
      'tsconfig.json':
        '{\n  // app config\n  "compilerOptions": {\n    "baseUrl": "./src",\n    "paths": { "@/*": ["*"], "#lib": ["lib/index.ts",], },\n  },\n}\n'
    })
    const notes: string[] = []
    expect(await readTsPaths(root, notes)).toEqual({
      '@/*': ['src/*'],
      '#lib': ['src/lib/index.ts']
    })
    expect(notes).toEqual([])
  })

  test('paths without baseUrl are relative to the config that declares them, through extends', async () => {
    const root = tempDir()
    writeFiles(root, {
      'tsconfig.json':
        '{ "extends": ["@tsconfig/node20/tsconfig.json", "./config/base"], "compilerOptions": { "strict": true } }',
      'config/base.json': '{ "compilerOptions": { "paths": { "~/*": ["../packages/*/src"] } } }'
    })
    expect(await readTsPaths(root, [])).toEqual({ '~/*': ['packages/*/src'] })
  })

  test('the extending config overrides paths; a jsconfig.json is read when there is no tsconfig', async () => {
    const root = tempDir()
    writeFiles(root, {
      'tsconfig.json':
        '{ "extends": "./base.json", "compilerOptions": { "paths": { "a": ["x.ts"] } } }',
      'base.json': '{ "compilerOptions": { "baseUrl": "lib", "paths": { "b": ["y.ts"] } } }'
    })
    expect(await readTsPaths(root, [])).toEqual({ a: ['lib/x.ts'] })
    const js = tempDir()
    writeFiles(js, {
      'jsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }'
    })
    expect(await readTsPaths(js, [])).toEqual({ '@/*': ['src/*'] })
  })

  test('a broken tsconfig gives a note and no paths; an extends loop ends', async () => {
    const root = tempDir()
    writeFiles(root, { 'tsconfig.json': '{ "compilerOptions": { "paths": ' })
    const notes: string[] = []
    expect(await readTsPaths(root, notes)).toEqual({})
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatch(
      /^tsconfig\.json could not be parsed \(.+\); path aliases from it are not used\.$/
    )
    const loop = tempDir()
    writeFiles(loop, {
      'tsconfig.json': '{ "extends": "./a.json" }',
      'a.json':
        '{ "extends": "./tsconfig.json", "compilerOptions": { "paths": { "z": ["z.ts"] } } }'
    })
    expect(await readTsPaths(loop, [])).toEqual({ z: ['z.ts'] })
  })
})
