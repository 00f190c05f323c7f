// Recognises test files by the conventions of the common test frameworks, from the path alone.

const JS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']
const JS_TEST_DIRS = new Set(['__tests__', 'test', 'tests', 'spec', 'specs', '__specs__', 'e2e'])
/** Folders named for a kind of test (BlackSheep's `itests/`, `integration_tests/`, `unit-tests/`). */
const KIND_TEST_DIR = /^(i|unit|integration|functional|acceptance|system|smoke|e2e)[_-]?tests?$/i

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot).toLowerCase()
}

/** Fixture folders hold inputs for tests, not tests. */
function inFixtures(dirs: string[]): boolean {
  return dirs.some(
    (d) =>
      d === 'fixtures' ||
      d === '__fixtures__' ||
      d === 'testdata' ||
      d === '__mocks__' ||
      d === '__snapshots__'
  )
}

export function isTestPath(path: string): boolean {
  const parts = path.replaceAll('\\', '/').split('/')
  const name = parts[parts.length - 1] ?? ''
  const dirs = parts.slice(0, -1)
  const ext = extensionOf(name)
  const lower = name.toLowerCase()
  if (inFixtures(dirs)) return false

  if (JS_EXTENSIONS.includes(ext)) {
    const stem = lower.slice(0, -ext.length)
    if (
      stem.endsWith('.test') ||
      stem.endsWith('.spec') ||
      stem.endsWith('.e2e') ||
      stem.endsWith('-test') ||
      stem.endsWith('_test') ||
      // ava's and mocha's single-file suites: `test.js`, `test.node.js`, `test-parse.js`.
      stem === 'test' ||
      stem.startsWith('test.') ||
      stem.startsWith('test-')
    )
      return true
    return dirs.some((d) => JS_TEST_DIRS.has(d) || KIND_TEST_DIR.test(d))
  }
  switch (ext) {
    case '.py':
      return (
        lower.startsWith('test_') ||
        lower.endsWith('_test.py') ||
        lower === 'conftest.py' ||
        // A single-file suite (chardet's test.py, named in pytest's python_files) and Django's tests.py.
        lower === 'test.py' ||
        lower === 'tests.py' ||
        dirs.some((d) => d === 'tests' || d === 'test' || KIND_TEST_DIR.test(d))
      )
    case '.go':
      return lower.endsWith('_test.go')
    case '.java':
    case '.kt':
      return (
        path.includes('src/test/') || lower.endsWith('test.java') || lower.endsWith('tests.java')
      )
    case '.rs':
      return dirs[0] === 'tests' || dirs.includes('tests')
    case '.rb':
      return (
        lower.endsWith('_spec.rb') ||
        lower.endsWith('_test.rb') ||
        dirs[0] === 'spec' ||
        dirs[0] === 'test'
      )
    case '.cs':
      return (
        lower.endsWith('tests.cs') ||
        lower.endsWith('test.cs') ||
        dirs.some((d) => d.endsWith('.Tests') || d.endsWith('.Test'))
      )
    case '.php':
      return lower.endsWith('test.php') || dirs[0] === 'tests'
    default:
      return false
  }
}
