// The internal module graph from resolved imports: fan-in, fan-out and import cycles (strongly
// connected components of two or more modules, found with Tarjan's algorithm run iteratively so a
// long import chain cannot overflow the stack). Left out because they do not run, or cannot fail, while
// the modules load: type-only imports (`import type`, and imports of names the target exports only as
// types: tsc removes them), imports inside functions, and a Python submodule importing its own package
// when the package has bound what it takes before it imports the submodule (see packageEdgeSafe).
import type { ImportDecl, ModuleModel } from '../../src/model/types.js'

export interface ModuleGraph {
  nodes: string[]
  /** Module -> the modules it imports (sorted, no duplicates). */
  out: Map<string, string[]>
  fanIn: Map<string, number>
  /** Each cycle's modules, sorted; cycles sorted by their first module. */
  cycles: string[][]
  edges: number
  /** The modules each import loads while its module loads (absent: none). */
  loads: Map<ImportDecl, string[]>
}

export function buildModuleGraph(modules: ModuleModel[]): ModuleGraph {
  const nodes = modules.map((m) => m.path).sort()
  const known = new Set(nodes)
  const byPath = new Map(modules.map((m) => [m.path, m]))
  const out = new Map<string, Set<string>>()
  const loads = new Map<ImportDecl, string[]>()
  const pending: { module: ModuleModel; decl: ImportDecl; init: ModuleModel; names: string[] }[] =
    []
  for (const module of modules) {
    const targets = new Set<string>()
    out.set(module.path, targets)
    for (const decl of module.imports) {
      if (
        !decl.resolved ||
        decl.typeOnly ||
        decl.resolved === module.path ||
        !known.has(decl.resolved)
      )
        continue
      if (notAtLoad(module, decl) || onlyTypes(decl, byPath)) continue
      const init = ownPackage(module, decl, byPath)
      if (init) {
        // The package is already loading when its submodule runs: what can fail is a name it binds later.
        const subs = decl.names.flatMap((n) => submodulesOf(decl, [n], known) ?? [])
        const names = decl.names.filter((n) => !submodulesOf(decl, [n], known))
        const bound = names.map((n) => n.imported).filter((n) => n !== '*')
        for (const s of subs) targets.add(s)
        loads.set(decl, subs)
        if (names.some((n) => n.imported === '*' && !usedOnlyInFunctions(module, n.local)))
          pending.push({ module, decl, init, names: [] })
        else if (bound.length > 0) pending.push({ module, decl, init, names: bound })
        continue
      }
      const submodules = submodulesOf(decl, decl.names, known)
      const found = submodules ?? [decl.resolved]
      for (const t of found) targets.add(t)
      loads.set(decl, found)
    }
    targets.delete(module.path)
  }
  for (const p of pending) {
    if (packageEdgeSafe(p.init, p.module.path, p.names, out, loads)) continue
    out.get(p.module.path)?.add(p.init.path)
    loads.set(p.decl, [...(loads.get(p.decl) ?? []), p.init.path])
  }
  const sortedOut = new Map<string, string[]>()
  const fanIn = new Map<string, number>(nodes.map((n) => [n, 0]))
  let edges = 0
  for (const [path, targets] of out) {
    targets.delete(path)
    const sorted = [...targets].sort()
    sortedOut.set(path, sorted)
    edges += sorted.length
    for (const t of sorted) fanIn.set(t, (fanIn.get(t) ?? 0) + 1)
  }
  return {
    nodes,
    out: sortedOut,
    fanIn,
    cycles: stronglyConnected(nodes, sortedOut).filter((c) => c.length > 1),
    edges,
    loads
  }
}

/**
 * A TypeScript import whose every name the target exports only as a type (`import { Options } from
 * './types.js'` of an interface or type alias): the compiler removes it, so nothing loads at run time.
 */
function onlyTypes(decl: ImportDecl, byPath: ReadonlyMap<string, ModuleModel>): boolean {
  const target = decl.resolved ? byPath.get(decl.resolved) : undefined
  if (decl.kind !== 'esm' || !target || decl.names.length === 0) return false
  return decl.names.every(
    (n) =>
      n.imported !== '*' &&
      n.imported !== 'default' &&
      target.exports.some((e) => e.name === n.imported) &&
      target.exports.filter((e) => e.name === n.imported).every((e) => e.kind === 'type')
  )
}

/** A Python module's import of the package it belongs to (`import pkg`, `from pkg import x` in pkg/sub.py). */
function ownPackage(
  module: ModuleModel,
  decl: ImportDecl,
  byPath: ReadonlyMap<string, ModuleModel>
): ModuleModel | undefined {
  if (decl.kind !== 'python' || !decl.resolved?.endsWith('__init__.py')) return undefined
  const dir = decl.resolved.slice(0, -'__init__.py'.length)
  return module.path.startsWith(dir) ? byPath.get(decl.resolved) : undefined
}

/** Every use of `name` in the module sits inside a function: nothing reads it while the module loads. */
function usedOnlyInFunctions(module: ModuleModel, name: string): boolean {
  const lines = module.nameUseLines?.[name]
  if (!lines) return false
  return lines.every((line) =>
    module.functions.some((f) => f.loc.startLine < line && f.loc.endLine >= line)
  )
}

/**
 * A submodule importing its own package always finds the package loading already (Python imports the
 * parent first), so `from pkg import x` works when `pkg/__init__.py` binds x before its first import
 * that leads, through load-time imports, to the submodule. `names` empty: the package itself is read
 * while the submodule loads (`pkg.X` at module level), which that line alone cannot show safe.
 */
function packageEdgeSafe(
  init: ModuleModel,
  submodule: string,
  names: readonly string[],
  out: ReadonlyMap<string, ReadonlySet<string>>,
  loads: ReadonlyMap<ImportDecl, string[]>
): boolean {
  if (names.length === 0) return false
  const reaches = (from: string): boolean => {
    const seen = new Set([from])
    const stack = [from]
    while (stack.length > 0) {
      const at = stack.pop() as string
      if (at === submodule) return true
      for (const next of out.get(at) ?? []) {
        if (seen.has(next)) continue
        seen.add(next)
        stack.push(next)
      }
    }
    return false
  }
  const first = init.imports
    .filter((d) => (loads.get(d) ?? []).some(reaches))
    .sort((a, b) => a.loc.startLine - b.loc.startLine)[0]
  if (!first) return true
  return names.every((n) => {
    const line = boundAt(init, n)
    return line !== undefined && line < first.loc.startLine
  })
}

/** The first line at which a module binds `name` at its top level (def, class, assignment or import). */
function boundAt(module: ModuleModel, name: string): number | undefined {
  const lines = [
    ...module.functions.filter((f) => f.qualifiedName === name).map((f) => f.loc.startLine),
    ...module.classes.filter((c) => c.qualifiedName === name).map((c) => c.loc.startLine),
    ...module.variables.filter((v) => v.name === name).map((v) => v.loc.startLine),
    ...module.imports
      .filter((d) => d.names.some((n) => n.local === name))
      .map((d) => d.loc.startLine)
  ]
  return lines.length > 0 ? Math.min(...lines) : undefined
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
function submodulesOf(
  decl: ImportDecl,
  names: ImportDecl['names'],
  known: ReadonlySet<string>
): string[] | undefined {
  if (decl.kind !== 'python' || !decl.resolved?.endsWith('__init__.py') || names.length === 0)
    return undefined
  const dir = decl.resolved.slice(0, -'__init__.py'.length)
  const found: string[] = []
  for (const n of names) {
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
export function cycleImport(
  graph: ModuleGraph,
  module: ModuleModel,
  cycle: readonly string[]
): ImportDecl | undefined {
  const known = new Set(cycle)
  return module.imports.find((d) =>
    (graph.loads.get(d) ?? []).some((t) => t !== module.path && known.has(t))
  )
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
