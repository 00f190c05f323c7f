// The data-integrity section of the summary: counts per kind, the invariants found (round-trip pairs),
// then the findings, most severe first. Pure; repository text is escaped.
import { codeCell, escapeInline, moreNote, num, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import type { Found } from './context.js'
import type { DataIntegrityMessageId } from './messages.js'

const REPORT_ROWS = 25

export const LABEL: Record<DataIntegrityMessageId, string> = {
  roundTripPair: 'serialise/parse pairs (round-trip invariants)',
  nonAtomicWrite: 'files written in place (no write-then-rename)',
  writesWithoutTransaction: 'several database writes without a transaction',
  floatMoney: 'money in binary floating point',
  unvalidatedInput: 'external input used without validation',
  argumentMutation: 'public functions that mutate their arguments',
  localTimeParsing: 'dates parsed or computed in local time'
}

export interface ReportInput {
  kept: Found[]
  perKind: Record<DataIntegrityMessageId, number>
  modules: number
  runnableSpecs: number
  specs: number
}

export function buildReport(input: ReportInput): string {
  const total = Object.values(input.perKind).reduce((a, b) => a + b, 0)
  if (input.modules === 0)
    return 'No JavaScript, TypeScript or Python source files were analysed, so there is no data handling to examine.'
  const intro = `Examined ${plural(input.modules, 'source module')}.`
  if (total === 0) {
    return `${intro} No problems found: no serialise/parse pairs to pin with a round-trip property, no in-place file writes, no multi-write database changes outside a transaction, no money in floats, no unvalidated external input, no public functions mutating their arguments and no local-time date parsing.`
  }
  const counts = (Object.keys(LABEL) as DataIntegrityMessageId[])
    .filter((k) => input.perKind[k] > 0)
    .map((k) => [escapeInline(LABEL[k]), num(input.perKind[k])])
  const pairs = input.kept.filter((f) => f.draft.messageId === 'roundTripPair')
  const invariants =
    pairs.length === 0
      ? ''
      : '#### Invariants\n\n' +
        table(
          ['Pair', 'Invariant', 'Generator'],
          pairs
            .slice(0, REPORT_ROWS)
            .map((f) => [
              codeCell(`${f.draft.data.encode} / ${f.draft.data.decode}`),
              escapeInline(String(f.draft.data.invariant).replace(/`/g, '')),
              escapeInline(String(f.draft.data.generator).replace(/`/g, ''))
            ])
        ) +
        moreNote(Math.min(pairs.length, REPORT_ROWS), input.perKind.roundTripPair, 'pairs')
  const others = input.kept.filter((f) => f.draft.messageId !== 'roundTripPair')
  const rows = others.slice(0, REPORT_ROWS).map((f) => {
    const ev = f.draft.evidence
    const at = 'file' in ev ? codeCell(`${ev.file}:${ev.startLine}`) : '—'
    return [
      escapeInline(f.draft.severity),
      escapeInline(f.draft.confidence),
      escapeInline(LABEL[f.draft.messageId]),
      at,
      'file' in ev ? codeCell(ev.snippet.split('\n')[0].trim().slice(0, 80)) : '—'
    ]
  })
  const otherTotal = total - input.perKind.roundTripPair
  return [
    `${intro} **${plural(total, 'finding')}**${input.kept.length < total ? ` (${input.kept.length} kept, the rest over the per-kind cap)` : ''}; ${plural(input.specs, 'spec')}, ${input.runnableSpecs} runnable (property-based round trips and unchanged-argument checks), the rest todos saying what to arrange.`,
    table(['Kind', 'Found'], counts, ['left', 'right']),
    invariants,
    rows.length === 0
      ? ''
      : '#### Most severe\n\n' +
        table(['Severity', 'Confidence', 'Kind', 'Where', 'Code'], rows) +
        moreNote(rows.length, otherTotal, 'findings')
  ]
    .filter((s) => s !== '')
    .join('\n\n')
}
