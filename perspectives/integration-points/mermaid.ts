// The integration map as a Mermaid flowchart: modules (the top ones by number of points) on the left,
// the systems they reach grouped by kind on the right, edges labelled with call sites. Node ids are
// generated (`m0`, `s3`) and labels are escaped with Mermaid entity codes, so no repository text can
// break the diagram's syntax.
import { KIND_LABEL, KINDS, type PointKind } from './catalogue.js'
import type { IntegrationPoint } from './detect.js'
import type { Route } from '../shared/routes.js'

export interface MapEdge {
  module: string
  kind: PointKind
  /** What the map draws: a package, `fetch`, or for env/clock/routes one node per kind or framework. */
  system: string
  count: number
}

/** Characters kept as written in a label; everything else becomes `#code;`. */
const SAFE = /[A-Za-z0-9 _./@:,+=-]/

export function mermaidLabel(text: string): string {
  let out = ''
  for (const ch of text) out += SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`
  return out
}

/** An identifier Mermaid accepts: letters, digits and underscores, never a keyword. */
export function mermaidId(prefix: string, text: string): string {
  return `${prefix}_${text.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`
}

/** Edges of the map: one per module and drawn system, env and clock folded into one node per kind. */
export function mapEdges(points: IntegrationPoint[], routes: Route[]): MapEdge[] {
  const edges = new Map<string, MapEdge>()
  const add = (module: string, kind: PointKind, system: string, count: number): void => {
    const key = `${module}|${kind}|${system}`
    const edge = edges.get(key)
    if (edge) edge.count += count
    else edges.set(key, { module, kind, system, count })
  }
  const served = new Set(routes.map((r) => r.module))
  for (const p of points) {
    // A server module with routes is drawn by its routes.
    if (p.kind === 'http-server' && served.has(p.module)) continue
    if (p.kind === 'env') add(p.module, 'env', 'environment', 1)
    else if (p.kind === 'clock') add(p.module, 'clock', 'clock', p.sites.length)
    else add(p.module, p.kind, p.system, p.sites.length)
  }
  for (const r of routes) add(r.module, 'http-server', `${r.via.split(' ')[0]} routes`, 1)
  return [...edges.values()]
}

export function buildMermaid(
  edges: MapEdge[],
  maxModules: number
): { diagram: string; modulesShown: number; modulesTotal: number } {
  const weight = new Map<string, number>()
  for (const e of edges) weight.set(e.module, (weight.get(e.module) ?? 0) + e.count)
  const modules = [...weight.keys()].sort(
    (a, b) => (weight.get(b) as number) - (weight.get(a) as number) || a.localeCompare(b)
  )
  const shown = modules.slice(0, maxModules)
  const shownSet = new Set(shown)
  const visible = edges.filter((e) => shownSet.has(e.module))
  const lines = ['flowchart LR']
  const moduleId = new Map(shown.map((m, i) => [m, `m${i}`]))
  for (const m of shown) lines.push(`  ${moduleId.get(m)}["${mermaidLabel(m)}"]`)
  const systemId = new Map<string, string>()
  for (const kind of KINDS) {
    const systems = [...new Set(visible.filter((e) => e.kind === kind).map((e) => e.system))].sort()
    if (systems.length === 0) continue
    lines.push(`  subgraph ${mermaidId('k', kind)}["${mermaidLabel(KIND_LABEL[kind])}"]`)
    for (const s of systems) {
      const id = `s${systemId.size}`
      systemId.set(`${kind}|${s}`, id)
      lines.push(`    ${id}["${mermaidLabel(s)}"]`)
    }
    lines.push('  end')
  }
  for (const e of [...visible].sort(
    (a, b) =>
      shown.indexOf(a.module) - shown.indexOf(b.module) ||
      KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
      a.system.localeCompare(b.system)
  )) {
    lines.push(
      `  ${moduleId.get(e.module)} -->|${e.count}| ${systemId.get(`${e.kind}|${e.system}`)}`
    )
  }
  if (modules.length > shown.length) {
    const hidden = modules.slice(shown.length)
    const points = hidden.reduce((n, m) => n + (weight.get(m) as number), 0)
    lines.push(
      `  more["${mermaidLabel(`…and ${hidden.length} more modules with ${points} call sites`)}"]`
    )
  }
  return { diagram: lines.join('\n'), modulesShown: shown.length, modulesTotal: modules.length }
}
