import { isTestPath } from '../../src/model/test-files.js'

test.each([
  '__tests__/model/build.test.ts',
  'src/parser.test.ts',
  'src/parser.spec.tsx',
  'lib/thing.test.mjs',
  'test/server.js',
  'test.js',
  'test.node.js',
  'test-parse.mjs',
  'tests/unit/helpers.ts',
  'packages/core/__tests__/index.js',
  'tests/test_api.py',
  'pkg/test_models.py',
  'pkg/models_test.py',
  'conftest.py',
  'tests/integration/conftest.py',
  // A single-file suite (chardet's test.py, collected through pytest's python_files) and Django's tests.py.
  'test.py',
  'polls/tests.py',
  // Folders named for a kind of test (BlackSheep's itests/ held a fake server judged as shipped code).
  'itests/flask_app.py',
  'integration_tests/test_client.py',
  'unit-tests/parse.js',
  'internal/server/handler_test.go',
  'src/test/java/com/acme/AppTest.java',
  'spec/models/user_spec.rb',
  'tests/Feature/LoginTest.php'
])('%s is a test file', (path) => {
  expect(isTestPath(path)).toBe(true)
})

test.each([
  'src/index.ts',
  'src/testing.ts',
  'src/contest.js',
  'latest/index.js',
  'attests/check.py',
  'src/testing.js',
  'lib/tester.js',
  'pkg/models.py',
  'pkg/testing_utils.py',
  'internal/server/handler.go',
  'src/main/java/com/acme/App.java',
  '__tests__/fixtures/model-js/functions.ts',
  'test/fixtures/sample.js'
])('%s is not a test file', (path) => {
  expect(isTestPath(path)).toBe(false)
})
