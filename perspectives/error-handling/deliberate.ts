// Handlers that drop or only log an error on purpose, judged so on werkzeug, pycodestyle and node-cron
// (session 8, round 3): best-effort clean-up (a close in a finally block or in a close()/__del__
// method), anything in a destructor (an error raised from `__del__` is only printed), a platform probe
// with a fallback after it (`except OSError` around a tool only one platform has), and Ctrl-C stopping
// a command-line run. (A handler that emits or calls back with the error is neither empty nor log-only.)
import type { CallSite, CatchHandler, FunctionDecl, TryBlock } from '../../src/model/types.js'

/** Calls that release or tidy up: a failure there leaves nothing half-done for the caller. */
const CLEANUP = new Set([
  'close',
  'aclose',
  'destroy',
  'dispose',
  'unlink',
  'unlinkSync',
  'remove',
  'rmdir',
  'rmdirSync',
  'rm',
  'rmSync',
  'rmtree',
  'release',
  'shutdown',
  'terminate',
  'kill',
  'disconnect',
  'unref',
  'cleanup',
  'removeListener',
  'removeAllListeners',
  'join'
])

/** Methods that exist to release or tidy up. */
const CLOSERS = new Set([
  'close',
  'aclose',
  '__exit__',
  '__aexit__',
  'dispose',
  'cleanup',
  'teardown',
  'shutdown',
  'release',
  'destroy'
])

/** Errors a platform probe raises when the tool, module or feature is not there. */
const PROBE_ERRORS = new Set([
  'OSError',
  'IOError',
  'EnvironmentError',
  'FileNotFoundError',
  'PermissionError',
  'ImportError',
  'ModuleNotFoundError',
  'AttributeError',
  'NotImplementedError',
  'subprocess.CalledProcessError',
  'CalledProcessError'
])

/** Receivers and callees that ask the platform what it has. */
const PROBES = ['subprocess.', 'os.', 'platform.', 'ctypes.', 'winreg.', 'importlib.', 'shutil.']

function methodName(fn: FunctionDecl | undefined): string {
  return fn?.name ?? ''
}

/**
 * Why dropping or only logging what this handler catches is the intent, or undefined. `cleanup` says
 * the try sits in a finally block of the same function.
 */
export function deliberateReason(
  tryBlock: TryBlock,
  handler: CatchHandler,
  guarded: CallSite[],
  fn: FunctionDecl | undefined,
  cleanup: boolean
): string | undefined {
  const name = methodName(fn)
  if (name === '__del__') return 'a destructor: an error raised there is only printed'
  if (
    guarded.length > 0 &&
    guarded.every((c) => CLEANUP.has(c.name)) &&
    (cleanup || CLOSERS.has(name))
  )
    return 'best-effort clean-up'
  if (handler.types.length > 0 && handler.types.every((t) => t === 'KeyboardInterrupt'))
    return 'Ctrl-C ends the run'
  if (
    handler.types.length > 0 &&
    handler.types.every((t) => PROBE_ERRORS.has(t)) &&
    guarded.some((c) => PROBES.some((p) => c.callee.startsWith(p)) || c.callee === '__import__') &&
    // Something comes after the try in the function: the fallback.
    fn !== undefined &&
    tryBlock.loc.endLine < fn.loc.endLine
  )
    return 'a platform probe with a fallback after it'
  return undefined
}
