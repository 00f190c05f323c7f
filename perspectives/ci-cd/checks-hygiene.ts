// How well workflows run: valid YAML, dependency caching, timeouts, concurrency, token permissions and
// actions pinned to commit SHAs (severities in README.md).
import { plural } from '../shared/text.js'
import {
  dedupe,
  lineEvidence,
  shortCommand,
  stepKey,
  stepWhere,
  type CheckInput,
  type Draft
} from './check-input.js'
import { isLocalRef, type CommandUse, type JobRun } from './graph.js'
import type { JobModel, Located, Permissions, StepModel, WorkflowModel } from './workflows.js'

const SHA = /^[0-9a-f]{40}$/

export function invalidWorkflows(input: CheckInput): Draft[] {
  const out: Draft[] = []
  for (const file of input.graph.files.values()) {
    if (!file.error) continue
    out.push({
      messageId: 'invalidWorkflow',
      data: { file: file.path, error: file.error.message, line: file.error.line },
      severity: 'high',
      confidence: 'high',
      rationale:
        'GitHub refuses a workflow or action file it cannot parse: nothing in it runs, and the run list only shows an error.',
      evidence: lineEvidence(input, file.path, file.error.line),
      key: 'invalid'
    })
  }
  return out
}

function hasCache(run: JobRun): boolean {
  return run.steps.some(({ step }) => {
    const uses = step.uses?.value.split('@')[0] ?? ''
    if (uses === 'actions/cache' || uses.startsWith('actions/cache/')) return true
    if (/^actions\/setup-(node|python|java|go|dotnet)$/.test(uses)) {
      if (uses === 'actions/setup-go') return step.with.get('cache')?.value !== 'false' // setup-go caches by default
      const cache = step.with.get('cache')?.value ?? ''
      return cache !== '' && cache !== 'false'
    }
    if (uses === 'astral-sh/setup-uv') return step.with.get('enable-cache')?.value !== 'false'
    if (uses === 'ruby/setup-ruby') return step.with.get('bundler-cache')?.value === 'true'
    return /npm-install|cache/i.test(uses)
  })
}

/** A setup step that turns caching off explicitly (`package-manager-cache: false`, `cache: false`): a decision, not a gap. */
function cacheDisabled(run: JobRun): boolean {
  return run.steps.some(({ step }) =>
    ['package-manager-cache', 'cache', 'enable-cache'].some(
      (k) => step.with.get(k)?.value === 'false'
    )
  )
}

export function dependencyCache(input: CheckInput): Draft[] {
  const uncached: { run: JobRun; install: CommandUse }[] = []
  for (const run of input.graph.jobRuns) {
    const commands = input.graph.commands.filter((c) => c.run === run)
    const install = commands.find((c) => c.kinds.has('install'))
    // Only jobs that check the code (tests, lint, type checks): release jobs often skip caches on purpose,
    // since a poisoned cache would reach the published package.
    const checks = commands.some(
      (c) => c.kinds.has('test') || c.kinds.has('lint') || c.kinds.has('typecheck')
    )
    if (!install || !checks || hasCache(run) || cacheDisabled(run)) continue
    uncached.push({ run, install })
  }
  const out: Draft[] = []
  // One finding a workflow, at its first install: the same cache key serves each job.
  for (const runs of byWorkflow(uncached.map((u) => u.run))) {
    const { install } = uncached.find((u) => u.run === runs[0])!
    out.push({
      messageId: 'noDependencyCache',
      data: {
        ...jobsData(runs),
        file: runs[0].workflow.file.path,
        command: shortCommand(install.text),
        lookedFor:
          'the `cache:` input of setup-node/setup-python, actions/cache, or setup-uv caching'
      },
      severity: 'low',
      confidence: 'medium',
      rationale:
        'Downloading every dependency on every run makes CI slower and fail with registry outages; a lock-file keyed cache avoids both.',
      evidence: lineEvidence(input, install.file, install.line),
      key: `${runs[0].workflow.file.path}#cache`
    })
  }
  return dedupe(out)
}

export function timeouts(input: CheckInput): Draft[] {
  const out: Draft[] = []
  for (const runs of byWorkflow(
    input.graph.jobRuns.filter(
      (run) => !run.job.calls && !run.job.timeout && run.job.steps.length > 0
    )
  )) {
    const testing = runs.filter((run) =>
      input.graph.commands.some((c) => c.run === run && c.kinds.has('test'))
    )
    // One finding a workflow, at its first test job: a maintainer adds the key to each job at once.
    const first = testing[0] ?? runs[0]
    out.push({
      messageId: 'noTimeout',
      data: {
        ...jobsData(runs),
        file: first.workflow.file.path,
        what: testing.length > 0 ? 'test' : 'step'
      },
      severity: 'low',
      confidence: 'high',
      rationale:
        'A deadlocked test or a prompt waiting for input keeps the job alive for six hours, blocking the branch and burning runner minutes.',
      evidence: lineEvidence(input, first.workflow.file.path, first.job.line),
      key: `${first.workflow.file.path}#timeout`
    })
  }
  return out
}

/** Job runs grouped by their workflow file, in order. */
function byWorkflow(runs: readonly JobRun[]): JobRun[][] {
  const groups = new Map<string, JobRun[]>()
  for (const run of runs) {
    const path = run.workflow.file.path
    groups.set(path, [...(groups.get(path) ?? []), run])
  }
  return [...groups.values()]
}

/** The jobs named for a message: one (`Job test has`, `s` = 's') or several (`Jobs test and lint have`). */
function jobsData(runs: readonly JobRun[]): { jobs: string; verb: string; s: string } {
  const ids = [...new Set(runs.map((r) => r.job.id))]
  if (ids.length === 1) return { jobs: `Job ${ids[0]}`, verb: 'has', s: 's' }
  const listed = `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`
  return { jobs: `Jobs ${listed}`, verb: 'have', s: '' }
}

/** Events the workflow itself listens to (not only `workflow_call`, where the caller decides). */
function ownEvents(w: WorkflowModel): string[] {
  return w.triggers.map((t) => t.name).filter((t) => t !== 'workflow_call')
}

/**
 * Events on which a new push supersedes the run before it: a branch push (not a push of tags, where every
 * tag is a ref of its own), and pull request events whose types include `synchronize` (the default types do;
 * `types: [labeled]` or `[closed]` start runs on a label or a merge, not on a push).
 */
function supersedingEvents(w: WorkflowModel): string[] {
  const events: string[] = []
  for (const t of w.triggers) {
    if (events.includes(t.name)) continue
    if (t.name === 'push' && !w.pushTagsOnly) events.push(t.name)
    if (
      (t.name === 'pull_request' || t.name === 'pull_request_target') &&
      (t.types === undefined || t.types.includes('synchronize'))
    )
      events.push(t.name)
  }
  return events
}

export function concurrency(input: CheckInput): Draft[] {
  const out: Draft[] = []
  for (const w of input.graph.workflows) {
    const events = supersedingEvents(w)
    if (
      events.length === 0 ||
      w.concurrency ||
      (w.jobs.length > 0 && w.jobs.every((j) => j.concurrency))
    )
      continue
    out.push({
      messageId: 'noConcurrency',
      data: { file: w.file.path, triggers: events.join(' and ') },
      severity: 'low',
      confidence: 'high',
      rationale:
        'Without a concurrency group, superseded runs of a branch keep running: wasted minutes, and deploy-like jobs can finish out of order.',
      evidence: lineEvidence(input, w.file.path, w.onLine),
      key: 'concurrency'
    })
  }
  return out
}

/**
 * A job that calls a reusable workflow of this repository whose own permissions (at the top, or on each of
 * its jobs) limit the token: the called workflow can only narrow what the caller grants (isort's release
 * job calling build.yml with `contents: read`, round 8).
 */
function callsLimitedWorkflow(input: CheckInput, job: JobModel): boolean {
  const target = job.calls?.value.replace(/^\.\//, '').split('@')[0]
  if (!target || !isLocalRef(job.calls!.value)) return false
  const called = input.graph.workflows.find((w) => w.file.path === target)
  if (!called) return false
  if (called.permissions && !writeAll(called.permissions)) return true
  return (
    called.jobs.length > 0 && called.jobs.every((j) => j.permissions && !writeAll(j.permissions))
  )
}

function writeAll(p: Permissions | undefined): boolean {
  return p?.scalar === 'write-all'
}

export function permissions(input: CheckInput): Draft[] {
  const out: Draft[] = []
  for (const w of input.graph.workflows) {
    const file = w.file.path
    if (writeAll(w.permissions)) {
      out.push(
        writeAllDraft(
          input,
          file,
          w.permissions as Permissions,
          'the workflow',
          'workflow',
          'its jobs'
        )
      )
    }
    for (const job of w.jobs) {
      if (writeAll(job.permissions))
        out.push(
          writeAllDraft(
            input,
            file,
            job.permissions as Permissions,
            `job ${job.id}`,
            `job:${job.id}`,
            `job ${job.id}`
          )
        )
    }
    if (w.permissions || ownEvents(w).length === 0) continue
    const open = w.jobs.filter((j) => !j.permissions && !callsLimitedWorkflow(input, j))
    if (open.length === 0) continue
    out.push({
      messageId: 'noPermissions',
      data: {
        file,
        jobs:
          open.length === w.jobs.length
            ? w.jobs.length === 1
              ? `its job ${open[0].id} does`
              : `its ${plural(w.jobs.length, 'job')}`
            : `${plural(open.length, 'job')} (${open.map((j) => j.id).join(', ')})`
      },
      severity: 'medium',
      confidence: 'high',
      rationale:
        'A workflow token with write access turns any compromised step (a hijacked action, an injected command) into a write to the repository; `permissions: contents: read` limits it.',
      evidence: lineEvidence(input, file, w.onLine),
      key: 'permissions'
    })
  }
  return out
}

function writeAllDraft(
  input: CheckInput,
  file: string,
  p: Permissions,
  where: string,
  key: string,
  what: string
): Draft {
  return {
    messageId: 'writeAllPermissions',
    data: { file, where, what },
    severity: 'high',
    confidence: 'high',
    rationale:
      'write-all hands every step write access to code, releases, packages and settings; a single compromised action can push to the repository.',
    evidence: lineEvidence(input, file, p.line),
    key: `${key}#write-all`
  }
}

interface ActionRef {
  uses: Located<string>
  file: string
  where: string
  key: string
  run: JobRun
}

/**
 * Whether a job holds something a hijacked action could steal or abuse: a secret it references, or a token
 * granted write or id-token access. A job that only reads `needs` results holds neither (uvicorn's
 * alls-green check, round 8).
 */
function holdsSecrets(run: JobRun): boolean {
  const w = run.workflow
  const granted = [run.job.permissions ?? w.permissions].some(
    (p) => p !== undefined && (writeAll(p) || Object.values(p.scopes).includes('write'))
  )
  if (granted) return true
  const next = w.jobs.map((j) => j.line).find((line) => line > run.job.line)
  const lines = w.file.lines.slice(run.job.line - 1, next ? next - 1 : undefined)
  return lines.some((l) => /\bsecrets\.(?!GITHUB_TOKEN\b)/.test(l))
}

function actionRefs(input: CheckInput): ActionRef[] {
  const refs: ActionRef[] = []
  const add = (run: JobRun, step: StepModel) => {
    if (step.uses)
      refs.push({
        uses: step.uses,
        file: step.file,
        where: `${stepWhere(run, step)} in ${step.file}`,
        key: stepKey(run, step),
        run
      })
  }
  for (const run of input.graph.jobRuns) {
    if (run.job.calls)
      refs.push({
        uses: run.job.calls,
        file: run.workflow.file.path,
        where: `job ${run.job.id} in ${run.workflow.file.path}`,
        key: run.job.id,
        run
      })
    for (const { step } of run.steps) add(run, step)
  }
  return refs
}

/**
 * The references one finding stands for: the same action at the same ref in one file is one thing to pin
 * (serve had 13 findings for 4 actions in 3 workflows, round 7). The first place is quoted, the rest counted.
 */
function byActionInFile(refs: ActionRef[]): { ref: ActionRef; more: number }[] {
  const groups = new Map<string, { ref: ActionRef; more: number }>()
  for (const ref of refs) {
    const key = `${ref.file}\u0000${ref.uses.value.trim()}`
    const known = groups.get(key)
    if (known) known.more++
    else groups.set(key, { ref, more: 0 })
  }
  return [...groups.values()]
}

export function pinning(input: CheckInput): Draft[] {
  const out: Draft[] = []
  const firstParty = new Set(input.options.firstPartyOwners.map((o) => o.toLowerCase()))
  for (const { ref, more } of byActionInFile(actionRefs(input))) {
    const value = ref.uses.value.trim()
    if (isLocalRef(value) || value.includes('${{')) continue
    let action: string
    let version: string
    let owner: string
    if (value.startsWith('docker://')) {
      if (value.includes('@sha256:')) continue
      const image = value.slice('docker://'.length)
      const colon = image.lastIndexOf(':')
      action = colon > image.lastIndexOf('/') ? image.slice(0, colon) : image
      version = colon > image.lastIndexOf('/') ? image.slice(colon + 1) : 'latest'
      owner = `the image registry of ${action}`
    } else {
      const at = value.lastIndexOf('@')
      action = at < 0 ? value : value.slice(0, at)
      version = at < 0 ? '(none)' : value.slice(at + 1)
      if (SHA.test(version)) continue
      owner = action.split('/')[0]
    }
    const isFirstParty = firstParty.has(owner.toLowerCase())
    if (isFirstParty && !input.options.reportFirstPartyTags) continue
    // A maintained release branch (`release/v1`, the ref PyPA documents for its publish action) moves like a
    // major tag, not like a development branch.
    const isTag = /^v?\d+(\.\d+)*$/.test(version) || /^releases?\/v?\d+$/.test(version)
    out.push({
      messageId: 'unpinnedAction',
      data: {
        action,
        ref: version,
        where:
          more === 0
            ? ref.where
            : `${ref.where} (and ${more} more step${more === 1 ? '' : 's'} of the file)`,
        kind: isTag ? 'tag' : 'branch or other ref',
        owner,
        advice: isFirstParty
          ? 'GitHub maintains it, so the risk is lower; pinning still makes runs reproducible.'
          : `Pin it to the full 40-character commit SHA of the release you reviewed (\`${action}@<sha> # ${version}\`).`
      },
      severity: isFirstParty ? 'low' : isTag || !holdsSecrets(ref.run) ? 'medium' : 'high',
      confidence: 'high',
      rationale: isFirstParty
        ? 'First-party actions are maintained by GitHub; a moved tag is unlikely but still changes what runs without a commit here.'
        : "Tags and branches can be re-pointed; a compromised third-party action (as with tj-actions/changed-files in 2025) then runs with this workflow's token and secrets.",
      evidence: lineEvidence(input, ref.file, ref.uses.line),
      key: `${ref.file}#${action}@${version}`,
      cwe: 'CWE-829'
    })
  }
  return dedupe(out)
}
