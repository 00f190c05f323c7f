import { describe, expect, it } from '@jest/globals'
import {
  isRepositoryPath,
  jsImportSpecifier,
  moduleLanguage,
  pythonModuleName,
  suggestTestFile
} from '../../src/specs/paths.js'

describe('suggestTestFile', () => {
  it('follows each framework convention, mirroring folders without src/', () => {
    expect(
      suggestTestFile('jest', 'typescript', 'src/util/port.ts', 'parsePort', 'edge-cases')
    ).toBe('__tests__/util/port.parsePort.edge-cases.test.ts')
    expect(suggestTestFile('vitest', 'javascript', 'lib/port.js', undefined, 'scope')).toBe(
      '__tests__/lib/port.scope.test.js'
    )
    expect(suggestTestFile('node:test', 'javascript', 'port.mjs', 'parsePort', 'scope')).toBe(
      'test/port.parsePort.scope.test.js'
    )
    expect(suggestTestFile('node:test', 'typescript', 'src/port.ts', undefined, 'scope')).toBe(
      'test/port.scope.test.ts'
    )
    expect(suggestTestFile('mocha', 'typescript', 'src/a/b.ts', 'f', 'failure-modes')).toBe(
      'test/a/b.f.failure-modes.spec.ts'
    )
    expect(
      suggestTestFile('pytest', 'python', 'src/mypkg/port.py', 'parse_port', 'failure-modes')
    ).toBe('tests/test_mypkg_port_parse_port_failure_modes.py')
  })

  it('names index and __init__ files after their folder so two folders do not collide', () => {
    expect(suggestTestFile('jest', 'typescript', 'src/a/index.ts', undefined, 'scope')).toBe(
      '__tests__/a.scope.test.ts'
    )
    expect(suggestTestFile('jest', 'typescript', 'src/b/index.ts', undefined, 'scope')).toBe(
      '__tests__/b.scope.test.ts'
    )
    expect(suggestTestFile('pytest', 'python', 'pkg/sub/__init__.py', 'load', 'scope')).toBe(
      'tests/test_pkg_sub_load_scope.py'
    )
    expect(suggestTestFile('pytest', 'python', 'pkg/other/__init__.py', 'load', 'scope')).toBe(
      'tests/test_pkg_other_load_scope.py'
    )
  })

  it('leaves a default symbol out and makes awkward names file-safe', () => {
    expect(suggestTestFile('jest', 'javascript', 'src/my file (1).js', 'default', 'scope')).toBe(
      '__tests__/my-file-1.scope.test.js'
    )
    expect(
      suggestTestFile('pytest', 'python', 'scripts/my-tool.py', 'CamelCase', 'big-picture')
    ).toBe('tests/test_scripts_my_tool_camel_case_big_picture.py')
  })
})

describe('jsImportSpecifier', () => {
  it('imports relative to the test file with the extension the source compiles to', () => {
    expect(jsImportSpecifier('__tests__/util/port.x.test.ts', 'src/util/port.ts')).toBe(
      '../../src/util/port.js'
    )
    expect(jsImportSpecifier('__tests__/port.x.test.ts', 'src/port.tsx')).toBe('../src/port.js')
    expect(jsImportSpecifier('test/a.test.ts', 'src/a.mts')).toBe('../src/a.mjs')
    expect(jsImportSpecifier('test/a.test.ts', 'src/a.cts')).toBe('../src/a.cjs')
    expect(jsImportSpecifier('test/a.test.js', 'lib/a.cjs')).toBe('../lib/a.cjs')
    expect(jsImportSpecifier('test/a.test.js', 'test/helpers/a.js')).toBe('./helpers/a.js')
    expect(jsImportSpecifier('a.test.js', 'a.js')).toBe('./a.js')
    expect(jsImportSpecifier('test/a.test.js', './src\\win\\a.js')).toBe('../src/win/a.js')
  })
})

describe('pythonModuleName', () => {
  it('turns a path into a dotted module, stripping src/ and __init__', () => {
    expect(pythonModuleName('src/mypkg/port.py')).toBe('mypkg.port')
    expect(pythonModuleName('mypkg/__init__.py')).toBe('mypkg')
    expect(pythonModuleName('app.py')).toBe('app')
    expect(pythonModuleName('stubs/types.pyi')).toBe('stubs.types')
  })

  it('returns null when a segment cannot be imported by name', () => {
    expect(pythonModuleName('my-scripts/fix.py')).toBeNull()
    expect(pythonModuleName('pkg/2fast.py')).toBeNull()
  })
})

describe('moduleLanguage / isRepositoryPath', () => {
  it('tells languages by extension', () => {
    expect(
      ['a.ts', 'a.tsx', 'a.mts', 'a.js', 'a.jsx', 'a.cjs', 'a.py', 'a.go', 'Makefile'].map(
        moduleLanguage
      )
    ).toEqual([
      'typescript',
      'typescript',
      'typescript',
      'javascript',
      'javascript',
      'javascript',
      'python',
      'other',
      'other'
    ])
  })

  it('tells repository files from package specifiers', () => {
    expect(isRepositoryPath('src/app.ts')).toBe(true)
    expect(isRepositoryPath('./app.py')).toBe(true)
    expect(isRepositoryPath('node:http')).toBe(false)
    expect(isRepositoryPath('chart.js')).toBe(false)
    expect(isRepositoryPath('@scope/pkg/index.js')).toBe(false)
    expect(isRepositoryPath('requests')).toBe(false)
  })
})
