// Which of mocha's interfaces the project's tests are written in: `bdd` (describe/it, mocha's default),
// `tdd` (suite/test/setup/teardown), `qunit` (a bare `suite('name')` above top-level tests) or `exports`
// (an object of suites). Mocha defines only the interface it is told to, so a spec in another one does
// not load (`describe is not defined`), and the project's suite, run without the flag, loads nothing.
//
// The interface, as mocha itself decides it: the `--ui`/`-u` flag of the command that runs it (the test
// script, or a script or Makefile target it runs), else `.mocharc.*`'s `ui`, else package.json's `mocha`
// key; when none says, the test files' own globals break the tie (tdd's suite/test/setup called with no
// describe/it).
import type { ModuleModel, TestRunnerConfig } from '../model/types.js'

export type MochaUi = 'bdd' | 'tdd' | 'qunit' | 'exports'

const INTERFACES = new Set<string>(['bdd', 'tdd', 'qunit', 'exports'])
const BDD_GLOBALS = new Set(['describe', 'context', 'it', 'specify'])
const TDD_GLOBALS = new Set(['suite', 'setup', 'teardown', 'suiteSetup', 'suiteTeardown', 'test'])

/** The value of `--ui X`, `--ui=X`, `-u X` or `--u X` among a command's words, or null. */
export function uiFlag(words: readonly string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    const word = words[i].replace(/^["']|["']$/g, '')
    const joined = /^(?:--ui|--u|-u)=(.+)$/.exec(word)
    if (joined) return joined[1]
    if ((word === '--ui' || word === '--u' || word === '-u') && i + 1 < words.length)
      return words[i + 1].replace(/^["']|["']$/g, '')
  }
  return null
}

export interface MochaUiDecision {
  ui: MochaUi
  /** Why, in a clause for the layout's reason; absent for mocha's default with nothing saying otherwise. */
  reason?: string
  /** What the user should know (an interface of the project's own that no renderer writes). */
  note?: string
}

/** The interface a test file's globals show: tdd's names with none of bdd's, bdd's, or neither. */
export function fileInterface(module: ModuleModel): 'bdd' | 'tdd' | null {
  const globals = module.test?.globals ?? []
  if (globals.some((g) => BDD_GLOBALS.has(g))) return 'bdd'
  if (globals.some((g) => TDD_GLOBALS.has(g))) return 'tdd'
  return null
}

export function mochaInterface(input: {
  /** The `--ui` value of the command that starts mocha, with where it was read. */
  flag?: { value: string; where: string } | null
  /** The mocha configurations read (`.mocharc.*`, `package.json#mocha`). */
  configs: readonly TestRunnerConfig[]
  /** The project's JavaScript test files. */
  tests: readonly ModuleModel[]
}): MochaUiDecision {
  const mochaConfigs = input.configs.filter((c) => c.runner === 'mocha')
  // mocha's precedence: the command line over the rc file over package.json.
  const rc = mochaConfigs.find((c) => c.file !== 'package.json#mocha' && c.ui)
  const manifest = mochaConfigs.find((c) => c.file === 'package.json#mocha' && c.ui)
  const said = input.flag
    ? { value: input.flag.value, where: input.flag.where }
    : rc?.ui
      ? { value: rc.ui, where: `${rc.file} sets ui` }
      : manifest?.ui
        ? { value: manifest.ui, where: 'package.json#mocha sets ui' }
        : null
  const byFiles = filesInterface(input.tests)
  if (said && INTERFACES.has(said.value)) {
    const ui = said.value as MochaUi
    return ui === 'bdd' ? { ui } : { ui, reason: `${said.where} ${ui}` }
  }
  if (said) {
    // A custom interface (a module path): its globals are the project's; the files show which to write.
    const ui = byFiles ?? 'bdd'
    return {
      ui,
      reason: `${said.where} ${said.value}, an interface of its own; its test files are written like mocha's ${ui}`,
      note: `mocha runs with the project's own interface ${said.value}: specs are written in mocha's ${ui} style, as its test files are`
    }
  }
  if (byFiles === 'tdd')
    return {
      ui: 'tdd',
      reason: "the test files call mocha's tdd globals (suite, test, setup) and no describe or it"
    }
  return { ui: 'bdd' }
}

/** tdd when the files that name an interface are mostly tdd; null when none does or bdd has as many. */
function filesInterface(tests: readonly ModuleModel[]): 'bdd' | 'tdd' | null {
  let bdd = 0
  let tdd = 0
  for (const t of tests) {
    const ui = fileInterface(t)
    if (ui === 'bdd') bdd++
    else if (ui === 'tdd') tdd++
  }
  if (tdd > bdd) return 'tdd'
  return bdd > 0 ? 'bdd' : null
}
