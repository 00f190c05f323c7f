// definePerspective(): typed metadata plus a pure analyse(). A perspective never does I/O.
import type { AnalyseContext, AnalyseOutput, PerspectiveMeta } from './types.js'

export interface Perspective<M extends string = string, O = Record<string, unknown>> {
  meta: PerspectiveMeta<M>
  defaultOptions: O
  analyse(context: AnalyseContext<O>): AnalyseOutput<M> | Promise<AnalyseOutput<M>>
}

export function definePerspective<M extends string, O = Record<string, never>>(
  perspective: Perspective<M, O>
): Perspective<M, O> {
  const { meta } = perspective
  if (!Number.isInteger(meta.number) || meta.number < 1 || meta.number > 15) {
    throw new Error(`perspective ${meta.id}: number must be 1-15, got ${meta.number}`)
  }
  return perspective
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
