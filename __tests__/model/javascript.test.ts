// Targeted tests of the JavaScript/TypeScript extractor: each construct a perspective relies on.
import { extractSnippet } from './js-helpers.js'

describe('imports', () => {
  test('ESM default, namespace, named, aliased and type-only imports', async () => {
    const m = await extractSnippet(
      [
        `import def, * as ns from './a'`,
        `import { one, two as deux } from '../b.js'`,
        `import type { T } from './types'`,
        `import './side-effect'`,
        `import x = require('legacy')`
      ].join('\n')
    )
    expect(m.imports.map((i) => [i.source, i.kind, i.typeOnly, i.loc.startLine])).toEqual([
      ['./a', 'esm', false, 1],
      ['../b.js', 'esm', false, 2],
      ['./types', 'esm', true, 3],
      ['./side-effect', 'esm', false, 4],
      ['legacy', 'require', false, 5]
    ])
    expect(m.imports[0].names).toEqual([
      { imported: 'default', local: 'def' },
      { imported: '*', local: 'ns' }
    ])
    expect(m.imports[1].names).toEqual([
      { imported: 'one', local: 'one' },
      { imported: 'two', local: 'deux' }
    ])
    expect(m.imports[4].names).toEqual([{ imported: '*', local: 'x' }])
    // Module specifiers are not string literals of the program.
    expect(m.strings).toEqual([])
  })

  test('an import whose names are read only as types is type-only (TypeScript drops it)', async () => {
    const m = await extractSnippet(
      [
        `import { TimeMatcher } from './time-matcher'`,
        `import { Walker } from './walker'`,
        `import { Both } from './both'`,
        `import { Unused } from './unused'`,
        `export function walk(m: TimeMatcher, b: Both): Walker { return new Walker(m, Both.of(b)) }`
      ].join('\n')
    )
    expect(m.imports.map((i) => [i.source, i.typeOnly])).toEqual([
      ['./time-matcher', true],
      ['./walker', false],
      ['./both', false],
      ['./unused', false]
    ])
  })

  test('CommonJS require with destructuring and member access, and dynamic import', async () => {
    const m = await extractSnippet(
      [
        `const fs = require('fs')`,
        `const { join, resolve: res } = require('path')`,
        `const parse = require('./parser').parse`,
        `async function later() { const { run } = await import('./runner.js'); return run }`
      ].join('\n'),
      { language: 'javascript' }
    )
    expect(m.imports.map((i) => [i.source, i.kind, i.names])).toEqual([
      ['fs', 'require', [{ imported: '*', local: 'fs' }]],
      [
        'path',
        'require',
        [
          { imported: 'join', local: 'join' },
          { imported: 'resolve', local: 'res' }
        ]
      ],
      ['./parser', 'require', [{ imported: 'parse', local: 'parse' }]],
      ['./runner.js', 'dynamic', [{ imported: 'run', local: 'run' }]]
    ])
    expect(m.calls.map((c) => c.callee)).not.toContain('require')
  })
})

describe('exports', () => {
  test('declarations, lists, defaults and re-exports', async () => {
    const m = await extractSnippet(
      [
        `export function f() {}`,
        `export class C {}`,
        `export const a = 1, b = 2`,
        `export interface I {}`,
        `export type U = string`,
        `function g() {}`,
        `const h = () => 1`,
        `export { g, h as aliasH }`,
        `export { x as y } from './x'`,
        `export * from './all'`,
        `export * as ns from './ns'`,
        `export default g`
      ].join('\n')
    )
    expect(m.exports.map((e) => [e.name, e.kind, e.local, e.source])).toEqual([
      ['f', 'function', undefined, undefined],
      ['C', 'class', undefined, undefined],
      ['a', 'variable', undefined, undefined],
      ['b', 'variable', undefined, undefined],
      ['I', 'type', undefined, undefined],
      ['U', 'type', undefined, undefined],
      ['g', 'function', undefined, undefined],
      ['aliasH', 'function', 'h', undefined],
      ['y', 'reexport', 'x', './x'],
      ['*', 'all', undefined, './all'],
      ['ns', 'reexport', '*', './ns'],
      ['default', 'default', 'g', undefined]
    ])
    expect(m.functions.find((f) => f.name === 'g')?.exported).toBe(true)
    expect(m.functions.find((f) => f.name === 'h')?.exported).toBe(true)
    // Re-exports are dependencies too.
    expect(m.imports.map((i) => i.source)).toEqual(['./x', './all', './ns'])
  })

  test('CommonJS module.exports object, module.exports.x and exports.x', async () => {
    const m = await extractSnippet(
      [
        `function a() {}`,
        `function notExported() {}`,
        `exports.b = function () {}`,
        `module.exports.c = () => 2`,
        `module.exports = { a, renamed: notExported2, inline() {} }`
      ].join('\n'),
      { language: 'javascript' }
    )
    expect(m.exports.map((e) => [e.name, e.kind, e.local])).toEqual([
      ['b', 'commonjs', undefined],
      ['c', 'commonjs', undefined],
      ['a', 'commonjs', undefined],
      ['renamed', 'commonjs', 'notExported2'],
      ['inline', 'commonjs', undefined]
    ])
    const exported = Object.fromEntries(m.functions.map((f) => [f.name, f.exported]))
    expect(exported).toEqual({ a: true, notExported: false, b: true, c: true, inline: true })
  })
})

describe('default and whole-module exports', () => {
  test('anonymous default exports are named default; module.exports keeps a function its own name', async () => {
    const arrow = await extractSnippet(`export default async (req: Request) => req.url`)
    expect(arrow.functions.map((f) => [f.name, f.exported, f.async])).toEqual([
      ['default', true, true]
    ])
    const cls = await extractSnippet(`export default class { run() {} }`)
    expect(cls.classes.map((c) => [c.name, c.exported])).toEqual([['default', true]])
    expect(cls.functions.map((f) => [f.qualifiedName, f.exported])).toEqual([['default.run', true]])
    const cjs = await extractSnippet(`module.exports = function parse(text) { return text }`, {
      language: 'javascript'
    })
    expect(cjs.functions.map((f) => [f.name, f.exported])).toEqual([['parse', true]])
    expect(cjs.exports.map((e) => [e.name, e.kind, e.local])).toEqual([
      ['default', 'commonjs', 'parse']
    ])
  })

  test('TypeScript export = and module.exports = require(...)', async () => {
    const ts = await extractSnippet(`function api() {}\nexport = api`)
    expect(ts.exports.map((e) => [e.name, e.kind, e.local])).toEqual([
      ['default', 'commonjs', 'api']
    ])
    expect(ts.functions[0].exported).toBe(true)
    const js = await extractSnippet(`module.exports = require('./impl')`, {
      language: 'javascript'
    })
    expect(js.exports.map((e) => [e.name, e.kind, e.source])).toEqual([['*', 'all', './impl']])
    expect(js.imports.map((i) => i.source)).toEqual(['./impl'])
  })
})

describe('functions', () => {
  test('qualified names for methods, nested functions, object members, and duplicates', async () => {
    const m = await extractSnippet(
      [
        `class A { run() { function inner() {} } }`,
        `const api = { get() {}, put: () => {} }`,
        `function dup() {}`,
        `function dup() {}`,
        `[1].map(function named() {})`
      ].join('\n')
    )
    expect(m.functions.map((f) => f.qualifiedName)).toEqual([
      'A.run',
      'A.run.inner',
      'api.get',
      'api.put',
      'dup',
      'dup#2',
      'named'
    ])
  })

  test('complexity counts if, else-if, ternary, cases, loops, catch and logical operators', async () => {
    const m = await extractSnippet(`function f(a, b) {
      if (a) {} else if (b) {} else {}
      const c = a ? 1 : 2
      switch (a) { case 1: case 2: break; default: }
      for (;;) {} while (a) {} do {} while (b)
      for (const x of b) {} for (const k in b) {}
      try {} catch {}
      return a && b || c ?? 0
    }`)
    // 1 + if + else-if + ternary + 2 cases + 5 loops + catch + && + || + ??
    expect(m.functions[0].complexity).toBe(1 + 2 + 1 + 2 + 5 + 1 + 3)
    expect(m.functions[0].lines).toBe(9)
  })

  test('callbacks are part of the function that contains them', async () => {
    const m = await extractSnippet(
      `function outer(xs) { return xs.filter((x) => x > 0 ? true : false) }`
    )
    expect(m.functions.map((f) => f.name)).toEqual(['outer'])
    expect(m.functions[0].complexity).toBe(2)
    expect(m.calls[0].enclosing).toBe('outer')
  })
})

describe('decorators', () => {
  test('method decorators are kept; parameter decorators do not leak to the next method', async () => {
    const m = await extractSnippet(`class Api {
  @Get('/users/:id')
  @Auth()
  find(@Param('id') id: string) {}

  list() {}

  @Post() create() {}
}`)
    expect(m.functions.map((f) => [f.name, f.decorators])).toEqual([
      ['find', ["Get('/users/:id')", 'Auth()']],
      ['list', undefined],
      ['create', ['Post()']]
    ])
  })
})

describe('classes', () => {
  test('bases and members with visibility', async () => {
    const m = await extractSnippet(`class K extends Base implements I, J {
      static count = 0
      #secret = 1
      private hidden = 2
      protected shared(): void {}
      get value() { return 1 }
      constructor() { super() }
    }`)
    expect(m.classes[0].bases).toEqual(['Base', 'I', 'J'])
    expect(m.classes[0].members.map((x) => [x.name, x.kind, x.static, x.visibility])).toEqual([
      ['count', 'property', true, 'public'],
      ['#secret', 'property', false, 'private'],
      ['hidden', 'property', false, 'private'],
      ['shared', 'method', false, 'protected'],
      ['value', 'getter', false, 'public'],
      ['constructor', 'constructor', false, 'public']
    ])
  })
})

describe('calls', () => {
  test('callee, name, receiver, arguments, await, new and enclosing function', async () => {
    const m = await extractSnippet(`async function load(path) {
      const text = await fs.promises.readFile(path, 'utf8')
      const data = JSON.parse(text)
      return new Config(data, { strict: true })
    }
    helper()`)
    expect(
      m.calls.map((c) => [
        c.callee,
        c.name,
        c.receiver,
        c.args,
        c.awaited,
        c.isNew,
        c.enclosing,
        c.loc.startLine
      ])
    ).toEqual([
      [
        'fs.promises.readFile',
        'readFile',
        'fs.promises',
        ['path', `'utf8'`],
        true,
        false,
        'load',
        2
      ],
      ['JSON.parse', 'parse', 'JSON', ['text'], false, false, 'load', 3],
      ['Config', 'Config', undefined, ['data', '{ strict: true }'], false, true, 'load', 4],
      ['helper', 'helper', undefined, [], false, false, undefined, 6]
    ])
  })

  test('string literals stop at 10,000 per module', async () => {
    const m = await extractSnippet(
      `const table = [${Array.from({ length: 12_000 }, (_, i) => `'s${i}'`).join(',')}]`
    )
    expect(m.strings).toHaveLength(10_000)
    expect(m.status).toBe('parsed')
  })

  test('long arguments are cut to 200 characters', async () => {
    const m = await extractSnippet(`log('${'x'.repeat(500)}')`)
    expect(m.calls[0].args[0].length).toBeLessThanOrEqual(201)
    expect(m.strings[0].value.length).toBe(200)
  })
})

describe('throws and try/catch', () => {
  test('error type, message, guard and rethrow', async () => {
    const m = await extractSnippet(`function check(n) {
      if (n < 0) throw new RangeError('negative')
      if (!n) { throw new errors.Missing(\`missing value\`) }
      try { run() } catch (err) { throw err }
      throw failure
    }`)
    expect(
      m.throws.map((t) => [t.errorType, t.message, t.guard, t.rethrow, t.loc.startLine])
    ).toEqual([
      ['RangeError', 'negative', 'n < 0', false, 2],
      ['errors.Missing', 'missing value', '!n', false, 3],
      [undefined, undefined, undefined, true, 4],
      ['failure', undefined, undefined, false, 5]
    ])
  })

  test('handlers: empty, only logging, rethrowing, swallowing; finally', async () => {
    const m = await extractSnippet(`async function f() {
      try { a() } catch {}
      try { b() } catch (e) { console.error('failed', e) }
      try { c() } catch (e) { throw new Wrapped(e) } finally { done() }
      try { d() } catch (e) { return }
      try { e() } catch (e) { recover(e) }
    }`)
    expect(
      m.tries.map((t) => [
        t.hasFinally,
        t.handlers.map((h) => [h.param, h.empty, h.onlyLogs, h.rethrows, h.swallows])
      ])
    ).toEqual([
      [false, [[undefined, true, false, false, true]]],
      [false, [['e', false, true, false, false]]],
      [true, [['e', false, false, true, false]]],
      [false, [['e', false, false, false, true]]],
      [false, [['e', false, false, false, false]]]
    ])
    expect(m.tries.every((t) => t.enclosing === 'f')).toBe(true)
  })
})

describe('conditions', () => {
  test('comparisons with the literal side', async () => {
    const m = await extractSnippet(`function f(x, items, name) {
      if (x >= 10 && items.length === 0) {}
      while (name !== 'done') {}
      const y = null == x ? -1 : x
      for (let i = 0; i <= items.length; i++) {}
    }`)
    expect(
      m.conditions.map((c) => [
        c.kind,
        c.text,
        c.comparisons.map((k) => [k.operator, k.left, k.right, k.literal, k.literalSide])
      ])
    ).toEqual([
      [
        'if',
        'x >= 10 && items.length === 0',
        [
          ['>=', 'x', '10', 10, 'right'],
          ['===', 'items.length', '0', 0, 'right']
        ]
      ],
      ['while', `name !== 'done'`, [['!==', 'name', `'done'`, 'done', 'right']]],
      ['ternary', 'null == x', [['==', 'null', 'x', null, 'left']]],
      ['for', 'i <= items.length', [['<=', 'i', 'items.length', undefined, undefined]]]
    ])
  })

  test('switch statements and their cases', async () => {
    const m = await extractSnippet(`function f(kind) {
      switch (kind) { case 'a': return 1; case 2: return 2 }
      switch (kind.type) { default: return 0 }
    }`)
    expect(m.switches.map((s) => [s.discriminant, s.cases, s.hasDefault, s.enclosing])).toEqual([
      ['kind', [`'a'`, '2'], false, 'f'],
      ['kind.type', [], true, 'f']
    ])
    expect(
      m.conditions.filter((c) => c.kind === 'case').map((c) => c.comparisons[0].literal)
    ).toEqual(['a', 2])
  })
})

describe('loops', () => {
  test('kind, depth within the function, iterated expression, header and await', async () => {
    const m = await extractSnippet(`async function f(rows, map) {
      for (const row of rows) {
        for (let i = 0; i < row.cells.length; i++) {
          await save(row.cells[i])
        }
      }
      for (const key in map) { setTimeout(async () => { await ping(key) }) }
      while (rows.length) rows.pop()
      do { step() } while (more())
    }`)
    expect(m.loops.map((l) => [l.kind, l.depth, l.iterates, l.hasAwait, l.loc.startLine])).toEqual([
      ['for-of', 1, 'rows', true, 2],
      ['for', 2, 'row.cells', true, 3],
      ['for-in', 1, 'map', false, 7],
      ['while', 1, undefined, false, 8],
      ['do-while', 1, undefined, false, 9]
    ])
    expect(m.loops[1].header).toBe('for (let i = 0; i < row.cells.length; i++)')
  })
})

describe('module variables and main', () => {
  test('declaration kind, initialiser kind, mutability and export', async () => {
    const m = await extractSnippet(`let count = 0
const cache = new Map()
const frozen = Object.freeze({ a: 1 })
const list = ['a'] as const
export const settings = { debug: false }
var legacy
const fn = () => { const local = [] }`)
    expect(
      m.variables.map((v) => [v.name, v.declaration, v.initKind, v.mutable, v.exported])
    ).toEqual([
      ['count', 'let', 'literal', true, false],
      ['cache', 'const', 'map', true, false],
      ['frozen', 'const', 'call', false, false],
      ['list', 'const', 'array', false, false],
      ['settings', 'const', 'object', true, true],
      ['legacy', 'var', 'none', true, false],
      ['fn', 'const', 'other', false, false]
    ])
  })

  test('require.main === module, its ESM form and a #! line mark a main module', async () => {
    expect(
      (await extractSnippet(`if (require.main === module) main()`, { language: 'javascript' }))
        .hasMain
    ).toBe(true)
    expect(
      (await extractSnippet(`#!/usr/bin/env node\nmain()`, { language: 'javascript' })).hasMain
    ).toBe(true)
    expect(
      (await extractSnippet(`if (import.meta.url === pathToFileURL(process.argv[1]).href) main()`))
        .hasMain
    ).toBe(true)
    expect((await extractSnippet(`main()`, { language: 'javascript' })).hasMain).toBe(false)
  })
})

describe('test files', () => {
  test('cases with modifiers, each-tables and the framework', async () => {
    const m = await extractSnippet(
      `import { describe, it, expect } from 'vitest'
describe('parser', () => {
  it('parses', () => {})
  it.only('focuses', () => {})
  it.skip('skips', () => {})
  test.todo('later')
  xit('old skip', () => {})
  it.each([[1], [2]])('row %i', (n) => {})
  describe.skip('nested', () => {})
})`,
      { isTest: true, path: 'parser.test.ts' }
    )
    expect(m.isTest).toBe(true)
    expect(m.test?.framework).toBe('vitest')
    expect(m.test?.cases.map((c) => [c.name, c.kind, c.modifier, c.loc.startLine])).toEqual([
      ['parser', 'suite', undefined, 2],
      ['parses', 'test', undefined, 3],
      ['focuses', 'test', 'only', 4],
      ['skips', 'test', 'skip', 5],
      ['later', 'test', 'todo', 6],
      ['old skip', 'test', 'skip', 7],
      ['row %i', 'test', undefined, 8],
      ['nested', 'suite', 'skip', 9]
    ])
    expect(m.test?.importedModules).toEqual([])
    expect(m.test?.referencedSymbols).toEqual([])
  })

  test('framework from imports and globals', async () => {
    const fw = async (code: string): Promise<string | undefined> =>
      (await extractSnippet(code, { isTest: true })).test?.framework
    expect(await fw(`import test from 'node:test'\ntest('a', () => {})`)).toBe('node:test')
    expect(await fw(`import test from 'ava'\ntest('a', (t) => {})`)).toBe('ava')
    expect(await fw(`before(() => {})\ndescribe('a', () => {})`)).toBe('mocha')
    expect(await fw(`describe('a', () => { beforeAll(() => {}) })`)).toBe('jest')
  })

  test("the test globals a file calls: a runner's modifier counts, another member of a parameter named test does not", async () => {
    const globals = async (code: string): Promise<string[]> =>
      (await extractSnippet(code, { isTest: true })).test?.globals ?? []
    // EventEmitter2's nodeunit files: `test` is each case's parameter, not mocha's tdd global.
    expect(
      await globals(
        "module.exports = {\n  'adds': function (test) {\n    test.ok(true)\n    test.done()\n  }\n}\n"
      )
    ).toEqual([])
    expect(await globals("suite('a', () => {})\ntest.skip('b', () => {})\n")).toEqual([
      'suite',
      'test'
    ])
  })

  test('no test info for a source file', async () => {
    const m = await extractSnippet(`it('looks like a test', () => {})`)
    expect(m.test).toBeUndefined()
  })
})
