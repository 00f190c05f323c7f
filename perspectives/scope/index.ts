// Perspective 1: Scope. What are we testing? An inventory of the repository, its public API and entry
// points, the public units ranked as test targets, findings for what no test reaches, and smoke specs
// for the top untested units. How it decides is documented in README.md.
import { classOf } from '../../src/model/surface.js'
import { definePerspective } from '../define.js'
import { createQuoter } from '../shared/evidence.js'
import { importersOf } from '../shared/graph.js'
import { testReach } from '../shared/reach.js'
import { measuredUnitReach, reachFacts } from '../shared/test-reach.js'
import { isTestSupportPath } from '../shared/support-files.js'
import type { PublicUnit } from '../shared/units.js'
import { publicUnits } from '../shared/units.js'
import type { Severity } from '../types.js'
import { commandFunctions, findEntryPoints } from './entry-points.js'
import { buildFindings, unitKey } from './findings.js'
import { buildInventory } from './inventory.js'
import { MESSAGES, type ScopeMessageId } from './messages.js'
import { OPTIONS, type ScopeOptions } from './options.js'
import { rankTargets, scopeRisk } from './ranking.js'
import { buildReport } from './report.js'
import { buildSpecs } from './specs.js'
import { summariseSurface, surfaceSection } from './surface-section.js'
import { finishFindings, perKindMetrics } from '../kit/index.js'

export type { ScopeOptions } from './options.js'

const MAX_ENTRY_POINTS_LISTED = 500

export default definePerspective<ScopeMessageId, ScopeOptions>({
  meta: {
    number: 1,
    id: 'scope',
    title: 'Scope',
    question: 'What are we testing?',
    description:
      'Inventories the repository (languages and lines, packages, modules, the public API, entry points such as bin ' +
      'commands, `__main__` modules, CLIs and HTTP routes, and what was left out), ranks public units as test targets ' +
      'by size, complexity, fan-in and whether any test reaches them, reports the untested ones with the code they ' +
      'point at, and writes smoke specs for the top untested units.',
    messages: MESSAGES,
    implemented: true
  },
  options: OPTIONS,
  analyse(context) {
    // Fixtures and test data are inputs of tests, not the product: counted as out of scope, never analysed.
    // The engine's product view keeps fixtures (type tests, test data) for this count.
    const fixture = (path: string) =>
      isTestSupportPath(path) || classOf(context.model.surface, path) === 'fixtures'
    const support = context.model.modules.filter((m) => fixture(m.path))
    const model = {
      ...context.model,
      modules: context.model.modules.filter((m) => !fixture(m.path)),
      facts: {
        ...context.model.facts,
        manifests: context.model.facts.manifests.filter((m) => !isTestSupportPath(m.path))
      }
    }
    const { options } = context
    const quote = createQuoter(context)
    const units: PublicUnit[] = []
    const unitsByModule = new Map<string, PublicUnit[]>()
    for (const module of model.modules) {
      const found = publicUnits(module)
      if (found.length > 0) unitsByModule.set(module.path, found)
      units.push(...found)
    }
    const unitByKey = new Map(units.map((u) => [unitKey(u.module, u.qualifiedName), u]))
    const reach = testReach(model)
    const importers = importersOf(model)
    const inventory = buildInventory(model, unitsByModule, support)
    const entryPoints = findEntryPoints(model, inventory.packageEntries)
    // The shared answer to "do tests run this?": the coverage report where it is fresh, else the estimate.
    const facts = reachFacts(context.model)
    const moduleByPath = new Map(model.modules.map((m) => [m.path, m]))
    const measuredOf = (unit: PublicUnit) => {
      const module = moduleByPath.get(unit.module)
      return module ? measuredUnitReach(facts, module, unit) : undefined
    }
    const targets = rankTargets(units, importers, reach, measuredOf)
    const found = buildFindings({
      model,
      inventory,
      targets,
      unitByKey,
      reach,
      facts,
      importers,
      entryPoints,
      quote,
      options
    })
    // Each kind comes ranked by its own score (a target's rank, complexity, size): the cap keeps the first.
    const { kept, perKind } = finishFindings(
      found.map((draft) => ({ draft })),
      Object.keys(MESSAGES) as ScopeMessageId[],
      { maxPerKind: options.maxFindingsPerKind, keepOrder: true }
    )
    const findings = kept.map((f) => f.draft)
    const severityByUnit = new Map<string, Severity>()
    for (const f of findings) {
      if (f.messageId === 'untestedPublicUnit' && 'file' in f.evidence && f.symbol) {
        severityByUnit.set(unitKey(f.evidence.file, f.symbol), f.severity)
      }
    }
    const specs = buildSpecs({
      model,
      targets,
      unitByKey,
      severityByUnit,
      commandFunctions: commandFunctions(entryPoints, inventory.packageEntries),
      maxSpecs: options.maxSpecs
    })
    const surface = summariseSurface(context.model.surface)
    const untestedTargets = targets.filter((t) => t.reach !== 'referenced').length
    const untestedModules = model.modules.filter(
      (m) => !m.isTest && !reach.importedBy.has(m.path)
    ).length
    return {
      findings,
      specs,
      metrics: {
        files: inventory.totals.files,
        lines: inventory.totals.lines,
        sourceFiles: inventory.totals.sourceFiles,
        sourceLines: inventory.totals.sourceLines,
        testFiles: inventory.totals.testFiles,
        testLines: inventory.totals.testLines,
        languages: inventory.languages.length,
        packages: inventory.packages.length,
        modules: inventory.totals.sourceFiles,
        publicSymbols: units.length,
        publicFunctions: units.filter((u) => u.kind === 'function').length,
        publicClasses: units.filter((u) => u.kind === 'class').length,
        entryPoints: entryPoints.length,
        httpRoutes: entryPoints.filter((e) => e.kind === 'http-route').length,
        untestedPublicSymbols: untestedTargets,
        untestedModules,
        skippedFiles: inventory.outOfScope.skipped.reduce((n, s) => n + s.count, 0),
        ...perKindMetrics(perKind)
      },
      details: {
        inventory: {
          totals: inventory.totals,
          languages: inventory.languages,
          packages: inventory.packages,
          modules: inventory.modules,
          modulesListed: inventory.modulesListed
        },
        publicApi: { modules: inventory.publicApi, packageEntries: inventory.packageEntries },
        entryPoints: entryPoints.slice(0, MAX_ENTRY_POINTS_LISTED).map((e) => ({
          kind: e.kind,
          name: e.name,
          file: e.file,
          line: e.loc?.startLine ?? null,
          via: e.via,
          method: e.method ?? null,
          path: e.path ?? null
        })),
        entryPointsTotal: entryPoints.length,
        outOfScope: inventory.outOfScope,
        ...(surface ? { surface } : {}),
        targets: targets.slice(0, options.maxTargets),
        targetsTotal: targets.length,
        options
      },
      report: buildReport({
        inventory,
        targets,
        entryPoints,
        untestedTargets,
        surface: surfaceSection(surface)
      }),
      risk: scopeRisk(targets)
    }
  }
})
