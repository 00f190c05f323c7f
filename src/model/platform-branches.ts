// Python code under a check of the interpreter's version or platform (`if sys.version_info >= (3, 10):`,
// `if sys.platform == "win32":`, `PY2`-style flags set from those) runs only where the check holds. The
// check is read against the interpreter the tool runs the project with, so the side not taken is known:
// it gives no reach, and what it defines runs only elsewhere. Only checks made of those names, literals,
// comparisons, `not`/`and`/`or` and parentheses are read; anything else leaves both sides open.
import type { NotTakenBranch } from './types.js'
import type { PythonInterpreter } from './test-loading.js'

type Value = boolean | number | string | number[] | string[] | undefined

const IF_LINE = /^(\s*)(if|elif)\s+(.+?):\s*(#.*)?$/
const ELSE_LINE = /^(\s*)else\s*:\s*(#.*)?$/
const FLAG_LINE = /^([A-Z][A-Z0-9_]*)\s*=\s*(.+?)\s*(#.*)?$/

/** The branches this interpreter does not take, in every Python file given. */
export function notTakenBranches(
  files: readonly { path: string; text: string }[],
  interpreter: PythonInterpreter
): NotTakenBranch[] {
  const python = files.filter((f) => f.path.endsWith('.py'))
  const flags = flagValues(python, interpreter)
  const out: NotTakenBranch[] = []
  for (const file of python) {
    const lines = file.text.split('\n')
    for (let i = 0; i < lines.length; i++) {
      const head = IF_LINE.exec(lines[i])
      if (!head || head[2] !== 'if') continue
      out.push(...chainAt(file.path, lines, i, head[1].length, interpreter, flags))
    }
  }
  return out
}

/** Reads an if/elif/else chain starting at line `start`; returns the decided branches not taken. */
function chainAt(
  path: string,
  lines: readonly string[],
  start: number,
  indent: number,
  interpreter: PythonInterpreter,
  flags: ReadonlyMap<string, Value>
): NotTakenBranch[] {
  const out: NotTakenBranch[] = []
  const where = here(interpreter)
  let decided = true
  let taken = false
  let first = ''
  for (let i = start; i < lines.length;) {
    const line = lines[i]
    const cond = IF_LINE.exec(line)
    const isElse = ELSE_LINE.exec(line)
    const own =
      (cond &&
        cond[1].length === indent &&
        (i === start ? cond[2] === 'if' : cond[2] === 'elif')) ||
      (isElse && isElse[1].length === indent && i !== start)
    if (!own) break
    const end = blockEnd(lines, i, indent)
    const text = cond ? cond[3].trim() : ''
    if (i === start) first = text
    const value = cond ? truth(evaluate(text, interpreter, flags)) : true
    if (value === undefined) decided = false
    // A branch is not taken when an earlier one was, or its own check is false, all decided so far.
    if (decided && (taken || value === false))
      out.push({
        path,
        startLine: i + 1,
        endLine: end + 1,
        runsOn: cond
          ? `runs only where \`${text}\` holds (not on ${where})`
          : `runs only where \`${first}\` does not hold (not on ${where})`
      })
    if (decided && value === true) taken = true
    i = end + 1
  }
  return out
}

/** The last line of the block whose header is at `header` (indented deeper than `indent`). */
export function blockEnd(lines: readonly string[], header: number, indent: number): number {
  let last = header
  for (let j = header + 1; j < lines.length; j++) {
    const line = lines[j]
    if (line.trim() === '' || line.trim().startsWith('#')) continue
    const lead = line.length - line.trimStart().length
    if (lead <= indent) break
    last = j
  }
  return last
}

function here(p: PythonInterpreter): string {
  return `Python ${p.version.slice(0, 2).join('.')} on ${p.platform}, where the tool ran`
}

/** Module-level `PY2 = sys.version_info[0] == 2` style flags, where every definition of the name agrees. */
function flagValues(
  files: readonly { path: string; text: string }[],
  interpreter: PythonInterpreter
): Map<string, Value> {
  const seen = new Map<string, Value>()
  const conflicting = new Set<string>()
  for (const file of files)
    for (const line of file.text.split('\n')) {
      const m = FLAG_LINE.exec(line)
      if (!m) continue
      const value = evaluate(m[2], interpreter, new Map())
      if (typeof value !== 'boolean') {
        conflicting.add(m[1])
        continue
      }
      if (seen.has(m[1]) && seen.get(m[1]) !== value) conflicting.add(m[1])
      seen.set(m[1], value)
    }
  for (const name of conflicting) seen.delete(name)
  return seen
}

/** A check's value when it is a truth value; undefined (both sides open) for anything else. */
export function truth(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined
}

/** Evaluates a check made only of the names above; undefined for anything else. */
export function evaluate(
  text: string,
  interpreter: PythonInterpreter,
  flags: ReadonlyMap<string, Value>
): Value {
  const tokens = tokenize(text)
  if (!tokens) return undefined
  let pos = 0
  const peek = (): string | undefined => tokens[pos]
  const next = (): string | undefined => tokens[pos++]
  const expect = (t: string): boolean => (peek() === t ? (pos++, true) : false)

  const orExpr = (): Value => {
    let left = andExpr()
    while (peek() === 'or') {
      next()
      const right = andExpr()
      left = typeof left === 'boolean' && typeof right === 'boolean' ? left || right : undefined
    }
    return left
  }
  const andExpr = (): Value => {
    let left = notExpr()
    while (peek() === 'and') {
      next()
      const right = notExpr()
      left = typeof left === 'boolean' && typeof right === 'boolean' ? left && right : undefined
    }
    return left
  }
  const notExpr = (): Value => {
    if (peek() === 'not') {
      next()
      const v = notExpr()
      return typeof v === 'boolean' ? !v : undefined
    }
    return comparison()
  }
  const comparison = (): Value => {
    const left = atom()
    const op = peek()
    if (op && ['==', '!=', '>=', '<=', '>', '<', 'in'].includes(op)) {
      next()
      return compare(left, op, atom())
    }
    return left
  }
  const atom = (): Value => {
    const t = next()
    if (t === undefined) return undefined
    if (t === '(') {
      // A tuple of numbers or strings, or a parenthesised expression.
      const items: Value[] = []
      let tuple = false
      while (peek() !== ')' && peek() !== undefined) {
        items.push(orExpr())
        if (expect(',')) tuple = true
        else break
      }
      if (!expect(')')) return undefined
      if (!tuple && items.length === 1) return items[0]
      if (items.every((x) => typeof x === 'number')) return items as number[]
      if (items.every((x) => typeof x === 'string')) return items as string[]
      return undefined
    }
    if (/^\d+$/.test(t)) return Number(t)
    if (/^(['"]).*\1$/.test(t)) return t.slice(1, -1)
    if (t === 'True') return true
    if (t === 'False') return false
    if (t === 'sys.version_info') {
      const v = interpreter.version
      if (expect('[')) {
        if (expect(':')) {
          const n = next()
          return expect(']') && n && /^\d+$/.test(n) ? v.slice(0, Number(n)) : undefined
        }
        const n = next()
        return expect(']') && n && /^\d+$/.test(n) ? v[Number(n)] : undefined
      }
      if (expect('.major')) return v[0]
      if (expect('.minor')) return v[1]
      return v
    }
    if (t === 'sys.platform') {
      if (expect('.startswith')) {
        if (!expect('(')) return undefined
        const arg = next()
        if (!expect(')') || !arg || !/^(['"]).*\1$/.test(arg)) return undefined
        return interpreter.platform.startsWith(arg.slice(1, -1))
      }
      return interpreter.platform
    }
    if (t === 'os.name') return interpreter.osName
    if (t === 'platform.system') return expect('(') && expect(')') ? interpreter.system : undefined
    if (flags.has(t)) return flags.get(t)
    return undefined
  }
  const value = orExpr()
  return pos === tokens.length ? value : undefined
}

function compare(left: Value, op: string, right: Value): Value {
  if (left === undefined || right === undefined) return undefined
  if (op === 'in') return Array.isArray(right) ? (right as unknown[]).includes(left) : undefined
  let order: number
  if (Array.isArray(left) && Array.isArray(right))
    order = tupleOrder(left as number[], right as number[])
  else if (typeof left === 'number' && typeof right === 'number') order = left - right
  else if (typeof left === 'string' && typeof right === 'string')
    order = left === right ? 0 : left < right ? -1 : 1
  else return undefined
  switch (op) {
    case '==':
      return order === 0
    case '!=':
      return order !== 0
    case '>=':
      return order >= 0
    case '<=':
      return order <= 0
    case '>':
      return order > 0
    default:
      return order < 0
  }
}

/** Python's tuple order: element by element, a prefix before the longer tuple. */
function tupleOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i]
  return a.length - b.length
}

const TOKEN =
  /\s*(sys\.version_info|sys\.platform|os\.name|platform\.system|\.startswith|\.major|\.minor|==|!=|>=|<=|>|<|\(|\)|\[|\]|:|,|\d+|'[^']*'|"[^"]*"|[A-Za-z_][A-Za-z0-9_]*)/y

function tokenize(text: string): string[] | null {
  return tokenizeWith(TOKEN, text)
}

/** The tokens of `text` by a sticky pattern whose first group is the token; null at anything it does not match. */
export function tokenizeWith(pattern: RegExp, text: string): string[] | null {
  const out: string[] = []
  let at = 0
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break
    pattern.lastIndex = at
    const m = pattern.exec(text)
    if (!m) return null
    out.push(m[1])
    at = pattern.lastIndex
  }
  return out
}
