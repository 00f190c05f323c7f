// The ci-cd section of the summary: which CI systems were found, a table of GitHub workflows with
// their triggers and what their jobs run, and the findings per check. Pure; repository text is escaped.
import { codeCell, escapeInline, moreNote, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import type { CommandKind } from './commands.js'
import type { CiGraph } from './graph.js'
import { SYSTEM_NAMES, type OtherCi } from './other-ci.js'

const MAX_ROWS = 30
const KIND_WORDS: [CommandKind, string][] = [
  ['install', 'install'],
  ['lint', 'lint'],
  ['typecheck', 'type check'],
  ['test', 'tests'],
  ['coverage', 'coverage'],
  ['upload-coverage', 'coverage upload']
]

export interface WorkflowRow {
  file: string
  triggers: string[]
  jobs: number
  steps: number
  runs: string[]
  commands: string[]
}

export function workflowRows(graph: CiGraph): WorkflowRow[] {
  return graph.workflows.map((w) => {
    const commands = graph.commands.filter((c) => c.run.workflow === w)
    const kinds = new Set(commands.flatMap((c) => [...c.kinds]))
    const tests = [
      ...new Set(
        commands
          .filter((c) => c.kinds.has('test'))
          .map((c) => c.text.trim().replace(/^-?\s*run:\s*/, ''))
      )
    ]
    return {
      file: w.file.path,
      triggers: [...(graph.triggers.get(w.file.path) ?? [])].sort(),
      jobs: w.jobs.length,
      steps: graph.jobRuns.filter((r) => r.workflow === w).reduce((n, r) => n + r.steps.length, 0),
      runs: KIND_WORDS.filter(([k]) => kinds.has(k)).map(([, word]) => word),
      commands: tests.slice(0, 3)
    }
  })
}

export function buildReport(
  graph: CiGraph,
  other: OtherCi[],
  findingsPerCheck: Record<string, number>,
  sourceFiles: number
): string {
  if (graph.workflows.length === 0 && other.length === 0) {
    return sourceFiles === 0
      ? 'The repository has no source files and no CI configuration: nothing to check.'
      : 'No CI configuration was found (looked for GitHub workflows, GitLab CI, CircleCI, Azure Pipelines, Jenkins, Travis and others).'
  }
  const parts: string[] = []
  const systems = [
    ...new Set([
      ...(graph.workflows.length > 0 ? ['GitHub Actions'] : []),
      ...other.map((o) => SYSTEM_NAMES[o.system])
    ])
  ]
  parts.push(
    `**CI systems:** ${escapeInline(systems.join(', '))}. **${plural(graph.workflows.length, 'workflow')}**, ` +
      `${plural(graph.jobRuns.length, 'job')}, ${plural(
        graph.jobRuns.reduce((n, r) => n + r.steps.length, 0),
        'step'
      )}` +
      `${graph.actions.size > 0 ? `, ${plural(graph.actions.size, 'local action')}` : ''}.`
  )
  const rows = workflowRows(graph)
  if (rows.length > 0) {
    parts.push(
      '#### Workflows\n\n' +
        table(
          ['Workflow', 'Triggers', 'Jobs', 'Runs', 'Test commands'],
          rows
            .slice(0, MAX_ROWS)
            .map((r) => [
              codeCell(r.file),
              r.triggers.length > 0 ? escapeInline(r.triggers.join(', ')) : '—',
              String(r.jobs),
              r.runs.length > 0 ? escapeInline(r.runs.join(', ')) : '—',
              r.commands.length > 0 ? r.commands.map(codeCell).join('<br>') : '—'
            ]),
          ['left', 'left', 'right', 'left', 'left']
        ) +
        moreNote(Math.min(rows.length, MAX_ROWS), rows.length, 'workflows')
    )
  }
  if (other.length > 0) {
    parts.push(
      '#### Other CI systems\n\n' +
        table(
          ['File', 'System', 'Runs'],
          other.map((o) => [
            codeCell(o.path),
            escapeInline(SYSTEM_NAMES[o.system]),
            escapeInline(
              KIND_WORDS.filter(([k]) => o.kinds.has(k))
                .map(([, w]) => w)
                .join(', ') || 'no test, lint or type-check command found'
            )
          ])
        )
    )
  }
  const counts = Object.entries(findingsPerCheck).filter(([, n]) => n > 0)
  parts.push(
    counts.length === 0
      ? 'No problems found: tests run on push and pull_request, and the workflows are cached, time-limited, least-privilege and pinned.'
      : '#### Findings per check\n\n' +
          table(
            ['Check', 'Findings'],
            counts.map(([id, n]) => [codeCell(id), String(n)]),
            ['left', 'right']
          )
  )
  return parts.join('\n\n')
}
