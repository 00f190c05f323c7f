import { join } from 'node:path'
import { parseReport, readCoverageReports } from '../../src/repo/coverage.js'
import { ReportPathMapper } from '../../src/repo/report-paths.js'
import { cleanUp, tempDir, writeFiles } from './helpers.js'

afterEach(cleanUp)

const ALL_PATHS = ['src/math.ts', 'src/calc.py', 'packages/web/src/app.ts', 'README.md']

const LCOV = [
  'TN:',
  'SF:/home/runner/work/acme/acme/src/math.ts',
  'FN:1,add',
  'FN:5,sub',
  'FNDA:3,add',
  'FNF:2',
  'FNH:1',
  'DA:1,3',
  'DA:2,3',
  'DA:5,0',
  'DA:6,0',
  'BRDA:2,0,0,2',
  'BRDA:2,0,1,-',
  'LF:4',
  'LH:2',
  'end_of_record',
  ''
].join('\n')

function istanbul(root: string): string {
  return JSON.stringify({
    [join(root, 'src/math.ts')]: {
      path: join(root, 'src/math.ts'),
      statementMap: {
        '0': { start: { line: 1, column: 0 }, end: { line: 1, column: 10 } },
        '1': { start: { line: 2, column: 0 }, end: { line: 2, column: 10 } },
        '2': { start: { line: 2, column: 12 }, end: { line: 2, column: 20 } },
        '3': { start: { line: 6, column: 0 }, end: { line: 6, column: 10 } }
      },
      fnMap: {
        '0': { name: 'add', decl: { start: { line: 1 } }, loc: { start: { line: 1 } } },
        '1': { name: 'sub', decl: { start: { line: 5 } }, loc: { start: { line: 5 } } }
      },
      branchMap: { '0': { type: 'if', locations: [] } },
      s: { '0': 4, '1': 0, '2': 2, '3': 0 },
      f: { '0': 4, '1': 0 },
      b: { '0': [4, 0] }
    }
  })
}

function cobertura(root: string): string {
  return `<?xml version="1.0" ?>
<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
<coverage version="7.6.1" line-rate="0.5" branch-rate="0.5">
  <sources><source>${join(root, 'src')}</source></sources>
  <packages><package name="."><classes>
    <class name="calc.py" filename="calc.py" line-rate="0.5">
      <methods><method name="divide" signature="" line-rate="0"><lines><line number="4" hits="0"/></lines></method></methods>
      <lines>
        <line number="1" hits="1"/>
        <line number="2" hits="1" branch="true" condition-coverage="50% (1/2)" missing-branches="3"/>
        <line number="3" hits="1"/>
        <line number="4" hits="0"/>
        <line number="5" hits="0"/>
      </lines>
    </class>
  </classes></package></packages>
</coverage>`
}

const COVERAGE_PY = JSON.stringify({
  meta: { format: 3, version: '7.6.1', branch_coverage: true },
  files: {
    'src/calc.py': {
      executed_lines: [1, 2, 3],
      missing_lines: [4, 5],
      excluded_lines: [],
      executed_branches: [[2, 3]],
      missing_branches: [[2, 4]],
      functions: {
        divide: { executed_lines: [], missing_lines: [4, 5], start_line: 4 },
        '': { executed_lines: [1, 2, 3], missing_lines: [] }
      }
    }
  },
  totals: { covered_lines: 3 }
})

describe('coverage formats', () => {
  test('lcov from another machine maps by path suffix; lines, branches and functions counted', () => {
    const report = parseReport('/work/acme', ALL_PATHS, 'coverage/lcov.info', LCOV)
    expect(report).toEqual({
      path: 'coverage/lcov.info',
      format: 'lcov',
      files: [
        {
          path: 'src/math.ts',
          linesFound: 4,
          linesHit: 2,
          branchesFound: 2,
          branchesHit: 1,
          coveredLines: [1, 2],
          uncoveredLines: [5, 6],
          functions: [
            { name: 'add', line: 1, hits: 3 },
            { name: 'sub', line: 5, hits: 0 }
          ]
        }
      ]
    })
  })

  test('Istanbul JSON with absolute paths under the root; a line takes its best statement', () => {
    const root = '/work/acme'
    const report = parseReport(root, ALL_PATHS, 'coverage/coverage-final.json', istanbul(root))
    expect(report?.format).toBe('istanbul-json')
    expect(report?.files).toEqual([
      {
        path: 'src/math.ts',
        linesFound: 3,
        linesHit: 2,
        branchesFound: 2,
        branchesHit: 1,
        coveredLines: [1, 2],
        uncoveredLines: [6],
        functions: [
          { name: 'add', line: 1, hits: 4 },
          { name: 'sub', line: 5, hits: 0 }
        ]
      }
    ])
  })

  test('Cobertura XML resolves filenames against <source>; condition-coverage gives branches', () => {
    const root = '/work/acme'
    const report = parseReport(root, ALL_PATHS, 'coverage.xml', cobertura(root))
    expect(report?.format).toBe('cobertura')
    expect(report?.files).toEqual([
      {
        path: 'src/calc.py',
        linesFound: 5,
        linesHit: 3,
        branchesFound: 2,
        branchesHit: 1,
        coveredLines: [1, 2, 3],
        uncoveredLines: [4, 5],
        functions: [{ name: 'divide', line: 4, hits: 0 }]
      }
    ])
  })

  test('coverage.py JSON: executed and missing lines, arcs as branches, functions without the module entry', () => {
    const report = parseReport('/work/acme', ALL_PATHS, 'coverage.json', COVERAGE_PY)
    expect(report?.format).toBe('coverage.py-json')
    expect(report?.files).toEqual([
      {
        path: 'src/calc.py',
        linesFound: 5,
        linesHit: 3,
        branchesFound: 2,
        branchesHit: 1,
        coveredLines: [1, 2, 3],
        uncoveredLines: [4, 5],
        functions: [{ name: 'divide', line: 4, hits: 0 }]
      }
    ])
  })

  test("one file recorded at two paths (the run's copy, the workspace a subprocess imported) counts what ran in either", () => {
    const entry = (executed: number[], missing: number[]) => ({
      executed_lines: executed,
      missing_lines: missing,
      excluded_lines: [],
      functions: {
        serve: {
          start_line: 4,
          executed_lines: executed.filter((l) => l > 4),
          missing_lines: missing
        },
        '': { executed_lines: [1, 4], missing_lines: [] }
      }
    })
    const json = JSON.stringify({
      meta: { format: 3, version: '7.16.2' },
      totals: {},
      files: {
        // The main process imported the copy and only loaded the module.
        '/tmp/test-planning-run-1/src/calc.py': entry([1, 4], [5, 6]),
        // The dev-server child imported the workspace through an editable install and served.
        '/work/acme/src/calc.py': entry([1, 4, 5, 6], [])
      }
    })
    const report = parseReport('/tmp/test-planning-run-1', ALL_PATHS, 'coverage.json', json)
    expect(report?.files).toHaveLength(1)
    expect(report?.files[0]).toMatchObject({
      path: 'src/calc.py',
      linesFound: 4,
      linesHit: 4,
      coveredLines: [1, 4, 5, 6],
      uncoveredLines: []
    })
    expect(report?.files[0].functions.find((f) => f.name === 'serve')?.hits).toBeGreaterThan(0)
  })

  test('a JSON file that is not coverage gives null', () => {
    expect(parseReport('/r', ALL_PATHS, 'coverage.json', '{"collectCoverage": true}')).toBeNull()
    expect(
      parseReport('/r', ALL_PATHS, 'coverage.xml', '<?xml version="1.0"?><project/>')
    ).toBeNull()
  })
})

describe('report path mapping', () => {
  test('paths relative to a package folder, Windows separators and unknown files', () => {
    const mapper = new ReportPathMapper('/work/acme', ALL_PATHS, 'packages/web/coverage')
    expect(mapper.map('src/app.ts')).toBe('packages/web/src/app.ts')
    expect(mapper.map('C:\\build\\acme\\src\\math.ts')).toBe('src/math.ts')
    expect(mapper.map('./src/math.ts')).toBe('src/math.ts')
    expect(mapper.map('/elsewhere/unknown.ts')).toBe('/elsewhere/unknown.ts')
    expect(mapper.map('lib/unknown.ts')).toBe('lib/unknown.ts')
    expect(new ReportPathMapper('/work/acme', ALL_PATHS, '').map('calc.py')).toBe('src/calc.py')
  })

  test('an installed copy (tox site-packages) maps onto the package folder, a foreign one does not', () => {
    const paths = ['src/shop/cart.py', 'src/shop/__init__.py', 'tests/test_cart.py']
    const mapper = new ReportPathMapper('/work/shop', paths, '')
    expect(mapper.map('.tox/py311/lib/python3.11/site-packages/shop/cart.py')).toBe(
      'src/shop/cart.py'
    )
    expect(
      mapper.map('/home/runner/work/shop/shop/.nox/tests/lib/site-packages/shop/cart.py')
    ).toBe('src/shop/cart.py')
    // Another package installed beside it is not ours.
    expect(mapper.map('/usr/lib/python3/dist-packages/requests/cart.py')).toBe(
      '/usr/lib/python3/dist-packages/requests/cart.py'
    )
  })

  test("another machine's checkout folder, learnt from a path that matches, maps a deleted file too", () => {
    const mapper = new ReportPathMapper('/work/acme', ALL_PATHS, '')
    expect(mapper.map('/home/runner/work/acme/acme/src/math.ts')).toBe('src/math.ts')
    expect(mapper.map('/home/runner/work/acme/acme/src/legacy.ts')).toBe('src/legacy.ts')
    // Outside that folder a path that matches nothing stays as written.
    expect(mapper.map('/opt/tools/legacy.ts')).toBe('/opt/tools/legacy.ts')
  })
})

describe('readCoverageReports', () => {
  test('finds reports in the usual places and in given paths, with their modification time', async () => {
    const root = tempDir()
    writeFiles(root, {
      'src/math.ts': 'x',
      'coverage/lcov.info': LCOV,
      'coverage/coverage-final.json': istanbul(root),
      'coverage.xml': cobertura(root),
      'reports/py.json': COVERAGE_PY,
      'coverage.json': 'not json'
    })
    const notes: string[] = []
    const reports = await readCoverageReports(
      root,
      ALL_PATHS,
      [],
      ['reports/py.json', 'missing/lcov.info'],
      notes
    )
    expect(reports.map((r) => [r.path, r.format, r.files.map((f) => f.path)])).toEqual([
      ['coverage.xml', 'cobertura', ['src/calc.py']],
      ['coverage/coverage-final.json', 'istanbul-json', ['src/math.ts']],
      ['coverage/lcov.info', 'lcov', ['src/math.ts']],
      ['reports/py.json', 'coverage.py-json', ['src/calc.py']]
    ])
    for (const report of reports)
      expect(Number.isNaN(Date.parse(report.modified ?? ''))).toBe(false)
    expect(notes.sort()).toEqual([
      'Coverage report coverage.json is not in a format we read (lcov, Istanbul JSON, Cobertura XML, coverage.py JSON); it was ignored.',
      'Coverage report missing/lcov.info (from the coverage setting) was not found; check the path, and that the tests ran with coverage before.'
    ])
  })

  test("a workspace package's own coverage folder is found through its manifest", async () => {
    const root = tempDir()
    writeFiles(root, {
      'packages/web/coverage/lcov.info': 'SF:src/app.ts\nDA:1,0\nend_of_record\n'
    })
    const reports = await readCoverageReports(
      root,
      ALL_PATHS,
      [
        {
          path: 'packages/web/package.json',
          kind: 'package.json',
          dependencies: [],
          devDependencies: [],
          scripts: {},
          bin: {},
          engines: {},
          workspaces: []
        }
      ],
      [],
      []
    )
    expect(reports.map((r) => [r.path, r.files[0].path, r.files[0].uncoveredLines])).toEqual([
      ['packages/web/coverage/lcov.info', 'packages/web/src/app.ts', [1]]
    ])
  })
})
