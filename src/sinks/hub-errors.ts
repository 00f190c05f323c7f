// Turning Hub failures into messages a user can act on, without ever repeating the token.
import { HubApiError } from '@huggingface/hub'
import { errorMessage } from '../util/errors.js'

export type HubErrorKind =
  'permission' | 'not-found' | 'rate-limited' | 'server' | 'network' | 'other'

export class HubError extends Error {
  constructor(
    message: string,
    readonly kind: HubErrorKind,
    readonly status: number | null
  ) {
    super(message)
    this.name = 'HubError'
  }
}

// Hugging Face user access tokens: `hf_` then letters and digits.
const TOKEN_PATTERN = /hf_[A-Za-z0-9]{6,}/g

/** Replaces the token (and anything shaped like a Hub token) with ***. */
export function scrubSecret(text: string, token: string | undefined): string {
  let out = text
  if (token && token.length >= 4) out = out.split(token).join('***')
  return out.replace(TOKEN_PATTERN, '***')
}

export function permissionMessage(dataset: string): string {
  return (
    `the token needs write access to the dataset ${dataset}: create a token with 'Write' role or a ` +
    `fine-grained token with write access to that repository, and save it as the HF_TOKEN secret ` +
    `(or set hf-dataset to a dataset under the token's own account)`
  )
}

export function statusOf(error: unknown): number | null {
  return error instanceof HubApiError ? error.statusCode : null
}

/** 429, 5xx, timeouts and network failures are worth another attempt; the rest are not. */
export function isTransientHubError(error: unknown): boolean {
  const status = statusOf(error)
  if (status !== null) return status === 429 || status === 408 || status >= 500
  if (error instanceof HubError) return false
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return true
  return (
    error instanceof Error &&
    /failed after \d+ attempt|no answer within|ECONNRESET|ECONNREFUSED|socket/i.test(error.message)
  )
}

/** What the Hub said, without the URL trailer the library appends (the URL is in our own text). */
function hubText(error: unknown): string {
  if (error instanceof HubApiError) {
    const data = error.data as { error?: unknown; message?: unknown } | undefined
    const said =
      typeof data?.error === 'string'
        ? data.error
        : typeof data?.message === 'string'
          ? data.message
          : ''
    return said || error.message
  }
  return errorMessage(error)
}

/** Any failure while `doing` something with `dataset`, as a HubError with a clean message. */
export function toHubError(
  error: unknown,
  doing: string,
  dataset: string,
  token: string | undefined
): HubError {
  if (error instanceof HubError)
    return new HubError(scrubSecret(error.message, token), error.kind, error.status)
  const status = statusOf(error)
  const said = scrubSecret(hubText(error), token)
  let message: string
  let kind: HubErrorKind
  if (status === 401 || status === 403) {
    kind = 'permission'
    message = `Hugging Face refused the request while ${doing} (HTTP ${status}: ${said}): ${permissionMessage(dataset)}.`
  } else if (status === 404) {
    kind = 'not-found'
    message = `Hugging Face answered 404 while ${doing} for ${dataset}: ${said}.`
  } else if (status === 429) {
    kind = 'rate-limited'
    message = `Hugging Face kept rate-limiting the requests while ${doing} (HTTP 429: ${said}); the retry budget ran out. The next run retries.`
  } else if (status !== null && status >= 500) {
    kind = 'server'
    message = `Hugging Face failed while ${doing} (HTTP ${status}: ${said}); the retry budget ran out. The next run retries.`
  } else if (status !== null) {
    kind = 'other'
    message = `Hugging Face rejected the request while ${doing} for ${dataset} (HTTP ${status}: ${said}).`
  } else {
    kind = isTransientHubError(error) ? 'network' : 'other'
    message = `Could not reach Hugging Face while ${doing} for ${dataset}: ${said}.`
  }
  return new HubError(scrubSecret(message, token), kind, status)
}
