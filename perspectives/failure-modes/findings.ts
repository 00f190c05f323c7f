// Findings from the FMEA rows that escape (or are silently dropped), each quoting the throw, the call
// or the dereference it is about.
import type { Quoter } from '../shared/evidence.js'
import type { Confidence, FindingDraft } from '../types.js'
import type { FailureMessageId } from './messages.js'
import { shorten } from './modes.js'
import type { Row } from './table.js'

type Draft = FindingDraft<FailureMessageId>

function confidenceOf(row: Row): Confidence {
  const { mode } = row
  if (mode.kind === 'throw') return 'high'
  // An optional parameter may be normalised by an assignment the model does not record.
  if (mode.kind === 'optional') return 'medium'
  // "It escapes" is certain only when no caller in the repository catches it and a bad value is not
  // the caller's own argument (then the error is the function's answer to it: its contract).
  if (mode.argumentContract || mode.callersCatch) return 'medium'
  if (mode.callers && mode.callers.catching.length > 0) return 'medium'
  return mode.inputs.length > 0 ? 'high' : 'medium'
}

export function buildFinding(row: Row, quote: Quoter): Draft {
  const { mode, scores } = row
  const common = {
    where: row.where,
    file: mode.module.path,
    errorType: mode.errorType ?? 'an error',
    effect: row.effectText,
    occurrence: row.occurrenceText,
    detection: row.detectionText,
    rpn: scores.rpn,
    s: scores.severity,
    o: scores.occurrence,
    d: scores.detection
  }
  const python = mode.module.language === 'python'
  let data: Draft['data']
  let rationale: string
  if (mode.kind === 'throw') {
    const verb = python ? 'raises' : 'throws'
    data = {
      ...common,
      verb,
      condition:
        mode.guard !== undefined
          ? `when ${shorten(mode.guard, 60)}`
          : mode.catchOf
            ? `when ${mode.catchOf}`
            : 'with no guarding if',
      statement: `${python ? 'raise' : 'throw'} ${mode.text}`,
      guardPhrase:
        mode.guard !== undefined
          ? `runs when ${shorten(mode.guard, 120)} holds`
          : mode.catchOf
            ? `runs in a catch handler, when ${mode.catchOf}`
            : 'has no guarding if, so it runs whenever control reaches it'
    }
    rationale = `An explicit ${mode.errorType ?? 'error'} is part of ${row.where}'s contract; ${row.detectionText}.`
  } else if (mode.kind === 'optional' && mode.param) {
    const p = mode.param
    data = {
      ...common,
      param: p.name,
      declared: p.type
        ? `${p.optional ? 'optional ' : ''}${p.type}${p.defaultValue ? ` = ${p.defaultValue}` : ''}`
        : p.defaultValue
          ? `with default ${p.defaultValue}`
          : 'optional',
      use: `${mode.text} dereferences it`
    }
    rationale = `Calling a method on ${python ? 'None' : 'undefined or null'} fails at run time; no condition in ${row.where} mentions ${p.name}.`
  } else {
    const entry = mode.call?.entry
    data = {
      ...common,
      operation: entry?.operation ?? mode.text,
      call: mode.text,
      when: entry?.when ?? 'it fails'
    }
    rationale = `${entry?.operation ?? 'The call'} fails when ${entry?.when ?? 'its input is bad'}; ${row.effectText}.`
  }
  return {
    messageId: row.messageId,
    data,
    severity: row.severity,
    confidence: confidenceOf(row),
    rationale: `${rationale} RPN ${scores.rpn} = S${scores.severity} × O${scores.occurrence} × D${scores.detection}.`,
    evidence: quote.evidence(mode.module.path, mode.loc, 2),
    key: row.key,
    ...(mode.fn ? { symbol: mode.fn.qualifiedName } : {}),
    tags: [mode.kind, mode.handling.effect, scores.reach, scores.tests]
  }
}
