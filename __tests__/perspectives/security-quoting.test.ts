// Code injection through compiled code: a value quoted as a literal of the code it is built into
// (JSON.stringify in JavaScript, repr / json.dumps in Python) cannot run, so the fixed form of a format
// compiler is not reported while the form that pastes the value between quotes is.
import security from '../../perspectives/security/index.js'
import { checkRun, runFixture } from './harness.js'

const JS = {
  'package.json': '{ "name": "format-compiler", "version": "1.0.0", "type": "module" }',
  'src/compile.js': [
    '// planted: the format is pasted between double quotes, so `"+process.exit()+"` runs',
    'export function compileFormat(format) {',
    `  const js = 'return "' + format + '"'`,
    "  return new Function('tokens', js)",
    '}',
    '',
    '// fixed: the format is quoted as a JavaScript string literal before tokens are spliced in',
    'export function compileFormatSafely(format) {',
    '  const fmt = String(JSON.stringify(format))',
    `  const js = 'return ' + fmt.replace(/:(\\w+)/g, (_, name) => '" + tokens[' + JSON.stringify(name) + '] + "')`,
    "  return new Function('tokens', js)",
    '}',
    '',
    '// fixed: quoted in the argument itself',
    'export function constantSafely(value) {',
    "  return new Function('return ' + JSON.stringify(value))",
    '}',
    ''
  ].join('\n')
}

const PY = {
  'pyproject.toml': '[project]\nname = "getters"\nversion = "1.0.0"\n',
  'getters/__init__.py': [
    'import json',
    '',
    '',
    'def make_getter(field):',
    '    """planted: the field is pasted between quotes, so a quote in it ends the literal"""',
    `    return eval("lambda row: row['" + field + "']")`,
    '',
    '',
    'def make_getter_safely(field):',
    '    """fixed: repr quotes the field as a Python literal"""',
    '    return eval("lambda row: row[" + repr(field) + "]")',
    '',
    '',
    'def make_default_safely(value):',
    '    """fixed: json.dumps quotes it, through a local"""',
    '    literal = json.dumps(value)',
    '    return eval("lambda: " + literal)',
    ''
  ].join('\n')
}

const places = (r: Awaited<ReturnType<typeof runFixture>>) =>
  r.run.findings.map((f) => [f.messageId, f.file, f.startLine, f.symbol, f.confidence])

describe('security: values quoted as code literals', () => {
  it('JavaScript: Function built from a pasted format is reported; JSON.stringify-quoted forms are not', async () => {
    const result = await runFixture(security, JS)
    expect(places(result)).toEqual([
      ['codeInjection', 'src/compile.js', 4, 'compileFormat', 'medium']
    ])
    expect(checkRun(result)).toEqual([])
  })

  it('Python: eval of a pasted field is reported; repr and json.dumps quoted forms are not', async () => {
    const result = await runFixture(security, PY)
    expect(places(result)).toEqual([
      ['codeInjection', 'getters/__init__.py', 6, 'make_getter', 'medium']
    ])
    expect(checkRun(result)).toEqual([])
  })
})
