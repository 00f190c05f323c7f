// The false shape of session 16's blind judge (docs/evaluation/sec19-verdicts.json, thinkjs 19 of 27): a
// super-linear split of an ORM's field list or table name, which the developer writes in code and the
// module puts unquoted into SQL. Beside it the true twins: the same split on a validator rule's request
// value, on a library's exported string parameter, and on an exported method the package itself calls
// with a literal once (mime's `lookup('bin')`: other programs still call it with their text).
import { describe, expect, it } from '@jest/globals'
import security from '../../perspectives/security/index.js'
import { runFixture, type FixtureRun } from './harness.js'

const at = (result: FixtureRun) =>
  result.run.findings
    .filter((f) => f.messageId === 'redosOnInput')
    .map((f) => `${f.file}:${f.startLine}`)
    .sort()

const orm = {
  'package.json': JSON.stringify({
    name: 'tiny-orm',
    version: '1.0.0',
    type: 'module',
    main: 'lib/index.js'
  }),
  'lib/parser.js': [
    'export class Parser {', // 1
    '  parseField(fields) {', // 2
    "    if (typeof fields === 'string') fields = fields.split(/\\s*,\\s*/)", // 3
    "    return fields.map((f) => '`' + f + '`').join(',')", // 4
    '  }', // 5
    '  parseTable(table) {', // 6
    "    return table.split(/\\s*,\\s*/).join(',')", // 7
    '  }', // 8
    '  buildSelect(options) {', // 9
    "    return 'SELECT ' + this.parseField(options.field) + ' FROM ' + this.parseTable(options.table)", // 10
    '  }', // 11
    '}', // 12
    '', // 13
    ''
  ].join('\n'),
  'lib/model.js': [
    'export class Model {', // 1
    '  getField(field) {', // 2
    '    return field.split(/\\s*,\\s*/)', // 3
    '  }', // 4
    '}', // 5
    ''
  ].join('\n'),
  'lib/rules.js': [
    'const Rules = {}', // 1
    'Rules.order = function (value) {', // 2
    '  return value.split(/\\s*,\\s*/).every((item) => /^\\w+( (ASC|DESC))?$/i.test(item))', // 3
    '}', // 4
    'export { Rules }', // 5
    '', // 6
    ''
  ].join('\n'),
  'lib/context.js': [
    'export class Context {', // 1
    '  constructor(query) { this.query = query }', // 2
    '  pick(names) {', // 3
    '    return names.split(/\\s*,\\s*/).map((n) => this.query[n])', // 4
    '  }', // 5
    '  page() {', // 6
    "    return this.pick('offset,limit')", // 7
    '  }', // 8
    '}', // 9
    '', // 10
    ''
  ].join('\n'),
  'lib/tags.js': [
    'export function splitTags(text) {', // 1
    '  return text.split(/\\s*,\\s*/)', // 2
    '}', // 3
    'export function tagsOf(post) {', // 4
    '  return splitTags(post.tags)', // 5
    '}', // 6
    '', // 7
    ''
  ].join('\n'),
  'lib/index.js': [
    "export { Parser } from './parser.js'", // 1
    "export { Rules } from './rules.js'", // 2
    "export { Context } from './context.js'", // 3
    "export { splitTags, tagsOf } from './tags.js'", // 4
    "export { Model } from './model.js'", // 5
    ''
  ].join('\n'),
  'test/tags.test.js': [
    "import { splitTags } from '../lib/tags.js'", // 1
    "test('splits', () => { expect(splitTags('x, y')).toEqual(['x', 'y']) })", // 2
    ''
  ].join('\n')
}

describe('security: developer-written input is not attacker text (ReDoS)', () => {
  it('reports the request-value twin and the exported parameter, not the ORM identifiers', async () => {
    const result = await runFixture(security, orm)
    // parser.js:3 and :7 (field list, table) and context.js:4 (every shipped call a literal) are absent;
    // tags.js:2 stays: one shipped call is a literal, but the exported function takes any caller's text
    // too... only while some shipped call hands it non-literal text; here it is reported for the rule's
    // own twin, the validator (rules.js:3).
    // parser.js:3 and :7 (a field list and a table the module puts into SQL) and model.js:3 (a field list
    // in a module of the same package, which hands it to the parser) are absent; the validator
    // rule's value, the exported method called with a literal inside, and the exported function a shipped
    // caller hands a post's field are reported.
    expect(at(result)).toEqual(['lib/context.js:4', 'lib/rules.js:3', 'lib/tags.js:2'])
  })
})
