// The backwards-compat section of the summary: which base, the semver advice against the version
// change made, the breaking changes (most severe first), then additions and moves listed apart.
import { codeCell, escapeInline, moreNote, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import type { FindingDraft } from '../types.js'
import type { Addition, Moved } from './compare.js'
import type { BackwardsCompatMessageId } from './messages.js'
import type { VersionChange } from './manifest.js'

const REPORT_ROWS = 25

export interface BaseDescription {
  ref: string
  commit?: string
  how?: string
}

export interface ReportInput {
  base: BaseDescription | { unavailable: string }
  kept: FindingDraft<BackwardsCompatMessageId>[]
  total: number
  additions: Addition[]
  additionsTotal: number
  moved: Moved[]
  required: 'major' | 'minor' | 'patch'
  version: VersionChange | null
  apiSize: { base: number; head: number }
  titles: Map<FindingDraft, string>
}

const HOW: Record<string, string> = {
  input: 'the base-ref input',
  tag: 'the latest semver tag reachable from HEAD',
  'previous-run': 'the commit analysed last time'
}

export function describeBase(base: BaseDescription): string {
  const commit = base.commit && base.commit !== base.ref ? ` (${base.commit.slice(0, 12)})` : ''
  return `${codeCell(base.ref)}${commit}${base.how ? `, ${escapeInline(HOW[base.how] ?? base.how)}` : ''}`
}

export function buildReport(input: ReportInput): string {
  if ('unavailable' in input.base) {
    return `No comparison was made: the base is unavailable — ${escapeInline(input.base.unavailable)}. No breaking changes are reported, because none could be looked for (this is not a "no changes" result).`
  }
  const intro = `Compared HEAD with ${describeBase(input.base)}: ${plural(input.apiSize.base, 'public API item')} at the base, ${input.apiSize.head} at HEAD.`
  const version = input.version
    ? `The version went from ${codeCell(input.version.before)} to ${codeCell(input.version.after)} (${escapeInline(input.version.actual)}); the changes found need a **${input.required}** release.`
    : `No package version was found at both the base and HEAD; the changes found need a **${input.required}** release.`
  const parts = [intro, version]
  if (input.total === 0) {
    parts.push(
      'No breaking changes found: no public export, member, type, parameter, entry point, engine requirement, command or command-line option was removed or made stricter.'
    )
  } else {
    const rows = input.kept.slice(0, REPORT_ROWS).map((f) => {
      const ev = f.evidence
      const at =
        'file' in ev ? codeCell(`${ev.file}:${ev.startLine}`) : escapeInline(ev.where[0] ?? '')
      return [escapeInline(f.severity), escapeInline(input.titles.get(f) ?? f.messageId), at]
    })
    parts.push(
      `**${plural(input.total, 'breaking change')}**:\n\n${table(['Severity', 'Change', 'Where'], rows)}${moreNote(rows.length, input.total, 'breaking changes')}`
    )
  }
  if (input.additionsTotal > 0) {
    const list = input.additions
      .map((a) => `- ${codeCell(a.name)} in ${codeCell(a.file)}: ${escapeInline(a.what)}`)
      .join('\n')
    parts.push(
      `#### Additions (not breaking)\n\n${list}${moreNote(input.additions.length, input.additionsTotal, 'additions')}`
    )
  }
  if (input.moved.length > 0) {
    const list = input.moved
      .slice(0, REPORT_ROWS)
      .map((m) => `- ${codeCell(m.name)}: ${codeCell(m.from)} → ${codeCell(m.to)}`)
      .join('\n')
    parts.push(
      `#### Moved between modules (not counted as breaking; deep imports of the old module path would break)\n\n${list}${moreNote(Math.min(REPORT_ROWS, input.moved.length), input.moved.length, 'moves')}`
    )
  }
  return parts.join('\n\n')
}
