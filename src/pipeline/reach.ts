// Stage between the model and the perspectives: when no coverage report was supplied, run the project's
// suite once under coverage (src/execute/measure-reach.ts) so that "tested" is measured, not estimated.
// The measurement joins the model's facts as one more coverage report and is kept as the baseline for
// coverage gain.
import { relative } from 'node:path'
import type { RunConfig } from '../config/types.js'
import type { Baselines } from '../execute/baseline.js'
import { measureSuiteReach } from '../execute/measure-reach.js'
import type { Logger } from '../log.js'
import type { Analysis } from './analyse.js'
import { stage } from './timing.js'

/** The suite's budget when the config file sets none: 5 minutes, or a third of the total when less. */
export function suiteBudgetMs(config: RunConfig): number {
  // The inputs and flags override the config file's `validation` keys, as for the other budgets.
  const given = { ...config.file.validation, ...config.validationBudget }
  if (given?.suiteSeconds !== undefined) return given.suiteSeconds * 1000
  const totalMs = given?.totalSeconds !== undefined ? given.totalSeconds * 1000 : 15 * 60_000
  return Math.min(5 * 60_000, Math.round(totalMs / 3))
}

export async function measureReach(
  config: RunConfig,
  analysis: Analysis,
  timestamp: string,
  files: { shipped: (path: string) => boolean; source: (path: string) => string | undefined },
  logger: Logger
): Promise<Baselines | null> {
  if (analysis.model.facts.coverage.length > 0) return null
  const rel = relative(config.root, config.outputDir).split('\\').join('/')
  const outcome = await stage(logger, "Measure the suite's test reach", () =>
    measureSuiteReach({
      workspace: config.root,
      exclude: rel && !rel.startsWith('..') ? [rel] : [],
      target: analysis.target,
      mode: config.validate ?? 'auto',
      secrets: [config.githubToken, config.hfToken].filter(Boolean),
      budgetMs: suiteBudgetMs(config),
      modules: analysis.model.modules,
      text: files.source,
      shipped: files.shipped,
      now: timestamp
    })
  )
  logger.info(`Test reach: ${outcome.note} (${outcome.millis} ms)`)
  if (outcome.report) analysis.model.facts.coverage.push(outcome.report)
  return outcome.baselines
}
