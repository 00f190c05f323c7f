// Shapes the blind judge of session 15 found false or partly true (docs/evaluation/sec15.md, sec16.md), each
// beside the real twin that is still reported, by file and line: a single-file library copied into the
// package, a WebDAV lock token from a non-cryptographic generator, an open redirect whose example input did
// not reach it, innerHTML in browser scripts of a Python project fed by the project's own callers.
import { describe, expect, it } from '@jest/globals'
import security from '../../perspectives/security/index.js'
import { runFixture, type FixtureRun } from './harness.js'

const at = (result: FixtureRun, messageId: string) =>
  result.run.findings
    .filter((f) => f.messageId === messageId)
    .map((f) => `${f.file}:${f.startLine}`)
    .sort()

/** A package index server carrying a copy of a micro-framework whose `load` evals a name. */
const loader = [
  '__author__ = "Someone Else"', // 1
  '__version__ = "0.12.25"', // 2
  '__license__ = "MIT"', // 3
  '', // 4
  '', // 5
  'def load(target):', // 6
  '    module, name = target.split(":", 1)', // 7
  '    return eval("%s.%s" % (module, name))', // 8
  ''
].join('\n')
const server = {
  'pyproject.toml': '[project]\nname = "pkgindex"\nversion = "2.4.1"\n',
  'pkgindex/__init__.py': '__version__ = "2.4.1"\n',
  'pkgindex/wrapper/__init__.py': 'from pkgindex.wrapper.webfw import *\n',
  'pkgindex/wrapper/webfw.py': loader,
  // The project's own module with the same function and no metadata of another release: still reported.
  'pkgindex/plugins.py': loader.split('\n').slice(4).join('\n')
}

/** The framework itself, a single file at its root: its `load` is its own API. */
const framework = {
  'pyproject.toml': '[project]\nname = "webfw"\nversion = "0.12.25"\n',
  'webfw.py': loader
}

/** A WebDAV lock token and a session token, both from `random`. */
const tokens = {
  'pyproject.toml': '[project]\nname = "davserver"\nversion = "1.0.0"\n',
  'davserver/__init__.py': '',
  'davserver/locks.py': [
    'import random', // 1
    '', // 2
    '', // 3
    'def generate_lock_token():', // 4
    '    return "opaquelocktoken:" + hex(random.getrandbits(256))', // 5
    '', // 6
    '', // 7
    'def new_session():', // 8
    '    session_token = hex(random.getrandbits(128))', // 9
    '    return session_token', // 10
    ''
  ].join('\n')
}

/** A trailing-slash redirect built from the request path, and one from a query parameter. */
const redirects = {
  'package.json': JSON.stringify({ name: 'devserver', main: 'index.js' }),
  'index.js': [
    "const http = require('http')", // 1
    "const url = require('url')", // 2
    'http.createServer(function (req, res) {', // 3
    '  var pathname = url.parse(req.url).pathname', // 4
    "  if (pathname.endsWith('/dir')) {", // 5
    '    res.statusCode = 301', // 6
    "    res.setHeader('Location', pathname + '/')", // 7
    '    return res.end()', // 8
    '  }', // 9
    '  var next = url.parse(req.url, true).query.next', // 10
    '  res.statusCode = 302', // 11
    "  res.setHeader('Location', next)", // 12
    '  res.end()', // 13
    '}).listen(8080)', // 14
    ''
  ].join('\n')
}

/** A Python server's browser scripts: an error box fed by the page's own code; the twin reads location. */
const webui = {
  'pyproject.toml': '[project]\nname = "calserver"\nversion = "1.0.0"\n',
  'calserver/__init__.py': '',
  'calserver/web/js/error.js': [
    'export class ErrorHandler {', // 1
    '  constructor(element) {', // 2
    '    this._element = element', // 3
    '  }', // 4
    '  setError(errorMessage) {', // 5
    "    this._element.innerHTML = errorMessage + '<br>'", // 6
    '  }', // 7
    '  showHash() {', // 8
    "    this._element.innerHTML = decodeURIComponent(location.hash) + '<br>'", // 9
    '  }', // 10
    '}', // 11
    ''
  ].join('\n')
}

/** The same error box published as an npm package: its exported method's parameter is the caller's input. */
const published = {
  'package.json': JSON.stringify({ name: 'error-box', main: 'error.js' }),
  'error.js': webui['calserver/web/js/error.js']
}

/** Redirects to the application's own routes by name; the twin redirects to a query parameter. */
const routes = {
  'pyproject.toml': '[project]\nname = "echo"\nversion = "1.0.0"\n',
  'echo/__init__.py': '',
  'echo/core.py': [
    'from flask import Flask, redirect, request, url_for', // 1
    '', // 2
    'app = Flask(__name__)', // 3
    '', // 4
    '', // 5
    '@app.route("/links/<int:n>")', // 6
    'def links(n):', // 7
    '    absolute = request.args.get("absolute", "false") == "true"', // 8
    '    return redirect(url_for("link_page", n=n, offset=0, _external=absolute))', // 9
    '', // 10
    '', // 11
    '@app.route("/go")', // 12
    'def go():', // 13
    '    return redirect(request.args.get("next"))', // 14
    ''
  ].join('\n')
}

/** A page fetching relative to its own location; the twin is a server fetching a query parameter. */
const pages = {
  'package.json': JSON.stringify({ name: 'pages', main: 'server.js' }),
  'static/autocomplete.js': [
    'export async function search(src, query) {', // 1
    '  var url = new URL(src, location.href)', // 2
    "  url.searchParams.set('q', query)", // 3
    '  var response = await fetch(url.toString())', // 4
    '  return response.json()', // 5
    '}', // 6
    ''
  ].join('\n'),
  'server.js': [
    "const express = require('express')", // 1
    'const app = express()', // 2
    "app.get('/proxy', async (req, res) => {", // 3
    '  const response = await fetch(req.query.url)', // 4
    '  res.send(await response.text())', // 5
    '})', // 6
    ''
  ].join('\n')
}

describe('security: shapes judged false in session 15, each beside its real twin', () => {
  it("code injection: a copied library's function is not reported; the project's own twin is", async () => {
    const result = await runFixture(security, server)
    expect(at(result, 'codeInjection')).toEqual(['pkgindex/plugins.py:4'])
  })

  it('code injection: the library itself, at its own root, is still reported', async () => {
    const result = await runFixture(security, framework)
    expect(at(result, 'codeInjection')).toEqual(['webfw.py:8'])
  })

  it('predictable randomness: a WebDAV lock token is not a secret; a session token is', async () => {
    const result = await runFixture(security, tokens)
    expect(at(result, 'insecureRandom')).toEqual(['davserver/locks.py:9'])
  })

  it('open redirect: the example for a request-path target is a path that reaches the handler', async () => {
    const result = await runFixture(security, redirects)
    const found = result.run.findings.filter((f) => f.messageId === 'openRedirect')
    expect(found.map((f) => `${f.file}:${f.startLine}`).sort()).toEqual([
      'index.js:12',
      'index.js:7'
    ])
    const slash = found.find((f) => f.startLine === 7)!
    expect(slash.message).toContain('`//evil.example/..%2f`')
    expect(slash.message).not.toContain('https://evil.example')
    const query = found.find((f) => f.startLine === 12)!
    expect(query.message).toContain('`https://evil.example`')
  })

  it("open redirect: a URL built for the application's own route is not reported; a query parameter is", async () => {
    const result = await runFixture(security, routes)
    expect(at(result, 'openRedirect')).toEqual(['echo/core.py:14'])
  })

  it('SSRF: a page fetching from its own location is not reported; a server fetching a query parameter is', async () => {
    const result = await runFixture(security, pages)
    expect(at(result, 'ssrf')).toEqual(['server.js:4'])
  })

  it("xss: innerHTML fed by a Python project's own browser code is not reported; location.hash is", async () => {
    const result = await runFixture(security, webui)
    expect(at(result, 'xss')).toEqual(['calserver/web/js/error.js:9'])
  })

  it("xss: the same method published as a package takes its caller's input", async () => {
    const result = await runFixture(security, published)
    expect(at(result, 'xss')).toEqual(['error.js:6', 'error.js:9'])
  })
})
