// What the repository itself says about how it is built and tested: package manager (from lock
// files), package scripts, test runner, lint and type-check tools, supported Node/Python versions.
import { isTestSupportPath } from '../shared/support-files.js'
import type { CodeModel, PackageManifest } from '../../src/model/types.js'
import type { PackageManager } from './commands.js'

export interface NodeProject {
  manifest: PackageManifest
  /** The folder of the package.json ('' for the root). */
  dir: string
  manager: PackageManager
  lockFile?: string
  /** scripts.test, unless it is npm's "no test specified" placeholder. */
  testScript?: string
  /** The command a developer types to run the tests (`npm test`, `npx jest`). */
  testCommand?: string
  lintScript?: string
  typecheckScript?: string
  /** The TypeScript compiler is there (tsconfig.json or the typescript package) but maybe no script runs it. */
  typescript: boolean
  engines?: string
  testFiles: number
  nvmrc?: string
}

export interface PythonProject {
  requiresPython?: string
  manifestPath?: string
  testFiles: number
  testCommand?: string
  manager: 'pip' | 'poetry' | 'uv' | 'pipenv' | 'pdm'
  requirements?: string
  hasPyproject: boolean
  lintTool?: string
  typecheckTool?: string
  /** pytest-cov is a declared dependency: `pytest --cov` works in the project's environment. */
  pytestCov: boolean
}

export interface Project {
  node?: NodeProject
  python?: PythonProject
  sourceFiles: number
  toolFiles: string[]
}

const JS_LANGUAGES = new Set(['typescript', 'tsx', 'javascript', 'jsx'])
const PLACEHOLDER_TEST = /no test specified/
const LOCKS: [string, PackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm']
]

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`
}

/** Shallowest first, then by path: the root manifest is the project's. */
function shallowest<T extends { path: string }>(list: T[]): T | undefined {
  return [...list].sort(
    (a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path)
  )[0]
}

function firstScript(scripts: Record<string, string>, names: string[]): string | undefined {
  return names.find((n) => n in scripts)
}

function runScript(manager: PackageManager, name: string): string {
  if (name === 'test' && manager !== 'bun') return `${manager} test`
  return `${manager} run ${name}`
}

export function describeProject(model: CodeModel): Project {
  const toolFiles = model.facts.toolFiles ?? []
  const tools = new Set(toolFiles)
  // Fixture repositories and test data are inputs of the tests, not the project: their Python files
  // and manifests do not make this a Python project whose CI must run pytest.
  const own = model.modules.filter((m) => !isTestSupportPath(m.path))
  const sources = own.filter((m) => !m.isTest && m.language !== 'other')
  const tests = own.filter((m) => m.isTest)
  const project: Project = { sourceFiles: sources.length, toolFiles }
  const pkg = shallowest(model.facts.manifests.filter((m) => m.kind === 'package.json'))
  const jsTests = tests.filter((m) => JS_LANGUAGES.has(m.language))
  if (
    pkg &&
    (sources.some((m) => JS_LANGUAGES.has(m.language)) ||
      jsTests.length > 0 ||
      Object.keys(pkg.scripts).length > 0)
  ) {
    const dir = dirOf(pkg.path)
    const lock =
      LOCKS.find(([file]) => tools.has(join(dir, file))) ?? LOCKS.find(([file]) => tools.has(file))
    const manager = lock?.[1] ?? 'npm'
    const testScript =
      pkg.scripts.test !== undefined && !PLACEHOLDER_TEST.test(pkg.scripts.test)
        ? pkg.scripts.test
        : undefined
    const framework = jsTests.map((m) => m.test?.framework).find((f) => f && f !== 'unknown')
    const runner =
      framework === 'node:test' ? 'node --test' : framework ? `npx ${framework}` : undefined
    const lintScript = firstScript(pkg.scripts, ['lint', 'eslint', 'lint:all', 'check:lint'])
    const typecheckScript = firstScript(pkg.scripts, [
      'typecheck',
      'type-check',
      'types',
      'check-types',
      'check:types',
      'tsc',
      'lint:types'
    ])
    const deps = [...pkg.dependencies, ...pkg.devDependencies]
    project.node = {
      manifest: pkg,
      dir,
      manager,
      lockFile: lock ? join(tools.has(join(dir, lock[0])) ? dir : '', lock[0]) : undefined,
      testScript,
      testCommand:
        testScript !== undefined
          ? runScript(manager, 'test')
          : jsTests.length > 0
            ? runner
            : undefined,
      lintScript,
      typecheckScript,
      typescript:
        tools.has(join(dir, 'tsconfig.json')) &&
        (deps.includes('typescript') ||
          sources.some((m) => m.language === 'typescript' || m.language === 'tsx')),
      engines: pkg.engines.node,
      testFiles: jsTests.length,
      nvmrc: ['.nvmrc', '.node-version'].map((f) => join(dir, f)).find((f) => tools.has(f))
    }
  }
  const pySources = sources.filter((m) => m.language === 'python')
  const pyTests = tests.filter((m) => m.language === 'python')
  if (pySources.length > 0 || pyTests.length > 0) {
    const manifests = model.facts.manifests.filter(
      (m) =>
        ['pyproject.toml', 'setup.cfg', 'setup.py', 'requirements'].includes(m.kind) &&
        !isTestSupportPath(m.path)
    )
    const declared = shallowest(manifests.filter((m) => m.requiresPython))
    const pyTools = new Set(manifests.flatMap((m) => m.tools ?? []))
    const names = new Set(toolFiles.map((f) => f.slice(f.lastIndexOf('/') + 1)))
    const deps = new Set(
      manifests
        .flatMap((m) => [...m.dependencies, ...m.devDependencies])
        .map((d) => d.toLowerCase())
    )
    const pytest =
      pyTools.has('pytest') ||
      names.has('pytest.ini') ||
      deps.has('pytest') ||
      pyTests.some((m) => m.test?.framework === 'pytest')
    const manager = names.has('uv.lock')
      ? 'uv'
      : names.has('poetry.lock')
        ? 'poetry'
        : names.has('Pipfile.lock') || names.has('Pipfile')
          ? 'pipenv'
          : names.has('pdm.lock')
            ? 'pdm'
            : 'pip'
    const lintTool = ['ruff', 'flake8', 'pylint'].find(
      (t) =>
        pyTools.has(t) ||
        deps.has(t) ||
        names.has(t === 'ruff' ? 'ruff.toml' : t === 'flake8' ? '.flake8' : '.pylintrc')
    )
    const typecheckTool = ['mypy', 'pyright'].find(
      (t) => pyTools.has(t) || deps.has(t) || (t === 'mypy' && names.has('mypy.ini'))
    )
    const requirements =
      shallowest(manifests.filter((m) => m.kind === 'requirements' && /dev|test/i.test(m.path))) ??
      shallowest(manifests.filter((m) => m.kind === 'requirements'))
    project.python = {
      requiresPython: declared?.requiresPython,
      manifestPath: declared?.path,
      testFiles: pyTests.length,
      testCommand: pytest ? 'pytest' : pyTests.length > 0 ? 'python -m unittest' : undefined,
      manager,
      requirements: requirements?.path,
      hasPyproject: manifests.some((m) => m.kind === 'pyproject.toml'),
      lintTool,
      typecheckTool,
      pytestCov: deps.has('pytest-cov')
    }
  }
  return project
}
