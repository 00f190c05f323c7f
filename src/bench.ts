// `npm run bench`: measures building the code model of a path, or of a synthetic repository that it
// generates: files/s, MB/s, lines/s, time per stage, and peak memory.
//
//   node --expose-gc .tmp/bench/bench.js [path] [--lines N] [--mb N] [--files N] [--lang ts|py|mixed] [--keep] [--json]
//   node .tmp/bench/bench.js --validate [path] [--modules N] [--json]   (the validation stage: time per spec and per run)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { type SyntheticLanguage, writeSyntheticRepository } from './bench/synthetic.js'
import { measureValidation, validationText, writeValidationProject } from './bench/validation.js'
import { buildModel, type BuildTimings } from './model/build.js'
import { collectFacts } from './repo/facts.js'
import { loadRepository } from './repo/loader.js'

interface Figures {
  root: string
  files: number
  bytes: number
  lines: number
  partial: number
  loadMs: number
  factsMs: number
  parseMs: number
  extractMs: number
  modelMs: number
  totalMs: number
  /** CPU time (user + system) of the whole run: on a shared machine wall time includes waiting for a core. */
  cpuMs: number
  filesPerSecond: number
  mbPerSecond: number
  linesPerSecond: number
  msPerMb: number
  peakRssMb: number
  maxRssMb: number
}

function usage(): string {
  return 'usage: bench [path] [--lines N] [--mb N] [--files N] [--lang ts|py|mixed] [--keep] [--json]\n       bench --validate [path] [--modules N] [--keep] [--json]'
}

function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`--${flag} takes a positive number, not "${value}". ${usage()}`)
  return n
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      lines: { type: 'string' },
      mb: { type: 'string' },
      files: { type: 'string' },
      lang: { type: 'string', default: 'ts' },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      validate: { type: 'boolean', default: false },
      modules: { type: 'string' },
      help: { type: 'boolean', default: false }
    }
  })
  if (values.help) {
    console.log(usage())
    return
  }
  if (values.validate) {
    await benchValidation(positionals[0], positiveNumber(values.modules, 'modules'), values)
    return
  }
  const lang = values.lang as SyntheticLanguage
  if (!['ts', 'py', 'mixed'].includes(lang))
    throw new Error(`--lang takes ts, py or mixed, not "${values.lang}". ${usage()}`)

  let root: string
  let temporary: string | undefined
  if (positionals[0]) root = resolve(positionals[0])
  else {
    const lines = positiveNumber(values.lines, 'lines')
    const mb = positiveNumber(values.mb, 'mb')
    temporary = mkdtempSync(join(tmpdir(), 'test-planning-bench-'))
    root = temporary
    const written = writeSyntheticRepository(root, {
      lines: lines ?? (mb === undefined ? 100_000 : undefined),
      bytes: mb === undefined ? undefined : mb * 1024 * 1024,
      files: positiveNumber(values.files, 'files'),
      language: lang
    })
    console.error(
      `synthetic repository: ${written.files} files, ${written.lines} lines, ${(written.bytes / 1048576).toFixed(1)} MB in ${root}`
    )
  }

  ;(globalThis as { gc?: () => void }).gc?.()
  let peakRss = process.memoryUsage.rss()
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
  }, 10)
  try {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const repo = await loadRepository(root, {})
    const t1 = performance.now()
    const facts = await collectFacts(repo, {})
    const t2 = performance.now()
    const timings: BuildTimings = { parseMs: 0, extractMs: 0 }
    let built = 0
    const onFile = (): void => {
      if (++built % 16 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss())
    }
    const model = await buildModel(repo, facts, { timings, onFile })
    const t3 = performance.now()
    const cpu = process.cpuUsage(cpu0)
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
    const seconds = (t3 - t0) / 1000
    const mb = model.stats.bytes / 1048576
    const figures: Figures = {
      root,
      files: model.stats.files,
      bytes: model.stats.bytes,
      lines: model.stats.lines,
      partial: model.stats.partial,
      loadMs: Math.round(t1 - t0),
      factsMs: Math.round(t2 - t1),
      parseMs: Math.round(timings.parseMs),
      extractMs: Math.round(timings.extractMs),
      modelMs: Math.round(t3 - t2),
      totalMs: Math.round(t3 - t0),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      filesPerSecond: Math.round(model.stats.files / seconds),
      mbPerSecond: Number((mb / seconds).toFixed(2)),
      linesPerSecond: Math.round(model.stats.lines / seconds),
      msPerMb: Number(((t3 - t0) / Math.max(mb, 1e-9)).toFixed(1)),
      peakRssMb: Math.round(peakRss / 1048576),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024)
    }
    if (values.json) console.log(JSON.stringify(figures, null, 2))
    else {
      console.log(
        [
          `files ${figures.files} (${figures.partial} partial), ${mb.toFixed(2)} MB, ${figures.lines} lines`,
          `load ${figures.loadMs} ms, facts ${figures.factsMs} ms, model ${figures.modelMs} ms (parse ${figures.parseMs} ms, extract ${figures.extractMs} ms), total ${figures.totalMs} ms wall, ${figures.cpuMs} ms CPU`,
          `${figures.filesPerSecond} files/s, ${figures.mbPerSecond} MB/s, ${figures.linesPerSecond} lines/s, ${figures.msPerMb} ms/MB`,
          `peak RSS ${figures.peakRssMb} MB (sampled), maxRSS ${figures.maxRssMb} MB (getrusage)`
        ].join('\n')
      )
    }
  } finally {
    clearInterval(sampler)
    if (temporary && !values.keep) rmSync(temporary, { recursive: true, force: true })
  }
}

/** The validation stage on `path`, or on a generated node:test project of `modules` modules (default 8). */
async function benchValidation(
  path: string | undefined,
  modules: number | undefined,
  flags: { keep?: boolean; json?: boolean }
): Promise<void> {
  const temporary = path ? undefined : mkdtempSync(join(tmpdir(), 'test-planning-bench-validate-'))
  const root = path ? resolve(path) : temporary!
  if (temporary) writeValidationProject(temporary, Math.round(modules ?? 8))
  try {
    const figures = await measureValidation(root)
    console.log(flags.json ? JSON.stringify(figures, null, 2) : validationText(figures))
  } finally {
    if (temporary && !flags.keep) rmSync(temporary, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
})
