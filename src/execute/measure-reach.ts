// Measured test reach: the project's own suite, run once under coverage in a temporary copy before the
// perspectives, when the user supplied no coverage report. The same measurement is the baseline that
// coverage gain is counted against later, so the suite runs once per plan.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import picomatch from 'picomatch'
import type { ValidateMode } from '../config/types.js'
import type { CoverageReport, ModuleModel } from '../model/types.js'
import { collects } from '../specs/collect.js'
import type { RenderTarget } from '../specs/types.js'
import { measureBaselines, type Baselines } from './baseline.js'
import { reachReport } from './reach-report.js'
import { setupMissing } from './stage.js'
import { openSessionFor, scriptRequest } from './validate.js'

export interface ReachMeasurement {
  /** The measured reach as a coverage report, or null (see `note`). */
  report: CoverageReport | null
  /** The suite's coverage, reused as the baseline for coverage gain; null when the suite did not run. */
  baselines: Baselines | null
  /** What was measured, or why not, in a sentence for the log. */
  note: string
  millis: number
}

export interface ReachOptions {
  workspace: string
  exclude: readonly string[]
  target: RenderTarget
  mode: ValidateMode
  secrets: readonly string[]
  budgetMs: number
  modules: readonly ModuleModel[]
  text: (path: string) => string | undefined
  shipped: (path: string) => boolean
  /** When the run started, ISO 8601 (the report's time). */
  now: string
  parentEnv?: NodeJS.ProcessEnv
  python?: string | null
  isolateNetwork?: boolean
}

export async function measureSuiteReach(options: ReachOptions): Promise<ReachMeasurement> {
  const started = performance.now()
  const done = (note: string, found: Partial<ReachMeasurement> = {}): ReachMeasurement => ({
    report: null,
    baselines: null,
    ...found,
    note,
    millis: Math.round(performance.now() - started)
  })
  if (options.mode === 'false') return done('validation is off (validate: false)')
  if (options.budgetMs <= 0) return done("the suite's time budget is 0 (validation.suiteSeconds)")
  const framework = options.target.framework
  const missing = await setupMissing(options.workspace, new Set([framework]))
  if (missing) return done(missing)
  const session = await openSessionFor(
    { ...options, ...scriptRequest(options.target) },
    new Set([framework])
  )
  try {
    if (framework === 'pytest' && !session.python) return done('no Python with pytest was found')
    const baselines = await measureBaselines(
      session,
      new Map([[framework, options.target.language]]),
      {
        budgetMs: options.budgetMs,
        ...suiteArgs(framework, options),
        ...(options.isolateNetwork === undefined ? {} : { isolateNetwork: options.isolateNetwork })
      }
    )
    const map = baselines.maps.get(framework)
    if (!map)
      return done(baselines.missing.get(framework) ?? "the suite's coverage was not measured", {
        baselines
      })
    const dir = baselines.dirs?.get(framework)
    const pythonJson =
      map.kind === 'python' && dir
        ? await readFile(join(dir, 'coverage.json'), 'utf8').catch(() => undefined)
        : undefined
    const partial = partialRun(
      framework,
      options.target,
      baselines.exitCodes?.get(framework),
      options.modules
    )
    const result = reachReport({
      ...(partial ? { partial } : {}),
      framework,
      map,
      ...(pythonJson === undefined ? {} : { pythonJson }),
      runRoot: session.root,
      modules: options.modules,
      text: options.text,
      shipped: options.shipped,
      modified: options.now
    })
    if ('untrusted' in result)
      return done(`measured, but not used as test reach: ${result.untrusted}`, { baselines })
    const skipped = baselines.skipped?.get(framework)
    if (skipped) result.report.skippedTests = skipped
    const files = result.report.files
    // A transformed file (vitest, jest) claims no line: its functions say whether it ran.
    const ran = files.filter((f) => f.linesHit > 0 || f.functions.some((fn) => fn.hits > 0)).length
    const built = files.filter((f) => f.through)
    return done(
      `${framework} ran ${ran} of ${files.length} shipped files (exit code ${baselines.exitCodes?.get(framework) ?? 'unknown'}` +
        (skipped
          ? `; ${skipped.count} test${skipped.count === 1 ? '' : 's'} skipped on this interpreter, in ${skipped.files.slice(0, 3).join(', ')}${skipped.files.length > 3 ? ` and ${skipped.files.length - 3} more files` : ''}: what only they reach is not called untested`
          : '') +
        (built.length > 0
          ? `; ${built
              .slice(0, 3)
              .map((f) => `${f.path} ran as its build ${f.through}`)
              .join(', ')}${built.length > 3 ? ` and ${built.length - 3} more` : ''}`
          : '') +
        '); ' +
        (partial
          ? `partial (${partial}): what ran is used, "never ran" is not claimed with certainty`
          : 'this measurement decides "tested" for every perspective'),
      { report: result.report, baselines }
    )
  } finally {
    await session.dispose()
  }
}

/**
 * Why the run cannot say "never ran" for certain: the suite failed (tests that would have run a line may
 * have stopped first, files may not have loaded), or another runner than the project's ran it (http-server's
 * tap tests under node --test). Undefined when neither.
 */
export function partialRun(
  framework: RenderTarget['framework'],
  target: RenderTarget,
  exitCode: number | null | undefined,
  modules: readonly ModuleModel[] = []
): string | undefined {
  const reasons: string[] = []
  const detected = target.layout?.detected
  if (detected && detected !== framework)
    reasons.push(`the project runs its tests with ${detected}; ${framework} ran them here`)
  if (target.layout?.foreignRunner)
    reasons.push(
      `the project runs its tests with ${target.layout.foreignRunner}; ${framework} ran its test files here`
    )
  const uncollected = uncollectedTests(framework, target, modules)
  if (uncollected) reasons.push(uncollected)
  // pytest: 1 is "some tests failed", 5 "none collected"; any other non-zero code is a failed run too.
  if (exitCode !== 0) reasons.push(`the suite exited with code ${exitCode ?? 'unknown'}`)
  return reasons.length > 0 ? reasons.join(', and ') : undefined
}

/**
 * Test files with test cases that the runner, as the layout describes it, does not collect by their names:
 * peewee's `tests/models.py` and forty more run through its own `runtests.py`, which pytest's `test_*.py`
 * never picks up (round 10: its measured run called sixteen well-tested classes "never ran"). When they hold
 * a third or more of the test files, the run here is not the project's suite.
 */
function uncollectedTests(
  framework: RenderTarget['framework'],
  target: RenderTarget,
  modules: readonly ModuleModel[]
): string | undefined {
  const layout = target.layout
  if (!layout?.collect) return undefined
  // Handed to pytest by name (unittestFiles): they ran.
  if (framework === 'pytest' && unittestFiles({ target, modules }).length > 0) return undefined
  const tests = modules.filter(
    (m) => m.language === target.language && (m.test?.cases.length ?? 0) > 0
  )
  const missed = tests.filter((m) => !collects(layout, m.path))
  if (missed.length === 0 || missed.length * 3 < tests.length) return undefined
  const more = missed.length > 1 ? ` and ${missed.length - 1} more` : ''
  return `${framework} collects ${tests.length - missed.length} of the ${tests.length} test files by their names here; ${missed[0].path}${more} are not named as it collects them`
}

/**
 * What the project's test script hands its runner: its paths, or, when it starts the runner once per
 * file (nodemon: state left by one file's tests fails the next file's hooks), the files themselves.
 */
function suiteArgs(
  framework: RenderTarget['framework'],
  options: Pick<ReachOptions, 'target' | 'modules'>
): {
  suitePaths: Map<RenderTarget['framework'], string[]>
  suiteFiles?: Map<RenderTarget['framework'], string[]>
} {
  const layout = options.target.layout
  const paths = layout?.suitePaths ?? []
  const named = framework === 'pytest' && paths.length === 0 ? unittestFiles(options) : []
  if (named.length > 0) return { suitePaths: new Map([[framework, named]]) }
  if (!layout?.suitePerFile || paths.length === 0)
    return { suitePaths: new Map([[framework, paths]]) }
  const matches = picomatch(paths.map((p) => p.replace(/^\.\//, '')))
  const files = options.modules
    .map((m) => m.path)
    .filter((p) => matches(p))
    .sort()
  return { suitePaths: new Map([[framework, []]]), suiteFiles: new Map([[framework, files]]) }
}

/**
 * The test files of a suite pytest collects none of by their names (nameparser's and titlecase's
 * `tests.py`, pygtrie's `test.py`, run as `python tests.py`): pytest, handed them by name, runs their
 * unittest cases, so the suite is measured instead of exiting 5 with nothing collected. Empty when
 * pytest collects any test file itself: then its own collection is the project's suite.
 */
function unittestFiles(options: Pick<ReachOptions, 'target' | 'modules'>): string[] {
  const layout = options.target.layout
  if (!layout?.collect) return []
  const tests = options.modules.filter(
    (m) => m.language === 'python' && (m.test?.cases.length ?? 0) > 0
  )
  if (tests.some((m) => collects(layout, m.path))) return []
  return tests.map((m) => m.path).sort()
}
