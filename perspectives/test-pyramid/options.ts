// The test-pyramid perspective's options: types, ranges, defaults and descriptions (the README's options
// table is generated from them). The engine checks a user's values when the run starts.
import { defineOptions } from '../define.js'
import type { OptionsOf } from '../types.js'

export const OPTIONS = defineOptions({
  maxFindingsPerKind: {
    type: 'integer',
    minimum: 0,
    default: 50,
    description: 'Most findings of each message id; the report says how many more there were.'
  },
  maxSpecs: {
    type: 'integer',
    minimum: 0,
    default: 15,
    description: 'Most specs that move tests down the pyramid.'
  },
  minSleepMillis: {
    type: 'integer',
    minimum: 0,
    default: 1,
    description:
      'A sleep shorter than this many milliseconds is not reported (yielding with 0 ms is harmless).'
  },
  minTestsForShape: {
    type: 'integer',
    minimum: 0,
    default: 10,
    description: 'Fewer test cases than this give no shape verdict (too few to judge).'
  }
})

export type TestPyramidOptions = OptionsOf<typeof OPTIONS>
