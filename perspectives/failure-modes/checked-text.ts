// Python conversions whose text was already shaped before them, judged false on waitress (session 8):
// `int(line, 16)` after `if not HEXDIG_RE.match(line): break`, `int(s)` under `if s.isdigit():`, and
// `int(m.group(2))` / `g = m.group; int(g(4))` (a regex group: the pattern decides what it holds), and
// `int(code)` after `if not isinstance(code, int): raise` (a number in: judged false on h11). Read
// from the call's dominating guards (SiteContext) and the function's local bindings.
import type { CallSite, FunctionDecl, LocalBinding, ModuleModel } from '../../src/model/types.js'

/** String methods that are true only for digit-only text. */
const DIGIT_METHODS = new Set(['isdigit', 'isdecimal', 'isnumeric'])
/** Regex calls that test text from its start (`re.search` may match a digit run inside other text). */
const MATCH_METHODS = new Set(['match', 'fullmatch'])

/** Splits at `separator` outside brackets and strings (`a and (b or c)` at ' and ' gives two parts). */
export function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quote = ''
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      if (ch === quote && text[i - 1] !== '\\') quote = ''
    } else if (ch === '"' || ch === "'") quote = ch
    else if ('([{'.includes(ch)) depth++
    else if (')]}'.includes(ch)) depth--
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i).trim())
      start = i + separator.length
      i = start - 1
    }
  }
  parts.push(text.slice(start).trim())
  return parts
}

/** Strips brackets around the whole text: `(x)` -> `x`, but not `(a) and (b)`. */
function unwrap(text: string): string {
  let t = text.trim()
  while (t.startsWith('(') && t.endsWith(')')) {
    const inner = t.slice(1, -1)
    // The opening bracket must close at the end: no depth drop below zero inside.
    let depth = 0
    let balanced = true
    for (const ch of inner) {
      if (ch === '(') depth++
      else if (ch === ')' && --depth < 0) {
        balanced = false
        break
      }
    }
    if (!balanced) break
    t = inner.trim()
  }
  return t
}

/** `not x` -> [x, false]; `x` -> [x, true]. */
function polarity(text: string): [string, boolean] {
  let t = unwrap(text)
  let positive = true
  while (t.startsWith('not ')) {
    t = unwrap(t.slice(4))
    positive = !positive
  }
  return [t, positive]
}

/** The facts that hold where the site runs: the conjuncts of a holding condition, the negated disjuncts of a failing one. */
function factsOf(text: string, holds: boolean): string[] {
  const [inner, positive] = polarity(text)
  const effective = holds === positive
  const parts = splitOutside(inner, effective ? ' and ' : ' or ')
  const out: string[] = []
  for (const part of parts) {
    const [fact, p] = polarity(part)
    if (p === effective) out.push(fact)
  }
  return out
}

/** Methods that give the same characters back, as far as digits go: `cl.encode('latin-1')`, `s.strip()`. */
const SAME_TEXT = ['encode', 'decode', 'strip', 'lower', 'upper']

function sameText(checked: string, value: string): boolean {
  return checked === value || SAME_TEXT.some((m) => checked.startsWith(`${value}.${m}(`))
}

/** Types whose instances int()/float() take without a ValueError: numbers, not text. */
const NUMBER_TYPES = new Set([
  'int',
  'float',
  'bool',
  'numbers.Number',
  'numbers.Integral',
  'numbers.Real',
  'Integral',
  'Real',
  'Number',
  'decimal.Decimal',
  'Decimal',
  'fractions.Fraction',
  'Fraction'
])

/** int() of these never raises ValueError (a float or Decimal NaN would). */
const INTEGER_TYPES = new Set(['int', 'bool', 'numbers.Integral', 'Integral'])

/** `int`, `(int, float)`: every type named is a number type the conversion takes (a `str` among them lets text in). */
function numericTypes(text: string, conversion: string): boolean {
  const accepted = conversion === 'int' ? INTEGER_TYPES : NUMBER_TYPES
  const names = splitOutside(unwrap(text), ',').filter((n) => n !== '')
  return names.length > 0 && names.every((n) => accepted.has(n.trim()))
}

/** `value.isdigit()`, `value.strip().isdecimal()`, `PATTERN.match(value)`, `re.fullmatch(p, value)`. */
function checksDigits(fact: string, value: string, conversion: string): boolean {
  const open = fact.indexOf('(')
  if (open < 0 || !fact.endsWith(')')) return false
  const callee = fact.slice(0, open)
  const args = splitOutside(fact.slice(open + 1, -1), ',')
  const dot = callee.lastIndexOf('.')
  const method = dot >= 0 ? callee.slice(dot + 1) : callee
  const receiver = dot >= 0 ? callee.slice(0, dot) : ''
  if (DIGIT_METHODS.has(method) && args.join('') === '') return sameText(receiver, value)
  if (callee === 'isinstance' && args.length === 2 && args[0].trim() === value)
    return numericTypes(args[1], conversion)
  if (MATCH_METHODS.has(method) && receiver !== '') {
    const subject = receiver === 're' ? args[1] : args[0]
    return subject !== undefined && sameText(subject, value)
  }
  return false
}

/** The conversion's text argument passed a digit or regex check that dominates the call. */
export function digitChecked(call: CallSite): boolean {
  const value = call.args[0]?.trim()
  if (!value) return false
  for (const guard of call.context?.guards ?? []) {
    if (guard.kind === 'loop' || guard.kind === 'default' || guard.kind === 'optional-chain')
      continue
    if (factsOf(guard.text, guard.holds).some((fact) => checksDigits(fact, value, call.callee)))
      return true
  }
  return false
}

/** The line of a dominating condition that makes `name` truthy at the call (`if end:`, `if not end: return`, `end and ...`). */
export function truthyAt(call: CallSite, name: string): number | undefined {
  for (const guard of call.context?.guards ?? []) {
    if (guard.kind === 'loop' || guard.kind === 'default' || guard.kind === 'optional-chain')
      continue
    if (factsOf(guard.text, guard.holds).includes(name)) return guard.line
  }
  return undefined
}

/** `m.group(2)`, `m.groups()[0]`, `m.groupdict()['day']`, or `g(4)` after `g = m.group`. */
function matchGroupText(text: string, bindings: LocalBinding[]): boolean {
  const t = unwrap(text)
  const open = t.indexOf('(')
  if (open <= 0) return false
  const callee = t.slice(0, open)
  if (callee.endsWith('.group') || callee.endsWith('.groups') || callee.endsWith('.groupdict'))
    return true
  return bindings.some((b) => b.name === callee && b.operator === '=' && b.value.endsWith('.group'))
}

/** A string literal of digits only (`"19"`): prefixing one keeps digit text digits. */
function digitLiteral(text: string): boolean {
  const t = text.trim()
  if (t.length < 2 || (t[0] !== '"' && t[0] !== "'") || t[t.length - 1] !== t[0]) return false
  const body = t.slice(1, -1)
  return body.length > 0 && [...body].every((c) => c >= '0' && c <= '9')
}

/**
 * The conversion's argument is a regex group, directly or through a local every assignment of which
 * is one (or the same local with digits added: `yr = g(4)` then `yr = "19" + yr`).
 */
export function matchGroupArgument(module: ModuleModel, call: CallSite): boolean {
  const first = call.args[0]
  if (!first) return false
  // Bindings made before the call: not the one it is part of (`e = int(e) + 1`, `q = float(q) if q else 1.0`).
  const bindings = (module.bindings ?? []).filter(
    (b) =>
      b.enclosing === call.enclosing &&
      (b.loc.endLine < call.loc.startLine ||
        (b.loc.endLine === call.loc.startLine && b.loc.endColumn <= call.loc.startColumn))
  )
  if (matchGroupText(first, bindings)) return true
  const name = first.trim()
  const own = bindings.filter((b) => b.name === name)
  if (own.length === 0) return false
  return own.every((b) => {
    if (b.operator !== '=') return false
    if (matchGroupText(b.value, bindings)) return true
    const parts = splitOutside(b.value, '+')
    return (
      parts.length === 2 &&
      parts.includes(name) &&
      parts.some((p) => p !== name && digitLiteral(p)) &&
      own.some((o) => o !== b && matchGroupText(o.value, bindings))
    )
  })
}

/** The module passes the function on as a value (`("unix_socket_perms", asoctal)`) on a line that does not call it. */
export function usedAsValue(module: ModuleModel, fn: Pick<FunctionDecl, 'name' | 'loc'>): boolean {
  const callLines = new Set(
    module.calls.filter((c) => c.callee === fn.name).map((c) => c.loc.startLine)
  )
  return (module.nameUseLines?.[fn.name] ?? []).some(
    (line) => !callLines.has(line) && (line < fn.loc.startLine || line > fn.loc.endLine)
  )
}

/**
 * A method whose class the module hands on as a value (`READERS = {"chunked": ChunkedReader}`, then
 * `READERS[kind](...)`): the dispatcher builds it and calls it, so its public methods and its dunder
 * methods (`__call__`, `__init__`) are reached through the table (judged false on h11: "no caller").
 */
export function methodOfHandedClass(module: ModuleModel, fn: FunctionDecl): boolean {
  if (!fn.className) return false
  const dunder = /^__\w+__$/.test(fn.name)
  if (!dunder && fn.name.startsWith('_')) return false
  const cls = module.classes.find((c) => c.name === fn.className)
  return cls !== undefined && usedAsValue(module, cls)
}

/**
 * A converter handed to a table or a parser as a value: the function does nothing but convert one of
 * its parameters (`def asoctal(s): return int(s, 8)` listed as `("unix_socket_perms", asoctal)`), so
 * the ValueError is how it tells its consumer the value is bad, like `int` itself would (judged false
 * on waitress). A converter only called (`parse_amount(text)`) is still a failure mode of its callers'
 * input. No condition, loop or other call in it.
 */
export function converterFunction(
  module: ModuleModel,
  fn: FunctionDecl | undefined,
  call: CallSite
): boolean {
  // Its result is what the function gives back, not a value it goes on to use.
  if (!fn || call.enclosing !== fn.qualifiedName || call.assignedTo !== undefined || call.statement)
    return false
  const first = call.args[0]?.trim()
  if (!first || !fn.params.some((p) => p.name === first && p.name !== 'self' && p.name !== 'cls'))
    return false
  const inside = (c: CallSite) =>
    c.loc.startLine >= call.loc.startLine && c.loc.endLine <= call.loc.endLine
  return (
    usedAsValue(module, fn) &&
    !module.conditions.some((c) => c.enclosing === fn.qualifiedName) &&
    !module.loops.some((l) => l.enclosing === fn.qualifiedName) &&
    !module.throws.some((t) => t.enclosing === fn.qualifiedName) &&
    module.calls.every((c) => c.enclosing !== fn.qualifiedName || inside(c))
  )
}

/**
 * The function already raises ValueError itself to reject a bad argument (`if '\n' in v: raise
 * ValueError(...)`): a ValueError from converting an argument reaches the caller under the same
 * contract (judged so on waitress's start_response).
 */
export function raisesSameError(module: ModuleModel, fn: FunctionDecl | undefined): boolean {
  if (!fn) return false
  return module.throws.some(
    (t) =>
      t.enclosing === fn.qualifiedName &&
      !t.rethrow &&
      t.guard !== undefined &&
      (t.errorType === 'ValueError' || t.errorType?.endsWith('.ValueError') === true)
  )
}

/** Decoder method name -> the encoder a serializer class pairs it with. */
const PARTNERS: Record<string, string[]> = {
  loads: ['dumps'],
  load: ['dump'],
  decode: ['encode'],
  deserialize: ['serialize'],
  deserialise: ['serialise'],
  unserialize: ['serialize'],
  parse: ['stringify', 'format', 'serialize'],
  fromJSON: ['toJSON'],
  from_json: ['to_json'],
  unpack: ['pack']
}

/**
 * A serializer's decoder: a method with its encoder beside it in the class (`dumps`/`loads`) whose body
 * only returns a parse of its parameter (`def loads(self, b): return json.loads(text_(b))`). Such a
 * class is plugged into a consumer that calls it through an interface (`self.serializer.loads(...)`)
 * and expects the parse error for bad input, as from `json.loads` itself (webob's JSONSerializer,
 * documented to raise ValueError and caught by CookieProfile: judged a contract). A plain parse
 * function is not one: its callers are resolved and judged by name.
 */
export function serializerDecoder(
  module: ModuleModel,
  fn: FunctionDecl | undefined,
  call: CallSite
): boolean {
  if (!fn?.className || call.enclosing !== fn.qualifiedName) return false
  if (call.assignedTo !== undefined || call.statement) return false
  const partners = PARTNERS[fn.name.replace(/^_+/, '')]
  if (!partners) return false
  const cls = module.classes.find((c) => c.name === fn.className)
  const methods = (cls?.members ?? []).filter((m) => m.kind === 'method').map((m) => m.name)
  if (!methods.some((m) => partners.includes(m.replace(/^_+/, '')))) return false
  const params = fn.params.filter((p) => p.name !== 'self' && p.name !== 'cls').map((p) => p.name)
  const mentions = call.args.some((a) =>
    params.some((p) => new RegExp(`(^|[^\\w$.])${p}([^\\w$]|$)`).test(a))
  )
  const inside = (c: CallSite) =>
    c.loc.startLine >= call.loc.startLine && c.loc.endLine <= call.loc.endLine
  return (
    mentions &&
    !module.conditions.some((c) => c.enclosing === fn.qualifiedName) &&
    !module.loops.some((l) => l.enclosing === fn.qualifiedName) &&
    !module.throws.some((t) => t.enclosing === fn.qualifiedName) &&
    module.calls.every((c) => c.enclosing !== fn.qualifiedName || inside(c))
  )
}
