// Shapes of breaks that compat held-out-3 missed or called wrongly (docs/evaluation/compat.md, round 4),
// each on a fixture written for it: the planted break asserted by file and line, the near non-break
// beside it asserted absent.
import { describe, expect, it } from '@jest/globals'
import perspective from '../../perspectives/backwards-compat/index.js'
import { runFixture } from './harness.js'
import { compatTrees, compatBreaks } from './compat-fixture.js'

async function breaksOf(name: string): Promise<string[]> {
  const { base, head } = compatTrees(name)
  return compatBreaks(base, head)
}

describe('Python (tomli 2, natsort 6)', () => {
  it('names a parameter made positional-only, enum-like members removed, and keywords read from **kwargs', async () => {
    const found = await breaksOf('python-keywords')
    expect(found).toEqual([
      // `ns = _Flags()`: the private class's members are what users reach through `ns`.
      'memberRemoved Public member ns.TYPESAFE removed from sorter/flags.py @sorter/flags.py:7 at base: def TYPESAFE(self): sorter/flags.py at HEAD',
      // Read by name through `**_kwargs` handed on to the package's own `args_to_flags`: `as_path` is
      // gone with the `**` parameter; `signed` became a parameter of its own (not a break).
      'parameterRemoved sort_items lost parameter as_path @sorter/_core.py:8',
      // `fp` -> `__fp`: keyword calls `load(fp=...)` break.
      'positionalOnlyChanged load: fp is now positional-only @sorter/_core.py:4'
    ])
  })
})

const manifest = (fields: Record<string, unknown>): string =>
  JSON.stringify({ name: 'fsx', version: '1.0.0', main: 'lib/index.js', ...fields })

describe('JavaScript packaging (fs-extra 11, uuid 8, mustache 4)', () => {
  it('a UMD module is read through its factory: a property it no longer sets is removed', async () => {
    const { base, head } = compatTrees('umd')
    base['package.json'] = manifest({ name: 'template', main: 'template.js' })
    head['package.json'] = manifest({ name: 'template', version: '2.0.0', main: 'template.js' })
    // `version` went from '3.2.1' to '4.0.0' (a string either way) and `templateCache` was added:
    // neither breaks.
    expect(await compatBreaks(base, head)).toEqual([
      'apiRemoved Method default.to_html removed @template.js:23 at base: template.to_html = function to_html(text, view, send) { template.js at HEAD'
    ])
  })

  it('an exports map added where there was none closes deep imports it does not list; an ESM wrapper without a default takes it away', async () => {
    const { base, head } = compatTrees('deep-imports')
    base['package.json'] = manifest({})
    head['package.json'] = manifest({
      version: '2.0.0',
      exports: {
        '.': { require: './lib/index.js', import: './wrapper.mjs' },
        './esm': './lib/esm.mjs',
        './lib/json': './lib/json.js'
      }
    })
    const found = await compatBreaks(base, head)
    expect(found).toEqual([
      // `fsx/lib/json` is still a subpath, and `lib/index.js` is the package itself.
      'deepImportsClosed Deep imports of fsx/lib/copy/index closed by the new "exports" map @package.json at base package.json at HEAD',
      'exportRemoved Export default removed from lib/index.js @wrapper.mjs:1'
    ])
  })

  it('a wildcard subpath keeps every deep import, and a wrapper with a default keeps the default', async () => {
    const { base, head } = compatTrees('deep-imports')
    base['package.json'] = manifest({})
    head['package.json'] = manifest({
      version: '2.0.0',
      exports: { '.': { require: './lib/index.js', import: './wrapper.mjs' }, './*': './*' }
    })
    head['wrapper.mjs'] += 'export default lib\n'
    expect(await compatBreaks(base, head)).toEqual([])
  })
})

describe('calls held-out-3 made that were not breaks (json5, uuid, micromatch)', () => {
  it('`__esModule` is the transpiler marker, a JSDoc type widened is not narrowed, `(...args)` takes anything', async () => {
    const base = {
      'package.json': manifest({ name: 'glob', main: 'index.js' }),
      'index.js': [
        "Object.defineProperty(exports, '__esModule', { value: true })",
        '/**',
        ' * @param {Array} list',
        ' * @param {String} pattern',
        ' */',
        'exports.match = function match(list, pattern) { return list }',
        '/** @param {String} pattern */',
        'exports.makeRe = function makeRe(pattern) { return pattern }',
        '/** @param {String} pattern */',
        'exports.scan = function scan(pattern) { return pattern }',
        ''
      ].join('\n')
    }
    const head = {
      'package.json': manifest({ name: 'glob', version: '2.0.0', main: 'index.js' }),
      'index.js': [
        '/**',
        ' * @param {String|Array<string>} list',
        ' * @param {string} pattern',
        ' */',
        'exports.match = function match(list, pattern) { return list }',
        '/** @param {String} pattern */',
        'exports.makeRe = (...args) => args[0]',
        '/** @param {Object} pattern */',
        'exports.scan = function scan(pattern) { return pattern }',
        ''
      ].join('\n')
    }
    // Beside them, a JSDoc type really changed (`String` -> `Object`) is still called changed.
    expect(await compatBreaks(base, head)).toEqual([
      'apiChanged scan: type of parameter `pattern` changed from `String` to `Object` @index.js:9'
    ])
  })
})

describe('a Python script that cannot be imported (emoji 2)', () => {
  it('is not API: a function removed from `utils/get-codes.py` is no break, and no spec imports it', async () => {
    const base = {
      'pyproject.toml': '[project]\nname = "emo"\nversion = "1.0.0"\n',
      'emo/__init__.py':
        'def emojize(text):\n    return text\n\n\ndef emoji_lis(text):\n    return []\n',
      'utils/get-codes.py':
        'def extract(page):\n    return page\n\n\ndef old(page):\n    return page\n'
    }
    const head = {
      'pyproject.toml': '[project]\nname = "emo"\nversion = "2.0.0"\n',
      'emo/__init__.py': 'def emojize(text):\n    return text\n',
      'utils/get-codes.py': 'def extract(page):\n    return page\n'
    }
    const { run } = await runFixture(perspective, head, { baseFiles: base, baseSource: true })
    expect(run.error).toBeNull()
    expect(run.findings.map((f) => `${f.messageId} ${f.symbol}`)).toEqual([
      'exportRemoved emoji_lis'
    ])
    expect(JSON.stringify(run.specs)).not.toContain('get-codes')
  })
})
