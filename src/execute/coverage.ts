// Coverage gain: what a spec runs of the project's code that the project's own suite does not.
// Node runners report V8 coverage (NODE_V8_COVERAGE, read here without c8); pytest runs under
// coverage.py (`python -m coverage run --branch`). The suite is measured once per run, then each
// spec's first run is measured the same way and compared with it.
//   coverage.py: new lines + new branches (arcs) in files of the repository;
//   V8: new blocks, i.e. functions and branches the suite never ran and the spec does (V8 reports
//   ranges by byte offset, in the code the runner executes, so blocks rather than lines).
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestFramework } from '../specs/types.js'
import { LINKED_DIRS } from './sandbox.js'
import { runChild } from './spawn.js'
import { addScripts, flattenScript } from './v8-ranges.js'

export type CoverageKind = 'v8' | 'python'

export interface V8Range {
  startOffset: number
  endOffset: number
  count: number
}

/** Per repository file: coverage.py's executed lines and arcs, or V8's ranges. */
export type CoverageMap =
  | { kind: 'python'; files: Map<string, { lines: Set<number>; arcs: Set<string> }> }
  | {
      kind: 'v8'
      /** Per file, disjoint segments with their counts added up over every process that loaded it. */
      files: Map<string, V8Range[]>
      /** Per file, each function's name and own range (V8 lists it first): whether and how often it ran. */
      functions?: Map<string, V8Function[]>
      /** Files the runner executed from other text than the file's (a source map says so). */
      transformed?: Set<string>
    }

export function coverageKind(framework: TestFramework): CoverageKind {
  return framework === 'pytest' ? 'python' : 'v8'
}

/** Folders whose files are never the project's code (dependencies, our own scratch folder). */
const NOT_PROJECT = new Set([...LINKED_DIRS, 'site-packages', '.test-planning-tmp'])

/**
 * The repository-relative path of a file the run recorded: in the copy, or in the workspace it was made
 * from (a subprocess whose own PYTHONPATH drops the copy imports the project through its editable
 * install: werkzeug's dev-server fixture).
 */
function runPath(root: string, workspace: string | undefined, file: string): string | null {
  return projectPath(root, file) ?? (workspace ? projectPath(workspace, file) : null)
}

/** The repository-relative posix path of `file`, or null when it is not the project's code. */
export function projectPath(root: string, file: string): string | null {
  const rel = relative(root, file)
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return null
  const parts = rel.split(sep)
  if (parts.some((p) => NOT_PROJECT.has(p))) return null
  return parts.join('/')
}

/**
 * Settings coverage.py lays over the project's own configuration in every process of the run
 * (`COVERAGE_FORCE_CONFIG`): the command line's `--branch` reaches only the main process, while the
 * processes the suite starts (multiprocessing workers, `python -m pkg` in a subprocess) would write
 * statement data that cannot be combined with it. `parallel` gives each process its own data file;
 * `patch = subprocess` (coverage.py 7.10+, ignored with a warning before) measures subprocesses.
 * `sigterm = true` saves a process's data when it is stopped by SIGTERM: a dev server or reloader child
 * that a test fixture terminates (werkzeug's) otherwise ends without writing any.
 */
const FORCED_PYTHON_SETTINGS =
  '[run]\nbranch = true\nparallel = true\npatch = subprocess\nsigterm = true\n'

/** The environment and arguments that make a runner command record coverage into `dir`. */
export async function withCoverage(
  framework: TestFramework,
  dir: string,
  command: { args: string[] },
  pytestCov: boolean
): Promise<{ args: string[]; env: Record<string, string> }> {
  if (coverageKind(framework) === 'v8') {
    // vitest's forked workers are stopped before Node writes their coverage; its thread workers write it.
    return {
      args: framework === 'vitest' ? [...command.args, '--pool=threads'] : command.args,
      env: { NODE_V8_COVERAGE: dir }
    }
  }
  const at = command.args.findIndex((a, i) => a === '-m' && command.args[i + 1] === 'pytest')
  if (at < 0) return { args: command.args, env: {} }
  const forced = join(dir, 'forced.coveragerc')
  await writeFile(forced, FORCED_PYTHON_SETTINGS)
  return {
    args: [
      ...command.args.slice(0, at),
      '-m',
      'coverage',
      'run',
      '--branch',
      '-m',
      'pytest',
      // pytest-cov would start a second tracer over ours and take the measurement from it.
      ...(pytestCov ? ['--no-cov'] : []),
      ...command.args.slice(at + 2)
    ],
    env: { COVERAGE_FILE: join(dir, '.coverage'), COVERAGE_FORCE_CONFIG: forced }
  }
}

export interface V8Function {
  name: string
  range: V8Range
}

interface V8Script {
  url: string
  functions: { functionName?: string; ranges: V8Range[] }[]
}

/** What Node writes into NODE_V8_COVERAGE: the scripts, and the source maps of transformed ones. */
interface V8Output {
  result?: V8Script[]
  'source-map-cache'?: Record<string, unknown>
}

function scriptPath(url: string): string | null {
  if (url.startsWith('file://')) {
    try {
      return fileURLToPath(url)
    } catch {
      return null
    }
  }
  return isAbsolute(url) ? url : null
}

/** Reads what one measured run wrote into `dir`, keeping the project's files except `leaveOut`. */
export async function readCoverage(
  kind: CoverageKind,
  dir: string,
  ctx: {
    root: string
    /** The workspace the run's copy was made from. */
    workspace?: string
    python: string | null
    env: Record<string, string>
    leaveOut: ReadonlySet<string>
    /** Whether a repository file counts (the product's code, not its tests); default all. */
    counts?: (path: string) => boolean
    /** coverage.py's settings file in place of the project's (one naming a plugin we lack). */
    rcfile?: string
  }
): Promise<CoverageMap | null> {
  const map = kind === 'v8' ? await readV8(dir, ctx) : await readPython(dir, ctx)
  if (map && ctx.counts)
    for (const file of [...map.files.keys()])
      if (!ctx.counts(file)) {
        map.files.delete(file)
        if (map.kind === 'v8') map.functions?.delete(file)
      }
  return map
}

async function readV8(
  dir: string,
  ctx: { root: string; workspace?: string; leaveOut: ReadonlySet<string> }
): Promise<CoverageMap | null> {
  const names = await readdir(dir).catch(() => null)
  if (!names) return null
  const scripts = new Map<string, V8Range[][]>()
  const functions = new Map<string, V8Function[]>()
  const transformed = new Set<string>()
  const relative = (url: string): string | null => {
    const path = scriptPath(url)
    const rel = path === null ? null : runPath(ctx.root, ctx.workspace, path)
    return rel === null || ctx.leaveOut.has(rel) ? null : rel
  }
  let read = 0
  for (const name of names.filter((n) => n.startsWith('coverage-') && n.endsWith('.json'))) {
    let parsed: V8Output
    try {
      parsed = JSON.parse(await readFile(join(dir, name), 'utf8')) as V8Output
    } catch {
      continue
    }
    read++
    for (const script of parsed.result ?? []) {
      const rel = relative(script.url)
      if (rel === null) continue
      // Several processes (workers, runs) may load the same file: each is read on its own, then added.
      const segments = flattenScript(script.functions.flatMap((f) => f.ranges))
      scripts.set(rel, [...(scripts.get(rel) ?? []), segments])
      const own = script.functions
        .filter((f) => f.ranges.length > 0)
        .map((f) => ({ name: f.functionName ?? '', range: f.ranges[0] }))
      functions.set(rel, [...(functions.get(rel) ?? []), ...own])
    }
    for (const url of Object.keys(parsed['source-map-cache'] ?? {})) {
      const rel = relative(url)
      if (rel !== null) transformed.add(rel)
    }
  }
  if (read === 0) return null
  const files = new Map([...scripts].map(([rel, list]) => [rel, addScripts(list)]))
  return { kind: 'v8', files, functions, transformed }
}

async function readPython(
  dir: string,
  ctx: {
    root: string
    workspace?: string
    python: string | null
    env: Record<string, string>
    leaveOut: ReadonlySet<string>
    rcfile?: string
  }
): Promise<CoverageMap | null> {
  if (!ctx.python) return null
  const rc = ctx.rcfile ? [`--rcfile=${ctx.rcfile}`] : []
  const out = join(dir, 'coverage.json')
  const env = { ...ctx.env, COVERAGE_FILE: join(dir, '.coverage') }
  // Each process wrote its own `.coverage.<suffix>` (parallel); one file, with the project's `[paths]`
  // applied, is what the report reads. Nothing to combine is not an error here.
  await runChild({
    command: ctx.python,
    args: ['-m', 'coverage', 'combine', ...rc, '--append', '-q'],
    cwd: ctx.root,
    env,
    timeoutMs: 120_000
  })
  const child = await runChild({
    command: ctx.python,
    args: ['-m', 'coverage', 'json', ...rc, '-q', '-i', '-o', out],
    cwd: ctx.root,
    env,
    timeoutMs: 120_000
  })
  if (child.code !== 0) return null
  let parsed: {
    files?: Record<string, { executed_lines?: number[]; executed_branches?: number[][] }>
  }
  try {
    parsed = JSON.parse(await readFile(out, 'utf8')) as typeof parsed
  } catch {
    return null
  }
  const files = new Map<string, { lines: Set<number>; arcs: Set<string> }>()
  for (const [name, data] of Object.entries(parsed.files ?? {})) {
    const rel = runPath(ctx.root, ctx.workspace, isAbsolute(name) ? name : join(ctx.root, name))
    if (rel === null || ctx.leaveOut.has(rel)) continue
    files.set(rel, {
      lines: new Set(data.executed_lines ?? []),
      arcs: new Set((data.executed_branches ?? []).map(([a, b]) => `${a}>${b}`))
    })
  }
  return { kind: 'python', files }
}

/** Whether the byte at `offset` ran: the count of the smallest range holding it. */
export function ran(ranges: readonly V8Range[], offset: number): boolean {
  let smallest = Infinity
  for (const r of ranges)
    if (r.startOffset <= offset && offset < r.endOffset)
      smallest = Math.min(smallest, r.endOffset - r.startOffset)
  if (smallest === Infinity) return false
  return ranges.some(
    (r) =>
      r.startOffset <= offset &&
      offset < r.endOffset &&
      r.endOffset - r.startOffset === smallest &&
      r.count > 0
  )
}

/**
 * What `spec` covers that `baseline` does not (see the header for the unit), or null when the two
 * were not measured the same way.
 */
export function coverageGain(baseline: CoverageMap, spec: CoverageMap): number | null {
  if (baseline.kind === 'python' && spec.kind === 'python') {
    let gain = 0
    for (const [file, covered] of spec.files) {
      const before = baseline.files.get(file)
      for (const line of covered.lines) if (!before?.lines.has(line)) gain++
      for (const arc of covered.arcs) if (!before?.arcs.has(arc)) gain++
    }
    return gain
  }
  if (baseline.kind === 'v8' && spec.kind === 'v8') {
    let gain = 0
    for (const [file, ranges] of spec.files) {
      const before = baseline.files.get(file)
      if (!before) {
        gain += ranges.filter((r) => r.count > 0).length
        continue
      }
      // The blocks the suite never ran, once each (two processes may report the same one).
      const gaps = new Map<string, V8Range>()
      for (const r of before)
        if (r.count === 0 && !ran(before, r.startOffset))
          gaps.set(`${r.startOffset}:${r.endOffset}`, r)
      for (const gap of gaps.values()) if (ran(ranges, gap.startOffset)) gain++
    }
    return gain
  }
  return null
}

/** Whether pytest-cov is importable (its `--no-cov` then keeps it from measuring over coverage.py). */
export async function hasPytestCov(
  python: string,
  root: string,
  env: Record<string, string>
): Promise<boolean> {
  const probe = await runChild({
    command: python,
    args: ['-c', 'import pytest_cov'],
    cwd: root,
    env,
    timeoutMs: 30_000
  })
  return probe.code === 0
}

/** Whether coverage.py is importable in the project's Python. */
export async function hasCoveragePy(
  python: string,
  root: string,
  env: Record<string, string>
): Promise<boolean> {
  const probe = await runChild({
    command: python,
    args: ['-c', 'import coverage'],
    cwd: root,
    env,
    timeoutMs: 30_000
  })
  return probe.code === 0
}
