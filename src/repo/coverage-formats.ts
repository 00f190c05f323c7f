// Parsers for the four coverage formats. Each returns per-file coverage keyed by the path as
// written in the report; coverage.ts maps those paths into the repository.
import { XMLParser } from 'fast-xml-parser'
import type { CoverageReport, FileCoverage } from '../model/types.js'
import { isRecord } from './manifest-common.js'

/** Accumulates one file's coverage; repeated entries for a file (several test runs, Java inner classes) add up. */
export class FileAccumulator {
  readonly lines = new Map<number, number>()
  readonly branches = new Map<string, number>()
  readonly functions = new Map<
    string,
    { name: string; line: number; hits: number; excluded?: boolean }
  >()
  readonly excluded = new Set<number>()

  line(line: number, hits: number): void {
    if (!Number.isInteger(line) || line < 1) return
    this.lines.set(line, (this.lines.get(line) ?? 0) + Math.max(0, hits || 0))
  }

  branch(key: string, hits: number): void {
    this.branches.set(key, (this.branches.get(key) ?? 0) + Math.max(0, hits || 0))
  }

  fn(name: string, line: number, hits: number, excluded = false): void {
    const key = `${name}@${line}`
    const existing = this.functions.get(key)
    if (existing) existing.hits += Math.max(0, hits || 0)
    else
      this.functions.set(key, {
        name,
        line,
        hits: Math.max(0, hits || 0),
        ...(excluded ? { excluded: true } : {})
      })
  }

  /** A line the tool excluded by the project's configuration: neither run nor unrun. */
  exclude(line: number): void {
    if (Number.isInteger(line) && line >= 1) this.excluded.add(line)
  }

  finish(path: string): FileCoverage {
    const uncoveredLines: number[] = []
    const coveredLines: number[] = []
    let linesHit = 0
    for (const [line, hits] of this.lines) {
      if (hits > 0) {
        linesHit++
        coveredLines.push(line)
      } else uncoveredLines.push(line)
    }
    let branchesHit = 0
    for (const hits of this.branches.values()) if (hits > 0) branchesHit++
    return {
      path,
      linesFound: this.lines.size,
      linesHit,
      branchesFound: this.branches.size,
      branchesHit,
      uncoveredLines: uncoveredLines.sort((a, b) => a - b),
      coveredLines: coveredLines.sort((a, b) => a - b),
      ...(this.excluded.size > 0
        ? { excludedLines: [...this.excluded].sort((a, b) => a - b) }
        : {}),
      functions: [...this.functions.values()].sort(
        (a, b) => a.line - b.line || (a.name < b.name ? -1 : 1)
      )
    }
  }
}

export type RawCoverage = Map<string, FileAccumulator>

function accumulator(files: RawCoverage, path: string): FileAccumulator {
  let found = files.get(path)
  if (!found) files.set(path, (found = new FileAccumulator()))
  return found
}

/** lcov tracefiles (`SF:`, `DA:`, `FN:`/`FNDA:`, `BRDA:`, `end_of_record`). */
export function parseLcov(text: string): RawCoverage {
  const files: RawCoverage = new Map()
  let current: FileAccumulator | undefined
  // Function lines (FN) and counts (FNDA) come separately; a function with no FNDA was not called.
  // Methods of several classes in one file share names (`encode` at lines 4, 22, 36): the tools write
  // one FN and one FNDA per function, in the same order, so the n-th count is the n-th function's.
  let fnLines = new Map<string, number[]>()
  let fnHits = new Map<string, number[]>()
  const flush = (): void => {
    if (current) {
      for (const [name, lines] of fnLines) {
        const hits = fnHits.get(name) ?? []
        const total = hits.reduce((a, b) => a + b, 0)
        if (lines.length === 1) current.fn(name, lines[0], total)
        // Counts that cannot be paired with their functions: the lines decide for each of them.
        else if (hits.length === lines.length || hits.length === 0)
          lines.forEach((line, i) => current?.fn(name, line, hits[i] ?? 0))
      }
      for (const [name, hits] of fnHits)
        if (!fnLines.has(name))
          current.fn(
            name,
            0,
            hits.reduce((a, b) => a + b, 0)
          )
    }
    fnLines = new Map()
    fnHits = new Map()
  }
  for (const raw of text.split(/\r?\n/)) {
    const colon = raw.indexOf(':')
    const tag = colon < 0 ? raw.trim() : raw.slice(0, colon).trim()
    const value = colon < 0 ? '' : raw.slice(colon + 1)
    if (tag === 'SF') {
      flush()
      current = accumulator(files, value.trim())
    } else if (tag === 'end_of_record') {
      flush()
      current = undefined
    } else if (current) {
      const parts = value.split(',')
      if (tag === 'DA') current.line(Number(parts[0]), Number(parts[1]))
      else if (tag === 'FN') {
        // lcov 1.x: FN:line,name; lcov 2.x: FN:start,end,name.
        const name =
          parts.length >= 3 && /^\d+$/.test(parts[1])
            ? parts.slice(2).join(',')
            : parts.slice(1).join(',')
        fnLines.set(name, [...(fnLines.get(name) ?? []), Number(parts[0])])
      } else if (tag === 'FNDA') {
        const name = parts.slice(1).join(',')
        fnHits.set(name, [...(fnHits.get(name) ?? []), Math.max(0, Number(parts[0]) || 0)])
      } else if (tag === 'BRDA') {
        current.branch(
          `${parts[0]}:${parts[1]}:${parts[2]}`,
          parts[3] === '-' ? 0 : Number(parts[3])
        )
      }
    }
  }
  flush()
  return files
}

interface IstanbulLocation {
  start?: { line?: number }
}

/** Istanbul's coverage-final.json: statement, function and branch maps with hit counts. */
export function parseIstanbul(data: Record<string, unknown>): RawCoverage {
  const files: RawCoverage = new Map()
  for (const [key, value] of Object.entries(data)) {
    const entry = isRecord(value) && isRecord(value.data) ? value.data : value
    if (!isRecord(entry) || !isRecord(entry.statementMap)) continue
    const path = typeof entry.path === 'string' ? entry.path : key
    const file = accumulator(files, path)
    const statements = isRecord(entry.s) ? entry.s : {}
    // A line's hits are the most any statement starting on it got (as istanbul-lib-coverage counts lines).
    const lineHits = new Map<number, number>()
    for (const [id, location] of Object.entries(entry.statementMap)) {
      const line = (location as IstanbulLocation)?.start?.line
      if (typeof line !== 'number') continue
      // `istanbul ignore` marks what it skips; the instrumenter never counts those.
      if ((location as { skip?: boolean }).skip === true) {
        file.exclude(line)
        continue
      }
      const hits = Number(statements[id] ?? 0)
      lineHits.set(line, Math.max(lineHits.get(line) ?? 0, hits))
    }
    for (const [line, hits] of lineHits) file.line(line, hits)
    const fnMap = isRecord(entry.fnMap) ? entry.fnMap : {}
    const fnHits = isRecord(entry.f) ? entry.f : {}
    for (const [id, fn] of Object.entries(fnMap)) {
      if (!isRecord(fn)) continue
      const line =
        (fn.decl as IstanbulLocation)?.start?.line ?? (fn.loc as IstanbulLocation)?.start?.line ?? 0
      file.fn(
        typeof fn.name === 'string' ? fn.name : `(anonymous_${id})`,
        line,
        Number(fnHits[id] ?? 0),
        fn.skip === true
      )
    }
    const branchHits = isRecord(entry.b) ? entry.b : {}
    for (const [id, counts] of Object.entries(branchHits)) {
      if (Array.isArray(counts))
        counts.forEach((hits, index) => file.branch(`${id}:${index}`, Number(hits)))
    }
  }
  return files
}

/** coverage.py's `coverage json` output. */
export function parseCoveragePy(data: Record<string, unknown>): RawCoverage {
  const files: RawCoverage = new Map()
  const entries = isRecord(data.files) ? data.files : {}
  for (const [path, value] of Object.entries(entries)) {
    if (!isRecord(value)) continue
    const file = accumulator(files, path)
    const executed = numbers(value.executed_lines)
    const missing = numbers(value.missing_lines)
    for (const line of executed) file.line(line, 1)
    for (const line of missing) file.line(line, 0)
    for (const line of numbers(value.excluded_lines)) file.exclude(line)
    for (const arc of Array.isArray(value.executed_branches) ? value.executed_branches : [])
      file.branch(String(arc), 1)
    for (const arc of Array.isArray(value.missing_branches) ? value.missing_branches : [])
      file.branch(String(arc), 0)
    // coverage.py 7.5+ lists functions ('' is the module's top-level code).
    if (isRecord(value.functions)) {
      for (const [name, fn] of Object.entries(value.functions)) {
        if (!name || !isRecord(fn)) continue
        const fnExecuted = numbers(fn.executed_lines)
        const all = [...fnExecuted, ...numbers(fn.missing_lines)]
        const fnExcluded = numbers(fn.excluded_lines)
        const line =
          typeof fn.start_line === 'number'
            ? fn.start_line
            : all.length > 0
              ? Math.min(...all)
              : fnExcluded.length > 0
                ? Math.min(...fnExcluded)
                : 0
        // A function under `# pragma: no cover` has no measured lines, only excluded ones.
        file.fn(
          name,
          line,
          fnExecuted.length > 0 ? 1 : 0,
          all.length === 0 && fnExcluded.length > 0
        )
      }
    }
  }
  return files
}

function numbers(value: unknown): number[] {
  return Array.isArray(value)
    ? value.filter((item): item is number => typeof item === 'number')
    : []
}

const coberturaXml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => ['source', 'package', 'class', 'method', 'line'].includes(name)
})

/** Cobertura XML (also what coverage.py's `coverage xml` writes). Returns the <source> folders too. */
export function parseCobertura(text: string): { files: RawCoverage; sources: string[] } {
  const files: RawCoverage = new Map()
  const data = coberturaXml.parse(text) as unknown
  const coverage = isRecord(data) && isRecord(data.coverage) ? data.coverage : undefined
  if (!coverage) throw new Error('no <coverage> element')
  const sources =
    isRecord(coverage.sources) && Array.isArray(coverage.sources.source)
      ? coverage.sources.source.map((s) => String(s).trim()).filter(Boolean)
      : []
  const packages =
    isRecord(coverage.packages) && Array.isArray(coverage.packages.package)
      ? coverage.packages.package
      : []
  for (const pkg of packages) {
    const classes =
      isRecord(pkg) && isRecord(pkg.classes) && Array.isArray(pkg.classes.class)
        ? pkg.classes.class
        : []
    for (const cls of classes) {
      if (!isRecord(cls) || typeof cls.filename !== 'string') continue
      const file = accumulator(files, cls.filename)
      const lines = isRecord(cls.lines) && Array.isArray(cls.lines.line) ? cls.lines.line : []
      for (const line of lines) {
        if (!isRecord(line)) continue
        const number = Number(line.number)
        file.line(number, Number(line.hits))
        // condition-coverage="50% (1/2)": two branches, one taken.
        const condition = /\((\d+)\/(\d+)\)/.exec(String(line['condition-coverage'] ?? ''))
        if (line.branch === 'true' && condition) {
          const taken = Number(condition[1])
          for (let i = 0; i < Number(condition[2]); i++)
            file.branch(`${number}:${i}`, i < taken ? 1 : 0)
        }
      }
      const methods =
        isRecord(cls.methods) && Array.isArray(cls.methods.method) ? cls.methods.method : []
      for (const method of methods) {
        if (!isRecord(method) || typeof method.name !== 'string') continue
        const methodLines =
          isRecord(method.lines) && Array.isArray(method.lines.line)
            ? method.lines.line.filter(isRecord)
            : []
        const first = methodLines[0]
        file.fn(method.name, first ? Number(first.number) : 0, first ? Number(first.hits) : 0)
      }
    }
  }
  return { files, sources }
}

/** Which format a report's text is in, from its content (not its name). */
export function detectFormat(text: string): CoverageReport['format'] | 'json' | null {
  const start = text.trimStart()
  if (start.startsWith('<')) return /<coverage[\s>]/.test(start.slice(0, 4096)) ? 'cobertura' : null
  if (start.startsWith('{')) return 'json'
  return /^(TN|SF):/m.test(start.slice(0, 4096)) ? 'lcov' : null
}
