// Message templates of the test-pyramid perspective. Every placeholder is filled from what was found.
import type { MessageTemplate } from '../types.js'

export type TestPyramidMessageId =
  | 'unhealthyShape'
  | 'noTests'
  | 'sleepInTest'
  | 'realClock'
  | 'unseededRandom'
  | 'networkInUnitTest'
  | 'focusedTest'
  | 'skippedTest'
  | 'sharedMutableState'
  | 'orderDependence'
  | 'testCanMoveDown'
  | 'assertionChecksNothing'

export const MESSAGES: Record<TestPyramidMessageId, MessageTemplate> = {
  unhealthyShape: {
    title: 'The test suite is shaped like {{shape}}',
    message: '{{counts}}: {{why}}. {{advice}}'
  },
  noTests: {
    title: 'No tests for {{sources}}',
    message:
      'The repository has {{sources}} ({{lines}} lines) and no test file with a test case in it, so nothing checks that the code works.'
  },
  sleepInTest: {
    title: '{{callee}}() waits {{delay}} in {{test}}',
    message:
      '{{test}} in {{file}} waits with {{callee}}({{args}}) {{gate}}, instead of waiting for the event itself: too short on a busy CI machine, too long everywhere else.{{more}}'
  },
  realClock: {
    title: '{{test}} reads the real clock with {{callee}}()',
    message:
      '{{callee}}() in {{file}} reads the real clock ({{count}} in the file) and the file installs no fake clock ({{fakes}}), so a result that depends on the time can change from run to run.'
  },
  unseededRandom: {
    title: '{{test}} uses unseeded {{callee}}()',
    message:
      '{{callee}}() in {{file}} ({{count}} in the file) draws random values without a seed, so a failure cannot be reproduced by running the test again.'
  },
  networkInUnitTest: {
    title: '{{test}} calls {{callee}}() on the real network',
    message:
      '{{callee}}({{args}}) in {{file}} reaches {{host}} with no HTTP mock in the file, in a test {{placement}}: it fails when the network or that service is down.'
  },
  focusedTest: {
    title: '{{kind}} {{name}} is focused with {{modifier}}',
    message:
      '{{modifier}} on {{kind}} {{name}} in {{file}} makes the runner skip every other test in the file ({{others}} more), so a commit with it silently tests less.'
  },
  skippedTest: {
    title: '{{kind}} {{name}} is switched off',
    message:
      '{{kind}} {{name}} in {{file}} is switched off without a condition ({{how}}); it no longer guards anything and is easy to forget.'
  },
  sharedMutableState: {
    title: 'Module-level {{name}} is written by {{writers}} tests',
    message:
      '{{name}} ({{declaration}}) in {{file}} is changed by {{tests}} and no set-up hook resets it, so each test sees what the previous ones left behind.'
  },
  orderDependence: {
    title: '{{reader}} reads {{name}}, which {{writer}} writes',
    message:
      '{{reader}} in {{file}} reads module-level {{name}} after {{writer}} changes it and no set-up hook resets it: the result depends on which test runs first.'
  },
  assertionChecksNothing: {
    title: '{{text}} in {{test}} checks nothing',
    message:
      '{{text}} in {{file}} cannot fail: {{why}}, so the test passes whatever the value is.{{more}}'
  },
  testCanMoveDown: {
    title: '{{symbol}}() is tested only through {{level}} tests',
    message:
      '{{symbol}}() from {{module}} is exercised by the {{level}} test {{file}} ({{reasons}}) and by no unit test; a unit test of it would run in milliseconds without {{without}}.'
  }
}
