// A container's method name on a receiver of unknown type in library code (`arr.shift()`, `d.items()`)
// reaches a class's method of that name only in the class's module or a module importing it
// (docs/evaluation/reach.md, round Q: caolan/async's `DLL.pop`, deepdiff's `get`/`items`). Before, any
// `x.shift()` anywhere brought every live class's `shift` to life.
import { modelOf, untested } from './reach-model.js'

const JS = {
  'package.json': JSON.stringify({ name: 'lists', main: 'index.js', scripts: { test: 'mocha' } }),
  'lib/list.js': [
    'class List {', //                                    1
    '  constructor() { this.items = [] }', //             2
    '  pop() { return this.items.pop() }', //             3
    '  shift() { return this.items.splice(0, 1)[0] }', // 4
    '}', //                                               5
    'module.exports = List', //                           6
    ''
  ].join('\n'),
  'lib/queue.js': [
    "const List = require('./list')",
    'function drain(q) { return q.pop() }',
    'module.exports = { drain, List }',
    ''
  ].join('\n'),
  'lib/util.js': [
    'function first(arr) { return arr.shift() }',
    'module.exports = { first }',
    ''
  ].join('\n'),
  'index.js': [
    "const { drain, List } = require('./lib/queue')",
    "const { first } = require('./lib/util')",
    'module.exports = { drain, List, first }',
    ''
  ].join('\n'),
  'test/index.test.js': [
    "const { drain, List, first } = require('../index')",
    "it('drains', () => { drain(new List()); first([1]) })",
    ''
  ].join('\n')
}

const PY = {
  'pyproject.toml': '[project]\nname = "bag"\n',
  'bag/__init__.py': 'from bag.store import Store, total\nfrom bag.util import pairs\n',
  'bag/store.py': [
    'class Store:', //                              1
    '    def __init__(self):', //                   2
    '        self.data = {}', //                    3
    '    def items(self):', //                      4
    '        return sorted(self.data)', //          5
    '    def values(self):', //                     6
    '        return list(self.data.values())', //   7
    '', //                                          8
    'def total(store):', //                         9
    '    return sum(store.values())', //            10
    ''
  ].join('\n'),
  'bag/util.py': ['def pairs(d):', '    return sorted(d.items())', ''].join('\n'),
  'tests/test_bag.py': [
    'from bag import Store, total, pairs',
    '',
    'def test_all():',
    '    assert total(Store()) == 0',
    "    assert pairs({'a': 1}) == [('a', 1)]",
    ''
  ].join('\n')
}

describe('container method names on receivers of unknown type', () => {
  it('JavaScript: `arr.shift()` in a module that cannot name List does not run List.shift', async () => {
    const flagged = untested(await modelOf(JS), ['lib/list.js'])
    expect(flagged).toContain('lib/list.js:4 List.shift')
    // Its twin: `q.pop()` in a module importing list.js may be List.pop.
    expect(flagged).not.toContain('lib/list.js:3 List.pop')
  })

  it('Python: `d.items()` in a module that does not import Store does not run Store.items', async () => {
    const flagged = untested(await modelOf(PY), ['bag/store.py'])
    expect(flagged).toContain('bag/store.py:4 Store.items')
    // Its twin: `store.values()` in store.py, Store's own module, may run Store.values.
    expect(flagged).not.toContain('bag/store.py:6 Store.values')
  })
})
