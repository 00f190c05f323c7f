// Flakiness smells in test files: sleeps, the real clock without a fake, unseeded randomness, the
// real network in tests not marked as integration, focused and skipped tests. Module-level state
// shared between tests is in state.ts.
import type { CallSite } from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import { type TestFile, effectiveCallee, normaliseSource } from './classify.js'
import { within, withinLines } from '../kit/index.js'
import { evidenceAt, type Found, hookRanges, inHook, testAt, testLabel } from './context.js'
import { isAssertion } from './sleep-gates.js'
import {
  CLOCK_CALLS,
  TIMESTAMP_CALLS,
  FAKE_CLOCK_CALLS,
  FAKE_CLOCK_FIXTURES,
  FAKE_CLOCK_IMPORTS,
  RANDOM_CALLS,
  SEED_CALLS
} from './signals.js'

/** Guards that make a call run only in some cases: a `.only` under one is chosen by data, not committed. */
const CHOSEN_BY = new Set(['if', 'else', 'ternary', 'and', 'or', 'case'])

export interface SmellInput {
  files: TestFile[]
  quote: Quoter
  minSleepMillis: number
}

export function fakeClock(file: TestFile): string | undefined {
  const m = file.module
  const imp = m.imports.find((d) => FAKE_CLOCK_IMPORTS.has(normaliseSource(d.source)))
  if (imp) return `imports ${imp.source}`
  const call = m.calls.find(
    (c) => FAKE_CLOCK_CALLS.has(c.callee) || c.name === 'useFakeTimers' || c.name === 'freeze_time'
  )
  if (call) return `calls ${call.callee}()`
  const fixture = m.functions.find((f) => f.params.some((p) => FAKE_CLOCK_FIXTURES.has(p.name)))
  if (fixture) return `uses a clock fixture in ${fixture.name}`
  return undefined
}

/** One finding per file and callee: the first read, with the count. */
function perFileCallee(
  file: TestFile,
  match: (callee: string, call: CallSite) => boolean
): { call: CallSite; callee: string; count: number }[] {
  const byCallee = new Map<string, { call: CallSite; callee: string; count: number }>()
  for (const call of file.module.calls) {
    const callee = effectiveCallee(call, file.locals)
    if (!match(callee, call)) continue
    const entry = byCallee.get(call.callee)
    if (entry) entry.count++
    else byCallee.set(call.callee, { call, callee, count: 1 })
  }
  return [...byCallee.values()]
}

/**
 * A read inside a function of the file that is no test, hook or fixture and that nothing in the file
 * calls: no test runs it (judged false on the session-5 repositories).
 */
function uncalledHelper(file: TestFile, call: CallSite): boolean {
  if (testAt(file, call.loc) || !call.enclosing) return false
  const helper = file.module.functions.find((f) => f.qualifiedName === call.enclosing)
  if (!helper || inHook(hookRanges(file.module), call.loc)) return false
  return !file.module.calls.some((c) => c.name === helper.name && !within(c.loc, helper.loc))
}

/**
 * `now = datetime.now()` in a test, then `now` used again for the input and the expected value
 * (`assert age(born, now) == now.year - 1990`): one read feeds both sides, so the outcome does not
 * move with the time. Seen as the bound name used on two lines of the test after the read, or in the
 * arguments or receivers of two calls neither of which holds the other (`expect(f(now)).toBe(now.getDay())`).
 */
function readOnceForBothSides(file: TestFile, call: CallSite): boolean {
  const test = testAt(file, call.loc)
  const name = call.assignedTo
  if (!test || !name) return false
  const after = (line: number) => line > call.loc.endLine && line <= test.loc.endLine
  const lines = (file.module.nameUseLines?.[name] ?? []).filter(after)
  if (lines.length >= 2) return true
  const names = (a: NonNullable<CallSite['arguments']>[number]) =>
    (a.kind === 'identifier' || a.kind === 'member') &&
    (a.text === name || a.text.startsWith(`${name}.`))
  const uses = (c: CallSite) =>
    c.receiver === name || c.receiver?.startsWith(`${name}.`) || (c.arguments ?? []).some(names)
  const users = file.module.calls.filter(
    (c) =>
      after(c.loc.startLine) &&
      uses(c) &&
      !file.module.calls.some((o) => o !== c && within(o.loc, c.loc) && uses(o))
  )
  return users.length >= 2
}

const LOWER_BOUNDS = new Set([
  'assertGreater',
  'assertGreaterEqual',
  'toBeGreaterThan',
  'toBeGreaterThanOrEqual'
])

/**
 * A timing test: the same function reads the clock into a name and reads it again later (a duration of
 * the code between), and the test asserts no lower bound on it (a "returns quickly" or near-linear DoS
 * check): a fake clock would make every duration zero and the test meaningless (judged so on mistune).
 * A test that checks a wait lasted long enough (`assertGreaterEqual(elapsed, 1)`) still gets the advice.
 */
function measuresDuration(file: TestFile, call: CallSite): boolean {
  const test = testAt(file, call.loc)
  if (!test) return false
  const callee = effectiveCallee(call, file.locals)
  const sameClock = file.module.calls.filter(
    (c) => c.enclosing === call.enclosing && effectiveCallee(c, file.locals) === callee
  )
  const start = sameClock.find((c) => c.assignedTo !== undefined)
  if (!start || !sameClock.some((c) => c.loc.startLine > start.loc.startLine)) return false
  return !file.module.calls.some((c) => within(c.loc, test.loc) && LOWER_BOUNDS.has(c.name))
}

export function checkClock(input: SmellInput): Found[] {
  const out: Found[] = []
  for (const file of input.files) {
    if (fakeClock(file)) continue
    // Timestamps (`Date.now()`, `new Date()`, `time.time()`) are often a value to pass around; they
    // make a test time-dependent when the same test reads them twice (elapsed time, a deadline).
    // Calendar reads (`datetime.now()`, `date.today()`) count on their own: dates change at midnight.
    const stamp = (callee: string, call: CallSite) =>
      TIMESTAMP_CALLS.has(callee) ||
      (call.isNew && call.callee === 'Date' && call.args.length === 0)
    const stampsPerTest = new Map<unknown, number>()
    for (const call of file.module.calls) {
      if (!stamp(effectiveCallee(call, file.locals), call)) continue
      const t = testAt(file, call.loc)
      stampsPerTest.set(t, (stampsPerTest.get(t) ?? 0) + 1)
    }
    const reads = perFileCallee(
      file,
      (callee, call) =>
        (CLOCK_CALLS.has(callee) ||
          (stamp(callee, call) &&
            testAt(file, call.loc) !== undefined &&
            (stampsPerTest.get(testAt(file, call.loc)) ?? 0) >= 2)) &&
        !uncalledHelper(file, call) &&
        !readOnceForBothSides(file, call) &&
        !measuresDuration(file, call)
    )
    for (const { call, count } of reads) {
      const test = testAt(file, call.loc)
      const name = call.isNew ? 'new Date' : call.callee
      const path = file.module.path
      out.push({
        file,
        draft: {
          messageId: 'realClock',
          data: {
            callee: name,
            test: testLabel(test),
            file: path,
            count: count === 1 ? 'once' : `${count} times`,
            fakes:
              file.module.language === 'python'
                ? 'freezegun, time-machine or the freezer fixture'
                : 'jest/vi.useFakeTimers, mock.timers or sinon fake timers'
          },
          severity: 'low',
          confidence: test ? 'medium' : 'low',
          rationale:
            'A test that reads the real clock can pass or fail depending on when it runs (midnight, month ends, slow machines); a fake clock makes time an input.',
          evidence: evidenceAt(input.quote, path, call.loc),
          key: name
        }
      })
    }
  }
  return out
}

/** Type-level assertions: `expectTypeOf(x)`, tsd's `expectType<T>(x)`, `assert(x, _ as T)`. */
const TYPE_ASSERTS = new Set([
  'expectTypeOf',
  'assertType',
  'expectType',
  'expectAssignable',
  'expectError'
])
const typeLevel = (c: CallSite) =>
  TYPE_ASSERTS.has(c.name) ||
  TYPE_ASSERTS.has(c.callee.split('(')[0]) ||
  (c.arguments ?? []).some((a) => a.kind === 'other' && /^_\s+as\s/.test(a.text))

/**
 * A TypeScript test that checks only types (`assert(draft, _ as State)`, `expectTypeOf`): no runtime
 * assertion reads what a random branch returns, so the draw cannot change the outcome (immer, session 7).
 */
function typeOnlyTest(file: TestFile, call: CallSite): boolean {
  const test = testAt(file, call.loc)
  if (!test || file.module.language === 'python') return false
  const checks = file.module.calls.filter(
    (c) => within(c.loc, test.loc) && (isAssertion(c) || typeLevel(c))
  )
  return checks.length > 0 && checks.every(typeLevel)
}

/** Identifier-like words in the file's assertions: their arguments and chains (`expect(f(n)).toBe`). */
function assertedWords(assertions: readonly CallSite[]): Set<string> {
  const words = new Set<string>()
  for (const a of assertions)
    for (const text of [a.callee, ...a.args])
      for (const w of text.split(/[^\w$]+/)) if (w) words.add(w)
  return words
}

/**
 * Whether a random draw provably reaches no assertion: it is bound to a name (`const port = ...`,
 * `const id = Math.random() * 1e6`), or made by a helper of the file whose every call is, and no
 * assertion of the file names it. Then the draw picks a port or a unique key and a failure does not
 * depend on its value (http-server's port, superagent's redirect ids, session 7). A draw used inline
 * (an argument, an assertion) may reach an assertion: it stays reported. JavaScript and TypeScript only.
 */
function drawConfined(file: TestFile, call: CallSite): boolean {
  // A Python `assert` is a statement, not a call: what it reads is not in the model's calls.
  if (file.module.language === 'python') return false
  const assertions = file.module.calls.filter(isAssertion)
  const words = assertedWords(assertions)
  const holder = (c: CallSite): string | undefined => {
    if (assertions.some((a) => a !== c && within(c.loc, a.loc))) return undefined
    return c.assignedTo ?? c.boundWithin
  }
  let sites = [call]
  if (!testAt(file, call.loc) && call.enclosing) {
    // A helper of the file (`getRandomInt`, `uniqid`): its callers hold what it draws.
    const helper = file.module.functions.find((f) => f.qualifiedName === call.enclosing)
    if (!helper || helper.className) return false
    sites = file.module.calls.filter((c) => c.callee === helper.name)
    if (sites.length === 0) return false
  }
  return sites.every((s) => {
    const name = holder(s)
    return name !== undefined && !words.has(name)
  })
}

export function checkRandom(input: SmellInput): Found[] {
  const out: Found[] = []
  for (const file of input.files) {
    const seeded = file.module.calls.some(
      (c) => SEED_CALLS.has(effectiveCallee(c, file.locals)) || c.name === 'seed'
    )
    if (seeded) continue
    for (const { call, count } of perFileCallee(
      file,
      (callee, call) =>
        RANDOM_CALLS.has(callee) && !typeOnlyTest(file, call) && !drawConfined(file, call)
    )) {
      const test = testAt(file, call.loc)
      const path = file.module.path
      out.push({
        file,
        draft: {
          messageId: 'unseededRandom',
          data: {
            callee: call.callee,
            test: testLabel(test),
            file: path,
            count: count === 1 ? 'once' : `${count} times`
          },
          severity: 'low',
          confidence: test ? 'medium' : 'low',
          rationale:
            'Random inputs without a recorded seed make a failure impossible to reproduce; seed the generator or print the seed.',
          evidence: evidenceAt(input.quote, path, call.loc),
          key: call.callee
        }
      })
    }
  }
  return out
}

const LOCAL_HOSTS = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|::1)$/i
const URL_HOST = /^(?:https?|wss?):\/\/(\[[^\]]+\]|[^/:?#]+)([/:?#]|$)/i

/**
 * The host a call's URL names in its own text: the literal URL, or the literal head of a template
 * (`https://api.example.com/${id}`, f"https://api.example.com/{id}"). `null` for a loopback host or a
 * path; undefined when the host is not written out (a fixture value, a variable holding a server's
 * address, `http://${host}:${port}`): a test can have started that server itself, so only a URL the
 * test cannot have started counts (judged false on the session-5 repositories).
 */
function hostOf(call: CallSite): string | null | undefined {
  const args = call.arguments ?? []
  const url = args.find((a) => a.keyword === 'url') ?? args.find((a) => a.keyword === undefined)
  if (!url) return undefined
  let written: string | undefined
  if (url.kind === 'literal' && typeof url.value === 'string') written = url.value
  else if (url.kind === 'template') {
    // The text before the first substitution, without its opening quote (and f prefix).
    const head = url.text.replace(/^[fFrRbB]{0,2}(?:"""|'''|["'`])/, '')
    const cut = head.search(/\$\{|(?<!\{)\{(?!\{)/)
    written = cut < 0 ? head.replace(/(?:"""|'''|["'`])$/, '') : head.slice(0, cut)
  }
  if (written === undefined) return undefined
  const m = URL_HOST.exec(written)
  if (!m) return written.startsWith('/') ? null : undefined
  return LOCAL_HOSTS.test(m[1]) ? null : m[1]
}

/** Errors a readiness poll catches while a server it started comes up. */
const NOT_UP_YET =
  /(^|\.)(ConnectionError|ConnectError|ConnectionRefusedError|Timeout|TimeoutException|ReadTimeout|ConnectTimeout|URLError|OSError)$/

/** A call in a set-up hook or fixture whose try catches "not up yet": it waits for a local server. */
function readinessPoll(file: TestFile, call: CallSite): boolean {
  const handlers = call.context?.try?.handlers ?? []
  if (!handlers.some((h) => h.types.some((t) => NOT_UP_YET.test(t)))) return false
  return inHook(hookRanges(file.module), call.loc)
}

export function checkNetwork(input: SmellInput): Found[] {
  const out: Found[] = []
  for (const file of input.files) {
    if (
      file.declared === 'integration' ||
      file.declared === 'e2e' ||
      file.networkCalls.length === 0
    )
      continue
    // A test that starts its own server talks to it, not to the outside world.
    if (file.touches.has('server') || file.touches.has('http-app') || file.touches.has('browser'))
      continue
    for (const call of file.networkCalls) {
      const host = hostOf(call)
      if (host === null || host === undefined || readinessPoll(file, call)) continue
      const test = testAt(file, call.loc)
      const path = file.module.path
      out.push({
        file,
        draft: {
          messageId: 'networkInUnitTest',
          data: {
            callee: call.callee,
            args: call.args.join(', ').slice(0, 80),
            test: testLabel(test),
            file: path,
            host,
            placement:
              file.declared === 'unit'
                ? 'that sits in a unit-test folder'
                : 'not marked as integration or end-to-end by folder or name'
          },
          severity: 'medium',
          confidence: 'high',
          rationale:
            'A test that depends on a real remote service fails for reasons that have nothing to do with the code (outages, rate limits, offline CI).',
          evidence: evidenceAt(input.quote, path, call.loc),
          key: `${call.callee}|${host}|${test?.name ?? ''}`
        }
      })
    }
  }
  return out
}

/** Python decorators written on the lines above a case (`@pytest.mark.skip(...)`), nearest first. */
function decoratorsAbove(quote: Quoter, path: string, line: number): string[] {
  const out: string[] = []
  for (let n = line - 1; n >= 1 && n >= line - 12; n--) {
    const text = quote.line(path, n).trim()
    if (text.startsWith('@')) out.push(text.slice(1))
    else if (
      text !== '' &&
      !text.startsWith('#') &&
      !text.startsWith(')') &&
      !text.endsWith(',') &&
      !text.endsWith('(')
    )
      break
  }
  return out
}

/**
 * The comment written on the lines right above a skipped case (and its decorators) when it explains
 * the skip: at least four words and no note of work left (TODO, FIXME). "Disabled: these are
 * optimizations that would be nice..." is a decision, not a forgotten test (judged on immer, session 7).
 */
function explainedAbove(quote: Quoter, path: string, line: number, python: boolean): boolean {
  const comment: string[] = []
  let n = line - 1
  // Python: step over the decorators to the comment above them.
  while (python && n >= 1 && quote.line(path, n).trim().startsWith('@')) n--
  for (; n >= 1 && comment.length < 12; n--) {
    const text = quote.line(path, n).trim()
    const isComment = python
      ? text.startsWith('#')
      : text.startsWith('//') || text.startsWith('*') || text.startsWith('/*')
    if (!isComment) break
    comment.push(text.replace(/^(\/\/+|\/\*+|\*+\/?|#+)\s*/, ''))
  }
  const text = comment.join(' ')
  if (/\b(TODO|FIXME|XXX|HACK)\b/.test(text)) return false
  return (text.match(/[A-Za-z]{2,}/g) ?? []).length >= 4
}

const CONDITIONAL = /(^|\.)(skipif|skipIf|skipUnless|runIf|importorskip)\b/

/** A skip decorator without a condition: `skip(...)`, `xfail` with no arguments or only keywords. */
function unconditionalSkip(decorators: string[]): string | undefined | null {
  for (const d of decorators) {
    if (CONDITIONAL.test(d)) return null
    if (/(^|\.)(skip|expectedFailure)\b/.test(d)) return d
    const xfail = /(^|\.)xfail\b(\((.*))?/.exec(d)
    if (xfail)
      return !xfail[3] || /^\s*(\)|reason\s*=|raises\s*=|strict\s*=|run\s*=)/.test(xfail[3])
        ? d
        : null
  }
  return undefined
}

export function checkModifiers(input: SmellInput): Found[] {
  const out: Found[] = []
  for (const file of input.files) {
    const path = file.module.path
    const cases = file.module.test?.cases ?? []
    const reportedSuites: { loc: { startLine: number; endLine: number } }[] = []
    for (const c of cases) {
      if (c.modifier !== 'only' && c.modifier !== 'skip') continue
      const call = file.module.calls.find(
        (k) => k.loc.startLine === c.loc.startLine && k.loc.startColumn === c.loc.startColumn
      )
      let how: string
      if (call) {
        if (/skipIf|runIf/.test(call.callee)) continue
        // `if (only) test.only(title, fn)` in a data-driven loop (match-sorter): focused only when a
        // case asks for it, so the commit itself focuses nothing.
        if (c.modifier === 'only' && call.context?.guards.some((g) => CHOSEN_BY.has(g.kind)))
          continue
        how = `${call.callee}(…)`
      } else {
        // Python: a method of a skipped class is reported once, with its class.
        if (reportedSuites.some((s) => withinLines(c.loc, s.loc))) continue
        const decorator = unconditionalSkip(decoratorsAbove(input.quote, path, c.loc.startLine))
        if (!decorator) continue
        how = `@${decorator}`
      }
      if (
        c.modifier === 'skip' &&
        explainedAbove(input.quote, path, c.loc.startLine, file.module.language === 'python')
      )
        continue
      const kind = c.kind === 'suite' ? 'suite' : 'test'
      if (c.kind === 'suite') reportedSuites.push(c)
      const name = `'${c.name.length > 60 ? `${c.name.slice(0, 57)}…` : c.name}'`
      if (c.modifier === 'only') {
        const others = file.tests.filter((t) => t !== c && !withinLines(t.loc, c.loc)).length
        out.push({
          file,
          draft: {
            messageId: 'focusedTest',
            data: { kind, name, modifier: how.replace(/\(…\)$/, ''), file: path, others },
            severity: 'high',
            confidence: 'high',
            rationale:
              'A focused test left in a commit turns the rest of the file off in CI without any failure to notice.',
            evidence: evidenceAt(input.quote, path, c.loc),
            key: `only|${c.name}`
          }
        })
      } else {
        out.push({
          file,
          draft: {
            messageId: 'skippedTest',
            data: { kind, name, file: path, how },
            severity: 'low',
            confidence: 'high',
            rationale:
              'A test switched off without a condition reports green while checking nothing; it should be fixed, turned into a tracked todo or deleted.',
            evidence: evidenceAt(input.quote, path, c.loc),
            key: `skip|${c.name}`
          }
        })
      }
    }
  }
  return out
}
