// README "Severity and confidence": one definition for the 15 perspectives, held on each perspective's
// own fixtures (TypeScript and Python). Critical and high mean: not an estimate; for the perspectives that
// judge the product, in shipped code; failure-modes also: reachable from the public API, escaping, no
// caller catching it. (Test-suite and CI perspectives judge tests and workflows, which do not ship.)
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Perspective } from '../../perspectives/define.js'
import { PERSPECTIVES } from '../../perspectives/index.js'
import type { Finding } from '../../perspectives/types.js'
import { isShippedPath } from '../../src/report/shipped.js'
import { readFixture, runFixture } from './harness.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures')

/** Perspectives that judge the product's code; the others judge the tests, mocks and CI, which do not ship by design. */
const PRODUCT = new Set([
  'failure-modes',
  'integration-points',
  'edge-cases',
  'performance',
  'data-integrity',
  'error-handling',
  'user-experience',
  'backwards-compat'
])

/** Why a finding breaks the definition, or null when it keeps to it. */
function breach(f: Finding): string | null {
  const serious = f.severity === 'critical' || f.severity === 'high'
  if (!serious) return null
  if (f.confidence === 'low') return 'a low-confidence estimate rated ' + f.severity
  if (/estimate/i.test(f.messageId) || f.tags.includes('estimate'))
    return 'an estimate rated ' + f.severity
  if (PRODUCT.has(f.perspective) && f.file !== null && !isShippedPath(f.file))
    return `${f.severity} in ${f.file}, which does not ship`
  if (f.perspective === 'failure-modes') {
    if (!f.tags.includes('public'))
      return 'a failure mode not reachable from the public API rated ' + f.severity
    if (!f.tags.includes('propagates'))
      return 'a failure mode something catches rated ' + f.severity
  }
  return null
}

const cases = PERSPECTIVES.filter((p) => p.meta.implemented).flatMap((p) =>
  ['ts', 'py']
    .filter((lang) => existsSync(join(FIXTURES, `${p.meta.id}-${lang}`)))
    .map((lang) => [p.meta.id, lang, p] as const)
)

describe('severity and confidence keep to one definition', () => {
  it('covers every perspective that has fixtures', () => {
    expect(new Set(cases.map(([id]) => id)).size).toBeGreaterThanOrEqual(13)
  })

  it.each(cases)(
    '%s on its %s fixture',
    async (_id, lang, perspective) => {
      const result = await runFixture(
        perspective as Perspective<string, unknown>,
        readFixture(`${perspective.meta.id}-${lang}`)
      )
      const breaches = result.run.findings
        .map((f) => [f.messageId, f.file, f.startLine, breach(f)])
        .filter(([, , , why]) => why !== null)
      expect(breaches).toEqual([])
    },
    120_000
  )
})
