// Builds the code model of a loaded repository: parse every source file with its tree-sitter
// grammar, extract the language-neutral module model, resolve imports and link tests to sources.
// A file that cannot be parsed or extracted becomes a partial module; it never stops the run.
import { type BuildModuleOptions, buildModule, ParserPool } from './build-module.js'
import { linkCallers } from './callers.js'
import { linkTests, resolveImports } from './link.js'
import { createResolver } from './resolve.js'
import { addCheckerReceivers } from './ts-receivers.js'
import { classifySurface } from './surface.js'
import type {
  CodeModel,
  LoadedRepository,
  ModelStats,
  ModuleModel,
  RepositoryFacts
} from './types.js'

export type { BuildTimings, Extractor } from './build-module.js'

export interface BuildOptions extends BuildModuleOptions {
  /** Called after each file (the benchmark samples memory here). */
  onFile?: (module: ModuleModel) => void
}

function statsOf(modules: ModuleModel[], millis: number): ModelStats {
  const stats: ModelStats = {
    files: modules.length,
    bytes: 0,
    lines: 0,
    parsed: 0,
    partial: 0,
    syntaxErrors: 0,
    millis
  }
  for (const m of modules) {
    stats.bytes += m.bytes
    stats.lines += m.lines
    stats.syntaxErrors += m.syntaxErrors
    if (m.status === 'parsed') stats.parsed++
    else stats.partial++
  }
  const withErrors = modules
    .filter((m) => m.syntaxErrors > 0)
    .map((m) => ({ path: m.path, count: m.syntaxErrors }))
  withErrors.sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  if (withErrors.length > 0) stats.syntaxErrorFiles = withErrors
  return stats
}

export async function buildModel(
  repo: LoadedRepository,
  facts: RepositoryFacts,
  options: BuildOptions = {}
): Promise<CodeModel> {
  const started = performance.now()
  // One thread: worker threads measured slower on the shared 2-core machine (30 MB: 38.4 s with two
  // workers against 35.2 s on one thread), the cost of starting parsers and copying models back.
  const modules = await buildOnThisThread(repo, options)
  modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  try {
    await addCheckerReceivers(repo.files, modules)
  } catch (error) {
    // A refinement: without it every member use of a method name stays untyped, as before.
    options.logger?.debug(`Reading receiver types with the checker failed: ${String(error)}`)
  }
  const resolver = createResolver(
    modules.map((m) => m.path),
    facts
  )
  resolveImports(modules, resolver)
  linkTests(modules, resolver)
  const surface = classifySurface({ repo, manifests: facts.manifests, modules, ci: facts.ci })
  linkCallers(modules)
  return {
    root: repo.root,
    modules,
    facts,
    skipped: repo.skipped,
    stats: statsOf(modules, Math.round(performance.now() - started)),
    surface
  }
}

async function buildOnThisThread(
  repo: LoadedRepository,
  options: BuildOptions
): Promise<ModuleModel[]> {
  const pool = new ParserPool()
  const modules: ModuleModel[] = []
  try {
    let sinceYield = 0
    for (const file of repo.files) {
      const module = await buildModule(file, pool, options)
      modules.push(module)
      options.onFile?.(module)
      sinceYield += file.bytes
      if (sinceYield > 4 * 1024 * 1024) {
        // Let timers and I/O run during a long build.
        sinceYield = 0
        await new Promise((resolve) => setImmediate(resolve))
      }
    }
  } finally {
    await pool.dispose()
  }
  return modules
}
