// Calls that can throw or reject, by language: what fails, with which error, and which handler types
// catch it. A call is matched on the model's CallSite (callee, receiver, `new`, awaited) and on the
// module's imports, so `readFileSync` counts only when it comes from `fs`.
import type { CallSite, ModuleModel } from '../../src/model/types.js'

export type CallKind = 'parse' | 'sync-io' | 'async-io' | 'conversion'

export interface ThrowingCall {
  /** A short name for the operation: `JSON.parse`, `readFileSync`, `int()`. */
  operation: string
  kind: CallKind
  /** The error it throws, as the target language names it. */
  errorType: string
  /** What makes it throw, in words. */
  when: string
  /** Handler types (last dotted segment) that catch it; a handler with no types catches everything. */
  caughtBy: readonly string[]
  /** An argument value that makes it throw, when one always does (for specs). */
  trigger?: { javascript?: unknown; python?: unknown }
}

const FS_MODULES = new Set(['fs', 'node:fs', 'fs-extra', 'graceful-fs'])
const FS_PROMISES = new Set(['fs/promises', 'node:fs/promises'])
const CHILD_PROCESS = new Set(['child_process', 'node:child_process'])
const HTTP_CLIENTS = new Set([
  'axios',
  'got',
  'node-fetch',
  'undici',
  'ky',
  'superagent',
  'cross-fetch'
])
const SYNC_FS = new Set([
  'readFileSync',
  'writeFileSync',
  'appendFileSync',
  'statSync',
  'lstatSync',
  'readdirSync',
  'mkdirSync',
  'unlinkSync',
  'openSync',
  'accessSync',
  'realpathSync',
  'copyFileSync',
  'renameSync',
  'rmSync',
  'rmdirSync',
  'readlinkSync',
  'chmodSync'
])
const ASYNC_FS = new Set([
  'readFile',
  'writeFile',
  'appendFile',
  'stat',
  'lstat',
  'readdir',
  'mkdir',
  'unlink',
  'open',
  'access',
  'realpath',
  'copyFile',
  'rename',
  'rm',
  'rmdir',
  'readlink',
  'chmod',
  'opendir'
])
const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'])

const JS_ANY = ['*']
const PY_VALUE = ['ValueError', 'Exception', 'BaseException']
const PY_OS = [
  'OSError',
  'IOError',
  'EnvironmentError',
  'FileNotFoundError',
  'Exception',
  'BaseException'
]

/** Which module each local binding of a module comes from (`readFileSync` -> `fs`, `fsp` -> `fs/promises`). */
export function importSources(module: ModuleModel): Map<string, string> {
  const map = new Map<string, string>()
  for (const decl of module.imports) {
    for (const n of decl.names) map.set(n.local, decl.source)
    // `import json` / `import os.path` bind their first segment.
    if (decl.names.length === 0) map.set(decl.source.split('.')[0], decl.source)
  }
  return map
}

function from(
  sources: Map<string, string>,
  name: string | undefined,
  set: ReadonlySet<string>
): boolean {
  if (!name) return false
  const source = sources.get(name.split('.')[0])
  return source !== undefined && set.has(source)
}

/** The catalogue entry for a call, or undefined when the call is not known to throw. */
export function throwingCall(
  call: CallSite,
  module: ModuleModel,
  sources: Map<string, string>
): ThrowingCall | undefined {
  return module.language === 'python' ? pythonCall(call, sources) : javascriptCall(call, sources)
}

function javascriptCall(call: CallSite, sources: Map<string, string>): ThrowingCall | undefined {
  const { callee, name, receiver } = call
  if (callee === 'JSON.parse') {
    return {
      operation: 'JSON.parse',
      kind: 'parse',
      errorType: 'SyntaxError',
      when: 'the text is not valid JSON',
      caughtBy: JS_ANY,
      trigger: { javascript: '{not json' }
    }
  }
  if (call.isNew && (callee === 'URL' || callee === 'url.URL')) {
    return {
      operation: 'new URL',
      kind: 'parse',
      errorType: 'TypeError',
      when: 'the string is not an absolute URL',
      caughtBy: JS_ANY,
      trigger: { javascript: 'not a url' }
    }
  }
  if (callee === 'decodeURIComponent' || callee === 'decodeURI') {
    return {
      operation: callee,
      kind: 'parse',
      errorType: 'URIError',
      when: 'the text holds a malformed percent escape',
      caughtBy: JS_ANY,
      trigger: { javascript: '%E0%A4%A' }
    }
  }
  if (callee === 'BigInt' && !call.isNew) {
    return {
      operation: 'BigInt',
      kind: 'conversion',
      errorType: 'SyntaxError',
      when: 'the string is not an integer',
      caughtBy: JS_ANY,
      trigger: { javascript: '1.5x' }
    }
  }
  const fsReceiver =
    receiver !== undefined && (from(sources, receiver, FS_MODULES) || receiver === 'fs')
  if (SYNC_FS.has(name) && (fsReceiver || (!receiver && from(sources, name, FS_MODULES)))) {
    if (missingPathTolerated(call)) return undefined
    return {
      operation: name,
      kind: 'sync-io',
      errorType: 'Error',
      when: 'the path is missing or not accessible (ENOENT, EACCES, EISDIR)',
      caughtBy: JS_ANY
    }
  }
  if (
    (name === 'execSync' || name === 'execFileSync') &&
    (from(sources, receiver, CHILD_PROCESS) || (!receiver && from(sources, name, CHILD_PROCESS)))
  ) {
    return {
      operation: name,
      kind: 'sync-io',
      errorType: 'Error',
      when: 'the command is missing or exits with a non-zero status',
      caughtBy: JS_ANY
    }
  }
  if (!call.awaited) return undefined
  const promisesReceiver =
    receiver !== undefined &&
    (from(sources, receiver, FS_PROMISES) ||
      /^(fs|fse)\.promises$/.test(receiver) ||
      receiver === 'fsp')
  if (ASYNC_FS.has(name) && (promisesReceiver || (!receiver && from(sources, name, FS_PROMISES)))) {
    if (missingPathTolerated(call)) return undefined
    return {
      operation: name,
      kind: 'async-io',
      errorType: 'Error',
      when: 'the path is missing or not accessible (ENOENT, EACCES)',
      caughtBy: JS_ANY
    }
  }
  if (
    callee === 'fetch' ||
    callee === 'globalThis.fetch' ||
    (!receiver && from(sources, name, HTTP_CLIENTS))
  ) {
    return {
      operation: callee,
      kind: 'async-io',
      errorType: 'TypeError',
      when: 'the network fails or the host cannot be reached',
      caughtBy: JS_ANY
    }
  }
  if (receiver && HTTP_VERBS.has(name) && from(sources, receiver, HTTP_CLIENTS)) {
    return {
      operation: callee,
      kind: 'async-io',
      errorType: 'Error',
      when: 'the request fails or the server answers with an error status',
      caughtBy: JS_ANY
    }
  }
  return undefined
}

/** An options object literal sets `key: true` (`{ recursive: true, force: true }`). */
function optionSet(call: CallSite, key: string): boolean {
  return (call.arguments ?? []).some(
    (a) => a.kind === 'object' && new RegExp(`(^|[{,\\s])${key}\\s*:\\s*true\\b`).test(a.text)
  )
}

/**
 * `rmSync(p, { force: true })` ignores a missing path and `mkdirSync(p, { recursive: true })` an existing
 * one (and makes missing parents): the common failure the catalogue names cannot happen; only a
 * permission error is left (judged false on ejs).
 */
function missingPathTolerated(call: CallSite): boolean {
  if (call.name === 'rmSync' || call.name === 'rm') return optionSet(call, 'force')
  if (call.name === 'mkdirSync' || call.name === 'mkdir') return optionSet(call, 'recursive')
  return false
}

function pythonCall(call: CallSite, sources: Map<string, string>): ThrowingCall | undefined {
  const { callee, name, receiver } = call
  if ((callee === 'int' || callee === 'float') && call.args.length > 0) {
    return {
      operation: `${callee}()`,
      kind: 'conversion',
      errorType: 'ValueError',
      when: 'the text is not a number',
      caughtBy: [...PY_VALUE, 'TypeError'],
      trigger: { python: 'not a number' }
    }
  }
  if (
    (name === 'loads' || name === 'load') &&
    (receiver === 'json' || (!receiver && sources.get(name) === 'json'))
  ) {
    return {
      operation: `json.${name}`,
      kind: 'parse',
      errorType: 'json.JSONDecodeError',
      when: 'the text is not valid JSON',
      caughtBy: [...PY_VALUE, 'JSONDecodeError'],
      ...(name === 'loads' ? { trigger: { python: '{not json' } } : {})
    }
  }
  if ((callee === 'open' || callee === 'io.open') && call.args.length > 0) {
    return {
      operation: 'open()',
      kind: 'sync-io',
      errorType: 'OSError',
      when: 'the file is missing or not accessible',
      caughtBy: PY_OS
    }
  }
  if ((name === 'read_text' || name === 'read_bytes') && receiver) {
    return {
      operation: `${name}()`,
      kind: 'sync-io',
      errorType: 'OSError',
      when: 'the file is missing or not accessible',
      caughtBy: PY_OS
    }
  }
  if (
    (name === 'strptime' || name === 'fromisoformat') &&
    receiver &&
    /(^|\.)(datetime|date|time)$/.test(receiver)
  ) {
    return {
      operation: `${receiver.split('.').pop()}.${name}`,
      kind: 'parse',
      errorType: 'ValueError',
      when: 'the text does not match the format',
      caughtBy: PY_VALUE,
      trigger: { python: 'not a date' }
    }
  }
  if (name === 'urlopen' && (receiver === undefined || /(^|\.)request$/.test(receiver))) {
    return {
      operation: 'urlopen',
      kind: 'sync-io',
      errorType: 'urllib.error.URLError',
      when: 'the network fails or the server answers with an error status',
      caughtBy: ['URLError', 'HTTPError', ...PY_OS]
    }
  }
  if (receiver === 'requests' && HTTP_VERBS.has(name)) {
    return {
      operation: callee,
      kind: 'sync-io',
      errorType: 'requests.RequestException',
      when: 'the network fails or times out',
      caughtBy: ['RequestException', 'ConnectionError', 'Timeout', ...PY_OS]
    }
  }
  if (
    call.awaited &&
    receiver &&
    HTTP_VERBS.has(name) &&
    /(client|session|http)$/i.test(receiver)
  ) {
    return {
      operation: callee,
      kind: 'async-io',
      errorType: 'Exception',
      when: 'the network fails or times out',
      caughtBy: ['HTTPError', 'ClientError', 'RequestError', 'TimeoutError', ...PY_OS]
    }
  }
  return undefined
}

/** True when a handler with these types catches an error the catalogue (or a throw) describes. */
export function handlerCatches(types: readonly string[], caughtBy: readonly string[]): boolean {
  if (types.length === 0 || caughtBy.includes('*')) return true
  return types.some((t) => caughtBy.includes(t.split('.').pop() as string))
}
