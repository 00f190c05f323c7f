// Version ranges (package.json engines, requires-python) against the versions a workflow tests.
// Node compares by major version, Python by major.minor.

export interface Version {
  major: number
  minor: number
}

export type Runtime = 'node' | 'python'

export function parseVersion(text: string): Version | null {
  const m = /^\s*v?(\d+)(?:\.(\d+|x|\*))?/.exec(text)
  if (!m) return null
  return {
    major: Number(m[1]),
    minor: m[2] === undefined || m[2] === 'x' || m[2] === '*' ? 0 : Number(m[2])
  }
}

export function compare(a: Version, b: Version, runtime: Runtime): number {
  return a.major - b.major || (runtime === 'python' ? a.minor - b.minor : 0)
}

export function show(v: Version, runtime: Runtime): string {
  return runtime === 'python' ? `${v.major}.${v.minor}` : String(v.major)
}

/** The lowest version a range allows (`>=18`, `^18.2`, `18 || >=20`, `>=3.9,<4`, `~=3.10`), or null when unbounded. */
export function minimumOf(range: string): Version | null {
  let lowest: Version | null = null
  for (const alternative of range.split('||')) {
    let bound: Version | null = null
    const hyphen = /^\s*([\d.x*]+)\s+-\s+/.exec(alternative)
    const comparators = hyphen ? [hyphen[1]] : alternative.split(/[\s,]+/).filter(Boolean)
    for (const comparator of comparators) {
      const m = /^(>=|>|\^|~=|~|==|=)?\s*v?(\d[\w.*]*)$/.exec(comparator)
      if (!m) continue
      const v = parseVersion(m[2])
      if (!v) continue
      if (!bound || v.major > bound.major || (v.major === bound.major && v.minor > bound.minor))
        bound = v
    }
    if (!bound) return null // one unbounded alternative allows anything
    if (
      !lowest ||
      bound.major < lowest.major ||
      (bound.major === lowest.major && bound.minor < lowest.minor)
    )
      lowest = bound
  }
  return lowest
}

/** The highest version an upper bound allows (`<23` gives 22), for the suggested matrix; null when open. */
export function maximumMajorOf(range: string): number | null {
  const m = /<(=)?\s*v?(\d+)(?:\.(\d+))?/.exec(range)
  if (!m) return null
  const major = Number(m[2])
  return m[1] === '=' || (m[3] !== undefined && Number(m[3]) > 0) ? major : major - 1
}
