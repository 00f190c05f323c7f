// The static reach estimate on small repositories written here, for the shapes measured wrong on real
// suites (docs/evaluation/reach.md, round D): accessors of property descriptors run when the object is
// used (chalk), a Python property runs only when its name is read, `self.m()` / `this.m()` calls a method
// of the caller's class family, a bare name inside a function calls no method, and a raising base method
// that a subclass inherits may run. Each planted never-run function is asserted by file and line, each
// shape that runs is asserted not to be called untested.
import { modelOf, untested } from './reach-model.js'

describe('static reach: receivers and accessors', () => {
  it('JavaScript: descriptor accessors installed by Object.defineProperties run when the object is used, and so does what they call', async () => {
    const model = await modelOf({
      'package.json': '{"name":"paint","main":"lib/paint.js","scripts":{"test":"jest"}}',
      'lib/paint.js': [
        "const { wrap } = require('./util')", //                    1
        'const styles = {}', //                                     2
        "for (const name of ['red', 'blue']) {", //                 3
        '  styles[name] = {', //                                    4
        '    get() {', //                                           5
        '      return apply(this, name)', //                        6
        '    }', //                                                 7
        '  }', //                                                   8
        '}', //                                                     9
        'const apply = (self, name) => wrap(name)', //              10
        'const level = {}', //                                      11
        "Object.defineProperty(level, 'value', {", //               12
        '  get: function () {', //                                  13
        '    return shade(1)', //                                   14
        '  }', //                                                   15
        '})', //                                                    16
        'function shade(n) {', //                                   17
        '  return n', //                                            18
        '}', //                                                     19
        'module.exports = Object.defineProperties(() => {}, styles)', // 20
        ''
      ].join('\n'),
      'lib/util.js': [
        'function wrap(s) {', //                                    1
        "  return '<' + s + '>'", //                                2
        '}', //                                                     3
        'function unused(s) {', //                                  4
        '  return s', //                                            5
        '}', //                                                     6
        'module.exports = { wrap, unused }', //                     7
        ''
      ].join('\n'),
      '__tests__/paint.test.js':
        "const paint = require('../lib/paint')\ntest('red', () => {\n  expect(paint.red).toBeDefined()\n})\n"
    })
    expect(untested(model, ['lib/paint.js', 'lib/util.js'])).toEqual(['lib/util.js:4 unused'])
  })

  it('Python: a property runs when its name is read (getattr by string too); one nothing reads is untested, on a class built on int as well', async () => {
    const model = await modelOf({
      'pyproject.toml':
        '[project]\nname = "shop"\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
      'shop/__init__.py': '',
      'shop/items.py': [
        'class Item:', //                                           1
        '    @property', //                                         2
        '    def kind(self):', //                                   3
        '        return "item"', //                                 4
        '', //                                                      5
        '    @property', //                                         6
        '    def label(self):', //                                  7
        '        return "label"', //                                8
        '', //                                                      9
        '    @property', //                                         10
        '    def code(self):', //                                   11
        '        return 7', //                                      12
        '', //                                                      13
        '    def render(self):', //                                 14
        '        return self.kind + str(getattr(self, "code"))', // 15
        '', //                                                      16
        '', //                                                      17
        'class Amount(int):', //                                    18
        '    @property', //                                         19
        '    def cents(self):', //                                  20
        '        return self * 100', //                             21
        '', //                                                      22
        '    def unwrap(self):', //                                 23
        '        return int(self)', //                              24
        '', //                                                      25
        '    __int__ = unwrap', //                                  26
        ''
      ].join('\n'),
      'tests/test_items.py':
        'from shop.items import Item, Amount\n\ndef test_render():\n    assert Item().render() == "item7"\n\ndef test_amount():\n    assert int(Amount(2)) == 2\n'
    })
    expect(untested(model, ['shop/items.py'])).toEqual([
      'shop/items.py:20 Amount.cents',
      'shop/items.py:7 Item.label'
    ])
  })

  it('Python: self.m() calls m of the class family (a subclass hook through a base), a bare name calls no method, an inherited raising base method may run', async () => {
    const model = await modelOf({
      'pyproject.toml':
        '[project]\nname = "jobs"\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
      'jobs/__init__.py': '',
      'jobs/run.py': [
        'def helper():', //                                         1
        '    return 1', //                                          2
        '', //                                                      3
        '', //                                                      4
        'class Reader:', //                                         5
        '    def read(self):', //                                   6
        '        return self.parse() + helper()', //                7
        '', //                                                      8
        '    def parse(self):', //                                  9
        '        return 1', //                                      10
        '', //                                                      11
        '', //                                                      12
        'class Writer:', //                                         13
        '    def parse(self):', //                                  14
        '        return 2', //                                      15
        '', //                                                      16
        '    def helper(self):', //                                 17
        '        return 3', //                                      18
        '', //                                                      19
        '    def write(self):', //                                  20
        '        return 4', //                                      21
        '', //                                                      22
        '', //                                                      23
        'class Base:', //                                           24
        '    def run(self):', //                                    25
        '        return self.step()', //                            26
        '', //                                                      27
        '    def step(self):', //                                   28
        '        raise NotImplementedError', //                     29
        '', //                                                      30
        '', //                                                      31
        'class Job(Base):', //                                      32
        '    def step(self):', //                                   33
        '        return 5', //                                      34
        '', //                                                      35
        '', //                                                      36
        'class Blank(Base):', //                                    37
        '    pass', //                                              38
        ''
      ].join('\n'),
      'tests/test_run.py': [
        'import pytest',
        'from jobs.run import Reader, Writer, Job, Blank',
        '',
        'def test_read():',
        '    assert Reader().read() == 2',
        '',
        'def test_write():',
        '    assert Writer().write() == 4',
        '',
        'def test_job():',
        '    assert Job().run() == 5',
        '',
        'def test_blank():',
        '    with pytest.raises(NotImplementedError):',
        '        Blank().run()',
        ''
      ].join('\n')
    })
    expect(untested(model, ['jobs/run.py'])).toEqual([
      'jobs/run.py:14 Writer.parse',
      'jobs/run.py:17 Writer.helper'
    ])
  })

  it("JavaScript: this.m() in a class method calls m of its own family, or of a class or object mixed into its prototype; another class's m of the same name is untested", async () => {
    const model = await modelOf({
      'package.json': '{"name":"io","main":"index.js","scripts":{"test":"jest"}}',
      'index.js': [
        'class Reader {', //                                        1
        '  read() {', //                                            2
        '    return this.parse()', //                               3
        '  }', //                                                   4
        '  parse() {', //                                           5
        '    return 1', //                                          6
        '  }', //                                                   7
        '}', //                                                     8
        'class Writer {', //                                        9
        '  parse() {', //                                           10
        '    return 2', //                                          11
        '  }', //                                                   12
        '  write() {', //                                           13
        '    return 3', //                                          14
        '  }', //                                                   15
        '}', //                                                     16
        'class Greeter {', //                                       17
        '  hello() {', //                                           18
        "    return 'hi'", //                                       19
        '  }', //                                                   20
        '}', //                                                     21
        'class Mixed {', //                                         22
        '  go() {', //                                              23
        '    return this.hello() + this.wave()', //                 24
        '  }', //                                                   25
        '}', //                                                     26
        'Object.assign(Mixed.prototype, Greeter.prototype, {', //   27
        '  wave() {', //                                            28
        "    return '!'", //                                        29
        '  }', //                                                   30
        '})', //                                                    31
        'module.exports = { Reader, Writer, Mixed }', //            32
        ''
      ].join('\n'),
      '__tests__/io.test.js':
        "const { Reader, Writer, Mixed } = require('..')\ntest('io', () => {\n  expect(new Reader().read()).toBe(1)\n  expect(new Writer().write()).toBe(3)\n  expect(new Mixed().go()).toBe('hi!')\n})\n"
    })
    expect(untested(model, ['index.js'])).toEqual(['index.js:10 Writer.parse'])
  })

  it("JavaScript: a module's export called where it is required under no name (`require('./setup')(exports)`) runs, from a root-level test.js; a function nothing uses is untested", async () => {
    const model = await modelOf({
      'package.json': '{"name":"dbg","main":"lib/node.js","scripts":{"test":"mocha test.js"}}',
      'lib/setup.js': [
        'function setup(env) {', //                                 1
        '  env.init()', //                                          2
        '  return env', //                                          3
        '}', //                                                     4
        'function spare() {', //                                    5
        '  return 1', //                                            6
        '}', //                                                     7
        'module.exports = setup', //                                8
        ''
      ].join('\n'),
      'lib/node.js': [
        'function init() {', //                                     1
        '  return 1', //                                            2
        '}', //                                                     3
        'exports.init = init', //                                   4
        "module.exports = require('./setup')(exports)", //          5
        ''
      ].join('\n'),
      'test.js':
        "const assert = require('assert')\nconst node = require('./lib/node')\nit('loads', () => {\n  assert.ok(node)\n})\n"
    })
    expect(untested(model, ['lib/setup.js', 'lib/node.js'])).toEqual(['lib/setup.js:5 spare'])
  })

  it('Python: methods looked up by a name built at run time (`getattr(self, "visit_%s" % kind)`) may run; a method nothing names is untested', async () => {
    const model = await modelOf({
      'pyproject.toml': '[project]\nname = "tree"\n',
      'tree/__init__.py': '',
      'tree/visit.py': [
        'class Visitor:', //                                        1
        '    def visit(self, node):', //                            2
        '        return getattr(self, "visit_%s" % node["type"])(node)', // 3
        '', //                                                      4
        '    def visit_field(self, node):', //                      5
        '        return 1', //                                      6
        '', //                                                      7
        '    def visit_index(self, node):', //                      8
        '        return 2', //                                      9
        '', //                                                      10
        '    def render(self):', //                                 11
        '        return 0', //                                      12
        ''
      ].join('\n'),
      'tests/test_visit.py':
        'from tree.visit import Visitor\n\ndef test_visit():\n    assert Visitor().visit({"type": "field"}) == 1\n'
    })
    expect(untested(model, ['tree/visit.py'])).toEqual(['tree/visit.py:11 Visitor.render'])
  })
})
