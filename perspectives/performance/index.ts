// Perspective 5: Performance. Is it fast enough, and does it scale? Reads loops (and array iteration
// callbacks) for nested iteration, searches, awaits and invariant work per iteration; blocking calls
// on async paths and in request handlers; module-level collections that only grow; and regular
// expressions, which recheck checks for catastrophic backtracking. Writes scaling specs (n vs 10n).
// How it decides is documented in README.md.
import { riskScore } from '../contract.js'
import type { ModuleModel } from '../../src/model/types.js'
import { definePerspective } from '../define.js'
import { createQuoter } from '../shared/evidence.js'
import { commandLineTool, importableLibrary } from '../shared/product-modules.js'
import { isTestSupportPath } from '../shared/support-files.js'
import { isDeclarationFile } from '../shared/units.js'
import type { Metrics } from '../types.js'
import { syncIoOnAsyncPath } from './async-io.js'
import { unboundedCollections } from './caches.js'
import { awaitInLoop } from './await-loop.js'
import type { Found, ModuleInput } from './context.js'
import { nestedLoops, repeatedWorkInLoop, searchInLoop, stringConcatInLoop } from './loops.js'
import { MESSAGES, type PerformanceMessageId } from './messages.js'
import { OPTIONS, type PerformanceOptions } from './options.js'
import { buildRegions } from './regions.js'
import { collectRegexes, RegexChecker } from '../shared/redos.js'
import { catastrophicRegexes } from './regex.js'
import { buildReport } from './report.js'
import { buildSpecs } from './specs.js'
import {
  bySeverityThenPlace,
  CODE_LANGUAGES,
  finishFindings,
  perKindMetrics
} from '../kit/index.js'

export type { PerformanceOptions } from './options.js'

/** A command-line tool or script serves one user at a time: blocking calls there cost little. */
function isCliModule(module: ModuleModel): boolean {
  return (
    module.hasMain || /(^|\/)(bin|scripts?|cli|tools)(\/|\.[cm]?[jt]sx?$|\.py$)/.test(module.path)
  )
}

export default definePerspective<PerformanceMessageId, PerformanceOptions>({
  meta: {
    number: 5,
    id: 'performance',
    title: 'Performance',
    question: 'Is it fast enough, and does it scale?',
    description:
      'Finds nested loops over collections (with their depth, through array callbacks too), linear searches inside loops ' +
      '(includes/indexOf/find/filter/some, Python `in` on a list), sequential `await` in loops whose iterations look independent, ' +
      'blocking I/O and child processes in async functions and request handlers, regular expressions that backtrack ' +
      'catastrophically (checked with recheck), module-level caches and arrays that only grow, loop-invariant JSON ' +
      'parse/stringify and regex construction, and Python strings built with `+=` in loops. Produces findings and scaling ' +
      'specs that time a public function at n and 10n and bound the ratio.',
    messages: MESSAGES,
    implemented: true
  },
  options: OPTIONS,
  analyse(context) {
    const { options } = context
    const quote = createQuoter(context)
    const modules = context.model.modules.filter(
      (m) => !m.isTest && !isTestSupportPath(m.path) && !isDeclarationFile(m.path)
    )
    const checker = new RegexChecker(options.maxRegexChecks, {
      maxNfaSize: options.regexMaxNfaSize,
      fuzzing: options.regexFuzzing
    })
    // A package others import (exports map, types, an ESM build) is a library first, whatever bin it
    // also ships: its patterns see the content its callers pass (svgo's SVG documents, round 9), not
    // only its own user's flags.
    const bin = commandLineTool(context.model)
    const library = bin !== undefined && importableLibrary(context.model)
    const tool = library ? undefined : bin
    const libraryInput = library
      ? 'The package also ships a command line, but its package.json makes it a library others import (exports, types or a module build), so the text can be any content its callers pass, such as documents or uploads.'
      : undefined
    const all: Found[] = []
    let loops = 0
    let maxDepth = 0
    let regexes = 0
    for (const module of modules) {
      const regions = buildRegions(module)
      const input: ModuleInput = { module, regions, quote, model: context.model }
      loops += module.loops.length
      for (const r of regions.regions) maxDepth = Math.max(maxDepth, r.depth)
      all.push(...nestedLoops(input, options.nestedLoopDepth))
      if (!CODE_LANGUAGES.has(module.language)) continue
      regexes += collectRegexes(module).length
      all.push(
        ...searchInLoop(input),
        ...awaitInLoop(input),
        ...syncIoOnAsyncPath(input, isCliModule(module)),
        ...catastrophicRegexes(input, checker, tool, libraryInput),
        ...unboundedCollections(input),
        ...repeatedWorkInLoop(input),
        ...stringConcatInLoop(input)
      )
    }
    // Worst first, then by place: the cap keeps the most severe of each kind.
    const { kept, perKind: totals } = finishFindings(
      all,
      Object.keys(MESSAGES) as PerformanceMessageId[],
      { maxPerKind: options.maxFindingsPerKind, rank: bySeverityThenPlace }
    )
    const findings = kept.map((f) => f.draft)
    const specs = buildSpecs(kept, options.maxSpecs)
    const metrics: Metrics = {
      modules: modules.length,
      loops,
      maxLoopDepth: maxDepth,
      regexes,
      regexesChecked: checker.checked,
      regexesUndecided: checker.unknown,
      regexesNotChecked: checker.skipped
    }
    Object.assign(metrics, perKindMetrics(totals))
    return {
      findings,
      specs,
      metrics,
      details: {
        totals,
        shown: findings.length,
        regexUndecided: Object.fromEntries(
          [...checker.undecided].sort(([a], [b]) => a.localeCompare(b))
        ),
        options
      },
      report: buildReport({
        findings,
        totals,
        sourceModules: modules.length,
        regex: {
          found: regexes,
          checked: checker.checked,
          skipped: checker.skipped,
          unknown: checker.unknown
        }
      }),
      risk: riskScore(all.map((f) => f.draft))
    }
  }
})
