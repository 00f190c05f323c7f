// The project's test layout: which runner it uses, what that runner collects, and how its tests are
// written. Detected once per run (src/specs/layout.ts) from configs and manifests first, the style of
// the existing test files second; read by the renderers (where a spec goes, how it imports) and by
// the execute stage (how to run a spec file with the project's own runner).
import type { MochaUi } from './mocha-ui.js'
import type { SpecLanguage, TestFramework } from './types.js'

/** Runners recognised by name; those outside TestFramework have no renderer and fall back (see notes). */
export type DetectedRunner = TestFramework | 'ava' | 'jasmine' | 'tap' | 'tape' | 'bun:test'

export interface TestLayout {
  /** The runner the project uses, as detected; may have no renderer. */
  detected: DetectedRunner
  /** The framework specs are rendered for (the detected one, or a fallback named in `notes`). */
  framework: TestFramework
  language: SpecLanguage
  /** How JavaScript files are written: `import` (esm) or `require` (commonjs). TypeScript is written with `import`. */
  moduleSystem: 'esm' | 'commonjs'
  /** Extension of generated spec files, with the dot: `.ts`, `.js`, `.mjs`, `.cjs`, `.py`. */
  extension: string
  /**
   * Where a spec goes: `beside` the module (`src/a.test.ts`), in a `nested` `__tests__` folder of the
   * module's folder (`src/__tests__/a.test.ts`), or under `testDir` mirroring the source folders (`folder`),
   * or directly in `testDir` (`flat`: mocha without `recursive`, pytest).
   */
  placement: 'beside' | 'nested' | 'folder' | 'flat'
  /** The folder specs go under for `folder`/`flat` (`test`, `__tests__`, `tests`, `test/unit`). */
  testDir: string
  /** Test file naming: the part before the extension (`.test`, `.spec`, `_test`), or `test_` as a prefix for Python. */
  naming: { prefix: string; suffix: string }
  /**
   * pytest `python_files` naming one file and no pattern (`tests.py`): every spec is a folder of its own
   * holding a file of that exact name (written with an `__init__.py`, python-packages.ts, so the
   * basenames do not clash).
   */
  exactFile?: string
  /** The paths the project's test script hands its runner (`mocha test/**\/*.test.js`): its whole suite. */
  suitePaths?: string[]
  /**
   * Why the project's own run collects no generated spec file (its script hands the runner one loader
   * file that requires the rest; a runner specs cannot be written for): the specs stay plan-only, with this.
   */
  collectsNoSpec?: string
  /**
   * A program the test script hands the test files to that is no runner known here (`test-runner`): a
   * run of those files under node:test runs none of their cases, so it cannot say what never ran.
   */
  foreignRunner?: string
  /** The test script starts the runner once per file of `suitePaths` (a shell loop): state does not carry over. */
  suitePerFile?: boolean
  /** What the runner collects, as picomatch globs relative to the root (jest `testRegex` as regular expressions). */
  collect: { include: string[]; exclude: string[]; regex: string[]; roots?: string[] }
  /** How tests import the code: relative paths, or the package's own name for its entry point. */
  importStyle: 'relative' | 'package'
  /** The package's own name (package.json `name`), for `importStyle: 'package'`. */
  packageName?: string
  /** The module the package name resolves to (repository-relative), when known. */
  packageEntry?: string
  /** The extension relative imports of TypeScript sources are written with: none (`./a`), `.js` (`./a.js`), `.ts`. */
  importExtension: 'none' | '.js' | '.ts'
  /** Assertion style: jest/vitest `expect`, chai's `expect`, or `node:assert/strict`. */
  assertion: 'expect' | 'chai' | 'node:assert'
  /**
   * mocha's interface when it is not its default `bdd` (mocha-ui.ts): specs are written in it (`suite`/`test`
   * for tdd) and every mocha command is given `--ui` with it.
   */
  mochaUi?: MochaUi
  /** Whether the runner's functions are imported (`vitest`, `@jest/globals`, `node:test`) or used as globals. */
  frameworkImport: 'import' | 'globals'
  /** Python: folders on the import path (`src`, pytest `pythonpath`), so modules import by package name. */
  pythonRoots: string[]
  /**
   * Modules whose default export is a named declaration (`export default function parse`): path to
   * that name, so a spec naming `parse` imports the default rather than a named export that does not exist.
   */
  defaultExports?: Record<string, string>
  /**
   * Packages the project declares (package.json dependencies of every kind, Python requirements), lower-cased:
   * a spec that imports anything else (fast-check, hypothesis, sinon) could not load and is rendered as a todo.
   */
  packages?: string[]
  /**
   * Python: module path -> optional packages it needs to import (extras, `importorskip` in the project's
   * tests, `except ImportError` in its code), so a spec of it skips as the project's tests do when they are absent.
   */
  optionalImports?: Record<string, string[]>
  /** The command that runs one spec file, file path appended (`npx vitest run`, `python -m pytest`). */
  runnerCommand: string[]
  /**
   * What the project's test script gives its runner: node:test preload flags (`--require ts-node/register`)
   * used in place of a guessed loader, the variables it sets (`TS_NODE_PROJECT=...`), and the options that
   * choose its tests (`vitest --project unit`), used for the suite's run.
   */
  runnerScript?: { preload: string[]; env: Record<string, string>; select?: string[] }
  /** The runner's config file, when one was read. */
  configFile?: string
  /** One sentence on how the framework was decided. */
  reason: string
  /** What the user should know: fallbacks, settings that could not be read. */
  notes: string[]
}
