// A bare Python name reaches only the function it is bound to (docs/evaluation/reach.md, round P): a
// name the test file neither defines nor imports is a local (deepdiff's tests bind `diff = DeepDiff(...)`,
// which reached its command-line `diff`), and a name imported from the package is the function the
// package's `__init__` re-exports, not another module's function of the same name. Each never-run function
// is asserted by file and line; each twin that runs is asserted absent.
import { modelOf, untested } from './reach-model.js'

const CLI = {
  'pyproject.toml': '[project]\nname = "pkg"\n',
  'pkg/__init__.py': 'from pkg.search import grep\nfrom pkg.core import compare\n',
  'pkg/core.py': [
    'def compare(a, b):', //                                      1
    '    return a != b', //                                       2
    ''
  ].join('\n'),
  'pkg/search.py': [
    'def grep(items, word):', //                                  1
    '    return [i for i in items if word in i]', //              2
    ''
  ].join('\n'),
  'pkg/commands.py': [
    'from pkg.core import compare', //                            1
    '', //                                                        2
    'def diff(a, b):', //                                         3
    '    return compare(a, b)', //                                4
    '', //                                                        5
    'def grep(path, word):', //                                   6
    '    return open(path).read().count(word)', //                7
    ''
  ].join('\n'),
  'tests/test_core.py': [
    'from pkg import compare, grep', //                           1
    '', //                                                        2
    'def test_compare():', //                                     3
    '    diff = compare(1, 2)', //                                4
    '    assert diff', //                                         5
    '', //                                                        6
    'def test_grep():', //                                        7
    "    assert grep(['ab'], 'a') == ['ab']", //                  8
    ''
  ].join('\n')
}

describe('static reach: Python bare names follow their binding', () => {
  it('a local named like a command and a name imported from the package reach neither command', async () => {
    const model = await modelOf(CLI)
    expect(untested(model, ['pkg/commands.py', 'pkg/search.py', 'pkg/core.py'])).toEqual([
      'pkg/commands.py:3 diff',
      'pkg/commands.py:6 grep'
    ])
  })

  it('the command a test imports (under another name) is reached; its neighbour is not', async () => {
    const model = await modelOf({
      ...CLI,
      'tests/test_cli.py': [
        'from pkg.commands import diff as run_diff', //           1
        '', //                                                    2
        'def test_cli():', //                                     3
        '    assert run_diff(1, 2)', //                           4
        ''
      ].join('\n')
    })
    expect(untested(model, ['pkg/commands.py', 'pkg/search.py', 'pkg/core.py'])).toEqual([
      'pkg/commands.py:6 grep'
    ])
  })

  it('a star import, or an import the model cannot follow, leaves the name unrestricted', async () => {
    const model = await modelOf({
      ...CLI,
      'tests/test_star.py': [
        'from pkg.commands import *', //                          1
        '', //                                                    2
        'def test_star():', //                                    3
        '    assert diff(1, 2)', //                               4
        ''
      ].join('\n'),
      'tests/test_lazy.py': [
        'from pkg.lazy import grep', //                           1
        '', //                                                    2
        'def test_lazy():', //                                    3
        "    assert grep('p', 'w') == 0", //                      4
        ''
      ].join('\n'),
      // Binds `grep` at run time: the model cannot tell which one.
      'pkg/lazy.py':
        'def __getattr__(name):\n    import pkg.commands\n    return getattr(pkg.commands, name)\n'
    })
    expect(untested(model, ['pkg/commands.py'])).toEqual([])
  })
})
