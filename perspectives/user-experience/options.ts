// The user-experience perspective's options and their defaults (documented in README.md).
import { checkWholeNumbers } from '../shared/options.js'

export interface UserExperienceOptions {
  /** Most findings of each message id; the most severe are kept, the report says how many more there were. */
  maxFindingsPerKind: number
  /** Most specs (CLI runs and accessibility checks). */
  maxSpecs: number
}

export const DEFAULT_OPTIONS: UserExperienceOptions = { maxFindingsPerKind: 50, maxSpecs: 20 }

/** Options arrive from the user's config file: each must be a whole number in its range. */
export function validateOptions(options: UserExperienceOptions): UserExperienceOptions {
  return checkWholeNumbers('user-experience', options, DEFAULT_OPTIONS)
}
