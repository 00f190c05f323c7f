// What every check of the performance perspective receives, and what it returns: finding drafts,
// each with what a scaling spec needs to know about it.
import type { CodeModel, FunctionDecl, ModuleModel } from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import type { FindingDraft } from '../types.js'
import type { PerformanceMessageId } from './messages.js'
import type { ModuleRegions } from './regions.js'

export type Draft = FindingDraft<PerformanceMessageId>

/** How a spec can exercise the finding: call `fn` with inputs of size n and 10n. */
export interface ScalingHint {
  module: ModuleModel
  /** The function that does the work (the finding's enclosing function). */
  fn?: FunctionDecl
  /** The complexity found: 2 for O(n²); a spec asserts one degree better. 'exponential' for ReDoS. */
  degree: number | 'exponential'
  /** For ReDoS: the attack string's parts; size n repeats each pump n times (prefix + pump × n ..., then suffix). */
  attack?: { pumps: { prefix: string; pump: string }[]; suffix: string }
}

export interface Found {
  draft: Draft
  hint?: ScalingHint
}

export interface ModuleInput {
  module: ModuleModel
  regions: ModuleRegions
  quote: Quoter
  /** The whole model, for what callers in other modules pass (absent in single-module checks). */
  model?: CodeModel
}

/** The function a call or loop belongs to, for messages: `(module code)` outside any function. */
export function symbolName(enclosing: string | undefined): string {
  return enclosing ?? '(module code)'
}

/** Walks from a qualified name up through its outer functions (`a.b.c` -> a.b.c, a.b, a). */
export function enclosingChain(
  functions: Map<string, FunctionDecl>,
  enclosing: string | undefined
): FunctionDecl[] {
  const chain: FunctionDecl[] = []
  if (enclosing === undefined) return chain
  const parts = enclosing.split('.')
  for (let n = parts.length; n > 0; n--) {
    const fn = functions.get(parts.slice(0, n).join('.'))
    if (fn) chain.push(fn)
  }
  return chain
}
