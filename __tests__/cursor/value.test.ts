import { PERSPECTIVES } from '../../perspectives/index.js'
import { advance, following, formatCursor, parseCursor } from '../../src/cursor/value.js'

const metas = PERSPECTIVES.map((p) => p.meta)

describe('cursor value', () => {
  it('reads the documented JSON form with an id, a number or a title in "next"', () => {
    expect(parseCursor('{"next":"integration-points","iteration":41}', metas)).toEqual({
      ok: true,
      cursor: { next: 3, iteration: 41 }
    })
    expect(parseCursor('{"next": 15, "iteration": 2}', metas)).toEqual({
      ok: true,
      cursor: { next: 15, iteration: 2 }
    })
    expect(parseCursor('{"next":"Security"}', metas)).toEqual({
      ok: true,
      cursor: { next: 10, iteration: 1 }
    })
  })

  it('accepts a bare number, id or title (a person jumping the rotation)', () => {
    expect(parseCursor('3', metas)).toEqual({ ok: true, cursor: { next: 3, iteration: 1 } })
    expect(parseCursor(' ci-cd \n', metas)).toEqual({
      ok: true,
      cursor: { next: 14, iteration: 1 }
    })
    expect(parseCursor('"edge-cases"', metas)).toEqual({
      ok: true,
      cursor: { next: 4, iteration: 1 }
    })
  })

  it.each([
    ['', 'empty'],
    ['{"next":', 'not valid JSON'],
    ['{"iteration":3}', '"next" is missing'],
    ['{"next":16,"iteration":3}', "'16' is not a perspective"],
    ['{"next":"scope","iteration":0}', '"iteration" must be a whole number'],
    ['{"next":"scope","iteration":2.5}', '"iteration" must be a whole number'],
    ['[1,2]', 'expected an object'],
    ['banana', "'banana' is not a perspective"]
  ])('rejects %j with a reason (%s)', (raw, reason) => {
    const parsed = parseCursor(raw, metas)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toContain(reason)
  })

  it('writes what it reads: the id form, round-tripping', () => {
    const text = formatCursor({ next: 3, iteration: 42 }, metas)
    expect(text).toBe('{"next":"integration-points","iteration":42}')
    expect(parseCursor(text, metas)).toEqual({ ok: true, cursor: { next: 3, iteration: 42 } })
  })

  it('advances past 15 back to 1 and counts iterations', () => {
    expect(following(15, 15)).toBe(1)
    expect(following(1, 15)).toBe(2)
    expect(advance({ next: 15, iteration: 30 }, 15)).toEqual({ next: 1, iteration: 31 })
  })
})
