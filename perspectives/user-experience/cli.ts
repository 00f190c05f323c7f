// Command-line programs: options without help text (commander, yargs, argparse, click, typer), hand-made
// argument parsing without --help or an unknown-option branch, unknown options accepted on purpose,
// failures that end with exit status 0, and errors printed to standard output.
import type { CallSite, CatchHandler, ModuleModel } from '../../src/model/types.js'
import { stringLiteralValue } from '../shared/literals.js'
import type { Confidence, Severity } from '../types.js'
import {
  type CheckInput,
  type Found,
  type ModuleInfo,
  calleeSource,
  readsArgv,
  short,
  whereText
} from './context.js'
import type { UserExperienceMessageId } from './messages.js'
import { within } from '../kit/index.js'

const OPTION_LIKE = /^--?[A-Za-z][\w-]*$/
const UNKNOWN_BRANCH =
  /unknown|unrecogni[sz]ed|invalid (option|argument|flag)|unsupported (option|argument|flag)|not a valid/i
const ERROR_WORDS = /^\s*(error|fatal|failed|failure|cannot|can't|could not|unable)\b/i
/** Keyword arguments that give an option its help text (`short_help` in wrappers such as httpie's). */
const HELP_KEYWORDS = new Set(['help', 'short_help'])
/** Exceptions a user raises on purpose (Ctrl-C, Ctrl-D, a closed pipe): leaving quietly is deliberate. */
const USER_ENDED = new Set(['KeyboardInterrupt', 'EOFError', 'BrokenPipeError'])
const ENTRY_FUNCTIONS = new Set(['main', 'cli', 'run', 'runCli', 'run_cli', 'start', 'execute'])

function push(
  out: Found[],
  info: ModuleInfo,
  input: CheckInput,
  messageId: UserExperienceMessageId,
  at: { loc: CallSite['loc'] },
  key: string,
  severity: Severity,
  confidence: Confidence,
  rationale: string,
  data: Record<string, string | number>,
  symbol?: string
): void {
  out.push({
    info,
    draft: {
      messageId,
      data,
      severity,
      confidence,
      rationale,
      evidence: input.quote.evidence(info.module.path, at.loc),
      key,
      ...(symbol ? { symbol } : {})
    }
  })
}

/** The help-text checks for the option-declaring calls of the CLI libraries. */
function optionsWithoutHelp(info: ModuleInfo, input: CheckInput, out: Found[]): void {
  for (const call of info.module.calls) {
    const source = calleeSource(info, call)
    const first = stringLiteralValue(call.args[0])
    let library: string | undefined
    let what = 'option'
    let field = 'a description'
    if (
      info.dialect === 'js' &&
      info.sources.has('commander') &&
      ['option', 'requiredOption', 'argument'].includes(call.name) &&
      call.receiver
    ) {
      if (first === undefined || (call.name !== 'argument' && !first.startsWith('-'))) continue
      if (call.args.length >= 2) continue
      library = 'commander'
      what = call.name === 'argument' ? 'argument' : 'option'
      field = 'a description (the second argument)'
    } else if (
      info.dialect === 'js' &&
      info.sources.has('commander') &&
      call.isNew &&
      call.name === 'Option'
    ) {
      if (first === undefined || call.args.length >= 2) continue
      library = 'commander'
      field = 'a description (the second argument)'
    } else if (
      info.dialect === 'js' &&
      [...info.sources].some((s) => s.startsWith('yargs')) &&
      ['option', 'positional'].includes(call.name) &&
      call.receiver
    ) {
      if (first === undefined) continue
      const config = call.args[1]?.trim()
      if (
        config !== undefined &&
        (!config.startsWith('{') || /\b(describe|description|desc)\s*:/.test(config))
      )
        continue
      library = 'yargs'
      what = call.name === 'positional' ? 'positional argument' : 'option'
      field = '`describe`'
    } else if (info.dialect === 'python' && call.name === 'add_argument' && call.receiver) {
      if (first === undefined || call.keywords?.some((k) => HELP_KEYWORDS.has(k))) continue
      // argparse gives `action='version'` and `action='help'` their own help text.
      if (call.args.some((a) => /^action\s*=\s*['"](version|help)['"]$/.test(a.trim()))) continue
      library = 'argparse'
      what = first.startsWith('-') ? 'option' : 'argument'
      field = '`help=`'
    } else if (
      info.dialect === 'python' &&
      (source === 'click' || source === 'typer') &&
      ['option', 'Option', 'Argument'].includes(call.name)
    ) {
      if (call.keywords?.some((k) => HELP_KEYWORDS.has(k))) continue
      library = source
      what = call.name === 'Argument' ? 'argument' : 'option'
      field = '`help=`'
    } else continue
    const flag = first ?? (call.enclosing ? `of ${call.enclosing}()` : 'declared here')
    push(
      out,
      info,
      input,
      'optionWithoutHelp',
      call,
      `help:${library}:${flag}`,
      'low',
      'high',
      `Severity low: the program still works, but its help output leaves ${flag} unexplained; confidence high: the declaring call has no description argument.`,
      {
        what,
        flag,
        library,
        field,
        call: `\`${short(`${call.name}(${call.args.join(', ')})`, 70)}\``
      },
      call.enclosing
    )
  }
}

/** Conditions and switch cases that compare an argument with option-like literals. */
function handParsed(module: ModuleModel): {
  first?: CallSite['loc']
  options: string[]
  switchWithoutDefault?: ModuleModel['switches'][number]
} {
  const options: string[] = []
  let first: CallSite['loc'] | undefined
  for (const c of module.conditions) {
    for (const cmp of c.comparisons) {
      if (typeof cmp.literal === 'string' && OPTION_LIKE.test(cmp.literal)) {
        options.push(cmp.literal)
        first ??= c.loc
      }
    }
  }
  let switchWithoutDefault
  for (const s of module.switches) {
    const literal = s.cases
      .map((c) => stringLiteralValue(c))
      .filter((v): v is string => v !== undefined && OPTION_LIKE.test(v))
    if (literal.length >= 2 && !s.hasDefault) switchWithoutDefault ??= s
    options.push(...literal)
    if (literal.length > 0) first ??= s.loc
  }
  return { first, options: [...new Set(options)], switchWithoutDefault }
}

function handMadeParsing(info: ModuleInfo, input: CheckInput, out: Found[]): void {
  const { module, dialect } = info
  if (
    [...info.sources].some((s) =>
      [
        'commander',
        'yargs',
        'minimist',
        'meow',
        'cac',
        'sade',
        'mri',
        'arg',
        'argparse',
        'click',
        'typer',
        'optparse',
        'getopt',
        'docopt',
        'fire'
      ].includes(s)
    )
  )
    return
  if (!readsArgv(module, dialect)) return
  const parsed = handParsed(module)
  if (parsed.options.length < 2 || !parsed.first) return
  const argv = dialect === 'js' ? 'process.argv' : 'sys.argv'
  const shown = parsed.options
    .slice(0, 4)
    .map((o) => `\`${o}\``)
    .join(', ')
  const literals = new Set([...module.strings.map((s) => s.value), ...parsed.options])
  if (!literals.has('--help') && !literals.has('-h')) {
    push(
      out,
      info,
      input,
      'noHelpOption',
      { loc: parsed.first },
      `help:${module.path}`,
      'medium',
      'medium',
      'Severity medium: users of the program cannot discover its options; confidence medium: help may be printed by a wrapper the model does not see.',
      { file: module.path, argv, options: shown }
    )
  }
  const messages = [
    ...module.strings.map((s) => s.value),
    ...module.throws.map((t) => t.message ?? '')
  ]
  if (parsed.switchWithoutDefault) {
    const s = parsed.switchWithoutDefault
    push(
      out,
      info,
      input,
      'unknownOptionAccepted',
      s,
      `switch:${s.discriminant}`,
      'medium',
      'high',
      'Severity medium: a typo silently changes what the program does; confidence high: the switch over the options has no default branch.',
      {
        outcome: 'ignored',
        where: whereText(info, s.enclosing),
        how: `\`switch (${short(s.discriminant, 30)})\` over ${shown} has no \`default\` branch`,
        example: '`--verbsoe`'
      },
      s.enclosing
    )
  } else if (!messages.some((m) => UNKNOWN_BRANCH.test(m))) {
    push(
      out,
      info,
      input,
      'unknownOptionAccepted',
      { loc: parsed.first },
      `argv:${module.path}`,
      'medium',
      'low',
      'Severity medium: a typo silently changes what the program does; confidence low: no message about an unknown option was found, but the check may be written in a way the model does not show.',
      {
        outcome: 'ignored',
        where: module.path,
        how: `${argv} is compared with ${shown} and no message about an unknown option appears in the module`,
        example: '`--verbsoe`'
      }
    )
  }
}

/** Library settings that accept unknown options on purpose. */
function acceptedUnknown(info: ModuleInfo, input: CheckInput, out: Found[]): void {
  const { module } = info
  const yargs = [...info.sources].some((s) => s.startsWith('yargs'))
  for (const call of module.calls) {
    if (
      info.dialect === 'js' &&
      info.sources.has('commander') &&
      call.name === 'allowUnknownOption' &&
      call.receiver &&
      call.args[0]?.trim() !== 'false'
    ) {
      push(
        out,
        info,
        input,
        'unknownOptionAccepted',
        call,
        'commander:allowUnknownOption',
        'medium',
        'high',
        'Severity medium: a typo silently changes what the program does; confidence high: commander rejects unknown options unless told otherwise, and here it is told.',
        {
          outcome: 'accepted silently',
          where: whereText(info, call.enclosing),
          how: "`.allowUnknownOption()` turns off commander's check",
          example: '`--fro` for `--from`'
        },
        call.enclosing
      )
    }
    // A parser subclass calling its own parse_known_args is implementing parse_args, which rejects the rest.
    if (
      info.dialect === 'python' &&
      call.name === 'parse_known_args' &&
      call.receiver &&
      call.receiver !== 'self' &&
      !call.receiver.startsWith('super(')
    ) {
      push(
        out,
        info,
        input,
        'unknownOptionAccepted',
        call,
        'argparse:parse_known_args',
        'low',
        'medium',
        'Severity low: unknown arguments are collected rather than rejected; confidence medium: the program may pass the rest on to another tool on purpose.',
        {
          outcome: 'set aside',
          where: whereText(info, call.enclosing),
          how: '`parse_known_args()` returns the arguments it does not know instead of failing',
          example: '`--fro` for `--from`'
        },
        call.enclosing
      )
    }
    if (
      info.dialect === 'python' &&
      call.keywords?.includes('ignore_unknown_options') &&
      call.args.some((a) => /^ignore_unknown_options\s*=\s*True$/.test(a.trim()))
    ) {
      push(
        out,
        info,
        input,
        'unknownOptionAccepted',
        call,
        'click:ignore_unknown_options',
        'medium',
        'high',
        'Severity medium: a typo silently changes what the program does; confidence high: the setting is written out.',
        {
          outcome: 'accepted silently',
          where: whereText(info, call.enclosing),
          how: "`ignore_unknown_options=True` turns off click's check",
          example: '`--fro` for `--from`'
        },
        call.enclosing
      )
    }
  }
  if (yargs) {
    const declares = module.calls.filter(
      (c) => c.receiver && ['option', 'options', 'positional', 'command'].includes(c.name)
    )
    const strict = module.calls.some(
      (c) =>
        ['strict', 'strictOptions', 'strictCommands'].includes(c.name) &&
        c.args[0]?.trim() !== 'false'
    )
    if (declares.length > 0 && !strict) {
      const at = declares[0]
      push(
        out,
        info,
        input,
        'unknownOptionAccepted',
        at,
        'yargs:not-strict',
        'medium',
        'medium',
        'Severity medium: a typo silently changes what the program does; confidence medium: yargs accepts unknown options unless `.strict()` is called, which may happen in another module.',
        {
          outcome: 'accepted silently',
          where: module.path,
          how: 'the yargs parser declares its options but never calls `.strict()` or `.strictOptions()`',
          example: '`--fro` for `--from`'
        },
        at.enclosing
      )
    }
  }
}

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

function exitAndOutput(info: ModuleInfo, input: CheckInput, out: Found[]): void {
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
    for (const call of calls) {
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

export function checkCli(input: CheckInput): Found[] {
  const out: Found[] = []
  for (const info of input.modules) {
    optionsWithoutHelp(info, input, out)
    acceptedUnknown(info, input, out)
    if (info.cli) handMadeParsing(info, input, out)
    exitAndOutput(info, input, out)
  }
  return out
}
