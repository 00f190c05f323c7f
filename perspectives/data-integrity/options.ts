// The data-integrity perspective's options and their defaults (documented in README.md).
import { checkWholeNumbers } from '../shared/options.js'

export interface DataIntegrityOptions {
  /** Most findings of each message id; the most severe are kept, the report says how many more there were. */
  maxFindingsPerKind: number
  /** Most specs, runnable (property-based, mutation) first. */
  maxSpecs: number
  /** fast-check runs per property (`numRuns`); hypothesis uses its own default. */
  numRuns: number
}

export const DEFAULT_OPTIONS: DataIntegrityOptions = {
  maxFindingsPerKind: 50,
  maxSpecs: 25,
  numRuns: 200
}

/** Options arrive from the user's config file: each must be a whole number in its range. */
export function validateOptions(options: DataIntegrityOptions): DataIntegrityOptions {
  return checkWholeNumbers('data-integrity', options, DEFAULT_OPTIONS, { numRuns: 1 })
}
