// The static reach estimate walks from each test file on its own (docs/evaluation/reach.md, round N): a
// method reached by a name several classes share, on a receiver nothing types, counts only for the classes
// that test file can obtain (imports, builds, or gets back from code it reaches). A Python string is a
// name looked up only where something looks computed names up (asn1crypto's `('signature', ...)` field
// tables are data). Each never-run method is asserted by file and line, each reached shape asserted absent.
import { modelOf, untested } from './reach-model.js'

const SHAPES = {
  'pyproject.toml': '[project]\nname = "shapes"\n',
  'shapes/__init__.py': '',
  'shapes/circle.py': [
    'class Circle:', //                                          1
    '    def __init__(self, r):', //                             2
    '        self.r = r', //                                     3
    '', //                                                       4
    '    def clone(self):', //                                   5
    '        return Circle(self.r)', //                          6
    '', //                                                       7
    '    def area(self):', //                                    8
    '        return 3 * self.r * self.r', //                     9
    ''
  ].join('\n'),
  'shapes/square.py': [
    'class Square:', //                                          1
    '    def __init__(self, s):', //                             2
    '        self.s = s', //                                     3
    '', //                                                       4
    '    def clone(self):', //                                   5
    '        return Square(self.s)', //                          6
    '', //                                                       7
    '    def area(self):', //                                    8
    '        return self.s * self.s', //                         9
    ''
  ].join('\n'),
  'shapes/make.py': [
    'from shapes.square import Square', //                       1
    '', //                                                       2
    'def square(s):', //                                         3
    '    return Square(s)', //                                   4
    ''
  ].join('\n'),
  // A runner importing every test file inside a function: it does not merge their walks.
  'tests/__init__.py': 'def all_tests():\n    from tests import test_circle, test_square\n',
  'tests/test_circle.py': [
    'from shapes.circle import Circle', //                       1
    '', //                                                       2
    'def test_clone():', //                                      3
    '    for shape in [Circle(1)]:', //                          4
    '        assert shape.clone().r == 1', //                    5
    ''
  ].join('\n'),
  'tests/test_square.py': [
    'from shapes.square import Square', //                       1
    '', //                                                       2
    'def test_area():', //                                       3
    '    assert Square(2).area() == 4', //                       4
    ''
  ].join('\n')
}

describe('static reach: one walk per test file', () => {
  it('Python: `shape.clone()` on an untyped receiver reaches the clone of the class that test file builds, not of a class only another test builds', async () => {
    const model = await modelOf(SHAPES)
    expect(untested(model, ['shapes/circle.py', 'shapes/square.py'])).toEqual([
      'shapes/circle.py:8 Circle.area',
      'shapes/square.py:5 Square.clone'
    ])
  })

  it('Python: a class the test gets back from code it calls is obtainable there, so its clone counts reached', async () => {
    const model = await modelOf({
      ...SHAPES,
      'tests/test_make.py': [
        'from shapes import make', //                            1
        '', //                                                   2
        'def test_copy():', //                                   3
        '    for shape in [make.square(3)]:', //                 4
        '        assert shape.clone() is not shape', //          5
        ''
      ].join('\n')
    })
    expect(untested(model, ['shapes/circle.py', 'shapes/square.py'])).toEqual([
      'shapes/circle.py:8 Circle.area'
    ])
  })

  it('Python: a conftest fixture builds its class for every test file', async () => {
    const model = await modelOf({
      ...SHAPES,
      'tests/conftest.py': [
        'import pytest', //                                      1
        'from shapes.square import Square', //                   2
        '', //                                                   3
        '@pytest.fixture(autouse=True)', //                      4
        'def shapes():', //                                      5
        '    return [Square(1)]', //                             6
        ''
      ].join('\n')
    })
    // test_circle's `shape.clone()` may now be a Square's: the fixture makes Square obtainable there.
    expect(untested(model, ['shapes/circle.py', 'shapes/square.py'])).toEqual([
      'shapes/circle.py:8 Circle.area'
    ])
  })

  it('Python: a conftest fixture no test asks for builds nothing (round P)', async () => {
    const model = await modelOf({
      ...SHAPES,
      'tests/conftest.py': [
        'import pytest', //                                      1
        'from shapes.square import Square', //                   2
        '', //                                                   3
        '@pytest.fixture', //                                    4
        'def shapes():', //                                      5
        '    return [Square(1)]', //                             6
        ''
      ].join('\n')
    })
    expect(untested(model, ['shapes/circle.py', 'shapes/square.py'])).toEqual([
      'shapes/circle.py:8 Circle.area',
      'shapes/square.py:5 Square.clone'
    ])
  })

  it('JavaScript: `x.peek()` on an untyped receiver reaches the peek of the class that test file requires only', async () => {
    const model = await modelOf({
      'package.json': '{"name":"lines","main":"lib/index.js","scripts":{"test":"mocha"}}',
      'lib/queue.js': [
        'class Queue {', //                                      1
        '  constructor() {', //                                  2
        '    this.items = []', //                                3
        '  }', //                                                4
        '  peek() {', //                                         5
        '    return this.items[0]', //                           6
        '  }', //                                                7
        '}', //                                                  8
        'module.exports = { Queue }', //                         9
        ''
      ].join('\n'),
      'lib/stack.js': [
        'class Stack {', //                                      1
        '  constructor() {', //                                  2
        '    this.items = []', //                                3
        '  }', //                                                4
        '  peek() {', //                                         5
        '    return this.items[this.items.length - 1]', //      6
        '  }', //                                                7
        '  size() {', //                                         8
        '    return this.items.length', //                       9
        '  }', //                                                10
        '}', //                                                  11
        'module.exports = { Stack }', //                         12
        ''
      ].join('\n'),
      'test/queue.test.js': [
        "const { Queue } = require('../lib/queue')", //          1
        "it('peeks', () => {", //                                2
        '  const all = [new Queue()]', //                        3
        '  all.forEach((x) => x.peek())', //                     4
        '})', //                                                 5
        ''
      ].join('\n'),
      'test/stack.test.js': [
        "const { Stack } = require('../lib/stack')", //          1
        "it('counts', () => {", //                               2
        '  new Stack().size()', //                               3
        '})', //                                                 4
        ''
      ].join('\n')
    })
    expect(untested(model, ['lib/queue.js', 'lib/stack.js'])).toEqual(['lib/stack.js:5 Stack.peek'])
  })
})

describe('static reach: Python strings as names', () => {
  const CERT = {
    'pyproject.toml': '[project]\nname = "certs"\n',
    'certs/__init__.py': '',
    'certs/cert.py': [
      'class Cert:', //                                          1
      "    _fields = [('signature', bytes), ('issuer', str)]", // 2
      '', //                                                     3
      '    def __init__(self, data):', //                        4
      '        self.data = data', //                             5
      '', //                                                     6
      '    @property', //                                        7
      '    def signature(self):', //                             8
      "        return self.data['signature']", //                9
      '', //                                                     10
      '    @property', //                                        11
      '    def issuer(self):', //                                12
      "        return self.data['issuer']", //                   13
      '', //                                                     14
      '    @property', //                                        15
      '    def ca(self):', //                                    16
      '        return False', //                                 17
      ''
    ].join('\n'),
    'tests/test_cert.py': [
      'from certs.cert import Cert', //                          1
      '', //                                                     2
      'def test_issuer():', //                                   3
      "    c = Cert({'signature': b'', 'issuer': 'me'})", //     4
      "    assert getattr(c, 'ca') is False", //                 5
      "    assert c.data['issuer'] == 'me'", //                  6
      ''
    ].join('\n')
  }

  it('a field name in a table is data: the properties of that name stay untested; a literal getattr names its property', async () => {
    const model = await modelOf(CERT)
    expect(untested(model, ['certs/cert.py'])).toEqual([
      'certs/cert.py:12 Cert.issuer',
      'certs/cert.py:8 Cert.signature'
    ])
  })

  it('a string handed to a module that looks names up names a method of the classes it is handed with', async () => {
    // Round R: only strings where a lookup can reach them. `['ca']` goes to show.py's `getattr(obj,
    // name)` with a Cert; the table's 'signature' and 'issuer' in cert.py go to no lookup.
    const { 'tests/test_cert.py': _literal, ...rest } = CERT
    const model = await modelOf({
      ...rest,
      'certs/show.py': [
        'def show(obj, names):', //                              1
        '    return [getattr(obj, name) for name in names]', //  2
        ''
      ].join('\n'),
      'tests/test_show.py':
        "from certs.show import show\nfrom certs.cert import Cert\n\ndef test_show():\n    show(Cert({}), ['ca'])\n"
    })
    expect(untested(model, ['certs/cert.py'])).toEqual([
      'certs/cert.py:12 Cert.issuer',
      'certs/cert.py:8 Cert.signature'
    ])
  })

  it('a computed lookup on self, or of a name built from a prefix, does not make every string a name', async () => {
    const model = await modelOf({
      ...CERT,
      'certs/ext.py': [
        'class Ext:', //                                         1
        '    def set(self, name, value):', //                    2
        "        attribute = '_%s_value' % name", //             3
        '        if hasattr(self, attribute):', //               4
        '            setattr(self, attribute, value)', //        5
        '', //                                                   6
        '    def names(self):', //                               7
        '        return [getattr(self, n) for n in dir(self)]', // 8
        ''
      ].join('\n')
    })
    expect(untested(model, ['certs/cert.py'])).toEqual([
      'certs/cert.py:12 Cert.issuer',
      'certs/cert.py:8 Cert.signature'
    ])
  })
})
