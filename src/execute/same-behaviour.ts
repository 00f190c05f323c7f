// Two delivered specs that call the same code the same way and assert the same result are one test
// written twice (an edge-cases spec and a backwards-compat spec pinning `Never().match('x') == False`):
// a maintainer commits one. A spec whose every statement another delivered spec also makes is left out
// of the delivered files; it stays in the records with its validation (a finding it confirms stays confirmed).

/** What a plan item left out for this reason says. */
export const SAME_BEHAVIOUR = 'same behaviour as another delivered spec'

export interface BehaviourSpec {
  id: string
  code: string
  /** A spec that shows a defect is never folded into another: each defect keeps its own failing test. */
  defect: boolean
}

/** Lines that frame a test (its name, its imports, its header, braces), not what it does. */
const FRAME = [
  /^(?:#|\/\/|\/\*|\*)/,
  /^(?:import|from)\s/,
  /^(?:const|let|var)\s+\{?[\w\s,]*\}?\s*=\s*(?:await\s+)?(?:require|import)\(/,
  /^(?:async\s+)?def\s+test\w*\s*\(/,
  /^class\s+Test\w*/,
  /^(?:describe|it|test|suite)(?:\.\w+)?\s*\(/,
  /^[\s})\]);,]*$/,
  /^['"]use strict['"];?$/
]

/** A statement without the spacing outside its strings, every string in single quotes. */
function uniform(line: string): string {
  let out = ''
  let quote: string | null = null
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quote) {
      if (c === '\\' && i + 1 < line.length) {
        out += c + line[++i]
        continue
      }
      if (c === quote) quote = null
      out += quote === null ? "'" : c === "'" ? "\\'" : c
    } else if (c === '"' || c === "'") {
      quote = c
      out += "'"
    } else if (!/\s/.test(c)) out += c
  }
  return out
}

/** The statements a spec makes, whitespace and quotes made uniform: what it calls and what it asserts. */
export function behaviourLines(code: string): string[] {
  const lines = new Set<string>()
  for (const raw of code.split('\n')) {
    const line = raw.trim()
    if (!line || FRAME.some((re) => re.test(line))) continue
    lines.add(uniform(line.replace(/;$/, '')))
  }
  return [...lines]
}

/**
 * For each spec to leave out, the spec that already makes every statement it makes. Of two that make
 * the same statements, the first stays; a spec contained in a larger one goes. Defect specs stay.
 */
export function sameBehaviour(specs: readonly BehaviourSpec[]): Map<string, string> {
  const rows = specs.map((s) => ({ ...s, lines: new Set(behaviourLines(s.code)) }))
  const dropped = new Map<string, string>()
  for (const [i, a] of rows.entries()) {
    if (a.defect || a.lines.size === 0) continue
    const keeper = rows.find(
      (b, j) =>
        j !== i &&
        !dropped.has(b.id) &&
        b.lines.size >= a.lines.size &&
        (b.lines.size > a.lines.size || j < i) &&
        [...a.lines].every((l) => b.lines.has(l))
    )
    if (keeper) dropped.set(a.id, keeper.id)
  }
  // A keeper left out in turn for a larger spec: the larger one makes every statement of both.
  for (const [id, keeper] of dropped) {
    let last = keeper
    while (dropped.has(last)) last = dropped.get(last)!
    dropped.set(id, last)
  }
  return dropped
}
