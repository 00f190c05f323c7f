// Stage: read earlier results (the local folder always; the dataset when a Hugging Face token is
// given) before this run stores its own. Never fails the run: problems become log lines.
import { basename } from 'node:path'
import type { PlanRecord } from '../records/types.js'
import { readHistory, type HistorySnapshot } from '../history/read.js'
import { defaultDatasetName, resolveEndpoint } from '../sinks/huggingface.js'
import type { RunConfig } from '../config/types.js'
import type { Logger } from '../log.js'
import { stage } from './timing.js'
import { errorMessage } from '../util/errors.js'
import type { RunEnvironment } from './environment.js'

export function datasetName(config: RunConfig, env: RunEnvironment): string {
  return config.hfDataset ?? defaultDatasetName(env.env)
}

/** The name records carry: `owner/name` in the action, the folder name locally. */
export function repositoryName(config: RunConfig): string {
  return config.repository || basename(config.root)
}

export function hubEndpoint(config: RunConfig, env: RunEnvironment): string {
  return resolveEndpoint(config.hfEndpoint ?? undefined, env.env)
}

/** The newer record of each perspective across the sources. */
export function mergeSnapshots(snapshots: HistorySnapshot[]): HistorySnapshot {
  const latest = new Map<string, PlanRecord>()
  for (const snapshot of snapshots) {
    for (const [id, record] of snapshot.latest) {
      const known = latest.get(id)
      if (!known || known.timestamp < record.timestamp) latest.set(id, record)
    }
  }
  return {
    source: snapshots.map((s) => s.source).join(' and '),
    found: snapshots.some((s) => s.found),
    latest,
    problems: snapshots.flatMap((s) => s.problems)
  }
}

/**
 * Drops records of another repository: a dataset shared by several repositories (the default name is
 * per user) must not make one repository's findings look resolved or new in another's.
 */
export function forRepository(snapshot: HistorySnapshot, repository: string): HistorySnapshot {
  const latest = new Map<string, PlanRecord>()
  const others = new Map<string, string[]>()
  for (const [id, record] of snapshot.latest) {
    if (record.repository === repository) latest.set(id, record)
    else others.set(record.repository, [...(others.get(record.repository) ?? []), id])
  }
  const problems = [...others].map(
    ([other, ids]) =>
      `the latest results of ${ids.join(', ')} belong to ${other}, not ${repository}, so they are not compared with; give each repository its own dataset (hf-dataset) or results folder`
  )
  return { ...snapshot, latest, problems: [...snapshot.problems, ...problems] }
}

/** The perspective number of the most recent stored result, for the fallback cursor. */
export function latestPerspectiveNumber(snapshot: HistorySnapshot): number | null {
  let newest: PlanRecord | null = null
  for (const record of snapshot.latest.values()) {
    // An `all` run stores 15 records with one timestamp: the last in rotation order is the latest.
    const later =
      newest &&
      (newest.timestamp < record.timestamp ||
        (newest.timestamp === record.timestamp &&
          newest.perspective_number < record.perspective_number))
    if (!newest || later) newest = record
  }
  return newest ? newest.perspective_number : null
}

/**
 * The iteration the rotation is at by the stored results, for a cursor that is lost or unreadable: a
 * scheduled run advanced the counter after its record, an explicit one (or the CLI, which cannot tell) did not.
 */
export function nextIterationFromHistory(snapshot: HistorySnapshot): number | null {
  let newest: PlanRecord | null = null
  for (const record of snapshot.latest.values())
    if (!newest || newest.timestamp < record.timestamp) newest = record
  if (!newest || !Number.isInteger(newest.iteration) || newest.iteration < 1) return null
  return newest.trigger === 'schedule' ? newest.iteration + 1 : newest.iteration
}

export async function readEarlierResults(
  config: RunConfig,
  env: RunEnvironment,
  logger: Logger
): Promise<HistorySnapshot> {
  return stage(logger, 'Read earlier results', async () => {
    const sources = [readHistory({ kind: 'local', dir: config.outputDir })]
    if (config.hfToken && !config.dryRun) {
      sources.push(
        readHistory({
          kind: 'hub',
          dataset: datasetName(config, env),
          token: config.hfToken,
          endpoint: hubEndpoint(config, env),
          logger,
          ...env.net?.hub
        })
      )
    }
    let snapshots: HistorySnapshot[]
    try {
      snapshots = await Promise.all(sources)
    } catch (error) {
      logger.warning(
        `Earlier results could not be read (${errorMessage(error)}); new and resolved findings are not computed this time.`
      )
      return { source: 'none', found: false, latest: new Map(), problems: [] }
    }
    const merged = forRepository(mergeSnapshots(snapshots), repositoryName(config))
    for (const problem of merged.problems) logger.warning(`Earlier results: ${problem}`)
    logger.info(
      merged.latest.size > 0
        ? `${merged.latest.size} perspective(s) have earlier results (${merged.source})`
        : `No earlier results (${merged.source})`
    )
    return merged
  })
}
