// What a spec asserts, decided from the draft that was rendered (never from its code): an observed
// value or error type is behaviour; a signature snapshot, a presence check, or a call asserted only
// not to throw says little about what the code does. Such a spec stays a plan item unless running it
// adds coverage over the project's suite.
import type { SpecDraft } from '../specs/types.js'
import type { SAME_BEHAVIOUR } from './same-behaviour.js'

/** Why a spec is a plan item rather than a test to commit (the summary counts them by this). */
export type WeakAssertion =
  'signature snapshot' | 'presence check' | 'does-not-throw check' | 'one-value table'

/**
 * Rows from which a table whose every row returned the same value says nothing about the varied
 * parameters (d3-format's precisionRound gave NaN on all 13: the other argument was held at a string).
 */
const ONE_VALUE_ROWS = 3

/**
 * A passing spec that observes values but demonstrates no finding and that, measured, runs no line or
 * branch the project's suite does not: validated, kept in the plan, not delivered.
 */
export const REDUNDANT = 'behaviour spec redundant with the suite'
export type PlanItemKind = WeakAssertion | typeof REDUNDANT | typeof SAME_BEHAVIOUR

/** Null when the draft asserts behaviour (a returned value or an error type), else what it asserts instead. */
export function weakAssertion(draft: SpecDraft): WeakAssertion | null {
  const body = draft.body
  if (body.kind === 'file') return null
  if (body.kind === 'steps') {
    if (draft.assertsOnly === 'signature') return 'signature snapshot'
    if (draft.assertsOnly === 'presence') return 'presence check'
    return null
  }
  const asserts = body.cases.some(
    (c) =>
      c.expect.kind === 'returns' ||
      (c.expect.kind === 'throws' && !!c.expect.errorType) ||
      (c.expect.kind === 'satisfies' && !!c.expect.observed)
  )
  if (!asserts) return 'does-not-throw check'
  const values = body.cases.map((c) => (c.expect.kind === 'returns' ? c.expect.value : undefined))
  if (
    values.length >= ONE_VALUE_ROWS &&
    values.every((v) => v !== undefined && JSON.stringify(v) === JSON.stringify(values[0]))
  )
    return 'one-value table'
  return null
}

/** The validation message of a passing spec kept out of the delivered files. */
export function planItemMessage(weak: WeakAssertion, gain: number | null): string {
  const what =
    weak === 'signature snapshot'
      ? 'a signature snapshot'
      : weak === 'presence check'
        ? 'it checks only that the subject exists'
        : weak === 'one-value table'
          ? 'every row returns the same value'
          : 'it checks only that the call does not throw'
  const said =
    weak === 'one-value table'
      ? ', so it pins nothing about the values varied'
      : ' with no observed value'
  const coverage =
    gain === null ? 'its coverage gain was not measured' : 'it adds no coverage over the suite'
  return `plan item: ${what}${said}, and ${coverage}`
}

/** The validation message of a passing behaviour spec left out because it adds nothing the suite lacks. */
export function redundantMessage(suiteCallsOnly = false): string {
  const rows = suiteCallsOnly ? "every row is a call the suite's tests already make, " : ''
  return `plan item: validated, not delivered: redundant with the project's suite (passes 3 of 3, demonstrates no finding, ${rows}and it runs no line or branch the suite does not run)`
}
