// Near misses are small edits of a reporting case: these helpers make the edit and fail loudly when
// the text to replace is gone, so a fixture change cannot quietly turn a near miss into a copy.
import type { ExpectedFinding } from './harness-checks.js'

/** `files` with each `[from, to]` replaced once in the file at `path`. */
export function editFile(
  files: Record<string, string>,
  path: string,
  ...edits: [from: string, to: string][]
): Record<string, string> {
  let text = files[path]
  if (text === undefined) throw new Error(`editFile: no file ${path}`)
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`editFile: ${path} does not contain ${from}`)
    text = text.replace(from, () => to) // a function: `$'` and `$&` in `to` stay as written
  }
  return { ...files, [path]: text }
}

/** The expected findings without those of the message ids the edit removes. */
export function without(expected: ExpectedFinding[], ...messageIds: string[]): ExpectedFinding[] {
  return expected.filter((e) => !messageIds.includes(e.messageId))
}

/** The expected findings with those in `file` after line `after` moved down by `by` lines (an inserted line). */
export function shifted(
  expected: ExpectedFinding[],
  file: string,
  after: number,
  by: number
): ExpectedFinding[] {
  return expected.map((e) =>
    e.file === file && e.line !== null && e.line > after ? { ...e, line: e.line + by } : e
  )
}
