// Reads earlier results for "new / resolved since last time" and for perspectives that compare
// (big-picture, backwards-compat). The local results folder and the dataset share one layout, so
// both sources are read the same way: every `latest/<id>.json`.
//
// Call it BEFORE the run stores its own results: afterwards `latest/` holds this run.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { listFiles } from '@huggingface/hub'
import { PERSPECTIVE_IDS, type PreviousResult } from '../../perspectives/types.js'
import { LATEST_DIR, latestFilePath } from '../records/layout.js'
import type { PlanRecord } from '../records/types.js'
import {
  connect,
  libParams,
  readText,
  type HubConnectionOptions,
  type HubContext
} from '../sinks/hub-client.js'
import { statusOf, toHubError } from '../sinks/hub-errors.js'
import { errorMessage } from '../util/errors.js'
import { recordShapeProblem } from './check.js'
import { diffFindings, type FindingDiff } from './diff.js'
import { toPreviousResult } from './previous.js'

export type HistorySource =
  | { kind: 'local'; dir: string }
  | ({ kind: 'hub'; dataset: string; token?: string } & HubConnectionOptions)

export interface HistorySnapshot {
  /** Where it was read from, for log lines. */
  source: string
  /** False when there was nothing to read: no folder, no dataset (a first run). */
  found: boolean
  /** The latest record of each perspective, by perspective id. */
  latest: Map<string, PlanRecord>
  /** Files that could not be used, and failures reading the source; never thrown. */
  problems: string[]
}

export async function readHistory(source: HistorySource): Promise<HistorySnapshot> {
  return source.kind === 'local' ? readLocal(source.dir) : readHub(source)
}

async function readLocal(dir: string): Promise<HistorySnapshot> {
  const snapshot = empty(`local folder ${dir}`)
  let names: string[]
  try {
    names = await readdir(join(dir, LATEST_DIR))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      snapshot.problems.push(`could not list ${join(dir, LATEST_DIR)}: ${errorMessage(error)}`)
    return snapshot
  }
  snapshot.found = true
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const path = `${LATEST_DIR}/${name}`
    try {
      accept(snapshot, path, await readFile(join(dir, path), 'utf8'))
    } catch (error) {
      snapshot.problems.push(`${path}: could not be read: ${errorMessage(error)}`)
    }
  }
  return snapshot
}

async function readHub(source: Extract<HistorySource, { kind: 'hub' }>): Promise<HistorySnapshot> {
  let ctx: HubContext
  try {
    ctx = connect(source.dataset, source.token, source)
  } catch (error) {
    const snapshot = empty(`dataset ${source.dataset}`)
    snapshot.problems.push(errorMessage(error))
    return snapshot
  }
  const snapshot = empty(`dataset ${ctx.repo.name} at ${ctx.hubUrl}`)
  const paths: string[] = []
  try {
    for await (const entry of listFiles({ ...libParams(ctx), path: LATEST_DIR })) {
      if (entry.type === 'file' && entry.path.endsWith('.json')) paths.push(entry.path)
    }
    snapshot.found = true
  } catch (error) {
    // 404: no dataset or no latest/ folder yet — a first run, nothing to compare with.
    if (statusOf(error) !== 404)
      snapshot.problems.push(
        toHubError(error, 'reading earlier results', ctx.repo.name, source.token).message
      )
    return snapshot
  }
  const texts = await Promise.all(
    paths.sort().map(async (path) => {
      try {
        return { path, text: await readText(ctx, path) }
      } catch (error) {
        return {
          path,
          error: toHubError(error, `reading ${path}`, ctx.repo.name, source.token).message
        }
      }
    })
  )
  for (const t of texts) {
    if ('error' in t) snapshot.problems.push(`${t.path}: ${t.error}`)
    else if (t.text === null) snapshot.problems.push(`${t.path}: listed but not found`)
    else accept(snapshot, t.path, t.text)
  }
  return snapshot
}

function empty(source: string): HistorySnapshot {
  return { source, found: false, latest: new Map(), problems: [] }
}

/** Parses one latest file into the snapshot, or records why it cannot be used. */
function accept(snapshot: HistorySnapshot, path: string, text: string): void {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    snapshot.problems.push(`${path}: not valid JSON (${errorMessage(error)})`)
    return
  }
  const problem = recordShapeProblem(value)
  if (problem) {
    snapshot.problems.push(`${path}: not a test-planning record: ${problem}`)
    return
  }
  const record = value as PlanRecord
  if (latestFilePath(record.perspective_id) !== path) {
    snapshot.problems.push(
      `${path}: holds perspective "${record.perspective_id}", not the one its name says`
    )
    return
  }
  snapshot.latest.set(record.perspective_id, record)
}

/** The snapshot as perspectives receive it (AnalyseContext.history), in rotation order. */
export function previousResults(snapshot: HistorySnapshot): PreviousResult[] {
  const out: PreviousResult[] = []
  for (const id of PERSPECTIVE_IDS) {
    const record = snapshot.latest.get(id)
    const previous = record ? toPreviousResult(record) : null
    if (previous) out.push(previous)
  }
  return out
}

/** New and resolved findings of one perspective against its previous result; null when there is none. */
export function compareWithPrevious(
  snapshot: HistorySnapshot,
  record: Pick<PlanRecord, 'perspective_id' | 'findings'>
): FindingDiff | null {
  const previous = snapshot.latest.get(record.perspective_id)
  return previous ? diffFindings(previous.findings, record.findings) : null
}
