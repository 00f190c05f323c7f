// The integration-points perspective's options and their defaults (documented in README.md).
import { checkWholeNumbers } from '../shared/options.js'

export interface IntegrationOptions {
  /** Most findings of each message id; the most severe are kept. */
  maxFindingsPerKind: number
  /** Most contract specs. */
  maxSpecs: number
  /** Most modules drawn in the integration map; the rest are counted under it. */
  maxMapModules: number
  /** Points (and routes, variables) kept in the details. */
  maxDetails: number
}

export const DEFAULT_OPTIONS: IntegrationOptions = {
  maxFindingsPerKind: 25,
  maxSpecs: 15,
  maxMapModules: 30,
  maxDetails: 500
}

/** Options arrive from the user's config file: each must be a whole number in its range. */
export function validateOptions(options: IntegrationOptions): IntegrationOptions {
  return checkWholeNumbers('integration-points', options, DEFAULT_OPTIONS, { maxMapModules: 1 })
}
