// Perspective 13: Mocking strategy. What to fake, what to keep real? For each public unit, its seams
// (network, file system, clock, randomness, environment, database, child process, third-party SDK),
// injected or hard-wired, with the tool that fakes each; in existing tests, mocks of the project's own
// modules (and of the module under test), spies never restored and hand-made mocks of third-party
// clients. Specs carry the isolation set-up in the target's framework. README.md documents the rules.
import type { Severity, Confidence, FindingDraft } from '../types.js'
import { definePerspective } from '../define.js'
import { createQuoter } from '../shared/evidence.js'
import { SEAM_LABEL, type SeamKind } from './catalogue.js'
import { MESSAGES, type MockingMessageId } from './messages.js'
import { mockContext, mocksOf, type MockUse } from './mocks.js'
import { type MockingOptions, OPTIONS } from './options.js'
import { buildReport, type SeamRow } from './report.js'
import { seamsOf, type SeamUse } from './seams.js'
import { moduleMockers, notReportedSeams } from './unreported.js'
import { buildSpecs, type SpecInput } from './specs.js'
import { toolFor } from './tools.js'
import {
  bySeverityThenPlace,
  CODE_LANGUAGES,
  finishFindings,
  perKindMetrics
} from '../kit/index.js'

export type { MockingOptions } from './options.js'

const SEAM_SEVERITY: Record<SeamKind, Severity> = {
  network: 'medium',
  database: 'medium',
  sdk: 'medium',
  process: 'medium',
  filesystem: 'low',
  clock: 'low',
  randomness: 'low',
  environment: 'low'
}
const NOT_PRODUCT = new Set([
  'docs',
  'doc',
  'examples',
  'example',
  'scripts',
  'benchmarks',
  'benchmark',
  'bench'
])
const CONFIG_FILE = /(^|\/)(jest|vitest|vite)\.config\.[cm]?[jt]s$/

export default definePerspective<MockingMessageId, MockingOptions>({
  meta: {
    number: 13,
    id: 'mocking-strategy',
    title: 'Mocking strategy',
    question: 'What to fake, what to keep real?',
    description:
      'For each exported function and public method of an exported class (JavaScript, TypeScript, Python): its seams — network, file system, ' +
      'clock, randomness, environment, database, child process, third-party SDK — and whether each is injected (a parameter, default ' +
      'parameter or constructor argument) or hard-wired (an imported module or global called directly), with the tool that fakes it ' +
      '(fake timers, msw/nock, responses/respx, temporary directories, testcontainers, monkeypatch). In existing tests: module mocks and ' +
      "patches of the project's own modules (worst when the module under test is itself mocked), spies and patches never restored, and " +
      'hand-made mocks of third-party clients. Produces the seam table and specs with the isolation set-up code in the target framework.',
    messages: MESSAGES,
    implemented: true
  },
  options: OPTIONS,
  analyse(context) {
    const { options } = context
    const quote = createQuoter(context)
    const modules = context.model.modules.filter((m) => CODE_LANGUAGES.has(m.language))
    // Documentation, examples and maintenance scripts are not the product: their seams are not reported.
    const sources = modules.filter((m) => !m.isTest && !NOT_PRODUCT.has(m.path.split('/')[0]))
    const tests = modules.filter((m) => m.isTest)
    const framework = context.target.framework

    const uses: SeamUse[] = []
    for (const m of sources) uses.push(...seamsOf(m))
    const rows: SeamRow[] = uses.map((u) => ({
      module: u.module,
      unit: u.unit,
      seam: u.kind,
      mode: u.mode,
      via: u.via,
      line: u.loc.startLine,
      tool: toolFor(u.kind, framework, u.language === 'python', u.source)
    }))
    // Hard-wired seams first (they are what needs work), then by place.
    rows.sort(
      (a, b) =>
        (a.mode === b.mode ? 0 : a.mode === 'hard-wired' ? -1 : 1) ||
        a.module.localeCompare(b.module) ||
        a.line - b.line
    )

    type Found = { draft: FindingDraft<MockingMessageId>; spec?: SpecInput }
    const found: Found[] = []
    const byPath = new Map(sources.map((m) => [m.path, m]))
    const hardKinds = new Map<string, Set<SeamKind>>()
    for (const u of uses) {
      if (u.mode !== 'hard-wired') continue
      const k = `${u.module}#${u.unit}`
      hardKinds.set(k, (hardKinds.get(k) ?? new Set<SeamKind>()).add(u.kind))
    }
    const unreported = notReportedSeams(
      uses,
      modules,
      tests,
      moduleMockers(context.model.facts.manifests)
    )
    const quietSpecs: SpecInput[] = []
    for (const u of uses) {
      if (u.mode !== 'hard-wired') continue
      const python = u.language === 'python'
      if (unreported.has(u)) {
        // Not a finding, but the isolating test is still worth writing (monkeypatch, a spy, a fake clock).
        quietSpecs.push({
          use: u,
          module: byPath.get(u.module) ?? sources[0],
          findingKey: '',
          others: [...(hardKinds.get(`${u.module}#${u.unit}`) ?? [])].filter((k) => k !== u.kind)
        })
        continue
      }
      const tool = toolFor(u.kind, framework, python, u.source)
      const key = `${u.unit}|${u.kind}`
      const confidence: Confidence = u.global ? 'medium' : 'high'
      found.push({
        draft: {
          messageId: 'hardWiredSeam',
          data: { unit: u.unit, file: u.module, seam: SEAM_LABEL[u.kind], via: u.via, tool },
          severity: SEAM_SEVERITY[u.kind],
          confidence,
          rationale: `${u.via} is ${u.source ? `imported from ${u.source}` : 'a global'} and called inside ${u.unit}() with no parameter to replace it; severity follows what a real ${SEAM_LABEL[u.kind]} costs a test (network, database, SDK and processes: slow and flaky; disk, clock, randomness, environment: non-deterministic).`,
          evidence: quote.evidence(u.module, u.loc, 2),
          key,
          symbol: u.unit,
          tags: [u.kind]
        },
        spec: {
          use: u,
          module: byPath.get(u.module) ?? sources[0],
          findingKey: key,
          others: [...(hardKinds.get(`${u.module}#${u.unit}`) ?? [])].filter((k) => k !== u.kind)
        }
      })
    }

    const configText = modules
      .filter((m) => CONFIG_FILE.test(m.path))
      .map((m) => quote.lines(m.path).join('\n'))
    const mctx = mockContext(context.model.modules, configText)
    const mocks: MockUse[] = []
    for (const t of tests) mocks.push(...mocksOf(t, mctx))
    const ownCount = new Map<string, number>()
    for (const m of mocks)
      if (m.problem === 'ownModuleMocked' || m.problem === 'subjectMocked')
        ownCount.set(m.test, (ownCount.get(m.test) ?? 0) + 1)
    for (const m of mocks)
      found.push({
        draft: mockFinding(
          m,
          ownCount.get(m.test) ?? 0,
          quote.evidence(m.test, m.call.loc, 2),
          framework
        )
      })

    const { kept, perKind } = finishFindings(found, Object.keys(MESSAGES) as MockingMessageId[], {
      maxTotal: options.maxFindings,
      rank: bySeverityThenPlace
    })
    // Keys are final only now (a repeated one is numbered): the specs cover the findings they were.
    const specInputs = [
      ...kept.flatMap((f) => (f.spec ? [{ ...f.spec, findingKey: f.draft.key }] : [])),
      ...quietSpecs
    ]
    const units = new Set(uses.map((u) => `${u.module}#${u.unit}`)).size
    const metrics: Record<string, number> = {
      modules: sources.length,
      tests: tests.length,
      seams: rows.length,
      hardWired: rows.filter((r) => r.mode === 'hard-wired').length,
      injected: rows.filter((r) => r.mode === 'injected').length,
      unitsWithSeams: units,
      findings: found.length,
      ...perKindMetrics(perKind)
    }
    return {
      findings: kept.map((f) => f.draft),
      specs: buildSpecs(specInputs, context.target, options.maxSpecs),
      metrics,
      details: {
        seams: rows.slice(0, options.maxSeamRows),
        seamsTotal: rows.length,
        perKind,
        shown: kept.length,
        total: found.length,
        restoreConfigured: mctx.restoreConfigured,
        options
      },
      report: buildReport({
        modules: sources.length,
        tests: tests.length,
        units,
        rows,
        findings: kept.map((f) => f.draft),
        total: found.length
      })
    }
  }
})

function mockFinding(
  m: MockUse,
  own: number,
  evidence: FindingDraft['evidence'],
  framework: import('../../src/specs/types.js').TestFramework
): FindingDraft<MockingMessageId> {
  const base = { evidence, key: `${m.problem}|${m.how}|${m.target}`, tags: ['test'] }
  switch (m.problem) {
    case 'subjectMocked':
      return m.partial
        ? {
            ...base,
            messageId: 'subjectMocked',
            data: { test: m.test, target: m.target, how: m.how },
            severity: 'medium',
            confidence: 'high',
            rationale: `${m.target} names code inside the module ${m.test} is named after; ${m.how} replaces that part of it (a partial mock), so the tests run a mix of real and fake code of the module under test.`
          }
        : {
            ...base,
            messageId: 'subjectMocked',
            data: { test: m.test, target: m.target, how: m.how },
            severity: 'high',
            confidence: 'high',
            rationale: `${m.target} is the module ${m.test} is named after and imports, and ${m.how} replaces it for the whole file.`
          }
    case 'ownModuleMocked':
      return {
        ...base,
        messageId: 'ownModuleMocked',
        data: { test: m.test, target: m.target, how: m.how, count: own },
        severity: own >= 3 ? 'medium' : 'low',
        confidence: 'high',
        rationale: `${m.target} resolves to a module in this repository; ${own} own module(s) mocked in ${m.test} (3 or more is medium).`
      }
    case 'mockNotRestored': {
      const python = m.test.endsWith('.py')
      return {
        ...base,
        messageId: 'mockNotRestored',
        data: {
          test: m.test,
          target: m.target,
          how: m.how,
          count: m.count ?? 1,
          what: python ? 'patchers started' : 'spies and stubs',
          missing: python
            ? 'no .stop(), patch.stopall() or addCleanup(p.stop) in the file'
            : 'no mockRestore/restoreAllMocks/restore() call in the file and no restoreMocks: true in a jest/vitest config'
        },
        severity: 'medium',
        confidence: python ? 'high' : 'medium',
        rationale: python
          ? 'A patcher started with .start() stays active until .stop(); nothing in the file stops it.'
          : 'Spies replace the real method on a shared object until restored; package.json jest config is not read, hence medium confidence.'
      }
    }
    case 'foreignTypeMocked':
      return {
        ...base,
        messageId: 'foreignTypeMocked',
        data: {
          test: m.test,
          target: m.target,
          how: m.how,
          tool: toolFor(
            m.target.startsWith('@aws-sdk/') || m.target.startsWith('boto') ? 'sdk' : 'network',
            framework,
            m.test.endsWith('.py'),
            m.target.split(/[ .]/)[0]
          )
        },
        severity: 'low',
        confidence: 'medium',
        rationale: `${m.target} is a third-party client package; its shape is faked by hand in the test.`
      }
  }
}
