// Ending the process from library code: process.exit (JavaScript), sys.exit / os._exit / exit / quit
// (Python) outside a command-line entry point. Entry points are bin targets, console scripts,
// `__main__` modules and blocks, `#!` files and modules in bin/, scripts/ or tools/ folders.
import { plainName } from '../shared/names.js'
import type { CallSite } from '../../src/model/types.js'
import type { Severity } from '../types.js'
import { type CheckInput, type Found, type ModuleInfo, whereText } from './context.js'
import { exitsTestsExpect, programOnlyModules } from './programs.js'

/** Function names that conventionally run a command line: exiting there is their job. */
const COMMAND_FUNCTIONS = new Set(['main', 'cli', 'run_cli', 'runCli', 'run_main'])

function isExit(info: ModuleInfo, call: CallSite): boolean {
  if (info.dialect === 'js')
    return call.callee === 'process.exit' || call.callee === 'process.reallyExit'
  if (call.callee === 'sys.exit' || call.callee === 'os._exit') return true
  if (
    (call.callee === 'exit' || call.callee === 'quit') &&
    !info.functions.has(call.callee) &&
    !info.imports.has(call.callee)
  )
    return true
  const imported = info.imports.get(call.callee)
  return (
    imported !== undefined &&
    ((imported.source === 'sys' && imported.imported === 'exit') ||
      (imported.source === 'os' && imported.imported === '_exit'))
  )
}

/**
 * Words of a condition that asks how the code is run: `if (!config.required)` (nodemon's "used as a
 * library" flag), `require.main === module`, `if (isCli)`, `if not embedded`.
 */
const RUN_MODE =
  /\b(require\.main|import\.meta\.main|__main__|required|library|embedded|programmatic|standalone|is_?cli|from_?cli|as_?cli|interactive)\b/i

/**
 * The guard that keeps the exit to command-line runs, if any: an enclosing `if` (or early exit)
 * whose condition asks how the code is run. Library callers never reach the exit (judged false on
 * nodemon, session 7).
 */
function runModeGuard(call: CallSite): string | undefined {
  const guard = (call.context?.guards ?? []).find(
    (g) =>
      (g.kind === 'if' || g.kind === 'early-exit' || g.kind === 'else') && RUN_MODE.test(g.text)
  )
  return guard?.text
}

/** The top folder of a Python package path, past a `src/` layout: `src/pkg/utils.py` -> `pkg`. */
function topPackage(path: string): string | undefined {
  const parts = path.replace(/^src\//, '').split('/')
  return parts.length > 1 ? parts[0] : undefined
}

/**
 * The Python package the module sits in is a command-line tool: a console script or `__main__.py` of
 * the same top package is an entry point (vulture's `get_modules()` exits for its CLI, judged a smell
 * for library callers but not a high one, and SystemExit can be caught).
 */
function commandLinePackage(input: CheckInput, info: ModuleInfo): string | undefined {
  if (info.dialect !== 'python') return undefined
  const top = topPackage(info.module.path)
  if (!top) return undefined
  for (const [path, why] of input.entryModules) {
    if (!path.endsWith('.py') || topPackage(path) !== top) continue
    if (why.startsWith('console script') || path.endsWith('/__main__.py')) return `${path}: ${why}`
  }
  return undefined
}

/** How far `onlyFromCommand` follows callers: a CLI helper is rarely more than a few calls from main. */
const MAX_CALLER_DEPTH = 4

/**
 * The function runs only for the command line: it is `main`/`cli`, or every caller in the repository
 * is (at most a few calls up), or it is a nested function nobody calls by name (a signal handler
 * installed with `signal.signal(n, handler)`) whose parent is. pyflakes' `_exitOnSignal` installs a
 * handler that calls sys.exit, and only `main()` calls it: exiting there is the CLI's job (judged false).
 */
function onlyFromCommand(input: CheckInput, path: string, qualified: string, depth = 0): boolean {
  if (depth > MAX_CALLER_DEPTH) return false
  const name = plainName(qualified).split('.').pop() ?? qualified
  if (COMMAND_FUNCTIONS.has(name)) return true
  const info = input.byPath.get(path)
  const fn = info?.functions.get(qualified)
  if (!info || !fn) return false
  if (fn.exported) return info.dialect !== 'python' && calledOnlyByPrograms(input, fn)
  const dot = qualified.lastIndexOf('.')
  const parent = dot > 0 ? qualified.slice(0, dot) : undefined
  // A nested function (not a method: a class is not a function) is installed by its parent.
  const nested = parent !== undefined && info.functions.has(parent)
  // A public helper of the CLI is still the library's API (vulture's get_modules): only private ones count.
  if (info.dialect === 'python' && !nested && !name.startsWith('_')) return false
  const callers = fn.callers ?? []
  if (callers.length === 0)
    return nested && parent !== undefined && onlyFromCommand(input, path, parent, depth + 1)
  return callers.every(
    (c) =>
      c.enclosing !== undefined &&
      (input.entryModules.has(c.path) || onlyFromCommand(input, c.path, c.enclosing, depth + 1))
  )
}

/**
 * A JavaScript function its module exports but that only command-line entry points call: a helper of the
 * bin (micro's `handle`, imported solely by bin/micro.ts and not exported from the library's entry, judged
 * partly true at best in round 7). A re-export from the library's entry is not a call, so such a helper
 * would be missed too: the callers are what the model sees.
 */
function calledOnlyByPrograms(input: CheckInput, fn: { callers?: { path: string }[] }): boolean {
  const callers = fn.callers ?? []
  return callers.length > 0 && callers.every((c) => input.entryModules.has(c.path))
}

/**
 * A method of a class built on a worker base from another package (`class UvicornWorker(Worker)` with
 * `from gunicorn.workers.base import Worker`): it runs in the worker process the server forks, where
 * exiting with the boot-error code is the protocol (judged false in round 8).
 */
function inWorkerProcess(info: ModuleInfo, enclosing: string | undefined): boolean {
  const fn = enclosing ? info.functions.get(enclosing) : undefined
  const cls = fn?.className ? info.module.classes.find((c) => c.name === fn.className) : undefined
  return (cls?.bases ?? []).some((b) => {
    const base = b.replace(/\(.*$/, '').trim()
    if (!/(^|\.)\w*Worker$/.test(base)) return false
    const imported = info.imports.get(base.split('.')[0])
    return imported !== undefined && imported.resolved === undefined
  })
}

export function checkExits(input: CheckInput): Found[] {
  const out: Found[] = []
  const programOnly = programOnlyModules(input.model, input.entryModules)
  const expected = exitsTestsExpect(input.model)
  for (const info of input.modules) {
    if (input.entryModules.has(info.module.path)) continue
    // Reached only from a program's entry point, or exiting as the project's tests expect: the contract.
    if (programOnly.has(info.module.path) || expected.has(info.module.path)) continue
    const tool = commandLinePackage(input, info)
    const base = info.module.path.slice(info.module.path.lastIndexOf('/') + 1)
    // Build and project scripts at the root (setup.py, gulpfile.js, rollup.config.js) run as programs.
    if (
      !info.module.path.includes('/') &&
      (base === 'setup.py' || /\.config\.[cm]?[jt]s$|^(gulpfile|gruntfile|jakefile)\./i.test(base))
    )
      continue
    for (const call of info.module.calls) {
      if (!isExit(info, call)) continue
      const fnName = call.enclosing ? plainName(call.enclosing).split('.').pop() : undefined
      if (fnName && COMMAND_FUNCTIONS.has(fnName)) continue
      if (runModeGuard(call)) continue
      if (inWorkerProcess(info, call.enclosing)) continue
      if (call.enclosing && onlyFromCommand(input, info.module.path, call.enclosing)) continue
      const fn = call.enclosing ? info.functions.get(call.enclosing) : undefined
      const exported = fn?.exported ?? false
      const severity: Severity = tool ? 'low' : exported ? 'high' : 'medium'
      // sys.exit() raises SystemExit: catchable, though `except Exception` lets it through.
      const catchable =
        info.dialect === 'python' && call.callee !== 'os._exit' && call.name !== '_exit'
      const args = call.args.join(', ')
      out.push({
        info,
        ...(fn ? { fn } : {}),
        call,
        draft: {
          messageId: 'exitInLibrary',
          data: {
            callee: call.callee,
            where: whereText(info, call.enclosing),
            args: args.length > 40 ? `${args.slice(0, 37)}…` : args,
            file: info.module.path,
            entry: tool
              ? `it is a helper of the command-line tool the package ships (${tool}), and code importing the package can call it too`
              : 'no package bin, console script, __main__ or #! names it',
            consequence: catchable
              ? 'it raises SystemExit, which passes every `except Exception`, so a program calling it ends unless it catches SystemExit by name'
              : 'callers cannot catch it, clean up or test past it'
          },
          severity,
          confidence: 'medium',
          rationale:
            `Severity ${severity}: ${tool ? 'the package is a command-line tool and this helper exits for it; only a library caller is hurt' : exported ? `${call.enclosing} is exported, so other code calls it and cannot recover` : 'the call sits in code other modules can reach'}; ` +
            'confidence medium: the module may still be run as a program in a way the manifests do not show.',
          evidence: input.quote.evidence(info.module.path, call.loc),
          key: `exit:${call.enclosing ?? '<module>'}:${call.callee}`,
          symbol: call.enclosing ?? '<module>'
        }
      })
    }
  }
  return out
}
