// New and resolved findings since the previous big-picture run, by stable finding id. Each
// big-picture run stores the open findings it saw (compactly, in its details); the next run compares
// with that list. Only perspectives with a usable result both times are compared: a perspective that
// failed or was missing on one side would otherwise look like many new or resolved findings.
import type { PreviousResult, Severity } from '../types.js'
import type { Sources } from './sources.js'

/** [id, severity, file, line, title]: enough to name a resolved finding after its perspective moved on. */
export type CompactFinding = [string, Severity, string | null, number | null, string]

export interface OpenFindings {
  /** Findings by perspective id, for the perspectives that had a usable result. */
  perspectives: Record<string, CompactFinding[]>
}

export interface ListedFinding {
  perspective: string
  id: string
  severity: Severity
  file: string | null
  line: number | null
  title: string
}

export interface Changes {
  previous: { timestamp: string; commit: string | null } | null
  /** Why there is nothing to compare with, when previous is null or its details could not be read. */
  note: string | null
  newFindings: ListedFinding[]
  resolved: ListedFinding[]
  unchanged: number
  /** Perspectives left out of the comparison because one side had no usable result. */
  notCompared: string[]
}

const TITLE_CHARS = 120
const SEVERITIES = new Set(['critical', 'high', 'medium', 'low', 'info'])

export function openFindings(sources: Sources): OpenFindings {
  const perspectives: Record<string, CompactFinding[]> = {}
  for (const result of sources.usable) {
    perspectives[result.perspective] = result.findings.map((f) => [
      f.id,
      f.severity,
      f.file,
      f.startLine,
      f.title.slice(0, TITLE_CHARS)
    ])
  }
  return { perspectives }
}

function isCompact(value: unknown): value is CompactFinding {
  return (
    Array.isArray(value) &&
    value.length === 5 &&
    typeof value[0] === 'string' &&
    SEVERITIES.has(value[1] as string) &&
    (value[2] === null || typeof value[2] === 'string') &&
    (value[3] === null || typeof value[3] === 'number') &&
    typeof value[4] === 'string'
  )
}

/** The open findings a previous big-picture run stored, or null when its details do not hold them. */
export function storedOpenFindings(details: unknown): OpenFindings | null {
  const open = (details as { open?: { perspectives?: unknown } } | null | undefined)?.open
    ?.perspectives
  if (typeof open !== 'object' || open === null || Array.isArray(open)) return null
  const perspectives: Record<string, CompactFinding[]> = {}
  for (const [id, list] of Object.entries(open)) {
    if (!Array.isArray(list) || !list.every(isCompact)) return null
    perspectives[id] = list
  }
  return { perspectives }
}

function listed(perspective: string, f: CompactFinding): ListedFinding {
  return { perspective, id: f[0], severity: f[1], file: f[2], line: f[3], title: f[4] }
}

export function compareWithPrevious(
  current: OpenFindings,
  previous: PreviousResult | undefined
): Changes {
  const changes: Changes = {
    previous: null,
    note: null,
    newFindings: [],
    resolved: [],
    unchanged: 0,
    notCompared: []
  }
  if (!previous) {
    changes.note = 'this is the first big-picture run, so there is nothing to compare with yet'
    return changes
  }
  changes.previous = { timestamp: previous.timestamp, commit: previous.commit }
  const before = storedOpenFindings(previous.details)
  if (!before) {
    changes.note =
      'the previous big-picture result does not list its open findings (written by an older version, or edited), so nothing is compared'
    return changes
  }
  const ids = [
    ...new Set([...Object.keys(current.perspectives), ...Object.keys(before.perspectives)])
  ].sort()
  for (const id of ids) {
    const now = current.perspectives[id]
    const then = before.perspectives[id]
    if (!now || !then) {
      changes.notCompared.push(id)
      continue
    }
    const thenIds = new Set(then.map((f) => f[0]))
    const nowIds = new Set(now.map((f) => f[0]))
    for (const f of now) {
      if (thenIds.has(f[0])) changes.unchanged++
      else changes.newFindings.push(listed(id, f))
    }
    for (const f of then) if (!nowIds.has(f[0])) changes.resolved.push(listed(id, f))
  }
  return changes
}
