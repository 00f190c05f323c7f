// Synchronous I/O and child processes on asynchronous paths: inside an async function (JS or Python
// `async def`), or inside an HTTP request handler (a function passed to `app.get('/x', ...)`). While a
// blocking call waits, the event loop serves nobody else.
import type { CallSite, FunctionDecl, ModuleModel } from '../../src/model/types.js'
import { stringLiteralValue } from '../shared/literals.js'
import type { Confidence, Severity } from '../types.js'
import { type Found, type ModuleInput, enclosingChain } from './context.js'
import { contains, shorten } from './regions.js'

/** Node's blocking calls and what they wait for. */
const JS_BLOCKING: Record<string, string> = {
  readFileSync: 'the disk',
  writeFileSync: 'the disk',
  appendFileSync: 'the disk',
  existsSync: 'the disk',
  statSync: 'the disk',
  lstatSync: 'the disk',
  readdirSync: 'the disk',
  mkdirSync: 'the disk',
  rmSync: 'the disk',
  rmdirSync: 'the disk',
  unlinkSync: 'the disk',
  copyFileSync: 'the disk',
  renameSync: 'the disk',
  accessSync: 'the disk',
  openSync: 'the disk',
  readSync: 'the disk',
  writeSync: 'the disk',
  realpathSync: 'the disk',
  cpSync: 'the disk',
  execSync: 'a child process to finish',
  execFileSync: 'a child process to finish',
  spawnSync: 'a child process to finish',
  pbkdf2Sync: 'a key derivation (CPU)',
  scryptSync: 'a key derivation (CPU)',
  gzipSync: 'compression (CPU)',
  gunzipSync: 'compression (CPU)',
  deflateSync: 'compression (CPU)',
  inflateSync: 'compression (CPU)',
  brotliCompressSync: 'compression (CPU)',
  brotliDecompressSync: 'compression (CPU)'
}
const JS_PROCESS = new Set(['execSync', 'execFileSync', 'spawnSync'])

/** Python blocking calls by callee (as written) and what they wait for. */
const PY_BLOCKING: Record<string, string> = {
  open: 'the disk',
  'time.sleep': 'a timer',
  'os.system': 'a child process to finish',
  'subprocess.run': 'a child process to finish',
  'subprocess.call': 'a child process to finish',
  'subprocess.check_call': 'a child process to finish',
  'subprocess.check_output': 'a child process to finish',
  'urllib.request.urlopen': 'the network',
  urlopen: 'the network',
  'shutil.copy': 'the disk',
  'shutil.copyfile': 'the disk',
  'shutil.copytree': 'the disk',
  'shutil.rmtree': 'the disk'
}
const PY_HTTP_MODULES = new Set(['requests', 'httpx'])
const PY_HTTP_VERBS = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'head',
  'options',
  'request'
])
const PY_PATH_IO = new Set(['read_text', 'write_text', 'read_bytes', 'write_bytes'])

const HTTP_VERBS = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'del',
  'head',
  'options',
  'all',
  'use',
  'route'
])
const ROUTER_RECEIVERS = /^(app|router|server|api|routes|route|fastify|r|v1|admin)$/i

/** What a call blocks on, or undefined when it does not block. */
function blockingResource(call: CallSite, python: boolean): string | undefined {
  if (!python) {
    return Object.hasOwn(JS_BLOCKING, call.name) && !call.isNew ? JS_BLOCKING[call.name] : undefined
  }
  if (Object.hasOwn(PY_BLOCKING, call.callee)) return PY_BLOCKING[call.callee]
  const [head, verb] = call.callee.split('.')
  if (call.callee.split('.').length === 2 && PY_HTTP_MODULES.has(head) && PY_HTTP_VERBS.has(verb))
    return 'the network'
  if (PY_PATH_IO.has(call.name) && call.receiver !== undefined) return 'the disk'
  return undefined
}

interface Handler {
  fn?: FunctionDecl
  /** The registering call's loc: anonymous handlers have no FunctionDecl; their code is inside the call. */
  call: CallSite
  route: string
}

/** Functions passed to `app.get('/path', ...)`-style registrations, and the route text. */
function requestHandlers(module: ModuleModel): Handler[] {
  const handlers: Handler[] = []
  for (const call of module.calls) {
    if (!HTTP_VERBS.has(call.name) || !call.receiver || call.args.length < 2) continue
    const path = stringLiteralValue(call.args[0])
    const routed = path !== undefined ? path.startsWith('/') : false
    if (!routed && !(call.name === 'use' && ROUTER_RECEIVERS.test(call.receiver))) continue
    if (!ROUTER_RECEIVERS.test(call.receiver.split('.').pop() ?? '') && !routed) continue
    handlers.push({
      call,
      route: `${call.name === 'del' ? 'DELETE' : call.name.toUpperCase()} ${path ?? '(middleware)'}`
    })
  }
  return handlers
}

export function syncIoOnAsyncPath(input: ModuleInput, cliModule: boolean): Found[] {
  const { module, regions, quote } = input
  const python = module.language === 'python'
  const handlers = python ? [] : requestHandlers(module)
  const found: Found[] = []
  const counts = new Map<string, number>()
  for (const call of module.calls) {
    const resource = blockingResource(call, python)
    if (resource === undefined || call.awaited) continue
    const chain = enclosingChain(regions.functions, call.enclosing)
    const handler = handlers.find((h) => h.call !== call && contains(h.call.loc, call.loc))
    const asyncFn = chain.find((f) => f.async)
    if (!handler && !asyncFn) continue
    const where = handler
      ? `the request handler for ${handler.route}`
      : `async ${asyncFn?.kind === 'method' ? 'method' : 'function'} ${asyncFn?.qualifiedName}`
    const process = JS_PROCESS.has(call.name) || resource.startsWith('a child process')
    let severity: Severity = handler || process ? 'high' : 'medium'
    let confidence: Confidence =
      asyncFn && call.enclosing === asyncFn.qualifiedName ? 'high' : 'medium'
    if (handler) confidence = 'high'
    // A command-line tool serves one user: blocking there costs little.
    if (cliModule && !handler) {
      severity = 'low'
      confidence = 'low'
    }
    const symbol = handler ? handler.route : (asyncFn?.qualifiedName ?? '')
    const key = `syncio:${symbol}:${call.callee}`
    const n = (counts.get(key) ?? 0) + 1
    counts.set(key, n)
    found.push({
      draft: {
        messageId: 'syncIoOnAsyncPath',
        data: {
          callee: shorten(call.callee, 40),
          where,
          file: module.path,
          resource,
          advice: python
            ? advicePython(call)
            : process
              ? 'Use the async child_process API (execFile/spawn with a promise) instead.'
              : `Use the promise form (fs/promises ${call.name.replace(/Sync$/, '')}) instead.`
        },
        severity,
        confidence,
        rationale:
          (handler
            ? 'Every request waits behind this call, so one slow disk or process stalls all clients'
            : `${where} runs on the event loop, which this call stops`) +
          (cliModule && !handler
            ? '; the module is a command-line entry point, where that matters little.'
            : '.'),
        evidence: quote.evidence(module.path, {
          startLine: call.loc.startLine,
          endLine: call.loc.startLine
        }),
        key: n === 1 ? key : `${key}#${n}`,
        symbol,
        tags: ['latency', 'event-loop']
      }
    })
  }
  return found
}

function advicePython(call: CallSite): string {
  if (call.callee === 'time.sleep') return 'Use `await asyncio.sleep(...)`.'
  if (call.callee === 'open' || PY_PATH_IO.has(call.name) || call.callee.startsWith('shutil.')) {
    return 'Move it to a thread (`await asyncio.to_thread(...)`) or use an async file library such as aiofiles.'
  }
  if (
    call.callee.startsWith('requests.') ||
    call.callee.startsWith('httpx.') ||
    call.callee.includes('urlopen')
  ) {
    return 'Use an async client (httpx.AsyncClient, aiohttp) and await it.'
  }
  return 'Use `asyncio.create_subprocess_exec` or move it to a thread with `asyncio.to_thread`.'
}
