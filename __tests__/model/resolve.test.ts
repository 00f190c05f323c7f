import { createResolver } from '../../src/model/resolve.js'
import type { ImportDecl, PackageManifest } from '../../src/model/types.js'

const LOC = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }
const js = (source: string): ImportDecl => ({
  source,
  names: [],
  kind: 'esm',
  typeOnly: false,
  loc: LOC
})
const py = (source: string): ImportDecl => ({
  source,
  names: [],
  kind: 'python',
  typeOnly: false,
  loc: LOC
})

function manifest(path: string, fields: Partial<PackageManifest>): PackageManifest {
  return {
    path,
    kind: 'package.json',
    dependencies: [],
    devDependencies: [],
    scripts: {},
    bin: {},
    engines: {},
    workspaces: [],
    ...fields
  }
}

const files = [
  'src/index.ts',
  'src/util/strings.ts',
  'src/util/index.ts',
  'src/components/Button.tsx',
  'src/legacy.js',
  'src/esm.mjs',
  'lib/helpers.cjs',
  'packages/core/src/index.ts',
  'packages/core/src/feature/run.ts',
  'pkg/__init__.py',
  'pkg/mod.py',
  'pkg/sub/__init__.py',
  'pkg/sub/deep.py',
  'src/app/__init__.py',
  'src/app/views.py'
]

describe('JavaScript and TypeScript', () => {
  const resolver = createResolver(files, {
    tsPaths: { '@/*': ['src/*'], '~utils': ['./src/util/index.ts'] },
    manifests: [
      manifest('package.json', { name: 'my-app', main: 'dist/index.js' }),
      manifest('packages/core/package.json', {
        name: '@scope/core',
        exports: {
          '.': { import: './dist/index.js', types: './dist/index.d.ts' },
          './feature/*': './dist/feature/*.js'
        }
      })
    ]
  })
  const r = (from: string, spec: string): string | undefined => resolver.resolve(from, js(spec))

  test('relative paths with extension probing and index files', () => {
    expect(r('src/index.ts', './util/strings')).toBe('src/util/strings.ts')
    expect(r('src/index.ts', './util')).toBe('src/util/index.ts')
    // A folder written with its trailing slash (nodemon's tests: `require('../../lib/cli/')`).
    expect(r('test/cli/parse.test.js', '../../src/util/')).toBe('src/util/index.ts')
    expect(r('src/index.ts', './util/')).toBe('src/util/index.ts')
    // A test loading the build output that is not in the checkout reads the source it is built from.
    expect(r('test/node/basic.js', '../../lib/util/strings')).toBe('src/util/strings.ts')
    expect(r('test/node/basic.js', '../../dist/util')).toBe('src/util/index.ts')
    // A build output that is in the repository is the file itself.
    expect(r('test/x.test.js', '../lib/helpers.cjs')).toBe('lib/helpers.cjs')
    expect(r('src/util/strings.ts', '../components/Button')).toBe('src/components/Button.tsx')
    expect(r('src/index.ts', './legacy')).toBe('src/legacy.js')
    expect(r('src/index.ts', './esm.mjs')).toBe('src/esm.mjs')
    expect(r('src/index.ts', '../lib/helpers.cjs')).toBe('lib/helpers.cjs')
  })

  test('a .js specifier resolves to the TypeScript source', () => {
    expect(r('src/index.ts', './util/strings.js')).toBe('src/util/strings.ts')
    expect(r('src/index.ts', './components/Button.js')).toBe('src/components/Button.tsx')
  })

  test('tsconfig paths', () => {
    expect(r('src/components/Button.tsx', '@/util/strings')).toBe('src/util/strings.ts')
    expect(r('src/components/Button.tsx', '~utils')).toBe('src/util/index.ts')
  })

  test('package self-imports through main and exports, mapped from dist back to src', () => {
    expect(r('test/app.test.ts', 'my-app')).toBe('src/index.ts')
    expect(r('test/app.test.ts', '@scope/core')).toBe('packages/core/src/index.ts')
    expect(r('test/app.test.ts', '@scope/core/feature/run')).toBe(
      'packages/core/src/feature/run.ts'
    )
  })

  test('outside the repository: packages, node builtins, escaping paths, missing files', () => {
    expect(r('src/index.ts', 'react')).toBeUndefined()
    expect(r('src/index.ts', 'node:fs')).toBeUndefined()
    expect(r('src/index.ts', '../../outside')).toBeUndefined()
    expect(r('src/index.ts', './missing')).toBeUndefined()
  })
})

describe('a folder with a package.json', () => {
  test("require('../') from a test loads the package's main", () => {
    const resolver = createResolver(
      ['lib/index.js', 'lib/parse.js', 'test/parse.js', 'packages/a/main.js'],
      {
        tsPaths: {},
        manifests: [
          manifest('package.json', { main: 'lib/index.js' }),
          manifest('packages/a/package.json', { main: './main.js' })
        ]
      }
    )
    expect(resolver.resolve('test/parse.js', js('../'))).toBe('lib/index.js')
    expect(resolver.resolve('test/parse.js', js('..'))).toBe('lib/index.js')
    expect(resolver.resolve('test/parse.js', js('../packages/a'))).toBe('packages/a/main.js')
    expect(resolver.resolve('test/parse.js', js('../packages/b'))).toBeUndefined()
  })
})

describe('Python', () => {
  const resolver = createResolver(files, { tsPaths: {}, manifests: [] })
  const r = (from: string, spec: string): string | undefined => resolver.resolve(from, py(spec))

  test('absolute module imports, packages and the src/ layout', () => {
    expect(r('tests/test_mod.py', 'pkg.mod')).toBe('pkg/mod.py')
    expect(r('tests/test_mod.py', 'pkg')).toBe('pkg/__init__.py')
    expect(r('tests/test_mod.py', 'pkg.sub.deep')).toBe('pkg/sub/deep.py')
    expect(r('tests/test_views.py', 'app.views')).toBe('src/app/views.py')
    expect(r('tests/test_mod.py', 'os.path')).toBeUndefined()
  })

  test('relative imports', () => {
    expect(r('pkg/sub/deep.py', '..mod')).toBe('pkg/mod.py')
    expect(r('pkg/sub/deep.py', '.')).toBe('pkg/sub/__init__.py')
    expect(r('pkg/mod.py', '.sub.deep')).toBe('pkg/sub/deep.py')
    expect(r('pkg/mod.py', '....too.far')).toBeUndefined()
  })
})
