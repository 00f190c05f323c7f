// A test file that cannot run where the tool runs gives no reach (docs/evaluation/reach.md, round O):
// Python test modules whose top-level imports (their conftest's, `pytest.importorskip` targets) the
// project's interpreter cannot find, JavaScript test files whose bare imports Node cannot resolve from
// the file (node_modules, the package's `exports`). The real interpreter answers (TEST_PLANNING_PYTHON
// or python3); optional imports (in a try, a function or an `if`) never count as missing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { reachFacts } from '../../perspectives/shared/test-reach.js'
import { askPython } from '../../src/execute/python.js'
import { buildModel } from '../../src/model/build.js'
import { optionalBranches } from '../../src/model/optional-imports.js'
import { findUnloadableTests, unloadableText } from '../../src/model/test-loading.js'
import type { CodeModel, ModuleModel } from '../../src/model/types.js'
import { collectFacts } from '../../src/repo/facts.js'
import { loadRepository } from '../../src/repo/loader.js'

const PYTHON = process.env.TEST_PLANNING_PYTHON ?? 'python3'

const PY = {
  'pyproject.toml': '[project]\nname = "codec"\n',
  'codec/__init__.py': '',
  'codec/fast.py': 'def encode_fast(x):\n    return x\n', //  line 1
  // A module deep in the package named like a library: `import zz_reach15_msgspec` is not it.
  'codec/backends/zz_reach15_msgspec.py': 'def dumps(x):\n    return x\n',
  // A helper beside the tests, imported by its bare name as pytest allows: the project's own.
  'tests/helpers.py': 'def helper():\n    return 1\n',
  'codec/slow.py': 'def encode_slow(x):\n    return x\n\ndef unused_slow(x):\n    return x\n',
  'codec/plain.py': 'def plain(x):\n    return x\n',
  'codec/sub.py': 'def sub(x):\n    return x\n',
  'codec/lazy.py': 'def lazy(x):\n    return x\n',
  'tests/__init__.py': '',
  // Planted: a top-level import of a package that is not installed.
  'tests/test_fast.py': [
    'import json',
    'import zz_reach15_msgspec',
    'from codec.fast import encode_fast',
    'from codec.slow import unused_slow',
    '',
    'def test_fast():',
    '    assert encode_fast(1) == 1',
    ''
  ].join('\n'),
  // False shape: an optional import under try/except, and one under a version check.
  'tests/test_slow.py': [
    'import sys',
    'import helpers',
    'try:',
    '    import zz_reach15_optional',
    'except ImportError:',
    '    zz_reach15_optional = None',
    'if sys.version_info < (3, 0):',
    '    import zz_reach15_py2only',
    'from codec.slow import encode_slow',
    '',
    'def test_slow():',
    '    assert encode_slow(1) == 1',
    ''
  ].join('\n'),
  // Planted: importorskip of a missing package skips the whole module.
  'tests/test_plain.py': [
    'import pytest',
    'np = pytest.importorskip("zz_reach15_numpy")',
    'from codec.plain import plain',
    '',
    'def test_plain():',
    '    assert plain(1) == 1',
    ''
  ].join('\n'),
  // Planted: the conftest of a folder needs a missing plugin: every test below cannot be collected.
  'tests/sub/conftest.py': 'import zz_reach15_plugin\n',
  'tests/sub/test_sub.py': 'from codec.sub import sub\n\ndef test_sub():\n    assert sub(1) == 1\n',
  // False shape: an import inside a test function fails that test only.
  'tests/test_lazy.py': [
    'from codec.lazy import lazy',
    '',
    'def test_lazy():',
    '    import zz_reach15_lazy',
    '    assert lazy(1) == 1',
    ''
  ].join('\n')
}

const JS = {
  'package.json': JSON.stringify({ name: 'mypkg', main: 'lib/index.js' }),
  'node_modules/present/package.json': JSON.stringify({
    name: 'present',
    exports: { '.': './index.js', './feature': './feature.js' }
  }),
  'node_modules/present/index.js': 'module.exports = 1\n',
  'node_modules/present/feature.js': 'module.exports = 2\n',
  'node_modules/plainpkg/package.json': JSON.stringify({ name: 'plainpkg' }),
  'node_modules/plainpkg/util.js': 'module.exports = 3\n',
  'lib/index.js': "exports.c = require('./c')\n",
  'lib/a.js': 'module.exports = function a(x) {\n  return x\n}\n',
  'lib/b.js': 'module.exports = function b(x) {\n  return x\n}\n',
  'lib/c.js': 'module.exports = function c(x) {\n  return x\n}\n',
  // Planted: a package that is not installed.
  'test/a.test.js': [
    "const assert = require('node:assert')",
    "const absent = require('absent-lib')",
    "const a = require('../lib/a')",
    "it('a', () => assert.equal(a(1), 1))",
    ''
  ].join('\n'),
  // Planted: a subpath the package's `exports` does not offer.
  'test/b.test.js': [
    "const hidden = require('present/hidden')",
    "const b = require('../lib/b')",
    "it('b', () => b(1))",
    ''
  ].join('\n'),
  // False shape: installed packages, exported and plain subpaths, built-ins, the package's own name,
  // an optional require in a try, a require inside a test.
  'test/c.test.js': [
    "const fs = require('fs')",
    "const present = require('present')",
    "const feature = require('present/feature')",
    "const util = require('plainpkg/util')",
    "const self = require('mypkg')",
    'let opt',
    'try {',
    "  opt = require('optional-absent')",
    '} catch {}',
    "const c = require('../lib/c')",
    "it('c', () => { require('lazy-absent'); c(1) })",
    ''
  ].join('\n')
}

async function checked(files: Record<string, string>): Promise<CodeModel> {
  const root = mkdtempSync(join(tmpdir(), 'loading-'))
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), content)
    }
    const repo = await loadRepository(root, {})
    const model = await buildModel(repo, await collectFacts(repo, {}))
    const { unloadable, optionalMissing } = await findUnloadableTests(model, (names) =>
      askPython(root, PYTHON, names)
    )
    model.facts.unloadableTests = unloadable
    // As the pipeline does (src/pipeline/analyse.ts): blocks under a missing optional package's check.
    const branches = optionalBranches(repo.files, optionalMissing ?? [])
    if (branches.length > 0) model.facts.notTakenBranches = branches
    return model
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

function untested(model: CodeModel, paths: string[]): string[] {
  const facts = reachFacts(model)
  const out: string[] = []
  for (const path of paths) {
    const module = model.modules.find((m) => m.path === path) as ModuleModel
    for (const fn of module.functions)
      if (facts.functionReach(module, fn) === 'estimated-untested')
        out.push(`${path}:${fn.loc.startLine} ${fn.qualifiedName}`)
  }
  return out.sort()
}

describe('test files that cannot run here give no reach', () => {
  it('Python: a missing top-level import, an importorskip target and a conftest plugin; optional imports do not count', async () => {
    const model = await checked(PY)
    const texts = (model.facts.unloadableTests ?? []).map(unloadableText)
    expect(texts).toEqual([
      'tests/sub/conftest.py cannot be collected here: zz_reach15_plugin is not installed',
      'tests/sub/test_sub.py cannot be collected here: tests/sub/conftest.py needs zz_reach15_plugin, which is not installed',
      'tests/test_fast.py cannot be collected here: zz_reach15_msgspec is not installed',
      'tests/test_plain.py is skipped here: zz_reach15_numpy is not installed (pytest.importorskip)'
    ])
    expect(
      untested(model, [
        'codec/fast.py',
        'codec/slow.py',
        'codec/plain.py',
        'codec/sub.py',
        'codec/lazy.py'
      ])
    ).toEqual([
      'codec/fast.py:1 encode_fast',
      'codec/plain.py:1 plain',
      'codec/slow.py:4 unused_slow',
      'codec/sub.py:1 sub'
    ])
    // The reason an "untested" gives names the file and what it misses.
    const facts = reachFacts(model)
    const fast = model.modules.find((m) => m.path === 'codec/fast.py') as ModuleModel
    expect(facts.estimate(fast, fast.functions[0]).blocked).toBe(
      'tests/test_fast.py cannot be collected here: zz_reach15_msgspec is not installed'
    )
    // A module a runnable test also imports: untested for its own reason, not "reached only by" that file.
    const slow = model.modules.find((m) => m.path === 'codec/slow.py') as ModuleModel
    expect(facts.estimate(slow, slow.functions[1]).blocked).toBeUndefined()
  })

  it('JavaScript: a package not installed and a subpath not exported; installed, built-in, own, optional and lazy requires do not count', async () => {
    const model = await checked(JS)
    expect((model.facts.unloadableTests ?? []).map(unloadableText)).toEqual([
      'test/a.test.js cannot be collected here: absent-lib is not installed',
      'test/b.test.js cannot be collected here: present/hidden (not exported by present)'
    ])
    expect(untested(model, ['lib/a.js', 'lib/b.js', 'lib/c.js'])).toEqual([
      'lib/a.js:1 a',
      'lib/b.js:1 b'
    ])
  })
})

// deepdiff's shape (round P): the package binds an optional library's name to None when it is missing,
// and a test file reads an attribute of that name at import time (a parametrize table), so pytest stops
// on an AttributeError while collecting it; the twin that uses the name only inside tests, or under a
// check, still loads.
const OPTIONAL = {
  'pyproject.toml': '[project]\nname = "arrays"\n',
  'arrays/__init__.py': '',
  'arrays/helper.py': [
    'class np_type:', //                                         1
    '    pass', //                                               2
    '', //                                                       3
    'try:', //                                                   4
    '    import zz_reach16_numpy as np', //                      5
    '    np_ndarray = np.ndarray', //                            6
    'except ImportError:  # optional', //                        7
    '    np = None', //                                          8
    '    np_ndarray = np_type', //                               9
    ''
  ].join('\n'),
  // The library's own code under checks of the optional names.
  'arrays/compute.py': [
    'from arrays.helper import np, np_ndarray', //               1
    '', //                                                       2
    'def fast_sum(xs):', //                                      3
    '    return np.sum(xs)', //                                  4
    '', //                                                       5
    'def to_list(x):', //                                        6
    '    return list(x)', //                                     7
    '', //                                                       8
    'def total(xs, exact=False):', //                            9
    '    if exact and np is not None:', //                      10
    '        return fast_sum(xs)', //                           11
    '    return sum(xs)', //                                    12
    '', //                                                      13
    'def flatten(x):', //                                       14
    '    if isinstance(x, np_ndarray):', //                     15
    '        return to_list(x)', //                             16
    '    return [x]', //                                        17
    '', //                                                      18
    'def half(xs):', //                                         19
    '    return xs[: len(xs) // 2]', //                         20
    '', //                                                      21
    'def maybe(xs):', //                                        22
    '    if np or xs:', //                                      23
    '        return half(xs)', //                               24
    '    return xs', //                                         25
    ''
  ].join('\n'),
  'tests/test_compute.py': [
    'from arrays.compute import total, flatten, maybe', //      1
    '', //                                                       2
    'def test_compute():', //                                    3
    '    assert total([1, 2], exact=True) == 3', //              4
    '    assert flatten(1) == [1]', //                           5
    '    assert maybe([1, 2]) == [1]', //                        6
    ''
  ].join('\n'),

  'arrays/vector.py': 'def vector_diff(a, b):\n    return a != b\n', // line 1
  'arrays/scalar.py': 'def scalar_diff(a, b):\n    return a != b\n', // line 1
  'arrays/guarded.py': 'def guarded_diff(a, b):\n    return a != b\n', // line 1
  // Planted: `np.array` in a module-level table (np is None here).
  'tests/test_vector.py': [
    'import pytest', //                                          1
    'from arrays.helper import np', //                           2
    'from arrays.vector import vector_diff', //                  3
    '', //                                                       4
    'CASES = {', //                                              5
    "    'one': (np.array([1]), np.array([2])),", //             6
    '}', //                                                      7
    '', //                                                       8
    "@pytest.mark.parametrize('a,b', CASES.values())", //        9
    'def test_vector(a, b):', //                                10
    '    assert vector_diff(a, b)', //                          11
    ''
  ].join('\n'),
  // False shape: the name read only inside a test (that test fails, the file loads).
  'tests/test_scalar.py': [
    'from arrays.helper import np', //                           1
    'from arrays.scalar import scalar_diff', //                  2
    '', //                                                       3
    'def test_scalar():', //                                     4
    '    assert scalar_diff(1, 2)', //                           5
    '    assert np.array is not None', //                       6
    ''
  ].join('\n'),
  // False shape: read at the top level under a check of the name, or in a conditional expression.
  'tests/test_guarded.py': [
    'from arrays.helper import np', //                           1
    'from arrays.guarded import guarded_diff', //                2
    '', //                                                       3
    'if np is not None:', //                                     4
    '    ONE = np.array([1])', //                                5
    'TWO = np.array([2]) if np else None', //                   6
    '', //                                                       7
    'def test_guarded():', //                                    8
    '    assert guarded_diff(1, 2)', //                          9
    ''
  ].join('\n')
}

describe('a name an optional import binds to None, read while a test file loads', () => {
  it('Python: the file that reads np.array at its top level cannot be collected; the function only it calls is flagged', async () => {
    const model = await checked(OPTIONAL)
    expect((model.facts.unloadableTests ?? []).map(unloadableText)).toEqual([
      'tests/test_vector.py cannot be collected here: zz_reach16_numpy is not installed, so np is None where the file reads np.array (line 6)'
    ])
    expect(untested(model, ['arrays/vector.py', 'arrays/scalar.py', 'arrays/guarded.py'])).toEqual([
      'arrays/vector.py:1 vector_diff'
    ])
  })

  it('Python: what only a block under `np is not None` or `isinstance(x, np_ndarray)` calls is flagged; a check with `or` stays open', async () => {
    const model = await checked(OPTIONAL)
    expect(untested(model, ['arrays/compute.py'])).toEqual([
      'arrays/compute.py:3 fast_sum',
      'arrays/compute.py:6 to_list'
    ])
    expect(
      model.facts.notTakenBranches?.map((b) => `${b.startLine}-${b.endLine} ${b.runsOn}`)
    ).toEqual([
      '11-11 runs only where zz_reach16_numpy is installed (not installed where the tool ran, so np is None)',
      '16-16 runs only where zz_reach16_numpy is installed (not installed where the tool ran, so np_ndarray is a placeholder type)'
    ])
  })
})

// deepdiff's CLI (round P): commands registered with a decorator run when a test dispatches to them, but
// the only test file that loads the module cannot be collected here, so nothing dispatches.
const REGISTERED = {
  'pyproject.toml': '[project]\nname = "tool"\n',
  'tool/__init__.py': '',
  'tool/registry.py': 'COMMANDS = []\n\ndef command(f):\n    COMMANDS.append(f)\n    return f\n',
  'tool/cli.py': [
    'from tool.registry import command', //                      1
    '', //                                                       2
    '@command', //                                               3
    'def export(path):', //                                      4
    '    return path', //                                        5
    ''
  ].join('\n'),
  'tool/serve.py': [
    'from tool.registry import command', //                      1
    '', //                                                       2
    '@command', //                                               3
    'def serve(port):', //                                       4
    '    return port', //                                        5
    ''
  ].join('\n'),
  // Planted: the one test file loading tool/cli.py needs a package that is not installed.
  'tests/test_cli.py': [
    'import zz_reach16_click', //                                1
    'from tool import cli', //                                   2
    '', //                                                       3
    'def test_export():', //                                     4
    "    assert zz_reach16_click.run(cli, 'export')", //         5
    ''
  ].join('\n'),
  // Twin: a runnable test loads tool/serve.py and dispatches through the registry.
  'tests/test_serve.py': [
    'from tool import serve', //                                 1
    'from tool.registry import COMMANDS', //                     2
    '', //                                                       3
    'def test_serve():', //                                      4
    '    assert COMMANDS[0](80) == 80', //                       5
    ''
  ].join('\n')
}

describe('a registered command only an uncollectable test file loads', () => {
  it('Python: flagged, with the reason; the twin a runnable test loads may run', async () => {
    const model = await checked(REGISTERED)
    expect(untested(model, ['tool/cli.py', 'tool/serve.py'])).toEqual(['tool/cli.py:4 export'])
    const facts = reachFacts(model)
    const cli = model.modules.find((m) => m.path === 'tool/cli.py') as ModuleModel
    expect(facts.estimate(cli, cli.functions[0]).blocked).toBe(
      'tests/test_cli.py cannot be collected here: zz_reach16_click is not installed'
    )
  })
})

// apispec's shape (round P): the conftest's fixtures build the plugin, but only test files that cannot
// be collected here ask for them (through the helper `make_plugin`); a fixture runs only for a test that
// asks for it, a conftest helper only when something that runs names it.
const FIXTURES = {
  'pyproject.toml': '[project]\nname = "specs"\n',
  'specs/__init__.py': '',
  'specs/core.py': [
    'class Spec:', //                                            1
    '    def path(self, p):', //                                 2
    '        return p', //                                       3
    ''
  ].join('\n'),
  'specs/plugin.py': [
    'class Plugin:', //                                          1
    '    def schema_helper(self, s):', //                        2
    '        return s', //                                       3
    ''
  ].join('\n'),
  'tests/conftest.py': [
    'import pytest', //                                          1
    'from specs.core import Spec', //                            2
    'from specs.plugin import Plugin', //                        3
    '', //                                                       4
    'def make_plugin():', //                                     5
    '    plugin = Plugin()', //                                  6
    '    plugin.schema_helper(Spec())', //                       7
    '    return plugin', //                                      8
    '', //                                                       9
    '@pytest.fixture', //                                       10
    'def plugin_spec():', //                                    11
    '    return make_plugin()', //                              12
    '', //                                                      13
    '@pytest.fixture', //                                       14
    'def core_spec():', //                                      15
    '    return Spec()', //                                     16
    ''
  ].join('\n'),
  // Planted: the only test asking for plugin_spec cannot be collected.
  'tests/test_plugin.py': [
    'import zz_reach16_validator', //                           1
    '', //                                                       2
    'def test_plugin(plugin_spec):', //                          3
    '    assert plugin_spec', //                                 4
    ''
  ].join('\n'),
  // Twin: a runnable test asks for core_spec and calls path on it.
  'tests/test_core.py': [
    'def test_core(core_spec):', //                              1
    "    assert core_spec.path('/a') == '/a'", //                2
    ''
  ].join('\n')
}

describe('conftest fixtures only uncollectable tests ask for', () => {
  it('Python: what only such a fixture calls is flagged; the fixture a runnable test asks for reaches', async () => {
    const model = await checked(FIXTURES)
    expect(untested(model, ['specs/core.py', 'specs/plugin.py'])).toEqual([
      'specs/plugin.py:2 Plugin.schema_helper'
    ])
  })
})
