// Settles a prototype-pollution claim by running it: the exported function is loaded in a child process
// (its own process group, a time limit, no network where the platform allows it) and called with the
// payloads the advisory record's merge, clone, path-setter and parser shapes take; after each call the
// child reads `({}).<marker>`. A marker seen on a fresh object is the claim shown. Not seeing it refutes
// the claim only where a harmless control call of the same shape showed the function does that work
// (`f(t, {"a":{"b":1}})` leaves `t.a.b === 1`, `f(t, 'a.b', 1)` likewise) and every payload of that shape
// was stopped: the guard held on the path the claim names. Otherwise the answer is "not shown" (the
// function may want another argument shape), which settles nothing.
import { pathToFileURL } from 'node:url'
import { childEnvironment } from './child-env.js'
import { runChild } from './spawn.js'

export type PollutionVerdict = 'confirmed' | 'refuted' | 'not-shown' | 'unloadable'

export interface PollutionSettlement {
  verdict: PollutionVerdict
  /** The call that wrote onto Object.prototype (`merge({}, {"__proto__":…})`), when confirmed. */
  shape?: string
  /** The shape whose control call worked and whose payloads were all stopped, when refuted. */
  refutedBy?: string
  /** Why the function could not be called (load error, not a function, time-out). */
  detail?: string
}

/** The property the payloads write; a name no program uses. */
const MARKER = 'testPlanningPolluted'

// Each shape: how it reads in the answer, and the arguments as JSON-built source (JSON.parse keeps
// `__proto__` an own key, as a parsed request body would).
const SHAPES: [string, string][] = [
  ['f({}, P)', `[{}, JSON.parse('{"__proto__":{"${MARKER}":true}}')]`],
  ['f(P)', `[JSON.parse('{"__proto__":{"${MARKER}":true}}')]`],
  ['f({}, {}, P)', `[{}, {}, JSON.parse('{"__proto__":{"${MARKER}":true}}')]`],
  ['f({}, C)', `[{}, JSON.parse('{"constructor":{"prototype":{"${MARKER}":true}}}')]`],
  // jQuery-style deep flag first (just-extend, extend): without it such a merge only copies references.
  ['f(true, {}, P)', `[true, {}, JSON.parse('{"__proto__":{"${MARKER}":true}}')]`],
  ['f(true, {}, C)', `[true, {}, JSON.parse('{"constructor":{"prototype":{"${MARKER}":true}}}')]`],
  ["f({}, '__proto__.m', true)", `[{}, '__proto__.${MARKER}', true]`],
  ["f({}, 'constructor.prototype.m', true)", `[{}, 'constructor.prototype.${MARKER}', true]`],
  ["f({}, ['__proto__', 'm'], true)", `[{}, ['__proto__', '${MARKER}'], true]`],
  ["f('__proto__[m]=true')", `['__proto__[${MARKER}]=true']`],
  ["f('[__proto__]\\nm = true')", `['[__proto__]\\n${MARKER} = true']`],
  ["f(['--__proto__.m', 'true'])", `[['--__proto__.${MARKER}', 'true']]`],
  ["f({}, [['__proto__'], 'm'], true)", `[{}, [['__proto__'], '${MARKER}'], true]`]
]

// The shapes a refutation can rest on: a control call whose effect is read back from the target or the
// result (`done(t, r)` true when the work was done). Every payload of SHAPES has run by then without
// polluting; one that threw was stopped too (a guard may throw on `__proto__`).
const FAMILIES: { shown: string; control: string; done: string }[] = [
  // A deep merge keeps the target's nested keys (`a.x`) beside the source's (`a.b`); a shallow copy, which
  // a merge behind a deep flag does without it, replaces `a` and proves nothing.
  {
    shown: 'a deep merge f(target, source)',
    control: `[{ a: { x: 1 } }, { a: { b: 1 } }]`,
    done: `(t, r) => [t, r].some((o) => o && o.a && o.a.x === 1 && o.a.b === 1)`
  },
  {
    shown: 'a deep merge f(true, target, source)',
    control: `[true, { a: { x: 1 } }, { a: { b: 1 } }]`,
    done: `(t, r) => [t, r].some((o) => o && o.a && o.a.x === 1 && o.a.b === 1)`
  },
  {
    shown: "a path setter f(target, 'a.b', value)",
    control: `[{}, 'a.b', 1]`,
    done: `(t, r) => (t && t.a && t.a.b === 1) || (r && r.a && r.a.b === 1)`
  }
]

function childScript(file: string, exportName: string | undefined): string {
  const url = pathToFileURL(file).href
  const pick = exportName === undefined ? 'undefined' : JSON.stringify(exportName)
  return `
const { createRequire } = await import('node:module')
let mod
try { mod = await import(${JSON.stringify(url)}) } catch (e) {
  try { mod = createRequire(${JSON.stringify(url)})(${JSON.stringify(file)}) } catch (e2) {
    console.log(JSON.stringify({ verdict: 'unloadable', detail: String(e2 && e2.message || e2).slice(0, 200) })); process.exit(0)
  }
}
const name = ${pick}
const base = mod && mod.__esModule === undefined && mod.default !== undefined ? mod.default : mod
let f = name === undefined ? base : (mod[name] ?? (base && base[name]))
if (typeof f !== 'function' && f && typeof f.default === 'function') f = f.default
// \`module.exports = function merge\`: the module is the function, when it bears the name (an internal
// helper's claim must not be settled by calling the module's one export).
if (typeof f !== 'function' && typeof base === 'function' && base.name === name) f = base
if (typeof f !== 'function') { console.log(JSON.stringify({ verdict: 'unloadable', detail: 'not a function' })); process.exit(0) }
const shapes = [${SHAPES.map(([shown, args]) => `[${JSON.stringify(shown)}, () => ${args}]`).join(', ')}]
for (const [shown, args] of shapes) {
  try { let r = f(...args()); if (r && typeof r.then === 'function') await r } catch {}
  const hit = ({})[${JSON.stringify(MARKER)}] === true
  delete Object.prototype[${JSON.stringify(MARKER)}]
  if (hit) { console.log(JSON.stringify({ verdict: 'confirmed', shape: shown })); process.exit(0) }
}
const families = [${FAMILIES.map((g) => `[${JSON.stringify(g.shown)}, () => ${g.control}, ${g.done}]`).join(', ')}]
for (const [shown, control, done] of families) {
  let worked = false
  try { const args = control(); let r = f(...args); if (r && typeof r.then === 'function') r = await r; worked = !!done(args[0] === true ? args[1] : args[0], r) } catch {}
  if (worked) {
    console.log(JSON.stringify({ verdict: 'refuted', refutedBy: shown })); process.exit(0)
  }
}
console.log(JSON.stringify({ verdict: 'not-shown' }))
`
}

/**
 * Calls `exportName` of the module at `file` (the module's default export when undefined) with
 * prototype-pollution payloads in a child process started in `cwd`.
 */
export async function settlePollution(
  cwd: string,
  file: string,
  exportName: string | undefined,
  timeoutMs = 10_000
): Promise<PollutionSettlement> {
  const result = await runChild({
    command: process.execPath,
    args: ['--input-type=module', '-e', childScript(file, exportName)],
    cwd,
    env: childEnvironment(process.env),
    timeoutMs,
    isolateNetwork: true
  })
  if (result.killed) return { verdict: 'unloadable', detail: `no answer in ${timeoutMs} ms` }
  const last = result.stdout.trim().split('\n').pop() ?? ''
  try {
    const parsed = JSON.parse(last) as PollutionSettlement
    if (
      parsed.verdict === 'confirmed' ||
      parsed.verdict === 'refuted' ||
      parsed.verdict === 'not-shown'
    )
      return parsed
    return { verdict: 'unloadable', detail: parsed.detail ?? 'no verdict' }
  } catch {
    return {
      verdict: 'unloadable',
      detail: (result.stderr.trim() || `exit ${result.code}`).slice(0, 200)
    }
  }
}
