// The test-pyramid perspective's options and their defaults (documented in README.md).
import { checkWholeNumbers } from '../shared/options.js'

export interface TestPyramidOptions {
  /** Most findings of each message id; the report says how many more there were. */
  maxFindingsPerKind: number
  /** Most specs that move tests down the pyramid. */
  maxSpecs: number
  /** A sleep shorter than this many milliseconds is not reported (yielding with 0 ms is harmless). */
  minSleepMillis: number
  /** Fewer test cases than this give no shape verdict (too few to judge). */
  minTestsForShape: number
}

export const DEFAULT_OPTIONS: TestPyramidOptions = {
  maxFindingsPerKind: 50,
  maxSpecs: 15,
  minSleepMillis: 1,
  minTestsForShape: 10
}

/** Options arrive from the user's config file: each must be a whole number in its range. */
export function validateOptions(options: TestPyramidOptions): TestPyramidOptions {
  return checkWholeNumbers('test-pyramid', options, DEFAULT_OPTIONS)
}
