// Prototype pollution in extend-style merges: the function declares no parameters and reads its target and
// sources from `arguments`, and recurses through the name it is bound to (`var extendDeep = module.exports =
// function ()`). A `__proto__` check (in the function or in a helper it calls) is complete when the merge
// descends only into the target's values that are objects: the inherited `constructor` is a function and is
// overwritten, not walked into. A check on the source's value alone is not that.
import security from '../../perspectives/security/index.js'
import { checkRun, runFixture } from './harness.js'

const loop = (body: string[]): string[] => [
  '  var target = arguments[0]',
  '  for (var i = 1; i < arguments.length; i++) {',
  '    var source = arguments[i]',
  '    for (var key in source) {',
  ...body,
  '    }',
  '  }',
  '  return target',
  '}',
  ''
]

const FILES = {
  'package.json': '{ "name": "merge-lib", "version": "1.0.0", "main": "extend.js" }',
  // planted: no key is checked; `__proto__` reaches Object.prototype through target.__proto__
  'extend.js': [
    'var extendDeep = module.exports = function () {',
    ...loop([
      '      var src = target[key]',
      '      var val = source[key]',
      "      if (val && typeof val === 'object' && src && typeof src === 'object') extendDeep(src, val)",
      '      else target[key] = val'
    ])
  ].join('\n'),
  // fixed: __proto__ skipped, and only the target's object values are merged into
  'extend-safe.js': [
    'var extendSafely = module.exports = function () {',
    ...loop([
      "      if (key === '__proto__') continue",
      '      var src = target[key]',
      '      var val = source[key]',
      "      if (val && typeof val === 'object' && src && typeof src === 'object') extendSafely(src, val)",
      '      else target[key] = val'
    ])
  ].join('\n'),
  // fixed: a helper reads __proto__ as undefined; the target's value must be a plain object to be merged into
  'extend-helper.js': [
    'function getProperty(obj, name) {',
    "  return name === '__proto__' ? undefined : obj[name]",
    '}',
    'function isPlainObject(o) {',
    "  return Object.prototype.toString.call(o) === '[object Object]'",
    '}',
    'var extendWithHelper = module.exports = function () {',
    ...loop([
      '      var src = getProperty(target, key)',
      '      var val = getProperty(source, key)',
      '      if (isPlainObject(val) && isPlainObject(src)) extendWithHelper(src, val)',
      '      else target[key] = val'
    ])
  ].join('\n'),
  // planted: __proto__ skipped, but only the source's value is checked, so the merge walks into
  // target.constructor (a function) and on into constructor.prototype
  'extend-source-only.js': [
    'var extendSourceOnly = module.exports = function () {',
    ...loop([
      "      if (key === '__proto__') continue",
      "      if (typeof source[key] === 'object') extendSourceOnly(target[key] || (target[key] = {}), source[key])",
      '      else target[key] = source[key]'
    ])
  ].join('\n')
}

// A path setter nested in a parser walks the keys in a forEach callback: the walk is the nested
// function's, and the parser around it is not reported for it.
const NESTED = {
  'package.json': '{ "name": "args-lib", "version": "1.0.0", "main": "parse.js" }',
  'parse.js': [
    'module.exports = function (args) {',
    '  var argv = {}',
    '  // planted: walks down by the given keys, no guard',
    '  function setKey(obj, keys, value) {',
    '    var o = obj',
    '    keys.slice(0, -1).forEach(function (key) {',
    '      if (o[key] === undefined) o[key] = {}',
    '      o = o[key]',
    '    })',
    '    o[keys[keys.length - 1]] = value',
    '  }',
    '  // fixed: every key is checked before the walk',
    '  function setKeySafely(obj, keys, value) {',
    "    if (keys.some(function (k) { return k === '__proto__' || k === 'constructor' || k === 'prototype' })) return",
    '    var o = obj',
    '    keys.slice(0, -1).forEach(function (key) {',
    '      if (o[key] === undefined) o[key] = {}',
    '      o = o[key]',
    '    })',
    '    o[keys[keys.length - 1]] = value',
    '  }',
    '  args.forEach(function (arg) {',
    "    setKey(argv, arg.split('.'), true)",
    "    setKeySafely(argv, arg.split('.'), true)",
    '  })',
    '  return argv',
    '}',
    ''
  ].join('\n')
}

// Arrow functions bound by `const assign = module.exports = (...) =>`, and `exports.merge` calling itself.
const BOUND = {
  'package.json': '{ "name": "assign-lib", "version": "1.0.0", "main": "assign.js" }',
  'assign.js': [
    '// planted: merges every key of every source, recursing through the bound name',
    'const assignDeep = module.exports = (target, ...sources) => {',
    '  for (const source of sources)',
    '    for (const key of Object.keys(source)) {',
    '      if (isObject(target[key]) && isObject(source[key])) assignDeep(target[key], source[key])',
    '      else target[key] = source[key]',
    '    }',
    '  return target',
    '}',
    'function isObject(v) {',
    "  return typeof v === 'function' || Object.prototype.toString.call(v) === '[object Object]'",
    '}',
    ''
  ].join('\n'),
  'assign-safe.js': [
    "const isValidKey = (key) => key !== '__proto__' && key !== 'constructor' && key !== 'prototype'",
    '// fixed: every key passes a helper that rejects the dangerous ones',
    'const assignSafely = module.exports = (target, ...sources) => {',
    '  for (const source of sources)',
    '    for (const key of Object.keys(source)) {',
    '      if (!isValidKey(key)) continue',
    "      if (typeof target[key] === 'object' && typeof source[key] === 'object') assignSafely(target[key], source[key])",
    '      else target[key] = source[key]',
    '    }',
    '  return target',
    '}',
    ''
  ].join('\n'),
  'merge.js': [
    '// planted: exports.merge calls itself for nested objects, no key checked',
    'exports.merge = function (target, source) {',
    '  for (const key of Object.keys(source)) {',
    '    const value = source[key]',
    "    if (value && typeof value === 'object') {",
    "      if (!target[key] || typeof target[key] !== 'object') target[key] = {}",
    '      exports.merge(target[key], value)',
    '    } else target[key] = value',
    '  }',
    '  return target',
    '}',
    "// fixed: __proto__ skipped, and only the target's object values are merged into",
    'exports.mergeSafely = function (target, source) {',
    '  for (const key of Object.keys(source)) {',
    "    if (key === '__proto__') continue",
    '    const value = source[key]',
    "    if (value && typeof value === 'object') {",
    "      if (!target[key] || typeof target[key] !== 'object') target[key] = {}",
    '      exports.mergeSafely(target[key], value)',
    '    } else target[key] = value',
    '  }',
    '  return target',
    '}',
    ''
  ].join('\n')
}

describe('security: extend-style merges over arguments', () => {
  it('reports merges recursing through a bound arrow function or exports.merge; guarded ones are not reported', async () => {
    const result = await runFixture(security, BOUND)
    const found = result.run.findings
      .filter((f) => f.messageId === 'prototypePollution')
      .map((f) => [f.file, f.startLine, f.symbol, f.confidence])
      .sort()
    expect(found).toEqual([
      ['assign.js', 2, 'assignDeep', 'medium'],
      ['merge.js', 2, 'merge', 'medium']
    ])
    expect(checkRun(result)).toEqual([])
  })

  it('reports a walk in a forEach callback of a nested setter at the setter, not at the parser around it', async () => {
    const result = await runFixture(security, NESTED)
    const found = result.run.findings
      .filter((f) => f.messageId === 'prototypePollution')
      .map((f) => [f.file, f.startLine, f.symbol, f.confidence])
    expect(found).toEqual([['parse.js', 4, 'default.setKey', 'medium']])
    expect(checkRun(result)).toEqual([])
  })

  it('reports unguarded and source-checked merges by the name they are bound to; __proto__ checks with object-only descent are not reported', async () => {
    const result = await runFixture(security, FILES)
    const found = result.run.findings
      .filter((f) => f.messageId === 'prototypePollution')
      .map((f) => [f.file, f.startLine, f.symbol, f.confidence])
      .sort()
    expect(found).toEqual([
      ['extend-source-only.js', 1, 'extendSourceOnly', 'medium'],
      ['extend.js', 1, 'extendDeep', 'medium']
    ])
    const partial = result.run.findings.find((f) => f.symbol === 'extendSourceOnly')
    expect(partial?.message).toContain('checks `__proto__` but not `constructor`/`prototype`')
    expect(checkRun(result)).toEqual([])
  })
})
