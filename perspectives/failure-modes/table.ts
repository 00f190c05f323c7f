// The FMEA table: every failure mode with its scores, the words that explain them and a stable key,
// sorted by RPN (highest first). Findings, specs, the report and the details all read these rows.
import type { CodeModel } from '../../src/model/types.js'
import { findingId } from '../contract.js'
import { plainName } from '../shared/names.js'
import type { Severity } from '../types.js'
import type { FailureMessageId } from './messages.js'
import { type FailureMode, modesOf, shorten } from './modes.js'
import { findingSeverity, score, type Scores, type ScoringContext } from './scoring.js'
import { callerPlace, type CallerView, callerView } from './caller-view.js'

export interface Row {
  mode: FailureMode
  scores: Scores
  messageId: FailureMessageId
  key: string
  /** Where it happens: the function's qualified name, or `<module> (load)`. */
  where: string
  severity: Severity
  effectText: string
  occurrenceText: string
  detectionText: string
  /** Filled for rows that became findings. */
  findingId?: string
}

export function messageIdOf(mode: FailureMode): FailureMessageId {
  if (mode.kind === 'throw') return 'explicitThrow'
  if (mode.kind === 'optional') return 'uncheckedOptional'
  return mode.callKind === 'async-io' ? 'awaitedIo' : 'throwingCall'
}

function baseKey(mode: FailureMode): string {
  const where = mode.fn?.qualifiedName ?? (mode.inCallback ? '<callback>' : '<module>')
  if (mode.kind === 'throw')
    return `throw:${where}:${mode.errorType ?? mode.text}:${mode.message ?? mode.guard ?? ''}`
  if (mode.kind === 'optional') return `optional:${where}:${mode.param?.name ?? ''}`
  return `call:${where}:${mode.call?.entry.operation ?? ''}:${shorten(mode.call?.site.args[0] ?? '', 40)}`
}

function effectText(mode: FailureMode, where: string): string {
  const h = mode.handling
  if (h.effect === 'handled' && h.convertedTo)
    return `caught by the handler of the try at line ${h.tryLine}, which throws ${h.convertedTo} instead`
  if (h.effect === 'handled' && h.selective)
    return `caught by the handler of the try at line ${h.tryLine}, which deals with the errors it checks for (${shorten(h.selective, 60)}) and rethrows the rest on purpose`
  if (h.effect === 'handled') return `caught by the handler of the try at line ${h.tryLine}`
  if (h.effect === 'swallowed') {
    const how = h.handler?.empty ? 'an empty handler' : 'a handler that only logs'
    return `caught and dropped by ${how} (try at line ${h.tryLine})`
  }
  if (mode.validates !== undefined)
    return `rejecting a bad ${mode.validates} is ${where}'s contract: no finding, a spec checks it`
  if (mode.callersCatch) {
    const first = mode.callersCatch[0]
    const via = mode.callers?.via ? `, through ${mode.callers.via}` : ''
    return `every caller in the repository catches it (${mode.callersCatch.length} call${mode.callersCatch.length === 1 ? '' : 's'}, e.g. ${callerPlace(first)}${via})`
  }
  if (mode.contract)
    return `raising is what ${where} is for (its whole body is the throw), so callers expect it: no finding`
  if (!mode.fn && mode.inCallback)
    return 'nothing catches it in the inline callback, so it escapes to whatever calls the callback'
  if (!mode.fn) return 'nothing catches it, so importing the module fails'
  const base = mode.fn.async
    ? `nothing in ${where} catches it, so its promise rejects`
    : `nothing in ${where} catches it, so it escapes to the caller`
  return `${base}${callersText(mode.callers)}${contractText(mode, where)}`
}

/** What the model saw of the callers: none in the repository, none catching, or some catching. */
function callersText(view: CallerView | undefined): string {
  // Calls the model could not resolve (a method on an instance) are not counted: no caller found is
  // not "no caller", so nothing is said then.
  if (!view || view.total === 0) return ''
  const calls = `${view.total} call${view.total === 1 ? '' : 's'} found in the repository`
  if (view.catching.length === 0)
    return `; none of its ${calls} catches it (e.g. ${callerPlace(view.open[0])})`
  const via = view.via ? `, through ${view.via}` : ''
  return `; ${view.catching.length} of its ${calls} catch it (e.g. ${callerPlace(view.catching[0])}${via}), ${callerPlace(view.open[0])} does not`
}

/** A parse or conversion of the caller's own argument: the error is how the function answers a bad one. */
function contractText(mode: FailureMode, where: string): string {
  if (!mode.argumentContract) return ''
  const names = mode.inputs.join(', ')
  return `; ${names} is the caller's own argument, so the ${mode.errorType ?? 'error'} is how ${where} rejects a bad one: a contract to document (or convert to the library's own error), not a crash from outside data`
}

function occurrenceText(row: Pick<Row, 'mode' | 'scores'>): string {
  const { mode, scores } = row
  const input =
    mode.inputs.length > 0
      ? `, and the caller controls ${mode.inputs.join(', ')}`
      : ', with no parameter reaching it'
  switch (scores.reach) {
    case 'public':
      return `public (${mode.fn?.className ? `method of exported class ${mode.fn.className}` : 'exported'})${input}`
    case 'internal':
      return `called by other code in the repository${input}`
    case 'handed':
      return `passed on as a value (in a table, to a wrapper or as a callback) and called through it${input}`
    case 'load':
      return 'runs once, when the module is loaded'
    case 'callback':
      return 'runs in an inline callback of module-level code, called later'
    case 'unreached':
      return `no caller found in the repository${input}`
  }
}

function detectionText(row: Pick<Row, 'mode' | 'scores'>): string {
  const { mode, scores } = row
  const name = mode.fn ? (mode.fn.className ?? mode.fn.name) : mode.module.path
  if (scores.measured) {
    if (scores.tests === 'unreached')
      return `the coverage report shows line ${mode.loc.startLine} never ran`
    if (scores.tests === 'referenced')
      return `the coverage report shows the line ran, but no test asserts an error from ${name}`
  }
  switch (scores.tests) {
    case 'unreached':
      return `no test imports ${mode.module.path} (estimated: no coverage report)`
    case 'module-imported':
      return `tests import ${mode.module.path} but none names ${name} (estimated: no coverage report)`
    case 'referenced':
      return mode.fn
        ? `tests name ${name} but none asserts an error from it`
        : `tests import ${mode.module.path}, which runs it`
    case 'asserted':
      return `a test asserts an error from ${name}`
  }
}

/**
 * README "Severity": high only for a mode reachable from the public API, escaping, with no caller in
 * the repository catching it; a mode every caller catches is low (public) or not reported.
 */
function calibrated(mode: FailureMode, scores: Scores): Severity {
  const severity = findingSeverity(scores.severityRpn ?? scores.rpn)
  if (mode.callersCatch || mode.argumentContract) return severity === 'info' ? 'info' : 'low'
  // Some callers in the repository catch it: a caller that does not is the finding, not the function.
  if (mode.callers && mode.callers.catching.length > 0 && severity === 'high') return 'medium'
  if (severity === 'high' && (scores.reach !== 'public' || mode.handling.effect !== 'propagates'))
    return 'medium'
  return severity
}

/**
 * A throwing call whose error leaves its function: who in the repository receives it (and whether they
 * catch it, here or further up), and whether the failing value is the public function's own argument.
 */
function describeCallers(mode: FailureMode, scores: Scores, ctx: ScoringContext): void {
  if (mode.handling.effect !== 'propagates' || !mode.fn || !ctx.functions) return
  const types = (mode.call?.entry.caughtBy ?? []).filter((t) => t !== '*')
  const view = callerView(mode.fn, types, ctx.functions)
  if (!view) return
  mode.callers = view
  if (view.total > 0 && view.open.length === 0) mode.callersCatch ??= view.catching
  if (
    (mode.callKind === 'parse' || mode.callKind === 'conversion') &&
    mode.inputs.length > 0 &&
    scores.reach === 'public' &&
    !mode.callersCatch
  )
    mode.argumentContract = true
}

export function buildTable(
  model: CodeModel,
  include: (path: string) => boolean,
  ctx: ScoringContext
): Row[] {
  const rows: Row[] = []
  for (const module of model.modules) {
    if (module.isTest || !include(module.path)) continue
    const seen = new Map<string, number>()
    const modes = modesOf(module).sort(
      (a, b) => a.loc.startLine - b.loc.startLine || a.loc.startColumn - b.loc.startColumn
    )
    for (const mode of modes) {
      const scores = score(mode, ctx)
      if (mode.kind === 'call') describeCallers(mode, scores, ctx)
      const where = mode.fn
        ? plainName(mode.fn.qualifiedName)
        : `${module.path} (${mode.inCallback ? 'inline callback' : 'module level'})`
      // Two modes with the same key in one file (two `JSON.parse(text)` in one function) get #2, #3 in order.
      const base = baseKey(mode)
      const n = (seen.get(base) ?? 0) + 1
      seen.set(base, n)
      const partial = { mode, scores }
      rows.push({
        mode,
        scores,
        messageId: messageIdOf(mode),
        key: n === 1 ? base : `${base}#${n}`,
        where,
        severity: calibrated(mode, scores),
        effectText: effectText(mode, where),
        occurrenceText: occurrenceText(partial),
        detectionText: detectionText(partial)
      })
    }
  }
  rows.sort(
    (a, b) =>
      b.scores.rpn - a.scores.rpn ||
      a.mode.module.path.localeCompare(b.mode.module.path) ||
      a.mode.loc.startLine - b.mode.loc.startLine ||
      a.key.localeCompare(b.key)
  )
  return rows
}

/**
 * An explicit throw is a designed error: the author wrote it to reach the caller. Judges read 31
 * sampled explicit-throw findings on six repositories: 2 true, 22 partly ("real, but intended"), 7
 * false, none worth acting on. So a throw is a contract (its spec pins the error) and gives a finding
 * only where no caller can catch it: inside a callback (a timer, an event handler).
 */
export function designedThrow(row: Row): boolean {
  return row.mode.kind === 'throw' && !row.mode.inCallback
}

/** A row that becomes a finding (before the cap): not handled, not a contract, RPN at least minRpn. */
export function reportable(row: Row, minRpn: number): boolean {
  if (row.mode.handling.effect === 'handled' || row.mode.contract || row.scores.rpn < minRpn)
    return false
  // Caught by every caller and not public: nothing reaches a user.
  if (row.mode.callersCatch && row.scores.reach !== 'public') return false
  return !designedThrow(row)
}

/** Marks a row that became a finding with the finding's id, so its spec and table row name it. */
export function markFinding(row: Row): void {
  row.findingId = findingId('failure-modes', row.messageId, row.mode.module.path, row.key)
}
