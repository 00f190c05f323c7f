// The big-picture perspective's options: types, ranges, defaults and descriptions (the README's options
// table is generated from them). The engine checks a user's values when the run starts.
import { defineOptions } from '../define.js'
import type { OptionsOf } from '../types.js'

export const OPTIONS = defineOptions({
  minPerspectives: {
    type: 'integer',
    minimum: 2,
    maximum: 14,
    default: 2,
    description: 'Files flagged by at least this many perspectives are hotspots.'
  },
  maxHotspots: {
    type: 'integer',
    minimum: 0,
    maximum: 1000,
    default: 10,
    description: 'Most hotspots reported as findings (the report lists the same ones).'
  },
  maxBacklog: {
    type: 'integer',
    minimum: 0,
    maximum: 1000,
    default: 15,
    description: 'Most entries in the prioritised spec backlog.'
  },
  maxListed: {
    type: 'integer',
    minimum: 0,
    maximum: 10000,
    default: 20,
    description: 'Most new and resolved findings listed by name (all are counted).'
  },
  coverageTarget: {
    type: 'integer',
    minimum: 0,
    maximum: 100,
    default: 60,
    description:
      'The readiness check on coverage passes at this share of functions reached by tests, in percent.'
  }
})

export type BigPictureOptions = OptionsOf<typeof OPTIONS>
