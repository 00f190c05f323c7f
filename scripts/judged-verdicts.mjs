// Builds the judged findings as data: every finding an independent judge read in a judged round (its
// packet) joined with the judge's verdict, one row per finding, and the judged precision per perspective,
// message id and confidence (true / judged; "partly" is not true).
//
//   node scripts/judged-verdicts.mjs [--round N:DIR:TOOLCOMMIT ...] [--out FILE.json] [--table FILE.md]
//
// A round folder holds packet-<repo>.json (an array of findings as the tool wrote them), verdicts/
// verdict-<repo>.json (id "F<n>" is the packet's entry n-1; claim yes/partly/no, worth yes/no, why) and,
// for the repository's commit, either repos/<repo> (a git checkout at the judged commit) or repos.txt
// ("<repo> <commit>" lines). Without --round the project's four judged rounds are read from /work.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const DEFAULT_ROUNDS = [
  { round: 1, dir: '/work/eval7', tool: '79e7893' },
  { round: 2, dir: '/work/eval9', tool: '6f2aed1' },
  { round: 3, dir: '/work/eval10', tool: 'd8e0d91' },
  { round: 4, dir: '/work/eval11', tool: 'abb7bf4' }
]

function commitsFromList(dir) {
  const file = join(dir, 'repos.txt')
  if (!existsSync(file)) return new Map()
  return new Map(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((p) => p.length >= 2 && p[0] !== '')
      .map(([repo, commit]) => [repo, commit])
  )
}

function commitOf(dir, repo, listed) {
  const checkout = join(dir, 'repos', repo)
  if (existsSync(join(checkout, '.git'))) {
    try {
      return execFileSync('git', ['-C', checkout, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
    } catch {
      // fall through to the list
    }
  }
  return listed.get(repo) ?? null
}

const VERDICT = new Set(['yes', 'partly', 'no'])

const unescape = (s) =>
  String(s ?? '')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&nbsp;/g, ' ')

/** Every finding of a run's output folder (out-<repo>/latest/*.json), for packet entries the packet did not match. */
function outputFindings(dir, repo) {
  const latest = join(dir, `out-${repo}`, 'latest')
  if (!existsSync(latest)) return []
  return readdirSync(latest)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const rec = JSON.parse(readFileSync(join(latest, f), 'utf8'))
      const fs = typeof rec.findings === 'string' ? JSON.parse(rec.findings) : (rec.findings ?? [])
      return fs.map((x) => ({ perspective: rec.perspective_id, ...x }))
    })
}

/**
 * A report top the packet builder could not match carries only perspective, file, line and title (HTML
 * escaped): the run's own output names the finding.
 */
function resolve(entry, dir, repo, cache) {
  if (entry.id || entry.message_id) return entry
  if (!cache.has(repo)) cache.set(repo, outputFindings(dir, repo))
  const file = unescape(entry.file)
  const title = unescape(entry.title)
  const line = entry.start_line ?? entry.startLine
  const same = (x) =>
    x.perspective === entry.perspective && x.file === file && x.start_line === line
  const found =
    cache.get(repo).find((x) => same(x) && x.title === title) ?? cache.get(repo).find(same)
  return found ? { ...found, source: entry.source } : { ...entry, file, title }
}

/** The rows of one round folder, in packet order per repository (repositories by name). */
export function readRound({ round, dir, tool }) {
  const verdictDir = join(dir, 'verdicts')
  const listed = commitsFromList(dir)
  const repos = readdirSync(verdictDir)
    .filter((f) => /^verdict-.+\.json$/.test(f))
    .map((f) => f.slice('verdict-'.length, -'.json'.length))
    .sort()
  const rows = []
  const outputs = new Map()
  for (const repo of repos) {
    const packetFile = join(dir, `packet-${repo}.json`)
    if (!existsSync(packetFile))
      throw new Error(`${packetFile}: no packet for verdict-${repo}.json`)
    const packet = JSON.parse(readFileSync(packetFile, 'utf8'))
    const verdicts = JSON.parse(readFileSync(join(verdictDir, `verdict-${repo}.json`), 'utf8'))
    const commit = commitOf(dir, repo, listed)
    for (const v of verdicts) {
      const n = /^F(\d+)$/.exec(String(v.id ?? ''))
      if (!n) throw new Error(`verdict-${repo}.json: id ${JSON.stringify(v.id)} is not F<n>`)
      const entry = packet[Number(n[1]) - 1]
      if (!entry) throw new Error(`verdict-${repo}.json: ${v.id} has no packet entry`)
      const f = resolve(entry, dir, repo, outputs)
      const claim = String(v.claim ?? '').toLowerCase()
      if (!VERDICT.has(claim))
        throw new Error(`verdict-${repo}.json: ${v.id} claim ${JSON.stringify(v.claim)}`)
      rows.push({
        round,
        tool,
        repo,
        commit,
        judged: v.id,
        id: f.id ?? null,
        source: f.source ?? null,
        perspective: f.perspective,
        message_id:
          f.message_id ??
          f.messageId ??
          (f.id
            ? String(f.id).split('/')[1]
            : /^Write the spec/.test(f.title ?? '')
              ? 'spec'
              : null),
        severity: f.severity ?? null,
        confidence: f.confidence ?? null,
        file: f.file ?? null,
        line: f.start_line ?? f.startLine ?? null,
        title: f.title ?? null,
        claim,
        worth: String(v.worth ?? '').toLowerCase() === 'yes' ? 'yes' : 'no',
        why: v.why ?? ''
      })
    }
  }
  return rows
}

/** Counts per key: judged, true, partly, false, worth. */
export function tally(rows, keyOf) {
  const out = new Map()
  for (const r of rows) {
    const k = keyOf(r)
    const t = out.get(k) ?? { judged: 0, yes: 0, partly: 0, no: 0, worth: 0 }
    t.judged += 1
    t[r.claim] += 1
    if (r.worth === 'yes') t.worth += 1
    out.set(k, t)
  }
  return out
}

const pct = (t) => `${Math.round((100 * t.yes) / t.judged)}%`

/** The precision table: per perspective × message id × confidence, then per perspective, then all. */
export function precisionTable(rows) {
  const rounds = [...new Set(rows.map((r) => r.round))].sort((a, b) => a - b)
  const lines = [
    '# Judged precision per class',
    '',
    `Generated by \`scripts/judged-verdicts.mjs\` from \`docs/evaluation/judged-verdicts.json\` (rounds ${rounds.join(', ')}; ${rows.length} judged findings). True means the judge's claim verdict was "yes"; "partly" is not true.`,
    '',
    '| Perspective | Message id | Confidence | Judged | True | Partly | False | Precision | Worth |',
    '|---|---|---|---|---|---|---|---|---|'
  ]
  const cls = tally(rows, (r) => `${r.perspective}\t${r.message_id}\t${r.confidence}`)
  for (const [k, t] of [...cls].sort(([a], [b]) => a.localeCompare(b))) {
    const [p, m, c] = k.split('\t')
    lines.push(
      `| ${p} | ${m} | ${c} | ${t.judged} | ${t.yes} | ${t.partly} | ${t.no} | ${pct(t)} | ${t.worth} |`
    )
  }
  lines.push(
    '',
    '| Perspective | Judged | True | Partly | False | Precision | Worth |',
    '|---|---|---|---|---|---|---|'
  )
  const per = tally(rows, (r) => r.perspective)
  for (const [p, t] of [...per].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`| ${p} | ${t.judged} | ${t.yes} | ${t.partly} | ${t.no} | ${pct(t)} | ${t.worth} |`)
  const all = tally(rows, () => 'all').get('all')
  if (all)
    lines.push(
      `| **all** | ${all.judged} | ${all.yes} | ${all.partly} | ${all.no} | ${pct(all)} | ${all.worth} |`
    )
  return lines.join('\n') + '\n'
}

function parseArgs(argv) {
  const rounds = []
  let out = null
  let table = null
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--round') {
      const [round, dir, tool] = argv[++i].split(':')
      if (!dir) throw new Error(`--round ${argv[i]}: expected N:DIR[:TOOLCOMMIT]`)
      rounds.push({ round: Number(round), dir, tool: tool ?? null })
    } else if (argv[i] === '--out') out = argv[++i]
    else if (argv[i] === '--table') table = argv[++i]
    else
      throw new Error(
        `unknown argument ${argv[i]} (use --round N:DIR:TOOL, --out FILE, --table FILE)`
      )
  }
  return { rounds: rounds.length > 0 ? rounds : DEFAULT_ROUNDS, out, table }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { rounds, out, table } = parseArgs(process.argv.slice(2))
  const rows = rounds.flatMap(readRound)
  const json = JSON.stringify(rows, null, 1) + '\n'
  if (out) writeFileSync(out, json)
  else process.stdout.write(json)
  if (table) writeFileSync(table, precisionTable(rows))
  process.stderr.write(`${rows.length} judged findings from ${rounds.length} round(s)\n`)
}
