// Which functions the tests can get to, following names from the test code on: everything a test file
// uses (its tests, fixtures, helpers), the top-level code of every module the tests load, and then,
// transitively, whatever a reached function uses. Names are matched without full types (`x.get()` reaches
// every `get`), so the graph over-reaches: a function outside it has no path from any test, which is
// what a static "untested" claims. Three receivers narrow it: a bare name inside a function (`get()`)
// cannot call a method; `self.get()` / `this.get()` in a method of C calls a `get` of C's family (its
// bases, subclasses and their bases); and a method needs its class (or a subclass) named on the path as
// well as its own name, so `x.get()` reaches `get` only of classes the tests can have built (a class name
// several modules define is told apart by the module the use imports it from). Aliases
// (`import f as g`, default imports, `export { f as g }`) map back to the defined name; a class reached
// runs its constructor and protocol methods; a function reached runs the functions nested in it; a
// module loaded runs the accessors of the property descriptors its top level builds
// (`Object.defineProperties(o, { x: { get() {} } })`: the engine calls them when `x` is read).
import type { CodeModel, FunctionDecl, ModuleModel } from '../../src/model/types.js'
import { defaultNames, wholeBindings } from './default-bindings.js'
import { pythonBinding } from './python-bindings.js'
import { shadowedMethods } from './shadowed-methods.js'

export interface ReachGraph {
  /** Whether a path of names leads from test code to the function. */
  reached(module: ModuleModel, fn: FunctionDecl): boolean
  /** A base's method every subclass overrides, in a class nothing builds (shadowed-methods.ts). */
  shadowed(fn: FunctionDecl): boolean
  /** How a reached function was reached: the use and where it came from, back to a test (evidence). */
  why(fn: FunctionDecl): string | undefined
}

/**
 * A use: `any` reaches every function of the name; `bare` (a plain name inside a function) only
 * functions that are not methods; `self` only methods of the family of `cls`; `prefix` every function
 * whose name starts with it (`getattr(self, 'visit_%s' % kind)`).
 */
interface Use {
  kind: 'any' | 'bare' | 'self' | 'prefix' | 'typed' | 'members'
  name: string
  cls?: string
  /** `typed`: the classes whose method of the name the receiver can run (empty: none of ours). */
  classes?: readonly string[]
  /** `typed`: a JavaScript receiver, which may also hold functions outside classes (prototype methods). */
  js?: boolean
  /** The module the name is used in, for a class name several modules define (which one it names). */
  from?: string
  /** `bare`: read off a namespace import (`Formats.DATE_SHORT`), so a module's name, never a method. */
  member?: true
  /** `members`: an instance handed to a library, which may call any method of its family. */
  any?: true
  /** A string naming it (`getattr(x, "name")`), for the evidence only. */
  text?: true
  /** Python: the modules whose function of the name a bare name can be bound to (python-bindings.ts). */
  defs?: readonly string[]
  /**
   * A container's method name (`x.pop()`, `d.items()`) on a receiver of unknown type in library code: the
   * module it is used in. It reaches a class's method only in that module or one it imports.
   */
  near?: string
  /**
   * Python: a method name on a receiver of unknown type, in this library module. It reaches a class's method only
   * for the classes that module can hold (`receiverCandidates`): not every class with a method of the name.
   */
  among?: string
}
const useKey = (u: Use): string =>
  `${u.kind}:${u.cls ?? ''}:${u.classes?.join(',') ?? ''}:${u.js ? 'js' : ''}:${u.from ?? ''}:${u.any ? 'any' : ''}:${u.defs?.join(',') ?? ''}:${u.near ?? ''}:${u.among ?? ''}:${u.name}`

/**
 * Method names of the built-in containers and strings (JavaScript arrays, maps, sets; Python lists,
 * dicts, sets, str). Library code calls them on its own arrays and dicts far more often than on a class
 * of ours, so an untyped `x.pop()` there does not bring every class's `pop` to life.
 */
const CONTAINER_METHODS = new Set(
  (
    'pop push shift unshift splice slice concat indexOf includes forEach filter map reduce some every ' +
    'sort reverse keys values entries get set has delete clear add size append extend insert remove ' +
    'items update setdefault copy discard index count'
  ).split(' ')
)

/** A method declared for subclasses to fill: `@abstractmethod`, a body that only raises or is empty. */
function abstractMethod(fn: FunctionDecl): boolean {
  return (
    !!fn.raisesNotImplemented ||
    !!fn.emptyBody ||
    (fn.decorators ?? []).some((d) => /(^|\.)abstract(method|property)$/.test(d))
  )
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
  // A computed method name (`[kRun]() {}`) is called through the constant: `this[kRun]()`.
  const byComputed = new Map<string, Node[]>()
  const basesOf = new Map<string, string[]>()
  const descriptorAccessors: Node[] = []
  const classMembers = new Map<string, Node[]>()
  const methodsOf = new Map<string, string[]>()
  const nested = new Map<FunctionDecl, FunctionDecl[]>()
  const usesOf = new Map<FunctionDecl, Use[]>()
  const moduleUses = new Map<string, Use[]>()
  const mainUses = new Map<string, Use[]>()
  const aliases = new Map<string, Set<string>>()
  // The walk's aliases: named ones only. A default or whole CommonJS binding is followed only in the
  // module that made it (`wholeBindings`), never by its name anywhere.
  const walkAliases = new Map<string, Set<string>>()
  const byPath = new Map(model.modules.map((m) => [m.path, m]))
  const ownTops = topLevelNames(model)

  // Structural types: a value of any class with the methods fits (`class P(Protocol)`).
  const protocols = new Set<string>()
  for (const module of model.modules) {
    if (module.isTest) continue
    for (const cls of module.classes)
      if (cls.bases.some((b) => /(^|\.)Protocol(\[.*\])?$/.test(b.trim()))) protocols.add(cls.name)
    for (const cls of module.classes)
      basesOf.set(cls.name, [
        ...(basesOf.get(cls.name) ?? []),
        ...cls.bases.map((b) => b.split('.').pop() ?? b)
      ])
  }
  // A class name several modules define (boltons' two `OrderedMultiDict`s) is told apart by module:
  // using one (importing it, or in its own module) does not bring the other's methods to life.
  const classes = new ClassKeys(model)
  // Aliases and families are needed to read typed receivers, so they are gathered first.
  for (const module of model.modules) {
    for (const exp of module.isTest ? [] : module.exports)
      if (exp.local && exp.local !== exp.name) {
        addAlias(aliases, exp.name, exp.local)
        if (exp.name !== 'default') addAlias(walkAliases, exp.name, exp.local)
      }
    for (const decl of module.imports)
      for (const { imported, local } of decl.names)
        if (imported !== '*' && imported !== 'default' && imported !== local) {
          addAlias(aliases, local, imported)
          addAlias(walkAliases, local, imported)
        }
  }
  for (const module of model.modules)
    for (const decl of module.imports) {
      const target = decl.resolved ? byPath.get(decl.resolved) : undefined
      for (const { imported, local } of decl.names) {
        // A default import or a whole CommonJS binding names what the module exports as its default.
        const whole = imported === 'default' || (decl.kind === 'require' && imported === '*')
        if (whole && target) for (const name of defaultNames(target)) addAlias(aliases, local, name)
      }
    }
  const family = classFamilies(basesOf)
  const shadowed = shadowedMethods(model)
  const types = receiverTypeResolver(model, basesOf, aliases, family, ownTops, protocols)
  const isClass = (name: string): boolean =>
    basesOf.has(name) || [...(aliases.get(name) ?? [])].some((n) => basesOf.has(n))

  const lookups = computedLookups(model)
  const familyOf = (name: string): Set<string> => {
    const out = new Set<string>()
    for (const n of [name, ...(aliases.get(name) ?? [])])
      if (basesOf.has(n)) for (const c of family(n)) out.add(c)
    return out
  }
  // Per module: the classes an untyped receiver there can be (`among` uses); absent: any class.
  const candidates = new Map<string, ReadonlySet<string>>()
  for (const module of model.modules) {
    const notTaken = (model.facts.notTakenBranches ?? []).filter((b) => b.path === module.path)
    const placed = placeUses(
      module,
      ownTops,
      types,
      classes.duplicated,
      byPath,
      lookups,
      notTaken,
      isClass,
      familyOf
    )
    if (placed.candidates) candidates.set(module.path, placed.candidates)
    moduleUses.set(module.path, placed.topLevel)
    mainUses.set(module.path, placed.main)
    for (const [fn, names] of placed.byFunction) usesOf.set(fn, names)
    if (module.isTest) continue
    for (const fn of module.functions) {
      push(byName, fn.name, { module, fn })
      if (fn.className) push(methodsOf, fn.className, fn.name)
      const computed = /^\[([\w$.]+)\]$/.exec(fn.name)
      if (computed) push(byComputed, computed[1].split('.').pop() as string, { module, fn })
      if (fn.className && implicit(module, fn))
        push(classMembers, classes.keyOf(module, fn.className), { module, fn })
      const inner = module.functions.filter((f) => f !== fn && contains(fn, f))
      if (inner.length > 0) nested.set(fn, inner)
      if (
        (loaded.has(module.path) || scripts.has(module.path)) &&
        isDescriptorAccessor(module, fn) &&
        !module.functions.some((f) => f !== fn && contains(f, fn))
      )
        descriptorAccessors.push({ module, fn })
    }
  }
  for (const module of model.modules) {
    for (const decl of module.imports) {
      const target = decl.resolved ? byPath.get(decl.resolved) : undefined
      // `require('./setup')(exports)`: a module's export used where it is loaded, under no name.
      if (target && decl.names.length === 0 && decl.kind !== 'python') {
        const top = moduleUses.get(module.path) ?? []
        for (const name of defaultNames(target)) top.push({ kind: 'any', name })
        moduleUses.set(module.path, top)
      }
    }
  }

  // `Object.assign(Mixed.prototype, Base.prototype)`: a class whose prototype is handed to a call may
  // lend its methods to any class, so every `this.m()` can reach them (`create.prototype =
  // Foo.prototype` only makes `new create()` a Foo, which lends nothing).
  const lent = new Set<string>()
  for (const module of model.modules)
    for (const call of module.calls)
      for (const arg of call.args) {
        const text = arg.trim().replace(/^\.\.\./, '')
        if (text.endsWith('.prototype')) lent.add(text.slice(0, -'.prototype'.length))
      }
  // A module and those it imports (for CONTAINER_METHODS uses).
  const nearSets = new Map<string, Set<string>>()
  const nearModules = (path: string): Set<string> => {
    let set = nearSets.get(path)
    if (!set) {
      set = new Set([path])
      for (const decl of byPath.get(path)?.imports ?? []) if (decl.resolved) set.add(decl.resolved)
      nearSets.set(path, set)
    }
    return set
  }
  // Whether a class the module can hold has a method of the name. Only then is the call taken to be on
  // one of them: else the receiver came from elsewhere (an imported instance, an attribute of one:
  // plumbum's `colors.contains_colors()`, `local.env.user`), which the module cannot tell. An interface
  // matches classes that do not derive from it: a Protocol (plumbum's `PopenWithAddons`), a class with
  // `__subclasshook__` or whose method of the name is abstract (dogpile's `CacheMutex.locked`, which its
  // lock classes implement without naming it): any class then.
  const ownMethod = new Map<string, boolean>()
  const hasOwn = (u: Use): boolean => {
    const key = `${u.among}\0${u.name}`
    let has = ownMethod.get(key)
    if (has === undefined) {
      const seen = [...(candidates.get(u.among ?? '') ?? [])].filter((c) =>
        methodsOf.get(c)?.includes(u.name)
      )
      const isInterface = (c: string): boolean =>
        protocols.has(c) ||
        !!methodsOf.get(c)?.includes('__subclasshook__') ||
        (byName.get(u.name) ?? []).some((n) => n.fn.className === c && abstractMethod(n.fn))
      has = seen.length > 0 && !seen.some(isInterface)
      ownMethod.set(key, has)
    }
    return has
  }
  const reachedFns = new Set<FunctionDecl>()
  // Evidence: which use (or live class) reached each function, back to a test.
  const reason = new Map<FunctionDecl, string>()
  const loadable = loadableByName(model)
  // One walk from a set of test files: only the classes they can obtain (name, import, or get from code
  // they reach) are live, so `x.run()` on a receiver nothing types reaches the `run` of those classes
  // only. The reached functions of every walk are kept.
  const walk = (tests: readonly ModuleModel[], loadedHere: ReadonlySet<string>): void => {
    const seen = new Set<FunctionDecl>()
    const reachedUses = new Set<string>()
    // Classes named on the path (or whose subclass is): their methods can run; the others wait.
    const live = new Set<string>()
    const waiting = new Map<string, FunctionDecl[]>()
    const waitedBy = new Map<FunctionDecl, string>()
    const queue: Use[] = []
    const useOrigin = new Map<string, string>()
    let origin = ''
    const use = (u: Use): void => {
      const key = useKey(u)
      if (reachedUses.has(key)) return
      reachedUses.add(key)
      useOrigin.set(key, origin)
      queue.push(u)
    }
    const useAll = (uses: readonly Use[] | undefined): void => {
      for (const u of uses ?? []) use(u)
    }
    const reach = (fn: FunctionDecl, via = origin): void => {
      if (seen.has(fn)) return
      seen.add(fn)
      if (!reachedFns.has(fn)) {
        reachedFns.add(fn)
        reason.set(fn, via)
      }
      const saved = origin
      origin = `${fn.qualifiedName}`
      useAll(usesOf.get(fn))
      for (const inner of nested.get(fn) ?? []) reach(inner, `nested in ${fn.qualifiedName}`)
      origin = saved
    }
    const requested = requestedFixtures(tests)
    for (const module of tests) {
      origin = module.path
      useAll(moduleUses.get(module.path))
      for (const fn of module.functions) if (requested(module, fn)) useAll(usesOf.get(fn))
    }
    for (const module of model.modules) {
      if (module.isTest) continue
      origin = module.path
      if (loadedHere.has(module.path) || scripts.has(module.path))
        useAll(moduleUses.get(module.path))
      if (scripts.has(module.path)) useAll(mainUses.get(module.path))
    }
    origin = 'descriptor'
    for (const { module, fn } of descriptorAccessors)
      if (loadedHere.has(module.path) || scripts.has(module.path)) reach(fn)
    const makeLive = (key: string): void => {
      if (live.has(key)) return
      live.add(key)
      const saved = origin
      origin = `${origin} [class ${key} live]`
      for (const fn of waiting.get(key) ?? []) reach(fn, `${waitedBy.get(fn)}; ${origin}`)
      waiting.delete(key)
      for (const node of classMembers.get(key) ?? []) reach(node.fn)
      for (const base of classes.basesOf(key)) makeLive(base)
      origin = saved
    }
    // A module no import loads may be loaded some other way (an entry point, a plugin registry) that
    // builds its classes without naming them: their methods wait only for their own names. Only where
    // something can load it so: a string or an entry point naming it, or a load by a computed name.
    origin = 'loadable by name'
    for (const module of model.modules)
      if (
        !module.isTest &&
        !loaded.has(module.path) &&
        !scripts.has(module.path) &&
        loadable(module)
      )
        for (const cls of module.classes) makeLive(classes.keyOf(module, cls.name))
    while (queue.length > 0) {
      const u = queue.pop() as Use
      origin = `${u.text ? 'string ' : ''}${useKey(u)} from ${useOrigin.get(useKey(u)) ?? '?'}`
      // `getattr(self, name)` with a computed name: any method of the family (a dispatch by node type).
      if (u.kind === 'members' && u.cls) {
        for (const c of family(u.cls))
          for (const name of methodsOf.get(c) ?? []) use({ kind: 'self', name, cls: u.cls })
        // Handed over: the class is built (a library holds an instance), so its methods are live.
        if (u.any) for (const key of classes.named(u.cls, undefined)) makeLive(key)
        continue
      }
      if (u.kind !== 'self' && u.kind !== 'typed')
        for (const alias of walkAliases.get(u.name) ?? []) use({ ...u, name: alias })
      if (basesOf.has(u.name))
        for (const key of classes.named(u.name, u.from ? byPath.get(u.from) : undefined))
          makeLive(key)
      const inFamily = u.kind === 'self' && u.cls ? family(u.cls) : undefined
      const typedTo = u.kind === 'typed' ? new Set(u.classes) : undefined
      for (const node of byName.get(u.name) ?? []) {
        const cls = node.fn.className
        if (u.kind === 'bare' && cls) continue
        // A Python name bound by an import runs the function of the module the import leads to only.
        if (u.defs && !u.defs.includes(node.module.path)) continue
        // Every subclass overrides it and nothing builds its class: a call runs an override.
        if (shadowed.has(node.fn)) continue
        // A receiver of known type runs that class's method (or, in JavaScript, a prototype function).
        if (typedTo && (cls ? !typedTo.has(cls) && !lent.has(cls) : !u.js)) continue
        // Functions outside classes (an object literal's, a prototype's) may be attached to any object.
        if (inFamily && cls && !inFamily.has(cls) && !lent.has(cls)) continue
        // `x.pop()` in library code: its own arrays' unless it can name the class (CONTAINER_METHODS).
        // A class in a module no import loads (a plugin loaded by name) may be handed anywhere.
        if (
          u.near &&
          cls &&
          loaded.has(node.module.path) &&
          !nearModules(u.near).has(node.module.path)
        )
          continue
        // `m.poll()` where m's type is unknown: a class the calling module can hold, or a subclass.
        // Test code gets values from fixtures; a class no import loads (a plugin) may be handed anywhere.
        if (
          u.among &&
          cls &&
          !lent.has(cls) &&
          loaded.has(node.module.path) &&
          !candidates.get(u.among)?.has(cls) &&
          hasOwn(u)
        )
          continue
        const key = cls ? classes.keyOf(node.module, cls) : ''
        if (!cls || live.has(key) || !basesOf.has(cls)) reach(node.fn)
        else {
          push(waiting, key, node.fn)
          if (!waitedBy.has(node.fn)) waitedBy.set(node.fn, origin)
        }
      }
      for (const node of byComputed.get(u.name) ?? []) reach(node.fn)
      if (u.kind === 'prefix')
        for (const [name, nodes] of byName)
          if (name.startsWith(u.name))
            for (const node of nodes) use({ kind: 'any', name: node.fn.name })
    }
  }
  for (const { tests, loadedHere } of walksOf(model, loaded, byPath)) walk(tests, loadedHere)
  return {
    reached: (_module, fn) => reachedFns.has(fn),
    shadowed: (fn) => shadowed.has(fn),
    why: (fn) => reason.get(fn)
  }
}

const CONFTEST = /(^|\/)conftest\.py$/
const FIXTURE = /^(pytest\.)?fixture\b/

/**
 * A conftest's fixture runs only for a test that asks for it: by a parameter of its name, by naming it
 * in a string (`usefixtures("db")`, `getfixturevalue("db")`), through another fixture that runs, or with
 * `autouse=True`; a conftest's helper (neither a fixture nor a `pytest_` hook) only when something that
 * runs names it. apispec's conftest builds its marshmallow plugin in `make_spec`, which only fixtures that
 * the test files that cannot be collected here ask for call. Every other function of the walk's test
 * files runs as before.
 */
function requestedFixtures(
  tests: readonly ModuleModel[]
): (module: ModuleModel, fn: FunctionDecl) => boolean {
  const gated = new Map<string, FunctionDecl[]>()
  const moduleOf = new Map<FunctionDecl, ModuleModel>()
  for (const m of tests)
    if (m.language === 'python' && CONFTEST.test(m.path))
      for (const fn of m.functions) {
        if (fn.className || fn.name.startsWith('pytest_')) continue
        // Only top-level functions: a nested one runs with its parent.
        if (m.functions.some((f) => f !== fn && contains(f, fn))) continue
        push(gated, fn.name, fn)
        moduleOf.set(fn, m)
      }
  if (gated.size === 0) return () => true
  const isGated = new Set(moduleOf.keys())
  const isFixture = (fn: FunctionDecl): boolean =>
    (fn.decorators ?? []).some((d) => FIXTURE.test(d))
  const asked = new Set<string>()
  const queue: FunctionDecl[] = []
  const ask = (name: string): void => {
    if (asked.has(name) || !gated.has(name)) return
    asked.add(name)
    queue.push(...(gated.get(name) ?? []))
  }
  // Bare names used in a module between two lines (or outside every gated function when no range).
  const namesIn = (m: ModuleModel, fn?: FunctionDecl): string[] =>
    Object.entries(m.nameUseLines ?? {})
      .filter(([key]) => !key.includes('.'))
      .filter(([, lines]) =>
        lines.some((l) =>
          fn
            ? fn.loc.startLine <= l && l <= fn.loc.endLine
            : ![...isGated].some(
                (g) => moduleOf.get(g) === m && g.loc.startLine <= l && l <= g.loc.endLine
              )
        )
      )
      .map(([key]) => key)
  for (const m of tests) {
    for (const fn of m.functions) {
      if (isGated.has(fn)) {
        // Autouse, or renamed (`fixture(name="db")`): counted as asked for.
        if (
          isFixture(fn) &&
          (fn.decorators ?? []).some((d) => /autouse\s*=\s*True|\bname\s*=/.test(d))
        )
          ask(fn.name)
        continue
      }
      for (const p of fn.params) ask(p.name)
    }
    for (const str of m.strings) for (const name of str.value.split(/[\s,]+/)) ask(name)
    for (const name of namesIn(m)) ask(name)
  }
  while (queue.length > 0) {
    const fn = queue.pop() as FunctionDecl
    for (const p of fn.params) ask(p.name)
    for (const name of namesIn(moduleOf.get(fn) as ModuleModel, fn)) ask(name)
  }
  return (_module, fn) => !isGated.has(fn) || asked.has(fn.name)
}

/** A use of `name` on `line` lies in the branch (a whole block, or one side of `cond ? a : b`). */
export function inBranch(
  b: { startLine: number; endLine: number; names?: readonly string[] },
  line: number,
  name: string
): boolean {
  if (line < b.startLine || line > b.endLine) return false
  return !b.names || b.names.includes(name.split('.').pop() ?? name)
}

/** Each use of a name in the innermost function around it, or at the module's top level. */
function placeUses(
  module: ModuleModel,
  ownTops: ReadonlySet<string>,
  types: TypeResolver,
  duplicated: ReadonlySet<string>,
  byPath: ReadonlyMap<string, ModuleModel>,
  lookups: boolean,
  notTaken: readonly { startLine: number; endLine: number; names?: readonly string[] }[] = [],
  isClass: (name: string) => boolean = () => false,
  familyOf?: (name: string) => Iterable<string>
): {
  topLevel: Use[]
  main: Use[]
  byFunction: Map<FunctionDecl, Use[]>
  candidates?: ReadonlySet<string>
} {
  const topLevel: Use[] = []
  const main: Use[] = []
  // Top-level code from `if __name__ == "__main__":` on runs only when the module is run as a command.
  const mainLine =
    module.language === 'python'
      ? module.conditions.find((c) => !c.enclosing && c.kind === 'if' && isMainGuard(c.text))?.loc
          .startLine
      : undefined
  const byFunction = new Map<FunctionDecl, Use[]>()
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
  const add = (u: Use, owner: FunctionDecl | null, line: number): void => {
    // A branch this interpreter does not take (platform-branches.ts) runs nothing here.
    if (notTaken.some((b) => inBranch(b, line, u.name))) return
    if (!owner) {
      // Outside functions a bare name may be a class body's own method (`__int__ = unwrap`).
      const any: Use =
        u.kind === 'typed' || u.kind === 'members' || u.member
          ? u
          : {
              kind: 'any',
              name: u.name,
              ...(u.from ? { from: u.from } : {}),
              ...(u.text ? { text: true as const } : {}),
              ...(u.defs ? { defs: u.defs } : {})
            }
      if (mainLine !== undefined && line >= mainLine) main.push(any)
      else topLevel.push(any)
      return
    }
    const list = byFunction.get(owner)
    if (list) list.push(u)
    else byFunction.set(owner, [u])
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
  const namespaces = namespaceExports(module, byPath)
  const receivers =
    module.language === 'python' && !module.isTest && familyOf
      ? receiverCandidates(module, library, types, familyOf)
      : undefined
  const nearOf = (name: string): { near?: string; among?: string } => ({
    ...(!module.isTest && CONTAINER_METHODS.has(name) ? { near: module.path } : {}),
    ...(receivers ? { among: module.path } : {})
  })
  const boundTo = module.language === 'python' ? pythonBinding(module, byPath) : undefined
  const wholes = wholeBindings(module, byPath)
  // Class names this module can mean: its own classes and names its imports of our modules bind (a
  // bundle's `DLL.prototype.pop = ...` is its own function `DLL`, not lib's class of the name).
  const visibleClasses = new Set(module.classes.map((c) => c.name))
  for (const decl of module.imports)
    if (decl.resolved) for (const { local } of decl.names) if (local) visibleClasses.add(local)
  for (const [key, lines] of Object.entries(module.nameUseLines ?? {})) {
    // Keys (names-used.ts): `name` bare, `root.name`, `self.name` (off self/cls/this), `.name` (other).
    const dot = key.lastIndexOf('.')
    const root = dot >= 0 ? key.slice(0, dot) : undefined
    const name = key.slice(dot + 1)
    // `json.dumps`, or `dumps` after `from pickle import dumps`: a library's function, not ours.
    if (library.has(root ?? name)) continue
    // Python: a bare name the module neither defines nor imports is a local or a built-in.
    const defs = root === undefined ? boundTo?.(name) : undefined
    if (defs?.length === 0) continue
    // `Lock.acquire(lock, ...)`: a method read off a class of ours is that class's (or a base's).
    const named =
      root !== undefined && visibleClasses.has(root) && isClass(root)
        ? types(module, library, `call:${root}`)
        : undefined
    for (const line of lines) {
      if (baseLines.get(name)?.has(line)) continue
      const owner = ownerOf(line)
      const u: Use =
        root === undefined
          ? {
              kind: 'bare',
              name,
              ...(duplicated.has(name) ? { from: module.path } : {}),
              ...(defs ? { defs } : {})
            }
          : namespaces.get(root)?.has(name)
            ? { kind: 'bare', name, member: true }
            : root === 'self' && owner?.className
              ? { kind: 'self', name, cls: owner.className }
              : named
                ? { kind: 'typed', name, classes: named, js: module.language !== 'python' }
                : { kind: 'any', name, ...nearOf(name) }
      add(u, owner, line)
      // `fs` bound by `require('./fs.js')` (or `fs.default`): what that module exports, there only.
      const bound = root === undefined ? name : name === 'default' ? root : undefined
      for (const t of bound === undefined ? [] : (wholes.get(bound) ?? []))
        add(
          {
            ...u,
            name: t.name,
            ...(t.defs ? { defs: t.defs, from: t.defs[0] } : {})
          },
          owner,
          line
        )
    }
  }
  // `x.m` whose receiver's type is known locally (receiver-types.ts): that class's `m` only, when the
  // fact resolves to classes of ours (or to a built-in / library object: none of ours); else any `m`.
  // The type checker's facts for lines the local facts typed (ts-receivers.ts): used where the local
  // one does not resolve. `line:name` -> the classes, or undefined when one of them is unsure.
  const checked = new Map<string, Set<string> | undefined | 'data'>()
  for (const [key, lines] of Object.entries(module.typedUseLines ?? {})) {
    if (!key.startsWith('chk:')) continue
    const dot = key.lastIndexOf('.')
    const fact = key.slice('chk:'.length, dot)
    const classes = fact === 'data:' ? 'data' : types(module, library, fact)
    for (const line of lines) {
      const at = `${line}:${key.slice(dot + 1)}`
      const known = checked.has(at) ? checked.get(at) : new Set<string>()
      if (known === undefined || classes === undefined) checked.set(at, undefined)
      else if (known === 'data' || classes === 'data') checked.set(at, 'data')
      else checked.set(at, new Set([...known, ...classes]))
    }
  }
  for (const [key, lines] of Object.entries(module.typedUseLines ?? {})) {
    const dot = key.lastIndexOf('.')
    const name = key.slice(dot + 1)
    // A data property declared in the repository (the type checker): reading it runs nothing.
    if (key.startsWith('data:') || key.startsWith('chk:')) continue
    const local = types(module, library, key.slice(0, dot))
    for (const line of lines) {
      const fallback = local === undefined ? checked.get(`${line}:${name}`) : undefined
      if (fallback === 'data') continue
      const classes = local ?? (fallback ? [...fallback].sort() : undefined)
      const u: Use =
        classes === undefined
          ? { kind: 'any', name, ...nearOf(name) }
          : { kind: 'typed', name, classes, js: module.language !== 'python' }
      add(u, ownerOf(line), line)
    }
  }
  // A value of a class of ours handed to a library (`new Parser(handler)`, `xml.sax.parse(f, handler)`):
  // the library may call any of its methods. Test frameworks (`expect(x)`, `assert.equal(x)`) only look.
  const frameworks = testFrameworkBindings(module)
  for (const [key, lines] of Object.entries(module.handedLines ?? {})) {
    const at = key.lastIndexOf('>')
    const callee = key.slice(at + 1)
    if (!library.has(callee) || frameworks.has(callee)) continue
    for (const cls of types(module, library, key.slice(0, at)) ?? [])
      for (const line of lines)
        add({ kind: 'members', name: '', cls, any: true }, ownerOf(line), line)
  }
  // `getattr(self, name)` / `getattr(cls, name)` with a name computed at run time, in a method: the
  // method may call any method of its class's family.
  for (const call of module.language === 'python' ? module.calls : []) {
    if (call.callee !== 'getattr' || !call.enclosing || call.args.length < 2) continue
    const receiver = call.args[0].trim()
    if (receiver !== 'self' && receiver !== 'cls') continue
    // A literal names one method; a name built from a string (`'visit_%s' % kind`) is a prefix (below).
    const arg = call.arguments?.[1]
    if (
      arg?.kind === 'literal' ||
      arg?.kind === 'template' ||
      /^[rbfuRBFU]*['"]/.test(call.args[1].trim())
    )
      continue
    const owner = module.functions.find((f) => f.qualifiedName === call.enclosing)
    if (owner?.className)
      add({ kind: 'members', name: '', cls: owner.className }, owner, call.loc.startLine)
  }
  // A string that is a name may be looked up by it (`getattr(obj, "visit_x")`, `obj[method]()`); one
  // that starts a name built at run time (`'visit_%s' % kind`, `` `on_${event}` ``, `'handle_' + x`) looks
  // up any function whose name starts so.
  const listed = new Set(module.all ?? [])
  // Python: where nothing looks a computed name up (getattr, attrgetter...), a string is data (a field
  // name, a dict key, asn1crypto's `('signature', OctetString)`), unless it is the name a lookup is given.
  // Where something does, a string may name a function (`getattr(module, name)`), but a method only of
  // a class this module's own lookups can be handed: one it defines, imports or builds (and their
  // families). apispec's `'response'` in utils.py, which looks nothing up, is not `Components.response`.
  const direct = module.language === 'python' ? literalLookups(module) : undefined
  const lookupClasses =
    module.language === 'python' && lookups
      ? classesLookedUp(module, library, types, isClass, byPath)
      : undefined
  for (const s of module.strings) {
    // A string in a type (`as 'validateAt'`) looks nothing up.
    if (s.inType) continue
    const line = s.loc.startLine
    const name = s.value
    if (WHOLE_IDENTIFIER.test(name) && !listed.has(name)) {
      if (!direct || direct.has(name) || lookupClasses === null)
        add({ kind: 'any', name, text: true }, ownerOf(line), line)
      else if (lookups) {
        add({ kind: 'bare', name, text: true, member: true }, ownerOf(line), line)
        if (lookupClasses && lookupClasses.length > 0)
          add({ kind: 'typed', name, classes: lookupClasses, text: true }, ownerOf(line), line)
      }
    }
    const prefix = namePrefix(s.value)
    if (prefix) add({ kind: 'prefix', name: prefix }, ownerOf(line), line)
  }
  return { topLevel, main, byFunction, ...(receivers ? { candidates: receivers } : {}) }
}

/**
 * The classes an untyped receiver in a Python module can be: the families (bases and subclasses) of the
 * classes it defines, imports, names or builds, and of what the functions it calls return (factories).
 * plumbum's `proc.poll()` in `commands/processes.py`, which sees no remote machine, does not run
 * `ParamikoPopen.poll`. undefined when one of them answers any attribute (`__getattr__`): any class then.
 */
function receiverCandidates(
  module: ModuleModel,
  library: ReadonlySet<string>,
  types: TypeResolver,
  familyOf: (name: string) => Iterable<string>
): ReadonlySet<string> {
  const out = new Set<string>()
  const names = new Set(module.classes.map((c) => c.name))
  for (const decl of module.imports)
    if (decl.resolved) for (const { local } of decl.names) if (local) names.add(local)
  for (const key of Object.keys(module.nameUseLines ?? {}))
    names.add(key.slice(key.lastIndexOf('.') + 1))
  // What the functions it calls build (`def make(): return Foo()`); an unknown result adds nothing.
  for (const call of module.calls)
    if (WHOLE_IDENTIFIER.test(call.name))
      for (const c of types(module, library, `call:${call.name}`) ?? []) names.add(c)
  for (const name of names) for (const c of familyOf(name)) out.add(c)
  return out
}

/** Python's calls that look an attribute up by a name given as a string: where the name is. */
const PY_LOOKUPS = new Map([
  ['getattr', 1],
  ['hasattr', 1],
  ['setattr', 1],
  ['delattr', 1],
  ['attrgetter', 0],
  ['methodcaller', 0]
])
const PY_STRING = /^[rbuRBU]*(['"])((?:(?!\1).)*)\1$/
/** A string built from a literal start (`'_%s_value' % name`, `f'visit_{kind}'`): the prefix rule's. */
const PREFIXED = /^[rbfuRBFU]*['"][A-Za-z_]/

/**
 * The names a Python module's lookups are given as literals (`getattr(x, 'name')`). A literal given to
 * `setattr` / `delattr` (`monkeypatch.setattr(utils.Lock, 'acquire', boom)`) replaces or removes the
 * attribute and calls nothing of that name.
 */
function literalLookups(module: ModuleModel): Set<string> {
  const out = new Set<string>()
  for (const call of module.calls) {
    if (call.name === 'setattr' || call.name === 'delattr') continue
    const at = PY_LOOKUPS.get(call.name)
    const arg = at === undefined ? undefined : call.args[at]?.trim()
    const literal = arg ? PY_STRING.exec(arg) : null
    if (literal) out.add(literal[2])
  }
  return out
}

/**
 * Whether any Python module looks a computed name up (`getattr(obj, name)`), so that any string may name
 * what it reaches. A name bound only to a string built from a literal start is the prefix rule's.
 */
function computedLookups(model: CodeModel): boolean {
  return model.modules.some((m) => m.language === 'python' && hasComputedLookup(m))
}

function hasComputedLookup(m: ModuleModel): boolean {
  return m.calls.some((call) => {
    const at = PY_LOOKUPS.get(call.name)
    const arg = at === undefined ? undefined : call.args[at]?.trim()
    if (arg === undefined) return false
    // On `self`/`cls` the names come from the class itself (the `members` use covers its family).
    if (at === 1 && /^(self|cls)$/.test(call.args[0]?.trim() ?? '')) return false
    if (PY_STRING.test(arg) || PREFIXED.test(arg)) return false
    const bound = (m.bindings ?? []).filter((b) => b.name === arg && b.enclosing === call.enclosing)
    return bound.length === 0 || !bound.every((b) => PREFIXED.test(b.value.trim()))
  })
}

/**
 * The classes whose methods a string in a Python module may name: none when neither the module nor a
 * module it imports (through a package's `__init__`) looks a computed name up; else the families of the
 * classes it defines, imports or calls (what it can hand such a lookup: `show(Cert(), ['ca'])`). null
 * when one of them answers any attribute (`__getattr__`): any method then.
 */
function classesLookedUp(
  module: ModuleModel,
  library: ReadonlySet<string>,
  types: TypeResolver,
  isClass: (name: string) => boolean,
  byPath: ReadonlyMap<string, ModuleModel>
): readonly string[] | null {
  const looksUp = (m: ModuleModel | undefined, depth: number): boolean =>
    !!m &&
    (hasComputedLookup(m) ||
      (depth < 2 &&
        (m === module || m.path.endsWith('__init__.py')) &&
        m.imports.some((d) => !!d.resolved && looksUp(byPath.get(d.resolved), depth + 1))))
  if (!looksUp(module, 0)) return []
  const names = new Set(module.classes.map((c) => c.name))
  for (const decl of module.imports)
    if (decl.resolved) for (const { local } of decl.names) if (local) names.add(local)
  for (const call of module.calls) names.add(call.name)
  const out = new Set<string>()
  for (const name of names) {
    if (!WHOLE_IDENTIFIER.test(name) || !isClass(name)) continue
    const classes = types(module, library, `ann:${name}`)
    if (classes === undefined) return null
    for (const c of classes) out.add(c)
  }
  return [...out].sort()
}

/** `visit_` of `'visit_%s'`, `'visit_{}'`, `'visit_${x}'` or `'visit_'`: the start of a name built at run time. */
function namePrefix(value: string): string | undefined {
  const head = /^[A-Za-z_$][\w$]*/.exec(value)?.[0]
  if (!head || head.length < 2) return undefined
  const rest = value.slice(head.length)
  if (rest === '') return head.endsWith('_') ? head : undefined
  return /^(%[sdr(]|\{|\$\{)/.test(rest) ? head : undefined
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
 * `import * as NS from './mod'` of a module of ours: NS -> the names that module exports. `NS.x` for
 * one of them reads the module's binding (`Formats.DATE_SHORT`), not a method of some class; a name the
 * module does not export may be a member further down a chain (`NS.store.get()` is keyed `NS.get`).
 */
function namespaceExports(
  module: ModuleModel,
  byPath: ReadonlyMap<string, ModuleModel>
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  if (module.language === 'python') return out
  for (const decl of module.imports) {
    if (decl.kind !== 'esm' || decl.typeOnly || !decl.resolved) continue
    const target = byPath.get(decl.resolved)
    if (!target) continue
    for (const { imported, local } of decl.names) {
      if (imported !== '*' || !local || local === '*') continue
      const names = new Set<string>()
      for (const exp of target.exports) if (exp.name !== '*') names.add(exp.name)
      out.set(local, names)
    }
  }
  return out
}

/**
 * Local names bound to a library by an import that does not resolve into the repository (`import json`,
 * `const path = require('node:path')`), when the source is not relative and not one of our own packages.
 */
/**
 * Packages whose calls only check, copy, store or print a value (assertions, spies, the standard
 * library's value helpers), never call its own methods by name.
 */
const TEST_FRAMEWORKS = new Set(
  (
    'vitest jest @jest/globals expect mocha chai assert node:assert assert/strict node:assert/strict ' +
    'node:test ava tap uvu should sinon pytest unittest hypothesis util node:util path node:path ' +
    'copy json pickle pprint reprlib math operator itertools functools dataclasses typing inspect ' +
    'weakref sys re datetime time random textwrap string os shutil pathlib collections enum abc ' +
    'numbers decimal fractions statistics hashlib base64 struct uuid warnings traceback'
  ).split(' ')
)

function testFrameworkBindings(module: ModuleModel): Set<string> {
  const out = new Set<string>()
  for (const decl of module.imports)
    if (TEST_FRAMEWORKS.has(decl.source) || TEST_FRAMEWORKS.has(decl.source.split('.')[0]))
      for (const { local } of decl.names) if (local) out.add(local)
  return out
}

function libraryBindings(module: ModuleModel, ownTops: ReadonlySet<string>): Set<string> {
  const out = new Set<string>()
  for (const decl of module.imports) {
    if (decl.resolved || decl.source.startsWith('.') || decl.source.startsWith('/')) continue
    const top = decl.source.replace(/^node:/, '').split(/[./]/)[0]
    if (ownTops.has(top)) continue
    for (const { local } of decl.names)
      if (local && local !== '*') {
        out.add(local)
        // `import xml.sax` binds `xml`: `xml.sax.parse(...)` is keyed by it.
        if (decl.kind === 'python' && local.includes('.')) out.add(local.split('.')[0])
      }
  }
  return out
}

/**
 * Runs once its class is built. A JavaScript accessor stays here (a destructuring read names it in a
 * way the model does not key); a Python property runs only when its name is read, like a method.
 */
function implicit(module: ModuleModel, fn: FunctionDecl): boolean {
  const accessor = fn.kind === 'getter' || fn.kind === 'setter'
  return (
    fn.kind === 'constructor' ||
    (accessor && module.language !== 'python' && !isStaticAccessor(module, fn)) ||
    IMPLICIT_METHOD.test(fn.name)
  )
}

/**
 * A JavaScript class's static getter or setter (`static get DATE_SHORT()`): it runs when
 * `Class.NAME` is read, so its name decides, as for a method (luxon's preset getters never ran).
 */
export function isStaticAccessor(module: ModuleModel, fn: FunctionDecl): boolean {
  if (module.language === 'python' || !fn.className) return false
  if (fn.kind !== 'getter' && fn.kind !== 'setter') return false
  const cls = module.classes.find((c) => c.name === fn.className)
  return !!cls?.members.some((m) => m.name === fn.name && m.kind === fn.kind && m.static)
}

const DEFINES_PROPERTIES = new Set(['defineProperty', 'defineProperties', 'create'])

/**
 * `get`/`set` of a property descriptor: an object literal's method (`{ get() {} }`, not a class's) or a
 * `get: function () {}` written inside `Object.defineProperty(...)` / `defineProperties` / `create`.
 */
function isDescriptorAccessor(module: ModuleModel, fn: FunctionDecl): boolean {
  if (fn.className || (fn.name !== 'get' && fn.name !== 'set')) return false
  if (fn.qualifiedName !== fn.name) return true
  return module.calls.some(
    (c) =>
      DEFINES_PROPERTIES.has(c.name) &&
      c.loc.startLine <= fn.loc.startLine &&
      fn.loc.endLine <= c.loc.endLine
  )
}

/**
 * The classes whose methods `self.m()` in a method of C may call: C, its subclasses, and the bases of
 * all of them (a mixin's `self.m()` reaches the sibling base a subclass combines it with).
 */
function classFamilies(basesOf: ReadonlyMap<string, string[]>): (cls: string) => Set<string> {
  const subclassesOf = new Map<string, string[]>()
  for (const [cls, bases] of basesOf) for (const base of bases) push(subclassesOf, base, cls)
  const closure = (start: string, next: (c: string) => readonly string[]): Set<string> => {
    const out = new Set([start])
    const queue = [start]
    while (queue.length > 0)
      for (const c of next(queue.pop() as string))
        if (!out.has(c)) {
          out.add(c)
          queue.push(c)
        }
    return out
  }
  const cache = new Map<string, Set<string>>()
  return (cls) => {
    let out = cache.get(cls)
    if (!out) {
      out = new Set<string>()
      for (const sub of closure(cls, (c) => subclassesOf.get(c) ?? []))
        for (const c of closure(sub, (b) => basesOf.get(b) ?? [])) out.add(c)
      cache.set(cls, out)
    }
    return out
  }
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

/** Classes a receiver fact resolves to; `[]` for a built-in or library object; undefined when unsure. */
type TypeResolver = (
  module: ModuleModel,
  library: ReadonlySet<string>,
  fact: string
) => readonly string[] | undefined

/** `new X()` of these builds the platform's object, whose methods are not ours. */
const JS_GLOBAL_CLASSES = new Set(
  (
    'Map Set WeakMap WeakSet Array Object Date Error TypeError RangeError SyntaxError RegExp Promise URL ' +
    'URLSearchParams Headers Request Response AbortController TextEncoder TextDecoder ArrayBuffer DataView ' +
    'Uint8Array Int8Array Uint16Array Int16Array Uint32Array Int32Array Float32Array Float64Array FormData Blob ' +
    'String Number Boolean'
  ).split(' ')
)
/** `X()` of these builds a built-in Python object. */
const PY_BUILTIN_TYPES = new Set(
  'dict list set frozenset tuple str bytes bytearray int float complex bool object'.split(' ')
)
/** A class with one of these answers any attribute: its receivers stay unknown. */
const DYNAMIC_ATTRIBUTES = new Set(['__getattr__', '__getattribute__'])

/**
 * Reads the facts of receiver-types.ts against the whole repository: `call:Foo` / `new:Foo` of a class
 * of ours is that class and its bases (the methods it has); `ann:Foo` is its whole family (a subclass may
 * be passed); `call:make` of a function whose every definition returns the same built thing is that
 * thing; `new:Map` or `dict()` is none of ours. Anything else (a library call, a name we do not define,
 * a class that answers any attribute) is unsure, and the use reaches every `m` as before.
 */
function receiverTypeResolver(
  model: CodeModel,
  basesOf: ReadonlyMap<string, string[]>,
  aliases: ReadonlyMap<string, ReadonlySet<string>>,
  family: (cls: string) => Set<string>,
  ownTops: ReadonlySet<string>,
  protocols: ReadonlySet<string> = new Set()
): TypeResolver {
  const defined = new Map<string, number>()
  const factories = new Map<string, { facts: Set<string>; count: number; module: ModuleModel }>()
  const dynamic = new Set<string>()
  // `pytest_generate_tests` can give any test parameter values: then no parameter is a fixture's.
  const generated = model.modules.some((m) =>
    m.functions.some((f) => f.name === 'pytest_generate_tests')
  )
  for (const module of model.modules) {
    // Fixtures live in test files and conftests: `fixture:name` -> what the fixture gives.
    for (const [name, fact] of Object.entries(module.factories ?? {})) {
      if (!name.startsWith('fixture:') || generated) continue
      const entry = factories.get(name) ?? { facts: new Set<string>(), count: 0, module }
      entry.facts.add(fact)
      entry.count++
      factories.set(name, entry)
    }
    if (module.isTest) continue
    for (const fn of module.functions) {
      defined.set(fn.name, (defined.get(fn.name) ?? 0) + 1)
      if (fn.className && DYNAMIC_ATTRIBUTES.has(fn.name)) dynamic.add(fn.className)
    }
    for (const [name, fact] of Object.entries(module.factories ?? {})) {
      if (name.startsWith('fixture:')) continue
      const entry = factories.get(name) ?? { facts: new Set<string>(), count: 0, module }
      entry.facts.add(fact)
      entry.count++
      factories.set(name, entry)
    }
  }
  const ancestors = (cls: string): Set<string> => {
    const out = new Set([cls])
    const queue = [cls]
    while (queue.length > 0)
      for (const base of basesOf.get(queue.pop() as string) ?? [])
        if (!out.has(base)) {
          out.add(base)
          queue.push(base)
        }
    return out
  }
  const classesNamed = (name: string): string[] =>
    [name, ...(aliases.get(name) ?? [])].filter((n) => basesOf.has(n))
  const resolve = (
    module: ModuleModel,
    library: ReadonlySet<string>,
    fact: string,
    depth: number
  ): readonly string[] | undefined => {
    const colon = fact.indexOf(':')
    const kind = fact.slice(0, colon)
    // `ann:A|B` (a union the type checker read): the methods of any of them.
    if (fact.includes('|')) {
      const out = new Set<string>()
      for (const part of fact.slice(colon + 1).split('|')) {
        const classes = resolve(module, library, `${kind}:${part}`, depth)
        if (classes === undefined) return undefined
        for (const c of classes) out.add(c)
      }
      return [...out].sort()
    }
    // `none:` (the type checker): a data property, or an interface no class of ours fits.
    if (kind === 'none') return []
    // A test's parameter filled by a fixture: what every fixture of the name gives.
    if (kind === 'fixture') {
      const fixture = factories.get(fact)
      if (!fixture || fixture.facts.size !== 1 || depth > 3) return undefined
      const inner = [...fixture.facts][0]
      if (inner === '?') return undefined
      return resolve(fixture.module, libraryBindings(fixture.module, ownTops), inner, depth + 1)
    }
    const parts = fact.slice(colon + 1).split('.')
    const last = parts[parts.length - 1]
    const root = parts.length > 1 ? parts[0] : undefined
    if (root !== undefined && library.has(root)) return kind === 'new' ? [] : undefined
    const classes = classesNamed(last)
    // `p: Closable`, a Protocol: any class with its methods fits, which its family does not say.
    if (classes.some((c) => protocols.has(c))) return undefined
    if (classes.length > 0) {
      const out = new Set<string>()
      for (const c of classes) for (const k of kind === 'ann' ? family(c) : ancestors(c)) out.add(k)
      if ([...out].some((c) => dynamic.has(c))) return undefined
      return [...out].sort()
    }
    // A test file's own helper (`def client_connect(): return NetstringSocket(sock)`), called there:
    // every definition of the name in the file builds the same thing.
    const local = module.isTest && root === undefined ? module.factories?.[last] : undefined
    if (local && kind === 'call' && depth <= 3) return resolve(module, library, local, depth + 1)
    if (kind === 'ann' || defined.has(last) === false) {
      if (
        kind === 'new' &&
        root === undefined &&
        (library.has(last) || JS_GLOBAL_CLASSES.has(last))
      )
        return []
      if (
        kind === 'call' &&
        root === undefined &&
        module.language === 'python' &&
        PY_BUILTIN_TYPES.has(last) &&
        !ownTops.has(last)
      )
        return []
      return undefined
    }
    // `make()`: every function of the name is a factory of one same thing.
    const factory = factories.get(last)
    if (kind !== 'call' || depth > 3 || !factory || factory.facts.size !== 1) return undefined
    // `make()` or `Foo.create()`: a method of something else (`x.get()`) may be a library's.
    if (root !== undefined && !basesOf.has(root)) return undefined
    if (factory.count !== defined.get(last)) return undefined
    const inner = [...factory.facts][0]
    return resolve(factory.module, libraryBindings(factory.module, ownTops), inner, depth + 1)
  }
  return (module, library, fact) => resolve(module, library, fact, 0)
}

/**
 * Classes as the graph keys them: by name, or by `path#name` where several modules define a class of
 * the name. A use of such a name in a module that defines it, or imports it from a module that does,
 * names that one class; anywhere else (an attribute `mod.Name`, a re-export) every class of the name.
 */
class ClassKeys {
  readonly duplicated: ReadonlySet<string>
  private readonly definers = new Map<string, Set<string>>()
  private readonly bases = new Map<string, Set<string>>()

  constructor(model: CodeModel) {
    for (const module of model.modules) {
      if (module.isTest) continue
      for (const cls of module.classes) {
        let paths = this.definers.get(cls.name)
        if (!paths) this.definers.set(cls.name, (paths = new Set()))
        paths.add(module.path)
      }
    }
    this.duplicated = new Set(
      [...this.definers].filter(([, paths]) => paths.size > 1).map(([name]) => name)
    )
    for (const module of model.modules) {
      if (module.isTest) continue
      for (const cls of module.classes) {
        const key = this.keyOf(module, cls.name)
        let set = this.bases.get(key)
        if (!set) this.bases.set(key, (set = new Set()))
        for (const base of cls.bases)
          for (const k of this.named(
            base.split('.').pop() ?? base,
            base.includes('.') ? undefined : module
          ))
            set.add(k)
      }
    }
  }

  keyOf(module: ModuleModel, name: string): string {
    return this.duplicated.has(name) ? `${module.path}#${name}` : name
  }

  /** The keys a use of `name` in `module` (unknown: undefined) may name. */
  named(name: string, module: ModuleModel | undefined): string[] {
    const paths = this.definers.get(name)
    if (!this.duplicated.has(name) || !paths) return [name]
    const all = [...paths].map((p) => `${p}#${name}`)
    if (!module) return all
    if (paths.has(module.path)) return [`${module.path}#${name}`]
    for (const decl of module.imports)
      if (decl.resolved && decl.names.some((n) => n.local === name || n.imported === name))
        return paths.has(decl.resolved) ? [`${decl.resolved}#${name}`] : all
    return all
  }

  basesOf(key: string): Iterable<string> {
    return this.bases.get(key) ?? []
  }
}

/** Calls that load a module by a name computed at run time when their argument is not a literal. */
const LOADERS = new Set([
  'import_module',
  '__import__',
  'load_module',
  'exec_module',
  'spec_from_file_location',
  'load_source',
  'iter_entry_points',
  'entry_points',
  'load_entry_point',
  'require',
  'import'
])

/**
 * Whether a module no import loads may still be loaded: the repository loads modules by computed names
 * (`importlib.import_module(name)`, `require(path)`, entry points), or a string or an entry point names
 * the module (its dotted name or its path without the extension).
 */
function loadableByName(model: CodeModel): (module: ModuleModel) => boolean {
  // A literal argument names its module, which the imports already resolve; anything else is computed.
  const computed = model.modules.some((m) =>
    m.calls.some(
      (c) =>
        LOADERS.has(c.name) &&
        (c.name.includes('entry_points') ||
          (c.arguments ? c.arguments[0]?.kind !== 'literal' : c.args.length === 0))
    )
  )
  if (computed) return () => true
  const texts: string[] = []
  for (const m of model.modules) for (const str of m.strings) texts.push(str.value)
  for (const manifest of model.facts.manifests) {
    for (const group of Object.values(manifest.entryPoints ?? {}))
      texts.push(...Object.values(group))
    texts.push(...Object.values(manifest.bin ?? {}), ...Object.values(manifest.scripts ?? {}))
  }
  return (module) => {
    const bare = module.path.replace(/(\/__init__)?\.py$|(\/index)?\.[cm]?[jt]sx?$/, '')
    const names = [
      bare,
      bare.split('/').join('.'),
      bare
        .replace(/^src\//, '')
        .split('/')
        .join('.')
    ]
    return texts.some((t) => names.some((n) => n.length > 2 && t.includes(n)))
  }
}

/** A file of test cases by its name (not a helper, conftest or runner). */
const TEST_CASE_FILE =
  /(^|\/)(test_[^/]*\.py|[^/]*_test\.py|tests?\.py|[^/]*[.-](test|spec)\.[cm]?[jt]sx?)$/

/** Above this many test files one walk from all of them (the cost of a walk each). */
const MAX_WALKS = 400

/**
 * The walks of the graph: one per test file, from it, the test files it imports and the conftests pytest
 * loads for every test, with the modules that set loads (its imports, transitively, and the packages
 * around each Python module). A test file that may load a module no import names (a relative import that
 * does not resolve, a load by a computed name) walks with everything the tests load.
 * Modules loaded but by no test's imports (by name, through an entry point) count in every walk.
 */
function walksOf(
  model: CodeModel,
  loaded: ReadonlySet<string>,
  byPath: ReadonlyMap<string, ModuleModel>
): Array<{ tests: ModuleModel[]; loadedHere: ReadonlySet<string> }> {
  const tests = model.modules.filter((m) => m.isTest)
  // A test file that cannot run here (its imports do not resolve) walks nothing; what only it loads stays unrun.
  const unloadable = new Set((model.facts.unloadableTests ?? []).map((u) => u.path))
  if (tests.length === 0 || tests.length > MAX_WALKS)
    return [{ tests: tests.filter((t) => !unloadable.has(t.path)), loadedHere: loaded }]
  const ownTops = topLevelNames(model)
  const shared = tests.filter((m) => /(^|\/)conftest\.py$/.test(m.path))
  const open = (m: ModuleModel): boolean =>
    m.imports.some((d) => {
      if (d.resolved) return false
      const top = d.source.replace(/^node:/, '').split(/[./]/)[0]
      return (
        d.kind === 'dynamic' ||
        d.source === '' ||
        d.source.startsWith('.') ||
        d.source.startsWith('/') ||
        ownTops.has(top)
      )
    }) ||
    m.calls.some(
      (c) =>
        LOADERS.has(c.name) &&
        (c.arguments ? c.arguments[0]?.kind !== 'literal' : c.args.length === 0)
    )
  const closureOf = (roots: readonly ModuleModel[]): { paths: Set<string>; open: boolean } => {
    const paths = new Set<string>()
    let anyOpen = false
    const queue = [...roots]
    const add = (m: ModuleModel | undefined): void => {
      if (!m || paths.has(m.path)) return
      paths.add(m.path)
      queue.push(m)
    }
    // A package `__init__.py` loaded because a module inside it is: only its top-level imports run.
    const asParent = new Set<string>()
    for (const m of roots) paths.add(m.path)
    while (queue.length > 0) {
      const m = queue.pop() as ModuleModel
      const parent = asParent.has(m.path)
      // A test package's `__init__.py` that loads by computed names is an import hook for the whole run
      // (asn1crypto's finder for its own package), not a load only this test makes.
      if (m.isTest && !parent && open(m)) anyOpen = true
      for (const d of m.imports) {
        if (!d.resolved || (parent && insideFunction(m, d.loc.startLine))) continue
        add(byPath.get(d.resolved))
        // `from pkg import mod` loads pkg/mod.py when mod is a module of the package.
        if (d.kind === 'python' && d.resolved.endsWith('/__init__.py')) {
          const dir = d.resolved.slice(0, -'/__init__.py'.length)
          for (const { imported } of d.names)
            add(byPath.get(`${dir}/${imported}.py`) ?? byPath.get(`${dir}/${imported}/__init__.py`))
        }
      }
      // Importing `pkg.sub.mod` runs `pkg/__init__.py` and `pkg/sub/__init__.py` first.
      if (m.language === 'python') {
        const parts = m.path.split('/')
        for (let i = parts.length - 1; i > 0; i--) {
          const init = byPath.get(`${parts.slice(0, i).join('/')}/__init__.py`)
          if (init && !paths.has(init.path)) asParent.add(init.path)
          add(init)
        }
      }
    }
    return { paths, open: anyOpen }
  }
  const closures = tests.map((t) => closureOf([t, ...shared.filter((c) => c !== t)]))
  const imported = new Set<string>()
  for (const c of closures) for (const p of c.paths) imported.add(p)
  const elsewhere = [...loaded].filter((p) => !imported.has(p))
  const walks = tests.map((t, i) => {
    const { paths, open: anyOpen } = closures[i]
    const here = anyOpen
      ? new Set(loaded)
      : new Set([...[...paths].filter((p) => loaded.has(p)), ...elsewhere])
    // Another test file it imports (a runner importing every test) runs in its own walk; helpers run here.
    const group = [...paths]
      .map((p) => byPath.get(p))
      .filter((m) => m?.isTest && (m === t || !TEST_CASE_FILE.test(m.path))) as ModuleModel[]
    return { tests: group, loadedHere: here }
  })
  return walks.filter((_, i) => !unloadable.has(tests[i].path))
}

function insideFunction(module: ModuleModel, line: number): boolean {
  return module.functions.some((f) => f.loc.startLine < line && line <= f.loc.endLine)
}
