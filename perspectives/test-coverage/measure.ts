// How much of each function the tests run: from a coverage report when one lists the file, else a
// static estimate from which tests import the module and name its symbols (shared/reach.ts).
// A function owns the lines of its range minus those of functions nested in it (innermost wins).
import type { CodeModel, Condition, CoverageReport, FileCoverage, FunctionDecl, ModuleModel, ThrowSite } from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import { type TestReach, type UnitReach, unitReach } from '../shared/reach.js'
import { exportNamesOf } from '../shared/units.js'

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
}

/** The report that speaks for a file: the newest one listing it, then the one that measured more lines. */
export function coverageByFile(reports: readonly CoverageReport[]): Map<string, { report: CoverageReport; file: FileCoverage }> {
  const map = new Map<string, { report: CoverageReport; file: FileCoverage }>()
  for (const report of reports) {
    for (const file of report.files) {
      const previous = map.get(file.path)
      const newer = previous && (report.modified ?? '') > (previous.report.modified ?? '')
      const same = previous && (report.modified ?? '') === (previous.report.modified ?? '')
      if (!previous || newer || (same && file.linesFound > previous.file.linesFound)) map.set(file.path, { report, file })
    }
  }
  return map
}

const within = (line: number, fn: { loc: { startLine: number; endLine: number } }): boolean => line >= fn.loc.startLine && line <= fn.loc.endLine

/** For each function, the lines of functions nested inside it (their lines are theirs, not the outer one's). */
function nestedRanges(module: ModuleModel): Map<FunctionDecl, FunctionDecl[]> {
  const sorted = [...module.functions].sort((a, b) => a.loc.startLine - b.loc.startLine || b.loc.endLine - a.loc.endLine)
  const nested = new Map<FunctionDecl, FunctionDecl[]>()
  for (let i = 0; i < sorted.length; i++) {
    const outer = sorted[i]
    const inner: FunctionDecl[] = []
    for (let j = i + 1; j < sorted.length && sorted[j].loc.startLine <= outer.loc.endLine; j++) {
      const candidate = sorted[j]
      if (candidate.loc.endLine <= outer.loc.endLine && (candidate.loc.startLine > outer.loc.startLine || candidate.loc.endLine < outer.loc.endLine)) inner.push(candidate)
    }
    nested.set(outer, inner)
  }
  return nested
}

function owns(line: number, fn: FunctionDecl, inner: readonly FunctionDecl[]): boolean {
  return within(line, fn) && !inner.some((f) => within(line, f))
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

/** Measures every function of one module from its report entry. */
export function measureFromReport(module: ModuleModel, report: CoverageReport, file: FileCoverage, quote: Quoter): MeasuredFunction[] {
  const lines = quote.lines(module.path)
  const nonBlank = lines.filter((l) => l.trim() !== '').length
  // lcov and friends count statements, not braces and comments: scale owned non-blank lines by the file's density.
  const density = nonBlank > 0 && file.linesFound > 0 ? Math.min(1, file.linesFound / nonBlank) : 1
  const uncovered = new Set(file.uncoveredLines)
  const nested = nestedRanges(module)
  const out: MeasuredFunction[] = []
  for (const fn of module.functions) {
    const inner = nested.get(fn) ?? []
    let owned = 0
    for (let line = fn.loc.startLine; line <= fn.loc.endLine; line++) if ((lines[line - 1] ?? '').trim() !== '' && owns(line, fn, inner)) owned++
    const uncoveredLines = file.uncoveredLines.filter((line) => owns(line, fn, inner))
    const entry = file.functions.find((f) => (f.line === fn.loc.startLine || f.line === fn.loc.startLine + 1) && (f.name === fn.name || f.name === fn.qualifiedName || f.name.endsWith(`.${fn.name}`)))
    const neverCalled = entry !== undefined && entry.hits === 0
    const measuredLines = Math.max(uncoveredLines.length, Math.round(owned * density))
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
      uncoveredConditions: module.conditions.filter((c) => c.enclosing === fn.qualifiedName && branchUnrun(c, uncovered)),
      uncoveredThrows: module.throws.filter((t) => t.enclosing === fn.qualifiedName && !t.rethrow && uncovered.has(t.loc.startLine))
    })
  }
  return out
}

/**
 * The static estimate for one module. A public function a test names counts as run (0); one in a module
 * tests import without naming it, or in a module nothing reaches, as not run (1). Private functions,
 * methods and nested helpers take their owner's reach; one in a module whose public symbols tests name
 * may run through them (0.5). A module only reached through other modules' imports: 0.5, and so is a
 * public function tests do not name in a module that code the tests reach imports (it may run through it).
 * `defaultBound`: a test binds the module's default export or whole CommonJS export and may call it.
 * `runByTests`: a script (`__main__`, `#!`) whose module name or path a test writes in a string, as tests
 * that run `python -m pkg.tool` in a subprocess do: 0.5 at least.
 */
export function estimateModule(module: ModuleModel, reach: TestReach, importedByReachedCode: boolean, defaultBound = false, runByTests = false): MeasuredFunction[] {
  const referencedInModule = reach.referenced.get(module.path)
  const classReach = new Map<string, UnitReach>()
  for (const cls of module.classes) classReach.set(cls.name, cls.exported ? unitReach(reach, module.path, exportNamesOf(module, cls.name)) : 'indirect')
  const measured = module.functions.map((fn) => {
    let r: UnitReach
    if (fn.className && classReach.has(fn.className)) r = classReach.get(fn.className) as UnitReach
    else if (fn.exported && fn.qualifiedName === fn.name) {
      const names = exportNamesOf(module, fn.name)
      // `const parse = require('../')` then `parse(...)`: the test holds the default export itself.
      r = defaultBound && (names.includes('default') || fn.name === 'default') ? 'referenced' : unitReach(reach, module.path, names)
    }
    // A private top-level function counts as named when a test names it (Python: `from m import _helper`).
    else r = unitReach(reach, module.path, fn.qualifiedName === fn.name ? [fn.name] : [])
    const isPublic = fn.exported && fn.qualifiedName === fn.name
    const privateReached = r === 'module-imported' && (isPublic ? importedByReachedCode : (referencedInModule?.size ?? 0) > 0 || defaultBound || importedByReachedCode)
    const share = r === 'referenced' ? 0 : r === 'indirect' || privateReached || runByTests ? 0.5 : 1
    const untested = share === 1
    return {
      module,
      fn,
      basis: 'estimate' as const,
      uncoveredShare: share,
      uncoveredLines: [],
      measuredLines: 0,
      neverCalled: false,
      uncoveredConditions: untested ? module.conditions.filter((c) => c.enclosing === fn.qualifiedName) : [],
      uncoveredThrows: untested ? module.throws.filter((t) => t.enclosing === fn.qualifiedName && !t.rethrow) : [],
      reach: (privateReached || runByTests) && r !== 'referenced' ? 'indirect' : r
    }
  })
  return withCalleesOfNamed(module, measured)
}

/**
 * A function that a function tests name calls, in the same module (`check(...)`, `self.check(...)`), may
 * run through it: "may run" (0.5) rather than "untested". Followed transitively; calls through other
 * objects are not followed.
 */
function withCalleesOfNamed(module: ModuleModel, measured: MeasuredFunction[]): MeasuredFunction[] {
  const byName = new Map<string, FunctionDecl[]>()
  for (const fn of module.functions) byName.set(fn.qualifiedName, [...(byName.get(fn.qualifiedName) ?? []), fn])
  const callees = new Map<string, FunctionDecl[]>()
  for (const call of module.calls) {
    if (!call.enclosing) continue
    const owner = module.functions.find((f) => f.qualifiedName === call.enclosing)
    const self = /^(self|cls)\.([A-Za-z_]\w*)$/.exec(call.callee)
    const target = self && owner?.className ? `${owner.className}.${self[2]}` : call.callee
    const found = byName.get(target)
    if (found) callees.set(call.enclosing, [...(callees.get(call.enclosing) ?? []), ...found])
  }
  const reached = new Set<FunctionDecl>()
  const queue = measured.filter((m) => m.reach === 'referenced').map((m) => m.fn)
  while (queue.length > 0) {
    const fn = queue.pop() as FunctionDecl
    for (const next of callees.get(fn.qualifiedName) ?? []) {
      if (reached.has(next)) continue
      reached.add(next)
      queue.push(next)
    }
  }
  return measured.map((m) =>
    m.uncoveredShare === 1 && reached.has(m.fn) ? { ...m, uncoveredShare: 0.5, uncoveredConditions: [], uncoveredThrows: [], reach: 'indirect' as const } : m
  )
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
  return parts.length > max ? `${parts.slice(0, max).join(', ')} and ${parts.length - max} more ranges` : parts.join(', ')
}

/** Source modules the perspective measures: not tests, not fixtures, not declaration files. */
export function measurableModules(model: CodeModel, isSupport: (path: string) => boolean, isDeclaration: (path: string) => boolean): ModuleModel[] {
  return model.modules.filter((m) => !m.isTest && !isSupport(m.path) && !isDeclaration(m.path) && m.language !== 'other')
}

/** Modules whose default export (or whole CommonJS `module.exports`) a test binds: `const parse = require('../')`. */
export function defaultBoundModules(modules: readonly ModuleModel[]): Set<string> {
  const bound = new Set<string>()
  for (const module of modules) {
    if (!module.isTest) continue
    for (const decl of module.imports) {
      if (decl.resolved && !decl.typeOnly && decl.names.some((n) => n.imported === 'default' || (decl.kind === 'require' && n.imported === '*'))) bound.add(decl.resolved)
    }
  }
  return bound
}
