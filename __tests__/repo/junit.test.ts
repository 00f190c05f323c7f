import { parseJUnit, readJUnitReports } from '../../src/repo/junit.js'
import { ReportPathMapper } from '../../src/repo/report-paths.js'
import { cleanUp, tempDir, writeFiles } from './helpers.js'

afterEach(cleanUp)

const JEST_JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="4" failures="1" errors="0" time="1.5">
  <testsuite name="math" tests="3" file="/home/runner/work/acme/acme/src/math.test.ts" time="1.2">
    <testcase classname="math adds" name="math adds" time="0.004"/>
    <testcase classname="math divides" name="math divides by zero" time="1.1">
      <failure message="expected Infinity">Error: expected Infinity
    at Object.&lt;anonymous&gt; (src/math.test.ts:9:5)</failure>
    </testcase>
    <testcase classname="math skips" name="math later" time="0">
      <skipped/>
    </testcase>
  </testsuite>
  <testsuite name="outer" tests="1">
    <testsuite name="inner" tests="1">
      <testcase classname="tests.test_calc" name="test_error" file="tests/test_calc.py" time="0,25"><error message="boom"/></testcase>
    </testsuite>
  </testsuite>
</testsuites>`

describe('parseJUnit', () => {
  test('cases in document order with suite, file, time and status; nested suites walked', () => {
    const mapper = new ReportPathMapper(
      '/work/acme',
      ['src/math.test.ts', 'tests/test_calc.py'],
      ''
    )
    expect(parseJUnit(JEST_JUNIT, mapper)).toEqual([
      {
        suite: 'math',
        name: 'math adds',
        file: 'src/math.test.ts',
        seconds: 0.004,
        status: 'passed'
      },
      {
        suite: 'math',
        name: 'math divides by zero',
        file: 'src/math.test.ts',
        seconds: 1.1,
        status: 'failed'
      },
      {
        suite: 'math',
        name: 'math later',
        file: 'src/math.test.ts',
        seconds: 0,
        status: 'skipped'
      },
      {
        suite: 'inner',
        name: 'test_error',
        file: 'tests/test_calc.py',
        seconds: 0.25,
        status: 'error'
      }
    ])
  })

  test('a lone <testsuite> root (pytest, surefire) and a report without file names', () => {
    expect(
      parseJUnit(
        '<testsuite name="pytest"><testcase classname="t.test_a" name="test_one" time="0.5"/></testsuite>'
      )
    ).toEqual([{ suite: 'pytest', name: 'test_one', seconds: 0.5, status: 'passed' }])
  })

  test('times with a thousands separator or a decimal comma', () => {
    const cases = parseJUnit(
      '<testsuite name="s"><testcase name="a" time="1,234.5"/><testcase name="b" time="2,5"/><testcase name="c" time="-1"/><testcase name="d" time="x"/></testsuite>'
    )
    expect(cases?.map((c) => c.seconds)).toEqual([1234.5, 2.5, 0, 0])
  })

  test('XML that is not a test report gives null', () => {
    expect(parseJUnit('<project><artifactId>x</artifactId></project>')).toBeNull()
  })
})

describe('readJUnitReports', () => {
  test('finds reports in usual files and folders and in given paths; broken ones become notes', async () => {
    const root = tempDir()
    writeFiles(root, {
      'junit.xml':
        '<testsuites><testsuite name="a"><testcase name="one"/></testsuite></testsuites>',
      'test-results/jest/results.xml':
        '<testsuite name="b"><testcase name="two"><failure/></testcase></testsuite>',
      'target/surefire-reports/TEST-com.acme.AppTest.xml':
        '<testsuite name="com.acme.AppTest"><testcase name="three" classname="com.acme.AppTest"/></testsuite>',
      'out/custom.xml':
        '<testsuite name="c"><testcase name="four"><skipped/></testcase></testsuite>',
      'reports/junit-broken.xml': '<testsuite name="d"><testcase name="five">'
    })
    const notes: string[] = []
    const cases = await readJUnitReports(root, [], ['out/custom.xml', 'nowhere.xml'], notes)
    expect(cases.map((c) => [c.suite, c.name, c.status])).toEqual([
      ['a', 'one', 'passed'],
      ['c', 'four', 'skipped'],
      ['d', 'five', 'passed'],
      ['com.acme.AppTest', 'three', 'passed'],
      ['b', 'two', 'failed']
    ])
    expect(notes).toHaveLength(2)
    expect(notes[0]).toBe(
      'JUnit report nowhere.xml (from junit-paths) was not found; check the path.'
    )
    expect(notes[1]).toMatch(
      /^JUnit report reports\/junit-broken\.xml is not well-formed XML \(line 1: [^\n]+\); its test cases may be incomplete\.$/
    )
  })
})
