// The test runners' own configuration at the repository root: what each collects, where, with which
// loaders. These decide the framework and where generated specs go (src/specs/layout.ts) before any
// guess from the style of the test files. Only literal values are read; computed ones are named in
// `unread` so the layout can say it fell back.
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import type { TestRunnerConfig } from '../model/types.js'
import { errorMessage } from '../util/errors.js'
import { COMPUTED, readConfigObject, type ConfigValue } from './js-config-object.js'
import { parseJsonc } from './jsonc.js'
import { parseIni } from './manifest-python.js'
import { readTextFile } from './read-text.js'

const MAX_CONFIG_BYTES = 1024 * 1024
const JS_EXTS = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs']

type Runner = TestRunnerConfig['runner']
type Obj = { [key: string]: ConfigValue }

/** Root files that configure a runner, in the order a runner itself looks for them. */
const CANDIDATES: {
  runner: Runner
  names: string[]
  kind: 'js' | 'json' | 'yaml' | 'pytest-ini' | 'toml' | 'vite'
}[] = [
  { runner: 'vitest', names: JS_EXTS.map((e) => `vitest.config.${e}`), kind: 'js' },
  { runner: 'vitest', names: JS_EXTS.map((e) => `vite.config.${e}`), kind: 'vite' },
  {
    runner: 'jest',
    names: [...JS_EXTS.map((e) => `jest.config.${e}`), 'jest.config.json'],
    kind: 'js'
  },
  { runner: 'mocha', names: ['.mocharc.js', '.mocharc.cjs', '.mocharc.mjs'], kind: 'js' },
  { runner: 'mocha', names: ['.mocharc.json', '.mocharc.jsonc'], kind: 'json' },
  { runner: 'mocha', names: ['.mocharc.yml', '.mocharc.yaml'], kind: 'yaml' },
  { runner: 'ava', names: ['ava.config.js', 'ava.config.cjs', 'ava.config.mjs'], kind: 'js' },
  { runner: 'jasmine', names: ['spec/support/jasmine.json'], kind: 'json' },
  { runner: 'tap', names: ['.taprc'], kind: 'yaml' },
  { runner: 'bun', names: ['bunfig.toml'], kind: 'toml' },
  {
    runner: 'pytest',
    names: ['pytest.ini', '.pytest.ini', 'tox.ini', 'setup.cfg'],
    kind: 'pytest-ini'
  },
  { runner: 'pytest', names: ['pyproject.toml'], kind: 'toml' }
]

function strings(
  value: ConfigValue | undefined,
  unread: string[],
  name: string
): string[] | undefined {
  if (value === undefined) return undefined
  if (value === COMPUTED) {
    unread.push(name)
    return undefined
  }
  const list = Array.isArray(value) ? value : [value]
  const out = list.filter((v): v is string => typeof v === 'string')
  if (out.length !== list.length) unread.push(name)
  return out.length > 0 ? out : undefined
}

function bool(value: ConfigValue | undefined, unread: string[], name: string): boolean | undefined {
  if (value === COMPUTED) unread.push(name)
  return typeof value === 'boolean' ? value : undefined
}

function compact(config: TestRunnerConfig, unread: string[]): TestRunnerConfig {
  const out = Object.fromEntries(
    Object.entries(config).filter(([, v]) => v !== undefined)
  ) as unknown as TestRunnerConfig
  if (unread.length > 0) out.unread = [...new Set(unread)].sort()
  return out
}

/** A coverage scope when the config names one. */
function coverageOf(
  include: string[] | undefined,
  exclude: string[] | undefined,
  ignorePatterns?: string[]
): TestRunnerConfig['coverage'] {
  if (!include && !exclude && !ignorePatterns) return undefined
  return Object.fromEntries(
    Object.entries({ include, exclude, ignorePatterns }).filter(([, v]) => v !== undefined)
  )
}

function vitestConfig(file: string, test: Obj, coverage?: Obj): TestRunnerConfig {
  const unread: string[] = []
  const roots = [
    ...(strings(test.dir, unread, 'dir') ?? []),
    ...(strings(test.root, unread, 'root') ?? [])
  ]
  return compact(
    {
      runner: 'vitest',
      file,
      include: strings(test.include, unread, 'include'),
      exclude: strings(test.exclude, unread, 'exclude'),
      roots: roots.length > 0 ? roots : undefined,
      globals: bool(test.globals, unread, 'globals'),
      requires: strings(test.setupFiles, unread, 'setupFiles'),
      coverage: coverageOf(
        strings(coverage?.include, unread, 'coverage.include'),
        strings(coverage?.exclude, unread, 'coverage.exclude')
      )
    },
    unread
  )
}

function jestConfig(file: string, o: Obj): TestRunnerConfig {
  const unread: string[] = []
  return compact(
    {
      runner: 'jest',
      file,
      include: strings(o.testMatch, unread, 'testMatch'),
      exclude: strings(o.testPathIgnorePatterns, unread, 'testPathIgnorePatterns'),
      roots: strings(o.roots, unread, 'roots'),
      testRegex: strings(o.testRegex, unread, 'testRegex'),
      extensions: strings(o.moduleFileExtensions, unread, 'moduleFileExtensions'),
      requires: strings(
        o.setupFilesAfterEach ?? o.setupFilesAfterEnv,
        unread,
        'setupFilesAfterEnv'
      ),
      preset: typeof o.preset === 'string' ? o.preset : undefined,
      transform: o.transform !== undefined ? true : undefined,
      coverage: coverageOf(
        strings(o.collectCoverageFrom, unread, 'collectCoverageFrom'),
        undefined,
        strings(o.coveragePathIgnorePatterns, unread, 'coveragePathIgnorePatterns')
      )
    },
    unread
  )
}

function mochaConfig(file: string, o: Obj): TestRunnerConfig {
  const unread: string[] = []
  const requires = [
    ...(strings(o.require, unread, 'require') ?? []),
    ...(strings(o.import, unread, 'import') ?? []),
    ...(strings(o['node-option'], unread, 'node-option') ?? [])
  ]
  return compact(
    {
      runner: 'mocha',
      file,
      include: strings(o.spec, unread, 'spec'),
      exclude: strings(o.ignore ?? o.exclude, unread, 'ignore'),
      recursive: bool(o.recursive, unread, 'recursive'),
      extensions: strings(o.extension, unread, 'extension'),
      requires: requires.length > 0 ? requires : undefined,
      ui: strings(o.ui, unread, 'ui')?.[0]
    },
    unread
  )
}

function avaConfig(file: string, o: Obj): TestRunnerConfig {
  const unread: string[] = []
  return compact(
    {
      runner: 'ava',
      file,
      include: strings(o.files, unread, 'files'),
      requires: strings(o.require, unread, 'require')
    },
    unread
  )
}

/** pytest's ini options, as strings (ini) or arrays (pyproject). */
function pytestConfig(file: string, o: Record<string, unknown>): TestRunnerConfig {
  const list = (v: unknown): string[] | undefined => {
    const items = Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string')
      : typeof v === 'string'
        ? v.split(/\s+/).filter(Boolean)
        : []
    return items.length > 0 ? items : undefined
  }
  return compact(
    {
      runner: 'pytest',
      file,
      include: list(o.testpaths),
      exclude: list(o.norecursedirs),
      pythonFiles: list(o.python_files),
      pythonPath: list(o.pythonpath),
      requires: list(o.addopts)
    },
    []
  )
}

function asObj(value: unknown): Obj | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Obj)
    : undefined
}

async function readOne(
  file: string,
  runner: Runner,
  kind: (typeof CANDIDATES)[number]['kind'],
  text: string
): Promise<TestRunnerConfig | null> {
  switch (kind) {
    case 'vite':
    case 'js': {
      if (file.endsWith('.json')) return jestConfig(file, asObj(parseJsonc(text)) ?? {})
      const read = await readConfigObject(file, text)
      if (runner === 'vitest') {
        const test = read.testObjects[0] ?? (kind === 'js' ? {} : undefined)
        // Projects extend the root `test`; its `coverage` applies to all of them.
        const coverage = read.testObjects.map((t) => asObj(t.coverage)).find(Boolean)
        return test ? vitestConfig(file, test, coverage) : null
      }
      const o = read.exported ?? {}
      if (runner === 'jest') return jestConfig(file, o)
      if (runner === 'mocha') return mochaConfig(file, o)
      return avaConfig(file, o)
    }
    case 'json': {
      const o = asObj(parseJsonc(text)) ?? {}
      if (runner === 'jasmine') {
        const dir = typeof o.spec_dir === 'string' ? o.spec_dir : 'spec'
        const files = (Array.isArray(o.spec_files) ? o.spec_files : []).filter(
          (f): f is string => typeof f === 'string'
        )
        return compact({ runner, file, include: files.map((f) => `${dir}/${f}`) }, [])
      }
      return mochaConfig(file, o)
    }
    case 'yaml': {
      const o = asObj(parseYaml(text) as ConfigValue) ?? {}
      return runner === 'tap'
        ? compact({ runner, file, include: strings(o.include ?? o.files, [], 'include') }, [])
        : mochaConfig(file, o)
    }
    case 'toml': {
      const data = parseToml(text) as Record<string, unknown>
      if (runner === 'bun')
        return asObj(data.test)
          ? compact({ runner, file, roots: strings(asObj(data.test)?.root, [], 'root') }, [])
          : null
      const tool = asObj(data.tool as ConfigValue)
      const pytest = asObj(tool?.pytest)
      const options =
        asObj(pytest?.ini_options) ??
        (pytest && Object.keys(pytest).length > 0 ? pytest : undefined)
      return options ? pytestConfig(file, options) : null
    }
    case 'pytest-ini': {
      const ini = parseIni(text)
      const section = file.endsWith('setup.cfg') ? ini['tool:pytest'] : ini.pytest
      return section ? pytestConfig(file, section) : null
    }
  }
}

/** package.json keys that configure a runner: `jest`, `mocha`, `ava`, `tap`. */
function fromPackageJson(text: string): TestRunnerConfig[] {
  let data: Obj | undefined
  try {
    data = asObj(JSON.parse(text) as ConfigValue)
  } catch {
    return []
  }
  if (!data) return []
  const out: TestRunnerConfig[] = []
  const jest = asObj(data.jest)
  if (jest) out.push(jestConfig('package.json#jest', jest))
  const mocha = asObj(data.mocha)
  if (mocha) out.push(mochaConfig('package.json#mocha', mocha))
  const ava = asObj(data.ava)
  if (ava) out.push(avaConfig('package.json#ava', ava))
  const tap = asObj(data.tap)
  if (tap)
    out.push(
      compact(
        {
          runner: 'tap',
          file: 'package.json#tap',
          include: strings(tap.include ?? tap.files, [], 'include')
        },
        []
      )
    )
  return out
}

/** The runner configurations at the root of the repository; unreadable files become notes. */
export async function readTestConfigs(
  root: string,
  paths: readonly string[],
  notes: string[]
): Promise<TestRunnerConfig[]> {
  const present = new Set(paths)
  const out: TestRunnerConfig[] = []
  for (const candidate of CANDIDATES) {
    for (const name of candidate.names) {
      if (!present.has(name)) continue
      const read = await readTextFile(root, name, MAX_CONFIG_BYTES)
      if (!('text' in read)) continue
      try {
        const config = await readOne(name, candidate.runner, candidate.kind, read.text)
        if (config) out.push(config)
      } catch (error) {
        notes.push(
          `${name} could not be read as ${candidate.runner} configuration (${errorMessage(error).replace(/\s+/g, ' ').trim()}); the test layout is guessed without it`
        )
      }
      // A runner reads only the first config file it finds of one kind.
      if (candidate.kind !== 'pytest-ini') break
    }
  }
  if (present.has('package.json')) {
    const read = await readTextFile(root, 'package.json', MAX_CONFIG_BYTES)
    if ('text' in read) out.push(...fromPackageJson(read.text))
  }
  return out
}
