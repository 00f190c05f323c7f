// The static estimate of whether tests run a function, when no coverage report measures its file:
// from which tests import the module and name its symbols (reach.ts). A share of 0 means a test names
// it, 0.5 that tests may run it through something they do reach, 1 that nothing seen reaches it.
import type { FunctionDecl, ModuleModel } from '../../src/model/types.js'
import { type TestReach, type UnitReach, unitReach } from './reach.js'
import { inBranch, isStaticAccessor, type ReachGraph } from './reach-graph.js'
import { decoratorCallee, wrappingDecorators } from './decorators.js'
import { markerFunctions } from './markers.js'
import { exportNamesOf } from './units.js'

export interface Estimate {
  fn: FunctionDecl
  /** 0, 0.5 or 1: how much of the function tests are estimated not to run. */
  share: number
  reach: UnitReach
  /** Untested because every subclass overrides it and nothing builds its class (shadowed-methods.ts). */
  overridden?: true
  /** Untested here because the test files importing its module cannot run here (why, in words). */
  blocked?: string
  /** Defined under a version or platform check not taken where the tool ran (platform-branches.ts). */
  runsOn?: string
}

/**
 * One module's estimate. A public function a test names counts as run (0); one in a module tests import
 * without naming it, or in a module nothing reaches, as not run (1). Methods take their class's reach
 * (a class tests name, or a subclass of it they name); private functions and nested helpers their
 * module's; one in a module whose public symbols tests name may run through them (0.5). A module only
 * reached through other modules' imports: 0.5, and so is a public function tests do not name in a module
 * that code the tests reach imports. `defaultBound`: a test binds the module's default export or whole
 * CommonJS export. `runByTests`: a script a test runs as a command (`python -m pkg.tool`): 0.5 at least.
 */
export function estimateFunctions(
  module: ModuleModel,
  reach: TestReach,
  importedByReachedCode: boolean,
  defaultBound = false,
  runByTests = false,
  graph?: ReachGraph,
  overridden: ReadonlySet<string> = new Set(),
  notTaken: readonly { startLine: number; endLine: number; names?: readonly string[] }[] = []
): Estimate[] {
  const referencedInModule = reach.referenced.get(module.path)
  const classReach = new Map<string, UnitReach>()
  for (const cls of module.classes)
    classReach.set(
      cls.name,
      cls.exported ? unitReach(reach, module.path, exportNamesOf(module, cls.name)) : 'indirect'
    )
  // A class whose subclass tests name runs its inherited methods (reach.ts records the base as referenced).
  const estimates = module.functions.map((fn): Estimate => {
    let r: UnitReach
    if (fn.className && classReach.has(fn.className)) r = classReach.get(fn.className) as UnitReach
    else if (fn.exported && fn.qualifiedName === fn.name) {
      const names = exportNamesOf(module, fn.name)
      r =
        defaultBound && (names.includes('default') || fn.name === 'default')
          ? 'referenced'
          : unitReach(reach, module.path, names)
    }
    // A private top-level function counts as named when a test names it (Python: `from m import _helper`).
    else r = unitReach(reach, module.path, fn.qualifiedName === fn.name ? [fn.name] : [])
    const isPublic = fn.exported && fn.qualifiedName === fn.name
    const privateReached =
      r === 'module-imported' &&
      (isPublic
        ? importedByReachedCode
        : (referencedInModule?.size ?? 0) > 0 || defaultBound || importedByReachedCode)
    let share = r === 'referenced' ? 0 : r === 'indirect' || privateReached || runByTests ? 0.5 : 1
    // Where no import reaches the module (plugins loaded by name, entry points), the names still decide.
    if (graph && !runByTests) share = sharpened(module, fn, r, share, graph, overridden)
    return {
      fn,
      share,
      reach: share === 1 && r === 'referenced' ? 'module-imported' : share === 0.5 ? 'indirect' : r,
      ...(share === 1 && graph?.shadowed(fn) ? { overridden: true as const } : {})
    }
  })
  return withCalleesOfNamed(module, estimates, graph, notTaken)
}

/**
 * A function that a function tests name calls, in the same module (`check(...)`, `self.check(...)`), may
 * run through it: "may run" (0.5) rather than "untested". Followed transitively.
 */
function withCalleesOfNamed(
  module: ModuleModel,
  estimates: Estimate[],
  graph?: ReachGraph,
  notTaken: readonly { startLine: number; endLine: number; names?: readonly string[] }[] = []
): Estimate[] {
  const byName = new Map<string, FunctionDecl[]>()
  for (const fn of module.functions)
    byName.set(fn.qualifiedName, [...(byName.get(fn.qualifiedName) ?? []), fn])
  const callees = new Map<string, FunctionDecl[]>()
  for (const call of module.calls) {
    if (!call.enclosing) continue
    // A call in a branch this interpreter does not take (platform-branches.ts, optional-imports.ts).
    const line = call.loc.startLine
    if (notTaken.some((b) => inBranch(b, line, call.callee))) continue
    const owner = module.functions.find((f) => f.qualifiedName === call.enclosing)
    const self = /^(self|cls|this)\.([A-Za-z_$][\w$]*)$/.exec(call.callee)
    const target = self && owner?.className ? `${owner.className}.${self[2]}` : call.callee
    // `self.enter()` in a base whose every subclass overrides `enter` runs an override.
    const found = byName.get(target)?.filter((fn) => !graph?.shadowed(fn))
    if (found) callees.set(call.enclosing, [...(callees.get(call.enclosing) ?? []), ...found])
  }
  const reached = new Set<FunctionDecl>()
  const queue = estimates.filter((e) => e.reach === 'referenced').map((e) => e.fn)
  while (queue.length > 0) {
    const fn = queue.pop() as FunctionDecl
    for (const next of callees.get(fn.qualifiedName) ?? []) {
      if (reached.has(next)) continue
      reached.add(next)
      queue.push(next)
    }
  }
  return estimates.map((e) =>
    e.share === 1 && reached.has(e.fn) ? { ...e, share: 0.5, reach: 'indirect' as const } : e
  )
}

/** Modules whose default export (or whole CommonJS `module.exports`) a test binds: `const parse = require('../')`. */
export function defaultBoundModules(modules: readonly ModuleModel[]): Set<string> {
  const bound = new Set<string>()
  for (const module of modules) {
    if (!module.isTest) continue
    for (const decl of module.imports) {
      if (
        decl.resolved &&
        !decl.typeOnly &&
        decl.names.some(
          (n) => n.imported === 'default' || (decl.kind === 'require' && n.imported === '*')
        )
      )
        bound.add(decl.resolved)
    }
  }
  return bound
}

/** Bases that add no hooks of their own. */
/** Platform interfaces whose every member is a symbol method or `then`: implementing one lends no hook. */
const IMPLICIT_PROTOCOLS = new Set([
  'Iterable',
  'AsyncIterable',
  'PromiseLike',
  'Disposable',
  'AsyncDisposable'
])
const PLAIN_BASES = new Set([
  'object',
  'ABC',
  'abc.ABC',
  'Exception',
  'Protocol',
  'typing.Protocol',
  'Generic',
  'NamedTuple',
  'TypedDict',
  'Enum'
])

/** Decorators that register nothing with a framework. */
const NOT_REGISTERING = new Set(['staticmethod', 'classmethod'])

/** `@property`, `@cached_property`, `@x.setter`: the function is read as an attribute. */
function isAccessor(decorator: string): boolean {
  return (
    decorator === 'property' ||
    decorator.endsWith('cached_property') ||
    /\.(getter|setter|deleter)$/.test(decorator)
  )
}

/** Methods any code may call without naming them: protocol methods, constructors, accessors. */
const IMPLICIT = /^(__\w+__|constructor|toString|toJSON|valueOf|then|\[Symbol\..*\])$/

/**
 * The names decide: a function or method that no path of names from the tests reaches (reach-graph.ts:
 * nothing tests or code they reach call, pass on or name in a string uses it) cannot run, whatever
 * tests import;
 * one that something uses may run (0.5) unless tests name it (0). An abstract method never runs itself.
 * Accessors, protocol methods and decorated functions (routes, fixtures, commands) are left as they were.
 */
function sharpened(
  module: ModuleModel,
  fn: FunctionDecl,
  r: UnitReach,
  share: number,
  graph: ReachGraph,
  overridden: ReadonlySet<string>
): number {
  if (isAbstract(module, fn, overridden)) return 1
  // A marker (markers.ts): tests pass it as a value, and nothing calls it.
  if (!fn.className && overridden.has(`marker:${fn.name}`)) return 1
  // A Python property runs when its name is read (`item.value`), which the graph follows like a call.
  const property =
    (module.language === 'python' && (fn.kind === 'getter' || fn.kind === 'setter')) ||
    isStaticAccessor(module, fn)
  if (
    (!property && (fn.kind === 'getter' || fn.kind === 'setter')) ||
    fn.kind === 'constructor' ||
    IMPLICIT.test(fn.name)
  )
    return share
  // Registered with a framework object (`@app.get`, `@cli.command`, `@pytest.fixture`): it runs when the
  // framework dispatches to it, through a test client or a CLI runner, without anyone naming it.
  // A decorator of ours that wraps (`@wraps(f)` inside, decorators.ts) hands the function to nothing:
  // the names decide for it.
  if (
    (fn.decorators ?? []).some(
      (d) =>
        !NOT_REGISTERING.has(d) &&
        !(property && isAccessor(d)) &&
        !overridden.has(`wrapping:${decoratorCallee(d)}`)
    )
  )
    return Math.min(share, 0.5)
  // A method of a class built on a library's class (`HTMLParser`, `Thread`) may be a hook the library
  // calls by name; a property added to it is read by our code (`Integer(int).discriminant`).
  const cls = fn.className ? module.classes.find((c) => c.name === fn.className) : undefined
  if (cls && !property && overridden.has(`library-based:${cls.name}`)) return Math.min(share, 0.5)
  const named = r === 'referenced' && !fn.className
  if (named) return 0
  if (graph.reached(module, fn)) return Math.min(share, 0.5) === 0 ? 0 : 0.5
  return 1
}

/**
 * An abstract method: `@abstractmethod`, or a body that only raises NotImplementedError in a class whose
 * subclasses override it (a concrete class's raising method may well be called, to see it raise).
 */
function isAbstract(
  module: ModuleModel,
  fn: FunctionDecl,
  overridden: ReadonlySet<string>
): boolean {
  if (!fn.className) return false
  if ((fn.decorators ?? []).some((d) => d === 'abstractmethod' || d.endsWith('.abstractmethod')))
    return true
  if (!overridden.has(`${fn.className}.${fn.name}`)) return false
  // A subclass that does not override it inherits the raising body, which a test may well call.
  if (overridden.has(`inherited:${fn.className}.${fn.name}`)) return false
  const throws = module.throws.filter((t) => t.enclosing === fn.qualifiedName)
  const calls = module.calls.filter(
    (c) => c.enclosing === fn.qualifiedName && c.name !== 'NotImplementedError'
  )
  return (
    fn.complexity === 1 &&
    throws.length === 1 &&
    throws[0].errorType === 'NotImplementedError' &&
    calls.length === 0
  )
}

/**
 * `Class.method` names that a subclass somewhere overrides (classes matched by name), with
 * `inherited:Class.method` when another subclass does not, `class:Name` for
 * each class defined, `library-based:Name` for each class built on a library's class, and
 * `wrapping:name` for each decorator of ours that wraps what it decorates (decorators.ts), and
 * `marker:name` for each marker function (markers.ts).
 */
export function overriddenMethods(modules: readonly ModuleModel[]): Set<string> {
  const methodsOf = new Map<string, Set<string>>()
  for (const module of modules)
    for (const fn of module.functions)
      if (fn.className) {
        let set = methodsOf.get(fn.className)
        if (!set) methodsOf.set(fn.className, (set = new Set()))
        set.add(fn.name)
      }
  const out = new Set<string>()
  // Classes defined here (`class:Name`): a base not among them comes from a library.
  const basesOf = new Map<string, string[]>()
  for (const module of modules)
    for (const cls of module.classes) {
      out.add(`class:${cls.name}`)
      // An interface of ours a class implements (`implements ISchema<T>`) lends it no hooks: no
      // library holds it by that interface.
      // Nor does a platform protocol whose members all run unnamed (`implements Iterable<T>`: only
      // `[Symbol.iterator]`, which runs implicitly anyway).
      const own = (cls.implements ?? []).filter(
        (i) => !libraryType(module, i) || IMPLICIT_PROTOCOLS.has(i.replace(/<.*$/s, '').trim())
      )
      const bases = cls.bases.filter((b) => !own.includes(b))
      basesOf.set(cls.name, [...(basesOf.get(cls.name) ?? []), ...bases])
    }
  // `library-based:Name`: a class built, directly or through classes defined here, on a library's class.
  const libraryBased = (name: string, seen: Set<string>): boolean =>
    (basesOf.get(name) ?? []).some((base) => {
      const short = base.split('.').pop() ?? base
      if (PLAIN_BASES.has(base) || PLAIN_BASES.has(short) || seen.has(short)) return false
      if (!basesOf.has(short)) return true
      seen.add(short)
      return libraryBased(short, seen)
    })
  for (const name of basesOf.keys())
    if (libraryBased(name, new Set([name]))) out.add(`library-based:${name}`)
  for (const name of wrappingDecorators(modules)) out.add(`wrapping:${name}`)
  for (const name of markerFunctions(modules)) out.add(`marker:${name}`)
  const subclassesOf = new Map<string, string[]>()
  for (const module of modules) {
    if (module.isTest) continue
    for (const cls of module.classes) {
      const own = methodsOf.get(cls.name) ?? new Set<string>()
      for (const base of cls.bases) {
        const baseName = base.split('.').pop() ?? base
        subclassesOf.set(baseName, [...(subclassesOf.get(baseName) ?? []), cls.name])
        for (const method of methodsOf.get(baseName) ?? [])
          if (own.has(method)) out.add(`${baseName}.${method}`)
      }
    }
  }
  // `inherited:Base.m`: a subclass that does not override Base.m inherits it (and may be built).
  const inheritedBy = (cls: string, method: string): boolean =>
    (subclassesOf.get(cls) ?? []).some((sub) => !methodsOf.get(sub)?.has(method))
  for (const key of [...out]) {
    const dot = key.indexOf('.')
    if (key.includes(':') || dot < 0) continue
    if (inheritedBy(key.slice(0, dot), key.slice(dot + 1))) out.add(`inherited:${key}`)
  }
  return out
}

/**
 * Whether a type a class implements comes from a library: imported (by the name it starts with, before
 * any type arguments) from a package rather than a module of the repository. A name not imported is
 * declared in the file, or a global of the platform (`EventListenerObject`): a global counts as a library's.
 */
function libraryType(module: ModuleModel, written: string): boolean {
  const starts = (name: string): boolean =>
    written === name || written.startsWith(`${name}<`) || written.startsWith(`${name}.`)
  for (const decl of module.imports)
    for (const { local } of decl.names) if (local && starts(local)) return !decl.resolved
  return !module.classes.some((c) => starts(c.name)) && !declaredHere(module, starts)
}

/** A type the file itself declares: an exported interface or type alias (the model lists exports). */
function declaredHere(module: ModuleModel, starts: (name: string) => boolean): boolean {
  return module.exports.some((e) => starts(e.name))
}
