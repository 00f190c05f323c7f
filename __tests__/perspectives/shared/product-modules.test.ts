// The check input shared by data-integrity, error-handling and user-experience: which modules are
// product code in a language the checks read, and which programs the manifests declare.
import {
  declaredPrograms,
  importedSources,
  productModules
} from '../../../perspectives/shared/product-modules.js'
import { ONE_LOWER } from '../../../perspectives/kit/index.js'
import { buildFixtureModel } from '../harness.js'

describe('product modules', () => {
  it('keeps product JS/TS and Python modules, leaving out tests, fixtures, declarations and other languages', async () => {
    const { model } = await buildFixtureModel({
      'src/a.ts': "import { readFileSync } from 'node:fs'\nexport const a = 1\n",
      'src/b.d.ts': 'export declare const b: number\n',
      'src/tool.py': 'import os\n\ndef main():\n    return os.getcwd()\n',
      'src/a.test.ts': "import { a } from './a'\n",
      'test/fixtures/sample.js': 'module.exports = 1\n',
      'src/main.go': 'package main\n\nfunc main() {}\n'
    })
    const kept = productModules(model).map((p) => `${p.module.path}:${p.dialect}`)
    expect(kept.sort()).toEqual(['src/a.ts:js', 'src/tool.py:python'])
    const a = model.modules.find((m) => m.path === 'src/a.ts')
    expect(a && [...importedSources(a)]).toEqual(['fs'])
  })

  it('reads package.json bins relative to their manifest and console scripts as module paths', async () => {
    const { model } = await buildFixtureModel({
      'packages/tool/package.json': JSON.stringify({
        name: 'tool',
        version: '1.0.0',
        bin: { tool: './bin/cli.js' }
      }),
      'packages/tool/bin/cli.js': '#!/usr/bin/env node\nconsole.log(1)\n',
      'pyproject.toml':
        '[project]\nname = "pkg"\nversion = "1.0"\n\n[project.scripts]\npkg-run = "pkg.cli:main"\n',
      'pkg/cli.py': 'def main():\n    return 0\n'
    })
    expect(declaredPrograms(model)).toEqual(
      expect.arrayContaining([
        {
          kind: 'bin',
          command: 'tool',
          manifest: 'packages/tool/package.json',
          file: 'packages/tool/bin/cli.js'
        },
        {
          kind: 'console-script',
          command: 'pkg-run',
          manifest: 'pyproject.toml',
          modulePath: 'pkg/cli'
        }
      ])
    )
  })

  it('lowers a severity one step, low and info staying where they are', () => {
    expect([ONE_LOWER.critical, ONE_LOWER.high, ONE_LOWER.medium, ONE_LOWER.low]).toEqual([
      'high',
      'medium',
      'low',
      'low'
    ])
    expect(ONE_LOWER.info).toBe('info')
  })
})
