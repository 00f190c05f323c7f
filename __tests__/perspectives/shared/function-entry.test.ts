// Which coverage entry speaks for a function (docs/evaluation/reach.md, round P). logform's report holds
// its source colorize.js (the method `colorize` at line 63 as `(anonymous_4)`, run 34 times) and its
// babel build dist/colorize.js, which the report reader maps onto the same file: the build's `colorize`
// sits one line lower and never ran. The entry on the declaration's own line speaks first.
import { functionEntry } from '../../../perspectives/shared/test-reach.js'
import type { FileCoverage, FunctionDecl } from '../../../src/model/types.js'

const fn = (name: string, qualifiedName: string, startLine: number): FunctionDecl =>
  ({ name, qualifiedName, loc: { startLine, endLine: startLine + 3 } }) as unknown as FunctionDecl

const file = (functions: FileCoverage['functions']): FileCoverage => ({
  path: 'colorize.js',
  linesFound: 0,
  linesHit: 0,
  branchesFound: 0,
  branchesHit: 0,
  uncoveredLines: [],
  functions
})

describe('the coverage entry of a function', () => {
  it("the anonymous entry on the method's own line wins over a build's named entry one line lower", () => {
    const merged = file([
      { name: '(anonymous_4)', line: 63, hits: 34 },
      { name: 'colorize', line: 64, hits: 0 }
    ])
    expect(functionEntry(merged, fn('colorize', 'Colorizer.colorize', 63))?.hits).toBe(34)
  })

  it('a named entry on the line after the declaration still counts when the line itself has none', () => {
    const decorated = file([{ name: 'handler', line: 6, hits: 2 }])
    expect(functionEntry(decorated, fn('handler', 'handler', 5))?.hits).toBe(2)
  })
})
