// backwards-compat fixtures under backwards-compat-surface/<name>: a base and a head tree in one folder,
// and the perspective's breaks between them in one comparable line each.
import { expect } from '@jest/globals'
import perspective from '../../perspectives/backwards-compat/index.js'
import { readFixture, runFixture } from './harness.js'

/** The fixture's `base/` and `head/` trees, each with paths relative to its own root. */
export function compatTrees(name: string): {
  base: Record<string, string>
  head: Record<string, string>
} {
  const all = readFixture(`backwards-compat-surface/${name}`)
  const pick = (prefix: string): Record<string, string> =>
    Object.fromEntries(
      Object.entries(all)
        .filter(([p]) => p.startsWith(prefix))
        .map(([p, t]) => [p.slice(prefix.length), t])
    )
  return { base: pick('base/'), head: pick('head/') }
}

/** The perspective's findings from base to head, sorted, as `messageId title @file:line` (the bump left out). */
export async function compatBreaks(
  base: Record<string, string>,
  head: Record<string, string>
): Promise<string[]> {
  const { run } = await runFixture(perspective, head, { baseFiles: base, baseSource: true })
  expect(run.error).toBeNull()
  return run.findings
    .filter((f) => f.messageId !== 'versionBumpTooSmall')
    .map((f) => {
      const where = f.file ? `${f.file}:${f.startLine}` : (f.where ?? []).join(' ')
      return `${f.messageId} ${f.title} @${where}`
    })
    .sort()
}

/** A root package.json for a fixture package (`pkg` 1.0.0, `main: index.js`), with `fields` over it. */
export const manifest = (fields: Record<string, unknown>): string =>
  JSON.stringify({ name: 'pkg', version: '1.0.0', main: 'index.js', ...fields })

/** The breaking findings from base to head as `title @file:line`, with their messages. */
export async function breaksOf(
  base: Record<string, string>,
  head: Record<string, string>
): Promise<{ found: string[]; messages: string[] }> {
  const { run } = await runFixture(perspective, head, { baseFiles: base, baseSource: true })
  expect(run.error).toBeNull()
  const breaking = run.findings.filter(
    (f) => f.messageId !== 'versionBumpTooSmall' && (f.tags ?? []).includes('bump:major')
  )
  return {
    found: breaking
      .map((f) => `${f.title} @${f.file ? `${f.file}:${f.startLine}` : (f.where ?? []).join(' ')}`)
      .sort(),
    messages: breaking.map((f) => f.message)
  }
}
