// The base-ref input and --base-ref flag: a git ref for backwards-compat, empty means automatic.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { parseCli } from '../../src/config/cli-args.js'
import { parseBaseRef, readActionConfig } from '../../src/config/inputs.js'
import { ConfigurationError } from '../../src/util/errors.js'

const actionYml = parse(readFileSync(join(process.cwd(), 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string; description: string }>
}

describe('base-ref', () => {
  it('is declared in action.yml with an empty default', () => {
    expect(actionYml.inputs['base-ref']).toMatchObject({ default: '' })
    expect(actionYml.inputs['base-ref'].description).toContain('fetch-depth: 0')
  })

  it('reaches RunConfig from the action input and from the CLI flag', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'base-ref-'))
    try {
      const inputs: Record<string, string> = Object.fromEntries(
        Object.entries(actionYml.inputs).map(([k, v]) => [k, v.default ?? ''])
      )
      const read = (extra: Record<string, string>) =>
        readActionConfig(
          (name) => ({ ...inputs, ...extra })[name] ?? '',
          { GITHUB_WORKSPACE: workspace },
          PERSPECTIVES
        )
      expect(read({}).baseRef).toBe('')
      expect(read({ 'base-ref': ' v2.1.0 ' }).baseRef).toBe('v2.1.0')
      const command = parseCli(
        ['plan', workspace, '--base-ref', 'origin/main~3'],
        workspace,
        PERSPECTIVES
      )
      expect(command.command === 'plan' && command.config.baseRef).toBe('origin/main~3')
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })

  it('refuses what git would read as an option, a range or two words', () => {
    for (const bad of ['-x', '--upload-pack=evil', 'v1..v2', 'v1 v2']) {
      expect(() => parseBaseRef('base-ref', bad)).toThrow(ConfigurationError)
    }
    expect(() => parseBaseRef('base-ref', 'v1..v2')).toThrow(
      "base-ref: 'v1..v2' is not a git ref. Give a tag, branch or commit"
    )
    expect(parseBaseRef('base-ref', '0123abc')).toBe('0123abc')
  })
})
