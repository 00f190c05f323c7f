// Perspective 14: CI/CD. Do tests run automatically and well? Reads GitHub Actions workflows in depth
// (with local composite actions and reusable workflows), detects other CI systems and whether they run
// the tests, and compares all of it with what the repository declares: its scripts, test runner,
// supported versions, lint and type-check tools. How it decides is documented in README.md.
import { definePerspective } from '../define.js'
import type { Metrics } from '../types.js'
import type { CheckInput, Draft } from './check-input.js'
import {
  concurrency,
  dependencyCache,
  invalidWorkflows,
  permissions,
  pinning,
  timeouts
} from './checks-hygiene.js'
import { missingFiles } from './checks-paths.js'
import { pullRequestTarget, scriptInjection } from './checks-security.js'
import {
  coverage,
  lintAndTypeCheck,
  missingScripts,
  noCi,
  otherCiWithoutTests,
  sharedWorkflowCalls,
  testCommandNotRun,
  testsNotTriggered
} from './checks-tests.js'
import { newestEndOfLife, versionMatrix } from './checks-versions.js'
import { buildGraph } from './graph.js'
import { hygieneChecklist, isHygiene } from './hygiene.js'
import { MESSAGES, type CiMessageId } from './messages.js'
import { type CiOptions, OPTIONS } from './options.js'
import { readOtherCi } from './other-ci.js'
import { describeProject } from './project.js'
import { buildReport, workflowRows } from './report.js'
import { buildWorkflowSpec, draftId } from './specs.js'
import { finishFindings, perKindMetrics } from '../kit/index.js'

export type { CiOptions } from './options.js'

const CHECKS: ((input: CheckInput) => Draft[])[] = [
  noCi,
  invalidWorkflows,
  testCommandNotRun,
  testsNotTriggered,
  missingScripts,
  missingFiles,
  otherCiWithoutTests,
  versionMatrix,
  newestEndOfLife,
  dependencyCache,
  timeouts,
  concurrency,
  permissions,
  pinning,
  coverage,
  lintAndTypeCheck,
  scriptInjection,
  pullRequestTarget
]

/** Says what cannot be seen: the steps of reusable workflows kept in other repositories. */
function sharedNote(refs: string[]): string {
  if (refs.length === 0) return ''
  const shown = refs.slice(0, 3).map((r) => `\`${r}\``)
  return `\n\n**Shared workflows:** CI calls ${shown.join(', ')}${refs.length > 3 ? ` and ${refs.length - 3} more` : ''}, kept in another repository; the steps they run (tests, linter, type check) cannot be seen here, so no finding says CI never runs them.`
}

export default definePerspective<CiMessageId, CiOptions>({
  meta: {
    number: 14,
    id: 'ci-cd',
    title: 'CI/CD',
    question: 'Do tests run automatically and well?',
    description:
      'Reads GitHub Actions workflows (with the local composite actions and reusable workflows they call) and detects GitLab CI, ' +
      'CircleCI, Azure Pipelines, Jenkins and Travis. Checks that the tests run on push and pull_request with commands that exist in ' +
      'the package scripts, on the oldest supported Node/Python version, with coverage kept, lint and type checks, dependency ' +
      'caching, timeouts, concurrency, least-privilege permissions and actions pinned to commit SHAs, and flags script injection ' +
      'and pull_request_target checkouts. Produces findings on the exact workflow line and a workflow snippet that fills the gaps ' +
      "with the repository's own commands.",
    messages: MESSAGES,
    implemented: true
  },
  options: OPTIONS,
  analyse(context) {
    const { model } = context
    const { options } = context
    const graph = buildGraph(model)
    const project = describeProject(model)
    const other = readOtherCi(model.facts.ci, project.node?.manifest)
    const input: CheckInput = {
      model,
      graph,
      project,
      other,
      options,
      source: context.source,
      now: context.now
    }
    // Repository without source code: nothing to build or test, so nothing to say about CI.
    const found =
      project.sourceFiles > 0 || graph.workflows.length > 0
        ? CHECKS.flatMap((check) => check(input))
        : []
    // Each kind comes from one check, in the order that check reads the workflows: the cap keeps the first.
    const { kept, perKind } = finishFindings(
      found.map((draft) => ({ draft })),
      Object.keys(MESSAGES) as CiMessageId[],
      { maxPerKind: options.maxFindingsPerCheck, keepOrder: true }
    )
    const all: Draft[] = kept.map((f) => f.draft)
    const checklist = options.hygiene === 'findings' ? [] : all.filter(isHygiene)
    const findings = all.filter((d) => !checklist.includes(d))
    // The workflow spec fills every gap, the checklist's too; it names as covered only what is reported.
    const reported = new Set(findings.map(draftId))
    const specs = buildWorkflowSpec(
      project,
      graph,
      all,
      model.facts.git.branch,
      model.facts.ci.map((f) => f.path)
    ).map((spec) => ({ ...spec, covers: spec.covers?.filter((id) => reported.has(id)) }))
    const metrics: Metrics = {
      ciFiles: model.facts.ci.length,
      ciSystems: new Set(model.facts.ci.map((f) => f.system)).size,
      workflows: graph.workflows.length,
      jobs: graph.jobRuns.length,
      steps: graph.jobRuns.reduce((n, r) => n + r.steps.length, 0),
      localActions: graph.actions.size,
      testJobs: new Set(graph.commands.filter((c) => c.kinds.has('test')).map((c) => c.run)).size,
      foreignCommands: graph.foreign.length,
      otherCiFiles: other.length,
      // Reusable workflows of other repositories: what they run cannot be seen from here.
      sharedWorkflows: sharedWorkflowCalls(input).length
    }
    Object.assign(metrics, perKindMetrics(perKind), { hygieneChecklist: checklist.length })
    return {
      findings,
      specs,
      metrics,
      details: {
        workflows: workflowRows(graph),
        otherCi: other.map((o) => ({
          path: o.path,
          system: o.system,
          runs: [...o.kinds.keys()].sort(),
          error: o.error ?? null
        })),
        project: {
          node: project.node
            ? {
                manifest: project.node.manifest.path,
                manager: project.node.manager,
                lockFile: project.node.lockFile ?? null,
                testCommand: project.node.testCommand ?? null,
                engines: project.node.engines ?? null
              }
            : null,
          python: project.python
            ? {
                manager: project.python.manager,
                testCommand: project.python.testCommand ?? null,
                requiresPython: project.python.requiresPython ?? null
              }
            : null
        },
        findingsPerCheck: perKind,
        options
      },
      report:
        buildReport(graph, other, perKind, project.sourceFiles) +
        hygieneChecklist(checklist) +
        sharedNote(sharedWorkflowCalls(input))
    }
  }
})
