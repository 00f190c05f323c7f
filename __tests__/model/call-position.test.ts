// Where a call stands, as the extractors record it (CallSite.statement / assignedTo / managed) and the
// cause of a Python `raise ... from ...` (ThrowSite.cause): what the error-handling perspective reads
// to tell a dropped promise, a kept stream or a file opened in a `with` block.
import type { CallSite, ModuleModel } from '../../src/model/types.js'
import { extractSnippet } from './js-helpers.js'
import { extractPy, lines } from './python-helpers.js'

const position = (m: ModuleModel) =>
  m.calls.map((c: CallSite) => [
    c.callee,
    c.statement ?? false,
    c.assignedTo ?? null,
    c.managed ?? false,
    c.awaited
  ])

describe('call position (JavaScript/TypeScript)', () => {
  it('marks statements, bound names and awaited calls', async () => {
    const m = await extractSnippet(
      [
        'async function f() {',
        '  g();',
        '  (h());',
        '  const s = open(1)',
        '  let t; t = await read(2)',
        '  void k()',
        '  return last()',
        '}'
      ].join('\n')
    )
    expect(position(m)).toEqual([
      ['g', true, null, false, false],
      ['h', true, null, false, false],
      ['open', false, 's', false, false],
      ['read', false, 't', false, true],
      ['k', false, null, false, false],
      ['last', false, null, false, false]
    ])
  })

  it('marks only the outermost call of a chain as the statement', async () => {
    const m = await extractSnippet('p.then(f).catch(g)\nobj.x = make()\n')
    expect(position(m)).toEqual([
      ['p.then(f).catch', true, null, false, false],
      ['p.then', false, null, false, false],
      ['make', false, null, false, false]
    ])
  })
})

describe('calls inside a bound value (JavaScript/TypeScript)', () => {
  it('names the binding of the expression a call is part of, not of nested functions', async () => {
    const m = await extractSnippet(
      [
        'const id = Math.random() * 1_000_000 * Date.now()',
        'const port = Math.floor(Math.random() * 10) + 1',
        'const whole = make()',
        'const later = () => Math.random()',
        ''
      ].join('\n')
    )
    expect(m.calls.map((c) => [c.callee, c.assignedTo ?? null, c.boundWithin ?? null])).toEqual([
      ['Math.random', null, 'id'],
      ['Date.now', null, 'id'],
      ['Math.floor', null, 'port'],
      ['Math.random', null, 'port'],
      ['make', 'whole', null],
      ['Math.random', null, null]
    ])
  })
})

describe('call position (Python)', () => {
  it('marks statements, bound names and with items', async () => {
    const m = await extractPy(
      lines(
        'async def f():',
        '    g()',
        '    with open("a") as fh, open("b"):',
        '        pass',
        '    s = open("c")',
        '    t = await read()',
        '    self.x = make()'
      )
    )
    expect(position(m)).toEqual([
      ['g', true, null, false, false],
      ['open', false, null, true, false],
      ['open', false, null, true, false],
      ['open', false, 's', false, false],
      ['read', false, 't', false, true],
      ['make', false, null, false, false]
    ])
  })

  it('records the cause of raise ... from ...', async () => {
    const m = await extractPy(
      lines(
        'def f():',
        '    try:',
        '        g()',
        '    except ValueError as e:',
        '        raise KeyError("x") from e',
        '    except OSError:',
        '        raise KeyError("y") from None',
        '    raise TypeError("z")'
      )
    )
    expect(m.throws.map((t) => [t.errorType, t.cause ?? null])).toEqual([
      ['KeyError', 'e'],
      ['KeyError', 'None'],
      ['TypeError', null]
    ])
  })
})
