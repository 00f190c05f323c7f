// Python annotations compared by meaning, not spelling: a release that only moves to
// `from __future__ import annotations` style (`Optional[str]` to `str | None`, `_t.Union[a, b]` to
// `a | b`, `t.List[int]` to `list[int]`, quoted forward references) changes no parameter type.
// Annotations are short type expressions; they are parsed into a canonical text here.

const TYPING_MODULES =
  /\b(?:typing_extensions|typing|collections\.abc|cabc|_te|_t|te|t)\.(?=[A-Za-z_])/g
// typing's aliases of builtins and of contextlib/collections classes: the same type under two names.
const SAME_AS: Record<string, string> = {
  List: 'list',
  Dict: 'dict',
  Tuple: 'tuple',
  Set: 'set',
  FrozenSet: 'frozenset',
  Type: 'type',
  Text: 'str',
  Deque: 'deque',
  DefaultDict: 'defaultdict',
  ContextManager: 'AbstractContextManager',
  AsyncContextManager: 'AbstractAsyncContextManager'
}
// The abstract types each concrete one satisfies: a parameter that now takes the abstract type still
// takes the concrete one, and a return that now gives the concrete type still satisfies the abstract.
const SUPERTYPES: Record<string, string[]> = {
  dict: ['MutableMapping', 'Mapping', 'Collection', 'Iterable'],
  defaultdict: ['dict', 'MutableMapping', 'Mapping', 'Collection', 'Iterable'],
  MutableMapping: ['Mapping', 'Collection', 'Iterable'],
  Mapping: ['Collection', 'Iterable'],
  list: ['MutableSequence', 'Sequence', 'Collection', 'Iterable'],
  MutableSequence: ['Sequence', 'Collection', 'Iterable'],
  tuple: ['Sequence', 'Collection', 'Iterable'],
  Sequence: ['Collection', 'Iterable'],
  set: ['MutableSet', 'AbstractSet', 'Collection', 'Iterable'],
  frozenset: ['AbstractSet', 'Collection', 'Iterable'],
  Iterator: ['Iterable'],
  Generator: ['Iterator', 'Iterable'],
  bool: ['int'],
  int: ['float', 'complex'],
  float: ['complex']
}
const MAX_DEPTH = 20

type Token = { kind: 'name' | 'punct' | 'string'; text: string }

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (/\s/.test(ch)) {
      i++
    } else if ('[],|'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch })
      i++
    } else if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1)
      if (end === -1) return null
      tokens.push({ kind: 'string', text: text.slice(i + 1, end) })
      i = end + 1
    } else {
      const m = /^(?:\.\.\.|[A-Za-z_][\w.]*|-?\d+(?:\.\d+)?)/.exec(text.slice(i))
      if (!m) return null
      tokens.push({ kind: 'name', text: m[0] })
      i += m[0].length
    }
  }
  return tokens
}

/** A parsed annotation: a union of alternatives, each a name with optional arguments. */
type Node = { union: Node[] } | { name: string; args?: Node[] }

/** `click.types.ParamType` and `ParamType` name the same class: a module path is not part of the type. */
function shortName(name: string): string {
  return name.startsWith('"') ? name : (name.split('.').pop() ?? name)
}

function members(node: Node): Node[] {
  if ('union' in node) return node.union.flatMap(members)
  // AnyStr is str or bytes (a type variable, but for what a call accepts the two are what matter).
  if (!node.args && shortName(node.name) === 'AnyStr') return [{ name: 'str' }, { name: 'bytes' }]
  return [node]
}

function canonical(node: Node): string {
  if ('union' in node) return [...new Set(members(node).map(canonical))].sort().join('|')
  const name = shortName(node.name)
  // `IO[Any]` is what a bare `IO` means.
  if (!node.args || node.args.every((a) => !('union' in a) && a.name === 'Any')) return name
  // Literal["a", 1]: the order of the values does not matter either.
  const args = node.args.map(canonical)
  return `${name}[${name === 'Literal' ? [...args].sort().join(',') : args.join(',')}]`
}

class Parser {
  private at = 0
  constructor(private readonly tokens: Token[]) {}

  parse(): Node | null {
    const node = this.union(0)
    return node && this.at === this.tokens.length ? node : null
  }

  private peek(text: string): boolean {
    return this.tokens[this.at]?.kind === 'punct' && this.tokens[this.at].text === text
  }

  private union(depth: number): Node | null {
    const first = this.term(depth)
    if (!first) return null
    const members = [first]
    while (this.peek('|')) {
      this.at++
      const next = this.term(depth)
      if (!next) return null
      members.push(next)
    }
    return members.length === 1 ? first : { union: members }
  }

  private term(depth: number): Node | null {
    if (depth > MAX_DEPTH) return null
    const token = this.tokens[this.at]
    if (!token || token.kind === 'punct') {
      // `Callable[[int, str], bool]`: a bracketed argument list stands as one argument.
      if (token && token.text === '[') {
        this.at++
        const args = this.list(depth + 1, ']')
        return args ? { name: '', args } : null
      }
      return null
    }
    this.at++
    if (token.kind === 'string') {
      // A quoted forward reference is the type it names; a string inside Literal[] stays a string.
      const inner = tokenize(token.text)
      const parsed = inner ? new Parser(inner).parse() : null
      return parsed ?? { name: JSON.stringify(token.text) }
    }
    const name = SAME_AS[shortName(token.text)] ?? token.text
    if (!this.peek('[')) return { name }
    this.at++
    const args = this.list(depth + 1, ']')
    if (!args) return null
    if (name === 'Optional' && args.length === 1) return { union: [args[0], { name: 'None' }] }
    if (name === 'Union') return { union: args }
    return { name, args }
  }

  private list(depth: number, close: string): Node[] | null {
    const items: Node[] = []
    while (!this.peek(close)) {
      const item = this.union(depth)
      if (!item) return null
      items.push(item)
      if (this.peek(',')) this.at++
      else if (!this.peek(close)) return null
    }
    this.at++
    return items
  }
}

function parse(annotation: string): Node | null {
  const tokens = tokenize(annotation.replace(TYPING_MODULES, ''))
  return tokens ? new Parser(tokens).parse() : null
}

/** The canonical text of a Python annotation; the whitespace-normalised text when it does not parse. */
export function pythonTypeKey(annotation: string): string {
  const node = parse(annotation)
  return node ? canonical(node) : annotation.replace(TYPING_MODULES, '').replace(/\s+/g, '')
}

/**
 * Whether every value of `narrow` is a `wide`: the same type, `X` against `X[...]` (an unparameterised
 * generic takes any parameterisation), or an abstract type the concrete one satisfies (its type
 * arguments are not compared then).
 */
function accepts(wide: Node, narrow: Node): boolean {
  if (canonical(wide) === canonical(narrow)) return true
  if ('union' in wide || 'union' in narrow) return false
  const w = shortName(wide.name)
  const n = shortName(narrow.name)
  if (w === 'Any') return true
  if (w === n) return !wide.args || !narrow.args
  return SUPERTYPES[n]?.includes(w) ?? false
}

function covers(wide: Node[], narrow: Node[]): boolean {
  return narrow.every((n) => wide.some((w) => accepts(w, n)))
}

/**
 * Whether code written against `before` still type-checks against `after`: a parameter may accept
 * more (its union gains members, or Any), a return may give less (its union loses members; a
 * TypeGuard is a bool). Unparseable annotations are compatible only when their texts match.
 */
export function pythonTypeCompatible(
  before: string,
  after: string,
  position: 'parameter' | 'return'
): boolean {
  const a = parse(before)
  const b = parse(after)
  if (!a || !b) return pythonTypeKey(before) === pythonTypeKey(after)
  const was = members(a)
  const now = members(b).map((n): Node =>
    'name' in n && position === 'return' && ['TypeGuard', 'TypeIs'].includes(shortName(n.name))
      ? { name: 'bool' }
      : n
  )
  return position === 'parameter' ? covers(now, was) : covers(was, now)
}

/** Names an annotation mentions (for spotting module-level aliases such as `_str_bytes`). */
export function annotationNames(annotation: string): string[] {
  return (tokenize(annotation.replace(TYPING_MODULES, '')) ?? [])
    .filter((t) => t.kind === 'name')
    .map((t) => t.text)
}
