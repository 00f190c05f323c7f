// Where a project's tests sit, how they are named and which module they start from: read from the tests.
import { posix } from 'node:path'
import type { ModuleModel, PackageManifest } from '../model/types.js'
import type { TestLayout } from './layout-types.js'
import { count, mostOf } from './layout-runner.js'

/** Where the existing tests sit relative to the code. */
export function placementOf(
  tests: ModuleModel[],
  sourceDirs: Set<string>
): { placement: TestLayout['placement']; testDir: string } | null {
  const kinds: string[] = []
  for (const t of tests) {
    const parts = t.path.split('/')
    const dir = parts.slice(0, -1).join('/')
    const testSegment = parts
      .slice(0, -1)
      .findIndex((p) => ['__tests__', 'test', 'tests', 'spec', 'specs', '__specs__'].includes(p))
    if (
      testSegment > 0 &&
      parts[testSegment] === '__tests__' &&
      sourceDirs.has(parts.slice(0, testSegment).join('/'))
    )
      kinds.push('nested')
    else if (testSegment >= 0) kinds.push(`folder:${parts.slice(0, testSegment + 1).join('/')}`)
    else if (sourceDirs.has(dir) || dir !== '') kinds.push('beside')
    else kinds.push('folder:')
  }
  const top = mostOf(count(kinds), [...new Set(kinds)])
  if (!top) return null
  if (top === 'nested' || top === 'beside') return { placement: top, testDir: '' }
  return { placement: 'folder', testDir: top.slice('folder:'.length) }
}

/** `.test` / `.spec` / `-test` / `_test` (or a project's own, `.check`) from the existing test file names. */
export function suffixOf(tests: ModuleModel[]): string | null {
  const suffixes = tests
    .map((t) => {
      const name = t.path.split('/').pop() ?? ''
      const known = /(\.test|\.spec|-test|_test)\.[^.]+$/.exec(name)?.[1]
      if (known) return known
      const parts = name.split('.')
      return parts.length >= 3 && /^[a-z][a-z0-9-]*$/.test(parts[parts.length - 2])
        ? `.${parts[parts.length - 2]}`
        : undefined
    })
    .filter((s): s is string => !!s && s !== '.e2e' && s !== '.d')
  return mostOf(count(suffixes), [
    '.test',
    '.spec',
    '-test',
    '_test',
    ...[...new Set(suffixes)].sort()
  ])
}

export function entryOf(
  manifest: PackageManifest | undefined,
  modulePaths: Set<string>
): string | undefined {
  if (!manifest) return undefined
  const exp = manifest.exports
  const pickString = (v: unknown): string | undefined => {
    if (typeof v === 'string') return v
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>
      return pickString(o['.'] ?? o.import ?? o.require ?? o.default ?? o.node)
    }
    return undefined
  }
  const candidates = [pickString(exp), manifest.main]
    .filter((c): c is string => !!c)
    .map((c) => posix.normalize(c).replace(/^\.\//, ''))
  for (const c of candidates) {
    if (modulePaths.has(c)) return c
    // A built entry (`dist/index.js`) stands for its source (`src/index.ts`).
    const stem = c.replace(/^(dist|lib|build|out)\//, 'src/').replace(/\.(c|m)?js$/, '')
    for (const ext of ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'])
      if (modulePaths.has(stem + ext)) return stem + ext
  }
  return undefined
}
