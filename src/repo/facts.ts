// Repository facts beside the code: manifests, CI files, coverage and test reports, git history
// and TypeScript path aliases. Every part tolerates missing or malformed input and says so in notes.
import type { LoadedRepository, RepositoryFacts } from '../model/types.js'
import { ConfigurationError } from '../util/errors.js'
import { readActionFiles, readCiFiles } from './ci-files.js'
import { readCoverageScopes, runnerScopes } from './coverage-config.js'
import { readCoverageReports } from './coverage.js'
import { readGitHistory } from './git-history.js'
import { readJUnitReports } from './junit.js'
import { readManifests } from './manifests.js'
import { findToolFiles } from './tool-files.js'
import { readTaskCommands } from './task-commands.js'
import { readTestConfigs } from './test-config.js'
import { readTsPaths } from './tsconfig-paths.js'

export interface FactsOptions {
  /** Days of git history to read. Default 365. */
  historyDays?: number
  /** Most commits to read. Default 5000. */
  maxCommits?: number
  /** Extra coverage reports (relative to the repository root, or absolute). */
  coveragePaths?: string[]
  /** Extra JUnit XML reports (relative to the repository root, or absolute). */
  junitPaths?: string[]
}

export const DEFAULT_HISTORY_DAYS = 365
export const DEFAULT_MAX_COMMITS = 5000

function positiveInteger(
  value: number | undefined,
  fallback: number,
  name: string,
  example: string
): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigurationError(
      `${name} must be a positive whole number (for example ${example}); got ${String(value)}.`
    )
  }
  return value
}

export async function collectFacts(
  repo: LoadedRepository,
  options: FactsOptions = {}
): Promise<RepositoryFacts> {
  const historyDays = positiveInteger(
    options.historyDays,
    DEFAULT_HISTORY_DAYS,
    'history-days',
    '365'
  )
  const maxCommits = positiveInteger(options.maxCommits, DEFAULT_MAX_COMMITS, 'max-commits', '5000')
  const notes: string[] = []
  const manifests = await readManifests(repo.root, repo.allPaths)
  const [ci, actions, coverage, junit, git, tsPaths, testConfigs, taskCommands, scopes] =
    await Promise.all([
      readCiFiles(repo.root, repo.allPaths, notes),
      readActionFiles(repo.root, repo.allPaths, notes),
      readCoverageReports(repo.root, repo.allPaths, manifests, options.coveragePaths ?? [], notes),
      readJUnitReports(repo.root, repo.allPaths, options.junitPaths ?? [], notes),
      readGitHistory(repo.root, { historyDays, maxCommits, keep: new Set(repo.allPaths) }),
      readTsPaths(repo.root, notes),
      readTestConfigs(repo.root, repo.allPaths, notes),
      readTaskCommands(repo.root, repo.allPaths, notes),
      readCoverageScopes(repo.root, repo.allPaths, notes)
    ])
  const coverageScopes = [...runnerScopes(testConfigs), ...scopes]
  // Parts run concurrently; sorting keeps the notes' order the same from run to run.
  return {
    manifests,
    ci,
    actions,
    toolFiles: findToolFiles(repo.allPaths),
    coverage,
    junit,
    git,
    tsPaths,
    notes: notes.sort(),
    testConfigs,
    ...(taskCommands.length > 0 ? { taskCommands } : {}),
    ...(coverageScopes.length > 0 ? { coverageScopes } : {})
  }
}
