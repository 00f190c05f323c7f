// Shared by the test-reach tests: the model of a small repository written to a temporary folder, and the
// functions the static estimate calls untested in it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { reachFacts } from '../../../perspectives/shared/test-reach.js'
import { buildModel } from '../../../src/model/build.js'
import type { CodeModel, ModuleModel } from '../../../src/model/types.js'
import { collectFacts } from '../../../src/repo/facts.js'
import { loadRepository } from '../../../src/repo/loader.js'

export async function modelOf(files: Record<string, string>): Promise<CodeModel> {
  const root = mkdtempSync(join(tmpdir(), 'reach-'))
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), content)
    }
    const repo = await loadRepository(root, {})
    return await buildModel(repo, await collectFacts(repo, {}))
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

/** `path:line name` of every function the estimate calls untested in the given files. */
export function untested(model: CodeModel, paths: string[]): string[] {
  const facts = reachFacts(model)
  const out: string[] = []
  for (const path of paths) {
    const module = model.modules.find((m) => m.path === path) as ModuleModel
    for (const fn of module.functions)
      if (facts.functionReach(module, fn) === 'estimated-untested')
        out.push(`${path}:${fn.loc.startLine} ${fn.qualifiedName}`)
  }
  return out.sort()
}
