// Builders for report inputs: small, explicit runs written for these tests.
import type { Finding, PerspectiveMeta } from '../../perspectives/types.js'
import type { PerspectiveRun } from '../../src/engine/types.js'
import type { TestSpec } from '../../src/specs/types.js'
import type { SummaryInput } from '../../src/report/types.js'

export const SHA = '0123456789abcdef0123456789abcdef01234567'

export function meta(
  number: number,
  id: string,
  title: string,
  question: string,
  implemented = true
): PerspectiveMeta {
  return {
    number,
    id: id as PerspectiveMeta['id'],
    title,
    question,
    description: `${title} description`,
    messages: {},
    implemented
  }
}

export function codeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'scope/untested/abc',
    perspective: 'scope',
    messageId: 'untested',
    title: 'parseConfig has no test',
    message: 'parseConfig in src/config.ts is exported and no test imports it.',
    severity: 'high',
    confidence: 'medium',
    rationale: 'Exported and complex.',
    file: 'src/config.ts',
    startLine: 10,
    endLine: 12,
    snippet: 'export function parseConfig(text) {',
    symbol: 'parseConfig',
    lookedFor: null,
    where: [],
    cwe: null,
    tags: [],
    ...overrides
  }
}

export function repositoryFinding(overrides: Partial<Finding> = {}): Finding {
  return codeFinding({
    id: 'scope/no-tests/def',
    messageId: 'no-tests',
    title: 'No test files found',
    message: 'The repository has no test files.',
    severity: 'medium',
    file: null,
    startLine: null,
    endLine: null,
    snippet: null,
    symbol: null,
    lookedFor: 'files named *.test.ts or test_*.py',
    where: ['src/', 'tests/'],
    ...overrides
  })
}

export function spec(overrides: Partial<TestSpec> = {}): TestSpec {
  return {
    id: 'scope/smoke/1',
    title: 'parseConfig returns an object',
    level: 'unit',
    target: { file: 'src/config.ts', symbol: 'parseConfig', line: 10 },
    rationale: 'Top untested unit.',
    covers: ['scope/untested/abc'],
    expected: 'returns without throwing',
    priority: 'P1',
    framework: 'jest',
    language: 'typescript',
    fileName: '__tests__/config.test.ts',
    code: "import { parseConfig } from '../src/config'\n\ntest('parses', () => {\n  expect(parseConfig('{}')).toEqual({})\n})\n",
    ...overrides
  }
}

export function run(overrides: Partial<PerspectiveRun> = {}): PerspectiveRun {
  return {
    meta: meta(1, 'scope', 'Scope', 'What are we testing?'),
    status: 'ok',
    error: null,
    findings: [codeFinding(), repositoryFinding()],
    specs: [spec()],
    metrics: { files: 3, lines: 1234 },
    details: null,
    report: '**Inventory:** 3 modules',
    risk: 42,
    millis: 15,
    ...overrides
  }
}

export function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    repository: 'octo/widgets',
    serverUrl: 'https://github.com',
    commit: SHA,
    ref: 'main',
    runUrl: 'https://github.com/octo/widgets/actions/runs/99',
    trigger: 'schedule',
    toolVersion: '0.1.0',
    rotation: { current: 1, next: 2, source: 'variable' },
    stored: {
      localDir: '.test-planning',
      datasetUrl: 'https://huggingface.co/datasets/autocoder/autocoder-test-planning-results'
    },
    skipped: { vendored: 4, 'too large': 1, binary: 0 },
    model: { files: 3, lines: 1234, millis: 20 },
    history: { scope: { newFindings: 2, resolvedFindings: 1 } },
    runs: [run()],
    ...overrides
  }
}

/** The 15 perspectives as metadata only: one run each, the first implemented. */
export const IDS = [
  'scope',
  'failure-modes',
  'integration-points',
  'edge-cases',
  'performance',
  'backwards-compat',
  'data-integrity',
  'error-handling',
  'user-experience',
  'security',
  'test-coverage',
  'test-pyramid',
  'mocking-strategy',
  'ci-cd',
  'big-picture'
]
