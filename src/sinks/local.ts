// The local results folder: the same files, at the same paths, as the dataset (src/records/layout.ts),
// plus the dataset card. Every file is written to a temporary name and renamed, so a reader never
// sees half a file and an interrupted run leaves the previous results intact.
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { buildDatasetCard } from '../records/card.js'
import { CARD_PATH, LATEST_DIR, dataFilePath, runFiles } from '../records/layout.js'
import type { PlanRecord } from '../records/types.js'
import { assertValidRecords } from '../records/schema.js'
import { redactText } from '../util/redact.js'
import { assertInsideResults } from './results-folder.js'

export interface LocalWriteOptions {
  /** Dataset name shown on the card (the one the hub sink would use). */
  dataset: string
  /** All perspectives in rotation order, for the card. */
  perspectives: { id: string; title: string }[]
}

export interface LocalWriteResult {
  dir: string
  /** Absolute path of this run's JSON Lines file. */
  dataFile: string
  /** Repository-relative paths written (forward slashes). */
  files: string[]
}

let tempCounter = 0

/** Writes `content` (redacted: the last line) to `path` inside `dir` through a temporary file and a rename. */
async function writeAtomically(dir: string, path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  assertInsideResults(dir, path)
  // pid and a counter: the pid lets the next run tell a dead run's leftovers from a live run's.
  const temp = `${path}.${process.pid}.${Date.now()}${++tempCounter}.tmp`
  try {
    await writeFile(temp, redactText(content), { encoding: 'utf8', flag: 'wx' })
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

async function latestIds(dir: string): Promise<string[]> {
  try {
    return (await readdir(join(dir, LATEST_DIR)))
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length))
  } catch {
    return []
  }
}

export async function writeLocalResults(
  dir: string,
  records: PlanRecord[],
  options: LocalWriteOptions
): Promise<LocalWriteResult> {
  assertValidRecords(records)
  const files = runFiles(records)
  for (const file of files) {
    const target = join(dir, ...file.path.split('/'))
    if (relative(dir, target).startsWith(`..${sep}`))
      throw new Error(`refusing to write outside ${dir}: ${file.path}`)
    await writeAtomically(dir, target, file.content)
  }
  const present = new Set([...(await latestIds(dir)), ...records.map((r) => r.perspective_id)])
  const card = buildDatasetCard({
    dataset: options.dataset,
    repository: records[0]?.repository || undefined,
    perspectives: options.perspectives.filter((p) => present.has(p.id))
  })
  await writeAtomically(dir, join(dir, CARD_PATH), card)
  const written = [...files.map((f) => f.path), CARD_PATH]
  const dataFile =
    records.length > 0
      ? join(dir, ...dataFilePath(records[0].timestamp, records[0].run_id).split('/'))
      : ''
  return { dir, dataFile, files: written }
}
