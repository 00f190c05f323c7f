// Targeted behaviour of the Python extractor: each test plants a construct and asserts what the
// model says about it, by line.
import { extractPy, lines } from './python-helpers.js'

describe('imports', () => {
  test('absolute, aliased, relative, wildcard and TYPE_CHECKING imports', async () => {
    const model = await extractPy(
      lines(
        'import os.path as p, sys',
        'from ..pkg.mod import thing as other, helper',
        'from . import sibling',
        'from .local import (a,',
        '    b as bee)',
        'from x import *',
        'from typing import TYPE_CHECKING',
        'if TYPE_CHECKING:',
        '    from collections.abc import Sequence',
        'else:',
        '    import json',
        'def late():',
        '    import importlib.util'
      )
    )
    const summary = model.imports.map((i) => [
      i.source,
      i.names.map((n) => `${n.imported}>${n.local}`).join(','),
      i.typeOnly,
      i.loc.startLine
    ])
    expect(summary).toEqual([
      ['os.path', '*>p', false, 1],
      ['sys', '*>sys', false, 1],
      ['..pkg.mod', 'thing>other,helper>helper', false, 2],
      ['.', 'sibling>sibling', false, 3],
      ['.local', 'a>a,b>bee', false, 4],
      ['x', '*>*', false, 6],
      ['typing', 'TYPE_CHECKING>TYPE_CHECKING', false, 7],
      ['collections.abc', 'Sequence>Sequence', true, 9],
      ['json', '*>json', false, 11],
      ['importlib.util', '*>importlib.util', false, 13]
    ])
    expect(model.imports.every((i) => i.kind === 'python' && i.resolved === undefined)).toBe(true)
  })
})

describe('public API', () => {
  test('without __all__, names not starting with _ are exported; methods follow their class', async () => {
    const model = await extractPy(
      lines(
        'LIMIT = 3',
        '_cache = {}',
        'def api(): pass',
        'def _helper(): pass',
        'class Client:',
        '    def get(self): pass',
        '    def _retry(self): pass',
        '    def __init__(self): pass',
        'class _Impl:',
        '    def get(self): pass',
        'def outer():',
        '    def inner(): pass'
      )
    )
    const exported = Object.fromEntries(model.functions.map((f) => [f.qualifiedName, f.exported]))
    expect(exported).toEqual({
      api: true,
      _helper: false,
      'Client.get': true,
      'Client._retry': false,
      'Client.__init__': false,
      '_Impl.get': false,
      outer: true,
      'outer.inner': false
    })
    expect(model.exports.map((e) => [e.name, e.kind, e.loc.startLine])).toEqual([
      ['LIMIT', 'variable', 1],
      ['api', 'function', 3],
      ['Client', 'class', 5],
      ['outer', 'function', 11]
    ])
    expect(model.all).toBeUndefined()
  })

  test('a literal __all__ decides, including names the module only imports', async () => {
    const model = await extractPy(
      lines(
        'from .impl import helper',
        '__all__ = ["run", "_special"]',
        '__all__ += ("helper",)',
        'def run(): pass',
        'def other(): pass',
        'def _special(): pass'
      )
    )
    expect(model.all).toEqual(['run', '_special', 'helper'])
    expect(model.functions.map((f) => [f.name, f.exported])).toEqual([
      ['run', true],
      ['other', false],
      ['_special', true]
    ])
    expect(model.exports.map((e) => [e.name, e.kind, e.loc.startLine])).toEqual([
      ['run', 'function', 4],
      ['_special', 'function', 6],
      ['helper', 'all', 3]
    ])
  })

  test('a computed __all__ is not trusted: the convention applies', async () => {
    const model = await extractPy(
      lines('__all__ = [n for n in dir() if n]', 'def run(): pass', 'def _x(): pass')
    )
    expect(model.all).toBeUndefined()
    expect(model.functions.map((f) => f.exported)).toEqual([true, false])
  })
})

describe('functions and classes', () => {
  test('kinds, lambdas, receivers, decorators and generators', async () => {
    const model = await extractPy(
      lines(
        'class Account(Base, metaclass=Meta):',
        '    rate = 0.1',
        '    owner: str',
        '    def __init__(self, owner):',
        '        self.owner = owner',
        '        self.__pin = 0',
        '        self._log = []',
        '    @property',
        '    def balance(self): return 0',
        '    @balance.setter',
        '    def balance(self, value): pass',
        '    @staticmethod',
        '    def parse(text): return text',
        '    @classmethod',
        '    def empty(cls): return cls("")',
        'double = lambda x, factor=2: x * factor',
        'def numbers():',
        '    yield 1',
        '    def not_a_generator(): return [(yield_ for yield_ in ())]'
      )
    )
    const fns = model.functions.map((f) => [
      f.qualifiedName,
      f.kind,
      f.params.map((p) => p.name).join(','),
      f.generator
    ])
    expect(fns).toEqual([
      ['Account.__init__', 'constructor', 'owner', false],
      ['Account.balance', 'getter', '', false],
      ['Account.balance#2', 'setter', 'value', false],
      ['Account.parse', 'method', 'text', false],
      ['Account.empty', 'method', '', false],
      ['double', 'lambda', 'x,factor', false],
      ['numbers', 'function', '', true],
      ['numbers.not_a_generator', 'function', '', false]
    ])
    expect(model.functions[3].decorators).toEqual(['staticmethod'])
    const [account] = model.classes
    expect(account.bases).toEqual(['Base'])
    expect(account.members.map((m) => [m.name, m.kind, m.static, m.visibility])).toEqual([
      ['rate', 'property', true, 'public'],
      ['owner', 'property', false, 'public'],
      ['__init__', 'constructor', false, 'public'],
      ['__pin', 'property', false, 'private'],
      ['_log', 'property', false, 'protected'],
      ['balance', 'getter', false, 'public'],
      ['balance', 'setter', false, 'public'],
      ['parse', 'method', true, 'public'],
      ['empty', 'method', true, 'public']
    ])
  })

  test('cyclomatic complexity counts each decision point', async () => {
    const model = await extractPy(
      lines(
        'def simple(): return 1',
        'def busy(items, flag):',
        '    if flag and items:', // if + and
        '        pass',
        '    elif flag or not items:', // elif + or
        '        pass',
        '    for i in items:', // for
        '        while i:', // while
        '            i -= 1',
        '    try:',
        '        pass',
        '    except ValueError:', // except
        '        pass',
        '    x = 1 if flag else 2', // conditional expression
        '    y = [i for i in items if i]', // comprehension if
        '    match x:',
        '        case 1: pass', // case
        '        case _: pass', // case
        '    with open("f") as f:', // with: not a decision
        '        pass',
        '    return lambda v: v if v else 0' // conditional expression in an anonymous lambda
      )
    )
    expect(model.functions.map((f) => [f.name, f.complexity, f.lines])).toEqual([
      ['simple', 1, 1],
      ['busy', 13, 20]
    ])
  })
})

describe('calls', () => {
  test('callee, receiver, arguments, keywords, await and enclosing function', async () => {
    const model = await extractPy(
      lines(
        'import subprocess',
        'class Fetcher:',
        '    async def load(self, url):',
        '        subprocess.run(["ls", url], shell=True, check=False)',
        '        return await self.client.get(url, *self.args, **self.options)',
        'print(sum(x for x in range(3)))'
      )
    )
    const calls = model.calls.map((c) => ({
      callee: c.callee,
      name: c.name,
      receiver: c.receiver,
      args: c.args,
      keywords: c.keywords,
      awaited: c.awaited,
      enclosing: c.enclosing,
      line: c.loc.startLine
    }))
    expect(calls).toEqual([
      {
        callee: 'subprocess.run',
        name: 'run',
        receiver: 'subprocess',
        args: ['["ls", url]', 'shell=True', 'check=False'],
        keywords: ['shell', 'check'],
        awaited: false,
        enclosing: 'Fetcher.load',
        line: 4
      },
      {
        callee: 'self.client.get',
        name: 'get',
        receiver: 'self.client',
        args: ['url', '*self.args', '**self.options'],
        keywords: undefined,
        awaited: true,
        enclosing: 'Fetcher.load',
        line: 5
      },
      {
        callee: 'print',
        name: 'print',
        receiver: undefined,
        args: ['sum(x for x in range(3))'],
        keywords: undefined,
        awaited: false,
        enclosing: undefined,
        line: 6
      },
      {
        callee: 'sum',
        name: 'sum',
        receiver: undefined,
        args: ['(x for x in range(3))'],
        keywords: undefined,
        awaited: false,
        enclosing: undefined,
        line: 6
      },
      {
        callee: 'range',
        name: 'range',
        receiver: undefined,
        args: ['3'],
        keywords: undefined,
        awaited: false,
        enclosing: undefined,
        line: 6
      }
    ])
    expect(model.calls.every((c) => c.isNew === false)).toBe(true)
  })
})

describe('raise sites and handlers', () => {
  test('error types, messages, guards and re-raises', async () => {
    const model = await extractPy(
      lines(
        'def check(x):',
        '    if x < 0:',
        '        raise ValueError("negative")',
        '    elif x == 0:',
        '        raise errors.Empty',
        '    else:',
        '        try:',
        '            work(x)',
        '        except OSError as e:',
        '            raise RuntimeError(f"failed {x}") from e',
        '        except KeyError as err:',
        '            raise err',
        '        except Exception:',
        '            raise'
      )
    )
    const throws = model.throws.map((t) => [
      t.loc.startLine,
      t.errorType,
      t.message,
      t.guard,
      t.rethrow,
      t.enclosing
    ])
    expect(throws).toEqual([
      [3, 'ValueError', 'negative', 'x < 0', false, 'check'],
      [5, 'errors.Empty', undefined, 'x == 0', false, 'check'],
      [10, 'RuntimeError', undefined, 'not (x < 0)', false, 'check'],
      [12, undefined, undefined, 'not (x < 0)', true, 'check'],
      [14, undefined, undefined, 'not (x < 0)', true, 'check']
    ])
    expect(model.tries[0].handlers.map((h) => [h.types, h.param, h.rethrows])).toEqual([
      [['OSError'], 'e', true],
      [['KeyError'], 'err', true],
      [['Exception'], undefined, true]
    ])
  })

  test('bare, empty, log-only and swallowing handlers; finally', async () => {
    const model = await extractPy(
      lines(
        'for item in items:',
        '    try:',
        '        handle(item)',
        '    except:',
        '        pass',
        '    except (KeyError, IndexError) as e:',
        '        logger.exception("bad item %s", e)',
        '    except ValueError:',
        '        continue',
        '    except TypeError:',
        '        ...',
        '    except OSError:',
        '        print("oops")',
        '        cleanup()',
        '    finally:',
        '        done()',
        'try:',
        '    pass',
        'except* ExceptionGroup:',
        '    self.log.warning("x")'
      )
    )
    expect(model.tries.map((t) => [t.loc.startLine, t.hasFinally])).toEqual([
      [2, true],
      [17, false]
    ])
    const handlers = model.tries[0].handlers.map((h) => ({
      line: h.loc.startLine,
      types: h.types,
      bare: h.bare,
      empty: h.empty,
      onlyLogs: h.onlyLogs,
      swallows: h.swallows,
      rethrows: h.rethrows
    }))
    expect(handlers).toEqual([
      {
        line: 4,
        types: [],
        bare: true,
        empty: true,
        onlyLogs: false,
        swallows: true,
        rethrows: false
      },
      {
        line: 6,
        types: ['KeyError', 'IndexError'],
        bare: false,
        empty: false,
        onlyLogs: true,
        swallows: false,
        rethrows: false
      },
      {
        line: 8,
        types: ['ValueError'],
        bare: false,
        empty: false,
        onlyLogs: false,
        swallows: true,
        rethrows: false
      },
      {
        line: 10,
        types: ['TypeError'],
        bare: false,
        empty: true,
        onlyLogs: false,
        swallows: true,
        rethrows: false
      },
      {
        line: 12,
        types: ['OSError'],
        bare: false,
        empty: false,
        onlyLogs: false,
        swallows: false,
        rethrows: false
      }
    ])
    expect(model.tries[1].handlers[0]).toMatchObject({ types: ['ExceptionGroup'], onlyLogs: true })
  })
})

describe('conditions', () => {
  test('comparisons, chained, membership, identity and literal values', async () => {
    const model = await extractPy(
      lines(
        'def f(x, s, y):',
        '    if 0 < x <= 10 and len(s) == 0:',
        '        pass',
        '    elif y not in ("a", "b") or y is not None:',
        '        pass',
        '    while x != -1.5 and s is True:',
        '        pass',
        '    return "big" if x > 0x10 else "small"'
      )
    )
    const conds = model.conditions.map((c) => [
      c.kind,
      c.loc.startLine,
      c.comparisons.map((k) => [k.left, k.operator, k.right, k.literal, k.literalSide])
    ])
    expect(conds).toEqual([
      [
        'if',
        2,
        [
          ['0', '<', 'x', 0, 'left'],
          ['x', '<=', '10', 10, 'right'],
          ['len(s)', '==', '0', 0, 'right']
        ]
      ],
      [
        'elif',
        4,
        [
          ['y', 'not in', '("a", "b")', undefined, undefined],
          ['y', 'is not', 'None', null, 'right']
        ]
      ],
      [
        'while',
        6,
        [
          ['x', '!=', '-1.5', -1.5, 'right'],
          ['s', 'is', 'True', true, 'right']
        ]
      ],
      ['ternary', 8, [['x', '>', '0x10', 16, 'right']]]
    ])
    expect(model.conditions.every((c) => c.enclosing === 'f')).toBe(true)
  })

  test('match statements: cases, default, literal cases and guards', async () => {
    const model = await extractPy(
      lines(
        'def route(cmd, code):',
        '    match cmd:',
        '        case "start" | "go":',
        '            pass',
        '        case [name, *rest] if len(rest) > 2:',
        '            pass',
        '        case _:',
        '            pass',
        '    match code:',
        '        case 200:',
        '            pass',
        '        case Point(x=0):',
        '            pass'
      )
    )
    expect(
      model.switches.map((s) => [s.loc.startLine, s.discriminant, s.cases, s.hasDefault, s.kind])
    ).toEqual([
      [2, 'cmd', ['"start" | "go"', '[name, *rest]', '_'], true, 'match'],
      [9, 'code', ['200', 'Point(x=0)'], false, 'match']
    ])
    const conds = model.conditions.map((c) => [
      c.kind,
      c.loc.startLine,
      c.comparisons.map((k) => `${k.left} ${k.operator} ${String(k.literal)}`)
    ])
    expect(conds).toEqual([
      ['case', 3, ['cmd == start', 'cmd == go']],
      ['guard', 5, ['len(rest) > 2']],
      ['case', 10, ['code == 200']]
    ])
  })
})

describe('loops', () => {
  test('kinds, nesting depth per function, iterated expression and await', async () => {
    const model = await extractPy(
      lines(
        'async def crawl(pages):',
        '    for page in pages:',
        '        while page.more:',
        '            await page.next()',
        '        def helper():',
        '            for x in page: pass',
        '    async for event in stream():',
        '        pass',
        '    return [c for p in pages for c in p.children]'
      )
    )
    expect(
      model.loops.map((l) => [
        l.loc.startLine,
        l.kind,
        l.depth,
        l.iterates,
        l.header,
        l.hasAwait,
        l.enclosing
      ])
    ).toEqual([
      [2, 'for', 1, 'pages', 'for page in pages', true, 'crawl'],
      [3, 'while', 2, undefined, 'while page.more', true, 'crawl'],
      [6, 'for', 1, 'page', 'for x in page', false, 'crawl.helper'],
      [7, 'for', 1, 'stream()', 'async for event in stream()', true, 'crawl'],
      [9, 'comprehension', 1, 'pages', 'for p in pages', false, 'crawl'],
      [9, 'comprehension', 2, 'p.children', 'for c in p.children', false, 'crawl']
    ])
  })
})

describe('module state, strings and main', () => {
  test('module variables: what they hold and whether they can change', async () => {
    const model = await extractPy(
      lines(
        '#!/usr/bin/env python3',
        '"""Module docstring."""',
        'MAX_RETRIES = 3',
        'NAMES = ("a", "b")',
        'ALLOWED = frozenset({"x"})',
        'REGISTRY = {}',
        'cache = []',
        'seen = set()',
        'counter = 0',
        '_lock = threading.Lock()',
        'a = b = None',
        'x, y = 1, []',
        'z, *w = items',
        'later: int',
        'def f():',
        '    local = []',
        '    """not a docstring"""'
      )
    )
    expect(
      model.variables.map((v) => [v.name, v.initKind, v.mutable, v.exported, v.loc.startLine])
    ).toEqual([
      ['MAX_RETRIES', 'literal', false, true, 3],
      ['NAMES', 'literal', false, true, 4],
      ['ALLOWED', 'call', false, true, 5],
      ['REGISTRY', 'object', true, true, 6],
      ['cache', 'array', true, true, 7],
      ['seen', 'call', true, true, 8],
      ['counter', 'literal', true, true, 9],
      ['_lock', 'call', true, false, 10],
      ['a', 'literal', true, true, 11],
      ['b', 'literal', true, true, 11],
      ['x', 'literal', true, true, 12],
      ['y', 'array', true, true, 12],
      ['z', 'other', true, true, 13],
      ['later', 'none', true, true, 14]
    ])
    expect(model.variables.every((v) => v.declaration === 'assignment')).toBe(true)
    expect(model.strings.map((s) => [s.value, s.loc.startLine, s.enclosing])).toEqual([
      ['a', 4, undefined],
      ['b', 4, undefined],
      ['x', 5, undefined],
      ['not a docstring', 17, 'f']
    ])
    expect(model.hasMain).toBe(true)
  })

  test('hasMain from the main guard; not from a guard inside a function', async () => {
    expect(
      (await extractPy(lines('def main(): pass', "if __name__ == '__main__':", '    main()')))
        .hasMain
    ).toBe(true)
    expect(
      (await extractPy(lines('def main():', '    if __name__ == "__main__":', '        pass')))
        .hasMain
    ).toBe(false)
  })

  test('syntax errors give a partial model with a count, and what parsed is kept', async () => {
    const model = await extractPy(
      lines('def good(a):', '    return a', 'def broken(:', '    pass', 'x = (1,')
    )
    expect(model.status).toBe('partial')
    expect(model.syntaxErrors).toBeGreaterThan(0)
    expect(model.functions.map((f) => f.name)).toContain('good')
    const clean = await extractPy(lines('def good(a):', '    return a'))
    expect([clean.status, clean.syntaxErrors]).toEqual(['parsed', 0])
  })
})

describe('test files', () => {
  test('pytest: test functions, Test classes and skip markers', async () => {
    const model = await extractPy(
      lines(
        'import pytest',
        'def test_adds():',
        '    assert 1 + 1 == 2',
        '@pytest.mark.skip(reason="later")',
        'def test_later(): pass',
        '@pytest.mark.skipif(sys.platform == "win32", reason="posix")',
        'def test_posix(): pass',
        '@pytest.mark.xfail',
        'def test_known_bug(): pass',
        '@pytest.mark.parametrize("x", [1])',
        'def test_param(x): pass',
        'def helper(): pass',
        'class TestGroup:',
        '    def test_inside(self): pass',
        '    def setup_method(self): pass',
        '@pytest.mark.skip',
        'class TestSkipped:',
        '    def test_a(self): pass',
        'class Helper:',
        '    def test_not_collected(self): pass'
      ),
      true,
      'tests/test_mod.py'
    )
    expect(model.isTest).toBe(true)
    expect(model.test?.framework).toBe('pytest')
    expect(model.test?.cases.map((c) => [c.name, c.kind, c.modifier, c.loc.startLine])).toEqual([
      ['test_adds', 'test', undefined, 2],
      ['test_later', 'test', 'skip', 5],
      ['test_posix', 'test', 'skip', 7],
      ['test_known_bug', 'test', 'skip', 9],
      ['test_param', 'test', undefined, 11],
      ['TestGroup', 'suite', undefined, 13],
      ['TestGroup.test_inside', 'test', undefined, 14],
      ['TestSkipped', 'suite', 'skip', 17],
      ['TestSkipped.test_a', 'test', 'skip', 18]
    ])
    expect(model.test?.importedModules).toEqual([])
    expect(model.test?.referencedSymbols).toEqual([])
  })

  test('unittest: TestCase subclasses with @unittest.skip', async () => {
    const model = await extractPy(
      lines(
        'import unittest',
        'class MathTest(unittest.TestCase):',
        '    def test_add(self):',
        '        self.assertEqual(1 + 1, 2)',
        '    @unittest.skip("broken")',
        '    def test_div(self): pass',
        '    @unittest.skipIf(True, "never")',
        '    def test_mod(self): pass',
        '    def helper(self): pass'
      ),
      true,
      'tests/test_math.py'
    )
    expect(model.test?.framework).toBe('unittest')
    expect(model.test?.cases.map((c) => [c.name, c.kind, c.modifier])).toEqual([
      ['MathTest', 'suite', undefined],
      ['MathTest.test_add', 'test', undefined],
      ['MathTest.test_div', 'test', 'skip'],
      ['MathTest.test_mod', 'test', 'skip']
    ])
  })

  test('a source file gets no test information', async () => {
    const model = await extractPy(lines('def test_like(): pass'))
    expect(model.isTest).toBe(false)
    expect(model.test).toBeUndefined()
  })
})
