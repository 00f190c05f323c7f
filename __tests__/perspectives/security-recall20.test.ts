// Recall shapes of session 20, each from a class of corpus misses, with its fixed twin beside it:
// - a key guard an array key walks past (`key === '__proto__'` on the elements of an array path, which
//   `obj[["__proto__"]]` still reaches), fixed by making each key a string or a number first;
// - a slow pattern built in place (`url.match(new RegExp('…'))`) or chosen by a test (`s.match(strict ?
//   A : B)`), and an exported wrapper calling the module's function of the same name (`module.exports.fromUrl
//   = function (u) { return fromUrl(u) }`), which hid the inner function's parameter from the taint.
// Each planted shape is asserted by file and line; each fixed or guarded shape absent.
import security from '../../perspectives/security/index.js'
import { checkRun, runFixture } from './harness.js'

const lineOf = (lines: string[], marker: string): number => {
  const index = lines.findIndex((l) => l.includes(marker))
  if (index < 0) throw new Error(`fixture has no line with ${marker}`)
  return index + 1
}

const found = (result: Awaited<ReturnType<typeof runFixture>>, messageId: string) =>
  result.run.findings
    .filter((f) => f.messageId === messageId)
    .map((f) => [f.file, f.startLine])
    .sort()

/** A path setter taking `a.b.c` or an array of keys, its guard strict. `fixed` adds the fix's line. */
const setterJs = (fixed: boolean): string[] => [
  "const isUnsafeKey = (key) => key === '__proto__' || key === 'constructor' || key === 'prototype' // K1",
  'function validateKey(key) {',
  ...(fixed ? ["  if (typeof key !== 'string' && typeof key !== 'number') key = String(key)"] : []),
  "  if (isUnsafeKey(key)) throw new Error('unsafe key ' + key)",
  '}',
  "const keysOf = (path) => (Array.isArray(path) ? path : path.split('.'))",
  'module.exports = function setPath(obj, path, value) {',
  '  const keys = keysOf(path)',
  '  let o = obj',
  '  for (let i = 0; i < keys.length - 1; i++) {',
  '    validateKey(keys[i])',
  "    if (typeof o[keys[i]] !== 'object') o[keys[i]] = {}",
  '    o = o[keys[i]]',
  '  }',
  '  validateKey(keys[keys.length - 1])',
  '  o[keys[keys.length - 1]] = value',
  '  return obj',
  '}',
  ''
]

/** The same setter whose guard compares loosely (`==` makes an array key a string), or splits strings only. */
const looseJs = setterJs(false).map((l) => l.replace(/===/g, '=='))
const stringsOnlyJs = setterJs(false).map((l) =>
  l.startsWith('const keysOf') ? "const keysOf = (path) => String(path).split('.')" : l
)

describe('security: recall shapes (session 20)', () => {
  it('prototype pollution: a strict key guard on an array path is reported at the check; the fixed, loose and string-only twins are not', async () => {
    const vulnerable = setterJs(false)
    const result = await runFixture(security, {
      'package.json': '{ "name": "paths", "version": "1.0.0", "main": "index.js" }',
      'index.js': vulnerable.join('\n')
    })
    expect(found(result, 'prototypePollution')).toEqual([['index.js', lineOf(vulnerable, 'K1')]])
    expect(result.run.findings[0].message).toContain('given as an array')
    expect(checkRun(result)).toEqual([])

    for (const twin of [setterJs(true), looseJs, stringsOnlyJs]) {
      const quiet = await runFixture(security, {
        'package.json': '{ "name": "paths", "version": "1.0.0", "main": "index.js" }',
        'index.js': twin.join('\n')
      })
      expect(found(quiet, 'prototypePollution')).toEqual([])
    }
  })

  it('ReDoS: a pattern built in place or chosen by a test, reached through an exported wrapper of the same name; safe twins are not', async () => {
    const parseJs = [
      'module.exports.fromUrl = function (giturl) {',
      '  return fromUrl(giturl)',
      '}',
      'function fromUrl (giturl) {',
      "  return giturl.match(new RegExp('^([^:]+):(?:(?:[^@:]+(?:[^@]+)?@)?([^/]*))[/](.+?)(?:[.]git)?($|#)')) // R1",
      '}',
      'module.exports.fixedUrl = function (giturl) {',
      "  return giturl.match(new RegExp('^([^:]+):([^/#]*)'))",
      '}',
      'const STRICT = /^([a-z0-9]+)-((?:\\?[\\x21-\\x7E]*)*)$/',
      'const LOOSE = /^([a-z0-9]+)-([^?]+)$/',
      'module.exports.integrity = function (hash, strict) {',
      '  return hash.match(strict ? STRICT : LOOSE) // R2',
      '}',
      'module.exports.integrityFixed = function (hash, strict) {',
      '  return hash.match(strict ? LOOSE : /^[a-z0-9]+$/)',
      '}',
      ''
    ]
    const result = await runFixture(security, {
      'package.json': '{ "name": "urls", "version": "1.0.0", "main": "index.js" }',
      'index.js': parseJs.join('\n')
    })
    expect(found(result, 'redosOnInput')).toEqual(
      [
        ['index.js', lineOf(parseJs, 'R1')],
        ['index.js', lineOf(parseJs, 'R2')]
      ].sort()
    )
    expect(checkRun(result)).toEqual([])
  })
})
