// What counts as another system: packages and operations by kind. Imports are matched by their
// specifier (JS: `node:` stripped, scoped packages and subpaths; Python: dotted prefixes), calls by
// the operation they reach through an imported binding (`requests.get`, `fs.promises.readFile`).

import { normaliseSource } from '../shared/product-modules.js'
import {
  CHILD_PROCESSES,
  DATABASES_JS,
  DATABASES_PY,
  FILE_SYSTEM,
  HTTP_CLIENTS_JS,
  HTTP_CLIENTS_PY,
  HTTP_SERVERS,
  SDKS_JS,
  SDKS_PY
} from '../shared/packages.js'

export type PointKind =
  | 'http-client'
  | 'http-server'
  | 'database'
  | 'cache'
  | 'queue'
  | 'cloud'
  | 'filesystem'
  | 'process'
  | 'env'
  | 'clock'

/** Order of kinds in reports and the map. */
export const KINDS: readonly PointKind[] = [
  'http-server',
  'http-client',
  'database',
  'cache',
  'queue',
  'cloud',
  'filesystem',
  'process',
  'env',
  'clock'
]

export const KIND_LABEL: Record<PointKind, string> = {
  'http-client': 'HTTP clients',
  'http-server': 'HTTP servers and routes',
  database: 'Databases and ORMs',
  cache: 'Caches',
  queue: 'Queues',
  cloud: 'Cloud and third-party SDKs',
  filesystem: 'File system',
  process: 'Child processes',
  env: 'Environment variables',
  clock: 'Timers and clock'
}

/** How a package is used: every call through it is a site, or only the operations listed in OPERATIONS. */
interface PackageEntry {
  kind: PointKind
  /** Only operations in OPERATIONS (by qualified name) are sites; the import alone is not a point. */
  opsOnly?: boolean
}

const PACKAGES: ReadonlyMap<string, PackageEntry> = new Map<string, PackageEntry>([
  // HTTP clients
  ...[...HTTP_CLIENTS_JS, ...HTTP_CLIENTS_PY].map(
    (p) => [p, { kind: 'http-client' as PointKind }] as const
  ),
  ['http', { kind: 'http-client', opsOnly: true }],
  ['https', { kind: 'http-client', opsOnly: true }],
  ['http2', { kind: 'http-client', opsOnly: true }],
  // HTTP servers (routes are found separately; the framework import is the point when no route is seen)
  ...[...HTTP_SERVERS, 'tornado', 'aiohttp.web', 'django.urls'].map(
    (p) => [p, { kind: 'http-server' as PointKind }] as const
  ),
  // Databases and ORMs
  ...[
    ...DATABASES_JS,
    '@neondatabase/serverless',
    'cassandra-driver',
    'neo4j-driver',
    ...DATABASES_PY,
    'sqlite3',
    'tortoise',
    'cassandra',
    'neo4j'
  ].map((p) => [p, { kind: 'database' as PointKind }] as const),
  // Caches
  ...['redis', 'ioredis', 'memcached', '@upstash/redis', 'pymemcache', 'aioredis', 'memcache'].map(
    (p) => [p, { kind: 'cache' as PointKind }] as const
  ),
  // Queues
  ...[
    'amqplib',
    'kafkajs',
    'bullmq',
    'bull',
    'bee-queue',
    'nats',
    '@aws-sdk/client-sqs',
    '@aws-sdk/client-sns',
    '@google-cloud/pubsub',
    'celery',
    'pika',
    'aio_pika',
    'kafka',
    'confluent_kafka',
    'aiokafka',
    'rq',
    'kombu',
    'dramatiq'
  ].map((p) => [p, { kind: 'queue' as PointKind }] as const),
  // Cloud and third-party SDKs (prefix entries end in '/' or '.')
  ...[...SDKS_JS, 'firebase', ...SDKS_PY].map((p) => [p, { kind: 'cloud' as PointKind }] as const),
  // File system
  ...FILE_SYSTEM.map((p) => [p, { kind: 'filesystem' as PointKind }] as const),
  ['pathlib', { kind: 'filesystem', opsOnly: true }],
  // Child processes
  ...CHILD_PROCESSES.map((p) => [p, { kind: 'process' as PointKind }] as const),
  // Mixed modules: only listed operations count
  ['os', { kind: 'filesystem', opsOnly: true }],
  ['os.path', { kind: 'filesystem', opsOnly: true }],
  ['time', { kind: 'clock', opsOnly: true }],
  ['datetime', { kind: 'clock', opsOnly: true }],
  ['timers', { kind: 'clock' }],
  ['timers/promises', { kind: 'clock' }],
  ['dotenv', { kind: 'env' }]
])

/** Operations of mixed modules, by qualified name; the kind may differ from the package's. */
const OPERATIONS: ReadonlyMap<string, PointKind> = new Map<string, PointKind>([
  ...['request', 'get'].flatMap((op) =>
    ['http', 'https'].map((m) => [`${m}.${op}`, 'http-client'] as const)
  ),
  ['http2.connect', 'http-client'],
  ...['createServer', 'createSecureServer'].flatMap((op) =>
    ['http', 'https', 'http2'].map((m) => [`${m}.${op}`, 'http-server'] as const)
  ),
  ...[
    'system',
    'popen',
    'execv',
    'execvp',
    'execve',
    'execl',
    'execlp',
    'spawnl',
    'spawnv',
    'spawnvp',
    'posix_spawn',
    'startfile'
  ].map((op) => [`os.${op}`, 'process'] as const),
  ...['getenv', 'environ.get', 'environ.setdefault', 'putenv'].map(
    (op) => [`os.${op}`, 'env'] as const
  ),
  ...[
    'remove',
    'unlink',
    'rmdir',
    'removedirs',
    'mkdir',
    'makedirs',
    'listdir',
    'scandir',
    'walk',
    'rename',
    'renames',
    'replace',
    'stat',
    'lstat',
    'chmod',
    'chown',
    'open',
    'symlink',
    'link',
    'truncate',
    'utime'
  ].map((op) => [`os.${op}`, 'filesystem'] as const),
  ...[
    'exists',
    'isfile',
    'isdir',
    'islink',
    'getsize',
    'getmtime',
    'getctime',
    'getatime',
    'lexists',
    'samefile'
  ].map((op) => [`os.path.${op}`, 'filesystem'] as const),
  ...[
    'time',
    'time_ns',
    'monotonic',
    'monotonic_ns',
    'perf_counter',
    'sleep',
    'localtime',
    'gmtime',
    'strftime'
  ].map((op) => [`time.${op}`, 'clock'] as const),
  ...['datetime.now', 'datetime.utcnow', 'datetime.today', 'date.today'].map(
    (op) => [`datetime.${op}`, 'clock'] as const
  )
])

/** pathlib methods that touch the disk (constructing a Path does not). */
export const PATHLIB_IO: ReadonlySet<string> = new Set([
  'read_text',
  'write_text',
  'read_bytes',
  'write_bytes',
  'iterdir',
  'rglob',
  'touch',
  'unlink',
  'mkdir',
  'rmdir',
  'exists',
  'is_file',
  'is_dir',
  'open',
  'glob',
  'stat',
  'rename',
  'replace'
])

/** Calls that need no import. */
export const GLOBAL_CALLS: ReadonlyMap<
  string,
  { kind: PointKind; system: string; languages: 'js' | 'python' }
> = new Map([
  ['fetch', { kind: 'http-client' as PointKind, system: 'fetch', languages: 'js' as const }],
  ['setTimeout', { kind: 'clock' as PointKind, system: 'timers', languages: 'js' as const }],
  ['setInterval', { kind: 'clock' as PointKind, system: 'timers', languages: 'js' as const }],
  ['setImmediate', { kind: 'clock' as PointKind, system: 'timers', languages: 'js' as const }],
  ['Date.now', { kind: 'clock' as PointKind, system: 'Date', languages: 'js' as const }],
  ['open', { kind: 'filesystem' as PointKind, system: 'open()', languages: 'python' as const }]
])

/** Request-making operations of HTTP clients, for the timeout check: qualified name -> how a timeout is given. */
export const HTTP_REQUEST_OPS: ReadonlyMap<string, 'option' | 'keyword'> = new Map([
  ['fetch', 'option'],
  ['node-fetch', 'option'],
  ['axios', 'option'],
  ...['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'].flatMap((m) => [
    [`axios.${m}`, 'option'] as const,
    [`got.${m}`, 'option'] as const,
    [`requests.${m}`, 'keyword'] as const
  ]),
  ['got', 'option'],
  ['http.request', 'option'],
  ['http.get', 'option'],
  ['https.request', 'option'],
  ['https.get', 'option'],
  ['urllib.request.urlopen', 'keyword']
])

/** Packages whose presence means environment values are validated against a schema. */
export const ENV_VALIDATORS: ReadonlySet<string> = new Set([
  'zod',
  'envalid',
  'joi',
  'yup',
  'valibot',
  '@t3-oss/env-core',
  '@t3-oss/env-nextjs',
  'env-var',
  'convict',
  'pydantic',
  'pydantic_settings',
  'environs',
  'decouple',
  'environ'
])

export { normaliseSource }

/** The catalogue entry for an import specifier, and the package name it matched. */
export function packageOf(source: string): { name: string; entry: PackageEntry } | undefined {
  const s = normaliseSource(source)
  const exact = PACKAGES.get(s)
  if (exact) return { name: s, entry: exact }
  // JS subpaths (`fs/promises` is listed; `lodash/x` falls to `lodash`), scoped packages, Python dotted prefixes.
  const jsHead = s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]
  const head = PACKAGES.get(jsHead)
  if (head) return { name: jsHead, entry: head }
  for (const [name, entry] of PACKAGES) {
    if ((name.endsWith('/') || name.endsWith('.')) && s.startsWith(name))
      return { name: s.startsWith('@') ? jsHead : name.slice(0, -1), entry }
  }
  const parts = s.split('.')
  for (let n = parts.length - 1; n >= 1; n--) {
    const prefix = parts.slice(0, n).join('.')
    const entry = PACKAGES.get(prefix)
    if (entry) return { name: prefix, entry }
  }
  return undefined
}

/** The kind of an operation of a mixed module (`os.system`), if it is one that counts. */
export function operationKind(qualified: string): PointKind | undefined {
  return OPERATIONS.get(qualified)
}
