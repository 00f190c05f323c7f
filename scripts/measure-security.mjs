// Measures the security perspective on published versions with documented vulnerabilities
// (docs/evaluation/security.md has the method and the figures). Needs a compiled copy of the sources:
//   npx tsc -p tsconfig.json --noEmit false --outDir .tmp/build
//   node scripts/measure-security.mjs [--split tuning|held-out|held-out-2|held-out-3|seen|all] [--cache <dir>]
//     [--mirrors <dir>] [--class <class>] [--verbose]
// For each advisory of docs/evaluation/security-corpus.json the vulnerable and the fixed version are
// fetched from the npm registry (`npm pack name@version`, cached in --cache) or, for ecosystem 'pypi',
// taken from two tags of the project's bare git mirror (--mirrors <dir>/<owner>+<name>/repo), laid into
// a fresh git repository in a temp folder, modelled and run through the perspective at its default options.
// A hit: a finding of the advisory's class in the documented file, within WINDOW lines of the documented
// lines or in the documented function. A repeat: the same in the fixed version (by function, else by lines).
// Prints one line per advisory and a JSON summary on the last line.
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const build = resolve('.tmp/build')
const { loadRepository } = await import(join(build, 'src/repo/loader.js'))
const { collectFacts } = await import(join(build, 'src/repo/facts.js'))
const { buildModel } = await import(join(build, 'src/model/build.js'))
const { runPerspective } = await import(join(build, 'src/engine/run-perspective.js'))
const { detectTarget } = await import(join(build, 'src/specs/detect.js'))
const security = (await import(join(build, 'perspectives/security/index.js'))).default

const WINDOW = 5

/** Finding message ids that count for each class of the corpus. */
const CLASS_MESSAGES = {
  'prototype-pollution': ['prototypePollution'],
  redos: ['redosOnInput'],
  'path-traversal': ['pathTraversal', 'pathPrefixCheck', 'pathDecodedAfterCheck'],
  xss: ['xss'],
  'code-injection': ['codeInjection', 'commandInjection'],
  'command-injection': ['commandInjection', 'codeInjection', 'argumentInjection'],
  'open-redirect': ['openRedirect']
}

function argValue(name, fallback) {
  const i = process.argv.indexOf(name)
  return i === -1 ? fallback : process.argv[i + 1]
}
const split = argValue('--split', 'all')
const cache = resolve(argValue('--cache', join(tmpdir(), 'security-corpus-cache')))
const mirrors = resolve(argValue('--mirrors', '/work/.mirror'))
const verbose = process.argv.includes('--verbose')
// One class of the corpus only (`redos`, `prototype-pollution`...): a rule's cost measured where it acts.
const onlyClass = argValue('--class', undefined)
if (!['tuning', 'held-out', 'held-out-2', 'held-out-3', 'seen', 'all'].includes(split)) {
  console.error(
    `--split must be tuning, held-out, held-out-2, held-out-3, seen or all (got '${split}')`
  )
  process.exit(2)
}

const corpus = JSON.parse(readFileSync('docs/evaluation/security-corpus.json', 'utf8'))
// 'seen': every advisory measured before held-out-3 (tuning, held-out, held-out-2), all tuned on by session 10.
const SEEN = ['tuning', 'held-out', 'held-out-2']
const entries = corpus.advisories.filter(
  (a) =>
    (split === 'all' || a.split === split || (split === 'seen' && SEEN.includes(a.split))) &&
    (onlyClass === undefined || a.class === onlyClass)
)

/** The files of the repository's tag `ref`, from its bare mirror, unpacked once into the cache. */
function tagDir(repository, ref) {
  const dir = join(cache, `${repository.replace('/', '+')}@${ref}`)
  if (existsSync(dir)) return dir
  const gitDir = join(mirrors, repository.replace('/', '+'), 'repo')
  if (!existsSync(gitDir))
    throw new Error(
      `no mirror of ${repository} at ${gitDir}: make one with git clone --bare, or pass --mirrors`
    )
  mkdirSync(dir, { recursive: true })
  const archive = execFileSync('git', ['--git-dir', gitDir, 'archive', ref], { maxBuffer: 1 << 30 })
  execFileSync('tar', ['-x', '-C', dir], { input: archive })
  return dir
}

/** The advisory's files at `version`: a published npm package, or a tag of the project's repository. */
function sourceDir(advisory, version) {
  return advisory.ecosystem === 'pypi'
    ? tagDir(advisory.repository, version)
    : packageDir(advisory.package, version)
}

/** The package's files at `version`, unpacked once into the cache. */
function packageDir(name, version) {
  const dir = join(cache, `${name.replace('/', '+')}@${version}`)
  if (existsSync(join(dir, 'package.json'))) return dir
  const work = mkdtempSync(join(tmpdir(), 'security-pack-'))
  try {
    execFileSync('npm', ['pack', '--silent', `${name}@${version}`], { cwd: work, stdio: 'pipe' })
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'))
    if (!tgz) throw new Error(`npm pack ${name}@${version} gave no archive`)
    mkdirSync(dir, { recursive: true })
    execFileSync('tar', ['-xzf', join(work, tgz), '-C', dir, '--strip-components=1'])
    return dir
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** The perspective's findings on the package laid into a fresh git repository. */
async function findingsOf(advisory, version) {
  const root = mkdtempSync(join(tmpdir(), 'security-measure-'))
  try {
    cpSync(sourceDir(advisory, version), root, { recursive: true })
    const git = (...args) => execFileSync('git', args, { cwd: root, stdio: 'pipe' })
    git('init', '-q')
    git('add', '-A')
    git('-c', 'user.name=m', '-c', 'user.email=m@example.invalid', 'commit', '-qm', 'package')
    const repo = await loadRepository(root, {})
    const facts = await collectFacts(repo, {})
    const model = await buildModel(repo, facts)
    const texts = new Map(repo.files.map((f) => [f.path, f.text]))
    const run = await runPerspective(security, {
      model,
      target: detectTarget(facts, model.modules),
      now: '2026-01-01T00:00:00.000Z',
      source: (path) => texts.get(path)
    })
    if (run.status === 'error') throw new Error(`perspective failed: ${run.error}`)
    return run.findings
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

function lastName(symbol) {
  return symbol ? (symbol.split('.').pop() ?? symbol) : ''
}

/** Findings of the advisory's class at its documented place (lines, or the function when given). */
function atPlace(findings, advisory, lines) {
  const wanted = CLASS_MESSAGES[advisory.class]
  return findings.filter((f) => {
    if (!wanted.includes(f.messageId) || f.file !== advisory.file) return false
    const fn = advisory.function
    if (fn && lastName(f.symbol) === lastName(fn)) return true
    if (!lines) return false
    const line = f.startLine
    return line >= lines[0] - WINDOW && line <= lines[1] + WINDOW
  })
}

const rows = []
for (const a of entries) {
  try {
    const vulnerable = await findingsOf(a, a.vulnerable)
    const fixed = await findingsOf(a, a.fixed)
    const hits = atPlace(vulnerable, a, a.lines)
    const repeats = atPlace(fixed, a, a.fixedLines ?? a.lines)
    const row = {
      id: a.id,
      class: a.class,
      split: a.split,
      hit: hits.length > 0,
      repeat: repeats.length > 0,
      findings: vulnerable.length
    }
    rows.push(row)
    console.log(
      `${row.hit ? 'HIT ' : 'MISS'} ${row.repeat ? 'REPEAT' : '      '} ${a.id} ${a.package}@${a.vulnerable}->${a.fixed} ${a.class} ${a.file}`
    )
    if (verbose) {
      for (const f of vulnerable)
        console.log(`    ${f.messageId} ${f.confidence} ${f.file}:${f.startLine} ${f.symbol ?? ''}`)
    }
  } catch (error) {
    rows.push({ id: a.id, class: a.class, split: a.split, error: String(error) })
    console.log(`ERROR ${a.id} ${a.package}: ${String(error).split('\n')[0]}`)
  }
}

const measured = rows.filter((r) => !r.error)
const hits = measured.filter((r) => r.hit)
const byClass = {}
for (const r of measured) {
  const c = (byClass[r.class] ??= { advisories: 0, hits: 0, repeats: 0 })
  c.advisories++
  if (r.hit) c.hits++
  if (r.hit && r.repeat) c.repeats++
}
console.log(
  JSON.stringify({
    split,
    advisories: measured.length,
    errors: rows.length - measured.length,
    recall: measured.length ? +(hits.length / measured.length).toFixed(3) : null,
    // Of the advisories found, the share whose fixed version is still reported at the same place.
    repeatRate: hits.length
      ? +(hits.filter((r) => r.repeat).length / hits.length).toFixed(3)
      : null,
    byClass
  })
)
