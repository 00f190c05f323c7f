// The rows a test-coverage gap spec tries when the code can run: each boundary value of an uncovered
// condition in its own parameter, the other parameters filled in turn by a list, a string and a number
// (nothing says which they take), or, with no boundary, every parameter filled alike. They claim no
// result (the validation stage observes them), so none can become a defect.
import { describe, expect, it } from '@jest/globals'
import { aimedRows } from '../../perspectives/test-coverage/specs.js'
import type { Parameter } from '../../src/model/types.js'

const param = (name: string, extra: Partial<Parameter> = {}): Parameter => ({
  name,
  optional: false,
  rest: false,
  ...extra
})

describe('rows aimed at a gap', () => {
  it("put each boundary value in its parameter and fill the others, JavaScript's `quantileSorted(values, p, valueof)`", () => {
    const rows = aimedRows(
      [param('values'), param('p'), param('valueof', { optional: true })],
      'javascript',
      [
        { param: 'p', value: 1, holds: true, comparison: 'p >= 1' },
        { param: 'p', value: 0, holds: false, comparison: 'p >= 1' }
      ]
    )
    expect(rows.map((r) => r.args)).toEqual([
      [[3, 1, 2], 1],
      [[3, 1, 2], 0],
      ['example', 1],
      ['example', 0],
      [2, 1],
      [2, 0]
    ])
    expect(rows[0].name).toBe('p = 1 (p >= 1 is true)')
    // Nothing is claimed: the stage keeps what it observes.
    expect(rows.every((r) => r.expect.kind === 'does-not-throw' && !r.source)).toBe(true)
  })

  it('fill every required parameter alike when no condition gives a value (a function the suite never ran)', () => {
    const rows = aimedRows(
      [param('self'), param('data'), param('width', { defaultValue: '3' })],
      'python',
      []
    )
    expect(rows.map((r) => r.args)).toEqual([[[3, 1, 2]], ['example'], [2]])
  })

  it('give nothing for a function without a required positional parameter and no boundary', () => {
    expect(aimedRows([param('options', { optional: true })], 'javascript', [])).toEqual([])
  })
})
