// A value checked against a fixed set before it reaches a sink is one of the program's own values, not the
// attacker's text: `if action not in self.ds.actions: return error(...)`, `if (!SORTABLE.has(sort)) throw`,
// or the sink inside `if kind in {"csv", "json"}:` (session 16's judge: datasette's permission view and
// sort column, followed as taint past the check). The check must be on a name the input travelled through
// and sit in the sink's function before it; the set must not be the input itself or a string (`"/" in name`
// is a substring test, not membership).
import type { CallSite, Condition, ModuleModel } from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import type { Origin } from './taint.js'

const NAME = String.raw`[A-Za-z_$][\w$]*`
const SET = String.raw`(?:[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\(\))*|\{[^{}]*\}|\[[^\[\]]*\]|\([^()]*\))`

/** The names the input travelled through: the entry parameter, each local it was bound to, each callee parameter. */
export function namesOnPath(origin: Origin): Set<string> {
  const out = new Set<string>()
  if (origin.entry) out.add(origin.entry.param)
  for (const step of origin.steps) {
    const bound = new RegExp(`^(${NAME}) \\+?= `).exec(step)
    if (bound) out.add(bound[1])
    const param = new RegExp(`\\((${NAME})\\)$`).exec(step)
    if (param) out.add(param[1])
  }
  return out
}

function escaped(name: string): string {
  return name.replace(/\$/g, '\\$')
}

/** `name not in SET` / `!SET.has(name)` / `!SET.includes(name)`: the failing case of a membership test. */
function negativeTest(text: string, name: string): boolean {
  const n = escaped(name)
  return (
    new RegExp(`(?<![\\w$.])${n}\\s+not\\s+in\\s+(${SET})\\s*$`).test(text.trim()) ||
    new RegExp(`^!\\s*(${SET})\\.(?:has|includes)\\(\\s*${n}\\s*\\)$`).test(text.trim())
  )
}

/** `name in SET` / `SET.has(name)` / `SET.includes(name)`: the passing case. */
function positiveTest(text: string, name: string): boolean {
  const n = escaped(name)
  return (
    new RegExp(`^${n}\\s+in\\s+(${SET})$`).test(text.trim()) ||
    new RegExp(`^(${SET})\\.(?:has|includes)\\(\\s*${n}\\s*\\)$`).test(text.trim())
  )
}

/** The set named in the test is neither a string (a substring test) nor one of the input's own names. */
function fixedSet(text: string, onPath: Set<string>): boolean {
  const set = /\bnot\s+in\s+(.+)$|\bin\s+(.+)$|^!?\s*(.+?)\.(?:has|includes)\(/.exec(text.trim())
  const named = (set?.[1] ?? set?.[2] ?? set?.[3] ?? '').trim()
  if (!named || /^[rbfu]*["'`]/i.test(named)) return false
  const head = /^[A-Za-z_$][\w$]*/.exec(named)?.[0]
  return !head || !onPath.has(head)
}

/** The file's lines, or none when the engine kept no text for it. */
function linesOf(quoter: Quoter, file: string): string[] {
  try {
    return quoter.lines(file)
  } catch {
    return []
  }
}

function indent(line: string): number {
  return /^\s*/.exec(line)?.[0].length ?? 0
}

/**
 * The branch of the test leaves the function or the loop: `raise`/`return`/`throw`/`abort(`/`continue` after
 * the test on its line or as the first statement below it. Read from the test's first line: a JavaScript
 * condition's location is the whole `if` statement.
 */
function exits(quoter: Quoter, file: string, condition: Condition): boolean {
  const lines = linesOf(quoter, file)
  const head = lines[condition.loc.startLine - 1] ?? ''
  const text = condition.text.trim()
  const end = head.indexOf(text)
  if (end !== -1) {
    const after = head.slice(end + text.length)
    if (/^\s*\)?\s*(?::|\{)?\s*(?:raise|return|throw|continue|abort\s*\()/.test(after)) return true
  }
  for (
    let n = condition.loc.startLine;
    n < Math.min(lines.length, condition.loc.startLine + 3);
    n++
  ) {
    const line = lines[n] ?? ''
    if (!line.trim() || /^\s*(?:#|\/\/)/.test(line)) continue
    return /^\s*(?:raise|return|throw|continue|abort\s*\()/.test(line)
  }
  return false
}

/** The sink sits in the body of the test: every line below the test down to the sink is indented deeper. */
function inBody(quoter: Quoter, file: string, condition: Condition, sink: CallSite): boolean {
  const lines = linesOf(quoter, file)
  const start = condition.loc.startLine
  if (sink.loc.startLine <= start) return false
  const base = indent(lines[start - 1] ?? '')
  for (let n = start + 1; n <= sink.loc.startLine; n++) {
    const line = lines[n - 1] ?? ''
    if (!line.trim()) continue
    if (indent(line) <= base) return false
  }
  return true
}

/**
 * Whether the input reaching `sink` was checked against a fixed set on its way: a failing membership test
 * that leaves before the sink, or a passing one whose body holds the sink, in the sink's function.
 */
export function allowListed(
  module: ModuleModel,
  quoter: Quoter,
  sink: CallSite,
  origin: Origin,
  here: (item: { enclosing?: string; loc: CallSite['loc'] }) => boolean
): boolean {
  const onPath = namesOnPath(origin)
  if (onPath.size === 0) return false
  for (const condition of module.conditions) {
    if (!here(condition) || condition.loc.startLine >= sink.loc.startLine) continue
    if (condition.kind === 'while' || condition.kind === 'for') continue
    for (const name of onPath) {
      if (!fixedSet(condition.text, onPath)) break
      if (negativeTest(condition.text, name) && exits(quoter, module.path, condition)) return true
      if (positiveTest(condition.text, name) && inBody(quoter, module.path, condition, sink))
        return true
    }
  }
  return false
}
