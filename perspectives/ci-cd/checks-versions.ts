// The versions a test job runs on against what the project declares it supports: package.json
// `engines.node` and `requires-python`. The oldest supported version must be tested; versions below
// it should not be.
import { isPython, lineEvidence, type CheckInput, type Draft } from './check-input.js'
import { endedBy, oldestMaintained } from './end-of-life.js'
import type { JobRun } from './graph.js'
import {
  compare,
  maximumMajorOf,
  minimumOf,
  parseVersion,
  show,
  type Runtime,
  type Version
} from './versions.js'

interface Tested {
  version: Version
  line: number
  file: string
}

const SETUP: Record<Runtime, { action: RegExp; input: string; name: string }> = {
  node: { action: /^actions\/setup-node@/, input: 'node-version', name: 'Node.js' },
  python: { action: /^actions\/setup-python@/, input: 'python-version', name: 'Python' }
}

/**
 * A concrete version from a setup input: `18`, `20.x`, `3.11`, `3.14t`, `pypy-3.11`. Aliases that follow
 * releases (`lts/*`, `latest`, `3.x`) are newer than any minimum, so they are left out, not guessed.
 */
function versionOf(value: string, runtime: Runtime): Version | null {
  const text = runtime === 'python' ? value.replace(/^(pypy|graalpy)-?/i, '') : value
  if (runtime === 'python' && !/^\s*\d+\.\d+/.test(text)) return null
  return parseVersion(text)
}

/** The versions a job sets up, or null when one of them is only known at run time (lts/*, a version file...). */
function testedVersions(run: JobRun, runtime: Runtime): Tested[] | null {
  const out: Tested[] = []
  let found = false
  for (const { step } of run.steps) {
    if (!step.uses || !SETUP[runtime].action.test(step.uses.value)) continue
    found = true
    const input = step.with.get(SETUP[runtime].input)
    if (!input) return null
    for (const raw of input.value
      .split(/[\n,]+/)
      .map((v) => v.trim())
      .filter(Boolean)) {
      const ref = /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(raw)
      if (ref) {
        const axis = run.job.matrix.get(ref[1])
        if (!axis || axis.dynamic || axis.values.length === 0) return null
        for (const value of axis.values) {
          const v = versionOf(value, runtime)
          if (v) out.push({ version: v, line: axis.line, file: run.workflow.file.path })
        }
        continue
      }
      if (raw.includes('$')) return null
      const v = versionOf(raw, runtime)
      if (v) out.push({ version: v, line: input.line, file: step.file })
    }
  }
  return found && out.length > 0 ? out : null
}

export function versionMatrix(input: CheckInput): Draft[] {
  const out: Draft[] = []
  const declared: { runtime: Runtime; range: string; manifest: string; field: string }[] = []
  const node = input.project.node
  if (node?.engines)
    declared.push({
      runtime: 'node',
      range: node.engines,
      manifest: node.manifest.path,
      field: 'engines.node'
    })
  const py = input.project.python
  if (py?.requiresPython && py.manifestPath)
    declared.push({
      runtime: 'python',
      range: py.requiresPython,
      manifest: py.manifestPath,
      field: 'requires-python'
    })
  for (const d of declared) {
    const minimum = minimumOf(d.range)
    if (!minimum) continue
    const name = SETUP[d.runtime].name
    const shownMinimum = show(minimum, d.runtime)
    const base = {
      runtime: name,
      minimum: shownMinimum,
      manifest: d.manifest,
      field: d.field,
      declared: d.range
    }
    const seen = new Set<string>()
    const known: { run: JobRun; tested: Tested[] }[] = []
    let unknown = 0
    for (const run of input.graph.jobRuns) {
      if (!input.graph.commands.some((c) => c.run === run && c.kinds.has('test'))) continue
      const tested = testedVersions(run, d.runtime)
      if (!tested) {
        if (
          run.steps.some(({ step }) => step.uses && SETUP[d.runtime].action.test(step.uses.value))
        )
          unknown++
        continue
      }
      known.push({ run, tested })
      // One finding per place a job lists versions below the minimum (a matrix line lists them all).
      const below = tested.filter((t) => compare(t.version, minimum, d.runtime) < 0)
      for (const place of [...new Set(below.map((t) => `${t.file}:${t.line}`))]) {
        const here = below.filter((t) => `${t.file}:${t.line}` === place)
        const versions = [...new Set(here.map((t) => show(t.version, d.runtime)))].join(', ')
        const key = `${run.job.id}#${d.runtime}#below#${versions}`
        if (seen.has(`${here[0].file}|${key}`)) continue
        seen.add(`${here[0].file}|${key}`)
        out.push({
          messageId: 'runtimeBelowSupported',
          data: { ...base, job: run.job.id, file: here[0].file, version: versions },
          severity: 'low',
          confidence: 'high',
          rationale:
            'A CI run on a version the package says it does not support either hides that the declared range is too narrow or spends runner time on nothing users run.',
          evidence: lineEvidence(input, here[0].file, here[0].line),
          key
        })
      }
    }
    // The oldest supported version must be tested somewhere; one job on the newest version is normal.
    const all = known.flatMap((k) => k.tested)
    if (all.length === 0 || all.some((t) => compare(t.version, minimum, d.runtime) <= 0)) continue
    const first = known[0]
    const versions = [...new Set(all.map((t) => show(t.version, d.runtime)))]
    out.push({
      messageId: 'runtimeMinimumUntested',
      data: {
        ...base,
        file: first.tested[0].file,
        tested: versions.join(', '),
        jobs: [...new Set(known.map((k) => k.run.job.id))].join(', ')
      },
      severity: 'medium',
      confidence: unknown > 0 ? 'medium' : 'high',
      rationale:
        `Code that uses a newer ${name} feature passes CI and breaks for users on ${name} ${shownMinimum}, which the package promises to support.` +
        (unknown > 0
          ? ` ${unknown} test job(s) choose their version at run time and may test it.`
          : ''),
      evidence: lineEvidence(input, first.tested[0].file, first.tested[0].line),
      key: `${d.runtime}#minimum`
    })
  }
  return out
}

/** A setup input or matrix value that follows releases (`lts/*`, `latest`, `3.x`): a maintained version. */
function followsReleases(run: JobRun, runtime: Runtime): boolean {
  for (const { step } of run.steps) {
    if (!step.uses || !SETUP[runtime].action.test(step.uses.value)) continue
    const input = step.with.get(SETUP[runtime].input)
    if (!input) return true
    const values = input.value.split(/[\n,]+/).flatMap((raw) => {
      const ref = /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(raw.trim())
      return ref ? (run.job.matrix.get(ref[1])?.values ?? []) : [raw.trim()]
    })
    if (
      values.some(
        (v) => v !== '' && (/\*|latest|lts|node|current/i.test(v) || !versionOf(v, runtime))
      )
    )
      return true
  }
  return false
}

/** The project's declared range lets users run a version newer than `newest` (no upper bound at or below it). */
function allowsNewer(range: string | undefined, newest: Version, runtime: Runtime): boolean {
  if (!range) return true
  if (runtime === 'node') {
    const max = maximumMajorOf(range)
    return max === null || max > newest.major
  }
  const upper = /<(=)?\s*(\d+)(?:\.(\d+))?/.exec(range)
  if (!upper) return true
  const bound = { major: Number(upper[2]), minor: Number(upper[3] ?? 0) }
  if (bound.major > newest.major) return true
  return bound.major === newest.major && bound.minor > newest.minor + (upper[1] ? 0 : 1)
}

/**
 * Every test job of a runtime sets up only versions past their end of life (sade's Node 6-14, molten's
 * Python 3.6-3.9): nothing users install today is tested. Left out when a test job picks its version at run
 * time (`lts/*`, a version file), uses the runner's own interpreter, or the project caps its range there.
 */
export function newestEndOfLife(input: CheckInput): Draft[] {
  if (!input.now) return []
  const out: Draft[] = []
  const runtimes: { runtime: Runtime; range?: string; python: boolean }[] = []
  if (input.project.node)
    runtimes.push({ runtime: 'node', range: input.project.node.engines, python: false })
  if (input.project.python)
    runtimes.push({ runtime: 'python', range: input.project.python.requiresPython, python: true })
  for (const { runtime, range, python } of runtimes) {
    const runs = [
      ...new Set(
        input.graph.commands
          .filter((c) => c.kinds.has('test') && isPython(c) === python)
          .map((c) => c.run)
      )
    ]
    if (runs.length === 0) continue
    const known: { run: JobRun; tested: Tested[] }[] = []
    for (const run of runs) {
      const tested = testedVersions(run, runtime)
      if (!tested || followsReleases(run, runtime)) break
      known.push({ run, tested })
    }
    if (known.length < runs.length) continue
    const all = known.flatMap((k) => k.tested)
    const newest = all.reduce((a, b) => (compare(b.version, a.version, runtime) > 0 ? b : a))
    const ended = endedBy(runtime, newest.version, input.now)
    if (!ended || !allowsNewer(range, newest.version, runtime)) continue
    const name = SETUP[runtime].name
    out.push({
      messageId: 'runtimeNewestEnded',
      data: {
        runtime: name,
        newest: show(newest.version, runtime),
        ended,
        file: newest.file,
        jobs: [...new Set(known.map((k) => k.run.job.id))].join(', '),
        tested: [
          ...new Set(
            [...all]
              .sort((a, b) => compare(a.version, b.version, runtime))
              .map((t) => show(t.version, runtime))
          )
        ].join(', '),
        maintained: oldestMaintained(runtime, input.now),
        allows: range
          ? `the project's range "${range}" allows newer ones`
          : 'the project sets no upper bound'
      },
      severity: 'medium',
      confidence: 'high',
      rationale: `A change that breaks on a maintained ${name} (a removed API, a new deprecation turned error) passes CI and reaches every user on a current version; the matrix should end at a maintained release.`,
      evidence: lineEvidence(input, newest.file, newest.line),
      key: `${runtime}#newest-ended`
    })
  }
  return out
}
