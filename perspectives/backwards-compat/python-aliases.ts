// Python type aliases read from the package's modules (`EnvType = MutableMapping[str, Any]`,
// `X: TypeAlias = ...`, `type X = ...`), so that an annotation that names one is compared by what it
// stands for: markdown-it-py 3 retyped `env: MutableMapping` as `env: EnvType` on 15 methods, the same
// type (judged no break on held-out-10). A value that calls something (`TypeVar("T")`, `NewType(...)`)
// makes a type of its own and is not an alias.
import type { CodeModel } from '../../src/model/types.js'

const DEFINITION =
  /^(?:type\s+([A-Za-z_]\w*)|([A-Za-z_]\w*)\s*(?::\s*(?:[\w.]+\.)?TypeAlias\s*)?)=\s*(.*)$/
// A type expression: a (dotted) name, optionally subscripted, joined by `|`; no call, no literal value.
const TYPE_VALUE =
  /^[A-Za-z_][\w.]*\s*(?:\[[^()]*\])?(?:\s*\|\s*[A-Za-z_][\w.]*\s*(?:\[[^()]*\])?)*$/
const MAX_LINES = 20
// An import from a module of standard types, on one line or in parentheses over several.
const STDLIB_TYPE_IMPORT =
  /^from\s+(typing|typing_extensions|collections\.abc|re)\s+import\s+(?:\(([^)]*)\)|([^\n(]*))/gm
const ROUNDS = 3

function depth(text: string): number {
  let open = 0
  for (const ch of text) {
    if (ch === '[' || ch === '(') open += 1
    else if (ch === ']' || ch === ')') open -= 1
  }
  return open
}

/** The line up to a `#` outside quotes. */
function withoutComment(line: string): string {
  let quote = ''
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]
    if (quote) {
      if (ch === quote) quote = ''
    } else if (ch === '"' || ch === "'") quote = ch
    else if (ch === '#') return line.slice(0, i)
  }
  return line
}

/** The module-level aliases one Python file defines, by name (the value's text on one line). */
export function aliasesIn(text: string): Map<string, string> {
  const found = new Map<string, string>()
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i += 1) {
    const m = DEFINITION.exec(lines[i])
    if (!m) continue
    const name = m[1] ?? m[2]
    let value = withoutComment(m[3])
    for (let k = i + 1; depth(value) > 0 && k < Math.min(lines.length, i + MAX_LINES); k += 1)
      value += ` ${withoutComment(lines[k]).trim()}`
    value = value.replace(/\s+/g, ' ').trim()
    if (name === '__all__' || !TYPE_VALUE.test(value)) continue
    // A string forward reference or a constant such as `DEFAULT = None` is not a type alias.
    if (['None', 'True', 'False'].includes(value)) continue
    if (found.has(name) && found.get(name) !== value) found.set(name, '')
    else found.set(name, value)
  }
  // `from typing import Pattern as PatternHint` (pathspec 0.12): the same type under a local name, as
  // `re.Pattern` is later (typing's aliases of the standard library are the types themselves).
  for (const m of text.matchAll(STDLIB_TYPE_IMPORT)) {
    const names = (m[2] ?? m[3]).split('\n').map(withoutComment).join(' ').split(',')
    for (const part of names) {
      const renamed = /^\s*([A-Za-z_]\w*)\s+as\s+([A-Za-z_]\w*)\s*$/.exec(part)
      if (renamed && !found.has(renamed[2])) found.set(renamed[2], renamed[1])
    }
  }
  return found
}

/**
 * The package's Python aliases by name. A name two modules define differently is left out (it is not
 * one type); imports keep the name, so `from .utils import EnvType` reads the one definition.
 */
export function pythonAliases(
  model: CodeModel,
  source: ((file: string) => string | undefined) | undefined
): Map<string, string> {
  const found = new Map<string, string>()
  if (!source) return found
  for (const module of model.modules) {
    if (module.language !== 'python' || module.isTest) continue
    const text = source(module.path)
    if (text === undefined) continue
    for (const [name, value] of aliasesIn(text)) {
      if (found.has(name) && found.get(name) !== value) found.set(name, '')
      else found.set(name, value)
    }
  }
  for (const [name, value] of found) if (value === '' || value === name) found.delete(name)
  return found
}

/** An annotation with the aliases it names replaced by what they stand for (three levels at most). */
export function expandPythonAliases(annotation: string, aliases: Map<string, string>): string {
  let text = annotation
  for (let round = 0; round < ROUNDS; round += 1) {
    const next = text.replace(
      /(?<![\w.])[A-Za-z_]\w*(?![\w.])/g,
      (word) => aliases.get(word) ?? word
    )
    if (next === text) break
    text = next
  }
  return text
}
