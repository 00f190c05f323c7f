// A guard counts only where it decides what it guards. An own-property check that a second condition can
// skip (`if (options.create && !hasOwn(o, k)) o[k] = {}`) lets the walk descend into an inherited
// `__proto__` whenever that condition is false, so it is no guard; the same check on its own (or joined
// with `||` to a stricter test) replaces every inherited key by a fresh object. Planted shapes are
// asserted by file and line; the fixed ones absent.
import security from '../../perspectives/security/index.js'
import { checkRun, runFixture } from './harness.js'

const lineOf = (lines: string[], marker: string): number => {
  const index = lines.findIndex((l) => l.includes(marker))
  if (index < 0) throw new Error(`fixture has no line with ${marker}`)
  return index + 1
}

const pathsJs = [
  'var hasOwn = Object.prototype.hasOwnProperty',
  '// planted: the own check only runs when the caller asked to create missing keys',
  'function put(obj, path, value, options) { // P1',
  "  var keys = path.split('.')",
  '  var last = keys.pop()',
  '  for (var i = 0; i < keys.length; i++) {',
  '    var key = keys[i]',
  '    if (options.create && !hasOwn.call(obj, key)) obj[key] = {}',
  '    obj = obj[key]',
  '  }',
  '  obj[last] = value',
  '  return obj',
  '}',
  '// fixed: every inherited key is replaced before the walk goes on',
  'function place(obj, path, value) {',
  "  var keys = path.split('.')",
  '  var last = keys.pop()',
  '  for (var i = 0; i < keys.length; i++) {',
  '    var key = keys[i]',
  '    if (!hasOwn.call(obj, key)) obj[key] = {}',
  '    obj = obj[key]',
  '  }',
  '  obj[last] = value',
  '  return obj',
  '}',
  '// fixed: joined with || the own check still decides every step',
  'function store(obj, path, value) {',
  "  var keys = path.split('.')",
  '  var last = keys.pop()',
  '  for (var i = 0; i < keys.length; i++) {',
  '    var key = keys[i]',
  "    if (!hasOwn.call(obj, key) || typeof obj[key] !== 'object') obj[key] = {}",
  '    obj = obj[key]',
  '  }',
  '  obj[last] = value',
  '  return obj',
  '}',
  '// fixed: the own check is one alternative of the top-level ||, the && only narrows another one',
  'function force(obj, path, value, options) {',
  "  var keys = path.split('.')",
  '  var last = keys.pop()',
  '  for (var i = 0; i < keys.length; i++) {',
  '    var key = keys[i]',
  '    if (',
  '      !hasOwn.call(obj, key) ||',
  '      obj[key] === undefined ||',
  "      ((typeof obj[key] !== 'object' || obj[key] === null) && options && options.force === true)",
  '    )',
  '      obj[key] = {}',
  '    obj = obj[key]',
  '  }',
  '  obj[last] = value',
  '  return obj',
  '}',
  '// fixed: the && only tells the last key from the ones walked through, which the own check decides',
  'function nest(obj, path, value) {',
  "  var pieces = path.split('.')",
  '  var current = obj',
  '  for (var index = 0; index < pieces.length; index++) {',
  '    var piece = pieces[index]',
  '    if (index != pieces.length - 1 && !current.hasOwnProperty(piece)) current[piece] = {}',
  '    if (index == pieces.length - 1) current[piece] = value',
  '    current = current[piece]',
  '  }',
  '  return obj',
  '}',
  'module.exports = { put: put, place: place, store: store, force: force, nest: nest }',
  ''
]

describe('security: guards that decide only one branch', () => {
  it('reports a walk whose own-property check another condition can skip, not the unconditional ones', async () => {
    const result = await runFixture(security, {
      'package.json': '{ "name": "paths", "version": "1.0.0", "main": "paths.js" }',
      'paths.js': pathsJs.join('\n')
    })
    const found = result.run.findings
      .filter((f) => f.messageId === 'prototypePollution')
      .map((f) => [f.file, f.startLine])
    expect(found).toEqual([['paths.js', lineOf(pathsJs, 'P1')]])
    expect(checkRun(result)).toEqual([])
  })
})
