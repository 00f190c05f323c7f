// Command-line options a program declares, read from the calls in the code model: commander
// `.option('-p, --port <n>')` / `.requiredOption(...)`, yargs `.option('port', {...})`, argparse
// `add_argument('--port', '-p')` and click `@click.option('--port')` (a decorator is a call too).
import type { CodeModel } from '../../src/model/types.js'
import { stringLiteralValue } from '../shared/literals.js'
import { isApiPath } from './api.js'

export interface CliOption {
  /** `--port` (long form when there is one). */
  option: string
  how: string
  file: string
  line: number
}

/** Long and short flags in a commander/argparse/click flag string: `-p, --port <n>` gives `--port`. */
function flagsIn(text: string): string[] {
  const flags: string[] = []
  for (const token of text.split(/[\s,|]+/)) {
    const flag = token.replace(/[<[].*$/, '').replace(/=.*$/, '')
    if (/^--?[A-Za-z0-9][\w-]*$/.test(flag)) flags.push(flag)
  }
  const long = flags.filter((f) => f.startsWith('--'))
  return long.length > 0 ? long : flags
}

export function cliOptions(model: CodeModel): Map<string, CliOption> {
  const found = new Map<string, CliOption>()
  for (const module of model.modules) {
    if (module.isTest || !isApiPath(module.path)) continue
    for (const call of module.calls) {
      const first = stringLiteralValue(call.args[0])
      if (first === undefined) continue
      let flags: string[] = []
      let how = ''
      if ((call.name === 'option' || call.name === 'requiredOption') && first.startsWith('-')) {
        flags = flagsIn(first)
        how = call.receiver === 'click' ? '@click.option()' : `.${call.name}()`
      } else if (
        call.name === 'option' &&
        /^[A-Za-z][\w-]*$/.test(first) &&
        call.args[1]?.trim().startsWith('{')
      ) {
        flags = [first.length === 1 ? `-${first}` : `--${first}`] // yargs: .option('port', { ... })
        how = 'yargs .option()'
      } else if (call.name === 'add_argument' && first.startsWith('-')) {
        flags = call.args
          .map(stringLiteralValue)
          .filter((a): a is string => a !== undefined && a.startsWith('-'))
          .flatMap(flagsIn)
        const long = flags.filter((f) => f.startsWith('--'))
        if (long.length > 0) flags = long
        how = 'argparse add_argument()'
      }
      for (const option of flags) {
        if (!found.has(option))
          found.set(option, { option, how, file: module.path, line: call.loc.startLine })
      }
    }
  }
  return found
}
