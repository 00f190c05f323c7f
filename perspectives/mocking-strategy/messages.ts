// Message templates of the mocking-strategy perspective. Every placeholder is filled from what was found.
import type { MessageTemplate } from '../types.js'

export type MockingMessageId =
  'hardWiredSeam' | 'subjectMocked' | 'ownModuleMocked' | 'mockNotRestored' | 'foreignTypeMocked'

export const MESSAGES: Record<MockingMessageId, MessageTemplate> = {
  hardWiredSeam: {
    title: '{{unit}}() in {{file}} reaches the {{seam}} directly through {{via}}',
    message:
      '{{unit}}() calls {{via}} itself instead of taking the {{seam}} as a parameter, so every test of it must patch {{via}} to keep the real {{seam}} out: isolate it with {{tool}}, or pass the dependency in.'
  },
  subjectMocked: {
    title: '{{test}} mocks the module it tests ({{target}})',
    message:
      '{{how}}({{target}}) replaces the module under test in {{test}}, so its tests exercise the mock, not the code: mock only what {{target}} depends on, at its boundary.'
  },
  ownModuleMocked: {
    title: '{{test}} mocks the project module {{target}}',
    message:
      '{{how}}({{target}}) replaces code this project owns ({{count}} such mock(s) in the file): the test pins how modules call each other and passes even when their real collaboration breaks; prefer the real module and fake only the outside world.'
  },
  mockNotRestored: {
    title: '{{count}} {{how}} call(s) in {{test}} never restored',
    message:
      '{{how}}({{target}}) and the other {{what}} in {{test}} are never restored ({{missing}}), so the replacement leaks into later tests of the same worker and their order starts to matter.'
  },
  foreignTypeMocked: {
    title: '{{test}} mocks {{target}}, a third-party client it does not own',
    message:
      '{{how}}({{target}}) fakes the shape of a package this project does not own, so the test keeps passing when the real client changes; wrap it in an adapter the project owns and fake that, or use {{tool}}.'
  }
}
