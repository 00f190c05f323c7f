// Open redirect (CWE-601): a redirect target built from request input with no same-origin or allow-list
// check in the function. Each planted redirect is asserted by file and line; the fixed shapes beside it (a
// `//` and backslash check, a host compared with an allow-list, a literal path prefix, leading slashes
// stripped, a safety helper) must not be reported.
import security from '../../perspectives/security/index.js'
import { checkRun, runFixture } from './harness.js'

const lineOf = (lines: string[], marker: string): number => {
  const index = lines.findIndex((l) => l.includes(marker))
  if (index < 0) throw new Error(`fixture has no line with ${marker}`)
  return index + 1
}

const routesJs = [
  "import express from 'express'",
  "const ALLOWED_HOSTS = ['docs.example.com']",
  'const app = express()',
  '// planted: the next parameter is the target as given',
  "app.get('/login/done', (req, res) => {",
  '  res.redirect(req.query.next) // P1',
  '})',
  '// planted: a Location header from the query, through a local',
  "app.get('/go', (req, res) => {",
  '  const target = req.query.to',
  '  res.writeHead(302, { Location: target }) // P2',
  '  res.end()',
  '})',
  '// planted: a leading-slash check alone lets //evil.example through',
  "app.get('/back', (req, res) => {",
  '  const back = req.query.back',
  "  if (!back.startsWith('/')) return res.redirect('/')",
  '  res.redirect(302, back) // P3',
  '})',
  '// fixed: a path on this site only (no // or backslash after the first slash)',
  "app.get('/safe', (req, res) => {",
  '  const next = req.query.next',
  "  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\\\')) return res.redirect('/')",
  '  res.redirect(next)',
  '})',
  '// fixed: the host of the parsed target is compared with an allow-list',
  "app.get('/out', (req, res) => {",
  '  const url = new URL(req.query.url)',
  '  if (!ALLOWED_HOSTS.includes(url.hostname)) return res.sendStatus(400)',
  '  res.redirect(url.href)',
  '})',
  '// fixed: a literal path prefix keeps it on the site',
  "app.get('/user', (req, res) => {",
  "  res.redirect('/users/' + encodeURIComponent(req.query.id))",
  "  res.setHeader('Location', `/users/${req.query.id}`)",
  '})',
  'app.listen(3000)',
  ''
]

const middlewareJs = [
  '// A library middleware: the request path is what any client sends.',
  'export function trailingSlash() {',
  '  return (req, res, next) => {',
  "    if (req.path.endsWith('/')) return next()",
  '    // planted: a path of //evil.example keeps its double slash in the Location header',
  "    res.redirect(301, req.path + '/') // P4",
  '  }',
  '}',
  'export function trailingSlashSafe() {',
  '  return (req, res, next) => {',
  "    if (req.path.endsWith('/')) return next()",
  '    // fixed: leading slashes collapsed to one',
  "    res.redirect(301, req.path.replace(/^\\/+/, '/') + '/')",
  '  }',
  '}',
  '// a wrapper whose job is the redirect: the caller chose the URL (low confidence, not listed)',
  'export function sendTo(res, url) {',
  '  res.redirect(url)',
  '}',
  ''
]

const viewsPy = [
  'from urllib.parse import urlparse',
  '',
  'from flask import Flask, redirect, request',
  'from django.utils.http import url_has_allowed_host_and_scheme',
  '',
  'app = Flask(__name__)',
  '',
  '',
  '@app.route("/login/done")',
  'def login_done():',
  '    # planted: the next parameter is the target as given',
  '    return redirect(request.args.get("next", "/"))  # P1',
  '',
  '',
  '@app.route("/safe")',
  'def safe():',
  '    # fixed: only a target without another host',
  '    target = request.args.get("next", "/")',
  '    if urlparse(target).netloc not in ("", request.host):',
  '        return redirect("/")',
  '    return redirect(target)',
  '',
  '',
  '@app.route("/checked")',
  'def checked():',
  '    # fixed: a safety helper decides',
  '    target = request.args.get("next", "/")',
  '    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):',
  '        target = "/"',
  '    return redirect(target)',
  '',
  '',
  '@app.route("/profile")',
  'def profile():',
  '    # fixed: a literal path prefix',
  '    return redirect("/users/" + request.args["id"])',
  ''
]

const middlewarePy = [
  'from aiohttp import web',
  '',
  '',
  'def add_slash():',
  '    @web.middleware',
  '    async def middleware(request, handler):',
  '        if request.path.endswith("/"):',
  '            return await handler(request)',
  '        # planted: a path of //evil.example keeps its double slash',
  '        raise web.HTTPFound(request.path + "/")  # P2',
  '',
  '    return middleware',
  '',
  '',
  'def add_slash_safe():',
  '    @web.middleware',
  '    async def middleware(request, handler):',
  '        if request.path.endswith("/"):',
  '            return await handler(request)',
  '        # fixed: leading slashes collapsed to one',
  '        raise web.HTTPFound("/" + request.path.lstrip("/") + "/")',
  '',
  '    return middleware',
  ''
]

const redirects = (r: Awaited<ReturnType<typeof runFixture>>) =>
  r.run.findings
    .filter((f) => f.messageId === 'openRedirect')
    .map((f) => [f.file, f.startLine, f.confidence])
    .sort()

describe('security: open redirect', () => {
  it('JavaScript: redirects and Location headers from the query or the request path are reported; checked ones are not', async () => {
    const result = await runFixture(security, {
      'package.json': '{ "name": "site", "version": "1.0.0", "type": "module" }',
      'src/routes.js': routesJs.join('\n'),
      'src/slash.js': middlewareJs.join('\n')
    })
    expect(redirects(result)).toEqual(
      [
        ['src/routes.js', lineOf(routesJs, 'P1'), 'high'],
        ['src/routes.js', lineOf(routesJs, 'P2'), 'medium'],
        ['src/routes.js', lineOf(routesJs, 'P3'), 'medium'],
        ['src/slash.js', lineOf(middlewareJs, 'P4'), 'high']
      ].sort()
    )
    const first = result.run.findings.find((f) => f.messageId === 'openRedirect')
    expect(first?.cwe).toBe('CWE-601')
    expect(first?.message).toContain('//evil.example')
    expect(checkRun(result)).toEqual([])
  })

  it('Python: Flask redirect(request.args…) and an aiohttp HTTPFound built from request.path are reported; checked ones are not', async () => {
    const result = await runFixture(security, {
      'pyproject.toml': '[project]\nname = "site"\nversion = "1.0.0"\n',
      'site/__init__.py': '',
      'site/views.py': viewsPy.join('\n'),
      'site/middleware.py': middlewarePy.join('\n')
    })
    expect(redirects(result)).toEqual(
      [
        ['site/middleware.py', lineOf(middlewarePy, 'P2'), 'high'],
        ['site/views.py', lineOf(viewsPy, 'P1'), 'high']
      ].sort()
    )
    expect(checkRun(result)).toEqual([])
  })

  it("a redirect helper that is not a web framework's is no sink", async () => {
    const result = await runFixture(security, {
      'pyproject.toml': '[project]\nname = "tool"\nversion = "1.0.0"\n',
      'tool/__init__.py': '',
      'tool/io.py': [
        'import sys',
        '',
        '',
        'def redirect(stream):',
        '    sys.stdout = stream',
        '',
        '',
        'def main():',
        '    redirect(open(sys.argv[1], "w"))',
        ''
      ].join('\n')
    })
    expect(redirects(result)).toEqual([])
  })
})
