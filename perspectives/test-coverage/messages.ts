// Message templates of the test-coverage perspective. Every placeholder is filled from what was found.
import type { MessageTemplate } from '../types.js'

export type TestCoverageMessageId =
  | 'uncoveredFunction'
  | 'untestedFunctionEstimate'
  | 'staleReport'
  | 'reportFileGone'
  | 'fileNotInReport'

export const MESSAGES: Record<TestCoverageMessageId, MessageTemplate> = {
  uncoveredFunction: {
    title: '{{symbol}} has {{uncoveredPercent}}% of its lines uncovered',
    message:
      '{{symbol}} in {{file}} ({{kind}}, complexity {{complexity}}) has {{uncovered}} uncovered in {{report}}: {{lineList}}. ' +
      '{{branchNote}} Risk {{risk}} (CRAP {{crap}} × churn factor {{churnFactor}}; {{churnNote}}), gap #{{rank}} of {{gaps}}.'
  },
  untestedFunctionEstimate: {
    title: '{{symbol}} looks untested (static estimate)',
    message:
      'STATIC ESTIMATE, no coverage report: {{symbol}} in {{file}} ({{kind}}, complexity {{complexity}}) {{reach}}. ' +
      'Risk {{risk}} (CRAP {{crap}} × churn factor {{churnFactor}}; {{churnNote}}), gap #{{rank}} of {{gaps}}.'
  },
  staleReport: {
    title: 'Coverage report {{report}} is older than {{changed}} it covers',
    message:
      '{{report}} was written {{modified}}, but {{changed}} it covers changed later in git (latest {{latestFile}} on {{latestChange}}). ' +
      'Its line numbers may no longer match the code: regenerate it before trusting the gaps.'
  },
  reportFileGone: {
    title: 'Coverage report {{report}} lists {{count}} that no longer exist',
    message:
      '{{report}} has coverage for {{count}} not in the repository, e.g. {{examples}}. The report is from older code or another checkout.'
  },
  fileNotInReport: {
    title: '{{file}} is not in the coverage report',
    message:
      '{{file}} ({{lines}} lines, {{functions}}) is a {{language}} source file, but no coverage report lists it ({{reports}}): ' +
      'no test loads it during the measured run, or the coverage configuration leaves it out.'
  }
}
