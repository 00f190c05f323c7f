// What every perspective does with its drafts before returning them: keys made unique in source order
// (so ids do not depend on the cap), ranking (severity, then confidence, then place), a cap per kind,
// and counts per kind for the metrics. A perspective lists its checks; finishFindings does the rest.
import type { Confidence, FindingDraft, Metrics } from '../types.js'
import { CONFIDENCE_ORDER, SEVERITY_ORDER } from './order.js'

/** A draft with whatever a perspective keeps beside it for its specs and report. */
export interface Drafted {
  draft: FindingDraft
}

/** File and start line of a draft's evidence; '' and 0 for a repository-level finding. */
export function placeOf(draft: FindingDraft): [string, number] {
  const ev = draft.evidence
  return 'file' in ev ? [ev.file, ev.startLine] : ['', 0]
}

/** For sort(): file, line, message id, key. */
export function byPlace(a: FindingDraft, b: FindingDraft): number {
  const [fa, la] = placeOf(a)
  const [fb, lb] = placeOf(b)
  return (
    fa.localeCompare(fb) ||
    la - lb ||
    a.messageId.localeCompare(b.messageId) ||
    a.key.localeCompare(b.key)
  )
}

/** For sort(): severity, then file, line and key (confidence not considered). */
export function bySeverityThenPlace(a: FindingDraft, b: FindingDraft): number {
  const [fa, la] = placeOf(a)
  const [fb, lb] = placeOf(b)
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    fa.localeCompare(fb) ||
    la - lb ||
    a.key.localeCompare(b.key)
  )
}

/** For sort(): severity, then confidence, then place. */
export function byRank(a: FindingDraft, b: FindingDraft): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence] ||
    byPlace(a, b)
  )
}

/**
 * Makes keys unique per message and file, in the order given: the second `x` becomes `x#2` (never a
 * line number, so ids survive edits elsewhere in the file).
 */
export function uniqueKeys(drafts: readonly FindingDraft[]): void {
  const seen = new Map<string, number>()
  for (const d of drafts) {
    const base = `${d.messageId}|${placeOf(d)[0]}|${d.key}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    if (n > 1) d.key = `${d.key}#${n}`
  }
}

/** Zero for every message id, then one more per draft of that kind. */
export function countPerKind<M extends string>(
  messageIds: readonly M[],
  drafts: readonly FindingDraft[]
): Record<M, number> {
  const perKind = Object.fromEntries(messageIds.map((id) => [id, 0])) as Record<M, number>
  for (const d of drafts) perKind[d.messageId as M] += 1
  return perKind
}

/** `findings.<messageId>` metrics from counts per kind. */
export function perKindMetrics(perKind: Readonly<Record<string, number>>): Metrics {
  const metrics: Metrics = {}
  for (const [id, n] of Object.entries(perKind)) metrics[`findings.${id}`] = n
  return metrics
}

export interface Finished<T, M extends string> {
  /** Every finding at or above the confidence floor, ranked. */
  all: T[]
  /** What the caps keep of `all`, ranked. */
  kept: T[]
  /** How many of each kind are in `all` (before the caps); 0 for kinds not found. */
  perKind: Record<M, number>
  /** Candidates below `minConfidence`, ranked: counted and named in a report, never findings. */
  below: T[]
}

/** At most `max` findings of these kinds together; a single kind makes a per-kind cap. */
export interface KindCap {
  kinds: readonly string[]
  max: number
}

/** How a perspective's findings are finished; a number alone is `{ maxPerKind }`. */
export interface FinishRules {
  /** At most this many of each kind. */
  maxPerKind?: number
  /** Caps declared per kind (or per group of kinds sharing one cap); kinds in none are not capped here. */
  caps?: readonly KindCap[]
  /** At most this many in all, after the per-kind cap. */
  maxTotal?: number
  /** Drafts less confident than this go to `below`. */
  minConfidence?: Confidence
  /** The order the caps keep from; `byRank` unless the perspective ranks by severity and place only. */
  rank?: (a: FindingDraft, b: FindingDraft) => number
  /**
   * The checks' own order is the rank (a score the drafts do not carry, such as an RPN or a target's
   * rank): the caps keep the first of each kind as found. Overrides `rank`.
   */
  keepOrder?: boolean
  /** A draft with the kind, file, line and key of an earlier one is dropped (two checks saw one thing). */
  dropSamePlace?: boolean
}

function samePlaceKey(d: FindingDraft): string {
  const [file, line] = placeOf(d)
  return `${d.messageId}|${file}:${line}|${d.key}`
}

function capped<T extends Drafted>(ranked: T[], rules: FinishRules): T[] {
  const caps: KindCap[] = [...(rules.caps ?? [])]
  const maxPerKind = rules.maxPerKind ?? Infinity
  const seen = new Map<string, number>()
  const taken = caps.map(() => 0)
  const kept = ranked.filter((f) => {
    const id = f.draft.messageId
    const n = (seen.get(id) ?? 0) + 1
    if (n > maxPerKind) return false
    const mine = caps.flatMap((c, i) => (c.kinds.includes(id) ? [i] : []))
    if (mine.some((i) => taken[i] >= caps[i].max)) return false
    seen.set(id, n)
    for (const i of mine) taken[i] += 1
    return true
  })
  return rules.maxTotal === undefined ? kept : kept.slice(0, rules.maxTotal)
}

/**
 * Same-place repeats dropped (if asked), unique keys in source order, ranking, the confidence floor
 * and the caps over what the checks found. Sorts `found` in place.
 */
export function finishFindings<T extends Drafted, M extends string>(
  found: T[],
  messageIds: readonly M[],
  rulesOrMaxPerKind: FinishRules | number
): Finished<T, M> {
  const rules: FinishRules =
    typeof rulesOrMaxPerKind === 'number' ? { maxPerKind: rulesOrMaxPerKind } : rulesOrMaxPerKind
  if (rules.dropSamePlace) {
    const seen = new Set<string>()
    const firsts = found.filter((f) => {
      const key = samePlaceKey(f.draft)
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    found.splice(0, found.length, ...firsts)
  }
  const given = new Map(found.map((f, i) => [f, i]))
  found.sort((a, b) => byPlace(a.draft, b.draft))
  uniqueKeys(found.map((f) => f.draft))
  if (rules.keepOrder) found.sort((a, b) => (given.get(a) ?? 0) - (given.get(b) ?? 0))
  else {
    const rank = rules.rank ?? byRank
    found.sort((a, b) => rank(a.draft, b.draft))
  }
  const floor = rules.minConfidence === undefined ? Infinity : CONFIDENCE_ORDER[rules.minConfidence]
  const all = found.filter((f) => CONFIDENCE_ORDER[f.draft.confidence] <= floor)
  const below = found.filter((f) => CONFIDENCE_ORDER[f.draft.confidence] > floor)
  return {
    all,
    kept: capped(all, rules),
    perKind: countPerKind(
      messageIds,
      all.map((f) => f.draft)
    ),
    below
  }
}
