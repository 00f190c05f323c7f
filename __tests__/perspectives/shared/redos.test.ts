// The shared ReDoS checker (perspectives/shared/redos.ts): recheck bounded by sizes and step counts,
// never by time, so the same patterns always get the same verdicts; plus the pattern helpers.
import type { Diagnostics } from 'recheck'
import {
  attackString,
  BEYOND_AUTOMATON,
  canBacktrack,
  clearVerdictCache,
  pythonSemantics,
  pythonToJs,
  recheckRunCount,
  recheckParameters,
  RegexChecker,
  runRecheck,
  unescapeString
} from '../../../perspectives/shared/redos.js'

// Exponential, polynomial, safe, beyond the automaton (a backreference), and ones that took over a
// second under the old wall-clock bound on a busy machine (word boundaries, long alternations).
const PATTERNS: [string, string][] = [
  ['^(a+)+$', ''],
  ['\\s*#?\\s*$', ''],
  ['^(\\w+\\s?)*$', ''],
  ['^[a-z]+@[a-z]+\\.com$', ''],
  ['(a*)b\\1', ''],
  ['\\b(escape\\w*|sanitize\\w*|DOMPurify|purify|encode\\w*)\\b', ''],
  ['github\\.event\\.(commits\\b.*|head_commit)\\.(message|author\\.(email|name))\\b', ''],
  ['\\bgithub_pat_[A-Za-z0-9_]{22,}\\b', ''],
  ['^(\\s*)(.*?)(\\s*)$', 'i']
]

/** What decides a finding: status, complexity and the attack, without anything recheck may word differently. */
function verdict(d: Diagnostics | null): string {
  if (!d) return 'not checked'
  if (d.status === 'vulnerable')
    return `vulnerable ${d.complexity.type === 'exponential' ? 'exp' : `O(n^${d.complexity.degree})`} ${d.attack.pattern}`
  if (d.status === 'unknown') return `unknown ${d.error.kind}`
  return `safe ${d.checker}`
}

describe('RegexChecker', () => {
  it('gives the same verdicts in two independent checks of the same patterns', () => {
    clearVerdictCache()
    const first = new RegexChecker(100)
    const second = new RegexChecker(100)
    const a = PATTERNS.map(([p, f]) => verdict(first.check(p, f)))
    // Without the process-wide cache, so that recheck really runs twice.
    clearVerdictCache()
    const runs = recheckRunCount()
    const b = PATTERNS.map(([p, f]) => verdict(second.check(p, f)))
    expect(recheckRunCount() - runs).toBe(PATTERNS.length)
    expect(b).toEqual(a)
    expect(first.checked).toBe(PATTERNS.length)
  })

  it("reuses another checker's verdict for the same pattern, flags and parameters, and still counts it", () => {
    clearVerdictCache()
    const runs = recheckRunCount()
    const performance = new RegexChecker(100)
    const security = new RegexChecker(100)
    const first = performance.check('^(a+)+$', '')
    expect(recheckRunCount() - runs).toBe(1)
    const second = security.check('^(a+)+$', '')
    expect(recheckRunCount() - runs).toBe(1)
    expect(second).toBe(first)
    // Each checker still counts (and limits) the patterns it considered, as without the cache.
    expect(security.checked).toBe(1)
    // Other flags or other parameters are another question for recheck.
    security.check('^(a+)+$', 'i')
    new RegexChecker(100, { maxNfaSize: 500, fuzzing: false }).check('^(a+)+$', '')
    expect(recheckRunCount() - runs).toBe(3)
  })

  it('finds an exponential and a polynomial pattern, and calls a linear one safe', () => {
    const checker = new RegexChecker(100)
    const exp = checker.check('^(a+)+$', '')
    expect(exp?.status).toBe('vulnerable')
    if (exp?.status === 'vulnerable') expect(exp.complexity.type).toBe('exponential')
    const poly = checker.check('\\s*#?\\s*$', '')
    expect(poly?.status).toBe('vulnerable')
    if (poly?.status === 'vulnerable')
      expect(poly.complexity).toMatchObject({ type: 'polynomial', degree: 3 })
    expect(checker.check('^[a-z]+@[a-z]+\\.com$', '')?.status).toBe('safe')
  })

  it('says undecided, not safe, for what only fuzzing could check when fuzzing is off', () => {
    const result = runRecheck('(a*)b\\1', '', { maxNfaSize: 2000, fuzzing: false })
    expect(result.status).toBe('unknown')
    if (result.status === 'unknown')
      expect(result.error).toEqual({ kind: 'unsupported', message: BEYOND_AUTOMATON })
  })

  it('checks each pattern once, counts what is over the limit, and records why patterns stayed undecided', () => {
    const checker = new RegexChecker(2)
    checker.check('^(a+)+$', '')
    checker.check('^(a+)+$', '')
    checker.check('(a*)b\\1', '')
    expect(checker.check('\\s*#?\\s*$', '')).toBeNull()
    expect(checker.known('^(a+)+$', '')?.status).toBe('vulnerable')
    expect(checker).toMatchObject({ checked: 2, skipped: 1, unknown: 1 })
    expect(checker.undecided.get('unsupported')).toMatchObject({ count: 1, example: '(a*)b\\1' })
  })

  it('never gives recheck a clock: every timeout is off and the work is bounded by sizes and steps', () => {
    for (const fuzzing of [false, true]) {
      const params = recheckParameters({ maxNfaSize: 2000, fuzzing })
      expect(params).toMatchObject({
        checker: 'auto',
        timeout: null,
        attackTimeout: null,
        incubationTimeout: null,
        seedingTimeout: null,
        maxNFASize: 2000
      })
      expect(params.recallTimeout).toBeLessThan(0)
      expect(params.attackLimit).toBeGreaterThan(0)
    }
  })

  it('builds an attack string of about the size asked from the pumps', () => {
    const result = runRecheck('^(a+)+$', '')
    if (result.status !== 'vulnerable') throw new Error(`expected vulnerable, got ${result.status}`)
    const attack = attackString(result, 40)
    expect(attack.length).toBeGreaterThanOrEqual(30)
    expect(attack.length).toBeLessThanOrEqual(45)
    expect(/^(a+)+$/.test(attack.slice(0, 2))).toBe(true)
    expect(attack.endsWith(result.attack.suffix)).toBe(true)
  })
})

describe('regex helpers', () => {
  it('decodes string escapes into the regex the code builds', () => {
    expect(unescapeString('\\\\d+\\.\\\\w')).toBe('\\d+.\\w')
    expect(unescapeString("it\\'s\\n\\x41\\u0042")).toBe("it's\nAB")
  })

  it("translates Python's regex dialect", () => {
    expect(pythonToJs('(?P<year>\\d+)-(?P=year)\\Z', '')).toEqual({
      pattern: '(?<year>\\d+)-\\k<year>$',
      flags: '',
      checkPattern: '(?<year>\\d+)-\\k<year>$'
    })
    expect(pythonToJs('(?i)abc', '')).toEqual({ pattern: 'abc', flags: 'i', checkPattern: 'abc' })
    expect(pythonToJs('(?x) a b', '')).toBeUndefined()
  })

  it("reads Python's `.` and `$` as Python does, outside classes and escapes, unless DOTALL or MULTILINE", () => {
    // `$` also matches before a final newline; `.` refuses only '\\n' (round 7, autopep8.py:1347).
    expect(pythonSemantics('^(.*)$', '')).toBe('^([^\\n]*)(?:\\n?$)')
    expect(pythonSemantics('[.$]\\.\\$[]$.]', '')).toBe('[.$]\\.\\$[]$.]')
    expect(pythonSemantics('a.b$', 'sm')).toBe('a.b$')
    expect(pythonToJs('(?m)^a.*$\\Z', '')?.checkPattern).toBe('^a[^\\n]*$$')
  })

  it('asks the checker only about patterns with an unbounded quantifier', () => {
    expect(canBacktrack('^abc$')).toBe(false)
    expect(canBacktrack('a\\+b\\*')).toBe(false)
    expect(canBacktrack('a{2,}')).toBe(true)
    expect(canBacktrack('(a|b)*')).toBe(true)
  })
})
