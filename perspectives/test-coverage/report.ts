// The test-coverage section of the summary: where the numbers come from (report or estimate), the
// per-file coverage, stale and mismatched reports, and the gap table ranked by risk. Pure; escaped.
import type { CoverageReport } from '../../src/model/types.js'
import { codeCell, escapeInline, moreNote, num, table } from '../shared/markdown.js'
import type { Gap } from './gaps.js'
import type { StaleReport } from './staleness.js'

const GAP_ROWS = 20

export interface ReportInput {
  modules: number
  functions: number
  reports: readonly CoverageReport[]
  reportFunctions: number
  estimateFunctions: number
  gaps: readonly Gap[]
  stale: readonly StaleReport[]
  gone: { report: string; files: string[] }[]
  notInReport: string[]
  gitAvailable: boolean
  files: { path: string; linePercent: number; branchPercent: number | null }[]
}

export function buildReport(input: ReportInput): string {
  if (input.modules === 0)
    return 'No source modules were analysed, so there is no coverage to measure.'
  const parts: string[] = []
  const source =
    input.reports.length > 0
      ? `Coverage from ${input.reports.map((r) => `${codeCell(r.path)} (${escapeInline(r.format)})`).join(', ')}` +
        ` for ${input.reportFunctions} functions` +
        (input.estimateFunctions > 0
          ? `; **static estimate** (imports and named symbols, not a measurement) for ${input.estimateFunctions} functions in files of languages no report covers.`
          : '.')
      : `**No coverage report found: these figures are a STATIC ESTIMATE** from which tests import which modules and name which exported symbols, for ${input.functions} functions in ${input.modules} modules. Run the tests with coverage (lcov, Istanbul JSON, Cobertura or coverage.py JSON) for measured numbers.`
  parts.push(source)
  parts.push(
    input.gitAvailable
      ? 'Risk = CRAP × churn, CRAP = complexity² × uncovered³ + complexity, churn = 1 + log2(1 + commits to the file in the history window).'
      : 'Risk = CRAP = complexity² × uncovered³ + complexity; no git history, so the churn factor is 1 for every file.'
  )
  for (const s of input.stale) {
    parts.push(
      `⚠️ ${codeCell(s.report.path)} is **stale**: ${s.changed.length} file(s) it covers changed after it was written (e.g. ${s.changed
        .slice(0, 3)
        .map((c) => codeCell(c.path))
        .join(', ')}).`
    )
  }
  for (const r of input.reports)
    if (r.skippedTests)
      parts.push(
        `${codeCell(r.path)}: the run skipped ${r.skippedTests.count} test(s) on this interpreter (in ${r.skippedTests.files
          .slice(0, 3)
          .map(codeCell)
          .join(', ')}); functions only they reach are not called untested.`
      )
  for (const g of input.gone)
    parts.push(
      `${codeCell(g.report)} lists ${g.files.length} file(s) no longer in the repository (e.g. ${g.files.slice(0, 3).map(codeCell).join(', ')}).`
    )
  if (input.notInReport.length > 0)
    parts.push(
      `${input.notInReport.length} source file(s) are in no report (e.g. ${input.notInReport.slice(0, 5).map(codeCell).join(', ')}).`
    )
  if (input.files.length > 0) {
    const low = [...input.files].sort(
      (a, b) => a.linePercent - b.linePercent || a.path.localeCompare(b.path)
    )
    parts.push(
      '#### Least covered files\n\n' +
        table(
          ['File', 'Lines %', 'Branches %'],
          low
            .slice(0, 10)
            .map((f) => [
              codeCell(f.path),
              num(f.linePercent),
              f.branchPercent === null ? '—' : num(f.branchPercent)
            ]),
          ['left', 'right', 'right']
        ) +
        moreNote(Math.min(10, low.length), low.length, 'files')
    )
  }
  if (input.gaps.length === 0) {
    parts.push(
      input.reports.length > 0
        ? 'No gaps: every function the report lists ran in full.'
        : 'No gaps in the estimate: tests name every public unit.'
    )
    return parts.join('\n\n')
  }
  const rows = input.gaps
    .slice(0, GAP_ROWS)
    .map((g) => [
      num(g.rank),
      codeCell(`${g.m.module.path}:${g.m.fn.loc.startLine}`),
      codeCell(g.m.fn.qualifiedName),
      num(g.m.fn.complexity),
      g.m.basis === 'report'
        ? `${Math.round(g.m.uncoveredShare * 100)}%`
        : `${Math.round(g.m.uncoveredShare * 100)}% (estimate)`,
      num(g.commits),
      num(g.risk),
      escapeInline(g.severity)
    ])
  parts.push(
    `#### Gaps ranked by risk (${input.gaps.length})\n\n` +
      table(
        ['#', 'Where', 'Function', 'Complexity', 'Uncovered', 'Commits', 'Risk', 'Severity'],
        rows,
        ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'left']
      ) +
      moreNote(rows.length, input.gaps.length, 'gaps')
  )
  return parts.join('\n\n')
}
