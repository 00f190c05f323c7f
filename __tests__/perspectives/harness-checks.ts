// What the harness checks in every run: each finding's evidence is the text of its file at its lines,
// messages are filled, specs cover findings of the run; and the run summed up as (message, file, line).
import type { PerspectiveRun } from '../../src/engine/types.js'
import type { CodeModel, LoadedRepository } from '../../src/model/types.js'

export interface ExpectedFinding {
  messageId: string
  /** null for a repository-level finding. */
  file: string | null
  /** Start line; null for a repository-level finding. */
  line: number | null
}

export interface FixtureRun {
  run: PerspectiveRun
  model: CodeModel
  repo: LoadedRepository
  files: Record<string, string>
}

/** Problems with the findings' evidence and specs of a run; empty when everything checks out. */
export function checkRun(result: FixtureRun): string[] {
  const problems: string[] = []
  const { run, files } = result
  const ids = new Set(run.findings.map((f) => f.id))
  if (ids.size !== run.findings.length) problems.push('two findings share an id')
  const specIds = new Set(run.specs.map((s) => s.id))
  if (specIds.size !== run.specs.length) problems.push('two specs share an id')
  for (const f of run.findings) {
    const at = `${f.id} (${f.messageId})`
    // A quoted workflow command may hold a GitHub expression (`${{ matrix.session }}`): that is not a placeholder.
    if (/\{\{|\}\}/.test((f.title + f.message).replace(/\$\{\{[^}]*\}\}/g, '')))
      problems.push(`${at}: unfilled placeholder in "${f.title}" / "${f.message}"`)
    if (f.title.trim() === '' || f.message.trim() === '' || f.rationale.trim() === '')
      problems.push(`${at}: empty title, message or rationale`)
    if (f.file === null) {
      if (!f.lookedFor || f.where.length === 0)
        problems.push(`${at}: a repository-level finding must say what was looked for and where`)
      continue
    }
    problems.push(...checkEvidence(f, files))
  }
  for (const spec of run.specs) {
    for (const covered of spec.covers) {
      if (!ids.has(covered))
        problems.push(`spec ${spec.id} covers '${covered}', which is not a finding of this run`)
    }
    if (spec.code.trim() === '') problems.push(`spec ${spec.id} has no code`)
  }
  return problems
}

/** The snippet must be the text of the file from `startLine` on (the engine may have cut it with `…`). */
export function checkEvidence(
  f: {
    id: string
    file: string | null
    startLine: number | null
    endLine: number | null
    snippet: string | null
  },
  files: Record<string, string>
): string[] {
  const at = `${f.id} at ${f.file}:${f.startLine}`
  const content = f.file === null ? undefined : files[f.file]
  if (content === undefined) return [`${at}: the file is not in the fixture`]
  const lines = content.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  const { startLine, endLine } = f
  if (
    startLine === null ||
    endLine === null ||
    startLine < 1 ||
    endLine < startLine ||
    endLine > lines.length
  ) {
    return [
      `${at}: line range ${startLine}-${endLine} is not inside the file's ${lines.length} lines`
    ]
  }
  if (f.snippet === null || f.snippet.trim() === '') return [`${at}: no snippet`]
  const quoted = f.snippet.replace(/\n?…$/, '')
  const actual = lines.slice(startLine - 1, endLine).join('\n')
  if (!actual.startsWith(quoted))
    return [
      `${at}: snippet ${JSON.stringify(f.snippet)} is not the text at lines ${startLine}-${endLine}`
    ]
  return []
}

export function summarise(run: PerspectiveRun): ExpectedFinding[] {
  return sortExpected(
    run.findings.map((f) => ({ messageId: f.messageId, file: f.file, line: f.startLine }))
  )
}

export function sortExpected(list: ExpectedFinding[]): ExpectedFinding[] {
  return [...list].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.messageId.localeCompare(b.messageId)
  )
}
