// Runs rendered spec files with the project's own runner in a temporary copy of the workspace and
// decides each one's status: passed, failed (with the assertion message), error (does not load or
// hangs), flaky (passes and fails across the runs), skipped, or not-run (with why). The workspace is
// never written; the copy is removed whatever happens.
import { access, mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { packageInits } from '../specs/python-packages.js'
import type { TestFramework } from '../specs/types.js'
import type { Baselines } from './baseline.js'
import { childEnvironment } from './child-env.js'
import { coverageGain as gainOver, coverageKind, readCoverage, withCoverage } from './coverage.js'
import { findPython } from './python.js'
import { shortMessage, type FileReport } from './reports.js'
import { runnerCommand, type RunnerCommand } from './runners.js'
import { workspacePackageOf } from './workspace-package.js'
import { createSandbox, writeInside } from './sandbox.js'
import { runChild } from './spawn.js'

export interface SpecFile {
  id: string
  /** Repository-relative posix path the file is written at. */
  path: string
  code: string
  framework: TestFramework
  language: string
}

export type ValidationStatus = 'passed' | 'failed' | 'error' | 'flaky' | 'skipped' | 'not-run'

export interface SpecValidation {
  status: ValidationStatus
  runs: number
  millis: number
  /** The assertion message (failed, flaky), the load error (error), or why it did not run. */
  message: string | null
}

export interface ExecuteOptions {
  workspace: string
  /** Relative paths never copied (the results folder). */
  exclude?: readonly string[]
  perFileMs: number
  totalMs: number
  /** Runs of a spec that loaded (flakiness needs more than one). */
  runs?: number
  /** Token values that must not reach a child. */
  secrets?: readonly string[]
  parentEnv?: NodeJS.ProcessEnv
  /** Python to try after the project's virtualenv. */
  python?: string | null
  node?: string
  isolateNetwork?: boolean
  /** Milliseconds, monotonic; injected by tests. */
  clock?: () => number
  tempParent?: string
  /** What the project's test script gives its node:test runner (layout `runnerScript`). */
  script?: { preload: string[]; env: Record<string, string>; select?: string[] }
  /** mocha's interface when not bdd (layout `mochaUi`): every mocha command gets `--ui` with it. */
  mochaUi?: string
}

export interface ExecuteResult {
  results: Map<string, SpecRunResult>
  notes: string[]
}

/** The report file's text, else the report the runner wrote to standard output (old mocha). */
async function reportText(
  path: string,
  command: RunnerCommand,
  stdout: string
): Promise<string | null> {
  const text = await readFile(path, 'utf8').catch(() => null)
  return text ?? command.fromStdout?.(stdout) ?? null
}

type RunVerdict =
  | { kind: 'ran'; status: 'passed' | 'failed' | 'skipped'; message: string | null }
  | { kind: 'error'; message: string }
  | { kind: 'not-run'; message: string }

function verdictOf(report: FileReport): RunVerdict {
  if (report.loadError !== null) return { kind: 'error', message: report.loadError }
  const failed = report.cases.find((c) => c.status === 'failed')
  if (failed)
    return {
      kind: 'ran',
      status: 'failed',
      message: failed.message ? `${failed.name}: ${failed.message}` : failed.name
    }
  if (report.cases.some((c) => c.status === 'passed'))
    return { kind: 'ran', status: 'passed', message: null }
  return {
    kind: 'ran',
    status: 'skipped',
    message: report.cases[0]?.message ?? 'the file has no test that runs'
  }
}

/** A temporary copy with the child environment and the project's Python and Node. */
export interface Session {
  root: string
  /**
   * The workspace the copy was made from: a child process that imports the project through an editable
   * install (a `.pth` naming the workspace) runs the workspace's files, not the copy's.
   */
  workspace?: string
  tmp: string
  env: Record<string, string>
  node: string
  python: string | null
  /** The project's own preload flags for node:test (`--require ts-node/register`), when its script has them. */
  preload?: readonly string[]
  /** The options the project's test script uses to choose its tests (`--project unit`), for the suite's run. */
  select?: readonly string[]
  /** mocha's interface when not bdd: mocha defines only the globals of the interface it is given. */
  mochaUi?: string
  notes: string[]
  dispose(): Promise<void>
}

export async function openSession(
  options: ExecuteOptions & { needsPython: boolean }
): Promise<Session> {
  const sandbox = await createSandbox(options.workspace, {
    exclude: options.exclude,
    tempParent: options.tempParent
  })
  try {
    const root = sandbox.root
    const tmp = join(root, '.test-planning-tmp')
    await mkdir(tmp, { recursive: true })
    const env = childEnvironment(options.parentEnv ?? process.env, {
      secrets: options.secrets,
      extra: {
        ...options.script?.env,
        TMPDIR: tmp,
        TEMP: tmp,
        TMP: tmp,
        PYTHONPATH: [root, join(root, 'src')].join(':')
      }
    })
    const python = options.needsPython
      ? (await findPython(root, options.python ?? null, env)).python
      : null
    return {
      root,
      workspace: sandbox.source,
      tmp,
      env,
      node: options.node ?? 'node',
      python,
      ...(options.script?.preload.length ? { preload: options.script.preload } : {}),
      ...(options.script?.select?.length ? { select: options.script.select } : {}),
      ...(options.mochaUi ? { mochaUi: options.mochaUi } : {}),
      notes: [],
      dispose: () => sandbox.dispose()
    }
  } catch (error) {
    await sandbox.dispose()
    throw error
  }
}

/** What the stages that run the project's code share: a copy of the workspace for these runners. */
export type SessionRequest = Pick<
  ExecuteOptions,
  'workspace' | 'exclude' | 'secrets' | 'parentEnv' | 'python' | 'script' | 'mochaUi'
>

/** The test script's node:test preload flags and variables, and mocha's interface, for a session, from the layout. */
export function scriptRequest(target: {
  layout?: { runnerScript?: ExecuteOptions['script']; mochaUi?: string }
}): Pick<ExecuteOptions, 'script' | 'mochaUi'> {
  const script = target.layout?.runnerScript
  const mochaUi = target.layout?.mochaUi
  return { ...(script ? { script } : {}), ...(mochaUi ? { mochaUi } : {}) }
}

/** A session for the given runners; Python is looked for only when pytest is one of them. */
export function openSessionFor(
  request: SessionRequest,
  frameworks: ReadonlySet<TestFramework>
): Promise<Session> {
  return openSession({
    ...request,
    perFileMs: 0,
    totalMs: 0,
    needsPython: frameworks.has('pytest')
  })
}

export async function executeSpecs(
  specs: readonly SpecFile[],
  options: ExecuteOptions
): Promise<ExecuteResult> {
  const session = await openSession({
    ...options,
    needsPython: specs.some((s) => s.framework === 'pytest')
  })
  try {
    return await runSpecFiles(session, specs, options)
  } finally {
    await session.dispose()
  }
}

/** What running one spec file decided, with its coverage gain when it was measured. */
export interface SpecRunResult extends SpecValidation {
  /** New lines and branches over the project's suite (see coverage.ts); null when not measured. */
  coverageGain: number | null
  /** The code as it ran, when it is not the code given (a TypeScript spec under a type-checking loader). */
  code?: string
}

/**
 * The first line of a TypeScript spec the project's loader type-checks (ts-node's `register`, ts-jest
 * without `isolatedModules`): the specs call the code with values outside its declared types on
 * purpose (a number where a string is declared) and name what they do not always use, which the
 * compiler rejects before a single test runs.
 */
export const TYPE_CHECK_OFF =
  "// @ts-nocheck -- the project's loader type-checks test files; this one passes values outside the declared types on purpose"

/** A load error that is the TypeScript compiler's verdict (ts-node's TSError, ts-jest's diagnostics). */
export function typeCheckRejected(text: string): boolean {
  return /Unable to compile TypeScript|\berror\W{0,3}TS\d{4}\b|\bTS\d{4}:/.test(text)
}

export interface RunOptions extends Pick<
  ExecuteOptions,
  'perFileMs' | 'totalMs' | 'runs' | 'isolateNetwork' | 'clock'
> {
  /** The suite's coverage: each spec's first run is measured against it. */
  coverage?: Baselines
  /**
   * Specs whose failure is what they claim (a defect): a failure is run again to tell a steady
   * failure from a flaky one. Any other spec that fails once is not delivered, so it runs once.
   */
  repeatOnFailure?: ReadonlySet<string>
  /** Spec files run at the same time (default 2). */
  concurrency?: number
  /** Runs 2 and 3 of the files that passed their first run in one runner start (default true). */
  batch?: boolean
}

/** Calls `work` on each item, at most `limit` at a time. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++])
  })
  await Promise.all(lanes)
}

/** Writes the spec files into the session's copy and runs each (up to `runs` times). */
export async function runSpecFiles(
  session: Session,
  specs: readonly SpecFile[],
  options: RunOptions
): Promise<{ results: Map<string, SpecRunResult>; notes: string[] }> {
  const clock = options.clock ?? (() => performance.now())
  const started = clock()
  const results = new Map<string, SpecRunResult>()
  const notes: string[] = []
  const runs = Math.max(1, options.runs ?? 3)
  const { root, tmp, env, python, node, preload, mochaUi } = session
  // Copies: a spec rewritten to compile is given back in its result, the caller's list is not changed.
  specs = specs.map((s) => ({ ...s }))
  const rewritten = new Set<string>()
  // Python specs sharing a basename (`python_files = tests.py`) are imported through packages of their own.
  for (const init of packageInits(specs.map((s) => s.path))) {
    const there = await access(join(root, ...init.split('/'))).then(
      () => true,
      () => false
    )
    if (!there) await writeInside(root, init, '').catch(() => undefined)
  }
  for (const spec of specs) {
    try {
      await writeInside(root, spec.path, spec.code)
    } catch (error) {
      results.set(spec.id, {
        status: 'not-run',
        runs: 0,
        millis: 0,
        message: (error as Error).message,
        coverageGain: null
      })
    }
  }
  // The spec files are not the project's code: what they run of themselves is no gain.
  const leaveOut = new Set(specs.map((s) => s.path))
  let networkNoted = false
  let reports = 0
  /** One spec's runs so far; the per-file loop resumes from it after a batch could not decide. */
  interface State {
    spec: SpecFile
    verdicts: RunVerdict[]
    specStart: number
    coverageGain: number | null
    /** Tests that passed in the first run (a batch must pass at least as many). */
    passedCases: number
  }
  const batching = (options.batch ?? true) && runs > 1
  const deferred: State[] = []
  const finish = (state: State): void => {
    const combined = combine(state.verdicts)
    results.set(state.spec.id, {
      ...combined,
      ...(rewritten.has(state.spec.id) ? { code: state.spec.code } : {}),
      runs: state.verdicts.filter((v) => v.kind === 'ran').length,
      millis: Math.round(clock() - state.specStart),
      coverageGain:
        combined.status === 'passed' || combined.status === 'failed' ? state.coverageGain : null
    })
  }
  const outOfBudget = (): boolean => clock() - started > options.totalMs
  /** Runs `state`'s spec file on its own until it has `runs` runs or a run decides it. */
  const runFile = async (state: State): Promise<void> => {
    const { spec } = state
    const absolute = join(root, ...spec.path.split('/'))
    const baseline = options.coverage?.maps.get(spec.framework) ?? null
    for (let run = state.verdicts.length; run < runs; run++) {
      if (outOfBudget()) {
        if (state.verdicts.length === 0)
          state.verdicts.push({
            kind: 'not-run',
            message: `the validation budget (${Math.round(options.totalMs / 1000)} s) ran out`
          })
        break
      }
      const n = reports++
      const reportPath = join(tmp, `report-${n}.out`)
      await rm(reportPath, { force: true })
      // A spec in an npm workspace package runs from that package, under its runner configuration.
      const pkg = await workspacePackageOf(root, spec.path)
      const cwd = pkg ? join(root, ...pkg.split('/')) : root
      const command = await runnerCommand(spec.framework, absolute, spec.language, {
        root,
        ...(pkg ? { packageDir: cwd } : {}),
        node,
        python,
        reportPath,
        testTimeoutMs: options.perFileMs,
        ...(preload ? { preload } : {}),
        ...(mochaUi ? { mochaUi } : {})
      })
      if ('unavailable' in command) {
        state.verdicts.push({ kind: 'not-run', message: command.unavailable })
        break
      }
      // The first run is measured against the suite's coverage, when there is one.
      const kind = coverageKind(spec.framework)
      const coverageDir = baseline && run === 0 ? join(tmp, `coverage-${n}`) : null
      if (coverageDir) await mkdir(coverageDir, { recursive: true })
      const measured = coverageDir
        ? await withCoverage(
            spec.framework,
            coverageDir,
            command,
            options.coverage?.pytestCov ?? false
          )
        : { args: command.args, env: {} }
      const child = await runChild({
        command: command.command,
        args: measured.args,
        cwd,
        env: { ...env, ...measured.env },
        timeoutMs: options.perFileMs,
        isolateNetwork: options.isolateNetwork ?? true
      })
      if (child.networkNote && !networkNoted) {
        notes.push(child.networkNote)
        networkNoted = true
      }
      if (child.killed) {
        state.verdicts.push({
          kind: 'error',
          message: `killed at the time limit of ${Math.round(options.perFileMs / 1000)} s per file`
        })
        break
      }
      const text = await reportText(reportPath, command, child.stdout)
      const report = text === null ? null : command.parse(text)
      const verdict: RunVerdict = report
        ? verdictOf(report)
        : {
            kind: 'error',
            message: `the runner wrote no report: ${
              shortMessage(child.stderr.split('\n').slice(-20).join('\n')) ??
              `exit code ${child.code}`
            }`
          }
      // Rejected by the compiler, not by a test: written so it compiles, run again (once).
      if (
        run === 0 &&
        verdict.kind === 'error' &&
        spec.language === 'typescript' &&
        !spec.code.startsWith(TYPE_CHECK_OFF) &&
        typeCheckRejected(`${verdict.message}\n${child.stderr}\n${child.stdout}`)
      ) {
        spec.code = `${TYPE_CHECK_OFF}\n${spec.code}`
        rewritten.add(spec.id)
        await writeInside(root, spec.path, spec.code)
        run--
        continue
      }
      if (!report) {
        state.verdicts.push(verdict)
        break
      }
      state.verdicts.push(verdict)
      if (run === 0) state.passedCases = report.cases.filter((c) => c.status === 'passed').length
      if (coverageDir && baseline && verdict.kind === 'ran') {
        const counts = options.coverage?.counts
        const map = await readCoverage(kind, coverageDir, {
          root,
          python,
          env,
          leaveOut,
          ...(counts ? { counts } : {})
        })
        state.coverageGain = map ? gainOver(baseline, map) : null
      }
      if (verdict.kind !== 'ran' || verdict.status === 'skipped') break
      // A failure decides a spec that is not a defect's demonstration: it is not delivered.
      if (verdict.status === 'failed' && !options.repeatOnFailure?.has(spec.id)) break
      // A file that passed its first run waits for the batch: its other runs share one runner start.
      if (batching && run === 0 && verdict.status === 'passed') {
        deferred.push(state)
        return
      }
    }
    finish(state)
  }
  /**
   * One runner start over the files of `group` (one framework and language): true when every test in
   * it passed and at least as many passed as in the files' first runs; anything else (a failure, a
   * file that did not load, a hang, no report) decides nothing and the files run on their own.
   */
  const runBatch = async (group: readonly State[]): Promise<boolean> => {
    const { framework, language } = group[0].spec
    // One runner start runs from one package: files of several workspace packages run on their own.
    const pkgs = new Set(await Promise.all(group.map((g) => workspacePackageOf(root, g.spec.path))))
    if (pkgs.size > 1) return false
    const pkg = [...pkgs][0] ?? null
    const cwd = pkg ? join(root, ...pkg.split('/')) : root
    const reportPath = join(tmp, `report-${reports++}.out`)
    await rm(reportPath, { force: true })
    const command = await runnerCommand(
      framework,
      group.map((g) => join(root, ...g.spec.path.split('/'))),
      language,
      {
        root,
        ...(pkg ? { packageDir: cwd } : {}),
        node,
        python,
        reportPath,
        testTimeoutMs: options.perFileMs,
        ...(preload ? { preload } : {}),
        ...(mochaUi ? { mochaUi } : {})
      }
    )
    if ('unavailable' in command) return false
    const left = options.totalMs - (clock() - started)
    const child = await runChild({
      command: command.command,
      args: command.args,
      cwd,
      env,
      timeoutMs: Math.max(1, Math.min(options.perFileMs * group.length, left)),
      isolateNetwork: options.isolateNetwork ?? true
    })
    if (child.killed) return false
    const text = await reportText(reportPath, command, child.stdout)
    const report = text === null ? null : command.parse(text)
    if (!report || report.loadError !== null) return false
    if (report.cases.some((c) => c.status === 'failed')) return false
    const passed = report.cases.filter((c) => c.status === 'passed').length
    return passed >= group.reduce((sum, g) => sum + g.passedCases, 0)
  }

  await eachLimited(
    specs.filter((s) => !results.has(s.id)),
    options.concurrency ?? 2,
    (spec) =>
      runFile({ spec, verdicts: [], specStart: clock(), coverageGain: null, passedCases: 0 })
  )
  const groups = new Map<string, State[]>()
  for (const state of deferred) {
    const key = `${state.spec.framework}\u0000${state.spec.language}`
    groups.set(key, [...(groups.get(key) ?? []), state])
  }
  let starts = 0
  let fallbacks = 0
  for (const group of groups.values()) {
    let decided = true
    for (let run = 1; run < runs && decided; run++) {
      if (outOfBudget()) break
      starts++
      decided = await runBatch(group)
      if (decided)
        for (const g of group) g.verdicts.push({ kind: 'ran', status: 'passed', message: null })
    }
    if (!decided) fallbacks++
    // Whatever the batch left undecided runs file by file, as without batching.
    await eachLimited(group, options.concurrency ?? 2, runFile)
  }
  if (deferred.length > 0)
    notes.push(
      `Runs 2-${runs} of the ${deferred.length} spec file(s) that passed their first run: ${starts} runner start(s)${fallbacks > 0 ? `; ${fallbacks} batch(es) did not pass as a whole and ran file by file` : ''}.`
    )
  return { results, notes }
}

function combine(verdicts: RunVerdict[]): Omit<SpecValidation, 'runs' | 'millis'> {
  const first = verdicts[0]
  if (!first) return { status: 'not-run', message: 'no run was made' }
  if (first.kind === 'error') return { status: 'error', message: first.message }
  if (first.kind === 'not-run') return { status: 'not-run', message: first.message }
  const ran = verdicts.filter((v): v is Extract<RunVerdict, { kind: 'ran' }> => v.kind === 'ran')
  const broken = verdicts.find((v) => v.kind !== 'ran')
  if (broken) return { status: 'error', message: broken.message }
  const statuses = new Set(ran.map((v) => v.status))
  if (statuses.has('passed') && statuses.has('failed'))
    return { status: 'flaky', message: ran.find((v) => v.status === 'failed')?.message ?? null }
  if (statuses.has('failed')) return { status: 'failed', message: ran[0].message }
  if (statuses.has('passed')) return { status: 'passed', message: null }
  return { status: 'skipped', message: first.message }
}
