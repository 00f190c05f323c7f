// Markdown building blocks for perspective reports. Text from the target repository is escaped with
// the summary's own escaping (src/util/escape.ts), so a file named `a|b<script>` cannot break out.
import { codeCell, escapeInline } from '../../src/util/escape.js'

export { codeCell, escapeInline }

/** A table; `cells` are already markdown (escape repository text with escapeInline/codeCell first). */
export function table(headers: string[], rows: string[][], align?: ('left' | 'right')[]): string {
  if (rows.length === 0) return ''
  const rule = headers.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'))
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(headers), line(rule), ...rows.map(line)].join('\n')
}

/** "and N more" under a capped list, or nothing. */
export function moreNote(shown: number, total: number, what: string): string {
  return total > shown ? `\n\n…and ${total - shown} more ${what}.` : ''
}

/** A number for a table cell: integers as is, fractions with two decimals. */
export function num(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2)
}
