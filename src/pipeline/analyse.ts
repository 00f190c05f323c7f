// Stages 3-4: load the target repository, collect its facts, build the code model, and decide the
// framework specs are written for.
import { relative, sep } from 'node:path'
import type { CodeModel, LoadedRepository, RepositoryFacts } from '../model/types.js'
import type { RenderTarget } from '../specs/types.js'
import { buildModel } from '../model/build.js'
import { optionalBranches } from '../model/optional-imports.js'
import { notTakenBranches } from '../model/platform-branches.js'
import { currentNode, jsNotTakenBranches } from '../model/js-platform-branches.js'
import { valueBranches } from '../model/value-branches.js'
import { findUnloadableTests, unloadableText } from '../model/test-loading.js'
import { askPython } from '../execute/python.js'
import { expandCoverageGlobs } from '../repo/coverage-globs.js'
import { collectFacts } from '../repo/facts.js'
import { loadRepository } from '../repo/loader.js'
import { detectTargetWithReason } from '../specs/detect.js'
import type { RunConfig } from '../config/types.js'
import type { Logger } from '../log.js'
import { syntaxErrorText } from '../report/syntax-errors.js'
import { stage, timed } from './timing.js'

export interface Analysis {
  repo: LoadedRepository
  facts: RepositoryFacts
  model: CodeModel
  target: RenderTarget
  targetReason: string
  timings: { load: number; model: number }
}

/** The results folder, when inside the target, is not part of what we analyse. */
export function outputExcludes(root: string, outputDir: string): string[] {
  const rel = relative(root, outputDir)
  if (rel === '' || rel.startsWith('..') || rel.startsWith(sep) || /^[A-Za-z]:/.test(rel)) return []
  const glob = rel.split(sep).join('/')
  return [glob, `${glob}/**`]
}

export async function analyseRepository(config: RunConfig, logger: Logger): Promise<Analysis> {
  const { value: loaded, millis: load } = await timed(() =>
    stage(logger, 'Load the repository', async () => {
      const repo = await loadRepository(config.root, {
        maxFileBytes: config.maxFileBytes,
        include: config.file.include.length > 0 ? config.file.include : undefined,
        exclude: [...config.file.exclude, ...outputExcludes(config.root, config.outputDir)]
      })
      const skipped = Object.entries(repo.skipped).filter(([, s]) => s.count > 0)
      logger.info(`${repo.files.length} source files to analyse`)
      if (skipped.length > 0)
        logger.info(`Skipped: ${skipped.map(([reason, s]) => `${s.count} ${reason}`).join(', ')}`)
      const coverageNotes: string[] = []
      const coveragePaths = expandCoverageGlobs(config.root, config.coverage ?? [], coverageNotes)
      const facts = await collectFacts(repo, { historyDays: config.historyDays, coveragePaths })
      if (coverageNotes.length > 0) facts.notes = [...(facts.notes ?? []), ...coverageNotes].sort()
      logger.info(
        `Facts: ${facts.manifests.length} manifests, ${facts.ci.length} CI files, ${facts.coverage.length} coverage reports, ` +
          (facts.git.available
            ? `${facts.git.commitsExamined} commits of history`
            : `no git history${facts.git.note ? ` (${facts.git.note})` : ''}`)
      )
      return { repo, facts }
    })
  )
  const { value: model, millis: modelMillis } = await timed(() =>
    stage(logger, 'Build the code model', async () => {
      const built = await buildModel(loaded.repo, loaded.facts)
      const named = syntaxErrorText(built.stats.syntaxErrorFiles ?? [], 5)
      logger.info(
        `${built.stats.files} modules, ${built.stats.lines} lines (${built.stats.partial} parsed partially${named ? `; syntax errors: ${named}` : ''})`
      )
      return built
    })
  )
  // Test files that cannot run here give no reach (the layout names them, with what is missing).
  const loading = await findUnloadableTests(model, (names) =>
    askPython(config.root, process.env.TEST_PLANNING_PYTHON ?? null, names)
  )
  if (loading.unloadable.length > 0) model.facts.unloadableTests = loading.unloadable
  // Code under a version or platform check this interpreter does not take runs only elsewhere.
  const branches = [
    ...(loading.interpreter
      ? [
          ...notTakenBranches(loaded.repo.files, loading.interpreter),
          ...optionalBranches(loaded.repo.files, loading.optionalMissing ?? [])
        ]
      : []),
    ...jsNotTakenBranches(loaded.repo.files, currentNode()),
    ...valueBranches(model, loaded.repo.files)
  ]
  if (branches.length > 0) model.facts.notTakenBranches = branches
  const detected = detectTargetWithReason(
    loaded.facts,
    model.modules,
    config.framework ?? undefined
  )
  logger.info(
    `Specs are written for ${detected.target.framework} (${detected.target.language}): ${detected.reason}`
  )
  if (detected.target.layout)
    detected.target.layout.notes.push(...loading.notes, ...loading.unloadable.map(unloadableText))
  for (const note of detected.target.layout?.notes ?? []) logger.info(`Test layout: ${note}`)
  return {
    repo: loaded.repo,
    facts: loaded.facts,
    model,
    target: detected.target,
    targetReason: detected.reason,
    timings: { load, model: modelMillis }
  }
}
