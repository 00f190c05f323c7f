// Which perspective(s) a run takes: one (by number, id or title), all 15, or the next in rotation.
import type { PerspectiveMeta } from '../../perspectives/types.js'
import { ConfigurationError } from '../util/errors.js'

export type PerspectiveChoice =
  { kind: 'rotation' } | { kind: 'all' } | { kind: 'one'; meta: PerspectiveMeta }

/** `1 scope, 2 failure-modes, ...`: what an error message offers. */
export function perspectiveList(metas: readonly PerspectiveMeta[]): string {
  return metas.map((m) => `${m.number} ${m.id}`).join(', ')
}

/** A number 1-15, an id or a title (any case); null when nothing matches. */
export function findPerspective(
  value: string,
  metas: readonly PerspectiveMeta[]
): PerspectiveMeta | null {
  const text = value.trim()
  if (/^\d+$/.test(text)) return metas.find((m) => m.number === Number(text)) ?? null
  const lower = text.toLowerCase()
  return metas.find((m) => m.id === lower || m.title.toLowerCase() === lower) ?? null
}

/** Parses the `perspective` input / `--perspective` flag; `source` names it in errors. */
export function parsePerspectiveChoice(
  value: string | undefined,
  metas: readonly PerspectiveMeta[],
  source = 'perspective'
): PerspectiveChoice {
  const text = (value ?? '').trim()
  if (text === '') return { kind: 'rotation' }
  if (text.toLowerCase() === 'all') return { kind: 'all' }
  const meta = findPerspective(text, metas)
  if (meta) return { kind: 'one', meta }
  throw new ConfigurationError(
    `${source}: unknown perspective '${text}'. Use a number, an id or a title, 'all', or leave it empty for the next in rotation. ` +
      `The perspectives are: ${perspectiveList(metas)}.`
  )
}
