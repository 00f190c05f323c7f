// What every check of the ci-cd perspective reads, and small helpers they share.
import type { CodeModel } from '../../src/model/types.js'
import type { CodeEvidence, FindingDraft } from '../types.js'
import type { CiGraph, CommandUse, JobRun } from './graph.js'
import type { CiMessageId } from './messages.js'
import type { CiOptions } from './options.js'
import type { OtherCi } from './other-ci.js'
import type { Project } from './project.js'
import type { StepModel } from './workflows.js'

export type Draft = FindingDraft<CiMessageId>

export interface CheckInput {
  model: CodeModel
  graph: CiGraph
  project: Project
  other: OtherCi[]
  options: CiOptions
  /** Text of analysed files (JavaScript/TypeScript config files such as jest.config.js). */
  source?: (path: string) => string | undefined
  /** ISO time of the run: which runtime versions are past their end of life. */
  now?: string
}

/** Evidence for one line of a CI file, quoting it. */
export function lineEvidence(input: CheckInput, file: string, line: number): CodeEvidence {
  const lines = input.graph.files.get(file)?.lines ?? []
  const at = Math.max(1, Math.min(line, lines.length))
  return { file, startLine: at, endLine: at, snippet: lines[at - 1] ?? '' }
}

/** A step's stable name: job id and step id/name/index in the workflow, or the step alone in an action file. */
export function stepKey(run: JobRun, step: StepModel): string {
  return step.file === run.workflow.file.path ? `${run.job.id}/${step.label}` : step.label
}

/** Where a step is, in words: `step "Test" of job build`, or `step "Setup" of .github/actions/x/action.yml`. */
export function stepWhere(run: JobRun, step: StepModel): string {
  return step.file === run.workflow.file.path
    ? `step "${step.label}" of job ${run.job.id}`
    : `step "${step.label}" of ${step.file} (called by job ${run.job.id})`
}

/** A command in words for a message, shortened. */
export function shortCommand(text: string): string {
  const trimmed = text
    .trim()
    .replace(/^-?\s*run:\s*/, '')
    .replace(/\s+/g, ' ')
  return trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed
}

export function isPython(use: Pick<CommandUse, 'text'>): boolean {
  return /\b(pytest|py\.test|tox|nox|unittest|python[0-9.]*|hatch|poetry|uv|pipenv|pdm)\b/.test(
    use.text
  )
}

/** Keeps the first finding per file+line+message (a composite action called by several jobs is one place). */
export function dedupe(drafts: Draft[]): Draft[] {
  const seen = new Set<string>()
  return drafts.filter((d) => {
    const where = 'file' in d.evidence ? `${d.evidence.file}:${d.evidence.startLine}` : d.key
    const id = `${d.messageId}|${where}|${d.key}`
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

/** Every CI file path, for repository-level evidence. */
export function ciPaths(input: CheckInput): string[] {
  return input.model.facts.ci.map((f) => f.path)
}

export const CI_LOCATIONS = [
  '.github/workflows/*.yml',
  '.gitlab-ci.yml',
  '.circleci/config.yml',
  'azure-pipelines.yml',
  'Jenkinsfile',
  '.travis.yml',
  'bitbucket-pipelines.yml',
  '.drone.yml',
  'appveyor.yml'
]
