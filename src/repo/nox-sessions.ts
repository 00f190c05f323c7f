// The sessions of a noxfile.py and the commands each runs. A CI step that runs `nox` runs these: the ci-cd
// perspective follows them (does the suite measure coverage, is there a type check, a linter?) as it follows
// tox environments. jsonschema's CI runs every default session, which run coverage, mypy and ruff (round 9).
// Only literal strings are read; a session's conditions (`if session.posargs`) are not evaluated, so a
// session that can measure coverage counts as measuring it: a missed finding costs less than a false one.
import type { TaskCommands } from '../model/types.js'

interface Session {
  name: string
  isDefault: boolean
  commands: string[]
}

/** A decorator that makes a nox session: `@nox.session`, `@nox.session(...)`, `@session(...)`. */
const SESSION_DECORATOR = /^@(?:nox\.)?session\b(.*)$/
const DEF = /^(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/
/** The calls whose literal arguments are a command: `session.run("pytest", "--cov")`. */
const RUN_CALL = /\bsession\.(run|run_always|run_install|install)\s*\(/g

/** The top-level string literals of a call's argument text; other arguments are skipped. */
export function literalArguments(text: string): string[] {
  const out: string[] = []
  let depth = 0
  let atStart = true
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '(' || ch === '[' || ch === '{') depth++
    else if (ch === ')' || ch === ']' || ch === '}') depth--
    else if (ch === ',') atStart = depth === 0 ? true : atStart
    else if ((ch === '"' || ch === "'") && depth === 0) {
      const end = text.indexOf(ch, i + 1)
      if (end < 0) break
      // Only a literal that is the whole argument (not `f"..."`, not a keyword's value).
      const before = text.slice(0, i).trimEnd()
      if (atStart && !/[A-Za-z=]$/.test(before)) out.push(text.slice(i + 1, end))
      i = end
      atStart = false
      continue
    } else if (!/\s/.test(ch)) atStart = false
  }
  return out
}

/** The argument text of a call opened at `open` (the index of its `(`), up to the matching `)`. */
function callArguments(text: string, open: number): string {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i)
  }
  return text.slice(open + 1)
}

function sessionCommands(body: string): string[] {
  const commands: string[] = []
  for (const match of body.matchAll(RUN_CALL)) {
    const words = literalArguments(callArguments(body, (match.index ?? 0) + match[0].length - 1))
    if (words.length === 0) continue
    commands.push(match[1] === 'install' ? ['pip', 'install', ...words].join(' ') : words.join(' '))
  }
  return commands
}

/** The sessions of a noxfile, in order, with the commands each runs. */
export function noxSessions(text: string): Session[] {
  const lines = text.split(/\r?\n/)
  const sessions: Session[] = []
  for (let i = 0; i < lines.length; i++) {
    const decorator = SESSION_DECORATOR.exec(lines[i])
    if (!decorator) continue
    let at = i
    while (at < lines.length && !DEF.test(lines[at])) at++
    const def = DEF.exec(lines[at] ?? '')
    if (!def) break
    const header = lines.slice(i, at).join(' ')
    let end = at + 1
    while (end < lines.length && (lines[end] === '' || /^[\s#]/.test(lines[end]))) end++
    sessions.push({
      name: /\bname\s*=\s*["']([^"']+)["']/.exec(header)?.[1] ?? def[1],
      isDefault: !/\bdefault\s*=\s*False\b/.test(header),
      commands: sessionCommands(lines.slice(at + 1, end).join('\n'))
    })
    i = end - 1
  }
  return sessions
}

/** `nox.options.sessions = [...]` when it is a literal list the file does not extend later. */
function listedDefaults(text: string): string[] | null {
  if (/nox\.options\.sessions\s*(\.|\+=)/.test(text)) return null
  const listed = /^nox\.options\.sessions\s*=\s*\[([^\]]*)\]/m.exec(text)
  if (!listed) return null
  const names = literalArguments(listed[1])
  return names.length > 0 ? names : null
}

/** noxfile.py as task commands: `nox` with no session named runs the defaults. */
export function noxFromFile(file: string, text: string): TaskCommands | null {
  const sessions = noxSessions(text)
  if (sessions.length === 0) return null
  const tasks: Record<string, string[]> = {}
  for (const s of sessions) tasks[s.name] = [...(tasks[s.name] ?? []), ...s.commands]
  const defaults = listedDefaults(text) ?? sessions.filter((s) => s.isDefault).map((s) => s.name)
  return { file, tool: 'nox', tasks, defaults, base: [] }
}
