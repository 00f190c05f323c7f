// Once the specs have run, big-picture's backlog ranks by what they add: entries whose delivered
// specs cover code the project's suite does not come first (most new lines and branches first);
// the rest keep big-picture's order (value by priority, findings and hotspots).
import type { PerspectiveRun } from '../engine/types.js'

interface EntryLike {
  specs?: { id?: unknown }[]
  coverageGain?: number | null
}

/** The delivered spec's gain by spec id (null when it was not measured). */
export type GainById = ReadonlyMap<string, number | null>

export function rankBacklogByCoverage(runs: PerspectiveRun[], gains: GainById): PerspectiveRun[] {
  if (![...gains.values()].some((g) => g !== null)) return runs
  return runs.map((run) => {
    const details = run.details as { backlog?: { entries?: EntryLike[] } } | null
    const entries = details?.backlog?.entries
    if (run.meta.id !== 'big-picture' || !Array.isArray(entries)) return run
    const withGain = entries.map((entry, i) => {
      const measured = (entry.specs ?? [])
        .map((s) => (typeof s.id === 'string' ? gains.get(s.id) : undefined))
        .filter((g): g is number => typeof g === 'number')
      const coverageGain = measured.length > 0 ? Math.max(...measured) : null
      return { entry: { ...entry, coverageGain }, i }
    })
    withGain.sort((a, b) => (b.entry.coverageGain ?? 0) - (a.entry.coverageGain ?? 0) || a.i - b.i)
    return {
      ...run,
      details: {
        ...details,
        backlog: { ...details!.backlog, entries: withGain.map((x) => x.entry) }
      }
    }
  })
}
