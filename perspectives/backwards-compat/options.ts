// The backwards-compat perspective's options: types, ranges, defaults and descriptions (the README's options
// table is generated from them). The engine checks a user's values when the run starts.
import { defineOptions } from '../define.js'
import type { OptionsOf } from '../types.js'

export const OPTIONS = defineOptions({
  maxFindings: {
    type: 'integer',
    minimum: 0,
    default: 100,
    description:
      'Most breaking-change findings; the most severe are kept, the report says how many more there were.'
  },
  maxSpecs: {
    type: 'integer',
    minimum: 0,
    default: 30,
    description: "Most API contract specs (changed signatures first, then the entry modules' API)."
  },
  maxAdditions: {
    type: 'integer',
    minimum: 0,
    default: 100,
    description: 'Most additions listed in the report and details.'
  }
})

export type BackwardsCompatOptions = OptionsOf<typeof OPTIONS>
