// The test-coverage perspective's options: types, ranges, defaults and descriptions (the README's options
// table is generated from them). The engine checks a user's values when the run starts.
import { defineOptions } from '../define.js'
import type { OptionsOf } from '../types.js'

export const OPTIONS = defineOptions({
  maxFindings: {
    type: 'integer',
    minimum: 0,
    default: 30,
    description: 'Most gap findings (functions with uncovered lines), highest risk first.'
  },
  maxFileFindings: {
    type: 'integer',
    minimum: 0,
    default: 15,
    description: 'Most `fileNotInReport` findings (source files missing from the coverage report).'
  },
  maxSpecs: {
    type: 'integer',
    minimum: 0,
    default: 10,
    description: 'Most specs, for the highest-risk gaps.'
  },
  maxGapsListed: {
    type: 'integer',
    minimum: 0,
    default: 50,
    description: 'Gaps listed in the details and report table.'
  }
})

export type TestCoverageOptions = OptionsOf<typeof OPTIONS>
