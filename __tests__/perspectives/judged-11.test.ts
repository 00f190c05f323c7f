// Shapes judged false in session 8 round 3 (werkzeug, pycodestyle, xmltodict, express-session, serve,
// node-cron), each asserted absent beside a twin that is still reported, by file and line, through each
// perspective's real pipeline (fixtures judged-11-js and judged-11-py; docs/evaluation/guards.md).
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import failureModes from '../../perspectives/failure-modes/index.js'
import performance from '../../perspectives/performance/index.js'
import dataIntegrity from '../../perspectives/data-integrity/index.js'
import errorHandling from '../../perspectives/error-handling/index.js'
import integrationPoints from '../../perspectives/integration-points/index.js'
import type { Finding } from '../../perspectives/types.js'
import { readFixture } from './harness.js'
import { findings } from './judged-helpers.js'

const py = readFixture('judged-11-py')
const js = readFixture('judged-11-js')

/** `messageId file:line`, sorted. */
function rows(found: Finding[], file: string): string[] {
  return found
    .filter((f) => f.file === file)
    .map((f) => `${f.messageId} ${f.file}:${f.startLine}`)
    .sort()
}

describe('judged false in session 8 round 3: Python', () => {
  it('failure-modes: int() of a regex group is safe only when the pattern gives digits that are never empty or absent', async () => {
    // Kept: 17 (`(\d*)` may be '' even after the other group's check: webob's `-int(end)`), 41 (an
    // optional `(?:,(\d+))?` group is None when absent), 55 (`(\d)?`), 62 (`(\w+)` holds letters).
    // Absent: 19 and 20 (each checked truthy), 27 (`(\d+)` by number and by `m[2]`), 34 (`int(g or "1")`
    // over `m.groups()` of `(\d+)` groups: pycodestyle's parse_udiff), 48 (named groups), 75 (an element
    // of a local bound to `m.groups()`). Kept too: 67, an element of a split, which is no regex group.
    const found = await findings(failureModes as Perspective<string, unknown>, py)
    expect(rows(found, 'pkg/groups.py')).toEqual([
      'throwingCall pkg/groups.py:17',
      'throwingCall pkg/groups.py:41',
      'throwingCall pkg/groups.py:55',
      'throwingCall pkg/groups.py:62',
      'throwingCall pkg/groups.py:67'
    ])
  })
})

describe('judged false in session 8 round 3: Python error handling', () => {
  it('error-handling: best-effort close, a destructor, a platform probe with a fallback and Ctrl-C are deliberate; a dropped write and a logged failure are not', async () => {
    // Absent: 14 (close() closing its handle), 21 (a warning in __del__), 35 (`except OSError` around a
    // subprocess probe, a fallback after it), 44 (KeyboardInterrupt prints and returns).
    // Kept: 27 (a write's failure dropped), 53 (`except Exception` that only prints).
    const found = await findings(errorHandling as Perspective<string, unknown>, py)
    expect(rows(found, 'pkg/cleanup.py')).toEqual([
      'logOnlyCatch pkg/cleanup.py:53',
      'swallowedError pkg/cleanup.py:27'
    ])
  })
})

describe('judged false in session 8 round 3: Python string building', () => {
  it('performance: a string started afresh on each pass then extended once is not quadratic; one carried across passes is', async () => {
    // Absent: 6 (`msg` bound at the top of each pass), 15 (`path` is the loop variable). Kept: 23.
    const found = await findings(performance as Perspective<string, unknown>, py)
    expect(rows(found, 'pkg/text.py')).toEqual(['stringConcatInLoop pkg/text.py:23'])
  })
})

describe('judged false in session 8 round 3: JavaScript/TypeScript', () => {
  it('performance: a cache keyed by a time zone or a literal union is bounded, one keyed by a user id is not; filter().reduce() in sequence is not a search in a loop', async () => {
    // Absent: 1 (keyed by `timezone ?? ''`: node-cron's per-zone formatters), 3 (keyed by a
    // `'fast' | 'slow'` parameter), 35 (`.filter()` feeding `.reduce()`: one pass each, not nested).
    // Kept: 2 (keyed by a user id), 46 (`wanted.filter()` inside the reduce callback over rows).
    const found = await findings(performance as Perspective<string, unknown>, js)
    expect(rows(found, 'src/zones.ts')).toEqual([
      'searchInLoop src/zones.ts:46',
      'unboundedCollection src/zones.ts:2'
    ])
  })

  it('failure-modes: JSON.parse of text the module stored with JSON.stringify is not untrusted input; of a parameter it is', async () => {
    // Absent: 13 (`this.sessions[id] = JSON.stringify(session)` in set(), read back in get()).
    // Kept: 17 (a caller's raw text).
    const found = await findings(failureModes as Perspective<string, unknown>, js)
    expect(rows(found, 'src/store.js')).toEqual(['throwingCall src/store.js:17'])
  })

  it('data-integrity: a returning branch that destroys and the save after it are one write each; destroy then save on one path is two', async () => {
    // Absent: end() at 22/25 (the destroy branch returns). Kept: rotate() at 30.
    const found = await findings(dataIntegrity as Perspective<string, unknown>, js)
    expect(
      rows(found, 'src/store.js').filter((r) => r.startsWith('writesWithoutTransaction'))
    ).toEqual(['writesWithoutTransaction src/store.js:30'])
  })

  it('error-handling: process.exit in the entry file of a forked child is that program ending; in an exported library function it is reported', async () => {
    // Absent: child.js:5 (runner.js forks child.js). Kept: runner.js:13.
    const found = await findings(errorHandling as Perspective<string, unknown>, js)
    const exits = found.filter((f) => f.messageId === 'exitInLibrary')
    expect(exits.map((f) => `${f.file}:${f.startLine}`)).toEqual(['src/runner.js:13'])
  })

  it("a page's script (static/, window/document, no imports) is not judged as Node: no timeout or floating-promise finding; the same calls in a Node module are", async () => {
    // Absent: src/static/page.js:2 in both perspectives. Kept: src/api.js:2 and :7 (no timeout), :7 (floating).
    const points = await findings(integrationPoints as Perspective<string, unknown>, js)
    const timeouts = points.filter((f) => f.messageId === 'httpCallWithoutTimeout')
    expect(timeouts.map((f) => `${f.file}:${f.startLine}`).sort()).toEqual([
      'src/api.js:2',
      'src/api.js:7'
    ])
    const handling = await findings(errorHandling as Perspective<string, unknown>, js)
    const floating = handling.filter((f) => f.messageId === 'floatingPromise')
    expect(floating.map((f) => `${f.file}:${f.startLine}`)).toEqual(['src/api.js:7'])
  })
})
