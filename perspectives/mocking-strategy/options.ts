// The mocking-strategy perspective's options: types, ranges, defaults and descriptions (the README's options
// table is generated from them). The engine checks a user's values when the run starts.
import { defineOptions } from '../define.js'
import type { OptionsOf } from '../types.js'

export const OPTIONS = defineOptions({
  maxFindings: {
    type: 'integer',
    minimum: 0,
    default: 200,
    description:
      'Most findings reported, most severe first; the rest are counted and the report says "and N more".'
  },
  maxSeamRows: {
    type: 'integer',
    minimum: 0,
    default: 500,
    description: 'Most rows of the seam table in details and report.'
  },
  maxSpecs: { type: 'integer', minimum: 0, default: 20, description: 'Most isolation specs.' }
})

export type MockingOptions = OptionsOf<typeof OPTIONS>
