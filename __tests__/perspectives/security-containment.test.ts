// Containment checks that do not contain: a prefix test against a root without a trailing separator, and
// a path decoded after it was normalised. Each beside its fixed twin (not reported), by file and line.
import { describe, expect, it } from '@jest/globals'
import security from '../../perspectives/security/index.js'
import { runFixture, type FixtureRun } from './harness.js'

const at = (result: FixtureRun, messageId: string) =>
  result.run.findings
    .filter((f) => f.messageId === messageId)
    .map((f) => `${f.file}:${f.startLine}`)
    .sort()

const files = {
  'package.json': JSON.stringify({ name: 'files', main: 'lib/index.js' }),
  'lib/index.js': [
    "const path = require('path')", // 1
    "const fs = require('fs')", // 2
    '', // 3
    'exports.serve = function serve(root, name) {', // 4
    '  root = path.normalize(root)', // 5
    '  const full = path.normalize(path.join(root, name))', // 6
    '  if (full.substr(0, root.length) !== root) throw new Error(403)', // 7
    '  return fs.readFileSync(full)', // 8
    '}', // 9
    '', // 10
    'exports.serveFixed = function serveFixed(root, name) {', // 11
    '  root = path.normalize(root + path.sep)', // 12
    '  const full = path.normalize(path.join(root, name))', // 13
    '  if (full.substr(0, root.length) !== root) throw new Error(403)', // 14
    '  return fs.readFileSync(full)', // 15
    '}', // 16
    '', // 17
    'class Server {', // 18
    '  constructor(root) {', // 19
    "    this.root = path.resolve(root || '.')", // 20
    '  }', // 21
    '  open(name) {', // 22
    '    const full = path.resolve(path.join(this.root, name))', // 23
    '    if (full.startsWith(this.root)) return fs.readFileSync(full)', // 24
    '    return null', // 25
    '  }', // 26
    '}', // 27
    'exports.Server = Server', // 28
    '', // 29
    'exports.checkedTwice = function checkedTwice(root, name) {', // 30
    '  root = path.resolve(root)', // 31
    '  const full = path.resolve(root, name)', // 32
    '  if (!full.startsWith(root)) throw new Error(403)', // 33
    '  if (full !== root && full[root.length] !== path.sep) throw new Error(403)', // 34
    '  return fs.readFileSync(full)', // 35
    '}', // 36
    '', // 37
    'exports.getPath = function getPath(u) {', // 38
    "  u = path.normalize(u.replace(/^\\/?/, '/'))", // 39
    "  if (u.indexOf('/static') !== 0) return false", // 40
    '  u = decodeURIComponent(u)', // 41
    '  return u', // 42
    '}', // 43
    '', // 44
    'exports.getPathFixed = function getPathFixed(u) {', // 45
    '  u = decodeURIComponent(u)', // 46
    "  u = path.normalize(u.replace(/^\\/?/, '/'))", // 47
    "  if (u.indexOf('/static') !== 0) return false", // 48
    '  return u', // 49
    '}', // 50
    '', // 51
    'exports.getPathDotsFirst = function getPathDotsFirst(u) {', // 52
    "  var p = u.replace(/%2e/ig, '.')", // 53
    "  p = p.replace(/%2f/ig, '/')", // 54
    "  u = path.normalize(p.replace(/^\\/?/, '/'))", // 55
    "  if (u.indexOf('/static') !== 0) return false", // 56
    '  u = decodeURIComponent(u)', // 57
    '  return u', // 58
    '}', // 59
    ''
  ].join('\n')
}

const python = {
  'pyproject.toml': '[project]\nname = "snippets"\nversion = "1.0.0"\n',
  'snippets/__init__.py': '',
  'snippets/files.py': [
    'import os', // 1
    '', // 2
    '', // 3
    'def read(base, name):', // 4
    '    base = os.path.abspath(base)', // 5
    '    full = os.path.abspath(os.path.join(base, name))', // 6
    '    if not full.startswith(base):', // 7
    '        raise ValueError(name)', // 8
    '    with open(full) as f:', // 9
    '        return f.read()', // 10
    '', // 11
    '', // 12
    'def read_fixed(base, name):', // 13
    '    base = os.path.join(os.path.abspath(base), "")', // 14
    '    full = os.path.abspath(os.path.join(base, name))', // 15
    '    if not full.startswith(base):', // 16
    '        raise ValueError(name)', // 17
    '    with open(full) as f:', // 18
    '        return f.read()', // 19
    '', // 20
    '', // 21
    'def is_prefixed(url, prefix):', // 22
    '    return url.startswith(prefix)', // 23
    ''
  ].join('\n')
}

/** Archive entries written through fstream's Writer; the twin checks the joined path first. */
const extract = {
  'package.json': JSON.stringify({ name: 'extract', main: 'lib/extract.js' }),
  'lib/extract.js': [
    "const path = require('path')", // 1
    "const unzip = require('unzip')", // 2
    "var Writer = require('fstream').Writer", // 3
    '', // 4
    'exports.extract = function extract(opts) {', // 5
    '  const parser = unzip.Parse()', // 6
    "  parser.on('entry', function (entry) {", // 7
    '    entry.pipe(Writer({ path: path.join(opts.path, entry.path) }))', // 8
    '  })', // 9
    '  return parser', // 10
    '}', // 11
    '', // 12
    'exports.extractChecked = function extractChecked(opts) {', // 13
    '  const parser = unzip.Parse()', // 14
    "  parser.on('entry', function (entry) {", // 15
    '    const target = path.join(opts.path, entry.path)', // 16
    "    if (path.relative(opts.path, target).startsWith('..')) return", // 17
    '    entry.pipe(Writer({ path: target }))', // 18
    '  })', // 19
    '  return parser', // 20
    '}', // 21
    ''
  ].join('\n')
}

describe('security: containment checks that do not contain', () => {
  it("archive entries: fstream's Writer given an entry's joined path is reported; checked first, it is not", async () => {
    const result = await runFixture(security, extract)
    expect(at(result, 'pathTraversal')).toEqual(['lib/extract.js:8'])
  })

  it('a prefix test against a root without a separator is reported; the root with one, or a second test, is not', async () => {
    const result = await runFixture(security, files)
    expect(at(result, 'pathPrefixCheck')).toEqual(['lib/index.js:24', 'lib/index.js:7'])
  })

  it('a path decoded after it was normalised is reported; decoded before, or its encoded dots and slashes first, it is not', async () => {
    const result = await runFixture(security, files)
    expect(at(result, 'pathDecodedAfterCheck')).toEqual(['lib/index.js:41'])
  })

  it("Python: startswith against abspath's root is reported; against the root joined with '' it is not", async () => {
    const result = await runFixture(security, python)
    expect(at(result, 'pathPrefixCheck')).toEqual(['snippets/files.py:7'])
  })
})
