// The summary's first lines after the title: how many specs are ready to commit, and the defects
// running them found (observed against expected), before anything else.
import { REDUNDANT } from '../execute/assertion-strength.js'
import { escapeInline } from '../util/escape.js'
import type { ValidationSummary } from './types.js'

export function validationSection(v: ValidationSummary): string {
  if (v.skipped)
    return `**Specs not run:** ${escapeInline(v.skipped)}. The plan below is unvalidated.`
  const added =
    v.coverage === null
      ? `${v.pinning} pin observed behaviour; coverage gain not measured${v.coverageNotMeasured ? `: ${escapeInline(v.coverageNotMeasured)}` : ''}`
      : `${v.coverage} add coverage`
  const lines = [
    `**Ready to commit: ${v.ready} test${v.ready === 1 ? '' : 's'} (${v.confirming} confirm findings, ${added})**${v.specsDir ? ` in \`${escapeInline(v.specsDir)}\`: copy it over the repository (\`cp -r\`).` : ''}`
  ]
  if (v.defects.length > 0) {
    lines.push('', `### Defects (${v.defects.length}): the code does not do what it should`, '')
    for (const d of v.defects.slice(0, 15))
      lines.push(
        `- ${escapeInline(d.title)} (\`${escapeInline(d.file)}\`): ${escapeInline(d.message)}`
      )
    if (v.defects.length > 15)
      lines.push(`- … and ${v.defects.length - 15} more in the records (validation.claim = defect)`)
  }
  const other = [
    v.refuted > 0
      ? `${v.refuted} claim${v.refuted === 1 ? '' : 's'} refuted by running them (left out)`
      : '',
    v.planOnly > 0
      ? `${v.planOnly} spec${v.planOnly === 1 ? '' : 's'} plan-only (could not be observed safely)`
      : '',
    planItemsLine(v.planItems)
  ].filter(Boolean)
  if (other.length > 0) lines.push('', `${other.join('; ')}.`)
  return lines.join('\n')
}

/** Passing specs left out of `specs/` on purpose, so nothing disappears without a word. */
function planItemsLine(items: Record<string, number> | undefined): string {
  const entries = Object.entries(items ?? {}).filter(([, n]) => n > 0)
  const total = entries.reduce((sum, [, n]) => sum + n, 0)
  if (total === 0) return ''
  const parts = entries
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([what, n]) => `${n} ${n === 1 ? what : what.replace(/^(\S+ )?(\S+)/, '$1$2s')}`)
  const redundant = items?.[REDUNDANT] ?? 0
  const why =
    redundant === 0
      ? ['no observed value and no coverage over the suite']
      : [
          'the redundant ones run only lines and branches the suite already runs',
          total > redundant ? 'the others observe no value and add no coverage over the suite' : ''
        ].filter(Boolean)
  return `${total} passing spec${total === 1 ? '' : 's'} kept as plan items, not in the spec files (${parts.join(', ')}: ${why.join('; ')})`
}
