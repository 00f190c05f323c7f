// JavaScript definitions and calls under a check of the platform or the Node version, read against the
// Node the tool runs with (docs/evaluation/reach.md, round Q): the side not taken gives no reach, and a
// conditional between two names uses only the taken one. A check made of anything else leaves both open.
import {
  evaluate,
  jsNotTakenBranches,
  type NodeRuntime
} from '../../src/model/js-platform-branches.js'
import { modelOf, untested } from '../perspectives/shared/reach-model.js'

const HERE: NodeRuntime = { platform: 'linux', version: 'v20.11.1' }

const LIB = [
  "const os = require('os')", //                                       1
  "const IS_WINDOWS = os.platform() === 'win32'", //                   2
  '', //                                                               3
  'function escapeWindows(p) {', //                                    4
  "  return p.replace(/[()]/g, '\\\\$&')", //                          5
  '}', //                                                              6
  'function escapePosix(p) {', //                                      7
  "  return p.replace(/[*?]/g, '\\\\$&')", //                          8
  '}', //                                                              9
  'const escape = IS_WINDOWS ? escapeWindows : escapePosix', //        10
  '', //                                                               11
  'function legacyStreams(fs) {', //                                   12
  '  return fs', //                                                    13
  '}', //                                                              14
  'function modernStreams(fs) {', //                                   15
  '  return fs', //                                                    16
  '}', //                                                              17
  'function windowsLevel() {', //                                      18
  '  return 1', //                                                     19
  '}', //                                                              20
  'function featureLevel() {', //                                      21
  '  return 2', //                                                     22
  '}', //                                                              23
  'function patch(fs) {', //                                           24
  "  if (process.version.substr(0, 4) === 'v0.8') {", //               25
  '    fs = legacyStreams(fs)', //                                     26
  '  } else {', //                                                     27
  '    fs = modernStreams(fs)', //                                     28
  '  }', //                                                            29
  "  if (process.platform === 'win32') return windowsLevel()", //      30
  '  if (fs.feature) {', //                                            31
  '    return featureLevel()', //                                      32
  '  }', //                                                            33
  '  return escape(fs.path)', //                                       34
  '}', //                                                              35
  'module.exports = { patch }', //                                     36
  ''
].join('\n')

const FILES = {
  'package.json': JSON.stringify({ name: 'lib', main: 'index.js', scripts: { test: 'mocha' } }),
  'index.js': LIB,
  'test/index.test.js': [
    "const { patch } = require('../index.js')",
    "const assert = require('assert')",
    "it('patches', () => { assert.ok(patch({ path: 'a' })) })",
    ''
  ].join('\n')
}

describe('JavaScript code under a platform or Node version check not taken here', () => {
  it('reads platform and version checks against this Node; anything else stays open', () => {
    const flags = new Map([['IS_WINDOWS', false]])
    const cases: [string, boolean | string | undefined][] = [
      ["process.platform === 'win32'", false],
      ["process.platform !== 'win32'", true],
      ["os.platform() === 'linux'", true],
      ["process.version.substr(0, 4) === 'v0.8'", false],
      ["process.version.startsWith('v20.')", true],
      ['/^v0\\.(8|10)\\./.test(process.version)', false],
      ["!IS_WINDOWS && process.platform === 'linux'", true],
      ["IS_WINDOWS || process.platform === 'darwin'", false],
      ["process.platform === 'win32' && fs.feature", false],
      ['fs.feature', undefined],
      ["process.env.PLATFORM === 'win32'", undefined]
    ]
    for (const [text, expected] of cases)
      expect([text, evaluate(text, HERE, flags)]).toEqual([text, expected])
  })

  it('finds the blocks, one-line statements and conditional sides not taken, by line', () => {
    const branches = jsNotTakenBranches([{ path: 'index.js', text: LIB }], HERE)
    expect(branches.map((b) => [b.startLine, b.endLine, b.names ?? null])).toEqual([
      [10, 10, ['escapeWindows']],
      [25, 27, null],
      [30, 30, null]
    ])
    expect(branches[1].runsOn).toBe(
      "runs only where `process.version.substr(0, 4) === 'v0.8'` holds (not on Node v20.11.1 on linux, where the tool ran)"
    )
  })

  it('flags functions only the side not taken calls; their twins on the taken side stay reached', async () => {
    const model = await modelOf(FILES)
    // Without the branches (a copy: the reach is cached per model) every function may run through patch.
    expect(untested({ ...model }, ['index.js'])).toEqual([])
    model.facts.notTakenBranches = jsNotTakenBranches([{ path: 'index.js', text: LIB }], HERE)
    const flagged = untested(model, ['index.js'])
    expect(flagged).toEqual(
      expect.arrayContaining([
        'index.js:12 legacyStreams',
        'index.js:18 windowsLevel',
        'index.js:4 escapeWindows'
      ])
    )
    // Reached by a test on this Node: the taken sides, and a check of anything else (both open).
    for (const twin of [
      'index.js:15 modernStreams',
      'index.js:7 escapePosix',
      'index.js:21 featureLevel'
    ])
      expect(flagged).not.toContain(twin)
  })
})
