// Path rules of the product surface: what a file is by where it sits and what it is called, for the
// classes that do not depend on the package's entry points (tests, fixtures, tooling, examples, docs).
import { isTestPath } from './test-files.js'

const FIXTURE_DIRS = new Set([
  'fixtures',
  '__fixtures__',
  'testdata',
  'test-data',
  'test_data',
  '__mocks__',
  '__snapshots__',
  '__testfixtures__'
])
/** Folders of type-checker tests (dtslint, tsd, mypy/pyright "typing" tests). */
const TYPE_TEST_DIRS = new Set([
  'type-tests',
  'type_tests',
  'typetests',
  'types-tests',
  'typing_tests',
  'typechecking',
  'typecheck',
  'dtslint',
  'test-types',
  'test_types',
  '__typetests__'
])
const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', '__specs__', 'e2e'])
const EXAMPLE_DIRS = new Set([
  'examples',
  'example',
  'docs',
  'doc',
  'docs_src',
  'docs-src',
  'website',
  'demo',
  'demos',
  'samples',
  'sample',
  'tutorial',
  'tutorials',
  'cookbook',
  'playground',
  'sandbox'
])
/** A folder named with one of these words (perf-testing/, benchmarks_ts/) holds benchmarks, not the product. */
const BENCHMARK_WORDS = new Set(['perf', 'bench', 'benches', 'benchmark', 'benchmarks'])
const TOOLING_DIRS = new Set([
  'scripts',
  'script',
  'tools',
  'tooling',
  'build',
  'release',
  'releases',
  'benchmarks',
  'benchmark',
  'bench',
  'benches',
  'perf',
  '.github',
  '.husky',
  '.circleci',
  '.devcontainer',
  '.vscode',
  'ci',
  '.ci',
  'gulp',
  'grunt',
  'jakelib',
  '.config',
  'hack',
  'devtools'
])
/** Tool entry files by exact name. */
const TOOLING_FILES = new Set([
  'gruntfile.js',
  'gruntfile.cjs',
  'gulpfile.js',
  'gulpfile.mjs',
  'gulpfile.cjs',
  'gulpfile.ts',
  'jakefile.js',
  'makefile',
  'dockerfile',
  'setup.py',
  'noxfile.py',
  'tasks.py',
  'fabfile.py',
  'dodo.py',
  'conftest.py',
  'manage.py',
  'setup.cfg',
  'tox.ini',
  'pytest.ini',
  'karma.conf.js',
  'protractor.conf.js',
  'wallaby.js',
  '.eslintrc.js',
  '.eslintrc.cjs',
  '.prettierrc.js',
  '.mocharc.js',
  '.mocharc.cjs',
  'babel.config.js',
  'babel.config.cjs',
  'babel.config.json',
  'package-lock.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'uv.lock',
  'poetry.lock'
])
/** `vite.config.ts`, `jest.config.mjs`, `rollup.config.js`, `.eslintrc.cjs`... */
const CONFIG_FILE =
  /\w[.-](?:config|conf)\.(?:[cm]?[jt]s|json|ya?ml|toml)$|^\.[\w-]+rc(?:\.[\w]+)?$/i
const DOC_EXTENSIONS = new Set(['.md', '.mdx', '.rst', '.txt', '.adoc', '.html', '.ipynb'])
const ROOT_DOC =
  /^(readme|changelog|changes|history|contributing|code_of_conduct|security|authors|license|licence|notice|copying)(\.|$)/i

/** `example.js`, `examples.py`, `demo.ts`: a demo program by its name. */
const ROOT_EXAMPLE = /^(example|examples|demo)\.(?:[cm]?[jt]sx?|py)$/i

/** The reason given to tool configuration files (mocking-strategy reads them: restoreMocks and the like). */
export const TOOL_CONFIG_REASON = 'a tool configuration file'

export type RuleClass = 'test' | 'tooling' | 'examples-docs' | 'fixtures'

export interface RuleMatch {
  class: RuleClass
  reason: string
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot).toLowerCase()
}

/** Type tests (tsd's `*.test-d.ts`, tstyche's `*.tst.ts`, `tests/types/`), fixture and test data folders. */
export function fixtureRule(path: string): RuleMatch | null {
  const parts = path.split('/')
  const name = parts[parts.length - 1]
  const dirs = parts.slice(0, -1)
  const typeTest = /(\.test-d\.|\.tst\.)[cm]?tsx?$/i.exec(name)
  if (typeTest)
    return {
      class: 'fixtures',
      reason: `a type test for the type checker (*${typeTest[1]}${name.slice(typeTest.index + typeTest[1].length)})`
    }
  const fixtureDir = dirs.find((d) => FIXTURE_DIRS.has(d))
  if (fixtureDir) return { class: 'fixtures', reason: `inside a test data folder (${fixtureDir}/)` }
  const typeDir = dirs.find((d) => TYPE_TEST_DIRS.has(d))
  if (typeDir)
    return { class: 'fixtures', reason: `inside a type-checker test folder (${typeDir}/)` }
  const testAt = dirs.findIndex((d) => TEST_DIRS.has(d))
  if (
    testAt >= 0 &&
    (dirs[testAt + 1] === 'types' ||
      dirs[testAt + 1] === 'typing' ||
      dirs[testAt + 1] === 'mypy' ||
      dirs[testAt + 1] === 'data')
  ) {
    return {
      class: 'fixtures',
      reason: `type tests or test data (${dirs.slice(0, testAt + 2).join('/')}/)`
    }
  }
  // Anything under a test folder that is not code: inputs of tests.
  if (testAt >= 0 && !isCode(name))
    return { class: 'fixtures', reason: `a data file inside the test folder ${dirs[testAt]}/` }
  return null
}

function isCode(name: string): boolean {
  return /\.(?:[cm]?[jt]sx?|py|pyi|go|java|kt|rs|rb|cs|php)$/i.test(name)
}

export function testRule(path: string): RuleMatch | null {
  const parts = path.split('/')
  const dirs = parts.slice(0, -1)
  if (isTestPath(path)) return { class: 'test', reason: 'a test file by its name or folder' }
  const testDir = dirs.find((d) => TEST_DIRS.has(d))
  if (testDir) return { class: 'test', reason: `test support code inside ${testDir}/` }
  return null
}

export function examplesRule(path: string): RuleMatch | null {
  const parts = path.split('/')
  const name = parts[parts.length - 1]
  const dirs = parts.slice(0, -1)
  const dir = dirs.find((d) => EXAMPLE_DIRS.has(d.toLowerCase()))
  if (dir)
    return { class: 'examples-docs', reason: `inside the examples or documentation folder ${dir}/` }
  if (DOC_EXTENSIONS.has(extensionOf(name)) || ROOT_DOC.test(name))
    return { class: 'examples-docs', reason: 'a documentation file' }
  // find-my-way's example.js: a demo beside the package, not its code (judged false in round 9).
  if (dirs.length === 0 && ROOT_EXAMPLE.test(name))
    return { class: 'examples-docs', reason: 'an example program at the repository root' }
  return null
}

export function toolingRule(path: string): RuleMatch | null {
  const parts = path.split('/')
  const name = parts[parts.length - 1]
  const dirs = parts.slice(0, -1)
  const dir = dirs.find(
    (d) =>
      TOOLING_DIRS.has(d.toLowerCase()) ||
      d
        .toLowerCase()
        .split(/[-_.]/)
        .some((word) => BENCHMARK_WORDS.has(word))
  )
  if (dir)
    return {
      class: 'tooling',
      reason: `inside the tooling folder ${dir}/ (scripts, build, release, benchmarks or CI)`
    }
  // A top-level dot-folder holds a tool's own files (an editor's, an agent's hooks: remeda's
  // .claude/hooks/lib, whose specs were delivered as the library's), never the package's code.
  if (dirs.length > 0 && /^\.[^.]/.test(dirs[0]))
    return { class: 'tooling', reason: `inside the dot-folder ${dirs[0]}/ of a tool's own files` }
  const lower = name.toLowerCase()
  if (TOOLING_FILES.has(lower))
    return { class: 'tooling', reason: `a build, test or task runner file (${name})` }
  if (CONFIG_FILE.test(name)) return { class: 'tooling', reason: `${TOOL_CONFIG_REASON} (${name})` }
  if (/^(?:bench|benchmark)[\w.-]*\.[cm]?[jt]s$|^bench_\w+\.py$/i.test(lower))
    return { class: 'tooling', reason: `a benchmark (${name})` }
  return null
}

/** Files without code that sit at a package root: manifests, lock files, dotfiles. */
export function isProjectFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return !isCode(name)
}

export { isCode }
