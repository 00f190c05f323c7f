// Message templates of the scope perspective. Every placeholder is filled from what was found.
import type { MessageTemplate } from '../types.js'

export type ScopeMessageId =
  | 'untestedPublicUnit'
  | 'largeUntestedModule'
  | 'complexFunction'
  | 'entryPointUntested'
  | 'untestedRoute'
  | 'noTests'

export const MESSAGES: Record<ScopeMessageId, MessageTemplate> = {
  untestedPublicUnit: {
    title: 'Untested public {{kind}} {{symbol}}',
    message:
      '{{symbol}} in {{file}} is public ({{lines}} lines, cyclomatic complexity {{complexity}}, {{importedBy}}) and {{reach}}. ' +
      'It ranks #{{rank}} of {{targets}} test targets with score {{score}}.'
  },
  largeUntestedModule: {
    title: 'Large module {{file}} has no test',
    message: '{{file}} has {{lines}} lines ({{contents}}) and no test imports it; {{importedBy}}.'
  },
  complexFunction: {
    title: 'Complex {{kind}} {{symbol}} is not reached by tests',
    message:
      '{{symbol}} in {{file}} has cyclomatic complexity {{complexity}} (the threshold is {{threshold}}), so a test needs at least ' +
      '{{complexity}} cases to take each path once, and {{reach}}.'
  },
  entryPointUntested: {
    title: 'Untested entry point {{name}}',
    message:
      '{{file}} is an entry point ({{via}}) and no test imports it or names it in a string ({{looked}}).'
  },
  untestedRoute: {
    title: 'Untested HTTP route {{route}}',
    message:
      '{{route}} is registered in {{file}} ({{via}}); no test imports {{file}} or mentions the path {{path}}.'
  },
  noTests: {
    title: 'No tests for {{sourceFiles}}',
    message:
      'The repository has {{sourceFiles}} ({{sourceLines}} lines of {{languages}}) and no test file, ' +
      'so nothing checks its {{publicSymbols}}.'
  }
}
