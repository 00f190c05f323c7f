// The cursor's value: which perspective the next rotation run takes, and the rotation's run counter.
// Written as `{"next":"integration-points","iteration":42}`; a person may write `next` as a number,
// an id or a title, or set the whole value to just `3` or `integration-points`.
import type { PerspectiveMeta } from '../../perspectives/types.js'
import { findPerspective } from '../config/perspective.js'

export interface Cursor {
  /** Number (1-15) of the perspective the next rotation run takes. */
  next: number
  /** The run counter the next rotation run records (`iteration` in the dataset). */
  iteration: number
}

export type ParsedCursor = { ok: true; cursor: Cursor } | { ok: false; reason: string }

export const FIRST_CURSOR: Cursor = { next: 1, iteration: 1 }

export function formatCursor(cursor: Cursor, metas: readonly PerspectiveMeta[]): string {
  const meta = metas.find((m) => m.number === cursor.next)
  return JSON.stringify({ next: meta ? meta.id : cursor.next, iteration: cursor.iteration })
}

/** The perspective after `number`, wrapping 15 -> 1. */
export function following(number: number, count: number): number {
  return (number % count) + 1
}

export function advance(cursor: Cursor, count: number): Cursor {
  return { next: following(cursor.next, count), iteration: cursor.iteration + 1 }
}

export function parseCursor(raw: string, metas: readonly PerspectiveMeta[]): ParsedCursor {
  const text = raw.trim()
  if (text === '') return { ok: false, reason: 'the value is empty' }
  let data: unknown = text
  if (/^[{["]/.test(text)) {
    try {
      data = JSON.parse(text)
    } catch {
      return { ok: false, reason: 'it is not valid JSON' }
    }
  }
  if (typeof data === 'string' || typeof data === 'number') return nextOnly(String(data), metas)
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: 'expected an object like {"next":"scope","iteration":1}' }
  }
  const { next, iteration } = data as { next?: unknown; iteration?: unknown }
  if (typeof next !== 'string' && typeof next !== 'number')
    return { ok: false, reason: '"next" is missing (a number 1-15, an id or a title)' }
  const parsedNext = nextOnly(String(next), metas)
  if (!parsedNext.ok) return parsedNext
  if (iteration === undefined) return parsedNext
  if (typeof iteration !== 'number' || !Number.isSafeInteger(iteration) || iteration < 1) {
    return { ok: false, reason: '"iteration" must be a whole number of at least 1' }
  }
  return { ok: true, cursor: { next: parsedNext.cursor.next, iteration } }
}

function nextOnly(value: string, metas: readonly PerspectiveMeta[]): ParsedCursor {
  const meta = findPerspective(value, metas)
  if (!meta)
    return {
      ok: false,
      reason: `'${value}' is not a perspective (use a number 1-${metas.length}, an id or a title)`
    }
  return { ok: true, cursor: { next: meta.number, iteration: 1 } }
}
