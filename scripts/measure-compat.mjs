// Measures backwards-compat on real major releases: for each release of docs/evaluation/compat-corpus.json,
// both versions are fetched with `npm pack` (cached), laid into a temporary git repository as two commits
// (the old one tagged v<from>), and the built CLI (dist/cli.js, `npm run build` first) runs the perspective
// on it. Scores: the share of documented breaks a finding names, and the share of what the tool saw as
// additions or moves (plus what it called breaking that no changelog documents) that it called breaking.
//
//   node scripts/measure-compat.mjs [--only name,name] [--set tuning|held-out] [--keep] [--json out.json] [--specs]
//                                   [--mirror DIR] [--corpus FILE] [--verdicts FILE] [--undocumented out.json]
//                                   [--cli FILE]
//
// --cli FILE runs another build of the CLI than dist/cli.js (a private esbuild bundle of src/cli.ts,
// when ncc's build is too slow for the machine): the figures are the sources', not the committed dist's.
//
// Every breaking finding that names no documented break is an undocumented call, removals of names gone
// at HEAD included (depd's private lib/compat files, a bundle's inlined modules: judged false on
// held-out-5). The share called wrongly is those calls, less the ones an independent judge found real
// (docs/evaluation/compat-verdicts.json: `yes`; `partly` and unjudged ones count as wrong), over the
// additions and moves the tool listed plus all undocumented calls. --undocumented writes every such
// call (package, versions, kind, name, the message with both declarations and places) for judging.
//
// A release with `repo` (Python: two versions from git tags) is read from a bare clone of that repository,
// `<mirror>/<owner>+<name>/repo` (--mirror, else $COMPAT_MIRROR, else /work/.mirror), else cloned from
// GitHub; each tag's tree is laid out with `git archive`.
//
// --specs also installs the package's runtime dependencies at HEAD (`npm install --omit=dev
// --ignore-scripts`), runs the contract specs under node:test (JavaScript, `--framework node:test:js`)
// and counts them by validation status.
//
// The tarball's build folders (dist/, build/) hold what the package ships, so the temporary repository
// marks them `-linguist-generated` in .gitattributes: the tool reads them as it would a source checkout.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
// --corpus FILE measures another list of releases (a check of the scorer itself, not a figure).
const corpusFile = args.includes('--corpus')
  ? args[args.indexOf('--corpus') + 1]
  : join(root, 'docs/evaluation/compat-corpus.json')
const corpus = JSON.parse(readFileSync(corpusFile, 'utf8'))
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null
const set = args.includes('--set') ? args[args.indexOf('--set') + 1] : null
const keep = args.includes('--keep')
const withSpecs = args.includes('--specs')
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null
const mirror = args.includes('--mirror')
  ? args[args.indexOf('--mirror') + 1]
  : (process.env.COMPAT_MIRROR ?? '/work/.mirror')
const verdictsFile = args.includes('--verdicts')
  ? args[args.indexOf('--verdicts') + 1]
  : join(root, 'docs/evaluation/compat-verdicts.json')
const cli = args.includes('--cli') ? args[args.indexOf('--cli') + 1] : join(root, 'dist/cli.js')
const undocumentedOut = args.includes('--undocumented')
  ? args[args.indexOf('--undocumented') + 1]
  : null
/** Judged verdicts by `release|messageId|symbol` (the release as `pkg from -> to`). */
const verdicts = new Map(
  (existsSync(verdictsFile) ? JSON.parse(readFileSync(verdictsFile, 'utf8')).verdicts : []).map(
    (v) => [`${v.release}|${v.messageId}|${v.symbol ?? ''}`, v.verdict]
  )
)
const cache = join(tmpdir(), 'test-planning-compat-cache')
mkdirSync(cache, { recursive: true })

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'measure',
  GIT_AUTHOR_EMAIL: 'measure@example.com',
  GIT_COMMITTER_NAME: 'measure',
  GIT_COMMITTER_EMAIL: 'measure@example.com'
}

function git(cwd, argv, date) {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', ...argv], {
    cwd,
    env: { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    encoding: 'utf8'
  })
}

/** The unpacked `package/` folder of pkg@version, from the cache or `npm pack`. */
function unpacked(name, version) {
  const dir = join(cache, `${name.replace('/', '+')}-${version}`)
  if (existsSync(join(dir, 'package', 'package.json'))) return join(dir, 'package')
  mkdirSync(dir, { recursive: true })
  const out = execFileSync('npm', ['pack', `${name}@${version}`, '--silent'], {
    cwd: dir,
    encoding: 'utf8'
  })
  const tarball = out.trim().split('\n').pop()
  execFileSync('tar', ['-xzf', tarball], { cwd: dir })
  return join(dir, 'package')
}

/** A bare clone of `owner/name`: the mirror's, else one cloned into the cache. */
function bareRepo(repo) {
  const mirrored = join(mirror, repo.replace('/', '+'), 'repo')
  if (existsSync(mirrored)) return mirrored
  const cloned = join(cache, `${repo.replace('/', '+')}.git`)
  if (!existsSync(cloned))
    execFileSync('git', ['clone', '-q', '--bare', `https://github.com/${repo}`, cloned])
  return cloned
}

/** The tree of `tag` in `owner/name`, unpacked once into the cache. */
function checkedOutTag(repo, tag) {
  const dir = join(cache, `${repo.replace('/', '+')}@${tag}`)
  if (existsSync(join(dir, '.done'))) return dir
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const archive = execFileSync(
    'git',
    ['--git-dir', bareRepo(repo), 'archive', '--format=tar', tag],
    {
      maxBuffer: 512 * 1024 * 1024
    }
  )
  execFileSync('tar', ['-x', '-C', dir], { input: archive })
  writeFileSync(join(dir, '.done'), '')
  return dir
}

/** The files of one version: the npm tarball's `package/`, or the repository at the tag. */
function versionFiles(release, version) {
  return release.repo ? checkedOutTag(release.repo, version) : unpacked(release.package, version)
}

function layOut(release) {
  const repo = mkdtempSync(join(tmpdir(), `compat-${release.package.replace('/', '+')}-`))
  git(repo, ['init', '-q'], '2024-01-01T00:00:00Z')
  const attributes = 'dist/** -linguist-generated\nbuild/** -linguist-generated\n'
  const place = (version) => {
    for (const entry of execFileSync('ls', ['-A', repo], { encoding: 'utf8' }).split('\n'))
      if (entry && entry !== '.git') rmSync(join(repo, entry), { recursive: true, force: true })
    execFileSync('cp', ['-R', `${versionFiles(release, version)}/.`, repo])
    rmSync(join(repo, '.done'), { force: true })
    writeFileSync(join(repo, '.gitattributes'), attributes)
    // Every finding, not the first 100: a rewrite such as yaml 2 has more.
    writeFileSync(
      join(repo, '.test-planning.yml'),
      'perspectives:\n  backwards-compat: { maxFindings: 5000, maxAdditions: 5000 }\n'
    )
  }
  place(release.from)
  git(repo, ['add', '-A'], '2024-01-01T00:00:00Z')
  git(repo, ['commit', '-q', '-m', `${release.from}`], '2024-01-01T00:00:00Z')
  // A git tag may carry its own `v` (bleach's `v5.0.1`): the base tag is `v` and the version.
  git(repo, ['tag', `v${release.from.replace(/^v/, '')}`], '2024-01-01T00:00:00Z')
  place(release.to)
  git(repo, ['add', '-A'], '2024-06-01T00:00:00Z')
  git(repo, ['commit', '-q', '--allow-empty', '-m', `${release.to}`], '2024-06-01T00:00:00Z')
  // The specs import the package, which imports its runtime dependencies (left untracked).
  // One that will not install (an engines range this Node.js is outside) is measured without them.
  if (withSpecs) {
    try {
      execFileSync(
        'npm',
        ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--silent'],
        { cwd: repo, stdio: 'ignore' }
      )
    } catch {
      console.log(`${release.package} ${release.to}: runtime dependencies not installed`)
    }
  }
  return repo
}

function runTool(repo) {
  const out = execFileSync(
    'node',
    [
      cli,
      'plan',
      repo,
      '--perspective',
      'backwards-compat',
      '--format',
      'json',
      '--dry-run',
      '--validate',
      withSpecs ? 'true' : 'false',
      ...(withSpecs ? ['--framework', 'node:test:js', '--validate-suite-seconds', '0'] : []),
      '--max-file-size',
      '4MiB'
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }
  )
  const [record] = JSON.parse(out)
  // The perspective failed on this release (its error is in the record): a failed release, not a score.
  if (record.error) throw new Error(`the perspective failed: ${record.error}`)
  return {
    specs: (record.specs ?? []).map((spec) => spec.validation?.status ?? 'none'),
    findings: record.findings.map((f) => ({ ...f, messageId: f.message_id })),
    details: JSON.parse(record.details_json)
  }
}

const KIND_MESSAGES = {
  esm: ['moduleTypeChanged'],
  engine: ['engineRaised'],
  exports: ['entryPointRemoved', 'deepImportsClosed'],
  bin: ['binRemoved']
}
const REMOVALS = ['apiRemoved', 'exportRemoved', 'memberRemoved', 'typeRemoved']
const PARAMETER_REMOVALS = ['parameterRemoved', 'parameterRenamed']

function breaking(finding) {
  return (finding.tags ?? []).includes('bump:major')
}

/** True when `finding` names the documented break. */
function names(finding, documented) {
  // A module gone as a whole names its path (`exports`) and every name it listed as exported (`removed`).
  if (finding.messageId === 'moduleRemoved') {
    if (documented.kind === 'exports') return finding.symbol === documented.name
    if (documented.kind !== 'removed') return false
    const name = documented.name.replace(/^default\./, '')
    return finding.symbol === documented.name || (finding.message ?? '').includes(`\`${name}\``)
  }
  // A peer dependency's range narrowed (held-out-7's webpack 4 dropped): the finding names the dependency.
  if (documented.kind === 'peer')
    return finding.messageId === 'peerDependencyNarrowed' && finding.symbol === documented.name
  if (KIND_MESSAGES[documented.kind])
    return KIND_MESSAGES[documented.kind].includes(finding.messageId)
  // A command-line option: its removal quotes it; the command removed as a whole names it too.
  if (documented.kind === 'cli')
    return (
      finding.messageId === 'binRemoved' ||
      (finding.messageId === 'cliOptionRemoved' &&
        (finding.message ?? '').includes(`\`${documented.name}\``))
    )
  // A CommonJS `default.x` is the property `x` (the corpus writes either).
  if (documented.kind === 'removed') {
    if (!REMOVALS.includes(finding.messageId)) return false
    // The thing that held it, removed as a whole, names it too.
    const held = finding.symbol ?? ''
    const wanted = [documented.name, documented.name.replace(/^default\./, '')]
    return wanted.some(
      (name) =>
        name === held.replace(/^default\./, '') || (held !== '' && name.startsWith(`${held}.`))
    )
  }
  const symbol = (finding.symbol ?? '').replace(/^default\./, '')
  documented = { ...documented, name: documented.name?.replace(/^default\./, '') }
  if (documented.kind === 'option') {
    // An option key (`Options.unixify`, `default(options).unixify`) or a keyword argument removed.
    if (REMOVALS.includes(finding.messageId))
      return symbol === documented.name || symbol.endsWith(`.${documented.name}`)
    // The record keeps the title, not the data: `f lost parameter x`, `f: parameter x renamed to y`;
    // the declaration reading says it as `f: parameter \`x\` removed` (jose 5's `octAsKeyObject`,
    // found on held-out-8 and not counted until round 9).
    const words = (finding.title ?? '').split(/[\s:]+/)
    if (finding.messageId === 'apiChanged')
      return new RegExp(`: parameter \`${documented.name}\` (removed|renamed)`).test(
        finding.title ?? ''
      )
    return (
      PARAMETER_REMOVALS.includes(finding.messageId) &&
      words[words.indexOf('parameter') + 1] === documented.name
    )
  }
  return symbol === documented.name
}

const results = []
for (const release of corpus.releases) {
  if (only && !only.includes(release.package)) continue
  if (set && release.set !== set) continue
  // A release whose documented breaks turned out to describe another artifact (see its `excluded`).
  if (release.set === 'excluded') continue
  const label = `${release.package} ${release.from} -> ${release.to}`
  let run
  let repo
  try {
    repo = layOut(release)
    run = runTool(repo)
  } catch (error) {
    results.push({ label, set: release.set, error: String(error).split('\n')[0] })
    console.log(`${label}: failed (${String(error).split('\n')[0]})`)
    continue
  } finally {
    if (repo && !keep) rmSync(repo, { recursive: true, force: true })
  }
  const findings = run.findings ?? []
  const breaks = findings.filter(breaking).filter((f) => f.messageId !== 'versionBumpTooSmall')
  const named = release.breaks.map((b) => ({ ...b, named: breaks.some((f) => names(f, b)) }))
  // Also named by a finding the tool advises less than a major release for (an end-of-life Python
  // version dropped is a minor change): reported apart, the figure above counts major ones only.
  const namedAnyBump = release.breaks.filter((b) =>
    findings.some((f) => f.messageId !== 'versionBumpTooSmall' && names(f, b))
  ).length
  const unmatchedAll = breaks.filter((f) => !release.breaks.some((b) => names(f, b)))
  // An undocumented removal of a name HEAD no longer has anywhere is a real break (not an addition
  // or a move); what is left is what the tool called breaking that may be an addition or a move.
  const headNames = new Set(
    [...(run.details.apiReport ?? '').matchAll(/^\s*- [\w-]+ `([^`]+)`/gm)].map((m) => m[1])
  )
  const realRemoval = (f) => {
    if (
      ['entryPointRemoved', 'binRemoved', 'deepImportsClosed', 'moduleRemoved'].includes(
        f.messageId
      )
    )
      return true
    if (!REMOVALS.includes(f.messageId)) return false
    const symbol = f.symbol ?? ''
    return !headNames.has(symbol) && !headNames.has(symbol.replace(/^default\./, ''))
  }
  const undocumentedReal = unmatchedAll.filter(realRemoval)
  const unmatched = unmatchedAll.filter((f) => !realRemoval(f))
  const verdictOf = (f) => verdicts.get(`${label}|${f.messageId}|${f.symbol ?? ''}`) ?? null
  const details = run.details ?? {}
  const additions = details.additionsTotal ?? (details.additions ?? []).length
  const moved = (details.moved ?? []).length
  results.push({
    label,
    documented: named.length,
    named: named.filter((b) => b.named).length,
    namedAnyBump,
    missed: named.filter((b) => !b.named).map((b) => b.name ?? b.kind),
    additions,
    moved,
    set: release.set,
    unmatched: unmatched.map((f) => `${f.messageId} ${f.symbol ?? ''} ${f.title}`),
    // Each call in full, for an independent reading (false, or a real change the notes leave out).
    calls: unmatched.map((f) => ({
      messageId: f.messageId,
      symbol: f.symbol ?? null,
      message: f.message
    })),
    undocumentedReal: undocumentedReal.map((f) => `${f.messageId} ${f.symbol ?? ''}`),
    realCalls: undocumentedReal.map((f) => ({
      messageId: f.messageId,
      symbol: f.symbol ?? null,
      message: f.message
    })),
    // Every undocumented call, removals included, with a judge's verdict where there is one.
    undocumented: unmatchedAll.map((f) => ({
      package: release.package,
      from: release.from,
      to: release.to,
      set: release.set,
      kind: f.messageId,
      name: f.symbol ?? null,
      title: f.title,
      message: f.message,
      location: f.file ? `${f.file}:${f.start_line ?? f.startLine}` : null,
      where: f.where ?? [],
      removalOfNameGoneAtHead: realRemoval(f),
      verdict: verdictOf(f)
    })),
    base: details.base?.ref ?? details.base?.unavailable ?? null,
    specs: Object.fromEntries(
      [...new Set(run.specs)].map((status) => [
        status,
        run.specs.filter((x) => x === status).length
      ])
    )
  })
  const last = results[results.length - 1]
  console.log(
    `${label} [${release.set}]: ${last.named}/${last.documented} named; additions ${additions}, moves ${moved}, undocumented removals of names gone at HEAD ${undocumentedReal.length}, other undocumented breaks ${unmatched.length}${last.missed.length ? `; missed ${last.missed.join(', ')}` : ''}`
  )
  for (const line of last.unmatched) console.log(`    undocumented: ${line}`)
  if (withSpecs) console.log(`    specs: ${JSON.stringify(last.specs)}`)
}

function score(list) {
  const ok = list.filter((r) => !r.error)
  const documented = ok.reduce((n, r) => n + r.documented, 0)
  const named = ok.reduce((n, r) => n + r.named, 0)
  const namedAnyBump = ok.reduce((n, r) => n + (r.namedAnyBump ?? r.named), 0)
  const calledBreaking = ok.reduce((n, r) => n + r.unmatched.length, 0)
  const seen = ok.reduce((n, r) => n + r.additions + r.moved, 0) + calledBreaking
  // Every undocumented call counts; those a judge found real are not wrong.
  const undocumented = ok.flatMap((r) => r.undocumented)
  const count = (verdict) => undocumented.filter((u) => u.verdict === verdict).length
  const judgedReal = count('yes')
  const all = ok.reduce((n, r) => n + r.additions + r.moved, 0) + undocumented.length
  return {
    releases: ok.length,
    failed: list.length - ok.length,
    documented,
    named,
    recall: documented ? named / documented : 0,
    namedAnyBump,
    undocumentedRealRemovals: ok.reduce((n, r) => n + r.undocumentedReal.length, 0),
    additionsAndMoves: seen,
    calledBreaking,
    falseBreakRate: seen ? calledBreaking / seen : 0,
    undocumentedCalls: undocumented.length,
    judgedReal,
    judgedPartly: count('partly'),
    judgedNo: count('no'),
    unjudged: undocumented.filter((u) => u.verdict === null).length,
    additionsMovesAndCalls: all,
    calledWrongly: undocumented.length - judgedReal,
    wrongRate: all ? (undocumented.length - judgedReal) / all : 0
  }
}

const summary = {}
for (const set of [
  ...new Set(corpus.releases.map((r) => r.set).filter((s) => s !== 'excluded')),
  'all'
]) {
  const s = score(results.filter((r) => set === 'all' || r.set === set))
  summary[set] = s
  console.log(
    `\n[${set}] documented breaks named: ${s.named}/${s.documented} (${(s.recall * 100).toFixed(1)}%) over ${s.releases} releases (${s.failed} failed); named by a finding of any bump: ${s.namedAnyBump}` +
      `\n[${set}] called breaking wrongly (every undocumented call, removals included, less ${s.judgedReal} judged real): ${s.calledWrongly} of ${s.additionsMovesAndCalls} (${(s.wrongRate * 100).toFixed(1)}%); undocumented calls ${s.undocumentedCalls} (judged yes ${s.judgedReal}, partly ${s.judgedPartly}, no ${s.judgedNo}, unjudged ${s.unjudged})` +
      `\n[${set}] (as before round 6, removals of names gone at HEAD left out) additions and moves called breaking: ${s.calledBreaking} of ${s.additionsAndMoves} (${(s.falseBreakRate * 100).toFixed(1)}%); removals of names gone at HEAD: ${s.undocumentedRealRemovals}`
  )
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ summary, results }, null, 2) + '\n')
if (undocumentedOut)
  writeFileSync(
    undocumentedOut,
    JSON.stringify(
      results.flatMap((r) => r.undocumented ?? []),
      null,
      2
    ) + '\n'
  )
