// The GitHub Actions of a repository as one graph: workflows, the local composite actions their steps
// call (`uses: ./path`), the local reusable workflows their jobs call (`uses: ./.github/workflows/x.yml`),
// and the triggers that reach each workflow (a reusable one runs on its callers' triggers).
import type { CodeModel, PackageManifest } from '../../src/model/types.js'
import { classifyWords, type Classified } from './commands.js'
import { splitScript } from './shell.js'
import {
  readAction,
  readWorkflow,
  type ActionModel,
  type JobModel,
  type StepModel,
  type WorkflowModel
} from './workflows.js'
import { linesOf, parseYaml, type YamlFile } from './yaml-source.js'

export interface ExpandedStep {
  step: StepModel
  /** The composite actions (action.yml paths) the step was reached through, outermost first. */
  via: string[]
}

export interface JobRun {
  workflow: WorkflowModel
  job: JobModel
  steps: ExpandedStep[]
}

/** One command of a `run:` step with what it does and the exact line it is written on. */
export interface CommandUse extends Classified {
  run: JobRun
  step: StepModel
  file: string
  line: number
  text: string
  /** The package.json that applies in the step's working directory (null when there is none). */
  manifest: PackageManifest | null
  /** The directory the command runs in ('' for the workspace root), after `working-directory` and `cd`. */
  dir: string
}

export interface CiGraph {
  files: Map<string, YamlFile>
  workflows: WorkflowModel[]
  actions: Map<string, ActionModel>
  jobRuns: JobRun[]
  commands: CommandUse[]
  /**
   * Commands that run in a checkout of another repository (`actions/checkout` with `repository:`), such as
   * a downstream project's test suite: they do not build or test this repository, so no check reads them.
   */
  foreign: CommandUse[]
  /** Triggers reaching each workflow path, its own plus its callers' for `workflow_call`. */
  triggers: Map<string, Set<string>>
}

const MAX_NESTING = 5

export function normalisePath(path: string): string {
  const parts: string[] = []
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}

/** `./path` (relative to the workspace, after a checkout) or `$/path` (the workflow's own repository at the running commit). */
export function isLocalRef(ref: string): boolean {
  return ref.startsWith('./') || ref.startsWith('$/')
}

/** The repository path a local `uses:` names. */
export function localPath(ref: string): string {
  return normalisePath(ref.replace(/^\$\//, ''))
}

function actionFor(actions: Map<string, ActionModel>, ref: string): ActionModel | undefined {
  const dir = localPath(ref)
  return (
    actions.get(dir === '' ? 'action.yml' : `${dir}/action.yml`) ??
    actions.get(dir === '' ? 'action.yaml' : `${dir}/action.yaml`)
  )
}

function expand(
  steps: StepModel[],
  actions: Map<string, ActionModel>,
  via: string[]
): ExpandedStep[] {
  const out: ExpandedStep[] = []
  for (const step of steps) {
    out.push({ step, via })
    const ref = step.uses?.value
    if (!ref || !isLocalRef(ref) || via.length >= MAX_NESTING) continue
    const action = actionFor(actions, ref)
    if (action && action.using === 'composite' && !via.includes(action.file.path)) {
      out.push(...expand(action.steps, actions, [...via, action.file.path]))
    }
  }
  return out
}

/** Finds the line of a command among the lines of its `run:` value, searching from index `from` on (commands come in order). */
function locate(lines: { line: number; text: string }[], text: string, from: number): number {
  const probes = [text.slice(0, 60), text.split(/\s+/).slice(0, 2).join(' '), text.split(/\s+/)[0]]
  for (const probe of probes) {
    for (let i = from; i < lines.length; i++) if (lines[i].text.includes(probe)) return i
    for (let i = 0; i < Math.min(from, lines.length); i++)
      if (lines[i].text.includes(probe)) return i
  }
  return -1
}

function manifestAt(model: CodeModel, dir: string): PackageManifest | null {
  const path = dir === '' ? 'package.json' : `${dir}/package.json`
  return model.facts.manifests.find((m) => m.kind === 'package.json' && m.path === path) ?? null
}

interface Checkout {
  path: string
  foreign: boolean
}

/** The checkouts of a job: where each puts its repository, and whether that is another repository. */
function checkoutsOf(run: JobRun): Checkout[] {
  const out: Checkout[] = []
  for (const { step } of run.steps) {
    if (!step.uses || !/^actions\/checkout@/.test(step.uses.value)) continue
    const repository = step.with.get('repository')?.value.trim() ?? ''
    out.push({
      path: normalisePath(step.with.get('path')?.value ?? ''),
      foreign: repository !== '' && !/github\.repository\b/.test(repository)
    })
  }
  return out
}

/** A directory inside another repository's checkout (the deepest checkout holding it decides). */
function isForeign(checkouts: Checkout[], dir: string): boolean {
  const holding = checkouts.filter(
    (c) => c.path === '' || dir === c.path || dir.startsWith(`${c.path}/`)
  )
  const deepest = holding.sort((a, b) => b.path.length - a.path.length)[0]
  return deepest?.foreign ?? false
}

export function buildGraph(model: CodeModel): CiGraph {
  const files = new Map<string, YamlFile>()
  const workflows: WorkflowModel[] = []
  for (const ci of model.facts.ci) {
    if (ci.system !== 'github-actions') continue
    const file = parseYaml(ci.path, ci.text)
    files.set(ci.path, file)
    // A file GitHub cannot parse runs nothing: it is reported as invalid and not read further.
    if (!file.error) workflows.push(readWorkflow(file))
  }
  const actions = new Map<string, ActionModel>()
  for (const a of model.facts.actions ?? []) {
    const file = parseYaml(a.path, a.text)
    files.set(a.path, file)
    if (!file.error) actions.set(a.path, readAction(file))
  }
  const byPath = new Map(workflows.map((w) => [w.file.path, w]))
  const triggers = new Map<string, Set<string>>()
  for (const w of workflows)
    triggers.set(
      w.file.path,
      new Set(w.triggers.map((t) => (t.name === 'push' && w.pushTagsOnly ? 'push:tags' : t.name)))
    )
  // Callers pass their triggers down; a few rounds reach every chain the nesting limit allows.
  for (let round = 0; round < MAX_NESTING; round++) {
    for (const w of workflows) {
      for (const job of w.jobs) {
        const callee =
          job.calls && isLocalRef(job.calls.value)
            ? byPath.get(localPath(job.calls.value))
            : undefined
        if (!callee) continue
        const into = triggers.get(callee.file.path) as Set<string>
        for (const t of triggers.get(w.file.path) ?? []) if (t !== 'workflow_call') into.add(t)
      }
    }
  }
  const jobRuns: JobRun[] = []
  for (const w of workflows)
    for (const job of w.jobs)
      jobRuns.push({ workflow: w, job, steps: expand(job.steps, actions, []) })
  const commands: CommandUse[] = []
  const foreign: CommandUse[] = []
  for (const run of jobRuns) {
    const checkouts = checkoutsOf(run)
    for (const { step } of run.steps) {
      if (!step.run) continue
      const file = files.get(step.file) as YamlFile
      let dir = normalisePath(step.workingDirectory ?? run.job.workingDirectory ?? '')
      const lines = linesOf(file, step.run.node)
      let from = 0
      for (const command of splitScript(step.run.text)) {
        // `cd sub && npm test` runs sub's scripts: the directory holds for the rest of the step.
        if (command.words[0] === 'cd' && command.words.length === 2) {
          dir = command.words[1].startsWith('/') ? '$' : normalisePath(`${dir}/${command.words[1]}`)
          continue
        }
        const manifest = dir.includes('$') || dir.includes('~') ? null : manifestAt(model, dir)
        // The root's tox.ini or Makefile applies to commands run at the root.
        const tasks = dir === '' ? model.facts.taskCommands : undefined
        const c = classifyWords(
          command.words,
          { scripts: manifest?.scripts ?? {}, ...(tasks ? { tasks } : {}) },
          0,
          new Set()
        )
        const index = locate(lines, command.text, from)
        if (index >= 0) from = index
        const line = index >= 0 ? lines[index].line : step.run.line
        const use: CommandUse = {
          ...c,
          run,
          step,
          file: step.file,
          line,
          text: file.lines[line - 1] ?? command.text,
          manifest,
          dir
        }
        ;(isForeign(checkouts, dir) ? foreign : commands).push(use)
      }
    }
  }
  return { files, workflows, actions, jobRuns, commands, foreign, triggers }
}
