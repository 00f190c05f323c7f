// A Hugging Face Hub on 127.0.0.1 that answers the requests @huggingface/hub 2.x sends for what we
// use: repo existence (GET /api/datasets/{name}), repo creation (POST /api/repos/create), preupload and
// the NDJSON commit, basic LFS upload (batch + PUT, for files the hub routes to LFS), the tree
// listing, and file download (/datasets/{name}/resolve/{rev}/{path}, with Range). Files live in
// memory per commit. Every request is recorded so tests can assert on what went over the wire, and
// faults can be injected per path ("the next N requests to X answer 503").
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  /** Path with query string, as received. */
  url: string
  headers: Record<string, string>
  body: string
}

export interface FakeCommit {
  oid: string
  title: string
  description: string
  parent: string | null
  date: string
  files: Map<string, StoredFile>
}

export interface StoredFile {
  content: Buffer
  /** Set for files committed as LFS pointers. */
  lfsOid?: string
}

export interface FakeRepo {
  type: 'dataset' | 'model' | 'space'
  name: string
  private: boolean
  commits: FakeCommit[]
}

export interface Fault {
  method?: string
  /** Matched against the request path (without query). */
  path: RegExp
  /** How many matching requests fail (then the fault is spent). */
  times: number
  status: number
  retryAfter?: string
  /** For commits: apply the commit first, then answer with the error (a gateway that lost the answer). */
  afterApply?: boolean
  /** Never answer (the client's timeout must fire). */
  hang?: boolean
}

export interface TokenInfo {
  user: string
  role: 'read' | 'write'
}

const GITATTRIBUTES =
  '*.parquet filter=lfs diff=lfs merge=lfs -text\n*.zip filter=lfs diff=lfs merge=lfs -text\n'

export class FakeHub {
  readonly requests: RecordedRequest[] = []
  readonly repos = new Map<string, FakeRepo>()
  private readonly tokens = new Map<string, TokenInfo>()
  private readonly faults: Fault[] = []
  private readonly lfsStore = new Map<string, Buffer>()
  private server: Server | null = null
  private hanging: ServerResponse[] = []
  /** Called when a request is left hanging (the fault suite aborts its injected time-out then). */
  onHang: (() => void) | null = null
  private commitCounter = 0
  url = ''
  /** Files above this size (or with NUL bytes in their sample) are routed to LFS, as the hub does at 10 MB. */
  lfsThresholdBytes = 10 * 1024 * 1024

  addToken(token: string, info: TokenInfo): this {
    this.tokens.set(token, info)
    return this
  }

  clearFaults(): this {
    this.faults.length = 0
    return this
  }

  injectFault(fault: Fault): this {
    this.faults.push({ ...fault })
    return this
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        json(res, 500, { error: `fake hub bug: ${String(error)}` })
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    const { port } = this.server.address() as AddressInfo
    this.url = `http://127.0.0.1:${port}`
    return this
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy()
    this.hanging = []
    const server = this.server
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    this.server = null
  }

  /** Creates a repository directly (test setup), with the hub's initial commit. */
  seedDataset(
    name: string,
    options: { private?: boolean; files?: Record<string, string> } = {}
  ): FakeRepo {
    const repo = this.createRepo('dataset', name, options.private ?? false)
    if (options.files) {
      const files = new Map(this.head(repo).files)
      for (const [path, content] of Object.entries(options.files))
        files.set(path, { content: Buffer.from(content) })
      this.applyCommit(repo, 'seed', '', files)
    }
    return repo
  }

  dataset(name: string): FakeRepo | undefined {
    return this.repos.get(`datasets/${name}`)
  }

  /** Commits made after the hub's own initial commit. */
  userCommits(name: string): FakeCommit[] {
    return this.dataset(name)?.commits.slice(1) ?? []
  }

  fileText(name: string, path: string): string | undefined {
    const repo = this.dataset(name)
    return repo ? this.head(repo).files.get(path)?.content.toString('utf8') : undefined
  }

  // --- request handling -------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://fake')
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers))
      headers[k] = Array.isArray(v) ? v.join(', ') : (v ?? '')
    this.requests.push({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers,
      body: body.toString('utf8')
    })

    const fault = this.takeFault(req.method ?? 'GET', url.pathname)
    if (fault?.hang) {
      this.hanging.push(res)
      this.onHang?.()
      return
    }
    if (fault && !fault.afterApply) return faultResponse(res, fault)

    const route = this.route(req.method ?? 'GET', url.pathname)
    if (!route)
      return json(res, 404, { error: `fake hub: no route for ${req.method} ${url.pathname}` })
    if (fault?.afterApply) {
      await route(req, res, url, body, true)
      return faultResponse(res, fault)
    }
    await route(req, res, url, body, false)
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) => f.times > 0 && (!f.method || f.method === method) && f.path.test(path)
    )
    if (fault) fault.times--
    return fault
  }

  private route(method: string, path: string): Handler | null {
    let m: RegExpMatchArray | null
    if (method === 'POST' && path === '/api/repos/create')
      return (req, res, _u, body) => this.create(req, res, body)
    if (method === 'PUT' && (m = path.match(/^\/__lfs\/([0-9a-f]{64})$/))) {
      const oid = m[1]
      return (_req, res, _u, body) => this.lfsPut(res, oid, body)
    }
    if (
      method === 'POST' &&
      (m = path.match(/^\/datasets\/([^/]+\/[^/]+)\.git\/info\/lfs\/objects\/batch$/))
    ) {
      const name = m[1]
      return (req, res, _u, body) => this.lfsBatch(req, res, name, body)
    }
    if (
      (m = path.match(
        /^\/api\/datasets\/([^/]+\/[^/]+)(?:\/(preupload|commit|tree)\/([^/]+)(\/.*)?)?$/
      ))
    ) {
      const [, name, action, rev, rest] = m
      if (!action && method === 'GET') return (req, res) => this.info(req, res, name)
      if (action === 'preupload' && method === 'POST')
        return (req, res, _u, body) => this.preupload(req, res, name, body)
      if (action === 'commit' && method === 'POST') {
        return (req, res, _u, body, silent) =>
          this.commit(req, res, name, decodeURIComponent(rev), body, silent)
      }
      if (action === 'tree' && method === 'GET') {
        return (req, res, u) =>
          this.tree(req, res, u, name, decodeURIComponent(rev), rest ? rest.slice(1) : '')
      }
    }
    if (
      method === 'GET' &&
      (m = path.match(/^\/datasets\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/))
    ) {
      const [, name, rev, file] = m
      return (req, res) =>
        this.resolve(req, res, name, decodeURIComponent(rev), decodeURIComponent(file))
    }
    return null
  }

  // --- auth --------------------------------------------------------------------------------------

  /** undefined: no token; null: a bad token (already answered 401). */
  private caller(req: IncomingMessage, res: ServerResponse): TokenInfo | undefined | null {
    const header = req.headers.authorization
    if (!header) return undefined
    const token = header.replace(/^Bearer\s+/i, '')
    const info = this.tokens.get(token)
    if (!info) {
      json(res, 401, { error: 'Invalid credentials in Authorization header' })
      return null
    }
    return info
  }

  private canRead(who: TokenInfo | undefined, repo: FakeRepo): boolean {
    return !repo.private || (who !== undefined && repo.name.startsWith(`${who.user}/`))
  }

  /** Answers the error itself and returns null when the caller may not write. */
  private writableRepo(req: IncomingMessage, res: ServerResponse, name: string): FakeRepo | null {
    const who = this.caller(req, res)
    if (who === null) return null
    const repo = this.dataset(name)
    if (!repo || !this.canRead(who, repo)) {
      repoNotFound(res)
      return null
    }
    if (!who) {
      json(res, 401, { error: 'Authentication is required to write to this repository' })
      return null
    }
    if (who.role !== 'write' || !name.startsWith(`${who.user}/`)) {
      json(res, 403, {
        error: `You don't have the rights to write to ${repo.type}s/${name}. The token used is a read token or lacks write permission on this repository.`
      })
      return null
    }
    return repo
  }

  // --- endpoints ---------------------------------------------------------------------------------

  private create(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const who = this.caller(req, res)
    if (who === null) return
    if (!who) return json(res, 401, { error: 'You must be authenticated to create a repository' })
    const payload = JSON.parse(body.toString('utf8')) as {
      name: string
      organization?: string
      type?: string
      visibility?: string
      private?: boolean
    }
    const namespace = payload.organization ?? who.user
    const type = (payload.type ?? 'model') as FakeRepo['type']
    const name = `${namespace}/${payload.name}`
    if (who.role !== 'write')
      return json(res, 403, {
        error: "You don't have the rights to create a repository: your token is a read token"
      })
    if (namespace !== who.user)
      return json(res, 403, {
        error: `You don't have the rights to create a ${type} under the namespace "${namespace}"`
      })
    const url = `${this.url}/${type === 'model' ? '' : `${type}s/`}${name}`
    if (this.repos.has(`${type}s/${name}`))
      return json(res, 409, { error: `You already created this ${type} repo`, url })
    const isPrivate = payload.visibility
      ? payload.visibility !== 'public'
      : payload.private === true
    this.createRepo(type, name, isPrivate)
    json(res, 200, { url, name, id: `id-${name}` })
  }

  private info(req: IncomingMessage, res: ServerResponse, name: string): void {
    const who = this.caller(req, res)
    if (who === null) return
    const repo = this.dataset(name)
    if (!repo || !this.canRead(who, repo)) return repoNotFound(res)
    const head = this.head(repo)
    json(res, 200, {
      _id: `id-${name}`,
      id: name,
      author: name.split('/')[0],
      private: repo.private,
      sha: head.oid,
      lastModified: head.date,
      likes: 0,
      tags: []
    })
  }

  private preupload(req: IncomingMessage, res: ServerResponse, name: string, body: Buffer): void {
    if (!this.writableRepo(req, res, name)) return
    const payload = JSON.parse(body.toString('utf8')) as {
      files: { path: string; size: number; sample: string }[]
    }
    const files = payload.files.map((f) => {
      const binary = Buffer.from(f.sample, 'base64').includes(0)
      return {
        path: f.path,
        uploadMode: f.size > this.lfsThresholdBytes || binary ? 'lfs' : 'regular',
        shouldIgnore: false
      }
    })
    json(res, 200, { files, commitOid: this.head(this.dataset(name)!).oid })
  }

  private lfsBatch(req: IncomingMessage, res: ServerResponse, name: string, body: Buffer): void {
    if (!this.writableRepo(req, res, name)) return
    const payload = JSON.parse(body.toString('utf8')) as {
      transfers?: string[]
      objects: { oid: string; size: number }[]
    }
    // Only basic transfer is implemented: a client that insists on xet alone gets an error.
    if (payload.transfers && !payload.transfers.includes('basic'))
      return json(res, 422, { error: 'fake hub supports only basic LFS transfer' })
    const objects = payload.objects.map((o) =>
      this.lfsStore.has(o.oid)
        ? { oid: o.oid, size: o.size }
        : {
            oid: o.oid,
            size: o.size,
            authenticated: true,
            actions: { upload: { href: `${this.url}/__lfs/${o.oid}`, expires_in: 900 } }
          }
    )
    res.writeHead(200, { 'Content-Type': 'application/vnd.git-lfs+json' })
    res.end(JSON.stringify({ transfer: 'basic', objects }))
  }

  private lfsPut(res: ServerResponse, oid: string, body: Buffer): void {
    if (createHash('sha256').update(body).digest('hex') !== oid)
      return json(res, 400, { error: 'sha256 mismatch' })
    this.lfsStore.set(oid, body)
    res.writeHead(200, { ETag: `"${oid}"` })
    res.end()
  }

  private commit(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    rev: string,
    body: Buffer,
    silent: boolean
  ): void {
    const repo = this.writableRepo(req, res, name)
    if (!repo) return
    if (rev !== 'main')
      return json(
        res,
        404,
        { error: `Revision Not Found for url: ${rev}` },
        { 'X-Error-Code': 'RevisionNotFound' }
      )
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-ndjson'))
      return json(res, 400, { error: 'Expected an NDJSON body' })
    const lines = body
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
    const entries = lines.map(
      (l) => JSON.parse(l) as { key: string; value: Record<string, unknown> }
    )
    const header = entries.find((e) => e.key === 'header')?.value as
      { summary?: string; description?: string; parentCommit?: string } | undefined
    if (!header?.summary)
      return json(res, 400, { error: 'Commit header with a summary is required' })
    const head = this.head(repo)
    if (header.parentCommit && header.parentCommit !== head.oid) {
      return json(res, 412, { error: 'A commit has happened since. Please refresh and try again.' })
    }
    const files = new Map(head.files)
    for (const { key, value } of entries) {
      const path = String(value.path ?? '')
      if (key === 'file') {
        const encoding = value.encoding === 'base64' ? 'base64' : 'utf8'
        files.set(path, { content: Buffer.from(String(value.content ?? ''), encoding) })
      } else if (key === 'lfsFile') {
        const stored = this.lfsStore.get(String(value.oid))
        if (!stored)
          return json(res, 422, {
            error: `LFS object ${String(value.oid)} for ${path} was not uploaded`
          })
        files.set(path, { content: stored, lfsOid: String(value.oid) })
      } else if (key === 'deletedFile') {
        files.delete(path)
      } else if (key !== 'header') {
        return json(res, 400, { error: `Unknown NDJSON key ${key}` })
      }
    }
    const commit = this.applyCommit(repo, header.summary, header.description ?? '', files)
    if (silent) return
    json(res, 200, {
      success: true,
      commitOid: commit.oid,
      commitUrl: `${this.url}/datasets/${name}/commit/${commit.oid}`,
      hookOutput: ''
    })
  }

  private tree(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    name: string,
    rev: string,
    dir: string
  ): void {
    const who = this.caller(req, res)
    if (who === null) return
    const repo = this.dataset(name)
    if (!repo || !this.canRead(who, repo)) return repoNotFound(res)
    const commit = this.revision(repo, rev)
    if (!commit)
      return json(res, 404, { error: 'Invalid rev id' }, { 'X-Error-Code': 'RevisionNotFound' })
    const recursive = url.searchParams.get('recursive') === 'true'
    const expand = url.searchParams.get('expand') === 'true'
    const prefix = dir ? `${dir.replace(/\/$/, '')}/` : ''
    const entries: Record<string, unknown>[] = []
    const dirs = new Set<string>()
    for (const [path, file] of [...commit.files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (!path.startsWith(prefix)) continue
      const rest = path.slice(prefix.length)
      const parts = rest.split('/')
      for (let i = 1; i < parts.length && (recursive || i === 1); i++) {
        const d = prefix + parts.slice(0, i).join('/')
        if (!dirs.has(d)) {
          dirs.add(d)
          entries.push({ type: 'directory', oid: sha1(d), size: 0, path: d })
        }
      }
      if (parts.length > 1 && !recursive) continue
      const entry: Record<string, unknown> = {
        type: 'file',
        oid: sha1(file.content),
        size: file.content.length,
        path
      }
      if (file.lfsOid) entry.lfs = { oid: file.lfsOid, size: file.content.length, pointerSize: 134 }
      if (expand) {
        const last = this.lastCommitTouching(repo, commit, path)
        entry.lastCommit = { id: last.oid, title: last.title, date: last.date }
      }
      entries.push(entry)
    }
    if (prefix && entries.length === 0) {
      return json(
        res,
        404,
        { error: `Entry not found: ${dir}` },
        { 'X-Error-Code': 'EntryNotFound' }
      )
    }
    json(res, 200, entries)
  }

  private resolve(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    rev: string,
    path: string
  ): void {
    const who = this.caller(req, res)
    if (who === null) return
    const repo = this.dataset(name)
    if (!repo || !this.canRead(who, repo)) return repoNotFound(res)
    const commit = this.revision(repo, rev)
    if (!commit)
      return json(res, 404, { error: 'Invalid rev id' }, { 'X-Error-Code': 'RevisionNotFound' })
    const file = commit.files.get(path)
    if (!file)
      return json(res, 404, { error: 'Entry not found' }, { 'X-Error-Code': 'EntryNotFound' })
    const etag = `"${file.lfsOid ?? sha1(file.content)}"`
    const range = req.headers.range?.match(/^bytes=(\d+)-(\d*)$/)
    if (range && file.content.length > 0) {
      const start = Number(range[1])
      const end = Math.min(
        range[2] ? Number(range[2]) : file.content.length - 1,
        file.content.length - 1
      )
      res.writeHead(206, {
        'Content-Type': 'application/octet-stream',
        ETag: etag,
        'Content-Range': `bytes ${start}-${end}/${file.content.length}`,
        'Accept-Ranges': 'bytes'
      })
      res.end(file.content.subarray(start, end + 1))
      return
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      ETag: etag,
      'Content-Length': String(file.content.length)
    })
    res.end(file.content)
  }

  // --- storage -----------------------------------------------------------------------------------

  private createRepo(type: FakeRepo['type'], name: string, isPrivate: boolean): FakeRepo {
    const repo: FakeRepo = { type, name, private: isPrivate, commits: [] }
    this.repos.set(`${type}s/${name}`, repo)
    this.applyCommit(
      repo,
      'initial commit',
      '',
      new Map([['.gitattributes', { content: Buffer.from(GITATTRIBUTES) }]])
    )
    return repo
  }

  private applyCommit(
    repo: FakeRepo,
    title: string,
    description: string,
    files: Map<string, StoredFile>
  ): FakeCommit {
    const parent = repo.commits.at(-1)?.oid ?? null
    const oid = sha1(`${repo.name}:${++this.commitCounter}:${title}`)
    const commit: FakeCommit = {
      oid,
      title,
      description,
      parent,
      date: new Date(Date.UTC(2026, 0, 1, 0, 0, this.commitCounter)).toISOString(),
      files
    }
    repo.commits.push(commit)
    return commit
  }

  private head(repo: FakeRepo): FakeCommit {
    return repo.commits[repo.commits.length - 1]
  }

  private revision(repo: FakeRepo, rev: string): FakeCommit | undefined {
    if (rev === 'main') return this.head(repo)
    return repo.commits.find((c) => c.oid === rev)
  }

  private lastCommitTouching(repo: FakeRepo, upTo: FakeCommit, path: string): FakeCommit {
    const index = repo.commits.indexOf(upTo)
    let last = upTo
    for (let i = index; i >= 0; i--) {
      const here = repo.commits[i].files.get(path)
      const before = i > 0 ? repo.commits[i - 1].files.get(path) : undefined
      if (here && (!before || !before.content.equals(here.content))) {
        last = repo.commits[i]
        break
      }
    }
    return last
  }
}

type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
  silent: boolean
) => void | Promise<void>

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  if (res.headersSent) return
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Request-Id': `req-${status}`,
    ...headers
  })
  res.end(JSON.stringify(body))
}

function repoNotFound(res: ServerResponse): void {
  json(res, 404, { error: 'Repository not found' }, { 'X-Error-Code': 'RepoNotFound' })
}

function faultResponse(res: ServerResponse, fault: Fault): void {
  const headers: Record<string, string> = fault.retryAfter
    ? { 'Retry-After': fault.retryAfter }
    : {}
  const message = fault.status === 429 ? 'Too Many Requests' : 'Service Unavailable (injected)'
  if (res.headersSent) {
    // The handler already answered (afterApply): nothing more to send.
    return
  }
  json(res, fault.status, { error: message }, headers)
}

function sha1(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('hex')
}
