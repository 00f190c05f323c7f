// The files `node --test` runs for the whole suite, named one by one. Node 20 given no file searches the
// folder itself and stops at the first entry it cannot stat (a dangling symbolic link committed as test
// data: "Could not find '<path>'"), and it does not expand the globs a project's test script hands it
// (borp, or `node --test 'test/**/*.test.js'`, expand them in the shell or in the tool). Listing the files
// here, by Node's own rules, runs what the project's CI runs.
import { readdir, stat } from 'node:fs/promises'
import { join, posix } from 'node:path'
import picomatch from 'picomatch'

/** Enough for any real suite; a copy larger than this is cut, not walked forever. */
const MAX_WALKED = 50_000
const SKIPPED_DIRS = new Set(['node_modules', '.git'])

const JS = /\.(c|m)?js$/
const TS = /\.(c|m)?ts$/
/** Node's default names outside a `test` folder: test.js, test-x.js, x.test.js, x-test.js, x_test.js. */
const TEST_NAME = /^(test|test-.+|.+[._-]test)\.(c|m)?[jt]s$/

/** Relative paths (posix) of the regular files under root; entries that cannot be read are left out. */
async function walk(root: string): Promise<string[]> {
  const found: string[] = []
  const pending = ['']
  while (pending.length > 0 && found.length < MAX_WALKED) {
    const rel = pending.pop()!
    let entries
    try {
      entries = await readdir(join(root, rel), { withFileTypes: true })
    } catch {
      continue
    }
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) pending.push(path)
      } else if (entry.isFile()) found.push(path)
      else if (entry.isSymbolicLink()) {
        // Followed only when it points at a file that is there.
        try {
          if ((await stat(join(root, path))).isFile()) found.push(path)
        } catch {
          // dangling: Node would stop here
        }
      }
    }
  }
  return found.sort()
}

/** Node's rule for a file found by its own search: any script in a `test` folder, or a test-named one. */
function nodeWouldRun(path: string, typescript: boolean): boolean {
  const name = posix.basename(path)
  const script = JS.test(name) || (typescript && TS.test(name) && !name.endsWith('.d.ts'))
  if (!script) return false
  return path.split('/').slice(0, -1).includes('test') || TEST_NAME.test(name)
}

/**
 * The files for `node --test`: those the script's paths name (a glob is matched against the copy's
 * files, a plain path is kept for Node to read), or, with no paths, those Node's own search would find.
 */
export async function nodeTestFiles(
  root: string,
  paths: readonly string[],
  typescript: boolean
): Promise<string[]> {
  const files = await walk(root)
  if (paths.length === 0) return files.filter((f) => nodeWouldRun(f, typescript))
  const out = new Set<string>()
  for (const raw of paths) {
    const path = raw.replace(/^\.\//, '')
    const inside = `${path.replace(/\/$/, '')}/`
    if (picomatch.scan(path).isGlob) {
      const matches = picomatch(path)
      for (const f of files) if (matches(f)) out.add(f)
    } else if (files.some((f) => f.startsWith(inside))) {
      // A folder: searched by Node's rules, without what Node would stop at.
      for (const f of files) if (f.startsWith(inside) && nodeWouldRun(f, typescript)) out.add(f)
    } else out.add(path)
  }
  return [...out]
}
