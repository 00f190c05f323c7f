// Test support files: inputs for tests (fixtures, test data, mocks, snapshots). The model does not
// count them as tests (they contain no test cases) but they are not the product either, so
// perspectives leave them out of what they report on.

const SUPPORT_DIRS: ReadonlySet<string> = new Set([
  'fixtures',
  '__fixtures__',
  'testdata',
  'test-data',
  '__mocks__',
  '__snapshots__'
])

/** True for a file inside a fixtures, test data, mocks or snapshots folder. */
export function isTestSupportPath(path: string): boolean {
  const dirs = path.split('/').slice(0, -1)
  return dirs.some((d) => SUPPORT_DIRS.has(d))
}
