// "New since last time" and "resolved since last time": finding ids are stable across runs
// (file, message and key; never a line number), so set difference on ids is the comparison.

export interface FindingDiff {
  /** In the current run, not in the previous one. */
  newIds: string[]
  /** In the previous run, gone from the current one. */
  resolvedIds: string[]
  /** In both. */
  unchanged: number
}

export function diffFindings(
  previous: readonly { id: string }[],
  current: readonly { id: string }[]
): FindingDiff {
  const before = new Set(previous.map((f) => f.id))
  const now = new Set(current.map((f) => f.id))
  const newIds = [...now].filter((id) => !before.has(id))
  const resolvedIds = [...before].filter((id) => !now.has(id))
  return { newIds, resolvedIds, unchanged: now.size - newIds.length }
}
