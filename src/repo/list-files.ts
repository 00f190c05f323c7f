// Listing a repository's files: `git ls-files` in a git checkout, otherwise an iterative directory
// walk that honours .gitignore files. Both give repository-relative paths with forward slashes.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import ignore, { type Ignore } from 'ignore'
import { errorMessage } from '../util/errors.js'
import { GitMissingError, runGit } from './git.js'
import { VENDORED_DIRECTORIES } from './path-rules.js'

export interface ListedPath {
  path: string
  /** Known from the walk; undefined when git listed it (the loader checks with lstat). */
  type?: 'file' | 'symlink' | 'other'
}

export interface Listing {
  by: 'git' | 'walk'
  paths: ListedPath[]
  /** Paths left out by ignore rules (an ignored directory is one entry, ending in '/'). */
  ignored: string[]
  /** Vendored directories not descended into, and nested repositories (ending in '/'). */
  vendoredDirectories: string[]
  /** Directories the walk could not read. */
  unreadable: string[]
  notes: string[]
}

const GIT_LIST_BUFFER = 256 * 1024 * 1024
const GIT_LIST_TIMEOUT_MS = 120_000

/** Lists with git, or says why not when `root` is not a git work tree or git is missing. */
export async function listWithGit(root: string): Promise<Listing | { failed: string }> {
  let out: string
  try {
    out = await runGit(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      maxBuffer: GIT_LIST_BUFFER,
      timeoutMs: GIT_LIST_TIMEOUT_MS
    })
  } catch (error) {
    return {
      failed: error instanceof GitMissingError ? 'git was not found on PATH' : errorMessage(error)
    }
  }
  const seen = new Set<string>()
  const paths: ListedPath[] = []
  const vendoredDirectories: string[] = []
  for (const path of out.split('\0')) {
    if (!path || seen.has(path)) continue // a file with merge conflicts is listed once per stage
    seen.add(path)
    // `--others` shows a nested repository as its directory with a trailing slash.
    if (path.endsWith('/')) vendoredDirectories.push(path)
    else paths.push({ path })
  }
  let ignored: string[] = []
  const notes: string[] = []
  try {
    const ignoredOut = await runGit(
      root,
      ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'],
      {
        maxBuffer: GIT_LIST_BUFFER,
        timeoutMs: GIT_LIST_TIMEOUT_MS
      }
    )
    ignored = ignoredOut.split('\0').filter(Boolean)
  } catch (error) {
    notes.push(`Could not count ignored files: ${errorMessage(error)}`)
  }
  return { by: 'git', paths, ignored, vendoredDirectories, unreadable: [], notes }
}

interface IgnoreLayer {
  /** Directory of the .gitignore file ('' for the root). */
  base: string
  rules: Ignore
}

/** Deeper .gitignore files win; within one, the last matching rule wins (the `ignore` package does that). */
function isIgnored(layers: readonly IgnoreLayer[], path: string, isDirectory: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const { base, rules } = layers[i]
    const relative = base ? path.slice(base.length + 1) : path
    try {
      const result = rules.test(isDirectory ? `${relative}/` : relative)
      if (result.ignored) return true
      if (result.unignored) return false
    } catch {
      // A name the ignore package cannot test (e.g. with a backslash) is treated as not ignored.
    }
  }
  return false
}

/** Walks `root` without recursion (an explicit stack), never entering .git, ignored or vendored folders, or symlinked folders. */
export async function listByWalking(root: string): Promise<Listing> {
  const listing: Listing = {
    by: 'walk',
    paths: [],
    ignored: [],
    vendoredDirectories: [],
    unreadable: [],
    notes: []
  }
  const stack: { dir: string; layers: readonly IgnoreLayer[] }[] = [{ dir: '', layers: [] }]
  while (stack.length > 0) {
    const { dir, layers: inherited } = stack.pop()!
    const absolute = dir ? join(root, dir) : root
    let entries
    try {
      entries = await readdir(absolute, { withFileTypes: true })
    } catch {
      listing.unreadable.push(`${dir}/`)
      continue
    }
    let layers = inherited
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      try {
        const text = await readFile(join(absolute, '.gitignore'), 'utf8')
        layers = [...inherited, { base: dir, rules: ignore({ ignorecase: false }).add(text) }]
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    for (const entry of entries) {
      if (entry.name === '.git') continue
      const path = dir ? `${dir}/${entry.name}` : entry.name
      const isDirectory = entry.isDirectory()
      if (isIgnored(layers, path, isDirectory)) {
        listing.ignored.push(isDirectory ? `${path}/` : path)
      } else if (isDirectory) {
        if (VENDORED_DIRECTORIES.has(entry.name)) listing.vendoredDirectories.push(`${path}/`)
        else stack.push({ dir: path, layers })
      } else {
        listing.paths.push({
          path,
          type: entry.isSymbolicLink() ? 'symlink' : entry.isFile() ? 'file' : 'other'
        })
      }
    }
  }
  listing.ignored.sort()
  listing.vendoredDirectories.sort()
  listing.unreadable.sort()
  return listing
}
