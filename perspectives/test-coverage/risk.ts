// Ranking gaps: CRAP (Change Risk Anti-Patterns, Savoia & Evans) weighs complexity by what tests leave
// unrun — comp² × (1 − cov)³ + comp — and a churn factor from git weighs code that keeps changing.
import type { GitHistory } from '../../src/model/types.js'
import type { Severity } from '../types.js'

/** CRAP = c² × u³ + c, with u the uncovered share (1 − coverage). */
export function crap(complexity: number, uncoveredShare: number): number {
  return complexity * complexity * uncoveredShare ** 3 + complexity
}

/** 1 + log2(1 + commits in the history window); 1 when git history is unavailable. */
export function churnFactor(git: GitHistory, path: string): { factor: number; commits: number } {
  if (!git.available) return { factor: 1, commits: 0 }
  const commits = git.files[path]?.commits ?? 0
  return { factor: 1 + Math.log2(1 + commits), commits }
}

/**
 * The complexity the tests leave unrun: the CRAP excess c² × u³ plus the unrun share of the
 * complexity, c × u. CRAP's own `+ c` is there even at full coverage, so it cannot size a gap: one
 * unrun `continue` in a 96%-covered function of complexity 70 has CRAP 70 but a gap of about 1.
 */
export function gapWeight(complexity: number, uncoveredShare: number): number {
  return complexity * complexity * uncoveredShare ** 3 + complexity * uncoveredShare
}

/** What the severity of a gap is decided from. */
export interface GapSize {
  risk: number
  crap: number
  /** gapWeight: the complexity left unrun. */
  weight: number
  /** Unrun lines the function owns (a function that never ran counts as large). */
  lines: number
  neverCalled: boolean
}

/**
 * Severity from the risk score and the size of the gap: 30 is CRAP's classic "crappy" line, before churn.
 * Churn weighs what is already risky: a function under that line on its own (a few lines, a few branches)
 * is at most medium however often its file changes (a 15-line label formatter of complexity 4 was high
 * on immer, session 7). The gap itself must be large too: one or two unrun lines are low however
 * complex the function around them (parse's `_handle_field` at 96% and pyflakes' `_handle_percent_format`
 * at 98% were high in session 7); high needs at least 15 of unrun complexity and three lines.
 */
export function gapSeverity(size: GapSize): Severity {
  const lines = size.neverCalled ? Infinity : size.lines
  if (lines <= 2) return 'low'
  if (size.risk >= 60 && size.crap > 30 && size.weight >= 15) return 'high'
  if (size.risk >= 30 && size.weight >= 3) return 'medium'
  return 'low'
}

export const round2 = (n: number): number => Math.round(n * 100) / 100
