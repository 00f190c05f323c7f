// A default or whole CommonJS binding (`var c = require('./lib/clone')`) is followed only to the module it
// was required from (docs/evaluation/reach.md, round R: graceful-fs's `legacy`, reached through a
// parameter `fs` in polyfills.js, the test's `fs = require('../')` and every module's default by name).
import { modelOf, untested } from './reach-model.js'

const REPO = {
  'package.json': JSON.stringify({ name: 'patched', main: 'index.js', scripts: { test: 'mocha' } }),
  'lib/streams.js': [
    'module.exports = legacy', //                      1
    'function legacy (fs) {', //                       2
    '  return { ReadStream: fs.ReadStream }', //       3
    '}', //                                            4
    ''
  ].join('\n'),
  'lib/clone.js': [
    'module.exports = clone', //                       1
    'function clone (obj) {', //                       2
    '  return Object.assign({}, obj)', //              3
    '}', //                                            4
    ''
  ].join('\n'),
  'lib/polyfills.js': [
    'module.exports = patch',
    'function patch (fs) {',
    '  fs.patched = true',
    '  return fs',
    '}',
    ''
  ].join('\n'),
  'index.js': [
    "var polyfills = require('./lib/polyfills')",
    "var legacy = require('./lib/streams')",
    "var copy = require('./lib/clone')",
    'module.exports = polyfills(copy({}))',
    'function oldNode (fs) { return legacy(fs) }',
    ''
  ].join('\n'),
  'test/index.test.js': [
    "var assert = require('assert')",
    "var fs = require('..')",
    "it('patches', () => { assert.ok(fs) })",
    ''
  ].join('\n')
}

describe('default and whole CommonJS bindings', () => {
  it('follows `require` bindings only to their module, not every default by name', async () => {
    const flagged = untested(await modelOf(REPO), ['lib/streams.js', 'lib/clone.js'])
    // `fs` in the test and in polyfills.js is not streams.js's `legacy`; only `oldNode` calls it.
    expect(flagged).toContain('lib/streams.js:2 legacy')
    // Its twin: `copy({})` in index.js runs clone.js's default, bound under another name.
    expect(flagged).not.toContain('lib/clone.js:2 clone')
  })
})
