// Perspective 3: Integration points. Where do systems connect? Maps every place the code meets
// another system (HTTP clients and servers, databases, caches, queues, cloud SDKs, the file system,
// child processes, environment variables, timers) and the internal module graph, reports the risky
// ones and writes contract specs per point. How it decides is documented in README.md.
import type { ModuleModel } from '../../src/model/types.js'
import { definePerspective } from '../define.js'
import { createQuoter } from '../shared/evidence.js'
import { mentionedInTests, testReach } from '../shared/reach.js'
import { reachFacts } from '../shared/test-reach.js'
import { isTestSupportPath } from '../shared/support-files.js'
import { isDeclarationFile } from '../shared/units.js'
import type { Metrics } from '../types.js'
import { KINDS } from './catalogue.js'
import { detectPoints, type IntegrationPoint, localPythonPackages } from './detect.js'
import { envReadsOf, type EnvRead } from './env.js'
import {
  type FindingInput,
  envWithoutDefaults,
  httpWithoutTimeout,
  importCycles,
  untestedIntegrations,
  untestedRoutes
} from './findings.js'
import { MESSAGES, type IntegrationMessageId } from './messages.js'
import { buildModuleGraph } from './module-graph.js'
import { type IntegrationOptions, OPTIONS } from './options.js'
import { buildReport } from './report.js'
import { literalPrefix, routesOf, type Route } from '../shared/routes.js'
import { buildSpecs } from './specs.js'
import { bySeverityThenPlace, finishFindings, perKindMetrics } from '../kit/index.js'

export type { IntegrationOptions } from './options.js'

/** Product modules: not tests, not fixtures or mocks, not type declarations. */
function productModules(modules: ModuleModel[]): ModuleModel[] {
  return modules.filter(
    (m) => !m.isTest && !isTestSupportPath(m.path) && !isDeclarationFile(m.path)
  )
}

function envPoints(reads: EnvRead[], modules: Map<string, ModuleModel>): IntegrationPoint[] {
  const points = new Map<string, IntegrationPoint>()
  for (const r of reads) {
    const key = `${r.module}|${r.name}`
    let point = points.get(key)
    if (!point) {
      point = {
        kind: 'env',
        system: r.name,
        module: r.module,
        language: modules.get(r.module)?.language ?? 'other',
        sites: []
      }
      points.set(key, point)
    }
    point.sites.push({
      loc: r.loc,
      callee: r.via,
      operation: `${r.via} ${r.name}`,
      ...(r.enclosing ? { enclosing: r.enclosing } : {})
    })
  }
  return [...points.values()]
}

export default definePerspective<IntegrationMessageId, IntegrationOptions>({
  meta: {
    number: 3,
    id: 'integration-points',
    title: 'Integration points',
    question: 'Where do systems connect?',
    description:
      'Maps every place the code meets another system, from its imports and calls: HTTP clients (fetch, axios, got, undici, node ' +
      'http, requests, httpx, aiohttp, urllib) and servers with their routes (express, koa, fastify, hono, Next.js API routes, ' +
      'Flask, FastAPI, Django urls), databases and ORMs, caches, queues, cloud and third-party SDKs, the file system, child ' +
      'processes, environment variables by name, and timers and the clock; plus the internal module graph (fan-in, fan-out, ' +
      'import cycles). Reports points no test reaches, routes without a test, import cycles, variables read without a fallback ' +
      'or check and HTTP calls without a timeout; draws the integration map as a Mermaid diagram and writes contract specs per ' +
      'point with the isolation it needs (HTTP interception, test clients, temp folders, a fake executable, a real database in CI).',
    messages: MESSAGES,
    implemented: true
  },
  options: OPTIONS,
  analyse(context) {
    const { options } = context
    const product = productModules(context.model.modules)
    const modules = new Map(product.map((m) => [m.path, m]))
    const quote = createQuoter(context)
    const env: EnvRead[] = product.flatMap((m) => envReadsOf(m, quote))
    const localPackages = localPythonPackages(context.model.modules)
    const points: IntegrationPoint[] = [
      ...product.flatMap((m) => detectPoints(m, localPackages)),
      ...envPoints(env, modules)
    ]
    const routes: Route[] = product.flatMap(routesOf)
    const graph = buildModuleGraph(product)
    const reach = testReach(context.model)
    const input: FindingInput = {
      modules,
      points,
      routes,
      env,
      graph,
      reach,
      facts: reachFacts(context.model),
      quote
    }
    const drafts = [
      ...untestedIntegrations(input),
      ...untestedRoutes(input),
      ...importCycles(input),
      ...envWithoutDefaults(input),
      ...httpWithoutTimeout(input)
    ]
    // The most severe first, then by file and line; at most maxFindingsPerKind of each kind.
    const finished = finishFindings(
      drafts.map((draft) => ({ draft })),
      Object.keys(MESSAGES) as IntegrationMessageId[],
      { maxPerKind: options.maxFindingsPerKind, rank: bySeverityThenPlace }
    )
    const kept = finished.kept.map((f) => f.draft)
    const totals = finished.perKind
    const specs = buildSpecs({
      modules,
      points,
      routes,
      env,
      findings: kept,
      maxSpecs: options.maxSpecs,
      manifests: context.model.facts.manifests
    })
    const untestedModules = new Set(
      [...points.map((p) => p.module), ...routes.map((r) => r.module)].filter(
        (m) => !reach.importedBy.has(m)
      )
    )
    const testedRoutes = new Set(
      routes.filter(
        (r) =>
          reach.importedBy.has(r.module) ||
          (literalPrefix(r.path).length > 1 &&
            mentionedInTests(reach, literalPrefix(r.path)) !== undefined)
      )
    )
    const metrics: Metrics = {
      modules: product.length,
      modulesWithPoints: new Set([...points.map((p) => p.module), ...routes.map((r) => r.module)])
        .size,
      points: points.length,
      callSites: points.reduce((n, p) => n + p.sites.length, 0),
      routes: routes.length,
      untestedRoutes: routes.length - testedRoutes.size,
      envVariables: new Set(env.filter((r) => r.name !== '*').map((r) => r.name)).size,
      graphEdges: graph.edges,
      importCycles: graph.cycles.length,
      maxFanIn: Math.max(0, ...graph.fanIn.values()),
      maxFanOut: Math.max(0, ...[...graph.out.values()].map((t) => t.length))
    }
    for (const kind of KINDS)
      metrics[`points.${kind}`] = points.filter((p) => p.kind === kind).length
    Object.assign(metrics, perKindMetrics(totals))
    return {
      findings: kept,
      specs,
      metrics,
      details: {
        points: points.slice(0, options.maxDetails).map((p) => ({
          kind: p.kind,
          system: p.system,
          module: p.module,
          sites: p.sites.length,
          lines: [...new Set(p.sites.map((s) => s.loc.startLine))]
            .sort((a, b) => a - b)
            .slice(0, 20),
          operations: [...new Set(p.sites.map((s) => s.operation))].sort().slice(0, 10),
          tested: reach.importedBy.has(p.module)
        })),
        pointsTotal: points.length,
        routes: routes.slice(0, options.maxDetails).map((r) => ({
          method: r.method,
          path: r.path,
          module: r.module,
          line: r.loc.startLine,
          via: r.via,
          handler: r.handler ?? null,
          tested: testedRoutes.has(r)
        })),
        env: env.slice(0, options.maxDetails).map((r) => ({
          name: r.name,
          module: r.module,
          line: r.loc.startLine,
          via: r.via,
          hasDefault: r.hasDefault,
          validated: r.validated
        })),
        graph: {
          modules: graph.nodes.length,
          edges: graph.edges,
          cycles: graph.cycles.slice(0, options.maxDetails),
          fanIn: [...graph.fanIn]
            .filter(([, n]) => n > 0)
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .slice(0, 20),
          fanOut: [...graph.out]
            .map(([m, t]) => [m, t.length] as const)
            .filter(([, n]) => n > 0)
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .slice(0, 20)
        },
        findingsPerMessage: totals,
        options
      },
      report: buildReport({
        modules: product.length,
        points,
        routes,
        env,
        graph,
        untestedModules,
        testedRoutes,
        maxMapModules: options.maxMapModules
      })
    }
  }
})
