// Hand-made argument parsing (process.argv, sys.argv read without a CLI library): options compared by
// hand should come with --help and a branch that rejects what it does not know.
import type { CallSite, ModuleModel } from '../../src/model/types.js'
import { stringLiteralValue } from '../shared/literals.js'
import {
  type CheckInput,
  CLI_LIBRARIES,
  type Found,
  type ModuleInfo,
  push,
  readsArgv,
  short,
  whereText
} from './context.js'

const OPTION_LIKE = /^--?[A-Za-z][\w-]*$/
const UNKNOWN_BRANCH =
  /unknown|unrecogni[sz]ed|invalid (option|argument|flag)|unsupported (option|argument|flag)|not a valid/i

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

export function handMadeParsing(info: ModuleInfo, input: CheckInput, out: Found[]): void {
  const { module, dialect } = info
  if ([...info.sources].some((s) => CLI_LIBRARIES.has(s))) return
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
  // A thrown template (`unknown option ${arg}`) has no literal message: its text is read instead.
  const messages = [
    ...module.strings.map((s) => s.value),
    ...module.throws.map((t) => t.message ?? t.text)
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
