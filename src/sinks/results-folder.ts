// The local results folder is ours alone. Before anything is read from or written to it we check that
// it is a directory we may own: never the analysed repository's root (or a folder above it), never `/`
// or a system folder (/proc, /sys, /dev), never a file, never a folder holding files we did not write.
// A folder we claim gets a marker file and a `.gitignore` holding `*` (as pytest's cache does), so it
// is recognised on the next run and never committed by accident. Leftover `.tmp` files of runs that
// were killed are removed at the next start.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { ConfigurationError } from '../util/errors.js'

export const MARKER_FILE = '.test-planning-results'
const MARKER_TEXT =
  'This folder holds test-planning results and is written by test-planning only.\n'
const GITIGNORE_TEXT =
  '# Written by test-planning: its results are not part of the repository.\n*\n'

/** Names our layout writes (src/records/layout.ts plus the CLI's cursor and lock). */
const OUR_NAMES = new Set([
  'data',
  'latest',
  'badge.json',
  'README.md',
  'api.md',
  'cursor.json',
  '.gitignore',
  MARKER_FILE,
  '.lock'
])
const SYSTEM_PREFIXES = ['/proc', '/sys', '/dev']

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/** The real path of a folder that may not exist yet: the nearest existing ancestor resolved, the rest appended. */
export function realPathOf(path: string): string {
  const missing: string[] = []
  let at = resolve(path)
  for (;;) {
    try {
      return join(realpathSync(at), ...missing.reverse())
    } catch {
      const up = dirname(at)
      if (up === at) return resolve(path)
      missing.push(at.slice(up.length).replace(/^[\\/]+/, ''))
      at = up
    }
  }
}

function refuse(dir: string, why: string): never {
  throw new ConfigurationError(
    `output-dir: refusing to use '${dir}' as the results folder: ${why}. Name a folder of its own, e.g. '.test-planning' (the default).`
  )
}

function isOurTmp(name: string): boolean {
  return name.endsWith('.tmp')
}

/** Whether the folder's entries are ours: the marker, or (results written before the marker existed) only our layout. */
function looksOurs(dir: string, entries: string[]): boolean {
  if (entries.includes(MARKER_FILE)) return true
  const layout = entries.filter((n) => !isOurTmp(n) && !n.startsWith('.lock'))
  return (
    layout.every((n) => OUR_NAMES.has(n)) &&
    (layout.includes('latest') || layout.includes('data') || layout.includes('cursor.json'))
  )
}

export interface ClaimOptions {
  /** The analysed repository's root. */
  root: string
  /** Check only (dry-run): nothing is created. */
  checkOnly?: boolean
}

/**
 * Checks that `dir` may be our results folder, and (unless checkOnly) creates it with its marker and
 * `.gitignore`. Throws a ConfigurationError naming the folder and why it is refused.
 */
export function claimResultsFolder(dir: string, options: ClaimOptions): void {
  const real = realPathOf(dir)
  const root = realPathOf(options.root)
  if (real === sep || real === resolve('/')) refuse(dir, 'it is the file system root')
  for (const prefix of SYSTEM_PREFIXES)
    if (isInside(prefix, real)) refuse(dir, `it is under ${prefix}, a system folder`)
  if (isInside(real, root))
    refuse(
      dir,
      real === root
        ? 'it is the analysed repository itself'
        : 'the analysed repository is inside it'
    )
  if (isInside(join(root, '.git'), real)) refuse(dir, "it is inside the repository's .git folder")
  if (existsSync(dir) || isSymlink(dir)) {
    let stat
    try {
      stat = statSync(dir)
    } catch {
      refuse(dir, 'it is a link that leads nowhere')
    }
    if (!stat.isDirectory()) refuse(dir, 'it is not a directory')
    const entries = readdirSync(dir)
    if (entries.length > 0 && !looksOurs(dir, entries)) {
      const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', ...' : '')
      refuse(dir, `it holds files test-planning did not write (${shown})`)
    }
    // We never write links: one there (committed by someone) could lead our writes elsewhere.
    const linked = entries.filter((n) => isSymlink(join(dir, n)))
    if (linked.length > 0)
      refuse(dir, `it holds links test-planning did not make (${linked.slice(0, 5).join(', ')})`)
  }
  if (options.checkOnly) return
  mkdirSync(dir, { recursive: true })
  // Our own folder, created or adopted: mark it.
  if (!existsSync(join(dir, MARKER_FILE)))
    writeFileSync(join(dir, MARKER_FILE), MARKER_TEXT, { flag: 'w' })
  if (!existsSync(join(dir, '.gitignore')))
    writeFileSync(join(dir, '.gitignore'), GITIGNORE_TEXT, { flag: 'w' })
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

/** The pid a temporary name carries (`name.<pid>.<time>.tmp` or `name.<pid>.tmp`), if any. */
function tmpOwner(name: string): number | null {
  const m = /\.(\d+)(?:\.\d+)?\.tmp$/.exec(name)
  return m ? Number(m[1]) : null
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes `.tmp` files left by runs that are no longer alive (a killed run); never follows links. Returns how many. */
export function cleanLeftoverTemps(
  dir: string,
  isAlive: (pid: number) => boolean = isProcessAlive
): number {
  let removed = 0
  const walk = (at: string, depth: number): void => {
    if (depth > 4) return
    let entries
    try {
      entries = readdirSync(at, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const path = join(at, entry.name)
      if (entry.isDirectory()) walk(path, depth + 1)
      else if (entry.isFile() && isOurTmp(entry.name)) {
        const pid = tmpOwner(entry.name)
        if (pid === process.pid || (pid !== null && isAlive(pid))) continue
        rmSync(path, { force: true })
        removed++
      }
    }
  }
  walk(dir, 0)
  return removed
}

/**
 * Throws when `path` (about to be written) would land outside `dir` through a linked folder. A link at
 * `path` itself is harmless: the rename that writes it replaces the link, it does not follow it.
 */
export function assertInsideResults(dir: string, path: string): void {
  const realDir = realPathOf(dir)
  const realParent = realPathOf(dirname(path))
  if (!isInside(realDir, realParent)) {
    throw new Error(`refusing to write ${path}: it leads outside the results folder ${dir}`)
  }
}
