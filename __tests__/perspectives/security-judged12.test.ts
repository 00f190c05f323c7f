// Shapes the blind judge of session 12 found false (docs/evaluation/sec13.md), each beside the real twin
// that is still reported, by file and line: a pattern on a fixed-length digest, an exported helper the
// package does not export fed only the developer's own values, a trie walked one character at a time, a
// path the caller names whole or in a private benchmark package, and a library framed as a command-line tool.
import { describe, expect, it } from '@jest/globals'
import security from '../../perspectives/security/index.js'
import { runFixture, type FixtureRun } from './harness.js'

const at = (result: FixtureRun, messageId: string) =>
  result.run.findings
    .filter((f) => f.messageId === messageId)
    .map((f) => `${f.file}:${f.startLine}`)
    .sort()

/** `sign` strips the padding of an HMAC digest; `strip` the padding of its caller's text. */
const signer = {
  'package.json': JSON.stringify({ name: 'signer', main: 'lib/index.js' }),
  'lib/index.js': [
    "const { createHmac } = require('crypto')", // 1
    '', // 2
    'exports.sign = function sign(val, secret) {', // 3
    "  return val + '.' + createHmac('sha256', secret).update(val).digest('base64').replace(/=+$/, '')", // 4
    '}', // 5
    '', // 6
    'exports.check = function check(token) {', // 7
    '  const head = token.slice(0, 64)', // 8
    "  return head.replace(/=+$/, '')", // 9
    '}', // 10
    '', // 11
    'exports.fixed = function fixed(token) {', // 12
    '  if (token.length !== 44) return false', // 13
    "  return token.replace(/=+$/, '')", // 14
    '}', // 15
    '', // 16
    'exports.strip = function strip(text) {', // 17
    "  return text.replace(/=+$/, '')", // 18
    '}', // 19
    ''
  ].join('\n')
}

/**
 * `src/util.ts` exports `parseParams`, which the package's entry does not: `src/format.ts` feeds it the
 * developer's own media types. `parseQuery` in the same module gets the request's query string through
 * `src/index.ts`, the entry.
 */
const helper = (fromRequest: boolean) => ({
  'package.json': JSON.stringify({
    name: 'res-helpers',
    type: 'module',
    exports: './dist/index.js',
    types: './dist/index.d.ts'
  }),
  'src/index.ts': [
    "import { formatResponse } from './format.js'", // 1
    "import { parseQuery } from './util.js'", // 2
    'export { formatResponse }', // 3
    '', // 4
    'export function queryOf(url: string) {', // 5
    fromRequest ? "  return parseQuery(url.split('?')[1] ?? '')" : "  return parseQuery('a=1')", // 6
    '}', // 7
    ''
  ].join('\n'),
  'src/format.ts': [
    "import { parseParams } from './util.js'", // 1
    '', // 2
    '', // 3
    '', // 4
    'export function formatResponse(req: unknown, res: unknown) {', // 5
    "  return parseParams('text/html; charset=utf-8').value", // 6
    '}', // 7
    ''
  ].join('\n'),
  'src/util.ts': [
    'export function parseParams(str: string) {', // 1
    '  const parts = str.split(/ *; */)', // 2
    '  return { value: parts[0], params: parts.slice(1) }', // 3
    '}', // 4
    '', // 5
    'export function parseQuery(query: string) {', // 6
    '  return query.split(/ *& */)', // 7
    '}', // 8
    ''
  ].join('\n')
})

/** A trie built one character of each key at a time; `setPath` walks whole keys of its caller's path. */
const trie = {
  'package.json': JSON.stringify({ name: 'trie', main: 'lib/index.js' }),
  'lib/index.js': [
    'exports.createTrie = function createTrie(input) {', // 1
    '  const trie = {}', // 2
    '  for (const [name, data] of Object.entries(input)) {', // 3
    '    let node = trie', // 4
    '    for (let i = 0; i < name.length; i++) {', // 5
    '      const c = name[i]', // 6
    '      node[c] = node[c] || {}', // 7
    '      node = node[c]', // 8
    '    }', // 9
    '    node.data = data', // 10
    '  }', // 11
    '  return trie', // 12
    '}', // 13
    '', // 14
    'exports.setPath = function setPath(obj, path, value) {', // 15
    "  const keys = path.split('.')", // 16
    '  let node = obj', // 17
    '  for (let i = 0; i < keys.length - 1; i++) {', // 18
    '    const k = keys[i]', // 19
    '    node[k] = node[k] || {}', // 20
    '    node = node[k]', // 21
    '  }', // 22
    '  node[keys[keys.length - 1]] = value', // 23
    '  return obj', // 24
    '}', // 25
    ''
  ].join('\n')
}

/** `safewrite` writes the file its caller names; `save` joins its caller's name under the store's root; a private benchmark package reads its templates. */
const files = {
  'package.json': JSON.stringify({ name: 'store', main: 'lib/index.js' }),
  'lib/index.js': [
    "const fs = require('fs')", // 1
    '', // 2
    'exports.safewrite = function safewrite(filename, content) {', // 3
    "  fs.writeFileSync(filename + '.tmp', content)", // 4
    "  fs.renameSync(filename + '.tmp', filename)", // 5
    '}', // 6
    '', // 7
    'exports.save = function save(name, content) {', // 8
    "  fs.writeFileSync('/var/store/' + name + '.json', content)", // 9
    '}', // 10
    ''
  ].join('\n'),
  'benchmark/package.json': JSON.stringify({ name: 'benchmark', private: true, main: 'index.js' }),
  'benchmark/index.js': [
    "const { readFileSync } = require('fs')", // 1
    '', // 2
    "exports.load = (path) => readFileSync(path + '.hbs', 'utf8')", // 3
    "exports.loadIn = (name) => readFileSync('./templates/' + name, 'utf8')", // 4
    ''
  ].join('\n')
}

/** A template library that also ships a bin: the pattern runs on other programs' templates. */
const library = (importable: boolean) => ({
  'package.json': JSON.stringify({
    name: 'tmpl',
    main: 'lib/index.js',
    bin: { tmpl: 'bin/tmpl.js' },
    ...(importable ? { types: 'lib/index.d.ts' } : {})
  }),
  'bin/tmpl.js': "#!/usr/bin/env node\nrequire('../lib/index').comment(process.argv[2] || '')\n",
  'lib/index.js': [
    'exports.comment = function comment(args) {', // 1
    '  return args.search(/\\n\\s*[^#\\s]/g) !== -1', // 2
    '}', // 3
    ''
  ].join('\n')
})

describe('security: shapes judged false in session 12, each beside its real twin', () => {
  it('ReDoS: a digest, a value cut to 64 characters or checked to be 44 long is not reported; the caller text is', async () => {
    const result = await runFixture(security, signer)
    expect(at(result, 'redosOnInput')).toEqual(['lib/index.js:18'])
  })

  it('an exported helper the package does not export, fed only developer constants, is not an entry; fed the caller of the entry, it is', async () => {
    const constants = await runFixture(security, helper(false))
    expect(at(constants, 'redosOnInput')).toEqual([])
    const input = await runFixture(security, helper(true))
    expect(at(input, 'redosOnInput')).toEqual(['src/util.ts:7'])
  })

  it('prototype pollution: a trie walked one character at a time is not reported; a setter walking whole keys is', async () => {
    const result = await runFixture(security, trie)
    expect(at(result, 'prototypePollution')).toEqual(['lib/index.js:15'])
  })

  it('path traversal: a path the caller names whole and a private benchmark package are not reported; a name joined under a root is', async () => {
    const result = await runFixture(security, files)
    expect(at(result, 'pathTraversal')).toEqual(['lib/index.js:9'])
  })

  it('a package others import (it ships types) is a library whatever bin it has: no command-line tool framing', async () => {
    const importable = await runFixture(security, library(true))
    const redos = importable.run.findings.find((f) => f.messageId === 'redosOnInput')
    expect(redos?.message).not.toContain('command-line tool')
    expect(redos?.severity).toBe('low')
    const tool = await runFixture(security, library(false))
    const framed = tool.run.findings.find((f) => f.messageId === 'redosOnInput')
    expect(framed?.message).toContain('tmpl is a command-line tool (bin tmpl)')
  })
})
