// Perspective 10 (security) on small repositories written for these tests. Every planted vulnerability
// sits beside its fixed form in the same fixture: the planted one is asserted by message id, file and
// line, and the fixed one must not be reported. Secrets are assembled at run time so that no
// token-shaped literal is committed, and no output of the run may contain one. Rendered specs parse.
import performance from '../../perspectives/performance/index.js'
import security from '../../perspectives/security/index.js'
import type { SecurityOptions } from '../../perspectives/security/options.js'
import {
  buildKind,
  codeOnly,
  entropy,
  hasDynamicPart,
  mask,
  mentions,
  withoutNeutralCalls
} from '../../perspectives/security/text.js'
import { resolveOptions } from '../../src/config/options.js'
import { ConfigurationError } from '../../src/util/errors.js'
import { checkRun, readFixture, runFixture, testPerspective, type FixtureRun } from './harness.js'
import { pythonParses, tsParseErrors as tsParses } from './case-helpers.js'
import { editFile, without } from './edit-files.js'
import type { ExpectedFinding } from './harness-checks.js'

const tsFixture = readFixture('security-ts')
const pyFixture = readFixture('security-py')
const redosTs = readFixture('security-redos-ts')
const redosPy = readFixture('security-redos-py')
const localsTs = readFixture('security-locals-ts')
const localsPy = readFixture('security-locals-py')
const prototypeTs = readFixture('security-prototype-ts')

/** What the TypeScript fixture reports: the reporting case of most near misses below. */
const TS_EXPECTED: ExpectedFinding[] = [
  { messageId: 'pullRequestTargetCheckout', file: '.github/workflows/triage.yml', line: 13 },
  { messageId: 'workflowInjection', file: '.github/workflows/triage.yml', line: 15 },
  { messageId: 'weakHash', file: 'src/crypto.ts', line: 6 },
  { messageId: 'weakCipher', file: 'src/crypto.ts', line: 22 },
  { messageId: 'insecureRandom', file: 'src/crypto.ts', line: 28 },
  { messageId: 'tlsVerificationDisabled', file: 'src/crypto.ts', line: 38 },
  { messageId: 'sqlInjection', file: 'src/db.ts', line: 7 },
  { messageId: 'codeInjection', file: 'src/evaluate.ts', line: 5 },
  { messageId: 'unsafeDeserialisation', file: 'src/evaluate.ts', line: 15 },
  { messageId: 'pathTraversal', file: 'src/files.ts', line: 8 },
  { messageId: 'prototypePollution', file: 'src/merge.ts', line: 2 },
  { messageId: 'ssrf', file: 'src/server.ts', line: 9 },
  { messageId: 'xss', file: 'src/server.ts', line: 23 },
  { messageId: 'commandInjection', file: 'src/server.ts', line: 33 },
  { messageId: 'commandInjection', file: 'src/shell.ts', line: 5 },
  { messageId: 'commandInjection', file: 'src/shell.ts', line: 15 },
  { messageId: 'xss', file: 'src/view.ts', line: 3 },
  { messageId: 'xss', file: 'src/widget.tsx', line: 6 },
  { messageId: 'codeInjection', file: 'src/widget.tsx', line: 16 },
  { messageId: 'codeInjection', file: 'src/widget.tsx', line: 23 }
]

/** A near miss: the TypeScript fixture with one problem fixed, reporting all the rest. */
const tsFixed = (fixedId: string, path: string, ...edits: [string, string][]) => ({
  options: { minConfidence: 'low' as const },
  files: editFile(tsFixture, path, ...edits),
  expected: without(TS_EXPECTED, fixedId)
})

/** Functions written as the fixed form of a planted vulnerability: nothing may be reported in them. */
const FIXED = /(Safely|^safeMerge$|^SafeBio$|^secureAgent$|_safely$|^etag$|^download_safely$)/

function findingsIn(result: FixtureRun, symbolPattern: RegExp) {
  return result.run.findings.filter(
    (f) => f.symbol !== null && symbolPattern.test(f.symbol.split('.').pop() ?? '')
  )
}

// Token-shaped values, built here so the repository holds none.
const GITHUB_TOKEN = ['ghp', '_', 'R7dK2'.repeat(7), 'Q'].join('')
const API_KEY = ['q8Zr2Lm', 'X0vT4bN', '7kP1sW9yC3'].join('')
const AWS_KEY = ['AK', 'IA', 'Q3X7'.repeat(4)].join('')
const DB_PASSWORD = ['Tz9', 'vQ2mL8', 'xR4nB6wK'].join('')
const PRIVATE_KEY_HEADER = ['-----BEGIN RSA ', 'PRIVATE KEY-----'].join('')

const SECRETS_TS: Record<string, string> = {
  'src/config.ts': [
    `export const githubToken = '${GITHUB_TOKEN}'`,
    `const apiKey = '${API_KEY}'`,
    'export const key = `' + PRIVATE_KEY_HEADER,
    'MIIEowIBAAKCAQEA7',
    '-----END RSA PRIVATE KEY-----`',
    '// fixed: read from the environment; placeholders are not secrets',
    'export const safeToken = process.env.GITHUB_TOKEN',
    "const apiKeyPlaceholder = 'your-api-key-here'",
    "export const commitSha = '9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f'",
    'export function client() {',
    '  return { apiKey, safeToken }',
    '}',
    ''
  ].join('\n')
}

const TOKEN_CLIENT: Record<string, string> = {
  'src/client.ts': [
    "const BASE = 'https://api.github.com'",
    `const token = '${GITHUB_TOKEN}'`,
    '',
    'export async function repos(user: string): Promise<unknown> {',
    '  const res = await fetch(`${BASE}/users/${user}/repos`, {',
    '    headers: { authorization: `Bearer ${token}` }',
    '  })',
    '  return res.json()',
    '}',
    ''
  ].join('\n')
}

const SECRETS_PY: Record<string, string> = {
  'settings.py': [
    'import os',
    '',
    `AWS_ACCESS_KEY = "${AWS_KEY}"`,
    `db_password = "${DB_PASSWORD}"`,
    '# fixed: from the environment, and the documentation example key',
    'DB_PASSWORD_SAFE = os.environ.get("DB_PASSWORD")',
    'AWS_DOC_KEY = "AKIAIOSFODNN7EXAMPLE"',
    ''
  ].join('\n')
}

const CLEAN_TS: Record<string, string> = {
  'package.json': '{ "name": "clean", "type": "module" }\n',
  'src/store.ts': [
    "import { execFile } from 'node:child_process'",
    "import { createHash, randomUUID } from 'node:crypto'",
    "import { readFileSync } from 'node:fs'",
    '',
    'export function cacheKey(content: string): string {',
    "  return createHash('sha1').update(content).digest('hex')",
    '}',
    '',
    'export function newId(): string {',
    '  return randomUUID()',
    '}',
    '',
    'export function compress(file: string): void {',
    "  execFile('gzip', ['-k', file])",
    '}',
    '',
    'export function readConfig(file: string): unknown {',
    "  return JSON.parse(readFileSync(file, 'utf8'))",
    '}',
    '',
    'export function receipt(doc: { text(t: string): void }, amount: number): void {',
    "  doc.text('10% discount from coupon: ' + amount)",
    '}',
    '',
    "export function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, unknown> {",
    '  const out: Record<string, unknown> = {}',
    '  for (const key of Object.keys(obj)) {',
    '    const value = obj[key]',
    "    if (typeof value === 'object' && value !== null) Object.assign(out, flatten(value as Record<string, unknown>, prefix + key + '.'))",
    '    else out[prefix + key] = value',
    '  }',
    '  return out',
    '}',
    '',
    'export function later(name: string): void {',
    "  setTimeout(function () { return 'hello ' + name }, 10)",
    '}',
    '',
    'export function match(pattern: RegExp, text: string): boolean {',
    '  return pattern.exec(text) !== null',
    '}',
    ''
  ].join('\n')
}

const CLEAN_PY: Record<string, string> = {
  'pkg/__init__.py': '',
  'pkg/store.py': [
    'import hashlib',
    'import json',
    'import subprocess',
    '',
    '',
    'def cache_key(content):',
    '    return hashlib.sha256(content.encode()).hexdigest()',
    '',
    '',
    'def compress(path):',
    '    subprocess.run(["gzip", "-k", path], check=True)',
    '',
    '',
    'def read_config(path):',
    '    with open(path) as handle:',
    '        return json.load(handle)',
    '',
    '',
    'def find(cursor, name):',
    '    cursor.execute("SELECT id FROM items WHERE name = ?", (name,))',
    '    return cursor.fetchall()',
    ''
  ].join('\n')
}

/** A login handler that sends the user on to the `next` query parameter. */
const REDIRECT_APP: Record<string, string> = {
  'package.json': '{ "name": "portal", "version": "1.0.0", "type": "module" }',
  'src/login.js': [
    "import express from 'express'",
    'const app = express()',
    "app.get('/login/done', (req, res) => {",
    "  const next = req.query.next || '/'",
    '  res.redirect(next)',
    '})',
    'app.listen(3000)',
    ''
  ].join('\n')
}

/** A static file server: a prefix check against its resolved root, and a path decoded after its normalisation. */
const STATIC_SERVER: Record<string, string> = {
  'package.json': '{ "name": "static", "version": "1.0.0", "main": "lib/serve.js" }',
  'lib/serve.js': [
    "const path = require('path')",
    "const fs = require('fs')",
    'exports.open = function open(root, name) {',
    '  root = path.resolve(root)',
    '  const full = path.resolve(root, name)',
    '  if (!full.startsWith(root)) throw new Error(403)',
    '  return fs.readFileSync(full)',
    '}',
    'exports.urlPath = function urlPath(u) {',
    "  u = path.normalize(u.replace(/^\\/?/, '/'))",
    '  u = decodeURIComponent(u)',
    '  return u',
    '}',
    ''
  ].join('\n')
}

/** The prefix check fixed (the root with a separator appended), without the decoding helper. */
const PREFIX_FIXED = editFile(
  STATIC_SERVER,
  'lib/serve.js',
  ['  root = path.resolve(root)', '  root = path.resolve(root) + path.sep'],
  [
    "exports.urlPath = function urlPath(u) {\n  u = path.normalize(u.replace(/^\\/?/, '/'))\n  u = decodeURIComponent(u)\n  return u\n}\n",
    ''
  ]
)

/** The path decoded before it is normalised (and the prefix check fixed too). */
const DECODE_FIXED = editFile(
  STATIC_SERVER,
  'lib/serve.js',
  ['  root = path.resolve(root)', '  root = path.resolve(root) + path.sep'],
  ["  u = path.normalize(u.replace(/^\\/?/, '/'))\n", ''],
  [
    '  u = decodeURIComponent(u)\n',
    "  u = decodeURIComponent(u)\n  u = path.normalize(u.replace(/^\\/?/, '/'))\n"
  ]
)

/** A library function that clones the repository its caller names. */
const CLONE_LIB: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "fetcher"\nversion = "1.0.0"\n',
  'fetcher/__init__.py': [
    'import subprocess',
    '',
    '',
    'def clone(url, dest):',
    '    subprocess.run(["git", "clone", url, dest], check=True)',
    ''
  ].join('\n')
}

testPerspective<SecurityOptions>(security, {
  valid: [
    {
      name: 'argumentInjection near miss: -- ends the options before the url',
      files: editFile(CLONE_LIB, 'fetcher/__init__.py', [
        '"clone", url, dest]',
        '"clone", "--", url, dest]'
      ])
    },
    {
      name: 'pathPrefixCheck near miss: the root is compared with a separator appended',
      files: PREFIX_FIXED
    },
    {
      name: 'pathDecodedAfterCheck near miss: the path is decoded before it is normalised',
      files: DECODE_FIXED
    },
    {
      name: 'openRedirect near miss: a target starting with // is refused',
      files: editFile(REDIRECT_APP, 'src/login.js', [
        '  res.redirect(next)',
        "  if (next.startsWith('//')) return res.sendStatus(400)\n  res.redirect(next)"
      ])
    },
    { name: 'an empty repository', files: {} },
    {
      name: 'clean TypeScript: SHA-1 cache keys, execFile, a library reading its file, a PDF text, a flatten into a local object',
      files: CLEAN_TS,
      check: (result) => {
        expect(result.run.specs).toEqual([])
        expect(result.run.report).toContain('No security findings')
      }
    },
    { name: 'clean Python: placeholders, argument lists, sha256', files: CLEAN_PY },
    {
      name: 'redosOnInput near miss: every pattern rewritten to match in linear time',
      files: editFile(
        redosTs,
        'src/routes.ts',
        [
          '/^([a-zA-Z0-9]+\\.?)+@example\\.org$/',
          '/^[a-zA-Z0-9]+(\\.[a-zA-Z0-9]+)*@example\\.org$/'
        ],
        ["new RegExp('\\\\s*#?\\\\s*$')", "new RegExp('#\\\\s*$')"],
        [".replace(/\\s*#?\\s*$/, '')", ".trimEnd().replace(/#$/, '').trimEnd()"],
        ['/^(\\w+\\s?)*$/.test(tag)', '/^(\\w+(\\s\\w+)*\\s?)?$/.test(tag)']
      )
    },
    {
      name: 'hardcodedSecret near miss: the client reads its token from the environment',
      files: editFile(TOKEN_CLIENT, 'src/client.ts', [
        `'${GITHUB_TOKEN}'`,
        "process.env.GITHUB_TOKEN ?? ''"
      ])
    }
  ],
  invalid: [
    {
      name: 'argumentInjection: a url placed where git clone reads options',
      files: CLONE_LIB,
      expected: [{ messageId: 'argumentInjection', file: 'fetcher/__init__.py', line: 5 }]
    },
    {
      name: 'pathPrefixCheck: a file server tests its resolved root as a string prefix',
      files: STATIC_SERVER,
      expected: [
        { messageId: 'pathPrefixCheck', file: 'lib/serve.js', line: 6 },
        { messageId: 'pathDecodedAfterCheck', file: 'lib/serve.js', line: 11 }
      ]
    },
    {
      name: 'openRedirect: a login handler redirects to the next query parameter',
      files: REDIRECT_APP,
      expected: [{ messageId: 'openRedirect', file: 'src/login.js', line: 5 }]
    },
    {
      name: 'TypeScript: every planted vulnerability, fixed forms beside them',
      options: { minConfidence: 'low' },
      files: tsFixture,
      expected: TS_EXPECTED,
      check: (result) => {
        expect(findingsIn(result, FIXED)).toEqual([])
        const byLine = (file: string, line: number) =>
          result.run.findings.find((f) => f.file === file && f.startLine === line)
        // Request sources keep the worst severity; a parameter of an exported function is one step lower.
        expect(byLine('src/server.ts', 33)).toMatchObject({
          severity: 'critical',
          confidence: 'high',
          cwe: 'CWE-78',
          title:
            'child_process.execSync runs a shell command built from req.body.host in the POST /ping handler'
        })
        expect(byLine('src/shell.ts', 5)).toMatchObject({ severity: 'high', confidence: 'medium' })
        // A public parameter joined into a path: opening files is what a library does for its caller, so low confidence.
        expect(byLine('src/files.ts', 8)).toMatchObject({ severity: 'medium', confidence: 'low' })
        // Across a direct call: the path names the exported entry, the helper and the sink.
        expect(byLine('src/shell.ts', 15)?.message).toContain(
          '(path: lint(tool) → runTool(tool) → child_process.spawn)'
        )
        expect(byLine('src/server.ts', 9)?.title).toBe(
          'fetch requests a URL from req.query.url in the GET /proxy handler'
        )
        expect(byLine('src/db.ts', 7)?.title).toBe(
          'SQL built by concatenation from parameter name of exported findUser reaches db.query in findUser'
        )
        expect(byLine('src/crypto.ts', 6)).toMatchObject({
          cwe: 'CWE-916',
          title: 'MD5 hashes a password in hashPassword'
        })
        for (const f of result.run.findings) expect(f.cwe).toMatch(/^CWE-\d+$/)
        // Hostile-input specs for exported entries; the SQL one cannot be observed without a database: todo.
        const titles = result.run.specs.map((s) => s.title)
        expect(titles).toEqual(
          expect.arrayContaining([
            'archive rejects or neutralises "x; rm -f <canary file>" in dir',
            'readUpload rejects or neutralises "../../../../../../etc/passwd" in name',
            expect.stringMatching(/^deepMerge rejects or neutralises .*__proto__.* in source$/),
            expect.stringMatching(/^findUser with name = .*OR 1=1.*TODO/)
          ])
        )
        const merge = result.run.specs.find((s) => s.title.startsWith('deepMerge'))
        expect(merge?.code).toContain('deepMerge({}, payload)')
        expect(merge?.code).toContain("Reflect.get({}, 'polluted')")
        expect(merge?.covers).toEqual([byLine('src/merge.ts', 2)?.id])
        for (const spec of result.run.specs) expect(tsParses(spec.code)).toEqual([])
        expect(result.run.report).toContain('#### Findings per kind')
      }
    },
    {
      name: 'Python: every planted vulnerability, fixed forms beside them',
      options: { minConfidence: 'low' },
      files: pyFixture,
      expected: [
        { messageId: 'sqlInjection', file: 'app/db.py', line: 3 },
        { messageId: 'sqlInjection', file: 'app/db.py', line: 15 },
        { messageId: 'pathTraversal', file: 'app/files.py', line: 8 },
        { messageId: 'codeInjection', file: 'app/tools.py', line: 14 },
        { messageId: 'commandInjection', file: 'app/tools.py', line: 24 },
        { messageId: 'unsafeDeserialisation', file: 'app/tools.py', line: 34 },
        { messageId: 'unsafeDeserialisation', file: 'app/tools.py', line: 39 },
        { messageId: 'weakHash', file: 'app/tools.py', line: 49 },
        { messageId: 'insecureRandom', file: 'app/tools.py', line: 59 },
        { messageId: 'tlsVerificationDisabled', file: 'app/tools.py', line: 69 },
        { messageId: 'commandInjection', file: 'app/views.py', line: 14 },
        { messageId: 'ssrf', file: 'app/views.py', line: 28 }
      ],
      check: (result) => {
        expect(findingsIn(result, FIXED)).toEqual([])
        const byLine = (file: string, line: number) =>
          result.run.findings.find((f) => f.file === file && f.startLine === line)
        expect(byLine('app/views.py', 14)).toMatchObject({
          severity: 'critical',
          title: "os.system runs a shell command built from request.args['host'] in ping"
        })
        expect(byLine('app/db.py', 15)?.message).toContain(
          '(path: count_rows(table) → _count(table) → cursor.execute)'
        )
        expect(byLine('app/tools.py', 39)?.message).toContain('without a Loader')
        const run = result.run.specs.find((s) => s.title.startsWith('run_tool'))
        expect(run?.code).toContain("run_tool('x; rm -f ' + canary)")
        expect(run?.code).toContain('assert os.path.exists(canary)')
        for (const spec of result.run.specs) pythonParses(spec.code)
      }
    },
    {
      name: 'TypeScript: backtracking regular expressions applied to input (ReDoS), not those that never see input',
      files: redosTs,
      expected: [
        { messageId: 'redosOnInput', file: 'src/routes.ts', line: 10 },
        { messageId: 'redosOnInput', file: 'src/routes.ts', line: 15 },
        { messageId: 'redosOnInput', file: 'src/routes.ts', line: 20 },
        { messageId: 'redosOnInput', file: 'src/routes.ts', line: 30 }
      ],
      check: (result) => {
        const byLine = (line: number) =>
          result.run.findings.find((f) => f.file === 'src/routes.ts' && f.startLine === line)
        expect(byLine(10)).toMatchObject({
          severity: 'high',
          confidence: 'high',
          cwe: 'CWE-1333',
          title:
            'Regular expression LOCAL_PART (/^([a-zA-Z0-9]+\\.?)+@example\\.org$/) applied to req.query.email can backtrack exponentially in the GET /check handler'
        })
        expect(byLine(15)).toMatchObject({ severity: 'medium', confidence: 'high' })
        expect(byLine(15)?.title).toContain('in O(n^3)')
        expect(byLine(20)?.title).toContain('TRAILER (new RegExp)')
        // Only a public parameter: callers may bound the text, so the confidence is lower.
        expect(byLine(30)).toMatchObject({ severity: 'high', confidence: 'medium' })
        expect(byLine(30)?.message).toContain('(path: normalise(tag) → .test())')
        // The spec sends recheck's attack string to the exported function and bounds the time it takes.
        const spec = result.run.specs.find((s) => s.covers.includes(byLine(30)?.id ?? ''))
        expect(spec?.code).toContain('const attack = ')
        expect(spec?.code).toContain('normalise(attack)')
        expect(spec?.code).toContain('if (elapsed > 1000) throw')
        for (const s of result.run.specs) expect(tsParses(s.code)).toEqual([])
        expect(result.run.metrics).toMatchObject({ regexesUndecided: 0, regexesNotChecked: 0 })
      }
    },
    {
      // argv (line 35) is the user's own command line: a slow match delays only their run (sec15).
      name: 'Python: backtracking regular expressions applied to request fields and parameters, not argv',
      files: redosPy,
      expected: [
        { messageId: 'redosOnInput', file: 'app/views.py', line: 13 },
        { messageId: 'redosOnInput', file: 'app/views.py', line: 19 },
        { messageId: 'redosOnInput', file: 'app/views.py', line: 30 }
      ],
      check: (result) => {
        const byLine = (line: number) =>
          result.run.findings.find((f) => f.file === 'app/views.py' && f.startLine === line)
        expect(byLine(13)).toMatchObject({ severity: 'high', confidence: 'high' })
        expect(byLine(13)?.title).toContain('WORDS (re.compile) applied to request.form["text"]')
        expect(byLine(19)).toMatchObject({ severity: 'medium', confidence: 'high' })
        expect(byLine(30)).toMatchObject({ severity: 'high', confidence: 'medium' })
        expect(byLine(35)).toBeUndefined()
        const spec = result.run.specs.find((s) => s.covers.includes(byLine(30)?.id ?? ''))
        expect(spec?.code).toContain('parse_version(attack)')
        expect(spec?.code).toContain('assert elapsed < 1')
        for (const s of result.run.specs) pythonParses(s.code)
      }
    },
    {
      name: 'TypeScript: locals carry taint from their assignments in source order; rebound to a constant or a number they do not, unless in a branch the sink is not in',
      files: localsTs,
      expected: [
        { messageId: 'commandInjection', file: 'src/routes.ts', line: 10 },
        { messageId: 'pathTraversal', file: 'src/routes.ts', line: 21 },
        { messageId: 'commandInjection', file: 'src/routes.ts', line: 28 },
        { messageId: 'sqlInjection', file: 'src/routes.ts', line: 46 },
        { messageId: 'commandInjection', file: 'src/routes.ts', line: 57 }
      ],
      check: (result) => {
        expect(findingsIn(result, FIXED)).toEqual([])
        const byLine = (line: number) =>
          result.run.findings.find((f) => f.file === 'src/routes.ts' && f.startLine === line)
        // A request value through a local: the worst severity, medium confidence (a step through a local).
        expect(byLine(10)).toMatchObject({
          severity: 'critical',
          confidence: 'medium',
          title:
            'child_process.exec runs a shell command built from req.query.dir in the GET /list handler'
        })
        expect(byLine(10)?.message).toContain(
          "(path: req.query.dir → cmd = 'ls ' + … → child_process.exec)"
        )
        expect(byLine(21)?.message).toContain('(path: req.query → name = req.query → readFileSync)')
        // A parameter copied, extended with +=, then built into a template: built, so not a pass-through.
        expect(byLine(28)).toMatchObject({ severity: 'high', confidence: 'medium' })
        expect(byLine(28)?.message).toContain(
          '(path: archive(name) → target = name → command = `tar -cf ${…} /srv/data` → child_process.exec)'
        )
        // A query built in a local (`sql += …`) is what the sink receives.
        expect(byLine(46)?.title).toBe(
          'SQL built by concatenation from parameter customer of exported findOrders reaches db.query in findOrders'
        )
        expect(byLine(46)?.message).toContain(
          'builds the query `\'SELECT id, total FROM orders\' + " WHERE customer = \'" + customer + "\'"` by concatenation'
        )
        const spec = result.run.specs.find((s) => s.covers.includes(byLine(28)?.id ?? ''))
        expect(spec?.title).toBe('archive rejects or neutralises "x; rm -f <canary file>" in name')
        for (const s of result.run.specs) expect(tsParses(s.code)).toEqual([])
      }
    },
    {
      name: 'Python: locals carry taint in functions and at module level; rebound to a constant or quoted they do not, unless in a branch the sink is not in',
      options: { minConfidence: 'low' },
      files: localsPy,
      expected: [
        { messageId: 'commandInjection', file: 'app/cli.py', line: 6 },
        { messageId: 'pathTraversal', file: 'app/cli.py', line: 8 },
        { messageId: 'commandInjection', file: 'app/views.py', line: 14 },
        { messageId: 'commandInjection', file: 'app/views.py', line: 33 },
        { messageId: 'sqlInjection', file: 'app/views.py', line: 38 },
        { messageId: 'commandInjection', file: 'app/views.py', line: 52 },
        { messageId: 'sqlInjection', file: 'app/views.py', line: 64 }
      ],
      check: (result) => {
        expect(findingsIn(result, FIXED)).toEqual([])
        const byLine = (file: string, line: number) =>
          result.run.findings.find((f) => f.file === file && f.startLine === line)
        expect(byLine('app/views.py', 14)).toMatchObject({
          severity: 'critical',
          confidence: 'medium'
        })
        expect(byLine('app/views.py', 14)?.message).toContain(
          `(path: request.args["host"] → host = request.args["host"] → command = "ping -c 1 " + … → os.system)`
        )
        expect(byLine('app/views.py', 33)?.message).toContain(
          '(path: run_report(name) → script += " --name " + … → subprocess.run)'
        )
        expect(byLine('app/cli.py', 6)).toMatchObject({
          severity: 'critical',
          tags: expect.arrayContaining(['source:argv'])
        })
        // Rebound to a call that is not known to reshape its input: what it returns is unknown, so the taint stays.
        expect(byLine('app/views.py', 64)?.message).toContain(
          '(path: export_rows(table) → cursor.execute)'
        )
        // A command-line tool opening the file its user names: the user could open it anyway.
        expect(byLine('app/cli.py', 8)).toMatchObject({ severity: 'high', confidence: 'low' })
        expect(byLine('app/views.py', 38)).toMatchObject({
          severity: 'high',
          title:
            'SQL built by string formatting from parameter customer of exported find_orders reaches cursor.execute in find_orders'
        })
        for (const s of result.run.specs) pythonParses(s.code)
      }
    },
    {
      name: 'a local bound to a call on input carries its taint; a public parameter passed through unchanged is low confidence',
      options: { minConfidence: 'low' },
      files: {
        'package.json': JSON.stringify({
          name: 'locals',
          type: 'module',
          dependencies: { express: '^5.0.0' }
        }),
        'src/local.ts': [
          "import { exec } from 'node:child_process'",
          "import { readFileSync, writeFileSync } from 'node:fs'",
          "import path from 'node:path'",
          "import util from 'node:util'",
          "import express from 'express'",
          '',
          'const app = express()',
          "app.get('/read', (req, res) => {",
          "  const file = path.join('/srv/data', String(req.query.name))",
          "  res.send(readFileSync(file, 'utf8'))",
          '})',
          "app.get('/double', (req, res) => {",
          '  const n = Number(req.query.n)',
          "  res.send(readFileSync('/srv/' + n, 'utf8'))",
          '})',
          'export function list(dir: string) {',
          "  const cmd = util.format('ls %s', dir)",
          '  exec(cmd)',
          '}',
          'export function run(command: string) {',
          '  exec(command)',
          '}',
          '// not reported: the parameter picks the folder to write in, not a name inside it',
          'export function scaffold(dest: string) {',
          "  const target = path.join(dest, 'index.html')",
          "  writeFileSync(target, '<html></html>')",
          "  writeFileSync(path.join(dest, 'app.css'), '')",
          '}',
          'export default app',
          ''
        ].join('\n'),
        'app/views.py': [
          'import base64',
          'import pickle',
          '',
          'from flask import Flask, request',
          '',
          'app = Flask(__name__)',
          '',
          '',
          '@app.route("/restore")',
          'def restore():',
          '    blob = base64.b64decode(request.args["state"])',
          '    return pickle.loads(blob)',
          ''
        ].join('\n')
      },
      expected: [
        { messageId: 'unsafeDeserialisation', file: 'app/views.py', line: 12 },
        { messageId: 'pathTraversal', file: 'src/local.ts', line: 10 },
        { messageId: 'commandInjection', file: 'src/local.ts', line: 18 },
        { messageId: 'commandInjection', file: 'src/local.ts', line: 21 }
      ],
      check: (result) => {
        const at = (file: string, line: number) =>
          result.run.findings.find((f) => f.file === file && f.startLine === line)
        expect(at('src/local.ts', 10)?.message).toContain(
          '(path: req.query.name → file = join(…) → readFileSync)'
        )
        expect(at('src/local.ts', 10)).toMatchObject({ severity: 'high', confidence: 'medium' })
        expect(at('src/local.ts', 18)).toMatchObject({ confidence: 'medium' })
        expect(at('src/local.ts', 18)?.message).toContain(
          '(path: list(dir) → cmd = format(…) → child_process.exec)'
        )
        // `run(command)` is a wrapper whose job is to run what it is given: its callers decide.
        expect(at('src/local.ts', 21)).toMatchObject({ severity: 'high', confidence: 'low' })
        expect(at('src/local.ts', 21)?.rationale).toContain('reaches the sink unchanged')
        expect(at('app/views.py', 12)?.message).toContain('blob = b64decode(…)')
      }
    },
    {
      name: 'a token hard-coded in an API client',
      files: TOKEN_CLIENT,
      expected: [{ messageId: 'hardcodedSecret', file: 'src/client.ts', line: 2 }]
    },
    {
      name: 'hard-coded secrets are found and never printed',
      files: { ...SECRETS_TS, ...SECRETS_PY },
      expected: [
        { messageId: 'hardcodedSecret', file: 'settings.py', line: 3 },
        { messageId: 'hardcodedSecret', file: 'settings.py', line: 4 },
        { messageId: 'hardcodedSecret', file: 'src/config.ts', line: 1 },
        { messageId: 'hardcodedSecret', file: 'src/config.ts', line: 2 },
        { messageId: 'hardcodedSecret', file: 'src/config.ts', line: 3 }
      ],
      check: (result) => {
        const everything = JSON.stringify(result.run)
        for (const secret of [GITHUB_TOKEN, API_KEY, AWS_KEY, DB_PASSWORD])
          expect(everything).not.toContain(secret.slice(4, 12))
        const kinds = result.run.findings.map((f) => f.title)
        expect(kinds).toEqual(
          expect.arrayContaining([
            `Hard-coded GitHub token (ghp_************) in src/config.ts`,
            `Hard-coded AWS access key id (AKIA************) in settings.py`,
            `Hard-coded private key (----************) in src/config.ts`,
            `Hard-coded secret assigned to apiKey (q8Zr************) in apiKey (module scope)`
          ])
        )
        for (const f of result.run.findings) expect(f.snippet).toMatch(/…$/)
      }
    },
    {
      name: 'the cap keeps the most severe findings and the report says how many more',
      files: pyFixture,
      options: { maxFindings: 2, minConfidence: 'low' },
      expected: [
        { messageId: 'tlsVerificationDisabled', file: 'app/tools.py', line: 69 },
        { messageId: 'commandInjection', file: 'app/views.py', line: 14 }
      ],
      check: (result) => {
        expect(result.run.metrics).toMatchObject({ findingsTotal: 12, findingsShown: 2 })
        expect(result.run.report).toContain('…and 10 more findings')
      }
    },
    {
      name: 'commandInjection near miss: no shell, the values are arguments (execFileSync, execFile, spawn without shell)',
      options: { minConfidence: 'low' },
      files: editFile(
        editFile(
          tsFixture,
          'src/server.ts',
          [
            "import { execSync } from 'node:child_process'",
            "import { execFileSync } from 'node:child_process'"
          ],
          [
            "execSync('ping -c 1 ' + req.body.host)",
            "execFileSync('ping', ['-c', '1', String(req.body.host)])"
          ]
        ),
        'src/shell.ts',
        ['exec(`tar czf backup.tgz ${dir}`)', "execFile('tar', ['czf', 'backup.tgz', '--', dir])"],
        ['spawn(tool, { shell: true })', 'spawn(tool)']
      ),
      expected: without(TS_EXPECTED, 'commandInjection')
    },
    {
      name: 'prototypePollution near miss: deepMerge skips __proto__, constructor and prototype',
      ...tsFixed('prototypePollution', 'src/merge.ts', [
        '  for (const key in source) {\n',
        "  for (const key in source) {\n    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue\n"
      ])
    },
    {
      name: 'xss near miss: the query value is escaped, the name set as text, the bio sanitised',
      options: { minConfidence: 'low' },
      files: editFile(
        editFile(
          editFile(tsFixture, 'src/server.ts', [
            "res.send('<h1>Hello ' + req.query.name + '</h1>')",
            "res.send('<h1>Hello ' + escapeHtml(String(req.query.name)) + '</h1>')"
          ]),
          'src/view.ts',
          ["el.innerHTML = '<b>' + name + '</b>'", 'el.textContent = name']
        ),
        'src/widget.tsx',
        ['{{ __html: html }}', '{{ __html: DOMPurify.sanitize(html) }}']
      ),
      expected: without(TS_EXPECTED, 'xss')
    },
    {
      name: 'weakCipher near miss: seal() uses createCipheriv with a random IV',
      ...tsFixed(
        'weakCipher',
        'src/crypto.ts',
        ['import { createCipher, ', 'import { createCipheriv, '],
        ["createCipher('aes-256-cbc', key)", "createCipheriv('aes-256-cbc', key, randomBytes(16))"]
      )
    },
    {
      name: 'tlsVerificationDisabled near miss: the agent trusts a given CA instead of turning checks off',
      ...tsFixed(
        'tlsVerificationDisabled',
        'src/crypto.ts',
        ['export function insecureAgent() {', 'export function insecureAgent(ca: string) {'],
        ['new https.Agent({ rejectUnauthorized: false })', 'new https.Agent({ ca })']
      )
    },
    {
      name: 'workflowInjection near miss: the issue title reaches the script through an environment variable',
      ...tsFixed('workflowInjection', '.github/workflows/triage.yml', [
        '        run: echo "${{ github.event.issue.title }}"\n',
        '        env:\n          TITLE: ${{ github.event.issue.title }}\n        run: echo "$TITLE"\n'
      ])
    },
    {
      name: 'pullRequestTargetCheckout near miss: the workflow runs on pull_request, without the base repository secrets',
      ...tsFixed('pullRequestTargetCheckout', '.github/workflows/triage.yml', [
        '  pull_request_target:\n',
        '  pull_request:\n'
      ])
    }
  ]
})

describe('ReDoS in security and performance', () => {
  it('reports path setters that walk down by given keys, and a __proto__-only check, at default settings; complete guards are not reported', async () => {
    const result = await runFixture(security, prototypeTs)
    const found = result.run.findings
      .filter((f) => f.messageId === 'prototypePollution')
      .map((f) => [f.file, f.startLine, f.symbol, f.confidence])
    expect(found).toEqual([
      ['src/index.js', 2, 'setPath', 'medium'],
      ['src/index.js', 13, 'setKey', 'medium'],
      ['src/index.js', 54, 'setIn', 'medium'],
      ['src/index.js', 102, 'mergeInto', 'medium']
    ])
    const partial = result.run.findings.find((f) => f.symbol === 'setKey')
    expect(partial?.message).toContain('checks `__proto__` but not `constructor`/`prototype`')
    expect(checkRun(result)).toEqual([])
    // The specs send a key array through __proto__, or through constructor.prototype past a __proto__-only check.
    const spec = (name: string) =>
      result.run.specs.find((s) => s.title.startsWith(name))?.code ?? ''
    expect(spec('setPath')).toContain("setPath({}, ['__proto__', 'polluted'], 'yes')")
    expect(spec('setKey')).toContain("setKey({}, ['constructor', 'prototype', 'polluted'], 'yes')")
    expect(spec('setKey')).toContain("Reflect.get({}, 'polluted')")
    for (const s of result.run.specs) expect(tsParses(s.code)).toEqual([])
  })

  it('treats a function assigned for outside callers (a prototype method of an exported instance) as public; a helper called inside is not', async () => {
    const files = {
      'package.json': '{ "name": "lookup-lib", "version": "1.0.0", "main": "lookup.js" }',
      'lookup.js': [
        'function Types() {}',
        'Types.prototype.lookup = function lookup(path) {',
        "  return path.replace(/^(\\w+\\s?)*$/, '')",
        '}',
        'function clean(name) {',
        "  return name.replace(/^(\\w+\\s?)*$/, '')",
        '}',
        "Types.prototype.name = function name() { return clean('fixed text') }",
        'module.exports = new Types()',
        ''
      ].join('\n')
    }
    const result = await runFixture(security, files)
    expect(
      result.run.findings.map((f) => [f.messageId, f.file, f.startLine, f.confidence])
    ).toEqual([['redosOnInput', 'lookup.js', 3, 'medium']])
    expect(result.run.findings[0].title).toContain('parameter path of public lookup')
  })

  it('names low-confidence candidates in the report instead of reporting them, unless minConfidence is low', async () => {
    const files = {
      'package.json': JSON.stringify({ name: 'runner', type: 'module' }),
      'src/run.ts':
        "import { execSync } from 'node:child_process'\n\nexport function run(command: string): Buffer {\n  return execSync(command)\n}\n"
    }
    const quiet = await runFixture(security, files)
    expect(quiet.run.findings).toEqual([])
    expect(quiet.run.metrics.belowConfidence).toBe(1)
    expect(quiet.run.report).toContain('#### Not reported: 1 candidate below medium confidence')
    expect(quiet.run.report).toContain(
      '- high <code>commandInjection</code> at <code>src/run.ts:4</code>'
    )
    const all = await runFixture(security, files, { options: { minConfidence: 'low' } })
    expect(all.run.findings.map((f) => [f.messageId, f.file, f.startLine, f.confidence])).toEqual([
      ['commandInjection', 'src/run.ts', 4, 'low']
    ])
    // A choice outside the schema stops the run before the perspective starts.
    await expect(
      runFixture(security, files, { options: { minConfidence: 'sometimes' as 'low' } })
    ).rejects.toThrow(
      "perspectives.security.minConfidence: a string (9 characters) is not accepted: security's option minConfidence takes one of high, medium, low (default medium)."
    )
  })

  it('is reported by both perspectives under different ids: slow for performance, an attack for security', async () => {
    const sec = await runFixture(security, redosTs)
    const perf = await runFixture(performance, redosTs)
    const atCheck = (r: FixtureRun) =>
      r.run.findings.find((f) => f.file === 'src/routes.ts' && f.startLine === 4)
    const secCheck = sec.run.findings.find((f) => f.startLine === 10)
    // performance reports the pattern where it is written, security where input reaches it.
    expect(atCheck(perf)?.messageId).toBe('catastrophicRegex')
    expect(secCheck?.messageId).toBe('redosOnInput')
    expect(new Set(sec.run.findings.map((f) => f.id)).size).toBe(sec.run.findings.length)
    for (const f of sec.run.findings) expect(perf.run.findings.map((p) => p.id)).not.toContain(f.id)
    // The constant-only and private patterns are performance's business only.
    expect(
      perf.run.findings.filter((f) => f.messageId === 'catastrophicRegex').map((f) => f.startLine)
    ).toEqual(expect.arrayContaining([35, 40]))
  })
})

describe('security helpers', () => {
  it('reads names outside literals and how strings are built', () => {
    expect(mentions(codeOnly("'ls ' + dir"), 'dir')).toBe(true)
    expect(mentions(codeOnly("'dir listing'"), 'dir')).toBe(false)
    expect(mentions(codeOnly('opts.dir'), 'dir')).toBe(false)
    expect(mentions(codeOnly('`rm ${dir}`'), 'dir')).toBe(true)
    expect(mentions(codeOnly('f"x {name}"'), 'name')).toBe(true)
    expect(buildKind('`SELECT ${a}`')).toBe('template')
    expect(buildKind('"SELECT %s" % a')).toBe('format')
    expect(buildKind('"SELECT %s", (a,)')).toBeUndefined()
    expect(buildKind('f"SELECT {a}"')).toBe('f-string')
    expect(buildKind("'a' + b")).toBe('concatenation')
    expect(buildKind('sql`SELECT ${a}`')).toBeUndefined()
    // A hash or a number conversion leaves nothing of the input to inject.
    expect(
      mentions(
        codeOnly(withoutNeutralCalls("`WHERE a = '${security.hash(password)}'`")),
        'password'
      )
    ).toBe(false)
    expect(
      mentions(
        codeOnly(withoutNeutralCalls("`WHERE a = '${email}' AND b = ${Number(id)}`")),
        'email'
      )
    ).toBe(true)
  })

  it('sees whether anything but literals and neutral calls goes into a built string', () => {
    expect(hasDynamicPart("`WHERE a = '${security.hash(password)}'`")).toBe(false)
    expect(hasDynamicPart('f"WHERE id = {int(x)}"')).toBe(false)
    expect(hasDynamicPart("'WHERE a = ' + name")).toBe(true)
    expect(hasDynamicPart('f"WHERE a = {name}"')).toBe(true)
  })

  it('masks secrets and measures entropy', () => {
    expect(mask('ghp_abcdefgh')).toBe('ghp_********')
    expect(entropy('aaaa')).toBe(0)
    expect(entropy('abcd')).toBe(2)
  })

  it('refuses bad options with the option named, before the perspective runs', async () => {
    await expect(
      runFixture(security, { 'a.ts': 'export const a = 1\n' }, { options: { maxFindings: -1 } })
    ).rejects.toThrow(ConfigurationError)
    expect(() => resolveOptions(security, { minSecretEntropy: 0 })).toThrow(
      "perspectives.security.minSecretEntropy: 0 is not accepted: security's option minSecretEntropy takes a number above 0 and at most 8 (default 3.5)."
    )
  })
})
