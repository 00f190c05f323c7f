// Environment variable reads in Python (ModuleModel.envReads): `os.environ['X']` subscripts; writes
// and deletions are not reads, and `os.getenv` calls stay in `calls`.
import { extractPy, lines } from './python-helpers.js'

describe('envReads (Python)', () => {
  it('records os.environ subscripts that read, not those that write', async () => {
    const model = await extractPy(
      lines(
        'import os',
        'from os import environ',
        "TOKEN = os.environ['TOKEN']",
        'def region():',
        "    return environ['REGION']",
        "os.environ['SET_HERE'] = '1'",
        "del os.environ['GONE']",
        "home = os.getenv('HOME', '/root')",
        'other = os.environ[key]'
      )
    )
    expect(
      model.envReads?.map((r) => [r.name, r.hasDefault, r.loc.startLine, r.enclosing ?? null])
    ).toEqual([
      ['TOKEN', false, 3, null],
      ['REGION', false, 5, 'region'],
      ['*', false, 9, null]
    ])
    expect(model.calls.some((c) => c.callee === 'os.getenv')).toBe(true)
  })

  // Judged false on waitress (session 8): a WSGI app's `environ` is the request's dict.
  it('does not take a WSGI environ parameter for os.environ when environ is not imported from os', async () => {
    const model = await extractPy(
      lines(
        'import os',
        'def app(environ, start_response):',
        "    return environ['PATH_INFO']",
        'def token():',
        "    return os.environ['TOKEN']"
      )
    )
    expect(model.envReads?.map((r) => [r.name, r.loc.startLine])).toEqual([['TOKEN', 5]])
  })
})
