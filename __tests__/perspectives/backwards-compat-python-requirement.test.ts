// The Python requirement is the folder's, whichever manifest declares it: moving `python_requires`
// from setup.cfg into pyproject.toml's `requires-python` raises nothing (judged false on tenacity,
// session 5); raising it in either place is still a break.
import { describe, expect, it } from '@jest/globals'
import { compareManifests } from '../../perspectives/backwards-compat/manifest.js'
import type { PackageManifest } from '../../src/model/types.js'
import { emptyManifest } from '../../src/repo/manifest-common.js'

function manifest(
  path: string,
  kind: PackageManifest['kind'],
  requiresPython?: string
): PackageManifest {
  return {
    ...emptyManifest(path, kind),
    name: 'pkg',
    ...(requiresPython ? { requiresPython } : {})
  }
}

const raised = (base: PackageManifest[], head: PackageManifest[]) =>
  compareManifests(base, head, 'v1.0.0').filter((c) => c.messageId === 'engineRaised')

describe('Python requirement across manifests', () => {
  it('is not raised when it moves from setup.cfg into pyproject.toml', () => {
    const base = [
      manifest('pyproject.toml', 'pyproject.toml'),
      manifest('setup.cfg', 'setup.cfg', '>=3.10')
    ]
    const head = [manifest('pyproject.toml', 'pyproject.toml', '>=3.10')]
    expect(raised(base, head)).toEqual([])
  })

  it('is raised once when the folder requirement goes up, wherever it is declared', () => {
    const base = [
      manifest('pyproject.toml', 'pyproject.toml'),
      manifest('setup.cfg', 'setup.cfg', '>=3.9')
    ]
    const head = [
      manifest('pyproject.toml', 'pyproject.toml', '>=3.10'),
      manifest('setup.cfg', 'setup.cfg', '>=3.10')
    ]
    const found = raised(base, head)
    expect(found).toHaveLength(1)
    expect(found[0].data).toMatchObject({ engine: 'Python', before: '>=3.9', after: '>=3.10' })
  })

  // Judged on mistune (session 8): >=3.8 to >=3.10 in a minor release is normal Python practice once
  // 3.8 and 3.9 are past their end of life (pip keeps installing the last release that allowed them).
  it('needs only a minor release when every dropped version is past its end of life', () => {
    const base = [manifest('pyproject.toml', 'pyproject.toml', '>=3.8')]
    const head = [manifest('pyproject.toml', 'pyproject.toml', '>=3.10')]
    const late = compareManifests(base, head, 'v3.3.4', '2026-12-06T00:00:00.000Z')
    expect(late.map((c) => [c.messageId, c.bump])).toEqual([['engineRaised', 'minor']])
    // Before 3.9's end of life (2025-10-31) dropping it still breaks supported users: major.
    const early = compareManifests(base, head, 'v3.3.4', '2025-06-01T00:00:00.000Z')
    expect(early.map((c) => [c.messageId, c.bump])).toEqual([['engineRaised', 'major']])
  })
})
