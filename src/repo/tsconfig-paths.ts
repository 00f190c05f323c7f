// TypeScript path aliases (`compilerOptions.paths`) from the root tsconfig.json (or jsconfig.json),
// following relative `extends`, with targets made repository-relative so the import resolver can use them.
import { posix } from 'node:path'
import { errorMessage } from '../util/errors.js'
import { parseJsonc } from './jsonc.js'
import { isRecord } from './manifest-common.js'
import { readTextFile } from './read-text.js'

const MAX_CONFIG_BYTES = 1024 * 1024
const MAX_EXTENDS_DEPTH = 8

interface Found {
  paths?: { value: Record<string, string[]>; dir: string }
  baseUrl?: string
}

/** The alias map, e.g. `{ "@/*": ["src/*"] }`; empty when there is no config or no paths. */
export async function readTsPaths(
  root: string,
  notes: string[]
): Promise<Record<string, string[]>> {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const found: Found = {}
    const read = await readConfig(root, name, found, notes, 0, new Set())
    if (!read) continue
    if (!found.paths) return {}
    const base = found.baseUrl ?? found.paths.dir
    const result: Record<string, string[]> = {}
    for (const [alias, targets] of Object.entries(found.paths.value)) {
      result[alias] = targets.map((target) => {
        const joined = posix.normalize(posix.join(base, target))
        return joined.startsWith('./') ? joined.slice(2) : joined
      })
    }
    return result
  }
  return {}
}

/** Reads one config and (first) what it extends; later files override `paths` and `baseUrl` as tsc does. */
async function readConfig(
  root: string,
  path: string,
  found: Found,
  notes: string[],
  depth: number,
  seen: Set<string>
): Promise<boolean> {
  if (depth > MAX_EXTENDS_DEPTH || seen.has(path)) return false
  seen.add(path)
  const read = await readTextFile(root, path, MAX_CONFIG_BYTES)
  if ('missing' in read) return false
  if ('error' in read) {
    notes.push(`TypeScript config ${read.error}`)
    return false
  }
  let config: unknown
  try {
    config = parseJsonc(read.text)
  } catch (error) {
    notes.push(
      `${path} could not be parsed (${errorMessage(error)}); path aliases from it are not used.`
    )
    return false
  }
  if (!isRecord(config)) return false
  const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path)
  const parents =
    typeof config.extends === 'string'
      ? [config.extends]
      : Array.isArray(config.extends)
        ? config.extends
        : []
  for (const parent of parents) {
    // Only configs inside the repository; package configs (@tsconfig/node20) carry no paths of ours.
    if (typeof parent !== 'string' || !parent.startsWith('.')) continue
    let target = posix.normalize(posix.join(dir, parent))
    if (!target.endsWith('.json')) target += '.json'
    if (target.startsWith('../')) continue
    await readConfig(root, target, found, notes, depth + 1, seen)
  }
  const options = isRecord(config.compilerOptions) ? config.compilerOptions : {}
  if (typeof options.baseUrl === 'string')
    found.baseUrl = posix.normalize(posix.join(dir, options.baseUrl)).replace(/^\.$/, '')
  if (isRecord(options.paths)) {
    const value: Record<string, string[]> = {}
    for (const [alias, targets] of Object.entries(options.paths)) {
      if (Array.isArray(targets))
        value[alias] = targets.filter((target): target is string => typeof target === 'string')
    }
    found.paths = { value, dir }
  }
  return true
}
