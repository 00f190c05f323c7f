// Files the run reads and writes: the config file stays inside the repository and is read with a
// limit, the results folder is ours alone (marked, git-ignored, never the repository or a system
// folder), killed runs' temporary files are cleaned, one run at a time holds the folder, git runs
// none of the repository's programs, and the CLI's exit codes mean what the README says.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { main, type CliIO } from '../../src/cli.js'
import { MAX_CONFIG_BYTES, readConfigFile } from '../../src/config/file.js'
import { listWithGit } from '../../src/repo/list-files.js'
import {
  claimResultsFolder,
  cleanLeftoverTemps,
  MARKER_FILE
} from '../../src/sinks/results-folder.js'
import { lockResultsFolder, ResultsFolderBusyError } from '../../src/sinks/results-lock.js'
import { ConfigurationError } from '../../src/util/errors.js'
import { makeRepository } from '../e2e/harness.js'

let temp: string
let repo: string
beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'harden-files-'))
  repo = join(temp, 'repo')
  await makeRepository(repo, { 'README.md': '# mine\n', 'src/a.js': 'export const a = 1\n' })
}, 60_000)
afterAll(() => rmSync(temp, { recursive: true, force: true }))

function cliIO(cwd: string): CliIO & { out: () => string; err: () => string } {
  let stdout = ''
  let stderr = ''
  return {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { PATH: process.env.PATH },
    cwd,
    out: () => stdout,
    err: () => stderr
  }
}

const configError = (fn: () => unknown): string => {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigurationError')
}

describe('the config file', () => {
  const SECRET_LINE = 'framework: [unclosed secret-looking-content-42'

  it('refuses a link that leads out of the repository, without quoting what it points at', () => {
    const root = join(temp, 'cfg-link')
    mkdirSync(root)
    writeFileSync(join(temp, 'outside.yml'), `${SECRET_LINE}\n`)
    symlinkSync(join(temp, 'outside.yml'), join(root, '.test-planning.yml'))
    const message = configError(() =>
      readConfigFile(join(root, '.test-planning.yml'), PERSPECTIVES, root)
    )
    expect(message).toContain('it is a link that leads outside the repository')
    expect(message).not.toContain('secret-looking')
  })

  it.each(['/dev/zero', '/dev/urandom', '/dev/stdin'])('refuses a link to %s at once', (device) => {
    const root = mkdtempSync(join(temp, 'cfg-dev-'))
    symlinkSync(device, join(root, '.test-planning.yml'))
    expect(
      configError(() => readConfigFile(join(root, '.test-planning.yml'), PERSPECTIVES, root))
    ).toMatch(/cannot use .*: it (is a link that leads outside|cannot be)/)
  })

  it('refuses a device or a FIFO named directly, without blocking', () => {
    expect(configError(() => readConfigFile('/dev/zero', PERSPECTIVES, null))).toContain(
      'not a regular file'
    )
    const fifo = join(temp, 'config.fifo')
    execFileSync('mkfifo', [fifo])
    expect(configError(() => readConfigFile(fifo, PERSPECTIVES, null))).toContain(
      'not a regular file'
    )
  })

  it('refuses a file over 1 MiB', () => {
    const big = join(temp, 'big.yml')
    writeFileSync(big, `# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`)
    expect(configError(() => readConfigFile(big, PERSPECTIVES, null))).toContain(
      `larger than ${MAX_CONFIG_BYTES} bytes`
    )
  })

  it('follows a link that stays inside the repository', () => {
    const root = join(temp, 'cfg-inside')
    mkdirSync(join(root, 'conf'), { recursive: true })
    writeFileSync(join(root, 'conf', 'tp.yml'), 'historyDays: 30\n')
    symlinkSync('conf/tp.yml', join(root, '.test-planning.yml'))
    expect(readConfigFile(join(root, '.test-planning.yml'), PERSPECTIVES, root).historyDays).toBe(
      30
    )
  })

  it('names the place and the type of a bad value, never the text', () => {
    const file = join(temp, 'bad.yml')
    writeFileSync(file, `${SECRET_LINE}\n`)
    const yamlError = configError(() => readConfigFile(file, PERSPECTIVES, null))
    expect(yamlError).toMatch(/not valid YAML at line \d+, column \d+/)
    expect(yamlError).not.toContain('secret-looking')
    writeFileSync(file, 'perspectives:\n  scope:\n    maxSpecs: "hunter2-password"\n')
    const typeError = configError(() => readConfigFile(file, PERSPECTIVES, null))
    expect(typeError).toContain(
      'perspectives.scope.maxSpecs: a string (16 characters) is not accepted'
    )
    expect(typeError).not.toContain('hunter2')
  })
})

describe('the results folder', () => {
  it.each([
    ['the repository root', () => repo, 'it is the analysed repository itself'],
    ['a folder above the repository', () => temp, 'the analysed repository is inside it'],
    ['/', () => '/', 'the file system root'],
    ['/proc/self', () => '/proc/self', 'under /proc'],
    ['the .git folder', () => join(repo, '.git', 'results'), '.git folder'],
    ['a file', () => join(repo, 'README.md'), 'not a directory'],
    [
      "a folder of someone else's files",
      () => join(repo, 'src'),
      'holds files test-planning did not write (a.js)'
    ]
  ])('refuses %s', (_name, dir, why) => {
    expect(configError(() => claimResultsFolder(dir(), { root: repo }))).toContain(why)
  })

  it('marks a folder it creates, with a .gitignore holding *', () => {
    const dir = join(repo, '.test-planning')
    claimResultsFolder(dir, { root: repo })
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', MARKER_FILE])
    expect(readFileSync(join(dir, '.gitignore'), 'utf8').split('\n')).toContain('*')
    // git now ignores the folder: it is never committed by accident.
    expect(
      execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], {
        cwd: repo,
        encoding: 'utf8'
      })
    ).toBe('')
    rmSync(dir, { recursive: true })
  })

  it('adopts a folder written before the marker existed', () => {
    const dir = join(temp, 'legacy')
    mkdirSync(join(dir, 'latest'), { recursive: true })
    writeFileSync(join(dir, 'cursor.json'), '{"next":"scope","iteration":3}\n')
    writeFileSync(join(dir, 'README.md'), 'card\n')
    claimResultsFolder(dir, { root: repo })
    expect(existsSync(join(dir, MARKER_FILE))).toBe(true)
  })

  it('--out <repository> exits 2 and leaves the README alone', async () => {
    const io = cliIO(temp)
    expect(await main(['plan', repo, '--out', repo], io)).toBe(2)
    expect(io.err()).toContain('it is the analysed repository itself')
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('# mine\n')
  })

  it('removes the temporary files of runs that died, not those of live runs', () => {
    const dir = join(temp, 'temps')
    mkdirSync(join(dir, 'latest'), { recursive: true })
    writeFileSync(join(dir, 'latest', 'scope.json.999991.1700000000000.tmp'), 'half')
    writeFileSync(join(dir, 'cursor.json.999992.tmp'), 'half')
    writeFileSync(join(dir, 'cursor.json.4242.tmp'), 'a live run is writing this')
    expect(cleanLeftoverTemps(dir, (pid) => pid === 4242)).toBe(2)
    expect(
      readdirSync(dir, { recursive: true })
        .map(String)
        .filter((p) => p.endsWith('.tmp'))
    ).toEqual(['cursor.json.4242.tmp'])
  })
})

describe('the results-folder lock', () => {
  const fakeTime = () => {
    let clock = 1_000_000
    return { now: () => clock, sleep: async (ms: number) => void (clock += ms) }
  }

  it('makes a second run wait, then fail clearly when the first does not finish', async () => {
    const dir = mkdtempSync(join(temp, 'lock-'))
    const first = await lockResultsFolder(dir, fakeTime())
    const waits: string[] = []
    const error = await lockResultsFolder(dir, {
      ...fakeTime(),
      waitMs: 5_000,
      onWait: (w) => waits.push(w)
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResultsFolderBusyError)
    expect((error as Error).message).toMatch(
      new RegExp(
        `another test-planning run \\(pid ${process.pid} on .*\\) still holds the results folder`
      )
    )
    expect(waits).toHaveLength(1)
    first.release()
    const second = await lockResultsFolder(dir, fakeTime())
    second.release()
    expect(readdirSync(dir)).toEqual([])
  })

  it('takes over a lock whose process is gone, or that is too old', async () => {
    const dir = mkdtempSync(join(temp, 'lock-'))
    writeFileSync(
      join(dir, '.lock'),
      JSON.stringify({ pid: 999_999, host: (await import('node:os')).hostname(), started: 1 })
    )
    const taken = await lockResultsFolder(dir, { ...fakeTime(), isAlive: () => false, waitMs: 0 })
    taken.release()
    writeFileSync(
      join(dir, '.lock'),
      JSON.stringify({ pid: process.pid, host: 'elsewhere', started: 0 })
    )
    const old = await lockResultsFolder(dir, { ...fakeTime(), maxAgeMs: 1000, waitMs: 0 })
    old.release()
    writeFileSync(join(dir, '.lock'), 'half a lock')
    const unreadable = await lockResultsFolder(dir, { ...fakeTime(), waitMs: 0 })
    unreadable.release()
  })
})

describe('git and the analysed repository', () => {
  it('never runs a core.fsmonitor, hook or external diff the repository configures', async () => {
    const root = join(temp, 'fsmonitor')
    await makeRepository(root, { 'a.js': 'export const a = 1\n' })
    const marker = join(temp, 'fsmonitor-ran')
    const program = join(temp, 'evil.sh')
    writeFileSync(program, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 })
    execFileSync('git', ['config', 'core.fsmonitor', program], { cwd: root })
    execFileSync('git', ['config', 'diff.external', program], { cwd: root })
    execFileSync('git', ['config', 'core.hooksPath', temp], { cwd: root })
    // The planted program does run for a plain git (the fixture is armed).
    execFileSync('git', ['status', '--porcelain'], { cwd: root })
    expect(existsSync(marker)).toBe(true)
    rmSync(marker)
    const listed = await listWithGit(root)
    expect('paths' in listed && listed.paths.map((p) => p.path)).toContain('a.js')
    const io = cliIO(temp)
    expect(await main(['plan', root, '--perspective', 'all', '--dry-run'], io)).toBe(0)
    expect(existsSync(marker)).toBe(false)
  }, 60_000)
})

describe('the CLI', () => {
  it('started from a deleted directory: a clear message and exit 2, not a stack trace', async () => {
    const gone = join(temp, 'gone')
    mkdirSync(gone)
    rmSync(gone, { recursive: true })
    const io = cliIO(gone)
    expect(await main(['plan', '.'], io)).toBe(2)
    expect(io.err()).toContain('no longer exists')
    expect(io.err()).not.toMatch(/\n\s+at /)
  })
})
