// The summary's first lines after the title: how many specs are ready to commit, and the defects
// running them found (observed against expected), before anything else.
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
      : ''
  ].filter(Boolean)
  if (other.length > 0) lines.push('', `${other.join('; ')}.`)
  return lines.join('\n')
}
