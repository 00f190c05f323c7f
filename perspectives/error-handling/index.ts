// Perspective 8: Error handling. How does it recover? Reads the code model's try/catch handlers,
// throw sites and calls for errors that are swallowed, only logged, raised without their cause or
// thrown as non-Errors; promises and coroutines nobody awaits; process exits in library code; emitters
// without 'error' listeners and resources not closed on every path. Writes failure-injection specs.
// How it decides is documented in README.md.
import { definePerspective } from '../define.js'
import { finishFindings, perKindMetrics } from '../kit/index.js'
import { createQuoter } from '../shared/evidence.js'
import type { Metrics } from '../types.js'
import { checkHandlers } from './catches.js'
import { buildInput, type Found } from './context.js'
import { checkExits } from './exits.js'
import { MESSAGES, type ErrorHandlingMessageId } from './messages.js'
import { type ErrorHandlingOptions, OPTIONS } from './options.js'
import { checkPromises } from './promises.js'
import { buildReport } from './report.js'
import { checkEmitters, checkResources } from './resources.js'
import { buildSpecs } from './specs.js'
import { checkThrows } from './throws.js'

export type { ErrorHandlingOptions } from './options.js'

const CHECKS = [
  checkHandlers,
  checkPromises,
  checkThrows,
  checkExits,
  checkEmitters,
  checkResources
]

export default definePerspective<ErrorHandlingMessageId, ErrorHandlingOptions>({
  meta: {
    number: 8,
    id: 'error-handling',
    title: 'Error handling',
    question: 'How does it recover?',
    description:
      'Finds empty and log-only catch/except handlers, bare `except:`, promises and coroutines that are neither awaited, returned nor ' +
      'handled, `.then()` chains without a rejection handler, throws of strings and plain objects, new errors raised in a handler ' +
      'without the caught one as their cause, `process.exit`/`sys.exit` in library code, streams and emitters without an `error` ' +
      'listener, and resources opened without `with`/`finally`, in JavaScript, TypeScript and Python. Writes specs that inject the ' +
      'failure (jest/vitest spies, node:test mocks, sinon, pytest MonkeyPatch) and assert that it propagates with its cause or is ' +
      'recovered as the code intends; a todo where that cannot be known.',
    messages: MESSAGES,
    implemented: true
  },
  options: OPTIONS,
  analyse(context) {
    const { options } = context
    const input = buildInput(context.model, createQuoter(context))
    const found: Found[] = []
    for (const check of CHECKS) found.push(...check(input))
    const { all, kept, perKind } = finishFindings(
      found,
      Object.keys(MESSAGES) as ErrorHandlingMessageId[],
      options.maxFindingsPerKind
    )
    const handlers = input.modules.reduce(
      (n, m) => n + m.module.tries.reduce((k, t) => k + t.handlers.length, 0),
      0
    )
    const metrics: Metrics = {
      modules: input.modules.length,
      tryBlocks: input.modules.reduce((n, m) => n + m.module.tries.length, 0),
      handlers,
      findings: all.length
    }
    Object.assign(metrics, perKindMetrics(perKind))
    return {
      findings: kept.map((f) => f.draft),
      specs: buildSpecs(kept, context.target, options.maxSpecs),
      metrics,
      details: {
        perKind,
        shown: kept.length,
        total: all.length,
        entryModules: [...input.entryModules].map(([path, why]) => ({ path, why })).slice(0, 100),
        options
      },
      report: buildReport({ kept, perKind, modules: input.modules.length, handlers })
    }
  }
})
