// Perspective 11: Test coverage. Where are the gaps? Line and branch coverage per file and function from
// a coverage report when there is one, else a static estimate (clearly labelled) from which tests import
// which modules and name which symbols; gaps ranked by CRAP × churn; stale and mismatched reports
// flagged; specs for the top gaps. How it decides is documented in README.md.
import type { ModuleModel } from '../../src/model/types.js'
import { definePerspective } from '../define.js'
import { createQuoter } from '../shared/evidence.js'
import { isInterfaceStub } from '../shared/interface-stub.js'
import { reachFacts } from '../shared/test-reach.js'
import { isTestSupportPath } from '../shared/support-files.js'
import { isDeclarationFile } from '../shared/units.js'
import type { FindingDraft } from '../types.js'
import { ciPlatforms, platformOnlyLines } from './platform.js'
import { GAP_KINDS, gapFindings, markKeptGaps, rankGaps } from './gaps.js'
import { finishFindings, perKindMetrics } from '../kit/index.js'
import {
  coverageByFile,
  fromEstimate,
  measurableModules,
  measureFromReport,
  type MeasuredFunction
} from './measure.js'
import { MESSAGES, type TestCoverageMessageId } from './messages.js'
import { OPTIONS, type TestCoverageOptions } from './options.js'
import { buildReport } from './report.js'
import { round2 } from './risk.js'
import { buildSpecs } from './specs.js'
import { filesNotInReports, goneFiles, staleReports } from './staleness.js'

export type { TestCoverageOptions } from './options.js'

/** Paths a report may list that were never part of the repository's files: dependencies and absolute paths elsewhere. */
const OUTSIDE = /(^|\/)(node_modules|site-packages|dist-packages)\/|^\//

export default definePerspective<TestCoverageMessageId, TestCoverageOptions>({
  meta: {
    number: 11,
    id: 'test-coverage',
    title: 'Test coverage',
    question: 'Where are the gaps?',
    description:
      'Maps coverage reports (lcov, Istanbul JSON, Cobertura XML, coverage.py JSON) onto the code model: line and branch ' +
      'coverage per file and per function. Without a report it makes a static estimate, labelled as such, from which tests ' +
      'import which modules and name which exported symbols. Gaps are ranked by risk = CRAP (complexity² × uncovered³ + ' +
      'complexity) × a churn factor from git history. Flags stale reports, files a report lists that are gone and source ' +
      'files it leaves out, and writes specs for the top gaps: boundary-value tables for their uncovered conditions and ' +
      'the throws they guard, todos where values cannot be derived.',
    messages: MESSAGES,
    implemented: true
  },
  options: OPTIONS,
  analyse(context) {
    const { options } = context
    const { model } = context
    const quote = createQuoter(context)
    const modules = measurableModules(model, isTestSupportPath, isDeclarationFile)
    const reports = model.facts.coverage
    const byFile = coverageByFile(reports)
    const languageByPath = new Map(model.modules.map((m) => [m.path, m.language as string]))
    const missing = new Set(
      filesNotInReports(modules, new Set(byFile.keys()), (p) => languageByPath.get(p)).map(
        (m) => m.path
      )
    )
    // One answer to "do tests run this?" for every perspective: the report where it is fresh, else the estimate.
    const facts = reachFacts(model)
    // A branch for a system CI also runs on is run there, whatever this report says (platform.ts).
    const platforms = ciPlatforms(model.facts.ci)
    const measured: MeasuredFunction[] = []
    const excluded: { file: string; symbol: string; line: number; pragma: string }[] = []
    for (const module of modules) {
      const covered = facts.measured(module.path)
      // Left out of coverage by the project, or run by a test in another process the report did not
      // measure: not a gap either way (round 5, concurrently's bin/ called "never ran").
      const config = facts.configExcluded(module.path)
      const subprocess = covered && !config ? facts.unmeasuredSubprocess(module) : undefined
      if (config || subprocess) {
        for (const fn of module.functions)
          if (!isInterfaceStub(module, fn))
            excluded.push({
              file: module.path,
              symbol: fn.qualifiedName,
              line: fn.loc.startLine,
              pragma: config
                ? `left out of coverage by the project (${config})`
                : (subprocess ?? '')
            })
        missing.delete(module.path)
        continue
      }
      if (covered) {
        const otherSystem = platformOnlyLines(module, quote.lines(module.path), platforms)
        for (const m of measureFromReport(
          module,
          covered.report,
          covered.file,
          quote,
          (line) => facts.isExcluded(module.path, line) || otherSystem.has(line)
        )) {
          // A Protocol method or an @abstractmethod / @overload stub has nothing to run.
          if (isInterfaceStub(module, m.fn)) continue
          // Never ran here, but a test file the run skipped (importorskip on this interpreter) tests it.
          if (m.neverCalled && facts.functionReach(module, m.fn) === 'estimated-tested') continue
          const pragma = facts.excludedBy(module, m.fn)
          if (pragma)
            excluded.push({
              file: module.path,
              symbol: m.fn.qualifiedName,
              line: m.fn.loc.startLine,
              pragma
            })
          else measured.push(m)
        }
      } else if (!missing.has(module.path))
        measured.push(
          ...module.functions
            .filter((fn) => !isInterfaceStub(module, fn))
            .map((fn) => fromEstimate(module, facts.estimate(module, fn)))
        )
    }
    const stale = staleReports(model)
    const staleSet = new Set(stale.map((s) => s.report.path))
    const gaps = rankGaps(measured, model.facts.git)
    const gapFound = gapFindings(gaps, quote, staleSet, model.facts.git.available)
    const reportFindings: FindingDraft<TestCoverageMessageId>[] = []

    for (const s of stale) {
      const latest = s.changed[0]
      reportFindings.push({
        messageId: 'staleReport',
        data: {
          report: s.report.path,
          modified: s.report.modified ?? 'at an unknown time',
          changed: `${s.changed.length} file${s.changed.length === 1 ? '' : 's'}`,
          latestFile: latest.path,
          latestChange: latest.lastChange
        },
        severity: s.changed.length * 2 >= s.report.files.length ? 'high' : 'medium',
        confidence: 'high',
        rationale: `The report's modification time (${s.report.modified}) is before the last git commit of ${s.changed.length} of the ${s.report.files.length} files it covers.`,
        evidence: {
          lookedFor: `files covered by ${s.report.path} whose last git change is after the report was written`,
          where: [s.report.path, ...s.changed.slice(0, 5).map((c) => c.path)]
        },
        key: `stale:${s.report.path}`,
        tags: ['coverage-report']
      })
    }
    // The repository's files (the product surface lists them all; this perspective's view keeps only the
    // product's modules): a listed file outside them is gone (or was skipped as too large).
    const pathSet = new Set([
      ...model.modules.map((m) => m.path),
      ...(model.surface?.files.map((f) => f.path) ?? [])
    ])
    const gone: { report: string; files: string[] }[] = []
    for (const report of reports) {
      const files = goneFiles(report, pathSet).filter((p) => !OUTSIDE.test(p))
      if (files.length === 0) continue
      gone.push({ report: report.path, files })
      reportFindings.push({
        messageId: 'reportFileGone',
        data: {
          report: report.path,
          count: `${files.length} file${files.length === 1 ? '' : 's'}`,
          examples: files.slice(0, 3).join(', ')
        },
        severity: 'low',
        confidence: 'high',
        rationale: `${files.length} of the ${report.files.length} files the report lists are not among the repository's analysed files.`,
        evidence: {
          lookedFor: `the files listed in ${report.path} among the repository's files`,
          where: [report.path, ...files.slice(0, 5)]
        },
        key: `gone:${report.path}`,
        tags: ['coverage-report']
      })
    }
    const notInReport = modules.filter((m) => missing.has(m.path)).sort(byLinesThenPath)
    for (const module of notInReport) {
      reportFindings.push({
        messageId: 'fileNotInReport',
        data: {
          file: module.path,
          lines: module.lines,
          functions: `${module.functions.length} function${module.functions.length === 1 ? '' : 's'}`,
          language: module.language,
          reports: reports.map((r) => r.path).join(', ')
        },
        severity: module.functions.length > 0 ? 'medium' : 'low',
        confidence: 'medium',
        rationale:
          'The reports cover other files of this language, so this one was either never loaded by a test under coverage or excluded from measurement.',
        evidence: quote.evidence(
          module.path,
          { startLine: 1, endLine: Math.max(1, Math.min(module.lines, 2)) },
          2
        ),
        key: `missing:${module.path}`,
        tags: ['coverage-report']
      })
    }

    // Gaps come ranked by risk, files by size: the caps keep the first.
    const finished = finishFindings(
      [...gapFound, ...reportFindings.map((draft) => ({ draft }))],
      Object.keys(MESSAGES) as TestCoverageMessageId[],
      {
        keepOrder: true,
        caps: [
          { kinds: GAP_KINDS, max: options.maxFindings },
          { kinds: ['fileNotInReport'], max: options.maxFileFindings }
        ]
      }
    )
    markKeptGaps(finished.kept)
    const specs = buildSpecs(gaps, options.maxSpecs)
    const fileRows = [...byFile.values()]
      .filter(
        (c) =>
          languageByPath.has(c.file.path) &&
          !model.modules.find((m) => m.path === c.file.path)?.isTest
      )
      .map((c) => ({
        path: c.file.path,
        linePercent:
          c.file.linesFound > 0 ? round2((100 * c.file.linesHit) / c.file.linesFound) : 100,
        branchPercent:
          c.file.branchesFound > 0
            ? round2((100 * c.file.branchesHit) / c.file.branchesFound)
            : null
      }))
    const reportFunctions = measured.filter((m) => m.basis === 'report').length
    const estimateFunctions = measured.length - reportFunctions
    const linesFound = [...byFile.values()].reduce((n, c) => n + c.file.linesFound, 0)
    const linesHit = [...byFile.values()].reduce((n, c) => n + c.file.linesHit, 0)
    const branchesFound = [...byFile.values()].reduce((n, c) => n + c.file.branchesFound, 0)
    const branchesHit = [...byFile.values()].reduce((n, c) => n + c.file.branchesHit, 0)
    const weight = measured.reduce((n, m) => n + m.fn.complexity, 0)
    const uncoveredWeight = measured.reduce((n, m) => n + m.fn.complexity * m.uncoveredShare, 0)
    const gapsListed = gaps.slice(0, options.maxGapsListed).map((g) => ({
      rank: g.rank,
      file: g.m.module.path,
      symbol: g.m.fn.qualifiedName,
      line: g.m.fn.loc.startLine,
      basis: g.m.basis,
      estimate: g.m.basis === 'estimate',
      complexity: g.m.fn.complexity,
      uncoveredShare: round2(g.m.uncoveredShare),
      uncoveredLines: g.m.uncoveredLines.slice(0, 50),
      reach: g.m.reach ?? null,
      commits: g.commits,
      churnFactor: g.churn,
      crap: g.crap,
      risk: g.risk,
      severity: g.severity
    }))
    return {
      findings: finished.kept.map((f) => f.draft),
      specs,
      metrics: {
        reports: reports.length,
        estimate: reports.length === 0 ? 1 : 0,
        modules: modules.length,
        functions: measured.length,
        functionsFromReport: reportFunctions,
        functionsEstimated: estimateFunctions,
        functionsUncovered: measured.filter((m) => m.uncoveredShare === 1).length,
        // Functions the project excludes from coverage (pragmas, the tool's exclude configuration): not gaps.
        functionsExcluded: excluded.length,
        // Files a report lists that changed after it was written: estimated, not measured.
        filesStale: modules.filter((m) => facts.stale.has(m.path)).length,
        // Σ(1 − uncovered share) over functions: a function tests name counts 1, one they may run 0.5.
        functionsReachedPercent:
          measured.length > 0
            ? round2(
                (100 * measured.reduce((n, m) => n + 1 - m.uncoveredShare, 0)) / measured.length
              )
            : 0,
        gaps: gaps.length,
        linesFound,
        linesHit,
        linePercent: linesFound > 0 ? round2((100 * linesHit) / linesFound) : 0,
        branchPercent: branchesFound > 0 ? round2((100 * branchesHit) / branchesFound) : 0,
        staleReports: stale.length,
        filesNotInReport: notInReport.length,
        reportFilesGone: gone.reduce((n, g) => n + g.files.length, 0),
        ...perKindMetrics(finished.perKind)
      },
      details: {
        basis:
          reports.length === 0
            ? 'static estimate (no coverage report)'
            : estimateFunctions > 0
              ? 'coverage report, static estimate for files of other languages'
              : 'coverage report',
        estimate: reports.length === 0,
        formula:
          'risk = (complexity² × uncovered³ + complexity) × churn; churn = 1 + log2(1 + commits in window), 1 without git history',
        churnAvailable: model.facts.git.available,
        // The report's write time stays out: it changes with every test run, and results must compare equal.
        reports: reports.map((r) => ({
          path: r.path,
          format: r.format,
          files: r.files.length,
          stale: staleSet.has(r.path)
        })),
        files: fileRows.slice(0, 500),
        gaps: gapsListed,
        gapsTotal: gaps.length,
        stale: stale.map((s) => ({ report: s.report.path, changed: s.changed.slice(0, 20) })),
        gone,
        notInReport: notInReport.map((m) => m.path).slice(0, 200),
        excluded: excluded.slice(0, 200),
        staleFiles: modules
          .filter((m) => facts.stale.has(m.path))
          .map((m) => m.path)
          .slice(0, 200),
        options
      },
      report:
        buildReport({
          modules: modules.length,
          functions: measured.length,
          reports,
          reportFunctions,
          estimateFunctions,
          gaps,
          stale,
          gone,
          notInReport: notInReport.map((m) => m.path),
          gitAvailable: model.facts.git.available,
          files: fileRows
        }) + reachNotes(modules.filter((m) => facts.stale.has(m.path)).length, excluded.length),
      risk: weight > 0 ? Math.round((100 * uncoveredWeight) / weight) : 0
    }
  }
})

function byLinesThenPath(a: ModuleModel, b: ModuleModel): number {
  return b.lines - a.lines || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
}

/** What the report did not decide: stale files (estimated instead) and functions the project excludes. */
function reachNotes(stale: number, excluded: number): string {
  const notes: string[] = []
  if (stale > 0)
    notes.push(
      `The coverage report is older than the last change of ${stale} file${stale === 1 ? '' : 's'}: it is used for unchanged files only, and those ${stale} get the static estimate.`
    )
  if (excluded > 0)
    notes.push(
      `${excluded} function${excluded === 1 ? ' is' : 's are'} excluded from coverage by the project (pragma or coverage configuration) or run only in another process the report does not measure, and not counted as gaps.`
    )
  return notes.length > 0 ? `\n\n${notes.join(' ')}` : ''
}
