// A conditional expression's value is one of its branches, never its condition: `"ok" if value else
// "no"` and `value ? 'ok' : 'no'` carry no text of `value` (flask-admin's bool_formatter, whose `value`
// only picks an icon name, was judged false as XSS in session 15). The condition is blanked before the
// names a value or argument mentions are read; the branches keep theirs.
import { namesIn } from './taint-entries.js'

const OPEN = new Set(['(', '[', '{'])
const CLOSE = new Set([')', ']', '}'])

/**
 * JavaScript regex literals blanked (same length): their `?`, `:` and brackets are no code (morgan's
 * `/:([-\w]{2,})(?:\[([^\]]+)\])?/g` inside the `new Function` body it builds). A `/` starts a literal
 * where an operand is expected: at the start or after an operator or an opening bracket.
 */
function withoutRegexLiterals(code: string): string {
  const chars = [...code]
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '/' || chars[i + 1] === '/' || chars[i + 1] === '*') continue
    const before = code.slice(0, i).trimEnd()
    if (before !== '' && !/(?:[(,=:[!&|?{};+\-*%<>~^]|\breturn|\btypeof)$/.test(before)) continue
    let j = i + 1
    let inClass = false
    for (; j < chars.length; j++) {
      const c = chars[j]
      if (c === '\\') j++
      else if (c === '[') inClass = true
      else if (c === ']') inClass = false
      else if (c === '/' && !inClass) break
      else if (c === '\n') break
    }
    if (j >= chars.length || chars[j] !== '/') continue
    for (let k = i + 1; k < j; k++) chars[k] = ' '
    i = j
  }
  return chars.join('')
}

/** Whether the `?` at `at` has its `:` at the same depth before the expression ends (`?:` never does). */
function hasAlternative(code: string, at: number): boolean {
  let depth = 0
  let first = true
  for (let i = at + 1; i < code.length; i++) {
    const ch = code[i]
    if (/\s/.test(ch)) continue
    if (depth === 0 && ch === ':') return !first
    first = false
    if (OPEN.has(ch)) depth++
    else if (CLOSE.has(ch)) {
      if (depth === 0) return false
      depth--
    } else if (depth === 0 && (ch === ',' || ch === ';')) return false
  }
  return false
}

/** Ranges [start, end) of `code` that are conditions of conditional expressions, at any depth. */
function conditionRanges(code: string, python: boolean): [number, number][] {
  const out: [number, number][] = []
  // Per open bracket: where its current segment starts (after the bracket or the last delimiter) and,
  // for Python, where a pending ` if ` sits.
  const segments: { start: number; pendingIf?: number }[] = [{ start: 0 }]
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]
    const top = segments[segments.length - 1]
    if (OPEN.has(ch)) {
      segments.push({ start: i + 1 })
      continue
    }
    if (CLOSE.has(ch)) {
      if (segments.length > 1) segments.pop()
      continue
    }
    if (python) {
      if (ch === ',' || ch === ';') {
        top.start = i + 1
        top.pendingIf = undefined
        continue
      }
      const word = /^[A-Za-z_]\w*/.exec(code.slice(i))?.[0]
      if (!word || /[\w.]/.test(code[i - 1] ?? '')) continue
      if (word === 'if') top.pendingIf = i
      else if (word === 'else' && top.pendingIf !== undefined) {
        out.push([top.pendingIf, i + word.length])
        top.pendingIf = undefined
      } else if (word === 'for' || word === 'lambda') top.pendingIf = undefined
      i += word.length - 1
      continue
    }
    // JavaScript: `cond ? a : b`; `?.` and `??` are no conditional.
    if (ch === '?') {
      if (code[i + 1] === '?' || code[i - 1] === '?') {
        i += code[i + 1] === '?' ? 1 : 0
        continue
      }
      if (code[i + 1] === '.' && !/\d/.test(code[i + 2] ?? '')) continue
      if (!hasAlternative(code, i)) continue
      out.push([top.start, i + 1])
      top.start = i + 1
      continue
    }
    if (ch === ',' || ch === ';' || ch === ':') top.start = i + 1
    else if (ch === '=' && code[i + 1] !== '=' && !/[=!<>]/.test(code[i - 1] ?? '')) {
      top.start = i + (code[i + 1] === '>' ? 2 : 1)
    } else if (/^(?:return|yield|await)\b/.test(code.slice(i)) && !/[\w$.]/.test(code[i - 1] ?? ''))
      top.start = i
  }
  return out
}

/** `code` with the conditions of its conditional expressions blanked (same length, same positions). */
export function withoutConditions(code: string, python: boolean): string {
  const ranges = conditionRanges(python ? code : withoutRegexLiterals(code), python)
  if (ranges.length === 0) return code
  const chars = [...code]
  for (const [start, end] of ranges) for (let i = start; i < end; i++) chars[i] = ' '
  return chars.join('')
}

/** The names a value's code mentions, leaving out those only tested in a conditional's condition. */
export function valueNames(code: string, python: boolean): string[] {
  return namesIn(withoutConditions(code, python))
}
