// The performance perspective's options and their defaults (documented in README.md).
import { ConfigurationError } from '../../src/util/errors.js'
import { checkWholeNumbers } from '../shared/options.js'

export interface PerformanceOptions {
  /** Most findings of each kind; the highest-severity are kept, the rest counted ("and N more"). */
  maxFindingsPerKind: number
  /** Most scaling specs and benchmark files. */
  maxSpecs: number
  /** Most regular expressions given to the ReDoS checker in one run (the rest are counted, not checked). */
  maxRegexChecks: number
  /**
   * Largest automaton the ReDoS checker builds for one pattern (recheck's maxNFASize); larger ones are
   * undecided. A size bound, not a time budget, so that the verdict depends on the pattern alone.
   */
  regexMaxNfaSize: number
  /** Nested loops over collections are reported from this depth on. */
  nestedLoopDepth: number
  /**
   * Let recheck fuzz patterns its automaton analysis cannot take (lookaround, backreferences, automata over
   * regexMaxNfaSize). Finds more, but costs up to seconds per such pattern (bounded by step counts, seeded).
   */
  regexFuzzing: boolean
}

export const DEFAULT_OPTIONS: PerformanceOptions = {
  maxFindingsPerKind: 25,
  maxSpecs: 10,
  maxRegexChecks: 100,
  regexMaxNfaSize: 2000,
  nestedLoopDepth: 2,
  regexFuzzing: false
}

const MINIMUM: Record<Exclude<keyof PerformanceOptions, 'regexFuzzing'>, number> = {
  maxFindingsPerKind: 0,
  maxSpecs: 0,
  maxRegexChecks: 0,
  regexMaxNfaSize: 100,
  nestedLoopDepth: 2
}

/** Options arrive from the user's config file: each must be a whole number in its range. */
export function validateOptions(options: PerformanceOptions): PerformanceOptions {
  checkWholeNumbers('performance', options, DEFAULT_OPTIONS, MINIMUM)
  if (typeof options.regexFuzzing !== 'boolean') {
    throw new ConfigurationError(
      `performance option 'regexFuzzing' must be true or false, got ${JSON.stringify(options.regexFuzzing)} (default false)`
    )
  }
  return options
}
