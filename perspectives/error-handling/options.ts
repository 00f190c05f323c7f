// The error-handling perspective's options and their defaults (documented in README.md).
import { checkWholeNumbers } from '../shared/options.js'

export interface ErrorHandlingOptions {
  /** Most findings of each message id; the most severe are kept, the report says how many more there were. */
  maxFindingsPerKind: number
  /** Most failure-injection specs, for the most severe findings. */
  maxSpecs: number
}

export const DEFAULT_OPTIONS: ErrorHandlingOptions = {
  maxFindingsPerKind: 50,
  maxSpecs: 20
}

/** Options arrive from the user's config file: each must be a whole number in its range. */
export function validateOptions(options: ErrorHandlingOptions): ErrorHandlingOptions {
  return checkWholeNumbers('error-handling', options, DEFAULT_OPTIONS)
}
