// A temporary copy of the analysed working tree, outside the workspace, where specs are written and
// run. The workspace itself is never written: files are copied (git's file list when there is a
// repository, a walk otherwise, with the ignored files a build left where the package's entry points
// are), and the installed dependencies (node_modules, a virtualenv) are linked, not copied. `dispose` removes the copy; callers use it in `finally`.
import {
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  stat,
  symlink,
  writeFile
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { runGit } from '../repo/git.js'
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path'

/** Folders never copied: dependencies are linked instead, caches and VCS data are not needed. */
const SKIPPED_DIRS = new Set([
  '.git',
  'node_modules',
  '.venv',
  'venv',
  '.tox',
  '.nox',
  '__pycache__',
  '.pytest_cache',
  '.mypy_cache',
  'coverage',
  '.nyc_output'
])
/** Installed dependencies linked into the copy when the workspace has them. */
export const LINKED_DIRS = ['node_modules', '.venv', 'venv']
const MAX_FILES = 50_000

export interface Sandbox {
  root: string
  /** The workspace copied (its real path). */
  source: string
  /** Paths (relative, posix) of the files copied. */
  files: number
  dispose(): Promise<void>
}

export interface SandboxOptions {
  /** Relative paths (posix) to leave out, e.g. the results folder. */
  exclude?: readonly string[]
  /** Parent of the temporary folder (default: the OS temp dir). */
  tempParent?: string
}

async function gitFiles(root: string): Promise<string[] | null> {
  try {
    // Through the safe runner: the repository's own .git/config (core.fsmonitor, hooks) must not run.
    const stdout = await runGit(
      root,
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      {
        maxBuffer: 256 * 1024 * 1024
      }
    )
    const listed = stdout.split('\0').filter(Boolean)
    return [...listed, ...(await generatedModules(root, listed)), ...(await builtEntryFiles(root))]
  } catch {
    return null
  }
}

/** Python modules and extensions a build writes beside the sources (hatch-vcs/setuptools-scm `_version.py`, `.so`). */
const GENERATED_MODULE = /\.(py|pyi|so|pyd)$/

/**
 * Ignored files the code imports although git does not list them: a Python module or extension in a
 * folder that holds listed files (the package's own folder). Without them the copy's sources, first
 * on the path, fail to import (`No module named 'pkg._version'`). Build folders hold no listed file.
 */
async function generatedModules(root: string, listed: readonly string[]): Promise<string[]> {
  const folders = new Set(listed.map((f) => posix.dirname(f)))
  const stdout = await runGit(
    root,
    ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'],
    { maxBuffer: 64 * 1024 * 1024 }
  )
  return stdout
    .split('\0')
    .filter(
      (f) =>
        GENERATED_MODULE.test(f) &&
        folders.has(posix.dirname(f)) &&
        !f.split('/').some((part) => SKIPPED_DIRS.has(part))
    )
}

/** More than a package's built output holds; a folder beyond it is not copied whole. */
const MAX_BUILT_FILES = 5_000

/**
 * The package's built entry points, when a build left them in the workspace: the folders package.json's
 * `main`, `module`, `exports`, `bin` and `types` point into (the file itself at the package root), and
 * the published `files`, where git ignores them (ejs's lib/cjs, a dist/, validator.js's root index.js and
 * lib/). A suite that loads the package as published (`require('..')`) fails without them, as it would
 * in the project's CI after its build step.
 */
async function builtEntryFiles(root: string): Promise<string[]> {
  let manifest: unknown
  try {
    manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
  } catch {
    return []
  }
  if (typeof manifest !== 'object' || manifest === null) return []
  const targets: string[] = []
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value)
    else if (Array.isArray(value)) value.forEach(collect)
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collect)
  }
  const fields = manifest as Record<string, unknown>
  for (const field of ['main', 'module', 'types', 'typings', 'exports', 'bin'])
    collect(fields[field])
  const published = Array.isArray(fields.files) ? fields.files : []
  const folders = new Set<string>()
  const inside = (target: unknown): string | null => {
    if (typeof target !== 'string') return null
    const path = posix.normalize(target.replace(/^\.\//, '')).replace(/\/+$/, '')
    if (path === '.' || path.startsWith('..') || path.startsWith('/') || path.includes('*'))
      return null
    return path.split('/').some((part) => SKIPPED_DIRS.has(part)) ? null : path
  }
  for (const target of targets) {
    const path = inside(target)
    if (path) folders.add(posix.dirname(path) === '.' ? path : posix.dirname(path))
  }
  for (const entry of published) {
    const path = inside(entry)
    if (path) folders.add(path)
  }
  if (folders.size === 0) return []
  const stdout = await runGit(
    root,
    ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--', ...folders],
    { maxBuffer: 64 * 1024 * 1024 }
  )
  return stdout
    .split('\0')
    .filter((f) => f && !f.split('/').some((part) => SKIPPED_DIRS.has(part)))
    .slice(0, MAX_BUILT_FILES)
}

async function walk(root: string): Promise<string[]> {
  const found: string[] = []
  const stack = ['']
  while (stack.length > 0 && found.length < MAX_FILES) {
    const dir = stack.pop()!
    for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) stack.push(rel)
      } else if (entry.isFile() || entry.isSymbolicLink()) found.push(rel)
    }
  }
  return found
}

function skipped(path: string, exclude: readonly string[]): boolean {
  const parts = path.split('/')
  if (parts.some((p) => SKIPPED_DIRS.has(p))) return true
  return exclude.some((e) => path === e || path.startsWith(`${e.replace(/\/+$/, '')}/`))
}

export async function createSandbox(
  workspace: string,
  options: SandboxOptions = {}
): Promise<Sandbox> {
  const source = await realpath(resolve(workspace))
  const parent = await realpath(options.tempParent ?? tmpdir())
  const inside = relative(source, parent)
  if (!inside.startsWith('..') && !inside.startsWith(sep) && inside !== '..') {
    throw new Error(
      `the temporary folder ${parent} is inside the workspace ${source}: choose one outside it (TMPDIR)`
    )
  }
  const root = await mkdtemp(join(parent, 'test-planning-run-'))
  const dispose = async (): Promise<void> => {
    await rm(root, { recursive: true, force: true })
  }
  try {
    const listed = (await gitFiles(source)) ?? (await walk(source))
    const files = listed.filter((f) => !skipped(f, options.exclude ?? [])).slice(0, MAX_FILES)
    for (const file of files) {
      const from = join(source, ...file.split(posix.sep))
      let info
      try {
        info = await lstat(from)
      } catch {
        continue // listed by git but deleted in the working tree
      }
      if (!info.isFile() && !info.isSymbolicLink()) continue
      const to = join(root, ...file.split(posix.sep))
      await mkdir(dirname(to), { recursive: true })
      await cp(from, to, { verbatimSymlinks: true, preserveTimestamps: true })
    }
    await linkDependencies(source, root)
    return { root, source, files: files.length, dispose }
  } catch (error) {
    await dispose()
    throw error
  }
}

/** node_modules and virtualenvs, at the root and in workspace packages one level down. */
async function linkDependencies(source: string, root: string): Promise<void> {
  const candidates = [...LINKED_DIRS]
  for (const group of ['packages', 'apps', 'libs']) {
    try {
      for (const entry of await readdir(join(source, group), { withFileTypes: true })) {
        if (entry.isDirectory()) candidates.push(`${group}/${entry.name}/node_modules`)
      }
    } catch {
      // no such folder
    }
  }
  for (const rel of candidates) {
    const from = join(source, rel)
    try {
      if (!(await stat(from)).isDirectory()) continue
    } catch {
      continue
    }
    const to = join(root, rel)
    await mkdir(dirname(to), { recursive: true })
    await symlink(from, to, 'dir')
  }
}

/** Writes `content` at `path` (relative, posix) inside the sandbox, refusing paths that leave it. */
export async function writeInside(
  sandboxRoot: string,
  path: string,
  content: string
): Promise<string> {
  const target = resolve(sandboxRoot, ...path.split('/'))
  const rel = relative(sandboxRoot, target)
  // Linked dependency folders point into the workspace: writing through them would modify it.
  if (
    rel.startsWith('..') ||
    isAbsolute(rel) ||
    rel.split(sep).some((part) => LINKED_DIRS.includes(part))
  ) {
    throw new Error(`spec path ${path} leaves the temporary copy`)
  }
  await mkdir(dirname(target), { recursive: true })
  const real = relative(await realpath(sandboxRoot), await realpath(dirname(target)))
  if (real.startsWith('..') || isAbsolute(real))
    throw new Error(`spec path ${path} leaves the temporary copy`)
  await writeFile(target, content)
  return target
}
