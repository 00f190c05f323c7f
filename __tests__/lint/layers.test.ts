// The layers are enforced by lint (eslint.config.js): a deliberate violation, linted as if it were a
// file in the tree, must fail, and the imports the contract allows must pass.
import { ESLint } from 'eslint'

const eslint = new ESLint({ cwd: process.cwd() })

async function restricted(filePath: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath })
  return result.messages
    .filter((m) => m.ruleId?.startsWith('no-restricted-'))
    .map((m) => `${m.line}:${m.ruleId}`)
}

describe('layers in lint', () => {
  it('keeps I/O, the clock and engine internals out of perspectives', async () => {
    const text = [
      "import { readFileSync } from 'node:fs'",
      "import { request } from 'https'",
      "import { execFile } from 'node:child_process'",
      "import { summary } from '../../src/report/summary.js'",
      "import { run } from '../../src/engine/run-perspective.js'",
      "import { upload } from '../../src/sinks/huggingface.js'",
      'export const clock = Date.now()',
      'export const today = new Date()',
      'export const env = process.env.HOME',
      'export const all = [readFileSync, request, execFile, summary, run, upload]',
      ''
    ].join('\n')
    expect(await restricted('perspectives/scope/leak.ts', text)).toEqual([
      '1:no-restricted-imports',
      '2:no-restricted-imports',
      '3:no-restricted-imports',
      '4:no-restricted-imports',
      '5:no-restricted-imports',
      '6:no-restricted-imports',
      '7:no-restricted-syntax',
      '8:no-restricted-syntax',
      '9:no-restricted-globals'
    ])
  })

  it('lets perspectives import the contract, the model and spec types, shared helpers and pure paths', async () => {
    const text = [
      "import { posix } from 'node:path'",
      "import type { CodeModel } from '../../src/model/types.js'",
      "import type { SpecDraft } from '../../src/specs/types.js'",
      "import { findingId } from '../contract.js'",
      "import { definePerspective } from '../define.js'",
      "import type { Severity } from '../types.js'",
      "import { exportNamesOf } from '../shared/units.js'",
      "export const parsed = new Date('2026-01-01T00:00:00Z')",
      'export const all = [posix, findingId, definePerspective, exportNamesOf]',
      'export type T = [CodeModel, SpecDraft, Severity]',
      ''
    ].join('\n')
    expect(await restricted('perspectives/scope/fine.ts', text)).toEqual([])
  })

  it('lets src reach perspectives only through the registry and the contract', async () => {
    const text = [
      "import { PERSPECTIVES } from '../../perspectives/index.js'",
      "import { findingId } from '../../perspectives/contract.js'",
      "import type { Finding } from '../../perspectives/types.js'",
      "import type { Perspective } from '../../perspectives/define.js'",
      "import { exportNamesOf } from '../../perspectives/shared/units.js'",
      "import { secretFindings } from '../../perspectives/security/secrets.js'",
      'export const all = [PERSPECTIVES, findingId, exportNamesOf, secretFindings]',
      'export type T = [Finding, Perspective]',
      ''
    ].join('\n')
    expect(await restricted('src/engine/leak.ts', text)).toEqual([
      '5:no-restricted-imports',
      '6:no-restricted-imports'
    ])
  })
})
