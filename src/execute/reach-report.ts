// The project's suite, run once under coverage, as a coverage report: with it every perspective that
// says "tested" or "untested" reads a measurement instead of an estimate, when the user supplied no
// report. It is made only where the measurement maps onto the files as written:
//   coverage.py: lines and functions (it reports source lines);
//   V8, JavaScript that node:test or mocha run as is: lines and functions, by byte offset;
//   V8, anything transformed first (TypeScript, vitest's and jest's copies): functions only, matched by
//   a name that occurs once in the file, since the offsets are not the file's.
// A module the suite never loaded ran nothing: all its functions are "not run", unless the run was
// partial (it failed, or another runner than the project's ran it). A run that ran none of
// the shipped code (the package imported from site-packages, a suite that fails to collect) is not
// trusted at all.
import type { CoverageReport, FileCoverage, ModuleModel } from '../model/types.js'
import { parseReport } from '../repo/coverage.js'
import type { TestFramework } from '../specs/types.js'
import { builtCopyOf, coverageByName, throughBuild } from './built-copy.js'
import { ran, type CoverageMap, type V8Function, type V8Range } from './coverage.js'

/** The name the measured report goes by in findings and the summary: a noun phrase, as sentences use it. */
export const MEASURED_REPORT = "the project's suite run here with coverage"

export interface ReachInput {
  framework: TestFramework
  map: CoverageMap
  /** coverage.py's JSON of the same run (Python only). */
  pythonJson?: string
  /** The folder the suite ran in (paths in coverage.py's JSON are under it). */
  runRoot: string
  modules: readonly ModuleModel[]
  text: (path: string) => string | undefined
  /** Whether a file is the product's code. */
  shipped: (path: string) => boolean
  /** When the suite ran, ISO 8601. */
  modified: string
  /** Why the run is partial (it failed, or a runner other than the project's ran it), if it is. */
  partial?: string
}

export type ReachResult = { report: CoverageReport } | { untrusted: string }

const RUNS_AS_WRITTEN = new Set<TestFramework>(['node:test', 'mocha'])
const JS_FAMILY = new Set<string>(['javascript', 'jsx', 'typescript', 'tsx'])

export function reachReport(input: ReachInput): ReachResult {
  const files =
    input.map.kind === 'python'
      ? pythonFiles(input)
      : v8Files(input, input.map as Extract<CoverageMap, { kind: 'v8' }>)
  if ('untrusted' in files) return files
  const measured = new Set(files.files.map((f) => f.path))
  const product = productModules(input)
  if (!product.some((m) => measured.has(m.path) && ranSomething(files.files, m.path)))
    return {
      untrusted:
        'the suite ran none of the shipped code (is the package imported from an installed copy rather than the checkout?)'
    }
  // A partial run may not have loaded a module because the tests that load it failed or were not run:
  // it does not say such a module never ran (the estimate speaks for it).
  if (!input.partial)
    for (const module of product) if (!measured.has(module.path)) files.files.push(neverRan(module))
  return {
    report: {
      path: MEASURED_REPORT,
      measured: true,
      format: input.map.kind === 'python' ? 'coverage.py-json' : 'v8',
      modified: input.modified,
      files: files.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
      ...(input.partial ? { partial: input.partial } : {})
    }
  }
}

/** The shipped, non-test modules of the language the runner measures. */
function productModules(input: ReachInput): ModuleModel[] {
  const python = input.map.kind === 'python'
  return input.modules.filter(
    (m) =>
      !m.isTest &&
      input.shipped(m.path) &&
      (python ? m.language === 'python' : JS_FAMILY.has(m.language))
  )
}

function ranSomething(files: readonly FileCoverage[], path: string): boolean {
  const file = files.find((f) => f.path === path)
  return file !== undefined && (file.linesHit > 0 || file.functions.some((f) => f.hits > 0))
}

function pythonFiles(input: ReachInput): { files: FileCoverage[] } | { untrusted: string } {
  if (!input.pythonJson) return { untrusted: 'coverage.py wrote no JSON report' }
  const known = new Set(input.modules.map((m) => m.path))
  let report: CoverageReport | null
  try {
    report = parseReport(input.runRoot, [...known], MEASURED_REPORT, input.pythonJson)
  } catch {
    report = null
  }
  if (!report) return { untrusted: "coverage.py's JSON report could not be read" }
  return { files: report.files.filter((f) => known.has(f.path)) }
}

function v8Files(
  input: ReachInput,
  map: Extract<CoverageMap, { kind: 'v8' }>
): { files: FileCoverage[] } {
  const asWritten = RUNS_AS_WRITTEN.has(input.framework)
  const files: FileCoverage[] = []
  const modelled = new Set(input.modules.map((m) => m.path))
  const unmodelled = new Map(
    [...(map.functions ?? new Map<string, V8Function[]>())].filter(([path]) => !modelled.has(path))
  )
  for (const module of productModules(input)) {
    const ranges = map.files.get(module.path)
    if (!ranges) {
      // Not loaded itself; a build of it may have been (built-copy.ts).
      const copy = unmodelled.size > 0 ? builtCopyOf(module, unmodelled) : null
      if (copy) files.push(throughBuild(module, copy, unmodelled.get(copy) ?? []))
      continue
    }
    const own = map.functions?.get(module.path) ?? []
    const text = input.text(module.path)
    // Offsets are the file's only when the runner ran the file itself; elsewhere names still tell.
    if (
      asWritten &&
      module.language === 'javascript' &&
      !map.transformed?.has(module.path) &&
      text !== undefined
    )
      files.push(v8File(module, text, ranges, own))
    else files.push(byName(module, own))
  }
  return { files }
}

/**
 * A transformed file (TypeScript, vitest's or jest's copy): which functions ran, matched by name, for
 * names that occur once in the file. No line is claimed either way.
 */
function byName(module: ModuleModel, own: readonly V8Function[]): FileCoverage {
  const count = new Map<string, number>()
  for (const fn of module.functions) count.set(fn.name, (count.get(fn.name) ?? 0) + 1)
  const unique = new Set([...count].filter(([, n]) => n === 1).map(([name]) => name))
  return coverageByName(module, own, unique, (v8Name, name) => v8Name === name)
}

/** Line starts as string offsets (V8 counts UTF-16 code units, as JavaScript strings do). */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return starts
}

const COMMENT_OR_BLANK = /^\s*(?:$|\/\/|\/\*|\*)/

function v8File(
  module: ModuleModel,
  text: string,
  ranges: readonly V8Range[],
  own: readonly V8Function[]
): FileCoverage {
  const starts = lineStarts(text)
  const covered: number[] = []
  const uncovered: number[] = []
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length
    const line = text.slice(starts[i], end)
    if (COMMENT_OR_BLANK.test(line)) continue
    const offset = starts[i] + (line.length - line.trimStart().length)
    ;(ran(ranges, offset) ? covered : uncovered).push(i + 1)
  }
  const functions: FileCoverage['functions'] = []
  for (const fn of module.functions) {
    const start = (starts[fn.loc.startLine - 1] ?? 0) + fn.loc.startColumn
    const end = (starts[fn.loc.endLine - 1] ?? 0) + fn.loc.endColumn
    // V8's range of a function ends where the function does; it starts at or after the declaration.
    const matches = own
      .map((f) => f.range)
      .filter(
        (r) => Math.abs(r.endOffset - end) <= 1 && r.startOffset >= start - 1 && r.startOffset < end
      )
    if (matches.length === 0) continue
    const hits = matches.reduce((sum, r) => sum + r.count, 0)
    functions.push({ name: fn.qualifiedName, line: fn.loc.startLine, hits })
  }
  return {
    path: module.path,
    linesFound: covered.length + uncovered.length,
    linesHit: covered.length,
    branchesFound: 0,
    branchesHit: 0,
    uncoveredLines: uncovered,
    coveredLines: covered,
    functions
  }
}

/** A module the suite never loaded: none of its functions ran. */
function neverRan(module: ModuleModel): FileCoverage {
  const lines = new Set<number>()
  for (const fn of module.functions)
    for (let line = fn.loc.startLine; line <= fn.loc.endLine; line++) lines.add(line)
  const uncovered = [...lines].sort((a, b) => a - b)
  return {
    path: module.path,
    linesFound: uncovered.length,
    linesHit: 0,
    branchesFound: 0,
    branchesHit: 0,
    uncoveredLines: uncovered,
    coveredLines: [],
    functions: module.functions.map((fn) => ({
      name: fn.qualifiedName,
      line: fn.loc.startLine,
      hits: 0
    }))
  }
}
