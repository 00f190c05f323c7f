// The scope perspective's options: types, ranges, defaults and descriptions (the README's options
// table is generated from them). The engine checks a user's values when the run starts.
import { defineOptions } from '../define.js'
import type { OptionsOf } from '../types.js'

export const OPTIONS = defineOptions({
  maxFindingsPerKind: {
    type: 'integer',
    minimum: 0,
    default: 25,
    description:
      'Most findings of each message id; the highest-ranked are kept (units by score, complex functions by complexity, large modules by size, entry points and routes by file).'
  },
  maxSpecs: {
    type: 'integer',
    minimum: 0,
    default: 10,
    description: 'Most smoke specs, for the highest-ranked untested units.'
  },
  largeModuleLines: {
    type: 'integer',
    minimum: 1,
    default: 300,
    description: 'A module with at least this many lines and no test importing it is reported.'
  },
  complexityThreshold: {
    type: 'integer',
    minimum: 1,
    default: 10,
    description:
      'A function with at least this cyclomatic complexity that no test reaches is reported.'
  },
  maxTargets: {
    type: 'integer',
    minimum: 0,
    default: 50,
    description: 'Ranked targets kept in the details (the report shows the first 15).'
  }
})

export type ScopeOptions = OptionsOf<typeof OPTIONS>
