// The data-integrity perspective's options: types, ranges, defaults and descriptions (the README's options
// table is generated from them). The engine checks a user's values when the run starts.
import { defineOptions } from '../define.js'
import type { OptionsOf } from '../types.js'

export const OPTIONS = defineOptions({
  maxFindingsPerKind: {
    type: 'integer',
    minimum: 0,
    default: 50,
    description:
      'Most findings of each message id; the most severe are kept, the report says how many more there were.'
  },
  maxSpecs: {
    type: 'integer',
    minimum: 0,
    default: 25,
    description: 'Most specs, runnable (property-based, mutation) first.'
  },
  numRuns: {
    type: 'integer',
    minimum: 1,
    default: 200,
    description: 'fast-check runs per property (`numRuns`); hypothesis uses its own default.'
  }
})

export type DataIntegrityOptions = OptionsOf<typeof OPTIONS>
