// Do tests run at all, on the right events, with commands that exist? And do lint, type checks and
// coverage run beside them? (severities in README.md)
import { plural } from '../shared/text.js'
import { catchAllScripts, type CommandKind } from './commands.js'
import {
  CI_LOCATIONS,
  ciPaths,
  dedupe,
  isPython,
  lineEvidence,
  shortCommand,
  stepKey,
  type CheckInput,
  type Draft
} from './check-input.js'
import { isLocalRef, normalisePath, type CommandUse, type JobRun } from './graph.js'
import { SYSTEM_NAMES } from './other-ci.js'

const PR_EVENTS = new Set(['pull_request'])
const COVERAGE_ACTIONS = /codecov|coveralls|coverage|sonar|codeclimate|qlty/i
const COVERAGE_PATHS = /coverage|lcov|htmlcov|cobertura|\.coverage/i

/**
 * A coverage table printed into the job's log (`pytest --cov-report=term-missing`, `coverage report`):
 * kept with the run, readable on every pull request's checks (judged not "lost" on microdot and
 * python-dotenv, round 7).
 */
const PRINTS_COVERAGE = /--cov-report[= ]term\b|\bcoverage\s+report\b/

function testUses(input: CheckInput): CommandUse[] {
  return input.graph.commands.filter((c) => c.kinds.has('test'))
}

/** `make test` may run either ecosystem's tests. */
function makeLike(use: CommandUse): boolean {
  return /(^|\s)make\s/.test(use.text)
}

/**
 * An action named for a Python test driver: `ymyzk/run-tox-gh-actions` runs the project's tox
 * environments, which run its tests (dpath runs nose2 so; "no CI step runs pytest" was judged false
 * in round 11). The action's own steps are not in this checkout.
 */
const PYTHON_TEST_ACTION = /^[^@]*\/[^@]*\b(tox|nox|pytest)\b[^@]*(@|$)/i

function actionRunsPythonTests(input: CheckInput): boolean {
  return input.graph.jobRuns.some((run) =>
    run.steps.some(({ step }) => PYTHON_TEST_ACTION.test(step.uses?.value ?? ''))
  )
}

/** CI runs the tests of an ecosystem: GitHub commands or another CI system's. */
function ciRuns(input: CheckInput, kind: CommandKind, python: boolean | null): boolean {
  if (kind === 'test' && python !== false && actionRunsPythonTests(input)) return true
  // `make test` and a repository script (`scripts/test`) may run either ecosystem's tests.
  const gh = input.graph.commands.some(
    (c) =>
      c.kinds.has(kind) &&
      (python === null || isPython(c) === python || makeLike(c) || c.unread !== undefined)
  )
  return gh || input.other.some((o) => o.kinds.has(kind))
}

/**
 * Jobs that call a reusable workflow of another repository (`uses: fastify/workflows/.github/workflows/
 * plugins-ci.yml@v6`): its steps are not in this checkout, so whether CI runs the tests, the linter or
 * the type check cannot be seen; "CI never runs them" was judged false on fastify-static (round 4).
 */
export function sharedWorkflowCalls(input: CheckInput): string[] {
  const refs = input.graph.workflows.flatMap((w) =>
    w.jobs.flatMap((j) => (j.calls && !isLocalRef(j.calls.value) ? [j.calls.value] : []))
  )
  return [...new Set(refs)]
}

export function noCi(input: CheckInput): Draft[] {
  const { project } = input
  if (project.sourceFiles === 0 || input.model.facts.ci.length > 0) return []
  const command = project.node?.testCommand ?? project.python?.testCommand
  const testFiles = (project.node?.testFiles ?? 0) + (project.python?.testFiles ?? 0)
  return [
    {
      messageId: 'noCi',
      data: {
        sourceFiles: plural(project.sourceFiles, 'source file'),
        tests: testFiles > 0 ? plural(testFiles, 'test file') : 'no test files',
        command: command ? `\`${command}\`` : 'any check'
      },
      severity: testFiles > 0 ? 'high' : 'medium',
      confidence: 'high',
      rationale:
        'Without CI nothing stops a change that breaks the build or the tests from being merged; tests only help when something runs them.',
      evidence: {
        lookedFor:
          'a CI configuration file of GitHub Actions, GitLab CI, CircleCI, Azure Pipelines, Jenkins, Travis, Bitbucket, Drone or AppVeyor',
        where: CI_LOCATIONS
      },
      key: 'no-ci'
    }
  ]
}

export function testCommandNotRun(input: CheckInput): Draft[] {
  const { project } = input
  if (input.model.facts.ci.length === 0 || sharedWorkflowCalls(input).length > 0) return []
  const out: Draft[] = []
  const workflows = plural(input.model.facts.ci.length, 'CI file')
  // A CI step that runs `scripts/ci` or `./check.sh` may run the tests inside: the script's text is not read.
  const catchAll = catchAllScripts(input.graph.commands)
  const confidence = catchAll.length > 0 ? 'medium' : 'high'
  const unreadNote =
    catchAll.length > 0
      ? ` CI also runs ${catchAll.join(', ')}, whose text was not read; it may run them.`
      : ''
  const node = project.node
  if (node?.testCommand && !ciRuns(input, 'test', false)) {
    out.push({
      messageId: 'testCommandNotRun',
      data: {
        command: `\`${node.testCommand}\``,
        reason:
          node.testScript !== undefined
            ? `${node.manifest.path} defines scripts.test ("${shortCommand(node.testScript)}")`
            : `the repository has ${plural(node.testFiles, 'JavaScript/TypeScript test file')}`,
        workflows
      },
      severity: 'high',
      confidence,
      rationale: `CI exists but never runs the tests, so a green check says nothing about them.${unreadNote}`,
      evidence: {
        lookedFor: `a CI command running ${node.testCommand}, a package script that runs it, or a test runner (jest, vitest, mocha, node --test...)`,
        where: ciPaths(input)
      },
      key: 'test-command:node'
    })
  }
  const py = project.python
  if (py?.testCommand && !ciRuns(input, 'test', true)) {
    out.push({
      messageId: 'testCommandNotRun',
      data: {
        command: `\`${py.testCommand}\``,
        reason:
          py.testFiles > 0
            ? `the repository has ${plural(py.testFiles, 'Python test file')}`
            : `pytest is configured${py.manifestPath ? ` (${py.manifestPath})` : ''}`,
        workflows
      },
      severity: 'high',
      confidence,
      rationale: `CI exists but never runs the Python tests, so a green check says nothing about them.${unreadNote}`,
      evidence: {
        lookedFor:
          'a CI command running pytest, python -m pytest, python -m unittest, tox, nox or hatch test',
        where: ciPaths(input)
      },
      key: 'test-command:python'
    })
  }
  return out
}

export function testsNotTriggered(input: CheckInput): Draft[] {
  const uses = testUses(input)
  if (uses.length === 0) return []
  const byWorkflow = new Map<string, CommandUse>()
  for (const u of uses)
    if (!byWorkflow.has(u.run.workflow.file.path)) byWorkflow.set(u.run.workflow.file.path, u)
  const triggers = new Set<string>()
  for (const path of byWorkflow.keys())
    for (const t of input.graph.triggers.get(path) ?? []) triggers.add(t)
  const hasPush = triggers.has('push')
  const hasPr = [...triggers].some((t) => PR_EVENTS.has(t))
  if (hasPush && hasPr) return []
  // Point at a workflow that has triggers of its own (a reusable one is reached through its callers).
  const uses0 = [...byWorkflow.values()].sort((a, b) =>
    a.run.workflow.file.path.localeCompare(b.run.workflow.file.path)
  )
  const first =
    uses0.find((u) => u.run.workflow.triggers.some((t) => t.name !== 'workflow_call')) ?? uses0[0]
  const missing = !hasPush && !hasPr ? 'push or pull_request' : hasPush ? 'pull_request' : 'push'
  const shown = [...triggers]
    .filter((t) => t !== 'workflow_call')
    .map((t) => (t === 'push:tags' ? 'push of tags' : t))
    .sort()
  return [
    {
      messageId: 'testsNotTriggered',
      data: {
        file: first.run.workflow.file.path,
        missing,
        command: shortCommand(first.text),
        triggers: shown.length > 0 ? shown.join(', ') : 'no event',
        consequence: hasPush
          ? 'pull requests are merged before their tests have run'
          : hasPr
            ? 'commits pushed straight to a branch (and the result of a merge) are never tested'
            : 'neither pull requests nor pushes are tested'
      },
      severity: hasPr ? 'medium' : 'high',
      confidence: 'high',
      rationale:
        'Tests protect a branch only when they run on the pull request before the merge and on the push after it.',
      evidence: lineEvidence(input, first.run.workflow.file.path, first.run.workflow.onLine),
      key: 'triggers'
    }
  ]
}

export function missingScripts(input: CheckInput): Draft[] {
  const out: Draft[] = []
  for (const use of input.graph.commands) {
    if (!use.manifest) continue
    for (const call of use.scripts) {
      if (call.ifPresent || call.workspaces || call.name in use.manifest.scripts) continue
      const names = Object.keys(use.manifest.scripts).sort()
      out.push({
        messageId: 'missingScript',
        data: {
          file: use.file,
          job: use.run.job.id,
          command: shortCommand(use.text),
          script: call.name,
          manifest: use.manifest.path,
          available:
            names.length === 0
              ? 'it has no scripts'
              : `it has: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`
        },
        severity: 'high',
        confidence: 'high',
        rationale: `${call.manager} fails with "Missing script" when the script does not exist, so this step can never pass (or the job was never run).`,
        evidence: lineEvidence(input, use.file, use.line),
        key: `${stepKey(use.run, use.step)}#${call.name}`
      })
    }
  }
  return dedupe(out)
}

export function otherCiWithoutTests(input: CheckInput): Draft[] {
  const command = input.project.node?.testCommand ?? input.project.python?.testCommand
  if (!command) return []
  const githubTests = testUses(input).length > 0
  return input.other
    .filter((o) => !o.kinds.has('test'))
    .map((o): Draft => ({
      messageId: 'otherCiNoTests',
      data: { system: SYSTEM_NAMES[o.system], file: o.path, command: `\`${command}\`` },
      severity: githubTests ? 'low' : 'medium',
      confidence: 'medium',
      rationale: githubTests
        ? 'GitHub Actions runs the tests; this other CI file runs none, so it is either stale or checks less than it seems to.'
        : 'The CI system runs, but not the tests, so its green status does not cover them.',
      evidence: {
        lookedFor: `a command running ${command} or another test runner`,
        where: [o.path]
      },
      key: `other:${o.path}`
    }))
}

function toolRuns(input: CheckInput, kind: CommandKind, actionPattern: RegExp): boolean {
  if (ciRuns(input, kind, null)) return true
  // `scripts/check` or `ci.sh` is where projects keep their linters and type checks; its text is not read.
  if (catchAllScripts(input.graph.commands).length > 0) return true
  return input.graph.jobRuns.some((r) =>
    r.steps.some(({ step }) => step.uses && actionPattern.test(step.uses.value))
  )
}

export function lintAndTypeCheck(input: CheckInput): Draft[] {
  const { project } = input
  if (input.model.facts.ci.length === 0 || sharedWorkflowCalls(input).length > 0) return []
  const out: Draft[] = []
  const workflows = plural(input.model.facts.ci.length, 'CI file')
  const node = project.node
  const py = project.python
  const lint = node?.lintScript
    ? {
        tool: `the "${node.lintScript}" script`,
        evidence: `${node.manifest.path} scripts.${node.lintScript}: "${shortCommand(node.manifest.scripts[node.lintScript])}"`,
        command:
          node.lintScript === 'lint'
            ? `${node.manager} run lint`
            : `${node.manager} run ${node.lintScript}`
      }
    : py?.lintTool
      ? {
          tool: py.lintTool,
          evidence: 'its configuration or dependency',
          command: py.lintTool === 'ruff' ? 'ruff check' : py.lintTool
        }
      : undefined
  if (lint && !toolRuns(input, 'lint', /lint|ruff|eslint|super-linter|pre-commit/i)) {
    out.push({
      messageId: 'lintNotRun',
      data: { ...lint, command: `\`${lint.command}\``, workflows },
      severity: 'low',
      confidence: 'medium',
      rationale:
        'A linter that only runs on some machines lets the problems it catches reach the main branch.',
      evidence: {
        lookedFor: `a CI command running ${lint.command} or a linter (eslint, biome, ruff, flake8, pylint...) or a lint action`,
        where: ciPaths(input)
      },
      key: 'lint'
    })
  }
  const tsJest = node
    ? [...node.manifest.devDependencies, ...node.manifest.dependencies].includes('ts-jest')
    : false
  const typecheck = node?.typecheckScript
    ? {
        tool: `the "${node.typecheckScript}" script`,
        evidence: `${node.manifest.path} scripts.${node.typecheckScript}: "${shortCommand(node.manifest.scripts[node.typecheckScript])}"`,
        command: `${node.manager} run ${node.typecheckScript}`
      }
    : node?.typescript
      ? {
          tool: 'TypeScript',
          evidence: `${node.dir === '' ? '' : `${node.dir}/`}tsconfig.json`,
          command: 'npx tsc --noEmit'
        }
      : py?.typecheckTool
        ? {
            tool: py.typecheckTool,
            evidence: 'its configuration or dependency',
            command: py.typecheckTool
          }
        : undefined
  if (typecheck && !toolRuns(input, 'typecheck', /tsc|mypy|pyright/i)) {
    out.push({
      messageId: 'typeCheckNotRun',
      data: { ...typecheck, command: `\`${typecheck.command}\``, workflows },
      severity: 'medium',
      confidence: tsJest ? 'low' : 'medium',
      rationale: tsJest
        ? 'ts-jest type-checks the files the tests import, but not the rest; a separate type check covers everything.'
        : 'Type errors are bugs the compiler can find for free; without a CI step they reach the main branch whenever a test does not happen to cover them.',
      evidence: {
        lookedFor: `a CI command running ${typecheck.command}, tsc, mypy or pyright (directly or through a package script such as build)`,
        where: ciPaths(input)
      },
      key: 'typecheck'
    })
  }
  return out
}

function uploadsCoverage(run: JobRun): boolean {
  return run.steps.some(({ step }) => {
    const uses = step.uses?.value ?? ''
    if (COVERAGE_ACTIONS.test(uses.split('@')[0])) return true
    return /upload-artifact/.test(uses) && COVERAGE_PATHS.test(step.with.get('path')?.value ?? '')
  })
}

const RUNNER_CONFIG = /(^|\/)(jest|vitest|vite)\.config\.[cm]?[jt]s$/

/**
 * A jest/vitest config file that switches coverage on (`collectCoverage: true`, `coverage: { enabled: true }`).
 * A search for the option's name in the config text, not a parse: it only decides whether to trust the
 * command line's silence about coverage.
 */
function coverageInConfig(input: CheckInput): string | undefined {
  return input.project.toolFiles
    .filter((f) => RUNNER_CONFIG.test(f))
    .find((f) => switchesCoverageOn(input, f))
}

function switchesCoverageOn(input: CheckInput, file: string): boolean {
  const text = input.source?.(file) ?? ''
  return (
    /\bcollectCoverage\s*:\s*true\b/.test(text) ||
    /\bcoverage\s*:\s*\{[^}]*\benabled\s*:\s*true\b/.test(text)
  )
}

/** A config file the test command names (`vitest run --config config/vitest.ts`) that switches coverage on. */
function namedConfigWithCoverage(input: CheckInput, test: CommandUse): string | undefined {
  return (test.configs ?? [])
    .map((c) => normalisePath(test.dir ? `${test.dir}/${c}` : c))
    .find((f) => switchesCoverageOn(input, f))
}

const TEST_FOLDER = /(^|\/)(test|tests|__tests__|spec|e2e|fixtures?)(\/|$)/

/** `cd test/bundler/webpack && npm test` tests a fixture package (a bundle, an example), not the code. */
function underTestFolder(dir: string): boolean {
  return TEST_FOLDER.test(dir)
}

/**
 * Coverage is worth measuring where it follows every change: on push or pull_request. Scheduled and
 * manual runs (nightly race tests, release checks) run tests for another purpose.
 */
function onChanges(input: CheckInput, run: JobRun): boolean {
  const triggers = input.graph.triggers.get(run.workflow.file.path) ?? new Set<string>()
  return ['push', 'pull_request', 'pull_request_target'].some((t) => triggers.has(t))
}

export function coverage(input: CheckInput): Draft[] {
  const out: Draft[] = []
  const configured = input.project.toolFiles.some(
    (f) => RUNNER_CONFIG.test(f) || /(^|\/)\.(nycrc|c8rc)/.test(f)
  )
  const enabledBy = coverageInConfig(input)
  const byJob = new Map<JobRun, CommandUse[]>()
  for (const c of input.graph.commands) byJob.set(c.run, [...(byJob.get(c.run) ?? []), c])
  const jobs: { run: JobRun; commands: CommandUse[]; test: CommandUse; producer?: CommandUse }[] =
    []
  for (const [run, commands] of byJob) {
    const test = commands.find((c) => c.kinds.has('test') && !underTestFolder(c.dir))
    if (!test || !onChanges(input, run)) continue
    // A test command counts as producing coverage when the runner's config file switches it on.
    jobs.push({
      run,
      commands,
      test,
      producer:
        commands.find((c) => c.kinds.has('coverage')) ??
        ((enabledBy || namedConfigWithCoverage(input, test)) && !isPython(test) ? test : undefined)
    })
  }
  // One job measuring coverage is enough: the other test jobs (matrix legs, other runtimes) need not repeat it.
  const measured = new Set(jobs.filter((j) => j.producer).map((j) => isPython(j.test)))
  for (const { run, commands, test, producer } of jobs) {
    const file = run.workflow.file.path
    if (!producer) {
      // Tests run through a repository script (`bash scripts/test.sh`) whose text is not read: it may measure coverage.
      if (test.unread || measured.has(isPython(test))) continue
      out.push({
        messageId: 'noCoverage',
        data: {
          job: run.job.id,
          file,
          command: shortCommand(test.text),
          lookedFor: '--coverage, --cov, c8, nyc, coverage run'
        },
        severity: 'low',
        confidence: configured ? 'low' : 'medium',
        rationale: configured
          ? 'A test runner config file is present and may switch coverage on; the command line does not.'
          : 'Coverage shows which code no test executes; measured in CI it is measured for every change.',
        evidence: lineEvidence(input, test.file, test.line),
        key: `${stepKey(run, test.step)}#coverage`
      })
      continue
    }
    const kept =
      input.graph.jobRuns.filter((r) => r.workflow === run.workflow).some(uploadsCoverage) ||
      commands.some((c) => c.kinds.has('upload-coverage') || PRINTS_COVERAGE.test(c.text))
    // A repository script that measures coverage (`scripts/coverage`) is not read: it may print or upload it.
    if (!kept && !producer.unread) {
      out.push({
        messageId: 'coverageNotKept',
        data: {
          job: run.job.id,
          file,
          command:
            shortCommand(producer.text) +
            (producer.kinds.has('coverage')
              ? ''
              : `, with coverage on in ${namedConfigWithCoverage(input, producer) ?? enabledBy}`),
          lookedFor:
            'a Codecov/Coveralls/coverage action, or actions/upload-artifact with a coverage path'
        },
        severity: 'low',
        confidence: 'medium',
        rationale:
          'A coverage report that is not uploaded disappears with the runner; nobody can see trends or review it on a pull request.',
        evidence: lineEvidence(input, producer.file, producer.line),
        key: `${stepKey(run, producer.step)}#coverage-kept`
      })
    }
  }
  return dedupe(out)
}
