// Shapes the blind judge of session 15 found false (docs/evaluation/sec18-verdicts.json), each beside its
// real twin, by file and line: input that is the developer's own (template source the package compiles to
// code through methods of its instance, a registered route pattern, the operator's signing key), a value
// only tested in a conditional, never interpolated, and a signal receiver the framework calls with its own
// rows.
import { describe, expect, it } from '@jest/globals'
import security from '../../perspectives/security/index.js'
import { runFixture, type FixtureRun } from './harness.js'

const at = (result: FixtureRun, messageId: string) =>
  result.run.findings
    .filter((f) => f.messageId === messageId)
    .map((f) => `${f.file}:${f.startLine}`)
    .sort()

const parseJs = [
  'const closing = /\\s*(-)?%>/g', // 1
  '', // 2
  'export function parse(str) {', // 3
  '  const parts = str.split(closing)', // 4
  '  return parts', // 5
  '}', // 6
  ''
].join('\n')

/** A template engine: parse is installed on the instance and its result compiled with a Function constructor. */
const engine = {
  'package.json': JSON.stringify({
    name: 'tiny-engine',
    version: '1.0.0',
    type: 'module',
    main: 'src/index.js'
  }),
  'src/parse.js': parseJs,
  'src/compile-string.js': [
    'export function compileToString(str) {', // 1
    '  const buffer = this.parse.call(this, str)', // 2
    "  return 'return ' + JSON.stringify(buffer.join(''))", // 3
    '}', // 4
    ''
  ].join('\n'),
  'src/compile.js': [
    'export function compile(str) {', // 1
    '  const ctor = Function', // 2
    "  return new ctor('it', this.compileToString.call(this, str))", // 3
    '}', // 4
    ''
  ].join('\n'),
  'src/index.js': [
    "import { parse } from './parse.js'", // 1
    "import { compileToString } from './compile-string.js'", // 2
    "import { compile } from './compile.js'", // 3
    '', // 4
    'export class Engine {', // 5
    '  parse = parse', // 6
    '  compileToString = compileToString', // 7
    '  compile = compile', // 8
    '}', // 9
    "export { parse } from './parse.js'", // 10
    ''
  ].join('\n')
}

/** The same parser in a library that compiles nothing: its caller's text is input. */
const splitter = {
  'package.json': JSON.stringify({
    name: 'tiny-splitter',
    version: '1.0.0',
    type: 'module',
    main: 'src/parse.js'
  }),
  'src/parse.js': parseJs
}

/** A router: a registered route pattern and the operator's key beside a request-like text parameter. */
const router = {
  'package.json': JSON.stringify({
    name: 'tiny-router',
    version: '1.0.0',
    type: 'module',
    main: 'index.js'
  }),
  'index.js': [
    'const braces = /\\{[^}]+\\}/', // 1
    'const pemLines = /-+BEGIN[^-]*-+([\\s\\S]*?)\\s*-+END/', // 2
    '', // 3
    'export function paramsOf(routePath) {', // 4
    '  return routePath.match(braces)', // 5
    '}', // 6
    '', // 7
    'export function keyBody(privateKey) {', // 8
    '  return privateKey.match(pemLines)', // 9
    '}', // 10
    '', // 11
    'export function firstBrace(text) {', // 12
    '  return text.match(braces)', // 13
    '}', // 14
    ''
  ].join('\n')
}

/** Formatters: a value that only picks an icon, beside one interpolated as it is; JS and Python. */
const formatters = {
  'pyproject.toml':
    '[project]\nname = "cellfmt"\nversion = "1.0.0"\ndependencies = ["markupsafe"]\n',
  'cellfmt/__init__.py': 'from cellfmt.fmt import bool_cell, raw_cell\n',
  'cellfmt/fmt.py': [
    'from markupsafe import Markup', // 1
    '', // 2
    '', // 3
    'def bool_cell(value):', // 4
    '    icon = "check" if value else "minus"', // 5
    '    return Markup(f\'<i class="fa fa-{icon}" title="{"yes" if value else "no"}"></i>\')', // 6
    '', // 7
    '', // 8
    'def raw_cell(value):', // 9
    '    icon = value if value else "minus"', // 10
    '    return Markup(f\'<i class="fa fa-{icon}"></i>\')', // 11
    ''
  ].join('\n')
}

const jsFormatters = {
  'package.json': JSON.stringify({
    name: 'cellfmt-js',
    version: '1.0.0',
    type: 'module',
    main: 'index.js'
  }),
  'index.js': [
    'export function boolCell(el, value) {', // 1
    "  const icon = value ? 'check' : 'minus'", // 2
    '  el.innerHTML = `<i class="fa fa-${icon}"></i>`', // 3
    '}', // 4
    '', // 5
    'export function rawCell(el, value) {', // 6
    "  const icon = value ? value : 'minus'", // 7
    '  el.innerHTML = `<i class="fa fa-${icon}"></i>`', // 8
    '}', // 9
    ''
  ].join('\n')
}

/** A Django app: a post_delete receiver removes the row's own file; a plain function removes a caller's name. */
const djangoApp = {
  'pyproject.toml': '[project]\nname = "shelfapp"\nversion = "1.0.0"\ndependencies = ["django"]\n',
  'manage.py':
    'import sys\nfrom django.core.management import execute_from_command_line\nexecute_from_command_line(sys.argv)\n',
  'shelfapp/__init__.py': '',
  'shelfapp/models.py': [
    'import os', // 1
    'from django.db import models', // 2
    'from django.db.models.signals import post_delete', // 3
    'from django.dispatch import receiver', // 4
    '', // 5
    'ROOT = "/srv/files"', // 6
    '', // 7
    '', // 8
    'class Asset(models.Model):', // 9
    '    file = models.CharField(max_length=64)', // 10
    '', // 11
    '', // 12
    '@receiver(post_delete, sender=Asset)', // 13
    'def asset_deleted(sender, instance, **kwargs):', // 14
    '    filepath = os.path.join(ROOT, instance.file)', // 15
    '    os.remove(filepath)', // 16
    '', // 17
    '', // 18
    'def remove_file(name):', // 19
    '    filepath = os.path.join(ROOT, name)', // 20
    '    os.remove(filepath)', // 21
    ''
  ].join('\n')
}

/** A log-format compiler: a regex literal with `(?:…)?` in the code it builds, beside no conditional at all. */
const logFormat = {
  'package.json': JSON.stringify({
    name: 'tiny-log',
    version: '1.0.0',
    type: 'module',
    main: 'index.js'
  }),
  'index.js': [
    'export function compile(format) {', // 1
    '  const fmt = format.replace(/"/g, \'\\\\"\')', // 2
    "  const js = 'return \"' + fmt.replace(/:([-\\w]{2,})(?:\\[([^\\]]+)\\])?/g, function (_, name) {", // 3
    "    return '\" + tokens[' + JSON.stringify(name) + '] + \"'", // 4
    "  }) + '\"'", // 5
    "  return new Function('tokens', js)", // 6
    '}', // 7
    ''
  ].join('\n')
}

describe('security: input the developer writes, judged false in session 15, beside its real twin', () => {
  it('ReDoS: template source compiled through the instance (`this.parse.call`) is not reported', async () => {
    const result = await runFixture(security, engine)
    expect(at(result, 'redosOnInput')).toEqual([])
  })

  it('ReDoS: the same parser in a library that compiles nothing is reported', async () => {
    const result = await runFixture(security, splitter)
    expect(at(result, 'redosOnInput')).toEqual(['src/parse.js:4'])
  })

  it('ReDoS: a route pattern and a private key are not reported; free text through the same pattern is', async () => {
    const result = await runFixture(security, router)
    expect(at(result, 'redosOnInput')).toEqual(['index.js:13'])
  })
})

describe('security: a value only tested in a conditional is not interpolated', () => {
  it('xss (Python): an icon picked by the value is not reported; the value as a branch is', async () => {
    const result = await runFixture(security, formatters)
    expect(at(result, 'xss')).toEqual(['cellfmt/fmt.py:11'])
  })

  it("code injection: a regex literal's `?` and `:` are no conditional (the format still reaches Function)", async () => {
    const result = await runFixture(security, logFormat)
    expect(at(result, 'codeInjection')).toEqual(['index.js:6'])
  })

  it('xss (JavaScript): the same with `?:`', async () => {
    const result = await runFixture(security, jsFormatters)
    expect(at(result, 'xss')).toEqual(['index.js:8'])
  })
})

describe('security: a signal receiver is no entry point', () => {
  it("path traversal: a post_delete receiver's row is not input; a public function's name is", async () => {
    const result = await runFixture(security, djangoApp)
    expect(at(result, 'pathTraversal')).toEqual(['shelfapp/models.py:21'])
  })
})
