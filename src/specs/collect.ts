// What each runner collects, as globs and patterns relative to the repository root, and whether a
// path is collected. Defaults are the runners' documented ones (vitest 3, jest 30, mocha 11,
// node 20's --test, pytest 8); a project's config replaces them.
import { posix } from 'node:path'
import picomatch from 'picomatch'
import type { TestRunnerConfig } from '../model/types.js'
import type { TestLayout } from './layout-types.js'

export const VITEST_INCLUDE = ['**/*.{test,spec}.?(c|m)[jt]s?(x)']
export const VITEST_EXCLUDE = [
  '**/node_modules/**',
  '**/dist/**',
  '**/cypress/**',
  '**/.{idea,git,cache,output,temp}/**'
]
export const JEST_MATCH = [
  '**/__tests__/**/*.?([mc])[jt]s?(x)',
  '**/?(*.)+(spec|test).?([mc])[jt]s?(x)'
]
export const JEST_EXCLUDE = ['**/node_modules/**']
export const NODE_TEST_INCLUDE = [
  '**/*.test.?(c|m)js',
  '**/*-test.?(c|m)js',
  '**/*_test.?(c|m)js',
  '**/test-*.?(c|m)js',
  '**/test.?(c|m)js',
  '**/test/**/*.?(c|m)js'
]
export const PYTEST_FILES = ['test_*.py', '*_test.py']

function stripRoot(glob: string): string {
  return glob.replace(/^<rootDir>\/?/, '').replace(/^\.\//, '')
}

/** A folder (no glob characters, no extension) becomes "everything under it". */
function folderGlob(path: string, extensions: string[], recursive: boolean): string {
  const clean = stripRoot(path).replace(/\/+$/, '')
  if (/[*?{[]/.test(clean) || posix.extname(clean) !== '') return clean
  const ext = extensions.length === 1 ? extensions[0] : `{${extensions.join(',')}}`
  return `${clean ? `${clean}/` : ''}${recursive ? '**/' : ''}*.${ext}`
}

/** Collection rules for a JavaScript runner from its config (or the defaults). */
export function jsCollect(
  runner: TestLayout['detected'],
  config: TestRunnerConfig | undefined,
  scriptPaths: string[]
): TestLayout['collect'] {
  switch (runner) {
    case 'vitest': {
      const roots = (config?.roots ?? []).map(stripRoot).filter((r) => r !== '' && r !== '.')
      const include = config?.include ?? VITEST_INCLUDE
      const prefixed =
        roots.length > 0
          ? roots.flatMap((r) => include.map((g) => `${r.replace(/\/+$/, '')}/${stripRoot(g)}`))
          : include.map(stripRoot)
      return {
        include: prefixed,
        exclude: [...VITEST_EXCLUDE, ...(config?.exclude ?? []).map(stripRoot)],
        regex: []
      }
    }
    case 'jest': {
      const roots = (config?.roots ?? []).map(stripRoot).filter((r) => r !== '' && r !== '.')
      const exclude = [
        ...JEST_EXCLUDE,
        ...(config?.exclude ?? []).map(
          (p) => `**/*${p.replace(/^<rootDir>/, '').replace(/[/\\]+$/, '')}*/**`
        )
      ]
      // testRegex replaces testMatch; roots limit where jest looks either way.
      if ((config?.testRegex ?? []).length > 0)
        return { include: [], exclude, regex: config?.testRegex ?? [], roots }
      const match = (config?.include ?? JEST_MATCH).map(stripRoot)
      return { include: match, exclude, regex: [], roots }
    }
    case 'mocha': {
      const extensions = config?.extensions ?? ['js', 'cjs', 'mjs']
      const specs = scriptPaths.length > 0 ? scriptPaths : (config?.include ?? ['./test'])
      return {
        include: specs.map((s) => folderGlob(s, extensions, config?.recursive === true)),
        exclude: (config?.exclude ?? []).map(stripRoot),
        regex: []
      }
    }
    case 'node:test': {
      if (scriptPaths.length > 0)
        return {
          include: scriptPaths.map((s) =>
            folderGlob(s, ['js', 'cjs', 'mjs', 'ts', 'mts', 'cts'], true)
          ),
          exclude: ['**/node_modules/**'],
          regex: []
        }
      return { include: NODE_TEST_INCLUDE, exclude: ['**/node_modules/**'], regex: [] }
    }
    default:
      return { include: config?.include?.map(stripRoot) ?? [], exclude: [], regex: [] }
  }
}

/** Collection rules for pytest: testpaths (or anywhere) and python_files naming. */
export function pytestCollect(config: TestRunnerConfig | undefined): TestLayout['collect'] {
  const files = config?.pythonFiles ?? PYTEST_FILES
  const dirs = (config?.include ?? []).map((d) => stripRoot(d).replace(/\/+$/, ''))
  const include =
    dirs.length > 0
      ? dirs.flatMap((d) => files.map((f) => (d === '' || d === '.' ? `**/${f}` : `${d}/**/${f}`)))
      : files.map((f) => `**/${f}`)
  return {
    include,
    exclude: ['**/node_modules/**', '**/.*/**', '**/venv/**', '**/build/**', '**/dist/**'],
    regex: []
  }
}

/** True when the runner, as the layout describes it, collects `path` (repository-relative). */
export function collects(layout: Pick<TestLayout, 'collect'>, path: string): boolean {
  const { include, exclude, regex, roots = [] } = layout.collect
  const options = { dot: true }
  if (exclude.length > 0 && picomatch(exclude, options)(path)) return false
  if (roots.length > 0 && !roots.some((r) => path.startsWith(`${r.replace(/\/+$/, '')}/`)))
    return false
  // Globs and `testRegex` are alternatives: jest uses one or the other, both mean "collected".
  if (include.length > 0 && picomatch(include, options)(path)) return true
  // jest matches testRegex against the absolute path; a leading slash stands in for the root.
  return regex.some((r) => {
    try {
      return new RegExp(r).test(`/${path}`)
    } catch {
      return false
    }
  })
}
