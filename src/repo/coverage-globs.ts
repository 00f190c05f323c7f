// The `coverage` setting (action input, --coverage, config key): globs relative to the repository that
// name coverage reports. Reports are usually git-ignored, so the globs are matched on disk, in a bounded
// walk from each glob's fixed prefix; a glob without wildcards is a path and is passed on as it is.
import { readdirSync } from 'node:fs'
import { join, posix } from 'node:path'
import picomatch from 'picomatch'
import { ConfigurationError } from '../util/errors.js'

const SKIP_DIRS = new Set(['node_modules', '.git', '.venv', 'venv', '.tox', '__pycache__'])
const MAX_ENTRIES = 20_000
const MAX_DEPTH = 10

/** Splits an input value (commas or new lines) into globs; checks each stays inside the repository. */
export function parseCoverageGlobs(
  name: string,
  value: string | readonly string[] | undefined
): string[] {
  const items = typeof value === 'string' ? value.split(/[\n,]/) : [...(value ?? [])]
  const globs = items.map((g) => g.trim()).filter((g) => g !== '')
  for (const glob of globs) {
    const normal = posix.normalize(glob.replace(/\\/g, '/'))
    if (
      normal.startsWith('/') ||
      normal === '..' ||
      normal.startsWith('../') ||
      /^[A-Za-z]:/.test(normal)
    ) {
      throw new ConfigurationError(
        `${name}: '${glob}' is outside the repository. Give a path or glob relative to the repository, such as coverage/lcov.info or **/coverage.json.`
      )
    }
  }
  return globs
}

/** The repository-relative report paths the globs name, sorted; a glob that matches nothing is named in notes. */
export function expandCoverageGlobs(
  root: string,
  globs: readonly string[],
  notes: string[]
): string[] {
  const found = new Set<string>()
  for (const glob of globs) {
    const scan = picomatch.scan(glob)
    if (!scan.isGlob) {
      found.add(posix.normalize(glob).replace(/^\.\//, ''))
      continue
    }
    const base = scan.base === '.' ? '' : scan.base.replace(/^\.\//, '')
    const matches = picomatch(glob.replace(/^\.\//, ''), { dot: true })
    const before = found.size
    walk(root, base, 0, { count: 0 }, (path) => {
      if (matches(path)) found.add(path)
    })
    if (found.size === before)
      notes.push(
        `Coverage glob '${glob}' matched no file; check it is relative to the repository and that the tests ran with coverage first.`
      )
  }
  return [...found].sort()
}

function walk(
  root: string,
  dir: string,
  depth: number,
  seen: { count: number },
  visit: (path: string) => void
): void {
  if (depth > MAX_DEPTH || seen.count > MAX_ENTRIES) return
  let entries
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    if (++seen.count > MAX_ENTRIES) return
    const path = dir ? `${dir}/${entry.name}` : entry.name
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(root, path, depth + 1, seen, visit)
    } else if (entry.isFile()) visit(path)
  }
}
