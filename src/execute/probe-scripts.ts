// The program that probes one Python module for defects an oracle makes certain (probe.ts): its
// docstring examples run by Python's own doctest, each round-trip pair applied to values of the
// encoder's declared type, and each public function called with values of its declared parameter
// types, where an internal error (TypeError, KeyError, ...) raised by the module's own code, not by a
// `raise` statement, is a crash on valid input. It shares the observer's traps (observe-scripts.ts):
// nothing reaches the network, the disk or another process, and a result that read the clock or
// randomness is dropped. Each result is one JSON line, written as it is found, so a time-out keeps
// what came before it.
import { pyString } from '../specs/values.js'
import { PY_PRELUDE } from './observe-scripts.js'
import type { RoundTripPair } from './probe-targets.js'

export interface PythonProbeInput {
  /** Repository-relative path of the module. */
  module: string
  /** Its dotted name, or null to load it from its path. */
  dotted: string | null
  /** Public module-level functions to call with values of their declared types. */
  functions: string[]
  /** Round-trip pairs: `decode(encode(v)) == v` for every `v` of encode's type. */
  pairs: RoundTripPair[]
  /** Public classes: their public methods, called on a new instance each. */
  classes?: Record<string, string[]>
  /** Round-trip pairs among a class's methods, on one instance. */
  classPairs?: Record<string, RoundTripPair[]>
}

const PROBE = String.raw`
import ast, asyncio, doctest, inspect, linecache, re, traceback, typing
_real_sleep = time.sleep
time.sleep = _block('clock')
_CRASH = (TypeError, AttributeError, KeyError, IndexError, ZeroDivisionError, UnboundLocalError, NameError)
_ROOT = os.path.abspath(_root)
def _emit(row):
    with _real_open(_out, 'a') as f:
        f.write(json.dumps(row) + '\n')
def _own(path):
    p = os.path.abspath(path or '')
    return p.startswith(_ROOT + os.sep) and 'site-packages' not in p and os.sep + '.venv' + os.sep not in p
_trees = {}
def _statement(path, line):
    # The innermost statement at a line, by Python's own parser.
    if path not in _trees:
        try:
            with _real_open(path, encoding='utf-8') as f:
                _trees[path] = ast.parse(f.read())
        except Exception:
            _trees[path] = None
    tree = _trees[path]
    best = None
    if tree is None:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and node.lineno <= line <= (node.end_lineno or node.lineno):
            if best is None or node.lineno >= best.lineno:
                best = node
    return best
def _values(hint):
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is str: return ['', 'a', 'Hello, World! 1']
    if hint is bool: return [True, False]
    if hint is int: return [0, 1, -1, 100]
    if hint is float: return [0.0, 1.5, -2.5]
    if hint is bytes: return [b'', b'abc']
    if origin is typing.Union:
        out = []
        for a in args:
            if a is type(None):
                out.append(None)
                continue
            v = _values(a)
            if v is None: return None
            out.extend(v)
        return out
    if origin in (list, typing.List) or hint is list:
        inner = _values(args[0]) if args else ['a']
        if inner is None: return None
        return [[], [x for x in inner if x not in ('', 0)][:2]]
    if origin in (dict, typing.Dict) and args and args[0] is str:
        inner = _values(args[1])
        if inner is None: return None
        return [{}, {'a': inner[-1]}]
    return None
def _hints(f):
    try:
        return typing.get_type_hints(f)
    except Exception:
        return None
def _call(f, args):
    v = f(*args)
    if inspect.iscoroutine(v):
        v = asyncio.run(v)
    return v
def _where(e):
    frames = traceback.extract_tb(e.__traceback__)
    if not frames: return None
    last = frames[-1]
    return last.filename, last.lineno, last.name
def _crash(e, args):
    # An internal error from the module's own code, not a raise statement, not a lookup by the caller's own key or index.
    if type(e) not in _CRASH: return None
    w = _where(e)
    if w is None or not _own(w[0]): return None
    node = _statement(w[0], w[1])
    if node is None or isinstance(node, (ast.Raise, ast.Assert)): return None
    if isinstance(e, KeyError) and e.args and any(e.args[0] == a for a in args if not isinstance(a, bool)): return None
    if isinstance(e, ZeroDivisionError) and any(a == 0 for a in args if isinstance(a, (int, float)) and not isinstance(a, bool)): return None
    if isinstance(e, (KeyError, IndexError)):
        frame = traceback.walk_tb(e.__traceback__)
        last = None
        for fr, _ in frame:
            last = fr
        names = set(last.f_code.co_varnames[:last.f_code.co_argcount + last.f_code.co_kwonlyargcount]) if last else set()
        for sub in ast.walk(node):
            if isinstance(sub, ast.Subscript) and isinstance(sub.slice, ast.Name) and sub.slice.id in names:
                return None
    return {'file': os.path.relpath(w[0], _ROOT), 'line': w[1], 'in': w[2], 'statement': (linecache.getline(w[0], w[1]) or '').strip()[:200]}
def _steady(f, args, first):
    # The same error at the same place on a second call: not an accident of state.
    try:
        _call(f, args)
    except _Blocked:
        return False
    except Exception as e:
        again = _crash(e, args)
        return again is not None and type(e) is type(first[0]) and again['line'] == first[1]['line']
    return False
def _defined_here(obj):
    return getattr(obj, '__module__', None) == mod.__name__
# A parameter that holds one character or byte by its name: an empty or longer one is outside its contract, and its
# callers pass one element of what they iterate (email-validator's safe_character_display(c), construct's
# byte2int(character), round 10).
_ONE_ELEMENT = re.compile(r'(c|ch|char|character|letter|digit|byte|codepoint|code_point)$')
def _rows(params, hints):
    # Rows of arguments for the required positional parameters, or None when one has no type that makes values.
    required = [p for p in params if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if any(p.kind == p.KEYWORD_ONLY and p.default is p.empty for p in params): return None, required
    pools = [_values(hints.get(p.name)) if p.name in hints else None for p in required]
    pools = [[v for v in pool if not isinstance(v, (str, bytes)) or len(v) == 1] if pool is not None and _ONE_ELEMENT.match(p.name) else pool for p, pool in zip(required, pools)]
    if any(v is None or len(v) == 0 for v in pools): return None, required
    typical = [pool[1] if len(pool) > 1 else pool[0] for pool in pools]
    rows = [list(typical)]
    for i, pool in enumerate(pools):
        for v in pool:
            row = list(typical)
            row[i] = v
            if row not in rows: rows.append(row)
    return rows[:16], required
def _unset(obj):
    # An attribute still None on a new instance: a set-up step the caller has not taken yet.
    try:
        return any(v is None for v in vars(obj).values())
    except TypeError:
        return False
def _probe_callable(symbol, f, params, hints, extra, fresh=None):
    rows, required = _rows(params, hints)
    if not rows or not required: return
    for args in rows:
        _touched.discard('clock'); _touched.discard('randomness')
        try:
            _call(f, args)
        except _Blocked:
            break
        except Exception as e:
            seen = _crash(e, args)
            if seen is None or _touched & {'clock', 'randomness'}: continue
            if fresh is not None and 'NoneType' in str(e) and _unset(fresh()): continue
            if not _steady(f, args, (e, seen)): continue
            _emit({'kind': 'crash', 'symbol': symbol, 'args': repr(args)[1:-1], 'argv': [repr(a) for a in args], 'errorType': type(e).__name__, 'message': str(e)[:300], 'at': seen, 'types': [str(hints.get(p.name)) for p in required], **extra})
            break
def _probe_crashes():
    for name in _functions:
        f = getattr(mod, name, None)
        if not callable(f) or inspect.isclass(f) or not _defined_here(f): continue
        try:
            sig = inspect.signature(f)
        except (TypeError, ValueError):
            continue
        hints = _hints(f)
        if hints is None: continue
        _probe_callable(name, f, list(sig.parameters.values()), hints, {})
def _instance_maker(cls):
    # A new instance per call, made with values of the constructor's declared types; None when it cannot be.
    if issubclass(cls, BaseException) or inspect.isabstract(cls): return None, None
    try:
        sig = inspect.signature(cls)
    except (TypeError, ValueError):
        return None, None
    hints = _hints(cls.__init__) if '__init__' in vars(cls) else {}
    if hints is None: return None, None
    rows, required = _rows(list(sig.parameters.values()), hints)
    if required and not rows: return None, None
    made = rows[0] if required else []
    try:
        cls(*made)
    except BaseException:
        return None, None
    return (lambda: cls(*made)), made
def _probe_methods():
    for cname, methods in sorted(_classes.items()):
        cls = getattr(mod, cname, None)
        if not inspect.isclass(cls) or not _defined_here(cls): continue
        fresh, made = _instance_maker(cls)
        if fresh is None: continue
        owner = {'className': cname, 'made': repr(made)[1:-1]}
        for mname in methods:
            member = vars(cls).get(mname)
            if not inspect.isfunction(member): continue
            try:
                params = list(inspect.signature(member).parameters.values())[1:]
            except (TypeError, ValueError):
                continue
            hints = _hints(member)
            if hints is None: continue
            call = (lambda m: lambda *a: getattr(fresh(), m)(*a))(mname)
            _probe_callable(cname + '.' + mname, call, params, hints, {'owner': owner}, fresh)
def _documents_pair(enc, dec, enc_name, dec_name):
    # The line of either docstring that names the other function: the project says they are a pair.
    for fn, other in ((dec, enc_name), (enc, dec_name)):
        short = other.split('.')[-1]
        for line in (inspect.getdoc(fn) or '').splitlines():
            if re.search(r'(?<![A-Za-z0-9_])' + re.escape(short) + r'(?![A-Za-z0-9_])', line):
                return line.strip()[:300]
    return None
def _try_pair(enc, dec, enc_name, dec_name, how, extra):
    try:
        esig, dsig = inspect.signature(enc), inspect.signature(dec)
    except (TypeError, ValueError):
        return
    ereq = [p for p in esig.parameters.values() if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    dreq = [p for p in dsig.parameters.values() if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    if len(ereq) != 1 or len(dreq) != 1: return
    eh, dh = _hints(enc), _hints(dec)
    if eh is None or dh is None or ereq[0].name not in eh: return
    given = eh[ereq[0].name]
    # The pair's signature must say it is one: decode returns what encode takes, and takes what encode returns.
    if 'return' in dh and dh['return'] != given: return
    if 'return' in eh and dreq[0].name in dh and dh[dreq[0].name] != eh['return']: return
    # to_x/from_x between values of one type (to_snake/from_snake) may lose by design: only a change of type counts.
    if how == 'to-from' and ('return' not in eh or eh['return'] == given): return
    pool = _values(given)
    if given is str: pool = ['a', '', 'hello world', 'a/b?c=1&d=\u00e9', '<p class="x">&amp;</p>', 'line1\nline2', "it's 100%"]
    if not pool: return
    held = []
    for v in pool:
        if v is None: continue
        _touched.discard('clock'); _touched.discard('randomness')
        try:
            encoded = _call(enc, [v])
        except _Blocked:
            return
        except Exception:
            continue
        try:
            back = _call(dec, [encoded])
            outcome = None if back == v and type(back) is type(v) else {'returned': repr(back)[:300]}
        except _Blocked:
            return
        except Exception as e:
            outcome = {'raised': type(e).__name__ + ': ' + str(e)[:200]}
        if _touched & {'clock', 'randomness'}: continue
        if outcome is None:
            # Kept as a test only when its value reads back as the same Python value.
            try:
                if ast.literal_eval(repr(v)) == v: held.append(repr(v))
            except Exception:
                pass
            continue
        _emit({'kind': 'round-trip', 'symbol': dec_name, 'encoder': enc_name, 'value': repr(v), 'encoded': repr(encoded)[:300], 'documented': _documents_pair(enc, dec, enc_name, dec_name), **outcome, **extra})
        return
    if held:
        _emit({'kind': 'round-trip-holds', 'symbol': dec_name, 'encoder': enc_name, 'values': held, **extra})
def _probe_pairs():
    for enc_name, dec_name, how in _pairs:
        enc, dec = getattr(mod, enc_name, None), getattr(mod, dec_name, None)
        if not (callable(enc) and callable(dec)) or not (_defined_here(enc) and _defined_here(dec)): continue
        _try_pair(enc, dec, enc_name, dec_name, how, {})
    for cname, pairs in sorted(_class_pairs.items()):
        cls = getattr(mod, cname, None)
        if not inspect.isclass(cls) or not _defined_here(cls): continue
        fresh, made = _instance_maker(cls)
        if fresh is None: continue
        for enc_name, dec_name, how in pairs:
            if not (inspect.isfunction(vars(cls).get(enc_name)) and inspect.isfunction(vars(cls).get(dec_name))): continue
            obj = fresh()
            _try_pair(getattr(obj, enc_name), getattr(obj, dec_name), cname + '.' + enc_name, cname + '.' + dec_name, how, {'owner': {'className': cname, 'made': repr(made)[1:-1]}})
class _Recorder(doctest.DocTestRunner):
    def __init__(self):
        super().__init__(verbose=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.IGNORE_EXCEPTION_DETAIL)
        self.failed = []
        self._shown = _NOTHING
    # The value an example displayed, kept beside its printed form: a stated result is held to the value.
    def _display(self, value):
        if value is not None: self._shown = value
        _REAL_DISPLAYHOOK(value)
    def run(self, test, *args, **kwargs):
        # doctest puts sys.__displayhook__ in place for each run: that is where the value is seen.
        sys.__displayhook__ = self._display
        try:
            return super().run(test, *args, **kwargs)
        finally:
            sys.__displayhook__ = _REAL_DISPLAYHOOK
    def report_start(self, out, test, example):
        self._shown = _NOTHING
    # doctest runs every example of a docstring: each one that fails is kept, not only the first.
    def report_failure(self, out, test, example, got):
        _shown_values[id(example)] = self._shown
        self.failed.append((example, got, None))
    def report_unexpected_exception(self, out, test, example, exc_info):
        self.failed.append((example, None, exc_info[1]))
_NOTHING = object()
_REAL_DISPLAYHOOK = sys.__displayhook__
_shown_values = {}
def _stated_value(want, globs):
    # The stated result as a value: a literal, or a constructor of literals (Version('0.1.0'), Decimal('1.5'))
    # made with the example's names. _NOTHING when the text is no value.
    text = want.strip()
    try:
        return ast.literal_eval(text)
    except Exception:
        pass
    try:
        tree = ast.parse(text, mode='eval')
    except SyntaxError:
        return _NOTHING
    call = tree.body
    if not (isinstance(call, ast.Call) and isinstance(call.func, (ast.Name, ast.Attribute))): return _NOTHING
    for arg in list(call.args) + [k.value for k in call.keywords]:
        try:
            ast.literal_eval(arg)
        except Exception:
            return _NOTHING
    try:
        return eval(compile(tree, '<stated>', 'eval'), dict(globs))
    except Exception:
        return _NOTHING
def _decimals(x):
    text = repr(x)
    return len(text.split('.', 1)[1]) if '.' in text and 'e' not in text and 'inf' not in text and 'nan' not in text else 0
def _agrees(stated, value):
    # The same value, a float stated to fewer digits than it has (0.333 for 1/3) included.
    if isinstance(stated, float) and isinstance(value, (int, float)) and not isinstance(value, bool):
        return stated == value or abs(stated - value) < 0.5 * 10 ** -_decimals(stated)
    if isinstance(stated, (list, tuple)) and type(value) is type(stated):
        return len(stated) == len(value) and all(_agrees(a, b) for a, b in zip(stated, value))
    if isinstance(stated, dict) and isinstance(value, dict):
        return stated.keys() == value.keys() and all(_agrees(stated[k], value[k]) for k in stated)
    try:
        return bool(stated == value)
    except Exception:
        return False
def _value_verdict(example, globs):
    # True: the displayed value is the stated one; False: a value differs; None: nothing to compare by value.
    value = _shown_values.get(id(example), _NOTHING)
    if value is _NOTHING: return None
    stated = _stated_value(example.want, globs)
    if stated is _NOTHING: return None
    try:
        return _agrees(stated, value)
    except Exception:
        return None
_WORDS = re.compile(r'[A-Za-z_][A-Za-z0-9_]*|[0-9]+')
def _same_words(want, got):
    # A stated result that is no value, printed another way (Version(0, 1, 0) for Version('0.1.0'), other quotes,
    # spacing): the same names and numbers in the same order.
    return _WORDS.findall(want) == _WORDS.findall(got)
def _same_value(want, got):
    # The same Python value written two ways (u'a' and 'a', "a" and 'a'): a stale spelling, not a defect.
    try:
        a, b = ast.parse(want.strip(), mode='eval'), ast.parse(got.strip(), mode='eval')
    except SyntaxError:
        return False
    for tree in (a, b):
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant):
                node.kind = None
    return ast.dump(a) == ast.dump(b)
def _equal_literal(want, got):
    # The same value shown in another order (a dict's keys, a set's members): == says they agree (nameparser's
    # as_dict, round 10).
    try:
        return ast.literal_eval(want.strip()) == ast.literal_eval(got.strip())
    except Exception:
        return False
# A set of strings shown: its order follows the strings' hashes, which change from one run of Python to the next.
_STRING_SET = re.compile(r'''\{(?:'[^'\n]*'|"[^"\n]*")(?:, (?:'[^'\n]*'|"[^"\n]*"))+\}''')
# What makes a docstring example no expectation: its statements read something that is not the same
# on every machine and every day. Each with the one line the plan says.
_UNSTEADY = (
    (re.compile(r'\b(?:now|utcnow|today)\s*\(|\btime\.(?:time|time_ns|monotonic|perf_counter|localtime|gmtime|ctime|asctime)\s*\(\s*\)'), 'it reads the clock'),
    (re.compile(r'\brandom\.|\bsecrets\.|\b(?:uuid1|uuid4|urandom|randint|randrange|shuffle)\s*\('), 'it reads randomness'),
    (re.compile(r'\bos\.environ\b|\bgetenv\s*\(|\bgetpass\.|\bgetuser\s*\(|\bplatform\.|\bsys\.platform\b'), 'it reads the environment'),
    (re.compile(r'\burlopen\s*\(|\brequests\.|\bhttpx\.|\bsocket\.|\burllib\.request\b|\bhttp\.client\b'), 'it reaches the network'),
    (re.compile(r'\bgettz\s*\(|\bZoneInfo\s*\(|\bpytz\.timezone\s*\(|\btzlocal\s*\(|\btzwin\w*\s*\('), 'its output depends on time zone data (tzdata) the project does not ship'),
    (re.compile(r'\blocale\.|\bgettext\.'), 'its output depends on the locale'),
    (re.compile(r'(?<![\w.])open\s*\(|\.read_(?:text|bytes)\s*\(|[\'"][\w./\\-]+\.(?:json|jsonl|csv|tsv|txt|db|sqlite3?|xml|ya?ml|ini|cfg|toml|gz|zip|bz2|xz|pkl|pickle|html?|log|dat|parquet)[\'"]'), 'it reads or writes a file outside the example'),
)
def _unsteady(code):
    for pattern, why in _UNSTEADY:
        if pattern.search(code): return why
    return None
# Files read while an example runs, outside the project's own tree: data it does not ship.
_reads = []
_probe_open = builtins.open
_RUNNER_FILES = ('pdb.py', 'bdb.py', 'linecache.py', 'tokenize.py')
def _reading_open(file, mode='r', *a, **k):
    # doctest's own debugger reads ~/.pdbrc on every run: the runner's read, not the example's.
    if not _by_runner() and isinstance(file, (str, bytes, os.PathLike)) and not any(c in mode for c in 'wax+'):
        _reads.append(os.fsdecode(file))
    return _probe_open(file, mode, *a, **k)
builtins.open = _reading_open
import io
io.open = _reading_open
def _by_runner():
    # The innermost frame that is the runner's (its debugger, its source reader) or the example's own code decides.
    f = sys._getframe(2)
    while f is not None:
        name = f.f_code.co_filename
        if os.path.basename(name) in _RUNNER_FILES: return True
        if name.startswith('<doctest') or name == '<testsetup>' or os.path.basename(name) == 'doctest.py': return False
        f = f.f_back
    return False
# A read of an environment variable by the code an example calls (HOME, LANG, TZ): not the same on every machine.
_environ_get = os._Environ.__getitem__
def _environ_read(self, key):
    if not _by_runner(): _touched.add('environment')
    return _environ_get(self, key)
os._Environ.__getitem__ = _environ_read
# Sphinx's doctest: a '.. testsetup::' block runs before the examples beside it; plain doctest skips it.
_DIRECTIVE = re.compile(r'^([ \t]*)\.\.[ \t]+testsetup::.*$', re.M)
def _setup_blocks(docstring):
    lines = (docstring or '').splitlines()
    blocks = []
    for i, line in enumerate(lines):
        m = _DIRECTIVE.match(line)
        if not m: continue
        indent = len(m.group(1).expandtabs())
        body = []
        for nxt in lines[i + 1:]:
            if nxt.strip() and len(nxt.expandtabs()) - len(nxt.expandtabs().lstrip()) <= indent: break
            body.append(nxt)
        code = inspect.cleandoc('\n'.join(body)) if any(b.strip() for b in body) else ''
        # An option line (:skipif: ...) is the directive's, not code.
        code = '\n'.join(l for l in code.splitlines() if not re.match(r'\s*:\w[\w-]*:', l))
        if code.strip(): blocks.append(code)
    return '\n'.join(blocks)
def _run_example_test(test, setup, globs):
    # One run of the docstring's examples on a copy of the module's names, after its setup block.
    test.globs = dict(globs)
    if setup:
        exec(compile(setup, '<testsetup>', 'exec'), test.globs)
    runner = _Recorder()
    runner.run(test, out=lambda s: None, clear_globs=False)
    return runner.failed
_CHECKER = doctest.OutputChecker()
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
def _same_shown(want, got):
    # What the reader sees written another way, not another value: the REPL shows nothing for None; a
    # type named bare (dict) for its repr (<class 'dict'>); the docstring's field list (:return: ...)
    # run on under the output, which doctest reads as output.
    w, g = want.strip(), got.strip()
    if w == 'None' and g == '': return True
    if re.fullmatch(r'[A-Za-z_][\w.]*', w) and (g == "<class '" + w + "'>" or g.endswith("." + w + "'>")): return True
    lines = want.splitlines()
    cut = next((i for i, l in enumerate(lines) if re.match(r'\s*(?::\w[\w ]*:|\.\. \w)', l)), None)
    if cut: return _CHECKER.check_output('\n'.join(lines[:cut]) + '\n', got, _FLAGS)
    return False
def _probe_examples():
    try:
        tests = doctest.DocTestFinder(recurse=True).find(mod)
    except Exception:
        return
    for test in sorted(tests, key=lambda t: t.name):
        if not test.examples: continue
        if test.filename and not _own(test.filename): continue
        setup = _setup_blocks(test.docstring)
        globs = dict(test.globs)
        provided = {}
        _touched.discard('clock'); _touched.discard('randomness'); _touched.discard('environment')
        del _reads[:]
        try:
            failed = _run_example_test(test, setup, globs)
            # A name the examples use without importing it, exported by the package itself (seq from functional):
            # given as the package's reader would import it. Any other missing name leaves the example unrun.
            while failed and isinstance(failed[0][2], NameError) and len(provided) < 5:
                name = _missing_name(failed[0][2])
                top = sys.modules.get(mod.__name__.split('.')[0])
                if not name or name in provided or name.startswith('_') or top is None or not hasattr(top, name): break
                provided[name] = top.__name__
                globs[name] = getattr(top, name)
                failed = _run_example_test(test, setup, globs)
        except _Blocked:
            continue
        except Exception as e:
            # The setup block does not run here: the examples after it are no expectation.
            if any(ex.want for ex in test.examples):
                _emit({'kind': 'unsteady', 'symbol': _symbol(test), 'test': test.name, 'line': test.lineno, 'source': test.examples[0].source.strip()[:300], 'reason': 'its .. testsetup:: block does not run here (' + type(e).__name__ + ')'})
            continue
        if not failed: continue
        runs = [failed]
        held = []
        for i, (example, got, error) in enumerate(failed):
            # An example after one that raised reads names the raise left unset: what it shows says nothing more.
            if any(e is not None for x, g, e in failed[:i]): break
            row = _judge_example(test, setup, globs, provided, example, got, error, runs)
            if row is None: continue
            if row.get('kind') == 'unsteady':
                _emit(row)
                # What makes one example unsteady (the clock, a file) holds for every one after it.
                if not row['reason'].startswith('the example is not valid Python'): break
                continue
            held.append(row)
        if not held: continue
        first = held[0]
        if len(held) > 1:
            first['also'] = [{k: r[k] for k in ('line', 'source', 'want', 'got', 'position')} for r in held[1:5]]
        _emit(first)
def _judge_example(test, setup, globs, provided, example, got, error, runs):
    # One failing example: None when it states nothing to hold the code to, an 'unsteady' row with the
    # plan's reason, or the 'example' row of a disagreement.
    # Setup the docstring leaves to its reader (a name it never imports) and trapped effects say nothing about the code.
    if error is not None and isinstance(error, (NameError, ImportError, _Blocked)): return None
    if got is not None and (' at 0x' in got or ' object at ' in got or _same_value(example.want, got) or _equal_literal(example.want, got) or _same_shown(example.want, got)): return None
    # Held to the value, not its printed form: a stated value the code gives is no defect, whatever its repr;
    # a stated text that is no value and differs only in punctuation is none either.
    if got is not None and example.want.strip():
        by_value = _value_verdict(example, test.globs)
        if by_value is True: return None
        if by_value is None and _stated_value(example.want, test.globs) is _NOTHING and _same_words(example.want, got): return None
    # No output written (>>> f(x), or the result told in a comment): the docstring states no result to hold the code to.
    if got is not None and not example.want.strip(): return None
    line = None if test.lineno is None else test.lineno + example.lineno + 1
    if error is not None and isinstance(error, SyntaxError) and (getattr(error, 'filename', '') or '').startswith('<doctest'):
        return {'kind': 'unsteady', 'symbol': _symbol(test), 'test': test.name, 'line': line, 'source': example.source.strip()[:300], 'reason': 'the example is not valid Python (SyntaxError): the documentation needs the fix, the code is not reached'}
    absent = _absent_shower(example.want)
    if absent is not None:
        return {'kind': 'unsteady', 'symbol': _symbol(test), 'test': test.name, 'line': line, 'source': example.source.strip()[:300], 'reason': 'its output is an object of ' + absent + ', which is not installed here (an optional dependency the example needs)'}
    if error is not None and _needs_data(error):
        return {'kind': 'unsteady', 'symbol': _symbol(test), 'test': test.name, 'line': line, 'source': example.source.strip()[:300], 'reason': 'it needs data the project has its users download (' + type(error).__name__ + '), not installed here'}
    # Not deterministic or not self-contained: what its statements read, what it read at run time, or a second run.
    upto = test.examples[:test.examples.index(example) + 1]
    why = _unsteady(setup + '\n' + '\n'.join(ex.source for ex in upto))
    if why is None and _touched & {'clock', 'randomness', 'environment'}:
        why = 'it reads ' + ('the clock' if 'clock' in _touched else 'randomness' if 'randomness' in _touched else 'the environment')
    if why is None and got is not None and '...' in example.want and _STRING_SET.search(got):
        why = 'it shows a set of strings elided with ..., whose order changes from one run of Python to the next'
    outside = [r for r in _reads if not _own(r)]
    if why is None and outside:
        why = 'it reads ' + outside[0][:120] + ', a file the project does not ship'
    if why is None:
        if len(runs) == 1:
            try:
                runs.append(_run_example_test(test, setup, globs))
            except BaseException:
                runs.append(None)
        again = next(((g, e) for x, g, e in (runs[1] or []) if x is example), None)
        if again is None or (again[0] or '') != (got or '') or type(again[1]) is not type(error):
            why = 'its output differs between two runs'
    if why is not None:
        return {'kind': 'unsteady', 'symbol': _symbol(test), 'test': test.name, 'line': line, 'source': example.source.strip()[:300], 'reason': why}
    return {'kind': 'example', 'symbol': _symbol(test), 'test': test.name, 'line': line, 'source': example.source.strip()[:300], 'want': example.want.strip()[:300] if example.want else '', 'got': got.strip()[:300] if got is not None else type(error).__name__ + ': ' + str(error)[:200], 'position': test.examples.index(example), **({'setup': setup} if setup else {}), **({'provided': provided} if provided else {})}
# Data a project has its users download after installing (TextBlob's corpora: MissingCorpusError, "python -m
# textblob.download_corpora"; NLTK's LookupError "Resource ... not found"): its absence is this machine's, not the code's.
# An output shown as another package's object (<IPython.core.display.HTML object>): the example needs that
# package, an optional one the module stubs out when it is absent (bigtree's ishow, observe20).
_SHOWN_OBJECT = re.compile(r'<(?:class \'|module \')?([A-Za-z_]\w*)\.[\w.]+(?: object|\'>)')
def _absent_shower(want):
    for root in _SHOWN_OBJECT.findall(want or ''):
        if root == mod.__name__.split('.')[0]: continue
        try:
            if importlib.util.find_spec(root) is None: return root
        except (ImportError, ValueError):
            return root
    return None
_DATA_ERROR = re.compile(r'^Missing\w*(?:Corpus|Corpora|Data|Resource|Model)\w*$')
_DATA_MESSAGE = re.compile(r'python -m \S*download|\.download\(|\bResource \S+ not found')
def _needs_data(error):
    return bool(_DATA_ERROR.match(type(error).__name__) or _DATA_MESSAGE.search(str(error)))
def _missing_name(e):
    name = getattr(e, 'name', None)
    if name: return name
    m = re.search(r"name '(\w+)' is not defined", str(e))
    return m.group(1) if m else None
def _symbol(test):
    return test.name[len(mod.__name__) + 1:] if test.name.startswith(mod.__name__ + '.') else test.name
for _step in (_probe_examples, _probe_pairs, _probe_crashes, _probe_methods):
    try:
        _step()
    except _Blocked:
        pass
    except Exception as _e:
        _emit({'kind': 'note', 'message': _step.__name__ + ': ' + type(_e).__name__ + ': ' + str(_e)[:200]})
_emit({'kind': 'done', 'touched': sorted(_touched)})
sys.stdout.flush()
_real_exit(0)
`

/** A Python program probing one module; its results are JSON lines appended to `TP_OBSERVE_OUT`. */
export function pythonProbe(input: PythonProbeInput, root: string): string {
  const load = input.dotted
    ? `mod = importlib.import_module(${pyString(input.dotted)})`
    : `_spec = importlib.util.spec_from_file_location('module_under_test', os.path.join(${pyString(root)}, ${pyString(input.module)}))\nmod = importlib.util.module_from_spec(_spec)\n_spec.loader.exec_module(mod)`
  return `${PY_PRELUDE}
_root = ${pyString(root)}
_functions = json.loads(${pyString(JSON.stringify(input.functions))})
_pairs = json.loads(${pyString(JSON.stringify(input.pairs))})
_classes = json.loads(${pyString(JSON.stringify(input.classes ?? {}))})
_class_pairs = json.loads(${pyString(JSON.stringify(input.classPairs ?? {}))})
${load}
${PROBE}`
}
