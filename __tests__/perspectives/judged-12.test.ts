// Shapes judged false or partly true in session 9 round 4 (fastify-static, ejs, h11, pyjwt), each
// asserted absent (or reworded) beside a twin that is still reported, by file and line, through each
// perspective's real pipeline (fixtures judged-12-js and judged-12-py; docs/evaluation/guards.md).
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import ciCd from '../../perspectives/ci-cd/index.js'
import errorHandling from '../../perspectives/error-handling/index.js'
import failureModes from '../../perspectives/failure-modes/index.js'
import security from '../../perspectives/security/index.js'
import testCoverage from '../../perspectives/test-coverage/index.js'
import { gapSeverity } from '../../perspectives/test-coverage/risk.js'
import type { Finding } from '../../perspectives/types.js'
import { readFixture, runFixture } from './harness.js'
import { findings } from './judged-helpers.js'

const py = readFixture('judged-12-py')
const js = readFixture('judged-12-js')

/** `messageId file:line`, sorted. */
function rows(found: Finding[], file: string): string[] {
  return found
    .filter((f) => f.file === file)
    .map((f) => `${f.messageId} ${f.file}:${f.startLine}`)
    .sort()
}

function at(found: Finding[], file: string, line: number): Finding {
  const f = found.find((x) => x.file === file && x.startLine === line)
  if (!f) throw new Error(`no finding at ${file}:${line}`)
  return f
}

describe('judged in round 4: failure-modes, Python', () => {
  it('int() after an isinstance check or of a helper-validated regex group is safe; a method of a class in a dispatch table is reached', async () => {
    // Absent: 14 (`isinstance(code, int)` raised on before), 26 (a named group of the pattern a
    // helper validated: h11's `validate(chunk_header_re, ...)`). Kept: 20 (`(int, str)` lets text in),
    // 32 (a split is no regex group), reached through the READERS table, not "no caller found".
    const found = await findings(failureModes as Perspective<string, unknown>, py)
    expect(rows(found, 'pkg/codes.py')).toEqual([
      'throwingCall pkg/codes.py:20',
      'throwingCall pkg/codes.py:32'
    ])
    expect(at(found, 'pkg/codes.py', 32).message).toContain('passed on as a value')
  })

  it('says which callers catch the error, and that a parse of the caller own argument is its contract', async () => {
    const found = await findings(failureModes as Perspective<string, unknown>, py)
    // 7: every call path from the repository catches the ValueError, two levels up.
    const caught = at(found, 'pkg/signatures.py', 7)
    expect(caught.severity).toBe('low')
    expect(caught.confidence).toBe('medium')
    expect(caught.message).toContain('every caller in the repository catches it')
    expect(caught.message).toContain('raw_to_pair <- Verifier.verify')
    // 25: json.loads of the public function's own argument: low, medium, worded as its contract.
    const contract = at(found, 'pkg/signatures.py', 25)
    expect(contract.severity).toBe('low')
    expect(contract.confidence).toBe('medium')
    expect(contract.message).toContain("data is the caller's own argument")
    expect(contract.message).not.toContain('no caller')
    // 29: open() of a path is outside data: still escapes, at high confidence.
    const io = at(found, 'pkg/signatures.py', 29)
    expect(io.confidence).toBe('high')
    expect(io.message).toContain('escapes to the caller')
  })
})

describe('judged in round 4: failure-modes, JavaScript', () => {
  it('rmSync force and mkdirSync recursive tolerate the path; a handler that checks the code and rethrows the rest handles it; an object method whose caller catches is not reported', async () => {
    // Absent: 4 (`force: true`), 5 (`recursive: true`), 15 (ENOENT handled, the rest rethrown on
    // purpose: fastify-static's statSync), 37 (lister.list, whose only caller lister.send catches).
    // Kept: 9 (rmSync without force), 28 (a handler that rethrows everything), 46 (lister.sizes, whose
    // caller lister.show does not catch).
    const found = await findings(failureModes as Perspective<string, unknown>, js)
    expect(rows(found, 'src/files.js')).toEqual([
      'awaitedIo src/files.js:46',
      'throwingCall src/files.js:28',
      'throwingCall src/files.js:9'
    ])
    expect(at(found, 'src/files.js', 46).message).toContain('lister.show')
  })
})

describe('judged in round 4: error-handling', () => {
  it('an empty catch that makes the function answer undefined, which every caller checks, is a fallback; a module-load warning is how a library reports', async () => {
    // Absent: paths.js 4 (getPathname's `catch {}`: serve() sends callNotFound when it gets undefined,
    // fastify-static's 404), setup.js 6 (a warning while the module loads: ejs's frozen-prototype probe).
    // Kept: paths.js 19 (readName's caller uses the result unchecked), setup.js 13 (load() logs and
    // returns nothing to a caller that is not told).
    const found = await findings(errorHandling as Perspective<string, unknown>, js)
    expect(rows(found, 'src/paths.js')).toEqual(['swallowedError src/paths.js:19'])
    expect(rows(found, 'src/setup.js')).toEqual(['logOnlyCatch src/setup.js:13'])
  })
})

describe('judged in round 4: security secrets', () => {
  it('a regular expression named token is not a secret; a random literal named api_token is', async () => {
    const found = await findings(security as Perspective<string, unknown>, py)
    expect(rows(found, 'pkg/abnf.py')).toEqual(['hardcodedSecret pkg/abnf.py:4'])
  })
})

/** A coverage.py JSON report with these lines run (1) or not (0). */
function coverageJson(file: string, hits: Record<number, number>): string {
  const lines = Object.entries(hits).map(([l, c]) => [Number(l), c] as const)
  const executed = lines.filter(([, c]) => c > 0).map(([l]) => l)
  const missing = lines.filter(([, c]) => c === 0).map(([l]) => l)
  return JSON.stringify({
    meta: { format: 2, version: '7.4.4', branch_coverage: false },
    files: {
      [file]: {
        executed_lines: executed,
        missing_lines: missing,
        excluded_lines: [],
        summary: { covered_lines: executed.length, num_statements: lines.length }
      }
    },
    totals: {}
  })
}

describe('judged in round 4: test-coverage', () => {
  it('a base-class hook with an empty body is no gap; an unrun function with logic is', async () => {
    // pkg/writers.py: send_data (`pass`, line 5) and send_eom (a docstring and `...`, line 8) never ran,
    // nor did describe (line 13). Only describe is a gap (h11's BodyWriter.send_data was judged trivial).
    const hits: Record<number, number> = { 1: 1, 2: 1, 3: 1, 5: 1, 6: 0, 8: 1, 10: 0, 13: 1 }
    for (let line = 14; line <= 24; line++) if (line !== 18) hits[line] = 0
    const files = { ...py, 'coverage.json': coverageJson('pkg/writers.py', hits) }
    const found = await findings(testCoverage as Perspective<string, unknown>, files)
    expect(rows(found, 'pkg/writers.py')).toEqual(['uncoveredFunction pkg/writers.py:13'])
  })

  it('a never-run function of complexity 5 (CRAP exactly 30) is not high by churn alone; above 30 it is', () => {
    // pyjwt's help.info (a bug-report helper, complexity 5, never run, churn 2) was high at risk 60.
    const size = { risk: 60, crap: 30, weight: 30, lines: 30, neverCalled: true }
    expect(gapSeverity(size)).toBe('medium')
    expect(gapSeverity({ ...size, crap: 42, weight: 42, risk: 84 })).toBe('high')
  })
})

describe('judged in round 4: ci-cd', () => {
  const pkg = JSON.stringify({
    name: 'plugin',
    version: '1.0.0',
    scripts: { test: 'node --test', lint: 'eslint' },
    devDependencies: { eslint: '^9.0.0' }
  })
  const build = [
    'name: CI',
    'on: [push, pull_request]',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: echo build',
    ''
  ].join('\n')
  const shared = [
    'name: CI',
    'on: [push, pull_request]',
    'jobs:',
    '  test:',
    '    uses: org/workflows/.github/workflows/plugins-ci.yml@v6',
    '    with:',
    '      lint: true',
    ''
  ].join('\n')
  const files = { 'package.json': pkg, 'index.js': 'module.exports = 1\n', 'test/a.test.js': '' }

  it('a job calling a shared workflow of another repository: no "CI never runs the tests or the linter"', async () => {
    const result = await runFixture(ciCd as Perspective<string, unknown>, {
      ...files,
      '.github/workflows/ci.yml': shared
    })
    const ids = result.run.findings.map((f) => f.messageId)
    expect(ids).not.toContain('testCommandNotRun')
    expect(ids).not.toContain('lintNotRun')
    expect(result.run.report).toContain('cannot be seen here')
  })

  it('the same repository whose only workflow builds: both reported', async () => {
    const result = await runFixture(ciCd as Perspective<string, unknown>, {
      ...files,
      '.github/workflows/ci.yml': build
    })
    const ids = result.run.findings.map((f) => f.messageId)
    expect(ids).toContain('testCommandNotRun')
    expect(ids).toContain('lintNotRun')
  })
})
