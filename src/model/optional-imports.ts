// Python's optional imports bound to None (`try: import numpy as np` / `except ImportError: np = None`),
// and the test files that use such a name at import time. Where the package is not installed the name is
// None, so a test file that evaluates `np.array(...)` at its top level (a parametrize table, a module
// constant) stops with an AttributeError while pytest collects it: none of its tests run (deepdiff's
// test_delta.py, test_distance.py, test_diff_numpy.py); the library's own code under `if np:` never
// runs either. Read from the source lines.
import { blockEnd } from './platform-branches.js'
import type { NotTakenBranch } from './types.js'

/** A module-level name an optional import binds, set to None when `module` (top-level name) is missing. */
export interface OptionalBinding {
  name: string
  module: string
  /** Bound to a placeholder class of the file (`np_ndarray = np_type`), not None: nothing is one. */
  placeholder?: true
}

/** A name of a module bound to None (or a placeholder) here, because its package is not installed. */
export interface MissingOptional {
  path: string
  name: string
  module: string
  placeholder?: true
}

const TRY = /^try\s*:\s*(#.*)?$/
const EXCEPT = /^except\b(.*):\s*(#.*)?$/
const IMPORT = /^import\s+([\w.]+)(?:\s+as\s+(\w+))?\s*(#.*)?$/
const FROM = /^from\s+([\w.]+)\s+import\s+([^()#]+?)\s*(#.*)?$/
const NONE = /^((?:\w+\s*=\s*)+)(\w+)\s*(#.*)?$/
const CATCHES_IMPORT =
  /^\s*(\(?\s*)?((ImportError|ModuleNotFoundError|Exception|BaseException)\b|$)/

/** The module-level optional bindings of one file: each name is None where its module is missing. */
export function optionalNoneBindings(lines: readonly string[]): OptionalBinding[] {
  const out: OptionalBinding[] = []
  const classes = new Set(
    lines.map((l) => /^class\s+(\w+)\s*[:(]/.exec(l)?.[1]).filter((c): c is string => !!c)
  )
  for (let i = 0; i < lines.length; i++) {
    if (!TRY.test(lines[i])) continue
    const bound = new Map<string, string>()
    let j = i + 1
    for (; j < lines.length && (indented(lines[j]) || blank(lines[j])); j++) {
      const text = lines[j].trim()
      const plain = IMPORT.exec(text)
      if (plain) bound.set(plain[2] ?? plain[1].split('.')[0], plain[1].split('.')[0])
      const from = FROM.exec(text)
      if (from && !from[1].startsWith('.'))
        for (const part of from[2].split(',')) {
          const m = /^(\w+)(?:\s+as\s+(\w+))?$/.exec(part.trim())
          if (m) bound.set(m[2] ?? m[1], from[1].split('.')[0])
        }
    }
    // Each handler at the try's indent: one that catches a failed import and sets a bound name to None.
    while (j < lines.length) {
      const handler = EXCEPT.exec(lines[j])
      if (!handler) break
      const catches =
        CATCHES_IMPORT.test(handler[1]) || /\b(ImportError|ModuleNotFoundError)\b/.test(handler[1])
      let k = j + 1
      for (; k < lines.length && (indented(lines[k]) || blank(lines[k])); k++) {
        const none = NONE.exec(lines[k].trim())
        if (!catches || !none || (none[2] !== 'None' && !classes.has(none[2]))) continue
        for (const name of none[1]
          .split('=')
          .map((s) => s.trim())
          .filter(Boolean)) {
          // `np = None`, or `np_ndarray = np_type` next to `import numpy` in the same try.
          const module = none[2] === 'None' ? bound.get(name) : [...bound.values()][0]
          if (module && !out.some((b) => b.name === name))
            out.push({
              name,
              module,
              ...(none[2] === 'None' ? {} : { placeholder: true as const })
            })
        }
      }
      j = k
    }
    i = j - 1
  }
  return out
}

/**
 * The first line where the file reads an attribute of `name` while it is imported: outside functions,
 * in a top-level statement that is not a block (`if`, `try`, `for`, `with`...) and on a line that does not
 * test anything (`np.nan if np else None`). 1-based, or undefined.
 */
export function usedAtImport(
  lines: readonly string[],
  name: string,
  insideFunction: (line: number) => boolean
): { line: number; text: string } | undefined {
  const use = new RegExp(`(^|[^\\w.])${name}\\.(\\w+)`)
  let statement = ''
  let inString = false
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]
    // Triple-quoted strings (docstrings) hold no code.
    const quotes = (raw.match(/"""|'''/g) ?? []).length
    const wasInString = inString
    if (quotes % 2 === 1) inString = !inString
    if (wasInString || quotes > 0) continue
    if (!indented(raw) && !blank(raw) && !/^\s*(#|[)\]}])/.test(raw)) statement = raw
    const code = raw.replace(/#.*$/, '')
    const m = use.exec(code)
    if (!m) continue
    if (insideFunction(i + 1)) continue
    if (/^(if|elif|else|try|except|finally|for|while|with|async|def)\b/.test(statement)) continue
    if (/\b(if|else|and|or|try|except)\b/.test(code) || insideQuotes(code.slice(0, m.index)))
      continue
    return { line: i + 1, text: `${name}.${m[2]}` }
  }
  return undefined
}

/** An odd count of either quote before the use: it sits in a string. */
function insideQuotes(before: string): boolean {
  return (before.match(/'/g) ?? []).length % 2 === 1 || (before.match(/"/g) ?? []).length % 2 === 1
}

function indented(line: string): boolean {
  return /^\s+\S/.test(line)
}

function blank(line: string): boolean {
  return line.trim() === '' || /^\s*#/.test(line)
}

const IF_LINE = /^(\s*)(if|elif)\s+(.+?):\s*(#.*)?$/

/**
 * Blocks under a check that fails where the optional package is missing: `if np:`, `if x and np is not
 * None:`, `elif isinstance(obj, np_ndarray):` (a placeholder class nothing is an instance of). A check
 * with `or`, `not` or anything else around the name is left open. The header line itself is kept (the
 * conditions before the name are evaluated).
 */
export function optionalBranches(
  files: readonly { path: string; text: string }[],
  missing: readonly MissingOptional[]
): NotTakenBranch[] {
  const out: NotTakenBranch[] = []
  for (const file of files) {
    const here = missing.filter((m) => m.path === file.path)
    if (here.length === 0) continue
    const lines = file.text.split('\n')
    for (let i = 0; i < lines.length; i++) {
      const head = IF_LINE.exec(lines[i])
      if (!head || /\b(or|not)\b/.test(head[3].replace(/\bis not None\b/g, ''))) continue
      const failing = head[3]
        .split(/\s+and\s+/)
        .map((c) => c.trim())
        .map((c) =>
          here.find((m) =>
            m.placeholder
              ? new RegExp(`^isinstance\\(.+,\\s*${m.name}\\s*\\)$`).test(c)
              : c === m.name || c === `${m.name} is not None`
          )
        )
        .find(Boolean)
      if (!failing) continue
      const end = blockEnd(lines, i, head[1].length)
      if (end === i) continue
      out.push({
        path: file.path,
        startLine: i + 2,
        endLine: end + 1,
        runsOn: `runs only where ${failing.module} is installed (not installed where the tool ran, so ${failing.name} is ${failing.placeholder ? 'a placeholder type' : 'None'})`
      })
    }
  }
  return out
}
