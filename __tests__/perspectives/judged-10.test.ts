// Shapes judged false or overstated in session 7 round 2 (http-server, superagent, webob, parse, pyflakes),
// each asserted absent beside a twin that is still reported, by file and line, through each
// perspective's real pipeline (fixtures judged-10-js and judged-10-py; docs/evaluation/guards.md).
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import dataIntegrity from '../../perspectives/data-integrity/index.js'
import errorHandling from '../../perspectives/error-handling/index.js'
import failureModes from '../../perspectives/failure-modes/index.js'
import performance from '../../perspectives/performance/index.js'
import security from '../../perspectives/security/index.js'
import type { Finding } from '../../perspectives/types.js'
import { readFixture } from './harness.js'
import { findings } from './judged-helpers.js'

const js = readFixture('judged-10-js')
const py = readFixture('judged-10-py')

/** `messageId file:line severity`, sorted. */
function rows(found: Finding[]): string[] {
  return found.map((f) => `${f.messageId} ${f.file}:${f.startLine} ${f.severity}`).sort()
}

describe('judged false in session 7 round 2: JavaScript', () => {
  it('security: HTML built from he.encode(header), directly or through a local, is not XSS; the raw header is', async () => {
    const found = await findings(security as Perspective<string, unknown>, js)
    expect(rows(found.filter((f) => f.messageId === 'xss'))).toEqual(['xss lib/listing.js:23 high'])
  })

  it('data-integrity: a helper whose every caller rebinds the result to the name it passed is low; one whose caller keeps the argument stays medium', async () => {
    const found = await findings(dataIntegrity as Perspective<string, unknown>, js)
    const mutations = found.filter((f) => f.messageId === 'argumentMutation')
    expect(rows(mutations)).toEqual([
      'argumentMutation lib/headers.js:12 medium',
      'argumentMutation lib/headers.js:5 low'
    ])
    expect(mutations.find((f) => f.startLine === 5)?.rationale).toContain(
      'every caller in the repository rebinds the result'
    )
  })

  it('error-handling: logging a failed user callback and applying the defaults is low; logging a failed write is medium', async () => {
    const found = await findings(errorHandling as Perspective<string, unknown>, js)
    const logs = found.filter((f) => f.messageId === 'logOnlyCatch')
    expect(rows(logs)).toEqual([
      'logOnlyCatch lib/retry.js:14 low',
      'logOnlyCatch lib/retry.js:24 medium'
    ])
    expect(logs.find((f) => f.startLine === 14)?.message).toContain(
      'falls back to its default behaviour'
    )
  })
})

describe('judged false in session 7 round 2: Python', () => {
  it('failure-modes: int()/float() of a regex group rebinding itself, an int() probe with try/else; a function handed to partial is not "no caller"', async () => {
    // Absent: 14 and 15 (`s = int(s)`, `e = int(e) + 1` of (\\d+) groups), 22 (`q = float(q) if q else 1.0`
    // of a qvalue group), 34 (a try/except ValueError/else probe). Kept: 28 (int of raw text), 44 (an
    // empty handler without else drops the error), 51 (reached through partial: not "no caller").
    const found = await findings(failureModes as Perspective<string, unknown>, py)
    expect(rows(found)).toEqual([
      'throwingCall pkg/ranges.py:28 medium',
      'throwingCall pkg/ranges.py:44 low',
      'throwingCall pkg/ranges.py:51 medium',
      // serial.py 11, JSONSerializer.loads: a parse wrapper, its JSONDecodeError is its contract (absent);
      // read_settings parses and goes on using the result: reported.
      'throwingCall pkg/serial.py:24 low'
    ])
    const handed = found.find((f) => f.startLine === 51)
    expect(handed?.message).toContain('passed on as a value')
    expect(handed?.message).not.toContain('no caller found')
  })

  it("error-handling: sys.exit in a signal handler that only main() installs is the CLI's; a helper library code calls is not", async () => {
    const found = await findings(errorHandling as Perspective<string, unknown>, py)
    expect(rows(found.filter((f) => f.messageId === 'exitInLibrary'))).toEqual([
      'exitInLibrary pkg/api.py:13 medium'
    ])
  })

  it('performance: += in a for-else clause runs once; nested loops whose outer loop walks a filtered subset are low', async () => {
    // Absent: cookies.py 9 (`else: header += ...`). Kept: 16 (+= in the loop body), 25 low (outer loop over
    // `[k ... if count > 1]`), 32 medium (two input-sized lists).
    const found = await findings(performance as Perspective<string, unknown>, py)
    expect(rows(found.filter((f) => f.file === 'pkg/cookies.py'))).toEqual([
      'nestedLoops pkg/cookies.py:25 low',
      'nestedLoops pkg/cookies.py:32 medium',
      'stringConcatInLoop pkg/cookies.py:16 low'
    ])
    expect(found.find((f) => f.startLine === 25)?.rationale).toContain("comprehension's `if` kept")
  })

  it('data-integrity: utcnow() is a deprecation (info), not a time-zone bug; a JSON pair states its domain', async () => {
    const found = await findings(dataIntegrity as Perspective<string, unknown>, py)
    const serial = found.filter((f) => f.file === 'pkg/serial.py')
    expect(rows(serial)).toEqual([
      'localTimeParsing pkg/serial.py:15 info',
      'localTimeParsing pkg/serial.py:20 low',
      'roundTripPair pkg/serial.py:7 low'
    ])
    const utc = serial.find((f) => f.startLine === 15)
    expect(utc?.message).toContain('deprecated since Python 3.12')
    expect(utc?.message).not.toContain('depends on the time zone')
    expect(serial.find((f) => f.startLine === 20)?.message).toContain('depends on the time zone')
    const pair = serial.find((f) => f.messageId === 'roundTripPair')
    expect(pair?.message).toContain('every JSON-native appstruct')
  })
})
