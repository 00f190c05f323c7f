// The ci-cd perspective's options: types, ranges, defaults and descriptions (the README's options
// table is generated from them). The engine checks a user's values when the run starts.
import { defineOptions } from '../define.js'
import type { OptionsOf } from '../types.js'

export const OPTIONS = defineOptions({
  maxFindingsPerCheck: {
    type: 'integer',
    minimum: 0,
    default: 25,
    description: 'Most findings of each kind; the rest are counted in the metrics.'
  },
  firstPartyOwners: {
    type: 'array',
    items: { type: 'string', minLength: 1 },
    default: ['actions', 'github'],
    description:
      'Owners whose actions are first-party (`actions/checkout`): a tag ref there is reported at low severity.'
  },
  hygiene: {
    type: 'string',
    enum: ['checklist', 'findings'],
    default: 'checklist',
    description:
      'Missing timeouts, concurrency groups and dependency caches, and first-party actions pinned to a tag: a checklist in the report (independent judges found them true but almost never worth acting on), or findings.'
  },
  reportFirstPartyTags: {
    type: 'boolean',
    default: true,
    description: 'Report first-party actions pinned to a tag at all (low severity).'
  }
})

export type CiOptions = OptionsOf<typeof OPTIONS>
