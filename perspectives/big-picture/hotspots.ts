// Hotspots: files flagged by several perspectives. score = sum over the file's findings of
// severity weight x confidence factor (weights.ts); files are ranked by score, then by how many
// perspectives flag them. Only findings whose quoted code is still in the file count (locate.ts).
// "This function has no test" is one fact that scope and test-coverage both report; when
// test-coverage has a result it speaks for it, so scope's untested-unit findings are not counted twice.
// Examples, documentation and benchmarks are not what the project ships: their findings are real but
// are not where tests pay off, so they make no hotspot (the report counts them).
// A hotspot rests on solid parts only: a finding of low confidence or a static estimate is a lead, not
// a fact, and judges found hotspots built from them false or empty (http-server, superagent, webob,
// session 7). A hotspot is high only when one of its parts is high with high confidence.
import type { CodeModel } from '../../src/model/types.js'
import { classOf } from '../../src/model/surface.js'
import type { Quoter } from '../shared/evidence.js'
import type { Finding, Severity } from '../types.js'
import { locate } from './locate.js'
import type { BigPictureOptions } from './options.js'
import {
  findingWeight,
  moreSevere,
  round1,
  severityCounts,
  type SeverityCounts
} from './weights.js'

export interface PlacedFinding {
  finding: Finding
  startLine: number
  endLine: number
}

export interface Hotspot {
  file: string
  perspectives: string[]
  findings: number
  severities: SeverityCounts
  score: number
  severity: Severity
  /** The most severe finding, where it is in the code today. */
  top: PlacedFinding
}

export interface HotspotResult {
  /** Every file flagged by enough perspectives, ranked. */
  hotspots: Hotspot[]
  /** Findings with a file, and what became of them today. */
  placed: number
  moved: number
  /** The file is no longer analysed (deleted, renamed, excluded). */
  gone: number
  /** The quoted code is no longer in the file. */
  changed: number
  /** Findings in examples, docs and benchmarks, left out. */
  notShipped: number
}

function rank(a: PlacedFinding, b: PlacedFinding): number {
  return (
    findingWeight(b.finding) - findingWeight(a.finding) ||
    a.finding.perspective.localeCompare(b.finding.perspective) ||
    a.startLine - b.startLine ||
    a.finding.id.localeCompare(b.finding.id)
  )
}

const SCOPE_UNTESTED = 'untestedPublicUnit'
const NOT_SHIPPED = new Set([
  'examples',
  'example',
  'docs',
  'doc',
  'benchmarks',
  'benchmark',
  'bench'
])

export function isShipped(file: string): boolean {
  return !file
    .split('/')
    .slice(0, -1)
    .some((dir) => NOT_SHIPPED.has(dir))
}

/**
 * What counts as the product: with the model's product surface, the files in the product view the engine
 * gave this perspective (shipped code and tests, plus what the config widened it with); files the surface
 * does not know (no longer analysed) fall back to the folder rule above.
 */
export function shippedPredicate(model: CodeModel): (file: string) => boolean {
  if (!model.surface) return isShipped
  const inView = new Set(model.modules.map((m) => m.path))
  const surface = model.surface
  return (file) => inView.has(file) || (classOf(surface, file) === undefined && isShipped(file))
}

/** A part a hotspot may rest on: not low confidence, not a static estimate. */
export function isSolid(finding: Finding): boolean {
  return finding.confidence !== 'low' && !finding.tags.includes('static-estimate')
}

/** A part's severity as the hotspot counts it: high only with high confidence. */
function solidSeverity(finding: Finding): Severity {
  return finding.confidence === 'high' || !moreSevere(finding.severity, 'medium')
    ? finding.severity
    : 'medium'
}

export function findHotspots(
  findings: readonly Finding[],
  quote: Quoter,
  analysed: (file: string) => boolean,
  options: BigPictureOptions,
  shipped: (file: string) => boolean = isShipped
): HotspotResult {
  const byFile = new Map<string, PlacedFinding[]>()
  const result: HotspotResult = {
    hotspots: [],
    placed: 0,
    moved: 0,
    gone: 0,
    changed: 0,
    notShipped: 0
  }
  const coverageSpeaks = findings.some((f) => f.perspective === 'test-coverage')
  for (const finding of findings) {
    if (finding.file === null) continue
    if (!shipped(finding.file)) {
      result.notShipped++
      continue
    }
    if (coverageSpeaks && finding.perspective === 'scope' && finding.messageId === SCOPE_UNTESTED)
      continue
    const where = locate(finding, quote, analysed)
    if (!('startLine' in where)) {
      result[where.state]++
      continue
    }
    result.placed++
    if (where.state === 'moved') result.moved++
    const list = byFile.get(finding.file) ?? []
    list.push({ finding, startLine: where.startLine, endLine: where.endLine })
    byFile.set(finding.file, list)
  }
  for (const [file, all] of byFile) {
    const list = all.filter((p) => isSolid(p.finding))
    if (list.length === 0) continue
    const perspectives = [...new Set(list.map((p) => p.finding.perspective))].sort()
    const score = round1(list.reduce((n, p) => n + findingWeight(p.finding), 0))
    if (perspectives.length < options.minPerspectives || score === 0) continue
    const sorted = [...list].sort(rank)
    let severity: Severity = 'info'
    for (const p of list)
      if (moreSevere(solidSeverity(p.finding), severity)) severity = solidSeverity(p.finding)
    result.hotspots.push({
      file,
      perspectives,
      findings: list.length,
      severities: severityCounts(list.map((p) => p.finding)),
      score,
      severity,
      top: sorted[0]
    })
  }
  result.hotspots.sort(
    (a, b) =>
      b.score - a.score ||
      b.perspectives.length - a.perspectives.length ||
      a.file.localeCompare(b.file)
  )
  return result
}
