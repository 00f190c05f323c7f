// Code only a program reaches: modules that nothing but command-line entry points import (svgo's
// lib/svgo/coa.js, imported only by bin/svgo.js; thefuck's entrypoints/shell_logger.py, imported only by
// the console script's main.py), and modules whose exits the project's own tests expect. Ending the
// process there is the program's contract, not a library exiting (judged false 8 of 8 in round 9).
import type { CodeModel, ModuleModel } from '../../src/model/types.js'
import { isTestSupportPath } from '../shared/support-files.js'
import { stem } from './context.js'

/** Function names that conventionally run a command line. */
const COMMAND_NAMES = new Set(['main', 'cli', 'run_cli', 'runCli', 'run_main'])

/**
 * An entry module that is only a program: it defines no public class and no public function other than
 * the command's own (`main`), and (JavaScript) exports nothing. vulture's core.py is a console script's
 * module and also the library's `Vulture` class: what it imports stays library code.
 */
function pureProgram(module: ModuleModel): boolean {
  if (module.classes.some((c) => !c.name.startsWith('_'))) return false
  if (module.language !== 'python') return module.exports.length === 0
  // Methods and nested functions (a dotted name) belong to what holds them.
  return module.functions.every(
    (f) => f.qualifiedName.includes('.') || f.name.startsWith('_') || COMMAND_NAMES.has(f.name)
  )
}

/** The files a package.json names as what importers load (`main`, `module`, every `exports` target), as stems: `dist/a.js` is `src/a.ts`. */
function libraryEntries(model: CodeModel): Set<string> {
  const out = new Set<string>()
  for (const m of model.facts.manifests) {
    if (m.kind !== 'package.json') continue
    const dir = m.path.includes('/') ? m.path.slice(0, m.path.lastIndexOf('/') + 1) : ''
    const add = (target: unknown): void => {
      if (typeof target === 'string') out.add(stem(`${dir}${target.replace(/^\.\//, '')}`))
      else if (Array.isArray(target)) for (const t of target) add(t)
      else if (target && typeof target === 'object') for (const t of Object.values(target)) add(t)
    }
    // With an `exports` map Node ignores `main`: sirv-cli's `main: index.js` beside exports of only
    // ./package.json leaves index.js to its bin (judged false in round 8).
    if (m.exports === undefined) add(m.main)
    add(m.module)
    add(m.exports)
  }
  return out
}

/**
 * Modules, outside the entry points, that only programs reach: every module importing them is a pure
 * program entry or such a module itself (followed to a fixed point), tests aside. A package's `main` or
 * `exports` target and a Python `__init__.py` are what importers load, so they never count.
 */
export function programOnlyModules(
  model: CodeModel,
  entryModules: Map<string, string>
): Map<string, string> {
  const product = model.modules.filter((m) => !m.isTest && !isTestSupportPath(m.path))
  const importers = new Map<string, Set<string>>()
  for (const m of product)
    for (const d of m.imports) {
      if (!d.resolved || d.resolved === m.path) continue
      let set = importers.get(d.resolved)
      if (!set) importers.set(d.resolved, (set = new Set()))
      set.add(m.path)
    }
  const byPath = new Map(product.map((m) => [m.path, m]))
  const programs = new Set(
    [...entryModules.keys()].filter((p) => {
      const m = byPath.get(p)
      return m !== undefined && pureProgram(m)
    })
  )
  const libraries = libraryEntries(model)
  const out = new Map<string, string>()
  for (let changed = true; changed;) {
    changed = false
    for (const m of product) {
      if (entryModules.has(m.path) || out.has(m.path) || libraries.has(stem(m.path))) continue
      if (m.path.endsWith('__init__.py')) continue
      const by = importers.get(m.path)
      if (!by || by.size === 0) continue
      if (![...by].every((p) => programs.has(p) || out.has(p))) continue
      const first = [...by].sort()[0]
      out.set(
        m.path,
        programs.has(first)
          ? `imported only by the program ${first} (${entryModules.get(first)})`
          : `imported only by ${first}, which only the program reaches`
      )
      changed = true
    }
  }
  return out
}

/** `pytest.raises(SystemExit)`, `self.assertRaises(SystemExit, ...)`: a test that expects the exit. */
function expectsExit(module: ModuleModel): boolean {
  return module.calls.some(
    (c) =>
      (c.name === 'raises' || c.name === 'assertRaises' || c.name === 'assertRaisesRegex') &&
      /\bSystemExit\b/.test(c.args[0] ?? '')
  )
}

/**
 * Modules whose exits the project's tests expect: a test that imports the module asserts SystemExit.
 * uvicorn's Config.load exits on an app it cannot import, and tests/test_config.py asserts it: a
 * deliberate, tested contract (judged partly true, not worth acting on, in round 8).
 */
export function exitsTestsExpect(model: CodeModel): Map<string, string> {
  const out = new Map<string, string>()
  for (const t of model.modules) {
    if (!t.isTest || t.language !== 'python' || !expectsExit(t)) continue
    for (const d of t.imports)
      if (d.resolved && !out.has(d.resolved)) out.set(d.resolved, `${t.path} expects SystemExit`)
  }
  return out
}
