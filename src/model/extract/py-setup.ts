// setup.py's `setup(entry_points={'console_scripts': ['pyjwt = jwt.__main__:main']})`: the commands a
// package installs, read from the call's literal dictionary (a name bound elsewhere is not followed).
import type { Node } from 'web-tree-sitter'
import { stringValue } from './py-syntax.js'

/** The console scripts a `setup(...)` argument list declares, by command name; undefined when none. */
export function consoleScriptsOf(args: Node): Record<string, string> | undefined {
  const entryPoints = args.namedChildren.find(
    (arg) =>
      arg?.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'entry_points'
  )
  const dict = entryPoints?.childForFieldName('value')
  if (dict?.type !== 'dictionary') return undefined
  const scripts: Record<string, string> = {}
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue
    const key = pair.childForFieldName('key')
    const value = pair.childForFieldName('value')
    if (key?.type !== 'string' || stringValue(key) !== 'console_scripts') continue
    if (value?.type !== 'list' && value?.type !== 'tuple') continue
    for (const item of value.namedChildren) {
      const line = item?.type === 'string' ? stringValue(item) : undefined
      const eq = line?.indexOf('=') ?? -1
      if (line && eq > 0) scripts[line.slice(0, eq).trim()] = line.slice(eq + 1).trim()
    }
  }
  return Object.keys(scripts).length > 0 ? scripts : undefined
}
