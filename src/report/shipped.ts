// Which files ship to users: the interim predicate the report ranks by until the model carries a
// shipped/test/tooling class per file. Paths only (repository-relative, forward slashes).

/** Folders whose files do not ship: tests, fixtures, examples, docs, build and bench tooling. */
const NOT_SHIPPED_DIRS = new Set([
  'test',
  'tests',
  '__tests__',
  '__mocks__',
  'spec',
  'specs',
  'e2e',
  'fixtures',
  '__fixtures__',
  'testdata',
  'test-data',
  'examples',
  'example',
  'docs',
  'doc',
  'scripts',
  'script',
  'tools',
  'bench',
  'benchmark',
  'benchmarks',
  '.github',
  '.ci',
  'perf'
])

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** True unless the path is a test, fixture, example, doc, script or tooling file. */
export function isShippedPath(path: string): boolean {
  const parts = path.split('/')
  for (const part of parts.slice(0, -1)) if (NOT_SHIPPED_DIRS.has(part.toLowerCase())) return false
  const name = baseName(path).toLowerCase()
  if (name === 'conftest.py' || name === 'setup.py' || name === 'noxfile.py' || name === 'tasks.py')
    return false
  if (name.startsWith('test_') || name.endsWith('_test.py') || name.endsWith('_test.go'))
    return false
  if (/\.(test|spec|bench|stories)\.[cm]?[jt]sx?$/.test(name)) return false
  if (/\.config\.[cm]?[jt]s$/.test(name) || name.endsWith('.d.ts')) return false
  return true
}
