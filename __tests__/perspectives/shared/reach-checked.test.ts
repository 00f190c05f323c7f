// Receivers typed across files: in JavaScript and TypeScript by the TypeScript type checker (a method's
// declared return type, JSDoc `@param {Foo}` in a JavaScript file), in Python by return annotations,
// class-body annotations agreeing with `self.a = Foo()`, and pytest fixtures (their return annotation or
// what they return / yield) filling a test's parameter of their name. A method whose only same-named
// call is on another class's instance is untested, asserted by file and line; a method reached through
// a typed receiver, a subclass override, a fixture, a parametrized argument, a structurally compatible
// class or a dispatch by a computed name is asserted not to be.
import { modelOf, untested } from './reach-model.js'

const PYPROJECT = '[project]\nname = "store"\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'

describe('static reach: receivers typed across files', () => {
  it('Python: return annotations, class-body annotations, fixtures and overrides', async () => {
    const model = await modelOf({
      'pyproject.toml': PYPROJECT,
      'store/__init__.py': '',
      'store/client.py': [
        'class Client:', //                                          1
        '    def get(self):', //                                     2
        '        return 1', //                                       3
        '', //                                                       4
        '    def close(self):', //                                   5
        '        return None', //                                    6
        '', //                                                       7
        '    def send(self):', //                                    8
        "        return 'c'", //                                     9
        '', //                                                       10
        '', //                                                       11
        'class TlsClient(Client):', //                               12
        '    def send(self):', //                                    13
        "        return 't'", //                                     14
        '', //                                                       15
        '', //                                                       16
        'class Server:', //                                          17
        '    def get(self):', //                                     18
        '        return 2', //                                       19
        '', //                                                       20
        '    def close(self):', //                                   21
        '        return None', //                                    22
        '', //                                                       23
        '    def send(self):', //                                    24
        "        return 's'", //                                     25
        '', //                                                       26
        '    def start(self):', //                                   27
        '        return True', //                                    28
        '', //                                                       29
        '    def ping(self):', //                                    30
        "        return 'pong'", //                                  31
        '', //                                                       32
        '', //                                                       33
        '_pool = []', //                                             34
        '', //                                                       35
        '', //                                                       36
        'def connect() -> Client:', //                               37
        '    return _pool[0] if _pool else TlsClient()', //          38
        '', //                                                       39
        '', //                                                       40
        'def transmit(c: Client):', //                               41
        '    return c.send()', //                                    42
        ''
      ].join('\n'),
      'store/monitor.py': [
        'from store.client import Server', //                        1
        '', //                                                       2
        '', //                                                       3
        'class Monitor:', //                                         4
        '    server: Server', //                                     5
        '', //                                                       6
        '    def __init__(self):', //                                7
        '        self.server = Server()', //                         8
        '', //                                                       9
        '    def check(self):', //                                   10
        '        return self.server.start()', //                     11
        '', //                                                       12
        '', //                                                       13
        'class Router:', //                                          14
        '    def dispatch(self, name):', //                          15
        '        return getattr(self, name)()', //                   16
        '', //                                                       17
        '    def reset(self):', //                                   18
        '        return None', //                                    19
        '', //                                                       20
        '', //                                                       21
        'class Probe:', //                                           22
        '    def fire(self):', //                                    23
        '        return 1', //                                       24
        '', //                                                       25
        '', //                                                       26
        'class Relay:', //                                           27
        '    def fire(self):', //                                    28
        '        return 2', //                                       29
        '', //                                                       30
        '    def hold(self):', //                                    31
        '        return 3', //                                       32
        ''
      ].join('\n'),
      'tests/conftest.py': [
        'import pytest',
        'from store.client import Client, Server, connect',
        '',
        '',
        '@pytest.fixture',
        'def client() -> Client:',
        '    return connect()',
        '',
        '',
        '@pytest.fixture(name="server")',
        'def server_fixture():',
        '    yield Server()',
        ''
      ].join('\n'),
      'tests/test_client.py': [
        'import pytest',
        'from store.client import Server, TlsClient, connect, transmit',
        'from store.monitor import Monitor, Probe, Relay, Router',
        '',
        '',
        'def make_probe():',
        '    probe = Probe()',
        '    return probe',
        '',
        '',
        'def test_probe():',
        '    p = make_probe()',
        '    assert p.fire() == 1',
        '    assert Relay().hold() == 3',
        '',
        '',
        'def test_get(client):',
        '    assert client.get() == 1',
        '',
        '',
        'def test_close():',
        '    c = connect()',
        '    assert c.close() is None',
        '',
        '',
        'def test_send():',
        "    assert transmit(TlsClient()) == 't'",
        '',
        '',
        'def test_server(server):',
        '    assert server.start()',
        '',
        '',
        'def test_monitor():',
        '    assert Monitor().check()',
        '',
        '',
        'def test_route():',
        "    op = 're' + 'set'",
        '    assert Router().dispatch(op) is None',
        '',
        '',
        '@pytest.mark.parametrize("client", [Server()])',
        'def test_ping(client):',
        "    assert client.ping() == 'pong'",
        ''
      ].join('\n')
    })
    // Every get/close/send call is on a Client (fixture, return annotation, annotated parameter); the
    // only fire call is on what the test's own helper returns (a Probe).
    expect(untested(model, ['store/client.py', 'store/monitor.py'])).toEqual([
      'store/client.py:18 Server.get',
      'store/client.py:21 Server.close',
      'store/client.py:24 Server.send',
      'store/monitor.py:28 Relay.fire'
    ])
  })

  it('Python: a fixture defined twice with different values, or by a hook, is not a type', async () => {
    const model = await modelOf({
      'pyproject.toml': PYPROJECT,
      'store/__init__.py': '',
      'store/lib.py': [
        'class Box:',
        '    def get(self):',
        '        return 1',
        '',
        '',
        'class Bag:',
        '    def get(self):',
        '        return 2',
        ''
      ].join('\n'),
      'tests/conftest.py': [
        'import pytest',
        'from store.lib import Box',
        '',
        '',
        '@pytest.fixture',
        'def item():',
        '    return Box()',
        ''
      ].join('\n'),
      'tests/bags/conftest.py': [
        'import pytest',
        'from store.lib import Bag',
        '',
        '',
        '@pytest.fixture',
        'def item():',
        '    return Bag()',
        ''
      ].join('\n'),
      'tests/bags/test_bag.py': ['def test_get(item):', '    assert item.get()', ''].join('\n')
    })
    expect(untested(model, ['store/lib.py'])).toEqual([])
  })

  it('TypeScript: the checker types a method call across files; overrides, look-alikes and computed names stay reached', async () => {
    const model = await modelOf({
      'package.json': '{"name":"io","main":"src/io.ts","scripts":{"test":"vitest run"}}',
      'src/io.ts': [
        'export class Reader {', //                                  1
        '  read(): string {', //                                     2
        "    return 'r'", //                                         3
        '  }', //                                                    4
        '  close(): void {}', //                                     5
        '}', //                                                      6
        'export class Buffered extends Reader {', //                 7
        '  read(): string {', //                                     8
        "    return 'b'", //                                         9
        '  }', //                                                    10
        '}', //                                                      11
        'export class Socket {', //                                  12
        '  read(): number {', //                                     13
        '    return 1', //                                           14
        '  }', //                                                    15
        '  flush(): number {', //                                    16
        '    return 2', //                                           17
        '  }', //                                                    18
        '  open(): boolean {', //                                    19
        '    return true', //                                        20
        '  }', //                                                    21
        '}', //                                                      22
        'export function call(target: Socket, method: string): number {', // 23
        '  return (target as unknown as Record<string, () => number>)[method]()', // 24
        '}', //                                                      25
        ''
      ].join('\n'),
      'src/registry.ts': [
        "import { Buffered, Reader } from './io.js'",
        'export class Registry {',
        '  readers: Reader[] = []',
        '  reader(): Reader {',
        '    return this.readers[0] ?? new Buffered()',
        '  }',
        '}',
        'export function consume(r: Reader): string {',
        '  return r.read()',
        '}',
        ''
      ].join('\n'),
      'src/io.test.ts': [
        "import { Buffered, Socket, call } from './io.js'",
        "import { Registry, consume } from './registry.js'",
        "test('io', () => {",
        '  const r = new Registry().reader()',
        "  expect(r.read()).toBe('b')",
        '  r.close()',
        "  expect(consume(new Buffered())).toBe('b')",
        '  expect(new Socket().open()).toBe(true)',
        "  expect(call(new Socket(), 'flush')).toBe(2)",
        '})',
        ''
      ].join('\n')
    })
    // Socket.read: the only read calls are on a Reader (its family: Buffered's override runs).
    expect(untested(model, ['src/io.ts', 'src/registry.ts'])).toEqual(['src/io.ts:13 Socket.read'])
  })

  it('JavaScript: JSDoc types a parameter; a class with every member of the type may be passed instead', async () => {
    const model = await modelOf({
      'package.json': '{"name":"draw","main":"lib/draw.js","scripts":{"test":"mocha"}}',
      'lib/draw.js': [
        'class Pen {', //                                            1
        '  draw() {', //                                             2
        '    return 1', //                                           3
        '  }', //                                                    4
        '  cap() {', //                                              5
        '    return true', //                                        6
        '  }', //                                                    7
        '}', //                                                      8
        'class Brush {', //                                          9
        '  draw() {', //                                             10
        '    return 2', //                                           11
        '  }', //                                                    12
        '  wash() {', //                                             13
        '    return true', //                                        14
        '  }', //                                                    15
        '}', //                                                      16
        'class Marker {', //                                         17
        '  draw() {', //                                             18
        '    return 3', //                                           19
        '  }', //                                                    20
        '  cap() {', //                                              21
        '    return false', //                                       22
        '  }', //                                                    23
        '}', //                                                      24
        '/** @param {Pen} p */', //                                  25
        'function sketch(p) {', //                                   26
        '  return p.draw()', //                                      27
        '}', //                                                      28
        'module.exports = { Pen, Brush, Marker, sketch }', //        29
        ''
      ].join('\n'),
      'test/draw.test.js': [
        "const { Pen, Brush, Marker, sketch } = require('../lib/draw')",
        "it('draws', () => {",
        '  sketch(new Pen())',
        '  new Brush().wash()',
        '  sketch(new Marker())',
        '})',
        ''
      ].join('\n')
    })
    // Marker has draw and cap, like Pen: a Marker can be passed as a Pen, so its draw may run. Nothing
    // calls cap at all.
    expect(untested(model, ['lib/draw.js'])).toEqual([
      'lib/draw.js:10 Brush.draw',
      'lib/draw.js:21 Marker.cap',
      'lib/draw.js:5 Pen.cap'
    ])
  })
})
