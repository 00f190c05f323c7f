// Shapes judged false or overstated in session 7 round 2 (http-server, superagent, webob, parse, pyflakes),
// each asserted absent beside a twin that is still reported, by file and line, through each
// perspective's real pipeline (fixtures judged-10-js and judged-10-py; docs/evaluation/guards.md).
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import security from '../../perspectives/security/index.js'
import type { Finding } from '../../perspectives/types.js'
import { checkRun, readFixture, runFixture } from './harness.js'

const js = readFixture('judged-10-js')

async function findings(
  perspective: Perspective<string, unknown>,
  files: Record<string, string>
): Promise<Finding[]> {
  const result = await runFixture(perspective, files)
  expect(result.run.status).toBe('ok')
  expect(checkRun(result)).toEqual([])
  return result.run.findings
}

/** `messageId file:line severity`, sorted. */
function rows(found: Finding[]): string[] {
  return found.map((f) => `${f.messageId} ${f.file}:${f.startLine} ${f.severity}`).sort()
}

describe('judged false in session 7 round 2: JavaScript', () => {
  it('security: HTML built from he.encode(header), directly or through a local, is not XSS; the raw header is', async () => {
    const found = await findings(security as Perspective<string, unknown>, js)
    expect(rows(found.filter((f) => f.messageId === 'xss'))).toEqual(['xss lib/listing.js:23 high'])
  })
})
