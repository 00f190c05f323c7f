// A shipped module the suite never loads may still run: as another build of the same source that the
// tests load instead (ejs ships `lib/esm/ejs.js` and its tests require `lib/cjs/ejs.js`, which tsc
// compiles from it). The run lists that build as a file the code model does not hold (git ignores it);
// it is taken for the module's build when it has the module's file name and most of the module's
// function names, and its functions' counts then stand for the module's, by name. No line is claimed:
// the build's offsets are not the source's.
import type { FileCoverage, ModuleModel } from '../model/types.js'
import type { V8Function } from './coverage.js'

/** Share of the module's named functions the build must hold for the two to be one source. */
const MIN_SHARED = 0.6

/** The file name without its extension: a source's `.ts`/`.mjs` becomes the build's `.js`/`.cjs`. */
function stem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const dot = base.indexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}

/**
 * V8's name for a function is the one it infers (`utils.escapeXML` for `utils.escapeXML = function`, a
 * class method's bare name): it matches the declaration's name as written or after a dot.
 */
function sameName(v8Name: string, name: string): boolean {
  return v8Name === name || v8Name.endsWith(`.${name}`)
}

/** The module's function names that occur once in it: the ones that can be matched by name. */
function uniqueNames(module: ModuleModel): string[] {
  const count = new Map<string, number>()
  for (const fn of module.functions) count.set(fn.name, (count.get(fn.name) ?? 0) + 1)
  return [...count.entries()]
    .filter(([name, n]) => n === 1 && name !== '' && name !== 'anonymous')
    .map(([name]) => name)
}

/**
 * The build of `module` among the files the run loaded that the model does not hold: same file name,
 * at least 60% of the module's uniquely named functions found in it (the most, when several are).
 */
export function builtCopyOf(
  module: ModuleModel,
  unmodelled: ReadonlyMap<string, readonly V8Function[]>
): string | null {
  const names = uniqueNames(module)
  if (names.length === 0) return null
  let best: { path: string; shared: number } | null = null
  for (const [path, functions] of unmodelled) {
    if (path === module.path || stem(path) !== stem(module.path)) continue
    const shared = names.filter((name) => functions.some((f) => sameName(f.name, name))).length
    if (shared < Math.max(1, MIN_SHARED * names.length)) continue
    if (!best || shared > best.shared) best = { path, shared }
  }
  return best?.path ?? null
}

/** The module's functions as its build ran them, by name; no line claimed either way. */
export function throughBuild(
  module: ModuleModel,
  copy: string,
  functions: readonly V8Function[]
): FileCoverage {
  return {
    ...coverageByName(module, functions, new Set(uniqueNames(module)), sameName),
    through: copy
  }
}

/**
 * A module's coverage from V8's functions matched by name: each of `names` that `matches` one or more
 * of them gets their summed count; no line is claimed (the offsets are not the module's, or not sure).
 */
export function coverageByName(
  module: ModuleModel,
  functions: readonly V8Function[],
  names: ReadonlySet<string>,
  matches: (v8Name: string, name: string) => boolean
): FileCoverage {
  const out: FileCoverage['functions'] = []
  for (const fn of module.functions) {
    if (!names.has(fn.name)) continue
    const found = functions.filter((f) => matches(f.name, fn.name))
    if (found.length === 0) continue
    const hits = found.reduce((sum, f) => sum + f.range.count, 0)
    out.push({ name: fn.qualifiedName, line: fn.loc.startLine, hits })
  }
  return {
    path: module.path,
    linesFound: 0,
    linesHit: 0,
    branchesFound: 0,
    branchesHit: 0,
    uncoveredLines: [],
    coveredLines: [],
    functions: out
  }
}
