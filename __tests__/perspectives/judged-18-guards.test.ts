// Shapes judged false in judged round 10 (peewee, email-validator; docs/evaluation/judged-round10.json) that
// stayed after round 10's fixes, each asserted absent by file and line through its perspective's real
// pipeline beside a twin that is still reported (docs/evaluation/guards.md, "Session 18").
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import ciCd from '../../perspectives/ci-cd/index.js'
import dataIntegrity from '../../perspectives/data-integrity/index.js'
import security from '../../perspectives/security/index.js'
import testPyramid from '../../perspectives/test-pyramid/index.js'
import userExperience from '../../perspectives/user-experience/index.js'
import { findings, rows } from './judged-helpers.js'

const migrations = (slugLine: string, pathLine: string) => ({
  'pyproject.toml': '[project]\nname = "mig"\nversion = "1.0"\n',
  'mig/__init__.py': 'from mig.runner import Runner\n',
  'mig/runner.py': [
    'import os', // 1
    'import re', // 2
    '', // 3
    'class Runner(object):', // 4
    '    def __init__(self, directory):', // 5
    '        self.directory = directory', // 6
    '', // 7
    "    def create(self, name='', body=None):", // 8
    slugLine, // 9
    pathLine, // 10
    "        with open(path, 'w') as fh:", // 11
    '            fh.write(body)', // 12
    '        return path', // 13
    ''
  ].join('\n')
})

describe('judged in round 10: security, a file name slugified to word characters', () => {
  it("Python: re.sub(r'[^\\w]+', '_', name) leaves no separator or dot: no path traversal", async () => {
    const found = await findings(
      security as Perspective<string, unknown>,
      migrations(
        "        slug = re.sub(r'[^\\w]+', '_', name.strip()).strip('_').lower()",
        "        path = os.path.join(self.directory, '%04d_%s.py' % (1, slug or 'migration'))"
      )
    )
    expect(rows(found, 'pathTraversal')).toEqual([])
  })

  it('Python: the name joined as given is still reported', async () => {
    const found = await findings(
      security as Perspective<string, unknown>,
      migrations(
        '        slug = name.strip().lower()',
        "        path = os.path.join(self.directory, '%04d_%s.py' % (1, slug or 'migration'))"
      )
    )
    expect(rows(found, 'pathTraversal')).toEqual(['pathTraversal mig/runner.py:11'])
  })

  it('Python: a substitution that keeps dots and slashes is still reported', async () => {
    const found = await findings(
      security as Perspective<string, unknown>,
      migrations(
        "        slug = re.sub(r'[^\\w./]+', '_', name.strip()).strip('_').lower()",
        "        path = os.path.join(self.directory, '%04d_%s.py' % (1, slug or 'migration'))"
      )
    )
    expect(rows(found, 'pathTraversal')).toEqual(['pathTraversal mig/runner.py:11'])
  })
})

const program = (lines: string[]) => ({
  'pyproject.toml':
    '[project]\nname = "mig"\nversion = "1.0"\n[project.scripts]\nmig = "mig.cli:main"\n',
  'mig/__init__.py': '',
  'mig/cli.py': lines.join('\n')
})

describe('judged in round 10: user-experience, a pre-parser that never prints help', () => {
  const cli = (parents: string) =>
    program([
      'import argparse', // 1
      'import sys', // 2
      '', // 3
      'def main(argv=None):', // 4
      '    argv = sys.argv[1:] if argv is None else argv', // 5
      '    pre = argparse.ArgumentParser(add_help=False)', // 6
      "    pre.add_argument('-c', '--config')", // 7
      '    known, argv = pre.parse_known_args(argv)', // 8
      `    parser = argparse.ArgumentParser(prog='mig'${parents})`, // 9
      "    parser.add_argument('--database', help='the database URL')", // 10
      "    parser.add_argument('--verbose', action='store_true')", // 11
      '    args = parser.parse_args(argv)', // 12
      '    print(known.config, args.database, args.verbose)', // 13
      '    return 0', // 14
      ''
    ])

  it('Python: `-c` of an add_help=False parser read by parse_known_args has no help to show', async () => {
    const found = await findings(userExperience as Perspective<string, unknown>, cli(''))
    expect(rows(found, 'optionWithoutHelp')).toEqual(['optionWithoutHelp mig/cli.py:11'])
  })

  it("Python: the same parser given as another's parent shows its options: still reported", async () => {
    const found = await findings(
      userExperience as Perspective<string, unknown>,
      cli(', parents=[pre]')
    )
    expect(rows(found, 'optionWithoutHelp')).toEqual([
      'optionWithoutHelp mig/cli.py:11',
      'optionWithoutHelp mig/cli.py:7'
    ])
  })
})

describe('judged in round 10: data-integrity, a sum of time differences is not money', () => {
  const files = {
    'pyproject.toml': '[project]\nname = "udf"\nversion = "1.0"\n',
    'udf/__init__.py': 'from udf.aggregates import avgtdiff, order_total\n',
    'udf/aggregates.py': [
      'import heapq', // 1
      '', // 2
      'class avgtdiff(object):', // 3
      '    def __init__(self):', // 4
      '        self.heap = []', // 5
      '', // 6
      '    def finalize(self):', // 7
      '        total = ct = 0', // 8
      '        prev = heapq.heappop(self.heap)', // 9
      '        while self.heap:', // 10
      '            dt = heapq.heappop(self.heap)', // 11
      '            total += (dt - prev).total_seconds()', // 12
      '            ct += 1', // 13
      '            prev = dt', // 14
      '        return float(total) / ct', // 15
      '', // 16
      '', // 17
      'def order_total(items):', // 18
      '    total = 0', // 19
      '    for item in items:', // 20
      '        total += item.price * item.quantity', // 21
      '    return float(total)', // 22
      ''
    ].join('\n')
  }

  it('Python: float(total) over total_seconds() is a mean duration; the total of prices is still money', async () => {
    const found = await findings(dataIntegrity as Perspective<string, unknown>, files)
    expect(rows(found, 'floatMoney')).toEqual(['floatMoney udf/aggregates.py:22'])
  })
})

describe('judged in round 10: test-pyramid, a sleep inside a worker a test method runs', () => {
  const files = {
    'pyproject.toml': '[project]\nname = "pool"\nversion = "1.0"\n',
    'pool/__init__.py': 'def acquire(db):\n    return db\n',
    // peewee's tests/pwasyncio.py: test methods on a mixin (`class IntegrationTests(object)`) that the
    // backend test cases inherit; the worker coroutine's sleep is the load the pool is tested under.
    'tests/integration.py': [
      'import asyncio', // 1
      'import time', // 2
      'import unittest', // 3
      'from pool import acquire', // 4
      '', // 5
      'class IntegrationTests(object):', // 6
      '    async def test_waiters_are_served(self):', // 7
      '        async def worker():', // 8
      '            acquire(self.db)', // 9
      '            await asyncio.sleep(0.2)', // 10
      '', // 11
      '        await asyncio.wait_for(asyncio.gather(*[worker() for _ in range(4)]), timeout=4.0)', // 12
      '        self.assertEqual(acquire(self.db), self.db)', // 13
      '', // 14
      '    def test_released_after_a_while(self):', // 15
      '        acquire(self.db)', // 16
      '        time.sleep(0.5)', // 17
      '        self.assertEqual(acquire(self.db), self.db)', // 18
      '', // 19
      '', // 20
      'class TestSqlitePool(IntegrationTests, unittest.IsolatedAsyncioTestCase):', // 21
      '    db = object()', // 22
      '', // 23
      '    def test_acquire(self):', // 24
      '        self.assertIs(acquire(self.db), self.db)', // 25
      ''
    ].join('\n')
  }

  it("Python: the worker's sleep is the workload; the test method's own sleep is still reported", async () => {
    const found = await findings(testPyramid as Perspective<string, unknown>, files)
    expect(rows(found, 'sleepInTest')).toEqual(['sleepInTest tests/integration.py:17'])
  })
})

describe("judged in round 10: ci-cd, a suite run by the project's own runtests.py", () => {
  const project = (travisScript: string, workflowRun: string) => ({
    'pyproject.toml': '[project]\nname = "orm"\nversion = "1.0"\n',
    'orm/__init__.py': 'def connect(url):\n    return url\n',
    'tests/__init__.py': '',
    'tests/models.py': [
      'import unittest',
      'from orm import connect',
      '',
      'class TestConnect(unittest.TestCase):',
      '    def test_connect(self):',
      "        self.assertEqual(connect('x'), 'x')",
      ''
    ].join('\n'),
    'runtests.py':
      'import sys\nimport unittest\nunittest.main(module="tests.models", argv=sys.argv)\n',
    '.travis.yml': ['language: python', 'python:', '  - 3.7', `script: "${travisScript}"`, ''].join(
      '\n'
    ),
    '.github/workflows/tests.yaml': [
      'name: tests', // 1
      'on: [push, pull_request]', // 2
      'permissions:', // 3
      '  contents: read', // 4
      'concurrency:', // 5
      '  group: ${{ github.ref }}', // 6
      '  cancel-in-progress: true', // 7
      'jobs:', // 8
      '  test:', // 9
      '    runs-on: ubuntu-latest', // 10
      '    timeout-minutes: 10', // 11
      '    steps:', // 12
      `      - run: ${workflowRun}`, // 13
      ''
    ].join('\n')
  })

  it('Python: `python runtests.py` in Travis and in a workflow runs the tests', async () => {
    const found = await findings(
      ciCd as Perspective<string, unknown>,
      project('python runtests.py', 'python runtests.py -v2')
    )
    expect(rows(found, 'otherCiNoTests')).toEqual([])
    expect(rows(found, 'testCommandNotRun')).toEqual([])
  })

  it('Python: a Travis file and a workflow that only build are still reported', async () => {
    const found = await findings(
      ciCd as Perspective<string, unknown>,
      project('python setup.py build_ext -i', 'python setup.py build_ext -i')
    )
    expect(rows(found, 'otherCiNoTests')).toEqual(['otherCiNoTests null:null'])
    expect(rows(found, 'testCommandNotRun')).toEqual(['testCommandNotRun null:null'])
  })
})

describe('judged in round 10: user-experience, a validator printing its verdict', () => {
  const files = program([
    'import json', // 1
    'import sys', // 2
    '', // 3
    'class AddressNotValidError(ValueError):', // 4
    '    pass', // 5
    '', // 6
    'def check(text):', // 7
    "    if '@' not in text:", // 8
    "        raise AddressNotValidError('The address must have an @-sign.')", // 9
    '    return {"address": text}', // 10
    '', // 11
    'def main():', // 12
    '    try:', // 13
    '        with open(sys.argv[2]) as fh:', // 14
    '            options = json.load(fh)', // 15
    '    except OSError as e:', // 16
    '        print(e)', // 17
    '        return', // 18
    '    try:', // 19
    '        print(json.dumps(check(sys.argv[1]), indent=2))', // 20
    '    except AddressNotValidError as e:', // 21
    '        print(e)', // 22
    '', // 23
    "if __name__ == '__main__':", // 24
    '    main()', // 25
    ''
  ])

  it("Python: the caught verdict is the checker's report on stdout; a failed open printed there is still an error", async () => {
    const found = await findings(userExperience as Perspective<string, unknown>, files)
    expect(rows(found, 'errorToStdout')).toEqual(['errorToStdout mig/cli.py:17'])
  })
})
