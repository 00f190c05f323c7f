// The one redaction pass (src/util/redact.ts): each known format, the entropy rule, the prefix and
// length kept, idempotence, and what must stay untouched. Token-shaped values are assembled at run
// time so this file itself holds none.
import { afterEach, describe, expect, it } from '@jest/globals'
import { TOKENS, alnum } from '../helpers/secrets.js'
import {
  clearRegisteredSecrets,
  redactDeep,
  redactText,
  registerSecret,
  secretKinds
} from '../../src/util/redact.js'

afterEach(() => clearRegisteredSecrets())

describe('redactText', () => {
  it.each(Object.entries(TOKENS))(
    'replaces a %s token, keeping a short prefix and the length',
    (_kind, token) => {
      const text = `headers = {"Authorization": "token ${token}"}  # ${token}`
      const out = redactText(text)
      expect(out).not.toContain(token)
      expect(out).toContain(`[redacted ${token.length} chars]`)
      expect(out.startsWith('headers = {"Authorization": "token ')).toBe(true)
      expect(secretKinds(out)).toEqual([])
      expect(redactText(out)).toBe(out)
    }
  )

  it('keeps the token family visible: ghp_ and github_pat_', () => {
    expect(redactText(TOKENS.ghp)).toBe(`ghp_***[redacted ${TOKENS.ghp.length} chars]`)
    expect(redactText(TOKENS.fineGrained)).toBe(
      `github_pat_***[redacted ${TOKENS.fineGrained.length} chars]`
    )
  })

  it('replaces an AWS secret access key given to its usual name', () => {
    const secret = alnum(30) + '/+' + alnum(8, 3)
    const out = redactText(`aws_secret_access_key = ${secret}\n`)
    expect(out).not.toContain(secret)
    expect(out).toContain('aws_secret_access_key = ')
  })

  it('replaces a whole PEM private key block, and one a snippet cut short', () => {
    const body = `${alnum(64)}\n${alnum(64, 5)}\n${alnum(20, 3)}==`
    const block = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`
    const out = redactText(`key = """${block}"""`)
    expect(out).not.toContain(alnum(64))
    expect(out).toContain('-----BEGIN RSA PRIVATE KEY-----')
    expect(out).toContain('-----END RSA PRIVATE KEY-----')
    const cut = redactText(`-----BEGIN PRIVATE KEY-----\n${alnum(64)}\n${alnum(64, 5)}\n…`)
    expect(cut).not.toContain(alnum(64))
    // Inside JSON text the block stops at the quote: the JSON stays valid.
    const json = JSON.stringify({ snippet: `-----BEGIN EC PRIVATE KEY-----\n${alnum(64)}` })
    expect(JSON.parse(redactText(json)).snippet).not.toContain(alnum(64))
  })

  it('keeps the user of a URL and takes its password out', () => {
    expect(redactText('DATABASE_URL=postgres://app:S3cretPassw0rd@db.internal:5432/app')).toBe(
      'DATABASE_URL=postgres://app:***@db.internal:5432/app'
    )
    expect(redactText('https://example.com/a@b')).toBe('https://example.com/a@b')
  })

  it('applies the entropy rule to literals given to secret-like names only', () => {
    const random = 'q8Zt2LmX9vPa4RkW7nYc'
    expect(redactText(`const apiKey = '${random}'`)).toBe(
      `const apiKey = '${random.slice(0, 4)}***[redacted ${random.length} chars]'`
    )
    expect(redactText(`password: "${random}"`)).not.toContain(random)
    expect(redactText(`\\"client_secret\\": \\"${random}\\"`)).not.toContain(random)
    // Not a secret-like name, a placeholder, or low entropy: untouched.
    expect(redactText(`const greeting = '${random}'`)).toBe(`const greeting = '${random}'`)
    expect(redactText(`token = 'your-token-goes-here-please'`)).toBe(
      `token = 'your-token-goes-here-please'`
    )
    expect(redactText(`token = getAccessTokenFromTheEnvironment()`)).toBe(
      `token = getAccessTokenFromTheEnvironment()`
    )
  })

  it('leaves ordinary text, commit SHAs and finding ids alone', () => {
    const text =
      'commit 9c66b91f0a7d2e3c4b5a69788796a5b4c3d2e1f0, finding security-hardcodedSecret-1a2b3c4d; see src/app.py:12'
    expect(redactText(text)).toBe(text)
  })

  it('replaces a registered token wherever it appears, even in no known format', () => {
    registerSecret('plainSecretValue42')
    expect(redactText('echo: plainSecretValue42!')).toBe('echo: ***[redacted 18 chars]!')
  })

  it('redactDeep copies plain objects and arrays and redacts every string in them', () => {
    const value = { a: [TOKENS.ghp, { b: `x ${TOKENS.npm}` }], n: 3, none: null }
    const out = redactDeep(value)
    expect(JSON.stringify(out)).not.toContain(TOKENS.ghp)
    expect(JSON.stringify(out)).not.toContain(TOKENS.npm)
    expect(out.n).toBe(3)
    expect(value.a[0]).toBe(TOKENS.ghp)
  })
})
