// Running git: one place for the environment, timeouts and output bounds, and for switching off every
// program the analysed repository could name in its own .git/config (fsmonitor, hooks, external diff,
// textconv, gpg for signatures): analysing a repository must never run its code.
import { execFile } from 'node:child_process'

/** Thrown when the git executable cannot be started at all (not installed, not on PATH). */
export class GitMissingError extends Error {
  constructor() {
    super('git was not found on PATH')
    this.name = 'GitMissingError'
  }
}

export interface GitRunOptions {
  /** Largest stdout accepted, in bytes. */
  maxBuffer?: number
  timeoutMs?: number
}

/**
 * The environment for our git calls: variables that would point git at another repository
 * (set, for example, when we run inside a git hook) are removed, and prompts are disabled.
 */
export function gitEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_INDEX_FILE',
    'GIT_OBJECT_DIRECTORY',
    'GIT_COMMON_DIR',
    'GIT_EXTERNAL_DIFF',
    'GIT_PAGER',
    'GIT_SSH_COMMAND'
  ]) {
    delete env[name]
  }
  env.GIT_TERMINAL_PROMPT = '0'
  env.GIT_OPTIONAL_LOCKS = '0'
  return env
}

/**
 * `-c` settings put before every git command. Command-line config is "protected" config, so it also
 * overrides the repository's and is the one place safe.directory is honoured: a checkout owned by
 * another user (a container runner) is readable, which is safe because nothing it configures runs.
 */
export const GIT_SAFETY_CONFIG: readonly string[] = [
  '-c',
  'core.quotePath=false',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'diff.external=',
  '-c',
  'log.showSignature=false',
  '-c',
  'core.untrackedCache=false',
  '-c',
  'safe.directory=*'
]

/** Flags for commands that can show diffs (log, diff, show): no external diff, no textconv filter. */
export const GIT_NO_DIFF_PROGRAMS: readonly string[] = ['--no-ext-diff', '--no-textconv']

/** Runs `git args` in `cwd` and returns stdout; rejects with git's stderr on failure. */
export function runGit(cwd: string, args: string[], options: GitRunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...GIT_SAFETY_CONFIG, ...args],
      {
        cwd,
        env: gitEnvironment(),
        maxBuffer: options.maxBuffer ?? 16 * 1024 * 1024,
        timeout: options.timeoutMs ?? 60_000,
        encoding: 'utf8',
        windowsHide: true
      },
      (error, stdout, stderr) => {
        if (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            reject(new GitMissingError())
            return
          }
          const detail = String(stderr).trim().split('\n')[0] || error.message
          reject(new Error(`git ${args[0]} failed: ${detail}`))
          return
        }
        resolve(stdout)
      }
    )
  })
}
