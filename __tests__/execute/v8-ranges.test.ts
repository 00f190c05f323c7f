// V8 block coverage read per script, then added over processes: a branch one process took and another
// listed with count 0 ran; a branch no process took did not.
import { describe, expect, it } from '@jest/globals'
import { ran } from '../../src/execute/coverage.js'
import { addScripts, flattenScript } from '../../src/execute/v8-ranges.js'

const r = (startOffset: number, endOffset: number, count: number) => ({
  startOffset,
  endOffset,
  count
})

describe('flattenScript', () => {
  it('gives each byte the count of its innermost range', () => {
    // script 0-100 (1), function 10-90 (2), block 20-30 (0), block 50-60 (5)
    expect(flattenScript([r(0, 100, 1), r(10, 90, 2), r(20, 30, 0), r(50, 60, 5)])).toEqual([
      r(0, 10, 1),
      r(10, 20, 2),
      r(20, 30, 0),
      r(30, 50, 2),
      r(50, 60, 5),
      r(60, 90, 2),
      r(90, 100, 1)
    ])
  })
  it('cuts a range that does not nest at its parent end', () => {
    expect(flattenScript([r(0, 10, 1), r(5, 20, 0)])).toEqual([r(0, 5, 1), r(5, 10, 0)])
  })
})

describe('addScripts', () => {
  // The function 10-90 ran in both processes; each listed the branch it did not take with count 0.
  const first = flattenScript([r(0, 100, 1), r(10, 90, 1), r(40, 60, 0), r(70, 80, 0)])
  const second = flattenScript([r(0, 100, 1), r(10, 90, 1), r(20, 30, 0), r(70, 80, 0)])
  const added = addScripts([first, second])

  it('a byte ran when it ran in any process', () => {
    expect(ran(added, 25)).toBe(true)
    expect(ran(added, 45)).toBe(true)
  })
  it('a block no process ran is still not run', () => {
    expect(ran(added, 75)).toBe(false)
  })
  it('pooling the raw ranges instead would call both taken branches unrun', () => {
    const pooled = [
      ...[r(0, 100, 1), r(10, 90, 1), r(40, 60, 0), r(70, 80, 0)],
      ...[r(0, 100, 1), r(10, 90, 1), r(20, 30, 0), r(70, 80, 0)]
    ]
    expect(ran(pooled, 25)).toBe(false)
    expect(ran(pooled, 45)).toBe(false)
  })
  it('leaves out what no script covers and joins equal neighbours', () => {
    expect(addScripts([[r(0, 10, 1)], [r(20, 30, 0), r(30, 40, 0)]])).toEqual([
      r(0, 10, 1),
      r(20, 40, 0)
    ])
  })
})
