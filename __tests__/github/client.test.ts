import { createGitHubClient, isRetryable, requestedDelayMs } from '../../src/github/client.js'
import { recordingLogger } from '../../src/log.js'
import { TOOL_VERSION } from '../../src/pipeline/version.js'
import { FakeGitHub } from '../helpers/fake-github.js'

describe('GitHub client', () => {
  let github: FakeGitHub
  beforeEach(async () => {
    github = await new FakeGitHub().addToken('good', 'write').addToken('weak', 'none').start()
    github.setVariable('o/r', 'CURSOR', '3')
  })
  afterEach(() => github.stop())

  function client(token: string, sleeps: number[] = [], maxRetries = 3) {
    const logger = recordingLogger()
    const octokit = createGitHubClient({
      token,
      apiUrl: `${github.url}/`,
      logger,
      maxRetries,
      sleep: async (ms) => {
        sleeps.push(ms)
      }
    })
    return { octokit, logger }
  }

  const get = (octokit: ReturnType<typeof client>['octokit']) =>
    octokit.request('GET /repos/{owner}/{repo}/actions/variables/{name}', {
      owner: 'o',
      repo: 'r',
      name: 'CURSOR'
    })

  it('talks to the API address it is given, with our user agent and the token', async () => {
    const { octokit } = client('good')
    const response = await get(octokit)
    expect(response.data.value).toBe('3')
    expect(github.requests[0].userAgent).toContain(`test-planning/${TOOL_VERSION}`)
    expect(github.requests[0].authorization).toBe('token good')
  })

  it('retries 502s with doubling backoff, then succeeds', async () => {
    github.failNext(2, 502)
    const sleeps: number[] = []
    const { octokit, logger } = client('good', sleeps)
    const response = await get(octokit)
    expect(response.status).toBe(200)
    expect(github.requests).toHaveLength(3)
    expect(sleeps).toEqual([1000, 2000])
    expect(logger.messages('info').join('\n')).toMatch(/HTTP 502; retry 1 of 3/)
  })

  it('gives up after the bounded number of retries', async () => {
    github.failNext(10, 503)
    const sleeps: number[] = []
    const { octokit } = client('good', sleeps, 2)
    await expect(get(octokit)).rejects.toMatchObject({ status: 503 })
    expect(github.requests).toHaveLength(3)
    expect(sleeps).toHaveLength(2)
  })

  it('does not retry a permission error', async () => {
    const sleeps: number[] = []
    const { octokit } = client('weak', sleeps)
    await expect(get(octokit)).rejects.toMatchObject({ status: 403 })
    expect(github.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('retries rate limits when the server says how long to wait, not when the wait is too long', () => {
    const limited = {
      status: 403,
      response: { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '100' } }
    }
    expect(isRetryable(limited)).toBe(true)
    expect(requestedDelayMs(limited, 90_000)).toBe(10_000)
    expect(requestedDelayMs({ status: 429, response: { headers: { 'retry-after': '7' } } })).toBe(
      7000
    )
    expect(isRetryable({ status: 403, response: { headers: {} } })).toBe(false)
    expect(isRetryable({ status: 404 })).toBe(false)
  })
})
