// Perspective 2: Failure modes. How can it fail? Explicit throw/raise sites with their error type and
// guard, calls that can throw or reject, and optional values used without a check, each scored as in an
// FMEA (severity x occurrence x detection = RPN) and sorted by RPN; specs trigger each mode and assert
// its error. How it decides is documented in README.md.
import { definePerspective } from '../define.js'
import { createQuoter } from '../shared/evidence.js'
import { importersOf } from '../shared/graph.js'
import { testReach } from '../shared/reach.js'
import { reachFacts } from '../shared/test-reach.js'
import { isTestSupportPath } from '../shared/support-files.js'
import { isDeclarationFile } from '../shared/units.js'
import { buildFinding } from './findings.js'
import { FAILURE_DESCRIPTION } from './description.js'
import { MESSAGES, type FailureMessageId } from './messages.js'
import { type FailureOptions, OPTIONS } from './options.js'
import { buildReport, failureLabel } from './report.js'
import { scoringContext } from './scoring.js'
import { buildSpecs } from './specs.js'
import { buildTable, designedThrow, markFinding, reportable, type Row } from './table.js'
import { finishFindings, perKindMetrics } from '../kit/index.js'

export type { FailureOptions } from './options.js'

/** Mean RPN of the worst escaping modes, on 0-100 (README "Risk"). */
const RISK_TOP = 20

function risk(selected: Row[]): number {
  const top = selected.slice(0, RISK_TOP)
  if (top.length === 0) return 0
  return Math.round(top.reduce((n, r) => n + r.scores.rpn, 0) / top.length / 10)
}

export default definePerspective<FailureMessageId, FailureOptions>({
  meta: {
    number: 2,
    id: 'failure-modes',
    title: 'Failure modes',
    question: 'How can it fail?',
    description: FAILURE_DESCRIPTION,
    messages: MESSAGES,
    implemented: true
  },
  options: OPTIONS,
  analyse(context) {
    const { options } = context
    const { model } = context
    const quote = createQuoter(context)
    const include = (path: string) => !isTestSupportPath(path) && !isDeclarationFile(path)
    const ctx = scoringContext(model, testReach(model), importersOf(model), reachFacts(model))
    const rows = buildTable(model, include, ctx)
    // Rows come sorted by RPN, the rank the kit cannot see: the cap keeps the first.
    const finished = finishFindings(
      rows
        .filter((row) => reportable(row, options.minRpn))
        .map((row) => ({ row, draft: buildFinding(row, quote) })),
      Object.keys(MESSAGES) as FailureMessageId[],
      { maxTotal: options.maxFindings, keepOrder: true }
    )
    const selected = finished.kept.map((f) => f.row)
    selected.forEach(markFinding)
    const findings = finished.kept.map((f) => f.draft)
    const eligible = finished.all.length
    // A throw that rejects a bad argument is a contract: no finding, but a spec that the bad argument is rejected.
    const contracts = rows.filter(
      (r) =>
        (r.mode.validates !== undefined || designedThrow(r)) &&
        r.mode.handling.effect === 'propagates' &&
        r.scores.tests !== 'asserted'
    )
    const specs = buildSpecs([...selected, ...contracts], options.maxSpecs, context.target)
    const sourceModules = model.modules.filter((m) => !m.isTest && include(m.path)).length
    const by = (pred: (r: Row) => boolean) => rows.filter(pred).length
    return {
      findings,
      specs,
      metrics: {
        sourceModules,
        failureModes: rows.length,
        explicitThrows: by((r) => r.mode.kind === 'throw'),
        throwingCalls: by((r) => r.mode.kind === 'call'),
        uncheckedOptionals: by((r) => r.mode.kind === 'optional'),
        escaping: by((r) => r.mode.handling.effect === 'propagates'),
        swallowed: by((r) => r.mode.handling.effect === 'swallowed'),
        handled: by((r) => r.mode.handling.effect === 'handled'),
        argumentContracts: by(
          (r) => r.mode.validates !== undefined && r.mode.handling.effect === 'propagates'
        ),
        designedThrows: contracts.filter((r) => r.mode.validates === undefined).length,
        caughtByCallers: by((r) => r.mode.callersCatch !== undefined),
        assertedByTests: by((r) => r.scores.tests === 'asserted'),
        maxRpn: rows[0]?.scores.rpn ?? 0,
        findingsOverCap: Math.max(0, eligible - findings.length),
        ...perKindMetrics(finished.perKind)
      },
      details: {
        fmea: rows.slice(0, options.maxTableRows).map((r) => ({
          rpn: r.scores.rpn,
          severity: r.scores.severity,
          occurrence: r.scores.occurrence,
          detection: r.scores.detection,
          kind: r.mode.kind,
          file: r.mode.module.path,
          line: r.mode.loc.startLine,
          where: r.where,
          failure: failureLabel(r),
          errorType: r.mode.errorType ?? null,
          message: r.mode.message ?? null,
          guard: r.mode.guard ?? null,
          effect: r.mode.handling.effect,
          effectText: r.effectText,
          reach: r.scores.reach,
          inputs: r.mode.inputs,
          tests: r.scores.tests,
          finding: r.findingId ?? null
        })),
        fmeaTotal: rows.length,
        options
      },
      report:
        buildReport({ rows, findings: findings.length, sourceModules }) +
        (eligible > findings.length
          ? `\n\n…and ${eligible - findings.length} more findings over the cap of ${options.maxFindings}.`
          : ''),
      risk: risk(selected)
    }
  }
})
