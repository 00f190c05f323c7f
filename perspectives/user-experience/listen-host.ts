// A host the user gave for listening, dropped on the way to `listen` (the judges' real defects in round 7,
// outside every rule then): serve's port fallback re-enters `startServer({ port: 0 }, ...)` without the
// endpoint's host, and micro's `'--listen': parseEndpoint` (single-valued in arg) is iterated, so the
// `[port, host]` its handler returns is listened on element by element. Either way the server listens
// on every interface (or on a socket file named after the host) instead of the address asked for.
import type { FunctionDecl } from '../../src/model/types.js'
import {
  type CheckInput,
  type Found,
  type ModuleInfo,
  push,
  calleeSource,
  whereText,
  short
} from './context.js'

/** Calls that start listening, and the function re-entered with a new endpoint. */
const LISTEN_CALLS: ReadonlySet<string> = new Set([
  'listen',
  'bind',
  'run',
  'run_server',
  'serve',
  'create_server'
])

const HOST_WORD = /\b(host|hostname|address|addr|bind|interface)\b/i
/**
 * A guard that decides by the host's presence (`typeof endpoint.host === 'undefined'`, `if not host:`,
 * `endpoint.host == null`); one that only passes the host along (`isTaken(port, host)`) decides nothing about it.
 */
const HOST_TEST =
  /typeof\s+[\w.?]*\b(host|hostname)\b|\b(host|hostname)\s*(===?|!==?|\bis\b)|(===?|!==?)\s*[\w.?]*\b(host|hostname)\b|^\s*(!|not\s+)?[\w.?]*\b(host|hostname)\s*$/i

function linesOf(input: CheckInput, info: ModuleInfo, fn: FunctionDecl): string[] {
  return input.quote.lines(info.module.path).slice(fn.loc.startLine - 1, fn.loc.endLine)
}

/**
 * In a function that reads its endpoint parameter's host (`endpoint.host`), a call to itself or to
 * `listen` given an object with a port and no host (`{ port: 0 }`), or the parameter's port alone, on a
 * path no guard about the host decides.
 */
function portOnlyCalls(info: ModuleInfo, input: CheckInput, out: Found[]): void {
  const { module } = info
  for (const fn of module.functions) {
    const body = linesOf(input, info, fn).join('\n')
    const endpoint = fn.params.find((p) =>
      new RegExp(`\\b${p.name}(\\?)?\\.(host|hostname)\\b`).test(body)
    )
    if (!endpoint) continue
    for (const call of module.calls) {
      if (call.enclosing !== fn.qualifiedName) continue
      const self = call.name === fn.name && call.receiver === undefined
      if (!self && !(LISTEN_CALLS.has(call.name) && call.receiver !== undefined)) continue
      const guarded = (call.context?.guards ?? []).some((g) => HOST_TEST.test(g.text))
      if (guarded) continue
      const args = call.arguments ?? []
      const dropped = args.find(
        (a) =>
          (a.kind === 'object' &&
            /\bport\s*:/.test(a.text) &&
            !HOST_WORD.test(a.text) &&
            !a.text.includes('...')) ||
          (!self && a.text.trim() === `${endpoint.name}.port`)
      )
      if (!dropped || args.some((a) => a !== dropped && HOST_WORD.test(a.text))) continue
      push(
        out,
        info,
        input,
        'listenHostDropped',
        call,
        `host:${fn.qualifiedName}:${call.loc.startLine}`,
        'medium',
        'medium',
        `Severity medium: a server asked to listen on one address listens on all of them, which can expose it to the network; confidence medium: read from the call's arguments and the guards around it, not run.`,
        {
          where: whereText(info, fn.qualifiedName),
          how: `\`${short(`${call.callee}(${call.args.join(', ')})`, 70)}\` passes a port (${short(dropped.text, 30)}) but not the host of \`${endpoint.name}\`, which ${fn.name}() reads as \`${endpoint.name}.host\`, and no condition on the host leads to it.`
        },
        fn.qualifiedName
      )
    }
  }
}

/**
 * arg: `'--listen': parseEndpoint` keeps one value, what the handler returns; a `for (... of
 * args['--listen'])` then walks that value. When the handler returns an array (`[port, host]`), each part
 * is listened on alone (micro, round 7).
 */
function iteratedSingleValue(info: ModuleInfo, input: CheckInput, out: Found[]): void {
  if (info.dialect !== 'js') return
  const arg = info.module.calls.find(
    (c) => calleeSource(info, c) === 'arg' && c.receiver === undefined
  )
  if (!arg) return
  const lines = input.quote.lines(info.module.path)
  lines.forEach((text) => {
    const m = /['"](--[A-Za-z][\w-]*)['"]\s*:\s*([A-Za-z_$][\w$]*)\s*,?\s*$/.exec(text)
    if (!m || /^(String|Number|Boolean)$/.test(m[2])) return
    const [, flag, handler] = m
    const loop = lines.findIndex((l) =>
      new RegExp(
        `for\\s*\\(\\s*(const|let|var)\\s+\\w+\\s+of\\s+[\\w$.]+\\[['"]${flag}['"]\\]`
      ).test(l)
    )
    if (loop < 0) return
    const returnsArray = input.modules.some((other) =>
      other.module.functions.some(
        (f) => f.name === handler && linesOf(input, other, f).some((l) => /\breturn\s*\[/.test(l))
      )
    )
    if (!returnsArray) return
    push(
      out,
      info,
      input,
      'listenHostDropped',
      {
        loc: {
          startLine: loop + 1,
          endLine: loop + 1,
          startColumn: 0,
          endColumn: lines[loop].length
        }
      },
      `host:arg:${flag}`,
      'medium',
      'medium',
      `Severity medium: a server asked to listen on one address listens elsewhere; confidence medium: read from arg's spec (a handler not wrapped in [ ] keeps one value) and the handler's \`return [...]\`, not run.`,
      {
        where: info.module.path,
        how: `\`${flag}\` is declared with \`${handler}\` (not \`[${handler}]\`), so arg keeps one value, the array ${handler}() returns, and line ${loop + 1} iterates that array: each element (the port, then the host) is used as an endpoint of its own, and only the last ${flag} given counts.`
      }
    )
  })
}

export function droppedHosts(input: CheckInput, out: Found[]): void {
  for (const info of input.modules) {
    portOnlyCalls(info, input, out)
    iteratedSingleValue(info, input, out)
  }
}
