// An untyped receiver's method call reaches a method of the name only in the classes the calling module
// can hold (docs/evaluation/reach.md, round S: plumbum's remote machines, reached by `proc.poll()` in
// code that only ever sees the local ones). `runner.wait(proc)` calls `proc.poll()`; runner.py imports
// LocalProc, so RemoteProc.poll (a live class: a test names it) is not reached through it. Where the
// module sees no class with the method (an imported instance, an attribute of one), or only a Protocol
// with it or an abstract one (an interface), any class's method of the name may run, as before.
import { modelOf, untested } from './reach-model.js'

const REPO = {
  'pyproject.toml': '[project]\nname = "procs"\n',
  'procs/__init__.py': [
    'from procs.local import LocalProc',
    'from procs.remote import RemoteProc',
    'from procs.runner import wait, status, finish, held',
    ''
  ].join('\n'),
  'procs/local.py': [
    'class LocalProc:', //                 1
    '    def poll(self):', //               2
    '        return 0', //                  3
    '    def state(self):', //              4
    "        return 'local'", //            5
    ''
  ].join('\n'),
  'procs/remote.py': [
    'class RemoteProc:', //                1
    '    def poll(self):', //               2
    '        return 1', //                  3
    '    def code(self):', //               4
    '        return 2', //                  5
    '    def close(self):', //              6
    '        return None', //               7
    '    def locked(self):', //             8
    '        return False', //              9
    ''
  ].join('\n'),
  'procs/api.py': [
    'import abc',
    '',
    'class Mutex(abc.ABC):',
    '    @abc.abstractmethod',
    '    def locked(self):',
    '        raise NotImplementedError()',
    ''
  ].join('\n'),
  'procs/shape.py': [
    'from typing import Protocol',
    '',
    'class Closable(Protocol):',
    '    def close(self): ...',
    ''
  ].join('\n'),
  'procs/runner.py': [
    'from procs.local import LocalProc',
    'from procs.shape import Closable',
    'from procs.api import Mutex',
    '',
    'def held(m):',
    '    return m.locked()',
    '',
    'def wait(proc):',
    '    return proc.poll()',
    '',
    'def status(proc):',
    '    return proc.code()',
    '',
    'def finish(proc: Closable):',
    '    return proc.close()',
    '',
    'def fresh():',
    '    return LocalProc()',
    ''
  ].join('\n'),
  'tests/test_run.py': [
    'from procs import LocalProc, RemoteProc, wait, status, finish, held',
    '',
    'def test_wait():',
    '    assert wait(LocalProc()) == 0',
    '',
    'def test_kind():',
    '    assert not isinstance(LocalProc(), RemoteProc)',
    '',
    'def test_status():',
    '    assert status(RemoteProc.__new__(RemoteProc)) == 2',
    '',
    'def test_finish():',
    '    assert finish(RemoteProc.__new__(RemoteProc)) is None',
    '',
    'def test_held():',
    '    assert not held(RemoteProc.__new__(RemoteProc))',
    ''
  ].join('\n')
}

describe('untyped receivers: classes the calling module can hold', () => {
  it('`proc.poll()` in a module that sees only LocalProc does not run the live RemoteProc.poll', async () => {
    const flagged = untested(await modelOf(REPO), ['procs/local.py', 'procs/remote.py'])
    expect(flagged).toContain('procs/remote.py:2 RemoteProc.poll')
    // The twin the call really runs.
    expect(flagged).not.toContain('procs/local.py:2 LocalProc.poll')
  })

  it('a method no class the module sees has, or a Protocol’s, still reaches every live class', async () => {
    const flagged = untested(await modelOf(REPO), ['procs/local.py', 'procs/remote.py'])
    // runner.py sees no class with `code`: the receiver came from elsewhere (the test hands a RemoteProc).
    expect(flagged).not.toContain('procs/remote.py:4 RemoteProc.code')
    // `proc: Closable`, a Protocol: any class with `close` fits.
    expect(flagged).not.toContain('procs/remote.py:6 RemoteProc.close')
    // An abstract `Mutex.locked`: its implementations need not derive from it (`__subclasshook__`).
    expect(flagged).not.toContain('procs/remote.py:8 RemoteProc.locked')
  })
})
