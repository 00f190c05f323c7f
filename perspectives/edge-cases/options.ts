// The edge-cases perspective's options: types, ranges, defaults and descriptions (the README's options
// table is generated from them). The engine checks a user's values when the run starts.
import { defineOptions } from '../define.js'
import type { OptionsOf } from '../types.js'

export const OPTIONS = defineOptions({
  maxFindingsPerKind: {
    type: 'integer',
    minimum: 0,
    default: 25,
    description: 'Most findings kept per message id; the metrics count all.'
  },
  maxSpecs: {
    type: 'integer',
    minimum: 0,
    default: 40,
    description:
      'Most table-driven specs, for the exported functions with the most code-derived boundaries; as many again for functions with lines a measured run of the suite never ran.'
  },
  maxFunctions: {
    type: 'integer',
    minimum: 0,
    default: 300,
    description: 'Functions kept in the catalogue of the details (the report shows the first 15).'
  },
  maxValuesPerParam: {
    type: 'integer',
    minimum: 1,
    default: 14,
    description: 'Most boundary values listed per parameter (values from the code come first).'
  },
  longStringLength: {
    type: 'integer',
    minimum: 1,
    default: 10000,
    description: 'Length of the "very long" string value.'
  }
})

export type EdgeOptions = OptionsOf<typeof OPTIONS>
