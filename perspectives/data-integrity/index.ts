// Perspective 7: Data integrity. Is data kept correct? Finds serialise/parse pairs and writes their
// round-trip invariant as a property-based spec (fast-check, hypothesis); files written in place without
// write-then-rename; several database writes without a transaction; money in binary floats; external
// input used without validation; public functions that mutate their arguments; dates parsed or computed
// in local time. How it decides is documented in README.md.
import { definePerspective } from '../define.js'
import { createQuoter } from '../shared/evidence.js'
import type { Metrics } from '../types.js'
import { buildInput, CONFIDENCE_RANK, type Found, SEVERITY_RANK, uniqueKeys } from './context.js'
import { checkDates } from './dates.js'
import { checkInput } from './input.js'
import { MESSAGES, type DataIntegrityMessageId } from './messages.js'
import { checkMoney } from './money.js'
import { checkMutation } from './mutation.js'
import { DEFAULT_OPTIONS, type DataIntegrityOptions, validateOptions } from './options.js'
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

function position(f: Found): [string, number] {
  const ev = f.draft.evidence
  return 'file' in ev ? [ev.file, ev.startLine] : ['', 0]
}

function inSourceOrder(a: Found, b: Found): number {
  const [fa, la] = position(a)
  const [fb, lb] = position(b)
  return (
    fa.localeCompare(fb) ||
    la - lb ||
    a.draft.messageId.localeCompare(b.draft.messageId) ||
    a.draft.key.localeCompare(b.draft.key)
  )
}

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
  defaultOptions: DEFAULT_OPTIONS,
  analyse(context) {
    const options = validateOptions({ ...DEFAULT_OPTIONS, ...context.options })
    const input = buildInput(context.model, createQuoter(context))
    const all: Found[] = []
    for (const check of CHECKS) all.push(...check(input))
    // Ids must not depend on the cap: keys are made unique in source order, before ranking.
    all.sort(inSourceOrder)
    uniqueKeys(all)
    all.sort(
      (a, b) =>
        SEVERITY_RANK[a.draft.severity] - SEVERITY_RANK[b.draft.severity] ||
        CONFIDENCE_RANK[a.draft.confidence] - CONFIDENCE_RANK[b.draft.confidence] ||
        inSourceOrder(a, b)
    )
    const perKind = Object.fromEntries(Object.keys(MESSAGES).map((k) => [k, 0])) as Record<
      DataIntegrityMessageId,
      number
    >
    const kept: Found[] = []
    for (const f of all) {
      perKind[f.draft.messageId] += 1
      if (perKind[f.draft.messageId] <= options.maxFindingsPerKind) kept.push(f)
    }
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
      runnableSpecs
    }
    for (const [id, n] of Object.entries(perKind)) metrics[`findings.${id}`] = n
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
