// Peer dependency ranges compared by the majors they admit. A peer range is a promise about the host
// the user installs (webpack, postcss): one that no longer admits a major it admitted breaks every user
// on that major (html-webpack-plugin 5 and terser-webpack-plugin 5 dropped webpack 4, held-out-7:
// missed, no rule). A dependency moved into peerDependencies is one the user now has to supply.
import type { PackageManifest } from '../../src/model/types.js'

/**
 * Majors as half-open intervals [from, to) of keys: major x is x * 1000, and below 1.0.0 each minor is
 * its own major (0.14 is 14), as npm's caret reads them; `to` is Infinity for `>=4`.
 */
type Interval = [number, number]

const key = (major: number, minor: number): number =>
  major === 0 ? Math.min(minor, 999) : major * 1000
const next = (k: number): number => (k < 1000 ? k + 1 : k + 1000)
const words = (k: number): string => (k < 1000 ? `0.${k}` : `${k / 1000}`)

const PART = /^(\^|~|>=|>|<=|<|=)?\s*v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-[\w.]+)?$/

/** The majors one comparator set admits (`^4.0.0`, `>=4 <6`, `4.x`, `*`), or null when unreadable. */
function alternative(text: string): Interval | null {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed === '*' || trimmed.toLowerCase() === 'x') return [0, Infinity]
  // `4.0.0 - 5.x`: a hyphen range.
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(trimmed)
  if (hyphen) {
    const low = alternative(`>=${hyphen[1]}`)
    const high = alternative(`<=${hyphen[2]}`)
    return low && high ? [low[0], high[1]] : null
  }
  let from = 0
  let to = Infinity
  for (const token of trimmed.split(/\s+/)) {
    const m = PART.exec(token)
    if (!m) return null
    const [, op = '', majorText, minorText] = m
    if (/[xX*]/.test(majorText)) continue
    const major = Number(majorText)
    const minorWild = minorText === undefined || /[xX*]/.test(minorText)
    const minor = minorWild ? 0 : Number(minorText)
    const k = key(major, minor)
    switch (op) {
      case '':
      case '=':
      case '^':
      case '~':
        from = Math.max(from, k)
        to = Math.min(to, next(k))
        break
      case '>=':
      case '>':
        from = Math.max(from, k)
        break
      case '<':
        // `<6` and `<6.0.0` stop before 6; `<6.2` still admits part of 6.
        to = Math.min(to, minorWild || minor === 0 || major === 0 ? k : next(k))
        break
      case '<=':
        to = Math.min(to, next(k))
        break
    }
  }
  return from < to ? [from, to] : null
}

/** The majors a range admits, or null when any part of it is unreadable (a tag, a URL, `workspace:`). */
export function admittedMajors(range: string): Interval[] | null {
  const parts = range.split('||').map(alternative)
  return parts.some((p) => p === null) ? null : (parts as Interval[])
}

/** The majors `before` admits and `after` does not, in words (`4`, `4 and 5`), or null. */
export function majorsDropped(before: string, after: string): string | null {
  const was = admittedMajors(before)
  const now = admittedMajors(after)
  if (!was || !now) return null
  const finite = [...was, ...now].flatMap(([a, b]) => [a, b]).filter((n) => Number.isFinite(n))
  const top = next(Math.max(0, ...finite))
  const admits = (set: Interval[], k: number) => set.some(([a, b]) => k >= a && k < b)
  const dropped: number[] = []
  for (let k = 0; k <= top; k = next(k)) if (admits(was, k) && !admits(now, k)) dropped.push(k)
  // `>=4` at the base admits every later major: one past the highest named is not a real user.
  const real = dropped.filter((k) => k < top || was.every(([, b]) => b !== Infinity))
  if (real.length === 0) return null
  if (real.length > 4) return `${words(real[0])} to ${words(real.at(-1)!)} (${real.length} majors)`
  const said = real.map(words)
  return said.length === 1 ? said[0] : `${said.slice(0, -1).join(', ')} and ${said.at(-1)}`
}

export interface PeerChange {
  name: string
  before: string
  after: string
  /** What users lose, in words. */
  reason: string
}

/** Peer ranges narrowed by a major, and dependencies moved into peerDependencies. */
export function peerChanges(was: PackageManifest, now: PackageManifest): PeerChange[] {
  const found: PeerChange[] = []
  const oldPeers = was.peerDependencies ?? {}
  for (const [name, after] of Object.entries(now.peerDependencies ?? {}).sort()) {
    const before = oldPeers[name]
    if (before !== undefined) {
      const dropped = majorsDropped(before, after)
      if (dropped)
        found.push({
          name,
          before,
          after,
          reason: `no longer admits ${name} ${dropped}, which \`${before}\` did`
        })
    } else if (was.dependencies.includes(name)) {
      found.push({
        name,
        before: 'a dependency of its own',
        after,
        reason: `moved from the package's own dependencies to peerDependencies: users must now install ${name} \`${after}\` themselves`
      })
    }
  }
  return found
}
