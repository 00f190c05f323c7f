import { collectFacts } from '../../src/repo/facts.js'
import { ciSystem } from '../../src/repo/ci-files.js'
import { loadRepository } from '../../src/repo/loader.js'
import { ConfigurationError } from '../../src/util/errors.js'
import { cleanUp, commitAll, gitInit, tempDir, writeFiles } from './helpers.js'

afterEach(cleanUp)

describe('ciSystem', () => {
  test.each([
    ['.github/workflows/ci.yml', 'github-actions'],
    ['.github/workflows/release.yaml', 'github-actions'],
    ['.gitlab-ci.yml', 'gitlab-ci'],
    ['.circleci/config.yml', 'circleci'],
    ['azure-pipelines.yml', 'azure-pipelines'],
    ['Jenkinsfile', 'jenkins'],
    ['.travis.yml', 'travis'],
    ['bitbucket-pipelines.yml', 'other']
  ])('%s is %s', (path, system) => {
    expect(ciSystem(path)).toBe(system)
  })

  test.each([
    '.github/workflows/nested/x.yml',
    '.github/dependabot.yml',
    'docs/.gitlab-ci.yml',
    'ci.yml'
  ])('%s is not a CI file', (path) => {
    expect(ciSystem(path)).toBeNull()
  })
})

describe('collectFacts', () => {
  test('gathers manifests, CI files, coverage, JUnit, history and path aliases from one checkout', async () => {
    const root = tempDir()
    gitInit(root)
    writeFiles(root, {
      '.gitignore': 'coverage/\njunit.xml\nnode_modules/\n',
      'package.json': '{"name":"acme","scripts":{"test":"jest"},"workspaces":["packages/*"]}',
      'packages/web/package.json': '{"name":"web", "broken": }',
      'node_modules/dep/package.json': '{"name":"dep"}',
      'vendor/lib/go.mod': 'module vendored\n',
      'requirements.txt': 'flask\n',
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      Jenkinsfile: 'pipeline {}\n',
      '.github/actions/setup/action.yml': 'runs: { using: composite, steps: [] }\n',
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["src/*"] } } }',
      'src/a.ts': 'export const a = 1\n'
    })
    commitAll(root, 'first', { date: '2024-05-01T00:00:00Z' })
    writeFiles(root, {
      'coverage/lcov.info': `SF:${root}/src/a.ts\nDA:1,1\nend_of_record\n`,
      'junit.xml':
        '<testsuites><testsuite name="a"><testcase name="works" file="src/a.test.ts" time="0.1"/></testsuite></testsuites>'
    })

    const repo = await loadRepository(root)
    const facts = await collectFacts(repo, { historyDays: 36500 })

    expect(facts.manifests.map((m) => [m.path, m.kind, m.name, m.error === undefined])).toEqual([
      ['package.json', 'package.json', 'acme', true],
      ['packages/web/package.json', 'package.json', undefined, false],
      ['requirements.txt', 'requirements', undefined, true]
    ])
    expect(facts.ci.map((c) => [c.path, c.system, c.text])).toEqual([
      ['.github/workflows/ci.yml', 'github-actions', 'on: push\njobs: {}\n'],
      ['Jenkinsfile', 'jenkins', 'pipeline {}\n']
    ])
    expect(facts.actions?.map((a) => a.path)).toEqual(['.github/actions/setup/action.yml'])
    expect(facts.toolFiles).toEqual(['tsconfig.json'])
    expect(
      facts.coverage.map((r) => [r.path, r.format, r.files.map((f) => [f.path, f.linesHit])])
    ).toEqual([['coverage/lcov.info', 'lcov', [['src/a.ts', 1]]]])
    expect(facts.junit).toEqual([
      { suite: 'a', name: 'works', file: 'src/a.test.ts', seconds: 0.1, status: 'passed' }
    ])
    expect(facts.git.available).toBe(true)
    expect(facts.git.files['src/a.ts']).toEqual({
      commits: 1,
      authors: 1,
      lastChange: '2024-05-01T00:00:00.000Z'
    })
    expect(facts.git.files['node_modules/dep/package.json']).toBeUndefined()
    expect(facts.tsPaths).toEqual({ '@/*': ['src/*'] })
    expect(facts.notes).toEqual([])
  })

  test('an empty directory gives empty facts without errors', async () => {
    const root = tempDir()
    const facts = await collectFacts(await loadRepository(root))
    expect(facts).toEqual({
      manifests: [],
      ci: [],
      actions: [],
      toolFiles: [],
      coverage: [],
      junit: [],
      git: expect.objectContaining({ available: false, files: {}, windowDays: 365 }),
      tsPaths: {},
      notes: [],
      testConfigs: []
    })
  })

  test('bad history options are configuration errors', async () => {
    const repo = await loadRepository(tempDir())
    await expect(collectFacts(repo, { historyDays: -1 })).rejects.toThrow(ConfigurationError)
    await expect(collectFacts(repo, { maxCommits: 2.5 })).rejects.toThrow(
      /max-commits must be a positive whole number/
    )
  })
})
