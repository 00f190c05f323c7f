// The failure-modes perspective's options: types, ranges, defaults and descriptions (the README's options
// table is generated from them). The engine checks a user's values when the run starts.
import { defineOptions } from '../define.js'
import type { OptionsOf } from '../types.js'

export const OPTIONS = defineOptions({
  maxFindings: {
    type: 'integer',
    minimum: 0,
    maximum: 100000,
    default: 100,
    description: 'Most findings, the highest RPN first; the FMEA table in the details keeps more.'
  },
  minRpn: {
    type: 'integer',
    minimum: 1,
    maximum: 1000,
    default: 60,
    description:
      'Failure modes whose RPN is below this give no finding (they stay in the FMEA table).'
  },
  maxSpecs: {
    type: 'integer',
    minimum: 0,
    maximum: 10000,
    default: 20,
    description: 'Most specs, for the highest-RPN modes in JavaScript, TypeScript and Python.'
  },
  maxTableRows: {
    type: 'integer',
    minimum: 0,
    maximum: 100000,
    default: 500,
    description: 'Rows of the FMEA table kept in the details.'
  }
})

export type FailureOptions = OptionsOf<typeof OPTIONS>
