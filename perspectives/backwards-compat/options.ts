// The backwards-compat perspective's options and their defaults (documented in README.md).
import { checkWholeNumbers } from '../shared/options.js'

export interface BackwardsCompatOptions {
  /** Most breaking-change findings; the most severe are kept, the report says how many more there were. */
  maxFindings: number
  /** Most API contract specs (changed signatures first, then the entry modules' API). */
  maxSpecs: number
  /** Most additions listed in the report and details. */
  maxAdditions: number
}

export const DEFAULT_OPTIONS: BackwardsCompatOptions = {
  maxFindings: 100,
  maxSpecs: 30,
  maxAdditions: 100
}

/** Options arrive from the user's config file: each must be a whole number in its range. */
export function validateOptions(options: BackwardsCompatOptions): BackwardsCompatOptions {
  return checkWholeNumbers('backwards-compat', options, DEFAULT_OPTIONS)
}
