// Message templates of the error-handling perspective. Every placeholder is filled from what was found.
import type { MessageTemplate } from '../types.js'

export type ErrorHandlingMessageId =
  | 'swallowedError'
  | 'logOnlyCatch'
  | 'bareExcept'
  | 'floatingPromise'
  | 'thenWithoutCatch'
  | 'throwNonError'
  | 'lostCause'
  | 'exitInLibrary'
  | 'noErrorListener'
  | 'unclosedResource'

export const MESSAGES: Record<ErrorHandlingMessageId, MessageTemplate> = {
  swallowedError: {
    title: '{{clause}} in {{where}} swallows the error',
    message:
      '{{clause}} around {{guarded}} {{body}}, so a failure there vanishes: the caller carries on as if it had worked and nothing records why.'
  },
  logOnlyCatch: {
    title: '{{clause}} in {{where}} only logs the error',
    message:
      '{{clause}} around {{guarded}} only logs ({{logs}}) and carries on: the caller cannot tell success from failure, and {{after}}.'
  },
  bareExcept: {
    title: 'Bare except: in {{where}}',
    message:
      '`except:` around {{guarded}} catches everything, KeyboardInterrupt and SystemExit included, and {{body}}; Ctrl-C and sys.exit() are caught there too.'
  },
  floatingPromise: {
    title: '{{callee}}() {{problem}} in {{where}}',
    message: '{{callee}}() {{why}} and its result is dropped ({{dropped}}), so {{consequence}}.'
  },
  thenWithoutCatch: {
    title: '.then() without a rejection handler in {{where}}',
    message:
      '{{chain}} passes only a fulfilment handler and nothing in the chain catches, so a rejection of {{source}} (or an error thrown in the handler) becomes an unhandled rejection.'
  },
  throwNonError: {
    title: 'Throws {{kind}} in {{where}}',
    message:
      '`throw {{thrown}}` throws {{kind}}, not an Error: no stack trace, `instanceof Error` and `error.message` fail in the handlers that catch it.'
  },
  lostCause: {
    title: '{{errorType}} raised in {{where}} drops the caught error',
    message:
      '{{clause}} catches {{caught}} and {{raises}} {{detail}}, so the original error and its stack are lost to whoever handles it.'
  },
  exitInLibrary: {
    title: '{{callee}}() in library code {{where}}',
    message:
      '{{callee}}({{args}}) ends the whole process from {{file}}, which is not a command-line entry point ({{entry}}): {{consequence}}.'
  },
  noErrorListener: {
    title: "{{what}} in {{where}} has no 'error' listener",
    message:
      "{{what}} ({{callee}}) emits 'error' when it fails, and {{where}} attaches no 'error' listener to {{subject}}: an unhandled 'error' event throws and crashes the process."
  },
  unclosedResource: {
    title: '{{callee}}() in {{where}} is not closed on every path',
    message:
      '{{callee}}({{args}}) opens a resource {{how}}, so an exception before the close leaks it; {{fix}}.'
  }
}
