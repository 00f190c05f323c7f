// Shared parts of the fault and fuzz suite: a seeded random source, a snapshot of a folder tree (to
// find files written outside the results folder), the leak scan, the consistency check of a results
// folder, and the tally every part reports (cases, crashes, hangs, escapes, leaks, losses).
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { assertValidRecords } from '../../src/records/schema.js'
import type { PlanRecord } from '../../src/records/types.js'

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seeded(seed: number): {
  next: () => number
  int: (n: number) => number
  pick: <T>(items: readonly T[]) => T
  chance: (p: number) => boolean
} {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number): number => Math.floor(next() * n)
  return { next, int, pick: (items) => items[int(items.length)], chance: (p) => next() < p }
}

export const SUITE_SEED = Number(process.env.FAULT_SEED ?? 20261206)

export interface Tally {
  part: string
  cases: number
  crashes: number
  hangs: number
  escapes: number
  leaks: number
  losses: number
  /** Handled failures (exit 3 with a clear message): counted, not faults. */
  failedCleanly: number
  /** Exit codes seen (CLI parts), and what the clean failures said. */
  exits: Record<string, number>
  failures: string[]
  problems: string[]
}

export function newTally(part: string): Tally {
  return {
    part,
    cases: 0,
    crashes: 0,
    hangs: 0,
    escapes: 0,
    leaks: 0,
    losses: 0,
    failedCleanly: 0,
    exits: {},
    failures: [],
    problems: []
  }
}

export function note(
  tally: Tally,
  kind: 'crashes' | 'hangs' | 'escapes' | 'leaks' | 'losses',
  what: string
): void {
  tally[kind]++
  if (tally.problems.length < 20) tally.problems.push(`${kind}: ${what}`)
}

export function report(tally: Tally, started: number): string {
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const exits =
    Object.keys(tally.exits).length > 0 ? `; exit codes ${JSON.stringify(tally.exits)}` : ''
  const failures =
    tally.failures.length > 0 ? `\n  clean failures:\n  ${tally.failures.join('\n  ')}` : ''
  return `fault suite ${tally.part} (seed ${SUITE_SEED}): ${tally.cases} cases, ${tally.crashes} crashes, ${tally.hangs} hangs, ${tally.escapes} escapes, ${tally.leaks} leaks, ${tally.losses} losses, ${tally.failedCleanly} clean failures, ${seconds} s${exits}${failures}`
}

/** Files and links under `dir` (not followed) with size and mtime, leaving out `exclude` folders. */
export function snapshot(dir: string, exclude: string[] = []): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (at: string): void => {
    if (exclude.some((e) => at === e || at.startsWith(e + sep))) return
    let stat
    try {
      stat = lstatSync(at)
    } catch {
      return
    }
    const rel = relative(dir, at)
    if (stat.isSymbolicLink()) out.set(rel, `link:${readlinkSync(at)}`)
    else if (stat.isDirectory()) {
      if (rel) out.set(rel, 'dir')
      for (const name of readdirSync(at)) walk(join(at, name))
    } else out.set(rel, `${stat.size}:${stat.mtimeMs}`)
  }
  walk(dir)
  return out
}

/** What changed between two snapshots (created, changed or removed paths). */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = []
  for (const [path, v] of after) if (before.get(path) !== v) changed.push(path)
  for (const path of before.keys()) if (!after.has(path)) changed.push(`-${path}`)
  return changed
}

/** Every text file under `dir`, for the leak scan. */
export function textsUnder(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = []
  const walk = (at: string): void => {
    let stat
    try {
      stat = lstatSync(at)
    } catch {
      return
    }
    if (stat.isDirectory()) for (const name of readdirSync(at)) walk(join(at, name))
    else if (stat.isFile() && stat.size < 20 * 1024 * 1024)
      out.push({ path: at, text: readFileSync(at, 'utf8') })
  }
  walk(dir)
  return out
}

/** The secrets found in `texts` (each a needle that must never appear). */
export function leaksIn(texts: { path: string; text: string }[], needles: string[]): string[] {
  const found: string[] = []
  for (const { path, text } of texts)
    for (const needle of needles)
      if (text.includes(needle)) found.push(`${needle.slice(0, 6)}… in ${path}`)
  return found
}

/** Problems with a results folder: every JSON Lines row and latest file parses and is a valid record; the cursor parses. */
export function resultsProblems(dir: string): string[] {
  const problems: string[] = []
  const walk = (at: string): string[] => {
    try {
      return readdirSync(at, { recursive: true }).map((p) => join(at, String(p)))
    } catch {
      return []
    }
  }
  const records: PlanRecord[] = []
  for (const file of walk(join(dir, 'data')).filter((p) => p.endsWith('.jsonl'))) {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0)
    for (const line of lines) {
      try {
        records.push(JSON.parse(line) as PlanRecord)
      } catch {
        problems.push(`unparsable row in ${file}`)
      }
    }
  }
  for (const file of walk(join(dir, 'latest')).filter((p) => p.endsWith('.json'))) {
    try {
      records.push(JSON.parse(readFileSync(file, 'utf8')) as PlanRecord)
    } catch {
      problems.push(`unparsable ${file}`)
    }
  }
  try {
    assertValidRecords(records)
  } catch (error) {
    problems.push(`invalid record: ${String(error).slice(0, 200)}`)
  }
  try {
    const cursor = readFileSync(join(dir, 'cursor.json'), 'utf8')
    const parsed = JSON.parse(cursor) as { next?: unknown; iteration?: unknown }
    if (typeof parsed.next !== 'string' || typeof parsed.iteration !== 'number')
      problems.push(`cursor.json is not a cursor: ${cursor}`)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      problems.push(`cursor.json unreadable: ${String(error)}`)
  }
  return problems
}

/** Resolves with the promise's value, or with 'hang' after `ms` (a guard only: cases normally finish long before). */
export async function withinGuard<T>(promise: Promise<T>, ms: number): Promise<T | 'hang'> {
  let timer: NodeJS.Timeout | undefined
  const guard = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), ms)
  })
  try {
    return await Promise.race([promise, guard])
  } finally {
    clearTimeout(timer)
  }
}
