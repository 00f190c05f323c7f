// "What to do next": the few findings and specs a maintainer should act on first, across perspectives.
// Chosen by risk on shipped code: first the classes independent judges found worth acting on, then those they
// found true most often (the judged calibration, src/pipeline/calibration.ts), then severity, then confidence,
// then a spec that already covers it. A class judged true less than two times in three does not lead (weakRecord).
// Running the specs decides too: a finding its spec showed to be a defect leads whatever its rank;
// a finding its spec refuted is left out.
// Pure and deterministic; both the job summary and the terminal report list the same items.
import { SEVERITY_ORDER } from '../../perspectives/contract.js'
import type { Confidence, Finding, Severity } from '../../perspectives/types.js'
import { refutedFindings } from '../engine/risk.js'
import type { PerspectiveRun } from '../engine/types.js'
import type { TestSpec } from '../specs/types.js'
import { isShippedPath } from './shipped.js'
import {
  DEFAULT_CALIBRATION,
  isHeld,
  trustRank,
  weakRecord,
  worthRank,
  type Calibration
} from '../pipeline/calibration.js'

export const MAX_NEXT_STEPS = 10

export interface NextStep {
  perspective: string
  /** The finding to act on; absent when the step is a spec on its own. */
  finding?: Finding
  /** The spec that tests it (or the spec to write, when there is no finding). */
  spec?: TestSpec
}

/** Higher is more severe: critical 4 ... info 0 (the contract's order, reversed). */
const severityWeight = (s: Severity): number => SEVERITY_ORDER.info - SEVERITY_ORDER[s]
const CONFIDENCE_RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 }
const PRIORITY_RANK: Record<TestSpec['priority'], number> = { P1: 2, P2: 1, P3: 0 }

/** Perspectives that sum up the others: their rows repeat what the others found. */
const SUMMING_UP = new Set(['big-picture'])

/**
 * A finding worth leading with: in shipped code, at least medium severity, and sure. Judged on repositories
 * the rules were not written for, medium-confidence findings were true 11 times in 61 and high ones 46 in 74
 * (docs/evaluation/judged-session8.md): what a maintainer reads first must be what the tool is sure of.
 */
function leads(f: Finding, shipped: (path: string) => boolean): boolean {
  return (
    f.file !== null && shipped(f.file) && severityWeight(f.severity) >= 2 && f.confidence === 'high'
  )
}

/**
 * Findings in shipped code first, then the classes whose judged record is not weak (below two thirds true,
 * weakRecord) before those that are, then the classes judges found worth acting on before the ones they
 * found true but rarely worth it (src/pipeline/calibration.ts), then by severity and confidence; order
 * within a perspective kept otherwise.
 */
export function byRisk(
  findings: readonly Finding[],
  isShipped: (path: string) => boolean = isShippedPath,
  calibration: Calibration = DEFAULT_CALIBRATION
): Finding[] {
  const shipped = (f: Finding): number => (f.file === null || isShipped(f.file) ? 1 : 0)
  return findings
    .map((f, i) => ({
      f,
      i,
      worth: worthRank(f, calibration),
      sure: weakRecord(f, calibration) ? 0 : 1
    }))
    .sort(
      (a, b) =>
        shipped(b.f) - shipped(a.f) ||
        b.sure - a.sure ||
        b.worth - a.worth ||
        severityWeight(b.f.severity) - severityWeight(a.f.severity) ||
        CONFIDENCE_RANK[b.f.confidence] - CONFIDENCE_RANK[a.f.confidence] ||
        a.i - b.i
    )
    .map((x) => x.f)
}

export function nextSteps(
  runs: readonly PerspectiveRun[],
  max = MAX_NEXT_STEPS,
  shipped: (path: string) => boolean = isShippedPath,
  calibration: Calibration = DEFAULT_CALIBRATION
): NextStep[] {
  const candidates: { step: NextStep; score: number; order: number }[] = []
  let order = 0
  for (const run of runs) {
    if (run.status !== 'ok' || SUMMING_UP.has(run.meta.id)) continue
    const specFor = new Map<string, TestSpec>()
    for (const s of run.specs)
      for (const id of s.covers) {
        const known = specFor.get(id)
        // The spec that showed a defect stands for the finding; otherwise the first one.
        if (!known || (s.validation?.claim === 'defect' && known.validation?.claim !== 'defect'))
          specFor.set(id, s)
      }
    const refuted = refutedFindings(run)
    const covered = new Set<TestSpec>()
    for (const f of run.findings) {
      if (refuted.has(f.id)) continue
      // A finding of a held class (not re-enabled), reported after all because its spec failed, does not lead: its claim
      // is the held one, and the failure is the spec's own (bidict: smoke constructions of an abstract
      // class and a NamedTuple "untested public class" at low confidence led the list, session 11).
      if (isHeld(f, calibration)) continue
      const spec = specFor.get(f.id)
      const defect = spec?.validation?.claim === 'defect'
      const worth = worthRank(f, calibration)
      // A class judged true but rarely worth acting on (a job's timeout, an option's help text) does not lead.
      if (!defect && (worth === 0 || !leads(f, shipped))) continue
      // A class judged true less than two times in three does not lead, held or not: the first items must be
      // right nine times in ten (ci-cd coverageNotKept, 8 of 16, was among the first items of three reports).
      if (!defect && weakRecord(f, calibration)) continue
      if (spec) covered.add(spec)
      // What judges found worth acting on first, then what they found true (round 6: 11% worth).
      const score =
        (defect ? 1000 : 0) +
        worth * 200 +
        trustRank(f, calibration) * 100 +
        severityWeight(f.severity) * 10 +
        CONFIDENCE_RANK[f.confidence] * 3 +
        (spec ? 1 : 0)
      candidates.push({
        step: { perspective: run.meta.id, finding: f, ...(spec ? { spec } : {}) },
        score,
        order: order++
      })
    }
    // A first-priority spec on shipped code stands on its own when no finding led to it - not a plan
    // item still to write (a todo claims nothing), nor the spec of a finding held back or left out, nor
    // the unrun spec of a finding not sure enough to lead, which would bring it back (flask's injection
    // probe of a medium-confidence finding, judged false in round 6): it leads once it ran and reached
    // code the project's suite leaves unrun.
    const reported = new Set(run.findings.map((f) => f.id))
    for (const s of run.specs) {
      if (covered.has(s) || s.priority !== 'P1' || !shipped(s.target.file)) continue
      if (s.planOnly || (s.covers.length > 0 && !s.covers.some((id) => reported.has(id)))) continue
      if (s.validation?.claim === 'refuted') continue
      if (s.covers.length > 0 && !addsCoverage(s)) continue
      // Ran and passed without reaching a line the suite leaves unrun: it shows nothing new.
      if (s.validation?.status === 'passed' && s.validation.coverage_gain === 0) continue
      candidates.push({
        step: { perspective: run.meta.id, spec: s },
        // Ranked like a finding of an unjudged class (worth and trust unknown) of medium severity.
        score: 200 + 100 + 20 + PRIORITY_RANK[s.priority],
        order: order++
      })
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.order - b.order)
  const out: NextStep[] = []
  const places = new Set<string>()
  for (const { step } of candidates) {
    // One item per place: two perspectives flagging the same line are one thing to do.
    const place = step.finding
      ? `${step.finding.file}:${step.finding.startLine}`
      : `spec:${step.spec?.fileName}`
    if (places.has(place)) continue
    places.add(place)
    out.push(step)
    if (out.length >= max) break
  }
  return out
}

/** The spec ran, passed, and reached code the project's own suite does not. */
function addsCoverage(s: TestSpec): boolean {
  return s.validation?.status === 'passed' && (s.validation.coverage_gain ?? 0) > 0
}
