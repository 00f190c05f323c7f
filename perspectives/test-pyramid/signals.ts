// What a test touches, read from its imports and calls: the vocabulary that classifies a test file
// as unit, integration or end-to-end. Library names are matched on the import specifier (without a
// `node:` prefix) or its first segment (`@playwright/test`, `selenium.webdriver`).

export type Level = 'unit' | 'integration' | 'e2e'
export type Touch =
  | 'browser'
  | 'server'
  | 'http-app'
  | 'database'
  | 'container'
  | 'network'
  | 'filesystem'
  | 'process'

export const LEVEL_RANK: Record<Level, number> = { unit: 0, integration: 1, e2e: 2 }

export const TOUCH_WORDS: Record<Touch, string> = {
  browser: 'drives a browser',
  server: 'starts a server',
  'http-app': 'sends HTTP requests to the app',
  database: 'uses a real database client',
  container: 'starts containers',
  network: 'calls the network',
  filesystem: 'writes files',
  process: 'runs child processes'
}

/** What a test would need a fake for to run as a unit test. */
export const TOUCH_FAKES: Record<Touch, string> = {
  browser: 'a browser',
  server: 'a listening server',
  'http-app': 'the HTTP stack',
  database: 'a database',
  container: 'containers',
  network: 'the network',
  filesystem: 'the file system',
  process: 'child processes'
}

/** Imports that say what a test touches, by specifier or its scope/first segment. */
export const IMPORT_TOUCHES: Record<string, Touch> = {
  // browsers (end-to-end)
  playwright: 'browser',
  '@playwright/test': 'browser',
  'playwright-core': 'browser',
  cypress: 'browser',
  puppeteer: 'browser',
  'puppeteer-core': 'browser',
  'selenium-webdriver': 'browser',
  webdriverio: 'browser',
  '@wdio/globals': 'browser',
  nightwatch: 'browser',
  testcafe: 'browser',
  selenium: 'browser',
  splinter: 'browser',
  pyppeteer: 'browser',
  // in-process HTTP against the app
  supertest: 'http-app',
  'light-my-request': 'http-app',
  // database clients
  pg: 'database',
  'pg-promise': 'database',
  mysql: 'database',
  mysql2: 'database',
  mongodb: 'database',
  mongoose: 'database',
  sqlite3: 'database',
  sqlite: 'database',
  'better-sqlite3': 'database',
  redis: 'database',
  ioredis: 'database',
  knex: 'database',
  sequelize: 'database',
  typeorm: 'database',
  '@prisma/client': 'database',
  'cassandra-driver': 'database',
  psycopg: 'database',
  psycopg2: 'database',
  pymysql: 'database',
  MySQLdb: 'database',
  pymongo: 'database',
  motor: 'database',
  asyncpg: 'database',
  aiosqlite: 'database',
  // containers
  testcontainers: 'container',
  dockerode: 'container',
  docker: 'container',
  // child processes
  execa: 'process',
  pexpect: 'process'
}

/** Scoped packages matched by scope. */
export const SCOPE_TOUCHES: Record<string, Touch> = {
  '@testcontainers': 'container',
  '@wdio': 'browser'
}

/** Calls that touch something, by the module object or global they are called on. */
export interface CallRule {
  touch: Touch
  /** Receivers (`fs`, `http`) or '' for a bare global call. */
  receivers: string[]
  names: string[]
}

export const CALL_RULES: CallRule[] = [
  {
    touch: 'server',
    receivers: ['http', 'https', 'net', 'http2', 'tls'],
    names: ['createServer', 'createSecureServer']
  },
  { touch: 'server', receivers: ['*'], names: ['listen'] },
  {
    touch: 'server',
    receivers: ['', 'http.server', 'socketserver', 'wsgiref.simple_server'],
    names: ['HTTPServer', 'ThreadingHTTPServer', 'make_server']
  },
  { touch: 'server', receivers: ['*'], names: ['serve_forever'] },
  { touch: 'server', receivers: ['uvicorn'], names: ['run'] },
  {
    touch: 'http-app',
    receivers: ['', 'fastapi.testclient', 'starlette.testclient'],
    names: ['TestClient']
  },
  { touch: 'http-app', receivers: ['*'], names: ['test_client'] },
  {
    touch: 'database',
    receivers: ['', 'sqlalchemy'],
    names: ['create_engine', 'create_async_engine']
  },
  {
    touch: 'network',
    receivers: [''],
    names: ['fetch', 'axios', 'got', 'urlopen', 'node-fetch', 'cross-fetch', 'isomorphic-fetch']
  },
  {
    touch: 'network',
    receivers: ['axios', 'got', 'superagent', 'undici', 'requests', 'httpx'],
    names: ['get', 'post', 'put', 'patch', 'delete', 'head', 'request']
  },
  { touch: 'network', receivers: ['http', 'https'], names: ['get', 'request'] },
  { touch: 'network', receivers: ['urllib.request', 'request'], names: ['urlopen'] },
  { touch: 'network', receivers: ['aiohttp'], names: ['ClientSession'] },
  { touch: 'network', receivers: ['http.client'], names: ['HTTPConnection', 'HTTPSConnection'] },
  { touch: 'network', receivers: ['socket'], names: ['create_connection'] },
  {
    touch: 'filesystem',
    receivers: ['fs', 'fs.promises', 'fsp', 'fse', 'fs-extra'],
    names: [
      'writeFile',
      'writeFileSync',
      'appendFile',
      'appendFileSync',
      'mkdtemp',
      'mkdtempSync',
      'mkdir',
      'mkdirSync',
      'rm',
      'rmSync',
      'rmdir',
      'rmdirSync',
      'unlink',
      'unlinkSync',
      'copyFile',
      'copyFileSync',
      'rename',
      'renameSync',
      'createWriteStream',
      'outputFile',
      'outputFileSync',
      'remove',
      'removeSync',
      'ensureDir',
      'ensureDirSync'
    ]
  },
  {
    touch: 'filesystem',
    receivers: ['os'],
    names: ['tmpdir', 'makedirs', 'mkdir', 'remove', 'unlink', 'rmdir']
  },
  {
    touch: 'filesystem',
    receivers: ['tempfile'],
    names: [
      'mkdtemp',
      'mkstemp',
      'TemporaryDirectory',
      'NamedTemporaryFile',
      'TemporaryFile',
      'gettempdir'
    ]
  },
  {
    touch: 'filesystem',
    receivers: ['shutil'],
    names: ['rmtree', 'copy', 'copy2', 'copytree', 'move']
  },
  { touch: 'filesystem', receivers: ['*'], names: ['write_text', 'write_bytes'] },
  {
    touch: 'filesystem',
    receivers: [''],
    names: ['mkdtemp', 'mkdtempSync', 'writeFileSync', 'TemporaryDirectory', 'NamedTemporaryFile']
  },
  {
    touch: 'process',
    receivers: ['child_process', 'cp', 'childProcess'],
    names: ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']
  },
  {
    touch: 'process',
    receivers: [''],
    names: [
      'spawn',
      'spawnSync',
      'execSync',
      'execFile',
      'execFileSync',
      'fork',
      'execa',
      'execaNode'
    ]
  },
  {
    touch: 'process',
    receivers: ['subprocess'],
    names: ['run', 'call', 'check_call', 'check_output', 'Popen']
  },
  { touch: 'process', receivers: ['os'], names: ['system', 'popen'] }
]

/** pytest fixtures whose use in a test means files on disk. */
export const FS_FIXTURES = new Set(['tmp_path', 'tmpdir', 'tmp_path_factory', 'tmpdir_factory'])

/** Folder and file-name words that declare a level. */
export const FOLDER_LEVELS: Record<string, Level> = {
  e2e: 'e2e',
  'end-to-end': 'e2e',
  end2end: 'e2e',
  cypress: 'e2e',
  playwright: 'e2e',
  acceptance: 'e2e',
  integration: 'integration',
  'integration-tests': 'integration',
  integration_tests: 'integration',
  integ: 'integration',
  it: 'integration',
  functional: 'integration',
  unit: 'unit',
  'unit-tests': 'unit',
  unit_tests: 'unit',
  unittests: 'unit'
}

/** File-name words (between dots, dashes or underscores) that declare a level. */
export const NAME_LEVELS: Record<string, Level> = {
  e2e: 'e2e',
  integration: 'integration',
  unit: 'unit'
}

/** Imports that intercept HTTP: a file with one does not reach the real network. */
export const HTTP_MOCKS = new Set([
  'nock',
  'msw',
  'msw/node',
  'fetch-mock',
  'jest-fetch-mock',
  'vitest-fetch-mock',
  'axios-mock-adapter',
  'undici',
  'responses',
  'requests_mock',
  'respx',
  'httpretty',
  'pytest_httpserver',
  'aioresponses',
  'vcr',
  'pytest_recording',
  'betamax'
])

/** Module names a mocking call may name (`jest.mock('axios')`, `patch('requests.get')`). */
export const NETWORK_MODULES = [
  'axios',
  'node-fetch',
  'got',
  'undici',
  'superagent',
  'requests',
  'httpx',
  'urllib',
  'aiohttp',
  'fetch'
]

/** Calls and imports that install a fake clock. */
export const FAKE_CLOCK_CALLS = new Set([
  'jest.useFakeTimers',
  'vi.useFakeTimers',
  'mock.timers.enable',
  't.mock.timers.enable',
  'sinon.useFakeTimers',
  'FakeTimers.install',
  'jest.setSystemTime',
  'vi.setSystemTime',
  'freeze_time',
  'freezegun.freeze_time',
  'time_machine.travel',
  'travel'
])
export const FAKE_CLOCK_IMPORTS = new Set([
  '@sinonjs/fake-timers',
  'timekeeper',
  'mockdate',
  'freezegun',
  'time_machine',
  'pytest_freezer'
])
export const FAKE_CLOCK_FIXTURES = new Set(['freezer', 'time_machine', 'frozen_time'])

/** Real clock reads. */
export const CLOCK_CALLS = new Set([
  'datetime.now',
  'datetime.utcnow',
  'datetime.datetime.now',
  'datetime.datetime.utcnow',
  'datetime.today',
  'date.today',
  'datetime.date.today'
])
/** Timestamps: a clock read when taken twice in one test (elapsed time). */
export const TIMESTAMP_CALLS = new Set([
  'Date.now',
  'performance.now',
  'time.time',
  'time.monotonic',
  'time.perf_counter'
])

/** Unseeded random draws. */
export const RANDOM_CALLS = new Set([
  'Math.random',
  'random.random',
  'random.randint',
  'random.randrange',
  'random.choice',
  'random.choices',
  'random.shuffle',
  'random.sample',
  'random.uniform',
  'random.getrandbits',
  'faker.number.int',
  'faker.datatype.number'
])
export const SEED_CALLS = new Set([
  'random.seed',
  'seed',
  'faker.seed',
  'np.random.seed',
  'numpy.random.seed',
  'Faker.seed',
  'fake.seed'
])

/** Sleeps: callee -> unit of the first argument. */
export const SLEEP_CALLS: Record<string, 'ms' | 's'> = {
  'time.sleep': 's',
  'asyncio.sleep': 's',
  'anyio.sleep': 's',
  'trio.sleep': 's',
  sleep: 'ms',
  delay: 'ms',
  wait: 'ms',
  setTimeout: 'ms',
  'page.waitForTimeout': 'ms',
  'cy.wait': 'ms',
  'browser.pause': 'ms',
  'driver.sleep': 'ms',
  setTimeoutPromise: 'ms',
  'timersPromises.setTimeout': 'ms'
}

/** Methods that change the collection they are called on. */
export const MUTATORS = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'set',
  'add',
  'delete',
  'clear',
  'sort',
  'reverse',
  'fill',
  'append',
  'extend',
  'insert',
  'remove',
  'update',
  'setdefault',
  'popitem',
  'discard',
  'appendleft'
])

/** Set-up and tear-down hooks: a write there resets state between tests. */
export const JS_HOOKS = new Set([
  'beforeEach',
  'afterEach',
  'beforeAll',
  'afterAll',
  'before',
  'after',
  'setup',
  'teardown',
  'suiteSetup',
  'suiteTeardown'
])
export const PY_HOOKS = new Set([
  'setUp',
  'tearDown',
  'setUpClass',
  'tearDownClass',
  'setup_method',
  'teardown_method',
  'setup_function',
  'teardown_function',
  'setup_module',
  'teardown_module',
  'setup_class',
  'teardown_class',
  'asyncSetUp',
  'asyncTearDown'
])

/** Test base classes that start a real server for each test. */
export const SERVER_BASES = new Set([
  'AsyncHTTPTestCase',
  'AsyncHTTPSTestCase',
  'LiveServerTestCase',
  'StaticLiveServerTestCase',
  'AioHTTPTestCase',
  'ChannelsLiveServerTestCase'
])
