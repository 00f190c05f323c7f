// What every call to @huggingface/hub needs, made once: the dataset designation, the endpoint
// (HF_ENDPOINT or an input), the token, and a fetch with timeouts and bounded retries.
import { downloadFile } from '@huggingface/hub'
import { createRetryingFetch, type RetryPolicy } from '../net/retry.js'
import { ConfigurationError } from '../util/errors.js'
import { scrubSecret } from './hub-errors.js'

export const DEFAULT_ENDPOINT = 'https://huggingface.co'
export const DEFAULT_DATASET_SUFFIX = 'autocoder-test-planning-results'

export interface HubLogger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export const silentLogger: HubLogger = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined
}

/** Options shared by the writer and the history reader. */
export interface HubConnectionOptions {
  /** Hub address; default https://huggingface.co (the caller passes HF_ENDPOINT or the input). */
  endpoint?: string
  /** Time allowed for one request (default 30 s). */
  timeoutMs?: number
  /** Time allowed for the whole operation, retries included (default 120 s). */
  retryBudgetMs?: number
  /** Backoff tuning and an injectable sleep (tests); the defaults suit the real Hub. */
  retryPolicy?: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'maxAttempts' | 'sleep'>
  logger?: HubLogger
  /** The fetch underneath the retry layer (default: the global one). */
  fetch?: typeof fetch
}

export interface HubContext {
  repo: { type: 'dataset'; name: string }
  hubUrl: string
  accessToken: string | undefined
  fetch: typeof fetch
  logger: HubLogger
  /** When the whole operation must be over (epoch ms). */
  deadline: number
  policy: RetryPolicy
}

/** `{HF_USERNAME or "autocoder"}/autocoder-test-planning-results` (BRIEF section 6). */
export function defaultDatasetName(env: Record<string, string | undefined>): string {
  const user = env.HF_USERNAME?.trim() || 'autocoder'
  return `${user}/${DEFAULT_DATASET_SUFFIX}`
}

/** The endpoint to use: an explicit input, else HF_ENDPOINT, else huggingface.co. */
export function resolveEndpoint(
  input: string | undefined,
  env: Record<string, string | undefined>
): string {
  return normaliseEndpoint(input?.trim() || env.HF_ENDPOINT?.trim() || DEFAULT_ENDPOINT)
}

export function normaliseEndpoint(endpoint: string): string {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw new ConfigurationError(
      `hf-endpoint "${scrubSecret(endpoint, undefined)}" is not a URL; use an address such as ${DEFAULT_ENDPOINT}`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(
      `hf-endpoint "${scrubSecret(endpoint, undefined)}" must be an http(s) address such as ${DEFAULT_ENDPOINT}`
    )
  }
  if (url.username || url.password)
    throw new ConfigurationError(
      'hf-endpoint must not carry credentials; pass the token as HF_TOKEN'
    )
  return url.toString().replace(/\/+$/, '')
}

// The Hub's rule for repository names: letters, digits, '-', '_', '.'; no '--' or '..'; at most 96.
const NAME_PART = /^(?!.*(--|\.\.))[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/

export function validateDatasetName(dataset: string): string {
  const parts = dataset.trim().split('/')
  if (
    parts.length !== 2 ||
    !parts.every((p) => NAME_PART.test(p) && !p.endsWith('.') && !p.endsWith('-'))
  ) {
    throw new ConfigurationError(
      `hf-dataset "${dataset}" is not a dataset name: use owner/name (letters, digits, '-', '_', '.'), ` +
        `for example my-user/${DEFAULT_DATASET_SUFFIX}`
    )
  }
  return parts.join('/')
}

export function validateToken(token: string | undefined): string | undefined {
  if (token === undefined || token === '') return undefined
  // @huggingface/hub refuses other tokens with a TypeError; say it in the user's terms instead.
  if (!token.startsWith('hf_')) {
    throw new ConfigurationError(
      'HF_TOKEN does not look like a Hugging Face access token (they start with "hf_"); create one at https://huggingface.co/settings/tokens'
    )
  }
  return token
}

/** A logger that never repeats the token, whatever a message carries. */
export function scrubbingLogger(logger: HubLogger, token: string | undefined): HubLogger {
  return {
    info: (m) => logger.info(scrubSecret(m, token)),
    warning: (m) => logger.warning(scrubSecret(m, token)),
    debug: (m) => logger.debug(scrubSecret(m, token))
  }
}

export function connect(
  dataset: string,
  token: string | undefined,
  options: HubConnectionOptions,
  noRetry?: (method: string, url: URL) => boolean
): HubContext {
  const logger = scrubbingLogger(options.logger ?? silentLogger, token)
  const deadline = Date.now() + (options.retryBudgetMs ?? 120_000)
  const policy: RetryPolicy = {
    ...options.retryPolicy,
    timeoutMs: options.timeoutMs ?? 30_000,
    budgetMs: options.retryBudgetMs ?? 120_000,
    deadline,
    onRetry: (info) =>
      logger.warning(
        `${info.target ?? 'Hugging Face request'}: ${info.reason}; retry ${info.attempt} in ${info.delayMs} ms`
      )
  }
  return {
    repo: { type: 'dataset', name: validateDatasetName(dataset) },
    hubUrl: normaliseEndpoint(options.endpoint ?? DEFAULT_ENDPOINT),
    accessToken: validateToken(token),
    fetch: createRetryingFetch({ ...policy, fetch: options.fetch, noRetry }),
    logger,
    deadline,
    policy
  }
}

/** The parameters every @huggingface/hub call takes. */
export function libParams(ctx: HubContext): {
  repo: HubContext['repo']
  hubUrl: string
  fetch: typeof fetch
  accessToken?: string
} {
  return {
    repo: ctx.repo,
    hubUrl: ctx.hubUrl,
    fetch: ctx.fetch,
    ...(ctx.accessToken ? { accessToken: ctx.accessToken } : {})
  }
}

/** A file's text at the head of main, or null when it does not exist. */
export async function readText(ctx: HubContext, path: string): Promise<string | null> {
  // xet: false — our files are small regular files; should one ever be xet-backed, the resolve URL
  // (which redirects to the CDN) still serves it.
  const blob = await downloadFile({ ...libParams(ctx), path, xet: false })
  return blob ? blob.text() : null
}
