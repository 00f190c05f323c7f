// The pipeline reads the base only when a selected perspective needs it, and passes it on: the
// backwards-compat run of `plan` compares with the --base-ref (or the latest semver tag) through git.
import { afterAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { parseCli } from '../../src/config/cli-args.js'
import type { RunConfig } from '../../src/config/types.js'
import { recordingLogger } from '../../src/log.js'
import { cliEnvironment } from '../../src/pipeline/environment.js'
import { runPlan } from '../../src/pipeline/plan.js'
import { cleanUp, commitAll, git, gitInit, tempDir, writeFiles } from '../repo/helpers.js'

afterAll(cleanUp)

const fixedNow = () => new Date('2026-11-24T20:00:00.000Z')

function released(): string {
  const root = tempDir('plan-base-')
  gitInit(root)
  writeFiles(root, {
    'src/index.ts':
      'export function greet(name: string): string {\n  return name\n}\nexport function bye(): void {}\n'
  })
  commitAll(root, 'one')
  git(root, ['tag', 'v1.0.0'])
  writeFiles(root, {
    'src/index.ts':
      'export function greet(name: string, greeting: string): string {\n  return greeting + name\n}\n'
  })
  commitAll(root, 'two')
  return root
}

function config(root: string, ...args: string[]): RunConfig {
  const command = parseCli(['plan', root, '--out', join(root, '.out'), ...args], root, PERSPECTIVES)
  if (command.command !== 'plan') throw new Error('not plan')
  return command.config
}

describe('runPlan with a base', () => {
  it('reads the latest semver tag with git and gives backwards-compat the comparison', async () => {
    const root = released()
    const logger = recordingLogger()
    const outcome = await runPlan(
      config(root, '-p', 'backwards-compat'),
      cliEnvironment({}),
      logger,
      PERSPECTIVES,
      fixedNow
    )
    expect(logger.messages('group')).toContain('Read the base version')
    expect(logger.text()).toMatch(
      /Base v1\.0\.0 \([0-9a-f]{12}\): 1 source files read with git in \d+ ms/
    )
    const run = outcome.runs[0]
    expect(run.findings.map((f) => [f.messageId, f.file, f.startLine])).toEqual([
      ['apiRemoved', null, null], // bye, read from src/index.ts by the TypeScript compiler
      ['apiChanged', 'src/index.ts', 1] // greet: required greeting added
    ])
  })

  it('takes --base-ref over the tags, and reports an unknown ref as the reason there is no base', async () => {
    const root = released()
    const same = await runPlan(
      config(root, '-p', 'backwards-compat', '--base-ref', 'HEAD', '--dry-run'),
      cliEnvironment({}),
      recordingLogger(),
      PERSPECTIVES,
      fixedNow
    )
    expect(same.runs[0].findings).toEqual([])
    expect(same.runs[0].details).toMatchObject({ base: { ref: 'HEAD', how: 'input' } })
    const logger = recordingLogger()
    const missing = await runPlan(
      config(root, '-p', 'backwards-compat', '--base-ref', 'v0.0.9', '--dry-run'),
      cliEnvironment({}),
      logger,
      PERSPECTIVES,
      fixedNow
    )
    expect(missing.runs[0].findings).toEqual([])
    expect(logger.text()).toContain(
      'No base to compare with: base-ref "v0.0.9" does not name a commit'
    )
    expect(missing.runs[0].report).toContain('the base is unavailable')
  })

  it('does not read the base for perspectives that do not need it', async () => {
    const root = released()
    const logger = recordingLogger()
    await runPlan(
      config(root, '-p', 'scope', '--dry-run'),
      cliEnvironment({}),
      logger,
      PERSPECTIVES,
      fixedNow
    )
    expect(logger.messages('group')).not.toContain('Read the base version')
  })

  it('refuses a base-ref that git would read as an option or a range', () => {
    expect(() => config(tempDir('x-'), '--base-ref', '--output=/tmp/x')).toThrow()
    expect(() => config(tempDir('x-'), '--base-ref=v1..v2')).toThrow(
      "--base-ref: 'v1..v2' is not a git ref"
    )
  })
})
