// The `coverage` setting: globs relative to the repository, matched on disk (reports are git-ignored),
// through the action input, the --coverage flag and the config key, into the facts' coverage reports.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PERSPECTIVES as perspectives } from '../../perspectives/index.js'
import { parseCli } from '../../src/config/cli-args.js'
import { readActionConfig } from '../../src/config/inputs.js'
import { expandCoverageGlobs, parseCoverageGlobs } from '../../src/repo/coverage-globs.js'
import { collectFacts } from '../../src/repo/facts.js'
import { loadRepository } from '../../src/repo/loader.js'

const LCOV = 'TN:\nSF:src/a.js\nFN:1,a\nFNDA:1,a\nDA:2,1\nend_of_record\n'

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'coverage-globs-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

describe('coverage globs', () => {
  it('matches reports on disk below the glob prefix, skipping node_modules, and names a glob that matched nothing', () => {
    const root = repo({
      'src/a.js': 'export function a() {\n  return 1\n}\n',
      'reports/unit/lcov.info': LCOV,
      'reports/e2e/lcov.info': LCOV,
      'node_modules/x/reports/lcov.info': LCOV
    })
    try {
      const notes: string[] = []
      expect(
        expandCoverageGlobs(root, ['reports/**/lcov.info', 'out/*.json', 'exact/path.info'], notes)
      ).toEqual(['exact/path.info', 'reports/e2e/lcov.info', 'reports/unit/lcov.info'])
      expect(notes).toEqual([
        "Coverage glob 'out/*.json' matched no file; check it is relative to the repository and that the tests ran with coverage first."
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('refuses a glob outside the repository, saying what to give instead', () => {
    expect(() => parseCoverageGlobs('coverage', '../other/lcov.info')).toThrow(
      "coverage: '../other/lcov.info' is outside the repository. Give a path or glob relative to the repository"
    )
    expect(() => parseCoverageGlobs('coverage', '/tmp/lcov.info')).toThrow('outside the repository')
    expect(parseCoverageGlobs('coverage', 'a/lcov.info, b/*.json\n')).toEqual([
      'a/lcov.info',
      'b/*.json'
    ])
  })

  it('reaches the facts from the action input, the CLI flag and the config key', async () => {
    const root = repo({
      'src/a.js': 'export function a() {\n  return 1\n}\n',
      'out/cov/lcov.info': LCOV,
      '.test-planning.yml': 'coverage:\n  - out/cov/*.info\n'
    })
    try {
      const fromInput = readActionConfig(
        (name) => ({ path: root, coverage: 'out/**/lcov.info' })[name as 'path'],
        { GITHUB_WORKSPACE: root },
        perspectives
      )
      expect(fromInput.coverage).toEqual(['out/**/lcov.info'])
      const fromCli = parseCli(
        ['plan', root, '--coverage', 'out/cov/lcov.info', '--coverage', 'x/*.json'],
        root,
        perspectives
      )
      expect(fromCli.command === 'plan' && fromCli.config.coverage).toEqual([
        'out/cov/lcov.info',
        'x/*.json'
      ])
      const fromFile = parseCli(['plan', root], root, perspectives)
      expect(fromFile.command === 'plan' && fromFile.config.coverage).toEqual(['out/cov/*.info'])
      const loaded = await loadRepository(root, {})
      const facts = await collectFacts(loaded, {
        coveragePaths: expandCoverageGlobs(root, ['out/cov/*.info'], [])
      })
      expect(facts.coverage.map((r) => [r.path, r.format, r.files.map((f) => f.path)])).toEqual([
        ['out/cov/lcov.info', 'lcov', ['src/a.js']]
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
