// A RuleTester for perspectives: each case is a small repository written to a temp folder and run
// through the real pipeline (loadRepository -> collectFacts -> buildModel -> runPerspective). Invalid
// cases list their exact findings (message id, file, start line); valid cases must give none. Every
// finding's evidence is checked against the file, and a second run must give the same ids.
//
//   testPerspective(myPerspective, {
//     valid: [{ name: 'empty repository', files: {} }],
//     invalid: [{
//       name: 'JSON.parse of a request body',
//       files: { 'src/a.ts': '...', ...readFixture('my-fixture') },
//       options: { someOption: 3 },                       // optional, checked and merged over the defaults
//       expected: [{ messageId: 'throwingCall', file: 'src/a.ts', line: 4 }],
//       check: ({ run, model }) => expect(run.metrics.calls).toBe(1)   // optional extra assertions
//     }]
//   })
//
// `runFixture(perspective, files, settings)` gives the run and model for tests outside the case lists;
// `baseFiles` and `history` feed perspectives that compare with a base or with earlier results.
import type { Perspective } from '../../perspectives/define.js'
import type { PreviousResult } from '../../perspectives/types.js'
import { runPerspective } from '../../src/engine/run-perspective.js'
import type { PerspectiveRun } from '../../src/engine/types.js'
import { detectTarget } from '../../src/specs/detect.js'
import type { RenderTarget } from '../../src/specs/types.js'
import {
  checkRun,
  type ExpectedFinding,
  type FixtureRun,
  sortExpected,
  summarise
} from './harness-checks.js'
import { buildFixtureModel, type GitHistory } from './harness-repo.js'

export {
  checkEvidence,
  checkRun,
  type ExpectedFinding,
  type FixtureRun,
  summarise
} from './harness-checks.js'
export { buildFixtureModel, type Commit, type GitHistory, readFixture } from './harness-repo.js'

export interface Case<O = Record<string, unknown>> {
  name: string
  /** Repository-relative path -> file content. `{}` is an empty repository. */
  files: Record<string, string>
  options?: Partial<O>
  /** Framework override for specs; detected from the fixture when absent. */
  target?: RenderTarget
  /** For perspectives that compare (backwards-compat): the repository at the base, built like `files`. */
  baseFiles?: Record<string, string>
  /** For perspectives that read earlier results (big-picture). */
  history?: PreviousResult[]
  /**
   * For perspectives that need the latest result of every other perspective (big-picture); a function
   * when they are computed (by running the other perspectives), called when the case runs.
   */
  results?: PreviousResult[] | (() => Promise<PreviousResult[]>)
  resultsMaxAgeDays?: number
  /** A git repository under the files (backwards-compat's tagged base, test-coverage's stale report). */
  git?: GitHistory
  /** Invalid cases: every finding, exactly. Valid cases: leave out. */
  expected?: ExpectedFinding[]
  /** Further assertions on the run (inventory numbers, ranking, specs). */
  check?: (result: FixtureRun) => void | Promise<void>
}

export interface Cases<O> {
  valid: Case<O>[]
  invalid: Case<O>[]
  /**
   * Message ids that have no near-miss case yet (a debt from before near misses were required). The
   * meta-test holds the list to the truth both ways: an id with a near miss must leave it, and an id
   * not on it must have one. New message ids come with a near miss.
   */
  nearMissPending?: string[]
}

/** Two pipeline runs, and for big-picture the other fourteen perspectives before them. */
const CASE_TIMEOUT = 180_000

/** A fixed clock: perspectives never read the real one, and runs must compare equal. */
export const FIXED_NOW = '2026-01-01T00:00:00.000Z'

/** Refuses what RuleTester refuses: no cases, duplicate names, duplicate repositories, misplaced expectations. */
export function validateCases<O>(perspectiveId: string, cases: Cases<O>): void {
  const where = `testPerspective(${perspectiveId})`
  if (!Array.isArray(cases.valid) || cases.valid.length === 0)
    throw new Error(`${where}: 'valid' must list at least one case`)
  if (!Array.isArray(cases.invalid) || cases.invalid.length === 0)
    throw new Error(`${where}: 'invalid' must list at least one case`)
  const names = new Set<string>()
  const contents = new Map<string, string>()
  for (const [kind, list] of [
    ['valid', cases.valid],
    ['invalid', cases.invalid]
  ] as const) {
    for (const c of list) {
      if (!c.name || c.name.trim() === '') throw new Error(`${where}: a ${kind} case has no name`)
      if (names.has(c.name)) throw new Error(`${where}: duplicate case name '${c.name}'`)
      names.add(c.name)
      const sorted = (files?: Record<string, string>) =>
        Object.entries(files ?? {}).sort(([a], [b]) => a.localeCompare(b))
      const content = JSON.stringify([
        sorted(c.files),
        c.options ?? null,
        c.target ?? null,
        sorted(c.baseFiles),
        c.history ?? null,
        typeof c.results === 'function'
          ? `computed by ${c.results.toString()}`
          : (c.results ?? null),
        c.git ?? null
      ])
      const twin = contents.get(content)
      if (twin)
        throw new Error(`${where}: case '${c.name}' has the same files and options as '${twin}'`)
      contents.set(content, c.name)
      if (kind === 'valid' && c.expected && c.expected.length > 0) {
        throw new Error(
          `${where}: valid case '${c.name}' lists expected findings; move it to 'invalid'`
        )
      }
      if (kind === 'invalid' && (!c.expected || c.expected.length === 0)) {
        throw new Error(`${where}: invalid case '${c.name}' must list its expected findings`)
      }
    }
  }
}

/** Writes the files to a fresh temp folder, runs the pipeline and the perspective, removes the folder. */
export interface FixtureSettings<O> {
  options?: Partial<O>
  target?: RenderTarget
  baseFiles?: Record<string, string>
  history?: PreviousResult[]
  results?: PreviousResult[]
  resultsMaxAgeDays?: number
  /** `surface.include` of the config file: classes or globs that widen the product view. */
  surfaceInclude?: string[]
  git?: GitHistory
  /** The base's file texts are readable (`context.base.source`), as the engine's base reader gives them. */
  baseSource?: boolean
}

/** Runs the whole pipeline on `files` and then the perspective, the way the engine does. */
export async function runFixture<O>(
  perspective: Perspective<string, O>,
  files: Record<string, string>,
  settings: FixtureSettings<O> = {}
): Promise<FixtureRun> {
  const built = await buildFixtureModel(files, settings.git)
  const { repo, facts, model } = built
  const texts = new Map(repo.files.map((f) => [f.path, f.text]))
  const base =
    built.base ??
    (settings.baseFiles
      ? {
          ref: 'base',
          model: (await buildFixtureModel(settings.baseFiles)).model,
          ...(settings.baseSource ? { source: (path: string) => settings.baseFiles?.[path] } : {})
        }
      : undefined)
  const run = await runPerspective(perspective, {
    model,
    options: settings.options,
    target: settings.target ?? detectTarget(facts, model.modules),
    now: FIXED_NOW,
    source: (path) => texts.get(path),
    ...(base ? { base } : {}),
    ...(settings.history ? { history: settings.history } : {}),
    ...(settings.results ? { results: settings.results } : {}),
    ...(settings.resultsMaxAgeDays !== undefined
      ? { resultsMaxAgeDays: settings.resultsMaxAgeDays }
      : {}),
    ...(settings.surfaceInclude ? { surfaceInclude: settings.surfaceInclude } : {})
  })
  return { run, model, repo, files }
}

/** Everything of a run except its timing, for comparing two runs. */
function comparable(run: PerspectiveRun): unknown {
  const { millis: _millis, ...rest } = run
  return JSON.parse(JSON.stringify(rest))
}

/** Lines in one text and not the other, counted both ways: the size of an edit between them. */
function editSize(a: string, b: string): number {
  const count = new Map<string, number>()
  for (const line of a.split('\n')) count.set(line, (count.get(line) ?? 0) + 1)
  for (const line of b.split('\n')) count.set(line, (count.get(line) ?? 0) - 1)
  return [...count.values()].reduce((n, k) => n + Math.abs(k), 0)
}

function filesEdit(a: Record<string, string> = {}, b: Record<string, string> = {}): number {
  const paths = new Set([...Object.keys(a), ...Object.keys(b)])
  let n = 0
  for (const p of paths) n += a[p] === b[p] ? 0 : editSize(a[p] ?? '', b[p] ?? '')
  return n
}

/** The most lines a near miss may change: a few, or a tenth of a large reporting case. */
const NEAR_MISS_LINES = 12

/**
 * Every tree a case is made of: its files, its base files and the commits of its git history. A last
 * commit whose tree is the case's files counts once, as those files: an edit of the working tree and
 * of the commit under it is one edit.
 */
function treesOf<O>(c: Case<O>): Record<string, string>[] {
  const key = (files: Record<string, string>) =>
    JSON.stringify(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)))
  const commits = (c.git?.commits ?? []).map((commit) => commit.files)
  if (commits.length > 0 && key(commits[commits.length - 1]) === key(c.files)) commits.pop()
  return [c.files, c.baseFiles ?? {}, ...commits]
}

/** Non-blank lines the two texts have in common, counted as often as both hold them. */
function sharedLines(a: string, b: string): number {
  const count = new Map<string, number>()
  for (const line of a.split('\n')) if (line.trim()) count.set(line, (count.get(line) ?? 0) + 1)
  let n = 0
  for (const line of b.split('\n')) {
    const left = count.get(line) ?? 0
    if (line.trim() && left > 0) {
      count.set(line, left - 1)
      n++
    }
  }
  return n
}

function filesShared(a: Record<string, string> = {}, b: Record<string, string> = {}): number {
  return Object.keys(a).reduce((n, p) => n + (p in b ? sharedLines(a[p], b[p]) : 0), 0)
}

/**
 * Whether `near` is a near miss of `reporting`: the same repository but for a small edit (in files,
 * base files, history or options) that is also small beside what the two share, so what makes the one
 * report and the other not is that edit. An empty repository, an unrelated one, or the reporting case
 * with its problem's file deleted are not near misses: they share too little, or they drop a file
 * instead of editing it.
 */
export function isNearMiss<O>(reporting: Case<O>, near: Case<O>): boolean {
  const a = treesOf(reporting)
  const b = treesOf(near)
  const lines = a.reduce(
    (n, tree) => n + Object.values(tree).reduce((k, t) => k + t.split('\n').length, 0),
    0
  )
  const differs = (x: unknown, y: unknown) =>
    JSON.stringify(x ?? {}) === JSON.stringify(y ?? {}) ? 0 : 1
  let edit =
    differs(reporting.options, near.options) +
    differs(reporting.git?.modified, near.git?.modified) +
    differs(reporting.git?.base, near.git?.base)
  let shared = 0
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    edit += filesEdit(a[i], b[i])
    shared += filesShared(a[i], b[i])
  }
  const dropsAFile = Object.entries(reporting.files).some(
    ([path, text]) => text.trim() !== '' && !(near.files[path] ?? '').trim()
  )
  return (
    edit > 0 &&
    edit <= Math.max(NEAR_MISS_LINES, Math.floor(lines / 10)) &&
    edit <= shared &&
    !dropsAFile
  )
}

/**
 * Message ids the cases leave untested: each must be expected by at least one invalid case (a case
 * that reports it) and have a near miss: a case that does not report it (valid cases report nothing,
 * an invalid case only what it expects) and is a small edit of a case that does.
 */
export function untestedMessages<O>(
  messageIds: readonly string[],
  cases: Cases<O>
): { neverReported: string[]; noNearMiss: string[] } {
  const reports = (c: Case<O>, id: string) => (c.expected ?? []).some((e) => e.messageId === id)
  const all = [...cases.valid, ...cases.invalid]
  return {
    neverReported: messageIds.filter((id) => !cases.invalid.some((c) => reports(c, id))),
    noNearMiss: messageIds.filter(
      (id) =>
        !cases.invalid.some(
          (r) => reports(r, id) && all.some((n) => !reports(n, id) && isNearMiss(r, n))
        )
    )
  }
}

/** Declares one jest test per case, and one that every message id has a case each way. */
export function testPerspective<O>(perspective: Perspective<string, O>, cases: Cases<O>): void {
  validateCases(perspective.meta.id, cases)
  it(`${perspective.meta.id}: has a case that reports each message id and a near miss that does not`, () => {
    const pending = cases.nearMissPending ?? []
    expect(pending.filter((id) => !(id in perspective.meta.messages))).toEqual([])
    expect(untestedMessages(Object.keys(perspective.meta.messages), cases)).toEqual({
      neverReported: [],
      noNearMiss: Object.keys(perspective.meta.messages).filter((id) => pending.includes(id))
    })
  })
  const runCase = (c: Case<O>, valid: boolean) => async () => {
    const settings: FixtureSettings<O> = {
      options: c.options,
      target: c.target,
      baseFiles: c.baseFiles,
      history: c.history,
      results: typeof c.results === 'function' ? await c.results() : c.results,
      resultsMaxAgeDays: c.resultsMaxAgeDays,
      git: c.git
    }
    const first = await runFixture(perspective, c.files, settings)
    expect(first.run.error).toBeNull()
    expect(first.run.status).toBe('ok')
    expect(summarise(first.run)).toEqual(valid ? [] : sortExpected(c.expected ?? []))
    expect(checkRun(first)).toEqual([])
    const second = await runFixture(perspective, c.files, settings)
    expect(comparable(second.run)).toEqual(comparable(first.run))
    if (c.check) await c.check(first)
  }
  describe(`${perspective.meta.id}: valid`, () => {
    for (const c of cases.valid) it(c.name, runCase(c, true), CASE_TIMEOUT)
  })
  describe(`${perspective.meta.id}: invalid`, () => {
    for (const c of cases.invalid) it(c.name, runCase(c, false), CASE_TIMEOUT)
  })
}
