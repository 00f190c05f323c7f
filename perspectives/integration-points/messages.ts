// Message templates of the integration-points perspective. Every placeholder is filled from what was found.
import type { MessageTemplate } from '../types.js'

export type IntegrationMessageId =
  | 'untestedIntegration'
  | 'untestedRoute'
  | 'importCycle'
  | 'envWithoutDefault'
  | 'httpCallWithoutTimeout'

export const MESSAGES: Record<IntegrationMessageId, MessageTemplate> = {
  untestedIntegration: {
    title: '{{file}} reaches {{what}} and {{gap}}',
    message:
      '{{file}} reaches {{what}} through {{systems}} ({{sites}}, first at line {{line}}: {{operation}}) and {{reach}}, ' +
      'so nothing checks how it behaves when {{failure}}.'
  },
  untestedRoute: {
    title: 'HTTP route {{route}} has no test',
    message:
      '{{route}} is served by {{file}} ({{via}}{{handler}}); no test imports {{file}} and no test string mentions {{path}}.'
  },
  importCycle: {
    title: 'Import cycle of {{size}} modules through {{file}}',
    message:
      '{{cycle}}: these {{size}} modules import each other, so none of them can be loaded or tested alone, and {{consequence}}.'
  },
  envWithoutDefault: {
    title: 'Environment variable {{name}} is read without a default or a check',
    message:
      '{{file}} reads {{name}} with {{via}} ({{reads}}) with no fallback and no check in the module, so when it is unset {{consequence}}.'
  },
  httpCallWithoutTimeout: {
    title: '{{operation}} in {{where}} has no timeout',
    message:
      '{{operation}} at line {{line}} of {{file}} passes no {{option}}; {{defaultBehaviour}}, so a server that stops answering holds {{where}} {{holds}}.'
  }
}
