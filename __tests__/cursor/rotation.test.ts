import { PERSPECTIVES } from '../../perspectives/index.js'
import { advanceRotation, readRotation, TOKEN_ADVICE } from '../../src/cursor/rotation.js'
import { CursorAccessError, type CursorStore } from '../../src/cursor/stores.js'
import { recordingLogger } from '../../src/log.js'

const metas = PERSPECTIVES.map((p) => p.meta)

/** An in-memory store; `fail` makes reads and/or writes throw like the API does. */
class MemoryStore implements CursorStore {
  readonly description = 'repository variable TEST_PLANNING_CURSOR'
  writes: string[] = []
  constructor(
    public value: string | null,
    private readonly fail: { read?: Error; write?: Error } = {}
  ) {}
  async read(): Promise<string | null> {
    if (this.fail.read) throw this.fail.read
    return this.value
  }
  async write(value: string): Promise<void> {
    if (this.fail.write) throw this.fail.write
    this.writes.push(value)
    this.value = value
  }
}

const noHints = { latestPerspective: null, runNumber: null }

describe('readRotation', () => {
  it('takes the stored cursor', async () => {
    const logger = recordingLogger()
    const state = await readRotation({
      store: new MemoryStore('{"next":"performance","iteration":9}'),
      storeKind: 'variable',
      hints: noHints,
      metas,
      logger
    })
    expect(state.cursor).toEqual({ next: 5, iteration: 9 })
    expect(state.source).toBe('variable')
    expect(state.warnings).toEqual([])
  })

  it('starts at 1 when the variable does not exist yet, and creates nothing before results are stored', async () => {
    const store = new MemoryStore(null)
    const logger = recordingLogger()
    const state = await readRotation({
      store,
      storeKind: 'variable',
      hints: noHints,
      metas,
      logger
    })
    expect(state.cursor).toEqual({ next: 1, iteration: 1 })
    expect(store.writes).toEqual([])
    expect(logger.messages('info').join()).toContain('does not exist yet')
  })

  it('falls back without a token: run number modulo 15, with the exact advice, never throwing', async () => {
    const logger = recordingLogger()
    const state = await readRotation({
      store: null,
      storeKind: 'variable',
      unavailable: 'No github-token was given',
      hints: { latestPerspective: null, runNumber: 17 },
      metas,
      logger
    })
    expect(state).toMatchObject({
      cursor: { next: 2, iteration: 17 },
      source: 'fallback',
      store: null
    })
    expect(state.warnings[0]).toContain(TOKEN_ADVICE)
    expect(logger.messages('warning')[0]).toContain('"Variables: read and write"')
  })

  it('falls back on 403 to the perspective after the latest stored result', async () => {
    const denied = new CursorAccessError(
      'reading repository variable X: HTTP 403 (Resource not accessible by integration)',
      403
    )
    const state = await readRotation({
      store: new MemoryStore('3', { read: denied }),
      storeKind: 'variable',
      hints: { latestPerspective: 15, runNumber: 40 },
      metas,
      logger: recordingLogger()
    })
    expect(state.cursor).toEqual({ next: 1, iteration: 40 })
    expect(state.warnings[0]).toMatch(
      /HTTP 403 .*This run took perspective 1 scope, derived from the perspective after the latest stored result/
    )
    expect(state.warnings[0]).toContain(TOKEN_ADVICE)
  })

  it('falls back on a server failure without blaming the token', async () => {
    const state = await readRotation({
      store: new MemoryStore('3', { read: new Error('reading X: HTTP 502') }),
      storeKind: 'variable',
      hints: { latestPerspective: null, runNumber: 3 },
      metas,
      logger: recordingLogger()
    })
    expect(state.source).toBe('fallback')
    expect(state.warnings[0]).not.toContain(TOKEN_ADVICE)
    expect(state.warnings[0]).toContain('The next run tries again')
  })

  it('reports a corrupt value by name and writes a valid replacement back at once', async () => {
    const store = new MemoryStore('{"next":"nonsense"}')
    const logger = recordingLogger()
    const state = await readRotation({
      store,
      storeKind: 'variable',
      hints: { latestPerspective: 4, runNumber: 12 },
      metas,
      logger
    })
    expect(state.cursor).toEqual({ next: 5, iteration: 12 })
    expect(store.writes).toEqual(['{"next":"performance","iteration":12}'])
    expect(logger.messages('warning')[0]).toContain(`bad value '{"next":"nonsense"}'`)
    expect(logger.messages('warning')[0]).toContain(
      'replaced by {"next":"performance","iteration":12}'
    )
  })

  it('still plans when the replacement cannot be written, and says why', async () => {
    const store = new MemoryStore('???', {
      write: new CursorAccessError('updating X: HTTP 403 (denied)', 403)
    })
    const state = await readRotation({
      store,
      storeKind: 'variable',
      hints: noHints,
      metas,
      logger: recordingLogger()
    })
    expect(state.cursor.next).toBe(1)
    expect(state.warnings[1]).toContain(TOKEN_ADVICE)
  })
})

describe('advanceRotation', () => {
  it('writes the next perspective and iteration', async () => {
    const store = new MemoryStore('{"next":"big-picture","iteration":30}')
    const state = await readRotation({
      store,
      storeKind: 'variable',
      hints: noHints,
      metas,
      logger: recordingLogger()
    })
    expect(await advanceRotation(state, metas, recordingLogger())).toEqual({
      next: 1,
      iteration: 31
    })
    expect(store.value).toBe('{"next":"scope","iteration":31}')
  })

  it('does nothing for a fallback cursor', async () => {
    const state = await readRotation({
      store: null,
      storeKind: 'variable',
      hints: noHints,
      metas,
      logger: recordingLogger()
    })
    expect(await advanceRotation(state, metas, recordingLogger())).toBeNull()
  })

  it('warns, and does not throw, when the write is refused', async () => {
    const store = new MemoryStore('2', {
      write: new CursorAccessError('updating X: HTTP 403 (denied)', 403)
    })
    const state = await readRotation({
      store,
      storeKind: 'variable',
      hints: noHints,
      metas,
      logger: recordingLogger()
    })
    const logger = recordingLogger()
    expect(await advanceRotation(state, metas, logger)).toBeNull()
    expect(logger.messages('warning')[0]).toContain('the next run takes the same perspective again')
    expect(state.warnings.at(-1)).toContain(TOKEN_ADVICE)
  })
})
