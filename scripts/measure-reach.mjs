// Measures the shared test reach against a coverage report produced by running a project's own suite
// (docs/evaluation/reach.md has the method and the figures). Needs a compiled copy of the sources:
//   npx tsc -p tsconfig.json --noEmit false --outDir .tmp/build
//   node scripts/measure-reach.mjs <repository> <report> <shipped folder or file>...
// Truth per public function of shipped code comes from the report read here on its own (coverage.py
// JSON `functions`; lcov FN/FNDA), not from the code under test; an abstract method whose body did not
// run counts as excluded, like a pragma (read from the parsed declaration). Prints one JSON line.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const build = resolve(process.env.REACH_BUILD ?? '.tmp/build')
const { loadRepository } = await import(join(build, 'src/repo/loader.js'))
const { collectFacts } = await import(join(build, 'src/repo/facts.js'))
const { buildModel } = await import(join(build, 'src/model/build.js'))
const { reachFacts } = await import(join(build, 'perspectives/shared/test-reach.js'))
const { reachGraph } = await import(join(build, 'perspectives/shared/reach-graph.js'))
const { findUnloadableTests } = await import(join(build, 'src/model/test-loading.js'))
const { askPython } = await import(join(build, 'src/execute/python.js'))
const { notTakenBranches } = await import(join(build, 'src/model/platform-branches.js'))
// Older builds (the "before" side of a round) have no optional-import branches.
const { optionalBranches } = await import(join(build, 'src/model/optional-imports.js')).catch(
  () => ({ optionalBranches: () => [] })
)

// Older builds have no JavaScript platform branches.
const { jsNotTakenBranches, currentNode } = await import(
  join(build, 'src/model/js-platform-branches.js')
).catch(() => ({ jsNotTakenBranches: () => [], currentNode: () => undefined }))

// Older builds have no option-value branches.
const { valueBranches } = await import(join(build, 'src/model/value-branches.js')).catch(() => ({
  valueBranches: () => []
}))

const [root, reportPath, ...shipped] = process.argv.slice(2)
if (!root || !reportPath || shipped.length === 0) {
  console.error(
    'usage: node scripts/measure-reach.mjs <repository> <report> <shipped folder or file>...'
  )
  process.exit(2)
}

/** Independent truth: function start line -> ran (true/false) or 'excluded', per repository path. */
function truthFrom(text, rootDir) {
  const truth = new Map()
  const rel = (p) =>
    p
      .replace(/\\/g, '/')
      .replace(`${rootDir.replace(/\/$/, '')}/`, '')
      .replace(/^\.\//, '')
  if (text.trimStart().startsWith('{')) {
    const data = JSON.parse(text)
    for (const [path, file] of Object.entries(data.files)) {
      const byLine = new Map()
      for (const [name, fn] of Object.entries(file.functions ?? {})) {
        if (!name) continue
        const measured = fn.executed_lines.length + fn.missing_lines.length
        const state =
          measured === 0 && (fn.excluded_lines ?? []).length > 0
            ? 'excluded'
            : fn.executed_lines.length > 0
        byLine.set(fn.start_line, { name, state })
      }
      truth.set(rel(path), byLine)
    }
    return truth
  }
  let current
  let lines = new Map()
  let hits = new Map()
  for (const raw of text.split('\n')) {
    const [tag, ...rest] = raw.split(':')
    const value = rest.join(':')
    if (tag === 'SF') {
      current = rel(value.trim())
      lines = new Map()
      hits = new Map()
    } else if (tag === 'FN') {
      const [line, ...name] = value.split(',')
      const key = name.join(',')
      lines.set(key, [...(lines.get(key) ?? []), Number(line)])
    } else if (tag === 'FNDA') {
      const [count, ...name] = value.split(',')
      const key = name.join(',')
      hits.set(key, [...(hits.get(key) ?? []), Number(count)])
    } else if (raw.startsWith('end_of_record') && current) {
      const byLine = new Map()
      for (const [name, starts] of lines) {
        // Methods sharing a name in one file: FN and FNDA come in the same order, one each.
        const counts = hits.get(name) ?? []
        if (starts.length > 1 && counts.length !== starts.length) continue
        starts.forEach((line, i) => {
          const ran = (counts[i] ?? 0) > 0
          const previous = byLine.get(line)
          // Several functions on one line (a callback inside a call): the line ran if any did.
          byLine.set(line, { name, state: previous ? previous.state || ran : ran })
        })
      }
      truth.set(current, byLine)
    }
  }
  return truth
}

const repo = await loadRepository(resolve(root), {})
const facts = await collectFacts(repo, { coveragePaths: [reportPath] })
const model = await buildModel(repo, facts)
// Test files that cannot run here give no reach, as in the action (src/pipeline/analyse.ts).
const loading = await findUnloadableTests(model, (names) =>
  askPython(model.root, process.env.TEST_PLANNING_PYTHON ?? null, names)
)
if (loading.unloadable.length > 0) model.facts.unloadableTests = loading.unloadable
{
  const branches = [
    ...(loading.interpreter
      ? [
          ...notTakenBranches(repo.files, loading.interpreter),
          ...optionalBranches(repo.files, loading.optionalMissing ?? [])
        ]
      : []),
    ...jsNotTakenBranches(repo.files, currentNode()),
    ...valueBranches(model, repo.files)
  ]
  if (branches.length > 0) model.facts.notTakenBranches = branches
}
const withReport = reachFacts(model)
const staticModel = { ...model, facts: { ...model.facts, coverage: [] } }
const withoutReport = reachFacts(staticModel)
// The graph reachFacts built (cached per model): how each missed function was reached, as evidence.
const graph = reachGraph(staticModel, new Set(), new Set())
const truth = truthFrom(readFileSync(resolve(root, reportPath), 'utf8'), resolve(root))

function abstractShape(module, fn) {
  if (!fn.className) return false
  if (
    (fn.decorators ?? []).some((d) => /(^|\.)(abstractmethod|abstractproperty|overload)$/.test(d))
  )
    return true
  // A method whose body is empty (`pass`, `...`, `{}`) is a hook with nothing to run (interface-stub.ts).
  if (fn.raisesNotImplemented || fn.emptyBody) return true
  const cls = module.classes.find((c) => c.name === fn.className)
  return !!cls?.bases.some((b) => /(^|\.)Protocol(\[.*\])?$/.test(b.trim()))
}

const isShipped = (path) =>
  shipped.some((s) => path === s || path.startsWith(s.endsWith('/') ? s : `${s}/`))
const counts = {
  publicFunctions: 0,
  noTruth: 0,
  excluded: 0,
  abstract: 0,
  ran: 0,
  neverRan: 0,
  claimsUntested: 0,
  claimsCorrect: 0,
  neverRanFlagged: 0,
  reportAgree: 0,
  reportCompared: 0
}
const wrongClaims = []
const missed = []
const disagreements = []
for (const module of model.modules) {
  if (module.isTest || !isShipped(module.path)) continue
  const fileTruth = truth.get(module.path)
  const exportedClasses = new Set(module.classes.filter((c) => c.exported).map((c) => c.name))
  for (const fn of module.functions) {
    // Public: an exported top-level function, or a public method of an exported class.
    const topLevel = fn.exported && fn.qualifiedName === fn.name
    const method =
      fn.className &&
      exportedClasses.has(fn.className) &&
      !fn.name.startsWith('_') &&
      !fn.name.startsWith('#')
    if (!topLevel && !method) continue
    counts.publicFunctions++
    let entry = fileTruth?.get(fn.loc.startLine) ?? fileTruth?.get(fn.loc.startLine + 1)
    if (!entry) {
      counts.noTruth++
      continue
    }
    // An abstract method whose body did not run is excluded, as a pragma is (issue 11): its shape is
    // read from the parsed declaration (`@abstractmethod` / `@overload`, a Protocol's method, a body
    // that only raises NotImplementedError or throws "not implemented", an empty body), not from the reach rules.
    if (entry.state === false && abstractShape(module, fn)) {
      entry = { ...entry, state: 'excluded' }
      counts.abstract++
    }
    const where = `${module.path}:${fn.loc.startLine} ${fn.qualifiedName}`
    const measured = withReport.functionReach(module, fn)
    counts.reportCompared++
    const expected = entry.state === 'excluded' ? 'excluded' : entry.state ? 'covered' : 'not-run'
    if (measured === expected) counts.reportAgree++
    else disagreements.push(`${where}: report says ${expected}, we say ${measured}`)
    if (entry.state === 'excluded') {
      counts.excluded++
      continue
    }
    const estimate = withoutReport.functionReach(module, fn)
    if (entry.state) counts.ran++
    else counts.neverRan++
    if (estimate === 'estimated-untested') {
      counts.claimsUntested++
      if (!entry.state) counts.claimsCorrect++
      else wrongClaims.push(where)
    }
    if (!entry.state) {
      if (estimate === 'estimated-untested') counts.neverRanFlagged++
      else missed.push(graph.why?.(fn) ? `${where} <- ${graph.why(fn)}` : where)
    }
  }
}
const pct = (a, b) => (b === 0 ? null : Math.round((1000 * a) / b) / 10)
console.log(
  JSON.stringify({
    repository: root,
    ...counts,
    claimsCorrectPercent: pct(counts.claimsCorrect, counts.claimsUntested),
    neverRanFlaggedPercent: pct(counts.neverRanFlagged, counts.neverRan),
    reportAgreementPercent: pct(counts.reportAgree, counts.reportCompared),
    wrongClaims,
    missed,
    disagreements
  })
)
// REACH_WHY="path:line,...": how the graph reached each of those functions (stderr), to read a change.
for (const want of (process.env.REACH_WHY ?? '').split(',').filter(Boolean)) {
  const [path, line] = want.split(':')
  const module = model.modules.find((m) => m.path === path)
  const fn = module?.functions.find((f) => f.loc.startLine === Number(line))
  if (fn) console.error(`${want} ${fn.qualifiedName}: ${graph.why?.(fn) ?? 'not reached'}`)
}
