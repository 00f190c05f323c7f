// How much of each function the tests run: from a coverage report when one lists the file, else a
// static estimate from which tests import the module and name its symbols (shared/reach.ts).
// A function owns the lines of its range minus those of functions nested in it (innermost wins).
import type {
  CodeModel,
  Condition,
  CoverageReport,
  FileCoverage,
  FunctionDecl,
  ModuleModel,
  ThrowSite
} from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import { type Estimate, estimateFunctions } from '../shared/reach-estimate.js'
import { functionEntry } from '../shared/test-reach.js'
import type { TestReach, UnitReach } from '../shared/reach.js'
import { lineWithin } from '../kit/index.js'

export type Basis = 'report' | 'estimate'

export interface MeasuredFunction {
  module: ModuleModel
  fn: FunctionDecl
  basis: Basis
  /** The report the numbers come from (basis 'report'). */
  report?: CoverageReport
  /** 0..1: the share of the function's executable lines no test ran (estimate: 0, 0.5 or 1). */
  uncoveredShare: number
  /** Uncovered line numbers the function owns (basis 'report'). */
  uncoveredLines: number[]
  /** Executable lines the share is taken over (basis 'report'): non-blank owned lines scaled by the file's density. */
  measuredLines: number
  /** The report's function entry says it never ran. */
  neverCalled: boolean
  /** Conditions in the function on uncovered lines (estimate: all of them when untested). */
  uncoveredConditions: Condition[]
  /** Throw/raise sites in the function on uncovered lines (estimate: all of them when untested). */
  uncoveredThrows: ThrowSite[]
  /** Static reach (basis 'estimate'). */
  reach?: UnitReach
  /** Estimate: every subclass overrides it and nothing builds its class, so calls run the overrides. */
  overridden?: true
  /** Static: the test files importing its module cannot run here (why). */
  blocked?: string
  /** Static: defined under a version or platform check not taken here. */
  runsOn?: string
}

/** The report that speaks for a file: the newest one listing it, then the one that measured more lines. */
export function coverageByFile(
  reports: readonly CoverageReport[]
): Map<string, { report: CoverageReport; file: FileCoverage }> {
  const map = new Map<string, { report: CoverageReport; file: FileCoverage }>()
  for (const report of reports) {
    for (const file of report.files) {
      const previous = map.get(file.path)
      const newer = previous && (report.modified ?? '') > (previous.report.modified ?? '')
      const same = previous && (report.modified ?? '') === (previous.report.modified ?? '')
      if (!previous || newer || (same && file.linesFound > previous.file.linesFound))
        map.set(file.path, { report, file })
    }
  }
  return map
}

/** For each function, the lines of functions nested inside it (their lines are theirs, not the outer one's). */
function nestedRanges(module: ModuleModel): Map<FunctionDecl, FunctionDecl[]> {
  const sorted = [...module.functions].sort(
    (a, b) => a.loc.startLine - b.loc.startLine || b.loc.endLine - a.loc.endLine
  )
  const nested = new Map<FunctionDecl, FunctionDecl[]>()
  for (let i = 0; i < sorted.length; i++) {
    const outer = sorted[i]
    const inner: FunctionDecl[] = []
    for (let j = i + 1; j < sorted.length && sorted[j].loc.startLine <= outer.loc.endLine; j++) {
      const candidate = sorted[j]
      if (
        candidate.loc.endLine <= outer.loc.endLine &&
        (candidate.loc.startLine > outer.loc.startLine || candidate.loc.endLine < outer.loc.endLine)
      )
        inner.push(candidate)
    }
    nested.set(outer, inner)
  }
  return nested
}

function owns(line: number, fn: FunctionDecl, inner: readonly FunctionDecl[]): boolean {
  return lineWithin(line, fn.loc) && !inner.some((f) => lineWithin(line, f.loc))
}

/**
 * The function's executable lines as the report lists them, run or not, when it lists run lines: a
 * docstring or comment is neither, so the file's density does not stand in for them (flask's `App.name`,
 * 4 unrun lines of 6 under an 8-line docstring, was called 100% uncovered in round 6). A covered
 * declaration line ran when the module loaded, not the body: not counted.
 */
function executableOwned(
  fn: FunctionDecl,
  inner: readonly FunctionDecl[],
  covered: ReadonlySet<number> | undefined,
  uncovered: ReadonlySet<number>
): number | undefined {
  if (!covered) return undefined
  let n = 0
  for (let line = fn.loc.startLine; line <= fn.loc.endLine; line++) {
    if (!owns(line, fn, inner)) continue
    if (uncovered.has(line) || (covered.has(line) && line !== fn.loc.startLine)) n++
  }
  return n
}

/**
 * A condition with an unrun branch: an uncovered line on it or in its body. JavaScript conditions span
 * their whole statement; Python ones only the test, so the line after it stands for the body.
 */
function branchUnrun(c: Condition, uncovered: ReadonlySet<number>): boolean {
  const end = Math.max(c.loc.endLine, c.loc.startLine + 1)
  for (let line = c.loc.startLine; line <= end; line++) if (uncovered.has(line)) return true
  return false
}

/**
 * Measures every function of one module from its report entry. `excludedLine` tells lines the project
 * excludes from coverage (pragmas, the tool's configuration): they are neither run nor unrun.
 */
export function measureFromReport(
  module: ModuleModel,
  report: CoverageReport,
  file: FileCoverage,
  quote: Quoter,
  excludedLine: (line: number) => boolean = () => false
): MeasuredFunction[] {
  const lines = quote.lines(module.path)
  const nonBlank = lines.filter((l) => l.trim() !== '').length
  // lcov and friends count statements, not braces and comments: scale owned non-blank lines by the file's density.
  const density = nonBlank > 0 && file.linesFound > 0 ? Math.min(1, file.linesFound / nonBlank) : 1
  const uncoveredList = file.uncoveredLines.filter((line) => !excludedLine(line))
  const uncovered = new Set(uncoveredList)
  // The report's own run lines, when it lists them for this file (not a build's, matched by name).
  const covered =
    file.coveredLines && file.coveredLines.length > 0 && !file.through
      ? new Set(file.coveredLines.filter((line) => !excludedLine(line)))
      : undefined
  const nested = nestedRanges(module)
  const out: MeasuredFunction[] = []
  for (const fn of module.functions) {
    const inner = nested.get(fn) ?? []
    let owned = 0
    for (let line = fn.loc.startLine; line <= fn.loc.endLine; line++)
      if ((lines[line - 1] ?? '').trim() !== '' && owns(line, fn, inner)) owned++
    const uncoveredLines = uncoveredList.filter((line) => owns(line, fn, inner))
    const entry = functionEntry(file, fn)
    const neverCalled = entry !== undefined && entry.hits === 0
    const measuredLines = Math.max(
      uncoveredLines.length,
      executableOwned(fn, inner, covered, uncovered) ?? Math.round(owned * density)
    )
    const share = neverCalled ? 1 : measuredLines === 0 ? 0 : uncoveredLines.length / measuredLines
    out.push({
      module,
      fn,
      basis: 'report',
      report,
      uncoveredShare: Math.min(1, share),
      uncoveredLines,
      measuredLines,
      neverCalled,
      uncoveredConditions: module.conditions.filter(
        (c) => c.enclosing === fn.qualifiedName && branchUnrun(c, uncovered)
      ),
      uncoveredThrows: module.throws.filter(
        (t) => t.enclosing === fn.qualifiedName && !t.rethrow && uncovered.has(t.loc.startLine)
      )
    })
  }
  return out
}

/** The static estimate for one module (shared/reach-estimate.ts), as measured functions. */
export function estimateModule(
  module: ModuleModel,
  reach: TestReach,
  importedByReachedCode: boolean,
  defaultBound = false,
  runByTests = false
): MeasuredFunction[] {
  return estimateFunctions(module, reach, importedByReachedCode, defaultBound, runByTests).map(
    (e) => fromEstimate(module, e)
  )
}

/** A measured function from its static estimate: an untested one leaves all its conditions and throws unrun. */
export function fromEstimate(module: ModuleModel, e: Estimate): MeasuredFunction {
  const untested = e.share === 1
  return {
    module,
    fn: e.fn,
    basis: 'estimate',
    uncoveredShare: e.share,
    uncoveredLines: [],
    measuredLines: 0,
    neverCalled: false,
    uncoveredConditions: untested
      ? module.conditions.filter((c) => c.enclosing === e.fn.qualifiedName)
      : [],
    uncoveredThrows: untested
      ? module.throws.filter((t) => t.enclosing === e.fn.qualifiedName && !t.rethrow)
      : [],
    reach: e.reach,
    ...(e.overridden ? { overridden: true as const } : {}),
    ...(e.blocked ? { blocked: e.blocked } : {}),
    ...(e.runsOn ? { runsOn: e.runsOn } : {})
  }
}

/** Lines as short ranges: [3,4,5,9] gives "3-5, 9". */
export function lineRanges(lines: readonly number[], max = 8): string {
  const parts: string[] = []
  let i = 0
  while (i < lines.length) {
    let j = i
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++
    parts.push(i === j ? String(lines[i]) : `${lines[i]}-${lines[j]}`)
    i = j + 1
  }
  return parts.length > max
    ? `${parts.slice(0, max).join(', ')} and ${parts.length - max} more ranges`
    : parts.join(', ')
}

/** Source modules the perspective measures: not tests, not fixtures, not declaration files. */
export function measurableModules(
  model: CodeModel,
  isSupport: (path: string) => boolean,
  isDeclaration: (path: string) => boolean
): ModuleModel[] {
  return model.modules.filter(
    (m) => !m.isTest && !isSupport(m.path) && !isDeclaration(m.path) && m.language !== 'other'
  )
}

export { defaultBoundModules } from '../shared/reach-estimate.js'
