// The one place that builds the GitHub REST client: explicit API address (GITHUB_API_URL on GHES),
// a user agent with our version, a time-out that aborts every request (AbortSignal), a bounded retry
// with backoff for 429, 5xx, time-outs and secondary rate limits, and one time budget for all of a
// run's GitHub calls (as the Hugging Face side has). Permission errors pass through so callers can say
// which permission is missing; every error message is scrubbed of the token and of known secrets.
import { getOctokit } from '@actions/github'
import type { Logger } from '../log.js'
import { redactText } from '../util/redact.js'
import { TOOL_NAME, TOOL_VERSION } from '../pipeline/version.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface GitHubClientOptions {
  token: string
  /** e.g. https://api.github.com or https://ghe.example.com/api/v3 */
  apiUrl: string
  logger: Logger
  timeoutMs?: number
  /** Retries after the first attempt. */
  maxRetries?: number
  /** First backoff delay; doubles each retry. */
  baseDelayMs?: number
  /** A server asking for a longer wait than this is not retried. */
  maxDelayMs?: number
  sleep?: (ms: number) => Promise<void>
  /** Time allowed for all calls of this client together, waits included (default 120 s). */
  budgetMs?: number
  /** Injectable clock and per-attempt time-out signal: tests never wait for real time. */
  now?: () => number
  timeoutSignal?: (ms: number) => AbortSignal
}

/** A call that got no answer in time, or that the run's GitHub budget could not fit. */
export class GitHubTimeoutError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GitHubTimeoutError'
  }
}

export const DEFAULT_API_URL = 'https://api.github.com'

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

interface ErrorLike {
  status?: number
  name?: string
  response?: { headers?: Record<string, string | number | undefined> }
}

/** The wait a response asks for (Retry-After seconds, or the rate-limit reset time), if any. */
export function requestedDelayMs(error: unknown, now: number = Date.now()): number | null {
  const headers = (error as ErrorLike)?.response?.headers ?? {}
  const retryAfter = headers['retry-after']
  if (retryAfter !== undefined && /^\d+$/.test(String(retryAfter))) return Number(retryAfter) * 1000
  if (
    String(headers['x-ratelimit-remaining']) === '0' &&
    headers['x-ratelimit-reset'] !== undefined
  ) {
    const reset = Number(headers['x-ratelimit-reset']) * 1000
    if (Number.isFinite(reset)) return Math.max(0, reset - now)
  }
  return null
}

/** 429, 5xx (octokit reports timeouts and network failures as 500), and 403 rate limits. */
export function isRetryable(error: unknown): boolean {
  const status = (error as ErrorLike)?.status
  if (status === 429 || (typeof status === 'number' && status >= 500)) return true
  if (status === 403) {
    const headers = (error as ErrorLike).response?.headers ?? {}
    return headers['retry-after'] !== undefined || String(headers['x-ratelimit-remaining']) === '0'
  }
  return false
}

/** The error with the token and known secrets taken out of its message (the server may echo what it got). */
function scrubbed(error: unknown, token: string): unknown {
  if (error instanceof Error) {
    const clean = redactText(
      token.length >= 4 ? error.message.split(token).join('***') : error.message
    )
    if (clean !== error.message) {
      try {
        error.message = clean
      } catch {
        return new Error(clean)
      }
    }
  }
  return error
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const timeoutMs = options.timeoutMs ?? 30_000
  const maxRetries = options.maxRetries ?? 3
  const baseDelayMs = options.baseDelayMs ?? 1_000
  const maxDelayMs = options.maxDelayMs ?? 20_000
  const sleep = options.sleep ?? defaultSleep
  const now = options.now ?? Date.now
  const timeoutSignal = options.timeoutSignal ?? ((ms: number) => AbortSignal.timeout(ms))
  const budgetMs = options.budgetMs ?? 120_000
  let deadline: number | null = null
  const { logger } = options
  const octokit = getOctokit(options.token, {
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: `${TOOL_NAME}/${TOOL_VERSION}`,
    log: {
      debug: (m: string) => logger.debug(m),
      info: (m: string) => logger.debug(m),
      warn: (m: string) => logger.warning(m),
      error: (m: string) => logger.debug(m)
    }
  })
  octokit.hook.wrap('request', async (request, endpoint) => {
    // The budget starts with the run's first GitHub call and covers every later one.
    deadline ??= now() + budgetMs
    const call = `GitHub API ${endpoint.method} ${String(endpoint.url).split('?')[0]}`
    const base = { ...endpoint.request }
    for (let attempt = 0; ; attempt++) {
      const left = deadline - now()
      if (left <= 0)
        throw new GitHubTimeoutError(
          `${call}: the ${budgetMs / 1000} s budget for GitHub calls is spent`
        )
      const attemptMs = Math.min(timeoutMs, left)
      // A fresh signal per attempt: a timed-out attempt must not cancel its retry. The options object
      // is changed in place: hooks further in receive the object bound at the start, not a new one.
      const signal = timeoutSignal(attemptMs)
      endpoint.request = { ...base, signal }
      let failure: unknown
      try {
        return await request(endpoint)
      } catch (error) {
        failure = scrubbed(error, options.token)
      }
      const timedOut = signal.aborted
      const what = timedOut
        ? `no answer within ${attemptMs} ms`
        : `HTTP ${statusOf(failure) ?? '?'}`
      if (timedOut) logger.warning(`${call}: ${what}, the request was aborted`)
      const giveUp = (why: string): never => {
        if (timedOut) throw new GitHubTimeoutError(`${call}: ${what}${why}`)
        throw failure
      }
      if (!isRetryable(failure) && !timedOut) throw failure
      if (attempt >= maxRetries) giveUp(` (after ${attempt + 1} attempts)`)
      const asked = requestedDelayMs(failure, now())
      if (asked !== null && asked > maxDelayMs) giveUp('')
      const delay = asked ?? Math.min(maxDelayMs, baseDelayMs * 2 ** attempt)
      if (delay >= deadline - now())
        giveUp(`; no retry fits in the ${budgetMs / 1000} s budget for GitHub calls`)
      logger.info(
        `${call}: ${what}; retry ${attempt + 1} of ${maxRetries} in ${Math.round(delay / 100) / 10} s`
      )
      await sleep(delay)
    }
  })
  return octokit
}

/** The HTTP status of a failed request, if it had one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as ErrorLike)?.status
  return typeof status === 'number' ? status : undefined
}
