// The security section of the summary: what was checked, findings per kind with their CWE, and the
// worst findings with the path from source to sink. Pure; repository text is escaped.
import { codeCell, escapeInline, moreNote, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import type { Draft } from './context.js'
import { CWE, type SecurityMessageId } from './messages.js'
import { bySeverity } from '../kit/index.js'

const MAX_ROWS = 15

export interface ReportInput {
  modules: number
  functions: number
  workflows: number
  shown: Draft[]
  total: number
  perKind: Record<string, number>
  /** Candidates below the minConfidence option: named here, not reported as findings. */
  belowConfidence: Draft[]
  minConfidence: string
}

const MAX_BELOW = 10

function belowNote(input: ReportInput): string {
  const below = input.belowConfidence
  if (below.length === 0) return ''
  const rows = below
    .slice(0, MAX_BELOW)
    .map(
      (d) =>
        `- ${d.severity} ${codeCell(d.messageId)} at ${'file' in d.evidence ? codeCell(`${d.evidence.file}:${d.evidence.startLine}`) : 'repository level'}`
    )
  return (
    `#### Not reported: ${plural(below.length, 'candidate')} below ${escapeInline(input.minConfidence)} confidence\n\n` +
    `Mostly a public parameter that reaches a sink unchanged, which is the caller's concern in a library. Set the option \`minConfidence: low\` to report them.\n\n` +
    rows.join('\n') +
    moreNote(rows.length, below.length, 'candidates')
  )
}

export function buildReport(input: ReportInput): string {
  const parts: string[] = [
    `Checked ${plural(input.modules, 'JavaScript/TypeScript/Python module')} (${plural(input.functions, 'function')}) and ${plural(input.workflows, 'GitHub workflow')} for injection sinks, unsafe deserialisation, backtracking regular expressions applied to input, weak crypto and randomness, disabled TLS checks, hard-coded secrets and workflow injection.`
  ]
  if (input.total === 0) {
    parts.push(
      input.belowConfidence.length === 0
        ? 'No security findings: no input was traced to a sink and no risky setting or secret was found.'
        : `No security findings of ${escapeInline(input.minConfidence)} confidence or more.`
    )
    const below = belowNote(input)
    if (below) parts.push(below)
    return parts.join('\n\n')
  }
  const kinds = Object.entries(input.perKind).filter(([, n]) => n > 0)
  parts.push(
    '#### Findings per kind\n\n' +
      table(
        ['Kind', 'CWE', 'Findings'],
        kinds.map(([id, n]) => [codeCell(id), CWE[id as SecurityMessageId] ?? '', String(n)]),
        ['left', 'left', 'right']
      )
  )
  const worst = [...input.shown]
    .sort((a, b) => bySeverity(a.severity, b.severity))
    .slice(0, MAX_ROWS)
  parts.push(
    '#### Most severe\n\n' +
      table(
        ['Severity', 'Kind', 'Where', 'Path / detail'],
        worst.map((d) => [
          d.severity,
          codeCell(d.messageId),
          'file' in d.evidence ? codeCell(`${d.evidence.file}:${d.evidence.startLine}`) : '—',
          escapeInline(
            String(d.data.path ?? '').replace(/^ \(path: |\)$/g, '') ||
              String(d.data.function ?? d.data.file ?? '')
          )
        ])
      ) +
      moreNote(worst.length, input.total, 'findings (see the findings list)')
  )
  const below = belowNote(input)
  if (below) parts.push(below)
  return parts.join('\n\n')
}
