// A conditional expression's value is one of its branches, never its condition: `"ok" if value else
// "no"` and `value ? 'ok' : 'no'` carry no text of `value` (flask-admin's bool_formatter, whose `value`
// only picks an icon name, was judged false as XSS in session 15). The condition is blanked before the
// names a value or argument mentions are read; the branches keep theirs.
import { namesIn } from './taint-entries.js'

const OPEN = new Set(['(', '[', '{'])
const CLOSE = new Set([')', ']', '}'])

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
  const ranges = conditionRanges(code, python)
  if (ranges.length === 0) return code
  const chars = [...code]
  for (const [start, end] of ranges) for (let i = start; i < end; i++) chars[i] = ' '
  return chars.join('')
}

/** The names a value's code mentions, leaving out those only tested in a conditional's condition. */
export function valueNames(code: string, python: boolean): string[] {
  return namesIn(withoutConditions(code, python))
}
