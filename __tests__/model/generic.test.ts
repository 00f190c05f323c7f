// The generic extractor on one small fixture per language: functions (name, line, exported),
// classes, imports, calls, raise sites, handlers, conditions, loops and test cases.
import type { ModuleModel } from '../../src/model/types.js'
import { extractFixture, extractText } from './generic-helpers.js'

const fns = (m: ModuleModel): [string, string, number, boolean][] =>
  m.functions.map((f) => [f.qualifiedName, f.kind, f.loc.startLine, f.exported])
const params = (m: ModuleModel, name: string): string[] =>
  (m.functions.find((f) => f.qualifiedName === name)?.params ?? []).map(
    (p) =>
      `${p.rest ? '...' : ''}${p.name}${p.type ? `: ${p.type}` : ''}${p.defaultValue ? ` = ${p.defaultValue}` : ''}`
  )
const imports = (m: ModuleModel): string[] =>
  m.imports.map(
    (i) =>
      `${i.source} {${i.names.map((n) => (n.imported === n.local ? n.imported : `${n.imported} as ${n.local}`)).join(', ')}}`
  )
const calls = (m: ModuleModel): [string, string, string | undefined, number][] =>
  m.calls.map((c) => [c.callee, c.name, c.receiver, c.loc.startLine])
const cases = (m: ModuleModel): [string, string, string | undefined, number][] =>
  (m.test?.cases ?? []).map((c) => [c.name, c.kind, c.modifier, c.loc.startLine])

describe('Go', () => {
  let m: ModuleModel
  beforeAll(async () => {
    m = await extractFixture('go', 'server.go', true)
  })
  test('functions, receivers, exported by capital letter', () => {
    expect(fns(m)).toEqual([
      ['Server.Start', 'method', 18, true],
      ['helper', 'function', 35, false],
      ['TestStart', 'function', 37, true]
    ])
    expect(params(m, 'Server.Start')).toEqual(['port: int', '...opts: string'])
    expect(params(m, 'helper')).toEqual(['a: int', 'b: int'])
    expect(m.functions[0]).toMatchObject({
      className: 'Server',
      returnType: '(bool, error)',
      complexity: 6
    })
  })
  test('structs and interfaces with members; imports', () => {
    expect(
      m.classes.map((c) => [
        c.name,
        c.exported,
        c.members.map((x) => `${x.name}:${x.kind}:${x.visibility}`)
      ])
    ).toEqual([
      ['Server', true, ['Name:property:public', 'port:property:private', 'Start:method:public']],
      ['Handler', true, ['Serve:method:public']]
    ])
    expect(imports(m)).toEqual(['fmt {* as fmt}', 'strings {* as str}', 'os {* as os}'])
  })
  test('calls, panic, conditions, loops, switch and go test functions', () => {
    expect(calls(m)).toEqual([
      ['panic', 'panic', undefined, 20],
      ['fmt.Println', 'Println', 'fmt', 23],
      ['t.Run', 'Run', 't', 38]
    ])
    expect(m.throws.map((t) => [t.message, t.guard, t.loc.startLine])).toEqual([
      ['bad port', 'port < 1024 || s.Name == ""', 20]
    ])
    expect(m.conditions[0].comparisons.map((c) => [c.left, c.operator, c.literal])).toEqual([
      ['port', '<', 1024],
      ['s.Name', '==', '']
    ])
    expect(m.loops.map((l) => [l.kind, l.iterates, l.loc.startLine])).toEqual([
      ['for', undefined, 22],
      ['for-of', 'opts', 25]
    ])
    expect(m.switches.map((s) => [s.discriminant, s.cases, s.hasDefault])).toEqual([
      ['port', ['case 80', 'default'], true]
    ])
    expect(m.strings.map((s) => [s.value, s.loc.startLine, s.enclosing])).toEqual([
      ['fmt', 4, undefined],
      ['strings', 5, undefined],
      ['os', 7, undefined],
      ['', 19, 'Server.Start'],
      ['bad port', 20, 'Server.Start'],
      ['x', 38, 'TestStart']
    ])
    expect(m.test?.framework).toBe('go-test')
    expect(cases(m)).toEqual([['TestStart', 'test', undefined, 37]])
  })
})

describe('Java', () => {
  let m: ModuleModel
  beforeAll(async () => {
    m = await extractFixture('java', 'Service.java', true)
  })
  test('methods, constructors, public as exported, parameters', () => {
    expect(fns(m)).toEqual([
      ['Service.Service', 'constructor', 9, true],
      ['Service.testRun', 'method', 11, true],
      ['Service.helper', 'method', 27, false],
      ['Shape.area', 'method', 30, true],
      ['ServiceTest.skipped', 'method', 33, false]
    ])
    expect(params(m, 'Service.helper')).toEqual(['a: int', '...rest: String'])
    expect(m.classes.map((c) => [c.name, c.exported, c.bases])).toEqual([
      ['Service', true, ['Base', 'Runnable']],
      ['Shape', false, []],
      ['ServiceTest', false, []]
    ])
    expect(imports(m)).toEqual(['java.util {List}', 'org.junit.Assert {*}'])
  })
  test('throw with guard, catch handler that only logs, new expressions', () => {
    expect(m.throws.map((t) => [t.errorType, t.message, t.guard, t.loc.startLine])).toEqual([
      ['IllegalStateException', 'too many', 'count > 10 && name != null', 15]
    ])
    expect(
      m.tries.map((t) => [
        t.hasFinally,
        t.handlers.map((h) => [h.types, h.param, h.onlyLogs, h.empty])
      ])
    ).toEqual([[true, [[['IOException', 'RuntimeException'], 'e', true, false]]]])
    expect(m.calls.filter((c) => c.isNew).map((c) => [c.callee, c.loc.startLine])).toEqual([
      ['IllegalStateException', 15],
      ['Foo', 24]
    ])
    expect(calls(m)).toContainEqual(['System.out.println', 'println', 'System.out', 17])
  })
  test('JUnit @Test methods, @Disabled as skip', () => {
    expect(m.test?.framework).toBe('junit')
    expect(cases(m)).toEqual([
      ['Service', 'suite', undefined, 6],
      ['Service.testRun', 'test', undefined, 11],
      ['ServiceTest', 'suite', undefined, 32],
      ['ServiceTest.skipped', 'test', 'skip', 33]
    ])
  })
})

describe('Rust', () => {
  let m: ModuleModel
  beforeAll(async () => {
    m = await extractFixture('rust', 'point.rs', true)
  })
  test('impl methods take the type name; pub and trait impls are exported', () => {
    expect(fns(m)).toEqual([
      ['Point.area', 'method', 9, true],
      ['Point.new', 'method', 13, true],
      ['tests.it_works', 'function', 25, false],
      ['slow_test', 'function', 30, false]
    ])
    expect(params(m, 'Point.new')).toEqual(['x: i32', 'y: i32'])
    expect(m.classes.map((c) => [c.name, c.exported, c.members.map((x) => x.name)])).toEqual([
      ['Point', true, ['x', 'y', 'area', 'new']],
      ['Shape', true, []]
    ])
    expect(imports(m)).toEqual(['std::collections {HashMap}', 'crate::util {a, b as c}'])
  })
  test('panic! is a raise site, macros are calls, #[test] and #[ignore]', () => {
    expect(m.throws.map((t) => [t.message, t.guard, t.loc.startLine])).toEqual([
      ['negative {}', 'x < 0', 14]
    ])
    expect(calls(m).map((c) => c[0])).toEqual([
      'panic!',
      'println!',
      'compute(x).unwrap',
      'compute',
      'assert_eq!'
    ])
    expect(m.switches.map((s) => [s.kind, s.discriminant, s.hasDefault])).toEqual([
      ['match', 'x', true]
    ])
    expect(m.test?.framework).toBe('cargo-test')
    expect(cases(m)).toEqual([
      ['tests.it_works', 'test', undefined, 25],
      ['slow_test', 'test', 'skip', 30]
    ])
  })
})

describe('Ruby', () => {
  let m: ModuleModel
  beforeAll(async () => {
    m = await extractFixture('ruby', 'invoice.rb', true)
  })
  test('methods in modules and classes; private after `private`', () => {
    expect(fns(m)).toEqual([
      ['Billing.Invoice.initialize', 'constructor', 8, true],
      ['Billing.Invoice.build', 'method', 12, true],
      ['Billing.Invoice.secret', 'method', 31, false]
    ])
    expect(params(m, 'Billing.Invoice.initialize')).toEqual([
      'total',
      '...items',
      'currency = "EUR"',
      '...block'
    ])
    expect(m.classes.map((c) => [c.qualifiedName, c.bases])).toEqual([
      ['Billing', []],
      ['Billing.Invoice', ['Base']]
    ])
    expect(imports(m)).toEqual(['json {}', './lib/helper {}'])
  })
  test('raise with a modifier guard, rescue that only logs, RSpec cases', () => {
    expect(m.throws.map((t) => [t.errorType, t.message, t.guard, t.loc.startLine])).toEqual([
      ['ArgumentError', 'bad', 'x.nil?', 13]
    ])
    expect(
      m.tries.map((t) => [t.hasFinally, t.handlers.map((h) => [h.types, h.param, h.onlyLogs])])
    ).toEqual([[true, [[['IOError', 'Timeout::Error'], 'e', true]]]])
    expect(m.loops.map((l) => [l.kind, l.loc.startLine])).toEqual([['while', 22]])
    expect(
      m.conditions
        .find((c) => c.kind === 'while')
        ?.comparisons.map((c) => [c.left, c.operator, c.literal])
    ).toEqual([['x', '>', 0]])
    expect(m.test?.framework).toBe('rspec')
    expect(cases(m)).toEqual([
      ['Invoice', 'suite', undefined, 35],
      ['adds', 'test', undefined, 36],
      ['skips', 'test', 'skip', 39]
    ])
  })
})

describe('C#', () => {
  let m: ModuleModel
  beforeAll(async () => {
    m = await extractFixture('csharp', 'Cart.cs', true)
  })
  test('methods, constructors, properties, public as exported', () => {
    expect(fns(m)).toEqual([
      ['Cart.Cart', 'constructor', 12, true],
      ['Cart.Add', 'method', 14, true],
      ['Cart.Helper', 'method', 27, false],
      ['IShape.Area', 'method', 29, true],
      ['CartTests.Slow', 'method', 35, true]
    ])
    expect(params(m, 'Cart.Add').slice(0, 2)).toEqual(['item: string', 'qty: int'])
    expect(
      m.classes[0].members.map(
        (x) => `${x.name}:${x.kind}:${x.visibility}${x.static ? ':static' : ''}`
      )
    ).toEqual([
      'count:property:private',
      'Name:property:public',
      'Cart:constructor:public',
      'Add:method:public',
      'Helper:method:public:static'
    ])
    expect(imports(m)).toEqual(['System {*}', 'System.IO {*}', 'Xunit {*}'])
  })
  test('throw, empty catch, bare catch that rethrows, xUnit facts with Skip', () => {
    expect(
      m.throws.map((t) => [t.errorType, t.message, t.guard, t.rethrow, t.loc.startLine])
    ).toEqual([
      ['ArgumentException', 'qty', 'qty <= 0 || item == null', false, 17],
      [undefined, undefined, undefined, true, 21]
    ])
    expect(
      m.tries[0].handlers.map((h) => [h.types, h.bare, h.empty, h.swallows, h.rethrows])
    ).toEqual([
      [['IOException'], false, true, true, false],
      [[], true, false, false, true]
    ])
    expect(m.test?.framework).toBe('xunit')
    expect(cases(m)).toEqual([
      ['Cart', 'suite', undefined, 7],
      ['Cart.Add', 'test', undefined, 14],
      ['CartTests', 'suite', undefined, 33],
      ['CartTests.Slow', 'test', 'skip', 35]
    ])
  })
})

describe('PHP', () => {
  let m: ModuleModel
  beforeAll(async () => {
    m = await extractFixture('php', 'UserService.php', true)
  })
  test('functions and methods, visibility, parameters, imports', () => {
    expect(fns(m)).toEqual([
      ['UserService.__construct', 'constructor', 12, true],
      ['UserService.find', 'method', 14, true],
      ['UserService.helper', 'method', 30, false],
      ['top_level', 'function', 33, true],
      ['UserTest.testFind', 'method', 36, true]
    ])
    expect(params(m, 'UserService.find')).toEqual(['id: int', 'name: ?string = null', '...rest'])
    expect(imports(m)).toEqual([
      'App\\Models {User}',
      'Psr\\Log {LoggerInterface as Logger}',
      "__DIR__ . '/helpers.php' {}"
    ])
  })
  test('throw new, catch of two types, calls of every shape, PHPUnit cases', () => {
    expect(m.throws.map((t) => [t.errorType, t.message, t.loc.startLine])).toEqual([
      ['InvalidArgumentException', 'bad id', 17]
    ])
    expect(m.tries[0].handlers.map((h) => [h.types, h.param, h.onlyLogs])).toEqual([
      [['NotFound', 'Gone'], 'e', true]
    ])
    expect(calls(m)).toEqual([
      ['\\InvalidArgumentException', '\\InvalidArgumentException', undefined, 17],
      ['User::find', 'find', 'User', 21],
      ['$this->logger->warning', 'warning', '$this->logger', 23],
      ['cleanup', 'cleanup', undefined, 25],
      ['User', 'User', undefined, 27],
      ['strlen', 'strlen', undefined, 33],
      ['$this->assertTrue', 'assertTrue', '$this', 36]
    ])
    expect(m.strings.map((s) => [s.value, s.loc.startLine])).toEqual([
      ['/helpers.php', 6],
      ['x', 16],
      ['bad id', 17],
      ['x', 23]
    ])
    expect(m.test?.framework).toBe('phpunit')
    expect(cases(m)).toEqual([
      ['UserTest', 'suite', undefined, 35],
      ['UserTest.testFind', 'test', undefined, 36]
    ])
  })
})

test('a source file gets no test information, and a syntax error gives a partial model', async () => {
  const m = await extractFixture('java', 'Service.java', false)
  expect(m.test).toBeUndefined()
  const broken = await extractText('go', 'package x\nfunc Good() {}\nfunc broken( {\n')
  expect(broken.status).toBe('partial')
  expect(broken.syntaxErrors).toBeGreaterThan(0)
  expect(broken.functions.map((f) => f.name)).toContain('Good')
})
