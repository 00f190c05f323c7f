// Settles a prototype-pollution claim by running it: the exported function is loaded in a child process
// (its own process group, a time limit, no network where the platform allows it) and called with the
// payloads the advisory record's merge, clone, path-setter and parser shapes take; after each call the
// child reads `({}).<marker>`. A marker seen on a fresh object is the claim shown. Not seeing it does not
// refute the claim (the function may want another argument shape), so the answer is then "not shown".
import { pathToFileURL } from 'node:url'
import { childEnvironment } from './child-env.js'
import { runChild } from './spawn.js'

export type PollutionVerdict = 'confirmed' | 'not-shown' | 'unloadable'

export interface PollutionSettlement {
  verdict: PollutionVerdict
  /** The call that wrote onto Object.prototype (`merge({}, {"__proto__":…})`), when confirmed. */
  shape?: string
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
  ["f({}, '__proto__.m', true)", `[{}, '__proto__.${MARKER}', true]`],
  ["f({}, 'constructor.prototype.m', true)", `[{}, 'constructor.prototype.${MARKER}', true]`],
  ["f({}, ['__proto__', 'm'], true)", `[{}, ['__proto__', '${MARKER}'], true]`],
  ["f('__proto__[m]=true')", `['__proto__[${MARKER}]=true']`],
  ["f('[__proto__]\\nm = true')", `['[__proto__]\\n${MARKER} = true']`],
  ["f(['--__proto__.m', 'true'])", `[['--__proto__.${MARKER}', 'true']]`]
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
if (typeof f !== 'function') { console.log(JSON.stringify({ verdict: 'unloadable', detail: 'not a function' })); process.exit(0) }
const shapes = [${SHAPES.map(([shown, args]) => `[${JSON.stringify(shown)}, () => ${args}]`).join(', ')}]
for (const [shown, args] of shapes) {
  try { const r = f(...args()); if (r && typeof r.then === 'function') await r.catch(() => {}) } catch {}
  const hit = ({})[${JSON.stringify(MARKER)}] === true
  delete Object.prototype[${JSON.stringify(MARKER)}]
  if (hit) { console.log(JSON.stringify({ verdict: 'confirmed', shape: shown })); process.exit(0) }
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
    if (parsed.verdict === 'confirmed' || parsed.verdict === 'not-shown') return parsed
    return { verdict: 'unloadable', detail: parsed.detail ?? 'no verdict' }
  } catch {
    return {
      verdict: 'unloadable',
      detail: (result.stderr.trim() || `exit ${result.code}`).slice(0, 200)
    }
  }
}
