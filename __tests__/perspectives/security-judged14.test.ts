// Shapes the blind judge of session 14 found false (docs/evaluation/sec14.md, sec15.md), each beside the
// real twin that is still reported, by file and line: a path component escaped by the module's own helper
// or checked for `/`, a namespaced permission name ending in `-token`, SHA-1 over a nonce, TLS checks off
// only on the caller's `verify=False`, a pattern on a fixed-width header field, a local `pattern` that is
// not another function's, a key looked up in a store, a redirect whose start the function fixed.
import { describe, expect, it } from '@jest/globals'
import security from '../../perspectives/security/index.js'
import { runFixture, type FixtureRun } from './harness.js'

const at = (result: FixtureRun, messageId: string) =>
  result.run.findings
    .filter((f) => f.messageId === messageId)
    .map((f) => `${f.file}:${f.startLine}`)
    .sort()

/** A share database that quotes the name into one component; the twin joins the name as given. */
const shares = {
  'pyproject.toml': '[project]\nname = "shares"\nversion = "1.0.0"\n',
  'shares/__init__.py': '',
  'shares/files.py': [
    'import os', // 1
    'import urllib.parse', // 2
    '', // 3
    '', // 4
    'class Sharing:', // 5
    '    def __init__(self, root):', // 6
    '        self._root = root', // 7
    '', // 8
    '    def read_share(self, token):', // 9
    '        name = os.path.join(self._root, self._encode_path(token))', // 10
    '        with open(name, "rb") as f:', // 11
    '            return f.read()', // 12
    '', // 13
    '    def read_checked(self, token):', // 14
    '        if "/" in token:', // 15
    '            raise ValueError(token)', // 16
    '        name = os.path.join(self._root, token)', // 17
    '        with open(name, "rb") as f:', // 18
    '            return f.read()', // 19
    '', // 20
    '    def read_raw(self, token):', // 21
    '        name = os.path.join(self._root, token)', // 22
    '        with open(name, "rb") as f:', // 23
    '            return f.read()', // 24
    '', // 25
    '    def _encode_path(self, path):', // 26
    '        return urllib.parse.quote(path, safe="")', // 27
    ''
  ].join('\n')
}

/** Permission names ending in -token; the twin is a random-looking key given to a token name. */
const names = {
  'package.json': JSON.stringify({ name: 'ui', main: 'lib/index.js' }),
  'lib/index.js': [
    'const SHARE_TOKEN = "RADICALE:share-token"', // 1
    'const LOCK_TOKEN = "{DAV:}lock-token-submitted"', // 2
    'const API_TOKEN = "q8Zr2LmX0vT4pK9sW1nB7yH3"', // 3
    'module.exports = { SHARE_TOKEN, LOCK_TOKEN, API_TOKEN }', // 4
    ''
  ].join('\n')
}

/** SHA-1 over a client nonce; the twin hashes a password. TLS off on verify=False; the twin always. */
const client = {
  'pyproject.toml': '[project]\nname = "client"\nversion = "1.0.0"\n',
  'client/__init__.py': '',
  'client/auth.py': [
    'import hashlib', // 1
    'import os', // 2
    '', // 3
    '', // 4
    'def get_client_nonce(nonce_count, nonce):', // 5
    '    s = str(nonce_count).encode() + nonce + os.urandom(8)', // 6
    '    return hashlib.sha1(s).hexdigest()[:16]', // 7
    '', // 8
    '', // 9
    'def store_password(password):', // 10
    '    return hashlib.sha1(password.encode()).hexdigest()', // 11
    ''
  ].join('\n'),
  'client/config.py': [
    'import ssl', // 1
    '', // 2
    '', // 3
    'def create_ssl_context(verify=True):', // 4
    '    if verify is True:', // 5
    '        return ssl.create_default_context()', // 6
    '    elif verify is False:', // 7
    '        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)', // 8
    '        ctx.check_hostname = False', // 9
    '        ctx.verify_mode = ssl.CERT_NONE', // 10
    '        return ctx', // 11
    '    return ssl.create_default_context(cafile=verify)', // 12
    ''
  ].join('\n'),
  'client/legacy.py': [
    'import ssl', // 1
    '', // 2
    '', // 3
    'def legacy_context():', // 4
    '    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)', // 5
    '    ctx.check_hostname = False', // 6
    '    return ctx', // 7
    ''
  ].join('\n')
}

/** A number read from a fixed-width header field; the twin matches the whole caller string. */
const header = {
  'package.json': JSON.stringify({ name: 'hdr', main: 'lib/index.js' }),
  'lib/index.js': [
    'const decSmall = (buf, off, size) =>', // 1
    "  parseInt(buf.subarray(off, off + size).toString('utf8').replace(/\\0.*$/, ''), 8)", // 2
    'const decNumber = (buf, off, size) => decSmall(buf, off, size)', // 3
    '', // 4
    'exports.decode = function decode(buf, off) {', // 5
    '  return [decNumber(buf, off + 100, 8), decNumber(buf, off + 124, 12)]', // 6
    '}', // 7
    '', // 8
    'exports.clean = function clean(text) {', // 9
    "  return text.replace(/\\0.*$/, '')", // 10
    '}', // 11
    ''
  ].join('\n')
}

/** A function's own `pattern` it cannot read beside another function's slow `pattern`. */
const patterns = {
  'pyproject.toml': '[project]\nname = "tokens"\nversion = "1.0.0"\n',
  'tokens/__init__.py': '',
  'tokens/resolve.py': [
    'import re', // 1
    '', // 2
    'TOKEN = "v1/[a-zA-Z0-9_-]{44}"', // 3
    '', // 4
    '', // 5
    'def has_braces(text):', // 6
    "    pattern = re.compile('.*{.*}.*')", // 7
    '    return pattern.match(text) is not None', // 8
    '', // 9
    '', // 10
    'def resolve(path):', // 11
    "    pattern = re.compile('^(/\\\\.token/' + TOKEN + '/)$')", // 12
    '    return pattern.match(path)', // 13
    ''
  ].join('\n')
}

/** A value a store holds under the caller's key; the twin revives the caller's bytes. */
const store = {
  'pyproject.toml': '[project]\nname = "locks"\nversion = "1.0.0"\n',
  'locks/__init__.py': '',
  'locks/redis_store.py': [
    'import pickle', // 1
    '', // 2
    '', // 3
    'class LockStorage:', // 4
    '    def __init__(self, redis):', // 5
    '        self._redis = redis', // 6
    '', // 7
    '    def get(self, token):', // 8
    '        lock = self._redis.get("lock:{}".format(token))', // 9
    '        return pickle.loads(lock)', // 10
    '', // 11
    '    def revive(self, blob):', // 12
    '        data = blob.strip()', // 13
    '        return pickle.loads(data)', // 14
    ''
  ].join('\n')
}

/** A single-page fallback redirect whose start is fixed; the twin redirects to the request path. */
const spa = {
  'package.json': JSON.stringify({ name: 'devserver', main: 'index.js' }),
  'index.js': [
    "const http = require('http')", // 1
    'http.createServer(function (req, res) {', // 2
    "  if (req.url.endsWith('/app')) {", // 3
    '    var route = req.url', // 4
    "    req.url = '/'", // 5
    '    res.statusCode = 302', // 6
    "    res.setHeader('Location', req.url + '#' + route)", // 7
    '    return res.end()', // 8
    '  }', // 9
    '  res.statusCode = 301', // 10
    "  res.setHeader('Location', req.url + '/')", // 11
    '  res.end()', // 12
    '}).listen(8080)', // 13
    ''
  ].join('\n')
}

/** A WSGI server with a console script: a slow pattern on a handler's body is not framed as a CLI's. */
const server = {
  'pyproject.toml': [
    '[project]',
    'name = "calserver"',
    'version = "1.0.0"',
    '[project.scripts]',
    'calserver = "calserver.__main__:run"',
    ''
  ].join('\n'),
  'calserver/__init__.py': '',
  'calserver/__main__.py': [
    'from wsgiref.simple_server import make_server', // 1
    'from calserver.app import Application', // 2
    '', // 3
    '', // 4
    'def run():', // 5
    '    make_server("", 5232, Application()).serve_forever()', // 6
    ''
  ].join('\n'),
  'calserver/app.py': [
    'import re', // 1
    '', // 2
    '', // 3
    'def read_components(s):', // 4
    '    return re.sub(r"(TZID=[^:]+) (:)", r"\\1\\2", s)', // 5
    '', // 6
    '', // 7
    'class Application:', // 8
    '    def __call__(self, environ, start_response):', // 9
    '        body = environ["wsgi.input"].read()', // 10
    '        start_response("200 OK", [])', // 11
    '        return [read_components(body.decode()).encode()]', // 12
    ''
  ].join('\n')
}

describe('security: shapes judged false in session 14, each beside its real twin', () => {
  it("path traversal: a name quoted by the module's helper or checked for '/' is not reported; a raw name is", async () => {
    const result = await runFixture(security, shares)
    expect(at(result, 'pathTraversal')).toEqual(['shares/files.py:23'])
  })

  it('secrets: namespaced permission names ending in -token are not secrets; a random key is', async () => {
    const result = await runFixture(security, names)
    expect(at(result, 'hardcodedSecret')).toEqual(['lib/index.js:3'])
  })

  it('weak hash: SHA-1 formatting a nonce is not reported; SHA-1 on a password is', async () => {
    const result = await runFixture(security, client)
    expect(at(result, 'weakHash')).toEqual(['client/auth.py:11'])
  })

  it("TLS: checks off in the caller's verify=False branch are not reported; checks always off are", async () => {
    const result = await runFixture(security, client)
    expect(at(result, 'tlsVerificationDisabled')).toEqual(['client/legacy.py:6'])
  })

  it('ReDoS: a fixed-width header field is not reported; the whole caller string is', async () => {
    const result = await runFixture(security, header)
    expect(at(result, 'redosOnInput')).toEqual(['lib/index.js:10'])
  })

  it("ReDoS: a function's own unreadable pattern is not another function's slow one", async () => {
    const result = await runFixture(security, patterns)
    expect(at(result, 'redosOnInput')).toEqual(['tokens/resolve.py:8'])
  })

  it("deserialisation: a value looked up under the caller's key is not the caller's; the caller's bytes are", async () => {
    const result = await runFixture(security, store)
    expect(at(result, 'unsafeDeserialisation')).toEqual(['locks/redis_store.py:14'])
  })

  it('open redirect: a target whose start the handler fixed is not reported; the request path is', async () => {
    const result = await runFixture(security, spa)
    expect(at(result, 'openRedirect')).toEqual(['index.js:11'])
  })

  it("ReDoS: a server's handler input is not framed as a command-line tool's own flags", async () => {
    const result = await runFixture(security, server)
    const found = result.run.findings.filter((f) => f.messageId === 'redosOnInput')
    expect(found.map((f) => `${f.file}:${f.startLine}`)).toEqual(['calserver/app.py:5'])
    expect(found[0].message).not.toMatch(/command-line tool/)
  })
})
