// Checks the whole-number options a perspective takes from the user's config file: every option whose
// default is a whole number must be one, in its range; the error names the perspective, the option, the
// value and the default. Options of other kinds (flags, fractions, choices) are checked by their owner.
import { ConfigurationError } from '../../src/util/errors.js'

/** A lower bound, or [lower, upper]. Whole-number options not listed must be at least 0. */
export type WholeNumberLimits<O> = Partial<Record<keyof O, number | [number, number]>>

export function checkWholeNumbers<O extends object>(
  perspective: string,
  options: O,
  defaults: O,
  limits: WholeNumberLimits<O> = {}
): O {
  for (const name of Object.keys(defaults) as (keyof O & string)[]) {
    if (!Number.isInteger(defaults[name])) continue
    const limit = limits[name] ?? 0
    const [min, max] = Array.isArray(limit) ? limit : [limit, Infinity]
    const value = options[name] as unknown
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`
      throw new ConfigurationError(
        `${perspective} option '${name}' must be a whole number ${range}, got ${JSON.stringify(value)} (default ${JSON.stringify(defaults[name])})`
      )
    }
  }
  return options
}
