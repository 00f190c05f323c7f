// What a delivered spec must assert: an observed value or an error type. A signature snapshot, a
// presence check, or a call asserted only not to throw stays a plan item (unless it adds coverage),
// and the summary says how many were kept out of the spec files and why.
import { describe, expect, it } from '@jest/globals'
import { planItemMessage, weakAssertion } from '../../src/execute/assertion-strength.js'
import { validationSection } from '../../src/report/validation-section.js'
import type { ValidationSummary } from '../../src/report/types.js'
import type { SpecBody, SpecCase, SpecDraft } from '../../src/specs/types.js'

function draft(body: SpecBody, assertsOnly?: SpecDraft['assertsOnly']): SpecDraft {
  return {
    key: 'k',
    title: 't',
    level: 'unit',
    target: { file: 'src/a.js' },
    rationale: 'r',
    covers: [],
    expected: 'e',
    priority: 'P2',
    body,
    ...(assertsOnly ? { assertsOnly } : {})
  }
}

const call = (...cases: SpecCase['expect'][]): SpecBody => ({
  kind: 'call',
  module: 'src/a.js',
  symbol: 'f',
  async: false,
  cases: cases.map((expect, i) => ({ name: `row ${i}`, args: [i], expect }))
})

describe('weakAssertion', () => {
  it('an observed value or a typed error is behaviour', () => {
    expect(weakAssertion(draft(call({ kind: 'returns', value: 1 })))).toBeNull()
    expect(
      weakAssertion(
        draft(call({ kind: 'does-not-throw' }, { kind: 'throws', errorType: 'TypeError' }))
      )
    ).toBeNull()
  })

  it('a call table that only says "does not throw" (or throws of no type) is not', () => {
    expect(weakAssertion(draft(call({ kind: 'does-not-throw' })))).toBe('does-not-throw check')
    expect(weakAssertion(draft(call({ kind: 'throws' })))).toBe('does-not-throw check')
    expect(
      weakAssertion(
        draft(call({ kind: 'satisfies', python: 'result is not None', description: 'd' }))
      )
    ).toBe('does-not-throw check')
  })

  it('a table whose every row returned the same value pins nothing about what was varied', () => {
    const same = { kind: 'returns', value: { $special: 'NaN' } } as const
    expect(weakAssertion(draft(call(same, same, same)))).toBe('one-value table')
    expect(planItemMessage('one-value table', 0)).toBe(
      'plan item: every row returns the same value, so it pins nothing about the values varied, and it adds no coverage over the suite'
    )
    // Two rows, a second value, or a typed error among them: behaviour.
    expect(weakAssertion(draft(call(same, same)))).toBeNull()
    expect(weakAssertion(draft(call(same, same, { kind: 'returns', value: 1 })))).toBeNull()
    expect(
      weakAssertion(draft(call(same, same, { kind: 'throws', errorType: 'TypeError' })))
    ).toBeNull()
  })

  it('steps count as behaviour unless the perspective marks them a snapshot or a presence check', () => {
    const steps: SpecBody = { kind: 'steps', steps: { javascript: 'x()' }, async: false }
    expect(weakAssertion(draft(steps))).toBeNull()
    expect(weakAssertion(draft(steps, 'signature'))).toBe('signature snapshot')
    expect(weakAssertion(draft(steps, 'presence'))).toBe('presence check')
  })

  it('the validation message says why the spec is a plan item', () => {
    expect(planItemMessage('signature snapshot', 0)).toBe(
      'plan item: a signature snapshot with no observed value, and it adds no coverage over the suite'
    )
    expect(planItemMessage('presence check', null)).toContain('its coverage gain was not measured')
  })
})

describe('the summary keeps the plan items in view', () => {
  const base: ValidationSummary = {
    ready: 2,
    confirming: 0,
    coverage: 1,
    pinning: 2,
    defects: [],
    refuted: 0,
    planOnly: 0,
    skipped: null,
    specsDir: '.test-planning/specs'
  }

  it('counts the passing specs kept out of the spec files, by what they assert', () => {
    const text = validationSection({
      ...base,
      planItems: { 'signature snapshot': 30, 'presence check': 1 }
    })
    expect(text).toContain('**Ready to commit: 2 tests (0 confirm findings, 1 add coverage)**')
    expect(text).toContain(
      '31 passing specs kept as plan items, not in the spec files (30 signature snapshots, 1 presence check: no observed value and no coverage over the suite).'
    )
  })

  it('says nothing when there is none', () => {
    expect(validationSection({ ...base, planItems: {} })).not.toContain('plan items')
    expect(validationSection(base)).not.toContain('plan items')
  })
})
