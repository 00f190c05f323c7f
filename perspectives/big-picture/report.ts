// The big-picture section of the summary. It opens with a one-screen overview (risk, readiness, the
// top hotspots, what changed, what to write first), then the tables behind each line. Pure;
// repository text is escaped.
import { codeCell, escapeInline, moreNote, num, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import type { Backlog, BacklogEntry } from './backlog.js'
import type { Changes, ListedFinding } from './changes.js'
import type { HotspotResult } from './hotspots.js'
import type { BigPictureOptions } from './options.js'
import type { OverallRisk, Readiness } from './scores.js'
import type { SourceRow } from './sources.js'
import { countsText } from './weights.js'

export interface ReportInput {
  risk: OverallRisk
  readiness: Readiness
  rows: SourceRow[]
  maxAgeDays: number | undefined
  hotspots: HotspotResult
  changes: Changes
  backlog: Backlog
  options: BigPictureOptions
}

const FORMULAS = {
  risk: 'risk = round(0.5 × highest perspective risk + 0.5 × mean perspective risk), over the perspectives with a usable result',
  readiness:
    'readiness = passed checks ÷ decided checks × 100; "not ready" when a critical or a high-confidence high finding is open',
  hotspot:
    "hotspot score = Σ severity weight (critical 10, high 5, medium 2, low 1, info 0) × confidence (high 1, medium 0.6, low 0.3) over the file's findings, for files flagged by at least {min} perspectives",
  backlog:
    'backlog value = best spec priority (P1 3, P2 2, P3 1) + Σ weights of the open findings its specs cover, × 1.5 in a hotspot'
}

/** The formulas as this run applies them (the hotspot threshold is an option). */
export function formulas(options: BigPictureOptions): typeof FORMULAS {
  return {
    ...FORMULAS,
    hotspot: FORMULAS.hotspot.replace('{min}', String(options.minPerspectives))
  }
}

const STATE_MARK = { pass: '✅', fail: '❌', unknown: '❔' } as const
const OVERVIEW_ITEMS = 3
const SPECS_PER_ENTRY = 3

function short(commit: string | null): string {
  return commit ? ` at ${codeCell(commit.slice(0, 7))}` : ''
}

function target(e: Pick<BacklogEntry, 'file' | 'symbol'>): string {
  return e.symbol ? `${codeCell(e.symbol)} in ${codeCell(e.file)}` : codeCell(e.file)
}

function where(f: Pick<ListedFinding, 'file' | 'line'>): string {
  return f.file ? ` — ${codeCell(f.line ? `${f.file}:${f.line}` : f.file)}` : ''
}

function resultText(row: SourceRow): string {
  if (row.status === 'missing') return 'no result'
  const age = row.ageDays === null ? '' : row.ageDays < 1 ? 'today' : `${num(row.ageDays)} days old`
  const origin = {
    history: `stored, ${age}`,
    'this-run': 'this run',
    'computed-missing': 'computed now (none stored)',
    'computed-stale': 'computed now (stored one too old)',
    'computed-failed': 'computed now (stored one had failed)'
  }[row.origin ?? 'history']
  const state =
    row.status === 'ok'
      ? ''
      : ` — ${row.status}${row.error ? `: ${escapeInline(row.error.slice(0, 200))}` : ''}`
  return `${origin}${short(row.commit)}${state}`
}

function overview(input: ReportInput): string {
  const { risk, readiness, hotspots, changes, backlog, rows } = input
  const decided = readiness.passed + readiness.failed
  const lines: string[] = [
    `**Overall risk: ${risk.value}/100** · **Readiness: ${readiness.verdict}** (${readiness.passed} of ${plural(decided, 'decided check')} pass${readiness.unknown > 0 ? `, ${readiness.unknown} cannot be decided yet` : ''})`,
    ''
  ]
  const top = hotspots.hotspots.slice(0, OVERVIEW_ITEMS)
  lines.push(
    top.length > 0
      ? `- **Hotspots:** ${top.map((h) => `${codeCell(h.file)} (${h.perspectives.length} perspectives, score ${num(h.score)})`).join(', ')}${hotspots.hotspots.length > top.length ? ` and ${hotspots.hotspots.length - top.length} more below` : ''}.`
      : `- **Hotspots:** none — no file is flagged by ${input.options.minPerspectives} or more perspectives.`
  )
  if (changes.previous && !changes.note) {
    lines.push(
      `- **Since the last big picture** (${escapeInline(changes.previous.timestamp.slice(0, 10))}${short(changes.previous.commit)}): ${changes.newFindings.length} new, ${changes.resolved.length} resolved, ${changes.unchanged} unchanged${changes.notCompared.length > 0 ? ` (not compared: ${changes.notCompared.join(', ')})` : ''}.`
    )
  } else lines.push(`- **Since the last big picture:** ${escapeInline(changes.note ?? '')}.`)
  const first = backlog.entries.slice(0, OVERVIEW_ITEMS)
  lines.push(
    first.length > 0
      ? `- **Write first:**\n${first.map((e, i) => `  ${i + 1}. tests for ${target(e)}: ${plural(e.specs.length, 'spec')} from ${e.perspectives.join(', ')}${e.covers > 0 ? `, covering ${plural(e.covers, 'open finding')}` : ''}`).join('\n')}`
      : '- **Write first:** no perspective proposed a spec.'
  )
  const computed = rows.filter((r) => r.origin?.startsWith('computed-'))
  const stored = rows.filter((r) => r.origin === 'history')
  const ages = stored.map((r) => r.ageDays ?? 0)
  const parts = [
    stored.length > 0
      ? `${stored.length} stored (${num(Math.min(...ages))} to ${num(Math.max(...ages))} days old)`
      : '',
    rows.some((r) => r.origin === 'this-run')
      ? `${rows.filter((r) => r.origin === 'this-run').length} from this run`
      : '',
    computed.length > 0
      ? `${computed.length} computed now (${computed.map((r) => r.perspective).join(', ')})`
      : '',
    rows.some((r) => r.status !== 'ok')
      ? `${rows.filter((r) => r.status !== 'ok').length} without a usable result`
      : ''
  ].filter((p) => p !== '')
  lines.push(`- **Results used:** ${parts.join(', ')}.`)
  return lines.join('\n')
}

function readinessTable(readiness: Readiness): string {
  return table(
    ['Check', '', 'Why'],
    readiness.checks.map((c) => [escapeInline(c.name), STATE_MARK[c.state], escapeInline(c.why)])
  )
}

function sourcesTable(rows: SourceRow[]): string {
  return table(
    ['#', 'Perspective', 'Risk', 'Findings', 'Result'],
    rows.map((r) => [
      String(r.number),
      codeCell(r.perspective),
      r.status === 'ok' ? String(r.risk) : '–',
      r.status === 'ok'
        ? `${r.findings}${r.findings > 0 ? ` (${countsText(r.severities)})` : ''}`
        : '–',
      resultText(r)
    ]),
    ['right', 'left', 'right', 'left', 'left']
  )
}

function hotspotTable(result: HotspotResult, max: number): string {
  const shown = result.hotspots.slice(0, max)
  const rows = shown.map((h) => [
    codeCell(h.file),
    h.perspectives.map((p) => codeCell(p)).join(', '),
    `${h.findings} (${countsText(h.severities)})`,
    num(h.score),
    `${escapeInline(h.top.finding.title)} (line ${h.top.startLine})`
  ])
  return (
    table(['File', 'Perspectives', 'Findings', 'Score', 'Most severe'], rows, [
      'left',
      'left',
      'left',
      'right',
      'left'
    ]) + moreNote(shown.length, result.hotspots.length, 'hotspots')
  )
}

function findingList(list: ListedFinding[], max: number): string {
  const shown = list.slice(0, max)
  return (
    shown
      .map(
        (f) => `- **${f.severity}** ${codeCell(f.perspective)}: ${escapeInline(f.title)}${where(f)}`
      )
      .join('\n') + moreNote(shown.length, list.length, 'findings')
  )
}

function backlogTable(backlog: Backlog, max: number): string {
  const shown = backlog.entries.slice(0, max)
  const rows = shown.map((e, i) => [
    String(i + 1),
    `${target(e)}${e.hotspot ? ' 🔥' : ''}`,
    e.specs
      .slice(0, SPECS_PER_ENTRY)
      .map(
        (s) =>
          `${escapeInline(s.title.length > 90 ? `${s.title.slice(0, 87)}...` : s.title)} (${codeCell(s.perspective)}, ${s.priority}, ${codeCell(s.fileName)})`
      )
      .join('<br>') +
      (e.specs.length > SPECS_PER_ENTRY
        ? `<br>and ${e.specs.length - SPECS_PER_ENTRY} more from ${e.perspectives.join(', ')}`
        : ''),
    e.covers > 0 ? `${e.covers} (${countsText(e.severities)})` : '–',
    num(e.value)
  ])
  return (
    table(
      [
        '#',
        'What to test',
        'Specs (perspective, priority, file)',
        'Open findings covered',
        'Value'
      ],
      rows,
      ['right', 'left', 'left', 'left', 'right']
    ) + moreNote(shown.length, backlog.entries.length, 'targets')
  )
}

/** The overview's first line in plain text, for the terminal and the dataset row's summary. */
export function headline(input: ReportInput): string {
  const { risk, readiness, hotspots, changes } = input
  const decided = readiness.passed + readiness.failed
  const since =
    changes.previous && !changes.note
      ? `; since the last big picture: ${changes.newFindings.length} new, ${changes.resolved.length} resolved`
      : ''
  const top = hotspots.hotspots[0]
  const hot = top
    ? `${plural(hotspots.hotspots.length, 'hotspot')}, the top one ${top.file}`
    : 'no hotspots'
  return `Overall risk ${risk.value}/100, readiness: ${readiness.verdict} (${readiness.passed} of ${decided} decided checks pass); ${hot}${since}.`
}

export function buildReport(input: ReportInput): string {
  const { options, hotspots, changes, backlog } = input
  const parts = [
    overview(input),
    `#### Readiness\n\n${readinessTable(input.readiness)}`,
    `#### Perspectives\n\n${sourcesTable(input.rows)}`
  ]
  const left = hotspots.gone + hotspots.changed
  const leftNote =
    left > 0
      ? `\n\n${plural(left, 'finding')} of stored results no longer match the code (${hotspots.gone} in files no longer analysed, ${hotspots.changed} whose quoted code changed) and are not counted here.`
      : ''
  const examples =
    hotspots.notShipped > 0
      ? `\n\n${plural(hotspots.notShipped, 'finding')} outside the product (examples, docs, tooling, benchmarks, fixtures) are not counted: that code is not what the project ships.`
      : ''
  if (hotspots.hotspots.length > 0)
    parts.push(
      `#### Hotspots\n\n${hotspotTable(hotspots, options.maxHotspots)}${leftNote}${examples}`
    )
  if (changes.newFindings.length > 0)
    parts.push(
      `#### New since the last big picture (${changes.newFindings.length})\n\n${findingList(changes.newFindings, options.maxListed)}`
    )
  if (changes.resolved.length > 0)
    parts.push(
      `#### Resolved since the last big picture (${changes.resolved.length})\n\n${findingList(changes.resolved, options.maxListed)}`
    )
  if (backlog.entries.length > 0) {
    const dup =
      backlog.duplicates > 0 ? ` (${plural(backlog.duplicates, 'duplicate')} folded in)` : ''
    parts.push(
      `#### Backlog: ${plural(backlog.specs, 'spec')} across perspectives, by target${dup}\n\nThe code of each spec is in its perspective's result.\n\n${backlogTable(backlog, options.maxBacklog)}`
    )
  }
  const applied = formulas(options)
  const lines = [applied.risk, applied.readiness, applied.hotspot, applied.backlog]
  const risk = input.risk
  const worked = risk.highestPerspective
    ? `\n\nThis run: 0.5 × ${risk.highest} (${codeCell(risk.highestPerspective)}) + 0.5 × ${num(risk.mean)} (mean of ${risk.perspectives}) = ${risk.value}.`
    : ''
  parts.push(
    `<details><summary>How these numbers are computed</summary>\n\n${lines.map((f) => `- ${escapeInline(f)}`).join('\n')}${worked}\n\n</details>`
  )
  return parts.join('\n\n')
}
