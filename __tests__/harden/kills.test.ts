// The fault suite's subprocess part: the bundled CLI (dist/cli.js) killed at random points (seeded
// delays, SIGKILL), real concurrent runs on one results folder, and a start from a deleted directory.
// After every kill the results folder must be consistent (every row and latest file parses and is a
// valid record, the cursor parses and never goes back); the next run must take over the dead run's
// lock, clean its temporary files and succeed; concurrent runs queue on the lock and lose no update.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureBundle, FIXTURE_FILES, installAction, makeRepository } from '../e2e/harness.js'
import { PLANTED_TOKEN, plantedSecretRepository } from '../helpers/secrets.js'
import {
  leaksIn,
  newTally,
  note,
  report,
  resultsProblems,
  seeded,
  SUITE_SEED,
  textsUnder
} from './fault-kit.js'

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

let temp: string
let script: string
let repo: string

/** Runs the CLI; `killAfterMs` sends SIGKILL after that long (a random point of the run). */
function cli(args: string[], cwd: string, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1' }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    // A guard, not a measurement: a run that does not end is killed and reported as a hang.
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      clearTimeout(guard)
      resolve({ code, signal, stdout, stderr })
    })
  })
}

const cursorOf = (out: string): { next: string; iteration: number } | null =>
  existsSync(join(out, 'cursor.json'))
    ? (JSON.parse(readFileSync(join(out, 'cursor.json'), 'utf8')) as {
        next: string
        iteration: number
      })
    : null

const temps = (out: string): string[] =>
  readdirSync(out, { recursive: true })
    .map(String)
    .filter((p) => p.endsWith('.tmp'))

beforeAll(async () => {
  await ensureBundle()
  temp = mkdtempSync(join(tmpdir(), 'fault-kills-'))
  script = join(installAction(temp), 'dist', 'cli.js')
  repo = join(temp, 'repo')
  await makeRepository(repo, { ...FIXTURE_FILES, ...plantedSecretRepository() })
}, 300_000)
afterAll(() => rmSync(temp, { recursive: true, force: true }))

describe('fault suite: kills, concurrent runs, deleted directory (subprocesses)', () => {
  it('24 runs killed at random points leave consistent results, and the next run recovers', async () => {
    const started = performance.now()
    const tally = newTally('kills')
    const r = seeded(SUITE_SEED + 3)
    const out = join(temp, 'killed')
    let last = 0
    for (let n = 0; n < 24; n++) {
      const perspective = r.chance(0.25) ? ['--perspective', 'all'] : []
      const run = await cli(['plan', 'repo', '--out', out, ...perspective], temp, r.int(2500))
      tally.cases++
      const how = run.signal !== null ? 'killed' : String(run.code)
      tally.exits[how] = (tally.exits[how] ?? 0) + 1
      if (run.signal === null && run.code !== 0)
        note(tally, 'crashes', `#${n}: exit ${run.code}: ${run.stderr.slice(-300)}`)
      const problems = existsSync(out) ? resultsProblems(out) : []
      if (problems.length > 0) note(tally, 'losses', `#${n}: ${problems[0]}`)
      const cursor = existsSync(out) ? cursorOf(out) : null
      if (cursor && cursor.iteration < last)
        note(tally, 'losses', `#${n}: the cursor went back from ${last} to ${cursor.iteration}`)
      last = cursor?.iteration ?? last
    }
    // The next run: takes over the dead run's lock, removes its temporary files, and succeeds.
    const recovery = await cli(['plan', 'repo', '--out', out], temp)
    tally.cases++
    if (recovery.code !== 0)
      note(tally, 'crashes', `recovery run: exit ${recovery.code}: ${recovery.stderr.slice(-300)}`)
    if (temps(out).length > 0)
      note(tally, 'losses', `temporary files left: ${temps(out).join(', ')}`)
    if (existsSync(join(out, '.lock'))) note(tally, 'losses', 'the lock was not released')
    const leaks = leaksIn(
      [
        ...textsUnder(out),
        { path: 'stdout', text: recovery.stdout },
        { path: 'stderr', text: recovery.stderr }
      ],
      [PLANTED_TOKEN]
    )
    if (leaks.length > 0) note(tally, 'leaks', leaks[0])
    console.log(report(tally, started))
    expect(tally.problems).toEqual([])
    expect(cursorOf(out)!.iteration).toBeGreaterThanOrEqual(last)
  }, 600_000)

  it('two concurrent runs on one results folder never lose an update (3 rounds)', async () => {
    const out = join(temp, 'concurrent')
    let expected = 1
    for (let round = 0; round < 3; round++) {
      const runs = await Promise.all([
        cli(['plan', 'repo', '--out', out], temp),
        cli(['plan', 'repo', '--out', out], temp)
      ])
      expect(runs.map((r) => r.code)).toEqual([0, 0])
      expected += 2
      expect(cursorOf(out)).toMatchObject({ iteration: expected })
    }
    // Six runs, six different perspectives in rotation order, each stored once.
    const rows = readdirSync(join(out, 'data'), { recursive: true })
      .map(String)
      .filter((p) => p.endsWith('.jsonl'))
      .flatMap((p) =>
        readFileSync(join(out, 'data', p), 'utf8')
          .trim()
          .split('\n')
      )
      .map((l) => JSON.parse(l) as { perspective_number: number; iteration: number })
    expect(rows.map((r) => r.iteration).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6])
    expect(rows.map((r) => r.perspective_number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6])
  }, 600_000)

  it('a start from a deleted directory: exit 2 with a clear message, no stack trace', async () => {
    const gone = join(temp, 'gone')
    mkdirSync(gone)
    const run = await new Promise<Run>((resolve, reject) => {
      const child = spawn(
        'sh',
        [
          '-c',
          `cd "$1" && rmdir "$1" && exec "$2" "$3" plan .`,
          'sh',
          gone,
          process.execPath,
          script
        ],
        { env: { PATH: process.env.PATH ?? '' } }
      )
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
      child.on('error', reject)
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('no longer exists')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  }, 60_000)
})
