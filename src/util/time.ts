// Time between two stored ISO timestamps. Runs never read the clock themselves: `now` is the run's time.

const DAY_MS = 24 * 60 * 60 * 1000

/** Days from `then` to `now` (fractional); NaN when either does not parse. */
export function daysBetween(then: string, now: string): number {
  return (Date.parse(now) - Date.parse(then)) / DAY_MS
}
