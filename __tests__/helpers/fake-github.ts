// A GitHub REST API on 127.0.0.1 that speaks the Actions variables endpoints as GitHub does:
//   GET    /repos/{owner}/{repo}/actions/variables/{name}  200 {name,value,created_at,updated_at} | 404
//   POST   /repos/{owner}/{repo}/actions/variables         201 {} | 409 when it exists
//   PATCH  /repos/{owner}/{repo}/actions/variables/{name}  204 | 404
// Tokens: unknown or missing -> 401 "Bad credentials"; a token without the Variables permission ->
// 403 "Resource not accessible by integration" (what the default GITHUB_TOKEN gets). Faults: the next
// N requests answer a 5xx. Variable names are case-insensitive and stored upper-case, as on GitHub.
// Every request is recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GitHubRequest {
  method: string
  path: string
  authorization: string
  userAgent: string
  body: unknown
}

export interface StoredVariable {
  name: string
  value: string
  created_at: string
  updated_at: string
}

type Access = 'write' | 'none'

/**
 * A fault for matching requests (the fault suite): `hang` never answers, `malformed` answers 200 with a
 * body that is not a variable, `status` answers that status; `echo` puts the request's Authorization
 * header in the error message, as a careless proxy might.
 */
export interface GitHubFault {
  method?: string
  path?: RegExp
  times: number
  kind: 'hang' | 'malformed' | 'not-json' | 'status'
  status?: number
  echo?: boolean
}

const DOCS = 'https://docs.github.com/rest/actions/variables'

export class FakeGitHub {
  readonly requests: GitHubRequest[] = []
  private readonly variables = new Map<string, StoredVariable>()
  private readonly tokens = new Map<string, Access>()
  private failures: { status: number; remaining: number } | null = null
  private server: Server | null = null
  private faults: GitHubFault[] = []
  /** Called when a request is left hanging (tests abort their injected time-out signal then). */
  onHang: (() => void) | null = null
  private clock = Date.parse('2026-11-24T12:00:00Z')
  url = ''

  /** `write`: may read and write variables; `none`: a token without the permission (403). */
  addToken(token: string, access: Access): this {
    this.tokens.set(token, access)
    return this
  }

  /** The next `count` requests answer `status` (502 by default) with GitHub's error page body. */
  failNext(count: number, status = 502): this {
    this.failures = { status, remaining: count }
    return this
  }

  clearFaults(): this {
    this.faults = []
    this.failures = null
    return this
  }

  injectFault(fault: GitHubFault): this {
    this.faults.push({ ...fault })
    return this
  }

  setVariable(repository: string, name: string, value: string): this {
    const now = this.tick()
    this.variables.set(this.key(repository, name), {
      name: name.toUpperCase(),
      value,
      created_at: now,
      updated_at: now
    })
    return this
  }

  variable(repository: string, name: string): StoredVariable | undefined {
    return this.variables.get(this.key(repository, name))
  }

  /** Requests other than the failures injected with failNext, by method and path. */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`)
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) =>
        send(res, 500, { message: `fake github bug: ${String(error)}` })
      )
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    this.server = null
  }

  private key(repository: string, name: string): string {
    return `${repository.toLowerCase()}/${name.toUpperCase()}`
  }

  private tick(): string {
    this.clock += 1000
    return new Date(this.clock).toISOString().replace(/\.\d+Z$/, 'Z')
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req)
    const path = new URL(req.url ?? '/', 'http://fake').pathname
    let body: unknown = null
    if (raw) {
      try {
        body = JSON.parse(raw)
      } catch {
        body = raw
      }
    }
    this.requests.push({
      method: req.method ?? 'GET',
      path,
      authorization: String(req.headers.authorization ?? ''),
      userAgent: String(req.headers['user-agent'] ?? ''),
      body
    })
    const fault = this.faults.find(
      (f) => f.times > 0 && (!f.method || f.method === req.method) && (!f.path || f.path.test(path))
    )
    if (fault) {
      fault.times--
      if (fault.kind === 'hang') {
        this.onHang?.()
        return
      }
      if (fault.kind === 'malformed')
        return send(res, 200, { name: 'SOMETHING', note: 'no value here' })
      if (fault.kind === 'not-json') {
        res.writeHead(200, { 'content-type': 'text/html' })
        res.end('<html>maintenance</html>')
        return
      }
      const said = fault.echo
        ? `Bad credentials: ${String(req.headers.authorization ?? '')}`
        : 'injected'
      return send(res, fault.status ?? 500, {
        message: said,
        documentation_url: 'https://docs.github.com/rest',
        status: String(fault.status ?? 500)
      })
    }
    if (this.failures && this.failures.remaining > 0) {
      this.failures.remaining--
      res.writeHead(this.failures.status, { 'content-type': 'text/html' })
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>')
      return
    }
    const token = /^(?:token|bearer) (.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1]
    const access = token ? this.tokens.get(token) : undefined
    if (!access)
      return send(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401'
      })

    const one = /^\/repos\/([^/]+)\/([^/]+)\/actions\/variables\/([^/]+)$/.exec(path)
    const list = /^\/repos\/([^/]+)\/([^/]+)\/actions\/variables$/.exec(path)
    const forbidden = (anchor: string): void =>
      send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: `${DOCS}#${anchor}`,
        status: '403'
      })
    const notFound = (anchor: string): void =>
      send(res, 404, {
        message: 'Not Found',
        documentation_url: `${DOCS}#${anchor}`,
        status: '404'
      })

    if (one && req.method === 'GET') {
      if (access !== 'write') return forbidden('get-a-repository-variable')
      const stored = this.variables.get(this.key(`${one[1]}/${one[2]}`, decodeURIComponent(one[3])))
      return stored ? send(res, 200, stored) : notFound('get-a-repository-variable')
    }
    if (one && req.method === 'PATCH') {
      if (access !== 'write') return forbidden('update-a-repository-variable')
      const key = this.key(`${one[1]}/${one[2]}`, decodeURIComponent(one[3]))
      const stored = this.variables.get(key)
      if (!stored) return notFound('update-a-repository-variable')
      const value = (body as { value?: unknown })?.value
      if (typeof value !== 'string') return invalid(res, 'value')
      this.variables.set(key, { ...stored, value, updated_at: this.tick() })
      res.writeHead(204)
      res.end()
      return
    }
    if (list && req.method === 'POST') {
      if (access !== 'write') return forbidden('create-a-repository-variable')
      const { name, value } = (body ?? {}) as { name?: unknown; value?: unknown }
      if (typeof name !== 'string' || typeof value !== 'string')
        return invalid(res, typeof name !== 'string' ? 'name' : 'value')
      const key = this.key(`${list[1]}/${list[2]}`, name)
      if (this.variables.has(key)) {
        return send(res, 409, {
          message: 'Already exists - Variable already exists',
          documentation_url: `${DOCS}#create-a-repository-variable`,
          status: '409'
        })
      }
      const now = this.tick()
      this.variables.set(key, { name: name.toUpperCase(), value, created_at: now, updated_at: now })
      return send(res, 201, {})
    }
    return send(res, 404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404'
    })
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}

function invalid(res: ServerResponse, field: string): void {
  send(res, 422, {
    message: 'Invalid request.',
    errors: [`"${field}" wasn't supplied.`],
    documentation_url: DOCS,
    status: '422'
  })
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
