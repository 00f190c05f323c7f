// The programs that call a unit with concrete inputs in a child process and write what happened as
// JSON: the return value when it is plain data, or the error's type and message. Both trap what
// cannot be observed safely (network, file writes, subprocesses, process exit) and note clock and
// randomness reads, so the caller can mark the spec plan-only instead of writing a value that will
// not hold. Arguments are rendered by the spec renderers' own value writers (values.ts).
import type { CallSpecBody } from '../specs/types.js'
import { jsString, pyString, renderJsValue, renderPyValue } from '../specs/values.js'
import { pythonModuleName } from '../specs/paths.js'

export interface ObservedCase {
  name: string
  outcome:
    | { kind: 'returns'; value: unknown; async: boolean }
    | { kind: 'throws'; errorType: string | null; message: string; async: boolean }
    | { kind: 'unplain'; what: string }
    /** Python: an instance of a class the project defines; `truthy` when the class defines `__bool__`/`__len__`. */
    | { kind: 'instance'; type: string; truthy: boolean | null; async: boolean }
}

export interface ObserverOutput {
  cases: ObservedCase[]
  /** What the calls touched that makes the result unsafe or unrepeatable: `network`, `clock`, ... */
  touched: string[]
}

export const JS_PRELUDE = String.raw`
import fs from 'node:fs'
import net from 'node:net'
import http from 'node:http'
import https from 'node:https'
import childProcess from 'node:child_process'
import { syncBuiltinESMExports } from 'node:module'
const touched = new Set()
const realExit = process.exit.bind(process)
const realWrite = fs.writeFileSync
const OUT = process.env.TP_OBSERVE_OUT
class Blocked extends Error {}
const block = (what) => function () { touched.add(what); throw new Blocked('test-planning: ' + what + ' is not observed') }
for (const name of ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'mkdir', 'mkdirSync', 'rm', 'rmSync', 'unlink', 'unlinkSync', 'rename', 'renameSync', 'createWriteStream', 'copyFile', 'copyFileSync', 'rmdir', 'rmdirSync', 'truncate', 'truncateSync']) fs[name] = block('file writes')
for (const name of ['writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename', 'copyFile', 'rmdir', 'truncate']) fs.promises[name] = block('file writes')
net.Socket.prototype.connect = block('network')
net.connect = net.createConnection = block('network')
http.request = http.get = https.request = https.get = block('network')
globalThis.fetch = block('network')
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) childProcess[name] = block('subprocesses')
process.exit = block('process exit')
process.kill = block('process signals')
const realNow = Date.now
Date.now = () => { touched.add('clock'); return realNow() }
const realRandom = Math.random
Math.random = () => { touched.add('randomness'); return realRandom() }
syncBuiltinESMExports()
const BUILTIN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError'])
function plain(v, depth) {
  if (depth > 20) throw new Error('nested too deep')
  if (v === undefined) return { $special: 'undefined' }
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { $special: 'NaN' }
    if (v === Infinity) return { $special: 'Infinity' }
    if (v === -Infinity) return { $special: '-Infinity' }
    if (Object.is(v, -0)) return { $special: '-0' }
    return v
  }
  if (typeof v === 'bigint') return { $code: { javascript: String(v) + 'n' } }
  if (v instanceof Date) { if (Number.isNaN(v.getTime())) throw new Error('an invalid Date'); return { $date: v.toISOString() } }
  if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1))
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v)
    if (proto !== Object.prototype && proto !== null) throw new Error('an instance of ' + (v.constructor?.name ?? 'a class'))
    const out = {}
    for (const [k, x] of Object.entries(v)) { if (k.startsWith('$')) throw new Error('a key starting with $'); out[k] = plain(x, depth + 1) }
    return out
  }
  throw new Error('a ' + typeof v)
}
function errorType(error, mod) {
  const name = error?.constructor?.name
  if (!name) return null
  if (BUILTIN_ERRORS.has(name) && globalThis[name] === error.constructor) return name
  return Object.values(mod).includes(error.constructor) ? name : null
}
function finish(cases) {
  realWrite(OUT, JSON.stringify({ cases, touched: [...touched] }))
  realExit(0)
}
`

/** A Node ESM program calling `body`'s symbol from `moduleUrl` once per case. */
export function nodeObserver(body: CallSpecBody, moduleUrl: string): string {
  if (body.instance)
    throw new Error(`spec body for '${body.symbol}': method rows on an instance are Python only`)
  // A default export is named after its function in the model (`export default function f`).
  const named = jsString(body.symbol)
  const callee =
    body.symbol === 'default'
      ? 'mod.default'
      : `(${named} in mod ? mod[${named}] : typeof mod.default === 'function' && mod.default.name === ${named} ? mod.default : undefined)`
  const cases = body.cases
    .map((c) => `  [${jsString(c.name)}, () => [${c.args.map(renderJsValue).join(', ')}]]`)
    .join(',\n')
  return `${JS_PRELUDE}
const mod = await import(${jsString(moduleUrl)})
// A clock or random read while the module loads is no part of what a call returns (an unsteady value still shows in the second run).
touched.delete('clock')
touched.delete('randomness')
const subject = ${callee}
const rows = [
${cases}
]
const cases = []
for (const [name, args] of rows) {
  let value
  let async = false
  try {
    if (typeof subject !== 'function') throw new Blocked('not callable')
    value = ${body.construct ? '{ ...new subject(...args()) }' : 'subject(...args())'}
    if (value && typeof value.then === 'function') { async = true; value = await value }
  } catch (error) {
    if (error instanceof Blocked) { cases.push({ name, outcome: { kind: 'unplain', what: error.message } }); continue }
    cases.push({ name, outcome: { kind: 'throws', errorType: errorType(error, mod), message: String(error?.message ?? error), async } })
    continue
  }
  try {
    const shown = plain(value, 0)
    if (JSON.stringify(shown).length > 2000) throw new Error('too large to write as a literal')
    cases.push({ name, outcome: { kind: 'returns', value: shown, async } })
  } catch (why) {
    cases.push({ name, outcome: { kind: 'unplain', what: String(why.message) } })
  }
}
finish(cases)
`
}

export const PY_PRELUDE = String.raw`
import builtins, importlib, importlib.util, json, math, os, random, socket, subprocess, sys, time
_touched = set()
# The temporary folder, found now: finding it writes and removes a probe file, which the traps below forbid.
import tempfile
tempfile.gettempdir()
_real_open = builtins.open
_out = os.environ['TP_OBSERVE_OUT']
_real_exit = os._exit
class _Blocked(BaseException):
    pass
def _block(what):
    def f(*a, **k):
        _touched.add(what)
        raise _Blocked('test-planning: ' + what + ' is not observed')
    return f
def _open(file, mode='r', *a, **k):
    # The null device takes writes and keeps nothing (dill opens it 'r+b' when imported).
    if any(c in mode for c in 'wax+') and file != os.devnull:
        _block('file writes')()
    return _real_open(file, mode, *a, **k)
builtins.open = _open
for _n in ('remove', 'unlink', 'rename', 'replace', 'mkdir', 'makedirs', 'rmdir', 'system', 'kill'):
    setattr(os, _n, _block('file writes' if _n not in ('system', 'kill') else 'subprocesses'))
os._exit = _block('process exit')
socket.socket.connect = _block('network')
socket.create_connection = _block('network')
subprocess.Popen = _block('subprocesses')
_real_time = time.time
def _time():
    _touched.add('clock')
    return _real_time()
time.time = _time
_real_random = random.random
def _random():
    _touched.add('randomness')
    return _real_random()
random.random = _random
_BUILTIN = set(n for n in dir(builtins) if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException))
def _plain(v, depth=0):
    if depth > 20:
        raise ValueError('nested too deep')
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        if abs(v) > 2**53:
            return {'$code': {'python': repr(v)}}
        return v
    if isinstance(v, float):
        if math.isnan(v):
            return {'$special': 'NaN'}
        if math.isinf(v):
            return {'$special': 'Infinity' if v > 0 else '-Infinity'}
        if v == 0 and math.copysign(1, v) < 0:
            return {'$special': '-0'}
        return v
    if type(v) is list:
        return [_plain(x, depth + 1) for x in v]
    if type(v) is tuple:
        for x in v:
            _plain(x, depth + 1)
        return {'$code': {'python': repr(v)}}
    if type(v) is dict:
        out = {}
        for k, x in v.items():
            if not isinstance(k, str) or k.startswith('$'):
                raise ValueError('a dict key that is not a plain string')
            out[k] = _plain(x, depth + 1)
        return out
    raise ValueError('a ' + type(v).__name__)
def _instance(v):
    # An instance of a class the project defines (not the standard library's nor an installed package's).
    t = type(v)
    owner = sys.modules.get(getattr(t, '__module__', '') or '')
    if owner is None or owner.__name__ == 'builtins' or getattr(owner, t.__name__, None) is not t:
        return None
    path = os.path.abspath(getattr(owner, '__file__', None) or '')
    if not path or 'site-packages' in path or path.startswith(os.path.abspath(sys.base_prefix)):
        return None
    truthy = None
    if any('__bool__' in vars(k) or '__len__' in vars(k) for k in t.__mro__[:-1]):
        try:
            truthy = bool(v)
        except Exception:
            return None
    return {'kind': 'instance', 'type': t.__name__, 'truthy': truthy, 'async': False}
def _error_type(e, mod):
    t = type(e)
    if t.__name__ in _BUILTIN and getattr(builtins, t.__name__) is t:
        return t.__name__
    return t.__name__ if getattr(mod, t.__name__, None) is t else None
`

/**
 * `_subject()`: what a case calls. A function or class by name; a method on a new instance when the
 * body names one (`Cls(*instance).method`), made inside the case so its error is the case's outcome.
 */
function pySubject(body: CallSpecBody, imports: Set<string>): string {
  if (!body.instance)
    return `def _subject():\n    return getattr(mod, ${pyString(body.symbol)}, None)`
  const [owner, member] = body.symbol.split('.')
  const made = body.instance.map((a) => renderPyValue(a, imports)).join(', ')
  return [
    'def _subject():',
    `    owner = getattr(mod, ${pyString(owner)}, None)`,
    '    if not callable(owner):',
    '        return None',
    `    return getattr(owner(${made}), ${pyString(member ?? '')}, None)`
  ].join('\n')
}

/** A Python program calling `body`'s symbol once per case (module imported by name, or by path). */
export function pythonObserver(body: CallSpecBody, root: string): string {
  const imports = new Set<string>()
  const rows = body.cases
    .map(
      (c) =>
        `    (${pyString(c.name)}, lambda: [${c.args.map((a) => renderPyValue(a, imports)).join(', ')}]),`
    )
    .join('\n')
  const subject = pySubject(body, imports)
  const dotted = pythonModuleName(body.module)
  const load = dotted
    ? `mod = importlib.import_module(${pyString(dotted)})`
    : `_spec = importlib.util.spec_from_file_location('module_under_test', os.path.join(${pyString(root)}, ${pyString(body.module)}))\nmod = importlib.util.module_from_spec(_spec)\n_spec.loader.exec_module(mod)`
  return `${PY_PRELUDE}
${[...imports].join('\n')}
${load}
# A clock or random read while the module loads (logging does) is no part of what a call returns.
_touched.discard('clock')
_touched.discard('randomness')
${subject}
rows = [
${rows}
]
cases = []
for name, args in rows:
    try:
        target = _subject()
        if not callable(target):
            raise _Blocked('not callable')
        value = target(*args())
        if hasattr(value, '__await__'):
            import asyncio
            value = asyncio.run(value)
        ${body.construct ? 'value = dict(vars(value))' : 'pass'}
    except _Blocked as b:
        cases.append({'name': name, 'outcome': {'kind': 'unplain', 'what': str(b)}})
        continue
    except SystemExit:
        _touched.add('process exit')
        cases.append({'name': name, 'outcome': {'kind': 'unplain', 'what': 'process exit'}})
        continue
    except Exception as e:
        cases.append({'name': name, 'outcome': {'kind': 'throws', 'errorType': _error_type(e, mod), 'message': str(e), 'async': False}})
        continue
    try:
        shown = _plain(value)
        if len(json.dumps(shown)) > 2000:
            raise ValueError('too large to write as a literal')
        cases.append({'name': name, 'outcome': {'kind': 'returns', 'value': shown, 'async': False}})
    except ValueError as why:
        seen = _instance(value)
        cases.append({'name': name, 'outcome': seen or {'kind': 'unplain', 'what': str(why)}})
with _real_open(_out, 'w') as f:
    json.dump({'cases': cases, 'touched': sorted(_touched)}, f)
sys.stdout.flush()
_real_exit(0)
`
}
