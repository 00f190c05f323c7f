// What the judged-shape tests ask of one perspective's run: its findings, after the run's own checks
// (status ok, evidence and specs sound), and the findings as sorted `messageId file:line` rows.
import { expect } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import type { Finding } from '../../perspectives/types.js'
import { checkRun, runFixture } from './harness.js'

export async function findings(
  perspective: Perspective<string, unknown>,
  files: Record<string, string>,
  options: Record<string, unknown> = {}
): Promise<Finding[]> {
  const result = await runFixture(perspective, files, { options })
  expect(result.run.status).toBe('ok')
  expect(checkRun(result)).toEqual([])
  return result.run.findings
}

/** `messageId file:line`, sorted; only `messageId`'s when it is given. */
export function rows(found: Finding[], messageId?: string): string[] {
  return found
    .filter((f) => messageId === undefined || f.messageId === messageId)
    .map((f) => `${f.messageId} ${f.file}:${f.startLine}`)
    .sort()
}
