// The rotation: read the cursor from its store, fall back to a derived one when the store cannot be
// used (never failing the run for that), replace a corrupt value, and advance after results are stored.
import type { PerspectiveMeta } from '../../perspectives/types.js'
import type { Logger } from '../log.js'
import { errorMessage } from '../util/errors.js'
import { CursorAccessError, type CursorStore } from './stores.js'
import {
  FIRST_CURSOR,
  advance,
  following,
  formatCursor,
  parseCursor,
  type Cursor
} from './value.js'

/** What a user must do so the action can keep its rotation in a repository variable. */
export const TOKEN_ADVICE =
  'add a fine-grained token (or GitHub App token) with "Variables: read and write" on this repository as a secret and pass it as `github-token`'

export interface FallbackHints {
  /** Number of the perspective of the latest stored result (local folder or dataset), if any. */
  latestPerspective: number | null
  /** GITHUB_RUN_NUMBER, if any. */
  runNumber: number | null
  /** The iteration the rotation reached by the stored results (the next one), if known. */
  nextIteration?: number | null
}

export interface RotationState {
  /** What this run takes in rotation, and the iteration it records. */
  cursor: Cursor
  source: 'variable' | 'local' | 'fallback'
  /** Things the user should read (the log shows them as warnings, the summary near the top). */
  warnings: string[]
  /** Where the advanced cursor goes; null when the store cannot be used. */
  store: CursorStore | null
}

export interface ReadRotationOptions {
  /** The store, or null with the reason it is unavailable (e.g. no token). */
  store: CursorStore | null
  storeKind: 'variable' | 'local'
  unavailable?: string
  hints: FallbackHints
  metas: readonly PerspectiveMeta[]
  logger: Logger
}

function derive(
  hints: FallbackHints,
  count: number,
  useRunNumber: boolean
): { cursor: Cursor; how: string } {
  if (hints.latestPerspective !== null) {
    // The stored results know the counter: a lost or unreadable cursor does not restart it.
    const iteration = hints.nextIteration ?? (useRunNumber ? hints.runNumber : null) ?? 1
    return {
      cursor: { next: following(hints.latestPerspective, count), iteration },
      how: `the perspective after the latest stored result (${hints.latestPerspective})`
    }
  }
  if (useRunNumber && hints.runNumber !== null && hints.runNumber > 0) {
    return {
      cursor: { next: ((hints.runNumber - 1) % count) + 1, iteration: hints.runNumber },
      how: `the run number ${hints.runNumber}`
    }
  }
  return { cursor: { ...FIRST_CURSOR }, how: 'the start of the rotation' }
}

function shown(raw: string): string {
  const oneLine = raw.replace(/\s+/g, ' ').trim()
  return oneLine.length > 120 ? `${oneLine.slice(0, 120)}…` : oneLine
}

export async function readRotation(options: ReadRotationOptions): Promise<RotationState> {
  const { store, storeKind, hints, metas, logger } = options
  const count = metas.length
  const name = (n: number): string => `${n} ${metas.find((m) => m.number === n)?.id ?? '?'}`
  const fallback = (why: string, advice: boolean): RotationState => {
    const { cursor, how } = derive(hints, count, true)
    const warning =
      `${why}. This run took perspective ${name(cursor.next)}, derived from ${how}; the rotation is not kept.` +
      (advice ? ` To keep it, ${TOKEN_ADVICE}.` : ' The next run tries again.')
    logger.warning(warning)
    return { cursor, source: 'fallback', warnings: [warning], store: null }
  }
  if (!store) return fallback(options.unavailable ?? 'The rotation cursor has no store', true)

  let raw: string | null
  try {
    raw = await store.read()
  } catch (error) {
    if (error instanceof CursorAccessError)
      return fallback(`The rotation cursor could not be read (${error.message})`, true)
    return fallback(`The rotation cursor could not be read (${errorMessage(error)})`, false)
  }
  if (raw === null) {
    const { cursor, how } = derive(hints, count, false)
    logger.info(
      `The ${store.description} does not exist yet; starting at perspective ${name(cursor.next)} (${how}). It is created when this run's results are stored.`
    )
    return { cursor, source: storeKind, warnings: [], store }
  }
  const parsed = parseCursor(raw, metas)
  if (parsed.ok) {
    logger.info(
      `Cursor from ${store.description}: ${raw.trim()} -> perspective ${name(parsed.cursor.next)}, iteration ${parsed.cursor.iteration}`
    )
    return { cursor: parsed.cursor, source: storeKind, warnings: [], store }
  }
  const { cursor, how } = derive(hints, count, storeKind === 'variable')
  const replacement = formatCursor(cursor, metas)
  const warnings = [
    `The ${store.description} has a bad value '${shown(raw)}': ${parsed.reason}. It was replaced by ${replacement} (${how}). ` +
      `A valid value looks like {"next":"scope","iteration":1}; "next" takes a number 1-${count}, an id or a title.`
  ]
  try {
    await store.write(replacement)
  } catch (error) {
    warnings.push(
      `The replacement could not be written to the ${store.description} (${errorMessage(error)})` +
        (error instanceof CursorAccessError ? `; ${TOKEN_ADVICE}.` : '.')
    )
  }
  for (const w of warnings) logger.warning(w)
  return { cursor, source: storeKind, warnings, store }
}

/**
 * Moves the cursor past the perspective this run took. Call only after the results are stored
 * everywhere they were meant to go. Returns the new cursor, or null (with a warning) when it could not.
 */
export async function advanceRotation(
  state: RotationState,
  metas: readonly PerspectiveMeta[],
  logger: Logger
): Promise<Cursor | null> {
  if (!state.store) return null
  const next = advance(state.cursor, metas.length)
  const value = formatCursor(next, metas)
  try {
    await state.store.write(value)
    logger.info(`Cursor advanced in ${state.store.description}: ${value}`)
  } catch (error) {
    const warning =
      `The cursor could not be advanced in the ${state.store.description} (${errorMessage(error)}); the next run takes the same perspective again.` +
      (error instanceof CursorAccessError ? ` To fix it, ${TOKEN_ADVICE}.` : '')
    state.warnings.push(warning)
    logger.warning(warning)
    return null
  }
  await readBack(state, value, metas, logger)
  return next
}

/** Write, then read back: a store that answers something else (or nothing) is reported; the value written is kept as the last known cursor. */
async function readBack(
  state: RotationState,
  written: string,
  metas: readonly PerspectiveMeta[],
  logger: Logger
): Promise<void> {
  if (!state.store) return
  let problem: string | null = null
  try {
    const back = await state.store.read()
    if (back === null) problem = 'it answered that the value does not exist'
    else {
      const parsed = parseCursor(back, metas)
      if (!parsed.ok || formatCursor(parsed.cursor, metas) !== written)
        problem = `it answered '${shown(back)}'`
    }
  } catch (error) {
    problem = `reading it back failed (${errorMessage(error)})`
  }
  if (problem === null) return
  const warning = `The cursor ${written} was written to the ${state.store.description}, but ${problem}; ${written} is kept as the last known cursor. If the next run starts elsewhere, set the variable to ${written}.`
  state.warnings.push(warning)
  logger.warning(warning)
}
