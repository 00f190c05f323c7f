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
// The runner: layout-runner.ts; where tests sit: layout-shape.ts; Python: layout-python.ts.
import { posix } from 'node:path'
import picomatch from 'picomatch'
import type { ModuleModel, RepositoryFacts } from '../model/types.js'
import { jsCollect } from './collect.js'
import type { DetectedRunner, TestLayout } from './layout-types.js'
import type { SpecLanguage, TestFramework } from './types.js'
import {
  commandFor,
  CONFIG_RUNNER,
  count,
  type Decision,
  decideRunner,
  dependencyNames,
  foreignTestRunner,
  isTestModule,
  mostOf,
  preloadFlags,
  RENDERABLE,
  styleRunner
} from './layout-runner.js'
import { entryOf, placementOf, suffixOf } from './layout-shape.js'
import { pythonLayout } from './layout-python.js'
import { mochaInterface } from './mocha-ui.js'

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
        scriptPrefix: found?.runner === forced.framework ? found.scriptPrefix : [],
        ...(found?.runner === forced.framework && found.scriptPerFile
          ? { scriptPerFile: true }
          : {}),
        ...(found?.runner === forced.framework && found.scriptEnv
          ? { scriptEnv: found.scriptEnv }
          : {}),
        ...(found?.runner === forced.framework && found.scriptSelect
          ? { scriptSelect: found.scriptSelect }
          : {}),
        ...(found?.runner === forced.framework && found.mochaUi ? { mochaUi: found.mochaUi } : {})
      }
    : found
  const detected: DetectedRunner = decision?.runner ?? 'node:test'
  const framework: TestFramework = RENDERABLE.has(detected)
    ? (detected as TestFramework)
    : 'node:test'
  const noSpec = noSpecCollected(detected, decision?.scriptPaths ?? [], modules)
  const foreign = decision
    ? null
    : foreignTestRunner(
        rootPackage?.scripts ?? {},
        jsTests.map((t) => t.path),
        (globs) => picomatch(globs, { dot: true })
      )
  if (foreign)
    notes.push(
      `the package.json test script runs its test files with ${foreign}, which specs are not written for: specs are written for node:test`
    )
  if (noSpec) notes.push(noSpec)
  else if (!RENDERABLE.has(detected)) {
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
  const runnerScript =
    !fallback && decision?.runner === framework
      ? {
          preload: framework === 'node:test' ? preloadFlags(decision.scriptPrefix) : [],
          env: decision.scriptEnv ?? {},
          ...(decision.scriptSelect ? { select: decision.scriptSelect } : {})
        }
      : null
  const reasonParts = [
    decision?.reason ?? 'no test runner found; node:test needs nothing installed'
  ]
  const ui =
    framework === 'mocha'
      ? mochaInterface({
          flag: decision?.mochaUi ?? null,
          configs: facts.testConfigs ?? [],
          tests: model
        })
      : null
  if (ui?.reason) reasonParts.push(ui.reason)
  if (ui?.note) notes.push(ui.note)
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
    ...(!fallback && (decision?.scriptPaths ?? []).length > 0
      ? { suitePaths: decision?.scriptPaths ?? [] }
      : {}),
    ...(!fallback && decision?.scriptPerFile ? { suitePerFile: true } : {}),
    ...(noSpec ? { collectsNoSpec: noSpec } : {}),
    ...(foreign ? { foreignRunner: foreign } : {}),
    collect,
    importStyle,
    ...(name ? { packageName: name } : {}),
    ...(packageEntry ? { packageEntry } : {}),
    importExtension,
    assertion,
    frameworkImport,
    ...(ui && ui.ui !== 'bdd' ? { mochaUi: ui.ui } : {}),
    pythonRoots: [],
    defaultExports,
    // No package.json: what is installed is unknown, not missing, so no spec is held back for it.
    ...(packageJsons.length > 0 ? { packages: [...deps].sort() } : {}),
    runnerCommand,
    ...(runnerScript &&
    (runnerScript.preload.length > 0 ||
      Object.keys(runnerScript.env).length > 0 ||
      runnerScript.select)
      ? { runnerScript }
      : {}),
    ...(config ? { configFile: config.file } : {}),
    reason: reasonParts.join('; '),
    notes
  }
}

/** Runners specs are not written for, whose suites would not run a node:test file as theirs. */
const NO_SPEC_RUNNERS = new Set<DetectedRunner>(['tap', 'tape'])

/**
 * Why the project's own run collects no generated spec: a runner specs are not written for (tap, tape),
 * or a test script that hands mocha or node:test one loader file (`mocha ./test/loader.js`), which
 * requires the other test files itself, so a spec written anywhere is run by nothing.
 */
function noSpecCollected(
  detected: DetectedRunner,
  scriptPaths: readonly string[],
  modules: readonly ModuleModel[]
): string | undefined {
  if (NO_SPEC_RUNNERS.has(detected))
    return `the project runs its tests with ${detected}, which specs are not written for: specs stay in the plan, not written to the repository`
  if ((detected !== 'mocha' && detected !== 'node:test') || scriptPaths.length !== 1)
    return undefined
  const only = scriptPaths[0].replace(/^\.\//, '')
  if (/[*?{[]/.test(only) || !/\.[cm]?[jt]sx?$/.test(only)) return undefined
  if (!modules.some((m) => m.path === only)) return undefined
  return `the test script runs ${only} alone, which loads the other test files itself, so no generated spec would be collected: specs stay in the plan, not written to the repository`
}
