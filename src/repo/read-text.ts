// Reading a file for the repository facts: bounded in size and never through a symlink that
// leaves the repository (a committed symlink must not expose the runner's files).
import { readFile, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { errorMessage } from '../util/errors.js'

export type ReadResult = { text: string; modified: Date } | { missing: true } | { error: string }

/** True when `target` is `root` itself or inside it. */
export function isWithin(root: string, target: string): boolean {
  const rel = relative(root, target)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/**
 * Reads `path` (relative to root, or absolute when the user named it) as UTF-8 text.
 * Relative paths must resolve inside the root. Files over `maxBytes` are refused with a reason.
 */
export async function readTextFile(
  root: string,
  path: string,
  maxBytes: number
): Promise<ReadResult> {
  const absolute = isAbsolute(path) ? path : join(root, path)
  let real: string
  try {
    real = await realpath(absolute)
  } catch {
    return { missing: true }
  }
  if (!isAbsolute(path) && !isWithin(root, real))
    return { error: `${path} is outside the repository (or a symlink leading out of it); not read` }
  try {
    const stats = await stat(real)
    if (!stats.isFile()) return { missing: true }
    if (stats.size > maxBytes)
      return {
        error: `${path} is ${stats.size} bytes, over the ${maxBytes}-byte limit for this kind of file; not read`
      }
    const text = (await readFile(real, 'utf8')).replace(/^\uFEFF/, '')
    return { text, modified: stats.mtime }
  } catch (error) {
    return { error: `${path} could not be read: ${errorMessage(error)}` }
  }
}

/** Forward slashes, no leading './'. */
export function toPosix(path: string): string {
  return path
    .split(sep)
    .join('/')
    .replace(/^(\.\/)+/, '')
}
