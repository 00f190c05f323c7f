// Packages by the system they reach, one list for the perspectives that ask: integration-points maps
// them as integration points, mocking-strategy as seams a test must control. Each perspective adds
// its own extras (mocking-strategy counts sockets as network and redis as a database, for example).
// A name ending in '/' or '.' is a prefix (a scoped family, a Python package's submodules).

/** HTTP client libraries for JavaScript and TypeScript. */
export const HTTP_CLIENTS_JS: readonly string[] = [
  'axios',
  'got',
  'undici',
  'node-fetch',
  'cross-fetch',
  'ky',
  'superagent',
  'needle',
  'request',
  'ofetch',
  'isomorphic-fetch'
]

/** HTTP client libraries for Python. */
export const HTTP_CLIENTS_PY: readonly string[] = [
  'requests',
  'httpx',
  'aiohttp',
  'urllib.request',
  'urllib3',
  'http.client',
  'httplib2',
  'pycurl'
]

/** Database drivers and ORMs for JavaScript and TypeScript. */
export const DATABASES_JS: readonly string[] = [
  'pg',
  'pg-promise',
  'postgres',
  'mysql',
  'mysql2',
  'mongodb',
  'mongoose',
  '@prisma/client',
  'sequelize',
  'typeorm',
  'knex',
  'better-sqlite3',
  'sqlite3',
  'sqlite',
  'drizzle-orm',
  'kysely',
  'mssql',
  'oracledb',
  '@elastic/elasticsearch'
]

/** Database drivers and ORMs for Python. */
export const DATABASES_PY: readonly string[] = [
  'psycopg',
  'psycopg2',
  'asyncpg',
  'sqlalchemy',
  'pymongo',
  'motor',
  'peewee',
  'pymysql',
  'MySQLdb',
  'mysql.connector',
  'aiosqlite',
  'django.db',
  'elasticsearch',
  'sqlmodel'
]

/** Cloud and third-party service SDKs for JavaScript and TypeScript. */
export const SDKS_JS: readonly string[] = [
  '@aws-sdk/',
  'aws-sdk',
  '@google-cloud/',
  '@azure/',
  'firebase-admin',
  '@octokit/',
  'stripe',
  'openai',
  '@anthropic-ai/sdk',
  'twilio',
  '@sendgrid/',
  '@slack/'
]

/** Cloud and third-party service SDKs for Python. */
export const SDKS_PY: readonly string[] = [
  'boto3',
  'botocore',
  'aiobotocore',
  'google.cloud.',
  'azure.',
  'firebase_admin',
  'anthropic',
  'github',
  'slack_sdk'
]

/** File system modules of both languages whose every call touches the disk. */
export const FILE_SYSTEM: readonly string[] = [
  'fs',
  'fs/promises',
  'fs-extra',
  'graceful-fs',
  'shutil',
  'tempfile',
  'glob',
  'aiofiles'
]

/** Modules of both languages that start child processes. */
export const CHILD_PROCESSES: readonly string[] = [
  'child_process',
  'execa',
  'cross-spawn',
  'shelljs',
  'zx',
  'subprocess',
  'sh',
  'plumbum',
  'pexpect'
]

/** Web frameworks whose apps and routers serve HTTP routes. */
export const HTTP_SERVERS: readonly string[] = [
  'express',
  'koa',
  '@koa/router',
  'koa-router',
  'fastify',
  'hono',
  'restify',
  'polka',
  '@hapi/hapi',
  'flask',
  'fastapi',
  'starlette',
  'quart',
  'sanic',
  'bottle'
]
