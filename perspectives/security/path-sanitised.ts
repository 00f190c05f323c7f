// A path built from a value the function first stripped to safe characters: `item =
// item.replace(/[^a-z]/gi, '')` removes every `.`, `/` and `\`, so no `..` segment or absolute path
// can reach the sink (nodemon's help(), judged false in session 7).
import type { CallSite, ModuleModel, RegexLiteral } from '../../src/model/types.js'
import { within } from '../kit/index.js'

/** Characters a path needs to leave its folder. */
const PATH_CHARS = ['.', '/', '\\']

/** The characters a negated class keeps, as code points and ranges; undefined when not readable. */
function keptCharacters(
  body: string
): { singles: string[]; ranges: [number, number][] } | undefined {
  const singles: string[] = []
  const ranges: [number, number][] = []
  let i = 0
  const next = (): string | undefined => {
    if (i >= body.length) return undefined
    if (body[i] === '\\') {
      const escaped = body[i + 1]
      i += 2
      // \w, \d, \s keep letters, digits, underscore and white space: none of the path characters.
      if (escaped === 'w' || escaped === 'd' || escaped === 's') return ''
      return escaped
    }
    return body[i++]
  }
  while (i < body.length) {
    const ch = next()
    if (ch === undefined) return undefined
    if (ch === '') continue
    if (body[i] === '-' && i + 1 < body.length) {
      i++
      const end = next()
      if (end === undefined || end === '') return undefined
      ranges.push([ch.charCodeAt(0), end.charCodeAt(0)])
    } else singles.push(ch)
  }
  return { singles, ranges }
}

/** `/[^a-z0-9_-]/g` or `/\W/g`: a global pattern that removes everything but safe characters. */
export function stripsPathCharacters(regex: Pick<RegexLiteral, 'pattern' | 'flags'>): boolean {
  if (!regex.flags.includes('g')) return false
  const p = regex.pattern
  if (p === '\\W' || p === '\\W+' || p === '[\\W]' || p === '[\\W]+') return true
  const m = /^\[\^(.*)\]\+?$/.exec(p)
  if (!m) return false
  const kept = keptCharacters(m[1])
  if (!kept) return false
  return PATH_CHARS.every((c) => {
    const code = c.charCodeAt(0)
    return !kept.singles.includes(c) && !kept.ranges.some(([a, b]) => code >= a && code <= b)
  })
}

/**
 * Whether the sink's argument names a value the function reassigned unconditionally before the sink
 * from its own `.replace(<stripping pattern>, '')`, and names no other parameter of the function.
 */
export function strippedBeforeSink(module: ModuleModel, sink: CallSite, arg: string): boolean {
  const wordsOf = (text: string) => text.match(/[A-Za-z_$][\w$]*/g) ?? []
  const words = new Set(wordsOf(arg))
  // Through the locals the argument names (`const file = path.join(dir, item + '.txt')`), twice over.
  for (let round = 0; round < 2; round++)
    for (const b of module.bindings ?? [])
      if (
        b.enclosing === sink.enclosing &&
        words.has(b.name) &&
        b.loc.startLine < sink.loc.startLine
      )
        for (const w of wordsOf(b.value)) words.add(w)
  const stripped = (module.bindings ?? []).filter((b) => {
    if (b.enclosing !== sink.enclosing || b.branch || !words.has(b.name)) return false
    if (b.loc.startLine >= sink.loc.startLine) return false
    const replace = module.calls.find(
      (c) =>
        within(c.loc, b.loc) &&
        (c.name === 'replace' || c.name === 'replaceAll') &&
        c.receiver === b.name &&
        c.arguments?.[1]?.kind === 'literal' &&
        c.arguments[1].value === ''
    )
    if (!replace) return false
    const regex = (module.regexes ?? []).find((r) => within(r.loc, replace.loc))
    return regex !== undefined && stripsPathCharacters(regex)
  })
  if (stripped.length === 0) return false
  // Every parameter the argument names must be one of the stripped values.
  const fn = module.functions.find((f) => f.qualifiedName === sink.enclosing)
  const names = new Set(stripped.map((b) => b.name))
  return (fn?.params ?? []).every((p) => !words.has(p.name) || names.has(p.name))
}
