// The performance section of the summary: counts per kind, the top findings with where they are,
// and how the ReDoS check went. Pure; repository text is escaped.
import { codeCell, escapeInline, moreNote, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import type { Draft } from './context.js'
import type { PerformanceMessageId } from './messages.js'

const LABEL: Record<PerformanceMessageId, string> = {
  nestedLoops: 'Nested loops over collections',
  searchInLoop: 'Linear search inside a loop',
  awaitInLoop: 'Sequential await in a loop',
  syncIoOnAsyncPath: 'Blocking I/O on an async path',
  catastrophicRegex: 'Regex with catastrophic backtracking',
  unboundedCollection: 'Unbounded module-level collection',
  repeatedWorkInLoop: 'Loop-invariant parse/serialise/regex',
  stringConcatInLoop: 'String built with += in a loop'
}

const REPORT_ROWS = 20

export interface ReportInput {
  findings: Draft[]
  /** Found per kind before the cap. */
  totals: Record<PerformanceMessageId, number>
  sourceModules: number
  regex: { found: number; checked: number; skipped: number; unknown: number }
}

export function buildReport(input: ReportInput): string {
  if (input.sourceModules === 0)
    return 'No source files were analysed, so there is no code whose performance could be checked.'
  const total = Object.values(input.totals).reduce((a, b) => a + b, 0)
  const regexLine =
    `Regular expressions: ${input.regex.found} with a literal pattern, ${input.regex.checked} distinct ones checked by recheck` +
    (input.regex.unknown > 0
      ? ` (${input.regex.unknown} undecided: an automaton over regexMaxNfaSize, or lookaround/backreferences, which only the regexFuzzing option checks)`
      : '') +
    (input.regex.skipped > 0
      ? `, ${input.regex.skipped} not checked (over the maxRegexChecks limit)`
      : '') +
    '.'
  if (total === 0) {
    return (
      `No performance problems found in ${plural(input.sourceModules, 'source module')}: no nested loops over collections, searches or ` +
      `invariant work inside loops, sequential awaits, blocking calls on async paths, unbounded module-level collections or backtracking regexes. ${regexLine}`
    )
  }
  const kinds = (Object.keys(LABEL) as PerformanceMessageId[]).filter((k) => input.totals[k] > 0)
  const counts = table(
    ['Kind', 'Findings'],
    kinds.map((k) => [escapeInline(LABEL[k]), String(input.totals[k])]),
    ['left', 'right']
  )
  const rows = input.findings.slice(0, REPORT_ROWS).map((f) => {
    const where =
      'file' in f.evidence ? codeCell(`${f.evidence.file}:${f.evidence.startLine}`) : '—'
    return [
      escapeInline(f.severity),
      escapeInline(LABEL[f.messageId]),
      codeCell(f.symbol ?? '—'),
      where,
      escapeInline(f.confidence)
    ]
  })
  return [
    `**${plural(total, 'finding')}** in ${plural(input.sourceModules, 'source module')}.`,
    counts,
    '#### Top findings\n\n' +
      table(['Severity', 'Kind', 'Where in the code', 'File', 'Confidence'], rows) +
      moreNote(rows.length, total, 'findings'),
    regexLine
  ].join('\n\n')
}
