// definePerspective(): typed metadata, the options as a JSON Schema, and a pure analyse(). A
// perspective never does I/O and never parses its options: the engine checks them when the run
// starts (src/config/options.ts) and hands analyse typed values with the defaults applied.
import type {
  AnalyseContext,
  AnalyseOutput,
  OptionSpec,
  OptionsSchema,
  PerspectiveMeta
} from './types.js'

export interface Perspective<M extends string = string, O = Record<string, unknown>> {
  meta: PerspectiveMeta<M>
  /** The options it takes (defineOptions): type, range, default and description of each. */
  options: OptionsSchema
  analyse(context: AnalyseContext<O>): AnalyseOutput<M> | Promise<AnalyseOutput<M>>
}

export function definePerspective<M extends string, O = Record<string, never>>(
  perspective: Perspective<M, O>
): Perspective<M, O> {
  const { meta } = perspective
  if (!Number.isInteger(meta.number) || meta.number < 1 || meta.number > 15) {
    throw new Error(`perspective ${meta.id}: number must be 1-15, got ${meta.number}`)
  }
  for (const [name, spec] of Object.entries(perspective.options.properties)) {
    if (!('default' in spec) || spec.description.trim() === '') {
      throw new Error(`perspective ${meta.id}: option ${name} needs a default and a description`)
    }
  }
  return perspective
}

/** A perspective's options schema; `OptionsOf<typeof schema>` is the type analyse receives. */
export function defineOptions<const P extends Record<string, OptionSpec>>(
  properties: P
): OptionsSchema<P> {
  return { type: 'object', additionalProperties: false, properties }
}

/** Every option at its default (lists copied, so a perspective cannot change the schema's). */
export function optionDefaults(schema: OptionsSchema): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema.properties).map(([name, spec]) => [
      name,
      Array.isArray(spec.default) ? [...spec.default] : spec.default
    ])
  )
}

/** Whether the engine must prepare `input` for the perspective (PerspectiveMeta.needs). */
export function needs(
  meta: PerspectiveMeta,
  input: NonNullable<PerspectiveMeta['needs']>[number]
): boolean {
  return meta.needs?.includes(input) ?? false
}

/** Used by perspectives whose issue has not landed: no findings, and the run says why. */
export function notImplemented(): AnalyseOutput<never> {
  return { findings: [], specs: [], metrics: {}, details: null }
}
