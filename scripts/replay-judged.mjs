// Replays judged findings against today's output: for each finding an independent judge read
// (docs/evaluation/judged-verdicts.json, built by judged-verdicts.mjs), whether the current tool still
// reports it on the same repository at the same commit, and the judged precision of what it still reports,
// per class (perspective / message id / confidence as reported today).
//
//   node scripts/replay-judged.mjs --verdicts docs/evaluation/judged-verdicts.json
//        --run ROUND:REPO:OUTDIR ... [--json out.json] [--markdown out.md]
//
// --markdown writes the per-class table with the policy's decision (src/pipeline/calibration.ts: held under
// 50% true with at least 5 judged, strong from 80%; the same thresholds are repeated here) and the
// precision per round before (every judged finding), of what is still reported, and after the policy.
//
// OUTDIR is a `plan --out` folder of the current tool on that repository (its latest/<perspective>.json
// records, held-back findings included under details_json.calibrationHeld). A judged finding matches a
// current one with the same id; else the same perspective, message id, file and line; else the same
// perspective, message id, file and title. A held-back finding counts as still found, and as held.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Every finding of an output folder: { perspective, held, ...record finding }. */
export function currentFindings(outDir) {
  const latest = join(outDir, 'latest')
  if (!existsSync(latest)) throw new Error(`${latest}: no records (run plan --out ${outDir} first)`)
  const out = []
  for (const f of readdirSync(latest).filter((n) => n.endsWith('.json'))) {
    const rec = JSON.parse(readFileSync(join(latest, f), 'utf8'))
    const fs = typeof rec.findings === 'string' ? JSON.parse(rec.findings) : (rec.findings ?? [])
    for (const x of fs) out.push({ perspective: rec.perspective_id, held: false, ...x })
    let details = null
    try {
      details = rec.details_json ? JSON.parse(rec.details_json) : null
    } catch {
      details = null
    }
    for (const x of details?.calibrationHeld ?? [])
      out.push({ perspective: rec.perspective_id, held: true, ...x })
  }
  return out
}

/** The current finding a judged row names, or undefined. */
export function match(row, current) {
  const mine = current.filter((c) => c.perspective === row.perspective)
  return (
    (row.id ? mine.find((c) => c.id === row.id) : undefined) ??
    mine.find(
      (c) => c.message_id === row.message_id && c.file === row.file && c.start_line === row.line
    ) ??
    mine.find(
      (c) => c.message_id === row.message_id && c.file === row.file && c.title === row.title
    )
  )
}

/** Each judged row of the replayed repositories with what today's tool says of it. */
export function replay(rows, runs) {
  const out = []
  for (const { round, repo, dir } of runs) {
    const current = currentFindings(dir)
    for (const row of rows.filter((r) => r.round === round && r.repo === repo)) {
      const now = match(row, current)
      out.push({
        ...row,
        still: now !== undefined,
        held: now?.held ?? false,
        now_confidence: now?.confidence ?? null,
        now_severity: now?.severity ?? null
      })
    }
  }
  return out
}

function rate(rows) {
  const yes = rows.filter((r) => r.claim === 'yes').length
  return { judged: rows.length, yes, precision: rows.length === 0 ? null : yes / rows.length }
}

/** Per class of what is still reported (today's confidence): judged, true. */
export function classes(replayed) {
  const by = new Map()
  for (const r of replayed.filter((x) => x.still)) {
    const k = `${r.perspective}/${r.message_id}|${r.now_confidence}`
    by.set(k, [...(by.get(k) ?? []), r])
  }
  return [...by]
    .map(([k, rs]) => {
      const [id, confidence] = k.split('|')
      return { id, confidence, ...rate(rs), held: rs.every((r) => r.held) }
    })
    .sort((a, b) => a.id.localeCompare(b.id) || a.confidence.localeCompare(b.confidence))
}

/** Before (every judged row), still reported, and reported after the policy (still and not held). */
export function summary(replayed) {
  return {
    before: rate(replayed),
    still: rate(replayed.filter((r) => r.still)),
    reported: rate(replayed.filter((r) => r.still && !r.held))
  }
}

export const MIN_JUDGED = 5
export const HOLD_BELOW = 0.5
export const STRONG_FROM = 0.8

export function decision(c) {
  if (c.judged < MIN_JUDGED) return 'unproven'
  return c.precision < HOLD_BELOW ? 'held' : c.precision >= STRONG_FROM ? 'strong' : 'kept'
}

/**
 * The policy's table: a class at one confidence with at least MIN_JUDGED judged stands on its own; the
 * confidences of a class with fewer are pooled into one entry for the class (without a confidence).
 */
export function policyTable(replayed) {
  const perConfidence = classes(replayed.map((r) => ({ ...r, held: false })))
  const out = []
  const byClass = new Map()
  for (const c of perConfidence) byClass.set(c.id, [...(byClass.get(c.id) ?? []), c])
  for (const [id, cs] of byClass) {
    const own = cs.filter((c) => c.judged >= MIN_JUDGED)
    for (const c of own)
      out.push({
        id,
        confidence: [c.confidence],
        judged: c.judged,
        true: c.yes,
        decision: decision(c)
      })
    const rest = cs.filter((c) => c.judged < MIN_JUDGED)
    // Thin confidences pooled; still too few beside decided ones: the class as a whole decides for them.
    const pool = rest.reduce((n, c) => n + c.judged, 0) < MIN_JUDGED && own.length > 0 ? cs : rest
    const judged = pool.reduce((n, c) => n + c.judged, 0)
    const yes = pool.reduce((n, c) => n + c.yes, 0)
    if (rest.length > 0)
      out.push({
        id,
        ...(own.length > 0 ? { confidence: rest.map((c) => c.confidence) } : {}),
        judged,
        true: yes,
        decision: decision({ judged, precision: judged === 0 ? null : yes / judged })
      })
  }
  // Classes judged too thinly on their own are pooled per perspective: the pool's figures decide for each
  // of them (classes never judged are not in the table and stay reported).
  const thin = new Map()
  for (const t of out.filter((t) => t.judged > 0 && t.judged < MIN_JUDGED)) {
    const perspective = t.id.split('/')[0]
    thin.set(perspective, [...(thin.get(perspective) ?? []), t])
  }
  for (const [perspective, ts] of thin) {
    const judged = ts.reduce((n, t) => n + t.judged, 0)
    const yes = ts.reduce((n, t) => n + t.true, 0)
    if (judged < MIN_JUDGED) continue
    const pooled = decision({ judged, precision: yes / judged })
    for (const t of ts)
      Object.assign(t, { judged, true: yes, decision: pooled, pooled: perspective })
  }
  return out.sort((a, b) => a.id.localeCompare(b.id))
}

function decidedBy(table, r) {
  const mine = table.filter((t) => t.id === `${r.perspective}/${r.message_id}`)
  return (
    mine.find((t) => t.confidence?.includes(r.now_confidence)) ?? mine.find((t) => !t.confidence)
  )?.decision
}

const pc = (r) => (r.precision === null ? '–' : `${Math.round(100 * r.precision)}%`)
const fig = (r) => `${r.yes}/${r.judged} (${pc(r)})`

/** Every finding today's runs report, by class, and how many of them the table holds: what the policy hides. */
export function hidden(runs, table) {
  const by = new Map()
  for (const { dir } of runs)
    for (const f of currentFindings(dir)) {
      const row = {
        perspective: f.perspective,
        message_id: f.message_id,
        now_confidence: f.confidence
      }
      const k = `${f.perspective}/${f.message_id}`
      const t = by.get(k) ?? { id: k, reported: 0, held: 0 }
      t.reported += 1
      if (decidedBy(table, row) === 'held') t.held += 1
      by.set(k, t)
    }
  return [...by.values()].sort(
    (a, b) => b.held - a.held || b.reported - a.reported || a.id.localeCompare(b.id)
  )
}

/** The calibration tables in markdown. */
export function markdown(replayed, runs = []) {
  const table = policyTable(replayed)
  // A bundle without the policy reports every class: the policy is applied here, by the table's decisions.
  replayed = replayed.map((r) =>
    r.still && decidedBy(table, r) === 'held' ? { ...r, held: true } : r
  )
  const rounds = [...new Set(replayed.map((r) => r.round))].sort((a, b) => a - b)
  const lines = [
    '| Round | Repositories | Judged then: true | Still reported today: true | Reported after the policy: true |',
    '|---|---|---|---|---|'
  ]
  for (const round of [...rounds, 'all']) {
    const mine = replayed.filter((r) => round === 'all' || r.round === round)
    const s = summary(mine)
    const repos = [...new Set(mine.map((r) => r.repo))].sort()
    lines.push(
      `| ${round} | ${round === 'all' ? repos.length : repos.join(', ')} | ${fig(s.before)} | ${fig(s.still)} | ${fig(s.reported)} |`
    )
  }
  lines.push(
    '',
    '| Class (today) | Confidence (today) | Judged true of still reported | Decision |',
    '|---|---|---|---|'
  )
  for (const t of table)
    lines.push(
      `| ${t.id} | ${t.confidence ? t.confidence.join(', ') : 'any'} | ${fig({ yes: t.true, judged: t.judged, precision: t.judged ? t.true / t.judged : null })}${t.pooled ? ` (${t.pooled}'s thinly judged classes pooled)` : ''} | ${t.decision} |`
    )
  if (runs.length > 0) {
    const counts = hidden(runs, table)
    const all = counts.reduce((n, c) => n + c.reported, 0)
    const held = counts.reduce((n, c) => n + c.held, 0)
    lines.push(
      '',
      `Every finding of these ${runs.length} runs: ${all}, of which the policy holds ${held}.`,
      '',
      '| Class | Findings today | Held |',
      '|---|---|---|',
      ...counts.map((c) => `| ${c.id} | ${c.reported} | ${c.held} |`)
    )
  }
  return lines.join('\n') + '\n'
}

/** The table as src/pipeline/calibration.ts's JUDGED_CLASSES entries (decided ones only). */
export function typescript(replayed) {
  return policyTable(replayed)
    .filter((t) => t.judged >= MIN_JUDGED)
    .map(
      (t) =>
        `  { id: '${t.id}', ${t.confidence ? `confidence: [${t.confidence.map((c) => `'${c}'`).join(', ')}], ` : ''}judged: ${t.judged}, true: ${t.true}${t.pooled ? `, pooled: true` : ''} },`
    )
    .join('\n')
}

function parseArgs(argv) {
  let verdicts = null
  let json = null
  let md = null
  let ts = false
  const runs = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--verdicts') verdicts = argv[++i]
    else if (argv[i] === '--json') json = argv[++i]
    else if (argv[i] === '--markdown') md = argv[++i]
    else if (argv[i] === '--ts') ts = true
    else if (argv[i] === '--run') {
      const [round, repo, ...dir] = argv[++i].split(':')
      runs.push({ round: Number(round), repo, dir: dir.join(':') })
    } else
      throw new Error(
        `unknown argument ${argv[i]} (use --verdicts FILE --run ROUND:REPO:OUTDIR --json FILE)`
      )
  }
  if (!verdicts || runs.length === 0)
    throw new Error('--verdicts and at least one --run are required')
  return { verdicts, json, md, ts, runs }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { verdicts, json, md, ts, runs } = parseArgs(process.argv.slice(2))
  const rows = JSON.parse(readFileSync(verdicts, 'utf8'))
  const replayed = replay(rows, runs)
  const result = { summary: summary(replayed), classes: classes(replayed), rows: replayed }
  if (json) writeFileSync(json, JSON.stringify(result, null, 1) + '\n')
  if (md) writeFileSync(md, markdown(replayed, runs))
  if (ts) process.stdout.write(typescript(replayed) + '\n')
  else
    process.stdout.write(
      JSON.stringify({ summary: result.summary, classes: result.classes }, null, 1) + '\n'
    )
}
