// ReDoS reached through a prototype method (`this.parse(text)` where `Cookie.prototype.parse = function
// parse`), through a list filtered from the input, into a prototype method the module also calls on its own
// instance, through a local bound to a choice with a literal branch, and decided for a case-insensitive alternation whose
// automaton is past the performance scan's bound. A length limit checked before a polynomial match bounds
// its cost: that shape is not reported.
import security from '../../perspectives/security/index.js'
import { checkRun, runFixture } from './harness.js'

const JS = {
  'package.json': '{ "name": "cookie-lib", "version": "1.0.0", "main": "cookie.js" }',
  'cookie.js': [
    'function Cookie(text) {',
    '  this.parse(text)',
    '}',
    'Cookie.prototype.parse = function parse(str) {',
    '  var parts = str.split(";").filter(function (v) { return !!v })',
    '  // planted: quadratic on a part without "="',
    '  return parts[0].match(/([^=]+)=([\\s\\S]*)/)',
    '}',
    'function Jar(text) {',
    '  this.parseBounded(text)',
    '}',
    'Jar.prototype.parseBounded = function parseBounded(str) {',
    '  // fixed: the length is limited before matching',
    '  if (str.length > 32768) return null',
    '  var parts = str.split(";").filter(function (v) { return !!v })',
    '  return parts[0].match(/([^=]+)=([\\s\\S]*)/)',
    '}',
    'exports.Cookie = Cookie',
    'exports.Jar = Jar',
    ''
  ].join('\n'),
  'types.js': [
    'function Types() {}',
    '// planted: a prototype method the module also calls on its own instance stays public',
    'Types.prototype.lookup = function (path) {',
    "  return path.replace(/.*[\\.\\/\\\\]/, '')",
    '}',
    'var types = new Types()',
    "types.fallback = types.lookup('bin')",
    'module.exports = types',
    ''
  ].join('\n'),
  'trim.js': [
    'exports.rtrim = function rtrim(str, chars) {',
    "  var pattern = chars ? new RegExp('[' + chars.replace(/[\\]\\\\]/g, '') + ']+$', 'g') : /(\\s)+$/g",
    '  // planted: the literal branch is quadratic on trailing white space followed by a letter',
    "  return str.replace(pattern, '')",
    '}',
    'exports.rtrimLinear = function rtrimLinear(str, chars) {',
    "  var pattern = chars ? new RegExp('[' + chars.replace(/[\\]\\\\]/g, '') + ']$', 'g') : /[ \\t]$/g",
    '  // fixed: the literal branch matches one character, in linear time',
    "  return str.replace(pattern, '')",
    '}',
    ''
  ].join('\n'),
  'duration.js': [
    'module.exports = function (val) {',
    '  return parse(val)',
    '}',
    'function parse(str) {',
    '  // planted: (?:\\d+)?\\.?\\d+ is quadratic on digits; the i flag makes the automaton large',
    '  var match = /^((?:\\d+)?\\.?\\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|years?|yrs?|y)?$/i.exec(str)',
    '  return match && parseFloat(match[1])',
    '}',
    ''
  ].join('\n')
}

const PY = {
  'pyproject.toml': '[project]\nname = "headers"\nversion = "1.0.0"\n',
  'headers/__init__.py': [
    'import re',
    '',
    'PAIR = re.compile(r"([^=]+)=(.*)")',
    '',
    '',
    'def parse(header):',
    '    """planted: quadratic on a header without "=" """',
    '    return PAIR.search(header)',
    '',
    '',
    'def parse_bounded(header):',
    '    """fixed: the length is limited before matching"""',
    '    if len(header) > 4096:',
    '        raise ValueError("header too long")',
    '    return PAIR.search(header)',
    ''
  ].join('\n')
}

const places = (r: Awaited<ReturnType<typeof runFixture>>) =>
  r.run.findings
    .filter((f) => f.messageId === 'redosOnInput')
    .map((f) => [f.file, f.startLine, f.symbol, f.confidence])
    .sort()

describe('security: ReDoS reach and length bounds', () => {
  it('JavaScript: follows this.method into a prototype method and a filtered list, decides a large case-insensitive alternation; a length limit before the match is not reported', async () => {
    const result = await runFixture(security, JS)
    expect(places(result)).toEqual([
      ['cookie.js', 7, 'parse', 'medium'],
      ['duration.js', 6, 'parse', 'medium'],
      ['trim.js', 4, 'rtrim', 'medium'],
      ['types.js', 4, 'lookup', 'medium']
    ])
    const cookie = result.run.findings.find((f) => f.file === 'cookie.js')
    expect(cookie?.message).toContain('Cookie(text) → parse(str)')
    expect(checkRun(result)).toEqual([])
  })

  it('Python: a compiled pattern searched on a parameter is reported; after a length limit it is not', async () => {
    const result = await runFixture(security, PY)
    expect(places(result)).toEqual([['headers/__init__.py', 8, 'parse', 'medium']])
    expect(checkRun(result)).toEqual([])
  })
})
