// The error-handling section of the summary: counts per kind, then the findings (most severe first)
// with where they are. Pure; repository text is escaped.
import { codeCell, escapeInline, moreNote, num, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import type { ErrorHandlingMessageId } from './messages.js'
import type { Found } from './context.js'

const REPORT_ROWS = 25

const LABEL: Record<ErrorHandlingMessageId, string> = {
  swallowedError: 'swallowed errors (empty catch/except)',
  logOnlyCatch: 'handlers that only log',
  bareExcept: 'bare except:',
  floatingPromise: 'floating promises / un-awaited coroutines',
  thenWithoutCatch: '.then() without a rejection handler',
  throwNonError: 'throws of non-Errors',
  lostCause: 'errors re-thrown without their cause',
  exitInLibrary: 'process exits in library code',
  noErrorListener: "emitters without an 'error' listener",
  unclosedResource: 'resources not closed on every path'
}

export interface ReportInput {
  kept: Found[]
  perKind: Record<ErrorHandlingMessageId, number>
  modules: number
  handlers: number
}

export function buildReport(input: ReportInput): string {
  const total = Object.values(input.perKind).reduce((a, b) => a + b, 0)
  if (input.modules === 0)
    return 'No JavaScript, TypeScript or Python source files were analysed, so there is no error handling to examine.'
  const intro = `Examined ${plural(input.modules, 'source module')} and ${plural(input.handlers, 'catch/except handler')}.`
  if (total === 0) {
    return `${intro} No problems found: no swallowed or log-only handlers, bare excepts, floating promises, unhandled .then() chains, non-Error throws, lost causes, exits in library code, emitters without 'error' listeners or unclosed resources.`
  }
  const counts = (Object.keys(LABEL) as ErrorHandlingMessageId[])
    .filter((k) => input.perKind[k] > 0)
    .map((k) => [escapeInline(LABEL[k]), num(input.perKind[k])])
  const rows = input.kept.slice(0, REPORT_ROWS).map((f) => {
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
  const shownTotal = input.kept.length
  return [
    `${intro} **${plural(total, 'finding')}**${shownTotal < total ? ` (${shownTotal} kept, the rest over the per-kind cap)` : ''}.`,
    table(['Kind', 'Found'], counts, ['left', 'right']),
    '#### Most severe\n\n' +
      table(['Severity', 'Confidence', 'Kind', 'Where', 'Code'], rows) +
      moreNote(rows.length, total, 'findings')
  ].join('\n\n')
}
