// The repositories harness cases run on: fixture folders read as files, written to a temp folder (with
// a git history when a case gives one) and modelled by the real pipeline.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildModel } from '../../src/model/build.js'
import type { CodeModel, LoadedRepository, RepositoryFacts } from '../../src/model/types.js'
import { type BaseInput, prepareBase } from '../../src/pipeline/base.js'
import type { ChooseBaseOptions } from '../../src/repo/base.js'
import { collectFacts } from '../../src/repo/facts.js'
import { loadRepository } from '../../src/repo/loader.js'
import { commitAll, git } from '../repo/helpers.js'

/** One commit of a case's git history: the whole tracked tree at that commit. */
export interface Commit {
  date: string
  files: Record<string, string>
  tag?: string
}

/** For perspectives that read git: the history under the case's files, and how the base is chosen. */
export interface GitHistory {
  /** Oldest first; after the last one the case's `files` are written over the tree (untracked extras). */
  commits: Commit[]
  /** Modification times (ISO) of files written after the commits, such as a coverage report. */
  modified?: Record<string, string>
  /** When present, the base is chosen and read with git, as a run does (src/pipeline/base.ts). */
  base?: ChooseBaseOptions
}

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures')

/** The files of `__tests__/fixtures/<name>/` as a case's `files` (paths relative to that folder). */
export function readFixture(name: string): Record<string, string> {
  const base = join(FIXTURES, name)
  const files: Record<string, string> = {}
  const stack = [base]
  while (stack.length > 0) {
    const dir = stack.pop() as string
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) stack.push(full)
      else if (entry.isFile())
        files[relative(base, full).split('\\').join('/')] = readFileSync(full, 'utf8')
    }
  }
  if (Object.keys(files).length === 0)
    throw new Error(`fixture '${name}' has no files (looked in ${base})`)
  return files
}

/** Commits each tree of `history` in turn (files of the previous tree not in the next are deleted). */
function writeHistory(root: string, history: GitHistory): void {
  git(root, ['init', '-q'])
  let previous: Record<string, string> = {}
  for (const commit of history.commits) {
    for (const path of Object.keys(previous))
      if (!(path in commit.files)) rmSync(join(root, path), { force: true })
    writeTree(root, commit.files)
    commitAll(root, `at ${commit.date}`, { date: commit.date })
    if (commit.tag) git(root, ['tag', commit.tag])
    previous = commit.files
  }
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    if (path.startsWith('/') || path.split('/').includes('..'))
      throw new Error(`fixture path '${path}' must be relative`)
    const full = join(root, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
  }
}

/** Loads and models a repository written from `files` into a fresh temp folder (removed afterwards). */
export async function buildFixtureModel(
  files: Record<string, string>,
  history?: GitHistory
): Promise<{
  repo: LoadedRepository
  facts: RepositoryFacts
  model: CodeModel
  base?: BaseInput
}> {
  const root = mkdtempSync(join(tmpdir(), 'perspective-fixture-'))
  try {
    if (history) writeHistory(root, history)
    writeTree(root, files)
    for (const [path, iso] of Object.entries(history?.modified ?? {}))
      utimesSync(join(root, path), new Date(iso), new Date(iso))
    const repo = await loadRepository(root, {})
    // All of the history counts: fixture commits are dated long before the fixed clock.
    const facts = await collectFacts(repo, history ? { historyDays: 100000 } : {})
    const model = await buildModel(repo, facts)
    const base = history?.base ? (await prepareBase(root, history.base)).base : undefined
    return { repo, facts, model, ...(base ? { base } : {}) }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
