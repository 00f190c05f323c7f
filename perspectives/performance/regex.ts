// Regular expressions that can backtrack catastrophically, found by a real ReDoS checker: recheck,
// through perspectives/shared/redos.ts (the same checker and verdicts as the security perspective's
// ReDoS check). Performance reports every such pattern as slow on long or unlucky input; whether an
// attacker controls that input is the security perspective's question.
import type { Confidence, Severity } from '../types.js'
import { collectRegexes, canBacktrack, type RegexChecker } from '../shared/redos.js'
import type { Found, ModuleInput } from './context.js'
import { symbolName } from './context.js'
import { shorten } from './regions.js'

/**
 * `tool`: the package is a command-line tool (commandLineTool); a polynomial pattern then mostly meets
 * its own user's configuration (nodemon's watch patterns, judged not worth acting on in session 7) and is
 * reported low, saying so.
 */
export function catastrophicRegexes(
  input: ModuleInput,
  checker: RegexChecker,
  tool?: string
): Found[] {
  const { module, regions, quote } = input
  const found: Found[] = []
  const counts = new Map<string, number>()
  for (const source of collectRegexes(module)) {
    if (!canBacktrack(source.pattern)) continue
    // Tried at the start only: `x*$` is linear there, though quadratic when every position is tried.
    const checked =
      source.anchored === true && !source.flags.includes('m')
        ? `^(?:${source.pattern})`
        : source.pattern
    const result = checker.check(checked, source.flags)
    if (!result || result.status !== 'vulnerable') continue
    const exponential = result.complexity.type === 'exponential'
    const degree = result.complexity.type === 'polynomial' ? result.complexity.degree : 0
    const ownInput = tool !== undefined && !exponential
    const severity: Severity = exponential ? 'high' : degree >= 3 && !ownInput ? 'medium' : 'low'
    const confidence: Confidence = result.complexity.isFuzz ? 'medium' : 'high'
    // Not `shorten`: a pattern's leading or trailing spaces are part of it.
    const shown = `/${source.pattern.length > 50 ? `${source.pattern.slice(0, 47)}...` : source.pattern}/${source.flags}`
    const hot = result.hotspot
      .filter((h) => h.temperature === 'heat')
      .map((h) => checked.slice(h.start, h.end))
    const symbol = symbolName(source.enclosing)
    const base = `redos:${symbol}:${source.flags}/${source.pattern}`
    const n = (counts.get(base) ?? 0) + 1
    counts.set(base, n)
    const pumps = result.attack.pumps
    found.push({
      draft: {
        messageId: 'catastrophicRegex',
        data: {
          pattern: shown,
          complexity: exponential ? 'exponentially' : `in O(n^${degree})`,
          matchTime: exponential ? 'exponential' : `O(n^${degree})`,
          file: module.path,
          attack: shorten(result.attack.pattern, 70),
          growth: exponential
            ? 'exponentially in the length of the repeated part'
            : `with the ${degree === 2 ? 'square' : `${degree}th power`} of its length`,
          hotspot:
            (hot.length > 0
              ? `The backtracking happens in ${[...new Set(hot)]
                  .slice(0, 3)
                  .map((h) => shorten(h, 30))
                  .join(', ')}.`
              : '') +
            (ownInput
              ? `${hot.length > 0 ? ' ' : ''}Low: ${tool}, so the text it matches is usually its own user's configuration or flags, where a slow match only delays that user's own run.`
              : '')
        },
        severity,
        confidence,
        rationale:
          `recheck (${result.checker === 'automaton' ? 'automaton analysis' : 'fuzzing'}) reports ${result.complexity.summary}; ` +
          (exponential
            ? 'a few dozen characters of hostile input can hang the process.'
            : degree >= 3
              ? 'a few kilobytes of hostile input take seconds.'
              : 'quadratic matching only hurts on long inputs (tens of kilobytes), so this matters where input length is not limited.') +
          ' Whether untrusted input reaches it is not traced.',
        evidence: quote.evidence(module.path, {
          startLine: source.loc.startLine,
          endLine: source.loc.startLine
        }),
        key: n === 1 ? base : `${base}#${n}`,
        symbol,
        tags: ['redos'],
        cwe: 'CWE-1333'
      },
      hint: {
        module,
        fn: regions.functions.get(source.enclosing ?? ''),
        degree: exponential ? 'exponential' : degree,
        attack: {
          pumps: pumps.map((p) => ({ prefix: p.prefix, pump: p.pump })),
          suffix: result.attack.suffix
        }
      }
    })
  }
  return found
}
