// Workflow security: `${{ }}` expressions with attacker-controlled text expanded inside `run:` scripts
// (script injection), and pull_request_target workflows that check out the pull request's code.
import { lineEvidence, stepKey, type CheckInput, type Draft } from './check-input.js'
import type { JobRun } from './graph.js'
import type { Node } from 'yaml'
import type { StepModel } from './workflows.js'
import { linesOf } from './yaml-source.js'

/** Contexts whose text comes from whoever opens an issue, a pull request, a comment or pushes a branch. */
const UNTRUSTED: [RegExp, string][] = [
  [/github\.event\.issue\.(title|body)\b/, 'whoever opens the issue'],
  [
    /github\.event\.pull_request\.(title|body|head\.ref|head\.label|head\.repo\.default_branch)\b/,
    'whoever opens the pull request'
  ],
  [/github\.event\.(comment|review|review_comment)\.body\b/, 'whoever writes the comment'],
  [/github\.event\.discussion\.(title|body)\b/, 'whoever starts the discussion'],
  [/github\.event\.pages\b.*\.page_name\b/, 'whoever edits the wiki'],
  [
    /github\.event\.(commits\b.*|head_commit)\.(message|author\.(email|name))\b/,
    'whoever writes the commit'
  ],
  [
    /github\.event\.workflow_run\.(head_branch|display_title|head_commit\.(message|author\.(email|name)))\b/,
    'whoever pushed the branch that triggered the run'
  ],
  [/github\.head_ref\b/, 'whoever names the pull request branch']
]

/** Events that run with the base repository's secrets and a write token even for outsiders. */
const PRIVILEGED = new Set([
  'pull_request_target',
  'issues',
  'issue_comment',
  'discussion',
  'discussion_comment',
  'pull_request_review',
  'pull_request_review_comment',
  'workflow_run'
])

/** `${{ github.head_ref }}` as `github.head_ref`: messages never carry template braces. */
export function plainExpression(text: string): string {
  return text
    .replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

const HEAD_REF =
  /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|refs\/pull\/|github\.event\.pull_request\.merge_commit_sha/

/** The script text of a step: its `run:`, or the `script:` of actions/github-script (JavaScript, same risk). */
function scriptNode(step: StepModel): Node | undefined {
  if (step.run) return step.run.node
  if (step.uses && /^actions\/github-script@/.test(step.uses.value))
    return step.with.get('script')?.node
  return undefined
}

function injections(
  input: CheckInput,
  step: StepModel,
  context: { run?: JobRun; triggers: Set<string> }
): Draft[] {
  const node = scriptNode(step)
  const file = input.graph.files.get(step.file)
  if (!node || !file) return []
  const language = step.run ? 'shell script' : 'github-script JavaScript'
  const out: Draft[] = []
  const privileged = [...context.triggers].filter((t) => PRIVILEGED.has(t)).sort()
  for (const { line, text } of linesOf(file, node)) {
    let at = text.indexOf('${{')
    while (at >= 0) {
      const end = text.indexOf('}}', at)
      if (end < 0) break
      const expression = text.slice(at, end + 2)
      const body = expression.slice(3, -2)
      const match = UNTRUSTED.find(([pattern]) => pattern.test(body))
      if (match) {
        const key = `${context.run ? stepKey(context.run, step) : step.label}#${body.trim()}`
        out.push({
          messageId: 'scriptInjection',
          data: {
            expression: plainExpression(expression),
            file: step.file,
            step: step.label,
            job: context.run?.job.id ?? '(composite action)',
            who: match[1],
            language,
            privilege:
              privileged.length > 0
                ? `, with the secrets and write token that ${privileged.join('/')} gives`
                : ' on the runner'
          },
          severity: privileged.length > 0 ? 'critical' : 'high',
          confidence: 'high',
          rationale:
            'GitHub substitutes `${{ }}` into the script text before the shell runs it, so quotes and `$(...)` in attacker text become shell syntax.',
          evidence: lineEvidence(input, step.file, line),
          key,
          cwe: 'CWE-94'
        })
      }
      at = text.indexOf('${{', end + 2)
    }
  }
  return out
}

export function scriptInjection(input: CheckInput): Draft[] {
  const out: Draft[] = []
  const reached = new Set<string>()
  for (const run of input.graph.jobRuns) {
    const triggers = input.graph.triggers.get(run.workflow.file.path) ?? new Set<string>()
    for (const { step } of run.steps) {
      reached.add(`${step.file}#${step.index}`)
      out.push(...injections(input, step, { run, triggers }))
    }
  }
  for (const action of input.graph.actions.values()) {
    for (const step of action.steps)
      if (!reached.has(`${step.file}#${step.index}`))
        out.push(...injections(input, step, { triggers: new Set() }))
  }
  const seen = new Set<string>()
  return out.filter((d) => {
    const id = `${'file' in d.evidence ? d.evidence.file : ''}:${'file' in d.evidence ? d.evidence.startLine : ''}:${d.data.expression}`
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

export function pullRequestTarget(input: CheckInput): Draft[] {
  const out: Draft[] = []
  for (const run of input.graph.jobRuns) {
    if (!(input.graph.triggers.get(run.workflow.file.path) ?? new Set()).has('pull_request_target'))
      continue
    for (const { step } of run.steps) {
      if (!step.uses || !/^actions\/checkout@/.test(step.uses.value)) continue
      const ref = step.with.get('ref')
      if (!ref || !HEAD_REF.test(ref.value)) continue
      out.push({
        messageId: 'pullRequestTargetCheckout',
        data: { file: run.workflow.file.path, job: run.job.id, ref: plainExpression(ref.value) },
        severity: 'critical',
        confidence: 'high',
        rationale:
          "pull_request_target exists to run trusted base-branch code on untrusted pull requests; checking out the head and building or testing it runs the fork's code (its package scripts, its tests) with secrets.",
        evidence: lineEvidence(input, step.file, ref.line),
        key: `${stepKey(run, step)}#checkout`,
        cwe: 'CWE-829'
      })
    }
  }
  return out
}
