// The edge-cases perspective's options and their defaults (documented in README.md).
import { checkWholeNumbers } from '../shared/options.js'

export interface EdgeOptions {
  /** Most findings kept per message id; the metrics count all. */
  maxFindingsPerKind: number
  /** Most table-driven specs, for the exported functions with the most code-derived boundaries. */
  maxSpecs: number
  /** Functions kept in the catalogue of the details (the report shows the first 15). */
  maxFunctions: number
  /** Most boundary values listed per parameter (values from the code come first). */
  maxValuesPerParam: number
  /** Length of the "very long" string value. */
  longStringLength: number
}

export const DEFAULT_OPTIONS: EdgeOptions = {
  maxFindingsPerKind: 25,
  maxSpecs: 15,
  maxFunctions: 300,
  maxValuesPerParam: 14,
  longStringLength: 10000
}

const MINIMUM: Record<keyof EdgeOptions, number> = {
  maxFindingsPerKind: 0,
  maxSpecs: 0,
  maxFunctions: 0,
  maxValuesPerParam: 1,
  longStringLength: 1
}

/** Options arrive from the user's config file: each must be a whole number in its range. */
export function validateOptions(options: EdgeOptions): EdgeOptions {
  return checkWholeNumbers('edge-cases', options, DEFAULT_OPTIONS, MINIMUM)
}
