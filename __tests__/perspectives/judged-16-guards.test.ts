// Shapes judged false or partly in judged round 9 (js-cookie, find-my-way, svgo, molten, thefuck,
// jsonschema; docs/evaluation/judged-session13.md) and round 8's leftovers, each asserted by file and
// line through each perspective's real pipeline beside a twin that is still reported
// (docs/evaluation/judged.md, "Session 14").
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import dataIntegrity from '../../perspectives/data-integrity/index.js'
import errorHandling from '../../perspectives/error-handling/index.js'
import failureModes from '../../perspectives/failure-modes/index.js'
import performance from '../../perspectives/performance/index.js'
import { findings, rows } from './judged-helpers.js'

describe('judged in round 9: error-handling, exits in code only a program reaches', () => {
  it("JavaScript: a module only the bin imports exits for the CLI; the package's exported entry is a library", async () => {
    const found = await findings(errorHandling as Perspective<string, unknown>, {
      'package.json': JSON.stringify({
        name: 'shrink',
        version: '1.0.0',
        type: 'module',
        bin: './bin/shrink.js',
        exports: { '.': './lib/index.js' }
      }),
      'bin/shrink.js': [
        '#!/usr/bin/env node',
        "import makeProgram from '../lib/app/program.js'",
        'makeProgram(process.argv)',
        ''
      ].join('\n'),
      // svgo's lib/svgo/coa.js: imported only by bin/svgo.js, exits on a bad flag.
      'lib/app/program.js': [
        "import { shrink } from '../index.js'", // 1
        'export default function makeProgram(argv) {', // 2
        '  return action(argv)', // 3
        '}', // 4
        'function action(argv) {', // 5
        "  if (argv.includes('--bad')) {", // 6
        "    console.error('bad flag')", // 7
        '    process.exit(1)', // 8
        '  }', // 9
        '  return shrink(argv[2])', // 10
        '}', // 11
        ''
      ].join('\n'),
      'lib/index.js': [
        'export function shrink(text) {', // 1
        '  if (typeof text !== "string") {', // 2
        '    process.exit(2)', // 3
        '  }', // 4
        '  return text.trim()', // 5
        '}', // 6
        ''
      ].join('\n')
    })
    expect(rows(found, 'exitInLibrary')).toEqual(['exitInLibrary lib/index.js:3'])
  })

  it("a nested package's CLI module behind an exports map that exposes only package.json is its bin's (sirv-cli, round 8)", async () => {
    const exiting = [
      'module.exports = function (dir) {', // 1
      '  if (!dir) {', // 2
      '    process.exit(1)', // 3
      '  }', // 4
      '  return dir', // 5
      '}', // 6
      ''
    ].join('\n')
    const manifest = (exports: unknown): string =>
      JSON.stringify({
        name: 'serve-cli',
        version: '1.0.0',
        main: 'index.js',
        bin: { serve: 'bin.js' },
        exports
      })
    const bin = "#!/usr/bin/env node\nconst boot = require('./index')\nboot(process.argv[2])\n"
    const found = await findings(errorHandling as Perspective<string, unknown>, {
      'package.json': '{"name":"root","private":true}\n',
      'packages/serve-cli/package.json': manifest({ './package.json': './package.json' }),
      'packages/serve-cli/bin.js': bin,
      'packages/serve-cli/index.js': exiting,
      // The twin: the same package with `main` importable (no exports map).
      'packages/serve-lib/package.json': manifest(undefined),
      'packages/serve-lib/bin.js': bin,
      'packages/serve-lib/index.js': exiting
    })
    expect(rows(found, 'exitInLibrary')).toEqual(['exitInLibrary packages/serve-lib/index.js:3'])
  })

  it('Python: a mode handler only the console script reaches, an exit the tests expect and a worker are absent; an importable helper is kept', async () => {
    const found = await findings(errorHandling as Perspective<string, unknown>, {
      'pyproject.toml': [
        '[project]',
        'name = "fixit"',
        'version = "1.0"',
        '[project.scripts]',
        'fixit = "fixit.entrypoints.main:main"',
        ''
      ].join('\n'),
      'fixit/__init__.py': 'from .api import run\n',
      'fixit/entrypoints/__init__.py': '',
      'fixit/entrypoints/main.py': [
        'import sys',
        'from .fix import fix_command',
        '',
        'def main():',
        "    if '--log' in sys.argv:",
        '        from .logger import shell_logger',
        '        shell_logger(sys.argv[2])',
        '    else:',
        '        fix_command(sys.argv[1:])',
        ''
      ].join('\n'),
      // thefuck's entrypoints/fix_command.py and shell_logger.py: public, reached only from main().
      'fixit/entrypoints/fix.py': [
        'import sys', // 1
        '', // 2
        'def fix_command(args):', // 3
        '    if not args:', // 4
        '        sys.exit(1)', // 5
        '    print(args[0])', // 6
        ''
      ].join('\n'),
      'fixit/entrypoints/logger.py': [
        'import sys', // 1
        '', // 2
        'def shell_logger(path):', // 3
        '    if not path:', // 4
        '        sys.exit(1)', // 5
        '    return path', // 6
        ''
      ].join('\n'),
      // uvicorn's Config.load: exits on an app it cannot load, and the tests expect SystemExit.
      'fixit/config.py': [
        'import sys', // 1
        '', // 2
        'class Config:', // 3
        '    def load(self, name):', // 4
        '        if not name:', // 5
        '            sys.exit(1)', // 6
        '        self.name = name', // 7
        ''
      ].join('\n'),
      'tests/test_config.py': [
        'import pytest',
        'from fixit.config import Config',
        '',
        'def test_load_exits():',
        '    with pytest.raises(SystemExit):',
        "        Config().load('')",
        ''
      ].join('\n'),
      // uvicorn's gunicorn worker: the boot-error exit is the protocol.
      'fixit/workers.py': [
        'import sys', // 1
        'from gunicorn.workers.base import Worker', // 2
        '', // 3
        'class FixWorker(Worker):', // 4
        '    def run(self):', // 5
        '        if not self.alive:', // 6
        '            sys.exit(3)', // 7
        ''
      ].join('\n'),
      // The twin: the package's own API, re-exported by __init__.py.
      'fixit/api.py': [
        'import sys', // 1
        '', // 2
        'def run(text):', // 3
        '    if not text:', // 4
        '        sys.exit(2)', // 5
        '    return text', // 6
        ''
      ].join('\n')
    })
    expect(rows(found, 'exitInLibrary')).toEqual(['exitInLibrary fixit/api.py:5'])
  })
})

describe('judged in round 9: performance, a line on the way out of a loop runs once', () => {
  it('a pattern built before a break, a stringify in a throw and a join of what the loop pushed are absent; a constant parse is kept', async () => {
    const found = await findings(performance as Perspective<string, unknown>, {
      'package.json': '{"name":"router","version":"1.0.0","type":"module","main":"index.js"}\n',
      'index.js': [
        'export function compile(parts, routes, constraints) {', // 1
        '  const regexps = []', // 2
        '  let node = null', // 3
        '  for (let i = 0; i < parts.length; i++) {', // 4
        "    if (parts[i] === '') {", // 5
        "      node = new RegExp('^' + regexps.join('') + '$')", // 6
        '      break', // 7
        '    }', // 8
        '    regexps.push(parts[i])', // 9
        '  }', // 10
        '  for (const route of routes) {', // 11
        '    if (route.path === parts[0]) {', // 12
        '      throw new Error(`duplicate ${JSON.stringify(constraints)}`)', // 13
        '    }', // 14
        '  }', // 15
        '  for (const route of routes) {', // 16
        '    route.limits = JSON.parse(constraints)', // 17
        '  }', // 18
        '  return node', // 19
        '}', // 20
        ''
      ].join('\n')
    })
    expect(rows(found, 'repeatedWorkInLoop')).toEqual(['repeatedWorkInLoop index.js:17'])
  })

  it('Python: a compile before a return and a dumps in a raise are absent; one in the loop body is kept', async () => {
    const found = await findings(performance as Perspective<string, unknown>, {
      'pyproject.toml': '[project]\nname = "router"\nversion = "1.0"\n',
      'router/__init__.py': '',
      'router/match.py': [
        'import json', // 1
        'import re', // 2
        '', // 3
        'def find(routes, prefix, extra):', // 4
        '    for route in routes:', // 5
        '        if route == prefix:', // 6
        '            pattern = re.compile(prefix)', // 7
        '            return pattern', // 8
        '    for route in routes:', // 9
        '        if route is None:', // 10
        '            raise ValueError(json.dumps(extra))', // 11
        '    for route in routes:', // 12
        '        route.extra = json.loads(extra)', // 13
        '    return None', // 14
        ''
      ].join('\n')
    })
    expect(rows(found, 'repeatedWorkInLoop')).toEqual(['repeatedWorkInLoop router/match.py:13'])
  })
})

describe('judged in round 9: data-integrity, an in-memory store and a validator', () => {
  it('updates of an attribute built as a mapping are no database writes; a database handle still is', async () => {
    const found = await findings(dataIntegrity as Perspective<string, unknown>, {
      'pyproject.toml': '[project]\nname = "refs"\nversion = "1.0"\n',
      'refs/__init__.py': '',
      // jsonschema's _RefResolver: self.store is a URIDict of schemas.
      'refs/resolver.py': [
        'from refs import _utils', // 1
        '', // 2
        'class Resolver:', // 3
        '    def __init__(self, known, store):', // 4
        '        self.store = _utils.URIDict(known)', // 5
        '        self.store.update(store)', // 6
        '        self.store.update((k, v) for k, v in known.items())', // 7
        '        self.cache = {}', // 8
        '', // 9
        '    def forget(self, uri):', // 10
        '        self.cache.delete(uri)', // 11
        '        self.cache.update({})', // 12
        ''
      ].join('\n'),
      'refs/_utils.py': [
        'from collections.abc import MutableMapping',
        '',
        'class URIDict(MutableMapping):',
        '    def __init__(self, items):',
        '        self.items = dict(items)',
        ''
      ].join('\n'),
      'refs/accounts.py': [
        'from refs.database import connect', // 1
        '', // 2
        'class Accounts:', // 3
        '    def __init__(self):', // 4
        '        self.db = connect()', // 5
        '', // 6
        '    def move(self, a, b):', // 7
        '        self.db.update(a)', // 8
        '        self.db.delete(b)', // 9
        ''
      ].join('\n'),
      'refs/database.py': 'def connect():\n    return None\n'
    })
    expect(rows(found, 'writesWithoutTransaction')).toEqual([
      'writesWithoutTransaction refs/accounts.py:8'
    ])
  })

  it('file contents loaded inside a validator are what it validates; the same load in a settings reader is reported', async () => {
    const load = (name: string): string =>
      [
        'import json', // 1
        '', // 2
        `def ${name}(path):`, // 3
        '    with open(path) as f:', // 4
        '        data = json.load(f)', // 5
        '    return data', // 6
        ''
      ].join('\n')
    const found = await findings(dataIntegrity as Perspective<string, unknown>, {
      'pyproject.toml': '[project]\nname = "conf"\nversion = "1.0"\n',
      'conf/__init__.py': '',
      'conf/validators.py': load('load_instance'),
      'conf/settings.py': load('load_settings')
    })
    expect(rows(found, 'unvalidatedInput')).toEqual(['unvalidatedInput conf/settings.py:5'])
  })
})

describe('judged in round 9: performance, the input a ReDoS pattern sees in a library that also ships a bin', () => {
  const tools = [
    'export function references(value) {', // 1
    '  return /(\\w+)\\.[a-zA-Z]/.exec(value)', // 2
    '}', // 3
    ''
  ].join('\n')
  const bin =
    '#!/usr/bin/env node\nimport { references } from "../lib/tools.js"\nreferences(process.argv[2])\n'

  it("with an exports map the text is its callers' content, not its own user's flags; without one it stays the user's own", async () => {
    const library = await findings(performance as Perspective<string, unknown>, {
      'package.json': JSON.stringify({
        name: 'svgtool',
        version: '1.0.0',
        type: 'module',
        bin: './bin/svgtool.js',
        exports: { '.': './lib/tools.js' }
      }),
      'bin/svgtool.js': bin,
      'lib/tools.js': tools
    })
    const cli = await findings(performance as Perspective<string, unknown>, {
      'package.json': JSON.stringify({
        name: 'svgtool',
        version: '1.0.0',
        type: 'module',
        bin: './bin/svgtool.js'
      }),
      'bin/svgtool.js': bin,
      'lib/tools.js': tools
    })
    expect(rows(library, 'catastrophicRegex')).toEqual(['catastrophicRegex lib/tools.js:2'])
    expect(rows(cli, 'catastrophicRegex')).toEqual(['catastrophicRegex lib/tools.js:2'])
    const [lib] = library.filter((f) => f.messageId === 'catastrophicRegex')
    const [own] = cli.filter((f) => f.messageId === 'catastrophicRegex')
    expect(lib.message).toContain('any content its callers pass')
    expect(lib.message).not.toContain('own user')
    expect(own.message).toContain('what its own user gives it (files, flags, configuration)')
  })
})

describe('judged in round 9: failure-modes, a demo program at the root is not the package', () => {
  it("example.js's throw is absent; the same throw in the package's index.js is kept", async () => {
    const throwing = (name: string): string =>
      [
        `export function ${name}(input) {`, // 1
        '  const value = JSON.parse(input)', // 2
        '  if (!value.routes) throw new Error("no routes")', // 3
        '  return value.routes', // 4
        '}', // 5
        ''
      ].join('\n')
    const found = await findings(failureModes as Perspective<string, unknown>, {
      'package.json': '{"name":"router","version":"1.0.0","type":"module","main":"index.js"}\n',
      'index.js': throwing('load'),
      'example.js': throwing('demo')
    })
    expect(found.filter((f) => f.file === 'example.js')).toEqual([])
    expect(found.filter((f) => f.file === 'index.js').length).toBeGreaterThan(0)
  })
})
