// Shared by the layout tests: a fixture repository (__tests__/fixtures/layout-*) copied to a temp
// folder, modelled, its layout detected, every perspective run on it, and the generated spec files
// written where they were suggested. The project's node_modules is linked in (never installed per
// fixture) so the fixture's own runner can load the files.
import { execFile } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { runPerspective } from '../../src/engine/run-perspective.js'
import { buildModel } from '../../src/model/build.js'
import type { CodeModel, RepositoryFacts } from '../../src/model/types.js'
import { collectFacts } from '../../src/repo/facts.js'
import { loadRepository } from '../../src/repo/loader.js'
import { detectTargetWithReason } from '../../src/specs/detect.js'
import { packageInits } from '../../src/specs/python-packages.js'
import type { RenderTarget, TestSpec } from '../../src/specs/types.js'

export const PROJECT = resolve('.')
const FIXED_NOW = '2026-01-01T00:00:00.000Z'

export interface PreparedFixture {
  root: string
  facts: RepositoryFacts
  model: CodeModel
  target: RenderTarget
  reason: string
  /** Every spec rendered for a test framework (not workflow snippets), all perspectives. */
  specs: TestSpec[]
  cleanup(): void
}

export async function prepareFixture(
  name: string,
  options: { write?: boolean } = {}
): Promise<PreparedFixture> {
  const root = mkdtempSync(join(tmpdir(), `${name}-`))
  cpSync(join(PROJECT, '__tests__/fixtures', name), root, { recursive: true })
  const repo = await loadRepository(root, {})
  const facts = await collectFacts(repo, {})
  const model = await buildModel(repo, facts)
  const { target, reason } = detectTargetWithReason(facts, model.modules)
  const texts = new Map(repo.files.map((f) => [f.path, f.text]))
  const specs: TestSpec[] = []
  for (const perspective of PERSPECTIVES) {
    if (perspective.meta.id === 'big-picture') continue
    const run = await runPerspective(perspective, {
      model,
      target,
      now: FIXED_NOW,
      source: (p) => texts.get(p)
    })
    if (run.status === 'failed') throw new Error(run.error ?? `${perspective.meta.id} failed`)
    specs.push(...run.specs.filter((s) => s.framework !== 'none'))
  }
  if (options.write !== false) {
    for (const spec of specs) {
      const full = join(root, spec.fileName)
      mkdirSync(dirname(full), { recursive: true })
      writeFileSync(full, spec.code)
    }
    for (const init of packageInits(
      specs.map((s) => s.fileName),
      (p) => existsSync(join(root, p))
    ))
      writeFileSync(join(root, init), '')
    // After modelling, so the loader never walks the linked folder.
    symlinkSync(join(PROJECT, 'node_modules'), join(root, 'node_modules'), 'dir')
  }
  return {
    root,
    facts,
    model,
    target,
    reason,
    specs,
    cleanup: () => rmSync(root, { recursive: true, force: true })
  }
}

export interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command without a shell; never throws for a non-zero exit. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {}
): Promise<Ran> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      {
        cwd,
        env: { ...process.env, NODE_OPTIONS: '', ...env },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000
      },
      (error, stdout, stderr) => {
        const code = error
          ? typeof (error as { code?: unknown }).code === 'number'
            ? (error as { code: number }).code
            : 1
          : 0
        done({ code, stdout: String(stdout), stderr: String(stderr) })
      }
    )
  })
}
