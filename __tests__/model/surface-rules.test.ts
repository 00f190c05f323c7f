// Files that are not the product by their name or folder: type tests of every checker's naming, and the
// task libraries of build tools. Each read as shipped code once gave false "untested route" and "can
// throw" findings (fastify-static's tstyche types/index.tst.ts, ejs's jakelib/).
import { examplesRule, fixtureRule, toolingRule } from '../../src/model/surface-rules.js'

describe('type tests by name and folder', () => {
  it.each([
    ['types/index.tst.ts', '*.tst.ts'],
    ['test-d/index.test-d.ts', '*.test-d.ts'],
    ['src/__typetests__/api.test.ts', '__typetests__/']
  ])('%s is a type test (%s)', (path, shown) => {
    const match = fixtureRule(path)
    expect(match?.class).toBe('fixtures')
    expect(match?.reason).toContain(shown)
  })

  it('leaves ordinary sources and tests alone', () => {
    expect(fixtureRule('types/index.ts')).toBeNull()
    expect(fixtureRule('src/test.ts')).toBeNull()
    expect(fixtureRule('src/contest.tsx')).toBeNull()
  })
})

describe('build tools’ task libraries', () => {
  it('jake’s jakelib/ is tooling; lib/ is not', () => {
    expect(toolingRule('jakelib/ecosystem.js')?.class).toBe('tooling')
    expect(toolingRule('lib/ecosystem.js')).toBeNull()
  })
})

describe("a tool's top-level dot-folder (remeda's .claude/hooks)", () => {
  it('holds tooling; a dot-file at the root and a dotted folder below the top do not', () => {
    expect(toolingRule('.claude/hooks/lib/format.ts')).toEqual({
      class: 'tooling',
      reason: "inside the dot-folder .claude/ of a tool's own files"
    })
    expect(toolingRule('.eslintrc.cjs')?.reason).not.toMatch(/dot-folder/)
    expect(toolingRule('src/.internal/parse.ts')).toBeNull()
    expect(toolingRule('src/parse.ts')).toBeNull()
  })
})

describe('a demo program at the repository root (find-my-way, judged round 9)', () => {
  it.each(['example.js', 'examples.py', 'demo.ts'])('%s is an example', (path) => {
    expect(examplesRule(path)?.class).toBe('examples-docs')
  })
  it.each(['lib/example.js', 'example-parser.js', 'index.js'])('%s is not', (path) => {
    expect(examplesRule(path)).toBeNull()
  })
})
