// The validation stage: the one place the project's own code runs. In a temporary copy of the
// workspace, each call spec's unit is observed (its cases' real results become the assertions), each
// spec is run with the project's runner (3 runs), and each finding a spec demonstrates is judged
// confirmed, a defect, or refuted. Specs that do not load, hang, or rest on a refuted claim are not
// delivered.
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { renderSpec } from '../specs/render.js'
import type { ValidateMode } from '../config/types.js'
import type { RecordValidation } from '../records/types.js'
import {
  AS_CALLED_IN,
  type CallSpecBody,
  type RenderTarget,
  type SpecDraft,
  type TestFramework,
  type TestSpec
} from '../specs/types.js'
import { judgeClaim, observeCall, withObserved, type Claim } from './observe.js'
import {
  planItemMessage,
  REDUNDANT,
  redundantMessage,
  weakAssertion,
  type PlanItemKind,
  type WeakAssertion
} from './assertion-strength.js'
import { measureBaselines, noBaselines, type Baselines } from './baseline.js'
import { SAME_BEHAVIOUR, sameBehaviour } from './same-behaviour.js'
import { contractBreach, pythonCheck } from './type-contract.js'
import { probeDefects, type ProbedSpec } from './stage-probe.js'
import type { ProbeTarget } from './probe-targets.js'
import type { ProbeHome } from './probe.js'
import {
  eachLimited,
  openSessionFor,
  runSpecFiles,
  scriptRequest,
  type Session,
  type SpecFile
} from './validate.js'

/** One spec's validation as the records carry it (same type on every row). */
export type SpecValidationRecord = RecordValidation

export interface StageSpec {
  spec: TestSpec
  draft: SpecDraft | undefined
  perspectiveId: string
}

export interface StageOptions {
  workspace: string
  exclude: readonly string[]
  target: RenderTarget
  mode: ValidateMode
  secrets: readonly string[]
  parentEnv?: NodeJS.ProcessEnv
  python?: string | null
  perFileMs?: number
  totalMs?: number
  observeMs?: number
  runs?: number
  /** Time for measuring the project's suite's coverage (0: coverage gain off). */
  coverageMs?: number
  /** Whether a repository file counts towards coverage gain (the product's code); default all. */
  countsForCoverage?: (path: string) => boolean
  /** Units observed and spec files run at the same time (default 2). */
  concurrency?: number
  /** The suite's coverage, already measured (measure-reach.ts): it is not run again. */
  baselines?: Baselines | null
  /** Units to probe for defects an oracle makes certain (probe.ts); none when absent. */
  probes?: readonly ProbeTarget[]
  /** Which of failure-modes and edge-cases run: a probed defect's finding joins one of them. */
  probeHomes?: readonly ProbeHome[]
}

export interface StageOutcome {
  spec: TestSpec
  validation: SpecValidationRecord
  /** Where the spec is written in the repository (unique among the run's specs and the repository's files). */
  path: string
  /** Shipped in the results folder's `specs/`. */
  deliver: boolean
  /**
   * A passing spec kept in the plan, not delivered: it observes no value and adds no coverage, or it
   * pins values but the suite already runs every line and branch it runs (measured).
   */
  planItem?: PlanItemKind
}

export interface StageResult {
  /** By spec id. */
  outcomes: Map<string, StageOutcome>
  /** Why nothing ran (validate: auto without installed dependencies, or false). */
  skipped: string | null
  notes: string[]
  /** Whether the suite's coverage was measured (coverage gain is null otherwise, with why). */
  coverage?: { measured: boolean; missing: string[]; millis: number }
  /** Defects the probe found, each with its spec (delivered when it failed in every run). */
  probed?: ProbedSpec[]
  /** Time the probe's children took (their specs' runs count with the other specs'). */
  probeMillis?: number
  millis: number
}

export function notValidated(message: string): SpecValidationRecord {
  return { status: 'not-run', runs: 0, millis: 0, message, coverage_gain: null, claim: null }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}

const RUNNER_PACKAGE: Partial<Record<TestFramework, string>> = {
  jest: 'jest',
  vitest: 'vitest',
  mocha: 'mocha'
}

/** Why the project's runner cannot start (its dependencies are not installed), or null when it can. */
export async function setupMissing(
  workspace: string,
  frameworks: Set<TestFramework>
): Promise<string | null> {
  for (const framework of frameworks) {
    if (framework !== 'pytest' && !(await exists(join(workspace, 'node_modules')))) {
      return "the project's dependencies are not installed (no node_modules): add actions/setup-node and `npm ci` before the action"
    }
    const pkg = RUNNER_PACKAGE[framework]
    if (pkg && !(await exists(join(workspace, 'node_modules', pkg, 'package.json')))) {
      return `${framework} is not installed in the workspace: add actions/setup-node and \`npm ci\` before the action`
    }
  }
  return null
}

/** `tests/test_a.py` -> `tests/test_a_2.py`; `x/a.test.ts` -> `x/a.2.test.ts`. */
function numbered(path: string, n: number): string {
  if (path.endsWith('.py')) return path.replace(/\.py$/, `_${n}.py`)
  const m = /^(.*?)(\.(?:test|spec)\.[cm]?[jt]sx?)$/.exec(path)
  if (m) return `${m[1]}.${n}${m[2]}`
  const dot = path.lastIndexOf('.')
  return dot > path.lastIndexOf('/')
    ? `${path.slice(0, dot)}.${n}${path.slice(dot)}`
    : `${path}.${n}`
}

async function uniquePaths(
  workspace: string,
  specs: readonly TestSpec[]
): Promise<Map<string, string>> {
  const taken = new Set<string>()
  const out = new Map<string, string>()
  for (const spec of specs) {
    let path = spec.fileName
    for (let n = 2; taken.has(path) || (await exists(join(workspace, ...path.split('/')))); n++)
      path = numbered(spec.fileName, n)
    taken.add(path)
    out.set(spec.id, path)
  }
  return out
}

interface Prepared {
  outcome: StageOutcome
  judged: { claim: Claim; message: string | null } | null
  file: SpecFile | null
  /** Written from the explore rows: it asserts what was observed and claims nothing about a finding. */
  explored?: boolean
  /** What the rendered spec asserts when it is no value nor error type (assertion-strength.ts). */
  weak?: WeakAssertion | null
  /** Every row is a call copied from the project's own tests: it pins nothing the suite does not. */
  suiteRowsOnly?: boolean
}

/** Rows that throw are kept, but a table of only errors from made-up arguments says little: at most 3. */
const MAX_THROWING_ROWS = 3

/** The draft's explore rows, called; the observed ones as the spec's table, or null when none was. */
async function explore(
  draft: SpecDraft,
  session: Session,
  options: StageOptions
): Promise<SpecDraft | null> {
  if (!draft.explore) return null
  const observation = await observeCall(
    { ...session, timeoutMs: options.observeMs ?? 15_000 },
    draft.explore.body,
    { lenient: true }
  )
  if (!observation.ok) return null
  let throwing = 0
  const cases = observation.cases.filter(
    (c) => c.expect.kind !== 'throws' || ++throwing <= MAX_THROWING_ROWS
  )
  if (
    !cases.some(
      (c) => c.expect.kind === 'returns' || (c.expect.kind === 'satisfies' && c.expect.observed)
    )
  )
    return null
  const explored: SpecDraft = {
    ...draft,
    title: draft.explore.title,
    expected: draft.explore.expected,
    body: draft.explore.body
  }
  delete explored.explore
  return withObserved(explored, { ok: true, cases })
}

/**
 * The first observed row that breaks the function's declared types, with the draft to ship for it: the
 * other rows as observed, that row asserting the declared type (it fails until the code or the
 * annotation is fixed).
 */
function typeContractBreach(draft: SpecDraft): { draft: SpecDraft; message: string } | null {
  const body = draft.body
  if (body.kind !== 'call' || !body.contract) return null
  const { contract } = body
  const check = pythonCheck(contract.returns)
  if (!check) return null
  let message: string | null = null
  // Every row that breaks the declared type asserts it; the other rows stay as observed.
  const cases = body.cases.map((row) => {
    const why =
      row.expect.kind === 'returns' ? contractBreach(contract, row.args, row.expect.value) : null
    if (!why) return row
    message ??= `${row.name}: ${body.symbol}(${row.args.map((a) => JSON.stringify(a)).join(', ')}) is ${why}`
    return {
      ...row,
      expect: {
        kind: 'satisfies' as const,
        python: check,
        description: `returns ${contract.returns}, as annotated`
      }
    }
  })
  if (message === null) return null
  return {
    draft: {
      ...draft,
      expected: `${draft.expected}; each result has the declared return type ${contract.returns}`,
      body: { ...body, cases }
    },
    message
  }
}

/** Observes one spec's unit (when it calls one) and renders what will run, or says why not. */
async function prepare(
  item: StageSpec,
  path: string,
  session: Session,
  options: StageOptions
): Promise<Prepared> {
  const { spec, draft } = item
  const notRun = (message: string, claim: Claim | null = null): Prepared => ({
    outcome: { spec, validation: { ...notValidated(message), claim }, path, deliver: false },
    judged: null,
    file: null
  })
  if (spec.framework === 'none') return notRun('not a test file for a runner')
  const noSpec = options.target.layout?.collectsNoSpec
  if (noSpec && spec.framework === options.target.layout?.framework)
    return notRun(`plan-only: ${noSpec}`)
  let code = spec.code
  let planOnly = spec.planOnly
  let judged: Prepared['judged'] = null
  let shown: Pick<TestSpec, 'title' | 'expected'> = { title: spec.title, expected: spec.expected }
  let explored = false
  let weak: WeakAssertion | null = draft ? weakAssertion(draft) : null
  let observedOf: SpecDraft | null = null
  const rows =
    draft?.explore && draft.body.kind !== 'call' ? await explore(draft, session, options) : null
  if (rows) {
    const rendered = renderSpec(rows, options.target, item.perspectiveId)
    code = rendered.code
    planOnly = rendered.planOnly
    shown = { title: rendered.title, expected: rendered.expected }
    explored = true
    weak = weakAssertion(rows)
  } else if (draft?.body.kind === 'call') {
    const observation = await observeCall(
      { ...session, timeoutMs: options.observeMs ?? 15_000 },
      draft.body as CallSpecBody,
      // A spec that demonstrates no finding pins what is observed: rows that cannot be are left out.
      { lenient: spec.covers.length === 0 }
    )
    if (!observation.ok) return notRun(`plan-only: ${observation.planOnly}`)
    judged = spec.covers.length > 0 ? judgeClaim(draft, observation) : null
    if (judged?.claim === 'refuted')
      return notRun(`not delivered: the claim is refuted (${judged.message})`, 'refuted')
    // A defect is shipped as claimed (it fails until the code is fixed); anything else as observed.
    if (judged?.claim !== 'defect') {
      const observed = withObserved(draft, observation)
      observedOf = observed
      const rendered = renderSpec(observed, options.target, item.perspectiveId)
      code = rendered.code
      planOnly = rendered.planOnly
      weak = weakAssertion(observed)
    } else weak = null
  }
  // The code's own declared types: an observed value that breaks them is a defect candidate.
  const observedDraft = rows ?? (judged?.claim !== 'defect' ? observedOf : null)
  const breach = observedDraft ? typeContractBreach(observedDraft) : null
  if (breach) {
    const rendered = renderSpec(breach.draft, options.target, item.perspectiveId)
    code = rendered.code
    planOnly = rendered.planOnly
    judged = { claim: 'defect', message: breach.message }
    weak = null
  }
  const shipped = breach?.draft ?? observedDraft
  const suiteRowsOnly =
    shipped?.body.kind === 'call' &&
    shipped.body.cases.length > 0 &&
    shipped.body.cases.every((c) => c.name.startsWith(AS_CALLED_IN))
  return {
    outcome: {
      spec: {
        ...spec,
        ...shown,
        code,
        fileName: path,
        ...(planOnly === undefined ? {} : { planOnly })
      },
      validation: notValidated('not run yet'),
      path,
      deliver: false
    },
    judged,
    explored,
    weak,
    suiteRowsOnly,
    file: {
      id: spec.id,
      path,
      code,
      framework: spec.framework as TestFramework,
      language: spec.language
    }
  }
}

export async function validateSpecs(
  items: readonly StageSpec[],
  options: StageOptions
): Promise<StageResult> {
  const started = performance.now()
  const outcomes = new Map<string, StageOutcome>()
  const runnable = items.filter((i) => i.spec.framework !== 'none')
  const paths = await uniquePaths(
    options.workspace,
    items.map((i) => i.spec)
  )
  const skip = (why: string): StageResult => {
    for (const i of items)
      outcomes.set(i.spec.id, {
        spec: i.spec,
        validation: notValidated(why),
        path: paths.get(i.spec.id)!,
        deliver: false
      })
    return { outcomes, skipped: why, notes: [], millis: Math.round(performance.now() - started) }
  }
  if (options.mode === 'false') return skip('validation is off (validate: false)')
  const frameworks = new Set(runnable.map((i) => i.spec.framework as TestFramework))
  // Probing calls the code too: the project's runner then runs the defects' specs.
  if ((options.probes?.length ?? 0) > 0) frameworks.add(options.target.framework)
  const missing = await setupMissing(options.workspace, frameworks)
  if (missing && options.mode === 'auto') return skip(missing)
  if (runnable.length === 0 && !options.probes?.length) return skip('no spec to run')

  const session = await openSessionFor({ ...options, ...scriptRequest(options.target) }, frameworks)
  if (frameworks.has('pytest') && !session.python && options.mode === 'auto') {
    await session.dispose()
    return skip(
      'no Python with pytest was found: add actions/setup-python and `pip install` the project and pytest before the action'
    )
  }
  try {
    const totalMs = options.totalMs ?? 15 * 60_000
    // The suite's coverage first: no spec file is in the copy yet.
    const coverageMs = options.coverageMs ?? Math.min(5 * 60_000, Math.round(totalMs / 3))
    const languages = new Map<TestFramework, string>()
    for (const i of runnable)
      if (!languages.has(i.spec.framework as TestFramework))
        languages.set(i.spec.framework as TestFramework, i.spec.language)
    const baselines = options.baselines
      ? {
          ...options.baselines,
          ...(options.countsForCoverage ? { counts: options.countsForCoverage } : {})
        }
      : coverageMs > 0
        ? await measureBaselines(session, languages, {
            budgetMs: coverageMs,
            suitePaths: new Map([
              [options.target.framework, options.target.layout?.suitePaths ?? []]
            ]),
            ...(options.countsForCoverage ? { counts: options.countsForCoverage } : {})
          })
        : noBaselines('coverage gain is off', languages.keys())
    const files: SpecFile[] = []
    const claims = new Map<string, { claim: Claim; message: string | null }>()
    const explored = new Set<string>()
    const weakOf = new Map<string, WeakAssertion>()
    const suiteRows = new Set<string>()
    const prepared: (Prepared | null)[] = new Array(items.length).fill(null)
    await eachLimited(
      items.map((item, index) => ({ item, index })),
      options.concurrency ?? 2,
      async ({ item, index }) => {
        prepared[index] = await prepare(item, paths.get(item.spec.id)!, session, options)
      }
    )
    const probeStarted = performance.now()
    const probed = await probeDefects(session, options, [...paths.values()])
    const probeMillis = Math.round(performance.now() - probeStarted)
    for (const p of probed) {
      outcomes.set(p.spec.id, {
        spec: p.spec,
        validation: notValidated('not run yet'),
        path: p.spec.fileName,
        deliver: false
      })
      if (p.defect) claims.set(p.spec.id, { claim: 'defect', message: p.message })
      files.push({
        id: p.spec.id,
        path: p.spec.fileName,
        code: p.spec.code,
        framework: p.spec.framework as TestFramework,
        language: p.spec.language
      })
    }
    for (const p of prepared) {
      if (!p) continue
      outcomes.set(p.outcome.spec.id, p.outcome)
      if (p.judged) claims.set(p.outcome.spec.id, p.judged)
      if (p.explored) explored.add(p.outcome.spec.id)
      if (p.weak) weakOf.set(p.outcome.spec.id, p.weak)
      if (p.suiteRowsOnly) suiteRows.add(p.outcome.spec.id)
      if (p.file) files.push(p.file)
    }
    const run = await runSpecFiles(session, files, {
      perFileMs: options.perFileMs ?? 60_000,
      totalMs,
      runs: options.runs ?? 3,
      coverage: baselines,
      repeatOnFailure: new Set(
        [...claims].filter(([, j]) => j.claim === 'defect').map(([id]) => id)
      ),
      concurrency: options.concurrency ?? 2
    })
    for (const file of files) {
      const outcome = outcomes.get(file.id)!
      const result = run.results.get(file.id)!
      const judged = claims.get(file.id) ?? null
      let claim: Claim | null = judged?.claim ?? null
      let message = result.message
      if (claim === null && outcome.spec.covers.length > 0 && !explored.has(file.id)) {
        // No observation to judge by: a passing demonstration confirms; anything else decides nothing.
        if (result.status === 'passed') claim = 'confirmed'
      }
      if (claim === 'defect') message = judged?.message ?? message
      const probe = probed.find((p) => p.spec.id === file.id)
      // Written so the project's type-checking loader compiles it: delivered as it ran.
      if (result.code !== undefined) {
        outcome.spec = { ...outcome.spec, code: result.code }
        if (probe) probe.spec = { ...probe.spec, code: result.code }
      }
      let deliver =
        result.status === 'passed'
          ? claim !== 'defect'
          : claim === 'defect' && result.status === 'failed'
      // A probed defect is reported only when its spec failed in every run.
      if (probe?.defect) {
        deliver = result.status === 'failed' && result.runs === (options.runs ?? 3)
        if (!deliver) claim = null
      }
      // A placeholder is a plan item, not a test: delivered only when it runs code the suite does not.
      const weak = weakOf.get(file.id)
      let planItem: PlanItemKind | undefined
      if (deliver && weak && claim !== 'defect' && !((result.coverageGain ?? 0) > 0)) {
        planItem = weak
        message = planItemMessage(weak, result.coverageGain)
      } else if (deliver && claim === null && result.coverageGain === 0) {
        // A committed test earns its place by confirming a finding, showing a defect, or adding
        // coverage (the summary's "Ready to commit: N tests (M confirm findings, K add coverage)").
        // Measured against the suite, a passing behaviour spec that does none of these stays a
        // validated plan item, its code kept in the records; unmeasured (null), it is delivered.
        planItem = REDUNDANT
        message = redundantMessage(suiteRows.has(file.id))
      }
      if (planItem) deliver = false
      // A round trip that holds is delivered as any test is: passing, and adding coverage.
      if (probe) probe.delivered = deliver
      outcomes.set(file.id, {
        ...outcome,
        validation: {
          status: result.status,
          runs: result.runs,
          millis: result.millis,
          message,
          coverage_gain: result.coverageGain,
          claim
        },
        deliver,
        ...(planItem ? { planItem } : {})
      })
    }
    leaveOutSameBehaviour(outcomes)
    const coverageNotes = [...new Set(baselines.missing.values())].map(
      (why) => `Coverage gain not measured: ${why}.`
    )
    return {
      outcomes,
      skipped: null,
      notes: [...session.notes, ...coverageNotes, ...run.notes],
      probed,
      probeMillis,
      coverage: {
        measured: baselines.maps.size > 0,
        missing: [...new Set(baselines.missing.values())],
        millis: baselines.millis
      },
      millis: Math.round(performance.now() - started)
    }
  } finally {
    await session.dispose()
  }
}

/** A delivered spec whose every statement another delivered spec makes stays a plan item (same-behaviour.ts). */
function leaveOutSameBehaviour(outcomes: Map<string, StageOutcome>): void {
  const delivered = [...outcomes.values()].filter((o) => o.deliver)
  const dropped = sameBehaviour(
    delivered.map((o) => ({
      id: o.spec.id,
      code: o.spec.code,
      defect: o.validation.claim === 'defect'
    }))
  )
  for (const [id, keeperId] of dropped) {
    const outcome = outcomes.get(id)!
    const keeper = outcomes.get(keeperId)!
    outcomes.set(id, {
      ...outcome,
      deliver: false,
      planItem: SAME_BEHAVIOUR,
      validation: {
        ...outcome.validation,
        message: `plan item: validated, not delivered: ${keeper.path} makes the same calls and asserts the same results`
      }
    })
  }
}
