// Stage between the perspectives and the records: observe and run the specs with the project's own
// runner (src/execute), put each spec's validation on it, and deliver the specs worth committing to
// the results folder's `specs/`, at the paths they belong in the repository.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import type { RunConfig } from '../config/types.js'
import type { Baselines } from '../execute/baseline.js'
import { riskAfterValidation } from '../engine/risk.js'
import type { PerspectiveRun } from '../engine/types.js'
import { validateSpecs, type StageOutcome } from '../execute/stage.js'
import type { ProbeTarget } from '../execute/probe-targets.js'
import type { Calibration } from './calibration.js'
import { heldProbedSpecs, withProbedDefects } from './probed-findings.js'
import { hasSettleable, settlePollutionFindings } from '../execute/settle-findings.js'
import type { Logger } from '../log.js'
import type { ValidationSummary } from '../report/types.js'
import { packageInits } from '../specs/python-packages.js'
import type { RenderTarget } from '../specs/types.js'
import { rankBacklogByCoverage } from './backlog-rank.js'
import { stage } from './timing.js'

export const SPECS_DIR = 'specs'

export async function validateRuns(
  config: RunConfig,
  runs: PerspectiveRun[],
  target: RenderTarget,
  logger: Logger,
  /** Whether a file is the product's code (coverage gain counts only those); default all. */
  countsForCoverage?: (path: string) => boolean,
  /** The suite's coverage measured before the perspectives (reach.ts), reused as the baseline. */
  baselines?: Baselines | null,
  /** Units to probe for defects (src/execute/probe.ts); probed only when failure-modes or edge-cases runs. */
  probes?: readonly ProbeTarget[],
  /** The judged calibration: a probed defect of a class it holds is held back, not delivered. */
  calibration?: Calibration
): Promise<{ runs: PerspectiveRun[]; summary: ValidationSummary }> {
  const items = runs.flatMap((run) =>
    run.specs.map((spec) => ({ spec, draft: run.drafts?.get(spec.id), perspectiveId: run.meta.id }))
  )
  const rel = relative(config.root, config.outputDir).split('\\').join('/')
  const homes = (['failure-modes', 'edge-cases'] as const).filter((id) =>
    runs.some((r) => r.meta.id === id)
  )
  const result = await stage(logger, 'Observe and run the specs', () =>
    validateSpecs(items, {
      workspace: config.root,
      exclude: rel && !rel.startsWith('..') ? [rel] : [],
      target,
      mode: config.validate ?? 'auto',
      // An input or flag overrides the config file's key of the same budget.
      ...budgets({ ...config.file.validation, ...config.validationBudget }),
      ...(countsForCoverage ? { countsForCoverage } : {}),
      ...(baselines ? { baselines } : {}),
      ...(probes && homes.length > 0 ? { probes, probeHomes: homes } : {}),
      secrets: [config.githubToken, config.hfToken].filter(Boolean)
    })
  )
  if (result.skipped) logger.info(`Specs not run: ${result.skipped}`)
  if (probes && probes.length > 0 && result.probed)
    logger.info(
      `Probed ${probes.length} module(s) by calling them: ${result.probed.filter((p) => p.defect).length} defect(s) observed, ${result.probed.filter((p) => p.defect && p.delivered).length} reported (their specs fail in every run); ${result.probed.filter((p) => !p.defect).length} round trip(s) that hold`
    )
  for (const note of result.notes) logger.warning(note)
  // A probed defect of a class the judged record holds is not a test to commit: its failing spec stays in the
  // records with the reason, and its finding is held back with its class.
  if (calibration) {
    for (const id of heldProbedSpecs(result.probed ?? [], calibration)) {
      const o = result.outcomes.get(id)
      if (!o) continue
      result.outcomes.set(id, {
        ...o,
        deliver: false,
        validation: {
          ...o.validation,
          claim: null,
          message: `held back by the judged calibration (its class's defects were judged mostly not real): ${o.validation.message ?? 'fails on the current code'}`
        }
      })
    }
  }
  // A prototype-pollution claim is settled by calling the function: confirmed, refuted (dropped) or left.
  const settled =
    config.validate === 'false' || !hasSettleable(runs)
      ? { runs, notes: [] }
      : await stage(logger, 'Settle prototype-pollution claims', () =>
          settlePollutionFindings(config.root, runs)
        )
  if (settled.notes.length > 0)
    logger.info(`Prototype pollution settled by calling the function: ${settled.notes.join('; ')}`)
  const updated = withProbedDefects(settled.runs, result.probed ?? [], calibration).map((run) => {
    const validated: PerspectiveRun = {
      ...run,
      specs: run.specs.map((spec) => {
        const o = result.outcomes.get(spec.id)
        return o ? { ...o.spec, validation: o.validation } : spec
      })
    }
    // A finding its spec refuted no longer weighs in the risk.
    return { ...validated, risk: riskAfterValidation(validated) }
  })
  // A spec that went with its refuted finding is neither delivered nor counted.
  const kept = new Set(settled.runs.flatMap((r) => r.specs.map((spec) => spec.id)))
  const gone = new Set(items.map((i) => i.spec.id).filter((id) => !kept.has(id)))
  const outcomes = [...result.outcomes.values()].filter((o) => !gone.has(o.spec.id))
  const delivered = outcomes.filter((o) => o.deliver)
  const ranked = rankBacklogByCoverage(
    updated,
    new Map(delivered.map((o) => [o.spec.id, o.validation.coverage_gain]))
  )
  let specsDir: string | null = null
  if (delivered.length > 0 && !config.dryRun) {
    await deliverSpecs(join(config.outputDir, SPECS_DIR), delivered)
    specsDir = relative(process.cwd(), join(config.outputDir, SPECS_DIR)) || SPECS_DIR
  }
  const defects = outcomes.filter((o) => o.validation.claim === 'defect' && o.deliver)
  const summary: ValidationSummary = {
    ready: delivered.length,
    confirming: delivered.filter((o) => o.validation.claim === 'confirmed').length,
    // Counted only when the suite's coverage was measured: null says "not measured", not "none".
    coverage: result.coverage?.measured
      ? delivered.filter((o) => (o.validation.coverage_gain ?? 0) > 0).length
      : null,
    ...(result.coverage && !result.coverage.measured && result.coverage.missing.length > 0
      ? { coverageNotMeasured: result.coverage.missing.join('; ') }
      : {}),
    pinning: delivered.filter((o) => o.validation.claim === null).length,
    defects: defects.map((o) => ({
      title: o.spec.title,
      file: o.spec.target.file,
      message: o.validation.message ?? 'fails on the current code'
    })),
    refuted: outcomes.filter((o) => o.validation.claim === 'refuted').length,
    planOnly: outcomes.filter((o) => (o.validation.message ?? '').startsWith('plan-only:')).length,
    planItems: countBy(outcomes.flatMap((o) => (o.planItem ? [o.planItem] : []))),
    skipped: result.skipped,
    specsDir
  }
  logger.info(
    `Validation: ${summary.ready} spec(s) ready to commit, ${defects.length} defect(s), ${summary.refuted} refuted, ${summary.planOnly} plan-only, ${Object.values(summary.planItems ?? {}).reduce((a, b) => a + b, 0)} kept as plan items, ${summary.coverage ?? 'unmeasured'} adding coverage (${result.millis} ms${result.coverage?.measured ? `, of which the suite's coverage ${result.coverage.millis} ms` : ''})`
  )
  return { runs: ranked, summary }
}

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const v of values) out[v] = (out[v] ?? 0) + 1
  return out
}

/** The config file's budgets (seconds) as the stage's options (milliseconds); defaults where unset. */
function budgets(given: RunConfig['file']['validation']): {
  totalMs?: number
  perFileMs?: number
  coverageMs?: number
} {
  return {
    ...(given?.totalSeconds === undefined ? {} : { totalMs: given.totalSeconds * 1000 }),
    ...(given?.perFileSeconds === undefined ? {} : { perFileMs: given.perFileSeconds * 1000 }),
    ...(given?.suiteSeconds === undefined ? {} : { coverageMs: given.suiteSeconds * 1000 })
  }
}

/** Replaces `dir` with the delivered spec files at their repository paths. */
export async function deliverSpecs(dir: string, delivered: readonly StageOutcome[]): Promise<void> {
  await rm(dir, { recursive: true, force: true })
  for (const o of delivered) {
    const target = join(dir, ...o.path.split('/'))
    if (relative(dir, target).startsWith('..')) continue
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, o.spec.code)
  }
  // Specs sharing a basename (`python_files = tests.py`) need their folders to be packages.
  for (const init of packageInits(delivered.map((o) => o.path)))
    await writeFile(join(dir, ...init.split('/')), '')
}
