// Loading a repository: list its files, keep the source code worth analysing, and say what was
// skipped and why (BRIEF section 2, step 3).
import { lstat, readFile, realpath, stat } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { join, relative, sep } from 'node:path'
import picomatch from 'picomatch'
import type { Language, LoadedRepository, SkipReason, SourceFile } from '../model/types.js'
import { ConfigurationError, errorMessage } from '../util/errors.js'
import { LinguistAttributes } from './gitattributes.js'
import { languageOf } from './languages.js'
import { type ListedPath, listByWalking, listWithGit } from './list-files.js'
import { mapLimit } from './map-limit.js'
import {
  hasGeneratedHeader,
  hasVendorBanner,
  isGeneratedPath,
  isMinifiedName,
  isVendoredPath,
  looksBinary,
  looksMinified
} from './path-rules.js'
import { SkipTally } from './skip-tally.js'

export interface LoadOptions {
  /** Files larger than this are skipped as too large. Default 1 MiB. */
  maxFileBytes?: number
  /** Globs (repository-relative); when given, only matching files are analysed. */
  include?: string[]
  /** Globs (repository-relative) of files not to analyse. */
  exclude?: string[]
}

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024
const READ_CONCURRENCY = 16
const decoder = new TextDecoder('utf-8', { fatal: false })

/** What became of one listed path. */
type Outcome =
  { kind: 'source'; file: SourceFile } | { kind: 'skipped'; reason: SkipReason; listed: boolean }

interface Context {
  root: string
  maxFileBytes: number
  attributes: LinguistAttributes
  isExcluded: (path: string) => boolean
}

export async function loadRepository(
  root: string,
  options: LoadOptions = {}
): Promise<LoadedRepository> {
  const maxFileBytes = validateMaxFileBytes(options.maxFileBytes)
  const realRoot = await resolveRoot(root)
  const isExcluded = compileFilters(options.include, options.exclude)

  const notes: string[] = []
  const fromGit = await listWithGit(realRoot)
  let listing
  if ('failed' in fromGit) {
    if (!/not a git repository/i.test(fromGit.failed)) {
      notes.push(
        `Listed files by walking the directory (honouring .gitignore) because git could not list them: ${fromGit.failed}`
      )
    }
    listing = await listByWalking(realRoot)
  } else {
    listing = fromGit
  }
  notes.push(...listing.notes)
  const listed = [...listing.paths].sort((a, b) => compare(a.path, b.path))

  const attributes = LinguistAttributes.fromFiles(await readAttributeFiles(realRoot, listed))
  const context: Context = { root: realRoot, maxFileBytes, attributes, isExcluded }

  const tally = new SkipTally()
  for (const path of [...listing.ignored].sort(compare)) tally.add('ignored', path)
  for (const path of listing.unreadable) tally.add('unreadable', path)

  const vendored = new Set<string>(listing.vendoredDirectories)
  const candidates: ListedPath[] = []
  for (const entry of listed) {
    const byAttribute = attributes.value(entry.path, 'linguist-vendored')
    if (byAttribute ?? isVendoredPath(entry.path)) vendored.add(entry.path)
    else candidates.push(entry)
  }

  const outcomes = await mapLimit(candidates, READ_CONCURRENCY, (entry) => inspect(entry, context))
  const files: SourceFile[] = []
  const allPaths: string[] = []
  const generated: string[] = []
  outcomes.forEach((outcome, index) => {
    const path = candidates[index].path
    if (outcome.kind === 'source') files.push(outcome.file)
    // Counted with the other vendored paths below.
    else if (outcome.kind === 'skipped' && outcome.reason === 'vendored') vendored.add(path)
    else if (outcome.kind === 'skipped') tally.add(outcome.reason, path)
    if (
      outcome.kind === 'skipped' &&
      (outcome.reason === 'generated' || outcome.reason === 'minified')
    )
      generated.push(path)
    if (outcome.kind !== 'skipped' || outcome.listed) allPaths.push(path)
  })
  for (const path of [...vendored].sort(compare)) tally.add('vendored', path)

  const skippedPaths = { vendored: [...vendored].sort(compare), generated }
  return {
    root: realRoot,
    files,
    skipped: tally.result(),
    allPaths,
    listedBy: listing.by,
    notes,
    skippedPaths
  }
}

/** Decides one path: read it when it is source code, or say why not. */
async function inspect(entry: ListedPath, context: Context): Promise<Outcome> {
  const { path } = entry
  const absolute = join(context.root, path)
  const checked = await checkEntry(entry, absolute, context.root)
  // Symlinks we do not follow, submodules and paths that are gone or not regular files stay out of
  // allPaths: facts must not read them.
  if ('reason' in checked) return { kind: 'skipped', reason: checked.reason, listed: false }

  if (context.isExcluded(path)) return { kind: 'skipped', reason: 'excluded', listed: true }
  const language: Language | null = languageOf(path)
  if (!language) return { kind: 'skipped', reason: 'unsupported', listed: true }
  const generatedAttribute = context.attributes.value(path, 'linguist-generated')
  if (generatedAttribute ?? isGeneratedPath(path))
    return { kind: 'skipped', reason: 'generated', listed: true }
  if (isMinifiedName(path)) return { kind: 'skipped', reason: 'minified', listed: true }

  // Size from stat before reading, so that a huge file is never read into memory.
  let bytes: Buffer
  try {
    let size = checked.size
    if (size === undefined) {
      const stats = await stat(checked.target)
      if (!stats.isFile()) return { kind: 'skipped', reason: 'unreadable', listed: true }
      size = stats.size
    }
    if (size > context.maxFileBytes) return { kind: 'skipped', reason: 'too-large', listed: true }
    bytes = await readFile(checked.target)
  } catch {
    return { kind: 'skipped', reason: 'unreadable', listed: true }
  }
  // The file may have grown since stat.
  if (bytes.length > context.maxFileBytes)
    return { kind: 'skipped', reason: 'too-large', listed: true }
  if (looksBinary(bytes)) return { kind: 'skipped', reason: 'binary', listed: true }
  if (looksMinified(bytes)) return { kind: 'skipped', reason: 'minified', listed: true }
  const text = decoder.decode(bytes)
  // An explicit `-linguist-generated` overrides the header check too.
  if (generatedAttribute !== false && hasGeneratedHeader(text))
    return { kind: 'skipped', reason: 'generated', listed: true }
  if (context.attributes.value(path, 'linguist-vendored') !== false && hasVendorBanner(path, text))
    return { kind: 'skipped', reason: 'vendored', listed: true }
  return { kind: 'source', file: { path, language, bytes: bytes.length, text } }
}

/**
 * Checks what a listed path is without following it out of the root: a regular file (size known),
 * a symlink to a regular file inside the root (followed), or a reason to skip it. Directory
 * symlinks are never followed, which also makes symlink loops harmless.
 */
async function checkEntry(
  entry: ListedPath,
  absolute: string,
  root: string
): Promise<{ target: string; size?: number } | { reason: SkipReason }> {
  // A regular file seen by the walk needs no lstat; its size is read only if it is source code.
  if (entry.type === 'file') return { target: absolute }
  let stats: Stats
  try {
    stats = await lstat(absolute)
  } catch {
    // Listed by git but gone from the work tree, or unreadable.
    return { reason: 'unreadable' }
  }
  if (stats.isSymbolicLink()) {
    let target: string
    try {
      target = await realpath(absolute)
    } catch {
      return { reason: 'symlink' } // dangling, or a loop (ELOOP)
    }
    if (!isInside(root, target)) return { reason: 'symlink' }
    try {
      stats = await stat(target)
    } catch {
      return { reason: 'symlink' }
    }
    if (!stats.isFile()) return { reason: 'symlink' }
    return { target, size: stats.size }
  }
  // A git submodule is listed as a path that is a directory: another repository's code.
  if (stats.isDirectory()) return { reason: 'vendored' }
  if (!stats.isFile()) return { reason: 'unreadable' } // FIFOs, sockets, devices: never read
  return { target: absolute, size: stats.size }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep)
}

async function readAttributeFiles(
  root: string,
  listed: ListedPath[]
): Promise<{ base: string; text: string }[]> {
  const files = listed.filter(
    (entry) => entry.path === '.gitattributes' || entry.path.endsWith('/.gitattributes')
  )
  const read = await mapLimit(files, READ_CONCURRENCY, async (entry) => {
    const base = entry.path.slice(0, Math.max(0, entry.path.length - '/.gitattributes'.length))
    const checked = await checkEntry(entry, join(root, entry.path), root)
    if ('reason' in checked) return null
    try {
      return {
        base: entry.path === '.gitattributes' ? '' : base,
        text: await readFile(checked.target, 'utf8')
      }
    } catch {
      return null
    }
  })
  return read.filter((file): file is { base: string; text: string } => file !== null)
}

function validateMaxFileBytes(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_FILE_BYTES
  if (!Number.isFinite(value) || !Number.isInteger(value) || value <= 0) {
    throw new ConfigurationError(
      `max-file-bytes must be a positive whole number of bytes (for example 1048576); got ${String(value)}.`
    )
  }
  return value
}

async function resolveRoot(root: string): Promise<string> {
  let real: string
  try {
    real = await realpath(root)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'it does not exist'
        : code === 'EACCES'
          ? 'permission denied'
          : errorMessage(error)
    throw new ConfigurationError(
      `The repository path "${root}" cannot be read (${why}); give the path of a checked-out repository.`
    )
  }
  const stats = await stat(real)
  if (!stats.isDirectory()) {
    throw new ConfigurationError(
      `The repository path "${root}" is a file, not a directory; give the path of a checked-out repository.`
    )
  }
  return real
}

/** A predicate that is true for paths the include/exclude globs leave out. */
export function compileFilters(
  include: string[] | undefined,
  exclude: string[] | undefined
): (path: string) => boolean {
  const included = include && include.length > 0 ? compileGlobs(include, 'include') : null
  const excluded = exclude && exclude.length > 0 ? compileGlobs(exclude, 'exclude') : null
  return (path) => (included !== null && !included(path)) || (excluded !== null && excluded(path))
}

function compileGlobs(globs: string[], name: string): (path: string) => boolean {
  for (const glob of globs) {
    if (typeof glob !== 'string' || glob.trim() === '') {
      throw new ConfigurationError(
        `${name} must be a list of non-empty glob patterns such as "src/**/*.ts"; got ${JSON.stringify(glob)}.`
      )
    }
  }
  try {
    // A glob also matches everything below it, so `docs` or `docs/` means the folder.
    const patterns = globs.flatMap((glob) => {
      const clean = glob.trim().replace(/^\.\//, '').replace(/\/+$/, '')
      return [clean, `${clean}/**`]
    })
    return picomatch(patterns, { dot: true })
  } catch (error) {
    throw new ConfigurationError(
      `${name} contains a glob picomatch cannot read (${errorMessage(error)}); check the patterns ${JSON.stringify(globs)}.`
    )
  }
}

/** Code-unit order, the same on every machine (localeCompare depends on the locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
