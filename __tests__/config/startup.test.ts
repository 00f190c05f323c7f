// Options are checked when the run starts: a bad value for any perspective (even one whose turn is
// weeks away) stops the CLI with exit code 2 before anything runs, and the results folder keeps what
// earlier runs computed. Good values reach analyse with every other option at its default.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { defineOptions, definePerspective, notImplemented } from '../../perspectives/define.js'
import { PERSPECTIVES } from '../../perspectives/index.js'
import type { OptionsOf } from '../../perspectives/types.js'
import { main, type CliIO } from '../../src/cli.js'
import { runPerspective } from '../../src/engine/run-perspective.js'
import type { CodeModel } from '../../src/model/types.js'
import { ConfigurationError } from '../../src/util/errors.js'
import { FIXTURE_FILES, makeRepository } from '../e2e/harness.js'

function io(cwd: string): CliIO & { out: () => string; err: () => string } {
  let out = ''
  let err = ''
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env: { NO_COLOR: '1' },
    cwd,
    out: () => out,
    err: () => err
  }
}

/** Every file under `dir` with its content, to compare a folder before and after. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else files[relative(dir, path)] = readFileSync(path, 'utf8')
    }
  }
  walk(dir)
  return files
}

describe('options checked at start-up', () => {
  let temp: string
  let repo: string
  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'startup-'))
    repo = join(temp, 'repo')
    await makeRepository(repo, FIXTURE_FILES)
  })
  afterAll(() => rmSync(temp, { recursive: true, force: true }))

  it('stops with exit 2 on a bad option of another perspective, and loses nothing computed', async () => {
    const out = join(temp, 'out')
    const first = io(temp)
    expect(await main(['plan', repo, '--perspective', 'scope', '--out', out], first)).toBe(0)
    const before = snapshot(out)
    expect(Object.keys(before).some((f) => f.endsWith('.jsonl'))).toBe(true)

    const config = join(temp, 'bad.yml')
    writeFileSync(config, 'perspectives:\n  security:\n    maxFindings: -1\n')
    const second = io(temp)
    const code = await main(
      ['plan', repo, '--perspective', 'scope', '--out', out, '--config', config],
      second
    )
    expect(code).toBe(2)
    expect(second.err()).toContain(
      "perspectives.security.maxFindings: -1 is not accepted: security's option maxFindings takes a whole number of at least 0 (default 200)."
    )
    expect(second.err()).not.toMatch(/Run perspective|Load the repository/)
    expect(second.out()).toBe('')
    expect(snapshot(out)).toEqual(before)
  })

  it('stops on a mistyped option name with a suggestion', async () => {
    const config = join(temp, 'typo.yml')
    writeFileSync(config, 'perspectives:\n  scope:\n    maxSpec: 1\n')
    const run = io(temp)
    const out = join(temp, 'never-written')
    expect(await main(['plan', repo, '--out', out, '--config', config], run)).toBe(2)
    expect(run.err()).toContain(
      "perspectives.scope.maxSpec: unknown option of scope. Did you mean 'maxSpecs'?"
    )
    expect(() => statSync(out)).toThrow()
  })

  it('hands a good value to the perspective (scope writes at most maxSpecs specs)', async () => {
    const config = join(temp, 'good.yml')
    writeFileSync(config, 'perspectives:\n  scope:\n    maxSpecs: 1\n')
    const run = io(temp)
    const args = ['plan', repo, '--perspective', 'scope', '--format', 'json', '--dry-run']
    expect(await main([...args, '--out', join(temp, 'one'), '--config', config], run)).toBe(0)
    const [record] = JSON.parse(run.out()) as { specs: unknown[] }[]
    const defaults = io(temp)
    expect(await main([...args, '--out', join(temp, 'all')], defaults)).toBe(0)
    const [full] = JSON.parse(defaults.out()) as { specs: unknown[] }[]
    expect(full.specs.length).toBeGreaterThan(1)
    expect(record.specs).toHaveLength(1)
  })
})

describe('defaults reach analyse', () => {
  const OPTIONS = defineOptions({
    limit: { type: 'integer', minimum: 1, default: 5, description: 'A limit.' },
    mode: { type: 'string', enum: ['fast', 'slow'], default: 'fast', description: 'A mode.' },
    owners: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      default: ['a'],
      description: 'Owners.'
    }
  })
  type Options = OptionsOf<typeof OPTIONS>
  const seen: Options[] = []
  const probe = definePerspective<string, Options>({
    meta: { ...PERSPECTIVES[0].meta, implemented: true },
    options: OPTIONS,
    analyse: ({ options }) => {
      seen.push(options)
      options.owners.push('changed by the perspective')
      return notImplemented()
    }
  })
  const context = {
    model: { modules: [], facts: { manifests: [], ci: [] } } as unknown as CodeModel,
    target: { framework: 'jest', language: 'typescript' } as const,
    now: '2026-12-06T00:00:00.000Z'
  }

  it('fills every option the user left out, typed, and a list default stays the schema’s', async () => {
    seen.length = 0
    await runPerspective(probe, { ...context, options: { mode: 'slow' } })
    await runPerspective(probe, context)
    expect(seen).toEqual([
      { limit: 5, mode: 'slow', owners: ['a', 'changed by the perspective'] },
      { limit: 5, mode: 'fast', owners: ['a', 'changed by the perspective'] }
    ])
    expect(OPTIONS.properties.owners.default).toEqual(['a'])
  })

  it('refuses a bad value before analyse runs, as a ConfigurationError (not a failed run)', async () => {
    seen.length = 0
    await expect(runPerspective(probe, { ...context, options: { limit: 0 } })).rejects.toThrow(
      ConfigurationError
    )
    expect(seen).toEqual([])
  })
})
