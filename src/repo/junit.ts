// JUnit XML test reports (jest-junit, pytest --junitxml, Maven Surefire, Gradle): one entry per test case.
import { readdir } from 'node:fs/promises'
import { isAbsolute, join, posix, relative } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import type { JUnitCase } from '../model/types.js'
import { errorMessage } from '../util/errors.js'
import { isRecord, xmlProblem } from './manifest-common.js'
import { mapLimit } from './map-limit.js'
import { isWithin, readTextFile, toPosix } from './read-text.js'
import { ReportPathMapper } from './report-paths.js'

const MAX_REPORT_BYTES = 50 * 1024 * 1024
const MAX_SCANNED_FILES = 500
const MAX_SCAN_DEPTH = 4

/** Report files tools write at a project's root. */
const USUAL_FILES = [
  'junit.xml',
  'test-results.xml',
  'test-report.xml',
  'report.xml',
  'TEST-results.xml'
]
/** Folders whose XML files are usually test reports. */
const USUAL_FOLDERS = [
  'test-results',
  'test-reports',
  'reports',
  'target/surefire-reports',
  'target/failsafe-reports',
  'build/test-results'
]

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => name === 'testsuite' || name === 'testcase'
})

/** XML files under `folder` (relative to root), depth- and count-bounded, without following symlinks. */
async function scanFolder(root: string, folder: string): Promise<string[]> {
  const found: string[] = []
  const stack: { dir: string; depth: number }[] = [{ dir: folder, depth: 0 }]
  while (stack.length > 0 && found.length < MAX_SCANNED_FILES) {
    const { dir, depth } = stack.pop()!
    let entries
    try {
      entries = await readdir(join(root, dir), { withFileTypes: true })
    } catch {
      continue
    }
    for (const entry of entries) {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory() && depth < MAX_SCAN_DEPTH) stack.push({ dir: path, depth: depth + 1 })
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.xml')) found.push(path)
    }
  }
  return found
}

/** Candidate report paths: usual files and folders, committed files named like junit reports, and the user's. */
export async function junitCandidates(
  root: string,
  allPaths: readonly string[],
  userPaths: readonly string[]
): Promise<string[]> {
  const candidates = new Set<string>(USUAL_FILES)
  for (const folder of USUAL_FOLDERS)
    for (const path of await scanFolder(root, folder)) candidates.add(path)
  for (const path of allPaths)
    if (/(^|\/)(junit|TEST-)[^/]*\.xml$/i.test(path)) candidates.add(path)
  for (const path of userPaths) candidates.add(path)
  return [...candidates].sort()
}

export async function readJUnitReports(
  root: string,
  allPaths: readonly string[],
  userPaths: readonly string[],
  notes: string[]
): Promise<JUnitCase[]> {
  const userGiven = new Set(userPaths)
  const perFile = await mapLimit(
    await junitCandidates(root, allPaths, userPaths),
    4,
    async (candidate) => {
      const read = await readTextFile(root, candidate, MAX_REPORT_BYTES)
      if ('missing' in read) {
        if (userGiven.has(candidate))
          notes.push(`JUnit report ${candidate} (from junit-paths) was not found; check the path.`)
        return []
      }
      if ('error' in read) {
        notes.push(`JUnit report ${read.error}`)
        return []
      }
      const reportPath =
        isAbsolute(candidate) && isWithin(root, candidate)
          ? toPosix(relative(root, candidate))
          : candidate
      try {
        const problem = xmlProblem(read.text)
        if (problem)
          notes.push(
            `JUnit report ${reportPath} is not well-formed XML (${problem}); its test cases may be incomplete.`
          )
        const cases = parseJUnit(
          read.text,
          new ReportPathMapper(
            root,
            allPaths,
            isAbsolute(reportPath) ? '' : posix.dirname(reportPath).replace(/^\.$/, '')
          )
        )
        if (cases === null && userGiven.has(candidate))
          notes.push(
            `${reportPath} is not a JUnit XML report (no <testsuites> or <testsuite>); it was ignored.`
          )
        return cases ?? []
      } catch (error) {
        notes.push(
          `JUnit report ${reportPath} could not be parsed (${errorMessage(error)}); it was ignored.`
        )
        return []
      }
    }
  )
  return perFile.flat()
}

/** The test cases of one report in document order, or null when the XML is not a JUnit report. */
export function parseJUnit(text: string, mapper?: ReportPathMapper): JUnitCase[] | null {
  const data = xml.parse(text) as unknown
  if (!isRecord(data)) return null
  if (!('testsuites' in data) && !('testsuite' in data)) return null
  const roots = isRecord(data.testsuites)
    ? asArray(data.testsuites.testsuite)
    : asArray(data.testsuite)
  const cases: JUnitCase[] = []
  // Suites can nest; walk them with an explicit stack (in document order).
  const stack: { suite: Record<string, unknown>; file?: string }[] = []
  for (let i = roots.length - 1; i >= 0; i--)
    if (isRecord(roots[i])) stack.push({ suite: roots[i] as Record<string, unknown> })
  while (stack.length > 0) {
    const { suite, file: parentFile } = stack.pop()!
    const suiteName = typeof suite.name === 'string' ? suite.name : ''
    const suiteFile = typeof suite.file === 'string' ? suite.file : parentFile
    for (const testcase of asArray(suite.testcase)) {
      if (!isRecord(testcase)) continue
      const file = typeof testcase.file === 'string' ? testcase.file : suiteFile
      const entry: JUnitCase = {
        suite: suiteName || (typeof testcase.classname === 'string' ? testcase.classname : ''),
        name: typeof testcase.name === 'string' ? testcase.name : '',
        seconds: parseSeconds(testcase.time),
        status:
          'failure' in testcase
            ? 'failed'
            : 'error' in testcase
              ? 'error'
              : 'skipped' in testcase
                ? 'skipped'
                : 'passed'
      }
      if (file) entry.file = mapper ? mapper.map(file) : file
      cases.push(entry)
    }
    const children = asArray(suite.testsuite)
    for (let i = children.length - 1; i >= 0; i--)
      if (isRecord(children[i]))
        stack.push({ suite: children[i] as Record<string, unknown>, file: suiteFile })
  }
  return cases
}

/** `time` as seconds: "1.5", "1,234.5" (thousands separator) or "0,25" (decimal comma, some locales). */
function parseSeconds(value: unknown): number {
  let text = String(value ?? '0').trim()
  if (/^\d+,\d+$/.test(text) && !/^\d{1,3},\d{3}$/.test(text)) text = text.replace(',', '.')
  else text = text.replace(/,/g, '')
  const seconds = Number.parseFloat(text)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 0
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value]
}
