// Perspective 7: Data integrity. Is data kept correct? Finds serialise/parse pairs and writes their
// round-trip invariant as a property-based spec (fast-check, hypothesis); files written in place without
// write-then-rename; several database writes without a transaction; money in binary floats; external
// input used without validation; public functions that mutate their arguments; dates parsed or computed
// in local time. How it decides is documented in README.md.
import { definePerspective } from '../define.js'
import { createQuoter } from '../shared/evidence.js'
import type { Metrics } from '../types.js'
import { finishFindings, perKindMetrics } from '../kit/index.js'
import { buildInput, type Found } from './context.js'
import { checkDates } from './dates.js'
import { checkInput } from './input.js'
import { MESSAGES, type DataIntegrityMessageId } from './messages.js'
import { checkMoney } from './money.js'
import { checkMutation } from './mutation.js'
import { type DataIntegrityOptions, OPTIONS } from './options.js'
import { checkPairs } from './pairs.js'
import { buildReport } from './report.js'
import { buildSpecs } from './specs.js'
import { checkAtomicWrites, checkTransactions } from './writes.js'

export type { DataIntegrityOptions } from './options.js'

const CHECKS = [
  checkPairs,
  checkAtomicWrites,
  checkTransactions,
  checkMoney,
  checkInput,
  checkMutation,
  checkDates
]

export default definePerspective<DataIntegrityMessageId, DataIntegrityOptions>({
  meta: {
    number: 7,
    id: 'data-integrity',
    title: 'Data integrity',
    question: 'Is data kept correct?',
    description:
      'Finds serialise/parse pairs (encode/decode, stringify/parse, serialize/deserialize, dumps/loads, toJSON/fromJSON, to_dict/from_dict, ' +
      'marshal/unmarshal) and states their round-trip invariant; files written in place without write-then-rename; several database ' +
      'writes in one function without a transaction; money-like values in binary floating point; external input (request bodies, files, ' +
      'environment JSON, argv) used without validation; public functions that mutate their arguments; and dates parsed or computed in ' +
      'local time, in JavaScript, TypeScript and Python. Produces property-based round-trip specs (fast-check, hypothesis) with ' +
      'generators derived from the declared types, unchanged-argument specs, and todos that say what to arrange where a crash or a ' +
      'time zone cannot be simulated by a call.',
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
      Object.keys(MESSAGES) as DataIntegrityMessageId[],
      options.maxFindingsPerKind
    )
    // Property specs first: they state the invariants; then the other kinds by severity.
    const forSpecs = [
      ...kept.filter((f) => f.draft.messageId === 'roundTripPair'),
      ...kept.filter((f) => f.draft.messageId !== 'roundTripPair')
    ]
    const specs = buildSpecs(forSpecs, context.target, options.maxSpecs, options.numRuns)
    const runnableSpecs = specs.filter(
      (s) =>
        s.body.kind === 'steps' &&
        (s.body.steps.javascript !== undefined || s.body.steps.python !== undefined)
    ).length
    const metrics: Metrics = {
      modules: input.modules.length,
      findings: all.length,
      specs: specs.length,
      runnableSpecs,
      ...perKindMetrics(perKind)
    }
    const invariants = kept
      .filter((f) => f.draft.messageId === 'roundTripPair')
      .map((f) => ({
        file: f.info.module.path,
        encode: f.draft.data.encode,
        decode: f.draft.data.decode,
        invariant: f.draft.data.invariant,
        generator: f.draft.data.generator
      }))
    return {
      findings: kept.map((f) => f.draft),
      specs,
      metrics,
      details: { perKind, shown: kept.length, total: all.length, invariants, options },
      report: buildReport({
        kept,
        perKind,
        modules: input.modules.length,
        runnableSpecs,
        specs: specs.length
      })
    }
  }
})
