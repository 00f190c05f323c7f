// Stage: store the run's records, first in the local results folder (always, unless dry-run), then
// in the Hugging Face dataset when a token is given. An upload failure keeps the local files and is
// reported to the caller, which keeps the cursor where it is.
import type { PlanRecord } from '../records/types.js'
import type { RunConfig } from '../config/types.js'
import type { Logger } from '../log.js'
import { stage } from './timing.js'
import { writeLocalResults, type LocalWriteResult } from '../sinks/local.js'
import { publishToHub, type HubResult } from '../sinks/huggingface.js'
import { errorMessage } from '../util/errors.js'
import type { RunEnvironment } from './environment.js'
import { datasetName, hubEndpoint } from './history.js'

export interface StoreResult {
  local: LocalWriteResult | null
  hub: HubResult | null
  /** Why the upload failed; the message never contains a token. */
  uploadError: string | null
  /** True when the results are everywhere they were meant to go (the cursor may advance). */
  complete: boolean
}

export async function storeResults(
  records: PlanRecord[],
  config: RunConfig,
  env: RunEnvironment,
  catalogue: { id: string; title: string }[],
  logger: Logger
): Promise<StoreResult> {
  if (config.dryRun) {
    logger.info('dry-run: nothing is written (no local results, no upload, cursor untouched)')
    return { local: null, hub: null, uploadError: null, complete: false }
  }
  const dataset = datasetName(config, env)
  const local = await stage(logger, 'Store results locally', async () => {
    const written = await writeLocalResults(config.outputDir, records, {
      dataset,
      perspectives: catalogue
    })
    logger.info(`Wrote ${written.files.length} files to ${config.outputDir}`)
    return written
  })
  if (!config.hfToken) return { local, hub: null, uploadError: null, complete: true }
  return stage(logger, 'Upload to the Hugging Face dataset', async () => {
    try {
      const hub = await publishToHub(records, {
        token: config.hfToken,
        dataset,
        endpoint: hubEndpoint(config, env),
        private: config.hfPrivate,
        perspectives: catalogue,
        logger,
        ...env.net?.hub
      })
      logger.info(`Uploaded to ${hub.datasetUrl} (${hub.commitUrl})`)
      return { local, hub, uploadError: null, complete: true }
    } catch (error) {
      const message = errorMessage(error).split(config.hfToken).join('***')
      logger.error(
        `Upload to the dataset ${dataset} failed: ${message}. The local results are kept and the cursor stays, so the next run retries.`
      )
      return { local, hub: null, uploadError: message, complete: false }
    }
  })
}
