// The validation figure of `npm run bench -- --validate [path]`: the edge-cases perspective's specs of
// a repository (or of a generated node:test project) observed and run with the project's own runner,
// as the validation stage does in a plan run. It measures: time of the stage, per spec and per runner
// run, the suite's coverage run, and peak memory of this process (the runners are child processes;
// Node gives no figure for their memory, so `/usr/bin/time -v` on a whole run is the way to see it).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { runPerspective } from '../engine/run-perspective.js'
import { validateSpecs } from '../execute/stage.js'
import { buildModel } from '../model/build.js'
import { collectFacts } from '../repo/facts.js'
import { loadRepository } from '../repo/loader.js'
import { detectTargetWithReason } from '../specs/detect.js'
import { probeTargets } from '../execute/probe-targets.js'

export interface ValidationFigures {
  root: string
  framework: string
  specs: number
  /** Spec files the runner ran (not todos skipped at once, not plan-only). */
  ran: number
  delivered: number
  runnerRuns: number
  stageMs: number
  suiteCoverageMs: number
  msPerSpec: number
  msPerRunnerRun: number
  peakRssMb: number
  skipped: string | null
  /** The defect probe (src/execute/probe*.ts): modules probed, defects reported, time of its children. */
  probedModules: number
  probedDefects: number
  probeMs: number
}

/** A small node:test project: `modules` modules of untyped functions, one test file calling half of them. */
export function writeValidationProject(root: string, modules: number): void {
  mkdirSync(join(root, 'src'), { recursive: true })
  mkdirSync(join(root, 'test'), { recursive: true })
  // The stage starts only when the project's dependencies are installed (node:test needs none).
  mkdirSync(join(root, 'node_modules'), { recursive: true })
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({ name: 'bench-validation', private: true, type: 'module', main: 'src/m0.js' })
  )
  const tested: string[] = []
  for (let i = 0; i < modules; i++) {
    writeFileSync(
      join(root, 'src', `m${i}.js`),
      [
        // Typed in JSDoc, so the defect probe calls them too.
        `/**`,
        ` * @param {string} text`,
        ` * @param {number} width`,
        ` */`,
        `export function pad${i}(text, width) {`,
        `  if (text.length >= width) return text`,
        `  return text + ' '.repeat(width - text.length)`,
        `}`,
        ``,
        `/** @param {string} text */`,
        `export function words${i}(text) {`,
        `  return text.split(' ').filter((w) => w.length > ${i % 3})`,
        `}`,
        ``
      ].join('\n')
    )
    if (i % 2 === 0) tested.push(`import { pad${i} } from '../src/m${i}.js'`)
  }
  writeFileSync(
    join(root, 'test', 'm.test.js'),
    [
      `import assert from 'node:assert/strict'`,
      `import { test } from 'node:test'`,
      ...tested,
      ...tested.map(
        (_, k) => `test('pad${k * 2}', () => assert.equal(pad${k * 2}('ab', 3), 'ab '))`
      )
    ].join('\n') + '\n'
  )
}

export async function measureValidation(root: string): Promise<ValidationFigures> {
  const repo = await loadRepository(root, {})
  const facts = await collectFacts(repo, {})
  const model = await buildModel(repo, facts)
  const { target } = detectTargetWithReason(facts, model.modules)
  const texts = new Map(repo.files.map((f) => [f.path, f.text]))
  const edgeCases = PERSPECTIVES.find((p) => p.meta.id === 'edge-cases')!
  const run = await runPerspective(edgeCases, {
    model,
    target,
    now: new Date().toISOString(),
    source: (path) => texts.get(path)
  })
  let peakRss = process.memoryUsage.rss()
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
  }, 20)
  try {
    const result = await validateSpecs(
      run.specs.map((spec) => ({
        spec,
        draft: run.drafts?.get(spec.id),
        perspectiveId: 'edge-cases'
      })),
      {
        workspace: root,
        exclude: [],
        target,
        mode: 'auto',
        secrets: [],
        probes: probeTargets(model, () => true),
        probeHomes: ['edge-cases']
      }
    )
    const outcomes = [...result.outcomes.values()]
    const ran = outcomes.filter((o) => o.validation.runs > 0)
    const runnerRuns = ran.reduce((n, o) => n + o.validation.runs, 0)
    const runMs = ran.reduce((n, o) => n + o.validation.millis, 0)
    return {
      root,
      framework: target.framework,
      specs: outcomes.length,
      ran: ran.length,
      delivered: outcomes.filter((o) => o.deliver).length,
      runnerRuns,
      stageMs: result.millis,
      suiteCoverageMs: result.coverage?.millis ?? 0,
      msPerSpec: outcomes.length > 0 ? Math.round(result.millis / outcomes.length) : 0,
      msPerRunnerRun: runnerRuns > 0 ? Math.round(runMs / runnerRuns) : 0,
      peakRssMb: Math.round(Math.max(peakRss, process.memoryUsage.rss()) / 1048576),
      skipped: result.skipped,
      probedModules: probeTargets(model, () => true).length,
      probedDefects: (result.probed ?? []).filter((p) => p.delivered).length,
      probeMs: result.probeMillis ?? 0
    }
  } finally {
    clearInterval(sampler)
  }
}

export function validationText(f: ValidationFigures): string {
  return [
    `validation (${f.framework}): ${f.specs} specs, ${f.ran} run by the runner, ${f.delivered} delivered${f.skipped ? ` (skipped: ${f.skipped})` : ''}`,
    `stage ${f.stageMs} ms (suite under coverage ${f.suiteCoverageMs} ms), ${f.msPerSpec} ms per spec, ${f.runnerRuns} runner runs at ${f.msPerRunnerRun} ms each`,
    `defect probe: ${f.probedModules} modules called in ${f.probeMs} ms (${f.probedModules > 0 ? Math.round(f.probeMs / f.probedModules) : 0} ms per module), ${f.probedDefects} defects reported`,
    `peak RSS ${f.peakRssMb} MB (this process, sampled; runners are separate processes)`
  ].join('\n')
}
