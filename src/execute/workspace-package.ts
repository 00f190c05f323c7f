// npm workspaces: a package under the root's `workspaces` globs (packages/*) with its own package.json
// carries its own runner configuration (remeda's packages/remeda/vitest.config.ts). A spec laid in that
// package runs from it, as `npm test --workspace` runs it; the runner may be hoisted to the root.
import { access, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import picomatch from 'picomatch'

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

async function workspaceGlobs(root: string): Promise<string[]> {
  try {
    const data = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      workspaces?: unknown
    }
    const ws = data.workspaces
    const list = Array.isArray(ws)
      ? ws
      : ws && typeof ws === 'object' && Array.isArray((ws as { packages?: unknown }).packages)
        ? (ws as { packages: unknown[] }).packages
        : []
    return list.filter((w): w is string => typeof w === 'string')
  } catch {
    return []
  }
}

/**
 * The workspace package (its path under `root`, `/`-separated) that holds `path`, or null when the
 * file belongs to the root package or the root declares no workspaces.
 */
export async function workspacePackageOf(root: string, path: string): Promise<string | null> {
  const globs = await workspaceGlobs(root)
  if (globs.length === 0) return null
  const match = picomatch(globs.map((g) => g.replace(/^\.\//, '').replace(/\/$/, '')))
  for (let dir = dirname(path); dir !== '.' && dir !== '/' && dir !== ''; dir = dirname(dir)) {
    if (match(dir) && (await exists(join(root, dir, 'package.json')))) return dir
  }
  return null
}
