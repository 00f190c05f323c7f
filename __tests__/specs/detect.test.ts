import { describe, expect, it } from '@jest/globals'
import type {
  Language,
  ModuleModel,
  PackageManifest,
  RepositoryFacts,
  TestFileInfo
} from '../../src/model/types.js'
import { detectTarget, detectTargetWithReason, parseOverride } from '../../src/specs/detect.js'
import { ConfigurationError } from '../../src/util/errors.js'
import type { RenderTarget } from '../../src/specs/types.js'

/** The framework and language, without the layout (tested in layout.test.ts). */
function plain(target: RenderTarget): { framework: string; language: string } {
  return { framework: target.framework, language: target.language }
}

function manifest(
  kind: PackageManifest['kind'],
  parts: Partial<PackageManifest> = {}
): PackageManifest {
  return {
    path: kind === 'package.json' ? 'package.json' : kind,
    kind,
    dependencies: [],
    devDependencies: [],
    scripts: {},
    bin: {},
    engines: {},
    workspaces: [],
    ...parts
  }
}

function facts(
  manifests: PackageManifest[] = [],
  tsPaths: Record<string, string[]> = {}
): RepositoryFacts {
  return {
    manifests,
    ci: [],
    coverage: [],
    junit: [],
    git: { available: false, shallow: false, commitsExamined: 0, windowDays: 365, files: {} },
    tsPaths
  }
}

function mod(
  path: string,
  language: Language,
  lines: number,
  framework?: TestFileInfo['framework']
): ModuleModel {
  return {
    path,
    language,
    lines,
    bytes: lines * 30,
    status: 'parsed',
    syntaxErrors: 0,
    imports: [],
    exports: [],
    functions: [],
    classes: [],
    calls: [],
    throws: [],
    tries: [],
    conditions: [],
    loops: [],
    switches: [],
    strings: [],
    variables: [],
    hasMain: false,
    isTest: framework !== undefined,
    test: framework
      ? { framework, cases: [], importedModules: [], referencedSymbols: [] }
      : undefined
  }
}

describe('detectTarget', () => {
  it('takes the framework of the dependencies before the style of the test files, which breaks ties', () => {
    const modules = [
      mod('src/a.ts', 'typescript', 100),
      mod('src/a.test.ts', 'typescript', 40, 'vitest'),
      mod('src/b.test.ts', 'typescript', 40, 'vitest'),
      mod('src/c.test.ts', 'typescript', 40, 'jest')
    ]
    // The dependency says jest, the tests say vitest: the manifest wins.
    const result = detectTargetWithReason(
      facts([manifest('package.json', { devDependencies: ['jest'] })]),
      modules
    )
    expect(plain(result.target)).toEqual({ framework: 'jest', language: 'typescript' })
    expect(result.reason).toMatch(/^jest is a dependency; /)
    // No manifest evidence: the test files decide.
    const byStyle = detectTargetWithReason(facts([manifest('package.json')]), modules)
    expect(plain(byStyle.target)).toEqual({ framework: 'vitest', language: 'typescript' })
    expect(byStyle.reason).toMatch(/^the test files use vitest; /)
  })

  it('lets the test script decide over test files of another runner (ava)', () => {
    const modules = [mod('lib/a.js', 'javascript', 50), mod('test/a.js', 'javascript', 20, 'ava')]
    const pkg = manifest('package.json', {
      scripts: { test: 'c8 mocha --recursive', lint: 'jest --version' }
    })
    expect(plain(detectTarget(facts([pkg]), modules))).toEqual({
      framework: 'mocha',
      language: 'javascript'
    })
  })

  it('reads node --test from the test script', () => {
    const pkg = manifest('package.json', {
      scripts: { 'test:unit': 'node --test test/', build: 'tsc' }
    })
    expect(plain(detectTarget(facts([pkg]), [mod('index.js', 'javascript', 10)]))).toEqual({
      framework: 'node:test',
      language: 'javascript'
    })
  })

  it('uses dependencies when there are no tests or scripts, vitest before jest before mocha', () => {
    const js = [mod('src/a.js', 'javascript', 10)]
    expect(
      detectTarget(facts([manifest('package.json', { devDependencies: ['mocha', 'ts-jest'] })]), js)
        .framework
    ).toBe('jest')
    expect(
      detectTarget(facts([manifest('package.json', { devDependencies: ['jest', 'vitest'] })]), js)
        .framework
    ).toBe('vitest')
    expect(
      detectTarget(facts([manifest('package.json', { dependencies: ['mocha'] })]), js).framework
    ).toBe('mocha')
  })

  it('chooses TypeScript for TypeScript modules, a typescript dependency or tsconfig paths', () => {
    const js = [mod('src/a.js', 'javascript', 10)]
    expect(detectTarget(facts(), [mod('src/a.tsx', 'tsx', 10)]).language).toBe('typescript')
    expect(
      detectTarget(facts([manifest('package.json', { devDependencies: ['typescript'] })]), js)
        .language
    ).toBe('typescript')
    expect(detectTarget(facts([], { '@/*': ['src/*'] }), js).language).toBe('typescript')
    expect(plain(detectTarget(facts(), js))).toEqual({
      framework: 'node:test',
      language: 'javascript'
    })
  })

  it('chooses pytest when the repository is mostly Python by lines', () => {
    const modules = [
      mod('app/main.py', 'python', 900),
      mod('web/app.js', 'javascript', 300),
      mod('tests/test_main.py', 'python', 50, 'pytest')
    ]
    const result = detectTargetWithReason(
      facts([manifest('package.json', { devDependencies: ['jest'] })]),
      modules
    )
    expect(plain(result.target)).toEqual({ framework: 'pytest', language: 'python' })
    expect(result.reason).toBe(
      '1 test file(s) use pytest; 1 test file(s) show where tests go; mostly Python (950 lines)'
    )
    // More JavaScript than Python: the JavaScript side decides.
    const jsHeavy = [mod('app/main.py', 'python', 100), mod('web/app.js', 'javascript', 300)]
    expect(
      detectTarget(facts([manifest('package.json', { devDependencies: ['jest'] })]), jsHeavy)
        .framework
    ).toBe('jest')
  })

  it('chooses pytest when only Python has tests and nothing declares a JavaScript package (buku)', () => {
    // A Python application shipping a browser bundle bigger than its Python code.
    const modules = [
      mod('buku.py', 'python', 6000),
      mod('server/static/js/Chart.js', 'javascript', 14384),
      mod('tests/test_buku.py', 'python', 800, 'pytest')
    ]
    const result = detectTargetWithReason(facts([manifest('pyproject.toml')]), modules)
    expect(plain(result.target)).toEqual({ framework: 'pytest', language: 'python' })
    expect(result.reason).toContain(
      'its 1 test file(s) are Python (the 14384 lines of JavaScript have no tests and no package.json)'
    )
    // With a package.json the JavaScript side is a project too: lines decide, as before.
    expect(
      detectTarget(facts([manifest('pyproject.toml'), manifest('package.json')]), modules).framework
    ).toBe('node:test')
  })

  it('reads a pytest dependency with a version from requirements', () => {
    const result = detectTargetWithReason(
      facts([manifest('requirements', { dependencies: ['pytest>=8.0', 'requests==2.31'] })]),
      [mod('a.py', 'python', 5)]
    )
    expect(result.reason).toBe('pytest is a dependency; mostly Python (5 lines)')
  })

  it('decides by manifests when there is no source, and defaults to node:test JavaScript otherwise', () => {
    expect(plain(detectTarget(facts([manifest('pyproject.toml')]), []))).toEqual({
      framework: 'pytest',
      language: 'python'
    })
    expect(
      plain(
        detectTarget(
          facts([manifest('package.json', { devDependencies: ['vitest', 'typescript'] })]),
          []
        )
      )
    ).toEqual({
      framework: 'vitest',
      language: 'typescript'
    })
    expect(plain(detectTarget(facts(), []))).toEqual({
      framework: 'node:test',
      language: 'javascript'
    })
    const go = detectTargetWithReason(facts([manifest('go.mod')]), [mod('main.go', 'go', 400)])
    expect(plain(go.target)).toEqual({ framework: 'node:test', language: 'javascript' })
    expect(go.reason).toContain('no JavaScript, TypeScript or Python source found')
  })
})

describe('override', () => {
  const tsRepo: [RepositoryFacts, ModuleModel[]] = [facts(), [mod('src/a.ts', 'typescript', 10)]]

  it('accepts a framework, keeping the detected language', () => {
    expect(plain(detectTarget(...tsRepo, 'mocha'))).toEqual({
      framework: 'mocha',
      language: 'typescript'
    })
    expect(plain(detectTarget(...tsRepo, ' Vitest '))).toEqual({
      framework: 'vitest',
      language: 'typescript'
    })
    expect(detectTargetWithReason(...tsRepo, 'jest').reason).toBe('set by the input: jest')
  })

  it('accepts :ts / :js and the node-test alias', () => {
    expect(plain(detectTarget(...tsRepo, 'jest:js'))).toEqual({
      framework: 'jest',
      language: 'javascript'
    })
    expect(plain(detectTarget(...tsRepo, 'node:test:javascript'))).toEqual({
      framework: 'node:test',
      language: 'javascript'
    })
    expect(plain(detectTarget(...tsRepo, 'node-test:ts'))).toEqual({
      framework: 'node:test',
      language: 'typescript'
    })
    expect(plain(detectTarget(...tsRepo, 'node:test'))).toEqual({
      framework: 'node:test',
      language: 'typescript'
    })
    expect(plain(detectTarget(...tsRepo, 'pytest'))).toEqual({
      framework: 'pytest',
      language: 'python'
    })
  })

  it('gives a JavaScript framework JavaScript in a Python repository unless told otherwise', () => {
    const py: [RepositoryFacts, ModuleModel[]] = [facts(), [mod('a.py', 'python', 10)]]
    expect(plain(detectTarget(...py, 'jest'))).toEqual({
      framework: 'jest',
      language: 'javascript'
    })
    expect(plain(detectTarget(...py, 'jest:ts'))).toEqual({
      framework: 'jest',
      language: 'typescript'
    })
  })

  it('treats an empty override as none', () => {
    expect(plain(detectTarget(...tsRepo, '  '))).toEqual({
      framework: 'node:test',
      language: 'typescript'
    })
  })

  it('rejects unknown values with a ConfigurationError listing what is accepted', () => {
    expect(() => parseOverride('jasmine')).toThrow(ConfigurationError)
    expect(() => parseOverride('jasmine')).toThrow(
      'Unknown test framework "jasmine". Accepted: jest, vitest, node:test, mocha or pytest, optionally followed by :ts or :js (e.g. "vitest:ts", "node:test:js").'
    )
    expect(() => parseOverride('jest:rust')).toThrow('Unknown test framework "jest:rust"')
    expect(() => parseOverride('pytest:ts')).toThrow('pytest specs are always Python')
    expect(() => detectTarget(facts(), [], 'node')).toThrow(ConfigurationError)
  })
})
