// Assertions that cannot fail: `expect(response.ok);` builds an expectation and drops it without a
// matcher (jest, vitest, chai), and Python's `mock.called_once_with(...)` is an auto-created Mock
// attribute that returns a truthy Mock instead of checking the calls. Either line passes whatever the
// code does. One finding per file: the first such line, with the others' lines.
import type { CallSite } from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import { type TestFile } from './classify.js'
import { evidenceAt, type Found, testAt, testLabel } from './context.js'

/** Mock methods that look like assertions but are plain auto-attributes (the real ones start with `assert_`). */
const MOCK_LOOKALIKES = new Set([
  'called_once_with',
  'called_with',
  'called_once',
  'has_calls',
  'any_call',
  'not_called'
])

function assertsNothing(file: TestFile, call: CallSite): string | null {
  if (!call.statement || call.awaited) return null
  if (file.module.language === 'python') {
    return call.receiver && MOCK_LOOKALIKES.has(call.name)
      ? `${call.name}() is an attribute a Mock creates on demand, not an assertion (that is assert_${call.name}())`
      : null
  }
  return call.callee === 'expect' && !call.receiver ? 'expect() has no matcher' : null
}

function shortCall(call: CallSite): string {
  const text = `${call.callee}(${call.args.join(', ')})`
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

export function checkEmptyAssertions(input: { files: TestFile[]; quote: Quoter }): Found[] {
  const out: Found[] = []
  for (const file of input.files) {
    const hits = file.module.calls
      .map((call) => ({ call, why: assertsNothing(file, call) }))
      .filter(
        (h): h is { call: CallSite; why: string } => h.why !== null && !!testAt(file, h.call.loc)
      )
    if (hits.length === 0) continue
    const [first] = hits
    const path = file.module.path
    const others = hits.slice(1).map((h) => h.call.loc.startLine)
    out.push({
      file,
      draft: {
        messageId: 'assertionChecksNothing',
        data: {
          text: shortCall(first.call),
          test: testLabel(testAt(file, first.call.loc)),
          file: path,
          why: first.why,
          more:
            others.length === 0
              ? ''
              : ` The file has ${others.length} more (line${others.length === 1 ? '' : 's'} ${others.slice(0, 10).join(', ')}${others.length > 10 ? ', …' : ''}).`
        },
        severity: 'medium',
        confidence: 'high',
        rationale:
          'A test whose assertion cannot fail reports green whatever the code does: the check it seems to make is not made.',
        evidence: evidenceAt(input.quote, path, first.call.loc),
        key: `nothing|${path}`
      }
    })
  }
  return out
}
