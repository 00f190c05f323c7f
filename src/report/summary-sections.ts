// The pieces of the job summary, each a pure function to markdown. Everything that came from the
// target repository goes through escape.ts; only our own text and the perspective's report are raw.
import { needs } from '../../perspectives/define.js'
import type { Finding, Severity } from '../../perspectives/types.js'
import type { PerspectiveRun } from '../engine/types.js'
import type { TestSpec } from '../specs/types.js'
import { codeCell, escapeInline, escapeMultiline, fencedBlock } from '../util/escape.js'
import { blobUrl, countsText, locationText, riskLabel, severityCounts } from './facts.js'
import { byRisk } from './next-steps.js'
import { heldSentence } from './held.js'
import type { HistoryDelta, SummaryInput } from './types.js'

/** How much of each perspective the summary shows; lowered step by step until the summary fits. */
export interface Caps {
  /** Specs shown with their code, per perspective. */
  specCode: number
  /** Findings shown, per perspective. */
  findings: number
  /** Specs listed (with or without code), per perspective. */
  specs: number
  /** The perspective's own report and its metrics. */
  reports: boolean
  /** One line of specs instead of their list, and no question line: for runs of many perspectives. */
  compact?: boolean
  /** A leading perspective's overview (big-picture) stays when other reports go, unless this is false. */
  overview?: boolean
}

/** A perspective shows at most this many findings; the rest are counted and kept in the results. */
export const MAX_FINDINGS_SHOWN = 15

export const ALL: Caps = {
  specCode: 5,
  findings: MAX_FINDINGS_SHOWN,
  specs: MAX_FINDINGS_SHOWN,
  reports: true
}

/** What the caps left out, summed over perspectives, for the note at the top. */
export interface Omitted {
  specCode: number
  findings: number
  specs: number
  reports: number
}

export function noneOmitted(): Omitted {
  return { specCode: 0, findings: 0, specs: 0, reports: 0 }
}

/**
 * Rendered rows and blocks, kept across the attempts of one buildSummary call: shrinking the
 * summary re-slices them instead of escaping 5,000 findings again.
 */
export interface RenderCache {
  findingRows: Map<Finding, string>
  specBlocks: Map<TestSpec, string>
  specRows: Map<TestSpec, string>
}

export function newCache(): RenderCache {
  return { findingRows: new Map(), specBlocks: new Map(), specRows: new Map() }
}

function cached<K>(map: Map<K, string>, key: K, make: () => string): string {
  let value = map.get(key)
  if (value === undefined) {
    value = make()
    map.set(key, value)
  }
  return value
}

const SEVERITY_ICON: Record<Severity, string> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  info: '⚪'
}
const STATUS_TEXT: Record<PerspectiveRun['status'], string> = {
  ok: '✅ ok',
  failed: '❌ failed',
  'not-implemented': '⏳ not implemented yet'
}
const FENCE_LANGUAGE: Record<string, string> = {
  typescript: 'ts',
  javascript: 'js',
  python: 'python',
  yaml: 'yaml',
  text: 'text'
}
// Per-cell caps: the engine trims snippets already, but the summary does not rely on it.
const MAX_CELL_CHARS = 600
const MAX_WHERE = 10

function clip(text: string, max = MAX_CELL_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** 1234567 -> `1,234,567`; fractions to two places. Locale-free, so the text is deterministic. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  if (!Number.isInteger(n)) return String(Math.round(n * 100) / 100)
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** `1 finding`, `1,234 findings`. */
export function count(n: number, word: string): string {
  return `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`
}

export function statusText(run: PerspectiveRun): string {
  return STATUS_TEXT[run.status]
}

/** The overview of a run of all 15: one row a perspective. */
export function overviewTable(runs: readonly PerspectiveRun[]): string {
  const rows = runs.map((run) => {
    const findings =
      run.status === 'ok'
        ? `${run.findings.length} (${countsText(severityCounts(run.findings))})`
        : '–'
    const risk = run.status === 'ok' ? `${run.risk} (${riskLabel(run.risk)})` : '–'
    return `| ${run.meta.number} | \`${run.meta.id}\` ${run.meta.title} | ${statusText(run)} | ${findings} | ${risk} |`
  })
  return ['| # | Perspective | Status | Findings | Risk |', '|---:|---|---|---|---|', ...rows].join(
    '\n'
  )
}

export function perspectiveSection(
  input: SummaryInput,
  run: PerspectiveRun,
  caps: Caps,
  omitted: Omitted,
  cache: RenderCache = newCache()
): string {
  const { meta } = run
  const parts = caps.compact
    ? [`## ${meta.number}. ${meta.title}`]
    : [`## ${meta.number}. ${meta.title}`, `> **${meta.question}**`]
  if (run.status === 'not-implemented') {
    parts.push(
      `**Status:** ${statusText(run)}. This perspective is not implemented yet in this version: no findings are reported.`
    )
    return parts.join('\n\n')
  }
  if (run.status === 'failed') {
    parts.push(
      `**Status:** ${statusText(run)} after ${formatNumber(run.millis)} ms; the other perspectives were not affected.`
    )
    parts.push(fencedBlock(run.error ?? 'no error message was recorded', 'text'))
    return parts.join('\n\n')
  }
  parts.push(
    statusLine(run, input.history === undefined ? undefined : (input.history[meta.id] ?? null))
  )
  // A perspective that sums up the others (big-picture) opens with its overview; the rest lead with findings.
  const overviewFirst = needs(meta, 'results')
  let report = ''
  const showReport = caps.reports || (overviewFirst && caps.overview !== false)
  if (showReport && run.report !== null && run.report.trim() !== '') {
    report = `### ${overviewFirst ? 'Overview' : 'Report'}\n\n${run.report.trim()}`
  } else if (run.report !== null && run.report.trim() !== '') {
    omitted.reports++
  }
  const held = heldSentence(run, (t) => `<code>${escapeInline(t)}</code>`)
  const findings =
    findingsSection(input, run.findings, caps, omitted, cache, held !== null) +
    (held ? `\n\n_${held}_` : '')
  parts.push(...(overviewFirst ? [report, findings] : [findings, report]).filter((p) => p !== ''))
  parts.push(
    caps.compact ? specsLine(run.specs, omitted) : specsSection(run.specs, caps, omitted, cache)
  )
  if (caps.reports) {
    const metrics = metricsBlock(run.metrics)
    if (metrics !== '') parts.push(metrics)
  }
  return parts.join('\n\n')
}

/** `delta` undefined: history was not consulted at all, so the line is left out. */
function statusLine(run: PerspectiveRun, delta: HistoryDelta | null | undefined): string {
  const counts = severityCounts(run.findings)
  const line = [
    `**Status:** ${statusText(run)}`,
    `**Risk:** ${run.risk}/100 (${riskLabel(run.risk)})`,
    `**Findings:** ${run.findings.length} (${countsText(counts)})`,
    `**Specs:** ${run.specs.length}`,
    `${formatNumber(run.millis)} ms`
  ].join(' · ')
  if (delta === undefined) return line
  const since =
    delta === null
      ? 'no earlier run to compare with'
      : `${delta.newFindings} new, ${delta.resolvedFindings} resolved`
  return `${line}  \n**Since the last run:** ${since}`
}

function findingsSection(
  input: SummaryInput,
  findings: readonly Finding[],
  caps: Caps,
  omitted: Omitted,
  cache: RenderCache,
  someHeld = false
): string {
  if (findings.length === 0)
    return someHeld
      ? '### Findings\n\nNo findings reported from this perspective.'
      : '### Findings\n\nNothing found from this perspective in the analysed files.'
  const shown = byRisk(findings, input.isShipped).slice(0, caps.findings)
  const rows = shown.map((f) => cached(cache.findingRows, f, () => findingRow(input, f)))
  const table = [
    '| Severity | Finding | Location | Evidence | Confidence | Rationale |',
    '|---|---|---|---|---|---|',
    ...rows
  ].join('\n')
  const rest = findings.length - shown.length
  omitted.findings += rest
  const restCounts = countsText(severityCounts(findings.filter((f) => !shown.includes(f))))
  const where = input.stored.resultsFile
    ? `<code>${escapeInline(input.stored.resultsFile)}</code>`
    : 'the stored results'
  const more =
    rest > 0
      ? `\n\n_… and ${count(rest, 'more finding')} (${restCounts}); all are in ${where}._`
      : ''
  return `### Findings\n\n${table}${more}`
}

function findingRow(input: SummaryInput, f: Finding): string {
  const extra = [
    f.symbol !== null ? `in <code>${escapeInline(clip(f.symbol, 200))}</code>` : '',
    f.cwe !== null ? escapeInline(clip(f.cwe, 40)) : ''
  ].filter((s) => s !== '')
  const what = [
    `**${escapeInline(clip(f.title, 200))}**`,
    escapeMultiline(clip(f.message)),
    ...extra
  ].join('<br>')
  let location: string
  let evidence: string
  const where = locationText(f)
  if (where !== null) {
    const url = blobUrl(input, f)
    location = url === null ? escapeInline(where) : `[${escapeInline(where)}](${url})`
    evidence = f.snippet !== null ? codeCell(clip(f.snippet)) : '–'
  } else {
    location = 'repository'
    const places = f.where
      .slice(0, MAX_WHERE)
      .map((w) => `<code>${escapeInline(clip(w, 200))}</code>`)
    if (f.where.length > MAX_WHERE) places.push(`and ${f.where.length - MAX_WHERE} more`)
    evidence = `Looked for: ${escapeInline(clip(f.lookedFor ?? 'unspecified'))}<br>Where: ${places.length > 0 ? places.join(', ') : 'nowhere given'}`
  }
  return `| ${SEVERITY_ICON[f.severity]} ${f.severity} | ${what} | ${location} | ${evidence} | ${f.confidence} | ${escapeMultiline(clip(f.rationale))} |`
}

function specsSection(
  specs: readonly TestSpec[],
  caps: Caps,
  omitted: Omitted,
  cache: RenderCache
): string {
  if (specs.length === 0)
    return '### Test specifications\n\nNo test specifications from this perspective.'
  const listed = specs.slice(0, caps.specs)
  const withCode = listed.slice(0, caps.specCode)
  const withoutCode = listed.slice(withCode.length)
  const parts = [`### Test specifications (${specs.length})`]
  for (const spec of withCode) parts.push(cached(cache.specBlocks, spec, () => specBlock(spec)))
  if (withoutCode.length > 0) {
    omitted.specCode += withoutCode.length
    parts.push(
      [
        `The code of ${withCode.length > 0 ? 'these' : 'the following'} ${count(withoutCode.length, 'spec')} is in the stored results:`,
        '',
        '| Priority | Level | Spec | Test file |',
        '|---|---|---|---|',
        ...withoutCode.map((s) => cached(cache.specRows, s, () => specRow(s)))
      ].join('\n')
    )
  }
  const rest = specs.length - listed.length
  if (rest > 0) {
    omitted.specs += rest
    parts.push(`_… and ${count(rest, 'more spec')} (all are in the stored results)._`)
  }
  return parts.join('\n\n')
}

/** Compact layout: the specs counted by priority on one line, their list left to the stored results. */
function specsLine(specs: readonly TestSpec[], omitted: Omitted): string {
  if (specs.length === 0) return '**Specs:** none from this perspective.'
  omitted.specs += specs.length
  const byPriority = (['P1', 'P2', 'P3'] as const).map(
    (p) => [p, specs.filter((s) => s.priority === p).length] as const
  )
  const counts = byPriority.filter(([, n]) => n > 0).map(([p, n]) => `${n} ${p}`)
  return `**Specs:** ${count(specs.length, 'spec')} (${counts.join(', ')}); listed with their code in the stored results.`
}

function specRow(s: TestSpec): string {
  return `| ${s.priority} | ${s.level} | ${escapeInline(clip(s.title, 200))} | <code>${escapeInline(clip(s.fileName, 200))}</code> |`
}

function specBlock(spec: TestSpec): string {
  const target = spec.target.symbol ? `${spec.target.file}#${spec.target.symbol}` : spec.target.file
  const facts = [
    `**Target:** <code>${escapeInline(clip(target, 200))}</code>`,
    `**Framework:** ${escapeInline(spec.framework)}`,
    spec.covers.length > 0
      ? `**Covers:** ${spec.covers.length} finding${spec.covers.length === 1 ? '' : 's'}`
      : ''
  ].filter((s) => s !== '')
  return [
    '<details>',
    `<summary>${spec.priority} · ${spec.level} · ${escapeInline(clip(spec.title, 200))} — <code>${escapeInline(clip(spec.fileName, 200))}</code></summary>`,
    '',
    facts.join(' · '),
    '',
    `**Why:** ${escapeInline(clip(spec.rationale))}  \n**Expected:** ${escapeInline(clip(spec.expected))}`,
    '',
    fencedBlock(spec.code, FENCE_LANGUAGE[spec.language] ?? 'text'),
    '',
    '</details>'
  ].join('\n')
}

function metricsBlock(metrics: Record<string, number>): string {
  const names = Object.keys(metrics).sort()
  if (names.length === 0) return ''
  const rows = names.map((name) => `| ${escapeInline(name)} | ${formatNumber(metrics[name])} |`)
  return [
    '<details>',
    `<summary>Metrics (${names.length})</summary>`,
    '',
    '| Metric | Value |',
    '|---|---:|',
    ...rows,
    '',
    '</details>'
  ].join('\n')
}
