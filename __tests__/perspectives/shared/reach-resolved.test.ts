// Receivers resolved to one class: a method of class A whose name is called only on a B (a typed
// receiver, a factory's return type, an annotation, `self`/`cls`/`super()` in B) is untested, asserted
// by file and line; the same name called on a receiver nothing resolves (an `any`, an unannotated
// parameter) may reach every class's method, asserted absent. Also: the TypeScript checker reads a
// class as itself plus the classes the code hands to places typed as it (not every class of its shape),
// a read of a data property (`opts.strip` of an interface) runs no method, an interface of ours a class
// implements lends no library hooks, and an instance handed to a library (`new Parser(handler)`) may have
// any of its methods called by it.
import { modelOf, untested } from './reach-model.js'

describe('static reach: receivers resolved to a class', () => {
  it('TypeScript: factories, annotations, data properties and classes handed on', async () => {
    const model = await modelOf({
      'package.json': '{"name":"shapes","main":"src/index.ts","scripts":{"test":"vitest run"}}',
      'src/base.ts': [
        "import type { Options, Shape } from './types.js'", //       1
        'export default class Base implements Shape {', //           2
        '  size(): number {', //                                     3
        '    return 0', //                                           4
        '  }', //                                                    5
        '  strip(): this {', //                                      6
        '    return this', //                                        7
        '  }', //                                                    8
        '  resize(o: Options): number {', //                         9
        '    return o.strip ? 0 : this.size()', //                   10
        '  }', //                                                    11
        '}', //                                                      12
        ''
      ].join('\n'),
      'src/types.ts': [
        'export interface Options {',
        '  strip?: boolean',
        '}',
        'export interface Shape {',
        '  size(): number',
        '}',
        ''
      ].join('\n'),
      'src/shapes.ts': [
        "import Base from './base.js'", //                           1
        'export class Square extends Base {', //                     2
        '  strip(): this {', //                                      3
        '    return super.strip()', //                               4
        '  }', //                                                    5
        '  grow(): number {', //                                     6
        '    return 2', //                                           7
        '  }', //                                                    8
        '}', //                                                      9
        'export class Circle extends Base {', //                     10
        '  strip(): this {', //                                      11
        '    return super.strip()', //                               12
        '  }', //                                                    13
        '  grow(): number {', //                                     14
        '    return 3', //                                           15
        '  }', //                                                    16
        '}', //                                                      17
        'export class Ring extends Base {', //                       18
        '  grow(): number {', //                                     19
        '    return 4', //                                           20
        '  }', //                                                    21
        '}', //                                                      22
        'export class Star extends Base {', //                       23
        '  grow(): number {', //                                     24
        '    return 5', //                                           25
        '  }', //                                                    26
        '}', //                                                      27
        'export function square(): Square {', //                     28
        '  return new Square()', //                                  29
        '}', //                                                      30
        'export function circle(): Circle {', //                     31
        '  return new Circle()', //                                  32
        '}', //                                                      33
        'export function grown(s: Square): number {', //             34
        '  return s.grow()', //                                      35
        '}', //                                                      36
        'export function anyGrow(s: any): number {', //              37
        '  return s.grow()', //                                      38
        '}', //                                                      39
        ''
      ].join('\n'),
      'src/index.ts': "export * from './shapes.js'\nexport { default as Base } from './base.js'\n",
      'test/shapes.test.ts': [
        "import { Ring, Star, circle, grown, square, anyGrow } from '../src/index.js'",
        "import type { Square } from '../src/shapes.js'",
        "test('shapes', () => {",
        '  const s = square()',
        '  expect(s.strip()).toBe(s)',
        '  expect(grown(s)).toBe(2)',
        '  expect(circle().size()).toBe(0)',
        '  expect(circle().resize({ strip: true })).toBe(0)',
        // A Ring handed where a Square is declared: its grow may run through grown().
        '  expect(grown(new Ring() as unknown as Square)).toBe(4)',
        // An untyped receiver: any grow may run, so Star.grow is not called untested either.
        '  expect(anyGrow(new Star())).toBe(5)',
        '})',
        ''
      ].join('\n')
    })
    // strip is called on a Square only (its super call reaches Base.strip); `o.strip` reads an
    // option, no method. Ring.grow runs only through the Square-typed parameter it is cast to, Star's
    // only through the untyped one: neither is called untested.
    expect(untested(model, ['src/base.ts', 'src/shapes.ts'])).toEqual([
      'src/shapes.ts:11 Circle.strip'
    ])
  })

  it('JavaScript: an instance handed to a library may have any method called; a prototype given to a function lends nothing', async () => {
    const model = await modelOf({
      'package.json':
        '{"name":"sax","main":"lib/index.js","scripts":{"test":"mocha"},"dependencies":{"htmlish":"1.0.0"}}',
      'lib/index.js': [
        'class Handler {', //                                        1
        '  onopen() {', //                                           2
        '    return 1', //                                           3
        '  }', //                                                    4
        '}', //                                                      5
        'class Recorder {', //                                       6
        '  onopen() {', //                                           7
        '    return 3', //                                           8
        '  }', //                                                    9
        '}', //                                                      10
        'class Sink {', //                                           11
        '  onopen() {', //                                           12
        '    return 5', //                                           13
        '  }', //                                                    14
        '}', //                                                      15
        'function create() {}', //                                   16
        'create.prototype = Recorder.prototype', //                  17
        'module.exports = { Handler, Recorder, Sink, create }', //   18
        ''
      ].join('\n'),
      'test/index.test.js': [
        "const { Parser } = require('htmlish')",
        "const { Handler, Recorder, Sink } = require('../lib')",
        "it('parses', () => {",
        '  const handler = new Handler()',
        '  expect(handler.onopen()).toBe(1)',
        '  const parser = new Parser(new Sink())',
        "  parser.write('<a>')",
        '  const r = new Recorder()',
        '  expect(r).toBeTruthy()',
        '})',
        ''
      ].join('\n')
    })
    // The only onopen call is on a Handler. The parser (a library) holds the Sink: its methods may
    // run. Recorder is only built and looked at; `create.prototype = Recorder.prototype` lends its
    // methods to no other class.
    expect(untested(model, ['lib/index.js'])).toEqual(['lib/index.js:7 Recorder.onopen'])
  })

  it('Python: built, annotated, self, cls and super() receivers; an unknown receiver or a handler given to a library keeps every method', async () => {
    const model = await modelOf({
      'pyproject.toml':
        '[project]\nname = "feeds"\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
      'feeds/__init__.py': '',
      'feeds/core.py': [
        'class Reader:', //                                          1
        '    def fetch(self):', //                                   2
        '        return self.parse()', //                            3
        '', //                                                       4
        '    def parse(self):', //                                   5
        '        return 1', //                                       6
        '', //                                                       7
        '    @classmethod', //                                       8
        '    def build(cls):', //                                    9
        '        return cls.default()', //                           10
        '', //                                                      11
        '    @classmethod', //                                       12
        '    def default(cls):', //                                  13
        '        return cls()', //                                   14
        '', //                                                       15
        '', //                                                       16
        'class Atom(Reader):', //                                    17
        '    def parse(self):', //                                   18
        '        return super().parse() + 1', //                     19
        '', //                                                       20
        '', //                                                       21
        'class Writer:', //                                          22
        '    def fetch(self):', //                                   23
        '        return 0', //                                       24
        '', //                                                       25
        '    def parse(self):', //                                   26
        '        return 0', //                                       27
        '', //                                                       28
        '    def default(self):', //                                 29
        '        return 0', //                                       30
        '', //                                                       31
        '    def close(self):', //                                   32
        '        return 0', //                                       33
        '', //                                                      34
        '', //                                                       35
        'class Sink:', //                                            36
        '    def startElement(self, name, attrs):', //               37
        '        return name', //                                    38
        '', //                                                       39
        '    def close(self):', //                                   40
        '        return 1', //                                       41
        '', //                                                       42
        '', //                                                       43
        'def read_all(r: Reader):', //                               44
        '    return r.fetch()', //                                   45
        '', //                                                       46
        '', //                                                       47
        'def close_any(thing):', //                                  48
        '    return thing.close()', //                               49
        ''
      ].join('\n'),
      'tests/test_core.py': [
        'import xml.sax',
        'from feeds.core import Atom, Reader, Sink, Writer, close_any, read_all',
        '',
        '',
        'def test_read():',
        '    a = Atom()',
        '    assert a.fetch() == 2',
        '    assert read_all(Reader.build()) == 1',
        '    w = Writer()',
        '    assert close_any(w) == 0',
        '',
        '',
        'def test_sax(tmp_path):',
        "    path = tmp_path / 'a.xml'",
        "    path.write_text('<a/>')",
        '    sink = Sink()',
        '    xml.sax.parse(str(path), sink)',
        ''
      ].join('\n')
    })
    // Writer.fetch / parse / default: every call of those names is on a Reader (its family). The
    // unannotated `thing.close()` may be any close; the Sink handed to xml.sax may have any method run.
    expect(untested(model, ['feeds/core.py'])).toEqual([
      'feeds/core.py:23 Writer.fetch',
      'feeds/core.py:26 Writer.parse',
      'feeds/core.py:29 Writer.default'
    ])
  })
})
