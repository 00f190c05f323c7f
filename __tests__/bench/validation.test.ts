// The benchmark's validation figure on its generated node:test project: every spec is observed, run
// 3 times and delivered, the defect probe calls both modules (their JSDoc types hold: no defect), and
// the figure counts specs, runner runs and the stage's parts. Times are
// measured by the benchmark, never asserted here.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  measureValidation,
  validationText,
  writeValidationProject
} from '../../src/bench/validation.js'

test('2 modules: 4 specs, each run 3 times and delivered; the text names the figures', async () => {
  const root = mkdtempSync(join(tmpdir(), 'bench-validation-'))
  try {
    writeValidationProject(root, 2)
    const f = await measureValidation(root)
    expect(f).toMatchObject({
      framework: 'node:test',
      specs: 4,
      ran: 4,
      delivered: 4,
      runnerRuns: 12,
      skipped: null,
      probedModules: 2,
      probedDefects: 0
    })
    expect(f.peakRssMb).toBeGreaterThan(0)
    expect(validationText(f)).toContain('4 specs, 4 run by the runner, 4 delivered')
    expect(validationText(f)).toContain('12 runner runs')
    expect(validationText(f)).toContain('defect probe: 2 modules called in')
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}, 120_000)
