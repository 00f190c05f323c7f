// Perspective options, checked when the run starts: each perspective declares its options as a JSON
// Schema (perspectives/<id>/options.ts); they are composed under the config file's `perspectives` key,
// and a bad value stops the run with a ConfigurationError that names the perspective, the option, the
// value and what the option accepts. Perspectives then get every option, typed, defaults applied.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import type { Perspective } from '../../perspectives/define.js'
import { optionDefaults } from '../../perspectives/define.js'
import type { OptionSpec, OptionsSchema } from '../../perspectives/types.js'
import { ConfigurationError } from '../util/errors.js'
import { didYouMean } from './suggest.js'

type AnyPerspective = Pick<Perspective<string, any>, 'meta' | 'options'>

/** The config file's schema with each perspective's options schema under `perspectives.<id>`. */
export function composeConfigSchema(
  base: { properties: Record<string, unknown> } & Record<string, unknown>,
  perspectives: readonly AnyPerspective[]
): Record<string, unknown> {
  const byId = Object.fromEntries(perspectives.map((p) => [p.meta.id, p.options]))
  return {
    ...base,
    properties: {
      ...base.properties,
      perspectives: {
        ...(base.properties.perspectives as object),
        additionalProperties: false,
        properties: byId
      }
    }
  }
}

/**
 * A value as an error may show it: numbers, true/false and null as they are; a string or a list only
 * by its kind and size, since the file is untrusted and its text is never echoed.
 */
export function valueText(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value)
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value) : 'a non-finite number'
  if (typeof value === 'string') return `a string (${[...value].length} characters)`
  if (Array.isArray(value)) return `a list of ${value.length}`
  return `a ${typeof value === 'object' ? 'map' : typeof value}`
}

function defaultText(spec: OptionSpec): string {
  return Array.isArray(spec.default) ? `[${spec.default.join(', ')}]` : String(spec.default)
}

/** What an option accepts, in words: `a whole number from 0 to 100`, `true or false`, `one of a, b`. */
export function acceptsText(spec: OptionSpec): string {
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const kind = spec.type === 'integer' ? 'a whole number' : 'a number'
      if (spec.minimum !== undefined && spec.maximum !== undefined)
        return `${kind} from ${spec.minimum} to ${spec.maximum}`
      const bounds: string[] = []
      if ('exclusiveMinimum' in spec && spec.exclusiveMinimum !== undefined)
        bounds.push(`above ${spec.exclusiveMinimum}`)
      else if (spec.minimum !== undefined) bounds.push(`of at least ${spec.minimum}`)
      if (spec.maximum !== undefined) bounds.push(`at most ${spec.maximum}`)
      return [kind, bounds.join(' and ')].filter(Boolean).join(' ')
    }
    case 'boolean':
      return 'true or false'
    case 'string':
      return `one of ${spec.enum.join(', ')}`
    case 'array':
      return spec.items.minLength ? 'a list of non-empty strings' : 'a list of strings'
  }
}

/** `maxSpecs takes a whole number of at least 0 (default 10)`. */
export function optionRule(name: string, spec: OptionSpec): string {
  return `${name} takes ${acceptsText(spec)} (default ${defaultText(spec)})`
}

function shownKey(key: string): string {
  const flat = [...key]
    .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? '?' : c))
    .join('')
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat
}

/**
 * Messages for the errors under `perspectives` (instance paths `/perspectives...`), one per option;
 * null for an error elsewhere. `data` is the whole validated document, to show the offending value.
 */
export function perspectiveOptionProblem(
  error: ErrorObject,
  data: unknown,
  perspectives: readonly AnyPerspective[]
): string | null {
  const path = error.instancePath.split('/').slice(1)
  if (path[0] !== 'perspectives') return null
  const ids = perspectives.map((p) => p.meta.id)
  if (path.length === 1 && error.keyword === 'additionalProperties') {
    const id = (error.params as { additionalProperty: string }).additionalProperty
    return `perspectives.${shownKey(id)}: unknown perspective id.${didYouMean(id, ids)} Use one of: ${ids.join(', ')}.`
  }
  const perspective = perspectives.find((p) => p.meta.id === path[1])
  if (!perspective) return null
  const id = perspective.meta.id
  const names = Object.keys(perspective.options.properties)
  if (path.length === 2 && error.keyword === 'additionalProperties') {
    const name = (error.params as { additionalProperty: string }).additionalProperty
    const known =
      names.length > 0 ? ` Options of ${id}: ${names.join(', ')}.` : ` ${id} has no options.`
    return `perspectives.${id}.${shownKey(name)}: unknown option of ${id}.${didYouMean(name, names)}${known}`
  }
  if (path.length < 3) return null
  const name = path[2]
  const spec = perspective.options.properties[name]
  if (!spec) return null
  const values = data as { perspectives: Record<string, Record<string, unknown>> }
  const value = values.perspectives[id][name]
  return `perspectives.${id}.${name}: ${valueText(value)} is not accepted: ${id}'s option ${optionRule(name, spec)}.`
}

const validators = new WeakMap<OptionsSchema, ValidateFunction>()

function validatorOf(schema: OptionsSchema): ValidateFunction {
  let validate = validators.get(schema)
  if (!validate) {
    validate = new Ajv({ allErrors: true, strict: true }).compile(schema)
    validators.set(schema, validate)
  }
  return validate
}

/**
 * A perspective's options as analyse receives them: the given ones checked against its schema, every
 * other at its default. The run validated the config file already; this keeps the promise for callers
 * that pass options directly (tests, the bench).
 */
export function resolveOptions<O>(perspective: AnyPerspective, given: unknown = {}): O {
  const validate = validatorOf(perspective.options)
  const data = { perspectives: { [perspective.meta.id]: given } }
  if (!validate(given)) {
    const problems = (validate.errors ?? []).map((e) =>
      perspectiveOptionProblem(
        { ...e, instancePath: `/perspectives/${perspective.meta.id}${e.instancePath}` },
        data,
        [perspective]
      )
    )
    throw new ConfigurationError(
      [
        ...new Set(
          problems.map((p) => p ?? `perspectives.${perspective.meta.id}: must be a map of options`)
        )
      ].join('; ')
    )
  }
  return { ...optionDefaults(perspective.options), ...(given as object) } as O
}
