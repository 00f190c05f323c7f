// The test-pyramid section of the summary: the shape with its numbers, counts per level and runner,
// the classification of the test files with their reasons, the slowest tests from JUnit XML, and the
// findings per kind. Pure; repository text is escaped.
import type { JUnitCase } from '../../src/model/types.js'
import { codeCell, escapeInline, moreNote, num, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import { type TestFile, reasonSummary } from './classify.js'
import type { Found } from './context.js'
import type { TestPyramidMessageId } from './messages.js'
import { type Counts, countsText, LEVEL_NAMES, LEVELS, missingLevels, type Shape } from './shape.js'

const MAX_FILES = 30
const MAX_FINDINGS = 25

export const LABEL: Record<TestPyramidMessageId, string> = {
  unhealthyShape: 'unhealthy shape',
  noTests: 'no tests',
  sleepInTest: 'sleeps',
  realClock: 'real clock without a fake',
  unseededRandom: 'unseeded randomness',
  networkInUnitTest: 'real network outside integration tests',
  focusedTest: 'focused tests (.only)',
  skippedTest: 'skipped tests',
  sharedMutableState: 'module state written by several tests',
  orderDependence: 'order dependence',
  testCanMoveDown: 'functions tested only through integration/e2e tests',
  assertionChecksNothing: 'assertions that cannot fail'
}

export interface ReportInput {
  files: TestFile[]
  counts: Counts
  shape: Shape
  kept: Found[]
  perKind: Record<TestPyramidMessageId, number>
  slowest: JUnitCase[]
  sourceModules: number
}

function bar(n: number, max: number): string {
  return max === 0 ? '' : '█'.repeat(Math.max(n > 0 ? 1 : 0, Math.round((20 * n) / max)))
}

export function buildReport(input: ReportInput): string {
  const { counts, files } = input
  if (files.length === 0) {
    return input.sourceModules === 0
      ? 'The repository has no source files and no tests: there is no suite to shape.'
      : `No test files with test cases were found among ${plural(input.sourceModules, 'source file')}: the pyramid is empty.`
  }
  const parts: string[] = []
  const missing = missingLevels(counts)
  parts.push(
    `**Shape: ${escapeInline(input.shape)}.** ${escapeInline(countsText(counts))} in ${plural(files.length, 'test file')}` +
      (missing.length > 0
        ? `; no ${missing.map((l) => LEVEL_NAMES[l]).join(' and no ')} tests`
        : '') +
      '.'
  )
  const max = Math.max(...LEVELS.map((l) => counts.tests[l]))
  parts.push(
    '```text\n' +
      [...LEVELS]
        .reverse()
        .map(
          (l) =>
            `${LEVEL_NAMES[l].padEnd(12)} ${String(counts.tests[l]).padStart(6)} ${bar(counts.tests[l], max)}`
        )
        .join('\n') +
      '\n```'
  )
  const runners = Object.keys(counts.perRunner).sort()
  parts.push(
    '#### Tests per runner and level\n\n' +
      table(
        ['Runner', ...LEVELS.map((l) => LEVEL_NAMES[l]), 'Files'],
        runners.map((r) => [
          codeCell(r),
          ...LEVELS.map((l) => num(counts.perRunner[r][l])),
          num(files.filter((f) => f.framework === r).length)
        ]),
        ['left', 'right', 'right', 'right', 'right']
      )
  )
  const ordered = [...files].sort(
    (a, b) =>
      LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level) ||
      a.module.path.localeCompare(b.module.path)
  )
  parts.push(
    '#### Test files\n\n' +
      table(
        ['File', 'Level', 'Tests', 'Why'],
        ordered
          .slice(0, MAX_FILES)
          .map((f) => [
            codeCell(f.module.path),
            LEVEL_NAMES[f.level],
            num(f.tests.length),
            escapeInline(reasonSummary(f) || 'touches nothing outside the process')
          ])
      ) +
      moreNote(Math.min(MAX_FILES, ordered.length), ordered.length, 'test files')
  )
  if (input.slowest.length > 0) {
    parts.push(
      '#### Slowest tests (JUnit XML)\n\n' +
        table(
          ['Seconds', 'Test', 'File'],
          input.slowest.map((c) => [
            num(Number(c.seconds.toFixed(3))),
            escapeInline(`${c.suite} › ${c.name}`),
            c.file ? codeCell(c.file) : '—'
          ]),
          ['right', 'left', 'left']
        )
    )
  }
  const total = Object.values(input.perKind).reduce((a, b) => a + b, 0)
  if (total === 0) {
    parts.push(
      'No flakiness smells found: no sleeps, real clocks, unseeded randomness, real network calls, focused or skipped tests, or shared module state.'
    )
    return parts.join('\n\n')
  }
  const kinds = (Object.keys(LABEL) as TestPyramidMessageId[])
    .filter((k) => input.perKind[k] > 0)
    .map((k) => [escapeInline(LABEL[k]), num(input.perKind[k])])
  const rows = input.kept.slice(0, MAX_FINDINGS).map((f) => {
    const ev = f.draft.evidence
    return [
      escapeInline(f.draft.severity),
      escapeInline(LABEL[f.draft.messageId]),
      'file' in ev ? codeCell(`${ev.file}:${ev.startLine}`) : escapeInline('repository'),
      'file' in ev
        ? codeCell(ev.snippet.split('\n')[0].trim().slice(0, 80))
        : escapeInline(ev.lookedFor.slice(0, 80))
    ]
  })
  parts.push(
    `**${plural(total, 'finding')}**${input.kept.length < total ? ` (${input.kept.length} kept, the rest over the per-kind cap)` : ''}.`
  )
  parts.push(table(['Kind', 'Found'], kinds, ['left', 'right']))
  parts.push(
    '#### Findings\n\n' +
      table(['Severity', 'Kind', 'Where', 'Code'], rows) +
      moreNote(rows.length, total, 'findings')
  )
  return parts.join('\n\n')
}
