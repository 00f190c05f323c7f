// Regular expressions that can backtrack super-linearly (ReDoS, CWE-1333), decided by a real checker:
// recheck (https://makenowjust-labs.github.io/recheck/), its pure-JavaScript build. Shared by the
// performance perspective ("this is slow") and the security perspective ("an attacker can hang it").
// Patterns come from JS regex literals, `new RegExp('...')` and Python `re.compile/match/...('...')`
// with a literal pattern.
//
// Determinism: every bound given to recheck counts steps or sizes, none counts time, so a pattern's
// verdict depends on the pattern alone, never on how busy the machine is.
import type { Diagnostics, Parameters, VulnerableDiagnostics } from 'recheck'
import * as recheckBrowser from 'recheck/lib/browser.js'
import type { Location, ModuleModel } from '../../src/model/types.js'
import { stringLiteralValue } from './literals.js'

export interface RegexSource {
  pattern: string
  flags: string
  /** How it was written: a literal, `new RegExp`, `re.compile`... */
  origin: string
  /**
   * Every match is tried at the start of the text only (Python `re.match`/`re.fullmatch`, or a compiled
   * pattern used only through `.match`/`.fullmatch`): the engine does not retry at each position.
   */
  anchored?: boolean
  /** What the checker is shown when it differs from `pattern`: Python's `.` and `$` (pythonSemantics). */
  checkPattern?: string
  enclosing?: string
  loc: Location
}

const PY_RE_FUNCTIONS = new Set([
  'compile',
  'match',
  'search',
  'fullmatch',
  'findall',
  'finditer',
  'sub',
  'subn',
  'split'
])
const PY_FLAGS: [RegExp, string][] = [
  [/\b(re\.)?(I|IGNORECASE)\b/, 'i'],
  [/\b(re\.)?(M|MULTILINE)\b/, 'm'],
  [/\b(re\.)?(S|DOTALL)\b/, 's']
]

/** Decodes the escapes of a JS or (non-raw) Python string literal body: `'\\d+'` is the pattern `\d+`. */
export function unescapeString(body: string): string {
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (ch !== '\\' || i === body.length - 1) {
      out += ch
      continue
    }
    const next = body[++i]
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      b: '\b',
      f: '\f',
      v: '\v',
      '0': '\0'
    }
    if (next in simple) out += simple[next]
    else if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(body.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16))
      i += 2
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16))
      i += 4
    } else if (next === '\\') out += '\\'
    else out += next === '\n' ? '' : next
  }
  return out
}

/**
 * Python's `.` and `$` written so a JavaScript engine reads them as Python does. Without DOTALL, Python's
 * `.` refuses only `\n` (JavaScript's also refuses `\r`, `\u2028`, `\u2029`); without MULTILINE, Python's
 * `$` also matches just before a final `\n` (JavaScript's only at the end). A checker shown the JavaScript
 * reading proposes attacks ending in `\n` or `\r` that Python matches at once (autopep8's
 * `^\s*([^\s:]+)(.*)$`, judged false in round 7), so the check is made on this form.
 */
export function pythonSemantics(pattern: string, flags: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '\\') {
      out += pattern.slice(i, i + 2)
      i++
      continue
    }
    if (inClass) {
      if (ch === ']') inClass = false
      out += ch
      continue
    }
    if (ch === '[') {
      inClass = true
      out += ch
      // A `]` first in a class (after an optional `^`) is a literal, in Python as in most dialects.
      if (pattern[i + 1] === '^') out += pattern[++i]
      if (pattern[i + 1] === ']') out += pattern[++i]
      continue
    }
    if (ch === '.' && !flags.includes('s')) out += '[^\\n]'
    else if (ch === '$' && !flags.includes('m')) out += '(?:\\n?$)'
    else out += ch
  }
  return out
}

/** Python's regex dialect in JavaScript's: named groups, `\A`/`\Z`, leading inline flags. */
export function pythonToJs(
  pattern: string,
  flags: string
): { pattern: string; flags: string; checkPattern: string } | undefined {
  let p = pattern
  let f = flags
  const inline = /^\(\?([aiLmsux]+)\)/.exec(p)
  if (inline) {
    if (inline[1].includes('x')) return undefined // verbose patterns ignore whitespace: JS cannot say that
    for (const c of inline[1]) if ('ims'.includes(c) && !f.includes(c)) f += c
    p = p.slice(inline[0].length)
  }
  const dialect = (text: string): string =>
    text
      .replace(/\(\?P</g, '(?<')
      .replace(/\(\?P=(\w+)\)/g, '\\k<$1>')
      .replace(/\\A/g, '^')
      .replace(/\\Z/g, '$')
  return { pattern: dialect(p), flags: f, checkPattern: dialect(pythonSemantics(p, f)) }
}

/** The literal pattern of a `new RegExp(...)` / `re.xxx(...)` call's first argument, converted to JS; undefined when not literal. */
export function regexOfCall(
  module: ModuleModel,
  call: ModuleModel['calls'][number]
): { pattern: string; flags: string; origin: string; checkPattern?: string } | undefined {
  const first = call.args[0]
  if (!first) return undefined
  if (module.language !== 'python') {
    if (
      call.name !== 'RegExp' ||
      !(call.callee === 'RegExp' || call.callee === 'new RegExp' || call.isNew)
    )
      return undefined
    const body = stringLiteralValue(first)
    if (body === undefined || first.trim().startsWith('`')) return undefined
    const flags = stringLiteralValue(call.args[1]) ?? ''
    return {
      pattern: unescapeString(body),
      flags: flags.replace(/[^dgimsuy]/g, ''),
      origin: 'new RegExp'
    }
  }
  if (call.receiver !== 're' || !PY_RE_FUNCTIONS.has(call.name)) return undefined
  const body = stringLiteralValue(first)
  if (body === undefined || /^[a-zA-Z]*[fF]/.test(first.trim())) return undefined
  const raw = /^[a-zA-Z]*[rR]/.test(first.trim())
  const rest = call.args.slice(1).join(' ')
  if (/\b(re\.)?(X|VERBOSE)\b/.test(rest)) return undefined
  const flags = PY_FLAGS.filter(([re]) => re.test(rest))
    .map(([, f]) => f)
    .join('')
  const converted = pythonToJs(raw ? body : unescapeString(body), flags)
  return converted ? { ...converted, origin: `re.${call.name}` } : undefined
}

export function collectRegexes(module: ModuleModel): RegexSource[] {
  const out: RegexSource[] = []
  for (const r of module.regexes ?? []) {
    out.push({
      pattern: r.pattern,
      flags: r.flags.replace(/[^dgimsuy]/g, ''),
      origin: 'literal',
      ...(r.enclosing ? { enclosing: r.enclosing } : {}),
      loc: r.loc
    })
  }
  for (const call of module.calls) {
    const found = regexOfCall(module, call)
    if (found)
      out.push({
        ...found,
        ...(startAnchoredUse(module, call) ? { anchored: true } : {}),
        ...(call.enclosing ? { enclosing: call.enclosing } : {}),
        loc: call.loc
      })
  }
  return out
}

const START_ANCHORED: ReadonlySet<string> = new Set(['match', 'fullmatch'])

/**
 * Python only: `re.match(p, s)` / `re.fullmatch(p, s)`, or `NAME = re.compile(p)` whose every use in the
 * module (at least one) is `NAME.match(...)` / `NAME.fullmatch(...)` and which is never passed on.
 */
function startAnchoredUse(module: ModuleModel, call: ModuleModel['calls'][number]): boolean {
  if (module.language !== 'python' || call.receiver !== 're') return false
  if (START_ANCHORED.has(call.name)) return true
  const name = call.assignedTo
  if (call.name !== 'compile' || name === undefined) return false
  const uses = module.calls.filter(
    (c) => c.receiver === name || c.receiver?.endsWith(`.${name}`) === true
  )
  const passedOn = module.calls.some((c) =>
    (c.arguments ?? []).some((a) => a.text === name || a.text.endsWith(`.${name}`))
  )
  return uses.length > 0 && !passedOn && uses.every((c) => START_ANCHORED.has(c.name))
}

/** Without an unbounded quantifier a pattern matches in linear time: no need to ask the checker. */
export function canBacktrack(pattern: string): boolean {
  return /[*+]|\{\d*,\}/.test(pattern.replace(/\\./g, ''))
}

/** CommonJS interop differs: webpack (the ncc bundle) gives the exports themselves, Node's ESM loader puts them under `default`. */
const recheck: typeof recheckBrowser =
  typeof recheckBrowser.checkSync === 'function'
    ? recheckBrowser
    : (recheckBrowser as unknown as { default: typeof recheckBrowser }).default

/** The size bounds of one check: what a user may tune. */
export interface RegexCheckBounds {
  /**
   * Largest automaton (recheck's `maxNFASize`) the exact analysis builds; a pattern whose automaton is
   * larger is undecided, or fuzzed when `fuzzing` is on. The analysis costs grow with it (tens of ms at 2000).
   */
  maxNfaSize: number
  /** Fuzz what the automaton analysis cannot take (lookaround, backreferences, large automata). */
  fuzzing: boolean
}

export const DEFAULT_BOUNDS: RegexCheckBounds = { maxNfaSize: 2000, fuzzing: false }

/** The reason given for a pattern the automaton could not take when fuzzing is off. */
export const BEYOND_AUTOMATON =
  'beyond the automaton analysis (lookaround, backreferences, or an automaton over the size bound); the fuzzing option tries it'

/**
 * recheck's parameters: every `*Timeout` is null (no clock) and the work is bounded by sizes and step
 * counts instead. `checker: 'auto'` is what makes `maxNFASize`, `maxPatternSize` and `maxRepeatCount`
 * bound the automaton analysis (with `checker: 'automaton'` recheck ignores them and can run for minutes);
 * past them it falls back to fuzzing, which is bounded by `seedingLimit`, `incubationLimit`, `attackLimit`
 * (characters read by recheck's matcher), `maxIteration` and the generation sizes, and seeded by
 * `randomSeed`. When fuzzing is off the fallback is cut to nothing and its answer read as undecided.
 * `recallTimeout: -1` skips the recall validation, which would run the attack in a real engine against the clock.
 */
export function recheckParameters(bounds: RegexCheckBounds): Parameters {
  const common: Parameters = {
    checker: 'auto',
    timeout: null,
    attackTimeout: null,
    incubationTimeout: null,
    seedingTimeout: null,
    recallTimeout: -1,
    randomSeed: 42,
    maxNFASize: bounds.maxNfaSize,
    maxPatternSize: 1500,
    maxRepeatCount: 30,
    // The attack string the automaton builds: long enough to need ~1e8 steps, but never past 100k characters.
    recallLimit: 100_000_000,
    maxRecallStringSize: 100_000
  }
  if (!bounds.fuzzing) {
    return {
      ...common,
      seeder: 'dynamic',
      seedingLimit: 1,
      incubationLimit: 1,
      maxInitialGenerationSize: 0,
      maxIteration: 0,
      attackLimit: 1
    }
  }
  // A linear pattern reads a few characters per input character: 4e6 steps on a 4000-character string is
  // a thousand per character, which only super-linear matching reaches.
  return {
    ...common,
    seeder: 'static',
    seedingLimit: 1000,
    incubationLimit: 25_000,
    attackLimit: 4_000_000,
    maxAttackStringSize: 4000,
    maxGeneStringSize: 2400,
    maxInitialGenerationSize: 200,
    maxGenerationSize: 100,
    maxIteration: 10,
    maxDegree: 4
  }
}

/**
 * recheck's Node entry picks a backend at run time (a native binary, a JVM, or a worker thread started
 * from a file beside the package), none of which a bundled action has; its browser build runs the same
 * pure-JavaScript checker in this thread.
 */
export function runRecheck(
  pattern: string,
  flags: string,
  bounds: RegexCheckBounds = DEFAULT_BOUNDS
): Diagnostics {
  let result: Diagnostics
  recheckRuns++
  try {
    result = recheck.checkSync(pattern, flags, recheckParameters(bounds))
  } catch (error) {
    return {
      source: pattern,
      flags,
      status: 'unknown',
      error: { kind: 'unexpected', message: String(error) }
    }
  }
  // With fuzzing off, the fallback's "safe" (or anything it says) is no verdict.
  if (!bounds.fuzzing && result.checker === 'fuzz') {
    return {
      source: pattern,
      flags,
      status: 'unknown',
      checker: 'fuzz',
      error: { kind: 'unsupported', message: BEYOND_AUTOMATON }
    }
  }
  return result
}

/**
 * One verdict cache for the process, so that perspectives run together (`all`: performance and security
 * each make their own RegexChecker) ask recheck about a pattern once. Safe because a verdict is a pure
 * function of (pattern, flags, parameters): every bound counts sizes or steps, none a clock, the fuzzer's
 * seed is fixed, and the parameters are part of the key. The checkers still count and limit the patterns
 * they consider exactly as before, so a perspective's findings do not depend on what ran before it.
 * Bounded by entries and by the characters of attack strings kept (a polynomial attack can be long);
 * the oldest entries go first.
 */
const MAX_CACHED_VERDICTS = 5_000
const MAX_CACHED_ATTACK_CHARS = 20_000_000
const verdicts = new Map<string, { result: Diagnostics; weight: number }>()
let cachedAttackChars = 0
let recheckRuns = 0

/** How many times recheck itself ran in this process (cache misses): for tests and measurements. */
export function recheckRunCount(): number {
  return recheckRuns
}

/** Forgets every cached verdict (tests that need recheck to run again). */
export function clearVerdictCache(): void {
  verdicts.clear()
  cachedAttackChars = 0
}

/** runRecheck through the process-wide verdict cache. */
export function cachedRecheck(
  pattern: string,
  flags: string,
  bounds: RegexCheckBounds = DEFAULT_BOUNDS
): Diagnostics {
  const key = `${JSON.stringify(recheckParameters(bounds))}\u0000${flags}\u0000${pattern}`
  const hit = verdicts.get(key)
  if (hit) return hit.result
  const result = runRecheck(pattern, flags, bounds)
  const weight = result.status === 'vulnerable' ? result.attack.string.length : 0
  verdicts.set(key, { result, weight })
  cachedAttackChars += weight
  while (verdicts.size > MAX_CACHED_VERDICTS || cachedAttackChars > MAX_CACHED_ATTACK_CHARS) {
    const oldest = verdicts.keys().next()
    if (oldest.done) break
    cachedAttackChars -= verdicts.get(oldest.value)?.weight ?? 0
    verdicts.delete(oldest.value)
  }
  return result
}

/** recheck's result per distinct pattern and flags, shared by all modules in one run. */
export class RegexChecker {
  private readonly results = new Map<string, Diagnostics | null>()
  checked = 0
  skipped = 0
  unknown = 0
  /** Why patterns stayed undecided (unsupported syntax, too large...), with an example each: for the details. */
  readonly undecided = new Map<string, { count: number; example: string; message?: string }>()
  constructor(
    private readonly limit: number,
    private readonly bounds: RegexCheckBounds = DEFAULT_BOUNDS
  ) {}

  check(pattern: string, flags: string): Diagnostics | null {
    const key = `${flags}/${pattern}`
    const cached = this.results.get(key)
    if (cached !== undefined) return cached
    if (this.checked >= this.limit) {
      this.skipped++
      return null
    }
    this.checked++
    const result = cachedRecheck(pattern, flags, this.bounds)
    if (result.status === 'unknown') {
      this.unknown++
      const reason = this.undecided.get(result.error.kind) ?? {
        count: 0,
        example: pattern.slice(0, 100),
        ...('message' in result.error ? { message: result.error.message.slice(0, 200) } : {})
      }
      reason.count++
      this.undecided.set(result.error.kind, reason)
    }
    this.results.set(key, result)
    return result
  }

  /** A verdict already computed, without checking (and without counting against the limit). */
  known(pattern: string, flags: string): Diagnostics | null | undefined {
    return this.results.get(`${flags}/${pattern}`)
  }
}

/** How bad a vulnerable pattern is: 'exponential', or the polynomial degree. */
export function redosDegree(result: VulnerableDiagnostics): number | 'exponential' {
  return result.complexity.type === 'exponential' ? 'exponential' : result.complexity.degree
}

/**
 * An attack input of about `size` characters for code: each pump repeated so the whole is near `size`
 * (at least 2 repeats), then the suffix that makes the match fail.
 */
export function attackString(result: VulnerableDiagnostics, size: number): string {
  const { pumps, suffix } = result.attack
  const pumpLength = pumps.reduce((n, p) => n + Math.max(1, p.pump.length), 0)
  const fixed = pumps.reduce((n, p) => n + p.prefix.length, 0) + suffix.length
  const repeats = Math.max(2, Math.floor((size - fixed) / Math.max(1, pumpLength)))
  return pumps.map((p) => p.prefix + p.pump.repeat(repeats)).join('') + suffix
}

/**
 * Said beside a Python pattern's attack when the attack recheck built (on Python's reading, pythonSemantics)
 * has a line break before its last character: a trailing one alone is matched by `$` at once, so the slow
 * input is several lines, which text known to be one line (a source line, a header) never is.
 */
export function innerLineBreakNote(result: VulnerableDiagnostics): string | undefined {
  const { pumps, suffix } = result.attack
  const text = pumps.map((p) => p.prefix + p.pump + p.pump).join('') + suffix
  const at = text.indexOf('\n')
  return at >= 0 && at < text.length - 1
    ? "The slow input has a line break inside it (Python's `$` also matches before a final one), so text that is always a single line cannot be it."
    : undefined
}
