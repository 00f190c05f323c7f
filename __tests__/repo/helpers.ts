// Builds small repositories in temp directories for the repo tests (no fixture is copied from elsewhere).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const made: string[] = []

/** A fresh empty directory; removed by `cleanUp()`. */
export function tempDir(prefix = 'repo-'): string {
  const dir = mkdtempSync(join(tmpdir(), `tp-${prefix}`))
  made.push(dir)
  return dir
}

export function cleanUp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** Writes files (path -> content) under root, creating folders. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path)
    mkdirSync(dirname(absolute), { recursive: true })
    writeFileSync(absolute, content)
  }
}

/** git with an isolated configuration and a fixed identity; dates come from `date` when given. */
export function git(
  root: string,
  args: string[],
  options: { date?: string; email?: string } = {}
): string {
  const date = options.date ?? '2024-01-01T12:00:00Z'
  const email = options.email ?? 'ada@example.com'
  return execFileSync(
    'git',
    ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: email.split('@')[0],
        GIT_AUTHOR_EMAIL: email,
        GIT_COMMITTER_NAME: email.split('@')[0],
        GIT_COMMITTER_EMAIL: email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date
      }
    }
  )
}

/** `git init` plus an optional first commit of everything present. */
export function gitInit(root: string): void {
  git(root, ['init', '-q'])
}

export function commitAll(
  root: string,
  message: string,
  options: { date?: string; email?: string } = {}
): void {
  git(root, ['add', '-A'])
  git(root, ['commit', '-q', '--allow-empty', '-m', message], options)
}
