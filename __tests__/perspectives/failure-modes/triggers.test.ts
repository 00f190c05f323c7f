// Argument values derived from guards: the value on the side of the literal that makes the guard hold.
import { fromGuard } from '../../../perspectives/failure-modes/triggers.js'
import { handlerCatches } from '../../../perspectives/failure-modes/catalogue.js'
import { isOptionalParam } from '../../../perspectives/failure-modes/modes.js'
import type { Comparison, Parameter } from '../../../src/model/types.js'

const param = (name: string, type?: string, extra: Partial<Parameter> = {}): Parameter => ({
  name,
  optional: false,
  rest: false,
  ...(type ? { type } : {}),
  ...extra
})
const cmp = (
  left: string,
  operator: string,
  right: string,
  literal: Comparison['literal'],
  literalSide: 'left' | 'right' = 'right'
): Comparison => ({
  left,
  operator,
  right,
  literal,
  literalSide
})
const values = (m: Map<string, unknown> | undefined) => (m ? Object.fromEntries(m) : undefined)

describe('fromGuard', () => {
  const n = [param('n', 'number')]
  it.each([
    ['n < 0', cmp('n', '<', '0', 0), -1],
    ['n <= 0', cmp('n', '<=', '0', 0), 0],
    ['n > 100', cmp('n', '>', '100', 100), 101],
    ['n >= 10', cmp('n', '>=', '10', 10), 10],
    ['n === 3', cmp('n', '===', '3', 3), 3],
    ['n !== 3', cmp('n', '!==', '3', 3), 4],
    ['0 > n (literal on the left)', cmp('0', '>', 'n', 0, 'left'), -1]
  ])('%s', (guard, comparison, expected) => {
    expect(values(fromGuard(guard.split(' (')[0], [comparison], n, 'typescript'))).toEqual({
      n: expected
    })
  })

  it('gives a string of the compared length for len(s) == 0 and s.length > 3', () => {
    expect(
      values(fromGuard('len(s) == 0', [cmp('len(s)', '==', '0', 0)], [param('s', 'str')], 'python'))
    ).toEqual({ s: '' })
    expect(
      values(
        fromGuard(
          's.length > 3',
          [cmp('s.length', '>', '3', 3)],
          [param('s', 'string')],
          'typescript'
        )
      )
    ).toEqual({ s: 'aaaa' })
    expect(
      values(
        fromGuard(
          'items.length === 0',
          [cmp('items.length', '===', '0', 0)],
          [param('items', 'number[]')],
          'typescript'
        )
      )
    ).toEqual({ items: [] })
  })

  it('makes the condition false for a Python else branch (not (...))', () => {
    expect(
      values(
        fromGuard(
          'not (rate <= 1)',
          [cmp('rate', '<=', '1', 1)],
          [param('rate', 'float')],
          'python'
        )
      )
    ).toEqual({ rate: 2 })
  })

  it('needs every comparison of an and, one of an or', () => {
    const ps = [param('a', 'number'), param('b', 'number')]
    expect(
      values(
        fromGuard(
          'a < 0 && b > 5',
          [cmp('a', '<', '0', 0), cmp('b', '>', '5', 5)],
          ps,
          'typescript'
        )
      )
    ).toEqual({ a: -1, b: 6 })
    expect(
      values(
        fromGuard(
          'a < 0 || b > 5',
          [cmp('a', '<', '0', 0), cmp('b', '>', '5', 5)],
          ps,
          'typescript'
        )
      )
    ).toEqual({ a: -1 })
    expect(
      fromGuard('a < 0 && c > 5', [cmp('a', '<', '0', 0), cmp('c', '>', '5', 5)], ps, 'typescript')
    ).toBeUndefined()
  })

  it('uses falsy values for !p / not p, and other types for typeof checks', () => {
    expect(values(fromGuard('!name', [], [param('name', 'string')], 'typescript'))).toEqual({
      name: ''
    })
    expect(values(fromGuard('not items', [], [param('items', 'list[int]')], 'python'))).toEqual({
      items: []
    })
    expect(
      values(
        fromGuard(
          "typeof x !== 'string'",
          [cmp('typeof x', '!==', "'string'", 'string')],
          [param('x')],
          'javascript'
        )
      )
    ).toEqual({ x: 1 })
    expect(
      values(
        fromGuard(
          'mode != "fast"',
          [cmp('mode', '!=', '"fast"', 'fast')],
          [param('mode', 'str')],
          'python'
        )
      )
    ).toEqual({ mode: 'fast-unexpected' })
  })

  it('gives nothing when the guard compares something that is not a parameter', () => {
    expect(
      fromGuard('port > 65535', [cmp('port', '>', '65535', 65535)], [param('text')], 'python')
    ).toBeUndefined()
    expect(fromGuard('isReady()', [], [param('text')], 'typescript')).toBeUndefined()
  })
})

describe('handlerCatches and isOptionalParam', () => {
  it('matches handler types by their last segment; no types catch everything', () => {
    expect(handlerCatches([], ['ValueError'])).toBe(true)
    expect(handlerCatches(['json.JSONDecodeError'], ['ValueError', 'JSONDecodeError'])).toBe(true)
    expect(handlerCatches(['KeyError'], ['ValueError', 'Exception'])).toBe(false)
  })

  it('reads optional parameters from ?, unions with undefined/null, Optional[...] and default None', () => {
    expect(isOptionalParam(param('a', 'string', { optional: true }), 'typescript')).toBe(true)
    expect(isOptionalParam(param('a', 'string | null'), 'typescript')).toBe(true)
    expect(
      isOptionalParam(param('a', 'Options', { optional: true, defaultValue: '{}' }), 'typescript')
    ).toBe(false)
    expect(isOptionalParam(param('a', 'Optional[str]'), 'python')).toBe(true)
    expect(isOptionalParam(param('a', 'str | None'), 'python')).toBe(true)
    expect(isOptionalParam(param('a', undefined, { defaultValue: 'None' }), 'python')).toBe(true)
    expect(isOptionalParam(param('a', 'Optional[str]', { defaultValue: '"x"' }), 'python')).toBe(
      false
    )
  })
})
