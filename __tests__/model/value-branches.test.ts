// Constructors built only for an option value no test passes (docs/evaluation/reach.md, round S):
// `if (options.store === 'redis') this.store = new RedisStore()` in a suite that only ever passes
// 'memory' never builds RedisStore, so `this.store.incr()` does not run RedisStore.incr. The branch the
// tests do pass a value for, a check of something else, and a literal the library passes itself stay open.
import { valueBranches, optionLiterals } from '../../src/model/value-branches.js'
import { modelOf, untested } from '../perspectives/shared/reach-model.js'
import type { CodeModel } from '../../src/model/types.js'

const JS = {
  'package.json': '{"name":"limits","main":"lib/limiter.js"}',
  'lib/limiter.js': [
    "const MemoryStore = require('./memory')", //       1
    "const RedisStore = require('./redis')", //         2
    "const FileStore = require('./file')", //           3
    'class Limiter {', //                                4
    '  constructor(options) {', //                       5
    "    if (options.store === 'redis') {", //           6
    '      this.store = new RedisStore(options)', //     7
    "    } else if (options.store === 'memory') {", //  8
    '      this.store = new MemoryStore(options)', //    9
    '    } else if (process.env.STORE === "file") {', // 10
    '      this.store = new FileStore(options)', //      11
    '    }', //                                          12
    '  }', //                                            13
    '  hit(key) {', //                                   14
    '    return this.store.incr(key)', //                15
    '  }', //                                            16
    '}', //                                              17
    'module.exports = Limiter', //                       18
    ''
  ].join('\n'),
  'lib/redis.js': [
    'class RedisStore {',
    '  constructor(options) { this.options = options }',
    '  incr(key) { return 1 }',
    '}',
    'module.exports = RedisStore',
    ''
  ].join('\n'),
  'lib/memory.js': [
    'class MemoryStore {',
    '  constructor(options) { this.options = options }',
    '  incr(key) { return 2 }',
    '}',
    'module.exports = MemoryStore',
    ''
  ].join('\n'),
  'lib/file.js': [
    'class FileStore {',
    '  constructor(options) { this.options = options }',
    '  incr(key) { return 3 }',
    '}',
    'module.exports = FileStore',
    ''
  ].join('\n'),
  'test/limiter.test.js': [
    "const Limiter = require('../lib/limiter')",
    "test('hit', () => {",
    "  expect(new Limiter({ store: 'memory' }).hit('a')).toBe(2)",
    '})',
    ''
  ].join('\n')
}

const PY = {
  'pyproject.toml': '[project]\nname = "regions"\n',
  'regions/__init__.py': 'from regions.region import Region\n',
  'regions/region.py': [
    'from regions.backends import DbmBackend, MemoryBackend, NullBackend', // 1
    '', //                                                                    2
    'class Region:', //                                                      3
    '    def __init__(self, options):', //                                   4
    "        if options['backend'] == 'dbm':", //                            5
    '            self.backend = DbmBackend()', //                            6
    "        elif options['backend'] == 'null':", //                         7
    '            self.backend = NullBackend()', //                           8
    '        else:', //                                                      9
    '            self.backend = MemoryBackend()', //                        10
    '    def get(self, key):', //                                           11
    '        return self.backend.fetch(key)', //                            12
    '', //                                                                  13
    'def nothing():', //                                                    14
    "    return Region({'backend': 'null'})", //                            15
    ''
  ].join('\n'),
  'regions/backends.py': [
    'class DbmBackend:', //          1
    '    def fetch(self, key):', //  2
    '        return 1', //           3
    'class NullBackend:', //         4
    '    def fetch(self, key):', //  5
    '        return None', //        6
    'class MemoryBackend:', //       7
    '    def fetch(self, key):', //  8
    '        return 2', //           9
    ''
  ].join('\n'),
  'tests/test_region.py': [
    'from regions import Region',
    '',
    'def test_get():',
    "    assert Region({'backend': 'memory'}).get('a') == 2",
    ''
  ].join('\n')
}

async function withBranches(files: Record<string, string>): Promise<CodeModel> {
  const model = await modelOf(files)
  const texts = Object.entries(files).map(([path, text]) => ({ path, text }))
  model.facts.notTakenBranches = valueBranches(model, texts)
  return model
}

describe('option values no test passes', () => {
  it('reads checks made only of an option compared to string literals', () => {
    expect(optionLiterals('options.store === \'redis\' || this.kind == "x"', false)).toEqual([
      'redis',
      'x'
    ])
    expect(optionLiterals("options['backend'] == 'dbm'", true)).toEqual(['dbm'])
    // The environment, a call, a bare name, another operator: not an option's value.
    expect(optionLiterals('process.env.STORE === "file"', false)).toBeUndefined()
    expect(optionLiterals("kind === 'a'", false)).toBeUndefined()
    expect(
      optionLiterals("options.store === 'redis' || options.conn != null", false)
    ).toBeUndefined()
    expect(optionLiterals("get('x') == 'y'", true)).toBeUndefined()
  })

  it('JavaScript: RedisStore, built only for "redis", is flagged; MemoryStore and FileStore run', async () => {
    const model = await withBranches(JS)
    expect(model.facts.notTakenBranches).toEqual([
      expect.objectContaining({
        path: 'lib/limiter.js',
        startLine: 6,
        endLine: 8,
        names: ['RedisStore']
      })
    ])
    const flagged = untested(model, ['lib/redis.js', 'lib/memory.js', 'lib/file.js'])
    expect(flagged).toContain('lib/redis.js:3 RedisStore.incr')
    expect(flagged).not.toContain('lib/memory.js:3 MemoryStore.incr')
    // Built under an environment check, which the suite may set: open.
    expect(flagged).not.toContain('lib/file.js:3 FileStore.incr')
  })

  it('Python: DbmBackend, built only for "dbm", is flagged; a value the library passes itself stays open', async () => {
    const model = await withBranches(PY)
    expect(model.facts.notTakenBranches).toEqual([
      expect.objectContaining({
        path: 'regions/region.py',
        startLine: 5,
        endLine: 6,
        names: ['DbmBackend']
      })
    ])
    const flagged = untested(model, ['regions/backends.py'])
    expect(flagged).toContain('regions/backends.py:2 DbmBackend.fetch')
    expect(flagged).not.toContain('regions/backends.py:8 MemoryBackend.fetch')
    // 'null' is passed by `nothing()` in the library: that branch stays open.
    expect(flagged).not.toContain('regions/backends.py:5 NullBackend.fetch')
  })

  it('without the branches, the classes are live and every fetch/incr is reached', async () => {
    const js = untested(await modelOf(JS), ['lib/redis.js'])
    expect(js).not.toContain('lib/redis.js:3 RedisStore.incr')
    const py = untested(await modelOf(PY), ['regions/backends.py'])
    expect(py).not.toContain('regions/backends.py:2 DbmBackend.fetch')
  })
})
