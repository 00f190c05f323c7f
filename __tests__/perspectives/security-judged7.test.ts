// Shapes judged false or not worth acting on on nodemon (session 7, docs/evaluation/judged.md), each
// beside the form that is still reported: a merge that only fills a fresh object of its own, a path
// segment stripped to letters before it is joined, and ReDoS on a command-line tool's own input.
import { describe, expect, it } from '@jest/globals'
import performance from '../../perspectives/performance/index.js'
import security from '../../perspectives/security/index.js'
import { runFixture, type FixtureRun } from './harness.js'

const at = (result: FixtureRun, messageId: string) =>
  result.run.findings
    .filter((f) => f.messageId === messageId)
    .map((f) => `${f.file}:${f.startLine}:${f.severity}`)
    .sort()

/** `deepAssign` writes into the caller's object; `merge` fills `result`, a clone it makes itself. */
const merges = (mergeCall: string) => ({
  'package.json': JSON.stringify({ name: 'merger', main: 'lib/index.js' }),
  'lib/index.js': [
    'function clone(o) {', // 1
    '  return JSON.parse(JSON.stringify(o))', // 2
    '}', // 3
    '', // 4
    'function merge(source, target, result) {', // 5
    '  if (result === undefined) {', // 6
    '    result = clone(source)', // 7
    '  }', // 8
    '  Object.getOwnPropertyNames(source).forEach(function (key) {', // 9
    "    if (typeof source[key] === 'object' && target[key]) {", // 10
    '      result[key] = merge(source[key], target[key])', // 11
    '    }', // 12
    '  })', // 13
    '  return result', // 14
    '}', // 15
    '', // 16
    'function deepAssign(target, source) {', // 17
    '  for (const key of Object.keys(source)) {', // 18
    "    if (typeof source[key] === 'object') deepAssign(target[key], source[key])", // 19
    '    else target[key] = source[key]', // 20
    '  }', // 21
    '  return target', // 22
    '}', // 23
    '', // 24
    `exports.load = (a, b) => ${mergeCall}`, // 25
    'exports.merge = merge', // 26
    'exports.deepAssign = deepAssign', // 27
    ''
  ].join('\n')
})

const help = (pattern: string) => ({
  'package.json': JSON.stringify({ name: 'helper', main: 'lib/help.js' }),
  'lib/help.js': [
    "const fs = require('fs')", // 1
    "const path = require('path')", // 2
    '', // 3
    'module.exports = function help(item) {', // 4
    `  item = item.replace(${pattern}, '')`, // 5
    "  const file = path.join(__dirname, 'doc', item + '.txt')", // 6
    "  return fs.readFileSync(file, 'utf8')", // 7
    '}', // 8
    ''
  ].join('\n')
})

const globs = (bin: boolean) => ({
  'package.json': JSON.stringify({
    name: 'watcher',
    main: 'lib/match.js',
    ...(bin ? { bin: { watcher: 'bin/watcher.js' } } : {})
  }),
  'bin/watcher.js': "#!/usr/bin/env node\nrequire('../lib/match').strip(process.argv[2] || '')\n",
  'lib/match.js': [
    'exports.strip = function strip(pattern) {', // 1
    "  return pattern.replace(/([?*\\{\\[]+.*$)/, '')", // 2
    '}', // 3
    ''
  ].join('\n')
})

describe('security and performance: shapes judged on nodemon (session 7)', () => {
  it('prototypePollution: a merge filling a clone of its own is not reported; deepAssign into the caller object is', async () => {
    const result = await runFixture(security, merges('merge(a, b)'))
    expect(at(result, 'prototypePollution')).toEqual(['lib/index.js:17:high'])
  })

  it('prototypePollution near miss: a caller hands merge the object to fill, so merge is reported too', async () => {
    const result = await runFixture(security, merges('merge(a, b, {})'))
    expect(at(result, 'prototypePollution')).toEqual([
      'lib/index.js:17:high',
      'lib/index.js:5:high'
    ])
  })

  it('pathTraversal: a segment stripped to letters cannot leave the folder; one that keeps dots and slashes can', async () => {
    const stripped = await runFixture(security, help('/[^a-z]/gi'))
    expect(at(stripped, 'pathTraversal')).toEqual([])
    const kept = await runFixture(security, help('/[^a-z./]/gi'))
    expect(at(kept, 'pathTraversal')).toEqual(['lib/help.js:7:medium'])
  })

  it("ReDoS on a command-line tool's own input is low and says why; the same library without a bin keeps its severity", async () => {
    const tool = await runFixture(security, globs(true))
    const redos = tool.run.findings.find((f) => f.messageId === 'redosOnInput')
    expect(redos?.severity).toBe('low')
    expect(redos?.message).toContain('watcher is a command-line tool (bin watcher)')
    const toolPerf = await runFixture(performance, globs(true))
    expect(at(toolPerf, 'catastrophicRegex')).toEqual(['lib/match.js:2:low'])

    const library = await runFixture(performance, globs(false))
    expect(at(library, 'catastrophicRegex')).toEqual(['lib/match.js:2:medium'])
    const librarySecurity = await runFixture(security, globs(false))
    const libraryRedos = librarySecurity.run.findings.find((f) => f.messageId === 'redosOnInput')
    expect(libraryRedos?.severity).toBe('medium')
    expect(libraryRedos?.message).not.toContain('command-line tool')
  })
})
