// The prioritised backlog: every spec of every usable result, grouped by what it tests (file and
// symbol), so three perspectives asking for tests of the same function make one entry, not three.
// Specs for examples, docs and benchmarks are left out, as their hotspots are (hotspots.ts).
//
//   value = (best spec priority: P1 3, P2 2, P3 1) + sum of the weights of the distinct open findings
//           the group's specs cover (weights.ts), times 1.5 when the file is a hotspot.
import type { Finding, SpecSummary } from '../types.js'
import { isShipped } from './hotspots.js'
import type { Sources } from './sources.js'
import { findingWeight, round1, severityCounts, type SeverityCounts } from './weights.js'

const PRIORITY_BASE: Record<SpecSummary['priority'], number> = { P1: 3, P2: 2, P3: 1 }
const HOTSPOT_FACTOR = 1.5

export interface BacklogSpec {
  perspective: string
  id: string
  title: string
  fileName: string
  level: SpecSummary['level']
  priority: SpecSummary['priority']
}

export interface BacklogEntry {
  file: string
  symbol: string | null
  value: number
  priority: SpecSummary['priority']
  hotspot: boolean
  perspectives: string[]
  specs: BacklogSpec[]
  /** Distinct open findings the specs cover. */
  covers: number
  severities: SeverityCounts
}

export interface Backlog {
  entries: BacklogEntry[]
  /** Specs across all usable results, before grouping. */
  specs: number
  /** Specs folded into an entry with the same target and title. */
  duplicates: number
  /** Specs for examples, docs and benchmarks, left out like their hotspots. */
  notShipped: number
}

export function buildBacklog(
  sources: Sources,
  hotspotFiles: ReadonlySet<string>,
  shipped: (file: string) => boolean = isShipped
): Backlog {
  const open = new Map<string, Finding>(sources.findings.map((f) => [f.id, f]))
  const groups = new Map<
    string,
    { file: string; symbol: string | null; specs: BacklogSpec[]; covered: Set<string> }
  >()
  let specs = 0
  let duplicates = 0
  let notShipped = 0
  for (const result of sources.usable) {
    for (const spec of result.specs ?? []) {
      specs++
      if (!shipped(spec.targetFile)) {
        notShipped++
        continue
      }
      const key = `${spec.targetFile}#${spec.targetSymbol ?? ''}`
      const group = groups.get(key) ?? {
        file: spec.targetFile,
        symbol: spec.targetSymbol,
        specs: [],
        covered: new Set<string>()
      }
      groups.set(key, group)
      for (const id of spec.covers) if (open.has(id)) group.covered.add(id)
      if (group.specs.some((s) => s.title === spec.title)) {
        duplicates++
        continue
      }
      group.specs.push({
        perspective: result.perspective,
        id: spec.id,
        title: spec.title,
        fileName: spec.fileName,
        level: spec.level,
        priority: spec.priority
      })
    }
  }
  const entries: BacklogEntry[] = []
  for (const group of groups.values()) {
    const covered = [...group.covered].map((id) => open.get(id) as Finding)
    const best = group.specs.reduce(
      (p, s) => (PRIORITY_BASE[s.priority] > PRIORITY_BASE[p] ? s.priority : p),
      'P3' as SpecSummary['priority']
    )
    const hotspot = hotspotFiles.has(group.file)
    const raw = PRIORITY_BASE[best] + covered.reduce((n, f) => n + findingWeight(f), 0)
    group.specs.sort(
      (a, b) =>
        PRIORITY_BASE[b.priority] - PRIORITY_BASE[a.priority] ||
        a.perspective.localeCompare(b.perspective) ||
        a.id.localeCompare(b.id)
    )
    entries.push({
      file: group.file,
      symbol: group.symbol,
      value: round1(hotspot ? raw * HOTSPOT_FACTOR : raw),
      priority: best,
      hotspot,
      perspectives: [...new Set(group.specs.map((s) => s.perspective))].sort(),
      specs: group.specs,
      covers: covered.length,
      severities: severityCounts(covered)
    })
  }
  entries.sort(
    (a, b) =>
      b.value - a.value ||
      a.file.localeCompare(b.file) ||
      (a.symbol ?? '').localeCompare(b.symbol ?? '')
  )
  return { entries, specs, duplicates, notShipped }
}
