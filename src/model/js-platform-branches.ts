// JavaScript and TypeScript code under a check of the platform or the Node version (`if (process.platform
// === 'win32') {`, `if (process.version.substr(0, 4) === 'v0.8')`, `const isWindows = os.platform() ===
// 'win32'`) runs only where the check holds. The check is read against the Node the tool runs with (the one
// that runs the project's suite beside it), so the side not taken is known: it gives no reach, and what it
// defines runs only elsewhere. A conditional expression between two names (`IS_WINDOWS ? escapeWindows :
// escapePosix`) uses only the name on the taken side. Only checks made of those facts, string literals,
// comparisons, `!`/`&&`/`||` and parentheses are read; anything else leaves both sides open.
import { tokenizeWith, truth } from './platform-branches.js'
import type { NotTakenBranch } from './types.js'

/** The Node the tool runs with: `process.platform`, `process.version` (`v22.1.0`). */
export interface NodeRuntime {
  platform: string
  version: string
}

export function currentNode(): NodeRuntime {
  return { platform: process.platform, version: process.version }
}

type Value = boolean | string | undefined

const SOURCE = /\.(c|m)?(j|t)sx?$/
const IF_HEAD = /^(\s*)(?:\}\s*else\s+)?if\s*\(/
const FLAG_LINE =
  /^(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*boolean\s*)?=\s*(.+?);?\s*(\/\/.*)?$/
const TERNARY =
  /^(?:.*?[=(,]\s*|\s*return\s+|\s*)(.+?)\s*\?\s*([A-Za-z_$][\w$.]*)\s*:\s*([A-Za-z_$][\w$.]*)\s*[;,)]?\s*(\/\/.*)?$/

/** The branches this Node does not take, in every JavaScript or TypeScript file given. */
export function jsNotTakenBranches(
  files: readonly { path: string; text: string }[],
  node: NodeRuntime
): NotTakenBranch[] {
  const out: NotTakenBranch[] = []
  for (const file of files) {
    if (!SOURCE.test(file.path) || file.path.endsWith('.d.ts')) continue
    // Cheap gate: a file that never reads the platform or the version has nothing to decide.
    if (!/process\.(platform|version)|\bplatform\(\)|\bos\.type\(\)/.test(file.text)) continue
    const lines = file.text.split('\n')
    const flags = flagValues(lines, node)
    const where = `Node ${node.version} on ${node.platform}, where the tool ran`
    for (let i = 0; i < lines.length; i++) {
      const head = IF_HEAD.exec(lines[i])
      if (head && !/^\s*\}?\s*else/.test(lines[i])) {
        out.push(...chainAt(file.path, lines, i, node, flags, where))
        continue
      }
      const ternary = TERNARY.exec(lines[i])
      if (!ternary) continue
      const value = evaluate(ternary[1], node, flags)
      if (typeof value !== 'boolean') continue
      const [taken, other] = value ? [ternary[2], ternary[3]] : [ternary[3], ternary[2]]
      if (taken === other) continue
      out.push({
        path: file.path,
        startLine: i + 1,
        endLine: i + 1,
        names: [other.split('.').pop() ?? other],
        runsOn: `runs only where \`${ternary[1].trim()}\` ${value ? 'does not hold' : 'holds'} (not on ${where})`
      })
    }
  }
  return out
}

/** Reads an `if (...) {} else if (...) {} else {}` chain from line `start`; the decided branches not taken. */
function chainAt(
  path: string,
  lines: readonly string[],
  start: number,
  node: NodeRuntime,
  flags: ReadonlyMap<string, Value>,
  where: string
): NotTakenBranch[] {
  const out: NotTakenBranch[] = []
  let decided = true
  let taken = false
  let first = ''
  let line = start
  let column = lines[start].search(/\bif\s*\(/)
  for (let n = 0; n < 20; n++) {
    const isIf = lines[line].slice(column).startsWith('if')
    let check = ''
    let bodyLine = line
    let bodyColumn = column
    if (isIf) {
      const open = lines[line].indexOf('(', column)
      const close = matching(lines, line, open, '(', ')')
      if (!close) return out
      check = joined(lines, line, open + 1, close.line, close.column)
      bodyLine = close.line
      bodyColumn = close.column + 1
    }
    const body = bodyExtent(lines, bodyLine, bodyColumn)
    if (!body) return out
    if (!isIf && n === 0) return out
    if (n === 0) first = check
    const value = isIf ? truth(evaluate(check, node, flags)) : true
    if (value === undefined) decided = false
    if (decided && (taken || value === false))
      out.push({
        path,
        startLine: line + 1,
        endLine: body.line + 1,
        runsOn: isIf
          ? `runs only where \`${check.trim()}\` holds (not on ${where})`
          : `runs only where \`${first.trim()}\` does not hold (not on ${where})`
      })
    if (decided && value === true) taken = true
    // An `else` after the body, on the same line as its `}` or on the next line.
    let nextLine = body.line
    let rest = lines[nextLine].slice(body.column + 1)
    if (rest.trim() === '' && nextLine + 1 < lines.length) {
      nextLine += 1
      rest = lines[nextLine]
    }
    const otherwise = /^\s*else\s+if\s*\(|^\s*else\s*\{/.exec(rest)
    if (!otherwise || !isIf) return out
    const offset = lines[nextLine].length - rest.length
    const at = offset + rest.indexOf('else') + 4
    const after = lines[nextLine].slice(at)
    line = nextLine
    column = at + (after.length - after.trimStart().length)
  }
  return out
}

/** Where a branch's body ends: the matching `}` of a block, or the end of a one-line statement. */
export function bodyExtent(
  lines: readonly string[],
  line: number,
  column: number
): { line: number; column: number } | undefined {
  let l = line
  let c = column
  // Skip blanks to the body's first character.
  while (l < lines.length) {
    const rest = lines[l].slice(c)
    const lead = rest.length - rest.trimStart().length
    if (rest.trim() !== '' && !rest.trim().startsWith('//')) {
      c += lead
      break
    }
    l += 1
    c = 0
  }
  if (l >= lines.length) return undefined
  if (lines[l][c] === '{') return matching(lines, l, c, '{', '}')
  // A single statement ending on its line (`if (x) legacy(fs)` or `if (x)\n  legacy(fs);`).
  return { line: l, column: lines[l].length - 1 }
}

/** The position of the bracket closing the one at (line, column), skipping strings and comments. */
export function matching(
  lines: readonly string[],
  line: number,
  column: number,
  open: string,
  close: string
): { line: number; column: number } | undefined {
  let depth = 0
  let quote: string | null = null
  let block = false
  for (let l = line; l < lines.length && l < line + 2000; l++) {
    const text = lines[l]
    for (let c = l === line ? column : 0; c < text.length; c++) {
      const ch = text[c]
      if (block) {
        if (ch === '*' && text[c + 1] === '/') {
          block = false
          c++
        }
        continue
      }
      if (quote) {
        if (ch === '\\') c++
        else if (ch === quote) quote = null
        continue
      }
      if (ch === '/' && text[c + 1] === '/') break
      if (ch === '/' && text[c + 1] === '*') {
        block = true
        c++
        continue
      }
      if (ch === '"' || ch === "'" || ch === '`') quote = ch
      else if (ch === open) depth++
      else if (ch === close && --depth === 0) return { line: l, column: c }
    }
    if (quote !== '`') quote = null
  }
  return undefined
}

export function joined(
  lines: readonly string[],
  fromLine: number,
  fromColumn: number,
  toLine: number,
  toColumn: number
): string {
  if (fromLine === toLine) return lines[fromLine].slice(fromColumn, toColumn)
  const parts = [lines[fromLine].slice(fromColumn)]
  for (let l = fromLine + 1; l < toLine; l++) parts.push(lines[l])
  parts.push(lines[toLine].slice(0, toColumn))
  return parts.join(' ')
}

/** Top-level `const isWindows = process.platform === 'win32'` flags, when every definition agrees. */
function flagValues(lines: readonly string[], node: NodeRuntime): Map<string, Value> {
  const seen = new Map<string, Value>()
  const conflicting = new Set<string>()
  for (const line of lines) {
    const m = FLAG_LINE.exec(line)
    if (!m) continue
    const value = evaluate(m[2], node, new Map())
    if (typeof value !== 'boolean') {
      if (seen.has(m[1])) conflicting.add(m[1])
      continue
    }
    if (seen.has(m[1]) && seen.get(m[1]) !== value) conflicting.add(m[1])
    seen.set(m[1], value)
  }
  // A flag assigned again anywhere (`isWindows = true` in a setter) is not a constant.
  for (const name of seen.keys())
    if (
      lines.some(
        (l) =>
          new RegExp(`(^|[^.\\w$])${name.replace(/\$/g, '\\$')}\\s*=[^=]`).test(l) &&
          !FLAG_LINE.test(l)
      )
    )
      conflicting.add(name)
  for (const name of conflicting) seen.delete(name)
  return seen
}

/** Evaluates a check made only of the facts above; undefined for anything else. */
export function evaluate(
  text: string,
  node: NodeRuntime,
  flags: ReadonlyMap<string, Value>
): Value {
  const tokens = tokenize(text)
  if (!tokens || tokens.length === 0) return undefined
  let pos = 0
  const peek = (): string | undefined => tokens[pos]
  const next = (): string | undefined => tokens[pos++]
  const expect = (t: string): boolean => (peek() === t ? (pos++, true) : false)
  const bool = (a: Value, b: Value, f: (x: boolean, y: boolean) => boolean): Value =>
    typeof a === 'boolean' && typeof b === 'boolean' ? f(a, b) : undefined

  const orExpr = (): Value => {
    let left = andExpr()
    // One side true decides `||`, one side false decides `&&`, whatever the other side is.
    while (expect('||')) {
      const right = andExpr()
      left = left === true || right === true ? true : bool(left, right, (x, y) => x || y)
    }
    return left
  }
  const andExpr = (): Value => {
    let left = notExpr()
    while (expect('&&')) {
      const right = notExpr()
      left = left === false || right === false ? false : bool(left, right, (x, y) => x && y)
    }
    return left
  }
  const notExpr = (): Value => {
    if (expect('!')) {
      const v = notExpr()
      return typeof v === 'boolean' ? !v : undefined
    }
    return comparison()
  }
  const comparison = (): Value => {
    const left = operand()
    const op = peek()
    if (op && ['===', '!==', '==', '!='].includes(op)) {
      next()
      const right = operand()
      if (typeof left !== 'string' || typeof right !== 'string') return undefined
      return op.startsWith('=') ? left === right : left !== right
    }
    return left
  }
  // A string fact with `.substr(a, b)`, `.slice(a, b)`, `.startsWith(s)` applied.
  const operand = (): Value => {
    let value = atom()
    for (;;) {
      if (typeof value !== 'string') return value
      const method = peek()
      if (method !== '.substr' && method !== '.slice' && method !== '.startsWith') return value
      next()
      if (!expect('(')) return undefined
      const args: string[] = []
      while (peek() !== ')' && peek() !== undefined) {
        args.push(next() as string)
        expect(',')
      }
      if (!expect(')')) return undefined
      if (method === '.startsWith') {
        const s = args[0]
        return args.length === 1 && /^(['"]).*\1$/.test(s)
          ? value.startsWith(s.slice(1, -1))
          : undefined
      }
      if (!args.every((a) => /^\d+$/.test(a))) return undefined
      const [a, b] = args.map(Number)
      value = method === '.substr' ? value.substr(a, b) : value.slice(a, b)
    }
  }
  const atom = (): Value => {
    const t = next()
    if (t === undefined) return undefined
    if (t === '(') {
      const v = orExpr()
      return expect(')') ? v : undefined
    }
    if (/^(['"]).*\1$/.test(t)) return t.slice(1, -1)
    if (t === 'true') return true
    if (t === 'false') return false
    if (t === 'process.platform' || t === 'os.platform') {
      if (t !== 'process.platform' && !(expect('(') && expect(')'))) return undefined
      return node.platform
    }
    if (t === 'process.version') return node.version
    if (t === 'process.versions.node') return node.version.replace(/^v/, '')
    // `/^v0\.8/.test(process.version)`
    if (t.startsWith('/') && expect('.test')) {
      if (!expect('(')) return undefined
      const arg = operand()
      if (!expect(')') || typeof arg !== 'string') return undefined
      const m = /^\/(.+)\/([gimsuy]*)$/.exec(t)
      if (!m) return undefined
      try {
        return new RegExp(m[1], m[2]).test(arg)
      } catch {
        return undefined
      }
    }
    if (flags.has(t)) return flags.get(t)
    // Anything else is unknown; a call's arguments are skipped so `&&`/`||` can still decide.
    if (/^[A-Za-z_$]/.test(t) && peek() === '(') {
      let depth = 0
      do {
        const u = next()
        if (u === '(') depth++
        else if (u === ')') depth--
        else if (u === undefined) return undefined
      } while (depth > 0)
    }
    return undefined
  }
  const value = orExpr()
  return pos === tokens.length ? value : undefined
}

const TOKEN =
  /\s*(process\.versions\.node|process\.platform|process\.version|os\.platform|\.substr|\.slice|\.startsWith|\.test|===|!==|==|!=|&&|\|\||!|\(|\)|,|\d+|'[^']*'|"[^"]*"|\/(?:\\.|[^/\\\n])+\/[gimsuy]*|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/y

function tokenize(text: string): string[] | null {
  return tokenizeWith(TOKEN, text)
}
