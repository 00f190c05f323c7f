// Perspective 12: Test pyramid. Is the test suite well shaped? Classifies every test file as unit,
// integration or end-to-end by what it touches and where it lives, counts tests per level and
// runner, names the shape with its numbers, finds flakiness smells, reads the slowest tests from
// JUnit XML, and writes specs that move tests down the pyramid. How it decides: README.md.
import { definePerspective } from '../define.js'
import { finishFindings, perKindMetrics } from '../kit/index.js'
import { createQuoter } from '../shared/evidence.js'
import { isTestSupportPath } from '../shared/support-files.js'
import { isDeclarationFile } from '../shared/units.js'
import type { Metrics } from '../types.js'
import { testFiles } from './classify.js'
import { type Found } from './context.js'
import { MESSAGES, type TestPyramidMessageId } from './messages.js'
import { checkMoveDown } from './movedown.js'
import { OPTIONS, type TestPyramidOptions } from './options.js'
import { buildReport } from './report.js'
import { countLevels, LEVELS, shapeFindings, shapeOf } from './shape.js'
import { checkEmptyAssertions } from './empty-assertions.js'
import { checkClock, checkModifiers, checkNetwork, checkRandom } from './smells.js'
import { checkSleeps } from './sleeps.js'
import { buildSpecs } from './specs.js'
import { checkState } from './state.js'

export type { TestPyramidOptions } from './options.js'

const MAX_SLOWEST = 10
const MAX_DETAIL_FILES = 500

export default definePerspective<TestPyramidMessageId, TestPyramidOptions>({
  meta: {
    number: 12,
    id: 'test-pyramid',
    title: 'Test pyramid',
    question: 'Is the test suite well shaped?',
    description:
      'Classifies every test file as unit, integration or end-to-end by what it touches (servers started, supertest, Playwright/' +
      'Cypress/Puppeteer/Selenium/WebdriverIO, database clients, testcontainers, the network, file writes and temporary folders, ' +
      'child processes) and by folder and file-name conventions, with the reasons per file; counts tests per level and per runner; ' +
      'names the shape (pyramid, ice-cream cone, hourglass, no unit base, diamond) with its numbers; finds flakiness smells (sleeps, ' +
      'the real clock without fake timers, unseeded randomness, the real network outside integration tests, `.only`, skipped tests, ' +
      'module-level state written by several tests, tests reading state another test writes) and assertions that cannot fail ' +
      '(`expect(x)` without a matcher, Mock look-alikes of assertions); lists the slowest tests from JUnit XML. ' +
      'Specs move tests down the pyramid: unit tests for functions reached only by integration or end-to-end tests.',
    messages: MESSAGES,
    implemented: true
  },
  options: OPTIONS,
  analyse(context) {
    const { options } = context
    const { model } = context
    const quote = createQuoter(context)
    const files = testFiles(model.modules)
    const counts = countLevels(files)
    const shape = shapeOf(counts, options.minTestsForShape)
    const input = { files, quote, minSleepMillis: options.minSleepMillis }
    const found: Found[] = [
      ...shapeFindings(model, files, counts, shape),
      ...checkModifiers(input),
      ...checkEmptyAssertions(input),
      ...checkSleeps(input),
      ...checkClock(input),
      ...checkRandom(input),
      ...checkNetwork(input),
      ...checkState(files, quote),
      ...checkMoveDown(model, files, quote)
    ]
    const { all, kept, perKind } = finishFindings(
      found,
      Object.keys(MESSAGES) as TestPyramidMessageId[],
      options.maxFindingsPerKind
    )
    const slowest = [...model.facts.junit]
      .sort(
        (a, b) =>
          b.seconds - a.seconds || a.suite.localeCompare(b.suite) || a.name.localeCompare(b.name)
      )
      .slice(0, MAX_SLOWEST)
    const sourceModules = model.modules.filter(
      (m) =>
        !m.isTest &&
        !isTestSupportPath(m.path) &&
        !isDeclarationFile(m.path) &&
        m.language !== 'other'
    ).length
    const metrics: Metrics = {
      testFiles: files.length,
      tests: counts.total,
      findings: all.length,
      junitCases: model.facts.junit.length,
      slowestSeconds: slowest[0]?.seconds ?? 0
    }
    for (const l of LEVELS) {
      metrics[`files.${l}`] = counts.files[l]
      metrics[`tests.${l}`] = counts.tests[l]
    }
    Object.assign(metrics, perKindMetrics(perKind))
    return {
      findings: kept.map((f) => f.draft),
      specs: buildSpecs(kept, options.maxSpecs),
      metrics,
      details: {
        shape,
        counts,
        files: files.slice(0, MAX_DETAIL_FILES).map((f) => ({
          path: f.module.path,
          framework: f.framework,
          level: f.level,
          declared: f.declared ?? null,
          tests: f.tests.length,
          reasons: f.reasons.map((r) => ({ text: r.text, line: r.line, touch: r.touch ?? null }))
        })),
        filesShown: Math.min(files.length, MAX_DETAIL_FILES),
        slowest: slowest.map((c) => ({
          suite: c.suite,
          name: c.name,
          file: c.file ?? null,
          seconds: c.seconds,
          status: c.status
        })),
        perKind,
        shown: kept.length,
        total: all.length,
        options
      },
      report: buildReport({ files, counts, shape, kept, perKind, slowest, sourceModules })
    }
  }
})
