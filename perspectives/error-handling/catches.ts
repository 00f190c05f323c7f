// catch/except handlers: swallowed errors, handlers that only log, bare `except:`, and new errors
// raised inside a handler without the caught one as their cause.
import type {
  CallSite,
  CatchHandler,
  FunctionDecl,
  ThrowSite,
  TryBlock
} from '../../src/model/types.js'
import { splitTopLevel } from '../shared/values.js'
import type { Confidence, Severity } from '../types.js'
import { type CheckInput, type Found, guardedCalls, type ModuleInfo, whereText } from './context.js'
import { ONE_LOWER, within } from '../kit/index.js'
import { deliberateReason } from './deliberate.js'
import { answeredByCallers } from './no-answer.js'

/**
 * Python exceptions that are routinely caught and dropped on purpose: optional imports, the iteration
 * protocol, and the "expected absence" family, where the except is control flow (an optional key or
 * file, try-int-then-text parsing, feature detection, Ctrl-C at a server's top). Judges called every
 * swallow of these a deliberate fallback, not a lost failure; a broad `except Exception` still counts.
 */
const ROUTINE_PY = new Set([
  'ImportError',
  'ModuleNotFoundError',
  'StopIteration',
  'StopAsyncIteration',
  'GeneratorExit',
  'KeyError',
  'IndexError',
  'LookupError',
  'AttributeError',
  'ValueError',
  'TypeError',
  'FileNotFoundError',
  'FileExistsError',
  'NotADirectoryError',
  'IsADirectoryError',
  'UnicodeDecodeError',
  'NotImplementedError',
  'KeyboardInterrupt'
])
const BROAD_PY = new Set(['Exception', 'BaseException', 'builtins.Exception'])

/** A JavaScript catch catches everything; a Python except does when bare or typed Exception/BaseException. */
function catchesEverything(handler: CatchHandler): boolean {
  return handler.types.length === 0 || handler.types.some((t) => BROAD_PY.has(t))
}

function clauseText(info: ModuleInfo, handler: CatchHandler): string {
  if (info.dialect === 'js') return handler.param ? `catch (${handler.param})` : 'catch'
  if (handler.bare) return 'except:'
  const types = handler.types.length === 1 ? handler.types[0] : `(${handler.types.join(', ')})`
  return `except ${types}${handler.param ? ` as ${handler.param}` : ''}`
}

function guardedText(calls: CallSite[]): string {
  const names = [...new Set(calls.map((c) => c.callee))].slice(0, 3)
  if (names.length === 0) return 'a block without calls'
  const more = new Set(calls.map((c) => c.callee)).size - names.length
  return `${names.map((n) => `${n}()`).join(', ')}${more > 0 ? ` and ${more} more` : ''}`
}

/** Whether the handler's lines hold a comment: an author who explains an empty handler meant it. */
function commented(input: CheckInput, info: ModuleInfo, handler: CatchHandler): boolean {
  const lines = input.quote
    .lines(info.module.path)
    .slice(handler.loc.startLine - 1, handler.loc.endLine)
  const text = lines.join('\n')
  return info.dialect === 'js'
    ? text.includes('//') || text.includes('/*')
    : lines.some((l) => l.trimStart().startsWith('#') || l.includes(' #'))
}

const CANCELLED = /(^|\.)CancelledError$/
/** Error types of parsers: a handler that drops one can leave the report to another parse. */
const PARSE_ERROR = /(Parse|Parser|Syntax|Scanner|Decode|YAML|JSON|Token)(Error|Exception)$/

/**
 * Swallows judged deliberate on the session-5 repositories: `except CancelledError: pass` after the same
 * function cancelled the task it awaits (the cancel-then-await idiom); a parse error dropped where the
 * same module catches that error elsewhere and handles it (the re-parse reports it); an empty handler
 * whose comment explains it (a fallback on purpose, unless the comment is a TODO).
 */
function deliberateSwallow(
  input: CheckInput,
  info: ModuleInfo,
  tryBlock: TryBlock,
  handler: CatchHandler
): boolean {
  const types = handler.types
  if (types.length > 0 && types.every((t) => CANCELLED.test(t))) {
    const calls = info.callsByScope.get(tryBlock.enclosing ?? '') ?? []
    if (calls.some((c) => c.name === 'cancel' && c.loc.startLine <= tryBlock.loc.startLine))
      return true
  }
  if (types.length > 0 && types.every((t) => PARSE_ERROR.test(t))) {
    const reported = info.module.tries.some(
      (t) =>
        t !== tryBlock &&
        t.handlers.some((h) => !h.empty && !h.swallows && h.types.some((x) => types.includes(x)))
    )
    if (reported) return true
  }
  return handler.empty && explained(input, info, handler)
}

/** A comment inside the handler that is not a note of work left to do. */
function explained(input: CheckInput, info: ModuleInfo, handler: CatchHandler): boolean {
  if (!commented(input, info, handler)) return false
  const text = input.quote
    .lines(info.module.path)
    .slice(handler.loc.startLine - 1, handler.loc.endLine)
    .join('\n')
  return !/\b(TODO|FIXME|XXX|HACK)\b/.test(text)
}

function handlerCalls(info: ModuleInfo, tryBlock: TryBlock, handler: CatchHandler): CallSite[] {
  return (info.callsByScope.get(tryBlock.enclosing ?? '') ?? []).filter((c) =>
    within(c.loc, handler.loc)
  )
}

function swallowBody(info: ModuleInfo, handler: CatchHandler): { text: string; fallback: boolean } {
  if (handler.empty)
    return { text: info.dialect === 'js' ? 'is empty' : 'only passes', fallback: false }
  return {
    text: `does nothing but ${info.dialect === 'js' ? 'return nothing, continue or break' : 'pass, continue or return None'}`,
    fallback: true
  }
}

/** A try that sits in the finally block of an enclosing try of the same function: clean-up code. */
function inFinallyBlock(info: ModuleInfo, tryBlock: TryBlock): boolean {
  return info.module.tries.some((outer) => {
    if (
      outer === tryBlock ||
      !outer.hasFinally ||
      outer.enclosing !== tryBlock.enclosing ||
      !within(tryBlock.loc, outer.loc)
    )
      return false
    // The finally block comes last: after every handler, and after the try body (approximated by the last handler's end).
    const last = outer.handlers[outer.handlers.length - 1]
    return last ? tryBlock.loc.startLine > last.loc.endLine : false
  })
}

const INTERRUPTS = new Set(['KeyboardInterrupt', 'BaseException'])

/** The names an except clause lists, a module-level tuple (`_reraised = (ExitNow, KeyboardInterrupt)`) read through. */
function caughtNames(info: ModuleInfo, types: string[]): string[] {
  const names: string[] = []
  for (const type of types) {
    names.push(type)
    const tuple = (info.module.bindings ?? []).find(
      (b) => b.enclosing === undefined && b.name === type && b.operator === '='
    )
    const value = tuple?.value.trim() ?? ''
    if (value.startsWith('(') && value.endsWith(')'))
      names.push(...splitTopLevel(value.slice(1, -1), ',').map((t) => t.trim()))
  }
  return names.map((n) => n.split('.').pop() ?? n)
}

/** An earlier handler of the same try re-raises KeyboardInterrupt as it is (a bare `raise`). */
function interruptsReraisedBefore(
  info: ModuleInfo,
  tryBlock: TryBlock,
  handler: CatchHandler
): boolean {
  return tryBlock.handlers.some(
    (h) =>
      h !== handler &&
      h.loc.startLine < handler.loc.startLine &&
      h.rethrows &&
      info.module.throws.some(
        (t) => t.rethrow && t.enclosing === tryBlock.enclosing && within(t.loc, h.loc)
      ) &&
      caughtNames(info, h.types).some((n) => INTERRUPTS.has(n))
  )
}

/** Calls that run the callable they are given on a thread, process or pool of their own. */
const THREAD_STARTERS = new Set([
  'Thread',
  'Process',
  'Timer',
  'start_new_thread',
  '_start_new_thread',
  'submit',
  'run_in_executor',
  'apply_async'
])

/**
 * The try sits in a `while` loop of a function that the module hands to a thread (a thread
 * target: `start_new_thread(self.handler_thread, n)`, `Thread(target=self.run)`): logging and going
 * on keeps the worker alive, and nothing calls it to be told (judged deliberate on waitress).
 */
function workerLoop(info: ModuleInfo, tryBlock: TryBlock): boolean {
  const scope = tryBlock.enclosing
  if (!scope) return false
  const inLoop = info.module.loops.some(
    (l) => l.kind === 'while' && l.enclosing === scope && within(tryBlock.loc, l.loc)
  )
  if (!inLoop) return false
  const name = scope.split('.').pop() ?? scope
  const refs = new Set([name, `self.${name}`, `this.${name}`])
  return info.module.calls.some((c) =>
    (c.arguments ?? []).some(
      (a) =>
        a.kind !== 'call' &&
        (a.keyword === 'target' || (!a.keyword && THREAD_STARTERS.has(c.name))) &&
        refs.has(a.keyword ? a.text.slice(a.text.indexOf('=') + 1).trim() : a.text.trim())
    )
  )
}

/**
 * A module-level try, not in an inline callback (the model gives module-level code no enclosing
 * function, so one that holds a function argument could run later): code that runs once on import.
 */
function loadTimeSetup(info: ModuleInfo, tryBlock: TryBlock): boolean {
  if (tryBlock.enclosing !== undefined) return false
  return !info.module.calls.some(
    (c) =>
      c.enclosing === undefined &&
      (c.arguments ?? []).some((a) => a.kind === 'function') &&
      within(tryBlock.loc, c.loc)
  )
}

/** Callee names that hold a function the user handed in: `this._retryCallback`, `options.onError`, `cb`. */
const CALLBACK_NAME = /([Cc]allback|[Hh]ook|[Hh]andler|[Ll]istener|^on[A-Z]\w*|^cb|^fn)$/

/**
 * Every call the try guards is a callback the user supplied: a parameter of the function, or a property
 * named like one (`this._retryCallback(err, res)`). Logging its failure and going on with the defaults
 * is the fallback superagent's retry logic means (judged a deliberate fallback). Its callee, or undefined.
 */
function userCallbackOnly(guarded: CallSite[], fn: FunctionDecl | undefined): string | undefined {
  if (guarded.length === 0) return undefined
  const params = new Set((fn?.params ?? []).map((p) => p.name))
  const user = (c: CallSite) =>
    params.has(c.callee) ||
    (c.receiver !== undefined &&
      /^(this|self)(\.\w+)?$|^(options|opts)$/.test(c.receiver) &&
      CALLBACK_NAME.test(c.name.replace(/^_+/, '')))
  return guarded.every(user) ? guarded[0].callee : undefined
}

export function checkHandlers(input: CheckInput): Found[] {
  const out: Found[] = []
  for (const info of input.modules) {
    for (const tryBlock of info.module.tries) {
      tryBlock.handlers.forEach((handler, handlerIndex) => {
        const found = checkHandler(input, info, tryBlock, handler)
        if (found) out.push({ ...found, tryBlock, handlerIndex })
        out.push(...lostCauses(input, info, tryBlock, handler, handlerIndex))
      })
    }
  }
  return out
}

function checkHandler(
  input: CheckInput,
  info: ModuleInfo,
  tryBlock: TryBlock,
  handler: CatchHandler
): Omit<Found, 'tryBlock' | 'handlerIndex'> | null {
  if (handler.rethrows) return null
  const where = whereText(info, tryBlock.enclosing)
  const guarded = guardedCalls(info, tryBlock)
  const clause = clauseText(info, handler)
  const fn = tryBlock.enclosing ? info.functions.get(tryBlock.enclosing) : undefined
  const evidence = input.quote.evidence(info.module.path, handler.loc)
  const scope = tryBlock.enclosing ?? '<module>'
  const base = { info, ...(fn ? { fn } : {}) }
  const what = guardedText(guarded)
  if (handler.bare) {
    // `except (KeyboardInterrupt, SystemExit): raise` before it: Ctrl-C and sys.exit() get through (judged false on waitress).
    if (interruptsReraisedBefore(info, tryBlock, handler)) return null
    const body =
      handler.empty || handler.swallows
        ? 'swallows what it catches'
        : handler.onlyLogs
          ? 'only logs it'
          : 'handles it without re-raising'
    const severity: Severity =
      handler.empty || handler.swallows || handler.onlyLogs ? 'high' : 'medium'
    return {
      ...base,
      draft: {
        messageId: 'bareExcept',
        data: { where, guarded: what, body },
        severity,
        confidence: 'high',
        rationale: `A bare except also traps KeyboardInterrupt and SystemExit; here it ${body}, so neither Ctrl-C nor sys.exit() gets through ${where}.`,
        evidence,
        key: `bare:${scope}:${what}`,
        symbol: scope
      }
    }
  }
  const broad = catchesEverything(handler)
  const cleanup = inFinallyBlock(info, tryBlock)
  if (
    (handler.empty || handler.swallows || handler.onlyLogs) &&
    deliberateReason(tryBlock, handler, guarded, fn, cleanup) !== undefined
  )
    return null
  if (handler.empty || handler.swallows) {
    if (
      info.dialect === 'python' &&
      handler.types.length > 0 &&
      handler.types.every((t) => ROUTINE_PY.has(t))
    )
      return null
    if (deliberateSwallow(input, info, tryBlock, handler)) return null
    // The function answers "nothing" and every caller checks for it (a 404, a default): not dropped.
    if (answeredByCallers(input, tryBlock, fn) !== undefined) return null
    const body = swallowBody(info, handler)
    const note = commented(input, info, handler)
    let severity: Severity = broad ? 'medium' : 'low'
    let confidence: Confidence = broad ? 'medium' : 'low'
    if (note || body.fallback || cleanup) {
      severity = ONE_LOWER[severity]
      confidence = 'low'
    }
    const reasons = [
      broad ? 'it catches every error' : `it catches only ${handler.types.join(', ')}`,
      body.fallback
        ? 'the caller gets an empty result it may check'
        : 'nothing is returned, logged or re-thrown',
      ...(note ? ['a comment in the handler suggests it is deliberate'] : []),
      ...(cleanup
        ? ['it guards clean-up inside a finally block, where going on is usually the intent']
        : [])
    ]
    return {
      ...base,
      draft: {
        messageId: 'swallowedError',
        data: { clause, where, guarded: what, body: body.text },
        severity,
        confidence,
        rationale: `Severity ${severity}: ${reasons.join('; ')}.`,
        evidence,
        key: `swallow:${scope}:${what}`,
        symbol: scope
      }
    }
  }
  if (handler.onlyLogs) {
    // A worker thread's loop that logs a failed task and takes the next: there is no caller to tell.
    if (broad && workerLoop(info, tryBlock)) return null
    // Set-up when the module loads (`Object.defineProperty(...)` on a frozen prototype): there is no
    // caller to tell, and a warning is how a library reports it (judged deliberate on ejs).
    if (loadTimeSetup(info, tryBlock)) return null
    const logs =
      [...new Set(handlerCalls(info, tryBlock, handler).map((c) => c.callee))].join(', ') ||
      'a log call'
    const entry = input.entryModules.has(info.module.path)
    const callback = userCallbackOnly(guarded, fn)
    const severity: Severity = broad && !entry && !cleanup && !callback ? 'medium' : 'low'
    return {
      ...base,
      draft: {
        messageId: 'logOnlyCatch',
        data: {
          clause,
          where,
          guarded: what,
          logs,
          after: callback
            ? `${tryBlock.enclosing ?? 'the code'}() falls back to its default behaviour, as when ${callback} gives no answer`
            : tryBlock.enclosing
              ? `${tryBlock.enclosing}() goes on as if it had succeeded`
              : 'the module goes on loading'
        },
        severity,
        confidence: 'medium',
        rationale:
          `Severity ${severity}: ${broad ? 'it catches every error' : `it catches only ${handler.types.join(', ')}`}` +
          `${entry ? ` and ${info.module.path} is a command-line entry point (${input.entryModules.get(info.module.path)}), where reporting and going on can be the intent` : ''}` +
          `${cleanup ? ' and it guards clean-up inside a finally block' : ''}` +
          `${callback ? ` and what fails is ${callback}, a callback the user supplied: logging it and applying the defaults is a deliberate fallback` : ''}; ` +
          'logging is recovery only if the code after it copes with the missing result.',
        evidence,
        key: `log:${scope}:${what}`,
        symbol: scope
      }
    }
  }
  return null
}

/** The arguments of `new X(a, b)` / `X(a, b)`, split at top level. */
function constructorArgs(text: string): string[] {
  const open = text.indexOf('(')
  const close = text.lastIndexOf(')')
  if (open < 0 || close < open) return []
  return splitTopLevel(text.slice(open + 1, close), ',')
}

function mentions(text: string, name: string): boolean {
  let at = text.indexOf(name)
  while (at >= 0) {
    const before = text[at - 1] ?? ' '
    const after = text[at + name.length] ?? ' '
    if (!/[\w$.]/.test(before) && !/[\w$]/.test(after)) return true
    at = text.indexOf(name, at + 1)
  }
  return false
}

function lostCauses(
  input: CheckInput,
  info: ModuleInfo,
  tryBlock: TryBlock,
  handler: CatchHandler,
  handlerIndex: number
): Found[] {
  const out: Found[] = []
  const scope = tryBlock.enclosing ?? '<module>'
  const throws = info.module.throws.filter(
    (t) => t.enclosing === tryBlock.enclosing && within(t.loc, handler.loc) && !t.rethrow
  )
  // A throw inside a nested try's handler belongs to that handler.
  const nested = info.module.tries.filter((t) => t !== tryBlock && within(t.loc, handler.loc))
  for (const site of throws) {
    if (nested.some((t) => t.handlers.some((h) => within(site.loc, h.loc)))) continue
    const finding = lostCause(input, info, tryBlock, handler, site)
    if (finding)
      out.push({
        ...finding,
        tryBlock,
        handlerIndex,
        draft: { ...finding.draft, symbol: scope }
      })
  }
  return out
}

/**
 * JavaScript only. A Python raise inside an except keeps the caught exception as `__context__` and the
 * traceback shows both ("During handling of the above exception, another exception occurred"); judges
 * called every such finding partly true at best (4 of 4, session 5), and `from None` hides it on purpose.
 * A JS `new Error(...)` without `{ cause }` keeps nothing of the caught error.
 */
function lostCause(
  input: CheckInput,
  info: ModuleInfo,
  tryBlock: TryBlock,
  handler: CatchHandler,
  site: ThrowSite
): Omit<Found, 'rank'> | null {
  if (!site.errorType || info.dialect === 'python') return null
  if (!site.text.startsWith('new ')) return null
  const param = handler.param
  const args = constructorArgs(site.text)
  if (args.some((a) => (param !== undefined && a.trim() === param) || mentions(a, 'cause')))
    return null
  const keepsMessage = param !== undefined && mentions(args.join(','), param)
  const caught = param ?? 'the error'
  const clause = clauseText(info, handler)
  const detail = param
    ? `without \`{ cause: ${param} }\`${keepsMessage ? ` (only ${param}'s text goes into the new message)` : ''}`
    : 'without binding it, so it cannot be passed as the cause'
  const severity: Severity = keepsMessage ? 'low' : 'medium'
  const fn = tryBlock.enclosing ? info.functions.get(tryBlock.enclosing) : undefined
  return {
    info,
    ...(fn ? { fn } : {}),
    draft: {
      messageId: 'lostCause',
      data: {
        errorType: site.errorType,
        where: whereText(info, tryBlock.enclosing),
        clause,
        caught,
        raises: `throws a new ${site.errorType}`,
        detail
      },
      severity,
      confidence: param === undefined || !keepsMessage ? 'high' : 'medium',
      rationale: `Severity ${severity}: ${keepsMessage ? 'the message survives but the stack and type of the original do not' : 'nothing of the original error survives'}.`,
      evidence: input.quote.evidence(info.module.path, site.loc),
      key: `cause:${tryBlock.enclosing ?? '<module>'}:${site.errorType}`
    }
  }
}
