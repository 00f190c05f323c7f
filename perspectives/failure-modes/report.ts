// The failure-modes section of the summary: counts by kind and effect, then the FMEA table sorted by
// RPN with "and N more". Pure; repository text is escaped.
import { codeCell, escapeInline, moreNote, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import type { Row } from './table.js'

const REPORT_ROWS = 25

const KIND_LABEL = {
  throw: 'throw/raise',
  call: 'throwing call',
  optional: 'unchecked optional'
} as const

export interface ReportInput {
  rows: Row[]
  findings: number
  sourceModules: number
}

export function failureLabel(row: Row): string {
  const { mode } = row
  const type = mode.errorType ?? 'error'
  if (mode.kind === 'throw')
    return `${type}${mode.guard !== undefined ? ` when ${mode.guard}` : mode.catchOf ? ` when ${mode.catchOf}` : ''}`
  if (mode.kind === 'optional') return `${type}: ${mode.param?.name ?? ''} missing at ${mode.text}`
  return `${type} from ${mode.text}`
}

export function buildReport(input: ReportInput): string {
  const { rows } = input
  if (rows.length === 0) {
    return (
      `No failure modes found in ${plural(input.sourceModules, 'source module')}: looked for throw/raise statements, ` +
      'calls that can throw or reject (JSON.parse, new URL, sync fs, decodeURIComponent, BigInt, awaited fetch/fs/HTTP ' +
      'clients; int(), float(), json.loads, open(), strptime, requests, urlopen) and optional parameters used without a check.'
    )
  }
  const count = (pred: (r: Row) => boolean) => rows.filter(pred).length
  const parts: string[] = []
  parts.push(
    `**${plural(rows.length, 'failure mode')}**: ${count((r) => r.mode.kind === 'throw')} explicit throw/raise, ` +
      `${count((r) => r.mode.kind === 'call')} throwing calls, ${count((r) => r.mode.kind === 'optional')} unchecked optional values. ` +
      `${count((r) => r.mode.handling.effect === 'propagates')} escape their function, ${count((r) => r.mode.handling.effect === 'swallowed')} ` +
      `are caught and dropped, ${count((r) => r.mode.handling.effect === 'handled')} are handled; ` +
      `${count((r) => r.scores.tests === 'asserted')} have a test asserting the error. ${plural(input.findings, 'finding')}.`
  )
  const shown = rows.slice(0, REPORT_ROWS)
  parts.push(
    '#### FMEA (sorted by RPN)\n\n' +
      'RPN = severity × occurrence × detection, each 1-10 (see the perspective README for the scales).\n\n' +
      table(
        ['RPN', 'S', 'O', 'D', 'Mode', 'Where', 'Failure', 'Effect', 'Tests'],
        shown.map((r) => [
          String(r.scores.rpn),
          String(r.scores.severity),
          String(r.scores.occurrence),
          String(r.scores.detection),
          KIND_LABEL[r.mode.kind],
          codeCell(`${r.mode.module.path}:${r.mode.loc.startLine} ${r.where}`),
          codeCell(failureLabel(r)),
          escapeInline(r.mode.handling.effect),
          escapeInline(r.scores.tests)
        ]),
        ['right', 'right', 'right', 'right', 'left', 'left', 'left', 'left', 'left']
      ) +
      moreNote(shown.length, rows.length, 'failure modes in the details')
  )
  return parts.join('\n\n')
}
