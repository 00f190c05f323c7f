// Evidence quoted from the target repository. The model keeps locations, not file text, so the
// snippet comes from the file itself through AnalyseContext.source: a check can open the file at
// `startLine` and find exactly this text there.
import type { Location } from '../../src/model/types.js'
import type { AnalyseContext, CodeEvidence } from '../types.js'

/** Reads the text of analysed files, splitting each into lines once. */
export interface Quoter {
  /** The file's lines (without line terminators), or throws when the engine gave no text for it. */
  lines(file: string): string[]
  /** Evidence for a location: the line range (leading blank lines skipped), the snippet cut to `maxLines` lines. */
  evidence(
    file: string,
    loc: Pick<Location, 'startLine' | 'endLine'>,
    maxLines?: number
  ): CodeEvidence
  /** The text of one line (1-based), '' past the end. */
  line(file: string, line: number): string
}

const DEFAULT_SNIPPET_LINES = 3

export function createQuoter(context: Pick<AnalyseContext<unknown>, 'source'>): Quoter {
  const cache = new Map<string, string[]>()
  const lines = (file: string): string[] => {
    const cached = cache.get(file)
    if (cached) return cached
    if (!context.source) {
      throw new Error(
        'no source text to quote evidence from: the engine must pass AnalyseContext.source'
      )
    }
    const text = context.source(file)
    if (text === undefined)
      throw new Error(`no source text for ${file}: evidence can only quote analysed files`)
    const split = splitLines(text)
    cache.set(file, split)
    return split
  }
  return {
    lines,
    line: (file, line) => lines(file)[line - 1] ?? '',
    evidence(file, loc, maxLines = DEFAULT_SNIPPET_LINES) {
      const all = lines(file)
      let startLine = Math.max(1, Math.min(loc.startLine, all.length))
      // A quote of blank lines proves nothing: start at the first line with text in the range.
      while (startLine < Math.min(loc.endLine, all.length) && all[startLine - 1].trim() === '')
        startLine++
      const endLine = Math.max(startLine, Math.min(loc.endLine, all.length))
      const last = Math.min(endLine, startLine + Math.max(1, maxLines) - 1)
      return { file, startLine, endLine, snippet: all.slice(startLine - 1, last).join('\n') }
    }
  }
}

/**
 * Lines numbered the way the parser numbers rows: only `\n` ends a line (a `\r` before it is dropped),
 * and a final terminator adds no line.
 */
export function splitLines(text: string): string[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}
