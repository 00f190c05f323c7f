// "A real database in CI": a GitHub Actions job with a service container for each database, cache or
// broker the code talks to, exporting TEST_DATABASE_URL (and friends) for the contract specs.
import type { PackageManifest } from '../../src/model/types.js'
import type { SpecDraft } from '../../src/specs/types.js'
import type { IntegrationPoint } from './detect.js'

interface Service {
  name: string
  lines: string[]
  env: [string, string][]
}

const POSTGRES: Service = {
  name: 'postgres',
  lines: [
    '      postgres:',
    '        image: postgres:17',
    '        env:',
    '          POSTGRES_PASSWORD: postgres',
    '          POSTGRES_DB: contract',
    "        ports: ['5432:5432']",
    '        options: >-',
    '          --health-cmd "pg_isready -U postgres" --health-interval 5s --health-timeout 5s --health-retries 10'
  ],
  env: [['TEST_DATABASE_URL', 'postgres://postgres:postgres@127.0.0.1:5432/contract']]
}
const MYSQL: Service = {
  name: 'mysql',
  lines: [
    '      mysql:',
    '        image: mysql:8.4',
    '        env:',
    '          MYSQL_ROOT_PASSWORD: mysql',
    '          MYSQL_DATABASE: contract',
    "        ports: ['3306:3306']",
    '        options: >-',
    '          --health-cmd "mysqladmin ping -h 127.0.0.1 -pmysql" --health-interval 5s --health-timeout 5s --health-retries 20'
  ],
  env: [['TEST_DATABASE_URL', 'mysql://root:mysql@127.0.0.1:3306/contract']]
}
const MONGO: Service = {
  name: 'mongo',
  lines: ['      mongo:', '        image: mongo:8', "        ports: ['27017:27017']"],
  env: [['TEST_DATABASE_URL', 'mongodb://127.0.0.1:27017/contract']]
}
const REDIS: Service = {
  name: 'redis',
  lines: [
    '      redis:',
    '        image: redis:7',
    "        ports: ['6379:6379']",
    '        options: --health-cmd "redis-cli ping" --health-interval 5s --health-timeout 5s --health-retries 10'
  ],
  env: [['TEST_REDIS_URL', 'redis://127.0.0.1:6379/0']]
}
const RABBIT: Service = {
  name: 'rabbitmq',
  lines: [
    '      rabbitmq:',
    '        image: rabbitmq:4',
    "        ports: ['5672:5672']",
    '        options: --health-cmd "rabbitmq-diagnostics -q ping" --health-interval 10s --health-timeout 10s --health-retries 10'
  ],
  env: [['TEST_AMQP_URL', 'amqp://guest:guest@127.0.0.1:5672']]
}

const BY_SYSTEM: ReadonlyMap<string, Service> = new Map([
  ...[
    'pg',
    'pg-promise',
    'postgres',
    'psycopg',
    'psycopg2',
    'asyncpg',
    '@neondatabase/serverless'
  ].map((s) => [s, POSTGRES] as const),
  ...['mysql', 'mysql2', 'pymysql', 'MySQLdb', 'mysql.connector'].map((s) => [s, MYSQL] as const),
  ...['mongodb', 'mongoose', 'pymongo', 'motor'].map((s) => [s, MONGO] as const),
  ...['redis', 'ioredis', 'aioredis', 'bullmq', 'bull', 'bee-queue', 'rq'].map(
    (s) => [s, REDIS] as const
  ),
  ...['amqplib', 'pika', 'aio_pika'].map((s) => [s, RABBIT] as const)
])

/** Steps that install and run the tests, from the root manifests; a pointer when none says how. */
function testSteps(manifests: PackageManifest[]): string[] {
  const node = manifests.find(
    (m) => m.kind === 'package.json' && !m.path.includes('/') && m.scripts.test
  )
  const python = manifests.find(
    (m) =>
      !m.path.includes('/') &&
      ['pyproject.toml', 'setup.cfg', 'setup.py', 'requirements'].includes(m.kind)
  )
  const steps: string[] = []
  if (node)
    steps.push(
      '      - uses: actions/setup-node@v5 # pin: replace the tag with the full commit SHA of that release',
      '        with:',
      "          node-version: 'lts/*'",
      '      - run: npm ci',
      '      - run: npm test'
    )
  if (python) {
    steps.push(
      '      - uses: actions/setup-python@v5 # pin: replace the tag with the full commit SHA of that release',
      '        with:',
      "          python-version: '3.x'"
    )
    steps.push(
      python.kind === 'requirements'
        ? `      - run: python -m pip install -r ${python.path} pytest`
        : '      - run: python -m pip install -e . pytest',
      '      - run: python -m pytest'
    )
  }
  if (steps.length === 0)
    steps.push('      # Install the dependencies and run the contract specs here.')
  return steps
}

export function servicesWorkflow(
  points: IntegrationPoint[],
  manifests: PackageManifest[]
): SpecDraft | undefined {
  const found = new Map<string, { service: Service; systems: Set<string>; modules: Set<string> }>()
  for (const p of points) {
    const service = BY_SYSTEM.get(p.system)
    if (!service) continue
    const entry = found.get(service.name) ?? {
      service,
      systems: new Set<string>(),
      modules: new Set<string>()
    }
    entry.systems.add(p.system)
    entry.modules.add(p.module)
    found.set(service.name, entry)
  }
  if (found.size === 0) return undefined
  const services = [...found.values()].sort((a, b) => a.service.name.localeCompare(b.service.name))
  // Only one service may own TEST_DATABASE_URL: the first database in name order.
  const env = new Map<string, string>()
  for (const s of services) for (const [k, v] of s.service.env) if (!env.has(k)) env.set(k, v)
  const names = services.map((s) => s.service.name)
  const content = [
    `# Contract tests against real ${names.join(', ')} (service containers), for the integration-points specs.`,
    'name: Contract tests',
    'on:',
    '  push:',
    '  pull_request:',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  contract:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 20',
    '    services:',
    ...services.flatMap((s) => s.service.lines),
    '    env:',
    ...[...env].map(([k, v]) => `      ${k}: ${v}`),
    '    steps:',
    '      - uses: actions/checkout@v5 # pin: replace the tag with the full commit SHA of that release',
    ...testSteps(manifests),
    ''
  ].join('\n')
  const systems = services.flatMap((s) => [...s.systems]).sort()
  const modules = [...new Set(services.flatMap((s) => [...s.modules]))].sort()
  return {
    key: 'services',
    title: `CI job with ${names.join(', ')} service containers for contract tests`,
    level: 'integration',
    target: { file: '.github/workflows/contract-tests.yml' },
    rationale: `${modules.length} module(s) talk to ${systems.join(', ')}; contract tests need the real thing, started fresh for each run.`,
    covers: [],
    expected: `The job starts ${names.join(', ')} and exports ${[...env.keys()].join(', ')}, so the database contract specs run against real servers.`,
    priority: 'P2',
    body: {
      kind: 'file',
      fileName: '.github/workflows/contract-tests.yml',
      language: 'yaml',
      content
    }
  }
}
