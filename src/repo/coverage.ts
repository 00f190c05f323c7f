// Coverage reports: looked for on disk in the usual places (they are normally git-ignored, so
// the file list does not have them) and in paths the user names, parsed and mapped to repository paths.
import { isAbsolute, posix, relative } from 'node:path'
import type { CoverageReport, FileCoverage, PackageManifest } from '../model/types.js'
import { errorMessage } from '../util/errors.js'
import {
  detectFormat,
  parseCobertura,
  parseCoveragePy,
  parseIstanbul,
  parseLcov,
  type RawCoverage
} from './coverage-formats.js'
import { isRecord } from './manifest-common.js'
import { mapLimit } from './map-limit.js'
import { isWithin, readTextFile, toPosix } from './read-text.js'
import { ReportPathMapper } from './report-paths.js'

const MAX_REPORT_BYTES = 100 * 1024 * 1024

/** Where coverage tools write by default, relative to a project folder. */
const USUAL_LOCATIONS = [
  'coverage/lcov.info',
  'lcov.info',
  'coverage/coverage-final.json',
  'coverage/cobertura-coverage.xml',
  'coverage.xml',
  'coverage.json'
]
const REPORT_NAMES = new Set(['lcov.info', 'coverage-final.json', 'cobertura-coverage.xml'])

/** Candidate report paths: usual places at the root and in each package folder, committed reports, and the user's. */
export function coverageCandidates(
  allPaths: readonly string[],
  manifests: readonly PackageManifest[],
  userPaths: readonly string[]
): string[] {
  const folders = new Set([''])
  for (const manifest of manifests) {
    const folder = posix.dirname(manifest.path)
    if (folder !== '.') folders.add(folder)
  }
  const candidates = new Set<string>()
  for (const folder of [...folders].sort())
    for (const location of USUAL_LOCATIONS)
      candidates.add(folder ? `${folder}/${location}` : location)
  for (const path of allPaths) if (REPORT_NAMES.has(posix.basename(path))) candidates.add(path)
  for (const path of userPaths) candidates.add(path)
  return [...candidates]
}

/** Reads and parses every report found; problems become notes, never errors. */
export async function readCoverageReports(
  root: string,
  allPaths: readonly string[],
  manifests: readonly PackageManifest[],
  userPaths: readonly string[],
  notes: string[]
): Promise<CoverageReport[]> {
  const userGiven = new Set(userPaths)
  const reports = await mapLimit(
    coverageCandidates(allPaths, manifests, userPaths),
    4,
    async (candidate) => {
      const read = await readTextFile(root, candidate, MAX_REPORT_BYTES)
      if ('missing' in read) {
        if (userGiven.has(candidate))
          notes.push(
            `Coverage report ${candidate} (from the coverage setting) was not found; check the path, and that the tests ran with coverage before.`
          )
        return null
      }
      if ('error' in read) {
        notes.push(`Coverage report ${read.error}`)
        return null
      }
      const reportPath =
        isAbsolute(candidate) && isWithin(root, candidate)
          ? toPosix(relative(root, candidate))
          : candidate
      try {
        const report = parseReport(root, allPaths, reportPath, read.text)
        if (!report) {
          notes.push(
            `Coverage report ${reportPath} is not in a format we read (lcov, Istanbul JSON, Cobertura XML, coverage.py JSON); it was ignored.`
          )
          return null
        }
        report.modified = read.modified.toISOString()
        return report
      } catch (error) {
        notes.push(
          `Coverage report ${reportPath} could not be parsed (${errorMessage(error)}); it was ignored.`
        )
        return null
      }
    }
  )
  return reports
    .filter((report): report is CoverageReport => report !== null)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Parses one report's text, or returns null when it is not a coverage format. */
export function parseReport(
  root: string,
  allPaths: readonly string[],
  reportPath: string,
  text: string
): CoverageReport | null {
  const folder = isAbsolute(reportPath)
    ? ''
    : posix.dirname(reportPath) === '.'
      ? ''
      : posix.dirname(reportPath)
  const mapper = new ReportPathMapper(root, allPaths, folder)
  const format = detectFormat(text)
  if (format === 'lcov')
    return build(reportPath, 'lcov', parseLcov(text), (path) => mapper.map(path))
  if (format === 'cobertura') {
    const { files, sources } = parseCobertura(text)
    return build(reportPath, 'cobertura', files, (path) =>
      mapper.map(...sources.map((source) => posix.join(source.replace(/\\/g, '/'), path)), path)
    )
  }
  if (format === 'json') {
    const data = JSON.parse(text) as unknown
    if (!isRecord(data)) return null
    if (isRecord(data.files) && (isRecord(data.meta) || isRecord(data.totals))) {
      return build(reportPath, 'coverage.py-json', parseCoveragePy(data), (path) =>
        mapper.map(path)
      )
    }
    const istanbul = parseIstanbul(data)
    if (istanbul.size > 0 || Object.keys(data).length === 0)
      return build(reportPath, 'istanbul-json', istanbul, (path) => mapper.map(path))
  }
  return null
}

/** One file's coverage from two entries: a line or function that ran in either ran. */
export function mergeFile(a: FileCoverage, b: FileCoverage): FileCoverage {
  const covered = new Set([...(a.coveredLines ?? []), ...(b.coveredLines ?? [])])
  const uncovered = new Set(
    [...a.uncoveredLines, ...b.uncoveredLines].filter((line) => !covered.has(line))
  )
  // Without the covered lines (a format that lists only misses) the fuller entry's counts stand.
  const counted = a.coveredLines !== undefined && b.coveredLines !== undefined
  const fuller = a.linesFound >= b.linesFound ? a : b
  const functions = new Map<string, FileCoverage['functions'][number]>()
  for (const fn of [...a.functions, ...b.functions]) {
    const key = `${fn.name}@${fn.line}`
    const seen = functions.get(key)
    functions.set(key, seen ? { ...seen, hits: seen.hits + fn.hits } : fn)
  }
  const excluded = [...new Set([...(a.excludedLines ?? []), ...(b.excludedLines ?? [])])]
  return {
    path: a.path,
    linesFound: counted ? covered.size + uncovered.size : fuller.linesFound,
    linesHit: counted ? covered.size : Math.max(a.linesHit, b.linesHit),
    branchesFound: Math.max(a.branchesFound, b.branchesFound),
    branchesHit: Math.max(a.branchesHit, b.branchesHit),
    uncoveredLines: [...uncovered].sort((x, y) => x - y),
    ...(counted || a.coveredLines || b.coveredLines
      ? { coveredLines: [...covered].sort((x, y) => x - y) }
      : {}),
    ...(excluded.length > 0 ? { excludedLines: excluded.sort((x, y) => x - y) } : {}),
    functions: [...functions.values()]
  }
}

function build(
  path: string,
  format: CoverageReport['format'],
  raw: RawCoverage,
  map: (path: string) => string
): CoverageReport {
  const files = new Map<string, FileCoverage>()
  // A first pass learns the other machine's checkout folder from the paths that match, so that a path
  // under it that matches nothing reads as the repository path it was (a deleted file), not as foreign.
  for (const written of raw.keys()) map(written)
  for (const [written, accumulated] of raw) {
    const mapped = map(written)
    // Two written paths can name one repository file (absolute and relative; the run's copy and the
    // workspace a subprocess imported through an editable install): what ran in either ran.
    const coverage = accumulated.finish(mapped)
    const previous = files.get(mapped)
    files.set(mapped, previous ? mergeFile(previous, coverage) : coverage)
  }
  return {
    path,
    format,
    files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  }
}
