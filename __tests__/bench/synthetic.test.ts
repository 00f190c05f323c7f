// The benchmark's synthetic repository: the requested size, and code that parses without errors
// (a benchmark over broken code would measure error recovery, not the model).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeSyntheticRepository } from '../../src/bench/synthetic.js'
import { buildModel } from '../../src/model/build.js'
import { collectFacts } from '../../src/repo/facts.js'
import { loadRepository } from '../../src/repo/loader.js'

const roots: string[] = []
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true })
})

async function generate(options: Parameters<typeof writeSyntheticRepository>[1]) {
  const root = mkdtempSync(join(tmpdir(), 'synthetic-'))
  roots.push(root)
  const written = writeSyntheticRepository(root, options)
  const repo = await loadRepository(root, {})
  const model = await buildModel(repo, await collectFacts(repo, {}))
  return { written, model }
}

test('TypeScript: the requested number of lines, realistic structure, no syntax errors', async () => {
  const { written, model } = await generate({ lines: 3000, language: 'ts' })
  expect(written.lines).toBeGreaterThanOrEqual(3000)
  expect(written.lines).toBeLessThan(3600)
  expect(model.stats.partial).toBe(0)
  expect(model.stats.syntaxErrors).toBe(0)
  const sources = model.modules.filter((m) => m.path.startsWith('src/service-'))
  expect(sources.length).toBeGreaterThan(3)
  for (const m of sources) {
    expect(m.classes.length).toBeGreaterThan(0)
    expect(m.loops.length).toBeGreaterThan(0)
    expect(m.tries.length).toBeGreaterThan(0)
    expect(m.throws.length).toBeGreaterThan(0)
  }
  const tests = model.modules.filter((m) => m.isTest)
  expect(tests.length).toBeGreaterThan(0)
  expect(tests[0].test?.importedModules).toEqual([
    tests[0].path.replace('__tests__/', 'src/').replace('.test.ts', '.ts')
  ])
})

test('a byte budget and a file count are honoured; the same seed writes the same repository', async () => {
  const a = await generate({ bytes: 64 * 1024, language: 'mixed' })
  expect(a.written.bytes).toBeGreaterThanOrEqual(64 * 1024)
  expect(a.written.bytes).toBeLessThan(96 * 1024)
  expect(a.model.modules.some((m) => m.language === 'python')).toBe(true)
  expect(a.model.stats.partial).toBe(0)
  const b = await generate({ bytes: 64 * 1024, language: 'mixed' })
  expect(b.written).toEqual(a.written)
  const c = await generate({ lines: 1000, files: 4, language: 'py' })
  expect(c.model.modules.filter((m) => m.path.startsWith('pkg/service_'))).toHaveLength(4)
})
