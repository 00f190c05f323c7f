// Which JavaScript runner a project uses, strongest evidence first; a level with one clear winner decides:
// The runner, strongest evidence first; a level with one clear winner decides:
// 1. what the package.json `test` scripts run (`vitest`, `jest`, `mocha`, `ava`, `jasmine`, `tap`,
//    `bun test`, `node --test`);
// 2. the runners' config files (vitest/vite `test`, jest, .mocharc, ava, jasmine, .taprc, bunfig);
// 3. test-runner dependencies;
// 4. the style of the existing test files (imports, mocha's hooks), the tie-breaker.
import type {
  ModuleModel,
  PackageManifest,
  RepositoryFacts,
  TaskCommands,
  TestRunnerConfig
} from '../model/types.js'
import type { DetectedRunner } from './layout-types.js'
import { uiFlag } from './mocha-ui.js'
import type { TestFramework } from './types.js'

const RUNNERS: DetectedRunner[] = [
  'vitest',
  'jest',
  'mocha',
  'node:test',
  'ava',
  'jasmine',
  'tap',
  'tape',
  'bun:test'
]
export const RENDERABLE = new Set<DetectedRunner>(['vitest', 'jest', 'mocha', 'node:test'])
export const CONFIG_RUNNER: Partial<Record<TestRunnerConfig['runner'], DetectedRunner>> = {
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
  ['tape', 'tape'],
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

export function dependencyNames(manifests: PackageManifest[]): Set<string> {
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

/**
 * The variables a script sets for the runner it starts (`TS_NODE_PROJECT=tsconfig.test.json node ...`,
 * also through `cross-env`): the project's suite may not load without them.
 */
export function scriptEnv(before: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {}
  for (const word of before) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(word)
    if (m) env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2')
  }
  return env
}

const PRELOAD_FLAGS = new Set(['--require', '-r', '--import', '--loader', '--experimental-loader'])

/**
 * The module-preloading flags of a node command (`node --require ts-node/register --test`): the
 * project's own way to load its TypeScript or set-up, used in place of a guessed loader.
 */
export function preloadFlags(prefix: readonly string[]): string[] {
  return flagsWithValues(prefix, PRELOAD_FLAGS)
}

/** The words of `words` that are one of `flags`, as `--flag=value` or `--flag value`. */
function flagsWithValues(words: readonly string[], flags: ReadonlySet<string>): string[] {
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i]
    const eq = word.indexOf('=')
    if (eq > 0 && flags.has(word.slice(0, eq))) out.push(word)
    else if (flags.has(word) && i + 1 < words.length && !words[i + 1].startsWith('-'))
      out.push(word, words[++i])
  }
  return out
}

/** Options that choose which tests or configuration the runner uses, by runner, with a value each. */
const SELECTION_FLAGS: Partial<Record<DetectedRunner, ReadonlySet<string>>> = {
  vitest: new Set(['--project', '--config', '-c', '--dir', '--root']),
  jest: new Set(['--config', '-c', '--selectProjects']),
  mocha: new Set(['--config'])
}

/**
 * The script's options that choose the runner's tests (`vitest --project unit`): without them the suite
 * may run tests the project's own test command leaves out (smoke tests that need a build).
 */
export function selectionArgs(runner: DetectedRunner, after: readonly string[]): string[] {
  return flagsWithValues(after, SELECTION_FLAGS[runner] ?? new Set())
}

/** The runner a script command runs, with the paths it names after the runner (`mocha test/unit`). */
export function scriptRunner(command: string): {
  runner: DetectedRunner
  paths: string[]
  prefix: string[]
  perFile?: boolean
  env?: Record<string, string>
  select?: string[]
  /** mocha's `--ui`/`-u` value on the command that starts it. */
  ui?: string
  /** The script or Makefile target the runner was found in, when the command runs it by name. */
  via?: string
} | null {
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
    else if (is('tape', word)) runner = 'tape'
    else if (word === 'bun' && w[i + 1] === 'test') runner = 'bun:test'
    else if (
      word === '--test' &&
      i > 0 &&
      w.slice(0, i).some((x) => is('node', x) || is('tsx', x))
    ) {
      const start = w.slice(0, i).findIndex((x) => is('node', x) || is('tsx', x))
      const env = scriptEnv(w.slice(0, start))
      return {
        runner: 'node:test',
        paths: pathsAfter(w, i + 1),
        prefix: w.slice(start, i),
        ...(Object.keys(env).length > 0 ? { env } : {})
      }
    }
    if (runner) {
      // `for FILE in ...; do mocha $FILE; done`: one runner start per file.
      const loops = loopLists(w)
      const perFile = w.slice(i + 1).some((x) => loops.has(loopVariable(x) ?? ''))
      const env = scriptEnv(w.slice(0, i))
      const select = selectionArgs(runner, w.slice(i + 1))
      const ui = runner === 'mocha' ? uiFlag(ownWords(command, word)) : null
      return {
        runner,
        paths: pathsAfter(w, i + 1),
        prefix: [],
        ...(perFile ? { perFile } : {}),
        ...(Object.keys(env).length > 0 ? { env } : {}),
        ...(select.length > 0 ? { select } : {}),
        ...(ui ? { ui } : {})
      }
    }
  }
  return null
}

/** The words after `runner` in the one shell command that holds it (not `&& git diff -u` after it). */
function ownWords(command: string, runner: string): string[] {
  for (const part of command.split(/[;&|()]+/)) {
    const w = part.split(/\s+/).filter(Boolean)
    const at = w.indexOf(runner)
    if (at >= 0) return w.slice(at + 1)
  }
  return []
}

/**
 * The words a shell `for` loop binds to its variable (`for FILE in test/**\/*.test.js; do ... $FILE`),
 * by variable name, so a runner started once per file names the files it runs.
 */
function loopLists(w: string[]): Map<string, string[]> {
  const lists = new Map<string, string[]>()
  for (let i = 0; i + 2 < w.length; i++) {
    if (w[i] !== 'for' || w[i + 2] !== 'in') continue
    const end = w.indexOf('do', i + 3)
    if (end < 0) continue
    lists.set(w[i + 1], w.slice(i + 3, end))
  }
  return lists
}

/** The variable a word expands (`$FILE`, `"${FILE}"`), or null. */
function loopVariable(word: string): string | null {
  const m = /^["']?\$\{?(\w+)\}?["']?$/.exec(word)
  return m ? m[1] : null
}

/** Arguments that look like test paths (not options, not the values of `--reporter x`-style options). */
function pathsAfter(w: string[], from: number): string[] {
  const out: string[] = []
  const loops = loopLists(w)
  for (let i = from; i < w.length; i++) {
    const bound = loops.get(loopVariable(w[i]) ?? '')
    if (bound) {
      out.push(...bound.map((b) => b.replace(/^["']|["']$/g, '')))
      continue
    }
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

export function count<T>(items: T[]): Map<T, number> {
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
export function mostOf<T>(counts: Map<T, number>, order: readonly T[]): T | null {
  let best: T | null = null
  for (const item of order)
    if ((counts.get(item) ?? 0) > (best === null ? 0 : (counts.get(best) ?? 0))) best = item
  return best
}

export const isTestModule = (m: ModuleModel): boolean =>
  m.isTest && !!m.test && !/(^|\/)(fixtures?|__fixtures__|__mocks__|testdata)\//.test(m.path)

/** The runner a test file's own imports name (the model's guess defaults to jest; this only counts what is written). */
export function styleRunner(m: ModuleModel): DetectedRunner | null {
  for (const imp of m.imports) {
    const s = imp.source
    if (s === 'vitest' || s.startsWith('vitest/')) return 'vitest'
    if (s === '@jest/globals') return 'jest'
    if (s === 'node:test' || s === 'test') return 'node:test'
    if (s === 'ava') return 'ava'
    if (s === 'tap' || s.startsWith('tap/')) return 'tap'
    if (s === 'tape') return 'tape'
    if (s === 'bun:test') return 'bun:test'
    if (s === 'mocha') return 'mocha'
  }
  // The model names a framework from the same imports; its 'jest' is also its default guess, so it is not evidence.
  const f = m.test?.framework
  return f && f !== 'jest' && (RUNNERS as string[]).includes(f) ? (f as DetectedRunner) : null
}

/** The scripts a command runs by name (`npm run spec`, `yarn spec`, `pnpm run spec`). */
function scriptsRun(command: string, scripts: Record<string, string>): string[] {
  const w = words(command)
  const out: string[] = []
  for (let i = 0; i + 1 < w.length; i++) {
    if (!['npm', 'yarn', 'pnpm'].includes(w[i])) continue
    const next = w[i + 1] === 'run' || w[i + 1] === 'run-script' ? w[i + 2] : w[i + 1]
    if (next && Object.hasOwn(scripts, next)) out.push(next)
  }
  return out
}

/** The Makefile targets a command runs (`make test`, `make -s check`; none named: the first target). */
function targetsRun(command: string, make: TaskCommands): string[] {
  const out: string[] = []
  for (const part of command.split(/[;&|()]+/)) {
    const w = part.split(/\s+/).filter(Boolean)
    if (w[0] !== 'make') continue
    const named = w.slice(1).filter((x) => !x.startsWith('-') && !x.includes('='))
    out.push(...(named.length > 0 ? named : make.defaults))
  }
  return out.filter((t) => Object.hasOwn(make.tasks, t))
}

/**
 * The runner a test script starts through the scripts it runs by name (nodemon: `test` runs
 * `npm run lint && npm run spec`, and `spec` runs mocha once per test file), or the Makefile targets
 * it runs (`make test`, whose recipe runs `mocha --ui tdd`), a few levels deep.
 */
function throughScripts(
  command: string,
  scripts: Record<string, string>,
  seen: Set<string>,
  make?: TaskCommands
): ReturnType<typeof scriptRunner> {
  if (seen.size > 4) return null
  for (const name of scriptsRun(command, scripts)) {
    if (seen.has(name)) continue
    seen.add(name)
    const found = scriptRunner(scripts[name]) ?? throughScripts(scripts[name], scripts, seen, make)
    if (found) return { ...found, via: found.via ?? `the ${name} script` }
  }
  for (const target of make ? targetsRun(command, make) : []) {
    if (seen.has(`make:${target}`)) continue
    seen.add(`make:${target}`)
    for (const recipe of make?.tasks[target] ?? []) {
      const found = scriptRunner(recipe)
      if (found) return { ...found, via: `${make?.file ?? 'Makefile'} target ${target}` }
    }
  }
  return null
}

/** Programs that run a test file as a script, so the file's own checks run when node:test starts it. */
const SCRIPT_HOSTS = new Set(['node', 'tsx', 'ts-node', 'bun', 'deno', 'babel-node'])
/** Programs that start the command after them (`cross-env A=1 prog`, `c8 prog`, `npx prog`). */
const WRAPPERS = new Set(['cross-env', 'npx', 'c8', 'nyc', 'env', 'time', 'dotenv', 'pnpx'])

/**
 * The program the package.json test script hands the project's test files to when it is none of the
 * runners above (75lb's `test-runner test/*.js`): its test files register cases with that program, so
 * node:test loading them runs no case. Found only where the command's arguments name existing test
 * files (a glob or a path that matches one), so a lint step before the tests is not taken for a runner.
 */
export function foreignTestRunner(
  scripts: Record<string, string>,
  testPaths: readonly string[],
  matches: (globs: string[]) => (path: string) => boolean
): string | null {
  const seen = new Set<string>(['test'])
  const commands = [scripts.test ?? '']
  for (let i = 0; i < commands.length && i < 6; i++) {
    for (const name of scriptsRun(commands[i], scripts)) {
      if (seen.has(name)) continue
      seen.add(name)
      commands.push(scripts[name])
    }
    for (const part of commands[i].split(/[;&|()]+/)) {
      const w = part.split(/\s+/).filter((x) => x && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(x))
      while (w.length > 1 && WRAPPERS.has(w[0])) w.shift()
      const program = w[0]?.replace(/^.*\//, '')
      if (!program || SCRIPT_HOSTS.has(program) || ['npm', 'yarn', 'pnpm'].includes(program))
        continue
      const args = w.slice(1).filter((x) => !x.startsWith('-'))
      const named = args.map((a) => a.replace(/^\.\//, '').replace(/^(['"])(.*)\1$/, '$2'))
      if (named.length === 0) continue
      const hit = matches(
        named.map((a) => (/[*?{]/.test(a) || /\.[cm]?[jt]sx?$/.test(a) ? a : `${a}/**`))
      )
      if (testPaths.some(hit)) return program
    }
  }
  return null
}

export interface Decision {
  runner: DetectedRunner
  reason: string
  scriptPaths: string[]
  scriptPrefix: string[]
  /** The script starts the runner once per file of a shell loop. */
  scriptPerFile?: boolean
  /** The variables the script sets for its runner. */
  scriptEnv?: Record<string, string>
  /** The script's options that choose the runner's tests (`--project unit`). */
  scriptSelect?: string[]
  /** mocha's `--ui` on the command the script starts it with, and where that command is. */
  mochaUi?: { value: string; where: string }
}

export function decideRunner(
  facts: RepositoryFacts,
  jsTests: ModuleModel[],
  packageJsons: PackageManifest[]
): Decision | null {
  const root = packageJsons.find((m) => m.path === 'package.json') ?? packageJsons[0]
  const scripted: {
    runner: DetectedRunner
    paths: string[]
    prefix: string[]
    perFile?: boolean
    env?: Record<string, string>
    select?: string[]
    ui?: string
    via?: string
    name: string
  }[] = []
  const scripts = root?.scripts ?? {}
  const make = facts.taskCommands?.find((t) => t.tool === 'make')
  for (const [name, command] of Object.entries(scripts)) {
    if (!/^test($|:|-)/.test(name)) continue
    const found = scriptRunner(command) ?? throughScripts(command, scripts, new Set([name]), make)
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
    return {
      runner,
      reason,
      scriptPaths: main?.paths ?? [],
      scriptPrefix: main?.prefix ?? [],
      ...(main?.perFile ? { scriptPerFile: true } : {}),
      ...(main?.env ? { scriptEnv: main.env } : {}),
      ...(main?.select ? { scriptSelect: main.select } : {}),
      ...(main?.ui
        ? {
            mochaUi: {
              value: main.ui,
              where: `the package.json ${main.name} script${main.via ? ` (through ${main.via})` : ''} runs mocha with --ui`
            }
          }
        : {})
    }
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

/** The command that runs the specs with the framework, through the project's own script prefix when it has one. */
export function commandFor(
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
