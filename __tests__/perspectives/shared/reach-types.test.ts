// The static reach estimate reads a receiver's type where it is local and sure (receiver-types.ts):
// `x = Foo()` / `const x = new Foo()`, a factory whose every return builds one class, a parameter
// annotated with a class, `self.a = Foo()` / `this.a = new Foo()` then `self.a.m()`. Such an `x.m()`
// reaches only `m` of that class (and its bases; its family for an annotation), so a same-named method
// of another class the tests build is untested. Each planted never-run method is asserted by file and
// line; the shapes where the type is not sure (a reassigned name, a loop variable, a shadowing lambda
// parameter, a class answering any attribute, a library call) are asserted not to be called untested.
// Literals are built-in objects (`items = {}`: `items.get` is a dict's), `super().m()` calls m of the
// class's family, and `x = self.a` takes the type of `self.a`.
import { modelOf, untested } from './reach-model.js'

const PYPROJECT = '[project]\nname = "store"\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'

// Four classes with the same method names; which `get`/`put`/`read` runs depends on the receiver.
const PY_LIB = [
  'class Box:', //                                             1
  '    def get(self):', //                                     2
  '        return 1', //                                       3
  '', //                                                       4
  '    def put(self, v):', //                                  5
  '        return v', //                                       6
  '', //                                                       7
  '', //                                                       8
  'class Bag:', //                                             9
  '    def get(self):', //                                     10
  '        return 2', //                                       11
  '', //                                                       12
  '    def put(self, v):', //                                  13
  '        return v', //                                       14
  '', //                                                       15
  '    @classmethod', //                                       16
  '    def empty(cls):', //                                    17
  '        return cls()', //                                   18
  '', //                                                       19
  '', //                                                       20
  'class Store:', //                                           21
  '    def read(self):', //                                    22
  '        return 3', //                                       23
  '', //                                                       24
  '', //                                                       25
  'class FileStore(Store):', //                                26
  '    def read(self):', //                                    27
  '        return 4', //                                       28
  '', //                                                       29
  '', //                                                       30
  'class Cache:', //                                           31
  '    def read(self):', //                                    32
  '        return 5', //                                       33
  '', //                                                       34
  '', //                                                       35
  'def make_bag():', //                                        36
  '    return Bag()', //                                       37
  '', //                                                       38
  '', //                                                       39
  'def load(store: Store):', //                                40
  '    return store.read()', //                                41
  ''
].join('\n')

describe('static reach: receivers of a known type', () => {
  it('Python: x = Foo(), a factory, an annotated parameter and self.a = Foo() reach only that class', async () => {
    const model = await modelOf({
      'pyproject.toml': PYPROJECT,
      'store/__init__.py': '',
      'store/lib.py': PY_LIB,
      'store/index.py': [
        'class Index:', //                                           1
        '    def __init__(self):', //                                2
        '        self.items = {}', //                                3
        '', //                                                       4
        '    def lookup(self, key):', //                             5
        '        items = self.items', //                             6
        '        return items.get(key)', //                          7
        '', //                                                       8
        '    def clear(self):', //                                   9
        '        return None', //                                    10
        '', //                                                       11
        '', //                                                       12
        'class Counted(Index):', //                                  13
        '    def clear(self):', //                                   14
        '        return super().clear()', //                         15
        '', //                                                       16
        '', //                                                       17
        'class Other:', //                                           18
        '    def clear(self):', //                                   19
        '        return 0', //                                       20
        ''
      ].join('\n'),
      'tests/test_lib.py': [
        'import unittest',
        'from store.index import Counted, Index, Other',
        'from store.lib import Box, Bag, Cache, FileStore, make_bag, load',
        '',
        '',
        'def test_index():',
        '    assert Index().lookup("a") is None',
        '    assert Counted().clear() is None',
        '    assert Other() is not None',
        '',
        '',
        'def test_box():',
        '    box = Box()',
        '    assert box.put(1) == 1',
        '',
        '',
        'def test_bag():',
        '    bag = make_bag()',
        '    assert bag.put(2) == 2',
        '    assert Bag.empty().put(1) == 1',
        '',
        '',
        'def test_load():',
        '    assert load(FileStore()) == 4',
        '    assert Cache() is not None',
        '',
        '',
        'class BoxTest(unittest.TestCase):',
        '    def setUp(self):',
        '        self.box = Box()',
        '',
        '    def test_get(self):',
        '        self.assertEqual(self.box.get(), 1)',
        ''
      ].join('\n')
    })
    // Bag.get: only Box's get (and a dict's, through `items = self.items`) is called; Cache.read:
    // load() reads a Store; Other.clear: `super().clear()` in Counted calls Index.clear.
    expect(untested(model, ['store/lib.py', 'store/index.py'])).toEqual([
      'store/index.py:19 Other.clear',
      'store/lib.py:10 Bag.get',
      'store/lib.py:32 Cache.read'
    ])
  })

  it('Python: where the type is not sure, every method of the name may run', async () => {
    const model = await modelOf({
      'pyproject.toml': PYPROJECT,
      'store/__init__.py': '',
      'store/lib.py': PY_LIB,
      'store/proxy.py': [
        'class Proxy:', //                                           1
        '    def __init__(self, inner):', //                         2
        '        self.inner = inner', //                             3
        '', //                                                       4
        '    def __getattr__(self, name):', //                       5
        '        return getattr(self.inner, name)', //               6
        ''
      ].join('\n'),
      'tests/test_lib.py': [
        'import copy',
        'from store.lib import Box, Bag, Cache, Store',
        'from store.proxy import Proxy',
        '',
        '',
        'def test_reassigned():',
        '    item = Box()',
        '    item = copy.copy(Bag())',
        '    assert item.get() == 2',
        '',
        '',
        'def test_loop():',
        '    for s in [Store(), Cache()]:',
        '        s.read()',
        '',
        '',
        'def test_proxy():',
        '    p = Proxy(Box())',
        '    assert p.put(1) == 1',
        '',
        '',
        'def test_lambda():',
        '    box = Box()',
        '    assert (lambda box: box.put(1))(Bag()) == 1',
        '    assert box is not None',
        ''
      ].join('\n')
    })
    // Bag.get (reassigned), Store.read / Cache.read (loop), Bag.put (proxy, lambda) all may run; the
    // rest are not called by this suite.
    expect(untested(model, ['store/lib.py'])).toEqual([
      'store/lib.py:17 Bag.empty',
      'store/lib.py:27 FileStore.read',
      'store/lib.py:36 make_bag',
      'store/lib.py:40 load'
    ])
  })

  it('JavaScript and TypeScript: new Foo(), a factory, a typed parameter and this.a = new Foo() reach only that class', async () => {
    const model = await modelOf({
      'package.json': '{"name":"store","main":"src/index.ts","scripts":{"test":"vitest run"}}',
      'src/index.ts': [
        'export class Box {', //                                     1
        '  get() {', //                                              2
        '    return 1', //                                           3
        '  }', //                                                    4
        '  put(v: number) {', //                                     5
        '    return v', //                                           6
        '  }', //                                                    7
        '}', //                                                      8
        'export class Bag {', //                                     9
        '  get() {', //                                              10
        '    return 2', //                                           11
        '  }', //                                                    12
        '  put(v: number) {', //                                     13
        '    return v', //                                           14
        '  }', //                                                    15
        '  static empty() {', //                                     16
        '    return new Bag()', //                                   17
        '  }', //                                                    18
        '}', //                                                      19
        'export class Store {', //                                   20
        '  read() {', //                                             21
        '    return 3', //                                           22
        '  }', //                                                    23
        '}', //                                                      24
        'export class Cache {', //                                   25
        '  read() {', //                                             26
        '    return 5', //                                           27
        '  }', //                                                    28
        '}', //                                                      29
        'export const makeBag = () => new Bag()', //                 30
        'export function load(store: Store | null) {', //            31
        '  return store?.read()', //                                 32
        '}', //                                                      33
        'export class Shelf {', //                                   34
        '  box = new Box()', //                                      35
        '  first() {', //                                            36
        '    return this.box.put(1)', //                             37
        '  }', //                                                    38
        '}', //                                                      39
        'export function lookup(key: string) {', //                  40
        '  const seen = new Map<string, number>()', //               41
        '  return seen.get(key)', //                                 42
        '}', //                                                      43
        ''
      ].join('\n'),
      'src/index.test.ts': [
        "import { Box, Bag, Cache, Shelf, Store, makeBag, load, lookup } from './index'",
        "test('box', () => {",
        '  const box = new Box()',
        '  expect(box.get()).toBe(1)',
        '  expect(makeBag().put(2)).toBe(2)',
        '  const bag = Bag.empty()',
        '  expect(bag.put(1)).toBe(1)',
        '  expect(load(new Store())).toBe(3)',
        '  expect(new Cache()).toBeDefined()',
        '  expect(new Shelf().first()).toBe(1)',
        "  expect(lookup('a')).toBeUndefined()",
        '})',
        ''
      ].join('\n')
    })
    // Bag.get: only Box's get and Map's get are called; Cache.read: load() reads a Store.
    expect(untested(model, ['src/index.ts'])).toEqual([
      'src/index.ts:10 Bag.get',
      'src/index.ts:26 Cache.read'
    ])
  })

  it('JavaScript: a name reassigned (in a closure too) or built from a variable is not sure', async () => {
    const model = await modelOf({
      'package.json': '{"name":"store","main":"lib/index.js","scripts":{"test":"mocha"}}',
      'lib/index.js': [
        'class Box {', //                                            1
        '  get() {', //                                              2
        '    return 1', //                                           3
        '  }', //                                                    4
        '}', //                                                      5
        'class Bag {', //                                            6
        '  get() {', //                                              7
        '    return 2', //                                           8
        '  }', //                                                    9
        '}', //                                                      10
        'function Legacy() {}', //                                   11
        'Legacy.prototype.get = function () {', //                   12
        '  return 3', //                                             13
        '}', //                                                      14
        'module.exports = { Box, Bag, Legacy }', //                  15
        ''
      ].join('\n'),
      'test/index.js': [
        "const { Box, Bag, Legacy } = require('../lib')",
        "it('gets', () => {",
        '  let item = new Box()',
        '  const swap = () => {',
        '    item = new Bag()',
        '  }',
        '  swap()',
        '  item.get()',
        '  new Legacy().get()',
        '})',
        ''
      ].join('\n')
    })
    expect(untested(model, ['lib/index.js'])).toEqual([])
  })
})
