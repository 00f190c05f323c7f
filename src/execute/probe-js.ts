// The defect probe for JavaScript/TypeScript (the Python one is probe.ts): one module's units called
// in a child (probe-js-script.ts) with values of their declared types (js-probe-targets.ts). An
// engine error in the project's own code is a crash on valid input; a decoder that does not give back
// what its encoder was given breaks a round trip. Each becomes a spec for the project's runner that
// fails until the code is fixed, written as a user would call the module (its exports as found).
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { renderJsValue } from '../specs/values.js'
import type { SpecDraft, SpecValue } from '../specs/types.js'
import type { JsProbeTarget, JsUnit } from './js-probe-targets.js'
import { nodeLoaderArgs } from './observe.js'
import {
  defectFindingId,
  defectLine,
  defectMessage,
  type HeldRoundTrip,
  type JsCall,
  type ProbedDefect,
  type ProbeHome,
  type ProbeSession
} from './probe.js'
import {
  nodeProbe,
  type JsProbeExample,
  type JsProbePair,
  type JsProbeUnit
} from './probe-js-script.js'
import { runChild } from './spawn.js'

/** Rows past this many say little more and cost a call each. */
const MAX_ROWS = 16

/** A row of typical values, then each required parameter varied over its values, then each optional one. */
export function argumentRows(unit: Pick<JsUnit, 'pools' | 'optional'>): SpecValue[][] {
  const typical = unit.pools.map((pool) => (pool.length > 1 ? pool[1] : pool[0]))
  const rows: SpecValue[][] = [typical]
  const add = (row: SpecValue[]): void => {
    if (!rows.some((r) => JSON.stringify(r) === JSON.stringify(row))) rows.push(row)
  }
  for (const [i, pool] of unit.pools.entries())
    for (const v of pool) add(typical.map((t, j) => (j === i ? v : t)))
  for (const { index, values } of unit.optional) {
    if (index < typical.length) continue
    const gap: SpecValue[] = new Array(index - typical.length).fill({ $special: 'undefined' })
    for (const v of values) add([...typical, ...gap, v])
  }
  return rows.slice(0, MAX_ROWS)
}

function typicalOf(pools: SpecValue[][]): SpecValue[] {
  return pools.map((pool) => (pool.length > 1 ? pool[1] : pool[0]))
}

const list = (values: SpecValue[]): string => `[${values.map(renderJsValue).join(', ')}]`

interface CrashRow {
  kind: 'crash'
  id: number
  row: number
  at: string[]
  async: boolean
  errorType: string
  message: string
  where: { file: string; line: number; in: string }
}

interface RoundTripRow {
  kind: 'round-trip'
  id: number
  value: number
  encoded: string
  at: [string[], string[]]
  async: boolean
  returned?: string
  raised?: string
}

let counter = 0

/** Probes one JavaScript/TypeScript module in a child; what it found before a time-out is kept. */
export async function probeJsModule(
  session: ProbeSession & { node: string },
  target: JsProbeTarget,
  /** The package's entry files, repository-relative (package-contract.ts). */
  entries: readonly string[] = []
): Promise<{ defects: ProbedDefect[]; held: HeldRoundTrip[]; note: string | null }> {
  const classes = new Map(target.classes.map((c) => [c.name, c]))
  const units: (JsProbeUnit & { values: SpecValue[][]; unit: JsUnit; madeValues: SpecValue[] })[] =
    []
  for (const [id, unit] of target.functions.entries()) {
    const made = unit.className ? typicalOf(classes.get(unit.className)?.pools ?? []) : []
    const values = argumentRows(unit)
    units.push({
      id,
      name: unit.name,
      ...(unit.className ? { className: unit.className, made: list(made) } : {}),
      rows: values.map(list),
      values,
      unit,
      madeValues: made
    })
  }
  const pairs: (JsProbePair & { raw: SpecValue[]; madeValues: SpecValue[] })[] = target.pairs.map(
    (p, id) => {
      const made = p.className ? typicalOf(classes.get(p.className)?.pools ?? []) : []
      return {
        id,
        encoder: p.encoder,
        decoder: p.decoder,
        ...(p.className ? { className: p.className, made: list(made) } : {}),
        values: p.values.map(renderJsValue),
        raw: p.values,
        madeValues: made
      }
    }
  )
  const examples: JsProbeExample[] = target.examples.map((e, id) => ({
    id,
    name: e.name,
    call: e.call,
    want: e.want
  }))
  if (units.length === 0 && pairs.length === 0 && examples.length === 0)
    return { defects: [], held: [], note: null }
  const loader = await nodeLoaderArgs(session.root, target.language)
  if ('planOnly' in loader)
    return { defects: [], held: [], note: `probing ${target.module}: ${loader.planOnly}` }
  const n = counter++
  const out = join(session.tmp, `probed-js-${n}.jsonl`)
  const script = join(session.tmp, `probe-${n}.mjs`)
  const url = pathToFileURL(join(session.root, ...target.module.split('/'))).href
  const entryUrls = entries.map((e) => pathToFileURL(join(session.root, ...e.split('/'))).href)
  await writeFile(script, nodeProbe(url, units, pairs, entryUrls, examples))
  await rm(out, { force: true })
  const child = await runChild({
    command: session.node,
    args: ['--enable-source-maps', ...loader.args, script],
    cwd: session.root,
    env: { ...session.env, TP_OBSERVE_OUT: out, TP_PROBE_ROOT: session.root },
    timeoutMs: session.timeoutMs,
    isolateNetwork: session.isolateNetwork ?? true
  })
  const text = await readFile(out, 'utf8').catch(() => '')
  let note: string | null = child.killed
    ? `probing ${target.module} stopped at the time limit`
    : text === ''
      ? `probing ${target.module}: it did not load (${(child.stderr.trim().split('\n').pop() ?? '').slice(0, 200)})`
      : null
  const defects: ProbedDefect[] = []
  const held: HeldRoundTrip[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    const row = JSON.parse(line) as { kind: string; message?: string }
    if (row.kind === 'note') note = `probing ${target.module}: ${String(row.message)}`
    else if (row.kind === 'internal') {
      const names = (row as unknown as { names: string[] }).names
      note = `probing ${target.module}: ${names.join(', ')} not probed (not offered by the package's entry)`
    } else if (row.kind === 'crash') {
      const c = row as CrashRow
      const u = units[c.id]
      const args = u.values[c.row]
      const statement = await lineText(join(session.root, ...c.where.file.split('/')), c.where.line)
      if (!u.unit.className && readsUnsetState(c.message, statement)) continue
      defects.push({
        kind: 'crash',
        module: target.module,
        symbol: u.unit.className ? `${u.unit.className}.${u.unit.name}` : u.unit.name,
        args: args.map(renderJsValue).join(', '),
        errorType: c.errorType,
        message: c.message,
        at: {
          file: c.where.file.split('\\').join('/'),
          line: c.where.line,
          in: c.where.in,
          statement
        },
        types: u.unit.types,
        js: {
          at: c.at,
          ...(u.unit.className ? { method: u.unit.name, made: u.madeValues } : {}),
          args,
          async: c.async
        }
      })
    } else if (row.kind === 'example') {
      const r = row as unknown as { id: number; at: string[]; async: boolean; got: string }
      const e = target.examples[r.id]
      defects.push({
        kind: 'example',
        module: target.module,
        symbol: e.name,
        test: `${e.name}:${e.line}`,
        line: e.line,
        source: e.call,
        want: e.want,
        got: r.got,
        js: { at: r.at, args: e.args, async: r.async }
      })
    } else if (row.kind === 'round-trip') {
      const r = row as RoundTripRow
      const p = pairs[r.id]
      const value = p.raw[r.value]
      const method = (name: string): Partial<JsCall> =>
        p.className ? { method: name, made: p.madeValues } : {}
      defects.push({
        kind: 'round-trip',
        module: target.module,
        symbol: p.className ? `${p.className}.${p.decoder}` : p.decoder,
        encoder: p.className ? `${p.className}.${p.encoder}` : p.encoder,
        value: renderJsValue(value),
        encoded: r.encoded,
        ...(r.returned !== undefined ? { returned: r.returned } : {}),
        ...(r.raised !== undefined ? { raised: r.raised } : {}),
        js: {
          encoder: { at: r.at[0], ...method(p.encoder), args: [value], async: r.async },
          decoder: { at: r.at[1], ...method(p.decoder), args: [], async: r.async },
          value
        }
      })
    } else if (row.kind === 'round-trip-holds') {
      const r = row as unknown as {
        id: number
        values: number[]
        at: [string[], string[]]
        async?: boolean
      }
      const p = pairs[r.id]
      const values = r.values.map((i) => p.raw[i])
      const method = (name: string): Partial<JsCall> =>
        p.className ? { method: name, made: p.madeValues } : {}
      const async = r.async ?? false
      held.push({
        module: target.module,
        symbol: p.className ? `${p.className}.${p.decoder}` : p.decoder,
        encoder: p.className ? `${p.className}.${p.encoder}` : p.encoder,
        values: values.map(renderJsValue),
        js: {
          encoder: { at: r.at[0], ...method(p.encoder), args: [], async },
          decoder: { at: r.at[1], ...method(p.decoder), args: [], async },
          values
        }
      })
    }
  }
  return { defects, held, note }
}

/**
 * A function (not a method of a class the probe built) that failed reading through `this`: it is a
 * method of a prototype or mixin object (express's `app.set` reads `this.settings`, which `init()` or
 * the framework gives each instance), called here on the bare object - a set-up step skipped, not a defect.
 */
function readsUnsetState(message: string, statement: string): boolean {
  return / of (undefined|null)\b/.test(message) && /\bthis\s*(\.|\[)/.test(statement)
}

async function lineText(path: string, line: number): Promise<string> {
  const text = await readFile(path, 'utf8').catch(() => '')
  return (text.split('\n')[line - 1] ?? '').trim().slice(0, 200)
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** The local name a default export is imported as: the module's file name in camelCase. */
function defaultName(module: string): string {
  const parts = module.split('/')
  let base = (parts.pop() ?? '').replace(/\.[^.]+$/, '')
  if (base === 'index') base = parts.pop() ?? ''
  const name = base
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w, i) => (i === 0 ? w[0].toLowerCase() : w[0].toUpperCase()) + w.slice(1))
    .join('')
  return IDENTIFIER.test(name) && !/^\d/.test(name) && !RESERVED_LOCALS.has(name)
    ? `${name}Module`
    : 'moduleUnderTest'
}

/** Names a spec file declares or imports itself. */
const RESERVED_LOCALS = new Set(['describe', 'it', 'expect', 'assert', 'deepStrictEqual', 'value'])

/** The expression reaching an export path, and what to import for it. */
function reachOf(module: string, at: string[]): { expression: string; name: string } {
  const [head, ...rest] = at
  const local = head === 'default' ? defaultName(module) : head
  const name = head === 'default' ? `default as ${local}` : head
  const expression =
    local + rest.map((k) => (IDENTIFIER.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)).join('')
  return { expression, name }
}

/** The call expression of a probed unit, with the import names it needs. */
function callOf(module: string, call: JsCall, args: string): { code: string; names: string[] } {
  const reached = reachOf(module, call.at)
  const aw = call.async ? 'await ' : ''
  if (call.method) {
    const made = (call.made ?? []).map(renderJsValue).join(', ')
    return {
      code: `${aw}new ${reached.expression}(${made}).${call.method}(${args})`,
      names: [reached.name]
    }
  }
  return { code: `${aw}${reached.expression}(${args})`, names: [reached.name] }
}

/** The spec that demonstrates a JavaScript/TypeScript defect: it fails until the code is fixed. */
export function jsDefectDraft(d: ProbedDefect, home: ProbeHome): SpecDraft {
  const { file, line } = defectLine(d)
  const base = {
    level: 'unit' as const,
    covers: [defectFindingId(d, home)],
    priority: 'P1' as const,
    target: { file: d.module, symbol: d.symbol }
  }
  const message = defectMessage(d)
  if (d.kind === 'crash' && d.js) {
    const call = callOf(d.module, d.js, d.args)
    return {
      ...base,
      key: `probe:crash:${d.module}#${d.symbol}`,
      title: `${d.symbol} accepts ${d.args} (declared ${d.types.join(', ')})`,
      rationale: `Observed: ${message}.`,
      expected: `${d.symbol}(${d.args}) returns without an internal error (today: ${d.errorType} at ${file}:${line})`,
      body: {
        kind: 'steps',
        async: d.js.async,
        imports: [{ from: d.module, names: call.names }],
        steps: { javascript: call.code }
      }
    }
  }
  if (d.kind === 'round-trip' && d.js) {
    const encode = callOf(d.module, d.js.encoder, 'value')
    const decode = callOf(d.module, d.js.decoder, 'encoded')
    return {
      ...base,
      key: `probe:round-trip:${d.module}#${d.encoder}/${d.symbol}`,
      title: `${d.symbol} reverses ${d.encoder} for ${d.value}`,
      rationale: `Observed: ${message}.`,
      expected: `${d.symbol}(${d.encoder}(${d.value})) deep-equals ${d.value}`,
      body: {
        kind: 'steps',
        async: d.js.encoder.async,
        imports: [
          { from: 'node:assert/strict', names: ['deepStrictEqual'] },
          { from: d.module, names: [...new Set([...encode.names, ...decode.names])] }
        ],
        steps: {
          javascript: [
            `const value = ${d.value}`,
            `const encoded = ${encode.code}`,
            `deepStrictEqual(${decode.code}, value)`
          ].join('\n')
        }
      }
    }
  }
  if (d.kind === 'example' && d.js) {
    const call = callOf(d.module, { at: d.js.at, args: [], async: d.js.async }, d.js.args)
    return {
      ...base,
      key: `probe:example:${d.module}#${d.test}`,
      title: `the JSDoc example of ${d.symbol} holds: ${d.source} gives ${d.want}`,
      rationale: `Observed: ${message}.`,
      expected: `${d.source} gives ${d.want} (today: ${d.got})`,
      body: {
        kind: 'steps',
        async: d.js.async,
        imports: [
          { from: 'node:assert/strict', names: ['deepStrictEqual'] },
          { from: d.module, names: call.names }
        ],
        steps: { javascript: `deepStrictEqual(${call.code}, ${d.want})` }
      }
    }
  }
  throw new Error(`probe: ${d.kind} of ${d.symbol} has no JavaScript call to write`)
}

/** The spec asserting a round trip that holds, for every value it held for. */
export function jsHeldDraft(h: HeldRoundTrip): SpecDraft {
  if (!h.js) throw new Error(`probe: the round trip of ${h.symbol} has no JavaScript call to write`)
  const encode = callOf(h.module, h.js.encoder, 'value')
  const decode = callOf(h.module, h.js.decoder, encode.code)
  return {
    key: `probe:round-trip-holds:${h.module}#${h.encoder}/${h.symbol}`,
    title: `${h.symbol} reverses ${h.encoder}`,
    level: 'unit',
    covers: [],
    priority: 'P2',
    target: { file: h.module, symbol: h.symbol },
    rationale: `Observed by calling them: ${h.symbol}(${h.encoder}(v)) deep-equals v for ${h.values.join(', ')}; the test keeps it so.`,
    expected: `${h.symbol}(${h.encoder}(value)) deep-equals value for each value`,
    body: {
      kind: 'steps',
      async: h.js.encoder.async,
      imports: [
        { from: 'node:assert/strict', names: ['deepStrictEqual'] },
        { from: h.module, names: [...new Set([...encode.names, ...decode.names])] }
      ],
      steps: {
        javascript: [
          `for (const value of [${h.values.join(', ')}]) {`,
          `  deepStrictEqual(${decode.code}, value)`,
          `}`
        ].join('\n')
      }
    }
  }
}
