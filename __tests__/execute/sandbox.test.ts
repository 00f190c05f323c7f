// The temporary copy holds what the code imports: git's files, plus the Python modules a build writes
// beside the sources (ignored by git, e.g. hatch-vcs's `_version.py`), but not build folders or
// other ignored files.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSandbox } from '../../src/execute/sandbox.js'

async function write(ws: string, path: string, text: string): Promise<void> {
  await mkdir(join(ws, path, '..'), { recursive: true })
  await writeFile(join(ws, path), text)
}

/** The workspace as one commit: the copy reads git's file list. */
function commitAll(ws: string): void {
  const git = (...args: string[]): void => {
    execFileSync('git', ['-C', ws, '-c', 'user.email=t@t', '-c', 'user.name=t', ...args], {
      stdio: 'ignore'
    })
  }
  git('init', '-q')
  git('add', '-A')
  git('commit', '-q', '-m', 'fixture')
}

test('an ignored _version.py beside the package is copied; build/ and other ignored files are not', async () => {
  const ws = await mkdtemp(join(tmpdir(), 'tp-sandbox-'))
  try {
    await write(ws, '.gitignore', 'src/*/_version.py\nbuild/\n*.log\n')
    await write(ws, 'src/pkg/__init__.py', 'from ._version import version\n')
    await write(ws, 'src/pkg/_version.py', "version = '1.0'\n")
    await write(ws, 'build/lib/pkg/__init__.py', '')
    await write(ws, 'run.log', 'x\n')
    commitAll(ws)
    const sandbox = await createSandbox(ws)
    try {
      expect(existsSync(join(sandbox.root, 'src/pkg/__init__.py'))).toBe(true)
      expect(existsSync(join(sandbox.root, 'src/pkg/_version.py'))).toBe(true)
      expect(existsSync(join(sandbox.root, 'build/lib/pkg/__init__.py'))).toBe(false)
      expect(existsSync(join(sandbox.root, 'run.log'))).toBe(false)
    } finally {
      await sandbox.dispose()
    }
  } finally {
    await rm(ws, { recursive: true, force: true })
  }
})

test("the build a package's entry points name is copied where git ignores it; other ignored output is not", async () => {
  const ws = await mkdtemp(join(tmpdir(), 'tp-sandbox-built-'))
  try {
    await write(ws, '.gitignore', 'lib/cjs/\ndist/\ncoverage/\n')
    await write(
      ws,
      'package.json',
      JSON.stringify({
        name: 'built',
        main: './lib/cjs/index.js',
        exports: { import: './lib/esm/index.js', require: './lib/cjs/index.js' },
        bin: { built: './dist/cli.js' }
      })
    )
    await write(ws, 'lib/esm/index.js', 'export default 1\n')
    await write(ws, 'lib/cjs/index.js', 'module.exports = 1\n')
    await write(ws, 'lib/cjs/utils.js', 'module.exports = {}\n')
    await write(ws, 'dist/cli.js', '#!/usr/bin/env node\n')
    await write(ws, 'coverage/lcov.info', 'TN:\n')
    commitAll(ws)
    const sandbox = await createSandbox(ws)
    try {
      for (const built of ['lib/cjs/index.js', 'lib/cjs/utils.js', 'dist/cli.js'])
        expect(existsSync(join(sandbox.root, built))).toBe(true)
      expect(existsSync(join(sandbox.root, 'coverage/lcov.info'))).toBe(false)
    } finally {
      await sandbox.dispose()
    }
  } finally {
    await rm(ws, { recursive: true, force: true })
  }
})

test("a build at the package root and in its published `files` is copied (validator.js's index.js and lib/)", async () => {
  const ws = await mkdtemp(join(tmpdir(), 'tp-sandbox-root-'))
  try {
    await write(ws, '.gitignore', '/index.js\n/lib/\n/build.log\n')
    await write(
      ws,
      'package.json',
      JSON.stringify({
        name: 'root-built',
        main: 'index.js',
        files: ['index.js', 'lib', 'README.md']
      })
    )
    await write(ws, 'src/index.js', 'export default 1\n')
    await write(ws, 'index.js', 'module.exports = require("./lib/util")\n')
    await write(ws, 'lib/util.js', 'module.exports = 1\n')
    await write(ws, 'build.log', 'built\n')
    commitAll(ws)
    const sandbox = await createSandbox(ws)
    try {
      for (const built of ['index.js', 'lib/util.js', 'src/index.js'])
        expect(existsSync(join(sandbox.root, built))).toBe(true)
      expect(existsSync(join(sandbox.root, 'build.log'))).toBe(false)
    } finally {
      await sandbox.dispose()
    }
  } finally {
    await rm(ws, { recursive: true, force: true })
  }
})
