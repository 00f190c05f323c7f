// The guards and the try that dominate each site, and arguments by kind, as the extractors record them.
import type { CallSite, ModuleModel } from '../../src/model/types.js'
import { extractSnippet } from './js-helpers.js'
import { extractPy, lines } from './python-helpers.js'

function callAt(m: ModuleModel, line: number, callee?: string): CallSite {
  const call = m.calls.find(
    (c) => c.loc.startLine === line && (callee === undefined || c.callee === callee)
  )
  if (!call)
    throw new Error(
      `no call at line ${line}: ${m.calls.map((c) => `${c.loc.startLine} ${c.callee}`).join(', ')}`
    )
  return call
}

const kinds = (c: CallSite): string[] =>
  (c.context?.guards ?? []).map((g) => `${g.kind}:${g.text}:${g.holds}`)

describe('site context (JavaScript/TypeScript)', () => {
  it('records branches, short-circuits, optional chains, early exits and defaults', async () => {
    const m = await extractSnippet(
      [
        'export function f(a?: A, b?: B, c?: C) {', // 1
        '  if (!a) return', // 2
        '  a.go()', // 3
        '  b && b.go()', // 4
        '  c?.d.go()', // 5
        '  b ??= make()', // 6
        '  b.go()', // 7
        '  if (c) { c.go() } else { a.stop() }', // 8
        '  const x = c ? c.go() : null', // 9
        '  ;(c || fallback).go()', // 10
        '  while (a.more()) a.step()', // 11
        '}', // 12
        'a.go()' // 13
      ].join('\n')
    )
    expect(kinds(callAt(m, 3))).toEqual(['early-exit:!a:false'])
    expect(kinds(callAt(m, 4, 'b.go'))).toEqual(['and:b:true', 'early-exit:!a:false'])
    expect(kinds(callAt(m, 5))).toContain('optional-chain:c:true')
    expect(kinds(callAt(m, 7))).toEqual(['early-exit:!a:false', 'default:b:true'])
    expect(kinds(callAt(m, 8, 'c.go'))).toContain('if:c:true')
    expect(kinds(callAt(m, 8, 'a.stop'))).toContain('else:c:false')
    expect(kinds(callAt(m, 9))).toContain('ternary:c:true')
    expect(kinds(callAt(m, 10))).toContain('default:c:true')
    expect(kinds(callAt(m, 11, 'a.step'))).toContain('loop:a.more():true')
    // Context stops at the function: a module-level call has none.
    expect(callAt(m, 13).context).toBeUndefined()
  })

  it('records the nearest try with what its handler does', async () => {
    const m = await extractSnippet(
      [
        'export function g(t: string) {', // 1
        '  try { JSON.parse(t) } catch (e) { throw e }', // 2
        '  try { JSON.parse(t) } catch (e) { throw new AppError("bad", e) }', // 3
        '  try { JSON.parse(t) } catch { console.warn("bad") }', // 4
        '  try { JSON.parse(t) } catch { return null }', // 5
        '  try { JSON.parse(t) } catch {}', // 6
        '  try { JSON.parse(t) } finally { done() }', // 7
        '}'
      ].join('\n')
    )
    const action = (line: number) =>
      callAt(m, line, 'JSON.parse').context?.try?.handlers.map((h) => h.action)
    expect(action(2)).toEqual(['rethrow'])
    expect(action(3)).toEqual(['convert'])
    expect(action(4)).toEqual(['log-only'])
    expect(action(5)).toEqual(['return-default'])
    expect(action(6)).toEqual(['swallow'])
    expect(action(7)).toEqual([])
    expect(callAt(m, 7, 'JSON.parse').context?.try?.hasFinally).toBe(true)
  })

  it('gives the arguments by kind, with literal values', async () => {
    const m = await extractSnippet(
      "f('a', 2, true, null, undefined, x, o.p, g(), `t${x}`, `plain`, { a: 1 }, [1], () => 1, ...rest)\n"
    )
    expect(m.calls[0].arguments).toEqual([
      { kind: 'literal', text: "'a'", value: 'a' },
      { kind: 'literal', text: '2', value: 2 },
      { kind: 'literal', text: 'true', value: true },
      { kind: 'literal', text: 'null', value: null },
      { kind: 'literal', text: 'undefined', value: null },
      { kind: 'identifier', text: 'x' },
      { kind: 'member', text: 'o.p' },
      { kind: 'call', text: 'g()' },
      { kind: 'template', text: '`t${x}`' },
      { kind: 'literal', text: '`plain`', value: 'plain' },
      { kind: 'object', text: '{ a: 1 }' },
      { kind: 'array', text: '[1]' },
      {
        kind: 'function',
        text: '() => 1',
        loc: { startLine: 1, startColumn: 80, endLine: 1, endColumn: 87 }
      },
      { kind: 'spread', text: '...rest' }
    ])
  })
})

describe('site context (Python)', () => {
  it('records branches, elif chains, boolean operators, early raises, asserts and defaults', async () => {
    const m = await extractPy(
      lines(
        'def f(a=None, b=None, c=None):', // 1
        '    if not a:', // 2
        '        raise ValueError("a")', // 3
        '    a.go()', // 4
        '    b and b.go()', // 5
        '    if c is None:', // 6
        '        c = {}', // 7
        '    c.go()', // 8
        '    if a.x:', // 9
        '        a.one()', // 10
        '    elif a.y:', // 11
        '        a.two()', // 12
        '    else:', // 13
        '        a.three()', // 14
        '    assert b', // 15
        '    b.go()', // 16
        '    b = b or {}', // 17
        '    v = a.p() if c else None' // 18
      )
    )
    expect(kinds(callAt(m, 4))).toEqual(['early-exit:not a:false'])
    expect(kinds(callAt(m, 5, 'b.go'))).toEqual(['and:b:true', 'early-exit:not a:false'])
    expect(kinds(callAt(m, 8))).toEqual(['early-exit:not a:false', 'default:c:true'])
    expect(kinds(callAt(m, 10))).toContain('if:a.x:true')
    expect(kinds(callAt(m, 12))).toEqual(expect.arrayContaining(['if:a.y:true', 'else:a.x:false']))
    expect(kinds(callAt(m, 14))).toEqual(
      expect.arrayContaining(['else:a.x:false', 'else:a.y:false'])
    )
    expect(kinds(callAt(m, 16))).toContain('assert:b:true')
    expect(kinds(callAt(m, 18))).toContain('ternary:c:true')
    // The raise itself sits under its condition.
    expect(m.throws[0].context?.guards.map((g) => `${g.kind}:${g.text}`)).toEqual(['if:not a'])
  })

  it('records except clauses with their types and what they do', async () => {
    const m = await extractPy(
      lines(
        'def g(t):', // 1
        '    try:', // 2
        '        json.loads(t)', // 3
        '    except (ValueError, KeyError) as e:', // 4
        '        raise', // 5
        '    except OSError:', // 6
        '        return None', // 7
        '    except Exception as e:', // 8
        '        logger.warning("x %s", e)', // 9
        '    try:', // 10
        '        int(t)', // 11
        '    except ValueError:', // 12
        '        pass' // 13
      )
    )
    expect(callAt(m, 3).context?.try?.handlers).toEqual([
      { types: ['ValueError', 'KeyError'], action: 'rethrow' },
      { types: ['OSError'], action: 'return-default' },
      { types: ['Exception'], action: 'log-only' }
    ])
    expect(callAt(m, 11).context?.try?.handlers).toEqual([
      { types: ['ValueError'], action: 'swallow' }
    ])
  })

  it('gives the arguments by kind, keywords included', async () => {
    const m = await extractPy(
      lines('f("a", 2, None, x, o.p, g(), f"t{x}", {"a": 1}, [1], lambda: 1, *rest, timeout=5)')
    )
    expect(m.calls[0].arguments?.map((a) => [a.kind, a.value, a.keyword])).toEqual([
      ['literal', 'a', undefined],
      ['literal', 2, undefined],
      ['literal', null, undefined],
      ['identifier', undefined, undefined],
      ['member', undefined, undefined],
      ['call', undefined, undefined],
      ['template', undefined, undefined],
      ['object', undefined, undefined],
      ['array', undefined, undefined],
      ['function', undefined, undefined],
      ['spread', undefined, undefined],
      ['literal', 5, 'timeout']
    ])
  })
})
