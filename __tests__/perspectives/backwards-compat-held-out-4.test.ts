// Shapes of breaks that compat held-out-4 missed or called wrongly (docs/evaluation/compat.md, round 5),
// each on a fixture written for it: the planted break asserted by file and line, the near non-break
// beside it asserted absent.
import { describe, expect, it } from '@jest/globals'
import perspective from '../../perspectives/backwards-compat/index.js'
import { runFixture } from './harness.js'
import { compatTrees, compatBreaks } from './compat-fixture.js'

describe('Python (pyjwt 2)', () => {
  it('a keyword now swallowed by **kwargs that nothing reads is removed; a setup.py command gone is removed', async () => {
    const { base, head } = compatTrees('python-swallowed')
    const found = await compatBreaks(base, head)
    expect(found).toEqual([
      // setup.py's console script `tokens` is gone; `tokens-keys` moved to setup.cfg (kept).
      'binRemoved Command tokens removed from setup.py @setup.py at base setup.py at HEAD',
      // `verify` is accepted by `**kwargs` at HEAD, handed to `self._check`, which reads no such key.
      'parameterRemoved Decoder.decode lost parameter verify @tokens/api.py:2'
    ])
    // Not reported: `Signer.sign(strict=)` (HEAD stores `**options`: any key may be used) and the
    // module's `decode(verify=)` (HEAD hands `**kwargs` to `forward`, whose own `verify` takes it).
    expect(found.join('\n')).not.toMatch(/strict|lost parameter verify @tokens\/api.py:1[0-9]/)
  })
})

describe('an addition-only Python release', () => {
  it('gives no breaks: a new function, method, optional parameter, keyword read from **kwargs and command', async () => {
    const { head } = compatTrees('python-swallowed')
    const next = { ...head }
    next['tokens/api.py'] = head['tokens/api.py']
      .replace(
        'def decode(self, token, key="", algorithms=None, **kwargs):',
        'def decode(self, token, key="", algorithms=None, leeway=0, **kwargs):\n        kwargs.get("audience")'
      )
      .concat('\n\ndef encode(payload, key):\n    return (payload, key)\n')
    next['setup.cfg'] = head['setup.cfg'].concat('    tokens-sign = tokens.sign:main\n')
    expect(await compatBreaks(head, next)).toEqual([])
  })
})

const manifest = (fields: Record<string, unknown>): string =>
  JSON.stringify({ name: 'flow', version: '1.0.0', main: 'index.js', ...fields })

describe('calls held-out-4 made that were not breaks (async 3, statuses 2)', () => {
  it('a JSDoc name that resolves to nothing constrains nothing, an undeclared HEAD parameter is not made required, `any` read breaks nothing', async () => {
    const base = {
      'package.json': manifest({}),
      'index.js': [
        '/**',
        ' * @param {Function} test',
        ' * @param {Function} fn',
        ' */',
        'exports.until = function until(test, fn) { return fn }',
        '/** @param {*} args */',
        'exports.seq = function seq(args) { return args }',
        '/** @returns {module:ControlFlow.CargoObject} */',
        'exports.cargo = function cargo() { return {} }',
        '/**',
        ' * @param {Object} [opts]',
        ' * @param {Function} task',
        ' */',
        'exports.retry = function retry(opts, task) { return task }',
        'exports.codes = {}',
        ''
      ].join('\n')
    }
    const head = {
      'package.json': manifest({ version: '2.0.0' }),
      'index.js': [
        '/**',
        ' * @param {AsyncFunction} test',
        ' * @param {Function} fn',
        ' */',
        'exports.until = function until(test, fn) { return fn }',
        '/** @param {...AsyncFunction} functions */',
        'exports.seq = function seq(...functions) { return functions }',
        '/** @returns {module:ControlFlow.QueueObject} */',
        'exports.cargo = function cargo() { return {} }',
        'exports.retry = function retry(opts, task) {',
        "  if (typeof opts === 'function') return opts",
        '  return task',
        '}',
        'exports.codes = JSON.parse(process.env.CODES)',
        ''
      ].join('\n')
    }
    // Beside them, a declared type changed to an unknown name (`Function` -> `AsyncFunction`) is
    // still called changed: the old type was a real one.
    expect(await compatBreaks(base, head)).toEqual([
      'apiChanged until: type of parameter `test` changed from `Function` to `AsyncFunction` @index.js:5'
    ])
  })
})

describe('Python module values (emoji 2)', () => {
  it('a value `__all__` names is API: gone at HEAD it is removed; a moved one and an unlisted one are not', async () => {
    const base = {
      'pyproject.toml': '[project]\nname = "emo"\nversion = "1.0.0"\n',
      'emo/__init__.py': 'from emo.codes import *\n',
      'emo/codes.py':
        '__all__ = ["EMOJI_EN", "ALIASES", "emojize"]\n\nEMOJI_EN = {":a:": "A"}\nALIASES = {}\n\n\ndef emojize(text):\n    return text\n',
      'emo/tools.py': 'cache = {}\n\n\ndef clear():\n    cache.clear()\n'
    }
    const head = {
      'pyproject.toml': '[project]\nname = "emo"\nversion = "2.0.0"\n',
      'emo/__init__.py': 'from emo.codes import *\nfrom emo.aliases import *\n',
      'emo/codes.py': '__all__ = ["emojize"]\n\n\ndef emojize(text):\n    return text\n',
      'emo/aliases.py': '__all__ = ["ALIASES"]\n\nALIASES = {}\n',
      'emo/tools.py': 'def clear():\n    pass\n'
    }
    const { run } = await runFixture(perspective, head, { baseFiles: base, baseSource: true })
    expect(run.error).toBeNull()
    expect(
      run.findings
        .filter((f) => f.messageId !== 'versionBumpTooSmall')
        .map((f) => `${f.messageId} ${f.symbol} ${(f.where ?? []).join(' ')}`)
    ).toEqual([
      'exportRemoved EMOJI_EN emo/codes.py:3 at base: EMOJI_EN = {":a:": "A"} emo/codes.py at HEAD'
    ])
  })
})

describe('a module file gone (source-map 0.7)', () => {
  const base = {
    'package.json': manifest({ name: 'maps' }),
    'index.js': "exports.SourceNode = require('./lib/node').SourceNode\n",
    'lib/node.js': 'exports.SourceNode = function SourceNode() {}\n',
    'lib/util.js': 'exports.join = function join(a, b) { return a + b }\n',
    'lib/maps.debug.js':
      'exports.SourceNode = function SourceNode() {}\nexports.BasicConsumer = function BasicConsumer() {}\n'
  }
  it('without an exports map, a file no entry names (a debug bundle) removed is no break; one rewritten in place is not either', async () => {
    const head = {
      'package.json': manifest({ name: 'maps', version: '2.0.0' }),
      'index.js': "exports.SourceNode = require('./lib/node').SourceNode\n",
      'lib/node.js': '// rewritten\nexports.SourceNode = function SourceNode() {}\n',
      'lib/util.cjs': 'exports.join = function join(a, b) { return a + b }\n'
    }
    const found = await compatBreaks(base, head)
    // lib/maps.debug.js is a file package.json never named (judged no break on held-out-4 and -5).
    expect(found).toEqual([])
  })

  it('a file package.json named (the old main) is one moduleRemoved with the names it exported', async () => {
    const head = {
      'package.json': manifest({ name: 'maps', version: '2.0.0', main: 'lib/node.js' }),
      'lib/node.js': 'exports.SourceNode = function SourceNode() {}\n',
      'lib/util.js': 'exports.join = function join(a, b) { return a + b }\n'
    }
    const found = await compatBreaks(base, head)
    expect(found).toEqual([
      expect.stringMatching(/^moduleRemoved Module index.js removed @index.js:1 at base/)
    ])
  })

  it('with an exports map at HEAD, closed paths are deepImportsClosed, not moduleRemoved', async () => {
    const head = {
      'package.json': manifest({ name: 'maps', version: '2.0.0', exports: { '.': './index.js' } }),
      'index.js': "exports.SourceNode = require('./lib/node').SourceNode\n",
      'lib/node.js': 'exports.SourceNode = function SourceNode() {}\n',
      'lib/util.js': 'exports.join = function join(a, b) { return a + b }\n'
    }
    const found = await compatBreaks(base, head)
    expect(found.some((f) => f.startsWith('moduleRemoved'))).toBe(false)
    expect(found.some((f) => f.startsWith('deepImportsClosed'))).toBe(true)
  })
})
