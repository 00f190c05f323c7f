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

  // Dropping a Python version is a major break even past its end of life (held-out-10: markdown-it-py
  // 3, parso 0.8 and iniconfig 2 list it as breaking; a dependent that locks for its whole Python range
  // no longer resolves). The message names the end-of-life dates so a reader can weigh them (mistune
  // 3.4.0 did it in a minor release, judged normal practice in session 8).
  it('needs a major release even when every dropped version is past its end of life, and says so', () => {
    const base = [manifest('pyproject.toml', 'pyproject.toml', '>=3.8')]
    const head = [manifest('pyproject.toml', 'pyproject.toml', '>=3.10')]
    const late = compareManifests(base, head, 'v3.3.4', '2026-12-06T00:00:00.000Z')
    expect(late.map((c) => [c.messageId, c.bump])).toEqual([['engineRaised', 'major']])
    expect(late[0].data.endOfLife).toContain(
      'past its end of life (3.8 on 2024-10-07, 3.9 on 2025-10-31)'
    )
    // Before 3.9's end of life (2025-10-31): major, and no end-of-life note.
    const early = compareManifests(base, head, 'v3.3.4', '2025-06-01T00:00:00.000Z')
    expect(early.map((c) => [c.messageId, c.bump, c.data.endOfLife])).toEqual([
      ['engineRaised', 'major', '']
    ])
  })

  it('names Python 2.7 among the end-of-life versions a floor of 3.x drops', () => {
    const base = [manifest('setup.py', 'setup.py', '>=2.7')]
    const head = [manifest('setup.py', 'setup.py', '>=3.6')]
    const [found] = compareManifests(base, head, 'v0.7.1', '2026-12-06T00:00:00.000Z')
    expect(found.bump).toBe('major')
    expect(found.data.endOfLife).toContain(
      '(2.7 on 2020-01-01, 3.4 on 2019-03-18, 3.5 on 2020-09-30)'
    )
  })

  // pathspec 0.10 (held-out-11): setup.py and setup.cfg gone, pyproject.toml new; the floor went from
  // >=2.7 (with `!=3.0.*` exclusions) to >=3.7. Twin: the same move with the floor kept raises nothing.
  it('is compared when setup.cfg and setup.py give way to a new pyproject.toml', () => {
    const base = [
      manifest('setup.py', 'setup.py'),
      manifest('setup.cfg', 'setup.cfg', '>=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*')
    ]
    const found = raised(base, [manifest('pyproject.toml', 'pyproject.toml', '>=3.7')])
    expect(found.map((c) => [c.data.before, c.data.after, c.data.file])).toEqual([
      ['>=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*', '>=3.7', 'setup.cfg']
    ])
    expect(raised(base, [manifest('pyproject.toml', 'pyproject.toml', '>=2.7')])).toEqual([])
  })
})
