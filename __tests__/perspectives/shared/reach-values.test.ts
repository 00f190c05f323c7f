// A function decorated by a decorator of the repository's own that wraps it (`@wraps(f)` inside,
// nothing stored) runs only when its name is used: the reach graph decides for it (voluptuous's
// `@message(...)` validators `IsTrue`, `IsFalse`, `Boolean`, named by nothing but their docstrings, were
// "may run" because every decorated function was). A decorator that registers (a registry, `append`), a
// library's decorator (`functools.lru_cache`) or a framework object's (`@app.route`) keeps "may run".
// And a marker (a raising body compared by identity, called by nothing: voluptuous's `Self`, `Extra`) is
// not run by tests that pass it as a value; one called by name, or not compared, is.
import { modelOf, untested } from './reach-model.js'

const PYPROJECT = '[project]\nname = "checks"\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'

const DECO = [
  'from functools import wraps', //                             1
  '', //                                                        2
  'HOOKS = []', //                                              3
  'REGISTRY = {}', //                                           4
  '', //                                                        5
  '', //                                                        6
  'def truth(f):', //                                           7
  '    @wraps(f)', //                                           8
  '    def check(v):', //                                       9
  '        if not f(v):', //                                    10
  '            raise ValueError(v)', //                         11
  '        return v', //                                        12
  '    return check', //                                        13
  '', //                                                        14
  '', //                                                        15
  'def message(text):', //                                      16
  '    def decorator(f):', //                                   17
  '        @wraps(f)', //                                       18
  '        def wrapper(*args):', //                             19
  '            try:', //                                        20
  '                return f(*args)', //                         21
  '            except ValueError:', //                          22
  '                raise TypeError(text)', //                   23
  '        return wrapper', //                                  24
  '    return decorator', //                                    25
  '', //                                                        26
  '', //                                                        27
  'def hook(f):', //                                            28
  '    @wraps(f)', //                                           29
  '    def run(*args):', //                                     30
  '        return f(*args)', //                                 31
  '    HOOKS.append(run)', //                                   32
  '    return run', //                                          33
  '', //                                                        34
  '', //                                                        35
  'def register(f):', //                                        36
  '    REGISTRY[f.__name__] = f', //                            37
  '    return f', //                                            38
  ''
].join('\n')

const RULES = [
  'import functools', //                                        1
  '', //                                                        2
  'from checks.deco import hook, message, register, truth', //  3
  '', //                                                        4
  '', //                                                        5
  '@truth', //                                                  6
  'def is_even(v):', //                                         7
  '    return v % 2 == 0', //                                   8
  '', //                                                        9
  '', //                                                        10
  '@truth', //                                                  11
  'def is_odd(v):', //                                          12
  '    """Used as `Schema(is_odd)` in the docs only."""', //     13
  '    return v % 2 == 1', //                                   14
  '', //                                                        15
  '', //                                                        16
  "@message('not small')", //                                   17
  '@truth', //                                                  18
  'def is_small(v):', //                                        19
  '    return v < 10', //                                       20
  '', //                                                        21
  '', //                                                        22
  "@message('not positive')", //                                23
  'def is_positive(v):', //                                     24
  '    return v > 0', //                                        25
  '', //                                                        26
  '', //                                                        27
  '@hook', //                                                   28
  'def on_start():', //                                         29
  '    return 1', //                                            30
  '', //                                                        31
  '', //                                                        32
  '@register', //                                               33
  'def on_stop():', //                                          34
  '    return 2', //                                            35
  '', //                                                        36
  '', //                                                        37
  '@functools.lru_cache(maxsize=None)', //                      38
  'def cached(v):', //                                          39
  '    return v', //                                            40
  '', //                                                        41
  '', //                                                        42
  'def pick(v):', //                                            43
  '    return is_positive(v)', //                               44
  ''
].join('\n')

describe('static reach: functions decorated by a wrapping decorator of ours', () => {
  it('calls a wrapped function untested when no path of names reaches it; registering and library decorators may run', async () => {
    const model = await modelOf({
      'pyproject.toml': PYPROJECT,
      'checks/__init__.py': '',
      'checks/deco.py': DECO,
      'checks/rules.py': RULES,
      'tests/test_rules.py': [
        'from checks.rules import is_even, pick',
        '',
        '',
        'def test_even():',
        '    assert is_even(2) == 2',
        '',
        '',
        'def test_pick():',
        '    assert pick(3)',
        ''
      ].join('\n')
    })
    // is_odd and is_small: wrapped (one and two wrapping decorators), named by nothing that runs.
    // is_positive: wrapped, but pick() names it. on_start: `hook` stores its wrapper; on_stop: a registry;
    // cached: a library's decorator: all may run. The decorators and their wrappers run at import.
    expect(untested(model, ['checks/rules.py', 'checks/deco.py'])).toEqual([
      'checks/rules.py:12 is_odd',
      'checks/rules.py:19 is_small'
    ])
  })

  it('keeps a wrapped function "may run" when one definition of the decorator name registers', async () => {
    const model = await modelOf({
      'pyproject.toml': PYPROJECT,
      'checks/__init__.py': '',
      'checks/deco.py': DECO,
      // A second `truth` that keeps what it wraps: the name no longer says "wraps only".
      'checks/other.py': [
        'from functools import wraps',
        'SEEN = []',
        '',
        '',
        'def truth(f):',
        '    @wraps(f)',
        '    def check(v):',
        '        return f(v)',
        '    SEEN.append(check)',
        '    return check',
        ''
      ].join('\n'),
      'checks/rules.py': RULES,
      'tests/test_rules.py':
        'from checks import other\nfrom checks.rules import is_even, pick\n\n\ndef test_even():\n    assert is_even(2) == 2\n    assert pick(3)\n    assert other.SEEN == []\n'
    })
    expect(untested(model, ['checks/rules.py'])).toEqual([])
  })
})

// A marker: a function whose body only raises, compared by identity in the code, called by nothing.
const SCHEMA = [
  'class SchemaError(Exception):', //                           1
  '    pass', //                                                2
  '', //                                                        3
  '', //                                                        4
  'def Extra(_):', //                                           5
  '    """Allow keys the schema does not name."""', //          6
  '    raise SchemaError("Extra should never be called")', //   7
  '', //                                                        8
  '', //                                                        9
  'def Self():', //                                             10
  '    raise SchemaError("Self should never be called")', //    11
  '', //                                                        12
  '', //                                                        13
  'def Fail(_):', //                                            14
  '    raise SchemaError("always fails")', //                   15
  '', //                                                        16
  '', //                                                        17
  'def Guard(v):', //                                           18
  '    raise SchemaError(v)', //                                19
  '', //                                                        20
  '', //                                                        21
  'def validate(schema, data):', //                             22
  '    for key, value in schema.items():', //                   23
  '        if key is Extra or value is Self:', //               24
  '            continue', //                                    25
  '        if value is Guard:', //                              26
  '            value(data)', //                                 27
  '        value(data.get(key))', //                            28
  '    return data', //                                         29
  ''
].join('\n')

describe('static reach: marker functions tests pass as values', () => {
  it('calls a raising function compared by identity and called by nothing untested, even when tests name it', async () => {
    const model = await modelOf({
      'pyproject.toml': PYPROJECT,
      'checks/__init__.py': '',
      'checks/schema.py': SCHEMA,
      'tests/test_schema.py': [
        'import pytest',
        'from checks.schema import Extra, Fail, Guard, Self, SchemaError, validate',
        '',
        '',
        'def test_extra():',
        '    assert validate({Extra: int, "a": Self}, {"a": 1})',
        '',
        '',
        'def test_fail():',
        '    with pytest.raises(SchemaError):',
        '        validate({"a": Fail}, {"a": 1})',
        '',
        '',
        'def test_guard():',
        '    with pytest.raises(SchemaError):',
        '        Guard(1)',
        ''
      ].join('\n')
    })
    // Fail is passed as a value and called by validate (not compared by identity): tested. Guard is
    // compared by identity but a test calls it by name: tested.
    expect(untested(model, ['checks/schema.py'])).toEqual([
      'checks/schema.py:10 Self',
      'checks/schema.py:5 Extra'
    ])
  })
})

// Two modules define a class of one name (boltons' `dictutils.OrderedMultiDict` and `urlutils`' own
// copy): a use of the name in a module that imports it from one of them, or defines it, names that
// class only, so the other's methods wait for a use of their own.
const TABLE = (n: number): string =>
  [
    'class Table:', //                                            1
    '    def __init__(self):', //                                 2
    '        self.rows = []', //                                  3
    '', //                                                        4
    '    def add(self, row):', //                                 5
    '        self.rows.append(row)', //                           6
    `        return ${n}`, //                                     7
    '', //                                                        8
    '    def count(self):', //                                    9
    '        return len(self.rows)', //                           10
    ''
  ].join('\n')

describe('static reach: same-named classes of different modules', () => {
  const files = (test: string): Record<string, string> => ({
    'pyproject.toml': PYPROJECT,
    'checks/__init__.py': '',
    'checks/grid.py': TABLE(1),
    'checks/sheet.py': TABLE(2),
    'checks/book.py': [
      'from checks import sheet', //                              1
      'from checks.sheet import Table as SheetTable', //         2
      '', //                                                      3
      '', //                                                      4
      'def open_book():', //                                      5
      '    return sheet.Table()', //                              6
      '', //                                                      7
      '', //                                                      8
      'def open_sheet():', //                                     9
      '    return SheetTable()', //                               10
      ''
    ].join('\n'),
    'tests/test_grid.py': test
  })
  const TEST = [
    'from checks import book',
    'from checks.grid import Table',
    '',
    '',
    'def test_add():',
    '    t = Table()',
    '    assert t.add(1) == 1',
    '    assert t.count() == 1',
    '    assert book is not None',
    ''
  ]

  it('brings to life only the class the name resolves to', async () => {
    const model = await modelOf(files(TEST.join('\n')))
    // The tests build a grid.Table; sheet.Table's methods wait for a use of that class (open_book and
    // open_sheet would give one, but nothing calls them).
    expect(untested(model, ['checks/grid.py', 'checks/sheet.py', 'checks/book.py'])).toEqual([
      'checks/book.py:5 open_book',
      'checks/book.py:9 open_sheet',
      'checks/sheet.py:5 Table.add',
      'checks/sheet.py:9 Table.count'
    ])
  })

  it('through an imported alias or an attribute (`sheet.Table()`), the other class may run too', async () => {
    for (const call of ['book.open_sheet()', 'book.open_book()']) {
      const model = await modelOf(
        files([...TEST, 'def test_book():', `    assert ${call}`, ''].join('\n'))
      )
      const left = untested(model, ['checks/sheet.py'])
      expect({ call, left }).toEqual({ call, left: [] })
    }
  })
})

// A module nothing imports, names or could load by a computed name is not loaded: its classes do not
// come to life, so their methods wait for a use of the class (pypika's clickhouse dialect, once its
// tests are gone). One an entry point or a string names, or any module in a repository that loads
// modules by computed names, may be loaded another way and keeps "may run" (Python-Markdown's extensions).
describe('static reach: modules no import loads', () => {
  const files = (
    extra: Record<string, string> = {},
    pyproject = PYPROJECT
  ): Record<string, string> => ({
    'pyproject.toml': pyproject,
    'checks/__init__.py': '',
    'checks/core.py':
      'class Term:\n    def get_sql(self):\n        return "x"\n\n\ndef render(t):\n    return t.get_sql()\n',
    'checks/dialect.py': 'class Array:\n    def get_sql(self):\n        return "[]"\n',
    'tests/test_core.py':
      'from checks.core import Term, render\n\n\ndef test_render():\n    assert render(Term()) == "x"\n',
    ...extra
  })

  it('calls the methods of an unloaded module untested', async () => {
    const model = await modelOf(files())
    expect(untested(model, ['checks/core.py', 'checks/dialect.py'])).toEqual([
      'checks/dialect.py:2 Array.get_sql'
    ])
  })

  it('keeps them "may run" when an entry point, a string or a computed import may load the module', async () => {
    const shapes: Record<string, Record<string, string>> = {
      'entry point': files(
        {},
        `${PYPROJECT}[project.entry-points."checks.dialects"]\narray = "checks.dialect:Array"\n`
      ),
      string: files({ 'checks/registry.py': 'DIALECTS = ["checks.dialect"]\n' }),
      'computed import': files({
        'checks/loader.py':
          'import importlib\n\n\ndef load(name):\n    return importlib.import_module(name)\n'
      })
    }
    for (const [shape, repo] of Object.entries(shapes)) {
      const left = untested(await modelOf(repo), ['checks/dialect.py'])
      expect({ shape, left }).toEqual({ shape, left: [] })
    }
  })
})

// Dispatch by a computed name on self (pyflakes: `getattr(self, node_class.__name__.upper())`): every
// method of the class's family may run; a same-named method of another class does not. And `cls` or
// `self` is the class or the instance only as a method's first parameter: a test's local
// `cls = self._getTargetClass()` then `cls.from_text(...)` calls a method of any class (webob).
describe('static reach: names computed on self, and a local named cls', () => {
  it('reaches every method of the family through getattr(self, computed), nothing outside it', async () => {
    const model = await modelOf({
      'pyproject.toml': PYPROJECT,
      'checks/__init__.py': '',
      'checks/visit.py': [
        'class Visitor:', //                                         1
        '    def visit(self, node):', //                             2
        '        kind = type(node).__name__.upper()', //             3
        '        return getattr(self, kind, self.generic)(node)', // 4
        '', //                                                       5
        '    def generic(self, node):', //                           6
        '        return None', //                                    7
        '', //                                                       8
        '    def NAME(self, node):', //                              9
        '        return "name"', //                                  10
        '', //                                                       11
        '', //                                                       12
        'class Checker(Visitor):', //                                13
        '    def CALL(self, node):', //                              14
        '        return "call"', //                                  15
        '', //                                                       16
        '', //                                                       17
        'class Printer:', //                                         18
        '    def CALL(self, node):', //                              19
        '        return "printed"', //                               20
        '', //                                                       21
        '    def show(self, node):', //                              22
        '        return getattr(self, "CALL")(node)', //             23
        ''
      ].join('\n'),
      'tests/test_visit.py': [
        'from checks.visit import Checker, Printer',
        '',
        '',
        'def test_visit():',
        '    assert Checker().visit(object()) is None',
        '    assert Printer() is not None',
        ''
      ].join('\n')
    })
    // Printer.show: nothing calls it; Printer.CALL: only show names it (a literal, so no dispatch).
    expect(untested(model, ['checks/visit.py'])).toEqual([
      'checks/visit.py:19 Printer.CALL',
      'checks/visit.py:22 Printer.show'
    ])
  })

  it('reads a local cls as any receiver, not as the test class', async () => {
    const model = await modelOf({
      'pyproject.toml': PYPROJECT,
      'checks/__init__.py': '',
      'checks/request.py':
        'class Request:\n    @classmethod\n    def from_text(cls, s):\n        return cls.from_bytes(s.encode())\n\n    @classmethod\n    def from_bytes(cls, b):\n        return cls()\n\n    @classmethod\n    def from_file(cls, f):\n        return cls()\n',
      'tests/test_request.py': [
        'class TestRequest:',
        '    def _target(self):',
        '        from checks.request import Request',
        '        return Request',
        '',
        '    def test_from_text(self):',
        '        cls = self._target()',
        '        assert isinstance(cls.from_text("x"), cls)',
        ''
      ].join('\n')
    })
    expect(untested(model, ['checks/request.py'])).toEqual([
      'checks/request.py:11 Request.from_file'
    ])
  })
})
