// For perspectives that need 'results' (big-picture): the latest result of every other perspective.
// A stored result is used when it is recent and did not fail; otherwise the perspective is computed in
// this run (and stored like any other run, so the next cycle has it).
import { needs, type Perspective } from '../../perspectives/define.js'
import type { PerspectiveId, PreviousResult, ResultOrigin } from '../../perspectives/types.js'
import type { PerspectiveRun } from '../engine/types.js'
import type { HistorySnapshot } from '../history/read.js'
import { toPreviousResult } from '../history/previous.js'
import { daysBetween } from '../util/time.js'

export type ComputedOrigin = Extract<ResultOrigin, `computed-${string}`>

export interface ResultsPlan {
  /** Perspectives computed in this run for the summarising one, with why, in rotation order. */
  compute: { perspective: Perspective<string, any>; origin: ComputedOrigin }[]
  /** Stored results used as they are, by perspective id. */
  stored: Map<PerspectiveId, PreviousResult>
  maxAgeDays: number
}

/**
 * Which results the summarising perspectives read from history and which must be computed now.
 * `selected` already run in this run, so they are neither read nor computed again.
 */
export function planResults(
  selected: readonly Perspective<string, any>[],
  all: readonly Perspective<string, any>[],
  history: HistorySnapshot,
  now: string,
  maxAgeDays: number
): ResultsPlan {
  const chosen = new Set(selected.map((p) => p.meta.id))
  const plan: ResultsPlan = { compute: [], stored: new Map(), maxAgeDays }
  for (const perspective of all) {
    const { meta } = perspective
    if (chosen.has(meta.id) || !meta.implemented || needs(meta, 'results')) continue
    const record = history.latest.get(meta.id)
    const result = record ? toPreviousResult(record) : null
    if (!result || result.status === 'not-implemented')
      plan.compute.push({ perspective, origin: 'computed-missing' })
    else if (result.status === 'failed')
      plan.compute.push({ perspective, origin: 'computed-failed' })
    // A timestamp that does not parse (NaN) counts as too old.
    else if (!(daysBetween(result.timestamp, now) <= maxAgeDays))
      plan.compute.push({ perspective, origin: 'computed-stale' })
    else plan.stored.set(meta.id, result)
  }
  return plan
}

/** A run of this invocation in the shape of a stored result. */
export function runToResult(
  run: PerspectiveRun,
  timestamp: string,
  commit: string | null,
  origin: ResultOrigin
): PreviousResult {
  return {
    perspective: run.meta.id,
    timestamp,
    commit,
    findings: run.findings,
    risk: run.risk,
    status: run.status,
    error: run.error,
    specs: run.specs.map((s) => ({
      id: s.id,
      title: s.title,
      level: s.level,
      priority: s.priority,
      fileName: s.fileName,
      targetFile: s.target.file,
      targetSymbol: s.target.symbol ?? null,
      covers: [...s.covers]
    })),
    metrics: run.metrics,
    details: run.details,
    origin
  }
}

/** What a summarising perspective receives: every other implemented perspective, in rotation order. */
export function assembleResults(
  all: readonly Perspective<string, any>[],
  plan: ResultsPlan,
  runs: readonly PerspectiveRun[],
  timestamp: string,
  commit: string | null
): PreviousResult[] {
  const origins = new Map(plan.compute.map((c) => [c.perspective.meta.id, c.origin]))
  const out: PreviousResult[] = []
  for (const perspective of all) {
    const id = perspective.meta.id
    if (needs(perspective.meta, 'results') || !perspective.meta.implemented) continue
    const run = runs.find((r) => r.meta.id === id)
    if (run) out.push(runToResult(run, timestamp, commit, origins.get(id) ?? 'this-run'))
    else {
      const stored = plan.stored.get(id)
      if (stored) out.push(stored)
    }
  }
  return out
}

/** The perspectives to run, in rotation order: the chosen ones plus those computed for the summary. */
export function withComputed(
  selected: readonly Perspective<string, any>[],
  all: readonly Perspective<string, any>[],
  plan: ResultsPlan | null
): Perspective<string, any>[] {
  if (!plan || plan.compute.length === 0) return [...selected]
  const ids = new Set(
    [...selected, ...plan.compute.map((c) => c.perspective)].map((p) => p.meta.id)
  )
  return all.filter((p) => ids.has(p.meta.id))
}
