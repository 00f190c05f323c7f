// The product surface: every file classified with a reason, and the engine's product view that keeps
// perspectives that judge the product on shipped code. Fixtures: surface-js (a package with exports,
// bin and files, plus scripts, bench, examples, tests, type tests, docs and vendored code) and
// surface-py (a src-layout package with docs_src, noxfile, setup.py, tests, type tests, benchmarks).
import errorHandling from '../../perspectives/error-handling/index.js'
import scope from '../../perspectives/scope/index.js'
import { productView } from '../../src/engine/product-view.js'
import { classifySurface } from '../../src/model/surface.js'
import { parseManifest } from '../../src/repo/manifests.js'
import type { ProductSurface } from '../../src/model/types.js'
import { buildFixtureModel, readFixture, runFixture } from '../perspectives/harness.js'

function classes(surface: ProductSurface | undefined): Record<string, string> {
  return Object.fromEntries((surface?.files ?? []).map((f) => [f.path, f.class]))
}

function reasonOf(surface: ProductSurface | undefined, path: string): string {
  return surface?.files.find((f) => f.path === path)?.reason ?? ''
}

describe('a JavaScript package', () => {
  const files = readFixture('surface-js')

  test('each file gets its class, with the reason', async () => {
    const { model } = await buildFixtureModel(files)
    expect(classes(model.surface)).toEqual({
      'README.md': 'examples-docs',
      'bench/parse.bench.js': 'tooling',
      'bin/widget.js': 'shipped',
      'docs/guide.md': 'examples-docs',
      'examples/basic.js': 'examples-docs',
      'package.json': 'shipped',
      'rollup.config.js': 'tooling',
      'scripts/release.js': 'tooling',
      'src/extra.ts': 'shipped',
      'src/index.ts': 'shipped',
      'src/settings.ts': 'shipped',
      'test-d/index.test-d.ts': 'fixtures',
      'test/fixtures/settings.json': 'fixtures',
      'test/index.test.ts': 'test',
      'vendor/': 'vendored'
    })
    const surface = model.surface
    expect(reasonOf(surface, 'bin/widget.js')).toBe('the `widget` command of package.json (bin)')
    expect(reasonOf(surface, 'src/index.ts')).toBe('the main entry of package.json')
    expect(reasonOf(surface, 'src/extra.ts')).toBe('an export of package.json (./dist/extra.js)')
    expect(reasonOf(surface, 'src/settings.ts')).toBe('imported by shipped src/index.ts')
    expect(reasonOf(surface, 'scripts/release.js')).toMatch(/tooling folder scripts\//)
    expect(reasonOf(surface, 'test-d/index.test-d.ts')).toMatch(/type test/)
    expect(surface?.counts).toEqual({
      shipped: 5,
      test: 1,
      tooling: 3,
      'examples-docs': 3,
      fixtures: 2,
      vendored: 1,
      generated: 0
    })
  })

  test('an empty catch in scripts, benchmarks or examples is no finding; the same in shipped code is', async () => {
    const { run } = await runFixture(errorHandling, files)
    const flagged = run.findings
      .filter((f) => f.messageId === 'swallowedError')
      .map((f) => `${f.file}:${f.startLine}`)
    expect(flagged).toEqual(['src/settings.ts:4'])
    expect(run.surface).toMatchObject({
      classes: ['shipped', 'test'],
      leftOut: { tooling: 3, 'examples-docs': 1, fixtures: 1 }
    })
    expect(run.report).toContain(
      'left out 3 tooling (`bench/parse.bench.js`, `rollup.config.js`, `scripts/release.js`)'
    )
    expect((run.details as { productSurface: unknown }).productSurface).toEqual(run.surface)
  })

  test('the config widens the view with classes or globs', async () => {
    const wide = await runFixture(errorHandling, files, {
      surfaceInclude: ['tooling', 'examples/**']
    })
    expect(
      wide.run.findings.filter((f) => f.messageId === 'swallowedError').map((f) => f.file)
    ).toEqual([
      'bench/parse.bench.js',
      'examples/basic.js',
      'scripts/release.js',
      'src/settings.ts'
    ])
  })

  test("scope's summary section counts every class with examples and reasons", async () => {
    const { run } = await runFixture(scope, files)
    expect(run.report).toContain('#### Product surface')
    expect(run.report).toContain('| tooling | 3 |')
    expect(run.report).toContain(
      '<code>scripts/release.js</code>: inside the tooling folder scripts/'
    )
    const targets = (run.details as { targets: { file: string }[] }).targets.map((t) => t.file)
    expect(targets.every((f) => f.startsWith('src/') || f.startsWith('bin/'))).toBe(true)
  })
})

describe('a Python src-layout package', () => {
  const files = readFixture('surface-py')

  test('each file gets its class', async () => {
    const { model } = await buildFixtureModel(files)
    expect(classes(model.surface)).toEqual({
      'benchmarks/bench_core.py': 'tooling',
      'docs_src/tutorial001.py': 'examples-docs',
      'noxfile.py': 'tooling',
      'pyproject.toml': 'shipped',
      'setup.py': 'tooling',
      'src/pkgname/__init__.py': 'shipped',
      'src/pkgname/cli.py': 'shipped',
      'src/pkgname/core.py': 'shipped',
      'tests/conftest.py': 'test',
      'tests/test_core.py': 'test',
      'tests/typing/check_core.py': 'fixtures'
    })
    expect(reasonOf(model.surface, 'src/pkgname/core.py')).toMatch(
      /pyproject\.toml declares \(src\)|Python package pkgname/
    )
  })

  test('a swallowed exception in docs_src or benchmarks is no finding; the same in the package is', async () => {
    const { run } = await runFixture(errorHandling, files)
    const files_ = [...new Set(run.findings.map((f) => f.file))]
    expect(files_).toEqual(['src/pkgname/core.py'])
    expect(run.surface?.leftOut).toEqual({ tooling: 3, 'examples-docs': 1, fixtures: 1 })
  })
})

describe('without a manifest', () => {
  test('code that is not a test, tooling, an example or a fixture is shipped, and the reason says so', () => {
    const surface = classifySurface({
      repo: {
        allPaths: [
          'app.py',
          'lib/util.py',
          'scripts/deploy.py',
          'tests/test_app.py',
          'examples/demo.py'
        ],
        files: []
      },
      manifests: [],
      modules: []
    })
    expect(classes(surface)).toEqual({
      'app.py': 'shipped',
      'examples/demo.py': 'examples-docs',
      'lib/util.py': 'shipped',
      'scripts/deploy.py': 'tooling',
      'tests/test_app.py': 'test'
    })
    expect(reasonOf(surface, 'app.py')).toBe(
      'no package manifest declares entry points, so code that is not a test, tooling, an example or a fixture counts as shipped'
    )
  })

  test('tooling a CI workflow runs is marked, and security keeps it in view', async () => {
    const { model } = await buildFixtureModel({
      '.github/workflows/release.yml':
        'on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - run: node scripts/publish.js\n',
      'scripts/publish.js': 'export const x = 1\n',
      'scripts/other.js': 'export const y = 1\n',
      'index.js': 'export const z = 1\n'
    })
    expect(model.surface?.files.find((f) => f.path === 'scripts/publish.js')?.runByCi).toBe(
      '.github/workflows/release.yml'
    )
    expect(productView(model, 'security').model.modules.map((m) => m.path)).toEqual([
      'index.js',
      'scripts/publish.js'
    ])
    expect(productView(model, 'failure-modes').model.modules.map((m) => m.path)).toEqual([
      'index.js'
    ])
    expect(productView(model, 'ci-cd').model.modules.map((m) => m.path)).toEqual([
      'index.js',
      'scripts/other.js',
      'scripts/publish.js'
    ])
  })
})

describe('what npm publishes', () => {
  const manifest = (json: string) => parseManifest('package.json', 'package.json', json)

  test('without a files list every module is in the tarball, so a root module nothing imports is shipped', () => {
    const surface = classifySurface({
      repo: {
        allPaths: ['package.json', 'index.js', 'browser.js', 'benchmarks/a.bench.js'],
        files: []
      },
      manifests: [manifest('{"name":"p","main":"index.js"}')],
      modules: []
    })
    expect(classes(surface)).toMatchObject({
      'index.js': 'shipped',
      'browser.js': 'shipped',
      'benchmarks/a.bench.js': 'tooling'
    })
    expect(reasonOf(surface, 'browser.js')).toBe(
      'published with the package: package.json has no files list, so npm ships it'
    )
  })

  test('a private package beside the product is tooling; a private workspace of a monorepo is the product', () => {
    // immer's shape: the library at the root, a private benchmark project in a sub-folder.
    const beside = classifySurface({
      repo: {
        allPaths: [
          'package.json',
          'src/immer.ts',
          'timing/package.json',
          'timing/run.mjs',
          'timing/src/profile.js',
          'perf-tests/case.js'
        ],
        files: []
      },
      manifests: [
        manifest('{"name":"lib","main":"./dist/index.js","files":["dist","src"]}'),
        parseManifest('timing/package.json', 'package.json', '{"name":"lib-timing","private":true}')
      ],
      modules: []
    })
    expect(classes(beside)).toMatchObject({
      'src/immer.ts': 'shipped',
      'timing/run.mjs': 'tooling',
      'timing/src/profile.js': 'tooling',
      'perf-tests/case.js': 'tooling'
    })
    expect(reasonOf(beside, 'timing/run.mjs')).toContain('a private package (timing/package.json)')
    // A monorepo's private application is one of its workspaces: the product.
    const monorepo = classifySurface({
      repo: {
        allPaths: [
          'package.json',
          'packages/core/index.js',
          'apps/web/package.json',
          'apps/web/src/page.js'
        ],
        files: []
      },
      manifests: [
        manifest(
          '{"name":"root","private":true,"main":"packages/core/index.js","workspaces":["apps/*"]}'
        ),
        parseManifest('apps/web/package.json', 'package.json', '{"name":"web","private":true}')
      ],
      modules: []
    })
    expect(classes(monorepo)['apps/web/src/page.js']).toBe('shipped')
  })

  test('with a files list, a module outside it and unreachable is not shipped', () => {
    const surface = classifySurface({
      repo: { allPaths: ['package.json', 'index.js', 'release.js'], files: [] },
      manifests: [manifest('{"name":"p","main":"index.js","files":["index.js"]}')],
      modules: []
    })
    expect(classes(surface)).toMatchObject({ 'index.js': 'shipped', 'release.js': 'tooling' })
  })
})
