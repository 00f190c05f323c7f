// Decorators of the repository's own that wrap the function they decorate rather than register it:
// `def truth(f): @wraps(f) def check(v): ...; return check`. A function so decorated runs only when its
// wrapper is called, that is when something uses its name, so the reach graph decides for it as for any
// function; a decorator from a library or a framework object (`@app.get`, `@pytest.fixture`) may hand
// the function to something that calls it without naming it, and keeps it "may run".
import type { FunctionDecl, ModuleModel } from '../../src/model/types.js'

/** A wrapper built by `functools.wraps`: the mark of a decorator that returns a new function. */
const WRAPS = new Set(['wraps', 'functools.wraps'])
/** Calls that may keep the function somewhere a caller finds it without its name (a registry). */
const STORING = new Set([
  'append',
  'add',
  'register',
  'setdefault',
  'setattr',
  'update',
  'insert',
  'extend',
  '__setitem__'
])

/** The callee of a decorator's text: `message` of `message('x', cls=E)`, `wraps` of `wraps(f)`. */
export function decoratorCallee(decorator: string): string {
  const paren = decorator.indexOf('(')
  return (paren >= 0 ? decorator.slice(0, paren) : decorator).trim()
}

/**
 * Names of Python top-level functions that, wherever they are defined in the repository (every
 * definition of the name counts), build a `@wraps(f)` wrapper inside them and store nothing.
 */
export function wrappingDecorators(modules: readonly ModuleModel[]): Set<string> {
  const verdict = new Map<string, boolean>()
  for (const module of modules) {
    if (module.isTest || module.language !== 'python') continue
    for (const fn of module.functions) {
      if (fn.className || fn.qualifiedName !== fn.name) continue
      const inner = module.functions.filter((f) => f !== fn && inside(fn, f))
      const wraps = inner.some((f) =>
        (f.decorators ?? []).some((d) => WRAPS.has(decoratorCallee(d)))
      )
      const body = new Set([fn.qualifiedName, ...inner.map((f) => f.qualifiedName)])
      const stores = module.calls.some(
        (c) => c.enclosing !== undefined && body.has(c.enclosing) && STORING.has(c.name)
      )
      verdict.set(fn.name, (verdict.get(fn.name) ?? true) && wraps && !stores)
    }
  }
  return new Set([...verdict].filter(([, wraps]) => wraps).map(([name]) => name))
}

function inside(outer: FunctionDecl, inner: FunctionDecl): boolean {
  const o = outer.loc
  const i = inner.loc
  return (
    i.startLine >= o.startLine &&
    i.endLine <= o.endLine &&
    (i.startLine > o.startLine || i.endLine < o.endLine)
  )
}
