// The summary's "What to do next" list: one line an item, linked to the file and line at the commit.
import type { SummaryInput } from './types.js'
import { escapeInline } from '../util/escape.js'
import { blobUrl, locationText } from './facts.js'
import { nextSteps, type NextStep } from './next-steps.js'

const SEVERITY_ICON = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵', info: '⚪' } as const

function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

function stepLine(input: SummaryInput, step: NextStep, n: number): string {
  const spec =
    step.spec && step.finding
      ? ` — spec <code>${escapeInline(clip(step.spec.fileName, 120))}</code>`
      : ''
  if (step.finding) {
    const f = step.finding
    const where = locationText(f) ?? 'repository'
    const url = blobUrl(input, f)
    const link = url === null ? escapeInline(where) : `[${escapeInline(where)}](${url})`
    return `${n}. ${SEVERITY_ICON[f.severity]} **${escapeInline(clip(f.title))}** · ${link} · \`${step.perspective}\`${spec}`
  }
  const s = step.spec!
  const target = { file: s.target.file, startLine: s.target.line ?? null, endLine: null }
  const url = blobUrl(input, target)
  const where = locationText(target) ?? s.target.file
  const link = url === null ? escapeInline(where) : `[${escapeInline(where)}](${url})`
  return `${n}. 🧪 **Write the spec: ${escapeInline(clip(s.title))}** · ${link} · \`${step.perspective}\` · <code>${escapeInline(clip(s.fileName, 120))}</code>`
}

/** Empty when nothing on shipped code is worth leading with. */
export function nextStepsSection(input: SummaryInput): string {
  const steps = nextSteps(input.runs, undefined, input.isShipped)
  if (steps.length === 0) return ''
  const where = input.stored.resultsFile
    ? ` Every finding and spec is in <code>${escapeInline(input.stored.resultsFile)}</code>.`
    : ''
  return [
    `## What to do next`,
    '',
    ...steps.map((s, i) => stepLine(input, s, i + 1)),
    '',
    `_Chosen by risk on shipped code, across perspectives.${where}_`
  ].join('\n')
}
