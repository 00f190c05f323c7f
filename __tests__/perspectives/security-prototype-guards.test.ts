// Prototype-pollution guards that live outside the function that writes: a key check reached through
// helpers (`isValidPath` read by `getPathSegments`, which the setter calls), a check made by every caller of
// a private helper, a walk that only descends into the walked object's own properties, and a flatten that
// recurses with the same target. Each planted shape is asserted by file and line; each fixed one absent.
import security from '../../perspectives/security/index.js'
import { checkRun, runFixture } from './harness.js'

const lineOf = (lines: string[], marker: string): number => {
  const index = lines.findIndex((l) => l.includes(marker))
  if (index < 0) throw new Error(`fixture has no line with ${marker}`)
  return index + 1
}

const setterJs = [
  "const forbidden = ['__proto__', 'prototype', 'constructor']",
  'const isValidPath = (segments) => !segments.some((s) => forbidden.includes(s))',
  'function segmentsOf(path) {',
  "  const parts = path.split('.')",
  '  if (!isValidPath(parts)) return []',
  '  return parts',
  '}',
  '// fixed: the path is checked by the helpers before the walk',
  'exports.setChecked = function setChecked(object, path, value) {',
  '  const parts = segmentsOf(path)',
  '  if (parts.length === 0) return object',
  '  let o = object',
  '  for (let i = 0; i < parts.length - 1; i++) {',
  '    if (!o[parts[i]]) o[parts[i]] = {}',
  '    o = o[parts[i]]',
  '  }',
  '  o[parts[parts.length - 1]] = value',
  '  return object',
  '}',
  '// planted: the same walk on the raw path',
  'exports.setRaw = function setRaw(object, path, value) { // P1',
  "  const parts = path.split('.')",
  '  let o = object',
  '  for (let i = 0; i < parts.length - 1; i++) {',
  '    if (!o[parts[i]]) o[parts[i]] = {}',
  '    o = o[parts[i]]',
  '  }',
  '  o[parts[parts.length - 1]] = value',
  '  return object',
  '}',
  ''
]

const storeJs = [
  'function Store() { this.data = {} }',
  '// fixed: an inherited key (`__proto__`, `constructor`) is replaced by a fresh object, never walked into',
  'Store.prototype.set = function (key, value) {',
  "  const path = key.split(':')",
  '  let target = this.data',
  '  while (path.length > 1) {',
  '    key = path.shift()',
  "    if (!target[key] || typeof target[key] !== 'object' || !Object.prototype.hasOwnProperty.call(target, key)) target[key] = {}",
  '    target = target[key]',
  '  }',
  '  target[path.shift()] = value',
  '}',
  '// planted: only the type is checked, so `__proto__` walks into Object.prototype',
  'Store.prototype.put = function (key, value) { // P2',
  "  const path = key.split(':')",
  '  let target = this.data',
  '  while (path.length > 1) {',
  '    key = path.shift()',
  "    if (!target[key] || typeof target[key] !== 'object') target[key] = {}",
  '    target = target[key]',
  '  }',
  '  target[path.shift()] = value',
  '}',
  'module.exports = Store',
  ''
]

const dotJs = [
  "var blocked = ['__proto__', 'prototype', 'constructor']",
  'var allowed = function (part) { return blocked.indexOf(part) === -1 }',
  'function parsePath(path) {',
  "  var parts = path.split('.')",
  "  if (parts.filter(allowed).length !== parts.length) throw new Error('refused ' + path)",
  '  return parts',
  '}',
  'function Dot() {}',
  '// fixed: every caller checks the path with parsePath first',
  'Dot.prototype._fill = function (a, obj, v) {',
  '  var k = a.shift()',
  '  if (a.length > 0) {',
  '    obj[k] = obj[k] || {}',
  '    this._fill(a, obj[k], v)',
  '  } else obj[k] = v',
  '}',
  'Dot.prototype.str = function (path, v, obj) {',
  '  this._fill(parsePath(path), obj, v)',
  '  return obj',
  '}',
  '// fixed: flattens into one object by joined keys; the recursion keeps the same target',
  'Dot.prototype.dot = function (obj, tgt, path) {',
  '  tgt = tgt || {}',
  '  path = path || []',
  '  Object.keys(obj).forEach(function (key) {',
  "    if (obj[key] && typeof obj[key] === 'object') return this.dot(obj[key], tgt, path.concat(key))",
  "    tgt[path.concat(key).join('.')] = obj[key]",
  '  }.bind(this))',
  '  return tgt',
  '}',
  '// planted: a deep merge descends into the target',
  'Dot.prototype.merge = function (source, target) { // P3',
  '  Object.keys(source).forEach(function (key) {',
  "    if (source[key] && typeof source[key] === 'object') {",
  '      target[key] = target[key] || {}',
  '      this.merge(source[key], target[key])',
  '    } else target[key] = source[key]',
  '  }.bind(this))',
  '  return target',
  '}',
  'module.exports = Dot',
  ''
]

describe('security: prototype guards reached through helpers and callers', () => {
  it('reports the unchecked walks and merge; helper-checked, caller-checked, own-only and flattening ones are not', async () => {
    const result = await runFixture(security, {
      'package.json': '{ "name": "paths", "version": "1.0.0", "main": "setter.js" }',
      'setter.js': setterJs.join('\n'),
      'store.js': storeJs.join('\n'),
      'dot.js': dotJs.join('\n')
    })
    const found = result.run.findings
      .filter((f) => f.messageId === 'prototypePollution')
      .map((f) => [f.file, f.startLine])
      .sort()
    expect(found).toEqual(
      [
        ['dot.js', lineOf(dotJs, 'P3')],
        ['setter.js', lineOf(setterJs, 'P1')],
        ['store.js', lineOf(storeJs, 'P2')]
      ].sort()
    )
    expect(checkRun(result)).toEqual([])
  })
})
