// Module-level collections that functions add to and nothing removes from: a cache without eviction,
// a "seen" set or a log array that lives as long as the process and grows with every call.
import type { CodeModel, ModuleModel, ModuleVariable } from '../../src/model/types.js'
import { stringLiteralValue } from '../shared/literals.js'
import type { Confidence, Severity } from '../types.js'
import type { Found, ModuleInput } from './context.js'
import { identifiers } from './regions.js'

const ADDS: ReadonlySet<string> = new Set([
  'set',
  'push',
  'unshift',
  'add',
  'append',
  'extend',
  'insert',
  'setdefault',
  'update',
  'appendleft'
])
const REMOVES: ReadonlySet<string> = new Set([
  'delete',
  'clear',
  'pop',
  'shift',
  'splice',
  'popitem',
  'remove',
  'discard',
  'popleft',
  'evict',
  'prune',
  'reset'
])
const KEYED: ReadonlySet<string> = new Set(['set', 'add', 'setdefault'])
/** Names that say the collection accumulates per call or per key (where growth is the point, and the risk). */
const CACHE_LIKE =
  /(cache|memo|seen|visited|pending|history|log|buffer|store|registry|results|map|index|lookup)/i

interface Writes {
  adds: { method: string; enclosing: string; keyed: boolean; bounded?: boolean }[]
  removed: boolean
}

/**
 * The last word of a name whose values come from a fixed, small set: the IANA time zones, the locales,
 * the text encodings, the log levels (node-cron's per-zone formatter cache, judged bounded).
 */
const BOUNDED_DOMAINS = new Set([
  'timezone',
  'zone',
  'tz',
  'locale',
  'lang',
  'language',
  'encoding',
  'charset',
  'level',
  'currency'
])

/** `timeZone` -> ['time', 'zone'], `tz_name` -> ['tz', 'name']. */
function words(name: string): string[] {
  const out: string[] = []
  let word = ''
  for (const ch of name) {
    const upper = ch >= 'A' && ch <= 'Z'
    if (ch === '_' || ch === '$' || (upper && word !== '' && word.toUpperCase() !== word)) {
      if (word) out.push(word.toLowerCase())
      word = ch === '_' || ch === '$' ? '' : ch
    } else word += ch
  }
  if (word) out.push(word.toLowerCase())
  return out
}

/** A parameter typed as a union of literals (`'a' | 'b'`, `boolean`): a fixed set of keys. */
function literalUnion(type: string | undefined): boolean {
  if (!type) return false
  const parts = type.split('|').map((p) => p.trim())
  return parts.every(
    (p) =>
      p === 'boolean' ||
      p === 'true' ||
      p === 'false' ||
      p === 'undefined' ||
      p === 'null' ||
      (p.length >= 2 && (p[0] === "'" || p[0] === '"') && p[p.length - 1] === p[0])
  )
}

/** Most literal keys a developer-written call list may hold and still count as a fixed handful. */
const FEW_LITERALS = 16

/**
 * Every call of the function in the repository's code passes a string literal at parameter `index`
 * (tests aside): the keys are the handful the code names. concurrently's `assertDeprecated(check, name,
 * message)` fills a "seen" Set from two literal flag names (round 5, "unbounded" judged false).
 */
function literalCallers(model: CodeModel | undefined, fnName: string, index: number): boolean {
  if (!model || index < 0) return false
  const values = new Set<string>()
  let calls = 0
  for (const m of model.modules) {
    if (m.isTest) continue
    for (const c of m.calls) {
      if (c.name !== fnName || c.enclosing === fnName) continue
      const arg = c.args[index]
      const value = arg === undefined ? undefined : stringLiteralValue(arg)
      if (value === undefined) return false
      values.add(value)
      calls++
    }
  }
  return calls > 0 && values.size <= FEW_LITERALS
}

/**
 * The key is drawn from a bounded set: it names one (`timezone`, `locale`), is a parameter typed as a
 * union of literals, or one every caller passes a string literal, directly or through a local bound to
 * it (`const key = timezone ?? ''`).
 */
function boundedKey(
  module: ModuleModel,
  enclosing: string,
  key: string,
  model?: CodeModel
): boolean {
  const fn = module.functions.find((f) => f.qualifiedName === enclosing)
  const names = new Set(identifiers(key))
  for (const b of module.bindings ?? [])
    if (b.enclosing === enclosing && names.has(b.name) && b.operator === '=')
      for (const n of identifiers(b.value)) names.add(n)
  const roots = [...names].filter(
    (n) => !(module.bindings ?? []).some((b) => b.enclosing === enclosing && b.name === n)
  )
  if (roots.length === 0) return false
  return roots.every((n) => {
    const param = fn?.params.find((p) => p.name === n)
    if (param && literalUnion(param.type)) return true
    if (param && fn && literalCallers(model, fn.name, fn.params.indexOf(param))) return true
    const last = words(n).pop() ?? ''
    return BOUNDED_DOMAINS.has(last) || BOUNDED_DOMAINS.has(n.toLowerCase())
  })
}

function kindOf(v: ModuleVariable, python: boolean): string {
  switch (v.initKind) {
    case 'map':
      return 'Map'
    case 'set':
      return python ? 'set' : 'Set'
    case 'array':
      return python ? 'list' : 'array'
    default:
      return python ? 'dict' : 'object'
  }
}

/** Writes to `name` inside functions, and whether anything removes from, clears, rebinds or size-checks it. */
function writesTo(module: ModuleModel, name: string, model?: CodeModel): Writes {
  const writes: Writes = { adds: [], removed: false }
  for (const call of module.calls) {
    if (call.receiver !== name) continue
    if (REMOVES.has(call.name)) writes.removed = true
    if (!ADDS.has(call.name) || call.enclosing === undefined) continue
    const key = call.args[0]
    const keyed = KEYED.has(call.name) && key !== undefined && stringLiteralValue(key) === undefined
    writes.adds.push({
      method: call.name,
      enclosing: call.enclosing,
      keyed,
      ...(keyed && boundedKey(module, call.enclosing, key, model) ? { bounded: true } : {})
    })
  }
  for (const site of module.assignments ?? []) {
    if (site.name !== name || site.enclosing === undefined) continue
    if (site.operator === '=' && site.target.startsWith(`${name}[`)) {
      const key = site.target.slice(name.length + 1, -1)
      writes.adds.push({
        method: 'subscript',
        enclosing: site.enclosing,
        keyed: true,
        ...(boundedKey(module, site.enclosing, key, model) ? { bounded: true } : {})
      })
    }
  }
  // A size check (`if (cache.size > MAX)`, `len(cache) >= LIMIT`) bounds it even when the eviction is elsewhere.
  for (const cond of module.conditions) {
    if (!identifiers(cond.text).includes(name)) continue
    if (
      cond.comparisons.some(
        (c) =>
          /\b(size|length|len)\b/.test(`${c.left} ${c.right}`) &&
          `${c.left} ${c.right}`.includes(name)
      )
    )
      writes.removed = true
  }
  return writes
}

const WEAK = new Set([
  'WeakMap',
  'WeakSet',
  'WeakRef',
  'weakref.WeakValueDictionary',
  'weakref.WeakKeyDictionary',
  'WeakValueDictionary',
  'WeakKeyDictionary'
])

function weaklyHeld(module: ModuleModel, v: ModuleVariable): boolean {
  return module.calls.some(
    (c) =>
      WEAK.has(c.callee) && c.loc.startLine >= v.loc.startLine && c.loc.endLine <= v.loc.endLine
  )
}

const IMPORTERS: ReadonlySet<string> = new Set([
  'import_module',
  'importlib.import_module',
  '__import__',
  'load_entry_point'
])

/** Functions of the module that import a module by name. */
function importingFunctions(module: ModuleModel): Set<string> {
  const out = new Set<string>()
  for (const c of module.calls)
    if (c.enclosing && (IMPORTERS.has(c.callee) || IMPORTERS.has(c.name))) out.add(c.enclosing)
  return out
}

export function unboundedCollections(input: ModuleInput): Found[] {
  const { module, quote } = input
  const python = module.language === 'python'
  const found: Found[] = []
  for (const v of module.variables) {
    if (!['array', 'object', 'map', 'set'].includes(v.initKind)) continue
    // A WeakMap/WeakSet lets go of an entry with its key: it cannot grow past what is alive elsewhere.
    if (weaklyHeld(module, v)) continue
    const writes = writesTo(module, v.name, input.model)
    if (writes.removed || writes.adds.length === 0) continue
    // Filled only by functions that import what they store (`_cached[name] = import_module(path)`):
    // bounded by the modules there are, like sys.modules (judged false on mistune).
    if (writes.adds.every((a) => importingFunctions(module).has(a.enclosing))) continue
    // Every key from a fixed set (time zones, locales, a literal union): at most one entry per member.
    if (writes.adds.every((a) => a.bounded === true)) continue
    const keyed = writes.adds.some((a) => a.keyed)
    const cacheLike = CACHE_LIKE.test(v.name)
    const appends = writes.adds.some(
      (a) =>
        a.method === 'push' ||
        a.method === 'append' ||
        a.method === 'unshift' ||
        a.method === 'extend' ||
        a.method === 'appendleft'
    )
    // Literal keys (`registry.set('json', ...)`) fill a fixed set of slots: bounded by the code.
    if (!keyed && !appends) continue
    // An array that functions push to without a cache-like name is most often a registry of handlers.
    if (!keyed && !cacheLike) continue
    const severity: Severity = cacheLike && keyed ? 'medium' : 'low'
    const confidence: Confidence = cacheLike ? 'medium' : 'low'
    const writers = [...new Set(writes.adds.map((a) => a.enclosing))].sort()
    const methods = [
      ...new Set(
        writes.adds.map((a) =>
          a.method === 'subscript' ? `${v.name}[key] = ...` : `.${a.method}()`
        )
      )
    ].sort()
    found.push({
      draft: {
        messageId: 'unboundedCollection',
        data: {
          kind: kindOf(v, python),
          name: v.name,
          file: module.path,
          writers:
            writers.length === 1
              ? writers[0]
              : `${writers.slice(0, 3).join(', ')}${writers.length > 3 ? ` and ${writers.length - 3} more` : ''}`,
          writes: methods.join(', ')
        },
        severity,
        confidence,
        rationale:
          `No call removes entries (${[...REMOVES].slice(0, 5).join('/')}...) and no condition checks its size; ` +
          (keyed
            ? 'entries are added under computed keys, so each new key stays forever'
            : 'entries are appended on every call') +
          (python
            ? '. A `del` statement is not in the model, so a deletion written that way is missed.'
            : '. Entries written as `obj[key] = value` are not in the model for JavaScript.'),
        evidence: quote.evidence(module.path, v.loc),
        key: `unbounded:${v.name}`,
        symbol: v.name,
        tags: ['memory']
      }
    })
  }
  return found
}
