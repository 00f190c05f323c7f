// The big-picture perspective's options and their defaults (documented in README.md).
import { checkWholeNumbers } from '../shared/options.js'

export interface BigPictureOptions {
  /** Files flagged by at least this many perspectives are hotspots. */
  minPerspectives: number
  /** Most hotspots reported as findings (the report lists the same ones). */
  maxHotspots: number
  /** Most entries in the prioritised spec backlog. */
  maxBacklog: number
  /** Most new and resolved findings listed by name (all are counted). */
  maxListed: number
  /** The readiness check on coverage passes at this share of functions reached by tests, in percent. */
  coverageTarget: number
}

export const DEFAULT_OPTIONS: BigPictureOptions = {
  minPerspectives: 2,
  maxHotspots: 10,
  maxBacklog: 15,
  maxListed: 20,
  coverageTarget: 60
}

const RANGES: Record<keyof BigPictureOptions, [number, number]> = {
  minPerspectives: [2, 14],
  maxHotspots: [0, 1000],
  maxBacklog: [0, 1000],
  maxListed: [0, 10000],
  coverageTarget: [0, 100]
}

/** Options arrive from the user's config file: each must be a whole number in its range. */
export function validateOptions(options: BigPictureOptions): BigPictureOptions {
  return checkWholeNumbers('big-picture', options, DEFAULT_OPTIONS, RANGES)
}
