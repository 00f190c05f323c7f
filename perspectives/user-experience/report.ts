// The user-experience section of the summary: what was examined (programs, components), counts per
// kind, then the findings (most severe first) with where they are. Pure; repository text is escaped.
import { codeCell, escapeInline, moreNote, num, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import type { Found } from './context.js'
import type { UserExperienceMessageId } from './messages.js'

const REPORT_ROWS = 25

export const LABEL: Record<UserExperienceMessageId, string> = {
  optionWithoutHelp: 'options without help text',
  noHelpOption: 'hand-parsed arguments without --help',
  unknownOptionAccepted: 'unknown options accepted or ignored',
  exitZeroOnError: 'failures that exit with status 0',
  errorToStdout: 'errors written to standard output',
  imageWithoutAlt: 'images without alt text',
  controlWithoutName: 'buttons and links without an accessible name',
  clickOnStaticElement: 'click handlers on elements a keyboard cannot use',
  inputWithoutLabel: 'form fields without a label',
  genericErrorMessage: 'empty or generic error messages',
  optionNeverRead: 'options declared but never read',
  listenHostDropped: 'listen hosts dropped'
}

export interface ReportInput {
  kept: Found[]
  perKind: Record<UserExperienceMessageId, number>
  modules: number
  programs: string[]
  components: number
}

export function buildReport(input: ReportInput): string {
  if (input.modules === 0)
    return 'No JavaScript, TypeScript or Python source files were analysed, so there is nothing a user sees to examine.'
  const total = Object.values(input.perKind).reduce((a, b) => a + b, 0)
  const programs =
    input.programs.length > 0
      ? `${plural(input.programs.length, 'command-line program')} (${input.programs
          .slice(0, 5)
          .map((p) => codeCell(p))
          .join(', ')}${input.programs.length > 5 ? ', …' : ''})`
      : 'no command-line program'
  const intro = `Examined ${plural(input.modules, 'source module')}: ${programs} and ${plural(input.components, 'module')} with JSX. Vue and HTML templates are not analysed.`
  if (total === 0) {
    return `${intro} No problems found: every declared option has help text, unknown options are rejected, failures exit non-zero on standard error, elements have accessible names and labels, and no error message is empty or generic.`
  }
  const counts = (Object.keys(LABEL) as UserExperienceMessageId[])
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
  return [
    `${intro} **${plural(total, 'finding')}**${input.kept.length < total ? ` (${input.kept.length} kept, the rest over the per-kind cap)` : ''}.`,
    table(['Kind', 'Found'], counts, ['left', 'right']),
    '#### Most severe\n\n' +
      table(['Severity', 'Confidence', 'Kind', 'Where', 'Code'], rows) +
      moreNote(rows.length, input.kept.length, 'findings')
  ].join('\n\n')
}
