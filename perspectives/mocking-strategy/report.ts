// The mocking-strategy section of the summary: the seam table (unit, seam, injected or hard-wired,
// the tool to fake it), then the problems found in existing tests. Pure; repository text is escaped.
import { codeCell, escapeInline, moreNote, num, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import type { FindingDraft } from '../types.js'
import { SEAM_KINDS, SEAM_LABEL, type SeamKind } from './catalogue.js'
import type { MockingMessageId } from './messages.js'

export interface SeamRow {
  module: string
  unit: string
  seam: SeamKind
  mode: 'hard-wired' | 'injected'
  via: string
  line: number
  tool: string
}

const REPORT_ROWS = 30

export function buildReport(input: {
  modules: number
  tests: number
  units: number
  rows: SeamRow[]
  findings: FindingDraft<MockingMessageId>[]
  total: number
}): string {
  if (input.modules === 0 && input.tests === 0)
    return 'No source or test modules were analysed, so there are no seams or mocks to examine.'
  const intro = `Examined ${plural(input.units, 'public unit')} in ${plural(input.modules, 'source module')} and ${plural(input.tests, 'test file')}.`
  const parts = [intro]
  if (input.rows.length === 0) {
    parts.push(
      'No seams found: no public unit reaches the network, file system, clock, randomness, environment, a database, a child process or a third-party SDK, directly or through a parameter.'
    )
  } else {
    const counts = SEAM_KINDS.map((k) => {
      const of = input.rows.filter((r) => r.seam === k)
      return [
        escapeInline(SEAM_LABEL[k]),
        num(of.filter((r) => r.mode === 'hard-wired').length),
        num(of.filter((r) => r.mode === 'injected').length)
      ]
    }).filter((r) => r[1] !== '0' || r[2] !== '0')
    parts.push(table(['Seam', 'Hard-wired', 'Injected'], counts, ['left', 'right', 'right']))
    const rows = input.rows
      .slice(0, REPORT_ROWS)
      .map((r) => [
        codeCell(`${r.module}:${r.line}`),
        codeCell(r.unit),
        escapeInline(SEAM_LABEL[r.seam]),
        escapeInline(r.mode),
        codeCell(r.via),
        escapeInline(r.tool)
      ])
    parts.push(
      '#### Seam table\n\n' +
        table(['Where', 'Unit', 'Seam', 'How', 'Through', 'Fake it with'], rows) +
        moreNote(rows.length, input.rows.length, 'seams')
    )
  }
  if (input.total === 0) {
    parts.push(
      "No problems in existing tests or units: no hard-wired seams, no mocks of the project's own modules or of the module under test, no spies left unrestored, no hand-made mocks of third-party clients."
    )
  } else {
    const rows = input.findings.slice(0, REPORT_ROWS).map((f) => {
      const ev = f.evidence
      return [
        escapeInline(f.severity),
        escapeInline(f.messageId),
        'file' in ev ? codeCell(`${ev.file}:${ev.startLine}`) : '—',
        'file' in ev ? codeCell(ev.snippet.split('\n')[0].trim().slice(0, 80)) : '—'
      ]
    })
    parts.push(
      `**${plural(input.total, 'finding')}**.\n\n` +
        table(['Severity', 'Kind', 'Where', 'Code'], rows) +
        moreNote(rows.length, input.total, 'findings')
    )
  }
  return parts.join('\n\n')
}
