// Settings named in prose are not settings: a docstring or a multi-line string that mentions
// `cert_reqs=ssl.CERT_NONE` or `rejectUnauthorized: false` is documentation (tornado's IOStream.connect
// docstring was reported twice), while the same setting in code, next to it, is still reported.
import security from '../../perspectives/security/index.js'
import { checkRun, runFixture } from './harness.js'

const PY = {
  'pyproject.toml': '[project]\nname = "netkit"\nversion = "1.0.0"\n',
  'netkit/__init__.py': '',
  'netkit/stream.py': [
    'import ssl',
    '',
    '',
    'def connect(address, ssl_options=None):',
    '    """Connects to the address.',
    '',
    '    To skip verification, pass',
    '    ``ssl_options=dict(cert_reqs=ssl.CERT_NONE)`` or a context',
    '    whose ``check_hostname = False``.',
    '    """',
    '    return (address, ssl_options)',
    '',
    '',
    'def insecure_context():',
    '    ctx = ssl.create_default_context()',
    '    ctx.check_hostname = False',
    '    ctx.verify_mode = ssl.CERT_NONE',
    '    return ctx',
    ''
  ].join('\n')
}

const JS = {
  'package.json': '{ "name": "agentkit", "version": "1.0.0", "type": "module" }',
  'src/agent.js': [
    "import https from 'node:https'",
    '',
    'export const HELP = `',
    '  Never write rejectUnauthorized: false in production;',
    '  pass the CA instead.',
    '`',
    '',
    'export function insecureAgent() {',
    '  return new https.Agent({ rejectUnauthorized: false })',
    '}',
    ''
  ].join('\n')
}

/** A client with a verifying context and its unverified twin for callers who pass `ssl=False` (BlackSheep's shape). */
const PY_TWIN = {
  'pyproject.toml': '[project]\nname = "client"\nversion = "1.0.0"\n',
  'client/__init__.py': '',
  'client/contexts.py': [
    'import ssl',
    '',
    'SECURE = ssl.create_default_context()',
    'SECURE.check_hostname = True',
    '',
    'INSECURE = ssl.SSLContext(protocol=ssl.PROTOCOL_TLS_CLIENT)',
    'INSECURE.check_hostname = False',
    'INSECURE.verify_mode = ssl.CERT_NONE',
    '',
    '',
    'def make_context(verify=True):',
    '    if verify:',
    '        return SECURE',
    '    context = ssl.SSLContext(protocol=ssl.PROTOCOL_TLS_CLIENT)',
    '    context.check_hostname = False',
    '    return context',
    '',
    '',
    'UNVERIFIED = make_context(verify=False)',
    ''
  ].join('\n')
}

const tls = (files: Record<string, string>) =>
  runFixture(security, files).then((result) => {
    expect(checkRun(result)).toEqual([])
    return result.run.findings
      .filter((f) => f.messageId === 'tlsVerificationDisabled')
      .map((f) => [f.file, f.startLine])
  })

describe('security: TLS settings in prose', () => {
  it('reports the Python settings in code, not the ones its docstring mentions', async () => {
    expect(await tls(PY)).toEqual([
      ['netkit/stream.py', 16],
      ['netkit/stream.py', 17]
    ])
  })

  it("a context that does not verify beside one that does is the caller's opt-out; alone it is reported", async () => {
    expect(await tls(PY_TWIN)).toEqual([])
    const alone = PY_TWIN['client/contexts.py'].replace(
      'SECURE.check_hostname = True',
      'SECURE.load_default_certs()'
    )
    expect(await tls({ ...PY_TWIN, 'client/contexts.py': alone })).toEqual([
      ['client/contexts.py', 7],
      ['client/contexts.py', 8],
      ['client/contexts.py', 15],
      ['client/contexts.py', 19]
    ])
  })

  it('reports the JavaScript setting in code, not the one a multi-line string mentions', async () => {
    expect(await tls(JS)).toEqual([['src/agent.js', 9]])
  })
})
