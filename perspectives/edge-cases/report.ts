// The edge-cases section of the summary: the findings, then the catalogue of the first functions
// (public ones first) with each parameter's boundary values grouped by where they came from. Pure;
// repository text is escaped.
import { codeCell, escapeInline, moreNote, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import type { FunctionEntry, ParamEntry } from './catalogue.js'
import type { Draft } from './findings.js'

const REPORT_FUNCTIONS = 15
const REPORT_FINDINGS = 20

export interface ReportInput {
  entries: FunctionEntry[]
  findings: Draft[]
  totals: Record<string, number>
  sourceFiles: number
}

/** `from \`n > 100\` (line 2): 100, 101; type number: 0, -1, 1`. */
export function valuesText(p: ParamEntry): string {
  const groups = new Map<string, string[]>()
  for (const v of p.values) {
    let list = groups.get(v.source)
    if (!list) groups.set(v.source, (list = []))
    list.push(v.label)
  }
  const parts = [...groups].map(([source, labels]) => `${source}: ${labels.join(', ')}`)
  return parts.join('; ') + (p.omitted > 0 ? `; and ${p.omitted} more` : '')
}

export function buildReport(input: ReportInput): string {
  const { entries, findings, totals } = input
  if (input.sourceFiles === 0)
    return 'The repository has no analysed source files, so there are no boundaries to examine.'
  const parts: string[] = []
  parts.push(
    `**${plural(entries.length, 'function')}** with boundary values (${totals.callable} callable by a test), ` +
      `**${plural(totals.codeBoundaries, 'comparison')}** of a parameter with a literal, ` +
      `**${plural(totals.guardedThrows, 'throw site')}** with a guard we can evaluate; ` +
      (findings.length === 0
        ? 'no loop runs to a length inclusive, no value-returning function ends in a switch without a default, and every public function with literal boundaries is named by a test.'
        : `**${plural(findings.length, 'finding')}**.`)
  )
  if (findings.length > 0) {
    const rows = findings.slice(0, REPORT_FINDINGS).map((f) => {
      const where =
        'file' in f.evidence ? codeCell(`${f.evidence.file}:${f.evidence.startLine}`) : '—'
      return [escapeInline(f.severity), escapeInline(f.messageId), where, codeCell(f.symbol ?? '')]
    })
    parts.push(
      '#### Findings\n\n' +
        table(['Severity', 'Kind', 'Where', 'Function'], rows) +
        moreNote(rows.length, findings.length, 'findings')
    )
  }
  if (entries.length > 0) {
    const rows: string[][] = []
    for (const e of entries.slice(0, REPORT_FUNCTIONS)) {
      for (const p of e.params) {
        if (p.values.length === 0) continue
        rows.push([
          `${codeCell(e.fn.qualifiedName)} ${codeCell(`${e.module.path}:${e.fn.loc.startLine}`)}`,
          codeCell(p.param.name),
          p.param.type
            ? codeCell(p.param.type)
            : p.inferred
              ? `${escapeInline(p.inferred)} (inferred)`
              : 'untyped',
          escapeInline(valuesText(p))
        ])
      }
    }
    parts.push(
      '#### Edge-case catalogue\n\nPublic functions first, then by the number of comparisons with literals.\n\n' +
        table(['Function', 'Parameter', 'Type', 'Boundary values (where from)'], rows) +
        moreNote(
          Math.min(REPORT_FUNCTIONS, entries.length),
          entries.length,
          'functions in the details'
        )
    )
  }
  return parts.join('\n\n')
}
