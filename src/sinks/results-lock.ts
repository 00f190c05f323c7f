// One run at a time per results folder (the CLI; the action relies on the workflow's concurrency
// group). The lock is a file created atomically (hard link of a complete temporary file), holding the
// owner's pid, host and start time. A lock whose process is gone, or that is older than maxAgeMs, is
// stale and taken over; a live one is waited for (runs queue) up to waitMs, then the run fails clearly.
import { hostname } from 'node:os'
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isProcessAlive } from './results-folder.js'

export const LOCK_FILE = '.lock'

export interface LockOptions {
  /** How long to wait for another run to finish (default 10 minutes). */
  waitMs?: number
  /** A lock older than this is stale whatever its pid says (default 2 hours). */
  maxAgeMs?: number
  /** Time between two looks at a held lock (default 250 ms). */
  pollMs?: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  isAlive?: (pid: number) => boolean
  /** Told once when the run starts waiting. */
  onWait?: (holder: string) => void
}

interface LockContent {
  pid: number
  host: string
  started: number
}

export class ResultsFolderBusyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ResultsFolderBusyError'
  }
}

export interface ResultsLock {
  readonly path: string
  release(): void
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function readLock(path: string): LockContent | null | 'missing' {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : null
  }
  try {
    const value = JSON.parse(text) as Partial<LockContent>
    if (
      typeof value.pid === 'number' &&
      typeof value.started === 'number' &&
      typeof value.host === 'string'
    )
      return value as LockContent
  } catch {
    // unreadable: treated as stale below
  }
  return null
}

/** Takes the lock on `dir` (which must exist), waiting for a live holder. */
export async function lockResultsFolder(
  dir: string,
  options: LockOptions = {}
): Promise<ResultsLock> {
  const path = join(dir, LOCK_FILE)
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? realSleep
  const isAlive = options.isAlive ?? isProcessAlive
  const waitMs = options.waitMs ?? 10 * 60_000
  const maxAgeMs = options.maxAgeMs ?? 2 * 3600_000
  const pollMs = options.pollMs ?? 250
  const host = hostname()
  const started = now()
  let told = false
  for (;;) {
    const content: LockContent = { pid: process.pid, host, started: now() }
    const temp = `${path}.${process.pid}.${content.started}.tmp`
    writeFileSync(temp, JSON.stringify(content))
    try {
      linkSync(temp, path)
      return {
        path,
        release: () => {
          const held = readLock(path)
          if (
            held !== 'missing' &&
            held !== null &&
            held.pid === process.pid &&
            held.started === content.started
          )
            rmSync(path, { force: true })
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      rmSync(temp, { force: true })
    }
    const holder = readLock(path)
    if (holder === 'missing') continue
    const stale =
      holder === null ||
      now() - holder.started > maxAgeMs ||
      (holder.host === host && !isAlive(holder.pid))
    if (stale) {
      // Removed only if it is still the stale lock just read (another run may have replaced it meanwhile).
      const again = readLock(path)
      if (again === 'missing' || JSON.stringify(again) === JSON.stringify(holder))
        rmSync(path, { force: true })
      continue
    }
    const who = `pid ${holder.pid} on ${holder.host}, started ${new Date(holder.started).toISOString()}`
    if (now() - started >= waitMs) {
      throw new ResultsFolderBusyError(
        `another test-planning run (${who}) still holds the results folder ${dir} after ${Math.round(waitMs / 1000)} s. ` +
          `Wait for it to finish, or, if no run is active, remove ${path}.`
      )
    }
    if (!told) {
      told = true
      options.onWait?.(who)
    }
    await sleep(pollMs)
  }
}
