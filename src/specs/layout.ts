// Detects the project's test layout (layout-types.ts) from its facts and code model. Pure: the
// config files were read with the facts (src/repo/test-config.ts).
//
// The runner, strongest evidence first; a level with one clear winner decides:
// 1. what the package.json `test` scripts run (`vitest`, `jest`, `mocha`, `ava`, `jasmine`, `tap`,
//    `bun test`, `node --test`);
// 2. the runners' config files (vitest/vite `test`, jest, .mocharc, ava, jasmine, .taprc, bunfig);
// 3. test-runner dependencies;
// 4. the style of the existing test files (imports, mocha's hooks), the tie-breaker.
// Python always renders for pytest (it also collects unittest suites); pytest's settings come from
// pytest.ini, pyproject `[tool.pytest.ini_options]`, tox.ini or setup.cfg, in pytest's own order.
// The shape of the existing tests (where they sit, how they are named, how they import, which
// assertion library) decides the rest; the runner's collection rules decide where a spec may go.
import { posix } from 'node:path'
import type {
  ModuleModel,
  PackageManifest,
  RepositoryFacts,
  TestRunnerConfig
} from '../model/types.js'
import { jsCollect, pytestCollect } from './collect.js'
import type { DetectedRunner, TestLayout } from './layout-types.js'
import type { SpecLanguage, TestFramework } from './types.js'

const RUNNERS: DetectedRunner[] = [
  'vitest',
  'jest',
  'mocha',
  'node:test',
  'ava',
  'jasmine',
  'tap',
  'bun:test'
]
const RENDERABLE = new Set<DetectedRunner>(['vitest', 'jest', 'mocha', 'node:test'])
const CONFIG_RUNNER: Partial<Record<TestRunnerConfig['runner'], DetectedRunner>> = {
  vitest: 'vitest',
  jest: 'jest',
  mocha: 'mocha',
  ava: 'ava',
  jasmine: 'jasmine',
  tap: 'tap',
  bun: 'bun:test'
}
const DEPENDENCY_RUNNER: [string, DetectedRunner][] = [
  ['vitest', 'vitest'],
  ['jest', 'jest'],
  ['ts-jest', 'jest'],
  ['babel-jest', 'jest'],
  ['@jest/globals', 'jest'],
  ['mocha', 'mocha'],
  ['ava', 'ava'],
  ['jasmine', 'jasmine'],
  ['tap', 'tap'],
  ['bun-types', 'bun:test'],
  ['@types/bun', 'bun:test']
]

/** A dependency name without version, extras or markers, lower-cased (`pytest>=7` -> `pytest`). */
export function packageName(spec: string): string {
  return (
    spec
      .trim()
      .toLowerCase()
      .split(/[\s<>=!~;[(@]/)[0] ?? ''
  )
}

function dependencyNames(manifests: PackageManifest[]): Set<string> {
  const names = new Set<string>()
  for (const m of manifests)
    for (const d of [...m.dependencies, ...m.devDependencies])
      names.add(d.startsWith('@') ? d.toLowerCase() : packageName(d))
  return names
}

/** Script commands are split into words (they are shell commands, not code). */
function words(command: string): string[] {
  return command.split(/[\s;&|()]+/).filter(Boolean)
}

/** The runner a script command runs, with the paths it names after the runner (`mocha test/unit`). */
export function scriptRunner(
  command: string
): { runner: DetectedRunner; paths: string[]; prefix: string[] } | null {
  const w = words(command)
  const is = (name: string, word: string): boolean =>
    word === name || word.endsWith(`/${name}`) || word === `${name}.js`
  for (let i = 0; i < w.length; i++) {
    const word = w[i]
    let runner: DetectedRunner | null = null
    if (is('vitest', word)) runner = 'vitest'
    else if (is('jest', word)) runner = 'jest'
    else if (is('mocha', word) || is('_mocha', word)) runner = 'mocha'
    else if (is('ava', word)) runner = 'ava'
    else if (is('jasmine', word)) runner = 'jasmine'
    else if (is('tap', word)) runner = 'tap'
    else if (word === 'bun' && w[i + 1] === 'test') runner = 'bun:test'
    else if (
      word === '--test' &&
      i > 0 &&
      w.slice(0, i).some((x) => is('node', x) || is('tsx', x))
    ) {
      const start = w.slice(0, i).findIndex((x) => is('node', x) || is('tsx', x))
      return { runner: 'node:test', paths: pathsAfter(w, i + 1), prefix: w.slice(start, i) }
    }
    if (runner) return { runner, paths: pathsAfter(w, i + 1), prefix: [] }
  }
  return null
}

/** Arguments that look like test paths (not options, not the values of `--reporter x`-style options). */
function pathsAfter(w: string[], from: number): string[] {
  const out: string[] = []
  for (let i = from; i < w.length; i++) {
    const word = w[i]
    if (word.startsWith('-')) {
      if (
        !word.includes('=') &&
        [
          '--reporter',
          '--config',
          '-c',
          '--require',
          '-r',
          '--import',
          '--loader',
          '--timeout',
          '-t',
          '--project',
          '--ui',
          '--test-reporter',
          '--dir',
          '--root',
          '--environment'
        ].includes(word)
      )
        i++
      continue
    }
    if (['run', 'watch', 'test', 'dev', 'bench'].includes(word) && out.length === 0) continue
    if (/^(npm|yarn|pnpm|npx|bun|node|tsc|eslint|c8|nyc)$/.test(word)) break
    if (/[/*.]/.test(word) || /^(test|tests|spec|__tests__)$/.test(word))
      out.push(word.replace(/^["']|["']$/g, ''))
  }
  return out
}

function count<T>(items: T[]): Map<T, number> {
  const counts = new Map<T, number>()
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1)
  return counts
}

/** The single most frequent item; null when there is none or the top is shared. */
function winner<T>(counts: Map<T, number>): T | null {
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1])
  if (sorted.length === 0) return null
  if (sorted.length > 1 && sorted[1][1] === sorted[0][1]) return null
  return sorted[0][0]
}

/** The most frequent item, ties broken by `order`. */
function mostOf<T>(counts: Map<T, number>, order: readonly T[]): T | null {
  let best: T | null = null
  for (const item of order)
    if ((counts.get(item) ?? 0) > (best === null ? 0 : (counts.get(best) ?? 0))) best = item
  return best
}

const isTestModule = (m: ModuleModel): boolean =>
  m.isTest && !!m.test && !/(^|\/)(fixtures?|__fixtures__|__mocks__|testdata)\//.test(m.path)

/** The runner a test file's own imports name (the model's guess defaults to jest; this only counts what is written). */
function styleRunner(m: ModuleModel): DetectedRunner | null {
  for (const imp of m.imports) {
    const s = imp.source
    if (s === 'vitest' || s.startsWith('vitest/')) return 'vitest'
    if (s === '@jest/globals') return 'jest'
    if (s === 'node:test' || s === 'test') return 'node:test'
    if (s === 'ava') return 'ava'
    if (s === 'tap' || s.startsWith('tap/')) return 'tap'
    if (s === 'bun:test') return 'bun:test'
    if (s === 'mocha') return 'mocha'
  }
  // The model names a framework from the same imports; its 'jest' is also its default guess, so it is not evidence.
  const f = m.test?.framework
  return f && f !== 'jest' && (RUNNERS as string[]).includes(f) ? (f as DetectedRunner) : null
}

interface Decision {
  runner: DetectedRunner
  reason: string
  scriptPaths: string[]
  scriptPrefix: string[]
}

function decideRunner(
  facts: RepositoryFacts,
  jsTests: ModuleModel[],
  packageJsons: PackageManifest[]
): Decision | null {
  const root = packageJsons.find((m) => m.path === 'package.json') ?? packageJsons[0]
  const scripted: { runner: DetectedRunner; paths: string[]; prefix: string[]; name: string }[] = []
  for (const [name, command] of Object.entries(root?.scripts ?? {})) {
    if (!/^test($|:|-)/.test(name)) continue
    const found = scriptRunner(command)
    if (found) scripted.push({ ...found, name })
  }
  const byScript = winner(count(scripted.map((s) => s.runner)))
  const configs = (facts.testConfigs ?? []).filter((c) => c.runner !== 'pytest')
  const byConfig = winner(
    count([
      ...new Set(
        configs.map((c) => CONFIG_RUNNER[c.runner]).filter((r): r is DetectedRunner => !!r)
      )
    ])
  )
  const pick = (runner: DetectedRunner, reason: string): Decision => {
    const own = scripted.filter((s) => s.runner === runner)
    const main = own.find((s) => s.name === 'test') ?? own[0]
    return { runner, reason, scriptPaths: main?.paths ?? [], scriptPrefix: main?.prefix ?? [] }
  }
  if (byScript) return pick(byScript, `the package.json test script runs ${byScript}`)
  if (byConfig) {
    const file = configs.find((c) => CONFIG_RUNNER[c.runner] === byConfig)?.file
    return pick(byConfig, `${file} configures ${byConfig}`)
  }
  const deps = dependencyNames(packageJsons)
  const byDeps = winner(
    count([...new Set(DEPENDENCY_RUNNER.filter(([d]) => deps.has(d)).map(([, r]) => r))])
  )
  if (byDeps)
    return pick(
      byDeps,
      `${DEPENDENCY_RUNNER.find(([d, r]) => r === byDeps && deps.has(d))?.[0]} is a dependency`
    )
  const byStyle = mostOf(
    count(jsTests.map(styleRunner).filter((r): r is DetectedRunner => r !== null)),
    RUNNERS
  )
  if (byStyle) return pick(byStyle, `the test files use ${byStyle}`)
  // Several candidates at one level: the first level with any, broken by the test files' style.
  const tied = [
    scripted.map((s) => s.runner),
    configs.map((c) => CONFIG_RUNNER[c.runner]),
    DEPENDENCY_RUNNER.filter(([d]) => deps.has(d)).map(([, r]) => r)
  ].find((level) => level.length > 0)
  if (tied) {
    const runner = mostOf(
      count(tied.filter((r): r is DetectedRunner => !!r)),
      RUNNERS
    ) as DetectedRunner
    return pick(
      runner,
      `${[...new Set(tied)].join(' and ')} are both configured; ${runner} is used`
    )
  }
  return null
}

/** Where the existing tests sit relative to the code. */
function placementOf(
  tests: ModuleModel[],
  sourceDirs: Set<string>
): { placement: TestLayout['placement']; testDir: string } | null {
  const kinds: string[] = []
  for (const t of tests) {
    const parts = t.path.split('/')
    const dir = parts.slice(0, -1).join('/')
    const testSegment = parts
      .slice(0, -1)
      .findIndex((p) => ['__tests__', 'test', 'tests', 'spec', 'specs', '__specs__'].includes(p))
    if (
      testSegment > 0 &&
      parts[testSegment] === '__tests__' &&
      sourceDirs.has(parts.slice(0, testSegment).join('/'))
    )
      kinds.push('nested')
    else if (testSegment >= 0) kinds.push(`folder:${parts.slice(0, testSegment + 1).join('/')}`)
    else if (sourceDirs.has(dir) || dir !== '') kinds.push('beside')
    else kinds.push('folder:')
  }
  const top = mostOf(count(kinds), [...new Set(kinds)])
  if (!top) return null
  if (top === 'nested' || top === 'beside') return { placement: top, testDir: '' }
  return { placement: 'folder', testDir: top.slice('folder:'.length) }
}

/** `.test` / `.spec` / `-test` / `_test` (or a project's own, `.check`) from the existing test file names. */
function suffixOf(tests: ModuleModel[]): string | null {
  const suffixes = tests
    .map((t) => {
      const name = t.path.split('/').pop() ?? ''
      const known = /(\.test|\.spec|-test|_test)\.[^.]+$/.exec(name)?.[1]
      if (known) return known
      const parts = name.split('.')
      return parts.length >= 3 && /^[a-z][a-z0-9-]*$/.test(parts[parts.length - 2])
        ? `.${parts[parts.length - 2]}`
        : undefined
    })
    .filter((s): s is string => !!s && s !== '.e2e' && s !== '.d')
  return mostOf(count(suffixes), [
    '.test',
    '.spec',
    '-test',
    '_test',
    ...[...new Set(suffixes)].sort()
  ])
}

function entryOf(
  manifest: PackageManifest | undefined,
  modulePaths: Set<string>
): string | undefined {
  if (!manifest) return undefined
  const exp = manifest.exports
  const pickString = (v: unknown): string | undefined => {
    if (typeof v === 'string') return v
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>
      return pickString(o['.'] ?? o.import ?? o.require ?? o.default ?? o.node)
    }
    return undefined
  }
  const candidates = [pickString(exp), manifest.main]
    .filter((c): c is string => !!c)
    .map((c) => posix.normalize(c).replace(/^\.\//, ''))
  for (const c of candidates) {
    if (modulePaths.has(c)) return c
    // A built entry (`dist/index.js`) stands for its source (`src/index.ts`).
    const stem = c.replace(/^(dist|lib|build|out)\//, 'src/').replace(/\.(c|m)?js$/, '')
    for (const ext of ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'])
      if (modulePaths.has(stem + ext)) return stem + ext
  }
  return undefined
}

/**
 * The layout for a language family; `forced` (the `framework` input) replaces the detected runner,
 * `forcedLanguage` the detected language.
 */
export function detectLayout(
  facts: RepositoryFacts,
  modules: ModuleModel[],
  family: 'js' | 'python' | null,
  forced?: { framework: TestFramework; language?: SpecLanguage; reason: string }
): TestLayout {
  if (family === 'python' && (!forced || forced.framework === 'pytest'))
    return pythonLayout(facts, modules)
  const layout = jsLayout(
    facts,
    modules,
    forced && forced.framework !== 'pytest' ? forced : undefined
  )
  if (forced?.language && forced.language !== 'python' && forced.language !== layout.language) {
    const extension =
      forced.language === 'typescript'
        ? '.ts'
        : layout.moduleSystem === 'esm' && layout.extension === '.mjs'
          ? '.mjs'
          : '.js'
    return { ...layout, language: forced.language, extension }
  }
  return layout
}

function jsLayout(
  facts: RepositoryFacts,
  modules: ModuleModel[],
  forced?: { framework: TestFramework; reason: string }
): TestLayout {
  const packageJsons = facts.manifests.filter((m) => m.kind === 'package.json')
  const rootPackage = packageJsons.find((m) => m.path === 'package.json')
  const jsTests = modules.filter(
    (m) => isTestModule(m) && ['typescript', 'tsx', 'javascript', 'jsx'].includes(m.language)
  )
  const notes: string[] = []
  const found = decideRunner(facts, jsTests, packageJsons)
  const decision: Decision | null = forced
    ? {
        runner: forced.framework,
        reason: forced.reason,
        scriptPaths: found?.runner === forced.framework ? found.scriptPaths : [],
        scriptPrefix: found?.runner === forced.framework ? found.scriptPrefix : []
      }
    : found
  const detected: DetectedRunner = decision?.runner ?? 'node:test'
  const framework: TestFramework = RENDERABLE.has(detected)
    ? (detected as TestFramework)
    : 'node:test'
  if (!RENDERABLE.has(detected)) {
    notes.push(
      `${detected} has no renderer here: specs are written for node:test; run them with \`node --test <file>\`, not with ${detected}`
    )
  }
  // Tests of the runner we render for are the model to copy; all JS tests when none match.
  const ownTests = jsTests.filter(
    (t) => styleRunner(t) === framework || (styleRunner(t) === null && framework !== 'node:test')
  )
  const model = ownTests.length > 0 ? ownTests : jsTests
  const deps = dependencyNames(packageJsons)
  const tsTests = model.filter((t) => t.language === 'typescript' || t.language === 'tsx').length
  const tsModules = modules.filter(
    (m) => !m.isTest && (m.language === 'typescript' || m.language === 'tsx')
  ).length
  const language: SpecLanguage =
    model.length > 0
      ? tsTests * 2 > model.length
        ? 'typescript'
        : 'javascript'
      : tsModules > 0 || deps.has('typescript') || Object.keys(facts.tsPaths).length > 0
        ? 'typescript'
        : 'javascript'
  const config = (facts.testConfigs ?? []).find((c) => CONFIG_RUNNER[c.runner] === framework)
  if (config?.unread?.length)
    notes.push(
      `${config.file}: ${config.unread.join(', ')} computed in code, not read; the defaults are assumed for them`
    )

  // Module system and extension of the files we write, copied from the tests of the same language.
  const sameLanguage = model.filter(
    (t) => (language === 'typescript') === (t.language === 'typescript' || t.language === 'tsx')
  )
  const extensions = count(sameLanguage.map((t) => posix.extname(t.path)))
  const packageType = rootPackage?.type === 'module' ? 'esm' : 'commonjs'
  let extension = language === 'typescript' ? '.ts' : '.js'
  const topExt = mostOf(
    extensions,
    language === 'typescript' ? ['.ts', '.mts', '.cts', '.tsx'] : ['.js', '.mjs', '.cjs', '.jsx']
  )
  if (topExt && topExt !== '.tsx' && topExt !== '.jsx') extension = topExt
  let moduleSystem: TestLayout['moduleSystem'] = packageType
  if (extension === '.mjs' || extension === '.mts') moduleSystem = 'esm'
  else if (extension === '.cjs' || extension === '.cts') moduleSystem = 'commonjs'
  else if (sameLanguage.length > 0 && language === 'javascript') {
    const esm = sameLanguage.filter((t) => t.imports.some((i) => i.kind === 'esm')).length
    const cjs = sameLanguage.filter(
      (t) => t.imports.some((i) => i.kind === 'require') && !t.imports.some((i) => i.kind === 'esm')
    ).length
    moduleSystem = esm > cjs ? 'esm' : cjs > esm ? 'commonjs' : packageType
    // ESM test files in a CommonJS package load only through a transform (babel-jest) or as .mjs.
    if (
      moduleSystem === 'esm' &&
      packageType === 'commonjs' &&
      framework !== 'jest' &&
      framework !== 'vitest'
    )
      extension = '.mjs'
  }
  if (language === 'typescript') moduleSystem = packageType

  // Placement and naming, from the tests; then checked against what the runner collects.
  const sourceDirs = new Set(
    modules
      .filter((m) => !m.isTest)
      .map((m) => posix.dirname(m.path))
      .map((d) => (d === '.' ? '' : d))
  )
  const place = placementOf(model, sourceDirs)
  const fallback = !RENDERABLE.has(detected)
  let placement: TestLayout['placement'] = fallback
    ? 'folder'
    : (place?.placement ?? (framework === 'vitest' ? 'beside' : 'folder'))
  let testDir = fallback
    ? 'test'
    : (place?.testDir ?? (framework === 'jest' ? '__tests__' : 'test'))
  const collect = fallback
    ? jsCollect('node:test', undefined, [])
    : jsCollect(detected, config, decision?.scriptPaths ?? [])
  if (
    framework === 'mocha' &&
    config?.recursive !== true &&
    placement === 'folder' &&
    !(decision?.scriptPaths ?? []).some((p) => p.includes('**'))
  ) {
    // mocha reads only the top of its spec folders unless told `--recursive`.
    placement = 'flat'
  }
  if (
    framework === 'mocha' &&
    !config?.recursive &&
    /--recursive/.test(Object.values(rootPackage?.scripts ?? {}).join(' '))
  )
    placement = place?.placement ?? 'folder'
  if (placement === 'folder' && testDir === '') testDir = 'test'
  const suffix = suffixOf(model) ?? (framework === 'mocha' ? '.spec' : '.test')

  // Imports: the package's own name when the tests mostly import it that way, else relative paths.
  const name = rootPackage?.name
  let relative = 0
  let byName = 0
  let withJs = 0
  let withTs = 0
  let bare = 0
  let jestGlobals = 0
  let chai = 0
  let nodeAssert = 0
  for (const t of model) {
    for (const imp of t.imports) {
      const s = imp.source
      if (s.startsWith('.')) {
        relative++
        if (imp.resolved && /\.(c|m)?tsx?$/.test(imp.resolved)) {
          if (/\.(c|m)?js$/.test(s)) withJs++
          else if (/\.(c|m)?tsx?$/.test(s)) withTs++
          else bare++
        }
      } else if (name && (s === name || s.startsWith(`${name}/`))) byName++
      if (s === '@jest/globals') jestGlobals++
      if (s === 'chai' || s.startsWith('chai/')) chai++
      if (
        s === 'assert' ||
        s === 'node:assert' ||
        s === 'assert/strict' ||
        s === 'node:assert/strict'
      )
        nodeAssert++
    }
  }
  const modulePaths = new Set(modules.map((m) => m.path))
  const packageEntry = entryOf(rootPackage, modulePaths)
  const importStyle: TestLayout['importStyle'] =
    byName > relative && name && packageEntry ? 'package' : 'relative'
  const importExtension: TestLayout['importExtension'] =
    withJs > bare && withJs >= withTs
      ? '.js'
      : withTs > bare && withTs > withJs
        ? '.ts'
        : bare > 0
          ? 'none'
          : framework === 'node:test' || moduleSystem === 'esm'
            ? '.js'
            : 'none'
  let assertion: TestLayout['assertion'] =
    framework === 'jest' || framework === 'vitest' ? 'expect' : 'node:assert'
  if (
    framework === 'mocha' &&
    (chai > nodeAssert || (chai === 0 && nodeAssert === 0 && deps.has('chai')))
  )
    assertion = 'chai'
  const frameworkImport: TestLayout['frameworkImport'] =
    framework === 'mocha'
      ? 'globals'
      : framework === 'jest'
        ? jestGlobals > 0
          ? 'import'
          : model.length > 0
            ? 'globals'
            : language === 'typescript' && !deps.has('@types/jest')
              ? 'import'
              : 'globals'
        : 'import'

  const defaultExports: Record<string, string> = {}
  for (const m of modules) {
    const local = m.exports.find((e) => e.name === 'default')?.local
    if (local && /^[A-Za-z_$][\w$]*$/.test(local) && !m.exports.some((e) => e.name === local))
      defaultExports[m.path] = local
  }
  const runnerCommand = commandFor(framework, fallback, decision)
  const reasonParts = [
    decision?.reason ?? 'no test runner found; node:test needs nothing installed'
  ]
  if (model.length > 0)
    reasonParts.push(`${model.length} test file(s) show where tests go and how they import`)
  return {
    detected,
    framework,
    language,
    moduleSystem,
    extension,
    placement,
    testDir,
    naming: { prefix: '', suffix },
    collect,
    importStyle,
    ...(name ? { packageName: name } : {}),
    ...(packageEntry ? { packageEntry } : {}),
    importExtension,
    assertion,
    frameworkImport,
    pythonRoots: [],
    defaultExports,
    // No package.json: what is installed is unknown, not missing, so no spec is held back for it.
    ...(packageJsons.length > 0 ? { packages: [...deps].sort() } : {}),
    runnerCommand,
    ...(config ? { configFile: config.file } : {}),
    reason: reasonParts.join('; '),
    notes
  }
}

function commandFor(
  framework: TestFramework,
  fallback: boolean,
  decision: Decision | null
): string[] {
  switch (framework) {
    case 'vitest':
      return ['npx', 'vitest', 'run']
    case 'jest':
      return ['npx', 'jest']
    case 'mocha':
      return ['npx', 'mocha']
    case 'node:test': {
      const prefix = !fallback && decision?.runner === 'node:test' ? decision.scriptPrefix : []
      return prefix.length > 0 ? [...prefix, '--test'] : ['node', '--test']
    }
    case 'pytest':
      return ['python', '-m', 'pytest']
  }
}

/** pytest reads the first of these that configures it. */
const PYTEST_ORDER = ['pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg']

function pythonLayout(facts: RepositoryFacts, modules: ModuleModel[]): TestLayout {
  const notes: string[] = []
  const configs = (facts.testConfigs ?? []).filter((c) => c.runner === 'pytest')
  const config = PYTEST_ORDER.map((f) => configs.find((c) => c.file === f)).find(
    (c) => c !== undefined
  )
  const tests = modules.filter(
    (m) =>
      m.language === 'python' &&
      isTestModule(m) &&
      /^(test_.*|.*_test)\.py$/.test(m.path.split('/').pop() ?? '')
  )
  const pythonManifests = facts.manifests.filter((m) =>
    ['pyproject.toml', 'setup.cfg', 'setup.py', 'requirements'].includes(m.kind)
  )
  const deps = dependencyNames(pythonManifests)
  const unittestOnly = tests.length > 0 && tests.every((t) => t.test?.framework === 'unittest')
  const why = config
    ? `${config.file} configures pytest`
    : tests.some((t) => t.test?.framework === 'pytest')
      ? `${tests.filter((t) => t.test?.framework === 'pytest').length} test file(s) use pytest`
      : deps.has('pytest')
        ? 'pytest is a dependency'
        : 'pytest is the default for Python'
  if (unittestOnly && !deps.has('pytest') && !config)
    notes.push(
      'the tests use unittest; pytest collects unittest suites too, so specs are written for pytest'
    )
  const collect = pytestCollect(config)
  // Where the specs go: the first testpaths entry, else where most test files are, else tests/.
  const dirs = count(tests.map((t) => posix.dirname(t.path)).map((d) => (d === '.' ? '' : d)))
  const topDir = mostOf(dirs, [...dirs.keys()].sort())
  const configured = config?.include?.[0]?.replace(/^\.\//, '').replace(/\/+$/, '')
  const testDir = configured !== undefined && configured !== '.' ? configured : (topDir ?? 'tests')
  const filePattern = config?.pythonFiles?.[0] ?? 'test_*.py'
  const star = filePattern.indexOf('*')
  const naming =
    star >= 0
      ? {
          prefix: filePattern.slice(0, star),
          suffix: filePattern.slice(star + 1).replace(/\.py$/, '')
        }
      : { prefix: 'test_', suffix: '' }
  // Folders on sys.path: `src` in a src layout, and pytest's `pythonpath`.
  const roots = new Set<string>()
  for (const p of config?.pythonPath ?? [])
    roots.add(p.replace(/^\.\//, '').replace(/\/+$/, '').replace(/^\.$/, ''))
  if (
    modules.some(
      (m) => m.language === 'python' && m.path.startsWith('src/') && m.path.split('/').length > 2
    )
  )
    roots.add('src')
  roots.delete('')
  return {
    detected: 'pytest',
    framework: 'pytest',
    language: 'python',
    moduleSystem: 'esm',
    extension: '.py',
    placement: 'flat',
    testDir: testDir === '' ? '.' : testDir,
    naming,
    collect,
    importStyle: 'package',
    importExtension: 'none',
    assertion: 'node:assert',
    frameworkImport: 'import',
    pythonRoots: [...roots].sort(),
    ...(pythonManifests.length > 0
      ? { packages: [...deps].map((d) => d.replace(/_/g, '-')).sort() }
      : {}),
    runnerCommand: ['python', '-m', 'pytest'],
    ...(config ? { configFile: config.file } : {}),
    reason: `${why}${tests.length > 0 ? `; ${tests.length} test file(s) show where tests go` : ''}`,
    notes
  }
}
