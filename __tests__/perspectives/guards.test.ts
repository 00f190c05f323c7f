// The false-positive classes of issue 12, in TypeScript and Python: a site guarded against its failure
// is not reported (guards-*/…/guarded.*), and the same site without its guard still is (…/unguarded.*),
// by file and line, through the real pipeline of each perspective that judges such sites.
import type { Perspective } from '../../perspectives/define.js'
import dataIntegrity from '../../perspectives/data-integrity/index.js'
import errorHandling from '../../perspectives/error-handling/index.js'
import failureModes from '../../perspectives/failure-modes/index.js'
import integrationPoints from '../../perspectives/integration-points/index.js'
import performance from '../../perspectives/performance/index.js'
import { checkRun, readFixture, runFixture } from './harness.js'

const ts = readFixture('guards-ts')
const py = readFixture('guards-py')

/** Findings of the run as `messageId file:line`, sorted, leaving out messages about tests (no test imports it). */
async function found(
  perspective: Perspective<string, unknown>,
  files: Record<string, string>
): Promise<string[]> {
  const result = await runFixture(perspective, files)
  expect(result.run.status).toBe('ok')
  expect(checkRun(result)).toEqual([])
  return result.run.findings
    .filter((f) => !f.messageId.startsWith('untested'))
    .map((f) => `${f.messageId} ${f.file}:${f.startLine}`)
    .sort()
}

describe('guarded sites are not reported; the unguarded twins are (TypeScript)', () => {
  it('failure-modes: ||=, ??=, &&, early return, ?., an argument check and a caught-by-every-caller parse', async () => {
    expect(await found(failureModes as Perspective<string, unknown>, ts)).toEqual([
      'throwingCall src/unguarded.ts:11',
      'uncheckedOptional src/unguarded.ts:7'
    ])
  })

  it('failure-modes: the argument check gets a contract spec instead', async () => {
    const result = await runFixture(failureModes, ts)
    const spec = result.run.specs.find((s) => s.title.startsWith('requirePath throws TypeError'))
    expect(spec?.covers).toEqual([])
    expect(spec?.code).toContain(
      "assert.throws(() => requirePath(''), { name: 'TypeError', message: 'path argument is required' })"
    )
  })

  it('integration-points: fetch with an AbortSignal has a timeout', async () => {
    expect(await found(integrationPoints as Perspective<string, unknown>, ts)).toEqual([
      'httpCallWithoutTimeout src/unguarded.ts:19'
    ])
  })

  it('performance: a WeakMap is no unbounded cache; a Map is', async () => {
    expect(await found(performance as Perspective<string, unknown>, ts)).toEqual([
      'unboundedCollection src/unguarded.ts:22'
    ])
  })

  it('data-integrity: Set.delete is no database write', async () => {
    expect(await found(dataIntegrity as Perspective<string, unknown>, ts)).toEqual([])
  })
})

describe('guarded sites are not reported; the unguarded twins are (Python)', () => {
  it('failure-modes: `or` default, `if x is None: x = …`, `and`, `if not x: raise`, a caught-by-every-caller parse', async () => {
    expect(await found(failureModes as Perspective<string, unknown>, py)).toEqual([
      'throwingCall app/unguarded.py:10',
      'uncheckedOptional app/unguarded.py:6'
    ])
  })

  it('failure-modes: the argument check gets a contract spec instead', async () => {
    const result = await runFixture(failureModes, py)
    const spec = result.run.specs.find(
      (s) =>
        s.title.startsWith('early_raise raises ValueError') ||
        s.title.startsWith('early_raise throws ValueError')
    )
    expect(spec?.covers).toEqual([])
  })

  it('error-handling: except ImportError (optional import) and feature detection are control flow; except Exception: pass is not', async () => {
    expect(await found(errorHandling as Perspective<string, unknown>, py)).toEqual([
      'swallowedError app/unguarded.py:20'
    ])
  })
})
