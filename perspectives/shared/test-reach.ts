// The one answer to "do the tests run this?", which every perspective that says tested or untested asks.
// A coverage report decides for the files it measures (per line and per function), as long as the file
// did not change after the report was written; exclusion pragmas and the tool's excluded lines mean
// "excluded by the project", never "untested". Elsewhere a static estimate answers (reach-estimate.ts),
// and says it is one. Built once per model and shared.
import type {
  CodeModel,
  CoverageReport,
  FileCoverage,
  FunctionDecl,
  ModuleModel,
  NotTakenBranch
} from '../../src/model/types.js'
import { unloadableText } from '../../src/model/test-loading.js'
import { coverageConfigExclusion, subprocessRunners } from './coverage-scope.js'
import { importersOf } from './graph.js'
import { isInterfaceStub } from './interface-stub.js'
import { reachGraph } from './reach-graph.js'
import {
  defaultBoundModules,
  type Estimate,
  estimateFunctions,
  overriddenMethods
} from './reach-estimate.js'
import { mentionedInTests, type TestReach, testReach } from './reach.js'

export type FunctionReach =
  'covered' | 'not-run' | 'excluded' | 'estimated-tested' | 'estimated-untested'
export type LineReach = 'covered' | 'not-run' | 'excluded'

/** The report entry that speaks for a file. */
export interface Measured {
  report: CoverageReport
  file: FileCoverage
}

/** A file a report lists but that changed after the report was written: the estimate speaks for it. */
export interface StaleFile {
  report: string
  reportTime: string
  lastChange: string
}

export interface ReachFacts {
  /** The static reach (which tests import which modules and name which symbols). */
  static: TestReach
  /** At least one coverage report was found. */
  hasReport: boolean
  /** The report entry measuring a file, when the file did not change after it. */
  measured(path: string): Measured | undefined
  /** Files a report lists that changed after it was written (the report is not used for them). */
  stale: ReadonlyMap<string, StaleFile>
  /** A line excluded by a pragma or the coverage tool's configuration. */
  isExcluded(path: string, line: number): boolean
  /** 'covered' / 'not-run' / 'excluded' from a report; undefined where no report measures the line. */
  lineReach(path: string, line: number): LineReach | undefined
  /** Whether a line ran: true, false, or undefined (excluded, not executable, or not measured). */
  isCovered(path: string, line: number): boolean | undefined
  /** Measured reach of a function when a report speaks for its file, else the estimate. */
  functionReach(module: ModuleModel, fn: FunctionDecl): FunctionReach
  /** The static estimate of a function, whether or not a report measures it. */
  estimate(module: ModuleModel, fn: FunctionDecl): Estimate
  /** The pragma that excludes a function, or null. */
  excludedBy(module: ModuleModel, fn: FunctionDecl): string | null
  /** Why the project's coverage configuration leaves a file out, or null. */
  configExcluded(path: string): string | null
  /**
   * Why a module the report shows no function body of run was run after all: a test runs it out of
   * process (a spawned command, a bundle), or it is a build of code the tests run. "Never ran" is not a fact.
   */
  unmeasuredSubprocess(module: ModuleModel): string | undefined
}

/** Measured, so the claim is a fact; estimated claims are at most medium severity and say so. */
export const isMeasured = (reach: FunctionReach): boolean =>
  reach === 'covered' || reach === 'not-run' || reach === 'excluded'
export const isUntested = (reach: FunctionReach): boolean =>
  reach === 'not-run' || reach === 'estimated-untested'

const cache = new WeakMap<CodeModel, ReachFacts>()

export function reachFacts(model: CodeModel): ReachFacts {
  let facts = cache.get(model)
  if (!facts) cache.set(model, (facts = buildReachFacts(model)))
  return facts
}

/**
 * When a report was written: its file time, or, for a report committed to the repository, its last
 * commit when that is earlier (a checkout gives every file a fresh time).
 */
function reportTime(model: CodeModel, report: CoverageReport): string | undefined {
  const committed = model.facts.git.files[report.path]?.lastChange
  if (!report.modified) return committed
  if (committed && Date.parse(committed) < Date.parse(report.modified)) return committed
  return report.modified
}

function buildReachFacts(model: CodeModel): ReachFacts {
  const byPath = new Map(model.modules.map((m) => [m.path, m]))
  const stale = new Map<string, StaleFile>()
  const measuredByPath = new Map<string, Measured & { time: string }>()
  const git = model.facts.git
  for (const report of model.facts.coverage) {
    const time = reportTime(model, report) ?? ''
    for (const file of report.files) {
      const lastChange = git.available ? git.files[file.path]?.lastChange : undefined
      if (time && lastChange && Date.parse(lastChange) > Date.parse(time)) {
        if (!measuredByPath.has(file.path))
          stale.set(file.path, { report: report.path, reportTime: time, lastChange })
        continue
      }
      // The newest report listing the file speaks for it; between equals, the one that measured more lines.
      const previous = measuredByPath.get(file.path)
      if (
        !previous ||
        time > previous.time ||
        (time === previous.time && file.linesFound > previous.file.linesFound)
      ) {
        measuredByPath.set(file.path, { report, file, time })
        stale.delete(file.path)
      }
    }
  }
  const hasReport = model.facts.coverage.length > 0
  const configExcluded = coverageConfigExclusion(model)
  const runner = subprocessRunners(model)
  // No function body ran (a `def` line runs on import): the report did not see the process that ran it.
  const bodyRan = (module: ModuleModel): boolean | undefined => {
    const measured = measuredByPath.get(module.path)
    if (!measured || module.functions.length === 0) return undefined
    const covered = new Set(measured.file.coveredLines ?? [])
    if (covered.size === 0 && measured.file.linesHit > 0) return undefined
    return module.functions.some((fn) => ownedLines(module, fn).some((l) => covered.has(l)))
  }
  // A build of the same code (`lib/x.js`, `lib/x.umd.js` from `src/x.ts`): most of the module's function
  // names, in a module whose bodies ran. Tests that load one build run them all (fecha's tests load the
  // UMD build; its ESM build and its TypeScript source were called "never ran").
  const builtTwin = (module: ModuleModel): string | undefined => {
    const names = new Set(module.functions.map((f) => f.qualifiedName))
    if (names.size < 3) return undefined
    for (const other of model.modules) {
      if (other === module || other.isTest || bodyRan(other) !== true) continue
      const shared = other.functions.filter((f) => names.has(f.qualifiedName)).length
      if (shared >= 3 && shared * 5 >= names.size * 4) return other.path
    }
    return undefined
  }
  const unmeasuredSubprocess = (module: ModuleModel): string | undefined => {
    if (bodyRan(module) !== false) return undefined
    const test = runner(module)
    if (test) return `run by ${test} in another process, which the report does not measure`
    const twin = builtTwin(module)
    return twin ? `the same code as ${twin} (a build of it), which the tests run` : undefined
  }
  const staticReach = testReach(model)
  const importers = importersOf(model)
  const runnable = new Set(staticReach.testFiles)
  // Test files that cannot run here (src/model/test-loading.ts) bind nothing.
  const defaultBound = defaultBoundModules(
    model.modules.filter((m) => !m.isTest || runnable.has(m.path))
  )
  const overridden = overriddenMethods(model.modules)
  const reached = (path: string): boolean =>
    staticReach.importedBy.has(path) || staticReach.indirect.has(path)
  // Modules tests load (by import or by name) run their top-level code; those run as commands, their main block too.
  const loaded = new Set<string>()
  const scripts = new Set<string>()
  for (const module of model.modules) {
    if (module.isTest) continue
    if (reached(module.path)) loaded.add(module.path)
    if (runAsScript(module, staticReach)) scripts.add(module.path)
  }
  const graph = reachGraph(model, loaded, scripts)
  // Modules only tests that cannot run here import: their "untested" says why.
  const blockedBy = new Map<string, string>()
  for (const u of model.facts.unloadableTests ?? [])
    for (const target of byPath.get(u.path)?.test?.importedModules ?? [])
      if (!blockedBy.has(target) && !staticReach.importedBy.has(target))
        blockedBy.set(target, unloadableText(u))
  // Modules nothing runnable loads, by import, by name or as a command.
  const unreachable = new Set(
    model.modules
      .filter((m) => !m.isTest && !loaded.has(m.path) && !scripts.has(m.path))
      .map((m) => m.path)
  )
  const branchesOf = (path: string): NotTakenBranch[] =>
    (model.facts.notTakenBranches ?? []).filter((b) => b.path === path)
  const estimates = new Map<string, Map<FunctionDecl, Estimate>>()
  const estimatesOf = (module: ModuleModel): Map<FunctionDecl, Estimate> => {
    let map = estimates.get(module.path)
    if (!map) {
      const importedByReached = (importers.get(module.path) ?? []).some((i) => reached(i.from))
      const list = estimateFunctions(
        module,
        staticReach,
        importedByReached,
        defaultBound.has(module.path),
        runAsScript(module, staticReach),
        graph,
        overridden,
        branchesOf(module.path)
      )
      const blocked = blockedBy.get(module.path)
      const branches = branchesOf(module.path)
      const marked = list.map((e): Estimate => {
        // Defined on a side of a version or platform check not taken here: it never runs here.
        const line = e.fn.loc.startLine
        const other = branches.find((b) => !b.names && b.startLine <= line && line <= b.endLine)
        if (other) return { ...e, share: 1, reach: 'unreached', runsOn: other.runsOn }
        // Registered with a framework (`@cli.command()`) in a module only files that cannot run here
        // load: nothing here dispatches to it (deepdiff's CLI commands, loaded only by test_command.py).
        if (
          blocked &&
          e.share === 0.5 &&
          unreachable.has(module.path) &&
          !graph.reached(module, e.fn)
        )
          return { ...e, share: 1, reach: 'unreached', blocked }
        return blocked && e.share === 1 ? { ...e, blocked } : e
      })
      estimates.set(module.path, (map = new Map(marked.map((e) => [e.fn, e]))))
    }
    return map
  }
  const excludedSets = new Map<string, Set<number>>()
  const excludedLines = (path: string): Set<number> => {
    let set = excludedSets.get(path)
    if (!set) {
      set = new Set(measuredByPath.get(path)?.file.excludedLines ?? [])
      for (const range of byPath.get(path)?.coverageIgnored ?? [])
        for (let line = range.startLine; line <= range.endLine; line++) set.add(line)
      excludedSets.set(path, set)
    }
    return set
  }
  const lineSets = new Map<string, { covered: Set<number>; uncovered: Set<number> }>()
  const linesOf = (path: string, file: FileCoverage) => {
    let sets = lineSets.get(path)
    if (!sets)
      lineSets.set(
        path,
        (sets = {
          covered: new Set(file.coveredLines ?? []),
          uncovered: new Set(file.uncoveredLines)
        })
      )
    return sets
  }
  const lineReach = (path: string, line: number): LineReach | undefined => {
    const measured = measuredByPath.get(path)
    if (!measured) return undefined
    if (excludedLines(path).has(line) || configExcluded(path)) return 'excluded'
    const module = byPath.get(path)
    if (module && unmeasuredSubprocess(module)) return undefined
    const sets = linesOf(path, measured.file)
    if (sets.covered.has(line)) return 'covered'
    if (sets.uncovered.has(line)) return 'not-run'
    return undefined
  }
  const excludedBy = (module: ModuleModel, fn: FunctionDecl): string | null => {
    const start = fn.loc.startLine
    const pragma = (module.coverageIgnored ?? []).find(
      (r) => r.startLine <= start && start <= r.endLine
    )
    if (pragma) return pragma.pragma
    const config = configExcluded(module.path)
    if (config) return `left out of coverage by the project (${config})`
    const measured = measuredByPath.get(module.path)
    if (measured?.file.excludedLines?.includes(start)) return `excluded by ${measured.report.path}`
    const entry = measured ? functionEntry(measured.file, fn) : undefined
    return entry?.excluded ? `excluded by ${measured?.report.path}` : null
  }
  const estimate = (module: ModuleModel, fn: FunctionDecl): Estimate =>
    estimatesOf(module).get(fn) ?? { fn, share: 1, reach: 'unreached' }
  const measuredReach = (module: ModuleModel, fn: FunctionDecl): MeasuredReach | undefined => {
    const measured = measuredByPath.get(module.path)
    if (!measured) return undefined
    if (excludedBy(module, fn)) return 'excluded'
    if (unmeasuredSubprocess(module)) return undefined
    const entry = functionEntry(measured.file, fn)
    if (entry) return entry.hits > 0 ? 'covered' : 'not-run'
    const owned = ownedLines(module, fn)
    let measuredLines = 0
    for (const line of owned) {
      const r = lineReach(module.path, line)
      if (r === 'covered') return 'covered'
      if (r === 'not-run') measuredLines++
    }
    if (measuredLines > 0) return 'not-run'
    if (owned.length > 0 && owned.every((line) => excludedLines(module.path).has(line)))
      return 'excluded'
    return undefined
  }
  // A test file the measured run skipped (importorskip, skipif on this interpreter) that loads the module:
  // a function the estimate finds reached did not run here, but may where the project's CI runs that test.
  const skippedReach = (module: ModuleModel, fn: FunctionDecl): boolean => {
    const skipped = measuredByPath.get(module.path)?.report.skippedTests?.files ?? []
    if (skipped.length === 0) return false
    const importers = staticReach.importedBy.get(module.path)
    if (skipped.some((f) => importers?.has(f)) && estimate(module, fn).share < 1) return true
    // `pytest.importorskip("flask_wtf.i18n")` in a skipped file: the file exists to test that module
    // (flask-wtf's i18n, judged run in CI where Flask-Babel is installed).
    const dotted = dottedNames(module.path)
    return skipped.some((f) => byPath.get(f)?.strings.some((s) => dotted.includes(s.value)))
  }
  const functionReach = (module: ModuleModel, fn: FunctionDecl): FunctionReach => {
    const measured = measuredReach(module, fn)
    if (measured === 'not-run' && !isInterfaceStub(module, fn) && skippedReach(module, fn))
      return 'estimated-tested'
    // An abstract method (a stub, or a body that only raises "not implemented"): a body that did not
    // run is the design, not a gap, so it is excluded like a pragma; one that ran (a test checks that
    // it raises) is covered.
    if (isInterfaceStub(module, fn)) return measured === 'covered' ? 'covered' : 'excluded'
    if (measured) return measured
    // Left out of coverage on purpose: no report speaks for it, and the project says none should.
    if (hasReport && configExcluded(module.path)) return 'excluded'
    if (unmeasuredSubprocess(module)) return 'estimated-tested'
    return estimate(module, fn).share === 1 ? 'estimated-untested' : 'estimated-tested'
  }
  return {
    static: staticReach,
    hasReport,
    measured: (path) => measuredByPath.get(path),
    stale,
    isExcluded: (path, line) => excludedLines(path).has(line),
    lineReach,
    isCovered: (path, line) => {
      const r = lineReach(path, line)
      return r === 'covered' ? true : r === 'not-run' ? false : undefined
    },
    functionReach,
    estimate,
    excludedBy,
    configExcluded,
    unmeasuredSubprocess
  }
}

/**
 * The report's entry for a function: same start line (or the next, where a report counts from the
 * `def` after decorators or the body's first line) and the same name.
 */
export function functionEntry(
  file: FileCoverage,
  fn: FunctionDecl
): FileCoverage['functions'][number] | undefined {
  const namedAt = (line: number): FileCoverage['functions'][number] | undefined =>
    file.functions.find(
      (f) =>
        f.line === line &&
        (f.name === fn.name || f.name === fn.qualifiedName || f.name.endsWith(`.${fn.name}`))
    )
  const named = namedAt(fn.loc.startLine)
  if (named) return named
  // Istanbul and node name an arrow in an object literal `(anonymous_3)`: the only one on the line is it.
  const anonymous = file.functions.filter(
    (f) => f.line === fn.loc.startLine && /^\(?anonymous_\d+\)?$/.test(f.name)
  )
  if (anonymous.length === 1) return anonymous[0]
  // A declaration the tool counts from the line after (a decorator, a comment). Only after the entries
  // on the line itself: a build's copy merged into the file (logform's dist/colorize.js) names its
  // `colorize` one line lower, and must not speak for the source's method that ran.
  return namedAt(fn.loc.startLine + 1)
}

/**
 * The lines that are the function's own: its body without its first line (a `def` or declaration runs
 * when the module loads) and without functions nested in it. A one-line function owns its line.
 */
export function ownedLines(module: ModuleModel, fn: FunctionDecl): number[] {
  const { startLine, endLine } = fn.loc
  if (startLine === endLine) return [startLine]
  const nested = module.functions.filter(
    (f) =>
      f !== fn &&
      f.loc.startLine >= startLine &&
      f.loc.endLine <= endLine &&
      (f.loc.startLine > startLine || f.loc.endLine < endLine)
  )
  const out: number[] = []
  for (let line = startLine + 1; line <= endLine; line++)
    if (!nested.some((f) => line >= f.loc.startLine && line <= f.loc.endLine)) out.push(line)
  return out
}

/** A Python module's import names: `src/pkg/mod.py` is `src.pkg.mod` and `pkg.mod`. */
function dottedNames(path: string): string[] {
  if (!path.endsWith('.py')) return []
  const dotted = path
    .replace(/(\/__init__)?\.py$/, '')
    .split('/')
    .join('.')
  return dotted.startsWith('src.') ? [dotted, dotted.slice(4)] : [dotted]
}

/** A script a test runs as a command (`python -m pkg.tool`, `node bin/cli.js`): named in a test's string. */
function runAsScript(module: ModuleModel, reach: TestReach): boolean {
  if (!module.hasMain) return false
  const stem = module.path.replace(/\.[^./]+$/, '')
  return [module.path, stem.split('/').join('.')].some(
    (needle) => mentionedInTests(reach, needle) !== undefined
  )
}

export type MeasuredReach = 'covered' | 'not-run' | 'excluded'

/**
 * The measured reach of a unit (a function, or a class through its methods: one that ran makes the class
 * run), or undefined when no fresh report measures its file or the report says nothing about it.
 */
export function measuredUnitReach(
  facts: ReachFacts,
  module: ModuleModel,
  unit: { function?: FunctionDecl; class?: { name: string; loc: { startLine: number } } }
): MeasuredReach | undefined {
  if (!facts.measured(module.path)) return undefined
  if (unit.function) {
    const r = facts.functionReach(module, unit.function)
    return isMeasured(r) ? (r as MeasuredReach) : undefined
  }
  if (!unit.class) return undefined
  if (facts.isExcluded(module.path, unit.class.loc.startLine)) return 'excluded'
  const methods = module.functions.filter((f) => f.className === unit.class?.name)
  const measured = methods
    .map((fn) => ({ fn, reach: facts.functionReach(module, fn) }))
    .filter((m) => isMeasured(m.reach))
  if (measured.some((m) => m.reach === 'covered')) return 'covered'
  const notRun = measured.filter((m) => m.reach === 'not-run').map((m) => m.fn.name)
  if (notRun.length === 0) return measured.length > 0 ? 'excluded' : undefined
  // A constructor that never ran: no instance was made. Otherwise instances may be made and used through
  // what the class inherits (werkzeug's ImmutableList: a mixin's methods run, its own __repr__ does not);
  // when only such incidental methods are unrun, the report does not say the class never ran.
  if (notRun.some((name) => CONSTRUCTORS.has(name))) return 'not-run'
  return notRun.every((name) => INCIDENTAL_METHODS.has(name)) ? undefined : 'not-run'
}

const CONSTRUCTORS = new Set(['__init__', '__new__', '__post_init__', 'constructor'])

/** Methods a class's ordinary use need not call: representation, copying, pickling, hashing hooks. */
const INCIDENTAL_METHODS = new Set([
  '__repr__',
  '__str__',
  '__format__',
  '__rich_repr__',
  '__pretty__',
  '__sizeof__',
  '__dir__',
  '__hash__',
  '__copy__',
  '__deepcopy__',
  '__reduce__',
  '__reduce_ex__',
  '__getstate__',
  '__setstate__',
  '__getnewargs__',
  '__getnewargs_ex__',
  '__class_getitem__',
  '__init_subclass__',
  'toString',
  'toJSON'
])

/**
 * Whether any of a file ran, by a report that still describes it; undefined when none does. A file
 * measured by its functions only (a transformed copy: no line is claimed) ran when one of them did, and
 * is not known otherwise.
 */
export function fileRan(facts: ReachFacts, path: string): boolean | undefined {
  const measured = facts.measured(path)
  if (!measured) return undefined
  const { file } = measured
  if (file.linesHit > 0 || file.functions.some((f) => f.hits > 0)) return true
  return file.linesFound > 0 ? false : undefined
}

/** How a finding names a report: its path, and why it is partial when it is. */
/** The report as a sentence names it: "the coverage report <path>", or the run's own measurement. */
export function reportName(report: CoverageReport): string {
  const name = report.measured ? report.path : `the coverage report ${report.path}`
  return report.partial ? `${name} (partial: ${report.partial})` : name
}

/**
 * "Never ran" from a partial measurement (the suite failed, or ran under another runner than the
 * project's) is not certain: at most medium, like an estimate.
 */
export function capPartial<S extends string>(
  severity: S,
  report: CoverageReport | undefined
): S | 'medium' {
  return report?.partial ? capEstimate(severity) : severity
}

/** A static "untested" is an estimate: at most medium, never the reason for a HIGH. */
export function capEstimate<S extends string>(severity: S): S | 'medium' {
  return severity === 'high' || severity === 'critical' ? 'medium' : severity
}
