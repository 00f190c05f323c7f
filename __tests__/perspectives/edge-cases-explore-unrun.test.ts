// Explore rows aimed at what the suite never ran: when a measured run left lines of a function unrun,
// the values of the conditions guarding them lead each pool (so a cap keeps them) and the base row;
// a condition whose lines all ran adds no such priority.
import { describe, expect, it } from '@jest/globals'
import { buildCatalogue, type FunctionEntry } from '../../perspectives/edge-cases/catalogue.js'
import { exploreBody, guardingUnrun } from '../../perspectives/edge-cases/explore.js'
import { buildSpecs } from '../../perspectives/edge-cases/specs.js'
import { buildFixtureModel } from './harness.js'

const SOURCE = [
  'def label(score, scale=None):', //         1
  '    if score < 0:', //                      2
  "        return 'negative'", //             3
  '    if score > 90:', //                     4
  "        return 'excellent'", //            5
  '    if scale is not None:', //              6
  '        return score * scale', //           7
  "    return 'pass'" //                       8
].join('\n')

async function entry(): Promise<FunctionEntry> {
  const { model } = await buildFixtureModel({ 'grade/core.py': `${SOURCE}\n` })
  const entries = buildCatalogue(model.modules, {
    maxValuesPerParam: 14,
    longStringLength: 10,
    lineText: () => ''
  })
  const found = entries.find((e) => e.fn.name === 'label')
  if (!found) throw new Error('no catalogue entry for label')
  return found
}

const calls = [1, 2, 3, 4, 5].map((n) => ({
  test: 'tests/test_core.py',
  line: n,
  args: [{ kind: 'literal' as const, text: String(n), value: n }]
}))

describe('explore rows for lines the suite never ran', () => {
  it('names the conditions guarding unrun lines, not those whose lines all ran', async () => {
    const e = await entry()
    expect([...guardingUnrun(e, new Set([5, 7]))].sort()).toEqual([4, 6])
    expect(guardingUnrun(e, new Set())).toEqual(new Set())
  })

  it("the guarding condition's values come first; an optional parameter it compares is varied", async () => {
    const e = await entry()
    const body = exploreBody(e, 'label', calls as never, new Set([5, 7]))!
    const names = body.cases.map((c) => c.name)
    // 90 and 91 (the comparison at line 4) before the tests' own values and line 2's, whose lines ran.
    expect(names.indexOf('score = 91')).toBeGreaterThan(-1)
    expect(names.indexOf('score = 91')).toBeLessThan(names.indexOf('score = -1'))
    // `scale` is compared with None at line 6, whose body never ran: it gets rows of its own.
    expect(names.some((n) => n.startsWith('scale = '))).toBe(true)
  })

  it('without measured unrun lines the rows are as before: code values in order, optional parameters held', async () => {
    const e = await entry()
    const body = exploreBody(e, 'label', calls as never)!
    const names = body.cases.map((c) => c.name)
    // The tests' values and line 2's fill the pool first: 91 is past the cap.
    expect(names).toContain('score = -1')
    expect(names).not.toContain('score = 91')
    expect(names.some((n) => n.startsWith('scale = '))).toBe(false)
    expect(body.cases.length).toBeLessThanOrEqual(14)
  })
})

describe('which functions get specs when the suite left lines unrun', () => {
  it('functions with unrun lines come first, and past the cap as many again of them', async () => {
    const source = ['a', 'b', 'c']
      .map((name) => `def ${name}(x):\n    if x > 1:\n        return 1\n    return 0\n`)
      .join('\n')
    const { model } = await buildFixtureModel({ 'pkg/core.py': source })
    const entries = buildCatalogue(model.modules, {
      maxValuesPerParam: 14,
      longStringLength: 10,
      lineText: () => ''
    })
    const specs = buildSpecs({
      entries,
      findings: [],
      maxSpecs: 1,
      unrun: (e) => (e.fn.name === 'a' ? new Set<number>() : new Set([e.fn.loc.startLine + 2]))
    })
    expect(specs.map((s) => s.target.symbol)).toEqual(['b', 'c'])
    const none = buildSpecs({ entries, findings: [], maxSpecs: 1 })
    expect(none.map((s) => s.target.symbol)).toEqual(['a'])
  })
})
