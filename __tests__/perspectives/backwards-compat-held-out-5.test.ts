// Shapes of breaks that compat held-out-5 called wrongly, as judged (docs/evaluation/compat.md, round 6),
// each on a small package written for it: the planted break asserted by file and line, the near
// non-break beside it asserted absent.
import { describe, expect, it } from '@jest/globals'
import { compatBreaks } from './compat-fixture.js'
import perspective from '../../perspectives/backwards-compat/index.js'
import { runFixture } from './harness.js'

const manifest = (fields: Record<string, unknown>): string =>
  JSON.stringify({ name: 'pkg', version: '1.0.0', main: 'index.js', ...fields })

describe('private files of a JavaScript package (depd 1, fast-xml-parser 3)', () => {
  const base = {
    'package.json': manifest({ bin: { pkg: 'cli.js' } }),
    'index.js': [
      "const helper = require('./lib/helper.js')",
      "const compat = require('./lib/compat')",
      'exports.parse = function parse(text) { return helper.split(text, compat.sep) }',
      'exports.stringify = function stringify(value) { return String(value) }',
      ''
    ].join('\n'),
    'lib/helper.js': 'exports.split = function split(text, sep) { return text.split(sep) }\n',
    'lib/compat/index.js':
      "exports.sep = ','\nexports.tostring = function tostring(x) { return x }\n",
    'cli.js': "require('./index.js')\n"
  }

  it('a helper file the entry only requires, and the names in it, removed: no break; a public name and a bin file removed: breaks', async () => {
    const head = {
      'package.json': manifest({ version: '2.0.0' }),
      'index.js': [
        'exports.parse = function parse(text) { return text.split(",") }',
        '// stringify is gone',
        ''
      ].join('\n')
    }
    const found = await compatBreaks(base, head)
    expect(found).toEqual([
      'apiRemoved Function stringify removed @index.js:4 at base: exports.stringify = function stringify(value) { return String(value) } index.js at HEAD',
      'binRemoved Command pkg removed from package.json @package.json at base package.json at HEAD',
      "moduleRemoved Module cli.js removed @cli.js:1 at base: require('./index.js') cli.js at HEAD"
    ])
    expect(found.join('\n')).not.toMatch(/helper|compat|split|tostring|sep/)
  })

  it('a public file that moved is still a removal of its path when package.json named it (the old main)', async () => {
    const head = {
      'package.json': manifest({ version: '2.0.0', main: 'src/index.js', bin: { pkg: 'cli.js' } }),
      'src/index.js': [
        'exports.parse = function parse(text) { return text.split(",") }',
        'exports.stringify = function stringify(value) { return String(value) }',
        ''
      ].join('\n'),
      'cli.js': "require('./src/index.js')\n"
    }
    const found = await compatBreaks(base, head)
    expect(found).toEqual([
      "moduleRemoved Module index.js removed @index.js:1 at base: const helper = require('./lib/helper.js') index.js at HEAD"
    ])
  })
})

describe('a bundle that inlines its dependencies (sanitize-html 1)', () => {
  const bundle = [
    '(function (f) { if (typeof exports === "object" && typeof module !== "undefined") { module.exports = f() } })(function () {',
    '  return (function r(e, n, t) { return function (i) { return e[i] } })({',
    '    1: [function (require, module, exports) {',
    '      exports.decodeHTML = function decodeHTML(text) { return text }',
    '      exports.encodeXML = function encodeXML(text) { return text }',
    '    }, {}],',
    '    2: [function (require, module, exports) {',
    '      function appendChild(elem, child) { elem.children.push(child) }',
    '      exports.appendChild = appendChild',
    '      module.exports.ArraySet = function ArraySet() {}',
    '    }, {}],',
    '    3: [function (require, module, exports) {',
    '      module.exports = function sanitize(dirty, options) { return dirty }',
    '    }, {}]',
    '  }, {}, [3])(3)',
    '})',
    ''
  ].join('\n')

  it("the inlined modules' names are not the package's exports; the bundle file, once main, removed is a break", async () => {
    const base = {
      'package.json': manifest({ main: 'sanitize.js' }),
      'sanitize.js': bundle
    }
    const head = {
      'package.json': manifest({ version: '2.0.0' }),
      'index.js': 'module.exports = function sanitize(dirty, options) { return dirty }\n'
    }
    const found = await compatBreaks(base, head)
    expect(found).toEqual([
      expect.stringMatching(/^moduleRemoved Module sanitize.js removed @sanitize.js:1 at base/)
    ])
    expect(found.join('\n')).not.toMatch(/decodeHTML|encodeXML|appendChild|ArraySet/)
  })

  it('one wrapper handed `exports` is a UMD factory, not a bundle: its names stay exports', async () => {
    const umd = [
      '(function (global, factory) {',
      '  typeof exports === "object" && typeof module !== "undefined" ? factory(exports, module) : factory((global.pkg = {}))',
      '})(this, function (exports, module) {',
      '  exports.parse = function parse(text) { return text }',
      '  exports.render = function render(text) { return text }',
      '})',
      ''
    ].join('\n')
    const base = { 'package.json': manifest({ main: 'pkg.js' }), 'pkg.js': umd }
    const head = {
      'package.json': manifest({ version: '2.0.0', main: 'pkg.js' }),
      'pkg.js': umd.replace(/ {2}exports\.render = .*\n/, '')
    }
    const found = await compatBreaks(base, head)
    expect(found.join('\n')).toMatch(/render/)
  })
})

describe('JSDoc types in plain JavaScript (socket.io-parser 3)', () => {
  it('a JSDoc return type changed is a review note, not a break; a declared (.d.ts) return widened is a break', async () => {
    const base = {
      'package.json': manifest({}),
      'index.js': [
        '/**',
        ' * @param {String} text',
        ' * @return {Object} decoder',
        ' */',
        'exports.add = function add(text) { return {} }',
        ''
      ].join('\n')
    }
    const head = {
      'package.json': manifest({ version: '2.0.0' }),
      'index.js': [
        '/**',
        ' * @param {String} text',
        ' * @return {string} decoded',
        ' */',
        'exports.add = function add(text) { return String(text) }',
        ''
      ].join('\n')
    }
    const { run } = await runFixture(perspective, head, { baseFiles: base, baseSource: true })
    expect(run.error).toBeNull()
    const add = run.findings.filter((f) => f.symbol === 'add')
    expect(add.map((f) => [f.messageId, f.file, f.startLine, f.tags])).toEqual([
      ['apiNote', 'index.js', 5, ['bump:none']]
    ])
    expect(add[0].title).toBe(
      'add: documented return type changed from `Object` (JSDoc in JavaScript) to `string` (review, not a break)'
    )
    // Not a breaking change: no release is asked for.
    expect(run.findings.some((f) => f.messageId === 'versionBumpTooSmall')).toBe(false)

    const dtsBase = {
      'package.json': manifest({ types: 'index.d.ts' }),
      'index.js': 'exports.add = function add(text) { return {} }\n',
      'index.d.ts': 'export declare function add(text: string): object\n'
    }
    const dtsHead = {
      ...dtsBase,
      'package.json': manifest({ version: '2.0.0', types: 'index.d.ts' }),
      'index.d.ts': 'export declare function add(text: string): object | undefined\n'
    }
    expect(await compatBreaks(dtsBase, dtsHead)).toEqual([
      'apiChanged add: return type widened from `object` to `object | undefined` @index.d.ts:1'
    ])
  })
})

describe('widened and narrowed parameters (raw-body 3)', () => {
  const dts = (lines: string[]): Record<string, string> => ({
    'package.json': manifest({ types: 'index.d.ts' }),
    'index.js': 'module.exports = {}\n',
    'index.d.ts': lines.join('\n') + '\n'
  })
  const base = dts([
    "import { Readable, Writable } from 'stream'",
    'export declare function read(stream: Readable): void',
    'export declare function pipe(out: NodeJS.WritableStream): void',
    'export declare function load(input: string): void',
    'export declare function save(input: string | Buffer): void',
    'export declare function open(path: string, mode?: number): void',
    'export declare function close(fd: number, force: boolean): void'
  ])

  it('a union grown, a Node.js stream type widened to its interface, a parameter made optional: no break', async () => {
    const head = dts([
      "import { Readable, Writable } from 'stream'",
      'export declare function read(stream: NodeJS.ReadableStream): void',
      'export declare function pipe(out: NodeJS.WritableStream): void',
      'export declare function load(input: string | Buffer): void',
      'export declare function save(input: string | Buffer): void',
      'export declare function open(path: string, mode?: number): void',
      'export declare function close(fd: number, force?: boolean): void'
    ])
    expect(await compatBreaks(base, head)).toEqual([])
  })

  it('a union shrunk, a stream interface narrowed to a class, an optional parameter made required: breaks', async () => {
    const head = dts([
      "import { Readable, Writable } from 'stream'",
      'export declare function read(stream: Readable): void',
      'export declare function pipe(out: Writable): void',
      'export declare function load(input: string): void',
      'export declare function save(input: string): void',
      'export declare function open(path: string, mode: number): void',
      'export declare function close(fd: number, force: boolean): void'
    ])
    expect(await compatBreaks(base, head)).toEqual([
      'apiChanged open: parameter `mode` made required @index.d.ts:6',
      'apiChanged pipe: type of parameter `out` narrowed from `NodeJS.WritableStream` to `Writable` @index.d.ts:3',
      'apiChanged save: type of parameter `input` narrowed from `string | Buffer` to `string` @index.d.ts:5'
    ])
  })
})

describe('private Python names', () => {
  it('names of a `_private` module and public-looking names `__all__` leaves out removed: no break; a name in `__all__` removed: break', async () => {
    const base = {
      'pyproject.toml': '[project]\nname = "pkg"\nversion = "1.0.0"\n',
      'pkg/__init__.py': [
        'from pkg._impl import load',
        '',
        "__all__ = ['load', 'dump']",
        '',
        '',
        'def dump(value):',
        '    return str(value)',
        '',
        '',
        'def undeclared(value):',
        '    return value',
        ''
      ].join('\n'),
      'pkg/_impl.py': [
        'def load(text):',
        '    return text',
        '',
        '',
        'def internal_thing(text):',
        '    return text',
        ''
      ].join('\n')
    }
    const head = {
      'pyproject.toml': '[project]\nname = "pkg"\nversion = "2.0.0"\n',
      'pkg/__init__.py': ['from pkg._impl import load', '', "__all__ = ['load']", ''].join('\n'),
      'pkg/_impl.py': ['def load(text):', '    return text', ''].join('\n')
    }
    const found = await compatBreaks(base, head)
    expect(found).toEqual([
      expect.stringMatching(
        /^exportRemoved Function dump removed from pkg\/__init__.py @pkg\/__init__.py:6/
      )
    ])
    expect(found.join('\n')).not.toMatch(/undeclared|internal_thing/)
  })
})

describe('a JSDoc options parameter documented property by property (cookie-session 2, eslint-scope 6: held-out-6)', () => {
  const source = (description: string, extra: string[]): string =>
    [
      '/**',
      ' * @param {Object} [options]',
      ` * @param {boolean} [options.httpOnly=true] ${description}`,
      ' * @param {string} [options.name] Name of the cookie to use',
      ...extra,
      ' */',
      'module.exports = function session(options) { return options }',
      '/** @param {string} name */',
      'module.exports.named = function named(name) { return name }',
      ''
    ].join('\n')

  it('is compared as its type, not as the comment text: reworded descriptions are no break; a function removed is', async () => {
    const base = { 'package.json': manifest({}), 'index.js': source('Only over HTTP', []) }
    const head = {
      'package.json': manifest({ version: '2.0.0' }),
      'index.js': source('Hide it from scripts', [])
        .replace(/module\.exports\.named = .*\n/, '')
        .replace(' * @param {string} name\n', '')
    }
    const found = await compatBreaks(base, head)
    expect(found).toEqual([
      expect.stringMatching(/^apiRemoved Function named removed @index\.js:8 at base/)
    ])
  })
})
