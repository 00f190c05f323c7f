// One planning run as a sequence of stages, shared by the action (main.ts) and the CLI (cli.ts):
// earlier results -> perspective choice (cursor) -> repository and model -> perspectives -> records
// -> local folder and dataset -> cursor -> what the reports need. No logic of its own beyond order.
import { relative, isAbsolute } from 'node:path'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { needs, type Perspective } from '../../perspectives/define.js'
import type { PerspectiveMeta } from '../../perspectives/types.js'
import type { RunConfig } from '../config/types.js'
import { advanceRotation } from '../cursor/rotation.js'
import type { PerspectiveRun } from '../engine/types.js'
import { compareWithPrevious, previousResults } from '../history/read.js'
import type { Logger } from '../log.js'
import { buildRecord } from '../records/build.js'
import { assertValidRecords } from '../records/schema.js'
import type { PlanRecord } from '../records/types.js'
import { classOf } from '../model/surface.js'
import { isShippedPath } from '../report/shipped.js'
import type { HistoryDelta, SummaryInput } from '../report/types.js'
import { analyseRepository, outputExcludes, type Analysis } from './analyse.js'
import { prepareBase, type BaseInput } from './base.js'
import { selectPerspectives } from './cursor.js'
import type { RunEnvironment } from './environment.js'
import {
  latestPerspectiveNumber,
  nextIterationFromHistory,
  readEarlierResults,
  repositoryName
} from './history.js'
import { runPerspectives } from './perspectives.js'
import { measureReach } from './reach.js'
import { planResults, withComputed, type ResultsPlan } from './results.js'
import { storeResults, type StoreResult } from './store.js'
import { thresholdMessage } from './threshold.js'
import { validateRuns } from './validate.js'
import { DEFAULT_CALIBRATION, restoreDefects } from './calibration.js'
import { stage } from './timing.js'
import { claimResultsFolder, cleanLeftoverTemps } from '../sinks/results-folder.js'
import { registerSecret } from '../util/redact.js'
import { TOOL_VERSION } from './version.js'
import { probeTargets } from '../execute/probe-targets.js'

export interface PlanOutcome {
  records: PlanRecord[]
  runs: PerspectiveRun[]
  summary: SummaryInput
  /** The perspective the next rotation run takes. */
  next: PerspectiveMeta
  iteration: number
  stored: StoreResult
  /** Set when the fail-on threshold is crossed. */
  threshold: string | null
  /** Set when the step must fail although the plan was made (an upload failure with upload-failure=fail). */
  failure: string | null
  millis: number
}

function displayPath(path: string, base: string): string {
  const rel = relative(base, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}

export async function runPlan(
  config: RunConfig,
  env: RunEnvironment,
  logger: Logger,
  perspectives: readonly Perspective<string, any>[] = PERSPECTIVES,
  now: () => Date = () => new Date()
): Promise<PlanOutcome> {
  const started = performance.now()
  const timestamp = now().toISOString()
  const metas = perspectives.map((p) => p.meta)
  const catalogue = metas.map((m) => ({ id: m.id, title: m.title }))
  // The tokens are replaced wherever they might appear; the results folder is checked before any use.
  registerSecret(config.githubToken)
  registerSecret(config.hfToken)
  claimResultsFolder(config.outputDir, { root: config.root, checkOnly: config.dryRun })
  if (!config.dryRun) {
    const removed = cleanLeftoverTemps(config.outputDir)
    if (removed > 0)
      logger.info(
        `Removed ${removed} temporary file(s) left in ${config.outputDir} by an interrupted run`
      )
  }

  const history = await readEarlierResults(config, env, logger)
  const selection = await selectPerspectives(
    config,
    env,
    perspectives,
    {
      latestPerspective: latestPerspectiveNumber(history),
      runNumber: env.runNumber,
      nextIteration: nextIterationFromHistory(history)
    },
    logger
  )
  const resultsPlan = selection.perspectives.some((p) => needs(p.meta, 'results'))
    ? planResults(selection.perspectives, perspectives, history, timestamp, config.maxResultAgeDays)
    : null
  if (resultsPlan) logResultsPlan(resultsPlan, logger)
  const toRun = withComputed(selection.perspectives, perspectives, resultsPlan)
  const analysis: Analysis = await analyseRepository(config, logger)
  // Shipped code is the product: coverage gain, measured reach and the report's ranking count those
  // files. The product surface decides; a path it does not know falls back to the path convention.
  const shipped = (path: string): boolean => {
    const cls = classOf(analysis.model.surface, path)
    return cls === undefined ? isShippedPath(path) : cls === 'shipped'
  }
  const texts = new Map(analysis.repo.files.map((f) => [f.path, f.text]))
  const source = (path: string): string | undefined => texts.get(path)
  const baselines = await measureReach(config, analysis, timestamp, { shipped, source }, logger)
  const base = toRun.some((p) => needs(p.meta, 'base'))
    ? await readBase(config, history.latest.get('backwards-compat')?.commit ?? null, logger)
    : undefined
  const calibration = {
    ...DEFAULT_CALIBRATION,
    report: config.file.calibration?.report ?? DEFAULT_CALIBRATION.report
  }
  const perspectiveRuns = await runPerspectives(
    toRun,
    {
      model: analysis.model,
      target: analysis.target,
      now: timestamp,
      history: previousResults(history),
      options: config.file.perspectives,
      ...(config.file.surface?.include ? { surfaceInclude: config.file.surface.include } : {}),
      source,
      calibration,
      ...(base ? { base } : {}),
      ...(resultsPlan
        ? {
            results: {
              plan: resultsPlan,
              all: perspectives,
              commit: analysis.facts.git.head ?? env.sha
            }
          }
        : {})
    },
    logger
  )

  // The one place the project's own code runs (validate: auto|true|false).
  // Coverage gain counts the product's code: what a spec runs of a test helper is no gain.
  const validated = await validateRuns(
    config,
    perspectiveRuns,
    analysis.target,
    logger,
    shipped,
    baselines,
    probeTargets(analysis.model, shipped),
    calibration
  )
  // A held finding whose spec showed a defect is established: it is reported after all.
  const runs = validated.runs.map(restoreDefects)
  const repository = repositoryName(config)
  const records = runs.map((run) =>
    buildRecord(run, {
      toolVersion: TOOL_VERSION,
      iteration: selection.iteration,
      timestamp,
      repository,
      commit: analysis.facts.git.head ?? env.sha,
      ref: analysis.facts.git.branch ?? env.ref,
      runId: env.runId,
      trigger: selection.trigger,
      framework: analysis.target.framework,
      filesAnalysed: analysis.model.stats.files,
      linesAnalysed: analysis.model.stats.lines,
      skipped: analysis.repo.skipped,
      timings: analysis.timings
    })
  )
  assertValidRecords(records)

  const stored = await storeResults(records, config, env, catalogue, logger)
  let nextNumber = selection.info.next
  if (selection.advances && stored.complete) {
    const moved = await advanceRotation(selection.rotation, metas, logger)
    if (!moved) nextNumber = selection.info.current
  } else if (selection.advances) {
    nextNumber = selection.info.current
    logger.info(
      'The cursor stays where it is: the results were not stored everywhere, so the next run retries this perspective.'
    )
  }
  const warning =
    selection.rotation.warnings.length > 0 ? selection.rotation.warnings.join(' ') : undefined

  const delta: Record<string, HistoryDelta | null> = {}
  for (const record of records) {
    const diff = compareWithPrevious(history, record)
    delta[record.perspective_id] = diff
      ? { newFindings: diff.newIds.length, resolvedFindings: diff.resolvedIds.length }
      : null
  }
  const skipped: Record<string, number> = {}
  for (const [reason, s] of Object.entries(analysis.repo.skipped))
    if (s.count > 0) skipped[reason] = s.count
  const summary: SummaryInput = {
    repository,
    serverUrl: config.repository ? env.serverUrl : '',
    commit: records[0]?.commit ?? null,
    ref: records[0]?.ref ?? null,
    runUrl: env.runUrl,
    trigger: selection.trigger,
    ...(resultsPlan && resultsPlan.compute.length > 0
      ? { computedForSummary: resultsPlan.compute.map((c) => c.perspective.meta.id) }
      : {}),
    toolVersion: TOOL_VERSION,
    rotation: { ...selection.info, next: nextNumber, warning },
    stored: {
      localDir: displayPath(
        config.outputDir,
        env.kind === 'action' ? (env.env.GITHUB_WORKSPACE ?? process.cwd()) : process.cwd()
      ),
      datasetUrl: stored.hub?.datasetUrl,
      commitUrl: stored.hub?.commitUrl,
      uploadError: stored.uploadError ?? undefined,
      ...(stored.local?.dataFile
        ? {
            resultsFile: displayPath(
              stored.local.dataFile,
              env.kind === 'action' ? (env.env.GITHUB_WORKSPACE ?? process.cwd()) : process.cwd()
            )
          }
        : {})
    },
    skipped,
    model: {
      files: analysis.model.stats.files,
      lines: analysis.model.stats.lines,
      millis: analysis.timings.model,
      ...(analysis.model.stats.syntaxErrorFiles
        ? { syntaxErrors: analysis.model.stats.syntaxErrorFiles }
        : {})
    },
    history: delta,
    runs,
    testLayout: {
      framework: analysis.target.framework,
      language: analysis.target.language,
      reason: analysis.targetReason,
      notes: analysis.target.layout?.notes ?? []
    },
    validation: validated.summary,
    isShipped: shipped
  }
  const failure =
    stored.uploadError && config.uploadFailure === 'fail'
      ? `The results could not be uploaded to the Hugging Face dataset: ${stored.uploadError}. They are kept in ${config.outputDir} and the next run retries (set upload-failure: warn to not fail the step).`
      : null
  return {
    records,
    runs,
    summary,
    next: metas.find((m) => m.number === nextNumber) ?? metas[0],
    iteration: selection.iteration,
    stored,
    threshold: thresholdMessage(runs, config.failOn),
    failure,
    millis: Math.round(performance.now() - started)
  }
}

function logResultsPlan(plan: ResultsPlan, logger: Logger): void {
  const why = {
    'computed-missing': 'no stored result',
    'computed-stale': `stored result older than ${plan.maxAgeDays} days`,
    'computed-failed': 'stored result had failed'
  }
  for (const { perspective, origin } of plan.compute)
    logger.info(`${perspective.meta.id}: computed now for the big picture (${why[origin]})`)
  if (plan.stored.size > 0)
    logger.info(
      `${plan.stored.size} stored result(s) recent enough to use: ${[...plan.stored.keys()].join(', ')}`
    )
}

/** The repository at the base ref, for perspectives that compare (backwards-compat); read with git, no checkout. */
async function readBase(
  config: RunConfig,
  previousCommit: string | null,
  logger: Logger
): Promise<BaseInput> {
  return stage(logger, 'Read the base version', async () => {
    const prepared = await prepareBase(
      config.root,
      { baseRef: config.baseRef, previousCommit },
      {
        maxFileBytes: config.maxFileBytes,
        include: config.file.include.length > 0 ? config.file.include : undefined,
        exclude: [...config.file.exclude, ...outputExcludes(config.root, config.outputDir)]
      }
    )
    if ('unavailable' in prepared.base)
      logger.warning(`No base to compare with: ${prepared.base.unavailable}`)
    else
      logger.info(
        `Base ${prepared.base.ref}${prepared.base.commit ? ` (${prepared.base.commit.slice(0, 12)})` : ''}: ${prepared.files} source files read with git in ${prepared.millis} ms`
      )
    return prepared.base
  })
}
