// Sorting by severity and confidence with the contract's one order (perspectives/contract.ts).
import { SEVERITY_ORDER } from '../contract.js'
import type { SpecPriority } from '../../src/specs/types.js'
import type { Confidence, Severity } from '../types.js'

export { SEVERITY_ORDER }

export const CONFIDENCE_ORDER: Readonly<Record<Confidence, number>> = { high: 0, medium: 1, low: 2 }

/** For sort(): the more severe first. */
export function bySeverity(a: Severity, b: Severity): number {
  return SEVERITY_ORDER[a] - SEVERITY_ORDER[b]
}

/** For sort(): the more confident first. */
export function byConfidence(a: Confidence, b: Confidence): number {
  return CONFIDENCE_ORDER[a] - CONFIDENCE_ORDER[b]
}

/** One step less severe: critical to high, high to medium, medium to low; low and info stay. */
export const ONE_LOWER: Readonly<Record<Severity, Severity>> = {
  critical: 'high',
  high: 'medium',
  medium: 'low',
  low: 'low',
  info: 'info'
}

/** The most severe of a list; undefined for an empty one. */
export function mostSevere(list: readonly Severity[]): Severity | undefined {
  return list.reduce<Severity | undefined>(
    (best, s) => (best === undefined || SEVERITY_ORDER[s] < SEVERITY_ORDER[best] ? s : best),
    undefined
  )
}

/** A spec's priority from its finding's severity: critical and high P1, medium P2, the rest P3. */
export const SPEC_PRIORITY: Readonly<Record<Severity, SpecPriority>> = {
  critical: 'P1',
  high: 'P1',
  medium: 'P2',
  low: 'P3',
  info: 'P3'
}
