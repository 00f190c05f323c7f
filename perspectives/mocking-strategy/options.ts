// The mocking-strategy perspective's options and their defaults (documented in README.md).
import { checkWholeNumbers } from '../shared/options.js'

export interface MockingOptions {
  /** Most findings reported, most severe first; the rest are counted and the report says "and N more". */
  maxFindings: number
  /** Most rows of the seam table in details and report. */
  maxSeamRows: number
  /** Most isolation specs. */
  maxSpecs: number
}

export const DEFAULT_OPTIONS: MockingOptions = { maxFindings: 200, maxSeamRows: 500, maxSpecs: 20 }

/** Options arrive from the user's config file: each must be a whole number in its range. */
export function validateOptions(options: MockingOptions): MockingOptions {
  return checkWholeNumbers('mocking-strategy', options, DEFAULT_OPTIONS)
}
