// The internal module graph from resolved imports: fan-in, fan-out and import cycles (strongly
// connected components of two or more modules, found with Tarjan's algorithm run iteratively so a
// long import chain cannot overflow the stack). Type-only imports are left out (they vanish at run
// time), and so are imports inside functions (they run later, once every module has loaded).
import type { ImportDecl, ModuleModel } from '../../src/model/types.js'

export interface ModuleGraph {
  nodes: string[]
  /** Module -> the modules it imports (sorted, no duplicates). */
  out: Map<string, string[]>
  fanIn: Map<string, number>
  /** Each cycle's modules, sorted; cycles sorted by their first module. */
  cycles: string[][]
  edges: number
}

export function buildModuleGraph(modules: ModuleModel[]): ModuleGraph {
  const nodes = modules.map((m) => m.path).sort()
  const known = new Set(nodes)
  const out = new Map<string, string[]>()
  const fanIn = new Map<string, number>(nodes.map((n) => [n, 0]))
  let edges = 0
  for (const module of modules) {
    const targets = new Set<string>()
    for (const decl of module.imports) {
      if (
        !decl.resolved ||
        decl.typeOnly ||
        decl.resolved === module.path ||
        !known.has(decl.resolved)
      )
        continue
      if (notAtLoad(module, decl)) continue
      const submodules = submodulesOf(decl, known)
      if (submodules) for (const s of submodules) targets.add(s)
      else targets.add(decl.resolved)
    }
    targets.delete(module.path)
    const sorted = [...targets].sort()
    out.set(module.path, sorted)
    edges += sorted.length
    for (const t of sorted) fanIn.set(t, (fanIn.get(t) ?? 0) + 1)
  }
  return {
    nodes,
    out,
    fanIn,
    cycles: stronglyConnected(nodes, out).filter((c) => c.length > 1),
    edges
  }
}

/**
 * Imports that do not run while the modules load: inside a function (they run when it is called) or
 * under `if TYPE_CHECKING` / `if t.TYPE_CHECKING` (never at run time).
 */
function notAtLoad(module: ModuleModel, decl: ImportDecl): boolean {
  const inside = (loc: { startLine: number; endLine: number }): boolean =>
    loc.startLine < decl.loc.startLine && loc.endLine >= decl.loc.endLine
  if (module.functions.some((f) => inside(f.loc))) return true
  if (module.language !== 'python' || decl.loc.startColumn === 1) return false
  // The model locates an if by its condition, so the block is the indented imports that follow it.
  const guard = module.conditions
    .filter((c) => c.kind === 'if' && c.loc.startLine < decl.loc.startLine)
    .sort((a, b) => b.loc.startLine - a.loc.startLine)[0]
  return guard !== undefined && guard.text.endsWith('TYPE_CHECKING')
}

/**
 * Python `from . import cli` names submodules: it loads `cli.py`, and the package `__init__.py` is
 * already being loaded, so the edge goes to the submodules, not back to `__init__.py`.
 */
function submodulesOf(decl: ImportDecl, known: ReadonlySet<string>): string[] | undefined {
  if (decl.kind !== 'python' || !decl.resolved?.endsWith('__init__.py') || decl.names.length === 0)
    return undefined
  const dir = decl.resolved.slice(0, -'__init__.py'.length)
  const found: string[] = []
  for (const n of decl.names) {
    const candidate = [`${dir}${n.imported}.py`, `${dir}${n.imported}/__init__.py`].find((c) =>
      known.has(c)
    )
    if (!candidate) return undefined
    found.push(candidate)
  }
  return found
}

/** Tarjan's SCC with an explicit stack of (node, next edge index) frames. */
export function stronglyConnected(nodes: string[], out: Map<string, string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const result: string[][] = []
  let counter = 0
  for (const start of nodes) {
    if (index.has(start)) continue
    const frames: { node: string; edge: number }[] = [{ node: start, edge: 0 }]
    index.set(start, counter)
    low.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]
      const targets = out.get(frame.node) ?? []
      if (frame.edge < targets.length) {
        const next = targets[frame.edge++]
        if (!index.has(next)) {
          index.set(next, counter)
          low.set(next, counter++)
          stack.push(next)
          onStack.add(next)
          frames.push({ node: next, edge: 0 })
        } else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(next) as number))
        }
        continue
      }
      frames.pop()
      if (frames.length > 0) {
        const parent = frames[frames.length - 1].node
        low.set(parent, Math.min(low.get(parent) as number, low.get(frame.node) as number))
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = []
        let member: string
        do {
          member = stack.pop() as string
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.node)
        result.push(component.sort())
      }
    }
  }
  return result.sort((a, b) => a[0].localeCompare(b[0]))
}

/** The import in `module` that points at another member of its cycle: evidence for the cycle. */
export function cycleImport(module: ModuleModel, cycle: readonly string[]): ImportDecl | undefined {
  const known = new Set(cycle)
  return module.imports.find((d) => {
    if (!d.resolved || d.typeOnly || d.resolved === module.path) return false
    if (notAtLoad(module, d)) return false
    return (submodulesOf(d, known) ?? [d.resolved]).some((t) => t !== module.path && known.has(t))
  })
}

/** One path around the cycle from its first module (for the message): a -> b -> a. */
export function cyclePath(graph: ModuleGraph, cycle: readonly string[]): string[] {
  const members = new Set(cycle)
  const start = cycle[0]
  // Breadth-first search for the shortest way back to start within the component.
  const previous = new Map<string, string>()
  const queue = [start]
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]
    for (const next of graph.out.get(node) ?? []) {
      if (!members.has(next)) continue
      if (next === start) {
        const path = [start]
        for (
          let at: string | undefined = node;
          at !== undefined && at !== start;
          at = previous.get(at)
        )
          path.splice(1, 0, at)
        return [...path, start]
      }
      if (!previous.has(next) && next !== start) {
        previous.set(next, node)
        queue.push(next)
      }
    }
  }
  return [...cycle, start]
}
