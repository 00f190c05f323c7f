// When each Node.js and Python release line stops getting fixes (the projects' published schedules).
// A line missing from the table is newer than every line in it, so it is taken as maintained.
import {
  PYTHON_2_END_OF_LIFE,
  PYTHON_END_OF_LIFE,
  PYTHON_NEWEST_KNOWN
} from '../shared/python-end-of-life.js'

/** Node.js majors: end of life (nodejs.org release schedule). */
const NODE_END: Record<number, string> = {
  4: '2018-04-30',
  5: '2016-06-30',
  6: '2019-04-30',
  7: '2017-06-30',
  8: '2019-12-31',
  9: '2018-06-30',
  10: '2021-04-30',
  11: '2019-06-01',
  12: '2022-04-30',
  13: '2020-06-01',
  14: '2023-04-30',
  15: '2021-06-01',
  16: '2023-09-11',
  17: '2022-06-01',
  18: '2025-04-30',
  19: '2023-06-01',
  20: '2026-04-30',
  21: '2024-06-01',
  22: '2027-04-30',
  23: '2025-06-01',
  24: '2028-04-30',
  25: '2026-06-01'
}
const NODE_NEWEST_KNOWN = 25

/** The day a release line ended, or null when it is still maintained at `now` or newer than the table. */
export function endedBy(
  runtime: 'node' | 'python',
  version: { major: number; minor: number },
  now: string
): string | null {
  const end = endOf(runtime, version)
  return end !== null && end < now.slice(0, 10) ? end : null
}

function endOf(runtime: 'node' | 'python', v: { major: number; minor: number }): string | null {
  if (runtime === 'node') {
    if (v.major > NODE_NEWEST_KNOWN) return null
    return NODE_END[v.major] ?? '2016-01-01'
  }
  if (v.major < 3) return PYTHON_2_END_OF_LIFE
  if (v.major > 3 || v.minor > PYTHON_NEWEST_KNOWN) return null
  return PYTHON_END_OF_LIFE[v.minor] ?? null
}

/** The oldest line still maintained at `now`, for the message ("Node.js 22", "Python 3.10"). */
export function oldestMaintained(runtime: 'node' | 'python', now: string): string {
  const day = now.slice(0, 10)
  if (runtime === 'node') {
    const even = Object.entries(NODE_END)
      .filter(([major, end]) => Number(major) % 2 === 0 && end >= day)
      .map(([major]) => Number(major))
    return String(even.length > 0 ? Math.min(...even) : NODE_NEWEST_KNOWN + 1)
  }
  const minors = Object.entries(PYTHON_END_OF_LIFE)
    .filter(([, end]) => end >= day)
    .map(([minor]) => Number(minor))
  return `3.${minors.length > 0 ? Math.min(...minors) : PYTHON_NEWEST_KNOWN + 1}`
}
