// The files `node --test` runs for the whole suite, listed by Node's own rules so that a dangling
// symbolic link committed as test data (Node 20 stops at it: "Could not find ...") or a glob Node 20
// does not expand no longer keeps the suite from being measured.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { parseCli } from '../../src/config/cli-args.js'
import { measureSuiteReach } from '../../src/execute/measure-reach.js'
import { nodeTestFiles } from '../../src/execute/node-test-files.js'
import { suiteCommand } from '../../src/execute/runners.js'
import { recordingLogger } from '../../src/log.js'
import { analyseRepository } from '../../src/pipeline/analyse.js'
import { fixtureWorkspace } from './workspace.js'

const TREE = [
  'test/a.test.js',
  'test/helpers/server.mjs',
  'test/types.d.ts',
  'test/fixtures/page.html',
  'lib/parse-test.js',
  'lib/parse.js',
  'src/x.ts',
  'node_modules/dep/test/inner.js'
]

describe('nodeTestFiles', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'tp-node-test-files-'))
    for (const f of TREE) {
      await mkdir(dirname(join(root, f)), { recursive: true })
      await writeFile(join(root, f), '')
    }
    await symlink('/none/such/file', join(root, 'test/fixtures/no-link'))
    await symlink('../lib/parse.js', join(root, 'test/linked.js'))
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it("finds what Node's own search finds, without the dangling link it would stop at", async () => {
    expect(await nodeTestFiles(root, [], false)).toEqual([
      'lib/parse-test.js',
      'test/a.test.js',
      'test/helpers/server.mjs',
      'test/linked.js'
    ])
  })

  it('expands the globs and folders a test script names, and keeps plain files as given', async () => {
    expect(await nodeTestFiles(root, ['test/**/*.test.js'], false)).toEqual(['test/a.test.js'])
    expect(await nodeTestFiles(root, ['./test/'], false)).toEqual([
      'test/a.test.js',
      'test/helpers/server.mjs',
      'test/linked.js'
    ])
    expect(await nodeTestFiles(root, ['lib/parse.js'], false)).toEqual(['lib/parse.js'])
  })

  it('takes TypeScript test files only when the suite runs through a TypeScript loader', async () => {
    await writeFile(join(root, 'test/b.test.ts'), '')
    expect(await nodeTestFiles(root, [], false)).not.toContain('test/b.test.ts')
    expect(await nodeTestFiles(root, [], true)).toContain('test/b.test.ts')
    expect(await nodeTestFiles(root, [], true)).not.toContain('test/types.d.ts')
  })
})

describe('measuring a node:test suite whose test folder holds a dangling symbolic link', () => {
  it('names the test files to node --test, so Node 20 never searches the folder itself', async () => {
    const ws = await fixtureWorkspace('reach-node-test')
    try {
      await mkdir(join(ws.dir, 'test/static'), { recursive: true })
      await symlink('/none', join(ws.dir, 'test/static/no-link'))
      const ctx = { root: ws.dir, node: 'node', python: null }
      const command = await suiteCommand('node:test', 'javascript', ctx)
      expect('args' in command && command.args).toEqual(['--test', 'test/shop.test.js'])
      // One run per file (the caller names each file): nothing is listed.
      const perFile = await suiteCommand('node:test', 'javascript', ctx, [], true)
      expect('args' in perFile && perFile.args).toEqual(['--test'])
    } finally {
      await ws.remove()
    }
  })

  // The tests' own Node may be newer than 20 (it skips the link); the measurement must work either way.
  it('runs the suite and measures it', async () => {
    const ws = await fixtureWorkspace('reach-node-test')
    const out = await mkdtemp(join(tmpdir(), 'tp-node-test-files-out-'))
    try {
      await mkdir(join(ws.dir, 'test/static'), { recursive: true })
      await symlink('/none', join(ws.dir, 'test/static/no-link'))
      const git = (...args: string[]): void => {
        execFileSync('git', ['-C', ws.dir, '-c', 'user.email=t@t', '-c', 'user.name=t', ...args], {
          stdio: 'ignore'
        })
      }
      git('init', '-q')
      git('add', '-A')
      git('commit', '-q', '-m', 'fixture with a dangling link')
      const command = parseCli(['plan', ws.dir, '--out', out], ws.dir, PERSPECTIVES)
      if (command.command !== 'plan') throw new Error('not plan')
      const analysis = await analyseRepository(command.config, recordingLogger())
      const texts = new Map(analysis.repo.files.map((f) => [f.path, f.text]))
      const measured = await measureSuiteReach({
        workspace: ws.dir,
        exclude: [],
        target: analysis.target,
        mode: 'auto',
        secrets: [],
        budgetMs: 120_000,
        modules: analysis.model.modules,
        text: (path) => texts.get(path),
        shipped: () => true,
        now: '2026-12-06T12:00:00.000Z'
      })
      expect(measured.note).not.toMatch(/Could not find/)
      expect(measured.report?.partial).toBeUndefined()
      const shop = measured.report?.files.find((f) => f.path === 'src/shop.js')
      expect(shop?.linesHit).toBeGreaterThan(0)
    } finally {
      await ws.remove()
      await rm(out, { recursive: true, force: true })
    }
  })
})
