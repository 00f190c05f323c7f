// The coverage baseline: the project's own suite, run once per validation with its own runner in the
// temporary copy (before any spec is written there), under a time budget. When it cannot be measured
// (no coverage tool, the suite does not start, or it is too slow) coverage gain stays null and the
// reason is said once.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { TestFramework } from '../specs/types.js'
import {
  coverageKind,
  hasCoveragePy,
  hasPytestCov,
  readCoverage,
  withCoverage,
  type CoverageMap
} from './coverage.js'
import { suiteCommand } from './runners.js'
import { runChild } from './spawn.js'
import type { Session } from './validate.js'

export interface Baselines {
  /** By framework: the suite's coverage. */
  maps: Map<TestFramework, CoverageMap>
  /** By framework: why there is no baseline (coverage gain stays null for its specs). */
  missing: Map<TestFramework, string>
  /** pytest-cov is installed (coverage runs pass `--no-cov`). */
  pytestCov: boolean
  /** Whether a repository file counts towards the gain (the product's code, not its tests). */
  counts?: (path: string) => boolean
  /** By framework: the folder the measurement wrote (coverage.py's `coverage.json`), while the session lasts. */
  dirs?: Map<TestFramework, string>
  /** By framework: the suite's exit code. */
  exitCodes?: Map<TestFramework, number | null>
  /** By framework: the tests the suite skipped (pytest), and the files they are in. */
  skipped?: Map<TestFramework, { count: number; files: string[] }>
  millis: number
}

export function noBaselines(why: string, frameworks: Iterable<TestFramework>): Baselines {
  const missing = new Map<TestFramework, string>()
  for (const f of frameworks) missing.set(f, why)
  return { maps: new Map(), missing, pytestCov: false, millis: 0 }
}

let counter = 0

/** Runs the suite once per framework under coverage, within `budgetMs` in all. */
export async function measureBaselines(
  session: Session,
  frameworks: ReadonlyMap<TestFramework, string>,
  options: {
    budgetMs: number
    isolateNetwork?: boolean
    clock?: () => number
    counts?: (path: string) => boolean
    /** By framework: the paths the project's test script hands its runner. */
    suitePaths?: ReadonlyMap<TestFramework, readonly string[]>
    /** By framework: files run one runner start each, as the project's test script does (nodemon). */
    suiteFiles?: ReadonlyMap<TestFramework, readonly string[]>
  }
): Promise<Baselines> {
  const clock = options.clock ?? (() => performance.now())
  const started = clock()
  const maps = new Map<TestFramework, CoverageMap>()
  const missing = new Map<TestFramework, string>()
  const dirs = new Map<TestFramework, string>()
  const exitCodes = new Map<TestFramework, number | null>()
  const skipped = new Map<TestFramework, { count: number; files: string[] }>()
  let pytestCov = false
  for (const [framework, language] of frameworks) {
    const left = options.budgetMs - (clock() - started)
    if (left <= 1000) {
      missing.set(framework, 'the time budget for measuring the suite ran out')
      continue
    }
    const kind = coverageKind(framework)
    if (kind === 'python') {
      if (!session.python || !(await hasCoveragePy(session.python, session.root, session.env))) {
        missing.set(
          framework,
          "coverage.py is not installed in the project's Python (`pip install coverage` measures coverage gain)"
        )
        continue
      }
      pytestCov = await hasPytestCov(session.python, session.root, session.env)
    }
    const files = options.suiteFiles?.get(framework) ?? []
    const command = await suiteCommand(
      framework,
      language,
      session,
      options.suitePaths?.get(framework) ?? [],
      files.length > 0
    )
    if ('unavailable' in command) {
      missing.set(framework, `the project's suite cannot start: ${command.unavailable}`)
      continue
    }
    const dir = join(session.tmp, `coverage-suite-${counter++}`)
    await mkdir(dir, { recursive: true })
    const measured = await withCoverage(framework, dir, command, pytestCov)
    const child = await runSuite(
      files.length > 0 ? files.map((f) => [f]) : [[]],
      left,
      clock,
      (extra, ms) =>
        runChild({
          command: command.command,
          // `-rs` lists each skipped test with its file: what only they reach is not "never ran" for certain.
          args: [...measured.args, ...(kind === 'python' ? ['-rs'] : []), ...extra],
          cwd: session.root,
          env: { ...session.env, ...measured.env },
          timeoutMs: ms,
          isolateNetwork: options.isolateNetwork ?? true
        })
    )
    if (child.killed) {
      missing.set(
        framework,
        `the project's suite did not finish within ${Math.round(left / 1000)} s, so coverage gain is not measured`
      )
      continue
    }
    // pytest: 0 passed, 1 some tests failed, 5 none collected; the coverage of what ran still counts.
    if (kind === 'python' && child.code !== null && ![0, 1, 5].includes(child.code)) {
      missing.set(
        framework,
        `the project's suite did not run (pytest exit code ${child.code}), so coverage gain is not measured`
      )
      continue
    }
    const read = (rcfile?: string) =>
      readCoverage(kind, dir, {
        ...session,
        leaveOut: new Set(),
        ...(options.counts ? { counts: options.counts } : {}),
        ...(rcfile ? { rcfile } : {})
      })
    let map = await read()
    let output = child.stdout
    // The project's coverage config can name a plugin its CI installs and this environment lacks
    // (pycodestyle's covdefaults): coverage.py stops before pytest starts. Measure once more with our
    // settings only; which files count is decided by the model, not by the project's config.
    if (!map && kind === 'python' && /No module named/.test(child.stderr)) {
      const rcfile = join(dir, 'forced.coveragerc')
      const args = [
        ...measured.args.flatMap((a, i) =>
          a === 'run' && measured.args[i - 1] === 'coverage' ? [a, `--rcfile=${rcfile}`] : [a]
        ),
        '-rs'
      ]
      const again = await runChild({
        command: command.command,
        args,
        cwd: session.root,
        env: { ...session.env, ...measured.env },
        timeoutMs: Math.max(1000, options.budgetMs - (clock() - started)),
        isolateNetwork: options.isolateNetwork ?? true
      })
      if (!again.killed && again.code !== null && [0, 1, 5].includes(again.code)) {
        map = await read(rcfile)
        output = again.stdout
      }
    }
    // A suite that ends well having run nothing (no test file yet) covers nothing.
    if (!map && (child.code === 0 || (kind === 'python' && child.code === 5)))
      map = kind === 'v8' ? { kind, files: new Map() } : { kind, files: new Map() }
    if (!map) {
      const said = lastErrorLine(child.stderr)
      missing.set(
        framework,
        `the project's suite wrote no coverage (exit code ${child.code}${said ? `; its last error line: "${said}"` : ''}), so coverage gain is not measured`
      )
      continue
    }
    // A suite that fails without running any of the product's code is not the project's suite at work
    // (its runner is one we do not run, e.g. uvu or ava under node --test): every spec would "gain".
    // Loading a module is not running it: ava's test file imports the module, then refuses to run.
    if (child.code !== 0 && !ranProductCode(map)) {
      const said = lastErrorLine(child.stderr) ?? lastErrorLine(child.stdout)
      missing.set(
        framework,
        `the project's suite, run with ${framework}, failed (exit code ${child.code}${said ? `; its last error line: "${said}"` : ''}) without running any of the product's code, so coverage gain is not measured`
      )
      continue
    }
    maps.set(framework, map)
    dirs.set(framework, dir)
    exitCodes.set(framework, child.code)
    const skips = kind === 'python' ? pytestSkips(output) : null
    if (skips) skipped.set(framework, skips)
  }
  return {
    maps,
    missing,
    pytestCov,
    dirs,
    exitCodes,
    ...(skipped.size > 0 ? { skipped } : {}),
    ...(options.counts ? { counts: options.counts } : {}),
    millis: Math.round(clock() - started)
  }
}

/**
 * The suite's runs, one after the other within `budgetMs` (one run, or one per file when the project's
 * script starts its runner per file): killed when the budget ends, the first failing exit code.
 */
async function runSuite(
  runs: readonly string[][],
  budgetMs: number,
  clock: () => number,
  run: (
    extra: string[],
    ms: number
  ) => Promise<{ code: number | null; killed: boolean; stderr: string; stdout: string }>
): Promise<{ code: number | null; killed: boolean; stderr: string; stdout: string }> {
  const started = clock()
  let code: number | null = 0
  let stderr = ''
  let stdout = ''
  for (const extra of runs) {
    const left = budgetMs - (clock() - started)
    if (left <= 0) return { code, killed: true, stderr, stdout }
    const child = await run(extra, left)
    if (child.killed) return child
    stdout += child.stdout
    if (code === 0) ({ code, stderr } = child)
  }
  return { code, killed: false, stderr, stdout }
}

/**
 * The skipped tests of pytest's `-rs` summary (`SKIPPED [2] tests/test_xml.py:4: could not import
 * 'lxml'`): how many, and in which files. Null when none were skipped.
 */
export function pytestSkips(stdout: string): { count: number; files: string[] } | null {
  let count = 0
  const files = new Set<string>()
  // A project's addopts may ask for colour (`--color=yes`, wcwidth): the escape codes are not text.
  // eslint-disable-next-line no-control-regex
  for (const line of stdout.replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
    const match = /^SKIPPED \[(\d+)\] (.+?):\d+: /.exec(line.trim())
    if (!match) continue
    count += Number(match[1])
    files.add(match[2].replace(/\\/g, '/').replace(/^\.\//, ''))
  }
  return count > 0 ? { count, files: [...files].sort() } : null
}

/**
 * The last non-blank line a failed run wrote to stderr, shortened: usually the error that stopped it
 * (a coverage plugin the environment lacks, a missing module), which names the set-up step to add.
 */
export function lastErrorLine(stderr: string): string | null {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .at(-1)
  if (!line) return null
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}

/**
 * Whether the coverage shows the counted files' code run beyond loading them: Python lines, or a V8
 * function other than a script's top level (its widest range), since importing a module runs its top
 * level without running any of its functions.
 */
function ranProductCode(map: CoverageMap): boolean {
  if (map.kind === 'python') return [...map.files.values()].some((f) => f.lines.size > 0)
  return [...(map.functions?.values() ?? [])].some((own) => {
    const whole = Math.max(0, ...own.map((f) => f.range.endOffset - f.range.startOffset))
    return own.some((f) => f.range.count > 0 && f.range.endOffset - f.range.startOffset < whole)
  })
}
