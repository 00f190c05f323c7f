// GitHub Actions files read into a small model: workflows (triggers, permissions, concurrency, jobs and
// their steps) and local composite actions (their steps). Every part keeps the line it was read from.
import { isMap, isSeq, type Node, type YAMLMap } from 'yaml'
import {
  asMap,
  entries,
  entry,
  listItems,
  nodeLines,
  pairLine,
  scalarText,
  type YamlFile
} from './yaml-source.js'

export interface Located<T> {
  value: T
  line: number
}

export interface StepModel {
  /** The file the step is written in: a workflow, or a composite action's action.yml. */
  file: string
  index: number
  /** The step's id or name, else `step N` (1-based): part of stable keys, never a line. */
  label: string
  line: number
  uses?: Located<string>
  run?: { text: string; line: number; node: Node }
  /** `with:` inputs; `node` lets a check search a multi-line input (a github-script `script:`) line by line. */
  with: Map<string, Located<string> & { node?: Node }>
  workingDirectory?: string
}

export interface Permissions {
  line: number
  /** `write-all` / `read-all` when written as one word. */
  scalar?: string
  scopes: Record<string, string>
}

export interface MatrixAxis {
  values: string[]
  line: number
  /** Values come from an expression (`fromJSON(...)`): unknown until run time. */
  dynamic: boolean
}

export interface JobModel {
  file: string
  id: string
  line: number
  /** `uses:` of a job that calls a reusable workflow. */
  calls?: Located<string>
  timeout: boolean
  permissions?: Permissions
  concurrency: boolean
  matrix: Map<string, MatrixAxis>
  steps: StepModel[]
  workingDirectory?: string
}

export interface Trigger {
  name: string
  line: number
  /** `types:` of an event (pull_request: [labeled]); undefined when the event's default types apply. */
  types?: string[]
}

export interface WorkflowModel {
  file: YamlFile
  triggers: Trigger[]
  /** Line of the `on:` key (1 when missing). */
  onLine: number
  /** A `push` trigger limited to tags does not run on branch pushes. */
  pushTagsOnly: boolean
  permissions?: Permissions
  concurrency: boolean
  jobs: JobModel[]
}

export interface ActionModel {
  file: YamlFile
  /** `runs.using`: composite, node20, docker... */
  using?: string
  steps: StepModel[]
}

function readPermissions(file: YamlFile, found: ReturnType<typeof entry>): Permissions | undefined {
  if (!found) return undefined
  const line = pairLine(file, found.pair)
  const scalar = scalarText(found.value)
  const scopes: Record<string, string> = {}
  for (const e of entries(asMap(found.value))) scopes[e.key] = scalarText(e.value) ?? ''
  return { line, scalar, scopes }
}

function readSteps(file: YamlFile, node: unknown): StepModel[] {
  if (!isSeq(node)) return []
  return node.items.map((item, index): StepModel => {
    const map = asMap(item)
    const text = (key: string) => scalarText(entry(map, key)?.value)
    const located = (key: string): Located<string> | undefined => {
      const e = entry(map, key)
      const value = scalarText(e?.value)
      return e && value !== undefined ? { value, line: pairLine(file, e.pair) } : undefined
    }
    const withMap = new Map<string, Located<string> & { node?: Node }>()
    for (const e of entries(asMap(entry(map, 'with')?.value))) {
      withMap.set(e.key, {
        value: scalarText(e.value) ?? '',
        line: pairLine(file, e.pair),
        node: (e.value as Node | null) ?? undefined
      })
    }
    const runEntry = entry(map, 'run')
    const runText = scalarText(runEntry?.value)
    return {
      file: file.path,
      index,
      label: text('id') ?? text('name') ?? `step ${index + 1}`,
      line: nodeLines(file, item as Node).start,
      uses: located('uses'),
      run:
        runEntry && runText !== undefined
          ? { text: runText, line: pairLine(file, runEntry.pair), node: runEntry.value as Node }
          : undefined,
      with: withMap,
      workingDirectory: text('working-directory')
    }
  })
}

function readMatrix(file: YamlFile, job: YAMLMap | undefined): Map<string, MatrixAxis> {
  const axes = new Map<string, MatrixAxis>()
  const matrix = entry(asMap(entry(job, 'strategy')?.value), 'matrix')
  if (!matrix) return axes
  const dynamic = !isMap(matrix.value)
  for (const e of entries(asMap(matrix.value))) {
    if (e.key === 'exclude') continue
    if (e.key === 'include') {
      for (const row of listItems(e.value)) {
        for (const cell of entries(asMap(row))) {
          const value = scalarText(cell.value)
          if (value === undefined) continue
          const axis = axes.get(cell.key) ?? {
            values: [],
            line: pairLine(file, cell.pair),
            dynamic: false
          }
          axis.values.push(value)
          axes.set(cell.key, axis)
        }
      }
      continue
    }
    const values = listItems(e.value)
      .map(scalarText)
      .filter((v): v is string => v !== undefined)
    const isExpression = !isSeq(e.value) && values.some((v) => v.includes('${{'))
    const axis = axes.get(e.key) ?? { values: [], line: pairLine(file, e.pair), dynamic: false }
    axis.values.push(...(isExpression ? [] : values))
    axis.line = pairLine(file, e.pair)
    axis.dynamic ||= isExpression || dynamic
    axes.set(e.key, axis)
  }
  return axes
}

function readTriggers(
  file: YamlFile,
  on: ReturnType<typeof entry>
): { triggers: Trigger[]; pushTagsOnly: boolean } {
  if (!on) return { triggers: [], pushTagsOnly: false }
  const triggers: Trigger[] = []
  let pushTagsOnly = false
  if (isMap(on.value)) {
    for (const e of entries(on.value)) {
      const types = entry(asMap(e.value), 'types')
      triggers.push({
        name: e.key,
        line: pairLine(file, e.pair),
        types: types
          ? listItems(types.value)
              .map(scalarText)
              .filter((t): t is string => t !== undefined)
          : undefined
      })
      if (e.key === 'push') {
        const filters = asMap(e.value)
        pushTagsOnly = Boolean(
          filters &&
          (entry(filters, 'tags') || entry(filters, 'tags-ignore')) &&
          !entry(filters, 'branches') &&
          !entry(filters, 'branches-ignore')
        )
      }
    }
  } else {
    for (const item of listItems(on.value)) {
      const name = scalarText(item)
      if (name) triggers.push({ name, line: nodeLines(file, item as Node).start })
    }
  }
  return { triggers, pushTagsOnly }
}

export function readWorkflow(file: YamlFile): WorkflowModel {
  const root = asMap(file.doc.contents)
  const on = entry(root, 'on')
  const { triggers, pushTagsOnly } = readTriggers(file, on)
  const jobs: JobModel[] = entries(asMap(entry(root, 'jobs')?.value)).map((e): JobModel => {
    const job = asMap(e.value)
    const calls = entry(job, 'uses')
    const callsRef = scalarText(calls?.value)
    return {
      file: file.path,
      id: e.key,
      line: pairLine(file, e.pair),
      calls: calls && callsRef ? { value: callsRef, line: pairLine(file, calls.pair) } : undefined,
      timeout: entry(job, 'timeout-minutes') !== undefined,
      permissions: readPermissions(file, entry(job, 'permissions')),
      concurrency: entry(job, 'concurrency') !== undefined,
      matrix: readMatrix(file, job),
      steps: readSteps(file, entry(job, 'steps')?.value),
      workingDirectory: scalarText(
        entry(asMap(entry(asMap(entry(job, 'defaults')?.value), 'run')?.value), 'working-directory')
          ?.value
      )
    }
  })
  return {
    file,
    triggers,
    onLine: on ? pairLine(file, on.pair) : 1,
    pushTagsOnly,
    permissions: readPermissions(file, entry(root, 'permissions')),
    concurrency: entry(root, 'concurrency') !== undefined,
    jobs
  }
}

export function readAction(file: YamlFile): ActionModel {
  const runs = asMap(entry(asMap(file.doc.contents), 'runs')?.value)
  return {
    file,
    using: scalarText(entry(runs, 'using')?.value),
    steps: readSteps(file, entry(runs, 'steps')?.value)
  }
}
