// The shared test reach on small repositories written here: coverage reports in each format decide per
// function, exclusion pragmas (coverage.py's excluded lines and `# pragma: no cover`, `istanbul ignore
// next`, `c8 ignore start/stop`, `v8 ignore next`) mean excluded, never untested; without a report the
// static estimate follows re-exports, subclasses and names used anywhere, and says it is an estimate.
import { measuredUnitReach, reachFacts } from '../../../perspectives/shared/test-reach.js'
import type { CodeModel, ModuleModel } from '../../../src/model/types.js'
import { modelOf } from './reach-model.js'

function reachOf(model: CodeModel, path: string): Record<string, string> {
  const module = model.modules.find((m) => m.path === path) as ModuleModel
  const facts = reachFacts(model)
  return Object.fromEntries(
    module.functions.map((fn) => [fn.qualifiedName, facts.functionReach(module, fn)])
  )
}

const PY_SOURCE = [
  'def used(x):', //                      1
  '    return x + 1', //                  2
  '', //                                  3
  'def never(x):', //                     4
  '    return x * 2', //                  5
  '', //                                  6
  'def debug_only(x):  # pragma: no cover', // 7
  '    print(x)', //                      8
  '', //                                  9
  'def configured(x):', //                10
  '    raise NotImplementedError', //     11
  ''
].join('\n')

describe('shared test reach: coverage reports decide, pragmas exclude', () => {
  it('coverage.py JSON: ran, never ran, excluded by pragma and by the configured exclude_lines', async () => {
    const report = {
      meta: { format: 3, version: '7.6.0' },
      totals: {},
      files: {
        'pkg/calc.py': {
          executed_lines: [1, 2, 4, 7, 10],
          missing_lines: [5],
          excluded_lines: [7, 8, 11],
          functions: {
            used: { start_line: 1, executed_lines: [2], missing_lines: [], excluded_lines: [] },
            never: { start_line: 4, executed_lines: [], missing_lines: [5], excluded_lines: [] },
            debug_only: {
              start_line: 7,
              executed_lines: [],
              missing_lines: [],
              excluded_lines: [7, 8]
            },
            configured: {
              start_line: 10,
              executed_lines: [],
              missing_lines: [],
              excluded_lines: [11]
            },
            '': { executed_lines: [1, 4, 7, 10], missing_lines: [], excluded_lines: [] }
          }
        }
      }
    }
    const model = await modelOf({
      'pkg/__init__.py': '',
      'pkg/calc.py': PY_SOURCE,
      'coverage.json': JSON.stringify(report)
    })
    expect(reachOf(model, 'pkg/calc.py')).toEqual({
      used: 'covered',
      never: 'not-run',
      debug_only: 'excluded',
      configured: 'excluded'
    })
    const facts = reachFacts(model)
    expect(facts.isCovered('pkg/calc.py', 2)).toBe(true)
    expect(facts.isCovered('pkg/calc.py', 5)).toBe(false)
    expect(facts.lineReach('pkg/calc.py', 8)).toBe('excluded')
  })

  it('a class never ran only when its constructor, or a method beyond repr-like hooks, is unrun and none ran', async () => {
    const source = [
      'class Frozen(list):', //                 1
      '    def __repr__(self):', //             2
      '        return "Frozen"', //             3
      '', //                                    4
      'class Ledger:', //                       5
      '    def __init__(self):', //             6
      '        self.rows = []', //              7
      '', //                                    8
      '    def __repr__(self):', //             9
      '        return "Ledger"', //             10
      '', //                                    11
      'class Idle:', //                         12
      '    def run(self):', //                  13
      '        return 1', //                    14
      '', //                                    15
      '    def __str__(self):', //              16
      '        return "idle"', //               17
      '', //                                    18
      'class Shown:', //                        19
      '    def render(self):', //               20
      '        return 2', //                    21
      '', //                                    22
      '    def __repr__(self):', //             23
      '        return "Shown"', //              24
      ''
    ].join('\n')
    const fn = (start: number, executed: number[], missing: number[]) => ({
      start_line: start,
      executed_lines: executed,
      missing_lines: missing,
      excluded_lines: []
    })
    const report = {
      meta: { format: 3, version: '7.6.0' },
      totals: {},
      files: {
        'pkg/kinds.py': {
          executed_lines: [1, 2, 5, 6, 9, 12, 13, 16, 19, 20, 21, 23],
          missing_lines: [3, 7, 10, 14, 17, 24],
          excluded_lines: [],
          functions: {
            'Frozen.__repr__': fn(2, [], [3]),
            'Ledger.__init__': fn(6, [], [7]),
            'Ledger.__repr__': fn(9, [], [10]),
            'Idle.run': fn(13, [], [14]),
            'Idle.__str__': fn(16, [], [17]),
            'Shown.render': fn(20, [21], []),
            'Shown.__repr__': fn(23, [], [24])
          }
        }
      }
    }
    const model = await modelOf({
      'pkg/__init__.py': '',
      'pkg/kinds.py': source,
      'coverage.json': JSON.stringify(report)
    })
    const module = model.modules.find((m) => m.path === 'pkg/kinds.py') as ModuleModel
    const facts = reachFacts(model)
    const classReach = (name: string, line: number) =>
      measuredUnitReach(facts, module, { class: { name, loc: { startLine: line } } })
    // Only __repr__ is unrun: instances may be made and used through list's methods.
    expect(classReach('Frozen', 1)).toBeUndefined()
    // Its constructor never ran: no instance was made.
    expect(classReach('Ledger', 5)).toBe('not-run')
    // An ordinary method unrun and nothing of the class ran.
    expect(classReach('Idle', 12)).toBe('not-run')
    expect(classReach('Shown', 19)).toBe('covered')
    // The method itself is still measured as not run.
    expect(reachOf(model, 'pkg/kinds.py')['Frozen.__repr__']).toBe('not-run')
  })

  it('lcov: a function under istanbul ignore next, a c8 ignore start/stop block and v8 ignore next are excluded; the report decides the rest', async () => {
    const source = [
      'export function used(a) {', //              1
      '  return a + 1', //                          2
      '}', //                                       3
      '/* istanbul ignore next */', //              4
      'export function ignored(a) {', //            5
      '  return a - 1', //                          6
      '}', //                                       7
      '/* c8 ignore start */', //                   8
      'export function block(a) {', //              9
      '  return a * 3', //                          10
      '}', //                                       11
      '/* c8 ignore stop */', //                    12
      '// v8 ignore next', //                       13
      'export function nextOne(a) {', //            14
      '  return a', //                              15
      '}', //                                       16
      'export function never(a) {', //              17
      '  return a * 2', //                          18
      '}', //                                       19
      ''
    ].join('\n')
    const lcov = [
      'TN:',
      'SF:src/calc.js',
      'FN:1,used',
      'FN:5,ignored',
      'FN:9,block',
      'FN:14,nextOne',
      'FN:17,never',
      'FNDA:3,used',
      'FNDA:0,ignored',
      'FNDA:0,block',
      'FNDA:0,nextOne',
      'FNDA:0,never',
      'DA:2,3',
      'DA:6,0',
      'DA:10,0',
      'DA:15,0',
      'DA:18,0',
      'end_of_record',
      ''
    ].join('\n')
    const model = await modelOf({ 'src/calc.js': source, 'coverage/lcov.info': lcov })
    expect(reachOf(model, 'src/calc.js')).toEqual({
      used: 'covered',
      ignored: 'excluded',
      block: 'excluded',
      nextOne: 'excluded',
      never: 'not-run'
    })
    const module = model.modules.find((m) => m.path === 'src/calc.js') as ModuleModel
    expect(module.coverageIgnored?.map((r) => [r.pragma, r.startLine, r.endLine])).toEqual([
      ['istanbul ignore next', 4, 7],
      ['c8 ignore start', 8, 12],
      ['v8 ignore next', 13, 16]
    ])
  })

  it('Istanbul JSON and Cobertura: the report decides per function and per line', async () => {
    const source = [
      'export function used(a) {',
      '  return a + 1',
      '}',
      'export function never(a) {',
      '  return a * 2',
      '}',
      ''
    ].join('\n')
    const istanbul = {
      'src/calc.js': {
        path: 'src/calc.js',
        statementMap: {
          0: { start: { line: 2 }, end: { line: 2 } },
          1: { start: { line: 5 }, end: { line: 5 } }
        },
        s: { 0: 2, 1: 0 },
        fnMap: {
          0: { name: 'used', decl: { start: { line: 1 } } },
          1: { name: 'never', decl: { start: { line: 4 } } }
        },
        f: { 0: 2, 1: 0 },
        branchMap: {},
        b: {}
      }
    }
    const fromIstanbul = await modelOf({
      'src/calc.js': source,
      'coverage/coverage-final.json': JSON.stringify(istanbul)
    })
    expect(reachOf(fromIstanbul, 'src/calc.js')).toEqual({ used: 'covered', never: 'not-run' })
    const cobertura =
      '<?xml version="1.0" ?><coverage version="7.6"><sources><source>.</source></sources><packages><package name="src"><classes>' +
      '<class name="calc.js" filename="src/calc.js"><methods/><lines><line number="2" hits="1"/><line number="5" hits="0"/></lines></class>' +
      '</classes></package></packages></coverage>'
    const fromCobertura = await modelOf({ 'src/calc.js': source, 'coverage.xml': cobertura })
    expect(reachOf(fromCobertura, 'src/calc.js')).toEqual({ used: 'covered', never: 'not-run' })
  })
  it('lcov: an arrow in an object literal the report calls (anonymous_0) is matched by its line', async () => {
    const source = "module.exports = {\n  NAME: 'x',\n  NOOP: () => {}\n}\n"
    const lcov =
      'TN:\nSF:lib/constants.js\nFN:3,(anonymous_0)\nFNDA:9,(anonymous_0)\nDA:1,1\nend_of_record\n'
    const model = await modelOf({ 'lib/constants.js': source, 'coverage/lcov.info': lcov })
    expect(reachOf(model, 'lib/constants.js')).toEqual({ NOOP: 'covered' })
  })
})

describe('shared test reach: the static estimate without a report', () => {
  it('Python: re-exports through __init__, subclasses with inherited methods, names used anywhere; an unused function is estimated untested', async () => {
    const model = await modelOf({
      'shop/__init__.py': 'from shop.money import total, Base\nfrom shop import helpers\n',
      'shop/money.py': [
        'class Base:',
        '    def describe(self):',
        '        return "base"',
        '',
        'class Cart(Base):',
        '    pass',
        '',
        'def total(items):',
        '    return sum(fmt(i) for i in items)',
        '',
        'def fmt(i):',
        '    return i',
        '',
        'def orphan(x):',
        '    return x',
        ''
      ].join('\n'),
      'shop/helpers.py': 'TABLE = {}\n\ndef register(x):\n    TABLE[x] = x\n',
      'tests/test_money.py':
        'from shop import total, Base\n\ndef test_total():\n    assert total([1]) == 1\n    assert Base().describe() == "base"\n'
    })
    const money = reachOf(model, 'shop/money.py')
    expect(money.total).toBe('estimated-tested')
    expect(money['Base.describe']).toBe('estimated-tested')
    expect(money.fmt).toBe('estimated-tested')
    expect(money.orphan).toBe('estimated-untested')
    // helpers is loaded through the package, but nothing uses register: it cannot run.
    expect(reachOf(model, 'shop/helpers.py').register).toBe('estimated-untested')
  })

  it('JavaScript: a barrel re-export, the package root required from a nested test, methods through instances', async () => {
    const model = await modelOf({
      'package.json': JSON.stringify({ name: 'calc', exports: { '.': { require: './index.js' } } }),
      'index.js':
        "const ops = require('./lib/ops')\nmodule.exports.add = ops.add\nmodule.exports.Counter = require('./lib/counter')\n",
      'lib/ops.js':
        'function add(a, b) {\n  return a + b\n}\nfunction unused(a) {\n  return a\n}\nmodule.exports = { add, unused }\n',
      'lib/counter.js':
        'class Counter {\n  increment() {\n    return 1\n  }\n  reset() {\n    return 0\n  }\n}\nmodule.exports = Counter\n',
      'test/unit/calc.test.js':
        "const calc = require('../../')\ntest('adds', () => {\n  expect(calc.add(1, 2)).toBe(3)\n  expect(new calc.Counter().increment()).toBe(1)\n})\n"
    })
    const ops = reachOf(model, 'lib/ops.js')
    expect(ops.add).toBe('estimated-tested')
    expect(reachOf(model, 'lib/counter.js')['Counter.increment']).toBe('estimated-tested')
  })

  it('Python: inherited methods of a base class in another module, click commands and flask routes run through runners and clients, importlib by name', async () => {
    const model = await modelOf({
      'app/__init__.py': '',
      'app/base.py':
        'class Store:\n    def save(self, item):\n        self.items.append(item)\n\n    def purge(self):\n        self.items = []\n',
      'app/memory.py':
        'from app.base import Store\n\nclass MemoryStore(Store):\n    def __init__(self):\n        self.items = []\n',
      'app/cli.py':
        'import click\n\n@click.group()\ndef cli():\n    pass\n\n@cli.command()\ndef hello():\n    click.echo("hi")\n',
      'app/web.py':
        'from flask import Flask\napp = Flask(__name__)\n\n@app.route("/ping")\ndef ping():\n    return "pong"\n',
      'app/plugins/extra.py': 'def load():\n    return 1\n',
      'tests/test_app.py': [
        'import importlib',
        'from click.testing import CliRunner',
        'from app.memory import MemoryStore',
        'from app.cli import cli',
        'from app.web import app',
        '',
        'def test_store():',
        '    s = MemoryStore()',
        '    s.save(1)',
        '',
        'def test_cli():',
        '    assert CliRunner().invoke(cli, ["hello"]).output == "hi\\n"',
        '',
        'def test_web():',
        '    assert app.test_client().get("/ping").data == b"pong"',
        '',
        'def test_plugin():',
        '    assert importlib.import_module("app.plugins.extra").load() == 1',
        ''
      ].join('\n')
    })
    const base = reachOf(model, 'app/base.py')
    expect(base['Store.save']).toBe('estimated-tested')
    // Inherited, but nothing anywhere calls purge(): it cannot run.
    expect(base['Store.purge']).toBe('estimated-untested')
    expect(reachOf(model, 'app/cli.py').hello).toBe('estimated-tested')
    expect(reachOf(model, 'app/web.py').ping).toBe('estimated-tested')
    expect(reachOf(model, 'app/plugins/extra.py').load).toBe('estimated-tested')
  })

  it('JavaScript: handlers of an app requested through supertest, a default re-export, the package imported by its own name', async () => {
    const model = await modelOf({
      'package.json': JSON.stringify({ name: 'shop', main: 'src/index.js' }),
      'src/index.js':
        "export { default as createApp } from './app.js'\nexport { total } from './money.js'\n",
      'src/money.js':
        'export function total(items) {\n  return items.length\n}\nexport function refund(x) {\n  return -x\n}\n',
      'src/app.js':
        "import express from 'express'\nfunction listOrders(req, res) {\n  res.json([])\n}\nexport default function createApp() {\n  const app = express()\n  app.get('/orders', listOrders)\n  return app\n}\n",
      'test/app.test.js':
        "import request from 'supertest'\nimport { createApp, total } from 'shop'\ntest('orders', async () => {\n  await request(createApp()).get('/orders').expect(200)\n  expect(total([])).toBe(0)\n})\n"
    })
    const app = reachOf(model, 'src/app.js')
    expect(app.createApp).toBe('estimated-tested')
    expect(app.listOrders).toBe('estimated-tested')
    const money = reachOf(model, 'src/money.js')
    expect(money.total).toBe('estimated-tested')
    expect(money.refund).toBe('estimated-untested')
  })

  it('Python: hooks of a library base class and plugin modules loaded by name may run; an unused plugin helper cannot', async () => {
    const model = await modelOf({
      'md/__init__.py': '',
      // Extensions are loaded by a name computed at run time, so any module may be one.
      'md/core.py':
        'import importlib\n\n\ndef load(name):\n    return importlib.import_module("md.ext." + name)\n\n\ndef convert(text, extensions):\n    for ext in extensions:\n        ext.extend(text)\n    return text\n',
      'md/html.py':
        'from html.parser import HTMLParser\n\nclass Extractor(HTMLParser):\n    def handle_starttag(self, tag, attrs):\n        self.seen = tag\n',
      'md/ext/__init__.py': '',
      'md/ext/tables.py':
        'class Tables:\n    def extend(self, text):\n        return text\n\n    def unused_helper(self):\n        return 1\n',
      'tests/test_core.py':
        'from md.core import convert\nfrom md.html import Extractor\n\ndef test_convert():\n    assert convert("x", []) == "x"\n    Extractor().feed("<p>")\n'
    })
    expect(reachOf(model, 'md/html.py')['Extractor.handle_starttag']).toBe('estimated-tested')
    const tables = reachOf(model, 'md/ext/tables.py')
    expect(tables['Tables.extend']).toBe('estimated-tested')
    expect(tables['Tables.unused_helper']).toBe('estimated-untested')
  })
})

describe('shared test reach: the path of names from the tests', () => {
  it('Python: a conftest fixture and a test helper module reach the product transitively; a function only an unreached function calls is untested', async () => {
    const model = await modelOf({
      'inv/__init__.py': 'from inv.stock import Stock, restock\n',
      'inv/stock.py': [
        'class Stock:', //                          1
        '    def __init__(self):', //               2
        '        self.items = {}', //               3
        '        self._load()', //                  4
        '', //                                      5
        '    def _load(self):', //                  6
        '        self.items["a"] = 1', //           7
        '', //                                      8
        '    def count(self, name):', //            9
        '        return self.items.get(name, 0)', // 10
        '', //                                      11
        '    def audit(self):', //                  12
        '        return summarize(self.items)', //  13
        '', //                                      14
        'def summarize(items):', //                 15
        '    return len(items)', //                 16
        '', //                                      17
        'def restock(stock, name):', //             18
        '    stock.items[name] = stock.count(name) + 1', // 19
        ''
      ].join('\n'),
      'inv/report.py':
        'from inv.stock import Stock\n\ndef render(stock):\n    return str(stock.count("a"))\n',
      'tests/conftest.py':
        'import pytest\nfrom inv import Stock\n\n@pytest.fixture\ndef stock():\n    return Stock()\n',
      'tests/helpers.py':
        'from inv.report import render\n\ndef shown(stock):\n    return render(stock)\n',
      'tests/test_stock.py':
        'from tests.helpers import shown\n\ndef test_shown(stock):\n    assert shown(stock) == "1"\n'
    })
    const stock = reachOf(model, 'inv/stock.py')
    // Built by the conftest fixture, its constructor runs the private loader.
    expect(stock['Stock.__init__']).toBe('estimated-tested')
    expect(stock['Stock._load']).toBe('estimated-tested')
    // Called by the report module the test helper uses.
    expect(stock['Stock.count']).toBe('estimated-tested')
    expect(reachOf(model, 'inv/report.py').render).toBe('estimated-tested')
    // Nothing on a path from the tests calls audit, so summarize (only audit calls it) cannot run either.
    expect(stock['Stock.audit']).toBe('estimated-untested')
    expect(stock.summarize).toBe('estimated-untested')
    expect(stock.restock).toBe('estimated-untested')
  })

  it('Python: a subclass method inherited through the MRO and a console entry point run through a CLI runner', async () => {
    const model = await modelOf({
      'tool/__init__.py': '',
      'tool/base.py':
        'class Command:\n    def run(self, args):\n        return self.execute(args)\n\n    def execute(self, args):\n        raise NotImplementedError\n\n    def describe(self):\n        return "command"\n',
      'tool/greet.py':
        'from tool.base import Command\n\nclass Greet(Command):\n    def execute(self, args):\n        return "hi " + args[0]\n',
      'tool/cli.py':
        'import sys\nfrom tool.greet import Greet\n\ndef main(argv=None):\n    return Greet().run(argv or sys.argv[1:])\n',
      'tests/test_cli.py':
        'import subprocess, sys\n\ndef test_main():\n    out = subprocess.run([sys.executable, "-m", "tool.cli", "bob"])\n\ndef test_in_process():\n    from tool.cli import main\n    assert main(["bob"]) == "hi bob"\n'
    })
    const base = reachOf(model, 'tool/base.py')
    expect(base['Command.run']).toBe('estimated-tested')
    expect(reachOf(model, 'tool/greet.py')['Greet.execute']).toBe('estimated-tested')
    expect(reachOf(model, 'tool/cli.py').main).toBe('estimated-tested')
    expect(base['Command.describe']).toBe('estimated-untested')
  })

  it('JavaScript: exports in module.exports are not uses; a function only a benchmark calls is untested; instances and the package name reach methods', async () => {
    const model = await modelOf({
      'package.json': JSON.stringify({ name: 'lru', main: 'index.js' }),
      'index.js':
        "const Cache = require('./lib/cache')\nconst { hash, slowHash } = require('./lib/hash')\nmodule.exports = { Cache, hash, slowHash }\n",
      'lib/cache.js': [
        "const { hash } = require('./hash')", // 1
        'class Cache {', //                     2
        '  constructor() {', //                 3
        '    this.map = new Map()', //          4
        '  }', //                               5
        '  set(k, v) {', //                     6
        '    this.map.set(hash(k), v)', //      7
        '  }', //                               8
        '  dump() {', //                        9
        '    return [...this.map]', //          10
        '  }', //                               11
        '}', //                                 12
        'module.exports = Cache', //            13
        ''
      ].join('\n'),
      'lib/hash.js':
        'function hash(k) {\n  return String(k)\n}\nfunction slowHash(k) {\n  return hash(k).padStart(8)\n}\nmodule.exports = { hash, slowHash }\n',
      'bench/run.js': "const { slowHash } = require('../lib/hash')\nslowHash('x')\n",
      'test/cache.test.js':
        "const { Cache } = require('lru')\ntest('set', () => {\n  const c = new Cache()\n  c.set('a', 1)\n})\n"
    })
    const cache = reachOf(model, 'lib/cache.js')
    expect(cache['Cache.set']).toBe('estimated-tested')
    expect(cache['Cache.dump']).toBe('estimated-untested')
    const hash = reachOf(model, 'lib/hash.js')
    expect(hash.hash).toBe('estimated-tested')
    // Exported and called by a benchmark, but no test path reaches it.
    expect(hash.slowHash).toBe('estimated-untested')
  })

  it('TypeScript: a barrel with default and renamed re-exports, a request through an in-process client reaches the handler and what it calls', async () => {
    const model = await modelOf({
      'package.json': JSON.stringify({ name: 'api', exports: { '.': './src/index.ts' } }),
      'src/index.ts':
        "export { default as build } from './app.js'\nexport { format as formatPrice } from './price.js'\n",
      'src/price.ts':
        'export function format(n: number): string {\n  return round(n).toFixed(2)\n}\nfunction round(n: number): number {\n  return Math.round(n)\n}\nexport function parse(s: string): number {\n  return Number(s)\n}\n',
      'src/app.ts':
        "import { Hono } from 'hono'\nimport { format } from './price.js'\nconst show = (c: any) => c.text(format(1))\nexport default function build() {\n  const app = new Hono()\n  app.get('/price', show)\n  return app\n}\n",
      'test/app.test.ts':
        "import { build, formatPrice } from 'api'\ntest('price', async () => {\n  const res = await build().request('/price')\n  expect(formatPrice(2)).toBe('2.00')\n})\n"
    })
    const price = reachOf(model, 'src/price.ts')
    expect(price.format).toBe('estimated-tested')
    expect(price.round).toBe('estimated-tested')
    expect(price.parse).toBe('estimated-untested')
    const app = reachOf(model, 'src/app.ts')
    expect(app.build).toBe('estimated-tested')
    expect(app.show).toBe('estimated-tested')
  })
})
