// The scope perspective's options and their defaults (documented in README.md).
import { checkWholeNumbers } from '../shared/options.js'

export interface ScopeOptions {
  /** Most findings of each kind (untested units, complex functions, routes...): the highest-ranked are kept. */
  maxFindingsPerKind: number
  /** Most smoke specs, for the highest-ranked untested units. */
  maxSpecs: number
  /** A module with at least this many lines and no test importing it is reported. */
  largeModuleLines: number
  /** A function with at least this cyclomatic complexity that no test reaches is reported. */
  complexityThreshold: number
  /** Ranked targets kept in the details (the report shows the first 15). */
  maxTargets: number
}

export const DEFAULT_OPTIONS: ScopeOptions = {
  maxFindingsPerKind: 25,
  maxSpecs: 10,
  largeModuleLines: 300,
  complexityThreshold: 10,
  maxTargets: 50
}

/** Options arrive from the user's config file: each must be a whole number in its range. */
export function validateOptions(options: ScopeOptions): ScopeOptions {
  return checkWholeNumbers('scope', options, DEFAULT_OPTIONS, {
    largeModuleLines: 1,
    complexityThreshold: 1
  })
}
