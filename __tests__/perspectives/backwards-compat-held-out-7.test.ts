// Shapes that compat held-out-7 called wrongly or missed (docs/evaluation/compat.md, round 8), each on a
// small package written for it: the false shape asserted absent, a real twin beside it asserted by file
// and line, with both places in its message.
import { describe, expect, it } from '@jest/globals'
import { breaksOf, manifest } from './compat-fixture.js'

describe('members inherited through mapped utility types (html-webpack-plugin 5)', () => {
  const options = [
    'export interface Options {',
    '  filename?: string',
    '  inject?: boolean',
    '  minify?: boolean',
    '}'
  ]
  const base = {
    'package.json': manifest({ types: 'index.d.ts' }),
    'index.d.ts': [
      ...options,
      'export interface Processed {',
      '  filename: string',
      '  inject: boolean',
      '  minify: boolean',
      '}',
      'export interface Frozen { readonly filename?: string; readonly inject?: boolean }',
      'export interface Some { filename?: string }',
      'export interface Rest { filename?: string; inject?: boolean }',
      'export type Both = { id: number } & { filename?: string; inject?: boolean }',
      ''
    ].join('\n')
  }
  const head = {
    'package.json': manifest({ version: '2.0.0', types: 'index.d.ts' }),
    'index.d.ts': [
      ...options,
      'export interface Processed extends Required<Options> {',
      '  filename: string',
      '}',
      'export interface Frozen extends Readonly<Partial<Options>> {}',
      "export interface Some extends Pick<Options, 'filename'> {}",
      "export interface Rest extends Omit<Options, 'minify' | 'inject'> {}",
      'export type Both = { id: number } & Partial<Options>',
      ''
    ].join('\n')
  }

  it('members reached through Required, Readonly, Partial, Pick and an intersection are not removed; the one Omit takes away is', async () => {
    const { found, messages } = await breaksOf(base, head)
    expect(found).toEqual([
      'Property Rest.inject removed @index.d.ts:13 at base: export interface Rest { filename?: string; inject?: boolean } index.d.ts at HEAD'
    ])
    expect(found.join('\n')).not.toMatch(/Processed|Frozen|Some|Both/)
    expect(messages[0]).toContain('(index.d.ts:13 at base)')
  })
})

describe('an `export =` namespace read as `default.X` and as `X` (html-webpack-plugin 5)', () => {
  const plugin = (members: string[]): string =>
    [
      'declare class Plugin {',
      '  constructor(options?: Plugin.Options)',
      '}',
      'declare namespace Plugin {',
      '  interface Options {',
      ...members,
      '  }',
      '}',
      'export = Plugin',
      ''
    ].join('\n')
  const base = {
    'package.json': manifest({ types: 'index.d.ts' }),
    'index.d.ts': plugin(['    title?: string', '    appcache?: boolean'])
  }
  const head = {
    'package.json': manifest({ version: '2.0.0', types: 'index.d.ts' }),
    'index.d.ts': plugin(['    title?: string'])
  }

  it('a member gone from the namespace is one finding, not two', async () => {
    const { found } = await breaksOf(base, head)
    expect(found).toEqual([
      'Property Options.appcache removed @index.d.ts:7 at base: appcache?: boolean index.d.ts at HEAD'
    ])
  })
})

describe('a JSDoc typedef in plain JavaScript (estree-walker 3)', () => {
  const base = {
    'package.json': manifest({}),
    'index.js': [
      '/** @typedef {{ skip: () => void, remove: () => void }} WalkerContext */',
      '/** @param {object} ast */',
      'function walk(ast) { return ast }',
      '/** @param {object} ast */',
      'function asyncWalk(ast) { return Promise.resolve(ast) }',
      'module.exports = { walk, asyncWalk }',
      ''
    ].join('\n')
  }
  const head = {
    'package.json': manifest({ version: '2.0.0' }),
    'index.js': [
      '/** @param {object} ast */',
      'function walk(ast) { return ast }',
      'module.exports = { walk }',
      ''
    ].join('\n')
  }

  it('the typedef gone is no break and nothing says "no longer type-checks"; an export gone is', async () => {
    const { found, messages } = await breaksOf(base, head)
    expect(found).toEqual([
      'Function asyncWalk removed @index.js:5 at base: function asyncWalk(ast) { return Promise.resolve(ast) } index.js at HEAD'
    ])
    expect(messages.join('\n')).not.toMatch(/WalkerContext|no longer type-checks/)
  })
})

describe('options handed to another function before they are read (glob 8, terser-webpack-plugin 5)', () => {
  const entry = [
    "const setopts = require('./common').setopts",
    'function glob(pattern, options, cb) {',
    "  if (typeof options === 'function') { cb = options; options = {} }",
    '  return new Glob(pattern, options, cb)',
    '}',
    'function Glob(pattern, options, cb) {',
    '  setopts(this, pattern, options)',
    '  this.cb = cb',
    '}',
    'glob.Glob = Glob',
    'module.exports = glob',
    ''
  ].join('\n')
  const common = (keys: string[]): string =>
    [
      'function setopts(self, pattern, options) {',
      '  if (!options) options = {}',
      ...keys.map((k) => `  self.${k} = !!options.${k}`),
      '}',
      'exports.setopts = setopts',
      ''
    ].join('\n')
  const base = {
    'package.json': manifest({}),
    'index.js': entry,
    'common.js': common(['dot', 'nosort', 'silent'])
  }
  const head = {
    'package.json': manifest({ version: '2.0.0' }),
    'index.js': entry,
    'common.js': common(['dot'])
  }

  it('keys read two calls deep, gone at HEAD: each a break at the line that read it', async () => {
    const { found, messages } = await breaksOf(base, head)
    expect(found).toEqual([
      'Property default(options).nosort no longer taken @common.js:4 at base: self.nosort = !!options.nosort common.js at HEAD',
      'Property default(options).silent no longer taken @common.js:5 at base: self.silent = !!options.silent common.js at HEAD'
    ])
    expect(messages[0]).toContain('was `nosort?: any` (common.js:4 at base) and is no longer taken')
  })

  it('a key still read somewhere down the calls is no break; a HEAD that hands the object to code it cannot see says nothing', async () => {
    const handedAway = {
      ...head,
      'index.js': entry.replace(
        '  setopts(this, pattern, options)',
        "  require('other-package')(options)\n  setopts(this, pattern, options)"
      )
    }
    const { found } = await breaksOf(base, handedAway)
    expect(found).toEqual([])
  })

  const plugin = (keys: string[]): string =>
    [
      "const { validate } = require('schema-utils')",
      "const schema = require('./options.json')",
      'class TerserPlugin {',
      '  constructor(options = {}) {',
      "    validate(schema, options, { name: 'Terser Plugin' })",
      `    const { ${keys.join(', ')} } = options`,
      `    this.options = { ${keys.join(', ')} }`,
      '  }',
      '}',
      'module.exports = TerserPlugin',
      ''
    ].join('\n')

  it('an options object a schema validator checks is still closed: the keys it no longer destructures are breaks', async () => {
    const { found } = await breaksOf(
      {
        'package.json': manifest({}),
        'index.js': plugin(['test', 'cache', 'sourceMap']),
        'options.json': '{}'
      },
      {
        'package.json': manifest({ version: '2.0.0' }),
        'index.js': plugin(['test']),
        'options.json': '{}'
      }
    )
    expect(found).toEqual([
      'Property default.constructor(options).cache no longer taken @index.js:6 at base: const { test, cache, sourceMap } = options index.js at HEAD',
      'Property default.constructor(options).sourceMap no longer taken @index.js:6 at base: const { test, cache, sourceMap } = options index.js at HEAD'
    ])
    // The instance's `this.options = { … }` is a type the checker guessed: not compared.
    expect(found.join('\n')).not.toMatch(/default\.options/)
  })
})

describe('members inherited through util.inherits and prototype assignment (glob 8)', () => {
  const base = {
    'package.json': manifest({}),
    'index.js': [
      "const EE = require('events').EventEmitter",
      "const util = require('util')",
      'function Glob(pattern) { this.pattern = pattern }',
      'util.inherits(Glob, EE)',
      'Glob.prototype.abort = function () { this.aborted = true }',
      'function Base() {}',
      'Base.prototype.close = function () { return true }',
      'function Child() { Base.call(this) }',
      'Object.setPrototypeOf(Child.prototype, Base.prototype)',
      'module.exports = { Glob, Child }',
      ''
    ].join('\n')
  }

  it('an EventEmitter base dropped: its methods are removed, at the line that inherited them', async () => {
    const head = {
      'package.json': manifest({ version: '2.0.0' }),
      'index.js': [
        'class Glob { constructor(pattern) { this.pattern = pattern } abort() { this.aborted = true } }',
        'function Base() {}',
        'Base.prototype.close = function () { return true }',
        'function Child() { Base.call(this) }',
        'Child.prototype = Object.create(Base.prototype)',
        'module.exports = { Glob, Child }',
        ''
      ].join('\n')
    }
    const { found, messages } = await breaksOf(base, head)
    const at = '@index.js:4 at base: util.inherits(Glob, EE) index.js at HEAD'
    expect(found).toContain(`Method Glob.on removed ${at}`)
    expect(found).toContain(`Method Glob.emit removed ${at}`)
    expect(found).toHaveLength(15)
    expect(found.join('\n')).not.toMatch(/Child|abort/)
    expect(messages.find((m) => m.includes('`Glob.on`'))).toContain('(index.js:4 at base)')
  })

  it('the same emitter inherited through `class extends EventEmitter` at HEAD: nothing removed', async () => {
    const head = {
      'package.json': manifest({ version: '2.0.0' }),
      'index.js': [
        "const { EventEmitter } = require('events')",
        'class Glob extends EventEmitter { constructor(pattern) { super(); this.pattern = pattern } abort() { this.aborted = true } }',
        'function Base() {}',
        'Base.prototype.close = function () { return true }',
        'function Child() { Base.call(this) }',
        'Child.prototype = Object.create(Base.prototype)',
        'module.exports = { Glob, Child }',
        ''
      ].join('\n')
    }
    const { found } = await breaksOf(base, head)
    expect(found).toEqual([])
  })
})

describe('peer dependency ranges (html-webpack-plugin 5, autoprefixer 10)', () => {
  const pkg = (version: string, fields: Record<string, unknown>): string =>
    manifest({ version, ...fields })
  const index = 'module.exports = function plugin() { return {} }\n'

  it('a major no longer admitted and a dependency moved to peers: breaks at package.json; a range widened or kept: none', async () => {
    const base = {
      'package.json': pkg('1.0.0', {
        peerDependencies: { webpack: '^4.0.0 || ^5.0.0', react: '^17.0.0', vue: '^3.0.0' },
        dependencies: { postcss: '^7.0.32' }
      }),
      'index.js': index
    }
    const head = {
      'package.json': pkg('2.0.0', {
        peerDependencies: {
          webpack: '^5.20.0',
          react: '^17.0.0 || ^18.0.0',
          vue: '^3.0.0',
          postcss: '^8.0.2'
        }
      }),
      'index.js': index
    }
    const { found, messages } = await breaksOf(base, head)
    expect(found).toEqual([
      'Peer dependency postcss narrowed to ^8.0.2 @package.json at base package.json at HEAD',
      'Peer dependency webpack narrowed to ^5.20.0 @package.json at base package.json at HEAD'
    ])
    const webpack = messages.find((m) => m.includes('`webpack`')) ?? ''
    expect(webpack).toContain('as `^4.0.0 || ^5.0.0` at base and `^5.20.0` at HEAD')
    expect(webpack).toContain('no longer admits webpack 4')
  })
})
