// Probed defects (src/execute/probe.ts) whose spec failed in every run join the perspective they
// belong to: a finding quoting the call and what was observed, and the spec that demonstrates it.
import type { Finding } from '../../perspectives/types.js'
import type { PerspectiveRun } from '../engine/types.js'
import { holdBack, isHeld, type Calibration } from './calibration.js'
import {
  defectFindingId,
  defectLine,
  defectTitle,
  PROBED_MESSAGE_ID,
  type ProbedDefect
} from '../execute/probe.js'
import type { ProbedSpec } from '../execute/stage-probe.js'

const LOOKED_FOR: Record<ProbedDefect['kind'], string> = {
  crash: 'an internal error raised by its own code for arguments of its declared types',
  example: 'a docstring example that does not give what it documents, run by doctest',
  'round-trip': 'a decoder that does not give back what its encoder was given'
}

export function probedFinding(p: ProbedSpec & { defect: ProbedDefect }): Finding {
  const { file, line } = defectLine(p.defect)
  return {
    id: defectFindingId(p.defect, p.perspectiveId),
    perspective: p.perspectiveId,
    messageId: PROBED_MESSAGE_ID,
    title: defectTitle(p.defect),
    message: `Observed by calling it: ${p.message}. The spec ${p.spec.fileName} fails on the current code in every run.`,
    // Certain (observed, repeated), and reachable from the module's public name; how much it matters is the
    // reader's call. A docstring example that disagrees is a documentation fix: medium (molten's two, judged
    // true and worth acting on in round 9, but "'high' severity is wrong for a docstring").
    severity: p.defect.kind === 'example' ? 'medium' : 'high',
    confidence: 'high',
    rationale: `Oracle: ${LOOKED_FOR[p.defect.kind]}.`,
    file,
    startLine: line,
    endLine: line,
    snippet:
      p.defect.kind === 'crash'
        ? p.defect.at.statement
        : p.defect.kind === 'example'
          ? p.defect.source
          : null,
    symbol: p.defect.symbol,
    lookedFor: null,
    where: [],
    cwe: null,
    tags: ['observed', `probe:${p.defect.kind}`]
  }
}

/**
 * The runs with each delivered probed defect's finding and spec added to its perspective, and each
 * delivered round trip that holds as a spec of its perspective (it claims no finding). Given the
 * calibration, a defect of a class the judged record holds (a crash on an argument no caller passes:
 * failure-modes/observedDefect, judged 0 of 13 true) is held back as any finding of its class is.
 */
export function withProbedDefects(
  runs: readonly PerspectiveRun[],
  probed: readonly ProbedSpec[],
  calibration?: Calibration
): PerspectiveRun[] {
  return runs.map((run) => {
    const mine = probed.filter((p) => p.delivered && p.perspectiveId === run.meta.id)
    if (mine.length === 0) return run
    const findings = mine
      .filter((p): p is ProbedSpec & { defect: ProbedDefect } => p.defect !== null)
      .map(probedFinding)
    const specs = mine.map((p) => p.spec)
    const joined = {
      ...run,
      findings: [...findings, ...run.findings],
      specs: [...run.specs, ...specs]
    }
    return calibration ? holdBack(joined, calibration) : joined
  })
}

/** The ids of the probed specs whose defect the calibration holds back: not delivered, no defect claimed. */
export function heldProbedSpecs(
  probed: readonly ProbedSpec[],
  calibration: Calibration
): Set<string> {
  return new Set(
    probed
      .filter((p): p is ProbedSpec & { defect: ProbedDefect } => p.delivered && p.defect !== null)
      .filter((p) => isHeld(probedFinding(p), calibration))
      .map((p) => p.spec.id)
  )
}
