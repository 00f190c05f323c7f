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
 * Severity from the risk score: 30 is CRAP's classic "crappy" line, before churn. Churn weighs what is
 * already risky: a function under that line on its own (a few lines, a few branches) is at most medium
 * however often its file changes (a 15-line label formatter of complexity 4 was high on immer, session 7).
 */
export function gapSeverity(risk: number, crapScore = risk): Severity {
  if (risk >= 60 && crapScore >= 30) return 'high'
  if (risk >= 30) return 'medium'
  return 'low'
}

export const round2 = (n: number): number => Math.round(n * 100) / 100
