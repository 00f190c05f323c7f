// Perspective 4: Edge cases. What boundary conditions exist? Per function, the boundary values of
// each parameter from its declared type and from the literals the code compares it with; findings
// for loops that run to a length inclusive, value-returning functions that end in a switch without a
// default, and public functions whose boundaries no test names; table-driven specs with the values.
// How it decides is documented in README.md.
import { definePerspective } from '../define.js'
import { createQuoter } from '../shared/evidence.js'
import { testReach } from '../shared/reach.js'
import { reachFacts } from '../shared/test-reach.js'
import type { Metrics } from '../types.js'
import { analysable, buildCatalogue, type FunctionEntry } from './catalogue.js'
import {
  type Draft,
  offByOneLoops,
  switchesWithoutDefault,
  untestedBoundaries
} from './findings.js'
import { type EdgeMessageId, MESSAGES } from './messages.js'
import { type EdgeOptions, OPTIONS } from './options.js'
import { buildReport } from './report.js'
import { buildSpecs } from './specs.js'
import { testCallsOf } from './explore.js'
import { bySeverityThenPlace, finishFindings, perKindMetrics } from '../kit/index.js'

export type { EdgeOptions } from './options.js'

export default definePerspective<EdgeMessageId, EdgeOptions>({
  meta: {
    number: 4,
    id: 'edge-cases',
    title: 'Edge cases',
    question: 'What boundary conditions exist?',
    description:
      "Reads every function's parameters and their declared types, and the literals its conditions compare them with " +
      '(a comparison with 100 gives 100 and 101, `len(s) == 0` gives "" and "a", string equality gives the literal and a near miss), ' +
      'adds the boundary values of each type (0, -1, NaN, Infinity, -0, empty and very long strings, emoji, empty and ' +
      'duplicate arrays, invalid dates, null/undefined/None where allowed), flags loops whose condition runs to a length ' +
      'inclusive, value-returning functions that end in a switch or match without a default, and public functions whose ' +
      'literal boundaries no test names. Produces an edge-case catalogue per function and table-driven specs ' +
      '(it.each / pytest.mark.parametrize) that expect the throw on the rejecting side of a guard.',
    messages: MESSAGES,
    implemented: true
  },
  options: OPTIONS,
  analyse(context) {
    const { options } = context
    const modules = context.model.modules.filter(analysable)
    const quote = createQuoter(context)
    const all: FunctionEntry[] = buildCatalogue(modules, {
      maxValuesPerParam: options.maxValuesPerParam,
      longStringLength: options.longStringLength,
      lineText: (file, line) => quote.line(file, line)
    })
    const entries = all.filter((e) => !e.bare)
    const reach = testReach(context.model)
    const found: Draft[] = [
      ...offByOneLoops(modules, quote),
      ...switchesWithoutDefault(modules, quote),
      ...untestedBoundaries(entries, reach, quote, reachFacts(context.model))
    ]
    // The most severe first, then by file and line, so a cap keeps what matters.
    const { kept, perKind } = finishFindings(
      found.map((draft) => ({ draft })),
      Object.keys(MESSAGES) as EdgeMessageId[],
      { maxPerKind: options.maxFindingsPerKind, rank: bySeverityThenPlace }
    )
    const findings = kept.map((f) => f.draft)
    const metrics: Metrics = perKindMetrics(perKind)
    const facts = reachFacts(context.model)
    const specs = buildSpecs({
      entries: all,
      findings,
      maxSpecs: options.maxSpecs,
      testCalls: testCallsOf(context.model.modules),
      tested: (e) => {
        const r = facts.functionReach(e.module, e.fn)
        return r === 'covered' || r === 'estimated-tested' || r === 'excluded'
      },
      unrun: (e) => {
        // The function's lines a measured run of the suite never ran (none where nothing measured it).
        const lines = new Set<number>()
        for (let line = e.fn.loc.startLine; line <= e.fn.loc.endLine; line++)
          if (facts.lineReach(e.module.path, line) === 'not-run') lines.add(line)
        return lines
      }
    })
    const totals = {
      callable: entries.filter((e) => e.callable).length,
      codeBoundaries: entries.reduce((n, e) => n + e.boundaries.length, 0),
      guardedThrows: entries.reduce((n, e) => n + e.guarded.filter((g) => g.known).length, 0)
    }
    Object.assign(metrics, {
      functions: entries.length,
      callableFunctions: totals.callable,
      parameters: entries.reduce((n, e) => n + e.params.length, 0),
      values: entries.reduce((n, e) => n + e.params.reduce((m, p) => m + p.values.length, 0), 0),
      codeBoundaries: totals.codeBoundaries,
      guardedThrows: totals.guardedThrows,
      switches: modules.reduce((n, m) => n + m.switches.length, 0),
      switchesWithoutDefault: modules.reduce(
        (n, m) => n + m.switches.filter((s) => !s.hasDefault).length,
        0
      ),
      loops: modules.reduce((n, m) => n + m.loops.length, 0)
    })
    return {
      findings,
      specs,
      metrics,
      details: {
        catalogue: entries.slice(0, options.maxFunctions).map(catalogueRow),
        functionsTotal: entries.length,
        options
      },
      report: buildReport({ entries, findings, totals, sourceFiles: modules.length })
    }
  }
})

function catalogueRow(e: FunctionEntry): unknown {
  return {
    file: e.module.path,
    function: e.fn.qualifiedName,
    line: e.fn.loc.startLine,
    exported: e.fn.exported,
    callable: e.callable,
    params: e.params.map((p) => ({
      name: p.param.name,
      type: p.param.type ?? null,
      kind: p.inferred ?? p.info.kind,
      inferred: p.inferred !== undefined,
      optional: p.param.optional,
      values: p.values.map((v) => ({
        label: v.label,
        value: v.value,
        source: v.source,
        line: v.line ?? null
      })),
      omitted: p.omitted
    })),
    boundaries: e.boundaries.map((b) => ({
      param: b.subject.param,
      length: b.subject.length,
      operator: b.operator,
      literal: b.literal,
      text: b.text,
      line: b.line
    })),
    throws: e.guarded.map((g) => ({
      line: g.site.loc.startLine,
      errorType: g.site.errorType ?? null,
      guard: g.site.guard ?? null,
      decidable: g.known
    }))
  }
}
