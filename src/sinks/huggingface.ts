// Stores a run in the Hugging Face dataset (BRIEF section 6): the dataset is created when missing,
// and the run's files plus the dataset card go up in ONE commit. Transient failures are retried
// inside a time budget; a commit is never applied twice (see commitOnce).
import { commit, createRepo, listFiles, repoExists, type CommitOperation } from '@huggingface/hub'
import { buildDatasetCard } from '../records/card.js'
import { CARD_PATH, LATEST_DIR, dataFilePath, runFiles } from '../records/layout.js'
import { assertValidRecords } from '../records/schema.js'
import type { PlanRecord } from '../records/types.js'
import { withRetry } from '../net/retry.js'
import { redactText } from '../util/redact.js'
import {
  connect,
  libParams,
  readText,
  type HubConnectionOptions,
  type HubContext
} from './hub-client.js'
import { HubError, isTransientHubError, statusOf, toHubError } from './hub-errors.js'

export { defaultDatasetName, resolveEndpoint, DEFAULT_ENDPOINT } from './hub-client.js'
export { HubError } from './hub-errors.js'

export interface HubOptions extends HubConnectionOptions {
  /** A token with write access to the dataset (HF_TOKEN). Never logged. */
  token: string
  /** owner/name; see defaultDatasetName(env). */
  dataset: string
  /** Create the dataset private when it does not exist (default false: public). Never changes an existing one. */
  private?: boolean
  /** All perspectives in rotation order, to title and order the card's configs. */
  perspectives?: { id: string; title: string }[]
  /** SPDX id for the card when the analysed repository's license is known; default `other`. */
  license?: string
}

export interface HubResult {
  datasetUrl: string
  commitUrl: string
  commitOid: string
  /** True when this run created the dataset. */
  created: boolean
  /** Paths written by the commit. */
  files: string[]
}

/** Publishes one run. Throws HubError (token-free message) when the run could not be stored. */
export async function publishToHub(records: PlanRecord[], options: HubOptions): Promise<HubResult> {
  if (records.length === 0) throw new Error('publishToHub needs at least one record')
  // Nothing that breaks the dataset's column types goes up (throws InvalidRecordError).
  assertValidRecords(records)
  const isCommitCall = (method: string, url: URL): boolean =>
    method === 'POST' && /\/commit\/[^/]+$/.test(url.pathname)
  // The commit request is not repeated by the fetch layer: commitOnce checks whether it landed first.
  const ctx = connect(options.dataset, options.token, options, isCommitCall)
  if (!ctx.accessToken)
    throw new HubError(
      'Uploading to Hugging Face needs a token: save one with write access as the HF_TOKEN secret.',
      'permission',
      null
    )
  const dataset = ctx.repo.name
  const datasetUrl = `${ctx.hubUrl}/datasets/${dataset}`
  const files = runFiles(records)
  const dataPath = dataFilePath(records[0].timestamp, records[0].run_id)
  let step = 'checking that the dataset exists'
  try {
    const created = await ensureDataset(ctx, options.private ?? false)
    step = 'reading the dataset card and latest results'
    const [existingIds, currentCard]: [string[], string | null] = created
      ? [[], null]
      : await Promise.all([latestIds(ctx), readText(ctx, CARD_PATH)])

    const card = buildDatasetCard({
      dataset,
      repository: records[0].repository,
      perspectives: cardPerspectives(existingIds, records, options.perspectives),
      license: options.license
    })
    if (card !== currentCard) files.push({ path: CARD_PATH, content: card })
    else ctx.logger.debug('Dataset card unchanged')

    step = 'committing the run'
    const oid = await commitOnce(
      ctx,
      files,
      commitTitle(records),
      commitDescription(records, dataPath),
      dataPath
    )
    ctx.logger.info(`Committed ${files.length} file(s) to ${datasetUrl} (${oid.slice(0, 7)})`)
    return {
      datasetUrl,
      commitUrl: `${datasetUrl}/commit/${oid}`,
      commitOid: oid,
      created,
      files: files.map((f) => f.path)
    }
  } catch (error) {
    throw toHubError(error, step, dataset, options.token)
  }
}

async function ensureDataset(ctx: HubContext, isPrivate: boolean): Promise<boolean> {
  if (await repoExists(libParams(ctx))) return false
  ctx.logger.info(`Creating the dataset ${ctx.repo.name} (${isPrivate ? 'private' : 'public'})`)
  try {
    await createRepo({
      ...libParams(ctx),
      accessToken: ctx.accessToken!,
      visibility: isPrivate ? 'private' : 'public'
    })
    return true
  } catch (error) {
    // 409: it exists after all (created meanwhile, or private and hidden from repoExists).
    if (statusOf(error) === 409) return false
    throw error
  }
}

/** Perspective ids that have a latest file in the dataset; none when the folder does not exist. */
async function latestIds(ctx: HubContext): Promise<string[]> {
  const ids: string[] = []
  try {
    for await (const entry of listFiles({ ...libParams(ctx), path: LATEST_DIR })) {
      const name = entry.path.slice(LATEST_DIR.length + 1)
      if (entry.type === 'file' && name.endsWith('.json') && !name.includes('/'))
        ids.push(name.slice(0, -'.json'.length))
    }
  } catch (error) {
    if (statusOf(error) !== 404) throw error
  }
  return ids
}

/** The card lists the perspectives whose latest file will exist after this commit, in rotation order. */
export function cardPerspectives(
  existingIds: string[],
  records: PlanRecord[],
  catalogue: { id: string; title: string }[] = []
): { id: string; title: string }[] {
  const titles = new Map<string, string>()
  for (const r of records) titles.set(r.perspective_id, r.perspective_name)
  for (const p of catalogue) titles.set(p.id, p.title)
  const present = new Set([...existingIds, ...records.map((r) => r.perspective_id)])
  const order = [...catalogue.map((p) => p.id), ...[...present].sort()]
  const seen = new Set<string>()
  const out: { id: string; title: string }[] = []
  for (const id of order) {
    if (!present.has(id) || seen.has(id)) continue
    seen.add(id)
    out.push({ id, title: titles.get(id) ?? id })
  }
  return out
}

export function commitTitle(records: PlanRecord[]): string {
  const ids = records.map((r) => r.perspective_id)
  const what = ids.length <= 3 ? ids.join(', ') : `${ids.length} perspectives`
  const at = records[0].commit ? records[0].commit.slice(0, 7) : 'working tree'
  return `test-planning: ${what} @ ${at}`
}

function commitDescription(records: PlanRecord[], dataPath: string): string {
  const r = records[0]
  return `Run ${r.run_id} (${r.trigger}) on ${r.repository}${r.ref ? ` ${r.ref}` : ''}: ${records.length} row(s) in ${dataPath}.`
}

/**
 * Makes the commit, retrying transient failures. A failed answer does not prove the commit did not
 * land (a gateway can lose the answer), so before each retry we look for this run's data file,
 * whose path is unique to the run: when it is there, that commit is ours and we stop.
 */
async function commitOnce(
  ctx: HubContext,
  files: { path: string; content: string }[],
  title: string,
  description: string,
  dataPath: string
): Promise<string> {
  const operations: CommitOperation[] = files.map((f) => ({
    operation: 'addOrUpdate',
    path: f.path,
    content: new Blob([redactText(f.content)])
  }))
  return withRetry(
    async () => {
      const output = await commit({
        ...libParams(ctx),
        operations,
        title,
        description,
        useXet: false
      })
      if (!output?.commit.oid) throw new Error('the Hub answered the commit without a commit id')
      return output.commit.oid
    },
    {
      ...ctx.policy,
      isRetryable: isTransientHubError,
      beforeRetry: async () => {
        const landed = await landedCommit(ctx, dataPath)
        if (landed)
          ctx.logger.warning(
            `The commit landed although its answer failed (${landed.slice(0, 7)}); not committing again`
          )
        return landed
      }
    }
  )
}

/** The commit that added `dataPath` at the head of main, if any. */
async function landedCommit(ctx: HubContext, dataPath: string): Promise<string | undefined> {
  const dir = dataPath.slice(0, dataPath.lastIndexOf('/'))
  try {
    for await (const entry of listFiles({ ...libParams(ctx), path: dir, expand: true })) {
      if (entry.path === dataPath) return entry.lastCommit?.id
    }
  } catch (error) {
    if (statusOf(error) !== 404) throw error
  }
  return undefined
}
