import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { readGitHistory } from '../../src/repo/git-history.js'
import { cleanUp, commitAll, git, gitInit, tempDir, writeFiles } from './helpers.js'

afterEach(cleanUp)

const WIDE = { historyDays: 36500, maxCommits: 5000 }

/** Four commits by two authors in 2024; b.ts is deleted by the last one. */
function buildHistory(): string {
  const root = tempDir()
  gitInit(root)
  writeFiles(root, { 'a.ts': '1\n', 'b.ts': '1\n' })
  commitAll(root, 'one', { date: '2024-01-10T12:00:00Z', email: 'ada@example.com' })
  writeFiles(root, { 'a.ts': '2\n' })
  commitAll(root, 'two', { date: '2024-02-10T12:00:00Z', email: 'bob@example.com' })
  writeFiles(root, { 'a.ts': '3\n', 'c.ts': '1\n' })
  commitAll(root, 'three', { date: '2024-03-10T12:00:00+02:00', email: 'ADA@example.com' })
  rmSync(join(root, 'b.ts'))
  commitAll(root, 'four', { date: '2024-04-10T12:00:00Z', email: 'bob@example.com' })
  return root
}

describe('readGitHistory', () => {
  test('per-file commits, distinct authors and last change, for current files only', async () => {
    const root = buildHistory()
    const history = await readGitHistory(root, { ...WIDE, keep: new Set(['a.ts', 'c.ts']) })
    expect(history).toEqual({
      available: true,
      shallow: false,
      commitsExamined: 4,
      windowDays: 36500,
      head: git(root, ['rev-parse', 'HEAD']).trim(),
      branch: 'main',
      files: {
        'a.ts': { commits: 3, authors: 2, lastChange: '2024-03-10T10:00:00.000Z' },
        'c.ts': { commits: 1, authors: 1, lastChange: '2024-03-10T10:00:00.000Z' }
      }
    })
  })

  test('without a keep set, deleted files are reported too', async () => {
    const root = buildHistory()
    const history = await readGitHistory(root, WIDE)
    expect(history.files['b.ts']).toEqual({
      commits: 2,
      authors: 2,
      lastChange: '2024-04-10T12:00:00.000Z'
    })
  })

  test('history of a subfolder names files relative to it and counts only commits that touch it', async () => {
    const root = tempDir()
    gitInit(root)
    writeFiles(root, { 'pkg/src/a.ts': '1\n', 'other/b.ts': '1\n' })
    commitAll(root, 'one', { date: '2024-01-10T12:00:00Z' })
    writeFiles(root, { 'other/b.ts': '2\n' })
    commitAll(root, 'two', { date: '2024-01-11T12:00:00Z' })
    const history = await readGitHistory(join(root, 'pkg'), WIDE)
    expect(history.commitsExamined).toBe(1)
    expect(history.files).toEqual({
      'src/a.ts': { commits: 1, authors: 1, lastChange: '2024-01-10T12:00:00.000Z' }
    })
  })

  test('the commit bound keeps only the newest commits and says so', async () => {
    const root = buildHistory()
    const history = await readGitHistory(root, { historyDays: 36500, maxCommits: 2 })
    expect(history.commitsExamined).toBe(2)
    expect(history.files['a.ts']).toEqual({
      commits: 1,
      authors: 1,
      lastChange: '2024-03-10T10:00:00.000Z'
    })
    expect(history.note).toBe(
      'Only the newest 2 commits of the 36500-day window were read (the max-commits bound).'
    )
  })

  test('the day window leaves out older commits', async () => {
    const root = buildHistory()
    writeFiles(root, { 'c.ts': '2\n' })
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString()
    commitAll(root, 'recent', { date: yesterday })
    const history = await readGitHistory(root, { historyDays: 365, maxCommits: 5000 })
    expect(history.commitsExamined).toBe(1)
    expect(Object.keys(history.files)).toEqual(['c.ts'])
    expect(history.windowDays).toBe(365)
  })

  test('the day window counts back from the analysed commit, not from today', async () => {
    // Commits in 2024 and a checkout analysed years later: the 45 days before HEAD still count.
    const root = buildHistory()
    const history = await readGitHistory(root, { historyDays: 45, maxCommits: 5000 })
    expect(history.commitsExamined).toBe(2)
    expect(history.files['a.ts']).toEqual({
      commits: 1,
      authors: 1,
      lastChange: '2024-03-10T10:00:00.000Z'
    })
    expect(Object.keys(history.files).sort()).toEqual(['a.ts', 'b.ts', 'c.ts'])
  })

  test('a shallow clone is available but partial, with the fix in the note', async () => {
    const origin = buildHistory()
    const parent = tempDir('clone-')
    git(parent, ['clone', '-q', '--depth', '1', `file://${origin}`, 'shallow'])
    const history = await readGitHistory(join(parent, 'shallow'), WIDE)
    expect(history.available).toBe(true)
    expect(history.shallow).toBe(true)
    expect(history.commitsExamined).toBe(1)
    expect(history.note).toMatch(/shallow clone.*fetch-depth: 0/)
  })

  test('a directory that is not a git repository has no history and says why', async () => {
    const root = tempDir()
    writeFiles(root, { 'a.ts': '' })
    const history = await readGitHistory(root, WIDE)
    expect(history).toEqual({
      available: false,
      shallow: false,
      commitsExamined: 0,
      windowDays: 36500,
      files: {},
      note: 'Not a git repository, so no change history is available; run on a git checkout (actions/checkout) to use churn.'
    })
  })

  test('a repository without commits', async () => {
    const root = tempDir()
    gitInit(root)
    const history = await readGitHistory(root, WIDE)
    expect(history.available).toBe(false)
    expect(history.note).toBe('The repository has no commits yet, so there is no change history.')
  })

  test('git missing from PATH gives a note, not an error', async () => {
    const root = buildHistory()
    const saved = process.env.PATH
    process.env.PATH = tempDir('empty-path-')
    try {
      const history = await readGitHistory(root, WIDE)
      expect(history.available).toBe(false)
      expect(history.note).toMatch(/^git was not found on PATH/)
    } finally {
      process.env.PATH = saved
    }
  })
})
