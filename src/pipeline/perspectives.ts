// Stage 5: run the chosen perspectives over the model. One that fails is recorded as failed and the
// others still run (runPerspective never throws for a perspective's own error).
import { needs, type Perspective } from '../../perspectives/define.js'
import type { PreviousResult } from '../../perspectives/types.js'
import { runPerspective } from '../engine/run-perspective.js'
import type { PerspectiveRun } from '../engine/types.js'
import type { CodeModel } from '../model/types.js'
import type { RenderTarget } from '../specs/types.js'
import type { Logger } from '../log.js'
import type { BaseInput } from './base.js'
import { assembleResults, type ResultsPlan } from './results.js'
import { DEFAULT_CALIBRATION, holdBack, rateByWorth, type Calibration } from './calibration.js'
import { stage } from './timing.js'
import { errorMessage } from '../util/errors.js'

export interface PerspectiveInputs {
  model: CodeModel
  target: RenderTarget
  now: string
  history: PreviousResult[]
  options: Record<string, Record<string, unknown>>
  /** `surface.include` of the config file: file classes or globs that widen the product view (engine/product-view.ts). */
  surfaceInclude?: readonly string[]
  /** File text by repository-relative path, for quoting evidence. */
  source: (path: string) => string | undefined
  /** The base for perspectives whose meta.needs includes 'base' (prepared by plan.ts only when one of them runs). */
  base?: BaseInput
  /** For perspectives that need 'results': what history gives and what this run computes (plan.ts). */
  results?: { plan: ResultsPlan; all: readonly Perspective<string, any>[]; commit: string | null }
  /** The judged calibration (classes held back); the default table when absent. */
  calibration?: Calibration
}

export async function runPerspectives(
  perspectives: readonly Perspective<string, any>[],
  inputs: PerspectiveInputs,
  logger: Logger
): Promise<PerspectiveRun[]> {
  return stage(
    logger,
    `Run ${perspectives.length === 1 ? `perspective ${perspectives[0].meta.id}` : `${perspectives.length} perspectives`}`,
    async () => {
      const runs: PerspectiveRun[] = []
      for (const perspective of perspectives) {
        const { meta } = perspective
        let run: PerspectiveRun
        try {
          run = await runPerspective(perspective, {
            model: inputs.model,
            target: inputs.target,
            now: inputs.now,
            history: inputs.history,
            source: inputs.source,
            base: needs(meta, 'base')
              ? (inputs.base ?? { unavailable: 'no base was prepared for this run' })
              : undefined,
            ...(needs(meta, 'results') && inputs.results
              ? {
                  results: assembleResults(
                    inputs.results.all,
                    inputs.results.plan,
                    runs,
                    inputs.now,
                    inputs.results.commit
                  ),
                  resultsMaxAgeDays: inputs.results.plan.maxAgeDays
                }
              : {}),
            options: inputs.options[meta.id] ?? {},
            ...(inputs.surfaceInclude ? { surfaceInclude: inputs.surfaceInclude } : {})
          })
        } catch (error) {
          // Rendering or id finalisation failed: still the perspective's run, recorded as failed.
          run = {
            meta,
            status: 'failed',
            error: `${meta.id} failed: ${errorMessage(error)}`,
            findings: [],
            specs: [],
            metrics: {},
            details: null,
            report: null,
            risk: 0,
            millis: 0
          }
        }
        // Held before big-picture reads the runs: its hotspots and backlog stand on reported findings only.
        run = holdBack(run, inputs.calibration ?? DEFAULT_CALIBRATION)
        // True classes judges rarely found worth acting on (CI hygiene, help text) are rated info.
        run = rateByWorth(run, inputs.calibration ?? DEFAULT_CALIBRATION)
        if (run.status === 'ok') {
          logger.info(
            `${meta.number} ${meta.id}: ${run.findings.length} findings${run.held?.length ? ` (${run.held.length} held back by the judged calibration)` : ''}, ${run.specs.length} specs, risk ${run.risk}/100 (${run.millis} ms)`
          )
        } else if (run.status === 'not-implemented') {
          logger.info(
            `${meta.number} ${meta.id}: not implemented yet; nothing analysed, nothing invented`
          )
        } else {
          logger.error(`${meta.number} ${meta.id}: ${run.error}`)
        }
        runs.push(run)
      }
      return runs
    }
  )
}
