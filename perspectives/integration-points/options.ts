// The integration-points perspective's options: types, ranges, defaults and descriptions (the README's options
// table is generated from them). The engine checks a user's values when the run starts.
import { defineOptions } from '../define.js'
import type { OptionsOf } from '../types.js'

export const OPTIONS = defineOptions({
  maxFindingsPerKind: {
    type: 'integer',
    minimum: 0,
    default: 25,
    description: 'Most findings of each message id; the most severe are kept.'
  },
  maxSpecs: {
    type: 'integer',
    minimum: 0,
    default: 15,
    description:
      'Most contract specs (plus one services workflow when a database, cache or broker is found).'
  },
  maxMapModules: {
    type: 'integer',
    minimum: 1,
    default: 30,
    description: 'Most modules drawn in the integration map; the rest are counted under it.'
  },
  maxDetails: {
    type: 'integer',
    minimum: 0,
    default: 500,
    description: 'Points, routes, environment reads and cycles kept in the details.'
  }
})

export type IntegrationOptions = OptionsOf<typeof OPTIONS>
