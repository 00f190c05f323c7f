// Shapes judged false in judged round 9 (find-my-way, svgo; docs/evaluation/judged-session13.md) that the
// lead fixed, each asserted absent beside a twin still reported, by file and line (docs/evaluation/judged.md,
// "Session 14").
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import edgeCases from '../../perspectives/edge-cases/index.js'
import failureModes from '../../perspectives/failure-modes/index.js'
import performance from '../../perspectives/performance/index.js'
import security from '../../perspectives/security/index.js'
import userExperience from '../../perspectives/user-experience/index.js'
import testCoverage from '../../perspectives/test-coverage/index.js'
import { findings, rows } from './judged-helpers.js'

describe('judged in round 9: test-coverage, a module of type declarations is not missing from the report', () => {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'opt', version: '1.0.0', main: 'lib/index.js' }),
    'tsconfig.json': '{}',
    'lib/index.ts':
      "import type { Options } from './types.js'\nexport function run(o: Options): number {\n  return o.level\n}\n",
    'lib/types.ts': [
      'export type Level = 1 | 2 | 3',
      '',
      'export interface Options {',
      '  level: Level',
      '  name?: string',
      '}',
      ''
    ].join('\n'),
    'lib/extra.ts': 'export function extra(n: number): number {\n  return n > 1 ? n : 1\n}\n',
    'test/index.test.ts': "import { run } from '../lib/index.js'\nrun({ level: 1 })\n",
    'coverage/lcov.info': [
      'TN:',
      'SF:lib/index.ts',
      'FN:2,run',
      'FNDA:1,run',
      'DA:2,1',
      'DA:3,1',
      'LF:2',
      'LH:2',
      'end_of_record',
      ''
    ].join('\n')
  }
  it('lib/types.ts compiles to nothing and is not reported; lib/extra.ts, with a function, is', async () => {
    const found = await findings(testCoverage as Perspective<string, unknown>, files)
    expect(rows(found, 'fileNotInReport')).toEqual(['fileNotInReport lib/extra.ts:1'])
  })
})

describe('judged in round 9: a root-level example.js is an example, not the product', () => {
  const listen = (name: string) =>
    [
      `const router = require('./index.js')`,
      `const http = require('node:http')`,
      '',
      `http.createServer((req, res) => router.lookup(req, res)).listen(3000, (err) => {`,
      '  if (err) throw err',
      `  console.log('${name} listening')`,
      '})',
      ''
    ].join('\n')
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'router', version: '1.0.0', main: 'index.js' }),
    'index.js': 'module.exports = { lookup(req, res) { res.end(req.url) } }\n',
    'example.js': listen('example'),
    'server.js': listen('server')
  }
  it("example.js's throw is not a failure mode of the package; the same code in server.js is", async () => {
    const found = await findings(failureModes as Perspective<string, unknown>, files)
    const places = rows(found).map((r) => r.split(' ')[1])
    expect(places).not.toContain('example.js:5')
    expect(places).toContain('server.js:5')
  })
})

describe('judged in round 10: edge-cases, a loop to the length inclusive whose read is guarded on the same line', () => {
  const parse = (read: string) =>
    [
      'export function parse(query) {', // 1
      '  const parts = []', // 2
      '  let start = 0', // 3
      '  for (let index = 0; index <= query.length; index++) {', // 4
      `    if (${read}) continue`, // 5
      '    parts.push(query.slice(start, index))', // 6
      '    start = index + 1', // 7
      '  }', // 8
      '  return parts', // 9
      '}', // 10
      ''
    ].join('\n')
  it("query-string's `index < query.length && query[index] !== '&'` is absent; the unguarded read is reported", async () => {
    const found = await findings(edgeCases as Perspective<string, unknown>, {
      'package.json': JSON.stringify({
        name: 'qs',
        version: '1.0.0',
        type: 'module',
        main: 'base.js'
      }),
      'base.js': parse("index < query.length && query[index] !== '&'"),
      'other.js': parse("query[index] !== '&'")
    })
    expect(rows(found, 'offByOneLoop')).toEqual(['offByOneLoop other.js:4'])
  })
})

describe('judged in round 10: performance, a slow pattern in a constant nothing reads', () => {
  it("needle's unused TRAILING_SEMICOLON is absent; the same pattern a function uses is reported", async () => {
    const found = await findings(performance as Perspective<string, unknown>, {
      'package.json': JSON.stringify({ name: 'client', version: '1.0.0', main: 'lib/cookies.js' }),
      'lib/cookies.js': [
        'var TRAILING_SEMICOLON = /\\x3B+$/', // 1
        'var SEP_SEMICOLON = /\\s*\\x3B\\s*/', // 2
        '', // 3
        'function clean(str) {', // 4
        "  return str.replace(SEP_SEMICOLON, ';')", // 5
        '}', // 6
        '', // 7
        'module.exports = { clean }', // 8
        ''
      ].join('\n')
    })
    expect(rows(found, 'catastrophicRegex')).toEqual(['catastrophicRegex lib/cookies.js:2'])
  })
})

describe("judged in round 10: security, an ASGI server's request text is not a command-line tool's flags", () => {
  const app = (call: string) => ({
    'pyproject.toml': [
      '[project]',
      'name = "tables"',
      'version = "1.0.0"',
      '[project.scripts]',
      'tables = "tables.cli:serve"',
      ''
    ].join('\n'),
    'tables/__init__.py': '',
    'tables/cli.py':
      'import sys\nfrom tables.app import App\n\n\ndef serve():\n    App().run(sys.argv[1:])\n',
    'tables/app.py': [
      'import re', // 1
      '', // 2
      '', // 3
      'def css_class(s):', // 4
      '    return re.sub(r"(\\w+\\s?)+$", "", s)', // 5
      '', // 6
      '', // 7
      'class App:', // 8
      `    async def ${call}:`, // 9
      '        body = await receive()', // 10
      '        name = css_class(body["body"].decode())', // 11
      '        await send({"type": "http.response.body", "body": name.encode()})', // 12
      ''
    ].join('\n')
  })
  it('an app called with (scope, receive, send) serves requests; its ReDoS finding says nothing of a CLI', async () => {
    const found = await findings(
      security as Perspective<string, unknown>,
      app('__call__(self, scope, receive, send)')
    )
    const redos = found.filter((f) => f.messageId === 'redosOnInput')
    expect(redos.map((f) => `${f.file}:${f.startLine}`)).toEqual(['tables/app.py:5'])
    expect(redos[0].message).not.toMatch(/command-line tool/)
  })
})

describe('judged in round 10: user-experience, what parse_known_args sets aside is parsed strictly next', () => {
  const cli = (second: string) =>
    [
      'import argparse', // 1
      '', // 2
      '', // 3
      'def main(argv=None):', // 4
      '    pre = argparse.ArgumentParser(add_help=False)', // 5
      "    pre.add_argument('-c', '--config', help='the config file')", // 6
      '    known, rest = pre.parse_known_args(argv)', // 7
      '    parser = argparse.ArgumentParser()', // 8
      "    parser.add_argument('name', help='the name to greet')", // 9
      `    ${second}`, // 10
      '    print(known.config, args)', // 11
      ''
    ].join('\n')
  it("peewee's two-pass parse is absent; the rest left unparsed is reported", async () => {
    const found = await findings(userExperience as Perspective<string, unknown>, {
      'pyproject.toml': [
        '[project]',
        'name = "greet"',
        'version = "1.0.0"',
        '[project.scripts]',
        'greet = "greet.strict:main"',
        'greet-loose = "greet.loose:main"',
        ''
      ].join('\n'),
      'greet/__init__.py': '',
      'greet/strict.py': cli('args = parser.parse_args(rest)'),
      'greet/loose.py': cli('args = parser.parse_args([])')
    })
    expect(rows(found, 'unknownOptionAccepted')).toEqual(['unknownOptionAccepted greet/loose.py:7'])
  })
})
