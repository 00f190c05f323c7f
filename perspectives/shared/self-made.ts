// Values the code makes itself, so a call on them cannot fail on input, and what they read is the
// package's own (failure-modes, data-integrity): `new URL('../package.json',
// import.meta.url)`, `readFileSync(fileURLToPath(that))` and `JSON.parse` of what it read (the
// package's own shipped file, judged false on json-server), `path.join(__dirname, 'x.json')`, and a
// Python conversion of a number a numeric method returned (`int(dec.to_integral_value())`, judged
// false on falcon). Reads the model's structured arguments and the call sites nested in the call.
import type { CallArgument, CallSite, ModuleModel } from '../../src/model/types.js'

/** The module's own location: a base that always parses and names a shipped file. */
const OWN_LOCATION = new Set([
  'import.meta.url',
  'import.meta.dirname',
  'import.meta.filename',
  '__dirname',
  '__filename',
  '__file__'
])

/** Calls that build a path or URL from their arguments, or read the file it names. */
const BUILDERS = new Set([
  'URL',
  'fileURLToPath',
  'join',
  'resolve',
  'dirname',
  'readFileSync',
  'readFile',
  'Path',
  'parent'
])

/** Methods of numbers (Decimal, float, int, timedelta, datetime) that return a number. */
const NUMERIC_METHODS = new Set([
  'to_integral_value',
  'to_integral',
  'quantize',
  'total_seconds',
  'timestamp',
  'bit_length',
  'conjugate'
])

/** Library functions that return a number (`int(calendar.timegm(t))`, judged false on waitress). */
const NUMERIC_FUNCTIONS = new Set([
  'calendar.timegm',
  'time.mktime',
  'time.time',
  'time.monotonic',
  'time.perf_counter',
  'math.floor',
  'math.ceil',
  'math.trunc'
])

function callText(site: CallSite): string {
  return `${site.isNew ? 'new ' : ''}${site.callee}(`
}

/** The call site an argument of `outer` is, when the argument is a call (awaited or not). */
function nestedCall(module: ModuleModel, outer: CallSite, arg: CallArgument): CallSite | undefined {
  const text = arg.text.trim().replace(/^await\s+/, '')
  return module.calls.find(
    (c) =>
      c !== outer &&
      c.enclosing === outer.enclosing &&
      (c.loc.startLine > outer.loc.startLine ||
        (c.loc.startLine === outer.loc.startLine && c.loc.startColumn > outer.loc.startColumn)) &&
      (c.loc.endLine < outer.loc.endLine ||
        (c.loc.endLine === outer.loc.endLine && c.loc.endColumn <= outer.loc.endColumn)) &&
      text.startsWith(callText(c))
  )
}

/**
 * `__dirname + '/../package.json'` or `${__dirname}/../package.json`: the module's own location joined
 * with a literal tail (nodemon's bin reading its own manifest, judged pointless to validate in session 7).
 */
function ownLocationJoin(arg: CallArgument): boolean {
  const text = arg.text.trim()
  const base = '(__dirname|import\\.meta\\.dirname)'
  if (arg.kind === 'template') return new RegExp(`^\`\\$\\{${base}\\}[^\`$]*\`$`).test(text)
  return arg.kind === 'other' && new RegExp(`^${base}\\s*\\+\\s*(['"])[^'"]*\\2$`).test(text)
}

function ownArgument(
  module: ModuleModel,
  outer: CallSite,
  arg: CallArgument,
  depth: number
): boolean {
  if (arg.kind === 'literal') return true
  if (OWN_LOCATION.has(arg.text.trim())) return true
  if (ownLocationJoin(arg)) return true
  if (depth > 6) return false
  if (arg.kind === 'identifier') return ownLocal(module, outer, arg.text.trim(), depth)
  const awaited = arg.kind === 'other' && /^await\s+[\w$.]+\(/.test(arg.text.trim())
  if (arg.kind !== 'call' && !awaited) return false
  const inner = nestedCall(module, outer, arg)
  return inner !== undefined && BUILDERS.has(inner.name) && selfMade(module, inner, depth + 1)
}

/**
 * A local bound once in the call's function, before it, to the module's own location or a path built
 * only from it (`const dirname = path.dirname(fileURLToPath(import.meta.url))`, lint-staged reading its
 * own package.json, judged in round 6).
 */
function ownLocal(module: ModuleModel, outer: CallSite, name: string, depth: number): boolean {
  const bound = (module.bindings ?? []).filter(
    (b) => b.name === name && b.enclosing === outer.enclosing
  )
  if (bound.length !== 1) return false
  const [b] = bound
  if (b.operator !== '=' || b.branch || b.loc.endLine > outer.loc.startLine) return false
  const value = b.value.trim()
  if (OWN_LOCATION.has(value)) return true
  const site = module.calls.find(
    (c) =>
      c.enclosing === outer.enclosing &&
      c.loc.startLine === b.loc.startLine &&
      value.replace(/^await\s+/, '').startsWith(callText(c))
  )
  return site !== undefined && BUILDERS.has(site.name) && selfMade(module, site, depth + 1)
}

/**
 * Every argument is a literal, the module's own location, or a path/URL/read built only from those:
 * the call works the same on every run, so its failure is not a failure mode of the caller's input.
 */
export function selfMade(module: ModuleModel, call: CallSite, depth = 0): boolean {
  const args = call.arguments
  if (!args || args.length === 0) return false
  if (!args.some((a) => a.kind !== 'literal')) return false // all literals: the caller's existing rule
  return args.every((a) => ownArgument(module, call, a, depth))
}

/** Python `int(x.to_integral_value())`, `int(calendar.timegm(t))`: a number in, so no ValueError from text. */
export function numericMethodArgument(module: ModuleModel, call: CallSite): boolean {
  const first = call.arguments?.[0]
  if (!first || first.kind !== 'call') return false
  const inner = nestedCall(module, call, first)
  return (
    inner !== undefined &&
    ((inner.receiver !== undefined && NUMERIC_METHODS.has(inner.name)) ||
      NUMERIC_FUNCTIONS.has(inner.callee))
  )
}

/** `this.sessions[id]` -> `this.sessions`; `cache.entry` -> `cache.entry`. */
function containerOf(text: string): string {
  const t = text.trim()
  if (!t.endsWith(']')) return t
  let depth = 0
  for (let i = t.length - 1; i >= 0; i--) {
    if (t[i] === ']') depth++
    else if (t[i] === '[' && --depth === 0) return t.slice(0, i).trim()
  }
  return t
}

/** The module stores `JSON.stringify(...)` at `place` or in the container `place` reads from. */
function storesSerialized(module: ModuleModel, place: string): boolean {
  const container = containerOf(place)
  return module.calls.some(
    (c) =>
      c.callee === 'JSON.stringify' &&
      c.storedAt !== undefined &&
      (c.storedAt === place || containerOf(c.storedAt) === container)
  )
}

/**
 * `JSON.parse` of text the module wrote itself: read from a member or container the module only fills
 * with `JSON.stringify(...)` (`this.sessions[id] = JSON.stringify(s)` in set(), `JSON.parse(sess)` of
 * `var sess = this.sessions[id]` in get(): express-session's MemoryStore, judged false), or from a local
 * bound to a `JSON.stringify(...)` of the same function. What it parses is its own output.
 */
export function ownSerializedText(module: ModuleModel, call: CallSite): boolean {
  if (call.callee !== 'JSON.parse') return false
  const first = call.arguments?.[0]
  if (!first) return false
  if (first.kind === 'member' || (first.kind === 'other' && !first.text.includes('(')))
    return storesSerialized(module, first.text)
  if (first.kind !== 'identifier') return false
  const bindings = (module.bindings ?? []).filter(
    (b) =>
      b.name === first.text.trim() &&
      b.enclosing === call.enclosing &&
      (b.loc.endLine < call.loc.startLine ||
        (b.loc.endLine === call.loc.startLine && b.loc.endColumn <= call.loc.startColumn))
  )
  return (
    bindings.length > 0 &&
    bindings.every((b) => {
      const value = b.value.trim()
      if (b.operator !== '=') return false
      if (value.startsWith('JSON.stringify(')) return true
      // A member read: its container is filled with serialized text only.
      const isMember = value.includes('.') || value.endsWith(']')
      return isMember && !value.includes('(') && storesSerialized(module, value)
    })
  )
}
