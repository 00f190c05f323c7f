// Command-line programs that fail without saying so: failures that end with exit status 0, and errors
// printed to standard output instead of standard error.
import type { CallSite, CatchHandler } from '../../src/model/types.js'
import { within } from '../kit/index.js'
import { stringLiteralValue } from '../shared/literals.js'
import { type CheckInput, type Found, type ModuleInfo, push, short, whereText } from './context.js'

const ERROR_WORDS = /^\s*(error|fatal|failed|failure|cannot|can't|could not|unable)\b/i
/** Exceptions a user raises on purpose (Ctrl-C, Ctrl-D, a closed pipe): leaving quietly is deliberate. */
const USER_ENDED = new Set(['KeyboardInterrupt', 'EOFError', 'BrokenPipeError'])
const ENTRY_FUNCTIONS = new Set(['main', 'cli', 'run', 'runCli', 'run_cli', 'start', 'execute'])

function isExitCall(info: ModuleInfo, call: CallSite): boolean {
  if (info.dialect === 'js') return call.callee === 'process.exit'
  return (
    call.callee === 'sys.exit' || (call.callee === 'exit' && info.imports.get('exit') === 'sys')
  )
}

function exitsZero(info: ModuleInfo, call: CallSite): boolean {
  const arg = call.args[0]?.trim()
  return (
    isExitCall(info, call) &&
    (arg === undefined ||
      arg === '0' ||
      (info.dialect === 'python' && (arg === 'None' || arg === 'False')))
  )
}

function isLogCall(info: ModuleInfo, call: CallSite): boolean {
  if (info.dialect === 'js') return call.receiver === 'console'
  return call.callee === 'print' || /^(logging|logger|log|LOGGER|LOG)\.\w+$/.test(call.callee)
}

/** A log call that writes to standard output (console.log/info, print without file=). */
function toStdout(info: ModuleInfo, call: CallSite): boolean {
  if (info.dialect === 'js')
    return call.receiver === 'console' && (call.name === 'log' || call.name === 'info')
  return call.callee === 'print' && !(call.keywords ?? []).includes('file')
}

interface ErrorPath {
  /** Where the error path is: a catch/except handler or a `.catch()` callback. */
  loc: CallSite['loc']
  enclosing?: string
  param?: string
  label: string
  handler?: CatchHandler
}

function errorPaths(info: ModuleInfo): ErrorPath[] {
  const paths: ErrorPath[] = []
  for (const t of info.module.tries) {
    for (const h of t.handlers) {
      paths.push({
        loc: h.loc,
        enclosing: t.enclosing,
        param: h.param,
        label:
          info.dialect === 'js'
            ? 'catch'
            : `except${h.types.length ? ` ${h.types.join(', ')}` : ''}`,
        handler: h
      })
    }
  }
  if (info.dialect === 'js') {
    for (const call of info.module.calls) {
      if (call.name !== 'catch' || !call.receiver || call.args.length !== 1) continue
      const param = /^\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>/.exec(call.args[0].trim())?.[1]
      paths.push({
        loc: call.loc,
        enclosing: call.enclosing,
        param,
        label: `${short(call.receiver, 30)}.catch()`
      })
    }
  }
  return paths
}

function callsIn(info: ModuleInfo, path: ErrorPath): CallSite[] {
  return info.module.calls.filter(
    (c) =>
      within(c.loc, path.loc) &&
      !(c.loc.startLine === path.loc.startLine && c.loc.startColumn === path.loc.startColumn)
  )
}

/** Exceptions that carry a validation verdict: `EmailNotValidError`, `ValidationError`, `InvalidEmail`. */
const VERDICT_TYPE = /(NotValid|Invalid|Validation)\w*(Error|Exception)?$/

/**
 * A handler of only verdict exceptions: email-validator's CLI prints `EmailNotValidError` for each address
 * it was given to check, its report on standard output (judged false as "error on stdout", round 10).
 * Whether it also exits 0 is a separate finding (exitZeroOnError, judged true there).
 */
function verdictHandler(path: ErrorPath): boolean {
  const types = path.handler?.types ?? []
  return types.length > 0 && types.every((t) => VERDICT_TYPE.test(t.split('.').pop() ?? t))
}

export function exitAndOutput(info: ModuleInfo, input: CheckInput, out: Found[]): void {
  if (!info.cli) return
  const fnName = (enclosing?: string) => enclosing?.split('.').pop()
  for (const path of errorPaths(info)) {
    const calls = callsIn(info, path)
    const where = whereText(info, path.enclosing)
    const userEnded =
      path.handler !== undefined &&
      path.handler.types.length > 0 &&
      path.handler.types.every((t) => USER_ENDED.has(t.split('.').pop() ?? t))
    if (userEnded) continue
    const zero = calls.find((c) => exitsZero(info, c))
    const atEntry = !path.enclosing || ENTRY_FUNCTIONS.has(fnName(path.enclosing) ?? '')
    if (zero) {
      push(
        out,
        info,
        input,
        'exitZeroOnError',
        zero,
        `exit0:${path.enclosing ?? '<module>'}`,
        'high',
        'high',
        'Severity high: callers and CI read the exit status to know whether the program worked; confidence high: the exit with status 0 sits in the error handler.',
        {
          where,
          how: `${path.label} ends the program with \`${short(`${zero.callee}(${zero.args.join(', ')})`, 30)}\``
        },
        path.enclosing
      )
    } else if (atEntry) {
      const onlyLogs = path.handler
        ? path.handler.onlyLogs
        : calls.length > 0 &&
          calls.every((c) => isLogCall(info, c)) &&
          !/exitCode|exit\(|throw\b/.test(
            input.quote
              .lines(info.module.path)
              .slice(path.loc.startLine - 1, path.loc.endLine)
              .join('\n')
              .slice(0, 2000)
          )
      if (onlyLogs) {
        const logs = calls.filter((c) => isLogCall(info, c)).map((c) => `${c.callee}()`)
        push(
          out,
          info,
          input,
          'exitZeroOnError',
          path,
          `logonly:${path.enclosing ?? '<module>'}:${path.label}`,
          'medium',
          'medium',
          'Severity medium: callers and CI read the exit status to know whether the program worked; confidence medium: the status may be set elsewhere before the program ends.',
          {
            where,
            how: `${path.label} in the command-line program ${info.module.path} (${info.cli}) only logs (${[...new Set(logs)].join(', ') || 'a log call'}) and neither sets \`${info.dialect === 'js' ? 'process.exitCode' : 'sys.exit(1)'}\` nor re-raises`
          },
          path.enclosing
        )
      }
    }
    // A validator's verdict on what the user asked it to check is the program's report, not an error.
    for (const call of verdictHandler(path) ? [] : calls) {
      if (!toStdout(info, call)) continue
      const mentionsError = call.args.some((a) => {
        const lit = stringLiteralValue(a)
        if (lit !== undefined) return ERROR_WORDS.test(lit)
        return (
          path.param !== undefined &&
          new RegExp(`(^|[^\\w$])${path.param.replace(/\$/g, '\\$')}([^\\w$]|$)`).test(a)
        )
      })
      if (!mentionsError) continue
      pushStdout(info, input, out, call, path.param ? `the caught ${path.param}` : 'the error')
    }
  }
  // Outside handlers: console.log('Error: ...') / print('error: ...') in a command-line module.
  for (const call of info.module.calls) {
    if (!toStdout(info, call)) continue
    const lit = stringLiteralValue(call.args[0])
    if (lit === undefined || !ERROR_WORDS.test(lit)) continue
    if (
      out.some(
        (f) =>
          f.draft.messageId === 'errorToStdout' &&
          f.info === info &&
          'file' in f.draft.evidence &&
          f.draft.evidence.startLine === call.loc.startLine
      )
    )
      continue
    pushStdout(info, input, out, call, `the error message ${JSON.stringify(short(lit, 40))}`)
  }
}

function pushStdout(
  info: ModuleInfo,
  input: CheckInput,
  out: Found[],
  call: CallSite,
  what: string
): void {
  const fix =
    info.dialect === 'js' ? '`console.error`' : '`print(..., file=sys.stderr)` or `logging`'
  push(
    out,
    info,
    input,
    'errorToStdout',
    call,
    `stdout:${call.enclosing ?? '<module>'}:${call.callee}`,
    'low',
    'high',
    `Severity low: the message is shown, only on the wrong stream; confidence high: ${call.callee}() writes to standard output and this module is a command-line program (${info.cli}).`,
    {
      where: whereText(info, call.enclosing),
      call: `\`${short(`${call.callee}(${call.args.join(', ')})`, 60)}\``,
      what,
      fix
    },
    call.enclosing
  )
}
