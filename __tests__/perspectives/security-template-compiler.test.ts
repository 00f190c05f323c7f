// Template compilers build a function from a template: the template's literal text goes in quoted
// (`text.replace(escaper, escapeChar)`) and its code blocks are code by contract, but the compiled
// function's parameter list must be names. An option that becomes a parameter name unchecked is code
// injection (underscore's and lodash's `settings.variable`); one matched against an identifier pattern
// first is not, and neither is the escaped template text. Planted by file and line; fixed shapes absent.
import security from '../../perspectives/security/index.js'
import { checkRun, runFixture } from './harness.js'

const lineOf = (lines: string[], marker: string): number => {
  const index = lines.findIndex((l) => l.includes(marker))
  if (index < 0) throw new Error(`fixture has no line with ${marker}`)
  return index + 1
}

const compileJs = [
  "var escapes = { \"'\": \"'\", '\\\\': '\\\\', '\\n': 'n' }",
  "var escaper = /\\\\|'|\\n/g",
  'var identifier = /^\\s*[A-Za-z_$][\\w$]*\\s*$/',
  'function escapeChar(match) { return "\\\\" + escapes[match] }',
  'function body(text) {',
  '  var source = "__p+=\'"',
  '  source += text.replace(escaper, escapeChar)',
  '  return source + "\';\\nreturn __p;"',
  '}',
  '// planted: the variable name goes into the parameter list unchecked',
  'export function template(text, settings) {',
  "  var source = \"var __p='';\\n__p+='\"",
  '  source += text.replace(escaper, escapeChar)',
  '  source += "\';\\nreturn __p;\\n"',
  "  return new Function(settings.variable || 'obj', '_', source) // P1",
  '}',
  '// fixed: the variable name is matched against an identifier first',
  'export function checkedTemplate(text, settings) {',
  "  var source = \"var __p='';\\n__p+='\"",
  '  source += text.replace(escaper, escapeChar)',
  '  source += "\';\\nreturn __p;\\n"',
  "  var argument = settings.variable || 'obj'",
  "  if (!identifier.test(argument)) throw new Error('variable is not an identifier: ' + argument)",
  "  return new Function(argument, '_', source)",
  '}',
  '// fixed: only the escaped template text is built into the body',
  'export function plainTemplate(text) {',
  "  var source = \"var __p='';\\n__p+='\"",
  '  source += text.replace(escaper, escapeChar)',
  '  source += "\';\\nreturn __p;\\n"',
  "  return new Function('obj', source)",
  '}',
  ''
]

describe('security: template compilers', () => {
  it('reports an option that becomes a parameter name unchecked, not a checked one or the escaped template', async () => {
    const result = await runFixture(security, {
      'package.json':
        '{ "name": "tpl", "version": "1.0.0", "type": "module", "main": "compile.js" }',
      'compile.js': compileJs.join('\n')
    })
    const found = result.run.findings
      .filter((f) => f.messageId === 'codeInjection')
      .map((f) => [f.file, f.startLine, f.confidence])
    expect(found).toEqual([['compile.js', lineOf(compileJs, 'P1'), 'medium']])
    expect(checkRun(result)).toEqual([])
  })
})
