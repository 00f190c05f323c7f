// Robustness: strange trees and bytes never make the loader throw, and every file ends up either
// loaded or skipped with a reason (files + skipped counts = files on disk).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadRepository } from '../../src/repo/loader.js'
import { SKIP_REASONS } from '../../src/repo/skip-tally.js'
import { cleanUp, commitAll, gitInit, tempDir } from './helpers.js'

afterEach(cleanUp)

/** A small seeded generator (mulberry32) so that every run builds the same tree. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const EXTENSIONS = ['.ts', '.tsx', '.js', '.py', '.go', '.rb', '.md', '', '.json', '.min.js']
const SOURCE =
  'export function f(a: number): number {\n  if (a > 1) return a * f(a - 1)\n  return 1\n}\n'

/** Builds the tree and returns how many leaf entries (files and symlinks) it holds. */
function buildStrangeTree(root: string, seed: number): number {
  const next = random(seed)
  let leaves = 0
  const write = (path: string, content: Buffer | string): void => {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), content)
    leaves++
  }
  for (let i = 0; i < 80; i++) {
    const depth = Math.floor(next() * 4)
    const dirs = Array.from({ length: depth }, (_, d) => `d${Math.floor(next() * 3)}${d}`)
    const name = `f${i}${EXTENSIONS[Math.floor(next() * EXTENSIONS.length)]}`
    const kind = Math.floor(next() * 4)
    let content: Buffer
    if (kind === 0) {
      content = Buffer.from(
        Array.from({ length: Math.floor(next() * 20000) }, () => Math.floor(next() * 256))
      )
    } else if (kind === 1) {
      // Truncated and mutated source.
      const bytes = Buffer.from(SOURCE.repeat(1 + Math.floor(next() * 50)))
      for (let m = 0; m < 20; m++)
        bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256)
      content = bytes.subarray(0, Math.floor(next() * bytes.length))
    } else if (kind === 2) {
      content = Buffer.from([
        0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0x0a
      ])
    } else {
      content = Buffer.alloc(0)
    }
    write([...dirs, name].join('/'), content)
  }
  // Deep folders, a 10,000-deep nesting and a long single line.
  write(`${Array.from({ length: 300 }, () => 'n').join('/')}/deep.ts`, 'export const deep = 1\n')
  // (in lines of 100 characters: one 20 KB line would be skipped as minified)
  write(
    'nested.ts',
    `const x = ${`${'['.repeat(100)}\n`.repeat(100)}${`${']'.repeat(100)}\n`.repeat(100)}`
  )
  write('line.js', 'x'.repeat(3 * 1024 * 1024))
  // Symlink loops of every shape, and links that leave the root.
  mkdirSync(join(root, 'loops/a/b'), { recursive: true })
  symlinkSync('../..', join(root, 'loops/a/b/up'))
  symlinkSync('self.ts', join(root, 'loops/self.ts'))
  symlinkSync('y.ts', join(root, 'loops/x.ts'))
  symlinkSync('x.ts', join(root, 'loops/y.ts'))
  symlinkSync('/', join(root, 'loops/rootfs'))
  symlinkSync('../../../../../../../../etc/passwd', join(root, 'loops/passwd.ts'))
  leaves += 6
  return leaves
}

function accountedFor(repo: Awaited<ReturnType<typeof loadRepository>>): number {
  return (
    repo.files.length + SKIP_REASONS.reduce((sum, reason) => sum + repo.skipped[reason].count, 0)
  )
}

describe('loader robustness', () => {
  test.each([1, 2, 3])(
    'a strange tree (seed %i) loads without throwing in a directory walk',
    async (seed) => {
      const root = tempDir('fuzz-')
      const leaves = buildStrangeTree(root, seed)
      const repo = await loadRepository(root)
      expect(repo.listedBy).toBe('walk')
      expect(accountedFor(repo)).toBe(leaves)
      expect(repo.files.map((f) => f.path)).toEqual(repo.files.map((f) => f.path).sort())
      for (const file of repo.files) {
        expect(typeof file.text).toBe('string')
        expect(file.text.includes('\0')).toBe(false)
      }
      expect(repo.files.map((f) => f.path)).toContain('n/'.repeat(300) + 'deep.ts')
      expect(repo.files.map((f) => f.path)).toContain('nested.ts')
      expect(repo.skipped.symlink.examples).toEqual([
        'loops/a/b/up',
        'loops/passwd.ts',
        'loops/rootfs',
        'loops/self.ts',
        'loops/x.ts',
        'loops/y.ts'
      ])
      expect(repo.skipped['too-large'].examples).toContain('line.js')
    }
  )

  test('the same tree committed to git gives the same files', async () => {
    const walked = tempDir('fuzz-')
    buildStrangeTree(walked, 7)
    const committed = tempDir('fuzz-git-')
    const leaves = buildStrangeTree(committed, 7)
    gitInit(committed)
    commitAll(committed, 'strange')
    const fromWalk = await loadRepository(walked)
    const fromGit = await loadRepository(committed)
    expect(fromGit.listedBy).toBe('git')
    expect(accountedFor(fromGit)).toBe(leaves)
    expect(fromGit.files.map((f) => [f.path, f.bytes, f.text])).toEqual(
      fromWalk.files.map((f) => [f.path, f.bytes, f.text])
    )
    expect(fromGit.skipped).toEqual(fromWalk.skipped)
  })
})
