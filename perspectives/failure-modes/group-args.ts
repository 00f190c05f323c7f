// Which regex group a Python conversion's argument holds, and whether its pattern makes the conversion
// safe. `int(m.group(1))`, `int(m[1])`, `int(m.group('year'))`, `int(m.groupdict()['year'])`,
// `start, end = m.groups(); int(end)` and `int(g or '1') for g in m.groups()`, with `m` bound to
// `PATTERN.match(...)` / `re.match(r'...', ...)` in the function (or a `for m in P.finditer(...)` loop)
// and `PATTERN = re.compile(r'...')` at module level. The pattern is read by regex-groups.ts.
import type { CallSite, LocalBinding, Loop, ModuleModel } from '../../src/model/types.js'
import { splitOutside } from './checked-text.js'
import { type GroupShape, groupShapes } from './regex-groups.js'

/** A reference to groups of the match bound to `match`: one by number or name, or all of them. */
interface GroupRef {
  match: string
  /** A 1-based number, a name, or 'all' (`for g in m.groups()`). */
  group: number | string | 'all'
}

/** How a conversion's argument stands with the regex groups it may hold. */
export type GroupVerdict =
  /** Not a regex group: the usual rules apply. */
  | 'none'
  /** A regex group whose pattern could not be read (a parameter, an attribute): trusted as before. */
  | 'unknown'
  /** The pattern makes the conversion safe here. */
  | 'safe'
  /** The group may be empty, absent or hold other characters, and nothing here rules that out. */
  | 'unsafe'

const MATCH_CALLS = new Set(['match', 'fullmatch', 'search'])
const ITER_CALLS = new Set(['finditer'])
/** Flags that change how the pattern reads (verbose mode ignores whitespace and comments). */
const UNREADABLE_FLAGS = ['VERBOSE', 're.X', 'X']

function unwrap(text: string): string {
  let t = text.trim()
  while (t.startsWith('(') && t.endsWith(')') && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim()
  return t
}

function balanced(text: string): boolean {
  let depth = 0
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++
    else if ((ch === ')' || ch === ']') && --depth < 0) return false
  }
  return depth === 0
}

function isName(text: string): boolean {
  if (text.length === 0 || (text[0] >= '0' && text[0] <= '9')) return false
  return [...text].every(
    (c) => c === '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
  )
}

/** A group key as written: `2` -> 2, `'year'` / `"year"` -> 'year'. */
function groupKey(text: string): number | string | undefined {
  const t = text.trim()
  if (t.length > 0 && [...t].every((c) => c >= '0' && c <= '9')) return Number(t)
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) {
    const body = t.slice(1, -1)
    return isName(body) ? body : undefined
  }
  return undefined
}

/** `recv.method(arg)` -> [recv, method, arg]; `recv[arg]` -> [recv, '[]', arg]. */
function accessOf(text: string): [string, string, string] | undefined {
  const t = unwrap(text)
  const last = t[t.length - 1]
  const open = last === ')' ? t.indexOf('(') : last === ']' ? t.lastIndexOf('[') : -1
  if (open <= 0 || !balanced(t.slice(open + 1, -1))) return undefined
  const head = t.slice(0, open)
  const arg = t.slice(open + 1, -1)
  if (last === ']') return [head, '[]', arg]
  const dot = head.lastIndexOf('.')
  return dot < 0 ? [head, '', arg] : [head.slice(0, dot), head.slice(dot + 1), arg]
}

/**
 * `name[k]`: a group only when `name` is bound to a match (`m = P.match(s)`: group k) or to a match's
 * groups (`g = m.groups()`: group k + 1); a list or a split is not one.
 */
function subscriptRef(
  module: ModuleModel,
  recv: string,
  key: number | string,
  before: LocalBinding[]
): GroupRef | undefined {
  const own = before.filter((b) => b.name === recv)
  if (own.length === 0 || own.some((b) => b.operator !== '=' || b.element !== undefined))
    return undefined
  // `matches = validate(HEADER_RE, line)` then `matches["size"]`: a helper handed a compiled
  // pattern gives back its named groups (h11's validate() returns `match.groupdict()`).
  if (typeof key === 'string' && own.every((b) => helperPattern(module, b.value) !== undefined))
    return { match: recv, group: key }
  const tuples = own.map((b) => groupsOf(b.value))
  const match = tuples[0]
  if (match !== undefined && typeof key === 'number' && tuples.every((t) => t === match))
    return { match, group: key + 1 }
  const matches = own.every((b) => {
    const access = accessOf(b.value)
    return access !== undefined && MATCH_CALLS.has(access[1])
  })
  return matches && key !== 0 ? { match: recv, group: key } : undefined
}

/**
 * `validate(HEADER_RE, line, ...)`: a call of a plain function whose first argument is a module-level
 * compiled pattern. The pattern's text ('' when it cannot be read), else undefined.
 */
function helperPattern(module: ModuleModel, value: string): string | undefined {
  const access = accessOf(value)
  if (!access || access[1] !== '' || !isName(access[0])) return undefined
  const first = splitOutside(access[2], ',')[0]?.trim() ?? ''
  if (!isName(first)) return undefined
  const made = module.calls.filter(
    (c) => c.enclosing === undefined && c.assignedTo === first && c.callee === 're.compile'
  )
  if (made.length !== 1) return undefined
  return literalPattern(made[0], 1) ?? ''
}

/** The group an expression reads directly, or undefined. */
function directRef(
  module: ModuleModel,
  text: string,
  before: LocalBinding[]
): GroupRef | undefined {
  const access = accessOf(text)
  if (!access) return undefined
  const [recv, method, arg] = access
  if (method === 'group' && isName(recv)) {
    const key = groupKey(arg)
    return key === undefined || key === 0 ? undefined : { match: recv, group: key }
  }
  if (method === '[]') {
    const key = groupKey(arg)
    if (key === undefined) return undefined
    if (isName(recv)) return subscriptRef(module, recv, key, before)
    const inner = accessOf(recv)
    if (inner && inner[2].trim() === '' && isName(inner[0])) {
      if (inner[1] === 'groups' && typeof key === 'number')
        return { match: inner[0], group: key + 1 }
      if (inner[1] === 'groupdict' && typeof key === 'string')
        return { match: inner[0], group: key }
    }
    return undefined
  }
  // `g(4)` after `g = m.group`.
  if (method === '' && isName(recv)) {
    const alias = before.filter((b) => b.name === recv)
    const value = alias.length === 1 && alias[0].operator === '=' ? alias[0].value.trim() : ''
    const key = groupKey(arg)
    if (value.endsWith('.group') && isName(value.slice(0, -6)) && key !== undefined && key !== 0)
      return { match: value.slice(0, -6), group: key }
  }
  return undefined
}

/** `m.groups()` -> 'm'. */
function groupsOf(text: string): string | undefined {
  const access = accessOf(text)
  return access && access[1] === 'groups' && access[2].trim() === '' && isName(access[0])
    ? access[0]
    : undefined
}

/** The compiled pattern a name holds at module level (`P = re.compile(r'...')`). */
function compiledPattern(module: ModuleModel, name: string): string | undefined {
  const made = module.calls.filter(
    (c) => c.enclosing === undefined && c.assignedTo === name && c.callee === 're.compile'
  )
  return made.length === 1 ? literalPattern(made[0], 1) : undefined
}

/** The pattern literal of `re.compile(p, flags)` (flags at `flagsAt`), unless the flags make it unreadable. */
function literalPattern(call: CallSite, flagsAt: number): string | undefined {
  const first = call.arguments?.[0]
  if (first?.kind !== 'literal' || typeof first.value !== 'string') return undefined
  const flags = (call.arguments ?? []).slice(flagsAt).map((a) => a.text)
  if (flags.some((f) => UNREADABLE_FLAGS.some((u) => f.includes(u)))) return undefined
  return first.value
}

/** The pattern a `P.match(...)` / `re.match(p, ...)` call applies. */
function patternOfCall(module: ModuleModel, call: CallSite): string | undefined {
  if (call.receiver === 're') return literalPattern(call, 2)
  return call.receiver && isName(call.receiver) ? compiledPattern(module, call.receiver) : undefined
}

/** Where a loop's variable is visible. */
function loopHolds(loop: Loop, call: CallSite): boolean {
  const at = loop.extent ?? loop.loc
  const line = call.loc.startLine
  return line >= at.startLine && line <= at.endLine
}

/**
 * The patterns the match object `name` can come from at the call: every binding of it in the function
 * (or the loop it is the variable of) must be a match call of a readable pattern; undefined otherwise.
 */
function matchPatterns(
  module: ModuleModel,
  call: CallSite,
  name: string,
  bindings: LocalBinding[]
): string[] | undefined {
  const own = bindings.filter((b) => b.name === name)
  const loop = module.loops.find(
    (l) => l.enclosing === call.enclosing && l.variable === name && loopHolds(l, call)
  )
  if (loop) {
    if (own.length > 0) return undefined
    const iter = module.calls.find(
      (c) =>
        c.enclosing === call.enclosing &&
        ITER_CALLS.has(c.name) &&
        c.loc.startLine >= loop.loc.startLine &&
        c.loc.endLine <= loop.loc.endLine &&
        loop.iterates !== undefined &&
        `${c.callee}(${c.args.join(', ')})` === loop.iterates
    )
    const pattern = iter && patternOfCall(module, iter)
    return pattern === undefined ? undefined : [pattern]
  }
  if (own.length === 0) return undefined
  const patterns: string[] = []
  for (const b of own) {
    if (b.operator !== '=' || b.element !== undefined) return undefined
    const made = module.calls.find(
      (c) =>
        c.enclosing === call.enclosing &&
        c.assignedTo === name &&
        MATCH_CALLS.has(c.name) &&
        c.loc.startLine === b.loc.startLine &&
        c.loc.endLine === b.loc.endLine
    )
    const helper = made ? undefined : helperPattern(module, b.value)
    const pattern = made ? patternOfCall(module, made) : helper === '' ? undefined : helper
    if (pattern === undefined) return undefined
    patterns.push(pattern)
  }
  return patterns
}

/** Bindings of the call's function made before the call (not the one it is part of). */
export function bindingsBefore(module: ModuleModel, call: CallSite): LocalBinding[] {
  return (module.bindings ?? []).filter(
    (b) =>
      b.enclosing === call.enclosing &&
      (b.loc.endLine < call.loc.startLine ||
        (b.loc.endLine === call.loc.startLine && b.loc.endColumn <= call.loc.startColumn))
  )
}

/** The group(s) a plain expression holds: directly, through a local, or as a `for g in m.groups()` variable. */
function refsOf(
  module: ModuleModel,
  call: CallSite,
  text: string,
  bindings: LocalBinding[]
): GroupRef[] | undefined {
  const direct = directRef(module, text, bindings)
  if (direct) return [direct]
  const name = unwrap(text)
  if (!isName(name)) return undefined
  const loop = module.loops.find(
    (l) => l.enclosing === call.enclosing && l.variable === name && loopHolds(l, call)
  )
  if (loop?.iterates !== undefined) {
    const match = groupsOf(loop.iterates)
    return match ? [{ match, group: 'all' }] : undefined
  }
  const own = bindings.filter((b) => b.name === name)
  if (own.length === 0) return undefined
  const refs: GroupRef[] = []
  for (const b of own) {
    if (b.operator !== '=') return undefined
    const viaGroups = groupsOf(b.value)
    if (viaGroups && b.element !== undefined) {
      refs.push({ match: viaGroups, group: b.element + 1 })
      continue
    }
    const ref = b.element === undefined ? directRef(module, b.value, bindings) : undefined
    if (!ref) return undefined
    refs.push(ref)
  }
  return refs
}

/** A string literal of digits only (`'1'`): the default keeps the text a number. */
function digitLiteral(text: string): boolean {
  const t = text.trim()
  if (t.length < 3 || (t[0] !== '"' && t[0] !== "'") || t[t.length - 1] !== t[0]) return false
  return [...t.slice(1, -1)].every((c) => c >= '0' && c <= '9')
}

function shapesFor(shapes: GroupShape[], group: number | string | 'all'): GroupShape[] {
  if (group === 'all') return shapes
  return shapes.filter((s) => (typeof group === 'number' ? s.index === group : s.name === group))
}

/** The characters the conversion reads: int() in base 10 or 16, or float(). */
function fits(shape: GroupShape, call: CallSite): boolean {
  if (call.callee === 'float') return shape.decimal
  const base = call.arguments?.[1]
  if (base === undefined) return shape.digits
  if (base.kind === 'literal' && base.value === 16) return shape.hexDigits
  return base.kind === 'literal' && typeof base.value === 'number' && base.value >= 10
    ? shape.digits
    : false
}

/**
 * Whether the conversion's first argument is a regex group and, when its pattern can be read, whether
 * the conversion is safe: every group it may hold has only characters the conversion reads, and is
 * non-empty and taking part (by the pattern, an `or '1'` default, or a truthiness check of it or of a
 * group that takes part only together with it).
 */
export function groupVerdict(
  module: ModuleModel,
  call: CallSite,
  truthy: (name: string) => number | undefined
): GroupVerdict {
  const first = call.args[0]
  if (!first) return 'none'
  const bindings = bindingsBefore(module, call)
  const parts = splitOutside(unwrap(first), ' or ')
  const defaulted = parts.length === 2 && digitLiteral(parts[1])
  if (parts.length > 1 && !defaulted) return 'none'
  const refs = refsOf(module, call, parts[0], bindings)
  if (!refs) return 'none'
  const name = unwrap(parts[0])
  for (const ref of refs) {
    const patterns = matchPatterns(module, call, ref.match, bindings)
    if (!patterns) return 'unknown'
    for (const pattern of patterns) {
      const shapes = groupShapes(pattern)
      if (!shapes) return 'unknown'
      const held = shapesFor(shapes, ref.group)
      if (held.length === 0) return 'unknown'
      for (const shape of held) {
        if (!fits(shape, call)) return 'unsafe'
        if (defaulted || (isName(name) && truthy(name) !== undefined)) continue
        if (shape.mayBeEmpty) return 'unsafe'
        if (shape.scopes.length === 0) continue
        // A checked sibling group that takes part only where this one does.
        const sibling = bindings.some((b) => {
          const checkedAt = b.name === name ? undefined : truthy(b.name)
          if (checkedAt === undefined) return false
          // What the sibling held where it was checked (`if s: s = int(s)` rebinds it after).
          const then = bindings.filter((o) => o.loc.endLine < checkedAt)
          const other = refsOf(module, call, b.name, then)
          return (other ?? []).some((o) => {
            if (o.match !== ref.match || o.group === 'all') return false
            const os = shapesFor(shapes, o.group)[0]
            return (
              os !== undefined && !os.mayBeEmpty && shape.scopes.every((s) => os.scopes.includes(s))
            )
          })
        })
        if (!sibling) return 'unsafe'
      }
    }
  }
  return 'safe'
}
