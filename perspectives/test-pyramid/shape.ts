// Counts per level and runner, and the shape of the suite with its verdict. Thresholds (README):
// with at least `minTestsForShape` test cases,
//   ice-cream cone  e2e > unit and e2e >= 20% of all tests                 (unhealthy)
//   no unit base    unit < 20% and integration >= 50%                       (unhealthy)
//   hourglass       unit >= 30%, e2e >= 20%, integration < half the smaller (unhealthy)
//   pyramid         unit >= integration >= e2e                              (healthy)
//   diamond         anything else (integration the largest, unit >= 20%)   (healthy enough)
import type { CodeModel } from '../../src/model/types.js'
import { classOf } from '../../src/model/surface.js'
import { normaliseSource } from './classify.js'
import { isTestSupportPath } from '../shared/support-files.js'
import { plural } from '../shared/text.js'
import { isDeclarationFile } from '../shared/units.js'
import type { TestFile } from './classify.js'
import type { Found } from './context.js'
import { type Level, type Touch, TOUCH_FAKES } from './signals.js'

/** `the HTTP stack (61 files), a listening server (2 files)`: what the files of a level touch, most common first. */
function needs(files: TestFile[]): string {
  const counts = new Map<Touch, number>()
  for (const f of files) for (const t of f.touches) counts.set(t, (counts.get(t) ?? 0) + 1)
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3)
  if (top.length === 0) return 'the set-up their folders declare (integration folders)'
  return top.map(([t, n]) => `${TOUCH_FAKES[t]} (${plural(n, 'file')})`).join(', ')
}

export type Shape =
  | 'no tests'
  | 'too few tests to judge'
  | 'pyramid'
  | 'ice-cream cone'
  | 'no unit base'
  | 'hourglass'
  | 'diamond'

export interface Counts {
  files: Record<Level, number>
  tests: Record<Level, number>
  /** runner -> level -> test cases. */
  perRunner: Record<string, Record<Level, number>>
  total: number
}

export const LEVELS: Level[] = ['unit', 'integration', 'e2e']
export const LEVEL_NAMES: Record<Level, string> = {
  unit: 'unit',
  integration: 'integration',
  e2e: 'end-to-end'
}

export function countLevels(files: TestFile[]): Counts {
  const zero = (): Record<Level, number> => ({ unit: 0, integration: 0, e2e: 0 })
  const counts: Counts = { files: zero(), tests: zero(), perRunner: {}, total: 0 }
  for (const f of files) {
    counts.files[f.level]++
    counts.tests[f.level] += f.tests.length
    counts.total += f.tests.length
    const runner = (counts.perRunner[f.framework] ??= zero())
    runner[f.level] += f.tests.length
  }
  return counts
}

export function shapeOf(counts: Counts, minTests: number): Shape {
  const { unit: u, integration: i, e2e: e } = counts.tests
  const total = counts.total
  if (total === 0) return 'no tests'
  if (total < minTests) return 'too few tests to judge'
  if (e > u && e >= 0.2 * total) return 'ice-cream cone'
  if (u < 0.2 * total && i >= 0.5 * total) return 'no unit base'
  if (u >= 0.3 * total && e >= 0.2 * total && i < Math.min(u, e) / 2) return 'hourglass'
  if (u >= i && i >= e) return 'pyramid'
  return 'diamond'
}

export function countsText(counts: Counts): string {
  const pct = (n: number) => (counts.total === 0 ? 0 : Math.round((100 * n) / counts.total))
  return (
    LEVELS.map((l) => `${counts.tests[l]} ${LEVEL_NAMES[l]} (${pct(counts.tests[l])}%)`).join(
      ', '
    ) + ` of ${plural(counts.total, 'test')}`
  )
}

export function missingLevels(counts: Counts): Level[] {
  return LEVELS.filter((l) => counts.tests[l] === 0)
}

/** Most files of the level start a server or send it requests. */
function serverLevel(files: readonly TestFile[], level: Level): boolean {
  const heavy = files.filter((f) => f.level === level)
  const serving = heavy.filter((f) => f.touches.has('server') || f.touches.has('http-app'))
  return heavy.length > 0 && serving.length * 2 > heavy.length
}

const WHY: Partial<Record<Shape, string>> = {
  'ice-cream cone':
    'more end-to-end tests than unit tests, the slowest and most brittle kind carrying the suite',
  'no unit base': 'most tests need {{needs}}, and few check a unit on its own',
  hourglass: 'many unit and end-to-end tests with a thin layer of integration tests between them'
}

const ADVICE: Partial<Record<Shape, string>> = {
  'ice-cream cone':
    'Move checks of single functions out of the end-to-end tests into unit tests and keep a few end-to-end journeys.',
  'no unit base':
    'Test the logic behind those tests directly, with fakes for the I/O, and keep the integration tests for the wiring.',
  hourglass:
    'Add integration tests for the seams (database, HTTP, files) so that end-to-end tests are not the only check of the wiring.'
}

/** Packages whose import makes a module serve HTTP. */
const SERVER_FRAMEWORKS = new Set([
  'express',
  'koa',
  'fastify',
  'hono',
  '@hapi/hapi',
  'connect',
  'polka',
  'restify',
  'flask',
  'django',
  'fastapi',
  'starlette',
  'aiohttp',
  'tornado',
  'bottle',
  'falcon',
  'sanic',
  'quart'
])

/**
 * Whether the product is a server: shipped code creates one (`http.createServer`, `union.createServer`)
 * or is written on a web framework. Its behaviour is what it answers over HTTP, so tests that start it
 * and send requests are at the right level, not a pyramid missing its base (http-server, session 7).
 */
export function productServesHttp(model: CodeModel): boolean {
  return model.modules.some(
    (m) =>
      !m.isTest &&
      !isTestSupportPath(m.path) &&
      (model.surface === undefined ||
        (classOf(model.surface, m.path) ?? 'shipped') === 'shipped') &&
      (m.calls.some((c) => c.name === 'createServer') ||
        m.imports.some(
          (d) => !d.resolved && SERVER_FRAMEWORKS.has(normaliseSource(d.source).split('.')[0])
        ))
  )
}

/** The repository-level verdict when the shape is unhealthy, and a finding for a repository with code and no tests. */
export function shapeFindings(
  model: CodeModel,
  files: TestFile[],
  counts: Counts,
  shape: Shape
): Found[] {
  if (shape === 'no tests') {
    const sources = model.modules.filter(
      (m) =>
        !m.isTest &&
        !isTestSupportPath(m.path) &&
        !isDeclarationFile(m.path) &&
        m.language !== 'other'
    )
    if (sources.length === 0) return []
    const lines = sources.reduce((n, m) => n + m.lines, 0)
    const languages = [...new Set(sources.map((m) => m.language))].sort().join('/')
    return [
      {
        draft: {
          messageId: 'noTests',
          data: { sources: `${plural(sources.length, `${languages} source file`)}`, lines },
          severity: lines >= 200 ? 'high' : 'medium',
          confidence: 'high',
          rationale:
            'Without tests every change is checked by hand or not at all; the pyramid has no level to stand on.',
          evidence: {
            lookedFor:
              'test files with test cases (*.test.*, *.spec.*, __tests__/, test/, tests/, test_*.py, *_test.py, *_test.go...)',
            where: [
              ...new Set(
                sources.map((m) =>
                  m.path.includes('/') ? `${m.path.slice(0, m.path.lastIndexOf('/'))}/` : './'
                )
              )
            ]
              .sort()
              .slice(0, 10)
          },
          key: 'no-tests'
        }
      }
    ]
  }
  const template = WHY[shape]
  if (!template) return []
  const heavy: Level =
    shape === 'ice-cream cone' ? 'e2e' : shape === 'no unit base' ? 'integration' : 'unit'
  if (shape === 'no unit base' && productServesHttp(model) && serverLevel(files, heavy)) return []
  const why = template.replace('{{needs}}', needs(files.filter((f) => f.level === heavy)))
  const where = files
    .filter((f) => f.level === heavy || (shape === 'hourglass' && f.level === 'e2e'))
    .map((f) => f.module.path)
  return [
    {
      draft: {
        messageId: 'unhealthyShape',
        data: {
          shape: shape === 'no unit base' ? 'a pyramid with no unit base' : `an ${shape}`,
          counts: countsText(counts),
          why,
          advice: ADVICE[shape] ?? ''
        },
        severity: shape === 'hourglass' ? 'low' : 'medium',
        confidence: 'medium',
        rationale:
          'Tests high in the pyramid are slow and flaky and point at no single unit when they fail; a suite carried by them gives late, vague feedback.',
        evidence: {
          lookedFor: `test files classified by what they touch (${countsText(counts)})`,
          where: where.slice(0, 15)
        },
        key: `shape|${shape}`
      }
    }
  ]
}
