// Code of the contract specs, per kind of point and language. Each returns the imports and steps of
// a StepsSpecBody: real set-up (HTTP interception, a local server, temp folders, a fake executable on
// PATH, a real database from CI) and the failure cases (5xx, malformed body, no answer, missing input).
import type { StepsSpecBody } from '../../src/specs/types.js'
import { jsString, pyString } from '../../src/specs/values.js'

export type Steps = Pick<StepsSpecBody, 'imports' | 'setup' | 'steps'>
type Imports = NonNullable<StepsSpecBody['imports']>

/** How the spec calls the code under test: `fetchUser(1)` / `await fetch_user(1)`. */
export interface Subject {
  module: string
  symbol: string
  js?: string
  python?: string
}

const ASSERT: Imports[number] = { from: 'node:assert/strict', names: ['default as assert'] }
const subjectImport = (s: Subject): Imports[number] => ({ from: s.module, names: [s.symbol] })

export function httpClientJs(s: Subject): Steps {
  return {
    imports: [
      { from: 'msw/node', names: ['setupServer'] },
      { from: 'msw', names: ['delay', 'http', 'HttpResponse'] },
      ASSERT,
      subjectImport(s)
    ],
    setup: {
      javascript: "const server = setupServer()\nserver.listen({ onUnhandledRequest: 'error' })"
    },
    steps: {
      javascript: [
        'try {',
        '  // 5xx: the failure reaches the caller instead of being read as data.',
        "  server.use(http.all('*', () => new HttpResponse('unavailable', { status: 503 })))",
        `  await assert.rejects(async () => ${s.js})`,
        '  // A malformed body: the JSON is cut short.',
        "  server.use(http.all('*', () => new HttpResponse('{\"truncated\":', { status: 200, headers: { 'content-type': 'application/json' } })))",
        `  await assert.rejects(async () => ${s.js})`,
        '  // No answer: the call must give up by itself (this hangs until the test times out when it has no timeout).',
        "  server.use(http.all('*', async () => {\n    await delay('infinite')\n    return HttpResponse.json({})\n  }))",
        `  await assert.rejects(async () => ${s.js})`,
        '} finally {',
        '  server.close()',
        '}'
      ].join('\n')
    }
  }
}

export function httpClientPy(s: Subject, library: string): Steps | undefined {
  if (library === 'requests') {
    return {
      imports: [
        { from: 're', names: [] },
        { from: 'requests', names: [] },
        { from: 'responses', names: [] },
        subjectImport(s)
      ],
      steps: {
        python: [
          'any_url = re.compile(r".*")',
          'failures = [',
          "    dict(body='unavailable', status=503),",
          "    dict(body='{\"truncated\":', status=200, content_type='application/json'),",
          "    dict(body=requests.exceptions.ConnectTimeout('no answer')),",
          ']',
          'for failure in failures:',
          '    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:',
          "        for method in ('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'):",
          '            mock.add(method, any_url, **failure)',
          '        with pytest.raises(Exception):',
          `            ${s.python}`
        ].join('\n')
      }
    }
  }
  if (library === 'httpx') {
    return {
      imports: [{ from: 'httpx', names: [] }, { from: 'respx', names: [] }, subjectImport(s)],
      steps: {
        python: [
          'failures = [',
          "    httpx.Response(503, text='unavailable'),",
          "    httpx.Response(200, text='{\"truncated\":', headers={'content-type': 'application/json'}),",
          "    httpx.ConnectTimeout('no answer'),",
          ']',
          'for failure in failures:',
          '    with respx.mock(assert_all_called=False) as mock:',
          '        route = mock.route()',
          '        if isinstance(failure, Exception):',
          '            route.side_effect = failure',
          '        else:',
          '            route.return_value = failure',
          '        with pytest.raises(Exception):',
          `            ${s.python}`
        ].join('\n')
      }
    }
  }
  return undefined
}

/** `/users/:id`, `/users/{id}`, `/users/<int:id>`, `/users/[id]` -> `/users/1`. */
export function samplePath(path: string): string {
  return path.replace(/:[A-Za-z_]\w*\??|\{[^}]*\}|<[^>]*>|\[[^\]]*\]/g, '1').replace(/[\^$]/g, '')
}

export function routeJs(
  app: { module: string; symbol: string; local: string },
  framework: string,
  method: string,
  path: string
): Steps {
  const verb = method === 'ANY' || method.includes('|') ? 'GET' : method
  const url = samplePath(path)
  const imports: Imports = [
    ASSERT,
    {
      from: app.module,
      names: [app.symbol === app.local ? app.local : `${app.symbol} as ${app.local}`]
    }
  ]
  const withBody = ['POST', 'PUT', 'PATCH'].includes(verb)
  if (framework === 'fastify' || framework === 'hono') {
    const call = (extra: string): string =>
      framework === 'fastify'
        ? `await ${app.local}.inject({ method: ${jsString(verb)}, url: ${jsString(url)}${extra} })`
        : `await ${app.local}.request(${jsString(url)}, { method: ${jsString(verb)}${extra} })`
    const status = framework === 'fastify' ? 'statusCode' : 'status'
    const body =
      framework === 'fastify'
        ? ", payload: '{\"truncated\":', headers: { 'content-type': 'application/json' }"
        : ", body: '{\"truncated\":', headers: { 'content-type': 'application/json' }"
    const lines = [
      `const response = ${call('')}`,
      `assert.ok(response.${status} < 500, \`${verb} ${url} answered \${response.${status}}\`)`
    ]
    if (withBody) {
      lines.push(
        `const malformed = ${call(body)}`,
        `assert.ok(malformed.${status} >= 400 && malformed.${status} < 500, \`a malformed body got \${malformed.${status}}\`)`
      )
    }
    return { imports, steps: { javascript: lines.join('\n') } }
  }
  // express, koa, polka and restify apps all return the node http.Server from listen().
  const listen = `${app.local}.listen(0, '127.0.0.1')`
  return {
    imports: [...imports, { from: 'node:events', names: ['once'] }],
    setup: {
      javascript: `const server = ${listen}\nawait once(server, 'listening')\nconst address = server.address()\nconst base = \`http://127.0.0.1:\${typeof address === 'object' && address ? address.port : 0}\``
    },
    steps: {
      javascript: [
        'try {',
        `  const response = await fetch(\`\${base}${url.replace(/[`$\\]/g, '\\$&')}\`, { method: ${jsString(verb)} })`,
        `  assert.ok(response.status < 500, \`${verb} ${url.replace(/[`$\\]/g, '\\$&')} answered \${response.status}\`)`,
        ...(withBody
          ? [
              `  const malformed = await fetch(\`\${base}${url.replace(/[`$\\]/g, '\\$&')}\`, { method: ${jsString(verb)}, body: '{"truncated":', headers: { 'content-type': 'application/json' } })`,
              '  assert.ok(malformed.status >= 400 && malformed.status < 500, `a malformed body got ${malformed.status}`)'
            ]
          : []),
        '} finally {',
        '  server.close()',
        '}'
      ].join('\n')
    }
  }
}

export function routePy(
  app: { module: string; symbol: string },
  framework: string,
  method: string,
  path: string
): Steps | undefined {
  const verb = method === 'ANY' || method.includes('|') ? 'GET' : method
  const url = samplePath(path)
  const withBody = ['POST', 'PUT', 'PATCH'].includes(verb)
  const malformed = (call: string): string[] =>
    withBody
      ? [`malformed = ${call}`, 'assert 400 <= malformed.status_code < 500, malformed.status_code']
      : []
  if (framework === 'flask' || framework === 'quart') {
    if (framework === 'quart') return undefined
    return {
      imports: [{ from: app.module, names: [app.symbol] }],
      steps: {
        python: [
          `client = ${app.symbol}.test_client()`,
          `response = client.open(${pyString(url)}, method=${pyString(verb)})`,
          'assert response.status_code < 500, response.status_code',
          ...malformed(
            `client.open(${pyString(url)}, method=${pyString(verb)}, data='{"truncated":', content_type='application/json')`
          )
        ].join('\n')
      }
    }
  }
  if (framework === 'fastapi' || framework === 'starlette') {
    return {
      imports: [
        { from: `${framework}.testclient`, names: ['TestClient'] },
        { from: app.module, names: [app.symbol] }
      ],
      steps: {
        python: [
          `client = TestClient(${app.symbol})`,
          `response = client.request(${pyString(verb)}, ${pyString(url)})`,
          'assert response.status_code < 500, response.status_code',
          ...malformed(
            `client.request(${pyString(verb)}, ${pyString(url)}, content=b'{"truncated":', headers={'content-type': 'application/json'})`
          )
        ].join('\n')
      }
    }
  }
  return undefined
}

/** A disposable database from CI: the URL comes from the workflow's service container. */
export function databaseJs(s: Subject, urlVariable: string | undefined): Steps {
  return {
    imports: [ASSERT, subjectImport(s)],
    steps: {
      javascript: [
        'const url = process.env.TEST_DATABASE_URL',
        "assert.ok(url, 'set TEST_DATABASE_URL to a disposable database (the services workflow spec starts one in CI)')",
        ...(urlVariable ? [`process.env[${jsString(urlVariable)}] = url`] : []),
        `await assert.doesNotReject(async () => ${s.js})`,
        ...(urlVariable
          ? [
              '// Nothing listens on port 1: the failure must reach the caller.',
              `process.env[${jsString(urlVariable)}] = url.replace(/@[^/]+\\//, '@127.0.0.1:1/')`,
              `await assert.rejects(async () => ${s.js})`,
              `process.env[${jsString(urlVariable)}] = url`
            ]
          : [])
      ].join('\n')
    }
  }
}

export function databasePy(s: Subject, urlVariable: string | undefined): Steps {
  return {
    imports: [{ from: 'os', names: [] }, subjectImport(s)],
    steps: {
      python: [
        "url = os.environ.get('TEST_DATABASE_URL')",
        "assert url, 'set TEST_DATABASE_URL to a disposable database (the services workflow spec starts one in CI)'",
        ...(urlVariable ? [`os.environ[${pyString(urlVariable)}] = url`] : []),
        s.python as string,
        ...(urlVariable
          ? [
              '# Nothing listens on port 1: the failure must reach the caller.',
              `os.environ[${pyString(urlVariable)}] = url.split('@')[0] + '@127.0.0.1:1/' + url.rsplit('/', 1)[-1]`,
              'with pytest.raises(Exception):',
              `    ${s.python}`,
              `os.environ[${pyString(urlVariable)}] = url`
            ]
          : [])
      ].join('\n')
    }
  }
}

export function filesystemJs(s: Subject): Steps {
  return {
    imports: [
      ASSERT,
      { from: 'node:fs/promises', names: ['mkdtemp', 'rm'] },
      { from: 'node:os', names: ['tmpdir'] },
      { from: 'node:path', names: ['join'] },
      subjectImport(s)
    ],
    setup: {
      javascript:
        "const dir = await mkdtemp(join(tmpdir(), 'contract-'))\nconst missing = join(dir, 'does-not-exist', 'input.json')"
    },
    steps: {
      javascript: [
        'try {',
        '  // A path that does not exist must give an error, not an empty result.',
        `  await assert.rejects(async () => ${s.js})`,
        '} finally {',
        '  await rm(dir, { recursive: true, force: true })',
        '}'
      ].join('\n')
    }
  }
}

export function filesystemPy(s: Subject): Steps {
  return {
    imports: [{ from: 'os', names: [] }, { from: 'tempfile', names: [] }, subjectImport(s)],
    steps: {
      python: [
        'with tempfile.TemporaryDirectory() as folder:',
        "    missing = os.path.join(folder, 'does-not-exist', 'input.json')",
        '    # A path that does not exist must give an error, not an empty result.',
        '    with pytest.raises(Exception):',
        `        ${s.python}`
      ].join('\n')
    }
  }
}

export function processJs(s: Subject, command: string): Steps {
  const script = '#!/bin/sh\\necho "simulated failure" >&2\\nexit 1\\n'
  return {
    imports: [
      ASSERT,
      { from: 'node:fs/promises', names: ['mkdtemp', 'rm', 'writeFile'] },
      { from: 'node:os', names: ['tmpdir'] },
      { from: 'node:path', names: ['delimiter', 'join'] },
      subjectImport(s)
    ],
    setup: {
      javascript: [
        "const bin = await mkdtemp(join(tmpdir(), 'fake-bin-'))",
        `await writeFile(join(bin, ${jsString(command)}), '${script}', { mode: 0o755 })`,
        'const savedPath = process.env.PATH',
        "process.env.PATH = `${bin}${delimiter}${savedPath ?? ''}`"
      ].join('\n')
    },
    steps: {
      javascript: [
        'try {',
        `  // ${command} exits 1 with a message on stderr: the failure must reach the caller.`,
        `  await assert.rejects(async () => ${s.js})`,
        '} finally {',
        '  if (savedPath === undefined) delete process.env.PATH',
        '  else process.env.PATH = savedPath',
        '  await rm(bin, { recursive: true, force: true })',
        '}'
      ].join('\n')
    }
  }
}

export function processPy(s: Subject, command: string): Steps {
  return {
    imports: [{ from: 'os', names: [] }, { from: 'tempfile', names: [] }, subjectImport(s)],
    steps: {
      python: [
        'with tempfile.TemporaryDirectory() as folder:',
        `    fake = os.path.join(folder, ${pyString(command)})`,
        "    with open(fake, 'w') as script:",
        '        script.write(\'#!/bin/sh\\necho "simulated failure" >&2\\nexit 1\\n\')',
        '    os.chmod(fake, 0o755)',
        "    saved = os.environ.get('PATH', '')",
        "    os.environ['PATH'] = folder + os.pathsep + saved",
        '    try:',
        `        # ${command} exits 1 with a message on stderr: the failure must reach the caller.`,
        '        with pytest.raises(Exception):',
        `            ${s.python}`,
        '    finally:',
        "        os.environ['PATH'] = saved"
      ].join('\n')
    }
  }
}

export function envJs(s: Subject, name: string): Steps {
  const key = jsString(name)
  return {
    imports: [ASSERT, subjectImport(s)],
    setup: { javascript: `const saved = process.env[${key}]\ndelete process.env[${key}]` },
    steps: {
      javascript: [
        'try {',
        `  // Unset, it must fail with a message that names ${name}.`,
        `  await assert.rejects(async () => ${s.js}, { message: new RegExp(${jsString(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))}) })`,
        '} finally {',
        `  if (saved === undefined) delete process.env[${key}]`,
        `  else process.env[${key}] = saved`,
        '}'
      ].join('\n')
    }
  }
}

export function envPy(s: Subject, name: string, reload: string | undefined): Steps {
  const key = pyString(name)
  return {
    imports: [
      { from: 'os', names: [] },
      ...(reload
        ? [
            { from: 'importlib', names: [] },
            { from: reload, names: [] }
          ]
        : [subjectImport(s)])
    ],
    steps: {
      python: [
        `saved = os.environ.pop(${key}, None)`,
        'try:',
        `    # Unset, it must fail with a message that names ${name}.`,
        `    with pytest.raises(Exception, match=${pyString(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))}):`,
        `        ${reload ? `importlib.reload(${reload})` : s.python}`,
        'finally:',
        '    if saved is not None:',
        `        os.environ[${key}] = saved`
      ].join('\n')
    }
  }
}

export function awsJs(s: Subject, clientClass: string, pkg: string): Steps {
  return {
    imports: [
      ASSERT,
      { from: 'aws-sdk-client-mock', names: ['mockClient'] },
      { from: pkg, names: [clientClass] },
      subjectImport(s)
    ],
    setup: { javascript: `const aws = mockClient(${clientClass})` },
    steps: {
      javascript: [
        'try {',
        "  aws.onAnyCommand().rejects(Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } }))",
        `  await assert.rejects(async () => ${s.js})`,
        "  aws.onAnyCommand().rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }))",
        `  await assert.rejects(async () => ${s.js})`,
        '} finally {',
        '  aws.restore()',
        '}'
      ].join('\n')
    }
  }
}

export function boto3Py(s: Subject): Steps {
  return {
    imports: [
      { from: 'unittest.mock', names: ['patch'] },
      { from: 'botocore.exceptions', names: ['ClientError'] },
      subjectImport(s)
    ],
    steps: {
      python: [
        "for code in ('ServiceUnavailable', 'ThrottlingException', 'AccessDenied'):",
        "    failure = ClientError({'Error': {'Code': code, 'Message': 'simulated'}}, 'Operation')",
        "    with patch('botocore.client.BaseClient._make_api_call', side_effect=failure):",
        '        with pytest.raises(Exception):',
        `            ${s.python}`
      ].join('\n')
    }
  }
}
