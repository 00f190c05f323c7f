// Shapes judged false in judged round 11 (docs/evaluation/judged-session15.md), each beside the real twin that
// is still reported, by file and line: sqlite-utils's SQL built from identifiers passed through its own
// `quote_identifier` (which doubles embedded quotes), and its `where` parameter, a raw SQL fragment its
// caller writes by contract with the values passed apart in `where_args`.
import { describe, expect, it } from '@jest/globals'
import security from '../../perspectives/security/index.js'
import { runFixture, type FixtureRun } from './harness.js'

const at = (result: FixtureRun, messageId: string) =>
  result.run.findings
    .filter((f) => f.messageId === messageId)
    .map((f) => `${f.file}:${f.startLine}`)
    .sort()

const tableLibrary = {
  'pyproject.toml': '[project]\nname = "tablestore"\nversion = "1.0.0"\n',
  'tablestore/__init__.py': 'from tablestore.db import Table\n\n__all__ = ["Table"]\n',
  'tablestore/db.py': [
    'def quote_identifier(identifier):', // 1
    "    return '\"{}\"'.format(identifier.replace('\"', '\"\"'))", // 2
    '', // 3
    '', // 4
    'class Table:', // 5
    '    def __init__(self, conn, name):', // 6
    '        self.conn = conn', // 7
    '        self.name = name', // 8
    '', // 9
    '    def duplicate(self, new_name):', // 10
    '        sql = f"CREATE TABLE {quote_identifier(new_name)} AS SELECT * FROM {quote_identifier(self.name)}"', // 11
    '        self.conn.execute(sql)', // 12
    '', // 13
    '    def rows_where(self, where=None, where_args=None):', // 14
    '        sql = f"select * from {quote_identifier(self.name)} where {where}"', // 15
    '        return self.conn.execute(sql, where_args or []).fetchall()', // 16
    '', // 17
    '    def rows_by(self, column, value):', // 18
    '        sql = f"select * from items where {column} = ?"', // 19
    '        return self.conn.execute(sql, [value]).fetchall()', // 20
    ''
  ].join('\n')
}

/** flask-login's shape: the request's URL goes into the login URL's `next` query value, encoded. */
const loginViews = {
  'pyproject.toml': '[project]\nname = "gate"\nversion = "1.0.0"\ndependencies = ["flask"]\n',
  'gate/__init__.py': '',
  'gate/views.py': [
    'from urllib.parse import urlencode', // 1
    'from flask import Flask, redirect, request', // 2
    '', // 3
    'app = Flask(__name__)', // 4
    '', // 5
    '', // 6
    'def make_login_url(login_view, next_url=None):', // 7
    '    return login_view + "?" + urlencode({"next": next_url})', // 8
    '', // 9
    '', // 10
    '@app.route("/private")', // 11
    'def private():', // 12
    '    redirect_url = make_login_url("/login", next_url=request.url)', // 13
    '    return redirect(redirect_url)', // 14
    '', // 15
    '', // 16
    '@app.route("/go")', // 17
    'def go():', // 18
    '    target = request.args.get("to")', // 19
    '    return redirect(target)', // 20
    ''
  ].join('\n')
}

describe('security: shapes judged false in round 11, each beside its real twin', () => {
  it("SQL injection: a quote_identifier'd name and a `where` fragment are not reported; a raw column name is", async () => {
    const result = await runFixture(security, tableLibrary)
    expect(at(result, 'sqlInjection')).toEqual(['tablestore/db.py:20'])
  })

  it("open redirect: the request's URL as a keyword argument of a login-URL builder is not reported; a redirect to a query value is", async () => {
    const result = await runFixture(security, loginViews)
    expect(at(result, 'openRedirect')).toEqual(['gate/views.py:20'])
  })
})
