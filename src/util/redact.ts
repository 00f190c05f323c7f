// One redaction pass for every text that leaves a run (findings, specs, summary, terminal report,
// records, dataset card, log lines, error messages). Known token formats, and the security
// perspective's entropy rule for values given to secret-like names, are replaced by a short prefix
// and the length: `ghp_***[redacted 40 chars]`, so a finding stays useful and no secret is published.
// Tokens the run was given (github-token, hf-token) are registered and replaced wherever they appear.
import { SECRET_NAME, looksRandom } from './secret-shape.js'

/** A known format: the pattern and how many leading characters may stay visible. */
interface TokenFormat {
  kind: string
  pattern: RegExp
  keep: number
}

const FORMATS: TokenFormat[] = [
  { kind: 'GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,}/g, keep: 11 },
  { kind: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}/g, keep: 4 },
  {
    kind: 'AWS access key id',
    pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}\b/g,
    keep: 4
  },
  { kind: 'Slack token', pattern: /\bxox[abposrce]-[A-Za-z0-9-]{10,}/g, keep: 5 },
  {
    kind: 'Slack webhook',
    pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9_/]{20,}/g,
    keep: 32
  },
  { kind: 'Stripe live key', pattern: /\b[sr]k_live_[0-9a-zA-Z]{16,}/g, keep: 8 },
  { kind: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}/g, keep: 4 },
  { kind: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}/g, keep: 4 },
  { kind: 'Hugging Face token', pattern: /\bhf_[A-Za-z0-9]{30,}/g, keep: 3 },
  { kind: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, keep: 3 }
]

/** A whole PEM private key block, and one cut short (a snippet keeps six lines). */
const PEM_BLOCK =
  /(-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----)([^"'`]*?)(-----END \2PRIVATE KEY(?: BLOCK)?-----)/g
const PEM_OPEN =
  /(-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)((?:[A-Za-z0-9+/=:,\t \r\n-]|\\[nrt])+)/g
/** scheme://user:password@host keeps the user and the host. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/"'`<>]+):([^\s@/"'`<>]+)@/gi
/** AWS secret access keys given to their usual names. */
const AWS_SECRET =
  /(aws_?secret_?(?:access_?)?key|secret_?access_?key)(\\?["']?\s*[:=]\s*\\?["']?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi
/** `Authorization: Bearer <random>` and `token <random>` headers. */
const BEARER = /\b(Bearer|token|Basic)(\s+)([A-Za-z0-9._~+/-]{20,}=*)/g
/** name <op> 'value' (a string literal, as the security perspective reads it): the entropy rule decides. */
const ASSIGNMENT =
  /([A-Za-z_$][\w$-]*)(\\?["']?\]?\s*(?::|=|\?\?|\|\||\bor\b)\s*\\?["'`])([^"'`\s\\]+)(?=\\?["'`])/g

const MIN_SECRET_LENGTH = 16
const MIN_SECRET_ENTROPY = 3.5
const MIN_REGISTERED_LENGTH = 6

const registered = new Set<string>()

/** A secret the run was given (a token input): replaced wherever it appears from now on. */
export function registerSecret(value: string | null | undefined): void {
  const secret = value?.trim()
  if (secret && secret.length >= MIN_REGISTERED_LENGTH) registered.add(secret)
}

/** For tests: forget the registered secrets. */
export function clearRegisteredSecrets(): void {
  registered.clear()
}

/** The visible part of a redacted secret. */
export function redacted(secret: string, keep = 4): string {
  const head = secret.slice(0, Math.min(keep, Math.floor(secret.length / 3)))
  return `${head}***[redacted ${secret.length} chars]`
}

/** Whether a name (variable, key, environment variable) is one that holds secrets. */
export function isSecretName(name: string): boolean {
  return (
    SECRET_NAME.test(name) ||
    /^(?:AWS_SECRET|GITHUB_TOKEN|GH_TOKEN|HF_TOKEN|NPM_TOKEN|NODE_AUTH_TOKEN)/i.test(name)
  )
}

/** The text with every secret it holds replaced by its prefix and length. Idempotent. */
export function redactText(text: string): string {
  if (text.length === 0) return text
  let out = text
  for (const secret of registered)
    if (out.includes(secret)) out = out.split(secret).join(redacted(secret, 0))
  out = out.replace(
    PEM_BLOCK,
    (_m, open: string, _type: string, body: string, close: string) =>
      `${open}${redacted(body, 0)}${close}`
  )
  out = out.replace(PEM_OPEN, (_m, open: string, body: string) =>
    body.trim().length < 8 ? `${open}${body}` : `${open}${redacted(body, 0)}`
  )
  for (const { pattern, keep } of FORMATS) out = out.replace(pattern, (m) => redacted(m, keep))
  out = out.replace(URL_PASSWORD, (m, head: string, password: string) =>
    password.startsWith('***') ? m : `${head}:***@`
  )
  out = out.replace(
    AWS_SECRET,
    (_m, name: string, op: string, value: string) => `${name}${op}${redacted(value)}`
  )
  out = out.replace(BEARER, (m, word: string, space: string, value: string) =>
    looksRandom(value, MIN_SECRET_LENGTH, MIN_SECRET_ENTROPY)
      ? `${word}${space}${redacted(value)}`
      : m
  )
  out = out.replace(ASSIGNMENT, (m, name: string, op: string, value: string) =>
    isSecretName(name) && looksRandom(value, MIN_SECRET_LENGTH, MIN_SECRET_ENTROPY)
      ? `${name}${op}${redacted(value)}`
      : m
  )
  return out
}

/** Every string in a JSON-like value redacted (plain objects and arrays are copied, the rest kept). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v)) as T
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value as Record<string, unknown>))
      out[key] = redactDeep(v)
    return out as T
  }
  return value
}

/** The kinds of known secret found in a text (for tests and for the fault suite's leak check). */
export function secretKinds(text: string): string[] {
  const kinds: string[] = []
  for (const { kind, pattern } of FORMATS) {
    pattern.lastIndex = 0
    if (pattern.test(text)) kinds.push(kind)
    pattern.lastIndex = 0
  }
  return kinds
}
