import { manifestKind, parseManifest, readManifests } from '../../src/repo/manifests.js'
import { cleanUp, tempDir, writeFiles } from './helpers.js'

afterEach(cleanUp)

describe('package.json', () => {
  test('reads every field the perspectives use', () => {
    const manifest = parseManifest(
      'package.json',
      'package.json',
      JSON.stringify({
        name: '@acme/tool',
        version: '1.2.3',
        type: 'module',
        main: 'dist/index.js',
        exports: { '.': { import: './dist/index.js' }, './util': './dist/util.js' },
        bin: './bin/tool.js',
        scripts: { test: 'jest', build: 'tsc', bad: 3 },
        dependencies: { chalk: '^5' },
        optionalDependencies: { fsevents: '*' },
        peerDependencies: { react: '>=18', chalk: '^5' },
        devDependencies: { jest: '^30' },
        engines: { node: '>=20' },
        workspaces: { packages: ['packages/*'] }
      })
    )
    expect(manifest).toEqual({
      path: 'package.json',
      kind: 'package.json',
      name: '@acme/tool',
      version: '1.2.3',
      type: 'module',
      main: 'dist/index.js',
      exports: { '.': { import: './dist/index.js' }, './util': './dist/util.js' },
      bin: { tool: './bin/tool.js' },
      scripts: { test: 'jest', build: 'tsc' },
      dependencies: ['chalk', 'fsevents', 'react'],
      devDependencies: ['jest'],
      peerDependencies: { chalk: '^5', react: '>=18' },
      engines: { node: '>=20' },
      workspaces: ['packages/*']
    })
  })

  test('bin as an object and workspaces as an array', () => {
    const manifest = parseManifest(
      'a/package.json',
      'package.json',
      '{"bin":{"x":"x.js","y":"y.js"},"workspaces":["a","b"]}'
    )
    expect(manifest.bin).toEqual({ x: 'x.js', y: 'y.js' })
    expect(manifest.workspaces).toEqual(['a', 'b'])
    expect(manifest.name).toBeUndefined()
  })

  test('malformed JSON is recorded with an error, not thrown', () => {
    const manifest = parseManifest('package.json', 'package.json', '{ "name": "x", ')
    expect(manifest.error).toMatch(/^not valid JSON/)
    expect(manifest.dependencies).toEqual([])
    expect(parseManifest('package.json', 'package.json', '[1]').error).toBe(
      'the top level is not a JSON object'
    )
    const wrongTypes = parseManifest(
      'package.json',
      'package.json',
      '{"name":"ok","dependencies":"chalk","scripts":[]}'
    )
    expect(wrongTypes.name).toBe('ok')
    expect(wrongTypes.error).toBe('"dependencies" is not an object; "scripts" is not an object')
  })
})

describe('Python manifests', () => {
  test('pyproject.toml with [project], extras, scripts and dependency groups', () => {
    const manifest = parseManifest(
      'pyproject.toml',
      'pyproject.toml',
      [
        '[project]',
        'name = "acme"',
        'version = "0.4.0"',
        'requires-python = ">=3.10"',
        'dependencies = ["requests[socks]>=2.31", "click ; python_version >= \'3.8\'"]',
        '[project.optional-dependencies]',
        'test = ["pytest>=8"]',
        'yaml = ["PyYAML"]',
        '[project.scripts]',
        'acme = "acme.cli:main"',
        '[project.entry-points."acme.plugins"]',
        'csv = "acme.plugins:CsvPlugin"',
        '[dependency-groups]',
        'lint = ["ruff"]'
      ].join('\n')
    )
    expect(manifest).toMatchObject({
      name: 'acme',
      version: '0.4.0',
      requiresPython: '>=3.10',
      dependencies: ['requests', 'click', 'PyYAML'],
      devDependencies: ['pytest', 'ruff'],
      bin: { acme: 'acme.cli:main' },
      extras: { test: ['pytest>=8'], yaml: ['PyYAML'] },
      entryPoints: { 'acme.plugins': { csv: 'acme.plugins:CsvPlugin' } }
    })
    expect(manifest.error).toBeUndefined()
  })

  test('pyproject.toml with a dynamic version read from the package', () => {
    const text = [
      '[project]',
      'name = "signer"',
      'dynamic = ["version"]',
      '[tool.setuptools.dynamic]',
      'version = {attr = "signer.__version__"}'
    ].join('\n')
    expect(parseManifest('pyproject.toml', 'pyproject.toml', text).version).toBe(
      'attr: signer.__version__'
    )
  })

  test('pyproject.toml with [tool.poetry]', () => {
    const manifest = parseManifest(
      'pyproject.toml',
      'pyproject.toml',
      [
        '[tool.poetry]',
        'name = "poet"',
        'version = "1.0.0"',
        '[tool.poetry.dependencies]',
        'python = "^3.11"',
        'httpx = "^0.27"',
        '[tool.poetry.group.dev.dependencies]',
        'pytest = "*"',
        '[tool.poetry.scripts]',
        'poet = "poet.main:run"'
      ].join('\n')
    )
    expect(manifest).toMatchObject({
      name: 'poet',
      version: '1.0.0',
      requiresPython: '^3.11',
      dependencies: ['httpx'],
      devDependencies: ['pytest'],
      bin: { poet: 'poet.main:run' }
    })
  })

  test('malformed TOML is recorded with an error', () => {
    const manifest = parseManifest('pyproject.toml', 'pyproject.toml', '[project\nname = ')
    expect(manifest.error).toMatch(/^not valid TOML/)
  })

  test('setup.cfg metadata, install_requires, extras and console scripts', () => {
    const manifest = parseManifest(
      'setup.cfg',
      'setup.cfg',
      [
        '[metadata]',
        'name = legacy',
        'version = 2.0',
        '',
        '[options]',
        'python_requires = >=3.8',
        'install_requires =',
        '    requests>=2',
        '    attrs',
        '',
        '[options.extras_require]',
        'testing = pytest; coverage',
        '',
        '[options.entry_points]',
        'console_scripts =',
        '    legacy = legacy.cli:main',
        '    legacy-admin = legacy.admin:main'
      ].join('\n')
    )
    expect(manifest).toMatchObject({
      name: 'legacy',
      version: '2.0',
      requiresPython: '>=3.8',
      dependencies: ['requests', 'attrs'],
      devDependencies: ['pytest', 'coverage'],
      bin: { legacy: 'legacy.cli:main', 'legacy-admin': 'legacy.admin:main' }
    })
  })

  test('setup.py is recorded by kind and path only', () => {
    expect(
      parseManifest('setup.py', 'setup.py', 'from setuptools import setup\nsetup(name="x")\n')
    ).toEqual({
      path: 'setup.py',
      kind: 'setup.py',
      dependencies: [],
      devDependencies: [],
      scripts: {},
      bin: {},
      engines: {},
      workspaces: []
    })
  })

  test('requirements files: names, options skipped, editable eggs kept, dev files as dev dependencies', () => {
    const text =
      '# pinned\nDjango==5.0  # web\n-r base.txt\n--index-url https://example.invalid/simple\n-e git+https://example.invalid/x.git#egg=localpkg\nnumpy>=1.26; python_version>"3.9"\nhttps://example.invalid/pkg.whl\n./local\n'
    expect(parseManifest('requirements.txt', 'requirements', text).dependencies).toEqual([
      'Django',
      'localpkg',
      'numpy'
    ])
    const dev = parseManifest('requirements-dev.txt', 'requirements', 'pytest\n')
    expect(dev.devDependencies).toEqual(['pytest'])
    expect(dev.dependencies).toEqual([])
  })
})

describe('other ecosystems', () => {
  test('go.mod: module, go version, single and block requires', () => {
    const manifest = parseManifest(
      'go.mod',
      'go.mod',
      'module example.com/acme/tool\n\ngo 1.22\n\nrequire github.com/pkg/errors v0.9.1\n\nrequire (\n\tgolang.org/x/sync v0.7.0\n\tgithub.com/stretchr/testify v1.9.0 // indirect\n)\n'
    )
    expect(manifest).toMatchObject({
      name: 'example.com/acme/tool',
      engines: { go: '1.22' },
      dependencies: ['github.com/pkg/errors', 'golang.org/x/sync', 'github.com/stretchr/testify']
    })
    expect(manifest.error).toBeUndefined()
    expect(parseManifest('go.mod', 'go.mod', 'require (\n a v1\n').error).toBe(
      'a require block is not closed; no module line'
    )
  })

  test('Cargo.toml: package, dependencies of every kind, bins, workspace', () => {
    const manifest = parseManifest(
      'Cargo.toml',
      'Cargo.toml',
      [
        '[package]',
        'name = "crab"',
        'version = "0.1.0"',
        'rust-version = "1.75"',
        '[dependencies]',
        'serde = { version = "1", features = ["derive"] }',
        '[dev-dependencies]',
        'proptest = "1"',
        "[target.'cfg(unix)'.dependencies]",
        'libc = "0.2"',
        '[[bin]]',
        'name = "crab-cli"',
        'path = "src/cli.rs"',
        '[workspace]',
        'members = ["crates/*"]'
      ].join('\n')
    )
    expect(manifest).toMatchObject({
      name: 'crab',
      version: '0.1.0',
      engines: { rust: '1.75' },
      dependencies: ['serde', 'libc'],
      devDependencies: ['proptest'],
      bin: { 'crab-cli': 'src/cli.rs' },
      workspaces: ['crates/*']
    })
  })

  test('pom.xml: artifact, version from parent, dependencies by scope, modules, Java version', () => {
    const manifest = parseManifest(
      'pom.xml',
      'pom.xml',
      `<?xml version="1.0"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <parent><groupId>com.acme</groupId><artifactId>parent</artifactId><version>3.1</version></parent>
  <artifactId>service</artifactId>
  <properties><maven.compiler.release>21</maven.compiler.release></properties>
  <modules><module>core</module><module>web</module></modules>
  <dependencies>
    <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
  </dependencies>
</project>`
    )
    expect(manifest).toMatchObject({
      name: 'service',
      version: '3.1',
      engines: { java: '21' },
      workspaces: ['core', 'web'],
      dependencies: ['com.google.guava:guava'],
      devDependencies: ['org.junit.jupiter:junit-jupiter']
    })
    expect(manifest.error).toBeUndefined()
  })

  test('malformed pom.xml keeps what it can and records the error', () => {
    const manifest = parseManifest(
      'pom.xml',
      'pom.xml',
      '<project><artifactId>half</artifactId><dependencies>'
    )
    expect(manifest.error).toMatch(/^not well-formed XML/)
  })
})

describe('manifestKind and readManifests', () => {
  test('recognises manifest names', () => {
    expect(manifestKind('a/b/package.json')).toBe('package.json')
    expect(manifestKind('requirements-test.txt')).toBe('requirements')
    expect(manifestKind('requirements/prod.txt')).toBe('requirements')
    expect(manifestKind('docs/notes.txt')).toBeNull()
    expect(manifestKind('package.json.bak')).toBeNull()
  })

  test('reads the listed manifests from disk in path order; a broken one does not stop the others', async () => {
    const root = tempDir()
    writeFiles(root, {
      'package.json': '{"name":"root","workspaces":["packages/*"]}',
      'packages/a/package.json': '{"name":"a", oops}',
      'go.mod': 'module example.com/x\n'
    })
    const manifests = await readManifests(root, [
      'package.json',
      'packages/a/package.json',
      'go.mod',
      'README.md',
      'gone/package.json'
    ])
    expect(manifests.map((m) => [m.path, m.name, m.error !== undefined])).toEqual([
      ['go.mod', 'example.com/x', false],
      ['gone/package.json', undefined, true],
      ['package.json', 'root', false],
      ['packages/a/package.json', undefined, true]
    ])
  })
})

describe('what a package declares it ships', () => {
  test('package.json files', () => {
    expect(
      parseManifest('package.json', 'package.json', '{"name":"a","files":["dist","bin/cli.js"]}')
        .files
    ).toEqual(['dist', 'bin/cli.js'])
    expect(parseManifest('package.json', 'package.json', '{"name":"a"}').files).toBeUndefined()
  })

  test('pyproject packages of setuptools, hatch, poetry and flit', () => {
    const text = [
      '[tool.setuptools]',
      'packages = ["alpha", "alpha.sub"]',
      'py-modules = ["single"]',
      '[tool.setuptools.package-dir]',
      '"" = "lib"',
      '[tool.hatch.build.targets.wheel]',
      'packages = ["src/beta"]',
      '[tool.poetry]',
      'packages = [{ include = "gamma", from = "src" }]',
      '[tool.flit.module]',
      'name = "delta"'
    ].join('\n')
    expect(parseManifest('pyproject.toml', 'pyproject.toml', text).packages).toEqual([
      'lib/alpha',
      'lib/alpha/sub',
      'lib/single.py',
      'src/beta',
      'src/gamma',
      'delta'
    ])
    expect(
      parseManifest(
        'pyproject.toml',
        'pyproject.toml',
        '[tool.setuptools.packages.find]\nwhere = ["src"]\n'
      ).packages
    ).toEqual(['src'])
  })
})
