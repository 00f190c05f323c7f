// Test helpers: a fixture project copied into a temporary workspace with this project's node_modules
// linked in, a byte-for-byte fingerprint of a folder, and the CI virtualenv's Python.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cp, lstat, mkdtemp, readdir, readFile, readlink, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { StageOptions } from '../../src/execute/stage.js'
import type { RenderTarget } from '../../src/specs/types.js'

export const PROJECT = resolve('.')
export const FIXTURES = join(PROJECT, '__tests__/fixtures/execute')

/** The Python of the virtualenv `.ci/run` creates (pytest, coverage, datasets), or null. */
export const CI_PYTHON = process.env.TEST_PLANNING_PYTHON ?? null

export async function fixtureWorkspace(
  name: string,
  options: { git?: boolean } = {}
): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `tp-ws-${name}-`))
  await cp(join(FIXTURES, name), dir, { recursive: true })
  if (!name.startsWith('pytest'))
    await symlink(join(PROJECT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  if (options.git) {
    const git = (...args: string[]): void => {
      execFileSync('git', ['-C', dir, '-c', 'user.email=t@t', '-c', 'user.name=t', ...args], {
        stdio: 'ignore'
      })
    }
    git('init', '-q')
    git('add', '-A')
    git('commit', '-q', '-m', 'fixture')
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** Path -> sha256 of every file and symlink under `dir` (symlinks by target, not followed). */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const stack = ['']
  while (stack.length > 0) {
    const rel = stack.pop()!
    for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name
      const full = join(dir, path)
      const info = await lstat(full)
      if (info.isSymbolicLink()) out[path] = `link:${await readlink(full)}`
      else if (info.isDirectory()) stack.push(path)
      else
        out[path] =
          createHash('sha256')
            .update(await readFile(full))
            .digest('hex') + `:${info.mode}:${info.mtimeMs}`
    }
  }
  return out
}

/**
 * The options the tests validate specs with: the whole fixture workspace, forced on (`validate: true`),
 * three runs, an 8 s observation limit, and no coverage pass unless a test asks for one (a budget in ms,
 * or 'engine' for the stage's own default).
 */
export function validationOptions(
  workspace: string,
  target: RenderTarget,
  options: { python?: string | null; coverage?: number | 'engine' } = {}
): StageOptions {
  const coverage = options.coverage ?? 0
  return {
    workspace,
    exclude: [],
    target,
    mode: 'true',
    secrets: [],
    python: options.python ?? null,
    observeMs: 8_000,
    ...(coverage === 'engine' ? {} : { coverageMs: coverage }),
    runs: 3
  }
}
