// Weak hashes for secrets, weak ciphers and predictable randomness for tokens, read from calls. Whether a
// hash or a random number is about a secret is judged from names: the enclosing function, its
// parameters, the call's arguments, and the name the result is assigned to on the call's line.
import type { CallSite, ModuleModel } from '../../src/model/types.js'
import { functionLabel, type CheckContext, type Draft } from './context.js'
import { CWE } from './messages.js'
import { stringLiteralValue } from '../shared/literals.js'

const SECRET_WORDS =
  /(pass(word|wd|phrase)?|pwd|secret|token|api_?key|apikey|credential|private_?key|otp|nonce|salt|session|csrf|auth)/i
// What a fast hash must not protect: passwords, keys, tokens, signatures and MACs. A nonce, salt, etag or
// cache key hashed with SHA-1 only formats a value whose strength comes from elsewhere (httpx's digest
// cnonce, `sha1(os.urandom(8) + ...)`, judged false in session 14), so those words do not count here.
const HASHED_SECRET_WORDS =
  /(pass(word|wd|phrase)?|pwd|secret|token|api_?key|apikey|credential|private_?key|signature|hmac)/i
const ID_WORDS = /(^id$|_id$|Id$|^ids?_|uuid|guid|identifier)/
// Tokens a protocol hands to every client that asks: a WebDAV lock token names a lock in `lockdiscovery`
// answers and `Lock-Token` headers (RFC 4918 asks it to be unique, not secret; wsgidav's
// `"opaquelocktoken:" + hex(random.getrandbits(256))`, judged false in session 15). An identifier, then.
const PUBLIC_TOKEN_NAME = /lock_?token/i
const PUBLIC_TOKEN_SCHEME = /['"`](?:opaquelocktoken|urn:uuid):/i

/** 'lock token' when the name or the value's literal scheme says the token is public by protocol. */
function publicByProtocol(names: (string | undefined)[], line: string): string | undefined {
  if (names.some((n) => n && PUBLIC_TOKEN_NAME.test(n)) || PUBLIC_TOKEN_SCHEME.test(line))
    return 'lock token'
  return undefined
}

/** The name a call's result is assigned to on its line (`const token = ...`, `token: ...`, `self.token = ...`). */
export function assignedName(
  context: CheckContext,
  file: string,
  call: Pick<CallSite, 'loc'>
): string | undefined {
  const line = context.quoter
    .line(file, call.loc.startLine)
    .slice(0, Math.max(0, call.loc.startColumn - 1))
  const found = /([A-Za-z_$][\w$]*)['"]?\s*(?::|=|\+=)\s*[^=]*$/.exec(line)
  return found?.[1]
}

function secretHint(
  context: CheckContext,
  module: ModuleModel,
  call: CallSite
): string | undefined {
  const fn = call.enclosing ? context.taint.get(module.path)?.byName.get(call.enclosing) : undefined
  const names = [
    assignedName(context, module.path, call),
    fn?.name,
    ...(fn?.params.map((p) => p.name) ?? []),
    ...call.args
  ]
  // Arguments of the `.update(...)`/`hexdigest` chain in the same function count too.
  for (const c of module.calls)
    if (
      c.enclosing === call.enclosing &&
      c.name === 'update' &&
      c.loc.startLine >= call.loc.startLine &&
      c.loc.startLine <= call.loc.startLine + 3
    )
      names.push(...c.args)
  for (const n of names) {
    const found = n ? HASHED_SECRET_WORDS.exec(n) : null
    if (found) return found[1].toLowerCase()
  }
  return undefined
}

function weakHashAlgorithm(module: ModuleModel, call: CallSite): string | undefined {
  if (module.language === 'python') {
    if (call.args.some((a) => /usedforsecurity\s*=\s*False/.test(a))) return undefined
    const direct = /^hashlib\.(md5|sha1|md4)$/.exec(call.callee)
    if (direct) return direct[1].toUpperCase()
    if (call.callee === 'hashlib.new')
      return /^(md5|sha1|md4)$/i.exec(stringLiteralValue(call.args[0]) ?? '')?.[1].toUpperCase()
    return undefined
  }
  if (call.name !== 'createHash' && call.name !== 'createHmac') return undefined
  if (call.name === 'createHmac') return undefined // HMAC-SHA1 is still sound as a MAC
  return /^(md5|sha1|md4)$/i.exec(stringLiteralValue(call.args[0]) ?? '')?.[1].toUpperCase()
}

function weakCipher(
  module: ModuleModel,
  call: CallSite
): { algorithm: string; why: string } | undefined {
  if (module.language === 'python') {
    const cls = /^(DES|DES3|ARC4|ARC2|Blowfish|algorithms\.(TripleDES|ARC4|Blowfish|IDEA))\b/.exec(
      call.callee
    )
    if (cls && (call.name === 'new' || cls[2]))
      return { algorithm: cls[2] ?? cls[1], why: 'its block or key size is broken or too small.' }
    if (call.args.some((a) => /\b(MODE_ECB|modes\.ECB)\b/.test(a)))
      return {
        algorithm: 'ECB mode',
        why: 'ECB encrypts equal blocks to equal ciphertext, so patterns in the data show through.'
      }
    return undefined
  }
  if (call.name === 'createCipher' || call.name === 'createDecipher')
    return {
      algorithm: stringLiteralValue(call.args[0]) ?? 'a password-derived key',
      why: `${call.name} derives the key from a password with one MD5 round and uses no IV (removed in Node 22).`
    }
  if (call.name === 'createCipheriv' || call.name === 'createDecipheriv') {
    const alg = stringLiteralValue(call.args[0])
    if (alg && /(^|-)(des|des3|rc4|rc2|bf|blowfish|cast)|-ecb$|^des-ede/i.test(alg)) {
      return {
        algorithm: alg,
        why: /ecb/i.test(alg)
          ? 'ECB encrypts equal blocks to equal ciphertext, so patterns in the data show through.'
          : 'this cipher is broken or has a 64-bit block that leaks after a few GB.'
      }
    }
  }
  return undefined
}

/** Calls that return fresh random bytes or ids from the system's secure source. */
const RANDOM_SOURCE =
  /^(os\.urandom|os\.getrandom|secrets\.token_(bytes|hex|urlsafe)|uuid\.uuid4|(crypto\.)?randomBytes|(crypto\.)?randomUUID)\(/

/**
 * The hash is of fresh random bytes (`hashlib.sha1(os.urandom(64)).hexdigest()`, flask-wtf's CSRF token,
 * judged false): it only turns randomness into text, so the algorithm's collisions and speed give an
 * attacker nothing to work on.
 */
function hashesFreshRandom(module: ModuleModel, call: CallSite): boolean {
  const hashed = [
    call.args[0],
    ...module.calls
      .filter((c) => c.name === 'update' && c.loc.startLine === call.loc.startLine)
      .map((c) => c.args[0])
  ]
  return hashed.some((a) => a !== undefined && RANDOM_SOURCE.test(a.trim()))
}

const PY_RANDOM =
  /^random\.(random|randint|randrange|choice|choices|sample|getrandbits|uniform|shuffle)$/

export function cryptoFindings(context: CheckContext): Draft[] {
  const out: Draft[] = []
  for (const module of context.modules) {
    const python = module.language === 'python'
    for (const call of module.calls) {
      const fn = functionLabel(call.enclosing)
      const evidence = () => context.quoter.evidence(module.path, call.loc)
      const algorithm = weakHashAlgorithm(module, call)
      if (algorithm) {
        if (hashesFreshRandom(module, call)) continue
        const subject = secretHint(context, module, call)
        if (!subject) continue
        const password = /pass|pwd|secret|credential/.test(subject)
        out.push({
          messageId: 'weakHash',
          data: {
            algorithm,
            subject: `a ${subject}`,
            function: fn,
            sink: call.callee,
            advice: password
              ? 'store passwords with bcrypt, scrypt or Argon2 (a slow, salted hash).'
              : 'use SHA-256 or an HMAC for tokens and signatures.'
          },
          severity: password ? 'high' : 'medium',
          confidence: 'medium',
          rationale: `Judged by the name "${subject}" near the call; MD5 and SHA-1 collide cheaply and are fast to brute-force.`,
          evidence: evidence(),
          key: `${fn}#${call.callee}#${algorithm}`,
          symbol: call.enclosing,
          cwe: password ? 'CWE-916' : CWE.weakHash
        })
        continue
      }
      const cipher = weakCipher(module, call)
      if (cipher) {
        out.push({
          messageId: 'weakCipher',
          data: { sink: call.callee, algorithm: cipher.algorithm, function: fn, why: cipher.why },
          severity: 'medium',
          confidence: 'high',
          rationale: 'The algorithm or mode is named in the call itself.',
          evidence: evidence(),
          key: `${fn}#${call.callee}#${cipher.algorithm}`,
          symbol: call.enclosing,
          cwe: CWE.weakCipher
        })
        continue
      }
      if ((!python && call.callee === 'Math.random') || (python && PY_RANDOM.test(call.callee))) {
        const name = assignedName(context, module.path, call)
        const fnName = call.enclosing?.split('.').pop() ?? ''
        const publicToken = publicByProtocol(
          [name, fnName],
          context.quoter.line(module.path, call.loc.startLine)
        )
        const secret = publicToken
          ? undefined
          : [name, fnName].map((n) => (n ? SECRET_WORDS.exec(n)?.[1] : undefined)).find(Boolean)
        const id =
          publicToken ?? (secret ? undefined : [name, fnName].find((n) => n && ID_WORDS.test(n)))
        if (!secret && !id) continue
        const subject = secret ? `a ${secret.toLowerCase()} value` : `an identifier (${id})`
        out.push({
          messageId: 'insecureRandom',
          data: {
            sink: call.callee,
            subject,
            function: fn,
            replacement: python
              ? 'the secrets module (secrets.token_urlsafe, secrets.choice)'
              : 'crypto.randomBytes or crypto.randomUUID'
          },
          severity: secret ? 'medium' : 'low',
          confidence: secret ? 'medium' : 'low',
          rationale: `Judged by the name ${secret ? `"${secret}"` : `"${id}"`} of the function or variable; Math.random/random are not cryptographically secure, so values can be guessed.`,
          evidence: evidence(),
          key: `${fn}#${call.callee}#${name ?? ''}`,
          symbol: call.enclosing,
          cwe: CWE.insecureRandom
        })
        continue
      }
      if (
        python &&
        call.args.some((a) => /^\s*verify\s*=\s*False\s*$/.test(a)) &&
        // The module's own factory asked for its unverified twin (`make_context(verify=False)`).
        !(module.functions.some((f) => f.name === call.callee) && verifiesToo(context, module))
      ) {
        out.push(
          tlsDraft(
            context,
            module,
            call.loc.startLine,
            `verify=False in ${call.callee}`,
            fn,
            call.enclosing,
            `${fn}#${call.callee}#verify`
          )
        )
      } else if (python && /(^|\.)_create_unverified_context$/.test(call.callee)) {
        out.push(
          tlsDraft(
            context,
            module,
            call.loc.startLine,
            call.callee,
            fn,
            call.enclosing,
            `${fn}#${call.callee}`
          )
        )
      }
    }
  }
  return out
}

const PY_TLS_ON =
  /\.check_hostname\s*=\s*True\b|\b(verify_mode|cert_reqs)\s*=\s*(ssl\.)?CERT_REQUIRED\b/

/**
 * A Python module that also builds a context that verifies (`SECURE.check_hostname = True` beside
 * `INSECURE.check_hostname = False`, `if verify: ... else: ...`): the one that does not is the caller's
 * documented opt-out (`ssl=False`), not checks switched off (BlackSheep, judged false 5 times). Python
 * only: that is where it was judged.
 */
export function verifiesToo(context: CheckContext, module: ModuleModel): boolean {
  if (module.language !== 'python') return false
  return context.quoter.lines(module.path).some((raw) => {
    const line = raw.trimStart()
    return !line.startsWith('#') && PY_TLS_ON.test(line)
  })
}

export function tlsDraft(
  context: CheckContext,
  module: ModuleModel,
  line: number,
  setting: string,
  fn: string,
  symbol: string | undefined,
  key: string
): Draft {
  return {
    messageId: 'tlsVerificationDisabled',
    data: { setting, function: fn },
    severity: 'high',
    confidence: 'high',
    rationale:
      'The setting is written in the code; certificate checks are what stop a man in the middle.',
    evidence: context.quoter.evidence(module.path, { startLine: line, endLine: line }),
    key,
    symbol,
    cwe: CWE.tlsVerificationDisabled
  }
}
