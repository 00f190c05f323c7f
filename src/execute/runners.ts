// How each framework's own runner is started on one test file, and which structured report it
// writes: jest --json, vitest --reporter=json, mocha --reporter json, node --test with the JUnit
// reporter, pytest --junitxml. The runner comes from the project (its node_modules, its Python), so
// the project's configuration (transforms, loaders, conftest) applies as in its own CI.
import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { TestFramework } from '../specs/types.js'
import { nodeTestFiles } from './node-test-files.js'
import { typeScriptLoader } from './ts-loader.js'
import { parseJestJson, parseJUnitReport, parseMochaJson, type FileReport } from './reports.js'

export interface RunnerCommand {
  command: string
  args: string[]
  /** Reads the report file's text (null when the runner wrote none or it is not the expected shape). */
  parse(text: string): FileReport | null
  /** The report's text from the runner's standard output, when it wrote no report file. */
  fromStdout?: (stdout: string) => string | null
}

/**
 * mocha before 9 ignores the json reporter's `output` option and writes the report to standard
 * output, after anything the tests print: the report is the last top-level JSON object there.
 */
export function mochaReportFromStdout(stdout: string): string | null {
  const start = stdout.lastIndexOf('{\n  "stats": {')
  return start < 0 ? null : stdout.slice(start)
}

export interface RunnerContext {
  /** The temporary copy's root. */
  root: string
  /** The npm workspace package the spec runs from (its runner is looked up there, then at the root). */
  packageDir?: string
  /** Node executable for JavaScript runners. */
  node: string
  /** Python executable with pytest importable, when known. */
  python: string | null
  /** Where the runner writes its report. */
  reportPath: string
  /** Per-test time limit handed to the runner (the process is killed at the file's limit anyway). */
  testTimeoutMs: number
  /** node:test: the project's own preload flags from its test script, used instead of a guessed loader. */
  preload?: readonly string[]
  /** mocha's interface when not bdd (`tdd`): mocha defines only that interface's globals. */
  mochaUi?: string
}

const BINARIES: Record<Exclude<TestFramework, 'node:test' | 'pytest'>, string[]> = {
  jest: ['node_modules/jest/bin/jest.js', 'node_modules/jest-cli/bin/jest.js'],
  vitest: ['node_modules/vitest/vitest.mjs'],
  mocha: ['node_modules/mocha/bin/mocha.js', 'node_modules/mocha/bin/mocha']
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

/**
 * `--exit` when the project's mocha has it (4 and later): a suite that leaves a handle open (a server,
 * a timer; multer's) finishes its tests but never exits, and would be killed unmeasured at the limit.
 * mocha 3 exits by itself and rejects the unknown flag.
 */
async function mochaExit(root: string): Promise<string[]> {
  try {
    const manifest = JSON.parse(
      await readFile(join(root, 'node_modules/mocha/package.json'), 'utf8')
    ) as { version?: string }
    return Number((manifest.version ?? '').split('.')[0]) >= 4 ? ['--exit'] : []
  } catch {
    return []
  }
}

async function firstExisting(root: string, candidates: string[]): Promise<string | null> {
  for (const c of candidates) if (await exists(join(root, c))) return join(root, c)
  return null
}

/**
 * The TypeScript loader for node:test: the project's own (tsx, ts-node) when it has one, else its
 * `typescript` package compiling each file (ts-loader.ts).
 */
async function typescriptLoader(root: string): Promise<string[] | null> {
  if (await exists(join(root, 'node_modules/tsx/package.json'))) return ['--import', 'tsx']
  if (await exists(join(root, 'node_modules/ts-node/package.json')))
    return ['--loader', 'ts-node/esm']
  return typeScriptLoader(root)
}

/**
 * What node:test starts with: the preload flags the project's own test script uses when it has any
 * (`--require ts-node/register` for a CommonJS project, which the guessed ESM loader would not load),
 * else a TypeScript loader for TypeScript and nothing for JavaScript.
 */
async function nodeTestLoader(
  language: string,
  ctx: Pick<RunnerContext, 'root' | 'preload'>
): Promise<string[] | null> {
  if (ctx.preload && ctx.preload.length > 0) return [...ctx.preload]
  return language === 'typescript' ? typescriptLoader(ctx.root) : []
}

/** The runner's entry in the workspace package's node_modules, else the root's (npm hoists it). */
async function runnerBinary(
  ctx: Pick<RunnerContext, 'root' | 'packageDir'>,
  candidates: string[]
): Promise<string | null> {
  return (
    (ctx.packageDir ? await firstExisting(ctx.packageDir, candidates) : null) ??
    (await firstExisting(ctx.root, candidates))
  )
}

/** The files pytest reads its ini options from, in its order. */
const PYTEST_INI_FILES = ['pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg']

/**
 * The project's pytest `addopts` ask pytest-cov for coverage (`--cov=stdnum`, python-stdnum): every run of
 * a spec would measure the whole package and write data files, so a spec run adds `--no-cov` (pytest-cov
 * must be installed for such a project's own suite to start at all).
 */
export async function addoptsMeasureCoverage(root: string): Promise<boolean> {
  for (const name of PYTEST_INI_FILES) {
    const text = await readFile(join(root, name), 'utf8').catch(() => null)
    if (text === null) continue
    // The value runs on over indented lines (ini) or to the closing bracket (a TOML list).
    const found = /^[ \t]*addopts[ \t]*=[ \t]*(\[[^\]]*\]|[^\n]*(?:\n[ \t]+[^\n]*)*)/m.exec(text)
    if (found) return /(^|[\s"'[,])--cov(?=[=\s"',\]]|$)/.test(found[1])
  }
  return false
}

/**
 * The command for `file` (absolute), or why the runner cannot start. Several files run in one start
 * (the flakiness runs of files that passed); their report is then read as one.
 */
export async function runnerCommand(
  framework: TestFramework,
  fileOrFiles: string | readonly string[],
  language: string,
  ctx: RunnerContext
): Promise<RunnerCommand | { unavailable: string }> {
  const timeout = String(ctx.testTimeoutMs)
  const files = typeof fileOrFiles === 'string' ? [fileOrFiles] : [...fileOrFiles]
  const file = files[0]
  switch (framework) {
    case 'jest': {
      const bin = await runnerBinary(ctx, BINARIES.jest)
      if (!bin) return { unavailable: 'jest is not installed (run `npm ci` before the action)' }
      return {
        command: ctx.node,
        // ESM projects need the VM modules flag (their test script sets it); CommonJS ones ignore it.
        args: [
          '--experimental-vm-modules',
          '--no-warnings',
          bin,
          '--ci',
          '--json',
          `--outputFile=${ctx.reportPath}`,
          '--watchman=false',
          '--no-cache',
          `--testTimeout=${timeout}`,
          '--runTestsByPath',
          ...files
        ],
        parse: parseJestJson
      }
    }
    case 'vitest': {
      const bin = await runnerBinary(ctx, BINARIES.vitest)
      if (!bin) return { unavailable: 'vitest is not installed (run `npm ci` before the action)' }
      return {
        command: ctx.node,
        args: [
          bin,
          'run',
          ...files,
          '--reporter=json',
          `--outputFile=${ctx.reportPath}`,
          `--testTimeout=${timeout}`,
          '--watch=false'
        ],
        parse: parseJestJson
      }
    }
    case 'mocha': {
      const bin = await runnerBinary(ctx, BINARIES.mocha)
      if (!bin) return { unavailable: 'mocha is not installed (run `npm ci` before the action)' }
      return {
        command: ctx.node,
        args: [
          bin,
          '--reporter',
          'json',
          '--reporter-option',
          `output=${ctx.reportPath}`,
          '--timeout',
          timeout,
          ...(await mochaExit(ctx.root)),
          ...(ctx.mochaUi ? ['--ui', ctx.mochaUi] : []),
          ...files
        ],
        parse: parseMochaJson,
        fromStdout: mochaReportFromStdout
      }
    }
    case 'node:test': {
      const loader = await nodeTestLoader(language, ctx)
      if (!loader)
        return {
          unavailable:
            "a TypeScript spec for node:test needs the project's own loader (tsx or ts-node) or its typescript package, and it has none"
        }
      return {
        command: ctx.node,
        args: [
          ...loader,
          '--test',
          '--test-reporter=junit',
          `--test-reporter-destination=${ctx.reportPath}`,
          ...files
        ],
        parse: (text) => parseJUnitReport(text, file)
      }
    }
    case 'pytest': {
      if (!ctx.python)
        return {
          unavailable:
            'no Python with pytest was found (set up Python and `pip install` the project and pytest before the action)'
        }
      return {
        command: ctx.python,
        args: [
          '-m',
          'pytest',
          '-p',
          'no:cacheprovider',
          '-q',
          '-o',
          'junit_family=xunit2',
          `--junitxml=${ctx.reportPath}`,
          ...((await addoptsMeasureCoverage(ctx.root)) ? ['--no-cov'] : []),
          ...files
        ],
        parse: (text) => parseJUnitReport(text, file)
      }
    }
  }
}

/**
 * The command that runs the project's whole suite with its own runner and configuration (no file
 * named: the runner collects as in the project's CI), for the coverage baseline. No report is read.
 */
export async function suiteCommand(
  framework: TestFramework,
  language: string,
  ctx: Pick<RunnerContext, 'root' | 'node' | 'python' | 'preload' | 'mochaUi'> & {
    select?: readonly string[]
  },
  /** The paths the project's test script hands its runner (layout `suitePaths`). */
  paths: readonly string[] = [],
  /** The caller names the test files itself, one run each: node:test lists none. */
  perFile = false
): Promise<{ command: string; args: string[] } | { unavailable: string }> {
  const select = ctx.select ?? []
  switch (framework) {
    case 'jest': {
      const bin = await firstExisting(ctx.root, BINARIES.jest)
      if (!bin) return { unavailable: 'jest is not installed' }
      return {
        command: ctx.node,
        args: [
          '--experimental-vm-modules',
          '--no-warnings',
          bin,
          '--ci',
          '--watchman=false',
          '--no-cache',
          '--coverage=false',
          ...select
        ]
      }
    }
    case 'vitest': {
      const bin = await firstExisting(ctx.root, BINARIES.vitest)
      if (!bin) return { unavailable: 'vitest is not installed' }
      // `--coverage.enabled=false` turns coverage on in vitest 1.2 (the string "false"), and vitest's own
      // inspector coverage leaves NODE_V8_COVERAGE nothing (tinycolor); the negation means off in 1.x and 3.x.
      return {
        command: ctx.node,
        args: [bin, 'run', '--watch=false', '--no-coverage.enabled', ...select]
      }
    }
    case 'mocha': {
      const bin = await firstExisting(ctx.root, BINARIES.mocha)
      if (!bin) return { unavailable: 'mocha is not installed' }
      // Without a spec in its config, mocha reads only ./test's top level: the script's paths say more.
      // The project's interface (ejs: `mocha --u tdd` in its jakefile): without it no test file loads.
      return {
        command: ctx.node,
        args: [
          bin,
          ...(await mochaExit(ctx.root)),
          ...select,
          ...(ctx.mochaUi ? ['--ui', ctx.mochaUi] : []),
          ...paths
        ]
      }
    }
    case 'node:test': {
      const loader = await nodeTestLoader(language, ctx)
      if (!loader)
        return { unavailable: 'no TypeScript loader (tsx, ts-node or typescript) for node:test' }
      const files = perFile ? [] : await nodeTestFiles(ctx.root, paths, language === 'typescript')
      return { command: ctx.node, args: [...loader, '--test', ...files] }
    }
    case 'pytest':
      if (!ctx.python) return { unavailable: 'no Python with pytest was found' }
      // Named files are collected whatever their names (a `tests.py` of unittest cases).
      return {
        command: ctx.python,
        args: ['-m', 'pytest', '-p', 'no:cacheprovider', '-q', ...paths]
      }
  }
}
