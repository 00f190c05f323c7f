// The CLI's report: plain text for a terminal, ANSI colour only when asked. Text from the target
// repository is stripped of control characters so it cannot drive the user's terminal.
import { PERSPECTIVE_IDS, type Severity } from '../../perspectives/types.js'
import type { PerspectiveRun } from '../engine/types.js'
import { terminalSafe } from '../util/escape.js'
import { countsText, locationText, plural, riskLabel, severityCounts, shortSha } from './facts.js'
import { syntaxErrorText } from './syntax-errors.js'
import type { SummaryInput } from './types.js'
import { byRisk, nextSteps, type NextStep } from './next-steps.js'
import { MAX_FINDINGS_SHOWN } from './summary-sections.js'
import { redactText } from '../util/redact.js'
import { heldSentence } from './held.js'

export interface TerminalOptions {
  color: boolean
  /** Findings listed per perspective before "… and N more" (default 15, riskiest on shipped code first). */
  maxFindings?: number
  /** Specs listed per perspective before "… and N more" (default 10). */
  maxSpecs?: number
}

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan' | 'magenta'
const ANSI: Record<Style, [string, string]> = {
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  red: ['\u001b[31m', '\u001b[39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
  green: ['\u001b[32m', '\u001b[39m'],
  cyan: ['\u001b[36m', '\u001b[39m'],
  magenta: ['\u001b[35m', '\u001b[39m']
}
const SEVERITY_STYLE: Record<Severity, Style> = {
  critical: 'magenta',
  high: 'red',
  medium: 'yellow',
  low: 'cyan',
  info: 'dim'
}

export function buildTerminalReport(
  input: SummaryInput,
  options: TerminalOptions = { color: false }
): string {
  const paint = (style: Style, text: string): string =>
    options.color ? `${ANSI[style][0]}${text}${ANSI[style][1]}` : text
  const maxFindings = options.maxFindings ?? MAX_FINDINGS_SHOWN
  const maxSpecs = options.maxSpecs ?? 10
  const lines: string[] = []

  const at = input.commit === null ? '' : ` @ ${terminalSafe(shortSha(input.commit))}`
  const ref = input.ref ? ` (${terminalSafe(input.ref)})` : ''
  lines.push(
    paint(
      'bold',
      `test-planning ${terminalSafe(input.toolVersion)}: ${terminalSafe(input.repository)}${at}${ref}`
    )
  )
  lines.push(
    `Analysed ${plural(input.model.files, 'file')}, ${plural(input.model.lines, 'line')} (model in ${input.model.millis} ms)` +
      skippedText(input.skipped)
  )
  const syntaxErrors = syntaxErrorText(input.model.syntaxErrors ?? [], 5, terminalSafe)
  if (syntaxErrors) lines.push(`Syntax errors: ${syntaxErrors}`)
  if (input.rotation.warning)
    lines.push(paint('yellow', `Warning: ${terminalSafe(input.rotation.warning)}`))
  const steps = nextSteps(input.runs, undefined, input.isShipped)
  if (steps.length > 0) {
    lines.push('', paint('bold', 'What to do next:'))
    steps.forEach((step, i) => lines.push(`  ${String(i + 1).padStart(2)}. ${stepText(step)}`))
  }

  for (const run of input.runs) {
    lines.push('')
    lines.push(...perspectiveLines(run, paint, maxFindings, maxSpecs, input.isShipped))
  }

  lines.push('')
  if (input.runs.length > 1) {
    const ok = input.runs.filter((r) => r.status === 'ok').length
    const findings = input.runs.reduce((n, r) => n + r.findings.length, 0)
    lines.push(
      `${input.runs.length} perspectives: ${ok} ran, ${plural(findings, 'finding')} in all`
    )
  }
  lines.push(
    `Next in rotation: ${nextText(input.rotation.next)}${input.rotation.source === 'explicit' ? ' (rotation left alone)' : ''}`
  )
  lines.push(`Results written to ${terminalSafe(input.stored.localDir)}`)
  if (input.stored.resultsFile)
    lines.push(`Every finding and spec: ${terminalSafe(input.stored.resultsFile)}`)
  if (input.stored.datasetUrl) lines.push(`Dataset: ${terminalSafe(input.stored.datasetUrl)}`)
  if (input.stored.commitUrl) lines.push(`Dataset commit: ${terminalSafe(input.stored.commitUrl)}`)
  if (input.stored.uploadError)
    lines.push(paint('red', `Upload failed: ${terminalSafe(input.stored.uploadError)}`))
  return redactText(`${lines.join('\n')}\n`)
}

function perspectiveLines(
  run: PerspectiveRun,
  paint: (style: Style, text: string) => string,
  maxFindings: number,
  maxSpecs: number,
  isShipped?: (path: string) => boolean
): string[] {
  const { meta } = run
  const out = [paint('bold', `${meta.number}. ${meta.title} (${meta.id}): ${meta.question}`)]
  if (run.status === 'not-implemented') {
    out.push('   not implemented yet in this version: no findings are reported')
    return out
  }
  if (run.status === 'failed') {
    out.push(
      paint('red', `   failed: ${terminalSafe(run.error ?? 'no error message was recorded')}`)
    )
    return out
  }
  if (run.headline) out.push(paint('bold', `   ${terminalSafe(run.headline)}`))
  out.push(
    `   risk ${run.risk}/100 (${riskLabel(run.risk)}) · ${plural(run.findings.length, 'finding')} (${countsText(severityCounts(run.findings))}) · ${plural(run.specs.length, 'spec')}`
  )
  if (run.findings.length === 0) out.push('   no findings')
  else out.push('   Findings:')
  const shown = byRisk(run.findings, isShipped).slice(0, maxFindings)
  for (const f of shown) {
    const where = locationText(f) ?? `repository (looked for ${f.lookedFor ?? 'unspecified'})`
    out.push(
      `     ${paint(SEVERITY_STYLE[f.severity], f.severity.toUpperCase().padEnd(8))} ${terminalSafe(where)}  ${terminalSafe(f.title)}`
    )
  }
  if (run.findings.length > maxFindings) {
    const rest = countsText(
      severityCounts(
        shown.length < run.findings.length ? run.findings.filter((f) => !shown.includes(f)) : []
      )
    )
    out.push(
      `     … and ${plural(run.findings.length - maxFindings, 'more finding')} (${rest}; all in the results file)`
    )
  }
  const held = heldSentence(run)
  if (held) out.push(paint('dim', `   ${terminalSafe(held)}`))
  if (run.specs.length > 0) out.push('   Specs:')
  for (const s of run.specs.slice(0, maxSpecs)) {
    out.push(
      `     ${s.priority} ${s.level.padEnd(11)} ${terminalSafe(s.fileName)}  ${terminalSafe(s.title)}`
    )
  }
  if (run.specs.length > maxSpecs)
    out.push(`     … and ${plural(run.specs.length - maxSpecs, 'more spec')}`)
  return out
}

function skippedText(skipped: Record<string, number>): string {
  const parts = Object.keys(skipped)
    .sort()
    .filter((reason) => skipped[reason] > 0)
    .map((reason) => `${skipped[reason]} ${terminalSafe(reason)}`)
  return parts.length > 0 ? `; skipped ${parts.join(', ')}` : ''
}

function nextText(n: number): string {
  const id = PERSPECTIVE_IDS[n - 1]
  return id === undefined ? String(n) : `${n}. ${id}`
}

function stepText(step: NextStep): string {
  const spec = step.spec ? ` (spec ${terminalSafe(step.spec.fileName)})` : ''
  if (step.finding) {
    const f = step.finding
    return `${f.severity.toUpperCase()} ${terminalSafe(locationText(f) ?? 'repository')}  ${terminalSafe(f.title)} [${step.perspective}]${spec}`
  }
  const s = step.spec!
  return `SPEC ${terminalSafe(s.target.file)}  write: ${terminalSafe(s.title)} [${step.perspective}]${spec}`
}
