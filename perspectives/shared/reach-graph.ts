// Which functions the tests can get to, following names from the test code on: everything a test file
// uses (its tests, fixtures, helpers), the top-level code of every module the tests load, and then,
// transitively, whatever a reached function uses. Names are matched without types (`x.get()` reaches
// every `get`), so the graph over-reaches: a function outside it has no path from any test, which is
// what a static "untested" claims. A method needs its class (or a subclass) named on the path as well as
// its own name, so `x.get()` reaches `get` only of classes the tests can have built. Aliases (`import f as g`, default imports, `export { f as g }`) map
// back to the defined name; a class reached runs its constructor and protocol methods; a function
// reached runs the functions nested in it.
import type { CodeModel, FunctionDecl, ModuleModel } from '../../src/model/types.js'

export interface ReachGraph {
  /** Whether a path of names leads from test code to the function. */
  reached(module: ModuleModel, fn: FunctionDecl): boolean
}

/** Methods that run without being named: construction, protocols, accessors. */
const IMPLICIT_METHOD = /^(__\w+__|constructor|toString|toJSON|valueOf|then|\[Symbol\..*\])$/
const WHOLE_IDENTIFIER = /^[A-Za-z_$][\w$]*$/

const cache = new WeakMap<CodeModel, ReachGraph>()

/**
 * `loaded`: modules tests import (their top-level code runs); `scripts`: modules tests run as commands
 * (their `if __name__ == "__main__":` block runs too).
 */
export function reachGraph(
  model: CodeModel,
  loaded: ReadonlySet<string>,
  scripts: ReadonlySet<string>
): ReachGraph {
  let graph = cache.get(model)
  if (!graph) cache.set(model, (graph = buildGraph(model, loaded, scripts)))
  return graph
}

interface Node {
  module: ModuleModel
  fn: FunctionDecl
}

function buildGraph(
  model: CodeModel,
  loaded: ReadonlySet<string>,
  scripts: ReadonlySet<string>
): ReachGraph {
  const byName = new Map<string, Node[]>()
  const basesOf = new Map<string, string[]>()
  const classMembers = new Map<string, Node[]>()
  const nested = new Map<FunctionDecl, FunctionDecl[]>()
  const usesOf = new Map<FunctionDecl, Set<string>>()
  const moduleUses = new Map<string, Set<string>>()
  const mainUses = new Map<string, Set<string>>()
  const aliases = new Map<string, Set<string>>()
  const byPath = new Map(model.modules.map((m) => [m.path, m]))
  const ownTops = topLevelNames(model)

  for (const module of model.modules) {
    const placed = placeUses(module, ownTops)
    moduleUses.set(module.path, placed.topLevel)
    mainUses.set(module.path, placed.main)
    for (const [fn, names] of placed.byFunction) usesOf.set(fn, names)
    if (module.isTest) continue
    for (const cls of module.classes)
      basesOf.set(cls.name, [
        ...(basesOf.get(cls.name) ?? []),
        ...cls.bases.map((b) => b.split('.').pop() ?? b)
      ])
    for (const fn of module.functions) {
      push(byName, fn.name, { module, fn })
      // A computed method name (`[kRun]() {}`) is called through the constant: `this[kRun]()`.
      const computed = /^\[([\w$.]+)\]$/.exec(fn.name)
      if (computed) push(byName, computed[1].split('.').pop() as string, { module, fn })
      if (fn.className && implicit(fn)) push(classMembers, fn.className, { module, fn })
      const inner = module.functions.filter((f) => f !== fn && contains(fn, f))
      if (inner.length > 0) nested.set(fn, inner)
    }
    for (const exp of module.exports)
      if (exp.local && exp.local !== exp.name) addAlias(aliases, exp.name, exp.local)
  }
  for (const module of model.modules) {
    for (const decl of module.imports) {
      const target = decl.resolved ? byPath.get(decl.resolved) : undefined
      for (const { imported, local } of decl.names) {
        if (imported !== '*' && imported !== 'default' && imported !== local)
          addAlias(aliases, local, imported)
        // A default import or a whole CommonJS binding names what the module exports as its default.
        const whole = imported === 'default' || (decl.kind === 'require' && imported === '*')
        if (whole && target) for (const name of defaultNames(target)) addAlias(aliases, local, name)
      }
    }
  }

  const reachedNames = new Set<string>()
  const reachedFns = new Set<FunctionDecl>()
  // Classes named on the path (or whose subclass is): their methods can run; the others wait.
  const live = new Set<string>()
  const waiting = new Map<string, FunctionDecl[]>()
  const queue: string[] = []
  const useName = (name: string): void => {
    if (reachedNames.has(name)) return
    reachedNames.add(name)
    queue.push(name)
  }
  const reach = (fn: FunctionDecl): void => {
    if (reachedFns.has(fn)) return
    reachedFns.add(fn)
    for (const name of usesOf.get(fn) ?? []) useName(name)
    for (const inner of nested.get(fn) ?? []) reach(inner)
  }
  for (const module of model.modules) {
    if (module.isTest) {
      for (const name of moduleUses.get(module.path) ?? []) useName(name)
      for (const fn of module.functions) for (const name of usesOf.get(fn) ?? []) useName(name)
    } else {
      if (loaded.has(module.path) || scripts.has(module.path))
        for (const name of moduleUses.get(module.path) ?? []) useName(name)
      if (scripts.has(module.path))
        for (const name of mainUses.get(module.path) ?? []) useName(name)
    }
  }
  const makeLive = (cls: string): void => {
    if (live.has(cls)) return
    live.add(cls)
    for (const fn of waiting.get(cls) ?? []) reach(fn)
    waiting.delete(cls)
    for (const node of classMembers.get(cls) ?? []) reach(node.fn)
    for (const base of basesOf.get(cls) ?? []) makeLive(base)
  }
  // A module no import loads is loaded some other way (an entry point, a plugin registry) that may
  // build its classes without naming them: their methods wait only for their own names.
  for (const module of model.modules)
    if (!module.isTest && !loaded.has(module.path) && !scripts.has(module.path))
      for (const cls of module.classes) makeLive(cls.name)
  while (queue.length > 0) {
    const name = queue.pop() as string
    for (const alias of aliases.get(name) ?? []) useName(alias)
    if (basesOf.has(name)) makeLive(name)
    for (const node of byName.get(name) ?? []) {
      const cls = node.fn.className
      if (!cls || live.has(cls) || !basesOf.has(cls)) reach(node.fn)
      else push(waiting, cls, node.fn)
    }
  }
  return { reached: (_module, fn) => reachedFns.has(fn) }
}

/** Each use of a name in the innermost function around it, or at the module's top level. */
function placeUses(
  module: ModuleModel,
  ownTops: ReadonlySet<string>
): {
  topLevel: Set<string>
  main: Set<string>
  byFunction: Map<FunctionDecl, Set<string>>
} {
  const topLevel = new Set<string>()
  const main = new Set<string>()
  // Top-level code from `if __name__ == "__main__":` on runs only when the module is run as a command.
  const mainLine =
    module.language === 'python'
      ? module.conditions.find((c) => !c.enclosing && c.kind === 'if' && isMainGuard(c.text))?.loc
          .startLine
      : undefined
  const byFunction = new Map<FunctionDecl, Set<string>>()
  const functions = [...module.functions].sort(
    (a, b) => a.loc.endLine - a.loc.startLine - (b.loc.endLine - b.loc.startLine)
  )
  const lineOwner = new Map<number, FunctionDecl | null>()
  const ownerOf = (line: number): FunctionDecl | null => {
    let owner = lineOwner.get(line)
    if (owner === undefined) {
      owner = functions.find((f) => f.loc.startLine <= line && line <= f.loc.endLine) ?? null
      lineOwner.set(line, owner)
    }
    return owner
  }
  const add = (name: string, owner: FunctionDecl | null, line: number): void => {
    if (!owner) {
      if (mainLine !== undefined && line >= mainLine) main.add(name)
      else topLevel.add(name)
      return
    }
    let set = byFunction.get(owner)
    if (!set) byFunction.set(owner, (set = new Set()))
    set.add(name)
  }
  // `class Sub(Base)` names Base without building one: Base comes alive with Sub (makeLive).
  const baseLines = new Map<string, Set<number>>()
  // A test's class is a root: its bases are built when it runs.
  for (const cls of module.isTest ? [] : module.classes)
    for (const base of cls.bases) {
      const name = base.split('.').pop() ?? base
      let lines = baseLines.get(name)
      if (!lines) baseLines.set(name, (lines = new Set()))
      lines.add(cls.loc.startLine)
    }
  const library = libraryBindings(module, ownTops)
  for (const [key, lines] of Object.entries(module.nameUseLines ?? {})) {
    // `json.dumps`, or `dumps` after `from pickle import dumps`: a library's function, not ours.
    const dot = key.lastIndexOf('.')
    if (library.has(dot > 0 ? key.slice(0, dot) : key)) continue
    const name = dot > 0 ? key.slice(dot + 1) : key
    for (const line of lines) if (!baseLines.get(name)?.has(line)) add(name, ownerOf(line), line)
  }
  // A string that is a name may be looked up by it (`getattr(obj, "visit_x")`, `obj[method]()`).
  const listed = new Set(module.all ?? [])
  for (const s of module.strings)
    if (WHOLE_IDENTIFIER.test(s.value) && !listed.has(s.value))
      add(s.value, ownerOf(s.loc.startLine), s.loc.startLine)
  return { topLevel, main, byFunction }
}

/** `__name__ == "__main__"` (either side, either quote): the condition text from the model. */
function isMainGuard(text: string): boolean {
  const compact = text.replace(/\s+/g, '').replace(/'/g, '"')
  return compact === '__name__=="__main__"' || compact === '"__main__"==__name__'
}

/** First path segments of the repository's modules (and under `src/`): a package importing itself. */
function topLevelNames(model: CodeModel): Set<string> {
  const out = new Set<string>()
  for (const m of model.modules) {
    const parts = m.path.split('/')
    const first = parts[0] === 'src' && parts.length > 1 ? parts[1] : parts[0]
    out.add(first.replace(/\.py$/, ''))
  }
  return out
}

/**
 * Local names bound to a library by an import that does not resolve into the repository (`import json`,
 * `const path = require('node:path')`), when the source is not relative and not one of our own packages.
 */
function libraryBindings(module: ModuleModel, ownTops: ReadonlySet<string>): Set<string> {
  const out = new Set<string>()
  for (const decl of module.imports) {
    if (decl.resolved || decl.source.startsWith('.') || decl.source.startsWith('/')) continue
    const top = decl.source.replace(/^node:/, '').split(/[./]/)[0]
    if (ownTops.has(top)) continue
    for (const { local } of decl.names) if (local && local !== '*') out.add(local)
  }
  return out
}

function implicit(fn: FunctionDecl): boolean {
  return (
    fn.kind === 'constructor' ||
    fn.kind === 'getter' ||
    fn.kind === 'setter' ||
    IMPLICIT_METHOD.test(fn.name)
  )
}

function contains(outer: FunctionDecl, inner: FunctionDecl): boolean {
  const o = outer.loc
  const i = inner.loc
  return (
    i.startLine >= o.startLine &&
    i.endLine <= o.endLine &&
    (i.startLine > o.startLine || i.endLine < o.endLine || i.startColumn > o.startColumn)
  )
}

/** The names a module's default export (or whole CommonJS export) is defined under. */
function defaultNames(module: ModuleModel): string[] {
  const out: string[] = []
  for (const exp of module.exports)
    if (exp.name === 'default' || exp.kind === 'default' || exp.kind === 'commonjs')
      out.push(exp.local ?? exp.name)
  for (const fn of module.functions) if (fn.name === 'default') out.push(fn.name)
  return out
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function addAlias(map: Map<string, Set<string>>, from: string, to: string): void {
  let set = map.get(from)
  if (!set) map.set(from, (set = new Set()))
  set.add(to)
}
