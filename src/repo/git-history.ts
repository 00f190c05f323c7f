// Per-file change history from git: how often each file changed, by how many people, and when
// last. One `git log` call, bounded by a time window and a commit count, read as a stream so that
// a repository with 100k commits costs no more than the bound.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { FileHistory, GitHistory } from '../model/types.js'
import { errorMessage } from '../util/errors.js'
import {
  GIT_NO_DIFF_PROGRAMS,
  GIT_SAFETY_CONFIG,
  GitMissingError,
  gitEnvironment,
  runGit
} from './git.js'

export interface HistoryOptions {
  historyDays: number
  maxCommits: number
  /** Only these paths are kept (the current files); history of deleted files is dropped. */
  keep?: ReadonlySet<string>
  timeoutMs?: number
}

const RECORD = '\x1e'
const FIELD = '\x1f'

export async function readGitHistory(root: string, options: HistoryOptions): Promise<GitHistory> {
  const history: GitHistory = {
    available: false,
    shallow: false,
    commitsExamined: 0,
    windowDays: options.historyDays,
    files: {}
  }
  try {
    await runGit(root, ['rev-parse', '--is-inside-work-tree'])
  } catch (error) {
    const message = errorMessage(error)
    history.note =
      error instanceof GitMissingError
        ? 'git was not found on PATH, so no change history was read; install git (or run where it is available) to use churn.'
        : /not a git repository/i.test(message)
          ? 'Not a git repository, so no change history is available; run on a git checkout (actions/checkout) to use churn.'
          : /dubious ownership/i.test(message)
            ? `git refuses to read this checkout because another user owns it; run \`git config --global --add safe.directory "${root}"\` first to get change history.`
            : `git could not read this checkout (${message}), so no change history is available.`
    return history
  }
  try {
    history.head = (await runGit(root, ['rev-parse', 'HEAD'])).trim()
  } catch {
    history.note = 'The repository has no commits yet, so there is no change history.'
    return history
  }
  const branch = (await runGit(root, ['rev-parse', '--abbrev-ref', 'HEAD']).catch(() => '')).trim()
  if (branch && branch !== 'HEAD') history.branch = branch
  history.shallow =
    (await runGit(root, ['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() ===
    'true'
  history.available = true

  const notes: string[] = []
  // The window ends at the analysed commit, not today: an old checkout still has its recent history.
  const headDate = Date.parse(
    (await runGit(root, ['log', '-1', '--format=%cI', 'HEAD']).catch(() => '')).trim()
  )
  try {
    const { commits, files, timedOut } = await streamLog(
      root,
      options,
      Number.isNaN(headDate) ? Date.now() : headDate
    )
    history.commitsExamined = commits
    history.files = files
    if (timedOut)
      notes.push(
        `Reading history stopped after ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s; it covers the newest ${commits} commits only.`
      )
    if (commits >= options.maxCommits) {
      notes.push(
        `Only the newest ${options.maxCommits} commits of the ${options.historyDays}-day window were read (the max-commits bound).`
      )
    }
  } catch (error) {
    notes.push(`git log failed (${errorMessage(error)}), so change history is missing.`)
    history.available = false
  }
  if (history.shallow) {
    notes.unshift(
      'This is a shallow clone, so history is partial: set `fetch-depth: 0` on actions/checkout to read the full history.'
    )
  }
  if (notes.length > 0) history.note = notes.join(' ')
  return history
}

/** Runs the bounded `git log` and folds its output, line by line, into per-file counts. */
function streamLog(
  root: string,
  options: HistoryOptions,
  end: number
): Promise<{ commits: number; files: Record<string, FileHistory>; timedOut: boolean }> {
  const args = [
    ...GIT_SAFETY_CONFIG,
    'log',
    ...GIT_NO_DIFF_PROGRAMS,
    '--no-merges',
    '--no-renames',
    '--relative',
    '--name-only',
    `--format=${RECORD}%H${FIELD}%ae${FIELD}%aI`,
    '-n',
    String(options.maxCommits)
  ]
  // An absolute date: git's approximate dates misread windows that reach back before 1970.
  const since = end - options.historyDays * 24 * 3600 * 1000
  if (since > 24 * 3600 * 1000) args.push(`--since=${new Date(since).toISOString()}`)
  args.push('--', '.')
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: root,
      env: gitEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true
    })
    const perFile = new Map<string, { commits: number; authors: Set<string>; lastChange: string }>()
    let commits = 0
    let author = ''
    let date = ''
    let stderr = ''
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill()
    }, options.timeoutMs ?? 120_000)
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8')
    })
    const lines = createInterface({ input: child.stdout, crlfDelay: Infinity })
    lines.on('line', (line) => {
      if (line.startsWith(RECORD)) {
        const [, email, when] = line.slice(1).split(FIELD)
        commits++
        author = email.toLowerCase()
        const parsed = new Date(when)
        date = Number.isNaN(parsed.getTime()) ? when : parsed.toISOString()
      } else if (line && commits > 0) {
        if (options.keep && !options.keep.has(line)) return
        const entry = perFile.get(line)
        // git log lists newest first, so the first time a file is seen is its last change.
        if (entry) {
          entry.commits++
          entry.authors.add(author)
        } else {
          perFile.set(line, { commits: 1, authors: new Set([author]), lastChange: date })
        }
      }
    })
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    // Finish when both the process has exited and every line has been read.
    let exitCode: number | null | undefined
    let linesDone = false
    const finish = (): void => {
      if (exitCode === undefined || !linesDone) return
      clearTimeout(timer)
      if (exitCode !== 0 && !timedOut) {
        reject(new Error(stderr.trim().split('\n')[0] || `exit code ${exitCode}`))
        return
      }
      const files: Record<string, FileHistory> = {}
      for (const path of [...perFile.keys()].sort()) {
        const entry = perFile.get(path)!
        files[path] = {
          commits: entry.commits,
          authors: entry.authors.size,
          lastChange: entry.lastChange
        }
      }
      resolve({ commits, files, timedOut })
    }
    lines.on('close', () => {
      linesDone = true
      finish()
    })
    child.on('close', (code) => {
      exitCode = code
      finish()
    })
  })
}
