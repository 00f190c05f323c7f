// The job summary: the run's status page, as GitHub-flavoured markdown. Pure and deterministic.
// GitHub rejects a step summary over 1 MiB, so the summary shrinks itself step by step (spec code
// first, then findings per perspective, then the perspectives' own reports) and says what it left
// out; it never throws and never exceeds the limit.
import { needs } from '../../perspectives/define.js'
import { PERSPECTIVE_IDS } from '../../perspectives/types.js'
import { escapeInline, linkUrl, truncateUtf8, utf8Bytes } from '../util/escape.js'
import { commitUrl, repositoryUrl, shortSha } from './facts.js'
import {
  ALL,
  type Caps,
  count,
  formatNumber,
  newCache,
  noneOmitted,
  type Omitted,
  type RenderCache,
  overviewTable,
  perspectiveSection
} from './summary-sections.js'
import { errorMessage } from '../util/errors.js'
import { syntaxErrorText } from './syntax-errors.js'
import { redactText } from '../util/redact.js'
import type { SummaryInput } from './types.js'
import { nextStepsSection } from './next-steps-section.js'
import { validationSection } from './validation-section.js'

/**
 * A summary a maintainer reads: at most 60 KB (GitHub's hard limit is 1 MiB per step summary), and at
 * most 300 lines for a run of several perspectives, 150 for one. The full lists stay in the results.
 */
export const DEFAULT_SUMMARY_LIMIT = 60_000
export const MAX_LINES_ALL = 300
export const MAX_LINES_ONE = 150

// Each step shows less than the one before; the first that fits wins. Findings are capped at 15 a
// perspective from the start: the rest are counted and kept in the results file.
const LADDER: readonly Caps[] = [
  ALL,
  { ...ALL, specCode: 0 },
  { ...ALL, specCode: 0, specs: 5 },
  { ...ALL, specCode: 0, specs: 5, reports: false },
  { specCode: 0, findings: 15, specs: 0, reports: false, compact: true },
  { specCode: 0, findings: 10, specs: 0, reports: false, compact: true },
  { specCode: 0, findings: 8, specs: 0, reports: false, compact: true },
  { specCode: 0, findings: 6, specs: 0, reports: false, compact: true },
  { specCode: 0, findings: 4, specs: 0, reports: false, compact: true },
  { specCode: 0, findings: 2, specs: 0, reports: false, compact: true },
  { specCode: 0, findings: 4, specs: 0, reports: false, compact: true, overview: false },
  { specCode: 0, findings: 0, specs: 0, reports: false, compact: true, overview: false }
]

function lineCount(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

export function buildSummary(
  input: SummaryInput,
  limitBytes = DEFAULT_SUMMARY_LIMIT,
  limitLines?: number
): string {
  // The last line of the redaction pass: whatever the inputs hold, no secret reaches the summary.
  return redactText(summaryText(input, limitBytes, limitLines))
}

function summaryText(
  input: SummaryInput,
  limitBytes: number,
  limitLines: number | undefined
): string {
  try {
    return fitted(
      input,
      limitBytes,
      limitLines ?? (input.runs.length > 1 ? MAX_LINES_ALL : MAX_LINES_ONE)
    )
  } catch (error) {
    // A malformed input (a bug upstream) must not fail the run after the results were stored.
    const text = `# 🧪 Test plan\n\nThe summary could not be built: ${escapeInline(errorMessage(error))}. The results are in ${escapeInline(String(input?.stored?.localDir ?? 'the results folder'))}.\n`
    return truncateUtf8(text, limitBytes)
  }
}

function fitted(input: SummaryInput, limitBytes: number, limitLines: number): string {
  const cache = newCache()
  let smallest = ''
  for (const caps of LADDER) {
    const text = render(input, caps, cache)
    if (utf8Bytes(text) <= limitBytes && lineCount(text) <= limitLines) return text
    smallest = text
  }
  // Too many lines even at the smallest layout but within the bytes: better long than empty.
  if (smallest !== '' && utf8Bytes(smallest) <= limitBytes) return smallest
  // Even the smallest full layout is too big (an absurd limit): the head alone, then the note alone.
  const head = `${heading(input)}\n\n${shortenedNote(input, null)}\n`
  if (utf8Bytes(head) <= limitBytes) return head
  return truncateUtf8(`${shortenedNote(input, null)}\n`, limitBytes)
}

/** A big-picture run leads: its overview is what a maintainer reads first; the runs it computed follow. */
function inReadingOrder(runs: SummaryInput['runs']): SummaryInput['runs'] {
  const lead = runs.filter((r) => needs(r.meta, 'results'))
  return lead.length === 0 ? runs : [...lead, ...runs.filter((r) => !lead.includes(r))]
}

function render(input: SummaryInput, caps: Caps, cache: RenderCache): string {
  const omitted = noneOmitted()
  const sections = inReadingOrder(input.runs).map((run) =>
    perspectiveSection(input, run, caps, omitted, cache)
  )
  const head = [
    heading(input),
    ...(input.validation ? [validationSection(input.validation)] : []),
    ...warnings(input)
  ]
  // What a maintainer acts on leads; the run's context and the per-perspective detail follow.
  const steps = nextStepsSection(input)
  if (steps !== '') head.push(steps)
  if (isShortened(omitted)) head.push(shortenedNote(input, omitted))
  head.push(contextList(input))
  if (input.runs.length > 1) head.push(`## Overview\n\n${overviewTable(input.runs)}`)
  if (input.runs.length === 0) head.push('No perspective ran.')
  return `${[...head, ...sections].join('\n\n')}\n`
}

function isShortened(o: Omitted): boolean {
  return o.specCode + o.findings + o.specs + o.reports > 0
}

function heading(input: SummaryInput): string {
  if (input.runs.length === 1) {
    const { meta } = input.runs[0]
    return `# 🧪 Test plan: ${meta.number}. ${meta.title}`
  }
  const lead = input.runs.find((r) => needs(r.meta, 'results'))
  const computed = input.computedForSummary?.length ?? 0
  if (lead && computed > 0) {
    return `# 🧪 Test plan: ${lead.meta.number}. ${lead.meta.title} (and ${computed} perspective${computed === 1 ? '' : 's'} computed for it)`
  }
  return `# 🧪 Test plan: ${input.runs.length} perspectives`
}

function warnings(input: SummaryInput): string[] {
  const out: string[] = []
  if (input.rotation.warning)
    out.push(`> ⚠️ **Action needed:** ${escapeInline(input.rotation.warning)}`)
  if (input.stored.uploadError) {
    out.push(
      `> ❌ **Upload to the dataset failed:** ${escapeInline(input.stored.uploadError)}  \n` +
        `> The local results are kept and the rotation did not advance, so the next run retries.`
    )
  }
  return out
}

function shortenedNote(input: SummaryInput, omitted: Omitted | null): string {
  const where = `the stored results (${escapeInline(input.stored.localDir)}${input.stored.datasetUrl ? ' and the dataset' : ''})`
  if (omitted === null) {
    return `> ✂️ **Summary cut to fit GitHub's step-summary size limit.** Everything is in ${where}.`
  }
  const left = [
    omitted.specCode > 0 ? `the code of ${count(omitted.specCode, 'spec')}` : '',
    omitted.findings > 0 ? count(omitted.findings, 'finding') : '',
    omitted.specs > 0 ? count(omitted.specs, 'spec') : '',
    omitted.reports > 0 ? `the reports of ${count(omitted.reports, 'perspective')}` : ''
  ].filter((s) => s !== '')
  return `> ✂️ **Shortened to fit GitHub's step-summary size limit:** left out ${left.join(', ')}. Everything is in ${where}.`
}

function perspectiveName(n: number): string {
  const id = PERSPECTIVE_IDS[n - 1]
  return id === undefined ? String(n) : `${n} (\`${id}\`)`
}

function rotationText(input: SummaryInput): string {
  const { rotation } = input
  const ran =
    input.runs.length === 1
      ? `ran ${perspectiveName(input.runs[0].meta.number)}`
      : `ran ${input.runs.length} perspectives`
  const source = {
    variable: 'the cursor is kept in the repository variable',
    local: 'the cursor is kept in the local results folder',
    fallback: 'the cursor could not be read or written, so a fallback was used',
    explicit: 'the perspective was chosen explicitly and the rotation was left alone'
  }[rotation.source]
  return `${ran}; next in rotation: ${perspectiveName(rotation.next)} (${source})`
}

function contextList(input: SummaryInput): string {
  const repoUrl = repositoryUrl(input)
  const repo =
    repoUrl === null
      ? `<code>${escapeInline(input.repository)}</code>`
      : `[${input.repository}](${repoUrl})`
  let at = 'not a git checkout'
  if (input.commit !== null) {
    const url = commitUrl(input)
    const sha = escapeInline(shortSha(input.commit))
    at = url === null ? `commit <code>${sha}</code>` : `commit [<code>${sha}</code>](${url})`
  }
  const ref = input.ref ? ` on <code>${escapeInline(input.ref)}</code>` : ''
  const runUrl = input.runUrl ? linkUrl(input.runUrl) : null
  const run = runUrl !== null ? ` · [workflow run](${runUrl})` : ''
  const skipped = Object.keys(input.skipped)
    .sort()
    .filter((reason) => input.skipped[reason] > 0)
    .map((reason) => `${formatNumber(input.skipped[reason])} ${escapeInline(reason)}`)
  const stored = [`local folder <code>${escapeInline(input.stored.localDir)}</code>`]
  const datasetUrl = input.stored.datasetUrl ? linkUrl(input.stored.datasetUrl) : null
  const datasetCommitUrl = input.stored.commitUrl ? linkUrl(input.stored.commitUrl) : null
  if (datasetUrl !== null) stored.push(`[dataset](${datasetUrl})`)
  if (datasetCommitUrl !== null) stored.push(`[dataset commit](${datasetCommitUrl})`)
  if (input.stored.uploadError) stored.push('dataset upload failed (see above)')
  const { model } = input
  return [
    `- **Repository:** ${repo} at ${at}${ref}`,
    `- **Run:** ${input.trigger} · test-planning ${escapeInline(input.toolVersion)}${run}`,
    `- **Rotation:** ${rotationText(input)}`,
    `- **Analysed:** ${count(model.files, 'file')}, ${count(model.lines, 'line')} (model built in ${formatNumber(model.millis)} ms)`,
    `- **Skipped files:** ${skipped.length > 0 ? skipped.join(', ') : 'none'}`,
    ...((model.syntaxErrors ?? []).length > 0
      ? [
          `- **Syntax errors:** ${syntaxErrorText(model.syntaxErrors ?? [], 10, (p) => `<code>${escapeInline(p)}</code>`)} (those files are modelled as far as they parse)`
        ]
      : []),
    ...(input.testLayout
      ? [
          `- **Specs written for:** ${escapeInline(input.testLayout.framework)} (${escapeInline(input.testLayout.language)}): ${escapeInline(input.testLayout.reason)}` +
            input.testLayout.notes.map((n) => ` · ${escapeInline(n)}`).join('')
        ]
      : []),
    `- **Results:** ${stored.join(' · ')}`
  ].join('\n')
}
