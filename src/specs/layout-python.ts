// The Python layout: pytest always (it also collects unittest suites), its settings from pytest.ini,
// pyproject `[tool.pytest.ini_options]`, tox.ini or setup.cfg, in pytest's own order.
import { posix } from 'node:path'
import type { ModuleModel, RepositoryFacts } from '../model/types.js'
import { pytestCollect } from './collect.js'
import type { TestLayout } from './layout-types.js'
import { count, dependencyNames, isTestModule, mostOf } from './layout-runner.js'
import { optionalImports } from './python-optional.js'

/** pytest reads the first of these that configures it. */
const PYTEST_ORDER = ['pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg']

export function pythonLayout(facts: RepositoryFacts, modules: ModuleModel[]): TestLayout {
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
  // pytest collects a file any of the `python_files` patterns match: the first with a `*` names specs;
  // when none has one, each spec is a folder holding a file of the first name (`tests.py`).
  const patterns = config?.pythonFiles ?? []
  const filePattern = patterns.find((p) => p.includes('*') && !p.includes('/')) ?? 'test_*.py'
  const exactFile =
    patterns.length > 0 && !patterns.some((p) => p.includes('*'))
      ? patterns.find((p) => /^[\w.-]+\.py$/.test(p))
      : undefined
  if (exactFile)
    notes.push(
      `python_files (${patterns.join(' ')}) names files, not a pattern: each spec is a folder with its own ${exactFile} and an __init__.py, so pytest collects them without clashing names`
    )
  else if (patterns.length > 0 && !patterns.some((p) => p.includes('*')))
    notes.push(
      `python_files (${patterns.join(' ')}) collects none of the generated spec files: run them by naming them`
    )
  const star = filePattern.indexOf('*')
  const naming = {
    prefix: filePattern.slice(0, star),
    suffix: filePattern.slice(star + 1).replace(/\.py$/, '')
  }
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
  const optional = optionalImports(pythonManifests, modules)
  return {
    detected: 'pytest',
    framework: 'pytest',
    language: 'python',
    moduleSystem: 'esm',
    extension: '.py',
    placement: 'flat',
    testDir: testDir === '' ? '.' : testDir,
    naming,
    ...(exactFile ? { exactFile } : {}),
    collect,
    importStyle: 'package',
    importExtension: 'none',
    assertion: 'node:assert',
    frameworkImport: 'import',
    pythonRoots: [...roots].sort(),
    ...(pythonManifests.length > 0
      ? { packages: [...deps].map((d) => d.replace(/_/g, '-')).sort() }
      : {}),
    ...(Object.keys(optional).length > 0 ? { optionalImports: optional } : {}),
    runnerCommand: ['python', '-m', 'pytest'],
    ...(config ? { configFile: config.file } : {}),
    reason: `${why}${tests.length > 0 ? `; ${tests.length} test file(s) show where tests go` : ''}`,
    notes
  }
}
