// Bounded retries for external calls (BRIEF section 7): a per-attempt timeout, exponential backoff
// with jitter for 429, 5xx and network errors, Retry-After honoured, all inside one total time budget.
// `createRetryingFetch` wraps a fetch (for libraries that accept one, like @huggingface/hub);
// `withRetry` wraps any async operation.

export interface RetryPolicy {
  /** Total time allowed for all attempts and waits together (default 60 s). */
  budgetMs?: number
  /** An absolute end (epoch ms) shared by several calls; the earlier of this and the budget wins. */
  deadline?: number
  /** Time allowed for one attempt (default 30 s). */
  timeoutMs?: number
  /** Attempts in all, the first included (default 5). */
  maxAttempts?: number
  /** First backoff (default 500 ms), doubled each retry up to maxDelayMs (default 8 s). */
  baseDelayMs?: number
  maxDelayMs?: number
  /** Injectable clock, sleep and randomness: tests never wait for real backoff. */
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  /** Told about each retry before its wait (for a progress log line). */
  onRetry?: (info: RetryInfo) => void
}

export interface RetryInfo {
  attempt: number
  delayMs: number
  reason: string
  /** For fetch retries: the method and the URL without its query string. */
  target?: string
}

const DEFAULTS = {
  budgetMs: 60_000,
  timeoutMs: 30_000,
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599)
}

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return null
  return Math.max(0, date - nowMs)
}

/** Full jitter: a random wait between half and all of the exponential step. */
export function backoffDelay(attempt: number, policy: RetryPolicy = {}): number {
  const base = policy.baseDelayMs ?? DEFAULTS.baseDelayMs
  const max = policy.maxDelayMs ?? DEFAULTS.maxDelayMs
  const step = Math.min(max, base * 2 ** Math.max(0, attempt - 1))
  const random = policy.random ?? Math.random
  return Math.round(step / 2 + (step / 2) * random())
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

class Deadline {
  private readonly start: number
  constructor(
    private readonly policy: RetryPolicy,
    private readonly now: () => number
  ) {
    this.start = now()
  }
  remaining(): number {
    const now = this.now()
    const byBudget = (this.policy.budgetMs ?? DEFAULTS.budgetMs) - (now - this.start)
    return this.policy.deadline === undefined
      ? byBudget
      : Math.min(byBudget, this.policy.deadline - now)
  }
}

/** The decision for one failed attempt: retry after `delayMs`, or give up. */
type Verdict = { retry: true; delayMs: number; reason: string } | { retry: false }

function decide(
  attempt: number,
  policy: RetryPolicy,
  deadline: Deadline,
  reason: string,
  retryAfterMs: number | null
): Verdict {
  if (attempt >= (policy.maxAttempts ?? DEFAULTS.maxAttempts)) return { retry: false }
  const delayMs = Math.max(backoffDelay(attempt, policy), retryAfterMs ?? 0)
  // A wait that would leave no time for the next attempt is not worth taking.
  if (delayMs >= deadline.remaining()) return { retry: false }
  return { retry: true, delayMs, reason }
}

export interface WithRetryOptions<T> extends RetryPolicy {
  /** Whether a thrown error is worth another attempt; the default retries nothing. */
  isRetryable?: (error: unknown) => boolean
  /** A wait the failure asked for (for example an error carrying Retry-After). */
  retryAfterMs?: (error: unknown) => number | null
  /**
   * Asked before each retry: return a value to finish with it instead of retrying
   * (for example "the commit did land after all"), or undefined to go on.
   */
  beforeRetry?: (error: unknown) => Promise<T | undefined>
}

/** Runs `operation` until it succeeds, fails for good, or the budget is spent (then the last error is thrown). */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: WithRetryOptions<T> = {}
): Promise<T> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? realSleep
  const deadline = new Deadline(options, now)
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt)
    } catch (error) {
      if (!(options.isRetryable?.(error) ?? false)) throw error
      const verdict = decide(
        attempt,
        options,
        deadline,
        describe(error),
        options.retryAfterMs?.(error) ?? null
      )
      if (!verdict.retry) throw error
      options.onRetry?.({ attempt, delayMs: verdict.delayMs, reason: verdict.reason })
      await sleep(verdict.delayMs)
      const settled = await options.beforeRetry?.(error)
      if (settled !== undefined) return settled
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

export interface RetryingFetchOptions extends RetryPolicy {
  /** The fetch to wrap (default: the global one). */
  fetch?: typeof fetch
  /** Requests that must not be repeated by this layer (the caller retries them with its own checks). */
  noRetry?: (method: string, url: URL) => boolean
}

/** Method and URL without query string or credentials, for log lines. */
export function describeRequest(method: string, url: URL): string {
  return `${method} ${url.origin}${url.pathname}`
}

/**
 * A fetch with a timeout per attempt and bounded retries. A response with a retryable status is
 * returned as is once retries are exhausted, so the caller still sees the server's error.
 */
export function createRetryingFetch(options: RetryingFetchOptions = {}): typeof fetch {
  const inner = options.fetch ?? globalThis.fetch
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? realSleep
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs

  return async function retryingFetch(
    input: string | URL | Request,
    init?: RequestInit
  ): Promise<Response> {
    const request = input instanceof Request ? input : null
    const url = new URL(request ? request.url : input.toString())
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase()
    const body = init?.body
    // A streamed body can be sent once only.
    const replayable = !(body instanceof ReadableStream) && !(request && request.body)
    const retryAllowed = replayable && !(options.noRetry?.(method, url) ?? false)
    const deadline = new Deadline(options, now)

    for (let attempt = 1; ; attempt++) {
      const callerSignal = init?.signal ?? request?.signal ?? undefined
      const attemptMs = Math.max(1, Math.min(timeoutMs, deadline.remaining()))
      const timeout = AbortSignal.timeout(attemptMs)
      const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout
      let verdict: Verdict
      try {
        const response = await inner(request ? request.clone() : input, { ...init, signal })
        if (!retryAllowed || !isRetryableStatus(response.status)) return response
        verdict = decide(
          attempt,
          options,
          deadline,
          `HTTP ${response.status}`,
          parseRetryAfter(response.headers.get('retry-after'), now())
        )
        if (!verdict.retry) return response
        // Free the connection before waiting.
        await response.body?.cancel().catch(() => undefined)
      } catch (error) {
        // The caller's own abort is final; a timeout or a network failure is retried.
        if (callerSignal?.aborted) throw error
        const reason = timeout.aborted ? `no answer within ${attemptMs} ms` : networkReason(error)
        if (!retryAllowed)
          throw timeout.aborted ? new Error(`${describeRequest(method, url)}: ${reason}`) : error
        verdict = decide(attempt, options, deadline, reason, null)
        if (!verdict.retry)
          throw new Error(
            `${describeRequest(method, url)} failed after ${attempt} attempt(s): ${reason}`
          )
      }
      options.onRetry?.({
        attempt,
        delayMs: verdict.delayMs,
        reason: verdict.reason,
        target: describeRequest(method, url)
      })
      await sleep(verdict.delayMs)
    }
  }
}

function networkReason(error: unknown): string {
  const message = describe(error)
  const cause =
    error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${message}${cause}`
}
