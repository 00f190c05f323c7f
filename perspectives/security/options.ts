// The security perspective's options and their defaults (documented in README.md).
import { ConfigurationError } from '../../src/util/errors.js'
import { checkWholeNumbers } from '../shared/options.js'

export interface SecurityOptions {
  /** Most findings reported; the rest are counted in the metrics and the report says "and N more". */
  maxFindings: number
  /** Hard-coded secret entropy test: shortest literal considered. */
  minSecretLength: number
  /** Hard-coded secret entropy test: bits per character at or above which a literal counts as random. */
  minSecretEntropy: number
  /** Most hostile-input specs produced. */
  maxSpecs: number
  /** Most distinct regular expressions applied to input that the ReDoS checker decides per run (the rest are counted). */
  maxRegexChecks: number
  /**
   * Least confidence a finding needs to be reported. Below it, candidates are counted and named in the
   * report, not listed as findings: on library code most low-confidence ones are a caller's concern.
   */
  minConfidence: 'high' | 'medium' | 'low'
}

export const DEFAULT_OPTIONS: SecurityOptions = {
  maxFindings: 200,
  minSecretLength: 16,
  minSecretEntropy: 3.5,
  maxSpecs: 25,
  maxRegexChecks: 100,
  minConfidence: 'medium'
}

const CONFIDENCES = ['high', 'medium', 'low']

export function validateOptions(options: SecurityOptions): SecurityOptions {
  checkWholeNumbers('security', options, DEFAULT_OPTIONS, { minSecretLength: 8 })
  if (!CONFIDENCES.includes(options.minConfidence)) {
    throw new ConfigurationError(
      `security option 'minConfidence' must be one of ${CONFIDENCES.join(', ')}, got ${JSON.stringify(options.minConfidence)} (default "medium")`
    )
  }
  const e = options.minSecretEntropy
  if (typeof e !== 'number' || !Number.isFinite(e) || e <= 0 || e > 8) {
    throw new ConfigurationError(
      `security option 'minSecretEntropy' must be a number above 0 and at most 8 (bits per character), got ${JSON.stringify(e)} (default 3.5)`
    )
  }
  return options
}
