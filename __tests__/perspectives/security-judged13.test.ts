// Shapes the blind judge of session 13 found false (docs/evaluation/sec14.md), each beside the real twin
// that is still reported, by file and line: a redirect to the request's own absolute URL, a slow pattern
// on a docstring or on template source the package compiles into a function, a recursive copy into fresh
// objects, and a function of a CI script called with a literal.
import { describe, expect, it } from '@jest/globals'
import security from '../../perspectives/security/index.js'
import { runFixture, type FixtureRun } from './harness.js'

const at = (result: FixtureRun, messageId: string) =>
  result.run.findings
    .filter((f) => f.messageId === messageId)
    .map((f) => `${f.file}:${f.startLine}`)
    .sort()

/** Trailing-slash redirects to the request's own URL; the twin redirects to its path alone. */
const redirects = {
  'pyproject.toml': '[project]\nname = "router"\nversion = "1.0.0"\n',
  'router/__init__.py': '',
  'router/routing.py': [
    'from starlette.datastructures import URL', // 1
    'from starlette.responses import RedirectResponse', // 2
    '', // 3
    '', // 4
    'class Router:', // 5
    '    async def app(self, scope, receive, send):', // 6
    '        redirect_scope = dict(scope)', // 7
    '        redirect_url = URL(scope=redirect_scope)', // 8
    '        response = RedirectResponse(url=str(redirect_url))', // 9
    '        await response(scope, receive, send)', // 10
    '', // 11
    '    async def directory(self, scope, receive, send):', // 12
    '        url = URL(scope=scope)', // 13
    '        url = url.replace(path=url.path + "/")', // 14
    '        return RedirectResponse(url=url)', // 15
    '', // 16
    '    async def relative(self, scope, receive, send):', // 17
    '        url = URL(scope=scope)', // 18
    '        return RedirectResponse(url=url.path + "/")', // 19
    ''
  ].join('\n')
}

/** A docstring dialect's pattern on the handler's docstring; the same pattern on a header value. */
const docstrings = {
  'pyproject.toml': '[project]\nname = "apidocs"\nversion = "1.0.0"\n',
  'apidocs/__init__.py': '',
  'apidocs/dialects.py': [
    'import re', // 1
    '', // 2
    '', // 3
    'class GoogleDialect:', // 4
    '    def is_match(self, docstring: str) -> bool:', // 5
    '        return re.search(r"^([\\s\\t]*Args:?)", docstring, re.M) is not None', // 6
    '', // 7
    '', // 8
    'def handler_info(handler) -> bool:', // 9
    '    text = handler.__doc__', // 10
    '    return re.search(r"^([\\s\\t]*Args:?)", text, re.M) is not None', // 11
    '', // 12
    '', // 13
    'def header_args(value: str) -> bool:', // 14
    '    return re.search(r"^([\\s\\t]*Args:?)", value, re.M) is not None', // 15
    ''
  ].join('\n')
}

/** A template parser whose text the package compiles with `new Function`; a trim helper on caller text. */
const templates = {
  'package.json': JSON.stringify({ name: 'tmpl', type: 'module', main: 'src/index.js' }),
  'src/index.js': [
    "export * from './parse.js'",
    "export { default as compile } from './compile.js'",
    "export * from './trim.js'",
    ''
  ].join('\n'),
  'src/parse.js': [
    'export function parse(str, config) {', // 1
    '  if (config.rmWhitespace) {', // 2
    "    str = str.replace(/[\\r\\n]+/g, '\\n').replace(/^\\s+|\\s+$/gm, '')", // 3
    '  }', // 4
    '  return [str]', // 5
    '}', // 6
    ''
  ].join('\n'),
  'src/compile-string.js': [
    "import { parse } from './parse.js'",
    '',
    'export default function compileToString(str, config) {',
    '  const buffer = parse(str, config)',
    "  return 'return ' + JSON.stringify(buffer.join(''))",
    '}',
    ''
  ].join('\n'),
  'src/compile.js': [
    "import compileToString from './compile-string.js'",
    '',
    'export default function compile(str, config) {',
    '  var ctor = Function',
    "  return new ctor('it', compileToString(str, config))",
    '}',
    ''
  ].join('\n'),
  'src/trim.js': [
    'export function trimLines(text) {', // 1
    "  return text.replace(/[\\r\\n]+/g, '\\n').replace(/^\\s+|\\s+$/gm, '')", // 2
    '}', // 3
    ''
  ].join('\n')
}

/** A config copy that recurses into fresh objects; a merge that recurses into the target's own members. */
const copies = {
  'package.json': JSON.stringify({ name: 'cfg', main: 'lib/index.js' }),
  'src/utils.ts': [
    'export function copyProps<T>(toObj: T, fromObj: T) {', // 1
    '  for (const key in fromObj) {', // 2
    "    if (fromObj[key] != null && typeof fromObj[key] == 'object') {", // 3
    '      toObj[key] = copyProps({} as T[Extract<keyof T, string>], fromObj[key])', // 4
    '    } else {', // 5
    '      toObj[key] = fromObj[key]', // 6
    '    }', // 7
    '  }', // 8
    '  return toObj', // 9
    '}', // 10
    ''
  ].join('\n'),
  'lib/index.js': [
    'exports.copyProps = function copyProps(toObj, fromObj) {', // 1
    '  for (var key in fromObj) {', // 2
    '    if (Object.prototype.hasOwnProperty.call(fromObj, key)) {', // 3
    "      if (fromObj[key] != null && typeof fromObj[key] == 'object') {", // 4
    '        toObj[key] = copyProps({}, fromObj[key])', // 5
    '      } else {', // 6
    '        toObj[key] = fromObj[key]', // 7
    '      }', // 8
    '    }', // 9
    '  }', // 10
    '  return toObj', // 11
    '}', // 12
    '', // 13
    'exports.mergeProps = function mergeProps(toObj, fromObj) {', // 14
    '  for (var key in fromObj) {', // 15
    "    if (fromObj[key] != null && typeof fromObj[key] == 'object') {", // 16
    '      toObj[key] = mergeProps(toObj[key] || {}, fromObj[key])', // 17
    '    } else {', // 18
    '      toObj[key] = fromObj[key]', // 19
    '    }', // 20
    '  }', // 21
    '  return toObj', // 22
    '}', // 23
    ''
  ].join('\n')
}

/** A docs script a workflow runs: a function called with a literal, and a branch read from argv. */
const script = {
  'pyproject.toml': '[project]\nname = "site"\nversion = "1.0.0"\n',
  'site/__init__.py': 'VERSION = "1.0.0"\n',
  '.github/workflows/docs.yml': [
    'name: docs',
    'on: push',
    'jobs:',
    '  docs:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: python tools/build_docs.py',
    ''
  ].join('\n'),
  'tools/build_docs.py': [
    'import subprocess', // 1
    'import sys', // 2
    '', // 3
    '', // 4
    'def checkout(branch: str) -> None:', // 5
    '    subprocess.run(["git", "checkout", branch], check=True)', // 6
    '', // 7
    '', // 8
    'def publish() -> None:', // 9
    '    subprocess.run(["git", "push", "origin", sys.argv[1]], check=True)', // 10
    '', // 11
    '', // 12
    'def main() -> None:', // 13
    '    checkout("gh-pages")', // 14
    '    publish()', // 15
    '', // 16
    '', // 17
    'if __name__ == "__main__":', // 18
    '    main()', // 19
    ''
  ].join('\n')
}

describe('security: shapes judged false in session 13, each beside its real twin', () => {
  it("open redirect: the request's own absolute URL is not reported; its path alone is", async () => {
    const result = await runFixture(security, redirects)
    expect(at(result, 'openRedirect')).toEqual(['router/routing.py:19'])
  })

  it('ReDoS: a docstring, by name or read from __doc__, is not reported; a header value is', async () => {
    const result = await runFixture(security, docstrings)
    expect(at(result, 'redosOnInput')).toEqual(['apidocs/dialects.py:15'])
  })

  it('ReDoS: template source the package compiles with new Function is not reported; caller text is', async () => {
    const result = await runFixture(security, templates)
    expect(at(result, 'redosOnInput')).toEqual(['src/trim.js:2'])
  })

  it('prototype pollution: a copy that recurses into fresh objects is not reported; a merge into the target is', async () => {
    const result = await runFixture(security, copies)
    expect(at(result, 'prototypePollution')).toEqual(['lib/index.js:14'])
  })

  it("a CI script's function called with a literal is not an entry; argv in the same script is", async () => {
    const result = await runFixture(security, script)
    expect(at(result, 'argumentInjection')).toEqual(['tools/build_docs.py:10'])
  })
})
