// The program that probes one JavaScript/TypeScript module for defects an oracle makes certain
// (probe-js.ts): each unit the module exports (a function, or a method on a new instance of an
// exported class) is called with rows of values of its declared parameter types, and an error the
// engine raises inside the project's own code (`Cannot read properties of undefined`, `x is not a
// function`, `Reduce of empty array with no initial value`), raised again at the same place on a
// second call, is a crash on valid input; each round-trip pair is applied to values of the encoder's
// type. It shares the observer's traps (observe-scripts.ts): nothing reaches the network, the disk or
// another process, and a result that read the clock or randomness is dropped. Each result is one JSON
// line, written as it is found, so a time-out keeps what came before it.
import { jsString } from '../specs/values.js'
import { JS_PRELUDE } from './observe-scripts.js'

export interface JsProbeUnit {
  /** Key the parent reads results by. */
  id: number
  name: string
  className?: string
  /** Rows of arguments, each a JavaScript array literal. */
  rows: string[]
  /** The class's constructor arguments, a JavaScript array literal. */
  made?: string
}

export interface JsProbeExample {
  id: number
  name: string
  /** The example's call as written, its callee the function's name. */
  call: string
  /** The stated result, a JavaScript expression. */
  want: string
}

export interface JsProbePair {
  id: number
  encoder: string
  decoder: string
  className?: string
  made?: string
  /** Values of the encoder's type, each a JavaScript expression. */
  values: string[]
}

const PROBE = String.raw`
import { findSourceMap } from 'node:module'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual, inspect } from 'node:util'
import path from 'node:path'
const ROOT = path.resolve(process.env.TP_PROBE_ROOT)
const emitted = []
// The whole file each time: the prelude traps every other write, and a time-out keeps what came before.
const emit = (row) => { emitted.push(JSON.stringify(row)); realWrite(OUT, emitted.join('\n') + '\n') }
const sitesOf = new WeakMap()
const ENGINE = [
  /^Cannot read propert(y|ies) of (undefined|null)/,
  /^Cannot set propert(y|ies) of (undefined|null)/,
  /^Cannot destructure /,
  / is not a function$/,
  / is not iterable/,
  / is not a constructor$/,
  /^Cannot convert undefined or null to object/,
  /^Cannot use 'in' operator to search for /,
  /^Reduce of empty array with no initial value/,
  /^Cannot mix BigInt and other types/,
  /^Cannot convert a BigInt value to a number/
]
function engineError(error) {
  return error instanceof TypeError && error.constructor === TypeError && ENGINE.some((re) => re.test(String(error.message)))
}
function fileOf(name) {
  if (!name) return null
  return name.startsWith('file:') ? fileURLToPath(name) : name
}
// Where the engine raised it: the first frame with a file, through the file's source map when it has one.
function whereRaised(error) {
  void error.stack
  const sites = sitesOf.get(error) ?? []
  for (const site of sites) {
    const file = fileOf(site.getFileName?.())
    if (!file) continue
    let at = { file, line: site.getLineNumber(), column: site.getColumnNumber() }
    const map = findSourceMap(file)
    if (map) {
      const entry = map.findEntry(at.line - 1, at.column - 1)
      if (entry && entry.originalSource) at = { file: fileOf(entry.originalSource) ?? file, line: entry.originalLine + 1, column: entry.originalColumn + 1 }
    }
    const own = (at.file + path.sep).startsWith(ROOT + path.sep) && !at.file.split(path.sep).includes('node_modules')
    return own ? { file: path.relative(ROOT, at.file), line: at.line, in: site.getFunctionName?.() ?? '' } : null
  }
  return null
}
const isObject = (v) => v !== null && (typeof v === 'object' || typeof v === 'function')
// The export path of a unit by its name: a named export, the default export, or one of their members.
function reach(name) {
  const queue = [[[], mod]]
  const seen = new Set()
  while (queue.length > 0) {
    const [at, obj] = queue.shift()
    if (!isObject(obj) || seen.has(obj) || at.length > 2) continue
    seen.add(obj)
    for (const key of Object.keys(obj)) {
      let v
      try { v = obj[key] } catch { continue }
      if (typeof v === 'function' && (key === name || (key === 'default' && at.length === 0 && v.name === name))) return [...at, key]
      if (isObject(v) && (typeof v === 'object' || key === 'default')) queue.push([[...at, key], v])
    }
  }
  return null
}
function follow(at) {
  let v = mod
  let owner = undefined
  for (const key of at) { owner = v; v = v[key] }
  return { fn: v, owner }
}
// Every name the package's entry files offer (their exports, members to three levels, an exported
// class's methods); null when none loads. A unit outside them is an internal helper, not probed.
async function publicNames(urls) {
  if (urls.length === 0) return null
  const names = new Set()
  let loaded = 0
  for (const url of urls) {
    let ns
    try { ns = await import(url); loaded++ } catch { continue }
    const queue = [[0, ns]]
    const seen = new Set()
    while (queue.length > 0) {
      const [depth, obj] = queue.shift()
      if (!isObject(obj) || seen.has(obj) || depth > 3) continue
      seen.add(obj)
      if (typeof obj === 'function') {
        if (obj.name) names.add(obj.name)
        try { for (const k of Object.getOwnPropertyNames(obj.prototype ?? {})) names.add(k) } catch {}
      }
      for (const key of Object.keys(obj)) {
        names.add(key)
        try { queue.push([depth + 1, obj[key]]) } catch {}
      }
    }
  }
  return loaded > 0 ? names : null
}
let PUBLIC = null
const internal = new Set()
// The callable a unit names, new each time for a method (a new instance per call).
function callableOf(unit) {
  const offered = unit.className ?? unit.name
  if (PUBLIC && !PUBLIC.has(offered)) { internal.add(offered); return null }
  if (!unit.className) {
    const at = reach(unit.name)
    if (!at) return null
    return { at, call: (args) => { const { fn, owner } = follow(at); return fn.apply(at.length > 1 ? owner : undefined, args) } }
  }
  const at = reach(unit.className)
  if (!at) return null
  const Class = follow(at).fn
  if (typeof Class?.prototype?.[unit.name] !== 'function') return null
  return { at, fresh: () => new Class(...unit.made()), call: (args) => { const made = new Class(...unit.made()); return made[unit.name](...args) } }
}
// A property still null or undefined on a new instance: a set-up step the caller has not taken yet.
function unset(callable) {
  if (!callable.fresh) return false
  try { return Object.values(callable.fresh()).some((v) => v === null || v === undefined) } catch { return false }
}
async function settle(call, args) {
  let value = call(args)
  let async = false
  if (value && typeof value.then === 'function') { async = true; value = await value }
  return { value, async }
}
async function crashOf(callable, args) {
  let async = false
  try {
    const value = callable.call(args)
    if (value && typeof value.then === 'function') { async = true; await value }
    return null
  } catch (error) {
    if (error instanceof Blocked) throw error
    if (!engineError(error)) return null
    const at = whereRaised(error)
    return at ? { error, at, async } : null
  }
}
const show = (v) => inspect(v, { depth: 4, breakLength: Infinity }).slice(0, 300)
async function probeUnits() {
  for (const unit of UNITS) {
    let callable
    try { callable = callableOf(unit) } catch (error) { if (error instanceof Blocked) continue; throw error }
    if (!callable) continue
    for (const [row, args] of unit.rows.entries()) {
      touched.delete('clock'); touched.delete('randomness')
      let seen
      try { seen = await crashOf(callable, args()) } catch (error) { if (error instanceof Blocked) break; throw error }
      if (!seen || touched.has('clock') || touched.has('randomness')) continue
      if (/ of (undefined|null)/.test(seen.error.message) && unset(callable)) continue
      // The same error at the same place on a second call: not an accident of state.
      let again
      try { again = await crashOf(callable, args()) } catch (error) { if (error instanceof Blocked) break; throw error }
      if (!again || again.error.message !== seen.error.message || again.at.line !== seen.at.line || again.at.file !== seen.at.file) continue
      emit({ kind: 'crash', id: unit.id, row, at: callable.at, async: seen.async, errorType: 'TypeError', message: String(seen.error.message).slice(0, 300), where: seen.at })
      break
    }
  }
}
// The stated value, a number written to fewer digits than the code gives (0.333 for 1/3) included: how it
// is printed is not what it is.
function agrees(value, want) {
  if (typeof want === 'number' && typeof value === 'number') {
    if (value === want || (Number.isNaN(value) && Number.isNaN(want))) return true
    const text = String(want)
    const dot = text.indexOf('.')
    if (dot < 0 || /e/i.test(text)) return false
    return Math.abs(value - want) < 0.5 * 10 ** -(text.length - dot - 1)
  }
  if (Array.isArray(want) && Array.isArray(value))
    return want.length === value.length && want.every((w, i) => agrees(value[i], w))
  return isDeepStrictEqual(value, want)
}
// A JSDoc example that states a result: the call as written, its result against the stated one
// (deep equality), the same on a second call; one that read the clock or randomness says nothing.
async function probeExamples() {
  for (const ex of EXAMPLES) {
    const callable = callableOf({ name: ex.name })
    if (!callable) continue
    const { fn, owner } = follow(callable.at)
    const bound = callable.at.length > 1 ? fn.bind(owner) : fn
    let async = false
    const observe = async () => {
      try {
        // Compiled here, not written into this file: an example that is no valid JavaScript spoils only itself.
        let value = new Function(ex.name, 'return (' + ex.call + ')')(bound)
        if (value && typeof value.then === 'function') { async = true; value = await value }
        return { value }
      } catch (error) {
        if (error instanceof Blocked) throw error
        return { raised: (error?.constructor?.name ?? 'Error') + ': ' + String(error?.message ?? error).slice(0, 200) }
      }
    }
    touched.delete('clock'); touched.delete('randomness')
    let first
    let second
    try { first = await observe() } catch { continue }
    if (touched.has('clock') || touched.has('randomness')) continue
    let want
    try { want = new Function('return (' + ex.stated + ')')() } catch { continue }
    if ('value' in first && agrees(first.value, want)) continue
    try { second = await observe() } catch { continue }
    const same = 'value' in first ? 'value' in second && isDeepStrictEqual(first.value, second.value) : second.raised === first.raised
    if (!same || touched.has('clock') || touched.has('randomness')) continue
    emit({ kind: 'example', id: ex.id, at: callable.at, async, got: 'value' in first ? show(first.value) : 'raises ' + first.raised })
  }
}
async function probePairs() {
  for (const pair of PAIRS) {
    const enc = callableOf({ name: pair.encoder, className: pair.className, made: pair.made })
    const dec = callableOf({ name: pair.decoder, className: pair.className, made: pair.made })
    if (!enc || !dec) continue
    const held = []
    let broke = false
    let async = false
    for (const [index, value] of pair.values.entries()) {
      touched.delete('clock'); touched.delete('randomness')
      let encoded
      let asyncEnc = false
      try { const r = await settle(enc.call, [value()]); encoded = r.value; asyncEnc = r.async } catch (error) { if (error instanceof Blocked) { broke = true; break } continue }
      let outcome = null
      let asyncDec = false
      try {
        const r = await settle(dec.call, [encoded])
        asyncDec = r.async
        if (!isDeepStrictEqual(r.value, value())) outcome = { returned: show(r.value) }
      } catch (error) {
        if (error instanceof Blocked) { broke = true; break }
        outcome = { raised: (error?.constructor?.name ?? 'Error') + ': ' + String(error?.message ?? error).slice(0, 200) }
      }
      if (touched.has('clock') || touched.has('randomness')) continue
      if (outcome) {
        emit({ kind: 'round-trip', id: pair.id, value: index, encoded: show(encoded), at: [enc.at, dec.at], async: asyncEnc || asyncDec, ...outcome })
        broke = true
        break
      }
      held.push(index)
      async = async || asyncEnc || asyncDec
    }
    if (!broke && held.length > 0) emit({ kind: 'round-trip-holds', id: pair.id, values: held, at: [enc.at, dec.at], async })
  }
}
`

/** A Node ESM program probing the module at `moduleUrl`; its results are JSON lines appended to `TP_OBSERVE_OUT`. */
export function nodeProbe(
  moduleUrl: string,
  units: JsProbeUnit[],
  pairs: JsProbePair[],
  /** The package's entry files (package-contract.ts): only what they offer is probed. */
  entryUrls: readonly string[] = [],
  examples: readonly JsProbeExample[] = []
): string {
  const exampleRows = examples
    .map(
      (e) =>
        `  { id: ${e.id}, name: ${jsString(e.name)}, call: ${jsString(e.call)}, stated: ${jsString(e.want)} },`
    )
    .join('\n')
  const unitRows = units
    .map(
      (u) =>
        `  { id: ${u.id}, name: ${jsString(u.name)}, ${u.className ? `className: ${jsString(u.className)}, made: () => ${u.made ?? '[]'}, ` : ''}rows: [${u.rows.map((r) => `() => ${r}`).join(', ')}] },`
    )
    .join('\n')
  const pairRows = pairs
    .map(
      (p) =>
        `  { id: ${p.id}, encoder: ${jsString(p.encoder)}, decoder: ${jsString(p.decoder)}, ${p.className ? `className: ${jsString(p.className)}, made: () => ${p.made ?? '[]'}, ` : ''}values: [${p.values.map((v) => `() => (${v})`).join(', ')}] },`
    )
    .join('\n')
  return `${JS_PRELUDE}
const mod = await import(${jsString(moduleUrl)})
touched.delete('clock')
touched.delete('randomness')
const UNITS = [
${unitRows}
]
const PAIRS = [
${pairRows}
]
const EXAMPLES = [
${exampleRows}
]
${PROBE}
PUBLIC = await publicNames(${JSON.stringify(entryUrls)})
touched.delete('clock')
touched.delete('randomness')
Error.prepareStackTrace = (error, sites) => { sitesOf.set(error, sites); return String(error) + sites.map((s) => '\\n    at ' + s).join('') }
for (const step of [probeExamples, probePairs, probeUnits]) {
  try {
    await step()
  } catch (error) {
    if (!(error instanceof Blocked)) emit({ kind: 'note', message: step.name + ': ' + String(error?.message ?? error).slice(0, 200) })
  }
}
if (internal.size > 0) emit({ kind: 'internal', names: [...internal] })
emit({ kind: 'done', touched: [...touched] })
realExit(0)
`
}
