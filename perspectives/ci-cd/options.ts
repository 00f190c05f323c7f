// The ci-cd perspective's options and their defaults (documented in README.md).
import { ConfigurationError } from '../../src/util/errors.js'

export interface CiOptions {
  /** Most findings of each kind; the rest are counted in the metrics. */
  maxFindingsPerCheck: number
  /** Owners whose actions are first-party (`actions/checkout`): a tag ref there is reported at low severity. */
  firstPartyOwners: string[]
  /** Report first-party actions pinned to a tag at all (low severity). */
  reportFirstPartyTags: boolean
}

export const DEFAULT_OPTIONS: CiOptions = {
  maxFindingsPerCheck: 25,
  firstPartyOwners: ['actions', 'github'],
  reportFirstPartyTags: true
}

export function validateOptions(options: CiOptions): CiOptions {
  const { maxFindingsPerCheck, firstPartyOwners, reportFirstPartyTags } = options
  if (
    typeof maxFindingsPerCheck !== 'number' ||
    !Number.isInteger(maxFindingsPerCheck) ||
    maxFindingsPerCheck < 0
  ) {
    throw new ConfigurationError(
      `ci-cd option 'maxFindingsPerCheck' must be a whole number of at least 0, got ${JSON.stringify(maxFindingsPerCheck)} (default 25)`
    )
  }
  if (
    !Array.isArray(firstPartyOwners) ||
    firstPartyOwners.some((o) => typeof o !== 'string' || o.trim() === '')
  ) {
    throw new ConfigurationError(
      `ci-cd option 'firstPartyOwners' must be a list of GitHub owner names, got ${JSON.stringify(firstPartyOwners)} (default ["actions", "github"])`
    )
  }
  if (typeof reportFirstPartyTags !== 'boolean') {
    throw new ConfigurationError(
      `ci-cd option 'reportFirstPartyTags' must be true or false, got ${JSON.stringify(reportFirstPartyTags)} (default true)`
    )
  }
  return options
}
