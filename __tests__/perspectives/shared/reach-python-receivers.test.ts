// Python receivers typed by what they are built from (docs/evaluation/reach.md, round R: portalocker's
// `RedisLock.acquire`, reached by any `acquire` while its lockers' `acquire` ran). `self.inner = None` in
// `__init__` does not make `self.inner` unknown when a method sets it to `FileLock(...)`, and
// `FileLock.release(self.inner)` calls FileLock's `release`, not every `release` of a live class.
import { modelOf, untested } from './reach-model.js'

const REPO = {
  'pyproject.toml': '[project]\nname = "locks"\n',
  'locks/__init__.py': [
    'from locks.file import FileLock',
    'from locks.redis import RedisLock',
    'from locks.temp import TempLock',
    ''
  ].join('\n'),
  'locks/file.py': [
    'class FileLock:', //                    1
    '    def __init__(self, path):', //       2
    '        self.path = path', //            3
    '    def acquire(self):', //              4
    '        return open(self.path)', //      5
    '    def release(self):', //              6
    '        return self.path', //            7
    ''
  ].join('\n'),
  'locks/redis.py': [
    'class RedisLock:', //                   1
    '    def __init__(self, name):', //       2
    '        self.name = name', //            3
    '    def acquire(self):', //              4
    '        return self.name', //            5
    '    def release(self):', //              6
    '        return None', //                 7
    '    def describe(self):', //             8
    "        return 'redis ' + self.name", // 9
    ''
  ].join('\n'),
  'locks/temp.py': [
    'from locks.file import FileLock',
    '',
    'class TempLock:',
    '    def __init__(self, path):',
    '        self.inner = None',
    '        self.path = path',
    '    def lock(self):',
    '        self.inner = FileLock(self.path)',
    '        return self.inner.acquire()',
    '    def unlock(self):',
    '        return FileLock.release(self.inner)',
    ''
  ].join('\n'),
  'tests/test_locks.py': [
    'from locks import RedisLock, TempLock',
    '',
    'def test_temp(tmp_path):',
    "    lock = TempLock(str(tmp_path / 'x'))",
    '    lock.lock()',
    '    lock.unlock()',
    '',
    'def test_redis_name():',
    "    assert RedisLock('a').describe() == 'redis a'",
    ''
  ].join('\n')
}

describe('Python receivers typed by what built them', () => {
  it('`self.inner = None` then `self.inner = FileLock(...)`: `self.inner.acquire()` is FileLock.acquire', async () => {
    const flagged = untested(await modelOf(REPO), ['locks/file.py', 'locks/redis.py'])
    expect(flagged).toContain('locks/redis.py:4 RedisLock.acquire')
    // The twin the call really runs.
    expect(flagged).not.toContain('locks/file.py:4 FileLock.acquire')
  })

  it('`FileLock.release(self.inner)`: a method read off a class is that class’s', async () => {
    const flagged = untested(await modelOf(REPO), ['locks/file.py', 'locks/redis.py'])
    expect(flagged).toContain('locks/redis.py:6 RedisLock.release')
    expect(flagged).not.toContain('locks/file.py:6 FileLock.release')
    // A method the test names on the live RedisLock still runs.
    expect(flagged).not.toContain('locks/redis.py:8 RedisLock.describe')
  })
})
