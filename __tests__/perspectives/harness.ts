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
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Perspective } from '../../perspectives/define.js'
import { runPerspective } from '../../src/engine/run-perspective.js'
import type { PerspectiveRun } from '../../src/engine/types.js'
import { buildModel } from '../../src/model/build.js'
import type { CodeModel, LoadedRepository, RepositoryFacts } from '../../src/model/types.js'
import { loadRepository } from '../../src/repo/loader.js'
import { collectFacts } from '../../src/repo/facts.js'
import { detectTarget } from '../../src/specs/detect.js'
import type { RenderTarget } from '../../src/specs/types.js'
import type { PreviousResult } from '../../perspectives/types.js'
import { type BaseInput, prepareBase } from '../../src/pipeline/base.js'
import type { ChooseBaseOptions } from '../../src/repo/base.js'
import { commitAll, git } from '../repo/helpers.js'

export interface ExpectedFinding {
  messageId: string
  /** null for a repository-level finding. */
  file: string | null
  /** Start line; null for a repository-level finding. */
  line: number | null
}

/** One commit of a case's git history: the whole tracked tree at that commit. */
export interface Commit {
  date: string
  files: Record<string, string>
  tag?: string
}

/** For perspectives that read git: the history under the case's files, and how the base is chosen. */
export interface GitHistory {
  /** Oldest first; after the last one the case's `files` are written over the tree (untracked extras). */
  commits: Commit[]
  /** Modification times (ISO) of files written after the commits, such as a coverage report. */
  modified?: Record<string, string>
  /** When present, the base is chosen and read with git, as a run does (src/pipeline/base.ts). */
  base?: ChooseBaseOptions
}

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
}

export interface FixtureRun {
  run: PerspectiveRun
  model: CodeModel
  repo: LoadedRepository
  files: Record<string, string>
}

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures')

/** The files of `__tests__/fixtures/<name>/` as a case's `files` (paths relative to that folder). */
export function readFixture(name: string): Record<string, string> {
  const base = join(FIXTURES, name)
  const files: Record<string, string> = {}
  const stack = [base]
  while (stack.length > 0) {
    const dir = stack.pop() as string
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) stack.push(full)
      else if (entry.isFile())
        files[relative(base, full).split('\\').join('/')] = readFileSync(full, 'utf8')
    }
  }
  if (Object.keys(files).length === 0)
    throw new Error(`fixture '${name}' has no files (looked in ${base})`)
  return files
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
        typeof c.results === 'function' ? 'computed' : (c.results ?? null),
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
}

/** Commits each tree of `history` in turn (files of the previous tree not in the next are deleted). */
function writeHistory(root: string, history: GitHistory): void {
  git(root, ['init', '-q'])
  let previous: Record<string, string> = {}
  for (const commit of history.commits) {
    for (const path of Object.keys(previous))
      if (!(path in commit.files)) rmSync(join(root, path), { force: true })
    writeTree(root, commit.files)
    commitAll(root, `at ${commit.date}`, { date: commit.date })
    if (commit.tag) git(root, ['tag', commit.tag])
    previous = commit.files
  }
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    if (path.startsWith('/') || path.split('/').includes('..'))
      throw new Error(`fixture path '${path}' must be relative`)
    const full = join(root, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
  }
}

/** Loads and models a repository written from `files` into a fresh temp folder (removed afterwards). */
export async function buildFixtureModel(
  files: Record<string, string>,
  history?: GitHistory
): Promise<{
  repo: LoadedRepository
  facts: RepositoryFacts
  model: CodeModel
  base?: BaseInput
}> {
  const root = mkdtempSync(join(tmpdir(), 'perspective-fixture-'))
  try {
    if (history) writeHistory(root, history)
    writeTree(root, files)
    for (const [path, iso] of Object.entries(history?.modified ?? {}))
      utimesSync(join(root, path), new Date(iso), new Date(iso))
    const repo = await loadRepository(root, {})
    // All of the history counts: fixture commits are dated long before the fixed clock.
    const facts = await collectFacts(repo, history ? { historyDays: 100000 } : {})
    const model = await buildModel(repo, facts)
    const base = history?.base ? (await prepareBase(root, history.base)).base : undefined
    return { repo, facts, model, ...(base ? { base } : {}) }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
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
      ? { ref: 'base', model: (await buildFixtureModel(settings.baseFiles)).model }
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

/** Problems with the findings' evidence and specs of a run; empty when everything checks out. */
export function checkRun(result: FixtureRun): string[] {
  const problems: string[] = []
  const { run, files } = result
  const ids = new Set(run.findings.map((f) => f.id))
  if (ids.size !== run.findings.length) problems.push('two findings share an id')
  const specIds = new Set(run.specs.map((s) => s.id))
  if (specIds.size !== run.specs.length) problems.push('two specs share an id')
  for (const f of run.findings) {
    const at = `${f.id} (${f.messageId})`
    if (/\{\{|\}\}/.test(f.title + f.message))
      problems.push(`${at}: unfilled placeholder in "${f.title}" / "${f.message}"`)
    if (f.title.trim() === '' || f.message.trim() === '' || f.rationale.trim() === '')
      problems.push(`${at}: empty title, message or rationale`)
    if (f.file === null) {
      if (!f.lookedFor || f.where.length === 0)
        problems.push(`${at}: a repository-level finding must say what was looked for and where`)
      continue
    }
    problems.push(...checkEvidence(f, files))
  }
  for (const spec of run.specs) {
    for (const covered of spec.covers) {
      if (!ids.has(covered))
        problems.push(`spec ${spec.id} covers '${covered}', which is not a finding of this run`)
    }
    if (spec.code.trim() === '') problems.push(`spec ${spec.id} has no code`)
  }
  return problems
}

/** The snippet must be the text of the file from `startLine` on (the engine may have cut it with `…`). */
export function checkEvidence(
  f: {
    id: string
    file: string | null
    startLine: number | null
    endLine: number | null
    snippet: string | null
  },
  files: Record<string, string>
): string[] {
  const at = `${f.id} at ${f.file}:${f.startLine}`
  const content = f.file === null ? undefined : files[f.file]
  if (content === undefined) return [`${at}: the file is not in the fixture`]
  const lines = content.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  const { startLine, endLine } = f
  if (
    startLine === null ||
    endLine === null ||
    startLine < 1 ||
    endLine < startLine ||
    endLine > lines.length
  ) {
    return [
      `${at}: line range ${startLine}-${endLine} is not inside the file's ${lines.length} lines`
    ]
  }
  if (f.snippet === null || f.snippet.trim() === '') return [`${at}: no snippet`]
  const quoted = f.snippet.replace(/\n?…$/, '')
  const actual = lines.slice(startLine - 1, endLine).join('\n')
  if (!actual.startsWith(quoted))
    return [
      `${at}: snippet ${JSON.stringify(f.snippet)} is not the text at lines ${startLine}-${endLine}`
    ]
  return []
}

export function summarise(run: PerspectiveRun): ExpectedFinding[] {
  return sortExpected(
    run.findings.map((f) => ({ messageId: f.messageId, file: f.file, line: f.startLine }))
  )
}

function sortExpected(list: ExpectedFinding[]): ExpectedFinding[] {
  return [...list].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.messageId.localeCompare(b.messageId)
  )
}

/** Everything of a run except its timing, for comparing two runs. */
function comparable(run: PerspectiveRun): unknown {
  const { millis: _millis, ...rest } = run
  return JSON.parse(JSON.stringify(rest))
}

/**
 * Message ids the cases leave untested: each must be expected by at least one invalid case (a case
 * that reports it) and be absent from at least one case with files (a case that does not report it;
 * valid cases report nothing, an invalid case reports only what it expects).
 */
export function untestedMessages<O>(
  messageIds: readonly string[],
  cases: Cases<O>
): { neverReported: string[]; alwaysReported: string[] } {
  const reported = new Set(cases.invalid.flatMap((c) => (c.expected ?? []).map((e) => e.messageId)))
  const withFiles = [...cases.valid, ...cases.invalid].filter(
    (c) => Object.keys(c.files).length > 0
  )
  return {
    neverReported: messageIds.filter((id) => !reported.has(id)),
    alwaysReported: messageIds.filter((id) =>
      withFiles.every((c) => (c.expected ?? []).some((e) => e.messageId === id))
    )
  }
}

/** Declares one jest test per case, and one that every message id has a case each way. */
export function testPerspective<O>(perspective: Perspective<string, O>, cases: Cases<O>): void {
  validateCases(perspective.meta.id, cases)
  it(`${perspective.meta.id}: has a case that reports each message id and one that does not`, () => {
    expect(untestedMessages(Object.keys(perspective.meta.messages), cases)).toEqual({
      neverReported: [],
      alwaysReported: []
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
