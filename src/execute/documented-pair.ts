// Whether the project itself says two functions are inverses: a round trip that does not come back
// is a defect only then. Named by their verbs alone (`encode`/`decode`) the pair is our guess, and a
// guess that fails is a refuted claim, never a defect. Python's probe reads the docstrings in the
// child (probe-scripts.ts); this reads a JavaScript/TypeScript module's comments. Pure: no I/O.

const COMMENT = /^\s*(\/\/|\/\*\*?|\*)/

function mentions(line: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![A-Za-z0-9_$])${escaped}(?![A-Za-z0-9_$])`).test(line)
}

/** The comment lines right above the line that defines `name` (its doc comment), nearest last. */
function docAbove(lines: readonly string[], name: string): string[] {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const defines = new RegExp(
    `(function\\*?\\s+${escaped}\\b|\\b${escaped}\\s*(=|:|\\())|^\\s*(export\\s+)?(async\\s+)?${escaped}\\s*\\(`
  )
  for (const [i, line] of lines.entries()) {
    if (COMMENT.test(line) || !defines.test(line)) continue
    const doc: string[] = []
    for (let j = i - 1; j >= 0 && COMMENT.test(lines[j]); j--) doc.unshift(lines[j])
    if (doc.length > 0) return doc
  }
  return []
}

/**
 * The line of either function's doc comment that names the other (`Reverses {@link encode}.`),
 * trimmed; null when the module's comments never tie them together.
 */
export function jsDocumentsPair(text: string, encoder: string, decoder: string): string | null {
  const short = (name: string): string => name.split('.').pop() ?? name
  const lines = text.split('\n')
  for (const [own, other] of [
    [short(decoder), short(encoder)],
    [short(encoder), short(decoder)]
  ]) {
    const line = docAbove(lines, own).find((l) => mentions(l, other))
    if (line)
      return line
        .replace(COMMENT, '')
        .replace(/\*\/\s*$/, '')
        .trim()
  }
  return null
}
