import type { Parameter } from '../../../src/model/types.js'
import { planArguments, sampleForType, splitTopLevel } from '../../../perspectives/shared/values.js'

const param = (name: string, extra: Partial<Parameter> = {}): Parameter => ({
  name,
  optional: false,
  rest: false,
  ...extra
})

describe('sampleForType', () => {
  it.each([
    ['string', 'example'],
    ['number', 1],
    ['boolean', true],
    ['string[]', []],
    ['Array<number>', []],
    ['Record<string, number>', {}],
    ["'fast' | 'slow'", 'fast'],
    ['Date', { $date: '2024-01-01T00:00:00.000Z' }],
    ['Options | null', null],
    ['number | undefined', { $special: 'undefined' }]
  ])('TypeScript %s', (type, value) => {
    expect(sampleForType(type, 'typescript')).toEqual(value)
  })

  it.each([
    ['str', 'example'],
    ['int', 1],
    ['float', 1.5],
    ['list[str]', []],
    ['Dict[str, int]', {}],
    ['Optional[int]', null],
    ['int | None', null],
    ["Literal['a', 'b']", 'a'],
    ['bytes', { $code: { python: "b'example'" } }]
  ])('Python %s', (type, value) => {
    expect(sampleForType(type, 'python')).toEqual(value)
  })

  it('gives nothing for a type it cannot build, or no type', () => {
    expect(sampleForType('Order', 'typescript')).toBeUndefined()
    expect(sampleForType('Set<string>', 'typescript')).toBeUndefined()
    expect(sampleForType('Path', 'python')).toBeUndefined()
    expect(sampleForType(undefined, 'javascript')).toBeUndefined()
  })
})

describe('planArguments', () => {
  it('passes required parameters and leaves optional ones at the end out', () => {
    const plan = planArguments(
      [param('a', { type: 'string' }), param('b', { type: 'number', optional: true })],
      'typescript'
    )
    expect(plan).toEqual({ ok: true, args: ['example'] })
  })

  it('passes undefined for an optional JavaScript parameter before a required one', () => {
    const plan = planArguments(
      [param('a', { type: 'string', defaultValue: "'x'" }), param('b', { type: 'number' })],
      'typescript'
    )
    expect(plan).toEqual({ ok: true, args: [{ $special: 'undefined' }, 1] })
  })

  it('skips self and rest parameters in Python', () => {
    const plan = planArguments(
      [param('self'), param('name', { type: 'str' }), param('args', { rest: true })],
      'python'
    )
    expect(plan).toEqual({ ok: true, args: ['example'] })
  })

  it('names the parameters it cannot build, including required keyword-only ones', () => {
    const plan = planArguments(
      [
        param('order', { type: 'Order' }),
        param('items'),
        param('flag', { type: 'bool', keywordOnly: true })
      ],
      'python'
    )
    expect(plan.ok).toBe(false)
    expect(plan.ok ? [] : plan.unknown.map((p) => p.name).sort()).toEqual([
      'flag',
      'items',
      'order'
    ])
  })
})

describe('splitTopLevel', () => {
  it('splits outside brackets and quotes only', () => {
    expect(splitTopLevel("Map<string, A | B> | 'x|y' | null", '|')).toEqual([
      'Map<string, A | B>',
      "'x|y'",
      'null'
    ])
  })
})
