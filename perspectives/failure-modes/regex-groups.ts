// What a regular expression's capturing groups can hold, read from the pattern by a small parser of the
// regex language (not of source code): `(\d+)` always holds digits, `(\d*)` may hold '' and
// `(\d+)?` / `(?:(\d+)|-)` may not take part at all (Python gives None). int() of the first is safe;
// of the others only behind a truthiness check (webob's `-int(end)` of a `(\d*)` group is a real
// ValueError, pycodestyle's `int(g or '1')` of `(\d+)` groups is not).

/** One capturing group of a pattern. */
export interface GroupShape {
  /** 1-based, as `m.group(n)` counts. */
  index: number
  /** `(?P<name>...)` / `(?<name>...)`. */
  name?: string
  /** Every character it can hold is a decimal digit (an optional leading sign allowed). */
  digits: boolean
  /** Every character is a hexadecimal digit (or decimal). */
  hexDigits: boolean
  /** It can hold only a decimal number with an optional fraction (`1`, `0.5`), what float() reads. */
  decimal: boolean
  /** It can match the empty string. */
  mayBeEmpty: boolean
  /**
   * The optional parts (a `?`/`*`/`{0,}` quantifier, one branch of an alternation) it sits in, outermost
   * first; empty when the group always takes part in a match. A group whose scopes are all on another
   * group's list takes part whenever that one does.
   */
  scopes: number[]
}

type CharKind = 'digit' | 'hex' | 'sign' | 'dot' | 'other'

interface Atom {
  /** Characters it may consume; empty for anchors and look-arounds. */
  kinds: Set<CharKind>
  min: number
  /** A nested group's alternatives, when the atom is a group. */
  group?: { capture?: { index: number; name?: string }; branches: Atom[][] }
}

class Parser {
  private pos = 0
  private count = 0
  constructor(private readonly src: string) {}

  parse(): Atom[][] {
    const branches = this.alternation()
    if (this.pos < this.src.length) throw new Error('unbalanced')
    return branches
  }

  private alternation(): Atom[][] {
    const branches: Atom[][] = [this.sequence()]
    while (this.src[this.pos] === '|') {
      this.pos++
      branches.push(this.sequence())
    }
    return branches
  }

  private sequence(): Atom[] {
    const atoms: Atom[] = []
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom()
      if (!atom) continue
      atom.min *= this.quantifier()
      atoms.push(atom)
    }
    return atoms
  }

  /** Reads a quantifier after an atom: the factor of its minimum (0 or 1; `{n}` keeps 1). */
  private quantifier(): number {
    const c = this.src[this.pos]
    let min = 1
    if (c === '*' || c === '?') {
      min = 0
      this.pos++
    } else if (c === '+') this.pos++
    else if (c === '{') {
      const close = this.src.indexOf('}', this.pos)
      const body = close > 0 ? this.src.slice(this.pos + 1, close) : ''
      const [lo, hi] = body.split(',')
      const isNum = (s: string | undefined) => s !== undefined && /^\d*$/.test(s)
      if (close < 0 || !isNum(lo) || (hi !== undefined && !isNum(hi))) return 1
      this.pos = close + 1
      if (lo === '' || Number(lo) === 0) min = 0
    } else return 1
    // Lazy or possessive suffix.
    if (this.src[this.pos] === '?' || this.src[this.pos] === '+') this.pos++
    return min
  }

  private atom(): Atom | undefined {
    const c = this.src[this.pos]
    if (c === '(') return this.group()
    if (c === '[') return this.charClass()
    if (c === '\\') return this.escape()
    this.pos++
    if (c === '^' || c === '$') return undefined
    return { kinds: new Set([kindOf(c)]), min: 1 }
  }

  private group(): Atom {
    this.pos++
    let capture: { index: number; name?: string } | undefined
    let zeroWidth = false
    if (this.src[this.pos] === '?') {
      const rest = this.src.slice(this.pos)
      const named = /^\?P?<([A-Za-z_]\w*)>/.exec(rest)
      if (named) {
        capture = { index: ++this.count, name: named[1] }
        this.pos += named[0].length
      } else if (rest.startsWith('?:')) this.pos += 2
      else if (/^\?(<?[=!])/.test(rest)) {
        zeroWidth = true
        this.pos += rest.startsWith('?<') ? 3 : 2
      } else throw new Error('unsupported group') // inline flags, (?P=name), conditionals
    } else capture = { index: ++this.count }
    const branches = this.alternation()
    if (this.src[this.pos] !== ')') throw new Error('unbalanced')
    this.pos++
    if (zeroWidth) return { kinds: new Set(), min: 1 }
    return { kinds: new Set(), min: 1, group: { ...(capture ? { capture } : {}), branches } }
  }

  private charClass(): Atom {
    const close = classEnd(this.src, this.pos)
    if (close < 0) throw new Error('unbalanced class')
    const body = this.src.slice(this.pos + 1, close)
    this.pos = close + 1
    if (body.startsWith('^')) return { kinds: new Set(['other']), min: 1 }
    const kinds = new Set<CharKind>()
    for (let i = 0; i < body.length; i++) {
      const ch = body[i]
      if (ch === '\\') {
        const e = body[++i]
        if (e === 'd') kinds.add('digit')
        else if (e === '.') kinds.add('dot')
        else if ('DwWsS'.includes(e)) kinds.add('other')
        else kinds.add(kindOf(e))
        continue
      }
      if (body[i + 1] === '-' && i + 2 < body.length) {
        const to = body[i + 2] === '\\' ? body[i + 3] : body[i + 2]
        kinds.add(rangeKind(ch, to))
        i += body[i + 2] === '\\' ? 3 : 2
        continue
      }
      // Inside a class a dot is a literal dot.
      kinds.add(ch === '.' ? 'dot' : kindOf(ch))
    }
    return { kinds, min: 1 }
  }

  private escape(): Atom | undefined {
    const e = this.src[this.pos + 1]
    this.pos += 2
    if (e === undefined) throw new Error('trailing backslash')
    if ('bBAZzG'.includes(e)) return undefined
    if (e === 'd') return { kinds: new Set(['digit']), min: 1 }
    if (e === '.') return { kinds: new Set(['dot']), min: 1 }
    if (/[1-9]/.test(e)) throw new Error('back-reference')
    if ('DwWsSxuUNpP'.includes(e)) return { kinds: new Set(['other']), min: 1 }
    return { kinds: new Set([kindOf(e)]), min: 1 }
  }
}

/** The index of the `]` closing the class opened at `open`. */
function classEnd(src: string, open: number): number {
  let i = open + 1
  if (src[i] === '^') i++
  if (src[i] === ']') i++
  for (; i < src.length; i++) {
    if (src[i] === '\\') i++
    else if (src[i] === ']') return i
  }
  return -1
}

function kindOf(ch: string): CharKind {
  if (ch >= '0' && ch <= '9') return 'digit'
  if ((ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F')) return 'hex'
  if (ch === '+' || ch === '-') return 'sign'
  return 'other'
}

function rangeKind(from: string, to: string | undefined): CharKind {
  if (to === undefined) return 'other'
  if (from >= '0' && to <= '9' && from <= to) return 'digit'
  if ((from >= 'a' && to <= 'f' && from <= to) || (from >= 'A' && to <= 'F' && from <= to))
    return 'hex'
  return 'other'
}

/** Whether a sequence can match the empty string. */
function seqMayBeEmpty(seq: Atom[]): boolean {
  return seq.every((a) => a.min === 0 || atomMayBeEmpty(a))
}

function atomMayBeEmpty(a: Atom): boolean {
  if (a.group) return a.group.branches.some(seqMayBeEmpty)
  return a.kinds.size === 0
}

/** Every character of the branches is one of `allowed`, a sign only first. */
function onlyKinds(branches: Atom[][], allowed: Set<CharKind>): boolean {
  return branches.every((seq) =>
    seq.every((a, i) => {
      if (a.group) return onlyKinds(a.group.branches, allowed)
      return [...a.kinds].every((k) => allowed.has(k) || (k === 'sign' && i === 0))
    })
  )
}

/** Each branch starts (after an optional sign) with a required digit: float() reads it. */
function startsWithDigit(branches: Atom[][]): boolean {
  return branches.every((seq) => {
    const rest = seq[0] && [...seq[0].kinds].every((k) => k === 'sign') ? seq.slice(1) : seq
    const first = rest[0]
    if (!first || first.min === 0) return false
    if (first.group) return startsWithDigit(first.group.branches)
    return first.kinds.size === 1 && first.kinds.has('digit')
  })
}

/** The capturing groups of a Python or JavaScript pattern; undefined when the parser cannot read it. */
export function groupShapes(pattern: string): GroupShape[] | undefined {
  let tree: Atom[][]
  try {
    tree = new Parser(pattern).parse()
  } catch {
    return undefined
  }
  const out: GroupShape[] = []
  let scopeId = 0
  const walk = (branches: Atom[][], scopes: number[]) => {
    const alt = branches.length > 1
    for (const seq of branches) {
      const branchScopes = alt ? [...scopes, ++scopeId] : scopes
      for (const a of seq) {
        if (!a.group) continue
        const own = a.min === 0 ? [...branchScopes, ++scopeId] : branchScopes
        const capture = a.group.capture
        if (capture) {
          const b = a.group.branches
          const digits = onlyKinds(b, new Set<CharKind>(['digit']))
          out.push({
            index: capture.index,
            ...(capture.name ? { name: capture.name } : {}),
            digits,
            hexDigits: onlyKinds(b, new Set<CharKind>(['digit', 'hex'])),
            decimal:
              digits || (onlyKinds(b, new Set<CharKind>(['digit', 'dot'])) && startsWithDigit(b)),
            mayBeEmpty: b.some(seqMayBeEmpty),
            scopes: own
          })
        }
        walk(a.group.branches, own)
      }
    }
  }
  walk(tree, [])
  return out.sort((x, y) => x.index - y.index)
}
