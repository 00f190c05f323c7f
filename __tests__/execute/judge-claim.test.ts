// A smoke claim ("does not throw") whose call Python rejects as not fitting the subject's own
// signature is a wrong claim (refuted), not a defect; an error from a call inside the code still is.
import { describe, expect, it } from '@jest/globals'
import { callDoesNotFit, judgeClaim } from '../../src/execute/observe.js'
import type { SpecDraft, SpecExpectation } from '../../src/specs/types.js'

function smoke(symbol: string, construct: boolean): SpecDraft {
  return {
    key: `smoke:${symbol}`,
    title: `${symbol} smoke`,
    level: 'unit',
    target: { file: 'pkg/mod.py', symbol },
    rationale: '',
    covers: ['scope/x/1'],
    expected: '',
    priority: 'P2',
    body: {
      kind: 'call',
      module: 'pkg/mod.py',
      symbol,
      construct,
      async: false,
      cases: [{ name: 'no arguments', args: [], expect: { kind: 'does-not-throw' } }]
    }
  }
}

const typeError = (message: string): SpecExpectation => ({
  kind: 'throws',
  errorType: 'TypeError',
  message
})

describe('a call that does not fit the signature', () => {
  it("is refuted when Python names the subject's own constructor or function", () => {
    const seen = typeError(
      "StreamWriter.__init__() missing 1 required positional argument: 'stream'"
    )
    expect(callDoesNotFit(smoke('StreamWriter', true).body as never, seen)).toBe(true)
    const judged = judgeClaim(smoke('StreamWriter', true), {
      ok: true,
      cases: [{ name: 'no arguments', expect: seen, async: false, index: 0 }]
    })
    expect(judged).toEqual({
      claim: 'refuted',
      message: `no arguments: the call does not fit the signature, observed TypeError "${seen.kind === 'throws' ? seen.message : ''}"`
    })
  })

  it('stays a defect when the TypeError comes from another function the code calls', () => {
    const seen = typeError("helper() missing 1 required positional argument: 'x'")
    const judged = judgeClaim(smoke('run', false), {
      ok: true,
      cases: [{ name: 'no arguments', expect: seen, async: false, index: 0 }]
    })
    expect(judged?.claim).toBe('defect')
    expect(
      callDoesNotFit(
        smoke('run', false).body as never,
        typeError('run() takes 0 positional arguments but 1 was given')
      )
    ).toBe(true)
    expect(
      callDoesNotFit(
        smoke('run', false).body as never,
        typeError("'NoneType' object is not callable")
      )
    ).toBe(false)
  })
})
