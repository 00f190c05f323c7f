import { languageOf } from '../../src/repo/languages.js'

describe('languageOf', () => {
  test.each([
    ['src/a.ts', 'typescript'],
    ['src/a.mts', 'typescript'],
    ['src/a.cts', 'typescript'],
    ['types/index.d.ts', 'typescript'],
    ['App.tsx', 'tsx'],
    ['a.js', 'javascript'],
    ['a.mjs', 'javascript'],
    ['a.cjs', 'javascript'],
    ['A.jsx', 'jsx'],
    ['pkg/mod.py', 'python'],
    ['main.go', 'go'],
    ['Main.java', 'java'],
    ['lib.rs', 'rust'],
    ['app.rb', 'ruby'],
    ['Program.cs', 'csharp'],
    ['index.php', 'php'],
    ['UPPER.TS', 'typescript']
  ])('%s is %s', (path, language) => {
    expect(languageOf(path)).toBe(language)
  })

  test.each([
    'README.md',
    'stubs.pyi',
    'Makefile',
    '.ts',
    'dir.ts/file',
    'a.json',
    'lcov.info',
    'x.tsx.bak'
  ])('%s is not source', (path) => {
    expect(languageOf(path)).toBeNull()
  })
})
