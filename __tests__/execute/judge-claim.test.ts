// A smoke claim ("does not throw") whose call Python rejects as not fitting the subject's own
// signature is a wrong claim (refuted), not a defect. Any other contradicted expectation is a defect
// only when the project states it (a docstring, a README example, a documented contract, an annotation,
// a documented inverse): an expectation of our own that fails is a refuted claim.
import { describe, expect, it } from '@jest/globals'
import { callDoesNotFit, judgeClaim } from '../../src/execute/observe.js'
import type {
  CallSpecBody,
  ExpectationSource,
  SpecCase,
  SpecDraft,
  SpecExpectation
} from '../../src/specs/types.js'

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

  it('an error from another function the code calls refutes our own "does not throw"', () => {
    const seen = typeError("helper() missing 1 required positional argument: 'x'")
    const judged = judgeClaim(smoke('run', false), {
      ok: true,
      cases: [{ name: 'no arguments', expect: seen, async: false, index: 0 }]
    })
    expect(judged).toEqual({
      claim: 'refuted',
      message: `no arguments: expected no error, observed TypeError "helper() missing 1 required positional argument: 'x'" (the expectation was ours, not the project's)`
    })
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

function withCase(draft: SpecDraft, change: Partial<SpecCase>): SpecDraft {
  const body = draft.body as CallSpecBody
  return { ...draft, body: { ...body, cases: [{ ...body.cases[0], ...change }] } }
}

const observed = (expect: SpecExpectation) => ({
  ok: true as const,
  cases: [{ name: 'no arguments', expect, async: false, index: 0 }]
})

describe('a contradicted expectation is a defect only when the project states it', () => {
  const seen = typeError("helper() missing 1 required positional argument: 'x'")
  const sources: ExpectationSource[] = [
    {
      kind: 'docstring',
      file: 'pkg/mod.py',
      line: 4,
      quote: '>>> run()  ->  None'
    },
    { kind: 'readme', file: 'README.md', line: 12, quote: 'run() never raises' },
    { kind: 'contract', file: 'pkg/mod.py', line: 3, quote: 'Raises: nothing' },
    { kind: 'annotation', file: 'pkg/mod.py', line: 2, quote: 'def run() -> int:' },
    { kind: 'inverse', file: 'pkg/mod.py', line: 9, quote: 'Reverses encode.' }
  ]
  for (const source of sources)
    it(`an error where the project's ${source.kind} promises none is a defect that quotes it`, () => {
      const judged = judgeClaim(withCase(smoke('run', false), { source }), observed(seen))
      expect(judged?.claim).toBe('defect')
      expect(judged?.message).toContain(`expected by the project's ${source.kind} at`)
      expect(judged?.message).toContain(`"${source.quote}"`)
    })

  it('a value other than the one the docstring gives is a defect; our own guessed value is refuted', () => {
    const returns = withCase(smoke('double', false), {
      args: [3],
      expect: { kind: 'returns', value: 6 }
    })
    const docstring: ExpectationSource = {
      kind: 'docstring',
      file: 'pkg/mod.py',
      line: 7,
      quote: '>>> double(3)\n6'
    }
    const gave9 = observed({ kind: 'returns', value: 9 })
    expect(judgeClaim(withCase(returns, { source: docstring }), gave9)).toEqual({
      claim: 'defect',
      message: `no arguments: expected the value 6, observed the value 9 (expected by the project's docstring at pkg/mod.py:7: ">>> double(3)\n6")`
    })
    expect(judgeClaim(returns, gave9)?.claim).toBe('refuted')
    // The expectation held: confirmed, with or without a source.
    expect(judgeClaim(returns, observed({ kind: 'returns', value: 6 }))?.claim).toBe('confirmed')
  })
})
