// Values bound to plain local names (ModuleModel.bindings), JavaScript/TypeScript and Python: name, operator,
// value text, enclosing function and line; what is left out; the caps on text and count.
import type { ModuleModel } from '../../src/model/types.js'
import { extractSnippet } from './js-helpers.js'
import { extractPy, lines } from './python-helpers.js'

type Row = [name: string, operator: string, value: string, enclosing: string | null, line: number]

function rows(model: ModuleModel): Row[] {
  return (model.bindings ?? []).map((b) => [
    b.name,
    b.operator,
    b.value,
    b.enclosing ?? null,
    b.loc.startLine
  ])
}

describe('bindings (JavaScript/TypeScript)', () => {
  it('records declarations anywhere, assignments inside functions, with the value text and the enclosing function', async () => {
    const model = await extractSnippet(
      lines(
        "const base = '/srv'",
        'let counter = 0',
        'counter = 1',
        'export function run(req: Request, dir: string): void {',
        "  const cmd: string = 'ls ' + req.query.dir",
        '  let out',
        '  out = await exec(cmd, { cwd: base })',
        '  out += `\\n${dir}`',
        '  label ||= dir',
        '  this.field = cmd',
        '  items[0] = cmd',
        '}',
        "app.get('/x', (req, res) => {",
        '  var q = req.query.q',
        '  q = q.trim()',
        '})'
      )
    )
    expect(rows(model)).toEqual([
      ['base', '=', "'/srv'", null, 1],
      ['counter', '=', '0', null, 2],
      ['cmd', '=', "'ls ' + req.query.dir", 'run', 5],
      ['out', '=', 'await exec(cmd, { cwd: base })', 'run', 7],
      ['out', '+=', '`\\n${dir}`', 'run', 8],
      ['label', '||=', 'dir', 'run', 9],
      ['q', '=', 'req.query.q', null, 14],
      ['q', '=', 'q.trim()', null, 15]
    ])
    expect(model.bindings?.[2].loc).toEqual({
      startLine: 5,
      startColumn: 9,
      endLine: 5,
      endColumn: 44
    })
  })

  it('gives each name of a destructuring pattern the whole value, and skips functions and classes', async () => {
    const model = await extractSnippet(
      lines(
        'function handle(req) {',
        '  const { dir, file: name, opts: { mode = 1 }, ...rest } = req.query',
        '  const [first, , [second], ...others] = parts(req.body)',
        '  ;[a, b] = pair',
        '  const helper = (x) => x + 1',
        '  const Klass = class {}',
        '  const fn = function () {}',
        '  const wrapped = (() => 1)',
        '}'
      ),
      { language: 'javascript' }
    )
    expect(rows(model)).toEqual([
      ['dir', '=', 'req.query', 'handle', 2],
      ['name', '=', 'req.query', 'handle', 2],
      ['mode', '=', 'req.query', 'handle', 2],
      ['rest', '=', 'req.query', 'handle', 2],
      ['first', '=', 'parts(req.body)', 'handle', 3],
      ['second', '=', 'parts(req.body)', 'handle', 3],
      ['others', '=', 'parts(req.body)', 'handle', 3],
      ['a', '=', 'pair', 'handle', 4],
      ['b', '=', 'pair', 'handle', 4]
    ])
  })

  it('names the method a binding sits in, and cuts long values at 300 characters', async () => {
    const long = 'x'.repeat(400)
    const model = await extractSnippet(
      lines(
        'class Store {',
        '  load(key: string) {',
        `    const path = '${long}' + key`,
        '  }',
        '}'
      )
    )
    const [binding] = model.bindings ?? []
    expect(binding).toMatchObject({ name: 'path', enclosing: 'Store.load' })
    expect(binding.value).toBe(`'${long}`.slice(0, 300) + '…')
  })

  it('gives a binding that may not run the branch, loop or catch clause around it', async () => {
    const model = await extractSnippet(
      lines(
        'export function pick(cmd: string, flag: boolean): string {',
        '  let out = cmd',
        "  if (flag) { out = 'a' }",
        "  else out = 'b'",
        '  for (const x of [1]) {',
        '    out += x',
        '  }',
        "  try { out = 'c' } catch (e) { out = 'd' }",
        "  const t = flag ? 'e' : (out = 'f')",
        '  return out',
        '}'
      )
    )
    const branches = (model.bindings ?? []).map((b) => [
      b.name,
      b.loc.startLine,
      b.branch
        ? `${b.branch.startLine}:${b.branch.startColumn}-${b.branch.endLine}:${b.branch.endColumn}`
        : null
    ])
    expect(branches).toEqual([
      ['out', 2, null],
      ['out', 3, '3:13-3:26'],
      ['out', 4, '4:3-4:17'],
      ['out', 6, '5:3-7:4'],
      ['out', 8, null],
      ['out', 8, '8:21-8:44'],
      ['t', 9, null],
      ['out', 9, '9:26-9:37']
    ])
  })

  it('leaves bindings out of a module without any', async () => {
    const model = await extractSnippet(
      lines(
        'export function f(a: number): number {',
        '  return a + 1',
        '}',
        'declare const g: string'
      )
    )
    expect(model.bindings).toBeUndefined()
  })

  it('keeps at most 20,000 bindings per module', async () => {
    const body = Array.from({ length: 20_050 }, (_, i) => `const v${i} = ${i}`).join('\n')
    const model = await extractSnippet(body, { language: 'javascript' })
    expect(model.bindings).toHaveLength(20_000)
    expect(model.bindings?.[19_999]).toMatchObject({
      name: 'v19999',
      value: '19999',
      loc: { startLine: 20_000 }
    })
  })
})

describe('bindings (Python)', () => {
  it('records assignments in functions and at module level, not in class bodies', async () => {
    const model = await extractPy(
      lines(
        'import os, sys',
        "BASE = '/srv'",
        'class Config:',
        "    mode = 'x'",
        '    def load(self, name):',
        "        path = BASE + '/' + name",
        "        path += '.json'",
        '        total: int = 0',
        '        count: int',
        '        self.path = path',
        '        cache[name] = path',
        '        a, (b, *c) = sys.argv[1], name, 2',
        '        x = y = os.environ.get("HOME")',
        '        square = lambda v: v * v',
        '        return path',
        'cmd = "ls " + sys.argv[1]'
      )
    )
    expect(rows(model)).toEqual([
      ['BASE', '=', "'/srv'", null, 2],
      ['path', '=', "BASE + '/' + name", 'Config.load', 6],
      ['path', '+=', "'.json'", 'Config.load', 7],
      ['total', '=', '0', 'Config.load', 8],
      ['a', '=', 'sys.argv[1], name, 2', 'Config.load', 12],
      ['b', '=', 'sys.argv[1], name, 2', 'Config.load', 12],
      ['c', '=', 'sys.argv[1], name, 2', 'Config.load', 12],
      ['x', '=', 'os.environ.get("HOME")', 'Config.load', 13],
      ['y', '=', 'os.environ.get("HOME")', 'Config.load', 13],
      ['cmd', '=', '"ls " + sys.argv[1]', null, 16]
    ])
  })

  it('gives a binding that may not run the if/elif/else branch, loop or except clause around it', async () => {
    const model = await extractPy(
      lines(
        'def pick(cmd, flag):',
        '    out = cmd',
        '    if flag:',
        "        out = 'a'",
        '    elif cmd:',
        "        out = 'b'",
        '    else:',
        "        out = 'c'",
        '    for x in cmd:',
        '        out += x',
        '    try:',
        "        out = 'd'",
        '    except ValueError:',
        "        out = 'e'",
        '    return out'
      )
    )
    const branches = (model.bindings ?? []).map((b) => [
      b.loc.startLine,
      b.branch ? `${b.branch.startLine}-${b.branch.endLine}` : null
    ])
    expect(branches).toEqual([
      [2, null],
      [4, '4-4'],
      [6, '6-6'],
      [8, '8-8'],
      [10, '9-10'],
      [12, null],
      [14, '13-14']
    ])
  })

  it('slices values from the text by position, past non-ASCII characters, and cuts at 300 characters', async () => {
    const long = 'é'.repeat(350)
    const model = await extractPy(
      lines('def f(name):', "    greeting = 'héllo ' + name", `    big = '${long}'`)
    )
    expect(rows(model)[0]).toEqual(['greeting', '=', "'héllo ' + name", 'f', 2])
    expect(model.bindings?.[1].value).toBe(`'${long}`.slice(0, 300) + '…')
  })

  it('leaves bindings out of a module without any', async () => {
    const model = await extractPy(lines('def f(a):', '    return a + 1'))
    expect(model.bindings).toBeUndefined()
  })
})

describe('handedOn (Python)', () => {
  it('records locals a function returns, yields or stores on an attribute whole, not parts of them', async () => {
    const model = await extractPy(
      lines(
        'def connect(host):',
        '    sock = make(host)',
        '    return sock',
        'class Client:',
        '    def attach(self, path):',
        '        handle = open(path)',
        '        self.handle = handle',
        'def each(paths):',
        '    for p in paths:',
        '        yield p',
        'def parts(x):',
        '    self.n = x.n',
        '    return x.y',
        'sock = make(1)'
      )
    )
    expect((model.handedOn ?? []).map((h) => [h.name, h.how, h.enclosing, h.line])).toEqual([
      ['sock', 'return', 'connect', 3],
      ['handle', 'attribute', 'Client.attach', 7],
      ['p', 'yield', 'each', 10]
    ])
  })
})
