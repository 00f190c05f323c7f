// The test-coverage perspective's options and their defaults (documented in README.md).
import { checkWholeNumbers } from '../shared/options.js'

export interface TestCoverageOptions {
  /** Most gap findings (functions with uncovered lines), highest risk first. */
  maxFindings: number
  /** Most file-level findings (source files missing from the report). */
  maxFileFindings: number
  /** Most specs, for the highest-risk gaps. */
  maxSpecs: number
  /** Gaps listed in the details and report table. */
  maxGapsListed: number
}

export const DEFAULT_OPTIONS: TestCoverageOptions = {
  maxFindings: 30,
  maxFileFindings: 15,
  maxSpecs: 10,
  maxGapsListed: 50
}

export function validateOptions(options: TestCoverageOptions): TestCoverageOptions {
  return checkWholeNumbers('test-coverage', options, DEFAULT_OPTIONS)
}
