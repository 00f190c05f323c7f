// What a secret looks like: a name that holds secrets, and a long random-looking value (Shannon
// entropy). The security perspective reports hard-coded ones with this rule, and the redaction pass
// (redact.ts) hides values that match it, so both agree on what a secret is.

export const SECRET_NAME =
  /(secret|token|passw(or)?d|passwd|pwd|api_?key|apikey|private_?key|client_?secret|access_?key|auth_?key|credentials?)$/i
export const PLACEHOLDER =
  /(example|sample|dummy|fake|placeholder|changeme|change_me|your[_-]|xxxx|\*\*\*|<[^>]*>|\$\{|\{\{|test|lorem|redacted)/i

export function looksRandom(value: string, minLength: number, minEntropy: number): boolean {
  if (value.length < minLength || /\s/.test(value) || PLACEHOLDER.test(value)) return false
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(value)).length
  if (classes < 2) return false
  // URLs, paths and dotted names are configuration, not keys.
  if (/^[a-z]+:\/\//i.test(value) || /^[./~]/.test(value) || /^[\w-]+(\.[\w-]+){2,}$/.test(value))
    return false
  return entropy(value) >= minEntropy
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  if (value.length === 0) return 0
  const counts = new Map<string, number>()
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  let bits = 0
  for (const n of counts.values()) {
    const p = n / value.length
    bits -= p * Math.log2(p)
  }
  return bits
}
