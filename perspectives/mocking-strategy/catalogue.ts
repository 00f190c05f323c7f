// What counts as a seam: packages and globals by kind. A seam is a dependency on something outside
// the unit's own logic that a test must control: the network, the disk, the clock, randomness, the
// environment, a database, a child process, a third-party SDK. Matched by import specifier (JS:
// `node:` stripped, scoped packages and subpaths; Python: dotted prefixes) and by global callee.

import {
  CHILD_PROCESSES,
  DATABASES_JS,
  DATABASES_PY,
  FILE_SYSTEM,
  HTTP_CLIENTS_JS,
  HTTP_CLIENTS_PY,
  SDKS_JS,
  SDKS_PY
} from '../shared/packages.js'

export type SeamKind =
  'network' | 'filesystem' | 'clock' | 'randomness' | 'environment' | 'database' | 'process' | 'sdk'

export const SEAM_KINDS: readonly SeamKind[] = [
  'network',
  'database',
  'sdk',
  'process',
  'filesystem',
  'clock',
  'randomness',
  'environment'
]

export const SEAM_LABEL: Record<SeamKind, string> = {
  network: 'network',
  filesystem: 'file system',
  clock: 'clock',
  randomness: 'randomness',
  environment: 'environment',
  database: 'database',
  process: 'child process',
  sdk: 'third-party SDK'
}

const list = (kind: SeamKind, names: readonly string[]): [string, SeamKind][] =>
  names.map((n) => [n, kind])

/** Whole packages: every call through an import of them is a seam of that kind. */
const PACKAGES = new Map<string, SeamKind>([
  ...list('network', [
    ...HTTP_CLIENTS_JS,
    'http',
    'https',
    'http2',
    'net',
    'tls',
    'dgram',
    'ws',
    ...HTTP_CLIENTS_PY,
    'socket',
    'websockets'
  ]),
  ...list('database', [...DATABASES_JS, 'redis', 'ioredis', ...DATABASES_PY, 'aioredis']),
  ...list('sdk', [...SDKS_JS, '@actions/github', ...SDKS_PY]),
  ...list('filesystem', [...FILE_SYSTEM, 'pathlib']),
  ...list('process', CHILD_PROCESSES),
  ...list('clock', ['timers', 'timers/promises', 'time', 'datetime']),
  ...list('randomness', ['random', 'uuid', 'nanoid', 'secrets'])
])

/** Python's `os` and JS's `crypto` mix kinds: only these operations count (qualified by module). */
const OPERATIONS = new Map<string, SeamKind>([
  ...list('environment', ['os.getenv', 'os.environ.get', 'os.environ.setdefault', 'os.putenv']),
  ...list('process', [
    'os.system',
    'os.popen',
    'os.execv',
    'os.execvp',
    'os.spawnv',
    'os.posix_spawn'
  ]),
  ...list('filesystem', [
    'os.remove',
    'os.unlink',
    'os.rmdir',
    'os.mkdir',
    'os.makedirs',
    'os.listdir',
    'os.scandir',
    'os.walk',
    'os.rename',
    'os.replace',
    'os.stat',
    'os.open',
    'os.path.exists',
    'os.path.isfile',
    'os.path.isdir',
    'os.path.getsize',
    'os.path.getmtime'
  ]),
  ...list('randomness', [
    'crypto.randomUUID',
    'crypto.randomBytes',
    'crypto.randomInt',
    'crypto.getRandomValues',
    'os.urandom'
  ]),
  ...list('clock', ['os.times'])
])

/** Operations of the time/datetime modules that read the clock (constructing a timedelta does not). */
const PY_CLOCK = new Set([
  'time',
  'time_ns',
  'monotonic',
  'perf_counter',
  'sleep',
  'localtime',
  'gmtime',
  'now',
  'utcnow',
  'today'
])

/** Globals that are seams when not shadowed by an import or a local declaration. */
const GLOBAL_CALLS = new Map<string, SeamKind>([
  ['fetch', 'network'],
  ['Date.now', 'clock'],
  ['performance.now', 'clock'],
  ['setTimeout', 'clock'],
  ['setInterval', 'clock'],
  ['setImmediate', 'clock'],
  ['Math.random', 'randomness'],
  ['crypto.randomUUID', 'randomness'],
  ['crypto.getRandomValues', 'randomness'],
  ['XMLHttpRequest', 'network'],
  ['WebSocket', 'network'],
  ['open', 'filesystem'] // Python builtin open()
])

/** Node built-ins whose names are also Python package prefixes (`http.cookiejar` is no network). */
const EXACT_ONLY = new Set([
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dgram',
  'time',
  'random',
  'socket'
])

/**
 * Python HTTP client packages also export data types (`requests.Request`, `PreparedRequest`, cookie
 * helpers): only these operations send anything.
 */
const PY_HTTP_PACKAGES = new Set([
  'requests',
  'httpx',
  'urllib3',
  'httplib2',
  'aiohttp',
  'urllib.request',
  'http.client'
])
const PY_HTTP_VERBS = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'head',
  'options',
  'request',
  'send',
  'stream',
  'urlopen',
  'urlretrieve',
  'HTTPConnection',
  'HTTPSConnection',
  'PoolManager',
  'ClientSession',
  'Http'
])

/** The seam kind of a package specifier, or undefined. */
export function packageKind(specifier: string): SeamKind | undefined {
  const s = specifier.replace(/^node:/, '')
  const direct = PACKAGES.get(s)
  if (direct) return direct
  for (const [name, kind] of PACKAGES) {
    if (EXACT_ONLY.has(name)) continue
    if (name.endsWith('/') || name.endsWith('.')) {
      if (s.startsWith(name)) return kind
    } else if (s.startsWith(`${name}/`) || s.startsWith(`${name}.`)) return kind
  }
  return undefined
}

/** Calls that make a server (Node's http, https, http2, net and tls; Python's socket). */
const SERVER_FACTORIES: ReadonlySet<string> = new Set([
  'createServer',
  'createSecureServer',
  'create_server',
  'HTTPServer',
  'ThreadingHTTPServer'
])

/**
 * The kind of a call made through an imported binding: `qualified` is the package specifier plus the
 * member path (`os.environ.get`, `time.time`, `datetime.datetime.now`, `crypto.randomUUID`).
 */
export function operationKind(source: string, qualified: string): SeamKind | undefined {
  const s = source.replace(/^node:/, '')
  const op = OPERATIONS.get(qualified.replace(/^node:/, ''))
  if (op) return op
  if (s === 'os' || s === 'os.path' || s === 'crypto' || s === 'path' || s === 'node:path')
    return undefined
  // Making a server is the unit's own inbound side, not a dependency a test fakes: tests reach it
  // through supertest or app.callback() (judged false on koa's Application.listen()).
  if (qualified.split(/[.(]/).some((part) => SERVER_FACTORIES.has(part))) return undefined
  const kind = packageKind(s)
  if (kind === 'clock' && (s === 'time' || s === 'datetime')) {
    const last = qualified.split('.').pop() ?? ''
    return PY_CLOCK.has(last) ? 'clock' : undefined
  }
  const root = Array.from(PY_HTTP_PACKAGES).find((p) => s === p || s.startsWith(`${p}.`))
  if (root) {
    const last = qualified.split('.').pop() ?? ''
    return PY_HTTP_VERBS.has(last) ? 'network' : undefined
  }
  if (s === 'socket') {
    const last = qualified.split('.').pop() ?? ''
    return [
      'socket',
      'create_connection',
      'getaddrinfo',
      'gethostbyname',
      'gethostbyaddr'
    ].includes(last)
      ? 'network'
      : undefined
  }
  if (kind === 'filesystem' && s === 'pathlib') {
    const last = qualified.split('.').pop() ?? ''
    return [
      'read_text',
      'write_text',
      'read_bytes',
      'write_bytes',
      'open',
      'exists',
      'mkdir',
      'unlink',
      'iterdir',
      'glob',
      'rglob',
      'stat'
    ].includes(last)
      ? 'filesystem'
      : undefined
  }
  return kind
}

/** The kind of a call to a global (`fetch`, `Date.now`, `new Date()`), given the language. */
export function globalKind(
  callee: string,
  python: boolean,
  isNew: boolean,
  args: number
): SeamKind | undefined {
  if (isNew && callee === 'Date' && !python) return args === 0 ? 'clock' : undefined
  if (python) return callee === 'open' ? 'filesystem' : undefined
  if (callee === 'open') return undefined
  return GLOBAL_CALLS.get(callee)
}

/** Parameter names that say "this is the seam, passed in": the unit takes its dependency (injected). */
const PARAM_HINTS: [RegExp, SeamKind][] = [
  [
    /^(fetch|fetchImpl|fetchFn|fetcher|http|httpClient|client|session|transport|requester|axios)$/i,
    'network'
  ],
  [/^(fs|filesystem|fileSystem|readFile|writeFile)$/i, 'filesystem'],
  [
    /^(clock|now|timer|timers|timeSource|time_source|getNow|get_now|sleep|scheduler|setTimeout)$/i,
    'clock'
  ],
  [/^(random|rng|rand|random_source|randomSource|idGenerator|genId)$/i, 'randomness'],
  [/^(env|environ|environment)$/i, 'environment'],
  [/^(db|database|pool|knex|prisma|dbConnection|db_connection|dbPool)$/i, 'database'],
  [/^(exec|execFile|spawn|runner|run_command|runCommand|shell|subprocess)$/i, 'process']
]

const TYPE_HINTS: [RegExp, SeamKind][] = [
  [/\b(typeof fetch|Fetch|AxiosInstance|HttpClient|Session|AsyncClient|Agent)\b/, 'network'],
  [/\b(Clock|Timer|typeof Date\.now)\b/, 'clock'],
  [/\b(Random|Rng|RNG)\b/, 'randomness'],
  [/\b(Pool|PoolClient|Connection|Knex|PrismaClient|Db|Database|Engine|Cursor)\b/, 'database'],
  [/\b(ProcessEnv|Environ|Mapping\[str, str\])\b/, 'environment'],
  [/\b(S3Client|DynamoDBClient|Octokit|Stripe|OpenAI|Anthropic|SQSClient|SNSClient)\b/, 'sdk']
]

/** The seam a parameter brings in, from its name, declared type or default value. */
export function parameterKind(
  name: string,
  type: string | undefined,
  defaultValue: string | undefined,
  python: boolean
): SeamKind | undefined {
  for (const [re, kind] of TYPE_HINTS) if (type && re.test(type)) return kind
  if (defaultValue) {
    const d = defaultValue.trim()
    const root = d.split('.')[0]
    const viaGlobal = globalKind(d, python, false, 0) ?? (d === 'Date.now' ? 'clock' : undefined)
    if (viaGlobal) return viaGlobal
    if (
      python &&
      [
        'time.time',
        'time.monotonic',
        'datetime.now',
        'datetime.utcnow',
        'random.random',
        'uuid.uuid4',
        'os.environ',
        'subprocess.run'
      ].includes(d)
    ) {
      return operationKind(root, d) ?? (d === 'os.environ' ? 'environment' : undefined)
    }
    if (!python && d === 'process.env') return 'environment'
  }
  for (const [re, kind] of PARAM_HINTS) if (re.test(name)) return kind
  return undefined
}

/** Third-party packages whose types a test should not mock by hand (wrap them in an adapter you own). */
export function isForeignClientPackage(specifier: string): boolean {
  const kind = packageKind(specifier)
  if (!kind) return false
  const s = specifier.replace(/^node:/, '')
  const builtin = [
    'fs',
    'fs/promises',
    'http',
    'https',
    'http2',
    'net',
    'tls',
    'dgram',
    'child_process',
    'timers',
    'timers/promises',
    'time',
    'datetime',
    'random',
    'os',
    'subprocess',
    'shutil',
    'tempfile',
    'pathlib',
    'socket',
    'secrets',
    'glob',
    'urllib.request',
    'http.client',
    'sqlite3'
  ]
  if (builtin.some((b) => s === b || s.startsWith(`${b}.`) || s.startsWith(`${b}/`))) return false
  return kind === 'sdk' || kind === 'database' || kind === 'network'
}
