// The bundled command-line program (dist/cli.js), run as a user runs it.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PlanRecord } from '../../src/records/types.js'
import { TOOL_VERSION } from '../../src/pipeline/version.js'
import {
  ensureBundle,
  FIXTURE_FILES,
  installAction,
  makeRepository,
  runtimes,
  type Runtime
} from './harness.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures')

interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

function cli(runtime: Runtime, script: string, args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(runtime.node, [script, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1' }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe.each(runtimes().available.map((r) => [r.name, r] as [string, Runtime]))(
  'test-planning CLI on %s',
  (_name, runtime) => {
    let temp: string
    let script: string
    let repo: string

    beforeAll(async () => {
      await ensureBundle()
      temp = mkdtempSync(join(tmpdir(), 'e2e-cli-'))
      script = join(installAction(temp), 'dist', 'cli.js')
      repo = join(temp, 'repo')
      await makeRepository(repo, FIXTURE_FILES)
    }, 300_000)
    afterAll(() => rmSync(temp, { recursive: true, force: true }))

    const run = (...args: string[]) => cli(runtime, script, args, temp)

    it.each([
      [['plan', '--bogus'], "test-planning: Unknown option '--bogus'"],
      [['frobnicate'], "test-planning: unknown command 'frobnicate' (commands: plan, model, docs)"],
      [[], 'test-planning: no command given'],
      [['plan', 'repo', '--perspective', '99'], "--perspective: unknown perspective '99'"],
      [
        ['plan', 'repo', '--format', 'xml'],
        "--format: 'xml' is not accepted. Use one of: text, markdown, json."
      ]
    ])(
      '%j: exit 2, the problem and the usage on stderr, nothing on stdout',
      async (args, message) => {
        const result = await run(...args)
        expect(result.code).toBe(2)
        expect(result.stderr).toContain(message)
        expect(result.stderr).toContain('Usage:\n  test-planning plan [path] [options]')
        expect(result.stdout).toBe('')
      }
    )

    it('--version and --help', async () => {
      expect(await run('--version')).toEqual({
        code: 0,
        stdout: `test-planning ${TOOL_VERSION}\n`,
        stderr: ''
      })
      const help = await run('--help')
      expect(help.code).toBe(0)
      expect(help.stdout).toContain(
        'Exit codes: 0 done, 1 the --fail-on threshold was crossed, 2 bad usage or configuration'
      )
    })

    it('plan takes the local rotation, writes the records under --out and reports on stdout', async () => {
      const out = join(temp, 'results-rotation')
      const first = await run('plan', 'repo', '--out', out)
      expect(first.code).toBe(0)
      expect(first.stdout).toContain('1. Scope (scope)')
      expect(readFileSync(join(out, 'cursor.json'), 'utf8')).toBe(
        '{"next":"failure-modes","iteration":2}\n'
      )
      const latest = JSON.parse(
        readFileSync(join(out, 'latest', 'scope.json'), 'utf8')
      ) as PlanRecord
      expect(latest).toMatchObject({
        perspective_id: 'scope',
        trigger: 'cli',
        status: 'ok',
        repository: 'repo',
        files_analysed: 4
      })
      const dataFiles = readdirSync(join(out, 'data'), { recursive: true }).filter((p) =>
        String(p).endsWith('.jsonl')
      )
      expect(dataFiles).toHaveLength(1)

      const second = await run('plan', 'repo', '--out', out, '--format', 'json')
      expect(second.code).toBe(0)
      const records = JSON.parse(second.stdout) as PlanRecord[]
      expect(records.map((r) => [r.perspective_id, r.iteration])).toEqual([['failure-modes', 2]])
      expect(readFileSync(join(out, 'cursor.json'), 'utf8')).toBe(
        '{"next":"integration-points","iteration":3}\n'
      )
    })

    it('an explicit perspective leaves the local cursor alone; markdown is the job summary', async () => {
      const out = join(temp, 'results-explicit')
      const result = await run(
        'plan',
        'repo',
        '--out',
        out,
        '-p',
        'security',
        '--format',
        'markdown'
      )
      expect(result.code).toBe(0)
      expect(result.stdout).toContain('Security')
      expect(readdirSync(out).sort()).toEqual([
        '.gitignore',
        '.test-planning-results',
        'README.md',
        'badge.json',
        'data',
        'latest'
      ])
    })

    it('--fail-on exits 1 when a finding reaches the level, 0 when none does', async () => {
      const out = join(temp, 'results-fail')
      // ci-cd: the fixture has no CI (high); scope's one finding (an untested bin) is a minor class, rated info.
      const failing = await run('plan', 'repo', '--out', out, '-p', 'ci-cd', '--fail-on', 'low')
      expect(failing.code).toBe(1)
      expect(failing.stderr).toMatch(/fail-on low: \d+ finding\(s\) at low or above/)
      const passing = await run(
        'plan',
        'repo',
        '--out',
        out,
        '-p',
        'ci-cd',
        '--fail-on',
        'critical'
      )
      expect(passing.code).toBe(0)
      expect(passing.stderr).not.toMatch(/fail-on/)
    })

    it('model --json prints the code model of the repository', async () => {
      const result = await run('model', 'repo', '--json')
      expect(result.code).toBe(0)
      const model = JSON.parse(result.stdout) as { modules: { path: string; language: string }[] }
      expect(model.modules.map((m) => m.path).sort()).toEqual([
        'bin/cli.js',
        'src/index.js',
        'src/parse.js',
        'test/index.test.js'
      ])
      const surface = (
        JSON.parse(result.stdout) as {
          surface: { files: { path: string; class: string; reason: string }[] }
        }
      ).surface
      expect(surface.files.find((f) => f.path === 'test/index.test.js')).toMatchObject({
        class: 'test'
      })
      expect(surface.files.find((f) => f.path === 'src/parse.js')).toMatchObject({
        class: 'shipped'
      })
      // The test layout rides along: the repository's `node --test` script decides the runner.
      const layout = (
        model as unknown as { testLayout: { framework: string; runnerCommand: string[] } }
      ).testLayout
      expect([layout.framework, layout.runnerCommand]).toEqual(['node:test', ['node', '--test']])
    })

    it('model --json reads current TypeScript syntax with the bundled compiler: no syntax errors, every function', async () => {
      const modern = join(temp, 'modern')
      await makeRepository(modern, {
        'src/modern.ts': readFileSync(join(FIXTURES, 'ts-syntax', 'modern.ts'), 'utf8')
      })
      const result = await run('model', 'modern', '--json')
      expect(result.code).toBe(0)
      const model = JSON.parse(result.stdout) as {
        modules: { syntaxErrors: number; functions: { qualifiedName: string }[] }[]
      }
      expect(model.modules[0].syntaxErrors).toBe(0)
      expect(model.modules[0].functions.map((f) => f.qualifiedName)).toEqual(
        expect.arrayContaining(['first', 'Service.run', 'Store.get', 'eventName'])
      )
    })
  }
)
