// The scope section of the summary: inventory tables, the top test targets with their score
// components, entry points and what was left out. Pure; repository text is escaped.
import { codeCell, escapeInline, moreNote, num, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import type { EntryPoint } from './entry-points.js'
import type { Inventory } from './inventory.js'
import type { RankedTarget } from './ranking.js'

const REACH_LABEL: Record<RankedTarget['reach'], string> = {
  referenced: 'tested',
  'module-imported': 'module imported only',
  indirect: 'reached through other modules',
  unreached: '**untested**'
}

const REPORT_TARGETS = 15
const REPORT_ENTRIES = 20
const REPORT_PACKAGES = 20

export interface ReportInput {
  inventory: Inventory
  targets: RankedTarget[]
  entryPoints: EntryPoint[]
  untestedTargets: number
  /** The product surface section (surface-section.ts), empty when the model has no surface. */
  surface?: string
}

export function buildReport(input: ReportInput): string {
  const { inventory, targets, entryPoints } = input
  const { totals } = inventory
  if (totals.files === 0) {
    return (
      'The repository has no analysed source files, so there is nothing in scope to test.' +
      skippedText(inventory)
    )
  }
  const parts: string[] = []
  parts.push(
    `**${plural(totals.sourceFiles, 'source file')}** (${totals.sourceLines} lines) and **${plural(totals.testFiles, 'test file')}** ` +
      `(${totals.testLines} lines); **${plural(targets.length, 'public unit')}**, ${input.untestedTargets} of them not referenced by any test; ` +
      `**${plural(entryPoints.length, 'entry point')}**.`
  )
  parts.push(
    '#### Languages\n\n' +
      table(
        ['Language', 'Files', 'Lines', 'Test files', 'Test lines'],
        inventory.languages.map((l) => [
          escapeInline(l.language),
          num(l.files),
          num(l.lines),
          num(l.testFiles),
          num(l.testLines)
        ]),
        ['left', 'right', 'right', 'right', 'right']
      )
  )
  if (inventory.packages.length > 0) {
    const rows = inventory.packages
      .slice(0, REPORT_PACKAGES)
      .map((p) => [
        codeCell(p.path),
        p.name ? escapeInline(p.name) : '—',
        p.version ? escapeInline(p.version) : '—',
        num(p.modules),
        num(p.lines),
        p.workspaces.length > 0 ? escapeInline(p.workspaces.join(', ')) : '—'
      ])
    parts.push(
      '#### Packages\n\n' +
        table(['Manifest', 'Name', 'Version', 'Modules', 'Lines', 'Workspaces'], rows, [
          'left',
          'left',
          'left',
          'right',
          'right',
          'left'
        ]) +
        moreNote(rows.length, inventory.packages.length, 'packages')
    )
  }
  if (targets.length > 0) {
    const rows = targets
      .slice(0, REPORT_TARGETS)
      .map((t) => [
        num(t.rank),
        `${codeCell(t.symbol)} in ${codeCell(`${t.file}:${t.line}`)}`,
        num(t.score),
        `${t.lines} (${num(t.components.size)})`,
        `${t.maxComplexity}/${t.sumComplexity} (${num(t.components.complexity)})`,
        `${t.fanIn} (${num(t.components.fanIn)})`,
        REACH_LABEL[t.reach]
      ])
    parts.push(
      '#### Top test targets\n\n' +
        'Score = 100 × (0.25 size + 0.30 complexity + 0.20 fan-in + 0.25 untested); components in brackets.\n\n' +
        table(['#', 'Unit', 'Score', 'Lines', 'Complexity max/sum', 'Fan-in', 'Tests'], rows, [
          'right',
          'left',
          'right',
          'right',
          'right',
          'right',
          'left'
        ]) +
        moreNote(rows.length, targets.length, 'units in the details')
    )
  }
  if (entryPoints.length > 0) {
    const rows = entryPoints
      .slice(0, REPORT_ENTRIES)
      .map((e) => [
        escapeInline(e.kind),
        codeCell(e.name),
        e.file
          ? codeCell(e.loc ? `${e.file}:${e.loc.startLine}` : e.file)
          : 'not among the analysed files',
        escapeInline(e.via)
      ])
    parts.push(
      '#### Entry points\n\n' +
        table(['Kind', 'Name', 'Where', 'Seen as'], rows) +
        moreNote(rows.length, entryPoints.length, 'entry points')
    )
  }
  parts.push(
    '#### Out of scope\n\n' +
      `${plural(totals.testFiles, 'test file')} (${totals.testLines} lines) ${totals.testFiles === 1 ? 'is' : 'are'} the tests themselves.` +
      supportText(inventory) +
      skippedText(inventory)
  )
  if (input.surface) parts.push(input.surface)
  return parts.join('\n\n')
}

function skippedText(inventory: Inventory): string {
  const skipped = inventory.outOfScope.skipped
  if (skipped.length === 0) return ''
  const total = skipped.reduce((n, s) => n + s.count, 0)
  return ` ${plural(total, 'file')} ${total === 1 ? 'was' : 'were'} not analysed: ${skipped.map((s) => `${escapeInline(s.reason)} ${s.count}`).join(', ')}.`
}

function supportText(inventory: Inventory): string {
  const { supportFiles, supportLines } = inventory.outOfScope
  if (supportFiles === 0) return ''
  return ` ${plural(supportFiles, 'file')} (${supportLines} lines) in fixtures, test data, mocks or snapshots folders ${supportFiles === 1 ? 'is' : 'are'} test input.`
}
