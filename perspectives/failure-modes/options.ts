// The failure-modes perspective's options and their defaults (documented in README.md).
import { checkWholeNumbers } from '../shared/options.js'

export interface FailureOptions {
  /** Most findings, the highest RPN first; the FMEA table in the details keeps more. */
  maxFindings: number
  /** Failure modes whose RPN is below this give no finding (they stay in the FMEA table). */
  minRpn: number
  /** Most specs, for the highest-RPN modes in JavaScript, TypeScript and Python. */
  maxSpecs: number
  /** Rows of the FMEA table kept in the details. */
  maxTableRows: number
}

export const DEFAULT_OPTIONS: FailureOptions = {
  maxFindings: 100,
  minRpn: 60,
  maxSpecs: 20,
  maxTableRows: 500
}

const LIMITS: Record<keyof FailureOptions, [number, number]> = {
  maxFindings: [0, 100_000],
  minRpn: [1, 1000],
  maxSpecs: [0, 10_000],
  maxTableRows: [0, 100_000]
}

/** Options arrive from the user's config file: each must be a whole number in its range. */
export function validateOptions(options: FailureOptions): FailureOptions {
  return checkWholeNumbers('failure-modes', options, DEFAULT_OPTIONS, LIMITS)
}
