// Command-line programs: options without help text (commander, yargs, argparse, click, typer), hand-made
// argument parsing without --help or an unknown-option branch, unknown options accepted on purpose.
// Hand-made parsing: cli-parsing.ts; exit statuses and where errors are printed: cli-exits.ts.
import type { CallSite } from '../../src/model/types.js'
import { stringLiteralValue } from '../shared/literals.js'
import {
  type CheckInput,
  type Found,
  type ModuleInfo,
  push,
  calleeSource,
  short,
  whereText
} from './context.js'
import { exitAndOutput } from './cli-exits.js'
import { handMadeParsing } from './cli-parsing.js'
import { unreadOptions } from './cli-unread.js'
import { droppedHosts } from './listen-host.js'

/** Keyword arguments that give an option its help text (`short_help` in wrappers such as httpie's). */
const HELP_KEYWORDS = new Set(['help', 'short_help'])

/** The help-text checks for the option-declaring calls of the CLI libraries. */
function optionsWithoutHelp(info: ModuleInfo, input: CheckInput, out: Found[]): void {
  let declared = 0
  const missing: Found[] = []
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
      declared++
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
      if (first === undefined) continue
      declared++
      if (call.args.length >= 2) continue
      library = 'commander'
      field = 'a description (the second argument)'
    } else if (
      info.dialect === 'js' &&
      [...info.sources].some((s) => s.startsWith('yargs')) &&
      ['option', 'positional'].includes(call.name) &&
      call.receiver
    ) {
      if (first === undefined) continue
      declared++
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
      if (first === undefined || helpNeverShown(info, call.receiver, call.enclosing)) continue
      // argparse gives `action='version'` and `action='help'` their own help text.
      if (call.args.some((a) => /^action\s*=\s*['"](version|help)['"]$/.test(a.trim()))) continue
      declared++
      if (call.keywords?.some((k) => HELP_KEYWORDS.has(k))) continue
      library = 'argparse'
      what = first.startsWith('-') ? 'option' : 'argument'
      field = '`help=`'
    } else if (
      info.dialect === 'python' &&
      (source === 'click' || source === 'typer') &&
      ['option', 'Option', 'Argument'].includes(call.name)
    ) {
      declared++
      if (call.keywords?.some((k) => HELP_KEYWORDS.has(k))) continue
      library = source
      what = call.name === 'Argument' ? 'argument' : 'option'
      field = '`help=`'
    } else continue
    const flag = first ?? (call.enclosing ? `of ${call.enclosing}()` : 'declared here')
    push(
      missing,
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
        call: `\`${short(`${call.name}(${call.args.join(', ')})`, 70)}\``,
        has: 'has',
        it: 'it',
        does: 'does'
      },
      call.enclosing
    )
  }
  out.push(
    ...(missing.length >= 2 && missing.length === declared ? [noneHelped(missing)] : missing)
  )
}

/**
 * An argparse parser built with `add_help=False` that no other parser takes as a parent: a pre-parser
 * (`known, rest = pre.parse_known_args(argv)` reading `-c` before the real parser is built, peewee's
 * migrations, judged false in round 10). Its options never appear in any help output.
 */
function helpNeverShown(
  info: ModuleInfo,
  receiver: string,
  enclosing: string | undefined
): boolean {
  const built = (info.module.bindings ?? []).find(
    (b) => b.name === receiver && b.enclosing === enclosing && /\bArgumentParser\s*\(/.test(b.value)
  )
  if (!built || !/\badd_help\s*=\s*False\b/.test(built.value)) return false
  const parent = new RegExp(`\\bparents\\s*=\\s*[\\[(][^\\])]*\\b${receiver}\\b`)
  return !info.module.calls.some((c) => c.args.some((a) => parent.test(a)))
}

/**
 * A program whose options all lack help text chose so (pyupgrade documents its flags in the README): one
 * finding naming them, at the first, instead of one an option (judged true and not worth reading 13 times).
 */
function noneHelped(missing: readonly Found[]): Found {
  const [first] = missing
  const flags = missing.map((f) => String(f.draft.data.flag))
  const shown =
    flags.length > 4
      ? `${flags.slice(0, 3).join(', ')} and ${flags.length - 3} more`
      : flags.join(', ')
  return {
    ...first,
    draft: {
      ...first.draft,
      data: {
        ...first.draft.data,
        what: `all ${missing.length} options`,
        flag: `(${shown})`,
        flags: flags.join(' '),
        call: `\`${first.info.module.path}\``,
        has: 'have',
        it: 'them',
        does: 'do'
      },
      key: `help:${String(first.draft.data.library)}:all`
    }
  }
}

/**
 * `known, rest = pre.parse_known_args(argv)` and later `parser.parse_args(rest)` in the same function: a
 * first pass reads one option (peewee's `-c` config file) and the second parser rejects what is left
 * (round 10, judged false).
 */
function restParsedLater(info: ModuleInfo, input: CheckInput, call: CallSite): boolean {
  const text = input.quote.line(info.module.path, call.loc.startLine)
  const rest = /^\s*\w+\s*,\s*([A-Za-z_]\w*)\s*=/.exec(text)?.[1]
  if (!rest) return false
  const word = new RegExp(`(^|[^\\w.])${rest}([^\\w]|$)`)
  return info.module.calls.some(
    (c) =>
      c.name === 'parse_args' &&
      c.enclosing === call.enclosing &&
      c.loc.startLine > call.loc.startLine &&
      c.args.some((a) => word.test(a))
  )
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
      !call.receiver.startsWith('super(') &&
      !restParsedLater(info, input, call)
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

export function checkCli(input: CheckInput): Found[] {
  const out: Found[] = []
  unreadOptions(input, out)
  droppedHosts(input, out)
  for (const info of input.modules) {
    optionsWithoutHelp(info, input, out)
    acceptedUnknown(info, input, out)
    if (info.cli) handMadeParsing(info, input, out)
    exitAndOutput(info, input, out)
  }
  return out
}
