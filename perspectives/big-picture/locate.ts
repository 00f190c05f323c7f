// Findings from stored results were found at an earlier commit. Before big-picture points at one, it
// checks the quoted text is still in the file today: at the same line, or moved (the nearest line
// with the same text); otherwise the finding is left out of hotspots rather than quoted wrongly.
import type { Quoter } from '../shared/evidence.js'
import type { Finding } from '../types.js'

export type Located =
  { state: 'same' | 'moved'; startLine: number; endLine: number } | { state: 'gone' | 'changed' }

/** The first line of a stored snippet, without the engine's `…` cut mark. */
function firstLine(snippet: string): string {
  return (snippet.split('\n')[0] ?? '').replace(/…$/, '').trim()
}

export function locate(
  finding: Finding,
  quote: Quoter,
  analysed: (file: string) => boolean
): Located {
  if (finding.file === null || finding.startLine === null) return { state: 'gone' }
  if (!analysed(finding.file)) return { state: 'gone' }
  const lines = quote.lines(finding.file)
  const span = Math.max(0, (finding.endLine ?? finding.startLine) - finding.startLine)
  const wanted = firstLine(finding.snippet ?? '')
  // Nothing to compare (an empty first line): the line number is all there is, and it still exists.
  if (wanted === '') {
    return finding.startLine <= lines.length
      ? {
          state: 'same',
          startLine: finding.startLine,
          endLine: Math.min(lines.length, finding.startLine + span)
        }
      : { state: 'changed' }
  }
  const at = (line: number) => (lines[line - 1] ?? '').trim() === wanted
  if (at(finding.startLine))
    return {
      state: 'same',
      startLine: finding.startLine,
      endLine: Math.min(lines.length, finding.startLine + span)
    }
  let best = -1
  for (let line = 1; line <= lines.length; line++) {
    if (
      at(line) &&
      (best === -1 || Math.abs(line - finding.startLine) < Math.abs(best - finding.startLine))
    )
      best = line
  }
  return best === -1
    ? { state: 'changed' }
    : { state: 'moved', startLine: best, endLine: Math.min(lines.length, best + span) }
}
