// What a command does for CI: runs tests, lint, a type check, produces or uploads coverage, installs
// dependencies, or calls a package script. Package scripts are followed (`npm run ci` -> its text).
import type { TaskCommands } from '../../src/model/types.js'
import { splitScript } from './shell.js'

export type CommandKind = 'test' | 'lint' | 'typecheck' | 'coverage' | 'upload-coverage' | 'install'

export type PackageManager = 'npm' | 'yarn' | 'pnpm' | 'bun'

/** A package script a command names explicitly (`npm run build`, `npm test`). */
export interface ScriptCall {
  manager: PackageManager
  name: string
  /** `--if-present`: a missing script is not an error. */
  ifPresent: boolean
  /** `-w`, `--filter`, `-r`: the script lives in workspace packages, not this manifest. */
  workspaces: boolean
}

export interface Classified {
  kinds: Set<CommandKind>
  scripts: ScriptCall[]
  /**
   * Scripts of the repository the command runs (`scripts/test`, `bash ci/check.sh`) whose text the model
   * does not hold: their names say what they probably do, nothing more.
   */
  unread?: string[]
  /** Config files a jest/vitest/mocha command names (`--config config/vitest.ts`), as written. */
  configs?: string[]
}

const TEST_RUNNERS = new Set([
  'jest',
  'vitest',
  'mocha',
  'ava',
  'tap',
  'borp',
  'pytest',
  'py.test',
  'tox',
  'nox',
  'jasmine',
  'karma',
  'rspec',
  'phpunit',
  'ctest',
  'unittest',
  'nose2',
  'ward'
])
const LINTERS = new Set([
  'eslint',
  'biome',
  'flake8',
  'pylint',
  'pycodestyle',
  'standard',
  'xo',
  'tslint',
  'oxlint',
  'golangci-lint',
  'rubocop',
  'stylelint',
  'ruff',
  'pyflakes',
  'pre-commit'
])
// tsd and tstyche test type definitions: type checks, with no code run and so no coverage.
const TYPE_CHECKERS = new Set([
  'tsc',
  'vue-tsc',
  'mypy',
  'pyright',
  'basedpyright',
  'svelte-check',
  'dmypy',
  'tsd',
  'tstyche'
])
const COVERAGE_TOOLS = new Set(['c8', 'nyc'])
const COVERAGE_FLAGS = /^--(coverage|cov|collectCoverage|experimental-test-coverage)(=|\.|$)/
const RUN_WRAPPERS: Record<string, string[]> = {
  poetry: ['run'],
  uv: ['run'],
  pipenv: ['run'],
  pdm: ['run'],
  rye: ['run'],
  pipx: ['run'],
  hatch: ['run'],
  bundle: ['exec'],
  npm: ['exec'],
  pnpm: ['exec', 'dlx'],
  yarn: ['exec', 'dlx']
}
const PREFIXES = new Set(['sudo', 'time', 'env', 'exec', 'xvfb-run', 'nice', 'command'])
const SCRIPT_NAME_KINDS: [RegExp, CommandKind[]][] = [
  // `test:types` / `test-tsd` test type definitions: a type check, not tests that run code.
  [/^(test|tests)([:_-](?!(types?|typings|tsd|dts)$).*)?$/, ['test']],
  // A project's own runner: peewee's `python runtests.py`, Django's `runtests.py` (round 10).
  [/^run[_-]?tests?$/, ['test']],
  [/^(lint|eslint)([:_-].*)?$/, ['lint']],
  [
    /^(typecheck|type-check|types|check-types|tsc|check:types|lint:types|typecheck:.*|tests?[:_-](types?|typings|tsd|dts))$/,
    ['typecheck']
  ],
  [/^(coverage|cov|tests?[:_-]cov(er|erage)?|cov(er|erage)?[:_-]tests?)$/, ['test', 'coverage']]
]
const MAX_DEPTH = 4
/** Task runners whose targets are named on the command line. */
const TASK_RUNNERS = new Set(['make', 'just', 'task', 'invoke', 'inv', 'poe'])
/** Runners of several package scripts at once, named as arguments. */
const PARALLEL_RUNNERS = new Set(['concurrently', 'npm-run-all', 'run-p', 'run-s'])

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1)
}

/** Every program name the classifier knows, to find the command behind a wrapper's options. */
const KNOWN_PROGRAMS = new Set([
  ...TEST_RUNNERS,
  ...LINTERS,
  ...TYPE_CHECKERS,
  ...COVERAGE_TOOLS,
  'coverage',
  'npm',
  'npx',
  'yarn',
  'pnpm',
  'bun',
  'node',
  'deno',
  'tsx',
  'make',
  'prettier',
  'codecov',
  'coveralls',
  'go',
  'cargo'
])

/**
 * The command a wrapper runs (`uv run --group dev tox run` runs `tox run`): the first word after `from` that
 * names a known program, else the first word that is not an option. Options may take values, which is why
 * the first non-option word is only the fallback.
 */
function rest(words: string[], from: number): string[] {
  const tail = words.slice(from)
  const known = tail.findIndex(
    (w) => KNOWN_PROGRAMS.has(basename(w)) || /^python[0-9.]*$/.test(basename(w))
  )
  if (known >= 0) return tail.slice(known)
  const plain = tail.findIndex((w) => !w.startsWith('-'))
  return plain < 0 ? [] : tail.slice(plain)
}

/** tox/nox environments named for a type check or a linter run that, not the tests. */
function toolEnvironments(words: string[]): CommandKind[] | null {
  // `-e` names environments (tox, nox: `-s`/`--session`); tox 4's `-f` selects them by factor and
  // `-m` by label (`tox run -f typing` runs the type checkers, not the tests).
  const flag = /^(-e|-s|-f|-m|--session|--factors|--labels)$/
  const at = words.findIndex((w) => flag.test(w) || (w.startsWith('-e') && w.length > 2))
  if (at < 0) return null
  const value =
    words[at].length > 2 && words[at].startsWith('-e')
      ? words[at].slice(2)
      : (words.slice(at + 1).find((w) => !w.startsWith('-')) ?? '')
  const kinds = new Set<CommandKind>()
  for (const env of value.split(',')) {
    if (/typ|mypy|pyright/i.test(env)) kinds.add('typecheck')
    else if (/lint|style|ruff|flake8|pylint|format/i.test(env)) kinds.add('lint')
    else if (/cov/i.test(env)) kinds.add('coverage').add('test')
    else if (!/docs?|build|release|publish|update/i.test(env)) kinds.add('test')
  }
  return [...kinds]
}

export interface ScriptContext {
  /** package.json scripts that apply to the command (empty when unknown). */
  scripts: Record<string, string>
  /** tox environments and Makefile targets of the repository root, followed like package scripts. */
  tasks?: readonly TaskCommands[]
}

/** Classifies every command of a `run:` script; `lineIndex` keeps where each starts. */
export function classifyScript(
  script: string,
  context: ScriptContext
): (Classified & { lineIndex: number; text: string })[] {
  return splitScript(script).map((command) => ({
    ...classifyWords(command.words, context, 0, new Set()),
    lineIndex: command.lineIndex,
    text: command.text
  }))
}

/** What one command does. Follows package scripts up to a few levels. */
export function classifyWords(
  input: string[],
  context: ScriptContext,
  depth: number,
  seen: Set<string>
): Classified {
  const out: Classified = { kinds: new Set(), scripts: [] }
  const words = [...input]
  while (words.length > 0 && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]) || PREFIXES.has(words[0])))
    words.shift()
  if (words.length === 0 || depth > MAX_DEPTH) return out
  const program = basename(words[0])
  const sub = words[1]
  const merge = (other: Classified): Classified => {
    for (const k of other.kinds) out.kinds.add(k)
    if (other.unread) out.unread = [...(out.unread ?? []), ...other.unread]
    if (other.configs) out.configs = [...(out.configs ?? []), ...other.configs]
    return out
  }
  const recurse = (next: string[]): Classified =>
    merge(classifyWords(next, context, depth + 1, seen))
  // A path into the repository runs the file there, even when its name is also a tool's (`scripts/coverage`
  // is uvicorn's script, not coverage.py, round 8).
  if (inRepository(words[0])) return byScriptName(words, out)
  if (words.some((w) => COVERAGE_FLAGS.test(w))) out.kinds.add('coverage')
  // Codecov's and Coveralls's uploaders, also fetched and run in place: `bash <(curl -s https://codecov.io/bash)`.
  if (
    program === 'codecov' ||
    program === 'coveralls' ||
    program === 'codecovcli' ||
    words.some((w) => /\b(codecov|coveralls)\.io\b/.test(w))
  )
    return merge({ kinds: new Set(['upload-coverage']), scripts: [] })
  if (['npx', 'bunx', 'pnpx', 'uvx'].includes(program)) return recurse(rest(words, 1))
  if (RUN_WRAPPERS[program]?.includes(sub ?? '')) return recurse(rest(words, 2))
  if (program === 'hatch' && sub === 'test') return merge({ kinds: new Set(['test']), scripts: [] })
  if (/^python[0-9.]*$|^py$/.test(program)) {
    // `-m`, or short flags joined with it: `python -Im tox` (wcwidth's CI).
    const m = words.findIndex((w, i) => i > 0 && /^-[A-Za-z]*m$/.test(w))
    if (m < 0) {
      // `python runtests.py -v2`: the repository's script, named for what it does.
      const file = words.slice(1).find((w) => !w.startsWith('-'))
      return file?.endsWith('.py') ? byScriptName(words.slice(words.indexOf(file)), out) : out
    }
    const module = words[m + 1]
    if (module === 'pip')
      return words.includes('install') ? merge({ kinds: new Set(['install']), scripts: [] }) : out
    return recurse(words.slice(m + 1))
  }
  if (COVERAGE_TOOLS.has(program)) {
    out.kinds.add('coverage')
    return recurse(rest(words, 1))
  }
  if (program === 'coverage') {
    out.kinds.add('coverage')
    if (sub === 'run') {
      const next = rest(words, 2)
      return recurse(
        next[0] === '-m' ? next.slice(1) : next[0]?.endsWith('.py') ? ['python', ...next] : next
      )
    }
    return out
  }
  if (program === 'node' || program === 'tsx' || program === 'deno' || program === 'bun') {
    if (words.includes('--test') || sub === 'test') out.kinds.add('test')
  }
  if (
    ['pip', 'pip3', 'poetry', 'pipenv', 'pdm'].includes(program) &&
    ['install', 'sync'].includes(sub ?? '')
  )
    out.kinds.add('install')
  if (program === 'uv' && (sub === 'sync' || (sub === 'pip' && words[2] === 'install')))
    out.kinds.add('install')
  // `nox --list`: the sessions are listed (to build a CI matrix), none runs.
  if (program === 'nox' && words.some((w) => /^(-l|--list|--list-sessions|--json)$/.test(w)))
    return out
  const environments = program === 'tox' || program === 'nox' ? toolEnvironments(words) : null
  if (environments) environments.forEach((k) => out.kinds.add(k))
  else if (TEST_RUNNERS.has(program) && sub !== 'bench') out.kinds.add('test')
  // pytest adds its config's `addopts` (`--cov=pkg` in tox.ini's [pytest]) to every command line.
  const addopts = ['pytest', 'py.test'].includes(program)
    ? context.tasks?.find((t) => t.tool === 'pytest')?.tasks.addopts?.[0]
    : undefined
  if (addopts?.split(' ').some((w) => COVERAGE_FLAGS.test(w))) out.kinds.add('coverage')
  if (['jest', 'vitest', 'mocha'].includes(program)) {
    const config = configArgument(words)
    if (config) out.configs = [...(out.configs ?? []), config]
  }
  const task =
    program === 'tox' || program === 'nox' || program === 'make'
      ? taskRun(program, words, context)
      : []
  for (const command of task)
    for (const part of splitScript(command))
      for (const k of classifyWords(part.words, context, depth + 1, seen).kinds) out.kinds.add(k)
  if (LINTERS.has(program) && !(program === 'ruff' && sub === 'format')) out.kinds.add('lint')
  if (program === 'prettier' && words.includes('--check')) out.kinds.add('lint')
  if (TYPE_CHECKERS.has(program) && !words.includes('--version') && !words.includes('-v'))
    out.kinds.add('typecheck')
  if (['go', 'cargo', 'dotnet', 'mix', 'swift'].includes(program) && sub === 'test')
    out.kinds.add('test')
  if (
    ['mvn', 'mvnw', 'gradle', 'gradlew'].includes(program) &&
    words.some((w) => ['test', 'verify', 'check', 'build', 'install', 'package'].includes(w))
  )
    out.kinds.add('test')
  if (TASK_RUNNERS.has(program)) {
    // The Makefile (justfile, Taskfile, tasks.py) is not read: its targets' names speak (`make test`,
    // `just lint-check`, `task typecheck`); cookiecutter's CI lints through `just lint-check` (round 5).
    const targets = words.slice(1).filter((w) => !w.startsWith('-') && !w.includes('='))
    if (targets.some((w) => /^(test|tests|check|ci|coverage)$/.test(w))) out.kinds.add('test')
    for (const target of targets)
      for (const [pattern, kinds] of SCRIPT_NAME_KINDS)
        if (pattern.test(target)) kinds.forEach((k) => out.kinds.add(k))
  }
  if (['playwright', 'cypress'].includes(program) && ['test', 'run'].includes(sub ?? ''))
    out.kinds.add('test')
  if (PARALLEL_RUNNERS.has(program)) {
    // `concurrently "pnpm:lint" "pnpm:test --coverage"`, `run-p lint test`: each argument names a package
    // script, which is followed as `npm run` would (concurrently's own CI, round 5).
    for (const word of words.slice(1)) {
      const arg = word.replace(/^["']|["']$/g, '')
      const prefixed = /^(npm|pnpm|yarn|bun):([^\s]+)/.exec(arg)
      const name = prefixed ? prefixed[2] : program === 'concurrently' ? null : arg
      if (!name || name.startsWith('-')) continue
      recurse([prefixed?.[1] ?? 'npm', 'run', name])
    }
  }
  if (['turbo', 'nx', 'lerna'].includes(program)) {
    for (const w of words.slice(1))
      for (const [pattern, kinds] of SCRIPT_NAME_KINDS)
        if (pattern.test(w)) kinds.forEach((k) => out.kinds.add(k))
  }
  const manager = (['npm', 'yarn', 'pnpm', 'bun'] as const).find((m) => m === program)
  if (manager) classifyManager(manager, words, context, depth, seen, out)
  return out.kinds.size === 0 ? byScriptName(words, out) : out
}

/** A repository script whose body is not read: as with a package script, the name speaks (scripts/test runs the tests). */
function byScriptName(words: string[], out: Classified): Classified {
  const script = repositoryScript(words)
  if (!script) return out
  const name = basename(script).replace(/\.(sh|bash|ps1|cmd|bat|py)$/, '')
  for (const [pattern, kinds] of SCRIPT_NAME_KINDS)
    if (pattern.test(name)) kinds.forEach((k) => out.kinds.add(k))
  out.unread = [...(out.unread ?? []), script]
  return out
}

/** The config file a runner command names: `--config x`, `--config=x`, `-c x`. */
function configArgument(words: string[]): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const w = words[i]
    if (w.startsWith('--config=')) return w.slice('--config='.length)
    if ((w === '--config' || w === '-c') && words[i + 1] && !words[i + 1].startsWith('-'))
      return words[i + 1]
  }
  return undefined
}

/**
 * The commands a `tox`, `nox` or `make` command runs, from the repository's tox configuration, noxfile or
 * Makefile: the environments `-e` names (every one when the name is a CI expression such as
 * `${{ matrix.toxenv }}`), else tox's env_list; nox's sessions `-s` names, else its defaults; the targets
 * `make` names, else the first.
 */
function taskRun(
  program: 'tox' | 'nox' | 'make',
  words: string[],
  context: ScriptContext
): string[] {
  const config = context.tasks?.find((t) => t.tool === program)
  if (!config) return []
  let names: string[]
  if (program === 'nox') names = noxSessionsRun(words, config)
  else if (program === 'make') {
    const targets = words.slice(1).filter((w) => !w.startsWith('-') && !w.includes('='))
    names = targets.length > 0 ? targets : config.defaults
  } else {
    const at = words.findIndex((w) => w === '-e' || w.startsWith('-e') || w === '--env')
    const value =
      at < 0
        ? undefined
        : words[at].length > 2 && words[at].startsWith('-e') && !words[at].startsWith('--')
          ? words[at].slice(2)
          : words[at + 1]
    if (value === undefined) names = config.defaults
    else if (/\$/.test(value)) names = Object.keys(config.tasks)
    else names = value.split(',')
  }
  // tox substitutes `{envpython}` and `{envbindir}/`: the words then name the program that runs.
  return names
    .flatMap((n) => config.tasks[n] ?? (program === 'tox' ? config.base : []))
    .map((c) => c.replace(/\{envpython\}/g, 'python').replace(/\{envbindir\}\//g, ''))
}

/**
 * The sessions a `nox` command runs: those `-s`/`-e`/`--session(s)` name (`tests-3.12(format)` is session
 * `tests` parametrized), every session when a name is a CI expression or `-t`/`-k` selects them, else the
 * defaults.
 */
function noxSessionsRun(words: string[], config: TaskCommands): string[] {
  const all = Object.keys(config.tasks)
  if (words.some((w) => /^(-t|--tags|-k|--keywords)$/.test(w))) return all
  const at = words.findIndex((w) => /^(-s|-e|--session|--sessions)$/.test(w))
  if (at < 0) return config.defaults
  const named: string[] = []
  for (const w of words.slice(at + 1)) {
    if (w.startsWith('-')) break
    named.push(w)
  }
  if (named.some((n) => n.includes('$'))) return all
  return all.filter((s) =>
    named.some((n) => n === s || (/^[-(]/.test(n.slice(s.length)) && n.startsWith(s)))
  )
}

const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'pwsh'])

/** The repository script a command runs (`./scripts/test`, `scripts/ci.sh`, `bash tools/check.sh`), if any. */
/** `scripts/x`, `./x`: a relative path that is not an environment's executable (`.venv/bin/pytest`). */
function inRepository(word: string): boolean {
  return (
    word.includes('/') &&
    !/^[/~$]/.test(word) &&
    !/(^|\/)(\.?venv|env|\.tox|node_modules)\//.test(word)
  )
}

function repositoryScript(words: string[]): string | undefined {
  const first = SHELLS.has(basename(words[0])) ? words[1] : words[0]
  if (
    !first ||
    first.startsWith('-') ||
    first.startsWith('/') ||
    first.startsWith('~') ||
    first.includes('$')
  )
    return undefined
  if (/(^|\/)node_modules\//.test(first)) return undefined
  return first.includes('/') || /\.(sh|bash|py)$/.test(first)
    ? first.replace(/^\.\//, '')
    : undefined
}

/** Names of repository scripts that may run anything: checks, CI entry points. */
export const CATCH_ALL_SCRIPT =
  /^(ci|check|checks|verify|validate|quality|static-checks?|pre-?commit)$/

/** The unread repository scripts with a catch-all name among some commands. */
export function catchAllScripts(uses: Pick<Classified, 'unread'>[]): string[] {
  const names = uses
    .flatMap((u) => u.unread ?? [])
    .filter((p) => CATCH_ALL_SCRIPT.test(basename(p).replace(/\.(sh|bash|ps1|cmd|bat)$/, '')))
  return [...new Set(names)].sort()
}

function classifyManager(
  manager: PackageManager,
  words: string[],
  context: ScriptContext,
  depth: number,
  seen: Set<string>,
  out: Classified
): void {
  const args = words.slice(1)
  const workspaces =
    args.some((a) => /^(-w|-ws|--workspaces?|--filter|-F|-r|--recursive)(=|$)/.test(a)) ||
    args[0] === 'workspaces' ||
    args[0] === 'workspace'
  const positional = args.filter((a) => !a.startsWith('-'))
  const verb = positional[0]
  if (verb === undefined) {
    if (manager === 'yarn') out.kinds.add('install') // a bare `yarn` installs
    return
  }
  const installVerbs = manager === 'bun' ? ['install', 'i'] : ['ci', 'install', 'i']
  if (installVerbs.includes(verb)) {
    out.kinds.add('install')
    return
  }
  if (manager === 'bun' && verb === 'test') {
    out.kinds.add('test')
    return
  }
  let name: string | undefined
  let explicit = true
  if (['test', 't', 'tst'].includes(verb)) name = 'test'
  else if (['run', 'run-script', 'rum', 'urn'].includes(verb)) name = positional[1]
  else if (manager !== 'npm') {
    // yarn/pnpm/bun run scripts by bare name; otherwise the word is a binary to execute.
    name = verb
    explicit = verb in context.scripts
    if (!explicit) {
      const binary = args.slice(args.indexOf(verb))
      const inner = classifyWords(binary, context, depth + 1, seen)
      for (const k of inner.kinds) out.kinds.add(k)
      if (inner.configs) out.configs = [...(out.configs ?? []), ...inner.configs]
      return
    }
  }
  if (!name || name.includes('$')) return
  out.scripts.push({ manager, name, ifPresent: args.includes('--if-present'), workspaces })
  const body = context.scripts[name]
  const fromBody = new Set<CommandKind>()
  // npm runs `pre<name>` and `post<name>` around a script by itself (validator's `pretest` lints).
  const hooks = manager === 'npm' ? [`pre${name}`, `post${name}`] : []
  for (const script of [name, ...hooks]) {
    const text = context.scripts[script]
    if (text === undefined || seen.has(script)) continue
    seen.add(script)
    for (const command of splitScript(text)) {
      const inner = classifyWords(command.words, context, depth + 1, seen)
      for (const k of inner.kinds) fromBody.add(k)
      if (inner.configs) out.configs = [...(out.configs ?? []), ...inner.configs]
    }
  }
  fromBody.forEach((k) => out.kinds.add(k))
  // The name speaks when the body cannot (unknown script, a custom runner) and for the conventional
  // `test`/`lint`; `test-docs` whose body builds the docs is not a test.
  const conventional = name === 'test' || name === 'lint'
  // `test:ci` whose body runs an unknown runner and `test:types` still runs tests: the name says so.
  const testNamed = SCRIPT_NAME_KINDS[0][0].test(name) && !fromBody.has('test')
  if (
    body === undefined ||
    conventional ||
    ((fromBody.size === 0 || testNamed) && !/doc|build|format|release|publish|bench/i.test(name))
  ) {
    for (const [pattern, kinds] of SCRIPT_NAME_KINDS)
      if (pattern.test(name)) kinds.forEach((k) => out.kinds.add(k))
  }
}
