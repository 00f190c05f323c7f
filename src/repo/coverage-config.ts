// What the project's own coverage configuration leaves out: c8/nyc `include`/`exclude`, vitest
// `test.coverage`, jest `collectCoverageFrom`/`coveragePathIgnorePatterns`, coverage.py `[run]
// include`/`omit`. A file left out on purpose is not a coverage gap ("never ran" was judged false on
// concurrently's bin/, outside its vitest coverage.include, round 5). Only literal values are read.
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import type { CoverageScope, TestRunnerConfig } from '../model/types.js'
import { parseJsonc } from './jsonc.js'
import { parseIni } from './manifest-python.js'
import { readTextFile } from './read-text.js'

const MAX_CONFIG_BYTES = 256 * 1024

type Loose = Record<string, unknown>

const asObject = (v: unknown): Loose | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined

function list(v: unknown): string[] | undefined {
  const items = Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : typeof v === 'string'
      ? v
          .split(/[\n,]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : []
  return items.length > 0 ? items : undefined
}

function scope(
  file: string,
  tool: CoverageScope['tool'],
  include: unknown,
  exclude: unknown,
  ignorePatterns?: unknown
): CoverageScope | null {
  const out: CoverageScope = { file, tool }
  const inc = list(include)
  const exc = list(exclude)
  const ign = list(ignorePatterns)
  if (inc) out.include = inc
  if (exc) out.exclude = exc
  if (ign) out.ignorePatterns = ign
  return inc || exc || ign ? out : null
}

/** c8 and nyc: an rc file (JSON or YAML) or a package.json key. */
function istanbulScope(
  file: string,
  tool: 'c8' | 'nyc',
  o: Loose | undefined
): CoverageScope | null {
  return o ? scope(file, tool, o.include ?? o.src, o.exclude) : null
}

/** coverage.py's `[run]` section, from .coveragerc, setup.cfg/tox.ini (`coverage:run`) or pyproject. */
function coveragePyScope(file: string, run: Loose | undefined): CoverageScope | null {
  if (!run) return null
  // The covdefaults plugin adds its own omit (`*/__main__.py`, `*/setup.py`) to the project's
  // (pyupgrade's `__main__.py` called "not in the report", round 6).
  const plugins = list(run.plugins) ?? []
  const omit = plugins.includes('covdefaults')
    ? [...(list(run.omit) ?? []), '*/__main__.py', '*/setup.py']
    : run.omit
  return scope(file, 'coverage.py', run.include, omit)
}

const RC_FILES: { name: string; tool: 'c8' | 'nyc' }[] = [
  { name: '.c8rc', tool: 'c8' },
  { name: '.c8rc.json', tool: 'c8' },
  { name: '.nycrc', tool: 'nyc' },
  { name: '.nycrc.json', tool: 'nyc' },
  { name: '.nycrc.yml', tool: 'nyc' },
  { name: '.nycrc.yaml', tool: 'nyc' }
]

function parseRc(name: string, text: string): Loose | undefined {
  if (/\.ya?ml$/.test(name)) return asObject(parseYaml(text))
  try {
    return asObject(parseJsonc(text))
  } catch {
    return asObject(parseYaml(text))
  }
}

/** The scopes a runner's own configuration gives (vitest `test.coverage`, jest keys), already read. */
export function runnerScopes(configs: readonly TestRunnerConfig[]): CoverageScope[] {
  const out: CoverageScope[] = []
  for (const c of configs) {
    if (!c.coverage || (c.runner !== 'vitest' && c.runner !== 'jest')) continue
    out.push({ file: c.file, tool: c.runner, ...c.coverage })
  }
  return out
}

/** c8, nyc and coverage.py configuration at the repository root; unreadable files become notes. */
export async function readCoverageScopes(
  root: string,
  paths: readonly string[],
  notes: string[]
): Promise<CoverageScope[]> {
  const present = new Set(paths)
  const out: CoverageScope[] = []
  const read = async (name: string): Promise<string | undefined> => {
    if (!present.has(name)) return undefined
    const r = await readTextFile(root, name, MAX_CONFIG_BYTES)
    return 'text' in r ? r.text : undefined
  }
  const add = (s: CoverageScope | null): void => {
    if (s) out.push(s)
  }
  for (const rc of RC_FILES) {
    const text = await read(rc.name)
    if (text === undefined) continue
    try {
      add(istanbulScope(rc.name, rc.tool, parseRc(rc.name, text)))
    } catch {
      notes.push(`${rc.name} could not be read; its coverage exclusions are not applied`)
    }
  }
  const pkg = await read('package.json')
  if (pkg !== undefined) {
    try {
      const data = asObject(JSON.parse(pkg))
      add(istanbulScope('package.json#c8', 'c8', asObject(data?.c8)))
      add(istanbulScope('package.json#nyc', 'nyc', asObject(data?.nyc)))
    } catch {
      // package.json's own reader reports a malformed manifest.
    }
  }
  for (const [name, section] of [
    ['.coveragerc', 'run'],
    ['setup.cfg', 'coverage:run'],
    ['tox.ini', 'coverage:run']
  ] as const) {
    const text = await read(name)
    if (text !== undefined) add(coveragePyScope(name, parseIni(text)[section]))
  }
  const pyproject = await read('pyproject.toml')
  if (pyproject !== undefined) {
    try {
      const tool = asObject(asObject(parseToml(pyproject))?.tool)
      add(coveragePyScope('pyproject.toml', asObject(asObject(tool?.coverage)?.run)))
    } catch {
      // pyproject's own reader reports a malformed file.
    }
  }
  return out
}
