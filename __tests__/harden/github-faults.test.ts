// The GitHub side under faults, against the fake REST API on 127.0.0.1: a request that never gets an
// answer is aborted (the time-out signal is injected: aborted when the server leaves the request
// hanging, so no test waits for real time), the run's budget for GitHub calls holds with a fake clock,
// an echoed token never reaches an error message, and the cursor survives malformed answers and a
// 404 after a successful read.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { createGitHubClient, GitHubTimeoutError } from '../../src/github/client.js'
import { recordingLogger } from '../../src/log.js'
import { advanceRotation, readRotation } from '../../src/cursor/rotation.js'
import { RepositoryVariableStore } from '../../src/cursor/stores.js'
import { FakeGitHub } from '../helpers/fake-github.js'
import { TOKENS } from '../helpers/secrets.js'

const TOKEN = TOKENS.ghs
const metas = PERSPECTIVES.map((p) => p.meta)

describe('GitHub calls under faults', () => {
  let github: FakeGitHub
  beforeEach(async () => {
    github = await new FakeGitHub().addToken(TOKEN, 'write').start()
    github.setVariable('o/r', 'CURSOR', '{"next":"security","iteration":41}')
  })
  afterEach(() => github.stop())

  /** A client whose clock moves only when it sleeps, and whose time-outs fire when the server hangs. */
  function client(extra: { budgetMs?: number; maxRetries?: number } = {}) {
    const logger = recordingLogger()
    let clock = 0
    let pending: { controller: AbortController; ms: number }[] = []
    github.onHang = () => {
      // The attempt's whole time-out elapses on the fake clock, then its signal fires.
      for (const { controller, ms } of pending) {
        clock += ms
        controller.abort(new DOMException('timed out', 'TimeoutError'))
      }
      pending = []
    }
    const octokit = createGitHubClient({
      token: TOKEN,
      apiUrl: github.url,
      logger,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms
      },
      timeoutSignal: (ms) => {
        const controller = new AbortController()
        pending.push({ controller, ms })
        return controller.signal
      },
      ...extra
    })
    return { octokit, logger, clock: () => clock }
  }

  const get = (octokit: ReturnType<typeof client>['octokit']) =>
    octokit.request('GET /repos/{owner}/{repo}/actions/variables/{name}', {
      owner: 'o',
      repo: 'r',
      name: 'CURSOR'
    })

  it('aborts a request that gets no answer, retries it, and says in the log what timed out', async () => {
    github.injectFault({ kind: 'hang', times: 1 })
    const { octokit, logger } = client()
    const response = await get(octokit)
    expect(response.data.value).toContain('security')
    expect(logger.messages('warning')).toEqual([
      'GitHub API GET /repos/{owner}/{repo}/actions/variables/{name}: no answer within 30000 ms, the request was aborted'
    ])
  })

  it('gives up with a time-out error when every attempt hangs, within the run budget', async () => {
    github.injectFault({ kind: 'hang', times: 100 })
    const { octokit, clock } = client({ budgetMs: 120_000 })
    const error = await get(octokit).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitHubTimeoutError)
    expect(String((error as Error).message)).toMatch(/no answer within \d+ ms/)
    expect(clock()).toBeLessThanOrEqual(120_000)
    expect(github.requests.length).toBeLessThanOrEqual(4)
  })

  it("shares one budget among all of a run's calls", async () => {
    github.injectFault({ kind: 'hang', times: 3 })
    const { octokit } = client({ budgetMs: 60_000, maxRetries: 0 })
    await expect(get(octokit)).rejects.toThrow(/no answer within 30000 ms/)
    await expect(get(octokit)).rejects.toThrow(/no answer within 30000 ms/)
    await expect(get(octokit)).rejects.toThrow(/budget for GitHub calls is spent/)
  })

  it('scrubs a token the server echoes back from the error message', async () => {
    github.injectFault({ kind: 'status', status: 401, echo: true, times: 1 })
    const { octokit, logger } = client()
    const error = (await get(octokit).catch((e: unknown) => e)) as Error
    expect(error.message).toContain('Bad credentials')
    expect(error.message).not.toContain(TOKEN)
    expect(logger.text()).not.toContain(TOKEN)
  })

  it.each(['malformed', 'not-json'] as const)(
    'a %s 200 from the variables API never replaces a valid cursor',
    async (kind) => {
      github.injectFault({ kind, method: 'GET', times: 1 })
      const { octokit, logger } = client()
      const store = new RepositoryVariableStore(octokit, 'o', 'r', 'CURSOR')
      const state = await readRotation({
        store,
        storeKind: 'variable',
        hints: { latestPerspective: 9, runNumber: 77, nextIteration: 41 },
        metas,
        logger
      })
      expect(state.source).toBe('fallback')
      expect(state.store).toBeNull()
      expect(state.cursor).toEqual({ next: 10, iteration: 41 })
      expect(github.calls().filter((c) => !c.startsWith('GET'))).toEqual([])
      expect(github.variable('o/r', 'CURSOR')?.value).toBe('{"next":"security","iteration":41}')
      expect(logger.messages('warning').join('\n')).toContain('could not be read')
    }
  )

  it('a 404 after a successful read keeps the last known cursor and warns', async () => {
    const { octokit, logger } = client()
    const store = new RepositoryVariableStore(octokit, 'o', 'r', 'CURSOR')
    const state = await readRotation({
      store,
      storeKind: 'variable',
      hints: { latestPerspective: null, runNumber: 5 },
      metas,
      logger
    })
    expect(state.cursor).toEqual({ next: 10, iteration: 41 })
    // The read back after the write answers 404: the written cursor is kept, with a warning.
    github.injectFault({ kind: 'status', status: 404, method: 'GET', times: 1 })
    const next = await advanceRotation(state, metas, logger)
    expect(next).toEqual({ next: 11, iteration: 42 })
    expect(github.variable('o/r', 'CURSOR')?.value).toBe('{"next":"test-coverage","iteration":42}')
    expect(state.warnings.join('\n')).toMatch(
      /HTTP 404 although it was read earlier in this run.*kept as the last known cursor/
    )
  })

  it('a missing variable restarts from the stored results, not from iteration 1', async () => {
    const { octokit, logger } = client()
    const store = new RepositoryVariableStore(octokit, 'o', 'r', 'MISSING')
    const state = await readRotation({
      store,
      storeKind: 'variable',
      hints: { latestPerspective: 3, runNumber: 90, nextIteration: 18 },
      metas,
      logger
    })
    expect(state.cursor).toEqual({ next: 4, iteration: 18 })
  })
})
