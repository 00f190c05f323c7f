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

/** Method calls after a substitution that add no path character: `.strip('_').lower()`. */
const CASE_AND_TRIM =
  /^(?:\.(?:strip|lstrip|rstrip|lower|upper|title|casefold|trim|toLowerCase|toUpperCase)\((?:\s*'[\w\s-]*'|\s*"[\w\s-]*")?\s*\))*$/

/** A replacement that itself adds no path character: `''`, `'_'`, `'-'`. */
function safeReplacement(arg: { kind: string; value?: unknown } | undefined): boolean {
  return (
    arg?.kind === 'literal' &&
    typeof arg.value === 'string' &&
    !PATH_CHARS.some((c) => (arg.value as string).includes(c))
  )
}

/**
 * A binding whose whole value is a substitution of everything but safe characters: JavaScript's
 * `x.replace(/[^\w-]/g, '')` or Python's `re.sub(r'[^\w]+', '_', name)` (global by default), then at most
 * trims and case changes (peewee's migration slug, judged false in round 10).
 */
function strippingBinding(module: ModuleModel, b: NonNullable<ModuleModel['bindings']>[number]) {
  const value = b.value.trim()
  return module.calls.some((c) => {
    if (!within(c.loc, b.loc)) return false
    const python = c.callee === 're.sub'
    if (!python && c.name !== 'replace' && c.name !== 'replaceAll') return false
    if (!safeReplacement(c.arguments?.[1])) return false
    const text = `${c.callee}(`
    if (!value.startsWith(text)) return false
    // The substitution is the value, up to trims and case changes after it.
    const rest = value.slice(value.indexOf(')', callEnd(value, text.length - 1)) + 1)
    if (!CASE_AND_TRIM.test(rest)) return false
    if (python) {
      const pattern = c.arguments?.[0]
      return (
        pattern?.kind === 'literal' &&
        typeof pattern.value === 'string' &&
        stripsPathCharacters({ pattern: pattern.value, flags: 'g' })
      )
    }
    const regex = (module.regexes ?? []).find((r) => within(r.loc, c.loc))
    return regex !== undefined && stripsPathCharacters(regex)
  })
}

/** The index of the `)` that closes the parenthesis at `open` (strings and nesting skipped). */
function callEnd(text: string, open: number): number {
  let depth = 0
  let quote: string | null = null
  for (let i = open; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      if (ch === '\\') i++
      else if (ch === quote) quote = null
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch
    else if (ch === '(') depth++
    else if (ch === ')' && --depth === 0) return i
  }
  return text.length
}

/** A method's own receiver, not a caller's value. */
const RECEIVERS = new Set(['self', 'cls', 'this'])

/**
 * Whether the sink's argument reaches the function's parameters only through values the function
 * stripped to safe characters before the sink, unconditionally (a reassigned parameter, `item =
 * item.replace(...)`, or a local, `slug = re.sub(...)`), and reaches at least one such value.
 */
export function strippedBeforeSink(module: ModuleModel, sink: CallSite, arg: string): boolean {
  const wordsOf = (text: string) => text.match(/[A-Za-z_$][\w$]*/g) ?? []
  const before = (module.bindings ?? []).filter(
    (b) => b.enclosing === sink.enclosing && b.loc.startLine < sink.loc.startLine
  )
  const stripped = new Set(
    before.filter((b) => !b.branch && strippingBinding(module, b)).map((b) => b.name)
  )
  if (stripped.size === 0) return false
  const words = new Set(wordsOf(arg))
  // Through the locals the argument names (`const file = path.join(dir, item + '.txt')`), twice over,
  // but not into a stripped value: what it was stripped from no longer reaches the sink.
  for (let round = 0; round < 2; round++)
    for (const b of before)
      if (words.has(b.name) && !stripped.has(b.name)) for (const w of wordsOf(b.value)) words.add(w)
  if (![...stripped].some((name) => words.has(name))) return false
  const fn = module.functions.find((f) => f.qualifiedName === sink.enclosing)
  return (fn?.params ?? []).every(
    (p) => RECEIVERS.has(p.name) || !words.has(p.name) || stripped.has(p.name)
  )
}
