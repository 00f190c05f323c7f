// A key guard an array key walks past. `obj[["__proto__"]]` is `obj["__proto__"]` (a computed key is
// made a string), but `["__proto__"] === "__proto__"` is false and `list.indexOf(["__proto__"])` is -1.
// A path setter that takes its path as an array (`Array.isArray(p) ? p : p.split('.')`) and checks each
// key only by strict comparison lets `set(obj, [["__proto__"], "polluted"], 1)` through: the advisories
// of set-value 4.0.0, object-path 0.11.5, mpath 0.8.3 and jsonpointer 4.1.0. Their fixes make each key a
// string or a number first (`typeof k !== 'string' && typeof k !== 'number'`, then throw or `String(k)`).
// A loose comparison (`key == '__proto__'`) or an `in`/own-property test coerces the key and is not this.
import type { FunctionDecl, ModuleModel } from '../../src/model/types.js'
import { codeOnly } from './text.js'

const DANGEROUS = String.raw`['"\`](?:__proto__|constructor|prototype)['"\`]`

/** `key == '__proto__'`, `'__proto__' != key`: a loose comparison makes an array key a string first. */
const LOOSE = new RegExp(String.raw`(?<![=!])[=!]=(?!=)\s*${DANGEROUS}|${DANGEROUS}\s*[=!]=(?!=)`)

/** `key === '__proto__'`, a list of the keys searched by `indexOf`/`includes`/`has`. */
const STRICT = new RegExp(String.raw`[=!]==\s*${DANGEROUS}|${DANGEROUS}\s*[=!]==`)

/**
 * The module passes an array path on as its keys: `Array.isArray(p) ? p : p.split(…)`, `if
 * (Array.isArray(p)) return p`, `'string' == typeof p ? parse(p) : p`, or a string path split and handed
 * back to the setter (`if (typeof path === 'string') return set(obj, path.split('.'), …)`), which then
 * reads the array's elements as they are.
 */
const KEY_ARRAYS: RegExp[] = [
  /Array\.isArray\(\s*([\w$.]+)\s*\)\s*\?\s*\1\s*:/,
  /Array\.isArray\(\s*([\w$.]+)\s*\)\s*\)\s*\{?\s*return\s+\1\s*[;}\n]/,
  /(?:['"]string['"]\s*===?\s*typeof\s+([\w$]+)|typeof\s+([\w$]+)\s*===?\s*['"]string['"])\s*\?[^:;]+:\s*(?:\1|\2)\b/,
  /typeof\s+([\w$]+)\s*===?\s*['"]string['"]\s*\)\s*\{?\s*return\s+[\w$.]+\([^;]*\b\1\.split\(/
]

/** A key made a string or a number before it is checked: the fix of each advisory above. */
const KEY_TYPED: RegExp[] = [
  /typeof\s+([\w$.[\]]+)\s*!==?\s*['"]string['"]\s*&&\s*typeof\s+\1\s*!==?\s*['"]number['"]/,
  /typeof\s+([\w$.[\]]+)\s*!==?\s*['"]number['"]\s*&&\s*typeof\s+\1\s*!==?\s*['"]string['"]/,
  /(?<![\w$.])([\w$]+)\s*=\s*String\(\s*\1\s*\)/,
  /typeof\s+[\w$.[\]]+\s*!==?\s*['"]string['"]\s*\)\s*\{?\s*throw\b/
]

/**
 * The module's key guard compares strictly, the setter takes array paths whose elements arrive unchanged
 * (in itself or a function it reaches by two calls, its callers' included: `set` compiles the pointer that
 * `setter` walks), and nothing makes a key a string first: an array key passes the guard.
 */
export function arrayKeyPassesGuard(
  module: ModuleModel,
  fn: FunctionDecl,
  lines: string[]
): boolean {
  const code = lines.map((l) => codeOnlyKeepingStrings(l)).join('\n')
  if (LOOSE.test(code)) return false
  if (!strictGuard(module, code)) return false
  if (KEY_TYPED.some((r) => r.test(code))) return false
  return neighbourhood(module, fn).some((f) => {
    const own = lines
      .slice(f.loc.startLine - 1, f.loc.endLine)
      .map((l) => codeOnlyKeepingStrings(l))
      .join('\n')
    return KEY_ARRAYS.some((r) => r.test(own))
  })
}

/** The function and those it reaches by at most two calls inside the module, either way. */
function neighbourhood(module: ModuleModel, fn: FunctionDecl): FunctionDecl[] {
  const reached = new Set<FunctionDecl>([fn])
  let edge = [fn]
  for (let step = 0; step < 2; step++) {
    const next: FunctionDecl[] = []
    for (const f of edge) {
      const called = new Set(
        module.calls.filter((c) => c.enclosing === f.qualifiedName).map((c) => c.name)
      )
      const callers = new Set(module.calls.filter((c) => c.name === f.name).map((c) => c.enclosing))
      for (const g of module.functions)
        if (!reached.has(g) && (called.has(g.name) || callers.has(g.qualifiedName))) {
          reached.add(g)
          next.push(g)
        }
    }
    edge = next
  }
  return [...reached]
}

/**
 * The line of the strict check the finding points at: the first in the function's lines, else the
 * module's first (the helper the setter calls, `isUnsafeKey`).
 */
export function strictCheckLine(
  module: ModuleModel,
  lines: string[],
  from: number,
  to: number
): number | undefined {
  const lists = guardLists(module)
  const checks = (n: number): boolean => {
    const code = codeOnlyKeepingStrings(lines[n - 1] ?? '')
    return STRICT.test(code) || lists.some((r) => r.test(code))
  }
  for (let n = from; n <= to; n++) if (checks(n)) return n
  for (let n = 1; n <= lines.length; n++) if (checks(n)) return n
  return undefined
}

/** Module-level lists of the keys (`const ignore = ['__proto__', …]`), as `ignore.indexOf(` searches. */
function guardLists(module: ModuleModel): RegExp[] {
  return (module.bindings ?? [])
    .filter(
      (b) => !b.enclosing && /__proto__/.test(b.value) && /^\s*(?:\[|new\s+Set\()/.test(b.value)
    )
    .map(
      (b) => new RegExp(String.raw`\b${b.name.replace(/\$/g, '\\$')}\.(?:indexOf|includes|has)\(`)
    )
}

/** The guard compares with `===`/`!==`, or searches a list of the keys with `indexOf`/`includes`/`has`. */
function strictGuard(module: ModuleModel, code: string): boolean {
  return STRICT.test(code) || guardLists(module).some((r) => r.test(code))
}

/** The line without comments; the literals are kept, for the keys are named in them. */
function codeOnlyKeepingStrings(line: string): string {
  const blanked = codeOnly(line)
  // codeOnly blanks literals: put the line's own text back where the code is, cut at a trailing comment.
  const comment = blanked.search(/(?<![:\\])\/\//)
  return comment >= 0 ? line.slice(0, comment) : line
}
