// Shapes the blind judge of session 16 found false (docs/evaluation/sec16.md, sec17.md), each beside the real
// twin that is still reported, by file and line: a value checked against a fixed set before it reaches the
// sink (datasette's permission view: `if action not in self.ds.actions: return ...`), in Python and
// JavaScript, as a failing test that leaves and as a passing test around the sink.
import { describe, expect, it } from '@jest/globals'
import security from '../../perspectives/security/index.js'
import { runFixture, type FixtureRun } from './harness.js'

const at = (result: FixtureRun, messageId: string) =>
  result.run.findings
    .filter((f) => f.messageId === messageId)
    .map((f) => `${f.file}:${f.startLine}`)
    .sort()

/** A Flask view: the sort column checked against a fixed set, the filter column not. */
const flaskViews = {
  'pyproject.toml': '[project]\nname = "shelf"\nversion = "1.0.0"\ndependencies = ["flask"]\n',
  'shelf/__init__.py': '',
  'shelf/views.py': [
    'from flask import Flask, request', // 1
    'from shelf.db import connect', // 2
    '', // 3
    'app = Flask(__name__)', // 4
    'SORTABLE = {"title", "added"}', // 5
    '', // 6
    '', // 7
    '@app.route("/books")', // 8
    'def books():', // 9
    '    sort = request.args.get("sort", "title")', // 10
    '    if sort not in SORTABLE:', // 11
    '        return "unknown column", 400', // 12
    '    sql = f"SELECT * FROM books ORDER BY {sort}"', // 13
    '    return str(connect().execute(sql).fetchall())', // 14
    '', // 15
    '', // 16
    '@app.route("/shelves")', // 17
    'def shelves():', // 18
    '    column = request.args.get("column", "name")', // 19
    '    sql = f"SELECT * FROM shelves ORDER BY {column}"', // 20
    '    return str(connect().execute(sql).fetchall())', // 21
    '', // 22
    '', // 23
    '@app.route("/export")', // 24
    'def export():', // 25
    '    kind = request.args.get("kind", "csv")', // 26
    '    if kind in {"csv", "json"}:', // 27
    '        sql = "SELECT * FROM export_" + kind', // 28
    '        return str(connect().execute(sql).fetchall())', // 29
    '    return "unknown kind", 400', // 30
    '', // 31
    '', // 32
    '@app.route("/names")', // 33
    'def names():', // 34
    '    name = request.args.get("name", "")', // 35
    '    if "/" not in name:', // 36
    '        return "no", 400', // 37
    '    sql = "SELECT * FROM names WHERE n = \'" + name + "\'"', // 38
    '    return str(connect().execute(sql).fetchall())', // 39
    ''
  ].join('\n'),
  'shelf/db.py': 'import sqlite3\n\n\ndef connect():\n    return sqlite3.connect("shelf.db")\n'
}

/** An Express app: the sort column checked with Set#has, the filter column not. */
const expressApp = {
  'package.json': JSON.stringify({
    name: 'shelf-server',
    main: 'server.js',
    dependencies: { express: '^4.0.0', mysql: '^2.0.0' }
  }),
  'server.js': [
    "const express = require('express')", // 1
    "const mysql = require('mysql')", // 2
    'const app = express()', // 3
    'const db = mysql.createConnection({})', // 4
    "const SORTABLE = new Set(['title', 'added'])", // 5
    '', // 6
    "app.get('/books', (req, res) => {", // 7
    '  const sort = req.query.sort', // 8
    '  if (!SORTABLE.has(sort)) return res.status(400).end()', // 9
    "  db.query('SELECT * FROM books ORDER BY ' + sort, (err, rows) => res.json(rows))", // 10
    '})', // 11
    '', // 12
    "app.get('/shelves', (req, res) => {", // 13
    '  const column = req.query.column', // 14
    "  db.query('SELECT * FROM shelves ORDER BY ' + column, (err, rows) => res.json(rows))", // 15
    '})', // 16
    '', // 17
    "app.get('/export', (req, res) => {", // 18
    '  const kind = req.query.kind', // 19
    "  if (['csv', 'json'].includes(kind)) {", // 20
    "    db.query('SELECT * FROM export_' + kind, (err, rows) => res.json(rows))", // 21
    '  }', // 22
    '})', // 23
    '', // 24
    'app.listen(3000)', // 25
    ''
  ].join('\n')
}

/** A library's HTML helpers: an application object's method and a URL-encoded value in an href, beside raw text. */
const htmlHelpers = {
  'pyproject.toml':
    '[project]\nname = "tablehtml"\nversion = "1.0.0"\ndependencies = ["markupsafe"]\n',
  'tablehtml/__init__.py': 'from tablehtml.render import blob_link, column_link, label, raw_link\n',
  'tablehtml/render.py': [
    'import markupsafe', // 1
    'from urllib.parse import quote_plus', // 2
    '', // 3
    '', // 4
    'def blob_link(app, database, table):', // 5
    '    return markupsafe.Markup(\'<a href="{}">blob</a>\'.format(app.urls.row_blob(database, table)))', // 6
    '', // 7
    '', // 8
    'def column_link(column):', // 9
    '    return markupsafe.Markup(\'<a href="/t?col={}">sort</a>\'.format(quote_plus(column)))', // 10
    '', // 11
    '', // 12
    'def label(app, name):', // 13
    '    return markupsafe.Markup("<b>{}</b>".format(name.strip()))', // 14
    '', // 15
    '', // 16
    'def raw_link(column):', // 17
    '    return markupsafe.Markup(\'<a href="/t?col={}">sort</a>\'.format(column))', // 18
    ''
  ].join('\n')
}

/** An application (a console script) matching a quadratic pattern against a file's name and against free text. */
const routesApp = {
  'pyproject.toml':
    '[project]\nname = "pageroutes"\nversion = "1.0.0"\n\n[project.scripts]\npageroutes = "pageroutes.core:main"\n',
  'pageroutes/__init__.py': 'from pageroutes.core import route_for_file, route_for_title\n',
  'pageroutes/core.py': [
    'import re', // 1
    '', // 2
    'TRAILING = re.compile(r"\\s+$")', // 3
    '', // 4
    '', // 5
    'def route_for_file(filepath):', // 6
    '    return TRAILING.search(filepath)', // 7
    '', // 8
    '', // 9
    'def route_for_title(title):', // 10
    '    return TRAILING.search(title)', // 11
    ''
  ].join('\n')
}

/** The same module as a library: its caller may pass any text as a file name (path-parse's `filename`). */
const routesLibrary = {
  'pyproject.toml': '[project]\nname = "pageroutes"\nversion = "1.0.0"\n',
  'pageroutes/__init__.py': routesApp['pageroutes/__init__.py'],
  'pageroutes/core.py': routesApp['pageroutes/core.py']
}

/**
 * A library whose methods are assigned onto its exports object: a method that binds a local of its own name, beside
 * a helper the module really calls (with a constant).
 */
const units = {
  'package.json': JSON.stringify({ name: 'unit-text', version: '1.0.0', main: 'index.js' }),
  'index.js': [
    'var units = module.exports = { parse: {} }', // 1
    '', // 2
    'units.parse = function (text) {', // 3
    '  return units.parse.size(text)', // 4
    '}', // 5
    '', // 6
    'units.parse.size = function (text) {', // 7
    '  var size = /^(\\d+\\s*)+[kmg]b$/', // 8
    '  return text.match(size)', // 9
    '}', // 10
    '', // 11
    'function digits(text) {', // 12
    '  var re = /^(\\d+\\s*)+x$/', // 13
    '  return text.match(re)', // 14
    '}', // 15
    '', // 16
    'units.sample = function () {', // 17
    "  return digits('12x')", // 18
    '}', // 19
    ''
  ].join('\n')
}

describe('security: shapes judged false in session 16, each beside its real twin', () => {
  it('SQL injection (Python): a value checked against a fixed set is not reported; the unchecked twin and a substring test are', async () => {
    const result = await runFixture(security, flaskViews)
    expect(at(result, 'sqlInjection')).toEqual(['shelf/views.py:21', 'shelf/views.py:39'])
  })

  it('SQL injection (JavaScript): Set#has and Array#includes checks are not reported; the unchecked twin is', async () => {
    const result = await runFixture(security, expressApp)
    expect(at(result, 'sqlInjection')).toEqual(['server.js:15'])
  })

  it("xss: an application object's method and a quote_plus'd href value are not reported; raw text is", async () => {
    const result = await runFixture(security, htmlHelpers)
    expect(at(result, 'xss')).toEqual(['tablehtml/render.py:14', 'tablehtml/render.py:18'])
  })

  it("ReDoS: in an application, a polynomial pattern on a file's name is not reported; on free text it is", async () => {
    const result = await runFixture(security, routesApp)
    expect(at(result, 'redosOnInput')).toEqual(['pageroutes/core.py:11'])
  })

  it("ReDoS: in a library, a polynomial pattern on a caller's file name is still reported", async () => {
    const result = await runFixture(security, routesLibrary)
    expect(at(result, 'redosOnInput')).toEqual(['pageroutes/core.py:11', 'pageroutes/core.py:7'])
  })
})

describe('security: recall, a method assigned onto the exports object', () => {
  it('ReDoS: a local named like its method does not make the method internal; a helper called with a constant stays quiet', async () => {
    const result = await runFixture(security, units)
    expect(at(result, 'redosOnInput')).toEqual(['index.js:9'])
  })
})
