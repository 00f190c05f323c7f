// Streams and emitters without an 'error' listener (JavaScript), and resources opened without a
// `with` block (Python) or a `finally` that closes them (both). The model has no data flow: what
// happens to a result is read from where the call stands (a statement, bound to a name, an argument,
// the start of a chain) and from the calls of the same function. See README.md for the limits.
import type { CallSite, TryBlock } from '../../src/model/types.js'
import { stringLiteralValue } from '../shared/literals.js'
import type { Confidence, Severity } from '../types.js'
import { type CheckInput, type Found, type ModuleInfo, whereText } from './context.js'
import { within } from '../kit/index.js'

const LISTEN = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'])

/** Emitter factories by the module that provides them. */
const EMITTERS: Record<string, { names: Set<string>; what: string }> = {
  fs: { names: new Set(['createReadStream', 'createWriteStream']), what: 'A file stream' },
  'fs-extra': { names: new Set(['createReadStream', 'createWriteStream']), what: 'A file stream' },
  'graceful-fs': {
    names: new Set(['createReadStream', 'createWriteStream']),
    what: 'A file stream'
  },
  child_process: { names: new Set(['spawn', 'fork']), what: 'A child process' },
  net: { names: new Set(['connect', 'createConnection']), what: 'A socket' },
  tls: { names: new Set(['connect']), what: 'A TLS socket' },
  http: { names: new Set(['request', 'get']), what: 'An HTTP request' },
  https: { names: new Set(['request', 'get']), what: 'An HTTPS request' },
  events: { names: new Set(['EventEmitter']), what: 'An event emitter' }
}

/** The node module a call comes from: `fs.createReadStream` with `import fs from 'fs'`, or a named import. */
function providerOf(info: ModuleInfo, call: CallSite): string | undefined {
  if (call.receiver !== undefined) {
    const local = info.imports.get(call.receiver)
    return local && (local.imported === '*' || local.imported === 'default')
      ? local.source
      : undefined
  }
  const local = info.imports.get(call.callee)
  return local && local.imported === call.name ? local.source : undefined
}

function sameStart(a: CallSite, b: CallSite): boolean {
  return a.loc.startLine === b.loc.startLine && a.loc.startColumn === b.loc.startColumn
}

function strictlyContains(outer: CallSite, inner: CallSite): boolean {
  return outer !== inner && within(inner.loc, outer.loc) && !sameStart(outer, inner)
}

function isErrorListener(call: CallSite): boolean {
  return LISTEN.has(call.name) && stringLiteralValue(call.args[0]) === 'error'
}

/** How a call's result is used, read from its position and the calls around it. */
type Use =
  | { kind: 'bound'; name: string }
  | { kind: 'statement' }
  | { kind: 'chain'; calls: CallSite[]; outer: CallSite }
  | { kind: 'argument'; of: CallSite }
  | { kind: 'other' }

function useOf(scopeCalls: CallSite[], call: CallSite): Use {
  if (call.assignedTo !== undefined) return { kind: 'bound', name: call.assignedTo }
  if (call.statement) return { kind: 'statement' }
  const chain = scopeCalls.filter(
    (c) => c !== call && sameStart(c, call) && within(call.loc, c.loc)
  )
  if (chain.length > 0) {
    const outer = chain.reduce((a, b) => (within(a.loc, b.loc) ? b : a))
    return { kind: 'chain', calls: chain, outer }
  }
  const containers = scopeCalls.filter((c) => strictlyContains(c, call))
  if (containers.length > 0)
    return { kind: 'argument', of: containers.reduce((a, b) => (within(b.loc, a.loc) ? b : a)) }
  return { kind: 'other' }
}

function passedTo(scopeCalls: CallSite[], name: string): CallSite | undefined {
  return scopeCalls.find((c) => c.args.some((a) => a.trim() === name))
}

export function checkEmitters(input: CheckInput): Found[] {
  const out: Found[] = []
  for (const info of input.modules) {
    if (info.dialect !== 'js') continue
    for (const call of info.module.calls) {
      const source = providerOf(info, call)
      const kind = source ? EMITTERS[source] : undefined
      if (!kind || !kind.names.has(call.name) || (call.name === 'EventEmitter') !== call.isNew)
        continue
      const scopeCalls = info.callsByScope.get(call.enclosing ?? '') ?? []
      const use = useOf(scopeCalls, call)
      let subject: string
      let confidence: Confidence
      if (use.kind === 'bound') {
        if (scopeCalls.some((c) => c.receiver === use.name && isErrorListener(c))) continue
        if (passedTo(scopeCalls, use.name)) continue // handed on: the callee may listen
        // An emitter of our own only throws if someone emits 'error' on it.
        if (
          call.name === 'EventEmitter' &&
          !info.module.calls.some(
            (c) => c.name === 'emit' && stringLiteralValue(c.args[0]) === 'error'
          )
        )
          continue
        subject = use.name
        confidence = 'low'
      } else if (use.kind === 'chain') {
        if (use.calls.some(isErrorListener) || !use.outer.statement) continue
        subject = `the chain ${use.outer.callee.length > 50 ? `${use.outer.callee.slice(0, 47)}…` : use.outer.callee}`
        confidence = 'medium'
      } else if (use.kind === 'argument') {
        if (use.of.name !== 'pipe') continue // pipeline(), finished() and unknown callees may take over its errors
        subject = `the stream given to ${use.of.callee}() (pipe() does not forward errors)`
        confidence = 'medium'
      } else if (use.kind === 'statement') {
        subject = 'the result, which is dropped'
        confidence = 'medium'
      } else continue
      // README "Severity": an estimate (low confidence: a listener may be added where the model cannot see) is never high.
      const severity: Severity = confidence === 'low' ? 'medium' : 'high'
      const fn = call.enclosing ? info.functions.get(call.enclosing) : undefined
      out.push({
        info,
        ...(fn ? { fn } : {}),
        call,
        draft: {
          messageId: 'noErrorListener',
          data: {
            what: kind.what,
            callee: `${call.isNew ? 'new ' : ''}${call.callee}()`,
            where: whereText(info, call.enclosing),
            subject
          },
          severity,
          confidence,
          rationale:
            "Severity high: an 'error' event without a listener is thrown and ends the process; " +
            `confidence ${confidence}: ${use.kind === 'bound' ? `no call in the same function adds an 'error' listener to ${subject} or hands it on, but a listener added elsewhere cannot be seen` : 'the result is not kept anywhere a listener could be added later'}.`,
          evidence: input.quote.evidence(info.module.path, call.loc),
          key: `emitter:${call.enclosing ?? '<module>'}:${call.callee}`,
          symbol: call.enclosing ?? '<module>'
        }
      })
    }
  }
  return out
}

// ---- resources that need closing ----

const PY_OPENERS = new Set([
  'open',
  'io.open',
  'codecs.open',
  'gzip.open',
  'bz2.open',
  'lzma.open',
  'tarfile.open',
  'zipfile.ZipFile',
  'socket.socket',
  'socket.create_connection',
  'sqlite3.connect',
  'urllib.request.urlopen',
  'tempfile.NamedTemporaryFile',
  'tempfile.TemporaryFile',
  'os.fdopen'
])
const PY_ADOPTERS = new Set(['closing', 'enter_context', 'push', 'callback'])
const CLOSERS = new Set(['close', 'release', 'end', 'destroy', 'closeSync', 'unlink'])

function isPyOpener(info: ModuleInfo, call: CallSite): boolean {
  if (call.callee === 'open') return !info.functions.has('open') && !info.imports.has('open')
  if (call.callee === 'urlopen') return info.imports.get('urlopen')?.source === 'urllib.request'
  return PY_OPENERS.has(call.callee) && info.imports.has(call.callee.split('.')[0])
}

function isJsOpener(info: ModuleInfo, call: CallSite): boolean {
  const source = providerOf(info, call)
  if (call.name === 'openSync') return source === 'fs'
  if (call.name === 'open') {
    if (!call.awaited) return false
    if (source === 'fs/promises') return true
    const head = call.receiver?.split('.')[0]
    return (
      head !== undefined &&
      info.imports.get(head)?.source === 'fs' &&
      call.receiver === `${head}.promises`
    )
  }
  // pg: `const client = await pool.connect()`; mysql: `await pool.getConnection()`.
  if ((call.name === 'connect' || call.name === 'getConnection') && call.awaited && call.receiver)
    return /pool$/i.test(call.receiver)
  return false
}

/** A close of `name` inside a try that has a finally block, in the same function. */
function closing(
  scopeCalls: CallSite[],
  tries: TryBlock[],
  name: string
): { inFinally: boolean; any: boolean } {
  const closes = scopeCalls.filter(
    (c) =>
      (c.receiver === name && CLOSERS.has(c.name)) ||
      (CLOSERS.has(c.name) && c.args[0]?.trim() === name)
  )
  const inFinally = closes.some((c) => tries.some((t) => t.hasFinally && within(c.loc, t.loc)))
  return { inFinally, any: closes.length > 0 }
}

export function checkResources(input: CheckInput): Found[] {
  const out: Found[] = []
  for (const info of input.modules) {
    const python = info.dialect === 'python'
    for (const call of info.module.calls) {
      if (call.managed) continue
      if (!(python ? isPyOpener(info, call) : isJsOpener(info, call))) continue
      const scopeCalls = info.callsByScope.get(call.enclosing ?? '') ?? []
      const tries = info.module.tries.filter((t) => t.enclosing === call.enclosing)
      const use = useOf(scopeCalls, call)
      let how: string
      let severity: Severity
      let confidence: Confidence
      if (use.kind === 'bound') {
        const closed = closing(scopeCalls, tries, use.name)
        if (closed.inFinally) continue
        if (
          python &&
          scopeCalls.some(
            (c) => PY_ADOPTERS.has(c.name) && c.args.some((a) => a.trim() === use.name)
          )
        )
          continue
        // Returned, yielded or stored on an attribute (`return sock`, `self.sock = sock`): the caller or the object owns it.
        if (
          (info.module.handedOn ?? []).some(
            (h) =>
              h.name === use.name && h.enclosing === call.enclosing && h.line > call.loc.startLine
          )
        )
          continue
        // Given to a constructor (`StreamHandler(f)`, `Wrapper(sock)`) or to a method of the object itself
        // (`self.set_socket(sock)`, judged false on waitress): the object owns it now and closes it later.
        if (
          scopeCalls.some(
            (c) =>
              (/^[A-Z]/.test(c.name) || c.receiver === 'self' || c.receiver === 'this') &&
              c.args.some((a) => a.trim() === use.name)
          )
        )
          continue
        how = closed.any
          ? `into ${use.name} and closes it only on the success path, not in a finally`
          : `into ${use.name} and this function never closes it (unless it hands it on)`
        severity = 'medium'
        confidence = closed.any ? 'medium' : 'low'
      } else if (use.kind === 'chain' || use.kind === 'argument' || use.kind === 'statement') {
        if (!python) continue
        if (use.kind === 'argument' && PY_ADOPTERS.has(use.of.name)) continue
        how =
          use.kind === 'chain'
            ? `and reads it in one expression (${use.outer.callee})`
            : use.kind === 'argument'
              ? `and hands it straight to ${use.of.callee}()`
              : 'and drops it'
        severity = 'low'
        confidence = 'high'
      } else continue
      const fn = call.enclosing ? info.functions.get(call.enclosing) : undefined
      const args = call.args.join(', ')
      out.push({
        info,
        ...(fn ? { fn } : {}),
        call,
        draft: {
          messageId: 'unclosedResource',
          data: {
            callee: call.callee,
            where: whereText(info, call.enclosing),
            args: args.length > 40 ? `${args.slice(0, 37)}…` : args,
            how,
            fix: python
              ? 'open it in a `with` block'
              : 'close it in a `finally` block (or `await using` where the runtime has it)'
          },
          severity,
          confidence,
          rationale:
            `Severity ${severity}: ${severity === 'low' ? 'CPython closes an unreferenced file when the expression ends, other interpreters only at garbage collection (ResourceWarning)' : 'an exception between opening and closing leaks the handle or connection'}; ` +
            `confidence ${confidence}${confidence === 'low' ? ': the model does not follow the value out of the function' : ''}.`,
          evidence: input.quote.evidence(info.module.path, call.loc),
          key: `resource:${call.enclosing ?? '<module>'}:${call.callee}`,
          symbol: call.enclosing ?? '<module>'
        }
      })
    }
  }
  return out
}
