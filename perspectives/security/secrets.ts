// Hard-coded secrets among the model's string literals: known token formats, and long random-looking
// literals (Shannon entropy) given to names like secret/token/password/apiKey. The secret itself is
// never reported: the message carries its first four characters and stars, and the evidence quotes the
// line only up to the fourth character of the secret, then `…`.
import type { ModuleModel, StringLiteral } from '../../src/model/types.js'
import { functionLabel, type CheckContext, type Draft } from './context.js'
import { CWE } from './messages.js'
import { entropy, mask } from './text.js'
import { looksRandom, PLACEHOLDER, SECRET_NAME } from '../../src/util/secret-shape.js'

const FORMATS: [RegExp, string][] = [
  [
    /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/,
    'private key'
  ],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'AWS access key id'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b/, 'GitHub token'],
  [/\bgithub_pat_[A-Za-z0-9_]{22,}\b/, 'GitHub fine-grained token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, 'Slack token'],
  [
    /https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9_]+\/B[A-Za-z0-9_]+\/[A-Za-z0-9_]+/,
    'Slack webhook URL'
  ],
  [/\b[sr]k_live_[0-9a-zA-Z]{20,}\b/, 'Stripe live key'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'Google API key'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'npm token']
]

/** The name a literal is given on its line: `const apiKey = '...'`, `token: '...'`, `password="..."`. */
function nameBefore(line: string, column: number): string | undefined {
  const before = line.slice(0, Math.max(0, column - 1))
  return /([A-Za-z_$][\w$]*)['"]?\]?\s*(?::|=|\?\?|\|\||or)\s*$/.exec(before)?.[1]
}

/**
 * A regular expression's source (`[-!#$%&'*+.^_|~0-9a-zA-Z]+`, `\\d{4}-\\w+`): a character class with a
 * range or a class escape, followed by a quantifier. Random keys (base64, hex, URL-safe) never hold a
 * bracketed class with a quantifier after it. h11 names its RFC 7230 tchar pattern `token` (judged false).
 */
function regexSource(value: string): boolean {
  return (
    /\[(?:[^\]\\]|\\.)*(?:\w-\w|\\[dwsDWS])(?:[^\]\\]|\\.)*\][+*?{]/.test(value) ||
    /\\[dwsDWS][+*?{]/.test(value)
  )
}

/**
 * Words joined by `-`, `_` or `.` with no digit (`Access-Control-Allow-Credentials`, `GITHUB_TOKEN`,
 * `auth.client_secret`): a header, variable or setting name, not a key. flask-cors names its
 * credentials header constant `ACL_CREDENTIALS` (round 5, judged false). A namespace before `:` is part
 * of the name: Radicale's WebDAV permission `RADICALE:share-token` (session 14, judged false). Random
 * keys carry digits, mix case inside a word or run unbroken.
 */
function identifierShape(value: string): boolean {
  // A Clark-notation namespace (`{DAV:}lock-token-submitted`, wsgidav's precondition codes) is part of it too.
  return /^(?:\{[^{}\s]+\})?(?:[A-Z]?[a-z]+|[A-Z]+)(?:[-_.:](?:[A-Z]?[a-z]+|[A-Z]+))+$/.test(value)
}

interface SecretHit {
  kind: string
  secret: string
  detail: string
  confidence: Draft['confidence']
}

function classify(
  context: CheckContext,
  module: ModuleModel,
  literal: StringLiteral
): { hit: SecretHit; name?: string } | undefined {
  for (const [pattern, kind] of FORMATS) {
    const found = pattern.exec(literal.value)
    if (found && !PLACEHOLDER.test(literal.value.slice(0, 200).replace(/PRIVATE KEY/g, ''))) {
      return {
        hit: { kind, secret: found[0], detail: ', a known token format', confidence: 'high' }
      }
    }
  }
  const line = context.quoter.line(module.path, literal.loc.startLine)
  const name = nameBefore(line, literal.loc.startColumn)
  if (!name || !SECRET_NAME.test(name)) return undefined
  const { minSecretLength, minSecretEntropy } = context.options
  if (!looksRandom(literal.value, minSecretLength, minSecretEntropy)) return undefined
  if (regexSource(literal.value)) return undefined
  if (identifierShape(literal.value)) return undefined
  const bits = entropy(literal.value)
  return {
    name,
    hit: {
      kind: `secret assigned to ${name}`,
      secret: literal.value,
      detail: `, ${bits.toFixed(1)} bits of entropy per character`,
      confidence: 'medium'
    }
  }
}

export function secretFindings(context: CheckContext): Draft[] {
  const out: Draft[] = []
  for (const module of context.modules) {
    for (const literal of module.strings) {
      const found = classify(context, module, literal)
      if (!found) continue
      const { hit } = found
      const evidence = maskedEvidence(context, module, literal, hit.secret)
      const where = found.name
        ? `${found.name} (${functionLabel(literal.enclosing)})`
        : functionLabel(literal.enclosing) === 'module scope'
          ? module.path
          : (literal.enclosing as string)
      out.push({
        messageId: 'hardcodedSecret',
        data: {
          kind: hit.kind,
          masked: mask(hit.secret),
          where,
          length: hit.secret.length,
          detail: hit.detail
        },
        severity: hit.confidence === 'high' ? 'critical' : 'high',
        confidence: hit.confidence,
        rationale:
          hit.confidence === 'high'
            ? `The literal matches the ${hit.kind} format.`
            : `The literal is long and random-looking (entropy test) and is given to a name that holds secrets.`,
        evidence,
        key: `${literal.enclosing ?? ''}#${found.name ?? hit.kind}#${mask(hit.secret)}`,
        symbol: literal.enclosing,
        cwe: CWE.hardcodedSecret,
        tags: ['masked']
      })
    }
  }
  return out
}

/** The line up to the fourth character of the secret, then `…`: a check finds it, a reader never sees the secret. */
function maskedEvidence(
  context: CheckContext,
  module: ModuleModel,
  literal: StringLiteral,
  secret: string
): Draft['evidence'] {
  const head = secret.slice(0, Math.min(12, secret.length))
  for (let n = literal.loc.startLine; n <= literal.loc.endLine; n++) {
    const text = context.quoter.line(module.path, n)
    const at = text.indexOf(head)
    if (at >= 0)
      return {
        file: module.path,
        startLine: n,
        endLine: n,
        snippet: `${text.slice(0, at + Math.min(4, secret.length))}…`
      }
  }
  const text = context.quoter.line(module.path, literal.loc.startLine)
  return {
    file: module.path,
    startLine: literal.loc.startLine,
    endLine: literal.loc.startLine,
    snippet: `${text.slice(0, Math.max(0, literal.loc.startColumn - 1))}…`
  }
}
