// GitHub workflows: `${{ github.event.* }}` (and github.head_ref) expanded inside `run:` scripts, and
// pull_request_target workflows that check out the pull request's head. Parsed with the `yaml` package
// so that every finding sits on the exact line of the file.
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node,
  type YAMLMap
} from 'yaml'
import type { CiFile } from '../../src/model/types.js'
import type { CheckContext, Draft } from './context.js'
import { CWE } from './messages.js'

/** Fields whose text comes from outsiders, and who writes them. */
const UNTRUSTED: [RegExp, string][] = [
  [/^github\.event\.issue\.(title|body)$/, 'whoever opens the issue'],
  [
    /^github\.event\.pull_request\.(title|body|head\.ref|head\.label|head\.repo\.default_branch)$/,
    'whoever opens the pull request'
  ],
  [/^github\.event\.(comment|review|review_comment)\.body$/, 'whoever writes the comment'],
  [/^github\.event\.discussion\.(title|body)$/, 'whoever starts the discussion'],
  [/^github\.event\.pages\b.*\.page_name$/, 'whoever edits the wiki'],
  [
    /^github\.event\.(commits\b.*|head_commit)\.(message|author\.(email|name))$/,
    'whoever writes the commit'
  ],
  [
    /^github\.event\.workflow_run\.(head_branch|display_title|head_commit\.(message|author\.(email|name)))$/,
    'whoever pushed the branch'
  ],
  [/^github\.head_ref$/, 'whoever names the pull request branch']
]
/** Numbers, ids, SHAs and timestamps cannot carry shell syntax. */
const HARMLESS =
  /\.(number|id|sha|node_id|created_at|updated_at|merged|draft|size|run_id|run_number|run_attempt)$/
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
const HEAD_REF =
  /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|refs\/pull\/|merge_commit_sha/

function get(map: unknown, key: string): unknown {
  if (!isMap(map)) return undefined
  const pair = (map as YAMLMap).items.find(
    (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key
  )
  return pair?.value ?? undefined
}

function triggersOf(on: unknown): string[] {
  if (isScalar(on)) return [String(on.value)]
  if (isSeq(on)) return on.items.filter(isScalar).map((s) => String(s.value))
  if (isMap(on))
    return on.items
      .filter((p) => isPair(p) && isScalar(p.key))
      .map((p) => String((p.key as { value: unknown }).value))
  return []
}

export function workflowFindings(context: CheckContext): Draft[] {
  const out: Draft[] = []
  const files: CiFile[] = context.model.facts.ci.filter(
    (f) => f.system === 'github-actions' && /\.ya?ml$/.test(f.path)
  )
  for (const file of files) {
    const counter = new LineCounter()
    const doc = parseDocument(file.text, { lineCounter: counter, uniqueKeys: false })
    if (doc.errors.length > 0) continue
    const lines = file.text.split('\n').map((l) => l.replace(/\r$/, ''))
    const lineAt = (offset: number) => counter.linePos(offset).line
    const triggers = triggersOf(get(doc.contents, 'on'))
    const privileged = triggers.filter((t) => PRIVILEGED.has(t)).sort()
    const jobs = get(doc.contents, 'jobs')
    if (!isMap(jobs)) continue
    for (const jobPair of jobs.items) {
      if (!isPair(jobPair) || !isScalar(jobPair.key)) continue
      const job = String(jobPair.key.value)
      const steps = get(jobPair.value, 'steps')
      if (!isSeq(steps)) continue
      steps.items.forEach((step, index) => {
        const label = String(
          (get(step, 'id') as { value?: unknown } | undefined)?.value ??
            (get(step, 'name') as { value?: unknown } | undefined)?.value ??
            `step ${index + 1}`
        )
        const run = get(step, 'run') as Node | undefined
        if (isScalar(run) && run.range) {
          const [start, , end] = run.range
          for (let n = lineAt(start); n <= lineAt(Math.max(start, end - 1)); n++) {
            const text = lines[n - 1] ?? ''
            for (const m of text.matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)) {
              const expression = m[1].trim()
              if (!/^github\.(event\.|head_ref\b)/.test(expression) || HARMLESS.test(expression))
                continue
              const who = UNTRUSTED.find(([p]) => p.test(expression))?.[1]
              out.push({
                messageId: 'workflowInjection',
                data: {
                  expression,
                  file: file.path,
                  step: label,
                  job,
                  who: who ?? 'the event payload (depending on the event, an outsider)',
                  privilege:
                    privileged.length > 0
                      ? `, with the secrets and write token of ${privileged.join('/')}`
                      : ' on the runner'
                },
                severity: who ? (privileged.length > 0 ? 'critical' : 'high') : 'medium',
                confidence: who ? 'high' : 'low',
                rationale:
                  'GitHub substitutes `${{ }}` into the script before the shell reads it, so quotes and `$(...)` in the value become shell syntax.',
                evidence: { file: file.path, startLine: n, endLine: n, snippet: text },
                key: `${job}#${label}#${expression}`,
                cwe: CWE.workflowInjection
              })
            }
          }
        }
        const uses = get(step, 'uses')
        if (
          triggers.includes('pull_request_target') &&
          isScalar(uses) &&
          /^actions\/checkout@/.test(String(uses.value))
        ) {
          const ref = get(get(step, 'with'), 'ref')
          if (isScalar(ref) && ref.range && HEAD_REF.test(String(ref.value))) {
            const n = lineAt(ref.range[0])
            out.push({
              messageId: 'pullRequestTargetCheckout',
              data: {
                file: file.path,
                job,
                ref: String(ref.value).replace(/\$\{\{\s*|\s*\}\}/g, '')
              },
              severity: 'critical',
              confidence: 'high',
              rationale:
                "pull_request_target runs with the base repository's secrets; building or testing the checked-out head runs the fork's code with them.",
              evidence: { file: file.path, startLine: n, endLine: n, snippet: lines[n - 1] ?? '' },
              key: `${job}#${label}#checkout`,
              cwe: CWE.pullRequestTargetCheckout
            })
          }
        }
      })
    }
  }
  return out
}
