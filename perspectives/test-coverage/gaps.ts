// Gaps ranked by risk, and the findings for the top ones (see README.md for the formula).
import type { GitHistory } from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import type { Confidence, FindingDraft, Severity } from '../types.js'
import { lineRanges, type MeasuredFunction } from './measure.js'
import type { TestCoverageMessageId } from './messages.js'
import { capPartial, reportName } from '../shared/test-reach.js'
import { churnFactor, crap, gapSeverity, gapWeight, round2 } from './risk.js'

export interface Gap {
  m: MeasuredFunction
  key: string
  crap: number
  churn: number
  commits: number
  risk: number
  rank: number
  severity: Severity
  /** The message id of its finding, when it got one (within the cap). */
  finding?: TestCoverageMessageId
}

/** A gap: a function with lines a report marks unrun, or (estimate) one tests may not reach. */
const isGap = (m: MeasuredFunction): boolean => m.uncoveredShare > 0

export function rankGaps(measured: readonly MeasuredFunction[], git: GitHistory): Gap[] {
  const gaps = measured.filter(isGap).map((m) => {
    const { factor, commits } = churnFactor(git, m.module.path)
    const c = crap(m.fn.complexity, m.uncoveredShare)
    const risk = round2(c * factor)
    // A static "untested" is an estimate: at most medium, never the reason for a HIGH.
    const severity = gapSeverity({
      risk,
      crap: c,
      weight: gapWeight(m.fn.complexity, m.uncoveredShare),
      // An estimate names no line: "untested" stands for the whole function.
      lines: m.basis === 'report' ? m.uncoveredLines.length : Infinity,
      neverCalled: m.neverCalled
    })
    return {
      m,
      key: `fn:${m.fn.qualifiedName}`,
      crap: round2(c),
      churn: round2(factor),
      commits,
      risk,
      rank: 0,
      severity: m.basis === 'estimate' && severity === 'high' ? 'medium' : severity
    }
  })
  gaps.sort(
    (a, b) =>
      b.risk - a.risk ||
      (a.m.module.path < b.m.module.path ? -1 : a.m.module.path > b.m.module.path ? 1 : 0) ||
      a.m.fn.qualifiedName.localeCompare(b.m.fn.qualifiedName)
  )
  gaps.forEach((g, i) => (g.rank = i + 1))
  return gaps
}

const KIND: Record<string, string> = {
  function: 'function',
  method: 'method',
  arrow: 'arrow function',
  constructor: 'constructor',
  getter: 'getter',
  setter: 'setter',
  lambda: 'lambda'
}

function reachText(m: MeasuredFunction): string {
  if (m.runsOn) return `never runs here: it ${m.runsOn}`
  if (m.blocked) return `is reached only by test files that cannot run here (${m.blocked})`
  if (m.overridden)
    return 'is overridden by every subclass, and nothing builds its own class, so calls of its name run the overrides (read from the class hierarchy)'
  switch (m.reach) {
    case 'module-imported':
      return 'is public, and tests import its module but never name it'
    case 'unreached':
      return 'is in a module no test imports, directly or through other modules'
    default:
      return 'is not reached by tests'
  }
}

/** A gap's finding, with the gap it is about (marked once the cap has kept it). */
export interface GapFinding {
  draft: FindingDraft<TestCoverageMessageId>
  gap?: Gap
}

/** The two kinds a gap gives; they share one cap. */
export const GAP_KINDS: readonly TestCoverageMessageId[] = [
  'uncoveredFunction',
  'untestedFunctionEstimate'
]

/** A finding for every reportable gap, in rank order (the kit caps them). */
export function gapFindings(
  gaps: Gap[],
  quote: Quoter,
  staleReports: ReadonlySet<string>,
  churnAvailable: boolean
): GapFinding[] {
  const findings: FindingDraft<TestCoverageMessageId>[] = []
  const found: GapFinding[] = []
  // Estimate gaps of 0.5 ("may run through a tested caller") stay in the table: too uncertain to report.
  const reportable = gaps.filter((g) => g.m.basis === 'report' || g.m.uncoveredShare === 1)
  for (const gap of reportable) {
    const { m } = gap
    const fn = m.fn
    const evidence = quote.evidence(m.module.path, fn.loc, 2)
    const churnNote = churnAvailable
      ? `${gap.commits} commit${gap.commits === 1 ? '' : 's'} touched the file in the history window`
      : 'no git history, so churn counts as 1'
    const common = {
      symbol: fn.qualifiedName,
      file: m.module.path,
      kind: KIND[fn.kind] ?? fn.kind,
      complexity: fn.complexity,
      risk: gap.risk,
      crap: gap.crap,
      churnFactor: gap.churn,
      churnNote,
      rank: gap.rank,
      gaps: gaps.length
    }
    if (m.basis === 'report') {
      const report = m.report ? reportName(m.report) : 'the coverage report'
      const stale = staleReports.has(m.report?.path ?? '')
      const confidence: Confidence = stale || m.report?.partial ? 'medium' : 'high'
      const percent = Math.round(m.uncoveredShare * 100)
      const branchNote =
        m.uncoveredConditions.length + m.uncoveredThrows.length > 0
          ? `Unrun: ${m.uncoveredConditions.length} condition${m.uncoveredConditions.length === 1 ? '' : 's'} and ${m.uncoveredThrows.length} throw site${m.uncoveredThrows.length === 1 ? '' : 's'}.`
          : 'No condition or throw sits on those lines.'
      findings.push({
        messageId: 'uncoveredFunction',
        data: {
          ...common,
          uncoveredPercent: percent,
          uncovered: m.neverCalled
            ? `all of it (the function never ran; ${m.uncoveredLines.length} lines listed)`
            : `${m.uncoveredLines.length} of about ${m.measuredLines} executable lines`,
          report,
          lineList:
            m.uncoveredLines.length > 0
              ? `line${m.uncoveredLines.length === 1 ? '' : 's'} ${lineRanges(m.uncoveredLines)}`
              : 'the report marks the function as never called',
          branchNote
        },
        severity: capPartial(gap.severity, m.report),
        confidence,
        rationale:
          `Measured by ${report}${stale ? ' (stale: files changed after it was written)' : ''}. Risk = CRAP × churn = ` +
          `(${fn.complexity}² × ${round(m.uncoveredShare)}³ + ${fn.complexity}) × ${gap.churn}; severity high at 60 when CRAP alone reaches 30 and the unrun complexity (c² × u³ + c × u = ${round(gapWeight(fn.complexity, m.uncoveredShare))}) reaches 15, medium at 30 and 3; one or two unrun lines are low.`,
        evidence,
        key: gap.key,
        symbol: fn.qualifiedName,
        tags: ['coverage-report']
      })
    } else {
      findings.push({
        messageId: 'untestedFunctionEstimate',
        data: { ...common, reach: reachText(m) },
        severity: gap.severity,
        confidence: 'low',
        rationale:
          'ESTIMATE without a coverage report: reach is read statically from which tests import which modules and name which ' +
          `exported symbols, so code run through other calls is missed. Risk = (${fn.complexity}² × 1³ + ${fn.complexity}) × ${gap.churn}.`,
        evidence,
        key: gap.key,
        symbol: fn.qualifiedName,
        tags: ['static-estimate']
      })
    }
    found.push({ draft: findings[findings.length - 1], gap })
  }
  return found
}

/** Notes on each kept gap the kind and key of its finding, for the specs that cover it. */
export function markKeptGaps(kept: readonly GapFinding[]): void {
  for (const { draft, gap } of kept) {
    if (!gap) continue
    gap.finding = draft.messageId
    gap.key = draft.key
  }
}

const round = (n: number): string => String(Math.round(n * 100) / 100)
