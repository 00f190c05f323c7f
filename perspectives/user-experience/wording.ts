// User-facing error messages that say nothing: thrown errors with an empty or generic message
// ('Error', 'Something went wrong', 'An error occurred') and the same text passed to console.error,
// print, alert, toast and friends.
import type { CallSite, ThrowSite } from '../../src/model/types.js'
import { stringLiteralValue } from '../shared/literals.js'
import type { Severity } from '../types.js'
import { type CheckInput, type Found, type ModuleInfo, short, whereText } from './context.js'
import { within } from '../kit/index.js'

const GENERIC = new Set([
  'error',
  'errors',
  'an error occurred',
  'an error has occurred',
  'error occurred',
  'an unexpected error occurred',
  'unexpected error',
  'unknown error',
  'something went wrong',
  'something went wrong please try again',
  'something bad happened',
  'oops',
  'oops something went wrong',
  'whoops',
  'failed',
  'failure',
  'fail',
  'internal error',
  'invalid',
  'invalid input',
  'bad input',
  'bad request',
  'not ok',
  'uh oh',
  'an error',
  'error!',
  'exception',
  'unknown exception',
  'operation failed',
  'request failed'
])

/** Built-in error types whose bare name says nothing; a project's own type (`ConfigNotFound`) does. */
const BARE_TYPES = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'Exception',
  'ValueError',
  'RuntimeError',
  'OSError',
  'IOError'
])
const USER_CALLS = new Set([
  'alert',
  'toast',
  'showError',
  'notify',
  'message.error',
  'toast.error',
  'notification.error',
  'console.error',
  'print',
  'sys.stderr.write',
  'click.echo',
  'typer.echo',
  'logger.error',
  'core.setFailed',
  'core.error'
])

export function normalise(message: string): string {
  return message
    .toLowerCase()
    .replace(/[.!…:,\s]+/g, ' ')
    .trim()
}

export function isGeneric(message: string): boolean {
  const n = normalise(message)
  return n === '' || GENERIC.has(n)
}

function severityOf(info: ModuleInfo): Severity {
  return info.cli || (info.module.jsxElements?.length ?? 0) > 0 ? 'medium' : 'low'
}

/** Calls that read a line the user just typed: a message printed after one sits under the input. */
const PROMPT_READS = new Set(['input', 'raw_input', 'readline', 'rl.question'])

/**
 * A message shown in the same function that reads the user's typed line (buku's interactive prompt():
 * `print('Invalid input')` under the command the user just entered, judged "medium overstates it"):
 * the input is on the screen, so the message lacks only the remedy.
 */
function underTypedInput(info: ModuleInfo, at: CallSite): boolean {
  if (!at.enclosing) return false
  return info.module.calls.some(
    (c) => c.enclosing === at.enclosing && (PROMPT_READS.has(c.callee) || PROMPT_READS.has(c.name))
  )
}

/**
 * The literal a factory is given is a key of a message table in the module (webargs' `raise
 * self.make_error("invalid")` with `default_error_messages = {"invalid": "Not a valid delimited list."}`,
 * judged false): the user sees the table's text, not the key.
 */
function messageKey(source: readonly string[], t: ThrowSite): boolean {
  const factory = t.errorType?.split('.').pop() ?? ''
  if (t.message === undefined || t.message === '' || !/^[a-z_]/.test(factory)) return false
  const key = t.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const asKey = new RegExp(`(["'])${key}\\1\\s*:`)
  return source.some((line) => asKey.test(line))
}

function throwMessage(
  info: ModuleInfo,
  t: ThrowSite
): { shown: string; told: string; why: string } | undefined {
  if (t.rethrow || !t.errorType) return undefined
  const type = t.errorType.split('.').pop() ?? t.errorType
  if (t.message !== undefined) {
    if (!isGeneric(t.message)) return undefined
    return t.message.trim() === ''
      ? {
          shown: `${type} with an empty message`,
          told: 'nothing',
          why: 'an empty message tells nothing'
        }
      : {
          shown: `${type} with the message ${JSON.stringify(t.message)}`,
          told: JSON.stringify(t.message),
          why: 'it names no cause, input or remedy'
        }
  }
  if (!BARE_TYPES.has(type)) return undefined
  // No message at all: `new Error()`, `raise ValueError`, `raise ValueError()`.
  const text = t.text.replace(/\s+/g, '')
  const bare =
    info.dialect === 'js' ? /^(new)?[\w.]+\(\)$/.test(text) : /^[\w.]+(\(\))?$/.test(text)
  return bare
    ? {
        shown: `${type} without a message`,
        told: `only "${type}"`,
        why: `no message is given, so only the type ${type} is shown`
      }
    : undefined
}

function caughtLocally(info: ModuleInfo, t: ThrowSite): boolean {
  return info.module.tries.some((block) => {
    const first = block.handlers[0]
    if (
      !first ||
      block.enclosing !== t.enclosing ||
      !within(t.loc, block.loc) ||
      t.loc.startLine >= first.loc.startLine
    )
      return false
    const thrown = t.errorType?.split('.').pop()
    return block.handlers.some(
      (h) =>
        h.types.length === 0 ||
        h.types.some((type) => ['Exception', 'BaseException'].includes(type) || type === thrown)
    )
  })
}

/**
 * Every caller in the repository (at least one) catches what the function throws, by its type or all:
 * a signal between two functions, never shown to a user (round 5, judged false as a user message).
 */
function caughtByCallers(info: ModuleInfo, t: ThrowSite): boolean {
  const fn = info.module.functions.find((f) => f.qualifiedName === t.enclosing)
  const callers = fn?.callers ?? []
  if (callers.length === 0) return false
  const thrown = t.errorType?.split('.').pop()
  return callers.every(
    (c) =>
      c.handled &&
      (c.catches === undefined ||
        c.catches.length === 0 ||
        c.catches.some(
          (type) =>
            ['Exception', 'BaseException'].includes(type) || type.split('.').pop() === thrown
        ))
  )
}

export function checkWording(input: CheckInput): Found[] {
  const out: Found[] = []
  for (const info of input.modules) {
    const moduleSeverity = severityOf(info)
    const push = (
      at: ThrowSite | CallSite,
      kind: string,
      call: string,
      shown: string,
      told: string,
      why: string,
      key: string,
      severity: Severity = moduleSeverity
    ): void => {
      out.push({
        info,
        draft: {
          messageId: 'genericErrorMessage',
          data: {
            kind,
            shown,
            told,
            where: whereText(info, at.enclosing),
            call: `\`${short(call, 60)}\``,
            why
          },
          severity,
          confidence: 'high',
          rationale: `Severity ${severity}: ${severity === 'medium' ? 'the module talks to users (a command-line program or a UI component)' : severity !== moduleSeverity ? 'the message is printed under the line the user just typed, so only the remedy is missing' : 'the message reaches users through the callers that show it'}; confidence high: the message is a literal read from the code.`,
          evidence: input.quote.evidence(info.module.path, at.loc),
          key,
          ...(at.enclosing ? { symbol: at.enclosing } : {})
        }
      })
    }
    for (const t of info.module.throws) {
      // A throw caught in the same function (by a catch-all or by its own type) is control flow, never shown to anyone.
      if (caughtLocally(info, t) || caughtByCallers(info, t)) continue
      if (messageKey(input.quote.lines(info.module.path), t)) continue
      const found = throwMessage(info, t)
      if (!found) continue
      push(
        t,
        info.dialect === 'js' ? 'Throws' : 'Raises',
        `${info.dialect === 'js' ? 'throw' : 'raise'} ${t.text}`,
        found.shown,
        found.told,
        found.why,
        `throw:${t.enclosing ?? '<module>'}:${t.errorType}:${normalise(t.message ?? '')}`
      )
    }
    for (const call of info.module.calls) {
      if (!USER_CALLS.has(call.callee) && !USER_CALLS.has(call.name)) continue
      if (call.callee === 'print' || call.name === 'print') {
        // print() of a generic message is only user-facing in a program.
        if (!info.cli) continue
      }
      // 'Error:' followed by the error itself carries the details.
      if (call.args.length !== 1) continue
      const literal = stringLiteralValue(call.args[0])
      if (literal === undefined || literal.trim() === '' || !isGeneric(literal)) continue
      push(
        call,
        'Shows',
        `${call.callee}(${call.args.join(', ')})`,
        `the message ${JSON.stringify(literal)}`,
        JSON.stringify(literal),
        'it names no cause, input or remedy',
        `show:${call.enclosing ?? '<module>'}:${call.callee}:${normalise(literal)}`,
        underTypedInput(info, call) ? 'low' : moduleSeverity
      )
    }
  }
  return out
}
