// Code built by a function of the module from its caller's values (`eval(createWrapper(fn.name))`,
// thenify's CVE-2020-7677) is the library's doing, not a wrapper handing its parameter on: medium, not low.
// The same value quoted as a literal first (JSON.stringify / repr) runs nothing.
import security from '../../perspectives/security/index.js'
import { checkRun, runFixture } from './harness.js'

const JS = {
  'package.json': '{ "name": "wrap-lib", "version": "1.0.0", "main": "wrap.js" }',
  'wrap.js': [
    'function source(name) {',
    "  return '(function ' + name + '() { return 1 })'",
    '}',
    '// planted: the function name is written into code that eval runs',
    'exports.wrap = function wrap(fn) {',
    '  return eval(source(fn.name))',
    '}',
    '// fixed: the name is quoted as a string literal before it is written into code',
    'exports.wrapQuoted = function wrapQuoted(fn) {',
    '  return eval(source(JSON.stringify(fn.name)))',
    '}',
    ''
  ].join('\n')
}

const PY = {
  'pyproject.toml': '[project]\nname = "wrap"\nversion = "1.0.0"\n',
  'wrap/__init__.py': [
    'def _source(name):',
    '    return "def " + name + "(): return 1"',
    '',
    '',
    'def wrap(name):',
    '    """planted: the name is written into code that exec runs"""',
    '    exec(_source(name))',
    '',
    '',
    'def wrap_quoted(name):',
    '    """fixed: the name is quoted as a literal first"""',
    '    exec(_source(repr(name)))',
    ''
  ].join('\n')
}

const places = (r: Awaited<ReturnType<typeof runFixture>>) =>
  r.run.findings
    .filter((f) => f.messageId === 'codeInjection')
    .map((f) => [f.file, f.startLine, f.symbol, f.confidence])

describe('security: code built by a function of the module', () => {
  it('JavaScript: eval of what a module function builds from a parameter is medium; quoted first it is not reported', async () => {
    const result = await runFixture(security, JS)
    expect(places(result)).toEqual([['wrap.js', 6, 'wrap', 'medium']])
    expect(checkRun(result)).toEqual([])
  })

  it('Python: exec of what a module function builds from a parameter is medium; repr first it is not reported', async () => {
    const result = await runFixture(security, PY)
    expect(places(result)).toEqual([['wrap/__init__.py', 7, 'wrap', 'medium']])
    expect(checkRun(result)).toEqual([])
  })
})
