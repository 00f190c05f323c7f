// The integration-points section of the summary: points per kind, the map (Mermaid), routes,
// environment variables and the module graph. Pure; repository text is escaped.
import { codeCell, escapeInline, moreNote, num, table } from '../shared/markdown.js'
import { plural } from '../shared/text.js'
import { KIND_LABEL, KINDS } from './catalogue.js'
import type { IntegrationPoint } from './detect.js'
import type { EnvRead } from './env.js'
import { buildMermaid, mapEdges } from './mermaid.js'
import type { ModuleGraph } from './module-graph.js'
import type { Route } from '../shared/routes.js'

const REPORT_ROUTES = 20
const REPORT_ENV = 30
const REPORT_CYCLES = 10
const REPORT_HUBS = 5

export interface ReportInput {
  modules: number
  points: IntegrationPoint[]
  routes: Route[]
  env: EnvRead[]
  graph: ModuleGraph
  untestedModules: Set<string>
  testedRoutes: Set<Route>
  maxMapModules: number
}

export function buildReport(input: ReportInput): string {
  const { points, routes, env, graph } = input
  if (input.modules === 0)
    return 'The repository has no analysed source modules, so there are no integration points to map.'
  const parts: string[] = []
  const pointModules = new Set([...points.map((p) => p.module), ...routes.map((r) => r.module)])
  if (points.length === 0 && routes.length === 0) {
    parts.push(
      `No integration points found in ${plural(input.modules, 'module')}: no imports or calls of HTTP clients or servers, databases, caches, ` +
        'queues, cloud SDKs, the file system, child processes, environment variables or timers.'
    )
  } else {
    const variables = new Set(env.filter((r) => r.name !== '*').map((r) => r.name))
    parts.push(
      `**${plural(pointModules.size, 'module')}** of ${input.modules} reach other systems; **${plural(routes.length, 'HTTP route')}**, ` +
        `**${plural(variables.size, 'environment variable')}** read by name.`
    )
    const rows = KINDS.map((kind) => {
      const ofKind = points.filter((p) => p.kind === kind)
      const modules = new Set(ofKind.map((p) => p.module))
      if (kind === 'http-server') for (const r of routes) modules.add(r.module)
      const sites =
        ofKind.reduce((n, p) => n + p.sites.length, 0) +
        (kind === 'http-server' ? routes.length : 0)
      const untested = [...modules].filter((m) => input.untestedModules.has(m)).length
      // A computed variable name (`process.env[key]`) is counted, not listed.
      const systems = [...new Set(ofKind.map((p) => p.system))].filter((x) => x !== '*').sort()
      return { kind, modules: modules.size, sites, untested, systems }
    }).filter((r) => r.modules > 0)
    parts.push(
      '#### Points by kind\n\n' +
        table(
          ['Kind', 'Modules', 'Sites', 'Modules no test imports', 'Systems'],
          rows.map((r) => [
            escapeInline(KIND_LABEL[r.kind]),
            num(r.modules),
            num(r.sites),
            num(r.untested),
            r.systems.length > 8
              ? `${r.systems.slice(0, 8).map(codeCell).join(', ')} and ${r.systems.length - 8} more`
              : r.systems.map(codeCell).join(', ') || '—'
          ]),
          ['left', 'right', 'right', 'right', 'left']
        )
    )
    const map = buildMermaid(mapEdges(points, routes), input.maxMapModules)
    parts.push(
      '#### Integration map\n\n' +
        `Modules (left) and the systems they reach (right), by kind; edges count call sites (variables for the environment, routes for servers)` +
        `${map.modulesTotal > map.modulesShown ? `; the ${map.modulesShown} modules with the most points of ${map.modulesTotal}` : ''}.\n\n` +
        '```mermaid\n' +
        map.diagram +
        '\n```'
    )
  }
  if (routes.length > 0) {
    const rows = routes
      .slice(0, REPORT_ROUTES)
      .map((r) => [
        codeCell(`${r.method} ${r.path}`),
        codeCell(`${r.module}:${r.loc.startLine}`),
        escapeInline(r.via),
        input.testedRoutes.has(r) ? 'yes' : '**no**'
      ])
    parts.push(
      '#### HTTP routes\n\n' +
        table(['Route', 'Where', 'Seen as', 'Tested'], rows) +
        moreNote(rows.length, routes.length, 'routes')
    )
  }
  const named = env.filter((r) => r.name !== '*')
  if (named.length > 0) {
    const byName = new Map<string, EnvRead[]>()
    for (const r of named) byName.set(r.name, [...(byName.get(r.name) ?? []), r])
    const names = [...byName.keys()].sort()
    const rows = names.slice(0, REPORT_ENV).map((name) => {
      const reads = byName.get(name) as EnvRead[]
      const modules = [...new Set(reads.map((r) => r.module))]
      return [
        codeCell(name),
        `${modules
          .slice(0, 3)
          .map((m) => codeCell(m))
          .join(', ')}${modules.length > 3 ? ` and ${modules.length - 3} more` : ''}`,
        reads.every((r) => r.hasDefault)
          ? 'yes'
          : reads.some((r) => r.hasDefault)
            ? 'some reads'
            : 'no',
        reads.every((r) => r.validated || r.hasDefault) ? 'yes' : 'no'
      ]
    })
    parts.push(
      '#### Environment variables\n\n' +
        table(['Variable', 'Read in', 'Fallback', 'Fallback or check everywhere'], rows) +
        moreNote(rows.length, names.length, 'variables')
    )
  }
  if (graph.nodes.length > 1) {
    const lines = [
      `${plural(graph.nodes.length, 'module')}, ${plural(graph.edges, 'internal import')}, ${plural(graph.cycles.length, 'import cycle')}.`
    ]
    if (graph.cycles.length > 0) {
      lines.push(
        '',
        ...graph.cycles.slice(0, REPORT_CYCLES).map(
          (c) =>
            `- ${c.length} modules: ${c
              .slice(0, 6)
              .map((m) => codeCell(m))
              .join(', ')}${c.length > 6 ? ` and ${c.length - 6} more` : ''}`
        )
      )
      lines.push(
        moreNote(Math.min(REPORT_CYCLES, graph.cycles.length), graph.cycles.length, 'cycles').trim()
      )
    }
    const hubs = [...graph.fanIn]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, REPORT_HUBS)
    const fanOut = [...graph.out]
      .filter(([, t]) => t.length > 0)
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .slice(0, REPORT_HUBS)
    if (hubs.length > 0) {
      lines.push(
        '',
        table(
          ['Most imported (fan-in)', 'Importers', 'Most importing (fan-out)', 'Imports'],
          hubs.map((h, i) => [
            codeCell(h[0]),
            num(h[1]),
            fanOut[i] ? codeCell(fanOut[i][0]) : '—',
            fanOut[i] ? num(fanOut[i][1].length) : '—'
          ])
        )
      )
    }
    parts.push(
      '#### Module graph\n\n' +
        lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n')
    )
  }
  return parts.join('\n\n')
}
