// Receivers in plain (unchecked) JavaScript: twin classes whose same-named methods share a shape (a
// min-heap and a max-heap wrapping one heap) are told apart by what built the value (`new X()`, a
// static factory, `require` of a class, a JSDoc `@param`), so a method no test can reach is untested,
// asserted by file and line. A value handed to a place of the other type (a JSDoc cast, an argument
// to a JSDoc-typed parameter), an untyped value assigned over a built one, and an untyped parameter
// keep every method of the name that could be there, asserted absent.
import { modelOf, untested } from './reach-model.js'

const heap = [
  'class Heap {', //                                                 1
  '  constructor(compare) {', //                                     2
  '    this._nodes = []', //                                          3
  '    this._compare = compare', //                                   4
  '  }', //                                                          5
  '  insert(value) {', //                                            6
  '    this._nodes.push(value)', //                                   7
  '    return this', //                                               8
  '  }', //                                                          9
  '  clear() {', //                                                  10
  '    this._nodes = []', //                                          11
  '  }', //                                                          12
  '  toArray() {', //                                                13
  '    return this._nodes.slice()', //                                14
  '  }', //                                                          15
  '  static heapify(values) {', //                                   16
  '    const heap = new Heap()', //                                   17
  '    values.forEach((v) => heap.insert(v))', //                     18
  '    return heap', //                                               19
  '  }', //                                                          20
  '  static isHeapified(values) {', //                               21
  '    return values.length >= 0', //                                 22
  '  }', //                                                          23
  '}', //                                                            24
  'module.exports = Heap', //                                        25
  ''
].join('\n')

/** A wrapper around a Heap; MinHeap and MaxHeap have the same members. */
const wrapper = (name: string): string =>
  [
    "const Heap = require('./heap')", //                             1
    `class ${name} {`, //                                            2
    '  /**', //                                                      3
    '   * @param {Heap} [heap]', //                                  4
    '   */', //                                                      5
    '  constructor(heap) {', //                                      6
    '    this._heap = heap || new Heap()', //                        7
    '  }', //                                                        8
    '  insert(value) {', //                                          9
    '    this._heap.insert(value)', //                               10
    '    return this', //                                            11
    '  }', //                                                        12
    '  clear() {', //                                                13
    '    this._heap.clear()', //                                     14
    '  }', //                                                        15
    '  toArray() {', //                                              16
    '    return this._heap.toArray()', //                            17
    '  }', //                                                        18
    '  static heapify(values) {', //                                 19
    `    return new ${name}(Heap.heapify(values))`, //               20
    '  }', //                                                        21
    '  static isHeapified(values) {', //                             22
    '    return Heap.isHeapified(values)', //                        23
    '  }', //                                                        24
    '}', //                                                          25
    `exports.${name} = ${name}`, //                                  26
    ''
  ].join('\n')

describe('static reach: receivers in plain JavaScript', () => {
  it('twin classes: what built the value decides whose method runs', async () => {
    const model = await modelOf({
      'package.json': '{"name":"heaps","main":"index.js","scripts":{"test":"mocha"}}',
      'index.js': [
        "const Heap = require('./src/heap')",
        "const { MinHeap } = require('./src/minHeap')",
        "const { MaxHeap } = require('./src/maxHeap')",
        'module.exports = { Heap, MinHeap, MaxHeap }',
        ''
      ].join('\n'),
      'src/heap.js': heap,
      'src/minHeap.js': wrapper('MinHeap'),
      'src/maxHeap.js': wrapper('MaxHeap'),
      'test/heap.test.js': [
        "const assert = require('node:assert')",
        "const Heap = require('../src/heap')",
        "describe('Heap', () => {",
        '  const heap = new Heap()',
        "  it('clears', () => {",
        '    heap.insert(1)',
        '    heap.clear()',
        '    assert.deepStrictEqual(Heap.heapify([2]).toArray(), [2])',
        '    assert.ok(Heap.isHeapified([]))',
        '  })',
        '})',
        ''
      ].join('\n'),
      'test/minHeap.test.js': [
        "const assert = require('node:assert')",
        "const { MinHeap } = require('../src/minHeap')",
        "describe('MinHeap', () => {",
        "  it('converts', () => {",
        '    const h = MinHeap.heapify([3, 1])',
        '    assert.strictEqual(h.toArray().length, 2)',
        '    const m = new MinHeap()',
        '    m.insert(1).clear()',
        '    assert.ok(MinHeap.isHeapified([1]))',
        '  })',
        '})',
        ''
      ].join('\n'),
      'test/maxHeap.test.js': [
        "const assert = require('node:assert')",
        "const { MaxHeap } = require('../index')",
        "describe('MaxHeap', () => {",
        "  it('inserts', () => {",
        '    const h = MaxHeap.heapify([3, 1])',
        '    assert.ok(h.insert(2))',
        '  })',
        '})',
        ''
      ].join('\n')
    })
    // Every clear / toArray / isHeapified call is on a Heap or a MinHeap (built by `new`, by a static
    // factory, or the JSDoc-typed `_heap`): MaxHeap's never run, though MinHeap's have its shape.
    expect(untested(model, ['src/heap.js', 'src/minHeap.js', 'src/maxHeap.js'])).toEqual([
      'src/maxHeap.js:13 MaxHeap.clear',
      'src/maxHeap.js:16 MaxHeap.toArray',
      'src/maxHeap.js:22 MaxHeap.isHeapified'
    ])
  })

  it('a value handed to the other type, or an untyped value assigned over it, keeps its twin', async () => {
    const model = await modelOf({
      'package.json': '{"name":"lines","main":"lib/index.js","scripts":{"test":"mocha"}}',
      'lib/index.js': [
        'class Queue {', //                                           1
        '  constructor() {', //                                       2
        '    this.items = []', //                                     3
        '  }', //                                                    4
        '  peek() {', //                                             5
        '    return this.items[0]', //                                6
        '  }', //                                                    7
        '  drain() {', //                                            8
        '    return this.items.splice(0)', //                         9
        '  }', //                                                    10
        '  size() {', //                                             11
        '    return this.items.length', //                            12
        '  }', //                                                    13
        '  flip() {', //                                             14
        '    return 1', //                                            15
        '  }', //                                                    16
        '  toStack() {', //                                          17
        '    return new Stack()', //                                  18
        '  }', //                                                    19
        '}', //                                                      20
        'class Stack {', //                                           21
        '  constructor() {', //                                       22
        '    this.items = []', //                                     23
        '  }', //                                                    24
        '  peek() {', //                                             25
        '    return this.items[this.items.length - 1]', //            26
        '  }', //                                                    27
        '  drain() {', //                                            28
        '    return this.items.splice(0).reverse()', //               29
        '  }', //                                                    30
        '  size() {', //                                             31
        '    return this.items.length', //                            32
        '  }', //                                                    33
        '  flip() {', //                                             34
        '    return 2', //                                            35
        '  }', //                                                    36
        '  toStack() {', //                                          37
        '    return this', //                                         38
        '  }', //                                                    39
        '}', //                                                      40
        '/** @param {Queue} q */', //                                41
        'function drainAll(q) {', //                                 42
        '  return q.drain()', //                                     43
        '}', //                                                      44
        'function sizeOf(thing) {', //                               45
        '  return thing.size()', //                                  46
        '}', //                                                      47
        'function convert(x) {', //                                  48
        '  return x.toStack()', //                                   49
        '}', //                                                      50
        'module.exports = { Queue, Stack, drainAll, sizeOf, convert }', // 51
        ''
      ].join('\n'),
      'test/index.test.js': [
        "const assert = require('node:assert')",
        "const { Queue, Stack, drainAll, sizeOf, convert } = require('../lib')",
        "it('lines', () => {",
        '  let q = new Queue()',
        '  q.flip()',
        '  q = convert(q)',
        '  assert.ok(q.peek() === undefined)',
        '  const cast = /** @type {Queue} */ (new Stack())',
        '  assert.ok(drainAll(cast))',
        '  assert.strictEqual(sizeOf(new Queue()), 0)',
        '})',
        ''
      ].join('\n')
    })
    // `q` was built a Queue, then given an untyped value: its peek may be Stack's. The Stack cast to a
    // Queue and drained through the JSDoc-typed `q` runs Stack.drain; `thing` is untyped, so every
    // size may run. `q.flip()` runs on the Queue built just above, before the untyped assignment, but
    // the receiver's type is read per class, so Stack.flip is not claimed either (when in doubt, no).
    expect(untested(model, ['lib/index.js'])).toEqual([])
  })

  it('a declaration file that implements Iterable lends the class no hooks; a listener interface does', async () => {
    const model = await modelOf({
      'package.json':
        '{"name":"bags","main":"src/bag.js","types":"src/bag.d.ts","scripts":{"test":"mocha"}}',
      'src/bag.js': [
        'class Bag {', //                                             1
        '  constructor() {', //                                       2
        '    this.items = []', //                                     3
        '  }', //                                                    4
        '  add(v) {', //                                             5
        '    this.items.push(v)', //                                  6
        '    return this', //                                         7
        '  }', //                                                    8
        '  drop() {', //                                             9
        '    this.items = []', //                                     10
        '  }', //                                                    11
        '  [Symbol.iterator]() {', //                                12
        '    return this.items[Symbol.iterator]()', //                13
        '  }', //                                                    14
        '}', //                                                      15
        'class Listener {', //                                        16
        '  handleEvent(e) {', //                                     17
        '    return e', //                                            18
        '  }', //                                                    19
        '}', //                                                      20
        'module.exports = { Bag, Listener }', //                     21
        ''
      ].join('\n'),
      'src/bag.d.ts': [
        'export class Bag implements Iterable<number> {',
        '  add(v: number): this',
        '  drop(): void',
        '  [Symbol.iterator](): Iterator<number>',
        '}',
        'export class Listener implements EventListenerObject {',
        '  handleEvent(e: Event): unknown',
        '}',
        ''
      ].join('\n'),
      'test/bag.test.js': [
        "const assert = require('node:assert')",
        "const { Bag, Listener } = require('../src/bag')",
        "it('adds', () => {",
        '  assert.deepStrictEqual([...new Bag().add(1)], [1])',
        '  assert.ok(new Listener())',
        '})',
        ''
      ].join('\n')
    })
    // Nothing calls drop; iterating runs [Symbol.iterator] unnamed. The platform calls handleEvent
    // of a listener it holds, so that one stays unclaimed.
    expect(untested(model, ['src/bag.js'])).toEqual(['src/bag.js:9 Bag.drop'])
  })
})
