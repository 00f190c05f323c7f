// The error-handling perspective's options: types, ranges, defaults and descriptions (the README's options
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
    default: 20,
    description: 'Most failure-injection specs, for the most severe findings.'
  }
})

export type ErrorHandlingOptions = OptionsOf<typeof OPTIONS>
