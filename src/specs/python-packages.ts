// Python spec files that share a basename (`python_files = tests.py` gives every spec its own folder
// and the same file name) clash under pytest's default import mode: each is imported by its basename
// unless its folder is a package. Whoever writes spec files writes these `__init__.py` files with them.
import { posix } from 'node:path'

/**
 * The `__init__.py` files (repository-relative) to write next to `paths` so that every Python spec
 * whose basename another one shares is imported through its own package; `exists` says which are
 * already there (the project's own are kept as they are).
 */
export function packageInits(
  paths: readonly string[],
  exists: (path: string) => boolean = () => false
): string[] {
  const count = new Map<string, number>()
  for (const path of paths)
    if (path.endsWith('.py'))
      count.set(posix.basename(path), (count.get(posix.basename(path)) ?? 0) + 1)
  const out = new Set<string>()
  for (const path of paths) {
    if (!path.endsWith('.py') || (count.get(posix.basename(path)) ?? 0) < 2) continue
    const dir = posix.dirname(path)
    const init = dir === '.' ? '__init__.py' : `${dir}/__init__.py`
    if (dir !== '.' && !paths.includes(init) && !exists(init)) out.add(init)
  }
  return [...out].sort()
}
